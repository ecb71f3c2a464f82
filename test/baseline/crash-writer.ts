/**
 * A baseline writer that SIGKILLs itself in the middle of a file-store write, for the crash tests
 * in file-faults.test.ts: `node --import tsx crash-writer.ts <dir> <check> <value> <kill-at>`, where
 * kill-at is the file name whose rename kills the process (`index.json`: documents renamed, index
 * not yet; `.memgate-journal.json`: everything staged, nothing committed), or `none`.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { basename } from 'node:path';

import { createFileStore } from '../../src/baseline/file-store.js';
import { checkReport, memoryReport } from './helpers.js';

const [dir, check, value, killAt] = process.argv.slice(2);
const rename = fs.promises.rename;
fs.promises.rename = async (from, to) => {
  if (basename(String(to)) === killAt) process.kill(process.pid, 'SIGKILL');
  return rename(from, to);
};
// Live ESM bindings of node:fs/promises (the store's `rename`) now point at the patched function.
syncBuiltinESMExports();

await createFileStore({ dir }).update(memoryReport(checkReport(check, '1.0.0', [Number(value)])), {
  commit: value.padStart(40, '0'),
});
