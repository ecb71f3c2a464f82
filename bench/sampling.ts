/**
 * Issue 8 part 4: the CPU cost of polling /debug/vars and /telemetry every 100 ms during a simulator
 * run, with the real Sampler (src/run/sampler.ts) against the simulator serving on 127.0.0.1.
 *
 *   node --import tsx bench/sampling.ts [--runs 5] [--interval 100] [--check-times 200]
 *
 * Four modes, interleaved, each run the same check (`steady`, -m --m-gc 1 --json):
 * - `plain`: the simulator without its HTTP server, nobody polling;
 * - `serve`: the server up (as the real Agent's always is), nobody polling;
 * - `poll`: the server up and the Sampler polling both endpoints every `interval` ms;
 * - `poll-http`: the same loop with node:http's get instead of fetch (HttpPoller below), to size
 *   the fix proposed in RESULTS.md.
 * memgate's side is a separate Node process (this file with `--sampler`) that runs the Sampler, or
 * just waits, and reports its own process.cpuUsage() delta over the run; the import cost and the
 * one-time load of fetch() (reported apart) are before the measurement. The simulator's side: its main process's CPU from /usr/bin/time, and its server
 * child's CPU read from /proc/<pid>/stat every 50 ms until it is gone (resolution: 1 clock tick).
 * The cost of sampling = poll − serve, for each side.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, get as httpGet } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { Sampler, type SamplerOptions, type SamplerResult, type TextPoll } from '../src/run/sampler.js';
import { arg, median, root } from './common.js';

/**
 * The fix proposed for src/run/sampler.ts, prototyped here only to measure it: the Sampler's loop
 * (setTimeout chain, both endpoints per tick in parallel, text kept) with node:http's get in place
 * of fetch + AbortSignal.timeout. No pprof, no warnings: this is not a replacement, only a yardstick.
 */
class HttpPoller {
  private readonly polls = { expvar: [] as TextPoll[], telemetry: [] as TextPoll[] };
  private timer?: NodeJS.Timeout;
  private inFlight: Promise<unknown> = Promise.resolve();
  private stopped = false;
  constructor(private readonly opts: SamplerOptions) {}
  start(): void {
    const loop = () => {
      if (this.stopped) return;
      this.inFlight = Promise.all([
        this.poll(this.opts.expvarUrl!, this.polls.expvar),
        this.poll(this.opts.telemetryUrl!, this.polls.telemetry),
      ]).finally(() => {
        if (!this.stopped) this.timer = setTimeout(loop, this.opts.intervalMs);
      });
    };
    loop();
  }
  async stop(): Promise<SamplerResult> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.inFlight;
    return { ...this.polls, heapProfiles: [], warnings: [] };
  }
  private poll(url: string, into: TextPoll[]): Promise<void> {
    const at = Date.now();
    return new Promise((resolve) => {
      const req = httpGet(url, { timeout: this.opts.intervalMs * 4 }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => {
          if (res.statusCode === 200) into.push({ text, source: url, at });
          resolve();
        });
        res.on('error', () => resolve());
      });
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolve());
    });
  }
}

