/**
 * Issue 12 items 1 and 6 on every real capture of shared/formats/samples/tracemalloc/: the options
 * each was captured with are recorded (from the Agent's flags, and from what the files show), and
 * the sites that grow within the run are named with nothing to compare against.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { assembleReport } from '../../src/collect/assemble.js';
import {
  inferProfiling,
  profilingFromFlags,
  type ProfilingOption,
} from '../../src/collect/profiling-options.js';
import { parseTracemallocText } from '../../src/collect/tracemalloc.js';
import { MemgateError } from '../../src/errors.js';
import { mergeProfiling, UNKNOWN_PROFILING, type CheckReport } from '../../src/model.js';
import { readProfileDir } from '../../src/run/profile-files.js';
import {
  caseFiles,
  checkJsonFor,
  caseMetrics,
  sample,
  SAMPLES,
  TRACEMALLOC_CASES,
  type TracemallocCase,
} from './samples.js';

/** The Agent flags a case was captured with (`profile_memory_<opt>` in its metrics.json). */
function flagsOf(c: TracemallocCase): Partial<Record<ProfilingOption, string>> {
  const doc = JSON.parse(sample(`tracemalloc/${c}/metrics.json`)) as { options: Record<string, string> };
  return Object.fromEntries(
    Object.entries(doc.options).map(([k, v]) => [k.replace(/^profile_memory_/, ''), v]),
  ) as Partial<Record<ProfilingOption, string>>;
}

async function collect(c: TracemallocCase, withFlags: boolean): Promise<CheckReport> {
  const { report } = assembleReport(
    [
      {
        checkJson: { text: checkJsonFor(caseMetrics(c), { version: '1.0.0' }), source: `${c}.json` },
        profileDirs: await readProfileDir(`${SAMPLES}/tracemalloc/${c}`),
      },
    ],
    { toolVersion: 't', ...(withFlags ? { profiling: profilingFromFlags(flagsOf(c)) } : {}) },
  );
  assert.equal(report.checks.length, 1);
  return report.checks[0];
}

const growthKeys = (c: CheckReport) => (c.growth ?? []).map((g) => `${g.how} ${g.key}`);

describe('profiling options and growth on the real captures', () => {
  it('files alone: unit, sort, limit and diff order where they show; gc always unknown', async () => {
    const seen: Record<string, unknown> = {};
    for (const c of TRACEMALLOC_CASES) {
      const p = (await collect(c, false)).profiling;
      assert.ok(p, c);
      assert.equal(p.gc, 'unknown', `${c}: gc never shows in the files`);
      seen[c] = { sort: p.sort, unit: p.unit, limit: p.limit };
    }
    assert.deepEqual(seen, {
      default: { sort: 'lineno', unit: 'dynamic', limit: 30 },
      'filename-b': { sort: 'filename', unit: 'b', limit: 30 },
      'growing-positive': { sort: 'lineno', unit: 'dynamic', limit: 30 },
      'retaining-gc': { sort: 'lineno', unit: 'dynamic', limit: 30 },
      'retaining-positive-kib-limit8': { sort: 'lineno', unit: 'kib', limit: 8 },
    });
  });

  it('with the flags they were captured with, those win and the rest stays unknown', async () => {
    const p = (await collect('retaining-positive-kib-limit8', true)).profiling;
    assert.deepEqual(p, { ...UNKNOWN_PROFILING, sort: 'lineno', unit: 'kib', limit: 8, diff: 'positive' });
    assert.equal((await collect('retaining-gc', true)).profiling?.gc, true);
    assert.equal((await collect('default', true)).profiling?.gc, 'unknown');
  });

  it('names the growing line of the growing capture, and nothing for the steady ones', async () => {
    assert.deepEqual(growthKeys(await collect('default', false)), []);
    assert.deepEqual(growthKeys(await collect('default', true)), []);
    assert.deepEqual(growthKeys(await collect('filename-b', true)), []);
    const growing = await collect('growing-positive', true);
    assert.equal(growthKeys(growing)[0], 'rising queue_stats/check.py:21');
    assert.equal(growing.growth?.[0].source, '_names.extend(s["name"] for s in stats)');
    // With gc off (unknown), a line kept every run cannot be told from cyclic garbage: not named.
    assert.deepEqual(growthKeys(await collect('retaining-gc', false)), []);
  });

  it('with gc on, names the line each check run keeps', async () => {
    const keys = growthKeys(await collect('retaining-gc', true));
    assert.ok(keys.includes('retained queue_stats/check.py:14'), keys.join(', '));
    assert.ok(
      keys.every((k) => k.startsWith('retained ')),
      keys.join(', '),
    );
  });

  it('a printout: the diff block names what grew', () => {
    const snap = parseTracemallocText(caseFiles('growing-positive', 'snapshots').pop()!.text, 's');
    const diff = parseTracemallocText(caseFiles('growing-positive', 'diffs').pop()!.text, 'd');
    const text = `${caseFiles('growing-positive', 'snapshots').pop()!.text}\n${'='.repeat(50)}\n\n${caseFiles('growing-positive', 'diffs').pop()!.text}`;
    const { report } = assembleReport([{ printouts: [{ text, source: 'p' }] }], {
      toolVersion: 't',
      check: 'queue_stats',
    });
    assert.deepEqual(growthKeys(report.checks[0]), ['rising queue_stats/check.py:21']);
    assert.equal(report.checks[0].growth?.[0].bytes[0], 1.66 * 1024);
    assert.deepEqual(inferProfiling([snap], [diff]).sort, 'lineno');
  });

  it("the Agent's flags are validated with its own messages", () => {
    assert.deepEqual(profilingFromFlags({ gc: '1', frames: '5', unit: 'KB', verbose: '0' }), {
      gc: true,
      frames: 5,
      unit: 'kib',
      verbose: false,
    });
    assert.throws(
      () => profilingFromFlags({ frames: 'x' }),
      (e: unknown) => e instanceof MemgateError && /--m-frames must be an integer/.test(e.message),
    );
    assert.throws(
      () => profilingFromFlags({ sort: 'size' }),
      /--m-sort must one of: lineno \| filename \| traceback/,
    );
    assert.throws(
      () => profilingFromFlags({ combine: '1', sort: 'traceback' }),
      /--m-combine cannot be sorted/,
    );
  });

  it('merging runs keeps what they agree on; the rest becomes unknown', () => {
    const a = { ...UNKNOWN_PROFILING, gc: true, frames: 5 } as const;
    const b = { ...UNKNOWN_PROFILING, gc: true, frames: 100 } as const;
    assert.deepEqual(mergeProfiling(a, b), { ...UNKNOWN_PROFILING, gc: true });
    assert.deepEqual(mergeProfiling(a, undefined), UNKNOWN_PROFILING);
  });
});
