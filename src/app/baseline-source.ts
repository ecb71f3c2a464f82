/**
 * The baselines `judge` reads from, besides a store the action opens: what `--baseline` points at.
 * A directory is a file store; a file is a stored baseline document (`<check>/<version>.json`) or
 * another MemoryReport. Every kind picks the version through the stores' own rules
 * (`lookupInSnapshot`, `versionCandidates`): a newer version is never a baseline.
 */
import { resolve } from 'node:path';

import { baselinePath, DEFAULT_WINDOW, parseBaselineDocument } from '../baseline/document.js';
import { createFileStore } from '../baseline/file-store.js';
import { createGitStore, GIT_PREFIX } from '../baseline/git-store.js';
import { lookupInSnapshot, type BaselineStore, type StoreSnapshot } from '../baseline/store.js';
import { foundProvenance, noneProvenance, versionCandidates } from '../baseline/versions.js';
import { MemgateError } from '../errors.js';
import { parseMemoryReport, runCount, type MemoryReport } from '../model.js';
import { isDirectory, readInput } from './report-file.js';

/**
 * Where `--baseline` points: `git:<ref>`, a baseline directory, a stored baseline document, or a
 * MemoryReport. A store also has `snapshot`, through which `judge` reads the history.
 */
export type BaselineSource = Pick<BaselineStore, 'read'> & { snapshot?: () => Promise<StoreSnapshot> };

/**
 * Another report as the baseline: the same check, at the same version or the highest lower one,
 * with the same provenance rules as a store (a newer version is never a baseline).
 */
function reportSource(base: MemoryReport): BaselineSource {
  return {
    async read(check) {
      const same = base.checks.filter(
        (c) => c.check.name === check.name && (c.check.instance ?? '') === (check.instance ?? ''),
      );
      const [choice] = versionCandidates(
        check.version,
        same.map((c) => c.check.version),
      );
      const found = choice && same.find((c) => c.check.version === choice.version);
      if (!choice || !found) return { provenance: noneProvenance(check.version) };
      return {
        baseline: found,
        provenance: foundProvenance(
          choice,
          check.version,
          {
            commits: base.environment.commit ? [base.environment.commit] : [],
            date: base.createdAt,
            samples: runCount(found),
            entries: 1,
          },
          new Date(),
        ),
      };
    },
  };
}

/** One stored document (`<check>/<version>.json`), read through the stores' own lookup. */
function documentSource(text: string, source: string): BaselineSource {
  const doc = parseBaselineDocument(text, source);
  const path = baselinePath(doc.check.name, doc.check.version);
  const snapshot = { paths: [path], read: async (p: string) => (p === path ? text : undefined) };
  return {
    read: (check) =>
      lookupInSnapshot(snapshot, check, { window: DEFAULT_WINDOW, now: new Date(), where: source }),
  };
}

export async function openBaselineFile(
  path: string,
  cwd: string,
  warn: (m: string) => void,
): Promise<BaselineSource> {
  // `git:<ref>` reads the data branch from a local clone (`git fetch origin memgate-baselines`), so
  // a reproduce line needs no API and no token.
  if (path.startsWith(GIT_PREFIX)) {
    const store = createGitStore({ repoDir: cwd, ref: path.slice(GIT_PREFIX.length), warn });
    await store.snapshot(); // a mistyped or unfetched ref is the user's error, not "no baseline"
    return store;
  }
  const full = resolve(cwd, path);
  if (await isDirectory(full)) return createFileStore({ dir: full, warn });
  const text = (await readInput(path, cwd)).toString('utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new MemgateError(`not JSON (${(err as Error).message})`, path);
  }
  const isDoc = typeof raw === 'object' && raw !== null && 'entries' in raw && !('checks' in raw);
  return isDoc ? documentSource(text, path) : reportSource(parseMemoryReport(text, path));
}
