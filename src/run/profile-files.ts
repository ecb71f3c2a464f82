/**
 * I/O adapter: read the text files of an `--m-dir` directory (or of one of its `<check>` or
 * `<check_id>` directories) and group them with the pure `groupProfileFiles`. Only files inside
 * `snapshots/` and `diffs/` folders are read: the binary `last-snapshot` pickle never is.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { groupProfileFiles, type FoundFile, type ProfileDirFiles } from '../collect/profile-dir.js';
import { MemgateError } from '../errors.js';

/** `<m-dir>/<check>/<instance>/snapshots/<file>` is the deepest layout: four levels below the root. */
const MAX_DEPTH = 4;

export async function readProfileDir(dir: string): Promise<ProfileDirFiles[]> {
  if (!(await isDir(dir))) throw new MemgateError('not a directory', dir);
  const files: FoundFile[] = [];
  await walk(dir, '', 1, files);
  return groupProfileFiles(dir, files);
}

async function walk(root: string, rel: string, depth: number, out: FoundFile[]): Promise<void> {
  const entries = await readdir(join(root, rel), { withFileTypes: true });
  const parent = rel.split('/').pop();
  for (const e of entries) {
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory() && depth < MAX_DEPTH) await walk(root, path, depth + 1, out);
    else if (e.isFile() && (parent === 'snapshots' || parent === 'diffs'))
      out.push({ path, text: await readFile(join(root, path), 'utf8') });
  }
}

export async function isDir(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
