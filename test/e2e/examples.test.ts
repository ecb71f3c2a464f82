/**
 * Every example workflow, and the README's, run as written: a small workflow runner reads the YAML,
 * runs its jobs in `needs` order (matrix expanded), and for each step does what the Actions runner
 * would. `memgate/memgate@v1` steps run the bundled dist/index.js through the e2e harness; `run:`
 * steps run in bash; `actions/checkout` copies the repository (honouring sparse-checkout), and
 * `actions/upload-artifact` uploads to the fake artifact service. The simulator is the Agent:
 * `datadog-agent` on PATH is a shim that starts it, and it serves the endpoints the action polls.
 * Nothing else is changed.
 *
 * Checked by structure only: go-service.yml (it builds the user's own service, `./cmd/service`),
 * docker-agent.yml (its live-mode step watches a running Agent container) and ddev-integration.yml
 * (it needs ddev's environments).
 *
 * Beside running them, structural checks catch the three mistakes issue 14 found: a check-version
 * that changes with every commit, a judging job that never checks out `.memgate.yml`, and a commit
 * made with no git identity.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import { parse as parseYaml } from 'yaml';

import { uploadReports } from '../../src/github/artifacts.js';
import { artifactRestRoutes } from '../support/artifact-rest.js';
import { startArtifactService, type ArtifactService } from '../support/artifact-service.js';
import { startGitHubApi, type FakeGitHub } from '../support/github-api.js';
import { AGENT_SIM, freePort, ROOT, runAction, webhookPayload, type ActionResult } from './harness.js';

const run = promisify(execFile);
const TOKEN = 'ghs_examplesToken0000000000000000000000';
const PR = 21;
const EXAMPLES = join(ROOT, 'examples', 'workflows');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string | number | boolean>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  strategy?: { matrix?: Record<string, unknown[]> };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown> | string | string[];
  jobs: Record<string, Job>;
}

function readmeWorkflow(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf('## Use it in a workflow');
  const block = /```yaml\n([\s\S]*?)```/.exec(readme.slice(at));
  assert.ok(block, "the README's workflow");
  return block[1];
}

const WORKFLOWS: Record<string, string> = {
  README: readmeWorkflow(),
  ...Object.fromEntries(
    readdirSync(EXAMPLES)
      .filter((f) => f.endsWith('.yml'))
      .map((f) => [f, readFileSync(join(EXAMPLES, f), 'utf8')]),
  ),
};

function workflow(name: string): Workflow {
  return parseYaml(WORKFLOWS[name]) as Workflow;
}

function events(w: Workflow): string[] {
  return typeof w.on === 'string' ? [w.on] : Array.isArray(w.on) ? w.on : Object.keys(w.on);
}

const isMemgate = (s: Step) => /^memgate\/memgate@/.test(s.uses ?? '');
const ACTION_INPUTS = new Set(
  Object.keys((parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: object }).inputs),
);

/* ------------------------------------------------------------------ what is checked without running */

describe('example workflows as written', () => {
  for (const [name, text] of Object.entries(WORKFLOWS)) {
    const w = parseYaml(text) as Workflow;
    it(`${name}: memgate steps use inputs the action has`, () => {
      for (const job of Object.values(w.jobs))
        for (const step of job.steps.filter(isMemgate))
          for (const input of Object.keys(step.with ?? {}))
            assert.ok(ACTION_INPUTS.has(input), `${name}: unknown input "${input}"`);
    });

    it(`${name}: a check's version never changes with each commit`, () => {
      for (const job of Object.values(w.jobs))
        for (const step of job.steps.filter(isMemgate))
          assert.doesNotMatch(String(step.with?.['check-version'] ?? ''), /github\.(sha|run|ref)|\$\{\{/);
    });

    it(`${name}: every job that judges checks out the repository's .memgate.yml first`, () => {
      for (const [jobName, job] of Object.entries(w.jobs)) {
        const at = job.steps.findIndex(isMemgate);
        if (at < 0) continue;
        const checkout = job.steps.slice(0, at).find((s) => /^actions\/checkout@/.test(s.uses ?? ''));
        assert.ok(checkout, `${name} ${jobName}: no checkout before memgate, so .memgate.yml is skipped`);
        const sparse = checkout.with?.['sparse-checkout'];
        if (sparse !== undefined)
          assert.ok(
            String(sparse).split('\n').includes('.memgate.yml'),
            `${name} ${jobName}: sparse-checkout`,
          );
      }
    });

    it(`${name}: a commit has a git identity`, () => {
      for (const job of Object.values(w.jobs))
        for (const step of job.steps) {
          const script = step.run ?? '';
          const commit = script.indexOf('git commit');
          if (commit < 0) continue;
          const before = script.slice(0, commit);
          assert.match(before, /git config user\.name /, `${name}: git user.name before the commit`);
          assert.match(before, /git config user\.email /, `${name}: git user.email before the commit`);
        }
    });
  }
});

/* ------------------------------------------------------------------ a small workflow runner */

interface Repo {
  /** The repository's files, as checkout copies them. */
  dir: string;
}

interface RunContext {
  event: 'push' | 'pull_request' | 'workflow_run';
  sha: string;
  fork?: boolean;
  /** The run id artifacts belong to (workflow_run: the triggering run's id). */
  runId: number;
  triggeringRunId?: number;
}

interface StepOutcome {
  job: string;
  step: string;
  code: number;
  action?: ActionResult;
  log: string;
}

/** Expressions the examples use; anything else is an error, so a new one cannot pass untested. */
function expand(text: string, matrix: Record<string, unknown>, ctx: RunContext): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    const m = /^matrix\.(\w+)$/.exec(expr);
    if (m && m[1] in matrix) return String(matrix[m[1]]);
    if (expr === 'github.sha') return ctx.sha;
    if (expr === 'github.ref') return ctx.event === 'push' ? 'refs/heads/main' : `refs/pull/${PR}/merge`;
    throw new Error(`the example runner does not know the expression \${{ ${expr} }}`);
  });
}

