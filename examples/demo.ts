/**
 * `npm run demo`: memgate end to end on the bundled example, with only Node and python3.
 *
 * 1. Run a check (`queue_stats`, the steady example) 5 times × 20 iterations under real CPython
 *    tracemalloc through the Agent simulator, sampling its /debug/vars and /telemetry.
 * 2. Store that as the baseline (a local file store, as on a merge to main).
 * 3. "Change" the check: the same check name now runs the leaky example's code.
 * 4. Run it again, compare with the baseline, print the PR comment memgate would post, and exit 1
 *    because the leak fails the gate.
 *
 * Every step goes through the `memgate` CLI verbs, so this is also what a user runs by hand.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { CliIO } from '../src/cli/command.js';
import { runCli } from '../src/cli/main.js';
import { freePort } from '../test/support/cli.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const agentBin = join(root, 'test', 'agent-sim', 'datadog-agent');

const work = await mkdtemp(join(tmpdir(), 'memgate-demo-'));
const checksDir = join(work, 'checks');
const storeDir = join(work, 'baselines');
process.env.MEMGATE_SIM_CHECKS = checksDir;

const io: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: work,
  env: process.env,
};

function step(text: string): void {
  process.stderr.write(`\n\x1b[1m▶ ${text}\x1b[0m\n`);
}

async function memgate(...argv: string[]): Promise<number> {
  process.stderr.write(`$ memgate ${argv.join(' ')}\n`);
  return runCli(argv, io);
}

/** Install an example check's code under the demo's one check name. */
async function useCheckCode(example: string): Promise<void> {
  await rm(join(checksDir, 'queue_stats'), { recursive: true, force: true });
  await cp(join(root, 'examples', 'checks', example), join(checksDir, 'queue_stats'), { recursive: true });
}

async function measure(out: string): Promise<number> {
  const port = await freePort();
  process.env.MEMGATE_SIM_PORT = String(port);
  return memgate(
    'run',
    '--check',
    'queue_stats',
    '--agent-bin',
    agentBin,
    '--repeat',
    '5',
    '--check-times',
    '20',
    '--expvar-url',
    `http://127.0.0.1:${port}/debug/vars`,
    '--telemetry-url',
    `http://127.0.0.1:${port}/telemetry`,
    '--sample-interval',
    '100',
    '--out',
    out,
  );
}

let code: number;
try {
  step('1/4 baseline: the steady version of queue_stats, 5 runs × 20 check runs under tracemalloc');
  await useCheckCode('steady');
  if ((await measure('baseline.json')) !== 0) throw new Error('the baseline run failed');

  step('2/4 store it as the baseline, as a merge to main would');
  await memgate(
    'baseline',
    'update',
    '--store',
    storeDir,
    '--report',
    'baseline.json',
    '--commit',
    'demo-main',
  );

  step('3/4 the change: queue_stats now remembers every queue name it has seen (a leak)');
  await useCheckCode('leaky');
  if ((await measure('change.json')) !== 0) throw new Error('the run of the change failed');

  step('4/4 compare with the baseline: the PR comment memgate would post');
  code = await memgate('compare', '--baseline', storeDir, '--report', 'change.json', '--format', 'markdown');
  process.stderr.write(
    code === 1
      ? '\nmemgate exits 1: the gate fails on the leak above (the file:line that keeps memory is named in the comment).\n'
      : `\nmemgate exit code ${code}\n`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
process.exitCode = code;
