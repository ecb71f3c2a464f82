/**
 * The command line of one profiled run: built from a check name (the Agent's `check` command), or
 * given whole by the user. Pure: no process is started here.
 */
import { basename } from 'node:path';
import parseArgsStringToArgv from 'string-argv';

import { MemgateError } from '../errors.js';

/** The `--m-*` options of `datadog-agent check`, without the prefix. */
export const M_OPTIONS = [
  'frames',
  'combine',
  'sort',
  'limit',
  'diff',
  'filters',
  'unit',
  'verbose',
] as const;
export type MOption = (typeof M_OPTIONS)[number];

export interface AgentCommandOptions {
  /** `datadog-agent`, a path, or a prefix such as `docker exec dd-agent agent`. */
  agentBin: string;
  check: string;
  checkTimes: number;
  /** Where the Agent writes the tracemalloc files (inside the container for a docker prefix). */
  mDir: string;
  /** `--m-gc 1` (default on): without it, cyclic garbage makes a steady check look like it retains. */
  mGc: boolean;
  mOptions?: Partial<Record<MOption, string>>;
  /** Anything else to pass to `check` (e.g. `--pause 50`). */
  extraArgs?: string[];
}

export interface PlannedCommand {
  argv: string[];
  shell: boolean;
  /** Set when the Agent runs in a container (docker exec, ddev): the profile directory is copied out of it. */
  container?: { docker: string; name: string };
}

/** Split a user-given command line into argv (quotes respected, no shell expansion). */
export function splitCommand(command: string): string[] {
  const argv = parseArgsStringToArgv(command);
  if (argv.length === 0) throw new MemgateError('is empty', 'command');
  return argv;
}

export function buildAgentCommand(opts: AgentCommandOptions): PlannedCommand {
  if (!/^[A-Za-z0-9_.-]+$/.test(opts.check)) {
    throw new MemgateError(`must be a check name (letters, digits, _ . -), got "${opts.check}"`, 'check');
  }
  const prefix = splitCommand(opts.agentBin);
  const argv = [
    ...prefix,
    'check',
    opts.check,
    '--check-times',
    String(opts.checkTimes),
    '--json',
    '-m',
    '--m-dir',
    opts.mDir,
    '--m-gc',
    opts.mGc ? '1' : '0',
  ];
  for (const name of M_OPTIONS) {
    const value = opts.mOptions?.[name];
    // The Agent only accepts the long `--m-x` form (the seed's `-m-x` is silently wrong).
    if (value !== undefined && value !== '') argv.push(`--m-${name}`, value);
  }
  argv.push(...(opts.extraArgs ?? []));
  return { argv, shell: false, container: agentContainer(prefix) };
}

/**
 * The container the Agent of a prefix runs in, if any: `docker exec [opts] <container> …` (or podman),
 * or `ddev env agent <check> <env>`, which runs the command in ddev's `dd_<check>_<env>` container
 * (integrations-core ddev/e2e/agent/docker.py names it so).
 */
export function agentContainer(prefix: readonly string[]): { docker: string; name: string } | undefined {
  const name = dockerExecContainer(prefix);
  if (name) return { docker: prefix[0], name };
  const ddev = ddevEnvContainer(prefix);
  return ddev ? { docker: 'docker', name: ddev } : undefined;
}

/** `ddev env agent <check> <env>` → `dd_<check>_<env>`, else undefined. */
export function ddevEnvContainer(prefix: readonly string[]): string | undefined {
  if (prefix.length !== 5 || basename(prefix[0]) !== 'ddev' || prefix[1] !== 'env' || prefix[2] !== 'agent')
    return undefined;
  const [check, env] = [prefix[3], prefix[4]];
  return check.startsWith('-') || env.startsWith('-') ? undefined : `dd_${check}_${env}`;
}

/** Options of `docker exec` that take a value, so the container name is the first other word. */
const DOCKER_EXEC_VALUE_OPTS = new Set([
  '-e',
  '--env',
  '-u',
  '--user',
  '-w',
  '--workdir',
  '--env-file',
  '--detach-keys',
]);

/** The container of a `docker exec [opts] <container> …` (or podman) prefix, else undefined. */
export function dockerExecContainer(prefix: readonly string[]): string | undefined {
  if (prefix.length < 3 || !/^(docker|podman)(\.exe)?$/.test(basename(prefix[0])) || prefix[1] !== 'exec') {
    return undefined;
  }
  for (let i = 2; i < prefix.length; i++) {
    const word = prefix[i];
    if (word === '--') return prefix[i + 1];
    if (!word.startsWith('-')) return word;
    if (DOCKER_EXEC_VALUE_OPTS.has(word)) i++;
  }
  return undefined;
}

/** `docker cp <container>:<dir> <local>`: copies the directory's content to a new `local`. */
export function dockerCopyArgv(
  container: { docker: string; name: string },
  dir: string,
  local: string,
): string[] {
  return [container.docker, 'cp', `${container.name}:${dir}`, local];
}

/** `docker exec <container> rm -rf <dir>`: a run leaves no temp directory in the container. */
export function dockerRemoveArgv(container: { docker: string; name: string }, dir: string): string[] {
  return [container.docker, 'exec', container.name, 'rm', '-rf', dir];
}

/** A short printable form of argv for messages (never run through a shell). */
export function showCommand(argv: readonly string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
