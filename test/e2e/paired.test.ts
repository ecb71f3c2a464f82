/**
 * Paired A/B mode end to end, on the simulator's example checks (real python3 tracemalloc) in a real
 * temporary git repository with a base commit and a head commit:
 * - the bundled dist/index.js, started as the runner starts it, on a pull_request with
 *   `compare-with: paired`: the same code on both sides passes, a leaky head fails, and nothing
 *   stored is read or written;
 * - the steady check against itself, 20 paired jobs in a row: all 20 pass (through the in-process
 *   use case, the same `measurePaired` + `analyzePaired` the bundle runs: 20 bundled jobs would take
 *   minutes on a shared runner);
 * - each side really runs its own code: a leaky base against a steady head, with the integration
 *   layout (`datadog_checks/<name>/` on PYTHONPATH).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { analyzePaired } from '../../src/analyze/paired-verdict.js';
import { defaultPolicy } from '../../src/analyze/policy.js';
import { measurePaired } from '../../src/app/paired.js';
import { median } from '../../src/analyze/stats.js';
import { MemgateError } from '../../src/errors.js';
import type { MemoryReport } from '../../src/model.js';
import { startGitHubApi, type FakeGitHub } from '../support/github-api.js';
import { AGENT_SIM, freePort, ROOT, runAction, webhookPayload, type ActionResult } from './harness.js';
import { git } from '../support/git.js';

const TOKEN = 'ghs_e2eTestToken000000000000000000000000';
const PR = 11;
const LOOPS = 20;

/** Copy an example check's files into `dir` (check.py, conf.yaml, __about__.py). */
function putExample(dir: string, example: string): void {
  mkdirSync(dir, { recursive: true });
  cpSync(join(ROOT, 'examples', 'checks', example), dir, { recursive: true });
}

/** A repository whose base commit (tag `base`) has `example` at `<checksDir>/mycheck`, and the head on top. */
function repository(
  checkDir: string,
  base: string,
  head: string,
  headNote = '',
): { dir: string; sha: string } {
  const dir = mkdtempSync(join(tmpdir(), 'memgate-paired-repo-'));
  git(dir, 'init', '-q', '-b', 'main');
  putExample(join(dir, checkDir, 'mycheck'), base);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', `base: ${base}`);
  git(dir, 'tag', 'base');
  const sha = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-qb', 'feature');
  putExample(join(dir, checkDir, 'mycheck'), head);
  writeFileSync(join(dir, 'NOTES.md'), `head commit ${headNote}\n`);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', `head: ${head}`);
  return { dir, sha };
}

