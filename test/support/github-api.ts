/**
 * A fake GitHub REST API on node:http (127.0.0.1, port 0) for tests. Point any Octokit at it with
 * `baseUrl: fake.url`. It keeps a real little git object database (content-addressed blobs, trees
 * and commits, hashed the way git hashes them), refs with GitHub's compare-and-swap semantics,
 * the contents API, issue comments with `Link` pagination, statuses and check runs.
 *
 * Behaviour that matters for memgate, as GitHub does it:
 * - `GET git/ref/heads/x` of a missing ref → 404 "Not Found";
 * - `POST git/refs` of an existing ref → 422 "Reference already exists";
 * - `PATCH git/refs/...` with `force: false` that is not a fast-forward → 422 "Update is not a fast forward";
 * - `PUT contents/...` with a stale `sha` → 409 "<path> does not match <sha>"; no `sha` for an
 *   existing file → 422 `Invalid request.\n\n"sha" wasn't supplied.`;
 * - contents GET of a file over 1 MB → `encoding: "none"` and empty content (use the blobs API);
 * - a comment body over 65,536 characters → 422 "Validation Failed";
 * - wrong token → 401 "Bad credentials"; `readOnly` → 403 "Resource not accessible by integration"
 *   on every write; `x-ratelimit-*` headers on every response.
 * Each request is handled synchronously once its body is read, so ref updates are atomic, as on
 * GitHub: of two racing writers exactly one wins.
 *
 * Fault injection (`inject`, `failNext`): per route (method and path pattern), on the N-th matching
 * request, every K-th, or with a probability, the server can answer with an error status and
 * GitHub's JSON body, answer with an HTML error page (what a proxy or GitHub's unicorn page sends on
 * 502/503), answer late, accept and never answer, reset the connection before or after handling
 * the request, cut a response off half-way, or race a ref update by moving the branch first (a real non-fast-forward).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  /** When set, requests must carry it (`token X` or `Bearer X`), else 401. */
  token?: string;
  /** Writes answer 403, as with a fork PR's GITHUB_TOKEN. */
  readOnly?: boolean;
  /** Largest page the comment list serves, whatever `per_page` asks (GitHub: 100). */
  perPage?: number;
  defaultBranch?: string;
  /** Who the token acts as when it writes comments (default github-actions[bot], a Bot). */
  actor?: { login: string; type: string };
  /** More routes served first, e.g. the artifact REST API (`artifactRestRoutes`); true = handled. */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: string };
  created_at?: string;
  updated_at?: string;
}

/** `'drop'` destroys the socket before handling; `'drop-after'` handles the request, then drops the response. */
export type FailMode = number | 'drop' | 'drop-after';

/** One injected misbehaviour. */
export type Fault =
  /** An error status with GitHub's JSON error body (`message` defaults to the status's usual text). */
  | { kind: 'status'; status: number; message?: string }
  /** An error status with an HTML page as body (`text/html`), as a proxy or GitHub's 502 page sends. */
  | { kind: 'html'; status: number }
  /** Handle the request normally, but answer only after `ms`. */
  | { kind: 'delay'; ms: number }
  /** Accept the request and never answer (the socket stays open until the server closes). */
  | { kind: 'hang' }
  /** Reset the connection before handling: nothing happened on the server. */
  | { kind: 'reset' }
  /** Handle the request (a write lands), then reset the connection: the answer is lost. */
  | { kind: 'reset-after' }
  /** Handle the request, send the headers and half the body, then reset: a response cut off mid-way. */
  | { kind: 'truncate' }
  /** Before handling, another writer commits to the same branch, so a CAS ref update loses a real race. */
  | { kind: 'race' };

export interface FaultRule {
  method?: string;
  path?: RegExp;
  /** Fire on the N-th matching request only (1-based), counted from when the rule was added. */
  nth?: number;
  /** Fire on every K-th matching request. */
  every?: number;
  /** Fire with this probability on each matching request (with `random`, default Math.random). */
  probability?: number;
  random?: () => number;
  /** How many times the rule may fire before it is removed (default: once, or forever with `every`/`probability`). */
  times?: number;
  /** The fault, or a function choosing one per firing (e.g. a random kind for soak tests). */
  fault: Fault | (() => Fault);
}

/** The HTML body of GitHub's own 502 page (trimmed): what an annotation must never paste raw. */
export const GITHUB_HTML_ERROR_PAGE = `<!DOCTYPE html>
<html>
  <head>
    <meta http-equiv="Content-type" content="text/html; charset=utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; base-uri 'self'; connect-src 'self'; form-action 'self'; img-src 'self' data:; script-src 'self'; style-src 'unsafe-inline'">
    <title>Unicorn! &middot; GitHub</title>
    <style type="text/css" media="screen">
      body { background-color: #f1f1f1; margin: 0; font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; }
      .container { margin: 50px auto 40px auto; width: 600px; text-align: center; }
    </style>
  </head>
  <body>
    <div class="container">
      <p><strong>We had issues producing the response to your request.</strong></p>
      <p>Sorry about that. Please try refreshing and contact us if the problem persists.</p>
    </div>
  </body>
</html>
`;

