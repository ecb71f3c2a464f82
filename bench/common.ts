/** What every benchmark script needs: the repository root, `--name value` options, and medians. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export { median } from '../src/analyze/stats.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The value after `--name` on the command line, or the fallback. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
