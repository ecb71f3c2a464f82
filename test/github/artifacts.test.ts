/**
 * uploadReports / downloadReports through @actions/artifact's own client, unmodified, against the
 * fake results service + blob storage (same run) and the fake REST API (another run, `findBy`).
 *
 * Environment handling: the artifact client reads ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL and
 * GITHUB_SERVER_URL at call time, but @actions/github fixes GITHUB_API_URL when it is first imported,
 * so the REST server is started and GITHUB_API_URL set *before* the adapter is imported (dynamically).
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { MemgateError } from '../../src/errors.js';
import { artifactRestRoutes } from '../support/artifact-rest.js';
import { startArtifactService, type ArtifactService } from '../support/artifact-service.js';

type Adapter = typeof import('../../src/github/artifacts.js');

const KEYS = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RESULTS_URL',
  'GITHUB_RUN_ID',
  'GITHUB_API_URL',
  'GITHUB_SERVER_URL',
  'GITHUB_TOKEN',
];
const REST_TOKEN = 'ghs_restTokenForTests0123456789';

let service: ArtifactService;
let rest: Server;
let adapter: Adapter;
let tmp: string;
const saved = new Map<string, string | undefined>();

function setEnv(env: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

function report(shard: number): string {
  const doc = {
    schemaVersion: 1,
    tool: { name: 'memgate', version: '0.1.0' },
    checks: [
      {
        check: { name: `check_${shard}`, version: '1.0.0' },
        metrics: { 'python.check_run_alloc': [shard * 1000, shard * 1001] },
      },
    ],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Writes one report per shard under its own folder, each file named report.json. */
async function writeShards(
  root: string,
  count: number,
): Promise<{ dir: string; file: string; bytes: Buffer }[]> {
  const out = [];
  for (let i = 0; i < count; i++) {
    const dir = path.join(root, `shard-${i}`);
    await fs.mkdir(dir, { recursive: true });
    const file = path.join(dir, 'report.json');
    await fs.writeFile(file, report(i));
    out.push({ dir, file, bytes: await fs.readFile(file) });
  }
  return out;
}

before(async () => {
  for (const k of KEYS) saved.set(k, process.env[k]);
  service = await startArtifactService({ runId: 4242 });
  const routes = artifactRestRoutes(service, { token: REST_TOKEN });
  rest = createServer((req, res) => {
    if (routes(req, res, new URL(req.url ?? '/', 'http://127.0.0.1'))) return;
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"message":"Not Found"}');
  });
  await new Promise<void>((resolve) => rest.listen(0, '127.0.0.1', resolve));
  setEnv({
    GITHUB_API_URL: `http://127.0.0.1:${(rest.address() as AddressInfo).port}`,
    GITHUB_SERVER_URL: undefined,
    GITHUB_TOKEN: undefined,
  });
  adapter = await import('../../src/github/artifacts.js');
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'memgate-artifacts-'));
});

beforeEach(() => setEnv(service.env));