export interface FakeGitHub {
  url: string;
  owner: string;
  repo: string;
  requests: { method: string; path: string; body?: unknown }[];
  comments: Map<number, FakeComment>;
  statuses: { sha: string; state: string; context?: string; description?: string; target_url?: string }[];
  checkRuns: Map<number, Record<string, unknown>>;
  /** Make the next matching requests fail: a status code, or drop the connection. */
  failNext(match: { method?: string; path?: RegExp; times?: number }, status: FailMode): void;
  /** Add a fault rule (see `FaultRule`); returns a function that removes it. */
  inject(rule: FaultRule): () => void;
  /** Faults that fired, by kind (for soak reports). */
  faultsFired: Record<string, number>;
  branchFiles(branch: string): Promise<Record<string, string>>;
  branchHistory(branch: string): string[];
  /** Commit files (null deletes) on a branch, creating it as a root commit when missing. Returns the commit SHA. */
  commitFiles(branch: string, files: Record<string, string | null>, message?: string): string;
  /** Add a comment as someone else (another user or bot), for sticky-comment tests. */
  addComment(issue: number, body: string, user?: { login: string; type: string }): FakeComment;
  /** Switch read-only mode (e.g. fork PR) after start. */
  setReadOnly(readOnly: boolean): void;
  close(): Promise<void>;
}

/* ------------------------------------------------------------------ git objects */

type ObjType = 'blob' | 'tree' | 'commit';

interface TreeEntry {
  name: string;
  mode: string;
  type: ObjType;
  sha: string;
}

interface GitPerson {
  name: string;
  email: string;
  date: string;
}

interface CommitObj {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: GitPerson;
  committer: GitPerson;
}

class GitDb {
  blobs = new Map<string, Buffer>();
  trees = new Map<string, TreeEntry[]>();
  commits = new Map<string, CommitObj>();
  refs = new Map<string, string>();

  private hash(type: ObjType, body: Buffer): string {
    return createHash('sha1')
      .update(Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body]))
      .digest('hex');
  }

  putBlob(content: Buffer): string {
    const sha = this.hash('blob', content);
    this.blobs.set(sha, content);
    return sha;
  }

  putTree(entries: TreeEntry[]): string {
    // git's order: names compared bytewise, a tree's name as if it ended in '/'.
    const key = (e: TreeEntry) => (e.type === 'tree' ? `${e.name}/` : e.name);
    const sorted = [...entries].sort((a, b) => Buffer.compare(Buffer.from(key(a)), Buffer.from(key(b))));
    const body = Buffer.concat(
      sorted.map((e) =>
        Buffer.concat([Buffer.from(`${e.mode.replace(/^0+/, '')} ${e.name}\0`), Buffer.from(e.sha, 'hex')]),
      ),
    );
    const sha = this.hash('tree', body);
    this.trees.set(sha, sorted);
    return sha;
  }

  putCommit(c: Omit<CommitObj, 'sha'>): string {
    const person = (p: GitPerson) => `${p.name} <${p.email}> ${Math.floor(Date.parse(p.date) / 1000)} +0000`;
    const text = [
      `tree ${c.tree}`,
      ...c.parents.map((p) => `parent ${p}`),
      `author ${person(c.author)}`,
      `committer ${person(c.committer)}`,
      '',
      c.message,
    ].join('\n');
    const sha = this.hash('commit', Buffer.from(text));
    this.commits.set(sha, { ...c, sha });
    return sha;
  }

  typeOf(sha: string): ObjType | undefined {
    if (this.blobs.has(sha)) return 'blob';
    if (this.trees.has(sha)) return 'tree';
    if (this.commits.has(sha)) return 'commit';
    return undefined;
  }

  /** Every blob path in a tree, recursively. */
  flatten(treeSha: string, prefix = ''): { path: string; entry: TreeEntry }[] {
    const out: { path: string; entry: TreeEntry }[] = [];
    for (const e of this.trees.get(treeSha) ?? []) {
      const path = prefix + e.name;
      out.push({ path, entry: e });
      if (e.type === 'tree') out.push(...this.flatten(e.sha, `${path}/`));
    }
    return out;
  }

  lookupPath(treeSha: string, path: string): TreeEntry | undefined {
    const parts = path.split('/').filter(Boolean);
    let entries = this.trees.get(treeSha);
    let found: TreeEntry | undefined;
    for (const [i, part] of parts.entries()) {
      found = entries?.find((e) => e.name === part);
      if (!found) return undefined;
      if (i < parts.length - 1) {
        if (found.type !== 'tree') return undefined;
        entries = this.trees.get(found.sha);
      }
    }
    return found;
  }

  /**
   * A new tree: `base` with `changes` applied (path → entry, or null to delete). Throws a string
   * message when a deletion names a missing path, as GitHub does.
   */
  applyToTree(
    base: string | undefined,
    changes: { path: string; entry: Omit<TreeEntry, 'name'> | null }[],
  ): string {
    interface Node {
      files: Map<string, TreeEntry>;
      dirs: Map<string, Node>;
    }
    const load = (sha: string | undefined): Node => {
      const node: Node = { files: new Map(), dirs: new Map() };
      for (const e of sha ? (this.trees.get(sha) ?? []) : []) {
        if (e.type === 'tree') node.dirs.set(e.name, load(e.sha));
        else node.files.set(e.name, e);
      }
      return node;
    };
    const root = load(base);
    for (const { path, entry } of changes) {
      const parts = path.split('/').filter(Boolean);
      if (parts.length === 0) throw new Error(`tree.path "${path}" is invalid`);
      const name = parts.pop() as string;
      let node = root;
      for (const dir of parts) {
        let next = node.dirs.get(dir);
        if (!next) {
          if (entry === null) throw new Error(`Path "${path}" does not exist in the base tree`);
          next = { files: new Map(), dirs: new Map() };
          node.dirs.set(dir, next);
        }
        node = next;
      }
      if (entry === null) {
        if (!node.files.delete(name) && !node.dirs.delete(name))
          throw new Error(`Path "${path}" does not exist in the base tree`);
      } else if (entry.type === 'tree') {
        node.files.delete(name);
        node.dirs.set(name, load(entry.sha));
      } else {
        node.dirs.delete(name);
        node.files.set(name, { ...entry, name });
      }
    }
    const write = (node: Node): string | undefined => {
      const entries: TreeEntry[] = [...node.files.values()];
      for (const [name, child] of node.dirs) {
        const sha = write(child);
        // git has no empty directories.
        if (sha) entries.push({ name, mode: '040000', type: 'tree', sha });
      }
      if (entries.length === 0 && node !== root) return undefined;
      return this.putTree(entries);
    };
    return write(root) as string;
  }

  isAncestor(ancestor: string, of: string): boolean {
    const seen = new Set<string>();
    const stack = [of];
    while (stack.length > 0) {
      const sha = stack.pop() as string;
      if (sha === ancestor) return true;
      if (seen.has(sha)) continue;
      seen.add(sha);
      stack.push(...(this.commits.get(sha)?.parents ?? []));
    }
    return false;
  }
}

