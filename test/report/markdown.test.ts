/**
 * Golden tests of the PR comment. Each scenario's Markdown is committed under test/golden/; run with
 * UPDATE_GOLDEN=1 to rewrite them after an intended change, then read the diff.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

import {
  commentMarker,
  renderAllClear,
  renderComment,
  type RenderOptions,
} from '../../src/report/markdown.js';
import type { Verdict } from '../../src/model-verdict.js';
import { assertNoInjectedHtml, htmlTables, markdownTables, textOf, toHtml } from './html.js';
import * as fx from './verdicts.js';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '..', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const BASE: RenderOptions = {
  key: 'memory/queue_stats',
  version: '0.1.0',
  runUrl: 'https://github.com/DataDog/integrations-extras/actions/runs/12345678',
  reproduce: 'npx memgate run --check queue_stats --repeat 5 --check-times 20',
};

/** Column count by first header cell after the status column: every table kind the renderer emits. */
const COLUMNS: Record<string, number> = {
  Metric: 8,
  Series: 8,
  Site: 4,
  Function: 4,
  Check: 8,
};

function golden(name: string, md: string): void {
  const file = join(GOLDEN, `${name}.md`);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, md);
    return;
  }
  let expected: string;
  try {
    expected = readFileSync(file, 'utf8');
  } catch {
    assert.fail(`missing golden ${file}: run with UPDATE_GOLDEN=1`);
  }
  assert.equal(md, expected, `${name}.md differs from the golden (UPDATE_GOLDEN=1 rewrites it)`);
}

/** The structural checks every rendered comment must pass. */
function wellFormed(md: string): string {
  assert.ok(md.startsWith(`${commentMarker(BASE.key)}\n`), 'marker first');
  const html = assertNoInjectedHtml(md);
  const mdTables = markdownTables(md);
  const parsed = htmlTables(html);
  assert.equal(parsed.length, mdTables.length, 'marked sees every table');
  mdTables.forEach((t, i) => {
    const kind = t.header[0] === '' ? t.header[1] : t.header[0];
    const cols = COLUMNS[kind];
    assert.ok(cols, `unknown table kind ${kind}`);
    assert.equal(t.header.length, cols, `${kind} table header`);
    t.rowCells.forEach((n, r) =>
      assert.equal(n, cols, `${kind} table row ${r} has ${n} cells in the Markdown`),
    );
    assert.equal(parsed[i].header, cols);
    assert.deepEqual(parsed[i].rows, t.rowCells);
  });
  return html;
}

function scenario(
  name: string,
  verdict: Verdict,
  opts: Partial<RenderOptions> = {},
): { md: string; html: string; text: string } {
  const md = renderComment(verdict, { ...BASE, ...opts });
  const html = wellFormed(md);
  golden(name, md);
  return { md, html, text: textOf(html) };
}

