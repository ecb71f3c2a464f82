/**
 * A fake of the GitHub Actions results service (artifact Twirp API) and of the Azure blob storage it
 * signs URLs for, on node:http at 127.0.0.1, port 0. `@actions/artifact` 6 talks to it unmodified:
 *
 * - `POST /twirp/github.actions.results.api.v1.ArtifactService/{CreateArtifact,FinalizeArtifact,
 *   ListArtifacts,GetSignedArtifactURL,DeleteArtifact}`, JSON with proto field names, `Authorization:
 *   Bearer <ACTIONS_RUNTIME_TOKEN>`. The token is an unsigned JWT whose `scp` claim carries
 *   `Actions.Results:<runBackendId>:<jobBackendId>`, which the client decodes for the ids it sends.
 *   Errors are Twirp-shaped `{ code, msg }`; the client retries 429/500/502/503/504 five times.
 * - Blob upload to the signed URL, path-style as Azurite (`/devstoreaccount1/<container>/<blob>`,
 *   because the Azure SDK takes the account from the path for IP hosts): `PUT ?comp=block&blockid=`
 *   (stage block), `PUT ?comp=blocklist` (commit, XML body), or a single `PUT` with
 *   `x-ms-blob-type: BlockBlob`.
 * - `GET /download/<id>/<name>.zip?sig=…`: the uploaded zip, byte for byte, as `application/zip`.
 *
 * Runs are numbered like GitHub's (`GITHUB_RUN_ID`) and each maps to a backend id; ListArtifacts
 * answers for the whole run, as the real service does, so shards uploaded by different jobs of one
 * run (tokens from `envFor({ job })`) all show up in the aggregate job.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inflateRawSync } from 'node:zlib';

const SERVICE = 'github.actions.results.api.v1.ArtifactService';

export interface StoredArtifact {
  id: number;
  name: string;
  runId: number;
  runBackendId: string;
  jobBackendId: string;
  /** The zip exactly as uploaded; empty until the blob is committed. */
  zip: Buffer;
  /** `sha256:<hex>` as sent in FinalizeArtifact, if it was. */
  digest?: string;
  finalized: boolean;
  createdAt: string;
  sig: string;
  staged: Map<string, Buffer>;
}

export type TwirpMethod =
  'CreateArtifact' | 'FinalizeArtifact' | 'ListArtifacts' | 'GetSignedArtifactURL' | 'DeleteArtifact';

export interface ArtifactService {
  /** Origin, e.g. http://127.0.0.1:1234 */
  url: string;
  /** The default run's numeric id (what `GITHUB_RUN_ID` would be). */
  runId: number;
  /** ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL and GITHUB_RUN_ID for job "main" of the default run. */
  env: Record<string, string>;
  /** The same for another job and/or another run (a new run id gets a new backend id). */
  envFor(opts: { runId?: number; job?: string }): Record<string, string>;
  /** Finalized artifacts with their files unzipped. */
  artifacts(): { id: number; name: string; runId: number; files: Record<string, Buffer> }[];
  /** Finalized artifacts of a run (numeric id), for the REST handler. */
  listRun(runId: number): StoredArtifact[];
  find(id: number): StoredArtifact | undefined;
  /** A signed URL serving the artifact's zip. */
  downloadUrl(a: StoredArtifact): string;
  /** Make the next `times` (default: every) calls of a Twirp method answer `status`. */
  failNext(method: TwirpMethod, status: number, times?: number): void;
  /** Every request, path with its query (blob calls show `comp=block` / `comp=blocklist`). */
  requests: { method: string; path: string }[];
  close(): Promise<void>;
}

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** An unsigned JWT (`alg: none`): the client only decodes the payload, it never verifies. */
export function runtimeToken(runBackendId: string, jobBackendId: string): string {
  const payload = {
    scp: `Actions.ExampleScope Actions.Results:${runBackendId}:${jobBackendId}`,
    iss: 'memgate-fake-actions',
    exp: Math.floor(Date.now() / 1000) + 3600,
  };
  return `${b64url({ typ: 'JWT', alg: 'none' })}.${b64url(payload)}.`;
}

/** Reads a zip's central directory; enough for what archiver writes (stored or deflated, no zip64). */
export function unzipEntries(zip: Buffer): Record<string, Buffer> {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out: Record<string, Buffer> = {};
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('corrupt zip central directory');
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/')) continue;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressed);
    out[name] = method === 0 ? Buffer.from(data) : inflateRawSync(data);
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function twirp(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function twirpError(res: ServerResponse, status: number, code: string, msg: string): void {
  twirp(res, status, { code, msg });
}

function blobHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'x-ms-request-id': randomUUID(),
    'x-ms-version': '2025-01-05',
    date: new Date().toUTCString(),
    ...extra,
  };
}

