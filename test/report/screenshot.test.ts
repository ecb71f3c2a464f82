/**
 * The comment as a reader sees it: Markdown rendered to HTML by a GFM renderer (marked), Mermaid
 * charts drawn by Mermaid 11 in headless Chromium, then checked in the page: no Mermaid error, the
 * summary table is there, and no ✅ row says a series was not tested. Screenshots are kept in
 * `.tmp/screenshots/` (ignored) to look at.
 *
 * Two comments: the demo's (two real tracemalloc runs of the simulator, steady then leaky, through
 * `memgate collect` and `memgate compare --format markdown`) and one of 200 checks.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import type { Browser } from 'playwright-core';

import { renderComment } from '../../src/report/markdown.js';
import { runCliCaptured } from '../support/cli.js';
import { launchChromium, skipWithout } from '../support/tools.js';
import { collectArgv } from './fixture-reports.js';
import { toHtml } from './html.js';
import * as fx from './verdicts.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MERMAID = join(ROOT, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
const SHOTS = join(ROOT, '.tmp', 'screenshots');

const missing = skipWithout('chromium');

/** The demo's comment: steady baseline, leaky head, both real tracemalloc runs of the simulator. */
async function demoComment(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'memgate-shot-'));
  for (const [fixture, out] of [
    ['steady-gc', 'base.json'],
    ['leaky-gc-positive', 'head.json'],
  ]) {
    const r = await runCliCaptured(collectArgv(fixture, out), dir);
    assert.equal(r.code, 0, r.stderr);
  }
  const md = await runCliCaptured(
    ['compare', '--baseline', 'base.json', '--report', 'head.json', '--format', 'markdown'],
    dir,
  );
  assert.equal(md.code, 1, md.stderr);
  return md.stdout;
}

interface PageFacts {
  mermaidErrors: string[];
  charts: number;
  summaryHeads: string[][];
  /** Every table row whose first cell is ✅, as text. */
  passRows: string[];
  summaryRows: string[][];
}

/**
 * Runs in the page (a string, so the test's TypeScript transform adds nothing to it): draw every
 * Mermaid block as GitHub does, and collect what the checks need.
 */
const IN_PAGE = `(async () => {
  mermaid.initialize({ startOnLoad: false });
  const mermaidErrors = [];
  for (const code of [...document.querySelectorAll('code.language-mermaid')]) {
    const text = code.textContent || '';
    try { await mermaid.parse(text); } catch (e) { mermaidErrors.push(String(e)); }
    const div = document.createElement('div');
    div.className = 'mermaid';
    div.textContent = text;
    code.parentElement.replaceWith(div);
  }
  try { await mermaid.run({ querySelector: '.mermaid' }); } catch (e) { mermaidErrors.push(String(e)); }
  for (const d of document.querySelectorAll('.mermaid'))
    if (/Syntax error|Parse error/i.test(d.textContent || '')) mermaidErrors.push(d.textContent);
  const cells = (tr) => [...tr.children].map((c) => (c.textContent || '').trim());
  const tables = [...document.querySelectorAll('table')];
  const summary = tables.filter((t) => cells(t.querySelector('thead tr')).includes('Worst metric'));
  return {
    mermaidErrors,
    charts: document.querySelectorAll('.mermaid svg').length,
    summaryHeads: summary.map((t) => cells(t.querySelector('thead tr'))),
    summaryRows: summary.flatMap((t) => [...t.querySelectorAll('tbody tr')].map(cells)),
    passRows: tables
      .flatMap((t) => [...t.querySelectorAll('tbody tr')])
      .filter((tr) => cells(tr)[0] === '✅')
      .map((tr) => tr.textContent || ''),
  };
})()`;

describe('the comment in a browser', { skip: missing }, () => {
  let browser: Browser;

  before(async () => {
    browser = await launchChromium();
    await mkdir(SHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
  });

  async function show(md: string, name: string): Promise<PageFacts> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent(
      `<!doctype html><meta charset="utf-8"><body style="font:14px sans-serif;max-width:1050px">${toHtml(md)}</body>`,
    );
    await page.addScriptTag({ path: MERMAID });
    const facts = (await page.evaluate(IN_PAGE)) as PageFacts;
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    await page.screenshot({ path: join(SHOTS, `${name}-top.png`) });
    await page.close();
    assert.deepEqual(errors, [], 'no script error in the page');
    return facts;
  }

  function commonChecks(f: PageFacts): void {
    assert.deepEqual(f.mermaidErrors, [], 'no Mermaid error');
    assert.equal(f.summaryHeads.length, 1, 'one summary table');
    assert.deepEqual(f.summaryHeads[0], ['', 'Check', 'Worst metric', 'Change', 'Why']);
    for (const row of f.passRows)
      assert.doesNotMatch(
        row,
        /not tested|too few iterations|no baseline/i,
        `a ✅ row for an untested series: ${row}`,
      );
  }

  it('the demo comment: a leak, its chart drawn, the summary table', async () => {
    const f = await show(await demoComment(), 'demo');
    commonChecks(f);
    assert.ok(f.charts >= 1, 'the leak chart is drawn');
    assert.equal(f.summaryRows.length, 1);
    assert.equal(f.summaryRows[0][0], '🩸');
  });

  it('10 checks: charts drawn, never more than 5', async () => {
    const f = await show(renderComment(fx.many(10), { key: 'memory', version: '0.1.0' }), 'checks-10');
    commonChecks(f);
    assert.equal(f.charts, 5, 'the chart budget is used, and not exceeded');
  });

  it('the 200-check comment: every failing check in the table, at most 5 charts', async () => {
    const v = fx.many(200);
    const f = await show(renderComment(v, { key: 'memory', version: '0.1.0' }), 'checks-200');
    commonChecks(f);
    assert.ok(f.charts <= 5, `${f.charts} charts`);
    const failing = v.checks.filter((c) => c.status === 'fail').map((c) => c.check.name);
    for (const name of failing)
      assert.ok(
        f.summaryRows.some((r) => r[1].startsWith(name) && /leak|regression/.test(r[4])),
        `${name} has its row and reason`,
      );
  });
});
