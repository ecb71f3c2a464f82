/**
 * Verdict fixtures for the renderer tests, shaped like what the analysis produces for real checks
 * (numbers taken from the real tracemalloc/expvar samples in test/fixtures/agent-samples).
 */
import type { BaselineProvenance } from '../../src/baseline/types.js';
import type { CheckKey } from '../../src/model.js';
import type {
  ChartSeries,
  CheckVerdict,
  LeakVerdict,
  MetricVerdict,
  SampleSummary,
  SiteDelta,
  Status,
  Verdict,
  VerdictCounts,
} from '../../src/model-verdict.js';

const KiB = 1024;
const MiB = 1024 * 1024;

export const SETTINGS: Verdict['settings'] = {
  alpha: 0.05,
  threshold: 0.05,
  floor: 16 * KiB,
  confidence: 0.9,
  failOn: ['regression', 'leak', 'budget'],
};

/** A deterministic jitter so samples look measured without a random generator. */
function samples(center: number, spread: number, n: number, seed = 1): SampleSummary {
  const xs = Array.from({ length: n }, (_, i) =>
    Math.round(center + spread * Math.sin(seed * 7.1 + i * 2.3)),
  );
  const sorted = [...xs].sort((a, b) => a - b);
  const median = sorted[Math.floor(n / 2)];
  const devs = xs.map((x) => Math.abs(x - median)).sort((a, b) => a - b);
  return { samples: xs, median, mad: devs[Math.floor(n / 2)] };
}

export function provenance(over: Partial<BaselineProvenance> = {}): BaselineProvenance {
  return {
    status: 'exact',
    requestedVersion: '1.3.0',
    version: '1.3.0',
    commit: '9f3c2a1b7d4e6f8091a2b3c4d5e6f708192a3b4c',
    date: '2026-11-24T10:12:00Z',
    ageDays: 2.4,
    samples: 30,
    entries: 6,
    ...over,
  };
}

/** An unchanged noisy metric: pymem inuse, RTLoader inuse, Go heap. */
export function steadyMetric(
  metric: string,
  runtime: MetricVerdict['runtime'],
  center: number,
  seed = 1,
): MetricVerdict {
  const base = samples(center, center * 0.004, 10, seed);
  const cur = samples(center, center * 0.004, 5, seed + 1);
  const delta = cur.median - base.median;
  return {
    metric,
    runtime,
    unit: 'bytes',
    kind: 'noisy',
    rule: 'mann-whitney',
    change: 'unchanged',
    status: 'pass',
    baseline: base,
    current: cur,
    delta,
    relative: delta / base.median,
    ci: { low: -0.006, high: 0.007, level: 0.9 },
    p: 0.41,
    reason: 'no significant change (p = 0.410)',
  };
}

export function exactZero(): MetricVerdict {
  return {
    metric: 'python.check_run_alloc',
    runtime: 'python',
    unit: 'bytes',
    kind: 'exact',
    rule: 'exact',
    change: 'unchanged',
    status: 'pass',
    baseline: { samples: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], median: 0, mad: 0 },
    current: { samples: [0, 0, 0, 0, 0], median: 0, mad: 0 },
    delta: 0,
    relative: 0,
    reason: 'exact: 0 B retained per run, as in the baseline',
  };
}

export function noLeak(
  metric: string,
  runtime: LeakVerdict['runtime'],
  reason = 'no trend after warm-up',
): LeakVerdict {
  return {
    metric,
    runtime,
    unit: 'bytes',
    rule: 'trend',
    leaking: false,
    status: 'pass',
    runsLeaking: 0,
    runsTotal: 5,
    perIteration: 12,
    growth: 190,
    runs: Array.from({ length: 5 }, (_, run) => ({
      run,
      leaking: false,
      slope: 12 - run,
      p: 0.4,
      growth: 190,
    })),
    reason,
  };
}

