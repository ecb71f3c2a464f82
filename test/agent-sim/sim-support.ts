/** Helpers for tests that drive the Python Agent simulator. */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const AGENT_SIM = join(ROOT, 'test', 'agent-sim', 'datadog-agent');
export const EXAMPLE_CHECKS = join(ROOT, 'examples', 'checks');

export interface SimResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runSim(args: string[], env: NodeJS.ProcessEnv = {}): Promise<SimResult> {
  return new Promise((resolve, reject) => {
    execFile(
      AGENT_SIM,
      args,
      { env: { ...process.env, ...env }, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') return reject(err);
        resolve({ code: err ? Number(err.code) : 0, stdout, stderr });
      },
    );
  });
}

export { freePort } from '../support/cli.js';

interface JsonSeries {
  metric: string;
  points: [number, number][];
  tags: string[];
}
export interface JsonInstance {
  aggregator: { metrics?: JsonSeries[] };
  runner: {
    TotalRuns: number;
    TotalErrors: number;
    LastError: string;
    CheckID: string;
    CheckVersion: string;
  };
}

export function checkRunAllocs(inst: JsonInstance): number[] {
  return (inst.aggregator.metrics ?? [])
    .filter((s) => s.metric === 'datadog.agent.profile.memory.check_run_alloc')
    .map((s) => s.points[0][1]);
}
