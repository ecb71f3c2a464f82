/**
 * `npm run demo`: run the Agent simulator (test/agent-sim, Python) on the steady and the leaky example
 * checks through memgate's runner, and print what was collected. Needs only Node and python3.
 */
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { summarize } from '../src/cli/run.js';
import { runCheck } from '../src/run/runner.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const agentBin = join(root, 'test', 'agent-sim', 'datadog-agent');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

for (const check of ['steady', 'leaky']) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  process.stdout.write(`\n== ${check}: 3 runs × 20 check runs, sampling ${base}\n`);
  const { report, warnings } = await runCheck({
    check,
    agentBin,
    repeat: 3,
    checkTimes: 20,
    timeoutMs: 60_000,
    expvarUrl: `${base}/debug/vars`,
    telemetryUrl: `${base}/telemetry`,
    sampleIntervalMs: 100,
    extraArgs: ['--serve-port', String(port), '--pause', '10'],
    log: (line) => process.stderr.write(`   ${line}\n`),
  });
  process.stdout.write(summarize(report));
  for (const w of warnings) process.stdout.write(`  warning: ${w}\n`);
}