/* ------------------------------------------------------------------ HTTP plumbing */

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const DOCS = 'https://docs.github.com/rest';

const STATUS_MESSAGES: Record<number, string> = {
  400: 'Problems parsing JSON',
  401: 'Bad credentials',
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Validation Failed',
  429: 'Too many requests',
  500: 'Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Json = Record<string, unknown>;

function asObject(x: unknown): Json {
  if (typeof x !== 'object' || x === null || Array.isArray(x))
    throw new HttpError(400, 'Problems parsing JSON');
  return x as Json;
}

function str(o: Json, key: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v === '')
    throw new HttpError(422, 'Invalid request.', { errors: [`"${key}" wasn't supplied.`] });
  return v;
}

function base64Lines(buf: Buffer): string {
  // GitHub wraps base64 content at 60 characters.
  return (buf.toString('base64').match(/.{1,60}/g) ?? []).map((l) => `${l}\n`).join('');
}

/* ------------------------------------------------------------------ the server */

export async function startGitHubApi(opts: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const owner = opts.owner ?? 'octo-org';
  const repo = opts.repo ?? 'octo-repo';
  const defaultBranch = opts.defaultBranch ?? 'main';
  const actor = opts.actor ?? { login: 'github-actions[bot]', type: 'Bot' };
  const maxPage = opts.perPage ?? 100;
  let readOnly = opts.readOnly ?? false;
  const db = new GitDb();
  const requests: FakeGitHub['requests'] = [];
  const comments = new Map<number, FakeComment>();
  const statuses: FakeGitHub['statuses'] = [];
  const checkRuns = new Map<number, Json>();
  const rules: (FaultRule & { seen: number; fired: number; limit: number })[] = [];
  const faultsFired: Record<string, number> = {};
  const rate = { limit: 5000, used: 0, reset: Math.floor(Date.now() / 1000) + 3600 };
  let url = '';
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const nowIso = () => new Date((clock += 1000)).toISOString();
  const bot: GitPerson = { name: 'memgate-test', email: 'test@example.com', date: '' };

  const repoUrl = () => `${url}/repos/${owner}/${repo}`;
  const html = `https://github.com/${owner}/${repo}`;

  function commitJson(sha: string): Json {
    const c = db.commits.get(sha);
    if (!c) throw new HttpError(404, 'Not Found');
    return {
      sha,
      node_id: `C_${sha.slice(0, 16)}`,
      url: `${repoUrl()}/git/commits/${sha}`,
      html_url: `${html}/commit/${sha}`,
      author: c.author,
      committer: c.committer,
      message: c.message,
      tree: { sha: c.tree, url: `${repoUrl()}/git/trees/${c.tree}` },
      parents: c.parents.map((p) => ({
        sha: p,
        url: `${repoUrl()}/git/commits/${p}`,
        html_url: `${html}/commit/${p}`,
      })),
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    };
  }

  function refJson(ref: string): Json {
    const sha = db.refs.get(ref) as string;
    return {
      ref,
      node_id: `REF_${Buffer.from(ref).toString('base64')}`,
      url: `${repoUrl()}/git/${ref}`,
      object: { sha, type: 'commit', url: `${repoUrl()}/git/commits/${sha}` },
    };
  }

  function treeJson(sha: string, recursive: boolean): Json {
    const items = recursive
      ? db.flatten(sha)
      : (db.trees.get(sha) ?? []).map((e) => ({ path: e.name, entry: e }));
    return {
      sha,
      url: `${repoUrl()}/git/trees/${sha}`,
      tree: items.map(({ path, entry }) => ({
        path,
        mode: entry.mode,
        type: entry.type,
        sha: entry.sha,
        ...(entry.type === 'blob'
          ? { size: db.blobs.get(entry.sha)?.length ?? 0, url: `${repoUrl()}/git/blobs/${entry.sha}` }
          : { url: `${repoUrl()}/git/trees/${entry.sha}` }),
      })),
      truncated: false,
    };
  }

  function commentJson(c: FakeComment): Json {
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${repoUrl()}/issues/comments/${c.id}`,
      html_url: `${html}/issues/${c.issue}#issuecomment-${c.id}`,
      issue_url: `${repoUrl()}/issues/${c.issue}`,
      body: c.body,
      user: {
        login: c.user.login,
        id: c.user.login.length * 1000 + 7,
        node_id: `U_${c.user.login}`,
        type: c.user.type,
        site_admin: false,
      },
      created_at: c.created_at,
      updated_at: c.updated_at,
      author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
      performed_via_github_app: null,
    };
  }

  function resolveCommitish(ref: string): string | undefined {
    if (db.commits.has(ref)) return ref;
    return db.refs.get(`refs/heads/${ref}`) ?? db.refs.get(`refs/tags/${ref}`) ?? db.refs.get(ref);
  }

  function commitFiles(
    branch: string,
    files: Record<string, string | null>,
    message = 'test commit',
  ): string {
    const ref = `refs/heads/${branch}`;
    const head = db.refs.get(ref);
    const base = head ? db.commits.get(head)?.tree : undefined;
    const tree = db.applyToTree(
      base,
      Object.entries(files).map(([path, text]) => ({
        path,
        entry:
          text === null
            ? null
            : { mode: '100644', type: 'blob' as const, sha: db.putBlob(Buffer.from(text)) },
      })),
    );
    const date = nowIso();
    const sha = db.putCommit({
      tree,
      parents: head ? [head] : [],
      message,
      author: { ...bot, date },
      committer: { ...bot, date },
    });
    db.refs.set(ref, sha);
    return sha;
  }

  function nextCommentId(): number {
    return Math.max(1000, ...comments.keys()) + 1;
  }

  function addComment(issue: number, body: string, user = actor): FakeComment {
    const at = nowIso();
    const c: FakeComment = { id: nextCommentId(), issue, body, user, created_at: at, updated_at: at };
    comments.set(c.id, c);
    return c;
  }

  function checkCommentBody(body: unknown): string {
    if (typeof body !== 'string')
      throw new HttpError(422, 'Invalid request.', { errors: ['"body" wasn\'t supplied.'] });
    if (body.length > 65536) {
      throw new HttpError(422, 'Validation Failed', {
        errors: [
          {
            resource: 'IssueComment',
            code: 'custom',
            field: 'body',
            message: 'body is too long (maximum is 65536 characters)',
          },
        ],
      });
    }
    return body;
  }

  // A seeded default branch, as every real repository with code has.
  commitFiles(defaultBranch, { 'README.md': `# ${repo}\n` }, 'Initial commit');

  type Handler = (m: RegExpExecArray, body: unknown, query: URLSearchParams) => Reply;
  const R = `^/repos/${owner}/${repo}`;
  const routes: [string, RegExp, Handler][] = [
    [
      'GET',
      /^\/rate_limit$/,
      () => ({
        status: 200,
        body: {
          resources: {
            core: {
              limit: rate.limit,
              used: rate.used,
              remaining: rate.limit - rate.used,
              reset: rate.reset,
            },
          },
          rate: { limit: rate.limit, used: rate.used, remaining: rate.limit - rate.used, reset: rate.reset },
        },
      }),
    ],
    [
      'GET',
      new RegExp(`${R}$`),
      () => ({
        status: 200,
        body: {
          id: 1,
          node_id: 'R_1',
          name: repo,
          full_name: `${owner}/${repo}`,
          private: false,
          owner: { login: owner, type: 'Organization' },
          html_url: html,
          default_branch: defaultBranch,
          permissions: { admin: false, push: !readOnly, pull: true },
        },
      }),
    ],

    /* refs */
    [
      'GET',
      new RegExp(`${R}/git/ref/(.+)$`),
      (m) => {
        const ref = `refs/${m[1]}`;
        if (!db.refs.has(ref)) throw new HttpError(404, 'Not Found');
        return { status: 200, body: refJson(ref) };
      },
    ],
    [
      'GET',
      new RegExp(`${R}/git/matching-refs/(.*)$`),
      (m) => ({
        status: 200,
        body: [...db.refs.keys()]
          .filter((r) => r.startsWith(`refs/${m[1]}`))
          .sort()
          .map(refJson),
      }),
    ],
    [
      'POST',
      new RegExp(`${R}/git/refs$`),
      (_m, body) => {
        const o = asObject(body);
        const ref = str(o, 'ref');
        const sha = str(o, 'sha');
        if (!/^refs\/[^/]+\/.+/.test(ref)) throw new HttpError(422, 'Reference name is invalid');
        if (!db.typeOf(sha)) throw new HttpError(422, 'Object does not exist');
        if (db.refs.has(ref)) throw new HttpError(422, 'Reference already exists');
        db.refs.set(ref, sha);
        return { status: 201, body: refJson(ref), headers: { location: `${repoUrl()}/git/${ref}` } };
      },
    ],
    [
      'PATCH',
      new RegExp(`${R}/git/refs/(.+)$`),
      (m, body) => {
        const ref = `refs/${m[1]}`;
        const o = asObject(body);
        const sha = str(o, 'sha');
        const current = db.refs.get(ref);
        if (current === undefined) throw new HttpError(422, 'Reference does not exist');
        if (!db.commits.has(sha)) throw new HttpError(422, 'Object does not exist');
        // Compare-and-swap: runs synchronously, so of two racing updates exactly one fast-forwards.
        if (o.force !== true && !db.isAncestor(current, sha))
          throw new HttpError(422, 'Update is not a fast forward');
        db.refs.set(ref, sha);
        return { status: 200, body: refJson(ref) };
      },
    ],
    [
      'DELETE',
      new RegExp(`${R}/git/refs/(.+)$`),
      (m) => {
        const ref = `refs/${m[1]}`;
        if (!db.refs.delete(ref)) throw new HttpError(422, 'Reference does not exist');
        return { status: 204 };
      },
    ],

    /* blobs, trees, commits */
    [
      'POST',
      new RegExp(`${R}/git/blobs$`),
      (_m, body) => {
        const o = asObject(body);
        if (typeof o.content !== 'string')
          throw new HttpError(422, 'Invalid request.', { errors: ['"content" wasn\'t supplied.'] });
        const encoding = o.encoding ?? 'utf-8';
        if (encoding !== 'utf-8' && encoding !== 'utf8' && encoding !== 'base64')
          throw new HttpError(422, `encoding must be "utf-8" or "base64"`);
        const sha = db.putBlob(Buffer.from(o.content, encoding === 'base64' ? 'base64' : 'utf8'));
        return {
          status: 201,
          body: { url: `${repoUrl()}/git/blobs/${sha}`, sha },
          headers: { location: `${repoUrl()}/git/blobs/${sha}` },
        };
      },
    ],
    [
      'GET',
      new RegExp(`${R}/git/blobs/([0-9a-f]{40})$`),
      (m) => {
        const content = db.blobs.get(m[1]);
        if (!content) throw new HttpError(404, 'Not Found');
        return {
          status: 200,
          body: {
            sha: m[1],
            node_id: `B_${m[1].slice(0, 16)}`,
            size: content.length,
            url: `${repoUrl()}/git/blobs/${m[1]}`,
            content: base64Lines(content),
            encoding: 'base64',
          },
        };
      },
    ],
    [
      'POST',
      new RegExp(`${R}/git/trees$`),
      (_m, body) => {
        const o = asObject(body);
        if (!Array.isArray(o.tree))
          throw new HttpError(422, 'Invalid request.', { errors: ['"tree" wasn\'t supplied.'] });
        const baseTree = o.base_tree === undefined || o.base_tree === null ? undefined : String(o.base_tree);
        if (baseTree !== undefined && !db.trees.has(baseTree))
          throw new HttpError(422, 'base_tree is not a valid tree oid');
        const changes = o.tree.map((raw: unknown) => {
          const e = asObject(raw);
          const path = str(e, 'path');
          const type = (e.type ?? 'blob') as ObjType;
          const mode = typeof e.mode === 'string' ? e.mode : type === 'tree' ? '040000' : '100644';
          if (typeof e.content === 'string')
            return { path, entry: { mode, type: 'blob' as const, sha: db.putBlob(Buffer.from(e.content)) } };
          if (e.sha === null) return { path, entry: null };
          const sha = str(e, 'sha');
          if (db.typeOf(sha) !== type) throw new HttpError(422, `tree.sha ${sha} is not a valid ${type}`);
          return { path, entry: { mode, type, sha } };
        });
        let sha: string;
        try {
          sha = db.applyToTree(baseTree, changes);
        } catch (err) {
          throw new HttpError(422, (err as Error).message);
        }
        return {
          status: 201,
          body: treeJson(sha, false),
          headers: { location: `${repoUrl()}/git/trees/${sha}` },
        };
      },
    ],
    [
      'GET',
      new RegExp(`${R}/git/trees/([^/]+)$`),
      (m, _b, q) => {
        let sha = m[1];
        if (!db.trees.has(sha)) {
          const commit = resolveCommitish(sha);
          sha = commit ? (db.commits.get(commit)?.tree ?? '') : '';
        }
        if (!db.trees.has(sha)) throw new HttpError(404, 'Not Found');
        const recursive = q.has('recursive') && !['0', 'false'].includes(q.get('recursive') ?? '');
        return { status: 200, body: treeJson(sha, recursive) };
      },
    ],
    [
      'POST',
      new RegExp(`${R}/git/commits$`),
      (_m, body) => {
        const o = asObject(body);
        const message = str(o, 'message');
        const tree = str(o, 'tree');
        if (!db.trees.has(tree)) throw new HttpError(422, 'Tree SHA does not exist');
        const parents = Array.isArray(o.parents) ? o.parents.map(String) : [];
        for (const p of parents)
          if (!db.commits.has(p))
            throw new HttpError(422, 'Parent SHA does not exist or is not a commit object');
        const date = nowIso();
        const person = (x: unknown): GitPerson => {
          const p = x && typeof x === 'object' ? (x as Json) : {};
          return {
            name: String(p.name ?? bot.name),
            email: String(p.email ?? bot.email),
            date: String(p.date ?? date),
          };
        };
        const sha = db.putCommit({
          tree,
          parents,
          message,
          author: person(o.author),
          committer: person(o.committer ?? o.author),
        });
        return {
          status: 201,
          body: commitJson(sha),
          headers: { location: `${repoUrl()}/git/commits/${sha}` },
        };
      },
    ],
    ['GET', new RegExp(`${R}/git/commits/([0-9a-f]{40})$`), (m) => ({ status: 200, body: commitJson(m[1]) })],

    /* contents */
    [
      'GET',
      new RegExp(`${R}/contents(?:/(.*))?$`),
      (m, _b, q) => {
        const branch = q.get('ref') ?? defaultBranch;
        const head = resolveCommitish(branch);
        if (!head) throw new HttpError(404, `No commit found for the ref ${branch}`);
        const treeSha = db.commits.get(head)?.tree as string;
        const path = (m[1] ?? '').replace(/\/+$/, '');
        const item = (p: string, e: TreeEntry) => ({
          type: e.type === 'tree' ? 'dir' : 'file',
          name: e.name,
          path: p,
          sha: e.sha,
          size: e.type === 'blob' ? (db.blobs.get(e.sha)?.length ?? 0) : 0,
          url: `${repoUrl()}/contents/${p}?ref=${branch}`,
          git_url: `${repoUrl()}/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`,
          html_url: `${html}/${e.type === 'tree' ? 'tree' : 'blob'}/${branch}/${p}`,
          download_url:
            e.type === 'blob' ? `https://raw.githubusercontent.com/${owner}/${repo}/${branch}/${p}` : null,
        });
        const dir = (sha: string, prefix: string) =>
          (db.trees.get(sha) ?? []).map((e) => item(prefix + e.name, e));
        if (path === '') return { status: 200, body: dir(treeSha, '') };
        const entry = db.lookupPath(treeSha, path);
        if (!entry) throw new HttpError(404, 'Not Found');
        if (entry.type === 'tree') return { status: 200, body: dir(entry.sha, `${path}/`) };
        const content = db.blobs.get(entry.sha) as Buffer;
        // Files of 1–100 MB come back without content: the blobs API must be used for them.
        const big = content.length > 1024 * 1024;
        return {
          status: 200,
          body: {
            ...item(path, entry),
            encoding: big ? 'none' : 'base64',
            content: big ? '' : base64Lines(content),
          },
        };
      },
    ],
    [
      'PUT',
      new RegExp(`${R}/contents/(.+)$`),
      (m, body) => {
        const o = asObject(body);
        const message = str(o, 'message');
        if (typeof o.content !== 'string')
          throw new HttpError(422, 'Invalid request.', { errors: ['"content" wasn\'t supplied.'] });
        const branch = typeof o.branch === 'string' ? o.branch : defaultBranch;
        const ref = `refs/heads/${branch}`;
        const head = db.refs.get(ref);
        if (!head) throw new HttpError(404, `Branch ${branch} not found`);
        const path = m[1];
        const existing = db.lookupPath(db.commits.get(head)?.tree as string, path);
        if (existing) {
          if (o.sha === undefined || o.sha === null || o.sha === '')
            throw new HttpError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
          if (o.sha !== existing.sha) throw new HttpError(409, `${path} does not match ${String(o.sha)}`);
        }
        const sha = commitFiles(
          branch,
          { [path]: Buffer.from(o.content, 'base64').toString('utf8') },
          message,
        );
        const entry = db.lookupPath(db.commits.get(sha)?.tree as string, path) as TreeEntry;
        const name = path.split('/').pop() as string;
        return {
          status: existing ? 200 : 201,
          body: {
            content: {
              name,
              path,
              sha: entry.sha,
              size: db.blobs.get(entry.sha)?.length ?? 0,
              type: 'file',
              url: `${repoUrl()}/contents/${path}?ref=${branch}`,
              git_url: `${repoUrl()}/git/blobs/${entry.sha}`,
              html_url: `${html}/blob/${branch}/${path}`,
              download_url: `https://raw.githubusercontent.com/${owner}/${repo}/${branch}/${path}`,
            },
            commit: commitJson(sha),
          },
        };
      },
    ],

    /* issue comments */
    [
      'GET',
      new RegExp(`${R}/issues/(\\d+)/comments$`),
      (m, _b, q) => {
        const issue = Number(m[1]);
        const perPage = Math.max(1, Math.min(Number(q.get('per_page') ?? 30) || 30, 100, maxPage));
        const page = Math.max(1, Number(q.get('page') ?? 1) || 1);
        const all = [...comments.values()].filter((c) => c.issue === issue).sort((a, b) => a.id - b.id);
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const link = (p: number, rel: string) =>
          `<${repoUrl()}/issues/${issue}/comments?per_page=${perPage}&page=${p}>; rel="${rel}"`;
        const links: string[] = [];
        if (page > 1) links.push(link(page - 1, 'prev'));
        if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
        if (page > 1) links.push(link(1, 'first'));
        return {
          status: 200,
          body: all.slice((page - 1) * perPage, page * perPage).map(commentJson),
          headers: links.length > 0 ? { link: links.join(', ') } : undefined,
        };
      },
    ],
    [
      'POST',
      new RegExp(`${R}/issues/(\\d+)/comments$`),
      (m, body) => {
        const c = addComment(Number(m[1]), checkCommentBody(asObject(body).body));
        return {
          status: 201,
          body: commentJson(c),
          headers: { location: `${repoUrl()}/issues/comments/${c.id}` },
        };
      },
    ],
    [
      'GET',
      new RegExp(`${R}/issues/comments/(\\d+)$`),
      (m) => {
        const c = comments.get(Number(m[1]));
        if (!c) throw new HttpError(404, 'Not Found');
        return { status: 200, body: commentJson(c) };
      },
    ],
    [
      'PATCH',
      new RegExp(`${R}/issues/comments/(\\d+)$`),
      (m, body) => {
        const c = comments.get(Number(m[1]));
        if (!c) throw new HttpError(404, 'Not Found');
        c.body = checkCommentBody(asObject(body).body);
        c.updated_at = nowIso();
        return { status: 200, body: commentJson(c) };
      },
    ],
    [
      'DELETE',
      new RegExp(`${R}/issues/comments/(\\d+)$`),
      (m) => {
        if (!comments.delete(Number(m[1]))) throw new HttpError(404, 'Not Found');
        return { status: 204 };
      },
    ],

    /* statuses and check runs */
    [
      'POST',
      new RegExp(`${R}/statuses/([0-9a-f]{40})$`),
      (m, body) => {
        const o = asObject(body);
        const state = str(o, 'state');
        if (!['error', 'failure', 'pending', 'success'].includes(state))
          throw new HttpError(422, 'Validation Failed');
        const s = {
          sha: m[1],
          state,
          context: (o.context as string | undefined) ?? 'default',
          description: o.description as string | undefined,
          target_url: o.target_url as string | undefined,
        };
        statuses.push(s);
        return {
          status: 201,
          body: { id: statuses.length, url: `${repoUrl()}/statuses/${m[1]}`, ...s, created_at: nowIso() },
        };
      },
    ],
    [
      'POST',
      new RegExp(`${R}/check-runs$`),
      (_m, body) => {
        const o = asObject(body);
        str(o, 'name');
        str(o, 'head_sha');
        const id = checkRuns.size + 1;
        const run = {
          id,
          status: 'queued',
          conclusion: null,
          ...o,
          url: `${repoUrl()}/check-runs/${id}`,
          html_url: `${html}/runs/${id}`,
        };
        checkRuns.set(id, run);
        return { status: 201, body: run };
      },
    ],
    [
      'PATCH',
      new RegExp(`${R}/check-runs/(\\d+)$`),
      (m, body) => {
        const run = checkRuns.get(Number(m[1]));
        if (!run) throw new HttpError(404, 'Not Found');
        Object.assign(run, asObject(body));
        return { status: 200, body: run };
      },
    ],
  ];

  function send(res: ServerResponse, reply: Reply): void {
    rate.used += 1;
    const headers: Record<string, string> = {
      'x-ratelimit-limit': String(rate.limit),
      'x-ratelimit-remaining': String(Math.max(0, rate.limit - rate.used)),
      'x-ratelimit-reset': String(rate.reset),
      'x-ratelimit-used': String(rate.used),
      'x-ratelimit-resource': 'core',
      'x-github-request-id': `FAKE:${rate.used}`,
      'x-github-media-type': 'github.v3; format=json',
      ...(reply.headers ?? {}),
    };
    if (reply.body === undefined) {
      res.writeHead(reply.status, headers).end();
      return;
    }
    res
      .writeHead(reply.status, { ...headers, 'content-type': 'application/json; charset=utf-8' })
      .end(JSON.stringify(reply.body));
  }

  function errorReply(err: HttpError): Reply {
    return {
      status: err.status,
      body: { message: err.message, ...err.extra, documentation_url: DOCS, status: String(err.status) },
    };
  }

  function handle(
    method: string,
    pathname: string,
    query: URLSearchParams,
    body: unknown,
    auth: string | undefined,
  ): Reply {
    if (opts.token !== undefined) {
      const token = auth?.replace(/^(token|bearer)\s+/i, '');
      if (token !== opts.token) throw new HttpError(401, 'Bad credentials');
    }
    if (readOnly && method !== 'GET' && method !== 'HEAD')
      throw new HttpError(403, 'Resource not accessible by integration');
    if (!pathname.startsWith(`/repos/${owner}/${repo}`) && pathname.startsWith('/repos/'))
      throw new HttpError(404, 'Not Found');
    for (const [m, re, h] of routes) {
      if (m !== method) continue;
      const match = re.exec(pathname);
      if (match) return h(match, body, query);
    }
    throw new HttpError(404, 'Not Found');
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const parsedUrl = new URL(req.url ?? '/', 'http://x');
    // Octokit percent-encodes '/' inside `{ref}` and `{path}`; GitHub accepts both spellings.
    let pathname: string;
    try {
      pathname = decodeURIComponent(parsedUrl.pathname);
    } catch {
      pathname = parsedUrl.pathname;
    }
    const method = req.method ?? 'GET';
    let body: unknown;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      send(res, errorReply(new HttpError(400, 'Problems parsing JSON')));
      return;
    }
    const path = pathname + parsedUrl.search;
    requests.push({ method, path, body });
    const fault = pickFault(method, path);
    if (fault) faultsFired[fault.kind] = (faultsFired[fault.kind] ?? 0) + 1;
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      send(
        res,
        errorReply(new HttpError(fault.status, fault.message ?? STATUS_MESSAGES[fault.status] ?? 'Error')),
      );
      return;
    }
    if (fault?.kind === 'html') {
      res.writeHead(fault.status, { 'content-type': 'text/html; charset=utf-8' }).end(GITHUB_HTML_ERROR_PAGE);
      return;
    }
    if (fault?.kind === 'race') raceRefUpdate(pathname);
    let reply: Reply;
    try {
      reply = handle(method, pathname, parsedUrl.searchParams, body, req.headers.authorization);
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      reply = errorReply(err);
    }
    if (fault?.kind === 'reset-after') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
    if (fault?.kind === 'truncate') {
      const text = JSON.stringify(reply.body ?? {});
      res.writeHead(reply.status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(text.length),
      });
      res.write(text.slice(0, Math.floor(text.length / 2)), () => req.socket.destroy());
      return;
    }
    send(res, reply);
  }

  /** The first rule that matches and fires decides; rules count only the requests they match. */
  function pickFault(method: string, path: string): Fault | undefined {
    for (const r of rules) {
      if ((r.method && r.method !== method) || (r.path && !r.path.test(path))) continue;
      r.seen += 1;
      let fires = true;
      if (r.nth !== undefined) fires = r.seen === r.nth;
      else if (r.every !== undefined) fires = r.seen % r.every === 0;
      else if (r.probability !== undefined) fires = (r.random ?? Math.random)() < r.probability;
      if (!fires) continue;
      r.fired += 1;
      if (r.fired >= r.limit) rules.splice(rules.indexOf(r), 1);
      return typeof r.fault === 'function' ? r.fault() : r.fault;
    }
    return undefined;
  }

  /** Another writer gets in first: one commit on the branch the request is about to update. */
  let races = 0;
  function raceRefUpdate(pathname: string): void {
    const m = /\/git\/refs\/heads\/(.+)$/.exec(pathname);
    if (m && db.refs.has(`refs/heads/${m[1]}`))
      commitFiles(m[1], { [`racers/${++races}.txt`]: `racer ${races}\n` }, `a racing writer (${races})`);
  }

  function addRule(rule: FaultRule): () => void {
    const repeating = rule.every !== undefined || rule.probability !== undefined;
    const entry = {
      ...rule,
      method: rule.method?.toUpperCase(),
      seen: 0,
      fired: 0,
      limit: rule.times ?? (repeating ? Infinity : 1),
    };
    rules.push(entry);
    return () => {
      const i = rules.indexOf(entry);
      if (i >= 0) rules.splice(i, 1);
    };
  }

  const server = createServer((req, res) => {
    if (opts.extraRoutes?.(req, res, new URL(req.url ?? '/', url))) return;
    onRequest(req, res).catch((err: unknown) => {
      if (!res.headersSent)
        send(res, { status: 500, body: { message: `fake server bug: ${(err as Error).message}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    owner,
    repo,
    requests,
    comments,
    statuses,
    checkRuns,
    failNext(match, status) {
      const fault: Fault =
        status === 'drop'
          ? { kind: 'reset' }
          : status === 'drop-after'
            ? { kind: 'reset-after' }
            : { kind: 'status', status };
      addRule({ method: match.method, path: match.path, times: match.times ?? 1, fault });
    },
    inject: addRule,
    faultsFired,
    async branchFiles(branch) {
      const head = db.refs.get(`refs/heads/${branch}`);
      if (!head) throw new Error(`no branch ${branch}`);
      const out: Record<string, string> = {};
      for (const { path, entry } of db.flatten(db.commits.get(head)?.tree as string)) {
        if (entry.type === 'blob') out[path] = (db.blobs.get(entry.sha) as Buffer).toString('utf8');
      }
      return out;
    },
    branchHistory(branch) {
      const out: string[] = [];
      let sha = db.refs.get(`refs/heads/${branch}`);
      while (sha) {
        out.push(sha);
        sha = db.commits.get(sha)?.parents[0];
      }
      return out;
    },
    commitFiles,
    addComment,
    setReadOnly(v) {
      readOnly = v;
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      });
    },
  };
}
