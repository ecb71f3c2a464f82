/**
 * Annotations on the lines that grew: an error where a check failed on a regression or leak, a
 * warning where it only warned. tracemalloc cuts paths after `datadog_checks/`, `site-packages/`…
 * and pprof gives absolute build paths or module paths, so each site's file is resolved against
 * the workspace: the exact relative path, else the longest path suffix that matches exactly one
 * workspace file. Anything unresolved or ambiguous gets no annotation (the comment still lists it).
 *
 * `annotationsFor` is pure (the workspace comes in as functions); `github/annotations.ts` is the
 * adapter that reads the disk and sends them to the runner.
 */
import { formatBytesDelta } from '../units.js';
import type { CheckVerdict, Verdict } from '../model-verdict.js';

export interface Annotation {
  level: 'error' | 'warning';
  /** Workspace-relative, `/`-separated. */
  file: string;
  startLine: number;
  title: string;
  message: string;
}

export interface Workspace {
  /** Absolute workspace root (GITHUB_WORKSPACE), to relativise absolute site paths. */
  root: string;
  fileExists(relativePath: string): boolean;
  /** Every file in the workspace, relative and `/`-separated; read lazily, at most once. */
  listFiles(): readonly string[];
}

/** GitHub shows at most 10 annotations of each type per step. */
export const ANNOTATION_LIMITS = { error: 10, warning: 10 };

export function annotationsFor(
  verdict: Verdict,
  workspace: Workspace,
  limits: { error: number; warning: number } = ANNOTATION_LIMITS,
): Annotation[] {
  const resolve = resolver(workspace);
  const out: Annotation[] = [];
  const used = { error: 0, warning: 0 };
  const seen = new Set<string>();
  for (const c of verdict.checks) {
    const level = levelFor(c);
    if (!level) continue;
    for (const s of c.sites) {
      if (s.delta <= 0 || s.line === undefined || used[level] >= limits[level]) continue;
      const file = resolve(s.file);
      if (!file || seen.has(`${file}:${s.line}`)) continue;
      seen.add(`${file}:${s.line}`);
      used[level]++;
      const what = c.leaks.some((l) => l.leaking) ? 'leak' : 'regression';
      out.push({
        level,
        file,
        startLine: s.line,
        title: `memgate: memory ${what} in ${c.check.name}`,
        message: `${formatBytesDelta(s.delta)} held here${s.isNew ? ' (new site)' : ''}${
          s.countDelta ? `, ${s.countDelta > 0 ? '+' : ''}${s.countDelta} objects` : ''
        }${s.function ? ` in ${s.function}` : ''}, against the baseline`,
      });
    }
  }
  return out;
}

function levelFor(c: CheckVerdict): Annotation['level'] | undefined {
  const bad = c.metrics.some((m) => m.change === 'regression') || c.leaks.some((l) => l.leaking);
  if (!bad) return undefined;
  return c.status === 'fail' ? 'error' : c.status === 'warn' ? 'warning' : undefined;
}

/** Site path → workspace-relative path, or undefined when it is outside or ambiguous. */
export function resolver(ws: Workspace): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  let bySuffix: Map<string, string[]> | undefined;
  const index = () => {
    if (bySuffix) return bySuffix;
    bySuffix = new Map();
    for (const f of ws.listFiles()) {
      const parts = f.split('/');
      for (let i = 0; i < parts.length; i++) {
        const suffix = parts.slice(i).join('/');
        const list = bySuffix.get(suffix) ?? [];
        if (list.length < 2) list.push(f);
        bySuffix.set(suffix, list);
      }
    }
    return bySuffix;
  };
  return (file) => {
    if (cache.has(file)) return cache.get(file);
    const result = resolveOne(file, ws, index);
    cache.set(file, result);
    return result;
  };
}

function resolveOne(file: string, ws: Workspace, index: () => Map<string, string[]>): string | undefined {
  let path = file.replace(/\\/g, '/');
  const root = ws.root.replace(/\\/g, '/').replace(/\/+$/, '');
  if (root && path.startsWith(`${root}/`)) path = path.slice(root.length + 1);
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.includes('..')) return undefined;
  const rel = parts.join('/');
  if (!path.startsWith('/') && ws.fileExists(rel)) return rel;
  // Longest suffix first; a bare file name alone is too weak unless the site gave nothing more.
  const minParts = parts.length === 1 ? 1 : 2;
  for (let n = parts.length; n >= minParts; n--) {
    const hits = index().get(parts.slice(parts.length - n).join('/'));
    if (!hits) continue;
    return hits.length === 1 ? hits[0] : undefined;
  }
  return undefined;
}
