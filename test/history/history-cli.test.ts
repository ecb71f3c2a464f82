import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { createGitStore } from '../../src/baseline/git-store.js';
import { parseHistoryDocument } from '../../src/baseline/history.js';
import { runCliCaptured } from '../support/cli.js';
import { buildStore, commitAsBranch, KIB, sha } from './store-builder.js';

/** 30 merges: 50 KiB until merge 17, 64 KiB (+28%) from merge 18 on. */
const STEP_AT = 18;
const STEP = Array.from({ length: 30 }, (_, i) => (i < STEP_AT ? 50 * KIB : 64 * KIB));
/** 20 merges at 50 KiB, then ten merges of +2% each. */
const RAMP = Array.from({ length: 30 }, (_, i) => 50 * KIB * 1.02 ** Math.max(0, i - 19));

interface JsonOut {
  check: string;
  metrics: {
    metric: string;
    points: number;
    changePoints: { commit: string; before: number; after: number; relative: number; probability: number }[];
    creep?: { rise: number; merges: number; since: { commit: string } };
  }[];
}

describe('memgate history on a store built by 30 `memgate baseline update` calls', () => {
  let tmp: string;
  let store: string;
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'memgate-history-'));
    store = join(tmp, 'store');
    await buildStore(tmp, store, 'postgres', STEP);
    await buildStore(tmp, store, 'redis', RAMP);
  });
  after(() => rm(tmp, { recursive: true, force: true }));

  it('each update appended one point to history/<check>.json', async () => {
    const doc = parseHistoryDocument(await readFile(join(store, 'history', 'postgres.json'), 'utf8'), 'h');
    assert.equal(doc.points.length, 30);
    assert.deepEqual(
      doc.points.map((p) => p.commit),
      STEP.map((_, i) => sha(i)),
    );
    assert.equal(doc.points[0].metrics['python.check_run_alloc'].runs, 5);
  });

  it('names the commit of the step, with the levels around it (json)', async () => {
    const res = await runCliCaptured(
      ['history', '--baseline', 'store', '--check', 'postgres', '--format', 'json'],
      tmp,
    );
    assert.equal(res.code, 0, res.stderr);
    const out = JSON.parse(res.stdout) as JsonOut;
    const cra = out.metrics.find((m) => m.metric === 'python.check_run_alloc');
    assert.ok(cra);
    assert.equal(cra.points, 30);
    assert.deepEqual(
      cra.changePoints.map((c) => c.commit),
      [sha(STEP_AT)],
    );
    const [c] = cra.changePoints;
    assert.ok(Math.abs(c.before - 50 * KIB) < 0.01 * 50 * KIB, `before ${c.before}`);
    assert.ok(Math.abs(c.after - 64 * KIB) < 0.01 * 64 * KIB, `after ${c.after}`);
    assert.ok(Math.abs(c.relative - 0.28) < 0.02, `relative ${c.relative}`);
    assert.ok(c.probability <= 0.05);
    const inuse = out.metrics.find((m) => m.metric === 'python.pymem.inuse');
    assert.deepEqual(inuse?.changePoints, [], 'the flat metric has no change point');
    assert.equal(cra.creep, undefined, 'a step is not creep');
  });

  it('prints the commit in text and markdown, and --metric selects one metric', async () => {
    const text = await runCliCaptured(
      ['history', '--baseline', 'store', '--check', 'postgres', '--metric', 'python.check_run_alloc'],
      tmp,
    );
    assert.equal(text.code, 0, text.stderr);
    assert.match(
      text.stdout,
      new RegExp(
        `postgres python\\.check_run_alloc: 30 points, 1 change point\\n  ${sha(STEP_AT).slice(0, 12)}  2026-02-01  50\\.\\d\\d KiB -> 6[34]\\.\\d\\d KiB  \\+2[78]\\.\\d%`,
      ),
    );
    assert.doesNotMatch(text.stdout, /pymem/);
    const md = await runCliCaptured(
      ['history', '--baseline', 'store', '--check', 'postgres', '--format', 'markdown'],
      tmp,
    );
    assert.match(md.stdout, new RegExp(`\\| <code>${sha(STEP_AT).slice(0, 12)}</code> \\| 2026-02-01 \\|`));
  });

  it('reports the ramp of ten +2% merges as creeping growth', async () => {
    const res = await runCliCaptured(
      ['history', '--baseline', 'store', '--check', 'redis', '--format', 'markdown'],
      tmp,
    );
    assert.equal(res.code, 0, res.stderr);
    assert.match(
      res.stdout,
      new RegExp(
        `check\\\\_run\\\\_alloc has risen 2[12]% over the last 10 merges \\(since \`${sha(19).slice(0, 7)}\`\\)`,
      ),
    );
  });

  it('reads the same history from a git branch (git:<ref>), read-only', async () => {
    const repo = join(tmp, 'repo');
    await commitAsBranch(repo, store, 'memgate-baselines');
    const res = await runCliCaptured(
      ['history', '--baseline', 'git:memgate-baselines', '--check', 'postgres', '--format', 'json'],
      repo,
    );
    assert.equal(res.code, 0, res.stderr);
    const out = JSON.parse(res.stdout) as JsonOut;
    assert.deepEqual(
      out.metrics.find((m) => m.metric === 'python.check_run_alloc')?.changePoints.map((c) => c.commit),
      [sha(STEP_AT)],
    );
    // The git store answers baseline lookups through the shared lookup, and refuses writes.
    const gs = createGitStore({ repoDir: repo, ref: 'memgate-baselines' });
    const lookup = await gs.read({ name: 'postgres', version: '1.0.0' });
    assert.equal(lookup.provenance.status, 'exact');
    assert.equal(lookup.provenance.commit, sha(29));
    assert.deepEqual(await gs.list(), [
      { name: 'postgres', versions: ['1.0.0'] },
      { name: 'redis', versions: ['1.0.0'] },
    ]);
    await assert.rejects(gs.update({ ...JSON.parse('{}'), checks: [{}] }, { commit: 'x' }), /read-only/);
  });

  it('says what is wrong in one line: unknown ref, missing history, bad format', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['--baseline', 'git:nope', '--check', 'postgres'],
        /^memgate: git:nope: cannot read ref "nope" .*git fetch/,
      ],
      [['--baseline', 'store', '--check', 'mysql'], /^memgate: store: no history for check "mysql"/],
      [
        ['--baseline', 'store', '--check', 'postgres', '--format', 'html'],
        /--format must be text, json or markdown/,
      ],
      [['--baseline', 'store', '--check', 'postgres', '--metric', 'x'], /has no metric "x"/],
      [['--check', 'postgres'], /--baseline STORE is required/],
      [['--baseline', 'store', '--check', 'postgres', '--alpha', '0.7'], /--alpha must be/],
      [
        ['--baseline', 'store', '--check', 'postgres', '--merges', '1'],
        /--merges must be a whole number ≥ 2/,
      ],
    ];
    for (const [args, re] of cases) {
      const res = await runCliCaptured(['history', ...args], join(tmp, args[1] === 'git:nope' ? 'repo' : ''));
      assert.equal(res.code, 2, args.join(' '));
      assert.match(res.stderr, re);
      assert.doesNotMatch(res.stderr, /\n\s+at /, 'no stack trace');
    }
    await writeFile(join(store, 'history', 'broken.json'), '{"schemaVersion": 1');
    const broken = await runCliCaptured(['history', '--baseline', 'store', '--check', 'broken'], tmp);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /^memgate: store: history\/broken\.json: not JSON/);
  });
});
