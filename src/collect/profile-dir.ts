/**
 * I/O adapter: read the text files `datadog-agent check -m --m-dir D` leaves behind,
 * `D/<check_name>/<check_id with ':' → '_'>/{snapshots,diffs}/…`. The binary `last-snapshot` pickle
 * is never read. File names carry a UTC timestamp, so name order is time order.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import { MemgateError } from '../errors.js';

export interface ProfileDirFiles {
  check: string;
  /** Path of the `<check_id>` directory (its base name is the check id with ':' replaced by '_'). */
  instanceDir: string;
  snapshots: { name: string; text: string }[];
  diffs: { name: string; text: string }[];
}

/**
 * Walk an `--m-dir` directory. Also accepts a `<check>` directory or a single `<check_id>` directory,
 * so a user can point at whichever level they have. Returns [] when no instance directory is found.
 */
export async function readProfileDir(dir: string): Promise<ProfileDirFiles[]> {
  if (!(await isDir(dir))) throw new MemgateError('not a directory', dir);
  if (await isInstanceDir(dir)) return [await readInstance(basename(dirname(dir)), dir)];
  const out: ProfileDirFiles[] = [];
  const level1 = await subdirs(dir);
  const asCheckDir: string[] = [];
  for (const d of level1) if (await isInstanceDir(d)) asCheckDir.push(d);
  if (asCheckDir.length > 0) {
    for (const d of asCheckDir) out.push(await readInstance(basename(dir), d));
    return out;
  }
  for (const checkDir of level1) {
    for (const inst of await subdirs(checkDir)) {
      if (await isInstanceDir(inst)) out.push(await readInstance(basename(checkDir), inst));
    }
  }
  return out;
}

async function readInstance(check: string, dir: string): Promise<ProfileDirFiles> {
  return {
    check,
    instanceDir: dir,
    snapshots: await readFiles(join(dir, 'snapshots')),
    diffs: await readFiles(join(dir, 'diffs')),
  };
}

async function readFiles(dir: string): Promise<{ name: string; text: string }[]> {
  if (!(await isDir(dir))) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8') })));
}

async function isInstanceDir(dir: string): Promise<boolean> {
  return (await isDir(join(dir, 'snapshots'))) || (await isDir(join(dir, 'diffs')));
}

async function subdirs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((n) => join(dir, n));
}

async function isDir(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
