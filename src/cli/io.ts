/** File access for the CLI verbs, with errors a user can act on. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { MemgateError } from '../errors.js';

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