function describeRun(r: ActionResult): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout.slice(-3000)}\n--- stderr\n${r.stderr.slice(-2000)}\n--- comment\n${(r.outputs['comment-body'] ?? '').slice(0, 4000)}`;
}

/** No worktree is left behind: git lists only the main checkout (test/run/worktree.test.ts checks the directory). */
function assertClean(dir: string): void {
  assert.equal(
    git(dir, 'worktree', 'list', '--porcelain').split('\n\n').length,
    1,
    git(dir, 'worktree', 'list'),
  );
}

describe('paired A/B mode on the simulator', { concurrency: false }, () => {
  let gh: FakeGitHub;

  before(async () => {
    gh = await startGitHubApi({ token: TOKEN });
  });
  after(async () => gh.close());

  const pullRequest = (workspace: string, extra: Record<string, string> = {}) =>
    runAction({
      event: 'pull_request',
      payload: webhookPayload('pull_request', { owner: gh.owner, repo: gh.repo }, (p) => {
        p.number = PR;
        p.pull_request.number = PR;
        p.pull_request.head.sha = git(workspace, 'rev-parse', 'HEAD');
      }),
      inputs: {
        check: 'mycheck',
        'agent-bin': AGENT_SIM,
        'compare-with': 'paired',
        'base-ref': 'base',
        'checks-dir': 'checks',
        repeat: '5',
        'check-times': '4',
        'sample-interval': '50',
        'github-token': TOKEN,
        ...extra,
      },
      workspace,
      apiUrl: gh.url,
      repo: { owner: gh.owner, repo: gh.repo },
      sha: '3'.repeat(40),
      ref: `refs/pull/${PR}/merge`,
    });

  it('dist/index.js: steady against itself passes, says it was paired, and touches no stored baseline', async () => {
    const { dir, sha } = repository('checks', 'steady', 'steady');
    for (let i = 0; i < 2; i++) {
      const seen = gh.requests.length;
      const r = await pullRequest(dir);
      assert.equal(r.code, 0, describeRun(r));
      assert.equal(r.outputs.verdict, 'pass');
      const body = r.outputs['comment-body'];
      assert.match(
        body,
        new RegExp(`paired A/B in this job against base \\(${sha.slice(0, 12)}\\), 5 pairs`),
      );
      const stored = gh.requests.slice(seen).filter((q) => /\/git\/|\/contents\//.test(q.path));
      assert.deepEqual(stored, [], 'paired mode reads and writes no baseline');
      const comments = [...gh.comments.values()].filter((c) => c.issue === PR);
      assert.equal(comments.length, 1, 'one sticky comment, updated by the second job');
      assert.equal(comments[0].body, body);
      assertClean(dir);
    }
  });

  it('dist/index.js: a leaky head fails against a steady base and names the leak', async () => {
    const { dir } = repository('checks', 'steady', 'leaky');
    const r = await pullRequest(dir);
    assert.equal(r.code, 1, describeRun(r));
    assert.equal(r.outputs.verdict, 'fail');
    assert.ok(Number(r.outputs.leaks) >= 1, `leaks output ${r.outputs.leaks}`);
    assert.ok(
      r.errors.some((e) => /leak/.test(e)),
      `the failure names the leak: ${r.errors.join(' | ')}`,
    );
    assert.match(r.outputs['comment-body'], /paired A\/B in this job against base/);
    assertClean(dir);
  });

  it('dist/index.js: a base ref the checkout does not have is one actionable line', async () => {
    const { dir } = repository('checks', 'steady', 'steady');
    const r = await pullRequest(dir, { 'base-ref': 'origin/release' });
    assert.equal(r.code, 1, describeRun(r));
    assert.ok(
      r.errors.some((e) =>
        /^memgate: paired base ref: origin\/release is not a commit in .*fetch-depth: 0/.test(e),
      ),
      r.errors.join(' | '),
    );
    assert.doesNotMatch(r.stdout, /\n\s+at /, 'no stack trace');
    assertClean(dir);
  });

  it(`steady against itself: ${LOOPS} paired jobs, ${LOOPS} passes (in-process use case)`, async () => {
    const { dir } = repository('checks', 'steady', 'steady');
    const out = join(mkdtempSync(join(tmpdir(), 'memgate-paired-out-')), 'report.json');
    const statuses: string[] = [];
    for (let i = 0; i < LOOPS; i++) {
      const port = await freePort();
      const m = await measurePaired({
        run: {
          check: 'mycheck',
          agentBin: AGENT_SIM,
          repeat: 5,
          checkTimes: 3,
          timeoutMs: 60_000,
          expvarUrl: `http://127.0.0.1:${port}/debug/vars`,
          telemetryUrl: `http://127.0.0.1:${port}/telemetry`,
          sampleIntervalMs: 50,
          cwd: dir,
          env: { ...process.env, MEMGATE_SIM_PORT: String(port) },
        },
        baseRef: 'base',
        repo: dir,
        checksDir: 'checks',
        out,
        warn: () => undefined,
      });
      const v = analyzePaired(m.base, m.head, m.against, defaultPolicy());
      const why = v.checks
        .flatMap((c) => [...c.metrics, ...c.leaks])
        .filter((e) => e.status !== 'pass')
        .map((e) => `${e.metric}: ${e.reason}`);
      statuses.push(v.status);
      assert.equal(v.status, 'pass', `job ${i + 1}: ${why.join(' | ')}`);
      // The simulator is deterministic, so its metrics are exact here: the signed-rank rule itself is
      // covered on drifting samples in test/analyze/paired-verdict.test.ts.
      assert.equal(v.checks[0].provenance.status, 'paired');
      assert.ok(v.checks[0].metrics.length > 0 && v.checks[0].metrics.every((x) => x.rule !== 'no-baseline'));
    }
    assert.deepEqual(statuses, new Array<string>(LOOPS).fill('pass'));
    assertClean(dir);
  });

  it('each side runs its own code: a leaky base, a steady head, from an integration folder on PYTHONPATH', async () => {
    const { dir } = repository(join('mycheck_integration', 'datadog_checks'), 'leaky', 'steady');
    const out = join(mkdtempSync(join(tmpdir(), 'memgate-paired-out-')), 'report.json');
    const m = await measurePaired({
      run: {
        check: 'mycheck',
        agentBin: AGENT_SIM,
        repeat: 2,
        checkTimes: 4,
        timeoutMs: 60_000,
        sampleIntervalMs: 50,
        cwd: dir,
        env: { ...process.env, MEMGATE_SIM_CHECKS: join(ROOT, 'examples', 'checks') },
      },
      baseRef: 'base',
      repo: dir,
      checksDir: 'mycheck_integration',
      out,
      warn: () => undefined,
    });
    const retained = (side: typeof m.base) =>
      median(side.checks[0].metrics['python.check_run_alloc'].runs.map((r) => r.value));
    assert.ok(retained(m.base) > 1024, `the base (leaky) retains: ${retained(m.base)}`);
    assert.equal(retained(m.head), 0, 'the head (steady) retains nothing');
    assert.equal(m.against.sha, git(dir, 'rev-parse', 'base'));
    assert.ok(
      existsSync(out.replace(/\.json$/, '.base.json')),
      'the base report is written beside the head one',
    );
    assertClean(dir);
  });

  it('a side that fails names its pair and side, and the worktree is still removed', async () => {
    const { dir } = repository('checks', 'steady', 'steady');
    git(dir, 'checkout', '-q', 'base');
    git(dir, 'mv', join('checks', 'mycheck'), join('checks', 'renamed'));
    git(dir, 'commit', '-qm', 'the check under another name');
    git(dir, 'tag', 'renamed');
    git(dir, 'checkout', '-q', 'feature');
    const out = join(mkdtempSync(join(tmpdir(), 'memgate-paired-out-')), 'report.json');
    await assert.rejects(
      measurePaired({
        run: {
          check: 'mycheck',
          agentBin: AGENT_SIM,
          repeat: 2,
          checkTimes: 2,
          timeoutMs: 60_000,
          sampleIntervalMs: 50,
          cwd: dir,
        },
        baseRef: 'renamed',
        repo: dir,
        checksDir: 'checks',
        out,
        warn: () => undefined,
      }),
      (e: Error) => e instanceof MemgateError && /^pair 1 of 2, base \(renamed\): /.test(e.message),
    );
    assertClean(dir);
  });

  it('dist/cli.js run --command … --paired: the base side runs the command in the worktree', async () => {
    const { dir } = repository('checks', 'steady', 'leaky');
    // The command names the checks by a relative path: the base side must resolve it in its worktree.
    const script = [
      'import os, subprocess, sys',
      `sys.exit(subprocess.call([${JSON.stringify(AGENT_SIM)}, 'check', 'mycheck', '--checks-dir', 'checks',`,
      "    '--check-times', '4', '--json', '-m', '--m-gc', '1', '--m-dir', os.environ['MEMGATE_M_DIR']]))",
      '',
    ].join('\n');
    writeFileSync(join(dir, 'measure.py'), script);
    git(dir, 'add', 'measure.py');
    git(dir, 'commit', '-qm', 'measure script');
    git(dir, 'checkout', '-q', 'base');
    writeFileSync(join(dir, 'measure.py'), script);
    git(dir, 'add', 'measure.py');
    git(dir, 'commit', '-qm', 'measure script at the base');
    git(dir, 'tag', '-f', 'base');
    git(dir, 'checkout', '-q', 'feature');
    const r = spawnSync(
      process.execPath,
      [
        join(ROOT, 'dist', 'cli.js'),
        'run',
        '--command',
        'python3 measure.py',
        '--paired',
        'base',
        '--repeat',
        '2',
        '--no-expvar',
      ],
      { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir } },
    );
    assert.equal(r.status, 1, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /^memgate: FAIL: .*1 leak/);
    const retained = (file: string) => {
      const report = JSON.parse(readFileSync(join(dir, file), 'utf8')) as MemoryReport;
      return median(report.checks[0].metrics['python.check_run_alloc'].runs.map((x) => x.value));
    };
    assert.equal(retained('memgate-report.base.json'), 0, 'the base (steady) retains nothing');
    assert.ok(retained('memgate-report.json') > 1024, 'the head (leaky) retains every run');
    assertClean(dir);
  });
});