function condition(expr: string | undefined, ctx: RunContext): boolean {
  if (expr === undefined) return true;
  const e = expr.replace(/^\$\{\{\s*|\s*\}\}$/g, '').trim();
  if (e === 'always()') return true;
  const m = /^github\.(event_name|event\.workflow_run\.event) == '([\w-]+)'$/.exec(e);
  if (m) return (m[1] === 'event_name' ? ctx.event : 'pull_request') === m[2];
  throw new Error(`the example runner does not know the condition ${expr}`);
}

function jobOrder(w: Workflow): string[] {
  const done: string[] = [];
  const needs = (j: Job) => (j.needs === undefined ? [] : Array.isArray(j.needs) ? j.needs : [j.needs]);
  while (done.length < Object.keys(w.jobs).length) {
    const next = Object.entries(w.jobs).find(
      ([n, j]) => !done.includes(n) && needs(j).every((d) => done.includes(d)),
    );
    assert.ok(next, 'jobs form a DAG');
    done.push(next[0]);
  }
  return done;
}

function matrixOf(job: Job): Record<string, unknown>[] {
  const m = job.strategy?.matrix;
  if (!m) return [{}];
  let combos: Record<string, unknown>[] = [{}];
  for (const [k, values] of Object.entries(m))
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [k]: v })));
  return combos;
}

