/**
 * The public REST side of artifacts, for `@actions/artifact` calls with `findBy` (another workflow
 * run, e.g. the fork PR's run read from a `workflow_run` job). Mount it in any node:http server:
 * `if (routes(req, res, url)) return;` before the server's own routing.
 *
 * - `GET /repos/{o}/{r}/actions/runs/{run_id}/artifacts?per_page&page` → `{ total_count, artifacts }`
 *   in GitHub's shape (the client pages by `total_count` / 100);
 * - `GET /repos/{o}/{r}/actions/artifacts/{id}` → one artifact;
 * - `GET /repos/{o}/{r}/actions/artifacts/{id}/zip` → 302 to the artifact service's signed zip URL
 *   (the client asks with `redirect: 'manual'` and fails on anything but 302).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ArtifactService, StoredArtifact } from './artifact-service.js';

export interface ArtifactRestOptions {
  /** When set, requests must carry it (`token X` or `Bearer X`), else 401 "Bad credentials". */
  token?: string;
  /** Base of the `url` fields in payloads (default http://api.github.invalid). */
  apiUrl?: string;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export function artifactRestRoutes(
  service: ArtifactService,
  opts: ArtifactRestOptions = {},
): (req: IncomingMessage, res: ServerResponse, url: URL) => boolean {
  const api = opts.apiUrl ?? 'http://api.github.invalid';
  const payload = (owner: string, repo: string, a: StoredArtifact) => {
    const base = `${api}/repos/${owner}/${repo}/actions/artifacts/${a.id}`;
    return {
      id: a.id,
      node_id: Buffer.from(`Artifact${a.id}`).toString('base64'),
      name: a.name,
      size_in_bytes: a.zip.length,
      url: base,
      archive_download_url: `${base}/zip`,
      expired: false,
      digest: a.digest ?? null,
      created_at: a.createdAt,
      updated_at: a.createdAt,
      expires_at: new Date(Date.parse(a.createdAt) + 90 * 86_400_000).toISOString(),
      workflow_run: {
        id: a.runId,
        repository_id: 1,
        head_repository_id: 1,
        head_branch: 'main',
        head_sha: '0'.repeat(40),
      },
    };
  };

  return (req, res, url) => {
    if ((req.method ?? 'GET') !== 'GET') return false;
    const list = /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/artifacts$/.exec(url.pathname);
    const one = /^\/repos\/([^/]+)\/([^/]+)\/actions\/artifacts\/(\d+)(\/zip)?$/.exec(url.pathname);
    if (!list && !one) return false;
    if (opts.token !== undefined) {
      const auth = req.headers.authorization ?? '';
      if (auth !== `token ${opts.token}` && auth !== `Bearer ${opts.token}`) {
        json(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
        return true;
      }
    }
    if (list) {
      const [, owner, repo, runId] = list;
      const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)));
      const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
      const all = service.listRun(Number(runId));
      const slice = all.slice((page - 1) * perPage, page * perPage);
      json(res, 200, { total_count: all.length, artifacts: slice.map((a) => payload(owner, repo, a)) });
      return true;
    }
    const [, owner, repo, id, zip] = one as RegExpExecArray;
    const a = service.find(Number(id));
    if (!a) {
      json(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
      return true;
    }
    if (zip) {
      res.writeHead(302, { location: service.downloadUrl(a), 'content-length': '0' });
      res.end();
      return true;
    }
    json(res, 200, payload(owner, repo, a));
    return true;
  };
}