export function check(
  name: string,
  over: Partial<CheckVerdict> & { version?: string; instance?: string } = {},
): CheckVerdict {
  const key: CheckKey = {
    name,
    version: over.version ?? '1.3.0',
    ...(over.instance ? { instance: over.instance } : {}),
  };
  return {
    check: key,
    status: 'pass',
    provenance: provenance({ requestedVersion: key.version, version: key.version }),
    metrics: [
      exactZero(),
      steadyMetric('python.pymem.inuse', 'python', 24.6 * MiB, 2),
      steadyMetric('c.rtloader.inuse_bytes', 'c', 1.21 * MiB, 3),
    ],
    leaks: [noLeak('python.pymem.inuse', 'python'), noLeak('c.rtloader.inuse_bytes', 'c')],
    budgets: [],
    sites: [],
    charts: [],
    notes: [],
    ...over,
  };
}

export function verdictOf(checks: CheckVerdict[], counts: Partial<VerdictCounts> = {}): Verdict {
  const statuses = checks.map((c) => c.status);
  const status: Status = statuses.includes('fail') ? 'fail' : statuses.includes('warn') ? 'warn' : 'pass';
  const all = checks.flatMap((c) => c.metrics);
  return {
    status,
    counts: {
      regressions: all.filter((m) => m.change === 'regression').length,
      improvements: all.filter((m) => m.change === 'improvement').length,
      leaks: checks.flatMap((c) => c.leaks).filter((l) => l.leaking).length,
      budgets: checks.flatMap((c) => c.budgets).filter((b) => b.status === 'fail').length,
      warnings: all.filter((m) => m.status === 'warn').length,
      unchanged: all.filter((m) => m.change === 'unchanged').length,
      ...counts,
    },
    checks,
    settings: SETTINGS,
  };
}

/** A series across 20 iterations: start, then `perIteration` growth, optional plateau after `plateauAt`. */
export function series(start: number, perIteration: number, n = 20, plateauAt = n, wobble = 300): number[] {
  return Array.from(
    { length: n },
    (_, i) => start + perIteration * Math.min(i, plateauAt) + Math.round(wobble * Math.sin(i * 1.7)),
  );
}

export function chart(metric: string, current: number[], baseline?: number[]): ChartSeries {
  return { metric, unit: 'bytes', current, ...(baseline ? { baseline } : {}) };
}

export function pySite(
  file: string,
  line: number,
  source: string,
  delta: number,
  count: number,
  isNew = false,
): SiteDelta {
  return {
    runtime: 'python',
    key: `${file}:${line}`,
    file,
    line,
    source,
    baseline: isNew ? 0 : 2 * KiB,
    current: (isNew ? 0 : 2 * KiB) + delta,
    delta,
    countDelta: count,
    isNew,
  };
}

export function goSite(fn: string, file: string, line: number, delta: number, count?: number): SiteDelta {
  return {
    runtime: 'go',
    key: `${fn} ${file}:${line}`,
    file,
    line,
    function: fn,
    baseline: 512 * KiB,
    current: 512 * KiB + delta,
    delta,
    ...(count === undefined ? {} : { countDelta: count }),
    isNew: false,
  };
}

/* ------------------------------------------------------------------ scenarios */

export function allPass(): Verdict {
  return verdictOf([
    check('queue_stats'),
    check('postgres', { version: '15.1.0' }),
    check('disk', {
      version: '5.2.0',
      metrics: [exactZero(), steadyMetric('python.pymem.inuse', 'python', 19.1 * MiB, 5)],
      notes: ['rtloader tracking is off (memtrack_enabled: false): C metrics not measured'],
    }),
  ]);
}

export function regression(): Verdict {
  const base = samples(24.6 * MiB, 60 * KiB, 10, 2);
  const cur = samples(27.7 * MiB, 70 * KiB, 5, 4);
  const delta = cur.median - base.median;
  const regressed: MetricVerdict = {
    metric: 'python.pymem.inuse',
    runtime: 'python',
    unit: 'bytes',
    kind: 'noisy',
    rule: 'mann-whitney',
    change: 'regression',
    status: 'fail',
    baseline: base,
    current: cur,
    delta,
    relative: delta / base.median,
    ci: { low: 0.108, high: 0.141, level: 0.9 },
    p: 0.0003,
    reason:
      'pymem inuse grew by 12.5% (90% CI +10.8% … +14.1%, p = 0.0003), above the 5% threshold and the 16 KiB floor',
  };
  return verdictOf([
    check('queue_stats', {
      status: 'fail',
      metrics: [exactZero(), regressed, steadyMetric('c.rtloader.inuse_bytes', 'c', 1.21 * MiB, 3)],
      sites: [
        pySite(
          'queue_stats/check.py',
          6,
          'return [m.groupdict() for m in re.finditer(r"(?P<name>\\w+) depth=(?P<depth>\\d+) consumers=(?P<c>\\d+)", text)]',
          2.9 * MiB,
          41210,
        ),
        pySite(
          'python3.11/re/__init__.py',
          223,
          'return _compile(pattern, flags).finditer(string)',
          40 * KiB,
          2,
        ),
        pySite('queue_stats/check.py', 14, '_history.append(tuple(s["name"] for s in stats[:30]))', 0, 0),
      ],
      charts: [
        chart(
          'python.pymem.inuse',
          series(27.6 * MiB, 0, 20, 20, 20 * KiB),
          series(24.5 * MiB, 0, 20, 20, 20 * KiB),
        ),
      ],
    }),
    check('postgres', { version: '15.1.0' }),
  ]);
}

