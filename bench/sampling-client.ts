/**
 * Where the Sampler's CPU goes per poll: the same GET of /debug/vars and /telemetry against the
 * simulator's server, done the Sampler's way (fetch + AbortSignal.timeout + text()), with fetch but
 * no signal, and with node:http's get. In-process, sequential, after a warm-up; CPU per request is
 * process.cpuUsage() over the batch / requests. Supports bench/RESULTS.md section 4.
 *
 *   node --import tsx bench/sampling-client.ts [--requests 300] [--rounds 5]
 */
import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { arg, median, root } from './common.js';

const port = await new Promise<number>((resolve, reject) => {
  const s = createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => {
    const { port: p } = s.address() as { port: number };
    s.close(() => resolve(p));
  });
});
// A long, mostly idle simulator run: the server stays up while we measure.
const sim = spawn(
  'python3',
  [
    'test/agent-sim/datadog-agent',
    'check',
    'steady',
    '--check-times',
    '1000',
    '--pause',
    '100',
    '--json',
    '--serve-port',
    String(port),
  ],
  {
    cwd: root,
    env: { ...process.env, MEMGATE_SIM_CHECKS: 'examples/checks' },
    stdio: ['ignore', 'ignore', 'pipe'],
  },
);
await new Promise<void>((resolve) => {
  let err = '';
  sim.stderr.on('data', (d: Buffer) => {
    err += d.toString();
    if (err.includes('serving')) resolve();
  });
});

const urls = [`http://127.0.0.1:${port}/debug/vars`, `http://127.0.0.1:${port}/telemetry`];
const clients: Record<string, (url: string) => Promise<string>> = {
  'fetch + AbortSignal.timeout (the Sampler)': async (url) =>
    (await fetch(url, { signal: AbortSignal.timeout(400) })).text(),
  'fetch, no signal': async (url) => (await fetch(url)).text(),
  'node:http get': (url) =>
    new Promise((resolve, reject) => {
      const req = get(url, { timeout: 400 }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve(text));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', reject);
    }),
};

const requests = Number(arg('requests', '300'));
const rounds = Number(arg('rounds', '5'));
const results = new Map<string, number[]>();
try {
  for (const client of Object.values(clients)) for (let i = 0; i < 20; i++) await client(urls[i % 2]);
  for (let r = 0; r < rounds; r++) {
    for (const [name, client] of Object.entries(clients)) {
      const c0 = process.cpuUsage();
      for (let i = 0; i < requests; i++) await client(urls[i % 2]);
      const c = process.cpuUsage(c0);
      (results.get(name) ?? results.set(name, []).get(name)!).push((c.user + c.system) / requests);
    }
  }
} finally {
  sim.kill();
}
console.log(
  `## CPU per request of this process (${rounds} rounds × ${requests} GETs, median; Node ${process.version})\n`,
);
console.log('| client | µs CPU per request | at 2 GETs / 100 ms, % of one core |');
console.log('|---|---|---|');
for (const [name, xs] of results) {
  const us = median(xs);
  console.log(`| ${name} | ${us.toFixed(0)} | ${((us * 20) / 1e4).toFixed(2)}% |`);
}
