/**
 * The text files `datadog-agent check -m --m-dir D` leaves behind,
 * `D/<check_name>/<check_id with ':' → '_'>/{snapshots,diffs}/…`, grouped per instance directory.
 * Pure: the disk walk is `run/profile-files.ts`, which hands the files' paths and contents here.
 * File names carry a UTC timestamp, so name order is time order.
 */
import { posix } from 'node:path';

export interface ProfileDirFiles {
  check: string;
  /** Path of the `<check_id>` directory (its base name is the check id with ':' replaced by '_'). */
  instanceDir: string;
  snapshots: { name: string; text: string }[];
  diffs: { name: string; text: string }[];
}

/** A file found under the directory the user pointed at: its '/'-separated path below it. */
export interface FoundFile {
  path: string;
  text: string;
}

/**
 * Group the files of `snapshots/` and `diffs/` folders by instance directory. `root` may be the
 * `--m-dir` itself, a `<check>` directory or a single `<check_id>` directory: the shallowest level
 * that holds instance directories wins, as a user points at whichever level they have. Returns []
 * when no instance directory is found.
 */
export function groupProfileFiles(root: string, files: readonly FoundFile[]): ProfileDirFiles[] {
  const parsed = files
    .map((f) => ({ parts: f.path.split('/').filter(Boolean), text: f.text }))
    .filter((f) => f.parts.length >= 2 && ['snapshots', 'diffs'].includes(f.parts[f.parts.length - 2]));
  if (parsed.length === 0) return [];
  const depth = Math.min(...parsed.map((f) => f.parts.length - 2));
  const byDir = new Map<string, ProfileDirFiles>();
  for (const f of parsed.filter((x) => x.parts.length - 2 === depth)) {
    const instanceParts = f.parts.slice(0, depth);
    const instanceDir = instanceParts.length ? posix.join(root, ...instanceParts) : root;
    const check = posix.basename(posix.dirname(instanceDir));
    let dir = byDir.get(instanceDir);
    if (!dir) byDir.set(instanceDir, (dir = { check, instanceDir, snapshots: [], diffs: [] }));
    const name = f.parts[f.parts.length - 1];
    (f.parts[f.parts.length - 2] === 'snapshots' ? dir.snapshots : dir.diffs).push({ name, text: f.text });
  }
  const byName = (a: { name: string }, b: { name: string }) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  const dirs = [...byDir.values()].sort((a, b) => byName({ name: a.instanceDir }, { name: b.instanceDir }));
  for (const d of dirs) {
    d.snapshots.sort(byName);
    d.diffs.sort(byName);
  }
  return dirs;
}
