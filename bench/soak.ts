/**
 * Soak test of the branch store (issue 15): rounds of 50 concurrent baseline writers, then 50
 * readers, against the fake GitHub API with 20% of requests faulted, every kind the fake can inject:
 * 500, HTML 502, 429, late answers, hangs (cut by the client's deadline), connection resets before
 * and after the server acted, bodies cut off half-way, and on ref updates 409, both 422 wordings
 * of a lost race, and real races (another commit lands first).
 *
 *   node --import tsx bench/soak.ts [--writers 50] [--rounds 10] [--fault-rate 0.2] [--seed 1] [--timeout-ms 1000]
 *                                   [--store-from <checkout>]
 *
 * `--store-from` runs the branch store of another checkout (e.g. `git archive main src | tar -x -C
 * /tmp/peer`) as the peer, with this checkout's client (its request deadline keeps a hang finite).
 *
 * Reports entries landed and lost (a writer that gave up, or an entry missing from the branch,
 * must never happen), duplicated entries, store attempts, requests, faults fired by kind, reads
 * that found their baseline / failed closed / passed blind (must be 0), and time.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { mulberry32 } from '../src/analyze/stats.js';
import { createBranchStore as ownStore } from '../src/baseline/branch-store.js';
import { BaselineUnavailableError } from '../src/baseline/unavailable.js';
import { createOctokit } from '../src/github/octokit.js';
import { emptyReport, type CheckReport, type MemoryReport } from '../src/model.js';
import { VERSION } from '../src/version.js';
import { startGitHubApi, type Fault, type FakeGitHub } from '../test/support/github-api.js';
import { arg, median } from './common.js';

const WRITERS = Number(arg('writers', '50'));
const ROUNDS = Number(arg('rounds', '10'));
const RATE = Number(arg('fault-rate', '0.2'));
const TIMEOUT_MS = Number(arg('timeout-ms', '1000'));
const CHECKS = 5;
const BRANCH = 'memgate-baselines';
const TOKEN = 'ghs_soak';

const ANY_ROUTE: Fault[] = [
  { kind: 'status', status: 500 },
  { kind: 'html', status: 502 },
  { kind: 'status', status: 429, message: 'API rate limit exceeded' },
  { kind: 'delay', ms: 300 },
  { kind: 'hang' },
  { kind: 'reset' },
  { kind: 'reset-after' },
  { kind: 'truncate' },
];
const REF_UPDATE: Fault[] = [
  { kind: 'status', status: 409 },
  { kind: 'status', status: 422, message: 'Reference cannot be updated' },
  { kind: 'status', status: 422, message: 'Update is not a fast forward' },
  { kind: 'race' },
  ...ANY_ROUTE,
];

function injectFaults(gh: FakeGitHub, random: () => number): void {
  const pick = (list: Fault[]) => () => list[Math.floor(random() * list.length)];
  gh.inject({
    method: 'PATCH',
    path: /\/git\/refs\/heads\//,
    probability: RATE,
    random,
    fault: pick(REF_UPDATE),
  });
  // Every other request (the PATCH rule above sees ref updates first).
  gh.inject({ path: /^(?!.*\/git\/refs\/heads\/)/, probability: RATE, random, fault: pick(ANY_ROUTE) });
}

function report(check: string, value: number): MemoryReport {
  const c: CheckReport = {
    check: { name: check, version: '1.0.0' },
    metrics: { 'python.check_run_alloc': { runs: [{ value, series: [value] }] } },
    sites: [],
    notes: [],
  };
  return { ...emptyReport(VERSION, { options: {} }), checks: [c] };
}

interface RoundResult {
  ms: number;
  landed: number;
  gaveUp: number;
  attempts: number;
  reads: { found: number; failedClosed: number; blind: number; typeErrors: number };
}

const STORE_FROM = arg('store-from', '');
const createBranchStore: typeof ownStore = STORE_FROM
  ? (
      (await import(pathToFileURL(join(STORE_FROM, 'src/baseline/branch-store.ts')).href)) as {
        createBranchStore: typeof ownStore;
      }
    ).createBranchStore
  : ownStore;

function storeFor(gh: FakeGitHub) {
  const client = createOctokit(TOKEN, {
    baseUrl: gh.url,
    conflicts: 'fail-fast',
    throttle: false,
    timeoutMs: TIMEOUT_MS,
  });
  return createBranchStore({ client, owner: gh.owner, repo: gh.repo, branch: BRANCH, keep: 10_000 });
}

async function writers(
  gh: FakeGitHub,
  round: number,
): Promise<Pick<RoundResult, 'landed' | 'gaveUp' | 'attempts'>> {
  const results = await Promise.allSettled(
    Array.from({ length: WRITERS }, (_, w) =>
      storeFor(gh).update(report(`soak${w % CHECKS}`, round * 1000 + w), {
        commit: (round * 1000 + w).toString(16).padStart(40, '0'),
      }),
    ),
  );
  let attempts = 0;
  let gaveUp = 0;
  for (const r of results) {
    if (r.status === 'fulfilled') attempts += r.value.attempts;
    else {
      gaveUp += 1;
      console.error(`writer gave up: ${(r.reason as Error).message}`);
    }
  }
  return { landed: WRITERS - gaveUp, gaveUp, attempts };
}

/**
 * Readers under the same faults: a read finds its baseline, or fails closed (BaselineUnavailableError,
 * which ends the step), never "passes blind": any other rejection is what the gate turns into a
 * warning and a pass, as a lookup that says "none" when a baseline exists would be.
 */
