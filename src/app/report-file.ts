/**
 * The one place a MemoryReport (or any JSON result) is written or read from disk, with one error
 * behaviour: a path that cannot be written or read is a MemgateError naming the path, never a stack.
 * Inputs are read whole, so each is capped (`MAX_INPUT_BYTES`): a 1 GB file is one line, exit 2.
 */
import { mkdir, open, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

import { MemgateError } from '../errors.js';
import { MAX_INPUT_BYTES, tooLarge } from '../limits.js';
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
export async function readInput(path: string, cwd: string, max = MAX_INPUT_BYTES): Promise<Buffer> {
  try {
    return await readCapped(resolve(cwd, path), path, max);
  } catch (err) {
    if (err instanceof MemgateError) throw err;
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

/**
 * The bytes of a file of at most `max` bytes. A larger regular file is refused from its size before
 * anything is read; anything else (a pipe, a device) is read in chunks and refused once past `max`.
 */
async function readCapped(full: string, shown: string, max: number): Promise<Buffer> {
  const fh = await open(full, 'r');
  try {
    const st = await fh.stat();
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (st.isFile() && st.size > max) throw tooLarge(shown, max);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.alloc(Math.min(1024 * 1024, max + 1 - total));
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) return Buffer.concat(chunks, total);
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > max) throw tooLarge(shown, max);
    }
  } finally {
    await fh.close();
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
    return (await readCapped(path, path, MAX_INPUT_BYTES)).toString('utf8');
  } catch (err) {
    if (err instanceof MemgateError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new MemgateError(`cannot read (${(err as Error).message})`, path);
  }
}
