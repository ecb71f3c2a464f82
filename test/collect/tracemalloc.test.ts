import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseProfilePrintout, parseTracemallocText } from '../../src/collect/tracemalloc.js';
import { ParseError } from '../../src/errors.js';
import { caseFiles, caseMetrics, sample, TRACEMALLOC_CASES } from './samples.js';

/** Half of the last printed digit of an amount, in bytes: the most a printed figure can be off. */
function roundingSlack(text: string): number {
  const m = /(\d+)(?:\.(\d+))? (\w+)$/.exec(text);
  assert.ok(m, text);
  const unit = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 }[m[3]] ?? NaN;
  return unit / 10 ** (m[2]?.length ?? 0) / 2 + 1e-9;
}

describe('parseTracemallocText on the real --m-dir samples', () => {
  for (const c of TRACEMALLOC_CASES) {
    it(`${c}: every snapshot total is the run's check_run_alloc, within print rounding`, () => {
      const snaps = caseFiles(c, 'snapshots').map((f) => parseTracemallocText(f.text, f.name));
      const metrics = caseMetrics(c);
      assert.equal(snaps.length, metrics.length);
      snaps.forEach((s, i) => {
        assert.equal(s.kind, 'snapshot');
        assert.ok(
          Math.abs(s.total - metrics[i]) <= roundingSlack(s.totalText),
          `${s.totalText} vs ${metrics[i]}`,
        );
        const rows = s.stats.reduce((a, st) => a + st.size, 0) + (s.other?.size ?? 0);
        const slack = s.stats.reduce((a, st) => a + roundingSlack(st.sizeText), roundingSlack(s.totalText));
        assert.ok(Math.abs(rows - s.total) <= slack, `rows ${rows} vs total ${s.total}`);
        assert.ok(s.stats.length <= s.limit);
      });
    });

    it(`${c}: every diff parses with signed amounts`, () => {
      const diffs = caseFiles(c, 'diffs').map((f) => parseTracemallocText(f.text, f.name));
      assert.equal(diffs.length, caseMetrics(c).length - 1);
      for (const d of diffs) {
        assert.equal(d.kind, 'diff');
        for (const st of d.stats) {
          assert.equal(st.sizeDiff, st.size);
          assert.match(st.sizeText, /^[+-]/);
          assert.notEqual(st.size, 0, 'memory.py skips zero-diff rows');
        }
      }
    });
  }

  it('default: rows, source lines, totals', () => {
    const s = parseTracemallocText(caseFiles('default', 'snapshots')[5].text, 'snap');
    assert.equal(s.limit, 30);
    assert.deepEqual(
      s.stats.map((st) => [st.file, st.line, st.sizeText, st.size]),
      [
        ['queue_stats/check.py', 6, '14.38 KiB', 14.38 * 1024],
        ['python3.11/re/__init__.py', 277, '64 B', 64],
        ['python3.11/re/__init__.py', 223, '55 B', 55],
        ['queue_stats/check.py', 10, '48 B', 48],
      ],
    );
    assert.equal(s.stats[3].source, 'return sum(int(s["depth"]) for s in stats)');
    assert.equal(s.totalText, '14.54 KiB');
    assert.equal(s.other, undefined);
  });

  it('filename-b: sort=filename prints line 0, read as a file-level row; unit=b is exact', () => {
    const s = parseTracemallocText(caseFiles('filename-b', 'snapshots')[0].text, 'snap');
    assert.deepEqual(
      s.stats.map((st) => [st.file, st.line, st.size, st.source]),
      [
        ['queue_stats/check.py', undefined, 14768, undefined],
        ['python3.11/re/__init__.py', undefined, 119, undefined],
      ],
    );
    assert.equal(s.total, 14887);
  });

  it('retaining-positive-kib-limit8: limit 8 and fixed KiB amounts', () => {
    const s = parseTracemallocText(caseFiles('retaining-positive-kib-limit8', 'snapshots')[0].text, 'snap');
    assert.equal(s.limit, 8);
    assert.equal(s.stats[1].sizeText, '0.33 KiB');
    assert.ok(Math.abs(s.stats[1].size - 337.92) < 1e-9);
    const d = parseTracemallocText(caseFiles('retaining-positive-kib-limit8', 'diffs')[0].text, 'diff');
    assert.equal(d.totalText, '+0.00 KiB');
    assert.equal(d.total, 0);
  });

  it('growing-positive: the first diff lists increases first, then decreases', () => {
    const d = parseTracemallocText(caseFiles('growing-positive', 'diffs')[0].text, 'diff');
    assert.equal(d.stats[0].file, 'queue_stats/check.py');
    assert.equal(d.stats[0].line, 21);
    assert.ok(d.stats[0].size > 0);
    assert.ok(d.stats.slice(1).every((s) => s.size < 0));
    assert.equal(d.total, -355);
  });

  it('reads `1.12 KiB` as its text and ≈1146.88 bytes', () => {
    const s = parseTracemallocText(
      'Top 30 lines\n\n#1: a.py:3: 1.12 KiB\n    x = 1\n\nTotal allocated size: 1.12 KiB\n',
      's',
    );
    assert.equal(s.stats[0].sizeText, '1.12 KiB');
    assert.ok(Math.abs(s.stats[0].size - 1146.88) < 1e-9);
    assert.equal(s.stats[0].source, 'x = 1');
  });

  it('reads the diff sample: signs, other and total', () => {
    const d = parseTracemallocText(sample('agent/diff-absolute.txt'), 'diff-absolute.txt');
    assert.equal(d.kind, 'diff');
    assert.equal(d.limit, 8);
    assert.deepEqual(
      d.stats.map((s) => [s.file, s.line, s.sizeText]),
      [
        ['mycheck/check.py', 8, '+80.37 KiB'],
        ['python3.11/json/encoder.py', 258, '-230 B'],
        ['mycheck/check.py', 9, '-32 B'],
      ],
    );
    assert.equal(d.stats[1].size, -230);
    assert.deepEqual(d.other, { count: 3, size: 0, sizeText: '+0 B' });
    assert.equal(d.totalText, '+80.11 KiB');
    assert.ok(Math.abs(d.total - 80.11 * 1024) < 1e-9);
  });

  it('reads every unit memory.py prints (fixed b/kib/mib/gib, kb and mb print as KiB/MiB)', () => {
    const text = [
      'Top 30 lines',
      '',
      '#1: a.py:1: 1.500 GiB',
      '',
      '#2: a.py:2: 0.016 MiB',
      '',
      '#3: a.py:3: 2.00 KiB',
      '',
      '#4: a.py:4: 7 B',
      '',
      '2 other: 0.000 GiB',
      'Total allocated size: 1.516 GiB',
      '',
    ].join('\n');
    const s = parseTracemallocText(text, 's');
    assert.deepEqual(
      s.stats.map((x) => x.size),
      [1.5 * 1024 ** 3, 0.016 * 1024 ** 2, 2048, 7],
    );
    assert.deepEqual(s.other, { count: 2, size: 0, sizeText: '0.000 GiB' });
    assert.ok(s.stats.every((x) => x.source === undefined));
  });

  it('sort=traceback (memory.py): one row per traceback, so a file:line may repeat', () => {
    const text =
      'Top 3 lines\n\n#1: c/check.py:5: 100 B\n    buf.append(x)\n\n#2: c/check.py:5: 40 B\n    buf.append(x)\n\n#3: c/other.py:2: 8 B\n\nTotal allocated size: 148 B\n';
    const s = parseTracemallocText(text, 's');
    assert.deepEqual(
      s.stats.map((x) => `${x.file}:${x.line}=${x.size}`),
      ['c/check.py:5=100', 'c/check.py:5=40', 'c/other.py:2=8'],
    );
  });

  it('reads a traceback printed in Python Traceback.format() form under a row', () => {
    const text = [
      'Top 1 lines',
      '',
      '#1: c/check.py:5: 100 B',
      '  File "/opt/c/main.py", line 20',
      '    run()',
      '  File "/opt/c/check.py", line 5',
      '    buf.append(x)',
      '',
      'Total allocated size: 100 B',
    ].join('\n');
    const [st] = parseTracemallocText(text, 's').stats;
    assert.deepEqual(st.trace, ['/opt/c/main.py:20', '/opt/c/check.py:5']);
    assert.equal(st.source, 'buf.append(x)');
  });

  it("reads rows in Python's own Statistic / StatisticDiff form, with counts", () => {
    const snap = parseTracemallocText(
      '#1: a.py:3: size=14.4 KiB, count=12, average=1229 B\nTotal allocated size: 14.40 KiB\n',
      's',
    );
    assert.equal(snap.stats[0].count, 12);
    assert.ok(Math.abs(snap.stats[0].size - 14.4 * 1024) < 1e-9);
    const diff = parseTracemallocText(
      'Top 5 line diffs\n\n#1: a.py:3: size=2048 B (+1024 B), count=4 (+2), average=512 B\n\nTotal difference: +1.00 KiB\n',
      'd',
    );
    assert.deepEqual(
      [diff.stats[0].size, diff.stats[0].sizeDiff, diff.stats[0].count, diff.stats[0].countDiff],
      [2048, 1024, 4, 2],
    );
  });

  it('a snapshot file without the `Top N lines` header (some versions) uses the row count as limit', () => {
    const s = parseTracemallocText(
      '#1: a.py:3: 10 B\n\n#2: a.py:4: 5 B\n\nTotal allocated size: 15 B\n',
      's',
    );
    assert.equal(s.kind, 'snapshot');
    assert.equal(s.limit, 2);
  });

  for (const [what, text] of [
    ['an empty file', ''],
    ['garbage text', 'hello world\nthis is not tracemalloc\n'],
    ['a file cut before its total', 'Top 30 lines\n\n#1: a.py:3: 10 B\n'],
    ['rows out of order', 'Top 30 lines\n\n#2: a.py:3: 10 B\n\nTotal allocated size: 10 B\n'],
    ['an unsigned diff amount', 'Top 30 line diffs\n\n#1: a.py:3: 10 B\n\nTotal difference: +10 B\n'],
    ['a signed snapshot amount', 'Top 30 lines\n\n#1: a.py:3: +10 B\n\nTotal allocated size: 10 B\n'],
    ['a snapshot header with a diff total', 'Top 30 lines\n\nTotal difference: +0 B\n'],
    ['text after the total', 'Top 30 lines\n\nTotal allocated size: 0 B\nmore\n'],
    ['an unknown unit', 'Top 30 lines\n\n#1: a.py:3: 10 XB\n\nTotal allocated size: 10 B\n'],
    [
      'more rows than the header limit',
      'Top 1 lines\n\n#1: a.py:3: 1 B\n\n#2: a.py:4: 1 B\n\nTotal allocated size: 2 B\n',
    ],
    ['JSON', '{"a": 1}'],
  ] as const) {
    it(`rejects ${what} with a ParseError`, () => {
      assert.throws(
        () => parseTracemallocText(text, 'f'),
        (err: unknown) => err instanceof ParseError && err.where === 'f',
      );
    });
  }
});