async function readers(gh: FakeGitHub): Promise<RoundResult['reads']> {
  const reads = { found: 0, failedClosed: 0, blind: 0, typeErrors: 0 };
  const results = await Promise.allSettled(
    Array.from({ length: WRITERS }, (_, r) =>
      storeFor(gh).read({ name: `soak${r % CHECKS}`, version: '1.0.0' }),
    ),
  );
  for (const r of results) {
    if (r.status === 'fulfilled') {
      if (r.value.provenance.status === 'exact') reads.found += 1;
      else reads.blind += 1;
    } else if (r.reason instanceof BaselineUnavailableError) reads.failedClosed += 1;
    else {
      reads.blind += 1;
      if (r.reason instanceof TypeError) reads.typeErrors += 1;
      console.error(`read passed blind: ${(r.reason as Error).message}`);
    }
  }
  return reads;
}

/** Entry values on the branch now, by check (read without faults). */
async function stored(gh: FakeGitHub): Promise<number[]> {
  const files = await gh.branchFiles(BRANCH);
  const values: number[] = [];
  for (let c = 0; c < CHECKS; c++) {
    const doc = JSON.parse(files[`soak${c}/1.0.0.json`] ?? '{"entries":[]}') as {
      entries: { report: CheckReport }[];
    };
    for (const e of doc.entries) values.push(e.report.metrics['python.check_run_alloc'].runs[0].value);
  }
  return values;
}

async function main(): Promise<void> {
  const random = mulberry32(Number(arg('seed', '1')));
  const gh = await startGitHubApi({ token: TOKEN });
  injectFaults(gh, random);
  const rounds: RoundResult[] = [];
  const started = Date.now();
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = Date.now();
    const w = await writers(gh, round);
    const ms = Date.now() - t0;
    rounds.push({ ms, ...w, reads: await readers(gh) });
    console.error(
      `round ${round + 1}/${ROUNDS}: ${w.landed} landed, ${w.gaveUp} gave up, ${w.attempts} attempts, ${ms} ms`,
    );
  }
  const totalMs = Date.now() - started;
  const values = await stored(gh);
  const expected = new Set(
    Array.from({ length: ROUNDS * WRITERS }, (_, i) => Math.floor(i / WRITERS) * 1000 + (i % WRITERS)),
  );
  const lost = [...expected].filter((v) => !values.includes(v)).length;
  const duplicated = values.length - new Set(values).size;
  const sum = (f: (r: RoundResult) => number) => rounds.reduce((a, r) => a + f(r), 0);
  const summary = {
    store: STORE_FROM || 'this checkout',
    writers: WRITERS,
    rounds: ROUNDS,
    faultRate: RATE,
    entriesExpected: expected.size,
    entriesLanded: values.length - duplicated,
    entriesLost: lost,
    duplicated,
    writersGaveUp: sum((r) => r.gaveUp),
    attempts: sum((r) => r.attempts),
    attemptsPerWrite: +(
      sum((r) => r.attempts) /
      Math.max(
        1,
        sum((r) => r.landed),
      )
    ).toFixed(2),
    requests: gh.requests.length,
    faultsFired: gh.faultsFired,
    faultsTotal: Object.values(gh.faultsFired).reduce((a, b) => a + b, 0),
    reads: {
      found: sum((r) => r.reads.found),
      failedClosed: sum((r) => r.reads.failedClosed),
      blind: sum((r) => r.reads.blind),
      typeErrors: sum((r) => r.reads.typeErrors),
    },
    roundMsMedian: median(rounds.map((r) => r.ms)),
    roundMsMax: Math.max(...rounds.map((r) => r.ms)),
    totalMs,
    commitsOnBranch: gh.branchHistory(BRANCH).length,
  };
  console.log(JSON.stringify(summary, null, 2));
  await gh.close();
  if (lost > 0 || duplicated > 0 || summary.reads.blind > 0) process.exitCode = 1;
}

await main();