/** check_run_alloc kept by every check run of 5 processes (the retained-per-run rule). */
function retainedLeak(perIteration: number, growth: number, reason: string): LeakVerdict {
  return {
    metric: 'python.check_run_alloc',
    runtime: 'python',
    unit: 'bytes',
    rule: 'retained',
    leaking: true,
    status: 'fail',
    runsLeaking: 5,
    runsTotal: 5,
    perIteration,
    growth,
    runs: Array.from({ length: 5 }, (_, run) => ({
      run,
      leaking: true,
      slope: 0,
      retained: perIteration,
      growth,
    })),
    reason,
  };
}

export function leak(): Verdict {
  const retained = retainedLeak(
    3392,
    52 * KiB,
    'each check run keeps 3.31 KiB (median after warm-up, 5/5 runs), above the 1 KiB leak floor',
  );
  const trend: LeakVerdict = {
    metric: 'python.pymem.inuse',
    runtime: 'python',
    unit: 'bytes',
    rule: 'trend',
    leaking: true,
    status: 'fail',
    runsLeaking: 3,
    runsTotal: 3,
    perIteration: 3520,
    growth: 56 * KiB,
    runs: Array.from({ length: 3 }, (_, run) => ({
      run,
      leaking: true,
      slope: 3520,
      p: 0.00002,
      growth: 56 * KiB,
    })),
    reason:
      'in use rises 3.44 KiB per iteration (Mann-Kendall p < 0.001, 3/3 runs) and still rises in the second half',
  };
  return verdictOf([
    check('queue_stats', {
      status: 'fail',
      leaks: [retained, trend, noLeak('c.rtloader.inuse_bytes', 'c')],
      sites: [
        pySite(
          'queue_stats/check.py',
          14,
          '_history.append(tuple(s["name"] for s in stats[:30]))',
          40 * KiB,
          480,
          true,
        ),
        pySite('python3.11/json/decoder.py', 353, 'obj, end = self.scan_once(s, idx)', 1.2 * KiB, 12),
      ],
      charts: [chart('python.pymem.inuse', series(24.6 * MiB, 3520), series(24.6 * MiB, 0))],
    }),
    check('go_expvar', {
      version: '2.0.1',
      status: 'fail',
      metrics: [steadyMetric('go.memstats.heap_inuse', 'go', 18.4 * MiB, 6)],
      leaks: [
        {
          ...noLeak('go.memstats.heap_inuse', 'go'),
          leaking: true,
          status: 'fail',
          runsLeaking: 4,
          runsTotal: 5,
          perIteration: 1.5 * KiB,
          growth: 24 * KiB,
          reason:
            'Go heap in use rises 1.50 KiB per iteration (Mann-Kendall p = 0.002, 4/5 runs) and still rises in the second half',
        },
      ],
      charts: [
        chart(
          'go.memstats.heap_inuse',
          series(18.4 * MiB, 1.5 * KiB, 40, 40, 4 * KiB),
          series(18.4 * MiB, 0, 40, 40, 4 * KiB),
        ),
      ],
      sites: [
        goSite(
          'github.com/DataDog/datadog-agent/pkg/collector/corechecks.(*CheckBase).Commit',
          'pkg/collector/corechecks/checkbase.go',
          212,
          24 * KiB,
          96,
        ),
      ],
    }),
  ]);
}

