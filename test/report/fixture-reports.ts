/** The argv of `memgate collect` for one real tracemalloc fixture (simulator runs), as one check. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TRACEMALLOC_FIXTURES = fileURLToPath(new URL('../fixtures/tracemalloc/', import.meta.url));

export function collectArgv(
  fixture: string,
  out: string,
  check = 'queue_stats',
  version = '1.0.0',
): string[] {
  const dir = join(TRACEMALLOC_FIXTURES, fixture);
  return [
    'collect',
    '--check-json',
    join(dir, 'check.json'),
    '--tracemalloc',
    join(dir, 'm-dir'),
    '--check',
    check,
    '--check-version',
    version,
    '--out',
    out,
  ];
}
