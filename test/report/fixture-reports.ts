/** The argv of `memgate collect` for one real tracemalloc fixture (simulator runs), as one check. */
import { readFileSync } from 'node:fs';
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
  // The gc the fixture was captured with (args.txt): with gc unknown the retained-per-run rule is off.
  const gc = readFileSync(join(dir, 'args.txt'), 'utf8').includes('--m-gc 1');
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
    ...(gc ? ['--m-gc', '1'] : []),
  ];
}
