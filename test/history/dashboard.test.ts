/**
 * The dashboard end to end: a store built by `memgate baseline update` calls, `memgate dashboard`
 * writes the page, headless Chromium (playwright-core driving the system Chromium, see test/support/tools.ts) opens it from
 * file:// with no network: no console error, every chart has its points, the change point is listed
 * and linked, the filter works, and screenshots are kept in bench/.out/history/.
 * Without Chromium the browser test skips with the reason, unless MEMGATE_REQUIRE_CHROMIUM=1.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { dashboardData, renderDashboard } from '../../src/report/dashboard.js';
import { runCliCaptured } from '../support/cli.js';
import { launchChromium, requireTool } from '../support/tools.js';
import { buildStore, KIB, sha } from './store-builder.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHOTS = join(ROOT, 'bench', '.out', 'history');
const REPO_URL = 'https://github.com/DataDog/integrations-core';
const STEP_AT = 18;

interface PageState {
  charts: { check: string; metric: string; points: number; drawn: number }[];
}

describe('memgate dashboard', () => {
  let tmp: string;
  let site: string;
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'memgate-dash-'));
    const store = join(tmp, 'store');
    await buildStore(
      tmp,
      store,
      'postgres',
      Array.from({ length: 30 }, (_, i) => (i < STEP_AT ? 50 * KIB : 64 * KIB)),
    );
    await buildStore(
      tmp,
      store,
      'redis',
      Array.from({ length: 30 }, (_, i) => 50 * KIB * 1.02 ** Math.max(0, i - 19)),
    );
    site = join(tmp, 'site');
    const res = await runCliCaptured(
      ['dashboard', '--baseline', 'store', '--out', 'site', '--repo-url', REPO_URL],
      tmp,
    );
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /dashboard of 2 checks, 4 charts, 120 points written to site\/index\.html/);
  });
  after(() => rm(tmp, { recursive: true, force: true }));

  it('writes one self-contained page: uPlot inlined, no external URL loaded', async () => {
    const html = await readFile(join(site, 'index.html'), 'utf8');
    assert.match(html, /uPlot v1\.6\.32|leeoniya\/uPlot \(v1\.6\.32\)/);
    assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=/i, 'no external script or stylesheet');
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  });

  it('keeps store text out of the HTML: names land as escaped JSON only', () => {
    const evil = '</script><img src=x onerror=alert(1)>';
    const html = renderDashboard(
      dashboardData([{ check: evil, metrics: [] }], {
        title: evil,
        repoUrl: 'javascript:alert(1)',
        now: new Date(0),
        permutations: 199,
      }),
      { uplotJs: '', uplotCss: '', uplotVersion: '1' },
    );
    assert.ok(!html.includes('<img src=x'), 'no raw tag');
    assert.equal(html.match(/<\/script>/g)?.length, 3, 'only the three script elements close');
    assert.match(html, /"commitUrl":null/, 'a non-http repository URL gives no links');
  });

  it('opens in headless Chromium with no console error, charts with points, the step marked', async (t) => {
    if (!requireTool(t, 'chromium')) return;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const url = pathToFileURL(join(site, 'index.html')).href;
      await page.goto(url);
      await page.waitForFunction('window.memgateDashboard && window.memgateDashboard.charts.length > 0');
      // The page's own state: the series each uPlot instance was given.
      const state = await page.evaluate<PageState['charts']>(
        'window.memgateDashboard.charts.map((c) => ({ check: c.check, metric: c.metric, points: c.points, drawn: c.plot.data[1].length }))',
      );
      assert.deepEqual(
        state.map((c) => [c.check, c.metric, c.points, c.drawn]),
        [
          ['postgres', 'python.check_run_alloc', 30, 30],
          ['postgres', 'python.pymem.inuse', 30, 30],
          ['redis', 'python.check_run_alloc', 30, 30],
          ['redis', 'python.pymem.inuse', 30, 30],
        ],
      );
      assert.equal(await page.locator('.uplot canvas').count(), 4);
      // The step's change point is listed, linked to its commit.
      const link = page.locator(
        'section[data-check="postgres"][data-metric="python.check_run_alloc"] .changes a',
      );
      assert.equal(await link.count(), 1);
      assert.equal(await link.getAttribute('href'), `${REPO_URL}/commit/${sha(STEP_AT)}`);
      assert.match(
        (await page.locator('section[data-check="redis"] .creep').first().textContent()) ?? '',
        /has risen 2[12]% over the last 10 merges/,
      );
      // Hovering a point shows its commit as a link.
      const over = page.locator(
        'section[data-check="postgres"][data-metric="python.check_run_alloc"] .u-over',
      );
      const box = await over.boundingBox();
      assert.ok(box);
      await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
      const hover = page.locator(
        'section[data-check="postgres"][data-metric="python.check_run_alloc"] .hover a',
      );
      assert.equal(await hover.getAttribute('href'), `${REPO_URL}/commit/${sha(29)}`);
      await mkdir(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, 'dashboard-light.png'), fullPage: true });
      // Filter by check and metric.
      await page.selectOption('#filter-check', 'postgres');
      await page.selectOption('#filter-metric', 'python.check_run_alloc');
      assert.equal(await page.locator('section.card').count(), 1);
      await page.goto(`${url}?theme=dark&check=postgres`);
      await page.waitForFunction("document.querySelectorAll('.uplot canvas').length === 2");
      const bg = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
      assert.equal(bg, 'rgb(13, 17, 23)', 'dark theme');
      await page.screenshot({ path: join(SHOTS, 'dashboard-dark.png'), fullPage: true });
      assert.deepEqual(errors, [], 'no console error');
      assert.deepEqual(
        requests.filter((r) => !r.startsWith('file:')),
        [],
        'nothing fetched from the network',
      );
    } finally {
      await browser.close();
    }
  });

  it('dist/cli.js writes the same page with no node_modules next to it', async (t) => {
    const dist = join(ROOT, 'dist', 'cli.js');
    // .ci/run fails first when dist/ is not a fresh bundle of src/, so CI never takes these skips.
    if (!existsSync(dist)) {
      t.skip('dist/cli.js not built (npm run bundle)');
      return;
    }
    if (!(await readFile(dist, 'utf8')).includes("name: 'dashboard'")) {
      t.skip('dist/cli.js is older than the dashboard command (npm run bundle)');
      return;
    }
    const alone = join(tmp, 'alone');
    await mkdir(alone, { recursive: true });
    await copyFile(dist, join(alone, 'cli.js'));
    const out = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(
        process.execPath,
        [join(alone, 'cli.js'), 'dashboard', '--baseline', 'store', '--out', 'site-dist'],
        { cwd: tmp, env: { PATH: process.env.PATH ?? '' } },
        (err, stdout, stderr) => done({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
      );
    });
    assert.equal(out.code, 0, out.stderr);
    const html = await readFile(join(tmp, 'site-dist', 'index.html'), 'utf8');
    assert.match(html, /var uPlot=function\(\)/, 'uPlot is inlined from the bundle');
    assert.ok(html.includes(`"commits":["${sha(0)}"`));
  });
});