describe('parseProfilePrintout (`check -m` stdout)', () => {
  const REAL = sample('agent/cli-profile-t2.txt');

  it('reads the real -t 2 output: the snapshot, then the diff after 50 `=`', () => {
    const [inst, ...rest] = parseProfilePrintout(REAL, 'cli-profile-t2.txt');
    assert.equal(rest.length, 0);
    assert.equal(inst.snapshot.limit, 2);
    assert.deepEqual(
      inst.snapshot.stats.map((s) => [`${s.file}:${s.line}`, s.sizeText]),
      [
        ['mycheck/check.py:13', '195.42 KiB'],
        ['mycheck/check.py:8', '192.65 KiB'],
      ],
    );
    assert.equal(inst.snapshot.stats[0].source, 'blob = bytearray(200000)');
    assert.deepEqual(inst.snapshot.other, { count: 8, size: 19.05 * 1024, sizeText: '19.05 KiB' });
    assert.equal(inst.snapshot.totalText, '407.12 KiB');
    assert.ok(inst.diff);
    assert.deepEqual(
      inst.diff.stats.map((s) => Math.sign(s.size)),
      [1, -1],
    );
    assert.equal(inst.diff.other?.size, -32);
    assert.equal(inst.diff.totalText, '+80.11 KiB');
  });

  it('strips ANSI colours and skips the status lines; several instances, header-less version', () => {
    const snap = (n: number) =>
      `#1: c/check.py:${n}: ${n} B\n     x = ${n}\n\nTotal allocated size: ${n} B\n`;
    const text = [
      'Multiple check instances found, running each of them',
      `\x1b[97m${snap(3)}\x1b[0m`,
      'Check has run only once, to collect diff data run the check multiple times with the -t/--check-times flag.',
      `\x1b[97m${snap(7)}\x1b[0m`,
      '',
      '='.repeat(50),
      '',
      '\x1b[97mTop 30 line diffs\n\n#1: c/check.py:7: +2 B\n\nTotal difference: +2 B\n\x1b[0m',
    ].join('\n');
    const res = parseProfilePrintout(text, 'stdout');
    assert.equal(res.length, 2);
    assert.deepEqual(
      res.map((r) => [r.snapshot.total, r.snapshot.stats[0].source, r.diff?.total]),
      [
        [3, 'x = 3', undefined],
        [7, 'x = 7', 2],
      ],
    );
  });

  it('reads a single snapshot file as a printout of one instance', () => {
    const [inst] = parseProfilePrintout(caseFiles('retaining-gc', 'snapshots')[0].text, 's');
    assert.equal(inst.snapshot.stats.length, 3);
    assert.equal(inst.diff, undefined);
  });

  for (const [what, text] of [
    ['empty output', ''],
    [
      'output with no snapshot',
      'Check has run only once, to collect diff data run the check multiple times with the -t/--check-times flag.\n',
    ],
    ['a check that raised', 'no snapshot data found in /tmp/x/mycheck/mycheck_1\n'],
    ['a diff with no snapshot', 'Top 30 line diffs\n\nTotal difference: +0 B\n'],
    ['a separator not followed by a diff', `${'='.repeat(50)}\n`],
    ['a truncated printout', REAL.slice(0, REAL.indexOf('Total difference'))],
    ['a block with a garbage line', 'Top 30 lines\n\n#1: a.py:1: 1 B\nGARBAGE\nTotal allocated size: 1 B\n'],
  ] as const) {
    it(`rejects ${what} with a ParseError`, () => {
      assert.throws(
        () => parseProfilePrintout(text, 'stdout'),
        (err: unknown) => err instanceof ParseError && err.where === 'stdout',
      );
    });
  }
});