describe('renderComment goldens', () => {
  it('all pass: short, everything folded', () => {
    const { md, text } = scenario('all-pass', fx.allPass());
    assert.match(md, /^## ✅ memgate: no memory regression or leak across 3 checks$/m);
    assert.match(text, /❌ 0 regressions · 🩸 0 leaks · ⚠️ 0 warnings · ✅ 8 unchanged/);
    assert.doesNotMatch(md, /^### /m, 'no check section when nothing needs a look');
    assert.match(md, /<details><summary>✅ 3 unchanged checks<\/summary>/);
    assert.match(text, /rtloader tracking is off/);
    assert.match(text, /Reproduce locally: npx memgate run --check queue_stats/);
    assert.doesNotMatch(md, /```mermaid/);
  });

  it('a regression: table row with CI and p, sites, chart', () => {
    const { md, text } = scenario('regression', fx.regression());
    assert.match(md, /^## ❌ memgate: memory check failed/m);
    assert.match(
      md,
      /\| ❌ \| <code>python\.pymem\.inuse<\/code> \| Python \| 24\.616 MiB ± [\d.]+ KiB \| 27\.691 MiB ± [\d.]+ KiB \| \+12\.5% \(\+3\.076 MiB\) \[\+10\.8% … \+14\.1%\] \| &lt; 0\.001 \| Mann-Whitney \|/,
    );
    assert.match(md, /\| <code>queue\\_stats\/check\.py:6<\/code> \| <code>return \\\[m\.groupdict\(\)/);
    assert.match(md, /\| \+2\.900 MiB \| \+41,210 \|/);
    assert.doesNotMatch(md, /check\.py:14/, 'a site that did not grow is not listed');
    assert.match(
      md,
      /```mermaid\n%%\{init[^\n]*\nxychart-beta\n {2}title "python\.pymem\.inuse per iteration"/,
    );
    assert.match(md, /y-axis "MiB" /);
    assert.match(text, /Baseline: 1\.3\.0 \(commit 9f3c2a1, 2 days old, 30 runs, from 6 merged commits\)/);
  });

  it('a leak: leak table with runs and the leaking file:line', () => {
    const { md, text } = scenario('leak', fx.leak());
    assert.match(text, /🩸 3 leaks/);
    assert.match(
      md,
      /\| 🩸 \| <code>go\.memstats\.heap\\_inuse<\/code> \| Go \| \+1\.50 KiB \| \+24\.00 KiB \| 4\/5 \| trend \|/,
    );
    assert.match(
      md,
      /\| 🩸 \| <code>python\.check\\_run\\_alloc<\/code> \| Python \| 3\.31 KiB retained \| \+52\.00 KiB \| 5\/5 \| retained per run \|/,
    );
    assert.match(
      md,
      /\| 🩸 \| <code>python\.pymem\.inuse<\/code> \| Python \| \+3\.44 KiB \| \+56\.00 KiB \| 3\/3 \| trend/,
    );
    assert.match(
      md,
      /\| <code>queue\\_stats\/check\.py:14<\/code> 🆕 \| <code>\\_history\.append\(tuple\(s\\\["name"\\\] for s in stats\\\[:30\\\]\)\)<\/code> \| \+40\.00 KiB \| \+480 \|/,
    );
    assert.match(md, /\| Function \| Site \| Δ bytes \| Δ count \|/, 'Go sites table');
    assert.match(
      md,
      /\| <code>github\.com\/DataDog\/datadog-agent\/pkg\/collector\/corechecks\.\(\\\*CheckBase\)\.Commit<\/code> \| <code>pkg\/collector\/corechecks\/checkbase\.go:212<\/code> \| \+24\.00 KiB \| \+96 \|/,
    );
    assert.match(md, /```mermaid/);
    assert.match(md, /grey: baseline · red: current/);
  });

  it('a plateau: no leak, the reason is in the details', () => {
    const { md, text } = scenario('plateau', fx.plateau());
    assert.match(md, /^## ✅ /m);
    assert.match(text, /🩸 0 leaks/);
    assert.doesNotMatch(md, /```mermaid/, 'no chart without a leak or regression');
    assert.match(text, /the second half does not grow \(a cache filling, not a leak\)/);
    assert.match(
      md,
      /\| <code>queue\\_stats<\/code> \| <code>python\.pymem\.inuse<\/code> \| Python \| \+12 B \| \+190 B \| 0\/5 \| trend \| rises for 6 iterations/,
    );
  });

  it('no baseline: says this run becomes the first', () => {
    const { md, text } = scenario('no-baseline', fx.noBaseline());
    assert.match(text, /no baseline for 1\.3\.0: this run becomes the first/);
    assert.match(
      md,
      /\| 🆕 \| <code>python\.pymem\.inuse<\/code> \| Python \| — \| 24\.\d+ MiB ± [\d.]+ KiB \| — \| — \| no baseline \|/,
    );
  });

  it('a fallback version and an unreadable baseline', () => {
    const { text } = scenario('fallback-version', fx.fallbackVersion());
    assert.match(
      text,
      /compared with 1\.2\.0's baseline \(no baseline for 1\.3\.0 yet\): commit 9f3c2a1, 12 days old, 30 runs/,
    );
    assert.match(
      text,
      /unreadable: postgres\/15\.1\.0\.json: schemaVersion is 3, newer than this memgate understands \(1\); upgrade memgate\. Nothing was compared/,
    );
  });

  it('a fork PR: the notice, and a threshold-only rule that says why', () => {
    const { md, text } = scenario('fork-pr', fx.forkRegression(), { forkNotice: true });
    assert.match(md, /^> \[!NOTE\]\n> This pull request comes from a fork/m);
    assert.match(text, /threshold only: 3 vs 3 runs, too few for a test/);
  });

  it('hostile strings stay text: no HTML, no mention, tables intact', () => {
    const { md, html, text } = scenario('hostile', fx.hostile());
    assert.doesNotMatch(html, /<img|<script|<b>/i);
    assert.ok(text.includes(fx.HOSTILE_NAME.replace('@', '@\u200b')), 'the name is shown, as text');
    assert.ok(text.includes(`${fx.HOSTILE_PATH}:7`), 'the path is shown whole, pipes and backticks included');
    assert.ok(text.includes('ok\\|still/one cell.py:8'), 'a backslash before a pipe does not split the cell');
    assert.ok(text.includes('@\u200beveryone look </details><img src=x onerror=alert(2)>'));
    assert.doesNotMatch(md, /^```[^m\n]/m, 'nothing from the input opens or closes a fence');
    assert.match(md, /title "evil__ --_ x ___ per iteration"/);
  });

  it('a huge report truncates visibly under 60,000 characters', () => {
    const verdict = fx.huge();
    const { md, text } = scenario('huge', verdict);
    assert.ok(md.length < 60_000, `length ${md.length}`);
    const m = /✂️ (\d+) rows(?:, (\d+) charts)?(?:, (\d+) check sections)? omitted/.exec(text);
    assert.ok(m, 'says how many rows were omitted');
    assert.ok(Number(m[1]) > 0);
    assert.match(md, /_… \d+ rows? omitted to fit the size limit\._/);
    // The most important content survives: the first failing check's regression row.
    assert.match(md, /### ❌ `check_000` 1\.0\.0[\s\S]*?\| ❌ \| <code>python\.pymem\.inuse<\/code>/);
    const untruncated = renderComment(verdict, { ...BASE, maxChars: 10_000_000 });
    assert.ok(untruncated.length > 60_000, 'the fixture really is over the limit');
    assert.doesNotMatch(untruncated, /omitted/);
  });

  it('a tight cap drops whole check sections and still closes every <details>', () => {
    for (const max of [3000, 1500, 900]) {
      const md = renderComment(fx.huge(), { ...BASE, maxChars: max });
      assert.ok(md.length <= max, `${md.length} > ${max}`);
      wellFormed(md);
    }
  });

  it('the all-clear body is short and carries the marker', () => {
    const md = renderAllClear({ key: BASE.key, version: '0.1.0', runUrl: 'javascript:alert(1)' });
    assert.ok(md.startsWith(commentMarker(BASE.key)));
    assert.doesNotMatch(md, /javascript/);
    assert.ok(md.length < 400);
    assertNoInjectedHtml(md);
  });

  it('rendering is deterministic and the marker key cannot close the comment', () => {
    assert.equal(renderComment(fx.leak(), BASE), renderComment(fx.leak(), BASE));
    const md = renderComment(fx.allPass(), { ...BASE, key: 'x --> <img src=x onerror=alert(1)>' });
    assert.match(md.split('\n')[0], /^<!-- memgate:[A-Za-z0-9._/:+=]+ -->$/);
    assert.doesNotMatch(toHtml(md), /<img/);
  });
});