export function plateau(): Verdict {
  return verdictOf([
    check('queue_stats', {
      leaks: [
        noLeak(
          'python.pymem.inuse',
          'python',
          'rises for 6 iterations then stays flat: the second half does not grow (a cache filling, not a leak)',
        ),
        noLeak('c.rtloader.inuse_bytes', 'c'),
      ],
      charts: [
        chart('python.pymem.inuse', series(24.6 * MiB, 8 * KiB, 20, 6), series(24.6 * MiB, 8 * KiB, 20, 6)),
      ],
    }),
  ]);
}

function firstRun(v: MetricVerdict): MetricVerdict {
  return {
    ...v,
    rule: 'no-baseline',
    change: 'no-baseline',
    baseline: undefined,
    delta: undefined,
    relative: undefined,
    ci: undefined,
    p: undefined,
    reason: 'no baseline to compare with',
  };
}

export function noBaseline(): Verdict {
  return verdictOf([
    check('queue_stats', {
      provenance: { status: 'none', requestedVersion: '1.3.0' },
      metrics: [exactZero(), steadyMetric('python.pymem.inuse', 'python', 24.6 * MiB, 2)].map(firstRun),
    }),
  ]);
}

export function fallbackVersion(): Verdict {
  return verdictOf([
    check('queue_stats', {
      version: '1.3.0',
      provenance: provenance({
        status: 'fallback',
        requestedVersion: '1.3.0',
        version: '1.2.0',
        ageDays: 12.2,
      }),
    }),
    check('postgres', {
      version: '15.1.0',
      provenance: {
        status: 'unreadable',
        requestedVersion: '15.1.0',
        message:
          'postgres/15.1.0.json: schemaVersion is 3, newer than this memgate understands (1); upgrade memgate',
      },
      metrics: [exactZero()].map(firstRun),
      leaks: [],
    }),
  ]);
}

/** A threshold-only regression (3 runs a side), used for the fork PR golden. */
export function forkRegression(): Verdict {
  const base = { samples: [1.2 * MiB, 1.21 * MiB, 1.22 * MiB], median: 1.21 * MiB, mad: 10 * KiB };
  const cur = { samples: [1.41 * MiB, 1.4 * MiB, 1.43 * MiB], median: 1.41 * MiB, mad: 10 * KiB };
  return verdictOf([
    check('queue_stats', {
      status: 'fail',
      metrics: [
        exactZero(),
        {
          metric: 'c.rtloader.inuse_bytes',
          runtime: 'c',
          unit: 'bytes',
          kind: 'noisy',
          rule: 'threshold-only',
          change: 'regression',
          status: 'fail',
          baseline: base,
          current: cur,
          delta: cur.median - base.median,
          relative: (cur.median - base.median) / base.median,
          reason: 'only 3 runs a side: threshold only; +16.5% is above the 5% threshold and the 16 KiB floor',
        },
      ],
    }),
  ]);
}

export const HOSTILE_NAME = '</details><img src=x onerror=alert(1)> @everyone';
export const HOSTILE_PATH = 'evil`|`dir/ch|eck``.py';

export function hostile(): Verdict {
  const v = regression();
  const c = v.checks[0];
  c.check = { name: HOSTILE_NAME, version: '1.0.0|<b>', instance: 'a|b`c' };
  c.sites = [
    pySite(HOSTILE_PATH, 7, '``` </details> <script>alert(1)</script> | @octocat', 64 * KiB, 3, true),
    pySite('ok\\|still/one cell.py', 8, 'x = "\\\\|"', 32 * KiB, 1),
  ];
  c.notes = ['@everyone look </details><img src=x onerror=alert(2)>'];
  c.metrics[1].waiver = {
    check: HOSTILE_NAME,
    reason: 'ping @admins <img src=y onerror=alert(3)>',
    expires: '2099-01-01',
    expired: false,
  };
  c.metrics[1].status = 'warn';
  // A metric id is data too (a user's own series): the chart of its story must not break out.
  c.metrics[1].metric = 'evil"] --> x\n```';
  c.charts = [chart(c.metrics[1].metric, series(1 * MiB, 1024), series(1 * MiB, 0))];
  v.checks[1].check.name = '@everyone';
  v.checks[1].notes = ['line one\nline two | with pipe'];
  return v;
}

