/**
 * Links from the report to the code: a site's `file:line` at the head commit, and the head and
 * baseline commits. The renderer never reads the disk: the shell passes the workspace's tracked
 * paths (e.g. `git ls-files`), and a site links only when its path resolves to one of them, so a
 * link never points at a file the repository does not have (site-packages, the Agent's own code).
 */
import { inlineCode, safeUrl } from './escape.js';

export interface RepoLinks {
  /** `owner/name`. */
  repo: string;
  /** Default `https://github.com`; GitHub Enterprise Server passes its own. */
  serverUrl?: string;
  /** The commit the sites were measured at. */
  headSha?: string;
  /** Paths relative to the repository root that exist at the head commit. */
  workspacePaths?: ReadonlySet<string>;
}

const SHA = /^[0-9a-f]{7,64}$/i;
const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

function base(links: RepoLinks): string | undefined {
  if (!REPO.test(links.repo)) return undefined;
  const server = safeUrl(links.serverUrl ?? 'https://github.com');
  return server ? `${server.replace(/\/+$/, '')}/${links.repo}` : undefined;
}

/**
 * The repository path a site's file names, or undefined. A tracemalloc or pprof path is absolute
 * on the runner (`/home/runner/work/r/r/pkg/check.py`) or relative to where the check ran; the
 * longest trailing part that is a tracked path wins.
 */
export function resolveSitePath(file: string, paths: ReadonlySet<string> | undefined): string | undefined {
  if (!paths || paths.size === 0) return undefined;
  const parts = file.replace(/\\/g, '/').split('/');
  for (let i = 0; i < parts.length; i++) {
    const candidate = parts.slice(i).join('/');
    if (candidate !== '' && !candidate.split('/').includes('..') && paths.has(candidate)) return candidate;
  }
  return undefined;
}

/** `https://github.com/<repo>/blob/<head sha>/<path>#L<line>`, when the path resolves. */
export function siteUrl(links: RepoLinks | undefined, file: string, line?: number): string | undefined {
  if (!links?.headSha || !SHA.test(links.headSha)) return undefined;
  const root = base(links);
  const path = resolveSitePath(file, links.workspacePaths);
  if (!root || !path) return undefined;
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  const anchor = line !== undefined && Number.isInteger(line) && line > 0 ? `#L${line}` : '';
  return safeUrl(`${root}/blob/${links.headSha}/${encoded}${anchor}`);
}

/** `https://github.com/<repo>/commit/<sha>`, or undefined for a malformed sha or repository. */
export function commitUrl(links: RepoLinks | undefined, sha: string | undefined): string | undefined {
  if (!links || !sha || !SHA.test(sha)) return undefined;
  const root = base(links);
  return root ? safeUrl(`${root}/commit/${sha}`) : undefined;
}

/** A commit as the report shows it: the short sha in code, linked when the repository is known. */
export function commitLink(links: RepoLinks | undefined, sha: string): string {
  const short = SHA.test(sha) ? sha.slice(0, 7) : sha.slice(0, 12);
  const url = commitUrl(links, sha);
  const text = inlineCode(short, 12);
  return url ? `[${text}](${url})` : text;
}