describe('example workflows run with the simulator as the Agent', { concurrency: false }, () => {
  let gh: FakeGitHub;
  let artifacts: ArtifactService;
  let repo: { owner: string; repo: string };
  let bin: string;
  let simPort: number;
  let nextRun = 9000;

  before(async () => {
    artifacts = await startArtifactService();
    gh = await startGitHubApi({
      token: TOKEN,
      extraRoutes: (req, res, url) => artifactRestRoutes(artifacts, { token: TOKEN })(req, res, url),
    });
    repo = { owner: gh.owner, repo: gh.repo };
    bin = await shims();
  });

  after(async () => {
    await gh?.close();
    await artifacts?.close();
  });

  /** `datadog-agent` and `memgate` on PATH, standing in for what a runner would install. */
  async function shims(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'memgate-shims-'));
    const put = async (name: string, body: string) => {
      await writeFile(join(dir, name), `#!/bin/sh\n${body}\n`);
      await chmod(join(dir, name), 0o755);
    };
    await put('datadog-agent', `exec "${AGENT_SIM}" "$@"`);
    await put('memgate', `exec "${process.execPath}" "${join(ROOT, 'dist', 'cli.js')}" "$@"`);
    // Installing memgate from its release tag is what test/package proves (offline, from the
    // packed tarball); here the `memgate` shim above is that installed CLI.
    const npm = (await run('sh', ['-c', 'command -v npm'])).stdout.trim();
    await put(
      'npm',
      `case "$*" in "install --global github:memgate/memgate#"*) exit 0 ;; esac\nexec "${npm}" "$@"`,
    );
    return dir;
  }

  /** The user's repository: checks (steady on main, `leaky` ones changed by the PR) and a policy. */
  async function makeRepo(checks: string[], leaky: string[], policy: string): Promise<Repo> {
    const dir = await mkdtemp(join(tmpdir(), 'memgate-repo-'));
    for (const name of checks)
      await cp(
        join(ROOT, 'examples', 'checks', leaky.includes(name) ? 'leaky' : 'steady'),
        join(dir, 'checks', name),
        {
          recursive: true,
        },
      );
    await writeFile(join(dir, '.memgate.yml'), policy);
    await mkdir(join(dir, 'scripts'));
    // The README's "however you install datadog-agent": here the simulator shim is already on PATH.
    await writeFile(join(dir, 'scripts', 'install-agent.sh'), '#!/bin/sh\nexit 0\n');
    await chmod(join(dir, 'scripts', 'install-agent.sh'), 0o755);
    return { dir };
  }

  async function checkout(r: Repo, ws: string, step: Step): Promise<void> {
    const sparse = step.with?.['sparse-checkout'];
    if (sparse === undefined) await cp(r.dir, ws, { recursive: true });
    else for (const f of String(sparse).split('\n').filter(Boolean)) await cp(join(r.dir, f), join(ws, f));
  }

  function payload(ctx: RunContext) {
    if (ctx.event === 'push')
      return webhookPayload('push', repo, (p) => {
        p.ref = 'refs/heads/main';
        p.after = ctx.sha;
        p.head_commit.timestamp = new Date().toISOString();
      });
    if (ctx.event === 'pull_request')
      return webhookPayload('pull_request', repo, (p) => {
        p.number = PR;
        p.pull_request.number = PR;
        p.pull_request.head.sha = ctx.sha;
        if (ctx.fork) p.pull_request.head.repo.full_name = 'someone/fork';
      });
    return webhookPayload('workflow_run', repo, (p) => {
      p.workflow_run.id = ctx.triggeringRunId;
      p.workflow_run.event = 'pull_request';
      p.workflow_run.pull_requests = [];
      p.workflow_run.head_repository.full_name = 'someone/fork';
    });
  }

  async function memgateStep(
    step: Step,
    ws: string,
    job: string,
    matrix: Record<string, unknown>,
    ctx: RunContext,
  ) {
    const inputs: Record<string, string> = { 'github-token': TOKEN };
    for (const [k, v] of Object.entries(step.with ?? {})) inputs[k] = expand(String(v), matrix, ctx);
    return runAction({
      event: ctx.event,
      payload: payload(ctx),
      inputs,
      workspace: ws,
      apiUrl: gh.url,
      repo,
      sha: ctx.sha,
      ref: ctx.event === 'push' ? 'refs/heads/main' : `refs/pull/${PR}/merge`,
      env: {
        ...artifacts.envFor({ runId: ctx.runId, job }),
        GITHUB_RUN_ID: String(ctx.runId),
        PATH: `${bin}:${process.env.PATH ?? ''}`,
        // The harness serves the simulator's endpoints on its own port unless the step names them.
        ...(inputs['expvar-url'] || inputs['telemetry-url'] ? { MEMGATE_SIM_PORT: String(simPort) } : {}),
      },
    });
  }

  async function shellStep(script: string, ws: string, ctx: RunContext, env: Record<string, string>) {
    try {
      const { stdout, stderr } = await run('bash', ['-e', '-c', script], {
        cwd: ws,
        env: {
          PATH: `${bin}:${process.env.PATH ?? ''}`,
          // A fresh runner: no global git identity, so a commit needs the workflow's own.
          HOME: ws,
          GIT_CONFIG_NOSYSTEM: '1',
          GITHUB_SHA: ctx.sha,
          GITHUB_EVENT_NAME: ctx.event,
          MEMGATE_SIM_CHECKS: join(ws, 'checks'),
          MEMGATE_SIM_PORT: String(simPort),
          ...env,
        },
        timeout: 300_000,
        maxBuffer: 16 * 1024 * 1024,
      });
      return { code: 0, log: stdout + stderr };
    } catch (err) {
      const e = err as { code?: number; stdout?: string; stderr?: string };
      return { code: typeof e.code === 'number' ? e.code : -1, log: `${e.stdout ?? ''}${e.stderr ?? ''}` };
    }
  }

  /** Run every job of a workflow for one event; returns each step's outcome. */
  async function runWorkflow(
    name: string,
    r: Repo,
    ctx: Omit<RunContext, 'runId'>,
    setup: (ws: string) => Promise<void> = async () => undefined,
  ): Promise<StepOutcome[]> {
    const w = workflow(name);
    assert.ok(events(w).includes(ctx.event), `${name} runs on ${ctx.event}`);
    const full: RunContext = { ...ctx, runId: nextRun++ };
    const outcomes: StepOutcome[] = [];
    simPort = await freePort();
    for (const jobName of jobOrder(w)) {
      const job = w.jobs[jobName];
      if (!condition(job.if, full)) continue;
      for (const matrix of matrixOf(job)) {
        const ws = await mkdtemp(join(tmpdir(), `memgate-job-${jobName}-`));
        const summary = join(ws, '..', `${jobName}-summary-${nextRun}.md`);
        await writeFile(summary, '');
        let jobFailed = false;
        for (const step of job.steps) {
          // After a failed step only `if: always()` steps run, as on a runner.
          if (jobFailed && !/always\(\)/.test(step.if ?? '')) continue;
          if (!condition(step.if, full)) continue;
          const label = step.name ?? step.uses ?? step.run?.split('\n')[0] ?? '?';
          let outcome: StepOutcome;
          if (/^actions\/checkout@/.test(step.uses ?? '')) {
            await checkout(r, ws, step);
            await setup(ws);
            continue;
          } else if (/^actions\/(setup-node|setup-go)@/.test(step.uses ?? '')) continue;
          else if (/^actions\/upload-artifact@/.test(step.uses ?? '')) {
            await uploadArtifact(step, ws, jobName, full);
            continue;
          } else if (isMemgate(step)) {
            const a = await memgateStep(step, ws, jobName, matrix, full);
            outcome = { job: jobName, step: label, code: a.code, action: a, log: a.stdout + a.stderr };
          } else if (step.run !== undefined) {
            const s = await shellStep(expand(step.run, matrix, full), ws, full, {
              GITHUB_STEP_SUMMARY: summary,
            });
            outcome = { job: jobName, step: label, ...s };
          } else throw new Error(`${name}: the example runner does not know the step ${label}`);
          outcomes.push(outcome);
          if (outcome.code !== 0) jobFailed = true;
        }
        await rm(ws, { recursive: true, force: true }).catch(() => undefined);
      }
    }
    return outcomes;
  }

  async function uploadArtifact(step: Step, ws: string, job: string, ctx: RunContext): Promise<void> {
    const env = artifacts.envFor({ runId: ctx.runId, job });
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    try {
      await uploadReports(String(step.with?.name), [join(ws, String(step.with?.path))], ws);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  }

  const prComments = () => [...gh.comments.values()].filter((c) => c.issue === PR);
  const failed = (o: StepOutcome[]) => o.find((x) => x.code !== 0);
  const explain = (o: StepOutcome[]) =>
    o.map((x) => `--- ${x.job} / ${x.step}: exit ${x.code}\n${x.log.slice(-2500)}`).join('\n');

  for (const name of ['README', 'basic.yml']) {
    it(`${name}: a merge stores the baseline, a leaky PR fails with a comment naming the leak`, async () => {
      const r = await makeRepo(['my_check'], [], 'threshold: 5%\n');
      const merged = await runWorkflow(name, r, { event: 'push', sha: 'a1'.repeat(20) });
      assert.equal(failed(merged), undefined, explain(merged));
      const leaky = await makeRepo(['my_check'], ['my_check'], 'threshold: 5%\n');
      const pr = await runWorkflow(name, leaky, { event: 'pull_request', sha: 'b2'.repeat(20) });
      const gate = pr.find((x) => x.action);
      assert.ok(gate?.action, explain(pr));
      assert.equal(gate.code, 1, explain(pr));
      assert.equal(gate.action.outputs.verdict, 'fail');
      assert.ok(
        prComments().some((c) => c.body === gate.action?.outputs['comment-body']),
        'the comment is posted on the PR',
      );
      assert.match(gate.action.outputs['comment-body'], /\| 🩸 \| \[<code>my\\_check<\/code>/, 'summary row');
      assert.match(gate.action.outputs['comment-body'], /my\\_check\/check\.py:\d+/, 'the leaking line');
    });
  }

  it('matrix.yml: shards collect, the aggregate job judges with .memgate.yml (a waiver applies)', async () => {
    const w = workflow('matrix.yml');
    const checks = (w.jobs.collect.strategy?.matrix?.check ?? []) as string[];
    const policy = [
      'waivers:',
      `  - check: ${checks[0]}`,
      '    reason: "known leak, fixed in #99"',
      '    expires: 2099-01-01',
      '',
    ].join('\n');
    const merged = await runWorkflow('matrix.yml', await makeRepo(checks, [], policy), {
      event: 'push',
      sha: 'c3'.repeat(20),
    });
    assert.equal(failed(merged), undefined, explain(merged));
    const pr = await runWorkflow('matrix.yml', await makeRepo(checks, [checks[0]], policy), {
      event: 'pull_request',
      sha: 'd4'.repeat(20),
    });
    assert.equal(failed(pr), undefined, `the only leak is waived: ${explain(pr)}`);
    const agg = pr.find((x) => x.job === 'aggregate')?.action;
    assert.ok(agg, explain(pr));
    assert.equal(agg.outputs.verdict, 'warn');
    assert.match(agg.outputs['comment-body'], /waived until 2099-01-01: known leak, fixed in #99/);
    for (const c of checks) assert.match(agg.outputs['comment-body'], new RegExp(c.replace(/_/g, '\\\\_')));
  });

  it('fork-pr.yml + fork-pr-comment.yml: the fork gates alone, the companion posts the comment', async () => {
    const r = await makeRepo(['my_check'], [], 'threshold: 5%\n');
    const merged = await runWorkflow('basic.yml', r, { event: 'push', sha: 'e5'.repeat(20) });
    assert.equal(failed(merged), undefined, explain(merged));
    const leaky = await makeRepo(['my_check'], ['my_check'], 'threshold: 5%\n');
    const forkRun = nextRun;
    const gate = await runWorkflow('fork-pr.yml', leaky, {
      event: 'pull_request',
      sha: 'f6'.repeat(20),
      fork: true,
    });
    assert.equal(gate.find((x) => x.action)?.code, 1, explain(gate));
    assert.ok(
      artifacts.listRun(forkRun).some((a) => a.name === 'memgate-report'),
      'the report artifact',
    );
    const comment = await runWorkflow('fork-pr-comment.yml', leaky, {
      event: 'workflow_run',
      sha: 'f6'.repeat(20),
      triggeringRunId: forkRun,
    });
    assert.equal(failed(comment), undefined, explain(comment));
    const body = comment.find((x) => x.action)?.action?.outputs['comment-body'] ?? '';
    assert.match(
      body,
      /\| 🩸 \| \[<code>my\\_check<\/code>/,
      'the fork report, judged in the base repository',
    );
    assert.ok(
      prComments().some((c) => c.body === body),
      'the companion posted (or updated) the sticky comment',
    );
  });

  it('local-cli.yml: compare gates a PR; on main the baselines are committed with the bot identity', async () => {
    const r = await makeRepo(['my_check'], [], 'threshold: 5%\n');
    const remote = await mkdtemp(join(tmpdir(), 'memgate-remote-'));
    await run('git', ['init', '-q', '--bare', remote]);
    const gitInit = async (ws: string) => {
      const git = (...a: string[]) =>
        run('git', a, { cwd: ws, env: { ...process.env, HOME: ws, GIT_CONFIG_NOSYSTEM: '1' } });
      await git('init', '-q', '-b', 'main');
      await git('remote', 'add', 'origin', remote);
      await git('-c', 'user.name=dev', '-c', 'user.email=dev@example.com', 'add', '-A');
      await git('-c', 'user.name=dev', '-c', 'user.email=dev@example.com', 'commit', '-qm', 'initial');
      await git('push', '-q', '-u', 'origin', 'main');
    };
    const merged = await runWorkflow('local-cli.yml', r, { event: 'push', sha: '07'.repeat(20) }, gitInit);
    assert.equal(failed(merged), undefined, explain(merged));
    const { stdout } = await run('git', ['--git-dir', remote, 'log', '--format=%an <%ae> %s', 'main']);
    assert.match(
      stdout,
      /^github-actions\[bot\] <41898282\+github-actions\[bot\]@users\.noreply\.github\.com> memgate: update baselines$/m,
    );
    const files = await run('git', ['--git-dir', remote, 'ls-tree', '-r', '--name-only', 'main']);
    assert.match(files.stdout, /^\.memgate\/baselines\/my_check\/1\.0\.0\.json$/m);

    const leaky = await makeRepo(['my_check'], ['my_check'], 'threshold: 5%\n');
    const withBaselines = async (ws: string) => {
      await run('git', ['clone', '-q', '-b', 'main', remote, join(ws, '.clone')]);
      await cp(join(ws, '.clone', '.memgate'), join(ws, '.memgate'), { recursive: true });
    };
    const pr = await runWorkflow(
      'local-cli.yml',
      leaky,
      { event: 'pull_request', sha: '08'.repeat(20) },
      withBaselines,
    );
    const compare = pr.find((x) => x.step.startsWith('memgate compare'));
    assert.equal(compare?.code, 1, explain(pr));
  });
});