after(async () => {
  for (const [k, v] of saved) setEnv({ [k]: v });
  await service.close();
  await new Promise<void>((resolve) => rest.close(() => resolve()));
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('artifacts', () => {
  it('round-trips 3 shard reports through upload and same-run download, byte for byte', async () => {
    const root = path.join(tmp, 'same-run');
    const shards = await writeShards(root, 3);
    const ids = new Set<number>();
    for (const [i, s] of shards.entries()) {
      // Each shard is its own job of the run, as in a matrix.
      setEnv(service.envFor({ job: `collect-${i}` }));
      const up = await adapter.uploadReports(`memgate-report-shard-${i}`, [s.file], s.dir);
      assert.ok(up.size > 0);
      ids.add(up.id);
    }
    assert.equal(ids.size, 3);
    // The Azure SDK's uploadStream always stages blocks and commits a block list, even for one small zip.
    const blobPuts = service.requests
      .filter((r) => r.method === 'PUT')
      .map((r) => new URL(r.path, service.url).searchParams.get('comp'));
    assert.deepEqual(blobPuts, ['block', 'blocklist', 'block', 'blocklist', 'block', 'blocklist']);
    assert.deepEqual(
      service.artifacts().map((a) => [a.name, Object.keys(a.files)]),
      [0, 1, 2].map((i) => [`memgate-report-shard-${i}`, ['report.json']]),
    );

    setEnv(service.envFor({ job: 'aggregate' }));
    const dest = path.join(tmp, 'same-run-out');
    const files = await adapter.downloadReports('memgate-report-', dest);
    assert.deepEqual(
      files.map((f) => path.relative(dest, f)),
      [0, 1, 2].map((i) => path.join(`memgate-report-shard-${i}`, 'report.json')),
    );
    for (const [i, f] of files.entries()) assert.deepEqual(await fs.readFile(f), shards[i].bytes);
  });

  it('downloads the reports of another workflow run through the REST API (findBy)', async () => {
    const otherRun = 777;
    const root = path.join(tmp, 'other-run');
    const [shard] = await writeShards(root, 1);
    setEnv(service.envFor({ runId: otherRun, job: 'pr' }));
    await adapter.uploadReports('memgate-report-pr', [shard.file], shard.dir);

    setEnv(service.env);
    const dest = path.join(tmp, 'other-run-out');
    const files = await adapter.downloadReports('memgate-report-pr', dest, {
      workflowRunId: otherRun,
      owner: 'octo',
      repo: 'agent',
      token: REST_TOKEN,
    });
    assert.equal(files.length, 1);
    assert.deepEqual(await fs.readFile(files[0]), shard.bytes);
    // The current run does not see the other run's artifact.
    await assert.rejects(
      adapter.downloadReports('memgate-report-pr', path.join(tmp, 'x')),
      /no artifacts named memgate-report-pr\* in run 4242/,
    );
  });

  it('fails with one clear line when no artifact matches', async () => {
    const err = await adapter.downloadReports('nothing-here-', path.join(tmp, 'none')).then(
      () => assert.fail('expected a rejection'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof MemgateError);
    assert.equal(err.line, 'no artifacts named nothing-here-* in run 4242: did the collect jobs run?');
  });

  it('names the run of a findBy download that has no artifacts, and hides a wrong token', async () => {
    const from = { workflowRunId: 31337, owner: 'octo', repo: 'agent', token: REST_TOKEN };
    await assert.rejects(adapter.downloadReports('memgate-', path.join(tmp, 'none2'), from), {
      message: 'no artifacts named memgate-* in run 31337: did the collect jobs run?',
    });
    const bad = 'ghs_wrongTokenNeverPrinted42';
    const err = await adapter
      .downloadReports('memgate-', path.join(tmp, 'none3'), { ...from, token: bad })
      .then(
        () => assert.fail('expected a rejection'),
        (e: unknown) => e,
      );
    assert.ok(err instanceof MemgateError);
    assert.match(err.line, /^listing artifacts of run 31337 failed: .*Bad credentials/);
    assert.ok(!err.line.includes(bad) && !err.line.includes('\n'));
  });

  it('turns a CreateArtifact that keeps answering 500 into a one-line MemgateError', async (t) => {
    // The Twirp client retries 5 times with 3 s, ~5 s, ~8 s… waits; shorten only those sleeps.
    const realSetTimeout = globalThis.setTimeout;
    const shortSleep = (fn: () => void, ms?: number) =>
      realSetTimeout(fn, ms !== undefined && ms >= 1000 ? 1 : ms);
    t.mock.method(globalThis, 'setTimeout', shortSleep as unknown as typeof setTimeout);
    const [shard] = await writeShards(path.join(tmp, 'fail'), 1);
    service.failNext('CreateArtifact', 500);
    const before = service.requests.filter((r) => r.path.endsWith('/CreateArtifact')).length;
    const err = await adapter.uploadReports('memgate-report-fail', [shard.file], shard.dir).then(
      () => assert.fail('expected a rejection'),
      (e: unknown) => e,
    );
    service.failNext('CreateArtifact', 500, 0);
    assert.ok(err instanceof MemgateError);
    assert.match(err.line, /^uploading artifact memgate-report-fail failed: .*\(500\)/);
    assert.ok(!err.line.includes('\n'));
    assert.ok(!err.line.includes(service.env.ACTIONS_RUNTIME_TOKEN));
    assert.equal(service.requests.filter((r) => r.path.endsWith('/CreateArtifact')).length - before, 5);
    assert.ok(!service.artifacts().some((a) => a.name === 'memgate-report-fail'));
  });

  it('says the Actions runtime is missing outside a job', async () => {
    setEnv({ ACTIONS_RUNTIME_TOKEN: undefined });
    await assert.rejects(adapter.uploadReports('x', ['/nonexistent.json'], '/'), {
      name: 'MemgateError',
      message: /needs the Actions runtime \(ACTIONS_RUNTIME_TOKEN unset\)/,
    });
  });

  it('an artifact with no report in it is an error naming it', async () => {
    const dir = path.join(tmp, 'no-report');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'notes.txt'), 'not a report');
    await adapter.uploadReports('memgate-hostile-empty', [path.join(dir, 'notes.txt')], dir);
    await assert.rejects(adapter.downloadReports('memgate-hostile-empty', path.join(tmp, 'no-report-out')), {
      name: 'MemgateError',
      message:
        'artifact memgate-hostile-empty of run 4242 holds no report (.json) file: was it uploaded by memgate?',
    });
  });

  it('two artifacts holding the same report are refused: the runs would count double', async () => {
    const [shard] = await writeShards(path.join(tmp, 'dup'), 1);
    await adapter.uploadReports('memgate-dup-a', [shard.file], shard.dir);
    await adapter.uploadReports('memgate-dup-b', [shard.file], shard.dir);
    await assert.rejects(
      adapter.downloadReports('memgate-dup-', path.join(tmp, 'dup-out')),
      (err: unknown) => {
        assert.ok(err instanceof MemgateError);
        assert.match(
          err.line,
          /^artifacts memgate-dup-a and memgate-dup-b of run 4242 hold the same report \(report\.json\)/,
        );
        return true;
      },
    );
  });

  it('a report file over the size cap is refused before anything parses it', async () => {
    const [shard] = await writeShards(path.join(tmp, 'big'), 1);
    await adapter.uploadReports('memgate-big', [shard.file], shard.dir);
    await assert.rejects(
      adapter.downloadReports('memgate-big', path.join(tmp, 'big-out'), undefined, { maxReportBytes: 100 }),
      {
        message: new RegExp(
          `^report report\\.json in artifact memgate-big of run 4242 is ${shard.bytes.length} bytes, over the 100-byte limit$`,
        ),
      },
    );
    const ok = await adapter.downloadReports('memgate-big', path.join(tmp, 'big-out-2'));
    assert.equal(ok.length, 1);
  });
});