/** 400 checks, a third of them failing with sites and charts: far over any comment limit. */
export function huge(): Verdict {
  const checks: CheckVerdict[] = [];
  for (let i = 0; i < 400; i++) {
    const name = `check_${String(i).padStart(3, '0')}`;
    if (i % 3 === 0) {
      const r = regression().checks[0];
      checks.push({
        ...r,
        check: { name, version: '1.0.0' },
        provenance: provenance({ requestedVersion: '1.0.0', version: '1.0.0' }),
        sites: Array.from({ length: 20 }, (_, k) =>
          pySite(
            `${name}/check.py`,
            10 + k,
            `payload_${k} = fetch_everything(instance)  # site ${k}`,
            (k + 1) * 3 * KiB,
            k + 1,
          ),
        ),
      });
    } else {
      checks.push(
        check(name, {
          metrics: [
            exactZero(),
            steadyMetric('python.pymem.inuse', 'python', 24.6 * MiB, i),
            steadyMetric('c.rtloader.inuse_bytes', 'c', 1.21 * MiB, i + 1),
            steadyMetric('go.memstats.heap_inuse', 'go', 18.4 * MiB, i + 2),
          ],
        }),
      );
    }
  }
  return verdictOf(checks);
}

/**
 * The demo's story of issue 14: check_run_alloc leaks (each run keeps 3.94 KiB) and its comparison
 * with a baseline of 0 has no finite ratio. `relative` is Infinity (today's analysis) or null (once
 * the analysis says "no ratio" itself); both must render "from 0 B to 3.94 KiB".
 */
export function zeroBaselineLeak(relative: number | null = Infinity): Verdict {
  const kept = 3.94 * KiB;
  const metric = {
    ...exactZero(),
    change: 'regression',
    status: 'fail',
    current: { samples: [kept, kept, kept, kept, kept], median: kept, mad: 0 },
    delta: kept,
    relative,
    reason: 'exact: 3.94 KiB retained per run against 0 B in the baseline, above the 1 KiB floor',
  } as unknown as MetricVerdict;
  const leak = retainedLeak(
    kept,
    -1.56 * KiB,
    'each check run keeps 3.94 KiB (median after warm-up) in 5 of 5 runs, above the 1 KiB floor',
  );
  return verdictOf([
    check('queue_stats', {
      status: 'fail',
      metrics: [metric, steadyMetric('python.pymem.inuse', 'python', 24.6 * MiB, 2)],
      leaks: [leak, noLeak('python.pymem.inuse', 'python')],
      charts: [
        chart(
          'python.check_run_alloc',
          Array.from({ length: 16 }, () => kept),
          Array.from({ length: 16 }, () => 0),
        ),
      ],
      sites: [pySite('queue_stats/check.py', 14, '_history.append(stats)', 60 * KiB, 16, true)],
    }),
  ]);
}

/** A leak series too short after warm-up for a trend test: its runs carry no Mann-Kendall p. */
export function untestedLeak(metric: string, runtime: LeakVerdict['runtime']): LeakVerdict {
  const l = noLeak(metric, runtime, 'too few iterations after warm-up (< 6) for a trend test');
  return { ...l, runs: l.runs.map(({ p: _p, ...r }) => r) };
}

/**
 * n checks, most failing as in the issue (159 of 200): trend leaks with sites, regressions,
 * retained leaks against a zero baseline, passing checks with an untested series, and steady ones.
 */
export function many(n: number): Verdict {
  const kinds = [
    () => leak().checks[0],
    () => regression().checks[0],
    () => zeroBaselineLeak().checks[0],
    () =>
      check('x', {
        leaks: [untestedLeak('python.pymem.inuse', 'python'), noLeak('c.rtloader.inuse_bytes', 'c')],
      }),
    () => leak().checks[1],
    () => regression().checks[0],
    () => leak().checks[0],
    () => check('x'),
  ];
  const checks = Array.from({ length: n }, (_, i) => {
    const c = kinds[i % kinds.length]();
    const name = `check_${String(i).padStart(3, '0')}`;
    return {
      ...c,
      check: { name, version: '1.0.0' },
      provenance: provenance({ requestedVersion: '1.0.0', version: '1.0.0' }),
      sites: c.sites.map((s) => ({ ...s, file: s.file.replace(/^queue_stats\//, `${name}/`) })),
    };
  });
  return verdictOf(checks);
}