/** Child mode: poll (or not) until a line arrives on stdin, then print our CPU and the poll count. */
async function samplerChild(port: number, intervalMs: number, client: string): Promise<void> {
  const sampler =
    port > 0
      ? new (client === 'http' ? HttpPoller : Sampler)({
          expvarUrl: `http://127.0.0.1:${port}/debug/vars`,
          telemetryUrl: `http://127.0.0.1:${port}/telemetry`,
          intervalMs,
          label: 'bench',
        })
      : undefined;
  // Node loads its fetch (undici) on first use: a one-time cost per memgate process, measured here
  // apart against a throwaway local server so the run's figure is the steady per-poll cost.
  const w0 = process.cpuUsage();
  const local = createHttpServer((_, res) => res.end('ok'));
  await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
  await (await fetch(`http://127.0.0.1:${(local.address() as { port: number }).port}/`)).text();
  await new Promise((resolve) => local.close(resolve));
  const w = process.cpuUsage(w0);
  const stop = new Promise<void>((resolve) =>
    createInterface({ input: process.stdin }).once('line', () => resolve()),
  );
  process.stdout.write('ready\n');
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  sampler?.start();
  await stop;
  const result = await sampler?.stop();
  const cpu = process.cpuUsage(c0);
  process.stdout.write(
    JSON.stringify({
      cpuMs: (cpu.user + cpu.system) / 1000,
      firstFetchMs: (w.user + w.system) / 1000,
      wallMs: performance.now() - t0,
      expvar: result?.expvar.length ?? 0,
      telemetry: result?.telemetry.length ?? 0,
      bytes: [...(result?.expvar ?? []), ...(result?.telemetry ?? [])].reduce((s, p) => s + p.text.length, 0),
      warnings: result?.warnings ?? [],
    }) + '\n',
  );
  process.exit(0);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const TICK_MS = 1000 / 100; // CLK_TCK is 100 on Linux x86-64

/** utime + stime of a process in ms, or undefined once it is gone. */
function procCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields after the comm: state(0) ppid(1) … utime(11) stime(12)
    return (Number(f[11]) + Number(f[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

function childrenOf(ppid: number): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === ppid) out.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

type Mode = 'plain' | 'serve' | 'poll' | 'poll-http';
const MODES: readonly Mode[] = ['plain', 'serve', 'poll', 'poll-http'];
interface Sample {
  mode: Mode;
  wall: number;
  simCpu: number;
  serverCpu: number;
  memgateCpu: number;
  firstFetch: number;
  polls: number;
  bytes: number;
}

async function runOnce(mode: Mode, intervalMs: number, checkTimes: number): Promise<Sample> {
  const port = mode === 'plain' ? 0 : await freePort();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/sampling.ts',
      '--sampler',
      String(mode.startsWith('poll') ? port : 0),
      '--client',
      mode === 'poll-http' ? 'http' : 'fetch',
      '--interval',
      String(intervalMs),
    ],
    { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const childLines = createInterface({ input: child.stdout });
  const childOut: string[] = [];
  const ready = new Promise<void>((resolve) =>
    childLines.on('line', (l) => {
      childOut.push(l);
      if (l === 'ready') resolve();
    }),
  );
  await ready;

  const dir = mkdtempSync(join(tmpdir(), 'memgate-bench-'));
  const argv = [
    '-f',
    '%U %S %e',
    'python3',
    'test/agent-sim/datadog-agent',
    'check',
    'steady',
    '--check-times',
    String(checkTimes),
    '--json',
    '-m',
    '--m-gc',
    '1',
    '--m-dir',
    dir,
  ];
  if (port) argv.push('--serve-port', String(port));
  const sim = spawn('/usr/bin/time', argv, {
    cwd: root,
    env: { ...process.env, MEMGATE_SIM_CHECKS: 'examples/checks', MEMGATE_SIM_PORT: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  sim.stderr.on('data', (d: Buffer) => (stderr += d.toString()));

  // The server is the simulator's child: find it once it is up, then follow its CPU until it exits.
  let serverPid: number | undefined;
  let serverCpu = 0;
  let simPid: number | undefined;
  const watch = setInterval(() => {
    if (!port) return;
    if (simPid === undefined && sim.pid) simPid = childrenOf(sim.pid)[0];
    if (serverPid === undefined && simPid !== undefined && stderr.includes('serving'))
      serverPid = childrenOf(simPid)[0];
    if (serverPid !== undefined) {
      const ms = procCpuMs(serverPid);
      if (ms !== undefined) serverCpu = ms;
    }
  }, 50);
  const code = await new Promise<number | null>((resolve) => sim.once('exit', resolve));
  clearInterval(watch);
  child.stdin.write('stop\n');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0) throw new Error(`simulator failed (${code}): ${stderr}`);
  if (port && serverPid === undefined) throw new Error('never found the simulator server process');
  const [user, sys, wall] = stderr.trim().split('\n').pop()!.split(' ').map(Number);
  const m = JSON.parse(childOut[childOut.length - 1]) as {
    cpuMs: number;
    firstFetchMs: number;
    expvar: number;
    telemetry: number;
    bytes: number;
    warnings: string[];
  };
  if (mode.startsWith('poll') && m.expvar === 0)
    throw new Error(`no polls answered: ${m.warnings.join('; ')}`);
  return {
    mode,
    wall,
    simCpu: user + sys,
    serverCpu: serverCpu / 1000,
    memgateCpu: m.cpuMs / 1000,
    firstFetch: m.firstFetchMs / 1000,
    polls: m.expvar + m.telemetry,
    bytes: m.bytes,
  };
}

const samplerPort = arg('sampler', '');
if (samplerPort) {
  await samplerChild(Number(samplerPort), Number(arg('interval', '100')), arg('client', 'fetch'));
} else {
  const runs = Number(arg('runs', '5'));
  const interval = Number(arg('interval', '100'));
  const checkTimes = Number(arg('check-times', '200'));
  const load0 = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const all: Sample[] = [];
  await runOnce('poll', interval, 5); // warm the file cache and Python's bytecode cache
  for (let i = 0; i < runs; i++)
    for (const mode of MODES) all.push(await runOnce(mode, interval, checkTimes));
  const load1 = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const of = (mode: Mode, k: keyof Omit<Sample, 'mode'>) =>
    median(all.filter((s) => s.mode === mode).map((s) => s[k] as number));
  const f = (x: number, d = 3) => x.toFixed(d);
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

  console.log(
    `## sampling overhead (${runs} runs per mode, interleaved, median; interval ${interval} ms; steady × ${checkTimes} -m --m-gc 1; Node ${process.version}; load average ${load0} → ${load1}; ${new Date().toISOString()})\n`,
  );
  console.log(
    '| mode | run wall s | simulator CPU s | server CPU s | memgate CPU s | polls answered | KB polled |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const mode of MODES)
    console.log(
      `| ${mode} | ${f(of(mode, 'wall'), 2)} | ${f(of(mode, 'simCpu'), 2)} | ${f(of(mode, 'serverCpu'), 2)} | ${f(of(mode, 'memgateCpu'))} | ${of(mode, 'polls')} | ${f(of(mode, 'bytes') / 1000, 0)} |`,
    );

  // Per-run differences (poll − serve of the same iteration), then the median: pairs share load.
  const pairs = Array.from({ length: runs }, (_, i) => ({
    serve: all[i * MODES.length + 1],
    poll: all[i * MODES.length + 2],
    http: all[i * MODES.length + 3],
  }));
  const memgate = median(pairs.map((p) => p.poll.memgateCpu - p.serve.memgateCpu));
  const server = median(pairs.map((p) => p.poll.serverCpu - p.serve.serverCpu));
  const simMain = median(pairs.map((p) => p.poll.simCpu - p.serve.simCpu));
  const http = median(pairs.map((p) => p.http.memgateCpu - p.serve.memgateCpu));
  const httpServer = median(pairs.map((p) => p.http.serverCpu - p.serve.serverCpu));
  const wall = of('poll', 'wall');
  const runCpu = of('serve', 'simCpu');
  const polls = of('poll', 'polls');
  console.log('\nCost of sampling (poll − serve, paired per iteration, median):\n');
  console.log("| side | extra CPU s | % of one core over the run | % of the run's CPU | per poll µs |");
  console.log('|---|---|---|---|---|');
  const httpWall = of('poll-http', 'wall');
  const httpPolls = of('poll-http', 'polls');
  for (const [name, x, n, w] of [
    ['memgate: the Sampler (fetch)', memgate, polls, wall],
    ['simulator server, answering', server, polls, wall],
    ['total (memgate + server)', memgate + server, polls, wall],
    ['simulator main process (noise, see below)', simMain, polls, wall],
    ['memgate with node:http get (poll-http, bench-only prototype)', http, httpPolls, httpWall],
    ['total with node:http get', http + httpServer, httpPolls, httpWall],
  ] as const)
    console.log(`| ${name} | ${f(x)} | ${pct(x / w)} | ${pct(x / runCpu)} | ${f((x * 1e6) / n, 0)} |`);
  const raw = (k: 'memgateCpu' | 'serverCpu' | 'simCpu') =>
    pairs.map((p) => (p.poll[k] - p.serve[k]).toFixed(3)).join(', ');
  console.log(
    `\nPer-iteration differences (poll − serve), s: memgate ${raw('memgateCpu')}; server ${raw('serverCpu')}; simulator main ${raw('simCpu')}.`,
  );
  console.log(
    `\nOne-time, per memgate process: the first fetch() (Node loading undici) costs ${f(of('poll', 'firstFetch'))} s of CPU, ${pct(of('poll', 'firstFetch') / wall)} of this run; it is not in the table above.`,
  );
  console.log(
    `\nserve − plain (the idle server itself, not sampling): simulator main ${f(of('serve', 'simCpu') - of('plain', 'simCpu'))} s, server ${f(of('serve', 'serverCpu'))} s.`,
  );
}
