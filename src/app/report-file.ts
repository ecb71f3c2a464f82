/**
 * The one place a MemoryReport (or any JSON result) is written or read from disk, with one error
 * behaviour: a path that cannot be written or read is a MemgateError naming the path, never a stack.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

import { MemgateError } from '../errors.js';
import type { MemoryReport } from '../model.js';

/** Write the report as pretty JSON, creating its directory; `shown` is the path the user gave. */
export async function writeReport(path: string, report: MemoryReport, shown = path): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  } catch (err) {
    throw new MemgateError(`cannot write the report (${(err as Error).message})`, shown);
  }
}

/** Read a file the user named, relative to `cwd`, with a reason a user can act on. */
export async function readInput(path: string, cwd: string): Promise<Buffer> {
  try {
    return await readFile(resolve(cwd, path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory, expected a file'
          : (err as Error).message;
    throw new MemgateError(why, path);
  }
}

/** True for a directory; false for a file or nothing (the reader reports a missing file clearly). */
export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** The text of an optional file: undefined when it does not exist. */
export async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new MemgateError(`cannot read (${(err as Error).message})`, path);
  }
}