export async function startArtifactService(opts: { runId?: number } = {}): Promise<ArtifactService> {
  const defaultRun = opts.runId ?? 4242;
  const runBackend = new Map<number, string>();
  const runOfBackend = new Map<string, number>();
  const tokens = new Set<string>();
  const store: StoredArtifact[] = [];
  const failures = new Map<TwirpMethod, { status: number; times: number }>();
  const requests: { method: string; path: string }[] = [];
  let nextId = 9001;
  let origin = '';

  const backendOf = (runId: number): string => {
    let id = runBackend.get(runId);
    if (!id) {
      id = randomUUID();
      runBackend.set(runId, id);
      runOfBackend.set(id, runId);
    }
    return id;
  };

  const envFor = ({
    runId = defaultRun,
    job = 'main',
  }: {
    runId?: number;
    job?: string;
  }): Record<string, string> => {
    const jobBackend = createHash('sha256').update(`${runId}/${job}`).digest('hex').slice(0, 32);
    const token = runtimeToken(backendOf(runId), jobBackend);
    tokens.add(token);
    return { ACTIONS_RUNTIME_TOKEN: token, ACTIONS_RESULTS_URL: `${origin}/`, GITHUB_RUN_ID: String(runId) };
  };

  const listed = (a: StoredArtifact) => ({
    workflow_run_backend_id: a.runBackendId,
    workflow_job_run_backend_id: a.jobBackendId,
    database_id: String(a.id),
    name: a.name,
    size: String(a.zip.length),
    created_at: a.createdAt,
    ...(a.digest ? { digest: a.digest } : {}),
  });

  const downloadUrl = (a: StoredArtifact): string =>
    `${origin}/download/${a.id}/${encodeURIComponent(a.name)}.zip?sig=${a.sig}&se=2099-01-01`;

  const handleTwirp = (method: string, body: Record<string, unknown>, res: ServerResponse): void => {
    const failure = failures.get(method as TwirpMethod);
    if (failure && failure.times > 0) {
      failure.times--;
      return twirpError(res, failure.status, 'internal', `injected failure of ${method}`);
    }
    const run = String(body.workflow_run_backend_id ?? '');
    const job = String(body.workflow_job_run_backend_id ?? '');
    const runId = runOfBackend.get(run);
    if (runId === undefined)
      return twirpError(res, 400, 'invalid_argument', 'unknown workflow_run_backend_id');
    const name = typeof body.name === 'string' ? body.name : '';
    const inRun = store.filter((a) => a.runBackendId === run);
    switch (method) {
      case 'CreateArtifact': {
        if (!name) return twirpError(res, 400, 'invalid_argument', 'name is required');
        if (inRun.some((a) => a.name === name && a.finalized))
          return twirpError(
            res,
            409,
            'already_exists',
            `an artifact with this name already exists on the workflow run`,
          );
        const a: StoredArtifact = {
          id: nextId++,
          name,
          runId,
          runBackendId: run,
          jobBackendId: job,
          zip: Buffer.alloc(0),
          finalized: false,
          createdAt: new Date().toISOString(),
          sig: randomBytes(12).toString('hex'),
          staged: new Map(),
        };
        store.push(a);
        const upload = `${origin}/devstoreaccount1/actions-results/${a.id}/${encodeURIComponent(name)}.zip?sig=${a.sig}&se=2099-01-01&sp=cw`;
        return twirp(res, 200, { ok: true, signed_upload_url: upload });
      }
      case 'FinalizeArtifact': {
        const a = [...inRun].reverse().find((x) => x.name === name && !x.finalized);
        if (!a) return twirpError(res, 404, 'not_found', 'artifact not found');
        if (String(body.size) !== String(a.zip.length))
          return twirpError(
            res,
            400,
            'invalid_argument',
            `size ${String(body.size)} does not match uploaded ${a.zip.length}`,
          );
        const hash = typeof body.hash === 'string' ? body.hash : undefined;
        if (hash && hash !== `sha256:${createHash('sha256').update(a.zip).digest('hex')}`)
          return twirpError(res, 400, 'invalid_argument', 'hash does not match the uploaded blob');
        a.digest = hash;
        a.finalized = true;
        return twirp(res, 200, { ok: true, artifact_id: String(a.id) });
      }
      case 'ListArtifacts': {
        const nameFilter = typeof body.name_filter === 'string' ? body.name_filter : undefined;
        const idFilter = body.id_filter !== undefined ? String(body.id_filter) : undefined;
        const found = inRun.filter(
          (a) =>
            a.finalized &&
            (nameFilter === undefined || a.name === nameFilter) &&
            (idFilter === undefined || String(a.id) === idFilter),
        );
        return twirp(res, 200, { artifacts: found.map(listed) });
      }
      case 'GetSignedArtifactURL': {
        const a = inRun.find((x) => x.name === name && x.finalized);
        if (!a) return twirpError(res, 404, 'not_found', 'artifact not found');
        return twirp(res, 200, { signed_url: downloadUrl(a) });
      }
      case 'DeleteArtifact': {
        const i = store.findIndex((x) => x.runBackendId === run && x.name === name && x.finalized);
        if (i < 0) return twirpError(res, 404, 'not_found', 'artifact not found');
        const [a] = store.splice(i, 1);
        return twirp(res, 200, { ok: true, artifact_id: String(a.id) });
      }
      default:
        return twirpError(res, 404, 'bad_route', `no handler for ${method}`);
    }
  };

  const handleBlobPut = (
    url: URL,
    headers: IncomingMessage['headers'],
    body: Buffer,
    res: ServerResponse,
  ): void => {
    const m = /^\/devstoreaccount1\/actions-results\/(\d+)\//.exec(url.pathname);
    const a = m ? store.find((x) => x.id === Number(m[1])) : undefined;
    if (!a || url.searchParams.get('sig') !== a.sig || a.finalized) {
      res.writeHead(403, blobHeaders({ 'x-ms-error-code': 'AuthenticationFailed' }));
      return void res.end();
    }
    const comp = url.searchParams.get('comp');
    if (comp === 'block') {
      const blockId = url.searchParams.get('blockid');
      if (!blockId) {
        res.writeHead(400, blobHeaders({ 'x-ms-error-code': 'InvalidQueryParameterValue' }));
        return void res.end();
      }
      a.staged.set(blockId, body);
      res.writeHead(201, blobHeaders({ 'content-length': '0' }));
      return void res.end();
    }
    if (comp === 'blocklist') {
      const ids = [...body.toString('utf8').matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)].map(
        (x) => x[2],
      );
      const parts: Buffer[] = [];
      for (const id of ids) {
        const block = a.staged.get(id);
        if (!block) {
          res.writeHead(400, blobHeaders({ 'x-ms-error-code': 'InvalidBlockList' }));
          return void res.end();
        }
        parts.push(block);
      }
      a.zip = Buffer.concat(parts);
      a.staged.clear();
    } else if (comp === null && headers['x-ms-blob-type'] === 'BlockBlob') {
      a.zip = body;
    } else {
      res.writeHead(400, blobHeaders({ 'x-ms-error-code': 'UnsupportedQueryParameter' }));
      return void res.end();
    }
    res.writeHead(
      201,
      blobHeaders({
        etag: `"0x${a.id.toString(16)}"`,
        'last-modified': new Date().toUTCString(),
        'content-length': '0',
      }),
    );
    res.end();
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      const method = req.method ?? 'GET';
      requests.push({ method, path: url.pathname + url.search });
      const body = await readBody(req);
      const twirpMatch = new RegExp(`^/twirp/${SERVICE.replace(/\./g, '\\.')}/(\\w+)$`).exec(url.pathname);
      if (twirpMatch && method === 'POST') {
        const auth = req.headers.authorization ?? '';
        if (!auth.startsWith('Bearer ') || !tokens.has(auth.slice(7)))
          return twirpError(res, 401, 'unauthenticated', 'invalid or missing runtime token');
        let parsed: Record<string, unknown>;
        try {
          parsed = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
        } catch {
          return twirpError(res, 400, 'malformed', 'body is not JSON');
        }
        return handleTwirp(twirpMatch[1], parsed, res);
      }
      if (method === 'PUT' && url.pathname.startsWith('/devstoreaccount1/'))
        return handleBlobPut(url, req.headers, body, res);
      const dl = /^\/download\/(\d+)\//.exec(url.pathname);
      if (dl && method === 'GET') {
        const a = store.find((x) => x.id === Number(dl[1]) && x.finalized);
        if (!a || url.searchParams.get('sig') !== a.sig) {
          res.writeHead(403, blobHeaders({ 'x-ms-error-code': 'AuthenticationFailed' }));
          return void res.end();
        }
        res.writeHead(
          200,
          blobHeaders({ 'content-type': 'application/zip', 'content-length': String(a.zip.length) }),
        );
        return void res.end(a.zip);
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    })().catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    runId: defaultRun,
    env: envFor({}),
    envFor,
    artifacts: () =>
      store
        .filter((a) => a.finalized)
        .map((a) => ({ id: a.id, name: a.name, runId: a.runId, files: unzipEntries(a.zip) })),
    listRun: (runId) => store.filter((a) => a.finalized && a.runId === runId),
    find: (id) => store.find((a) => a.id === id && a.finalized),
    downloadUrl,
    failNext: (method, status, times = Number.POSITIVE_INFINITY) =>
      void failures.set(method, { status, times }),
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
