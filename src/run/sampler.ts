/**
 * Poll the Agent's endpoints while a run is alive: expvar (`/debug/vars`) and telemetry at an
 * interval, a pprof heap profile near the start and at the end. A source that never answers is one
 * warning naming its URL; the run goes on with what the other sources gave.
 */
import { httpGet } from './http-get.js';

export interface SamplerOptions {
  expvarUrl?: string;
  telemetryUrl?: string;
  pprofUrl?: string;
  intervalMs: number;
  /** Per request (default: 4 intervals, between 200 ms and 5 s). */
  requestTimeoutMs?: number;
  /** How messages name this run, e.g. "run 2 of 5". */
  label?: string;
}

export interface TextPoll {
  text: string;
  source: string;
  at: number;
}

export interface SamplerResult {
  expvar: TextPoll[];
  telemetry: TextPoll[];
  heapProfiles: { bytes: Uint8Array; source: string }[];
  warnings: string[];
}

interface SourceState {
  ok: number;
  failed: number;
  firstError?: string;
}

/** Heap profiles are costly to take: refresh the "latest" one every this many polls. */
const HEAP_EVERY = 4;

/** The endpoints of a run or a watch, as their options name them. */
export interface Endpoints {
  expvarUrl?: string;
  telemetryUrl?: string;
  pprofUrl?: string;
  sampleIntervalMs: number;
}

export class Sampler {
  /** A sampler of `endpoints`, its messages naming `label` ("run 2 of 5"). */
  static of(endpoints: Endpoints, label: string): Sampler {
    const { expvarUrl, telemetryUrl, pprofUrl, sampleIntervalMs } = endpoints;
    return new Sampler({ expvarUrl, telemetryUrl, pprofUrl, intervalMs: sampleIntervalMs, label });
  }

  private readonly opts: SamplerOptions;
  private readonly result: SamplerResult = { expvar: [], telemetry: [], heapProfiles: [], warnings: [] };
  private readonly states = new Map<string, SourceState>();
  private firstHeap?: { bytes: Uint8Array; source: string };
  private latestHeap?: { bytes: Uint8Array; source: string };
  private timer?: NodeJS.Timeout;
  private ticks = 0;
  private inFlight: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(opts: SamplerOptions) {
    this.opts = opts;
  }

  get enabled(): boolean {
    return Boolean(this.opts.expvarUrl || this.opts.telemetryUrl || this.opts.pprofUrl);
  }

  start(): void {
    if (!this.enabled) return;
    const loop = () => {
      if (this.stopped) return;
      this.inFlight = this.tick().finally(() => {
        if (!this.stopped) this.timer = setTimeout(loop, this.opts.intervalMs);
      });
    };
    loop();
  }

  /** The newest expvar poll so far (a watcher reads the runner stats from it while sampling). */
  latestExpvar(): TextPoll | undefined {
    return this.result.expvar[this.result.expvar.length - 1];
  }

  /** Stop polling, take the last heap profile, and hand over everything gathered. */
  async stop(): Promise<SamplerResult> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.inFlight;
    if (this.opts.pprofUrl) {
      const last = await this.fetchBytes(this.opts.pprofUrl, true);
      if (last) this.latestHeap = last;
    }
    const heaps = [this.firstHeap, this.latestHeap].filter(
      (h): h is { bytes: Uint8Array; source: string } => !!h,
    );
    this.result.heapProfiles = heaps.length === 2 && heaps[0] === heaps[1] ? [heaps[0]] : heaps;
    for (const [url, s] of this.states) {
      if (s.ok === 0) {
        this.result.warnings.push(
          `no data from ${url} (${s.firstError ?? 'no answer'}); continuing without it`,
        );
      }
    }
    return this.result;
  }

  private async tick(): Promise<void> {
    const tasks: Promise<void>[] = [];
    const { expvarUrl, telemetryUrl, pprofUrl } = this.opts;
    if (expvarUrl) tasks.push(this.poll(expvarUrl, this.result.expvar));
    if (telemetryUrl) tasks.push(this.poll(telemetryUrl, this.result.telemetry));
    if (pprofUrl && (!this.firstHeap || this.ticks % HEAP_EVERY === 0)) {
      tasks.push(
        this.fetchBytes(pprofUrl, false).then((p) => {
          if (!p) return;
          if (!this.firstHeap) this.firstHeap = p;
          else this.latestHeap = p;
        }),
      );
    }
    this.ticks++;
    await Promise.all(tasks);
  }

  private timeoutMs(): number {
    return this.opts.requestTimeoutMs ?? Math.min(5000, Math.max(200, this.opts.intervalMs * 4));
  }

  private state(url: string): SourceState {
    let s = this.states.get(url);
    if (!s) {
      s = { ok: 0, failed: 0 };
      this.states.set(url, s);
    }
    return s;
  }

  private async poll(url: string, into: TextPoll[]): Promise<void> {
    const at = Date.now();
    try {
      const text = (await httpGet(url, this.timeoutMs())).toString('utf8');
      this.state(url).ok++;
      into.push({ text, source: url, at });
    } catch (err) {
      this.failed(url, err);
    }
  }

  private async fetchBytes(
    url: string,
    final: boolean,
  ): Promise<{ bytes: Uint8Array; source: string } | undefined> {
    try {
      const bytes = new Uint8Array(await httpGet(url, this.timeoutMs()));
      this.state(url).ok++;
      return { bytes, source: `${url}#${final ? 'end' : 'start'}` };
    } catch (err) {
      // At the end the process is usually gone already (CLI mode): only a failure if nothing came.
      this.failed(url, err);
      return undefined;
    }
  }

  private failed(url: string, err: unknown): void {
    const s = this.state(url);
    s.failed++;
    if (!s.firstError) s.firstError = describeRequestError(err);
  }
}

function describeRequestError(err: unknown): string {
  if (err instanceof Error) return (err as NodeJS.ErrnoException).code ?? err.message;
  return String(err);
}
