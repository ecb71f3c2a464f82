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
import { assertNoInjectedHtml, htmlTables, markdownTables, splitRow, textOf, toHtml } from './html.js';
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
  Check: 5,
  Metric: 6,
  'Check · metric': 6,
  'Budget metric': 5,
  Site: 4,
  Function: 4,
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

/** The rows of the summary table (the first table), as cells. */
function summaryRows(md: string): string[][] {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l.startsWith('| | Check | Worst metric |'));
  assert.ok(start >= 0, 'summary table present');
  const rows: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i].startsWith('|'); i++)
    rows.push(splitRow(lines[i]).map((c) => c.trim()));
  return rows;
}

/** Every table row that names `metric`, within one check section (from its heading to the next). */
function rowsNaming(md: string, checkName: string, metric: string): string[] {
  const at = md.indexOf(`\`${checkName}\``, md.indexOf('### '));
  const end = md.indexOf('\n### ', at + 1);
  const section = md.slice(at, end < 0 ? undefined : end);
  const code = `<code>${metric.replace(/_/g, '\\_')}</code>`;
  return section.split('\n').filter((l) => l.startsWith('| ') && l.split('|')[2]?.trim() === code);
}

describe('renderComment goldens', () => {
  it('all pass: summary table, nothing red, everything folded', () => {
    const { md, text } = scenario('all-pass', fx.allPass());
    assert.match(md, /^## ✅ memgate: no memory regression or leak across 3 checks$/m);
    assert.match(text, /✅ 9 passed/);
    assert.doesNotMatch(text, /❌|🩸|⚠️ 0|\b0 regressions|0 leaks/, 'no zero count and no red mark');
    assert.doesNotMatch(md, /^### /m, 'no check section when nothing needs a look');
    assert.equal(summaryRows(md).length, 3);
    assert.match(md, /<details><summary>3 checks without findings<\/summary>/);
    assert.match(text, /rtloader tracking is off/);
    assert.match(md, /Reproduce locally:\n\n```sh\nnpx memgate run --check queue_stats/);
    assert.doesNotMatch(md, /```mermaid/);
  });

  it('a regression: one row with CI and p, the site that explains it, a chart', () => {
    const { md, text } = scenario('regression', fx.regression());
    assert.match(md, /^## ❌ memgate: memory check failed in 1 of 2 checks$/m);
    assert.match(text, /❌ 1 regression · ✅ 5 passed/);
    const [first, second] = summaryRows(md);
    assert.equal(first[0], '❌');
    assert.match(first[1], /^\[<code>queue\\_stats<\/code> 1\.3\.0\]\(#memgate-check-0\)$/);
    assert.match(first[2], /python\.pymem\.inuse/);
    assert.equal(first[3], '+12.5% (+3.076 MiB)');
    assert.match(first[4], /regression \(Mann-Whitney p &lt; 0\.001\)/);
    assert.equal(second[0], '✅');
    assert.match(
      md,
      /\| ❌ \| <code>python\.pymem\.inuse<\/code> \| Python \| 24\.616 MiB ± [\d.]+ KiB → 27\.691 MiB ± [\d.]+ KiB \| \+12\.5% \(\+3\.076 MiB\) · 90% CI \+10\.8% … \+14\.1% · p &lt; 0\.001 \|/,
    );
    assert.match(
      md,
      /- ❌ <code>python\.pymem\.inuse<\/code> grew at <code>queue\\_stats\/check\.py:6<\/code> \+2\.900 MiB \(94% of the change\)/,
      'the regression names the site that explains it',
    );
    assert.match(md, /\| <code>queue\\_stats\/check\.py:6<\/code> \| <code>return \\\[m\.groupdict\(\)/);
    assert.doesNotMatch(md, /check\.py:14/, 'a site that did not grow is not listed');
    assert.match(
      md,
      /```mermaid\n%%\{init[^\n]*\nxychart-beta\n {2}title "python\.pymem\.inuse per check run"/,
    );
    assert.match(md, /x-axis "check run \(one point each, in one process\)"/);
    assert.match(text, /Baseline: 1\.3\.0 \(commit 9f3c2a1, 2 days old, 30 runs, from 6 merged commits\)/);
  });

  it('a leak: each metric once, in the leak table, with what each run keeps', () => {
    const { md, text } = scenario('leak', fx.leak());
    assert.match(text, /🩸 3 leaks · ✅ 1 passed/);
    assert.match(
      md,
      /\| 🩸 \| <code>go\.memstats\.heap\\_inuse<\/code> \| Go \| [^|]+ \| \+1\.50 KiB per check run, \+24\.00 KiB over a process run · 4\/5 runs \|/,
    );
    assert.match(
      md,
      /\| 🩸 \| <code>python\.check\\_run\\_alloc<\/code> \| Python \| [^|]+ \| keeps 3\.31 KiB per check run · 5\/5 runs \|/,
    );
    for (const metric of ['python.pymem.inuse', 'python.check_run_alloc'])
      assert.equal(rowsNaming(md, 'queue_stats', metric).length, 1, `${metric} told once`);
    assert.equal(rowsNaming(md, 'go_expvar', 'go.memstats.heap_inuse').length, 1);
    assert.match(
      md,
      /\| <code>queue\\_stats\/check\.py:14<\/code> 🆕 \| <code>\\_history\.append\(tuple\(s\\\["name"\\\] for s in stats\\\[:30\\\]\)\)<\/code> \| \+40\.00 KiB \| \+480 \|/,
    );
    assert.match(md, /\| Function \| Site \| Δ bytes \| Δ count \|/, 'Go sites table');
    assert.match(
      md,
      /- 🩸 <code>go\.memstats\.heap\\_inuse<\/code> grew at <code>pkg\/collector\/corechecks\/checkbase\.go:212<\/code> \+24\.00 KiB \(all of the change\)/,
      'a Go leak names its site',
    );
    assert.match(md, /grey: baseline · red: current/);
  });

  it('a plateau: passes, the reason is in the folded details', () => {
    const { md, text } = scenario('plateau', fx.plateau());
    assert.match(md, /^## ✅ /m);
    assert.doesNotMatch(text, /🩸|❌/);
    assert.doesNotMatch(md, /```mermaid/, 'no chart without a leak or regression');
    assert.match(text, /the second half does not grow \(a cache filling, not a leak\)/);
  });

  it('no baseline: ⚪ not tested with the reason, never ✅', () => {
    const { md, text } = scenario('no-baseline', fx.noBaseline());
    assert.match(text, /no baseline for 1\.3\.0: this run becomes the first/);
    assert.match(md, /^## ✅ memgate: no memory regression or leak \(2 metrics not tested\)$/m);
    assert.match(
      md,
      /\| ⚪ \| <code>python\.pymem\.inuse<\/code> \| Python \| — → 24\.\d+ MiB ± [\d.]+ KiB \| not compared \| not tested: no baseline to compare with/,
    );
    assert.equal(summaryRows(md)[0][0], '⚪');
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
    assert.match(text, /threshold only \(3 vs 3 runs\)/);
  });

  it('hostile strings stay text: no HTML, no mention, tables intact', () => {
    const { md, html, text } = scenario('hostile', fx.hostile());
    assert.doesNotMatch(html, /<img|<script|<b>/i);
    assert.ok(text.includes(fx.HOSTILE_NAME.replace('@', '@\u200b')), 'the name is shown, as text');
    assert.ok(text.includes(`${fx.HOSTILE_PATH}:7`), 'the path is shown whole, pipes and backticks included');
    assert.ok(text.includes('ok\\|still/one cell.py:8'), 'a backslash before a pipe does not split the cell');
    assert.ok(text.includes('@\u200beveryone look </details><img src=x onerror=alert(2)>'));
    assert.doesNotMatch(md, /^```[^ms\n]/m, 'nothing from the input opens or closes a fence');
    assert.match(md, /title "evil__ --_ x ___ per check run"/);
  });

  it('a huge report truncates visibly under 60,000 characters', () => {
    const verdict = fx.huge();
    const { md, text } = scenario('huge', verdict);
    assert.ok(md.length < 60_000, `length ${md.length}`);
    assert.match(text, /✂️ \d+ rows(, \d+ charts?)?(, \d+ check sections?)? omitted/);
    assert.match(md, /_… \d+ (rows?|passing checks?) omitted to fit the size limit\._/);
    // Every failing check keeps its summary row, with its worst metric and reason.
    const failing = verdict.checks.filter((c) => c.status === 'fail').map((c) => c.check.name);
    const rows = summaryRows(md);
    for (const name of failing) {
      const row = rows.find((r) => r[1].includes(`<code>${name.replace(/_/g, '\\_')}</code>`));
      assert.ok(row, `${name} keeps its row`);
      assert.match(row[4], /regression \(Mann-Whitney/);
    }
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

describe('one story per metric', () => {
  for (const relative of [Infinity, null]) {
    it(`a leak against a zero baseline (relative ${relative}): once, 🩸, "from 0 B to", never ∞`, () => {
      const md = renderComment(fx.zeroBaselineLeak(relative), BASE);
      wellFormed(md);
      const rows = rowsNaming(md, 'queue_stats', 'python.check_run_alloc');
      assert.equal(rows.length, 1, 'one row for check_run_alloc');
      assert.match(
        rows[0],
        /^\| 🩸 \| .* \| 0 B → 3\.94 KiB \| keeps 3\.94 KiB per check run · 5\/5 runs \|/,
      );
      assert.doesNotMatch(md, /∞|Infinity|NaN/);
      assert.doesNotMatch(md, /-1\.56 KiB/, 'no negative "growth" beside a retained leak');
      // Its chart is the running total: a leak draws as growth, and the zero baseline is visible.
      const chart =
        /title "python\.check_run_alloc: kept so far"[\s\S]*?y-axis "KiB" (-?[\d.]+) --> ([\d.]+)\n {2}line \[(.*)\]\n {2}line \[(.*)\]/.exec(
          md,
        );
      assert.ok(chart, 'cumulative chart drawn');
      assert.ok(Number(chart[1]) < 0, 'the axis starts below 0 so the baseline line is not hidden on it');
      const current = chart[4].split(', ').map(Number);
      assert.ok(
        current.every((v, i) => i === 0 || v > current[i - 1]),
        'the current line rises',
      );
      assert.ok(
        chart[3].split(', ').every((v) => Number(v) === 0),
        'the baseline stays at 0',
      );
    });
  }

  it('a regression of 0 B → 1 MiB says "from 0 B to 1.000 MiB"', () => {
    const v = fx.zeroBaselineLeak(null);
    const m = v.checks[0].metrics[0];
    v.checks[0].leaks = v.checks[0].leaks.filter((l) => l.metric !== m.metric);
    m.current = { samples: [1024 * 1024], median: 1024 * 1024, mad: 0 };
    const md = renderComment(v, BASE);
    assert.match(
      rowsNaming(md, 'queue_stats', m.metric)[0],
      /\| ❌ \| .* \| 0 B → 1\.000 MiB \| from 0 B to 1\.000 MiB \|/,
    );
    assert.match(summaryRows(md)[0][3], /^from 0 B to 1\.000 MiB$/);
  });

  it('a series too short for a trend test is ⚪ not tested, never ✅', () => {
    const v = fx.verdictOf([
      fx.check('short_run', { leaks: [fx.untestedLeak('python.pymem.inuse', 'python')] }),
    ]);
    const md = renderComment(v, BASE);
    wellFormed(md);
    const row = md.split('\n').find((l) => l.includes('<code>python.pymem.inuse</code>'));
    assert.ok(row);
    assert.match(row, /^\| ⚪ \| /);
    assert.match(row, /not tested: leak trend: too few iterations after warm-up/);
    assert.equal(summaryRows(md)[0][0], '⚪');
    assert.match(md, /⚪ 1 not tested/);
  });
});

describe('budgets', () => {
  it('a check failing only its budget says so in its summary row', () => {
    const v = fx.verdictOf([
      fx.check('queue_stats', {
        status: 'fail',
        budgets: [
          {
            metric: 'python.pymem.inuse',
            limit: 16 * 1024 * 1024,
            value: 24.6 * 1024 * 1024,
            status: 'fail',
            reason: 'peak 24.6 MiB is over the 16 MiB budget',
          },
        ],
      }),
    ]);
    const md = renderComment(v, BASE);
    wellFormed(md);
    assert.match(md, /^Metrics: \*\*💰 1 over budget · ✅ 3 passed\*\*$/m);
    const [row] = summaryRows(md);
    assert.deepEqual(row.slice(2), [
      '💰 <code>python.pymem.inuse</code>',
      'peak 24.600 MiB over 16.000 MiB',
      'over budget',
    ]);
    assert.match(
      md,
      /\| ❌ \| <code>python\.pymem\.inuse<\/code> \| 16\.000 MiB \| 24\.600 MiB \| peak 24\.6 MiB is over/,
    );
  });
});

describe('scales to 200 checks', () => {
  for (const n of [10, 50, 200]) {
    it(`${n} checks: under 65,536 characters, every failing check's row and reason kept`, () => {
      const verdict = fx.many(n);
      const { md } = scenario(`many-${n}`, verdict);
      assert.ok(md.length < 65_536, `length ${md.length}`);
      const rows = summaryRows(md);
      const failing = verdict.checks.filter((c) => c.status === 'fail');
      assert.ok(failing.length > n / 2, 'most checks fail, as in the issue');
      for (const c of failing) {
        const row = rows.find((r) => r[1].includes(`<code>${c.check.name.replace(/_/g, '\\_')}</code>`));
        assert.ok(row, `${c.check.name} has a row`);
        assert.match(row[0], /🩸|❌/);
        assert.match(row[4], /^(leak|regression)/, `${c.check.name}: the reason is in the row`);
      }
      assert.deepEqual(
        rows.slice(0, failing.length).map((r) => r[0] === '🩸' || r[0] === '❌'),
        failing.map(() => true),
        'failing checks first',
      );
      for (const r of rows) if (r[0] === '✅') assert.equal(r[4], '3 unchanged, no leak');
      assert.ok((md.match(/```mermaid/g) ?? []).length <= 5, 'at most 5 charts');
      // A section is never a heading with its findings cut away.
      for (const section of md.split('\n### ').slice(1))
        assert.match(section, /\*\*(🩸 Leaks|Changes against the baseline)\*\*/);
    });
  }
});

describe('links', () => {
  const links = {
    repo: 'DataDog/integrations-extras',
    headSha: 'abcdef1234567890abcdef1234567890abcdef12',
    workspacePaths: new Set(['queue_stats/check.py']),
  };

  it('sites whose path resolves link to the head commit; others stay text', () => {
    const md = renderComment(fx.leak(), { ...BASE, links });
    wellFormed(md);
    assert.match(
      md,
      /\[<code>queue\\_stats\/check\.py:14<\/code>\]\(https:\/\/github\.com\/DataDog\/integrations-extras\/blob\/abcdef1234567890abcdef1234567890abcdef12\/queue_stats\/check\.py#L14\)/,
    );
    assert.match(
      md,
      /\| <code>python3\.11\/json\/decoder\.py:353<\/code> \|/,
      'site-packages path is not linked',
    );
    assert.doesNotMatch(md, /blob\/[^)]*decoder\.py/);
  });

  it('head and baseline commits are shown and linked', () => {
    const md = renderComment(fx.leak(), { ...BASE, links });
    assert.match(
      md,
      /^Head \[`abcdef1`\]\(https:\/\/github\.com\/DataDog\/integrations-extras\/commit\/abcdef1234567890abcdef1234567890abcdef12\) · baseline \[`9f3c2a1`\]\(https:\/\/github\.com\/DataDog\/integrations-extras\/commit\/9f3c2a1b7d4e6f8091a2b3c4d5e6f708192a3b4c\)$/m,
    );
    assert.match(
      md,
      /Baseline: 1\.3\.0 \(commit \[`9f3c2a1`\]\(https:\/\/github\.com\/[^)]+\/commit\/9f3c2a1b7d4e/,
    );
  });
});

describe('a rule that did not run is not a pass', () => {
  it('check_run_alloc judged without gc is ⚪: the retained-per-run rule did not run', () => {
    const l = fx.noLeak('python.check_run_alloc', 'python', 'no trend after warm-up; measured without gc');
    const v = fx.verdictOf([fx.check('no_gc', { leaks: [l] })]);
    const md = renderComment(v, BASE);
    const row = md.split('\n').find((x) => x.includes('<code>python.check\\_run\\_alloc</code>'));
    assert.ok(row);
    assert.match(row, /^\| ⚪ \| /);
    assert.match(row, /memory kept per check run not judged: it needs gc on \(run with --m-gc/);
  });
});
