/**
 * Writing a differential flame graph from a CLI verb (`pprof diff --svg`, `compare --flamegraph`):
 * the SVG itself comes from the pure renderer in `report/flamegraph.ts`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

import type { PprofProfile } from '../collect/pprof.js';
import { MemgateError } from '../errors.js';
import type { CheckReport } from '../model.js';
import { goFlameStacks, renderFlameGraph, siteFlameStacks } from '../report/flamegraph.js';
import type { CliIO } from './command.js';

async function write(path: string, svg: string, io: CliIO): Promise<void> {
  const out = resolve(io.cwd, path);
  try {
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, svg);
  } catch (err) {
    throw new MemgateError(`cannot write the flame graph (${(err as Error).message})`, path);
  }
  io.stderr(`memgate: flame graph written to ${path}\n`);
}

/** head − base of two Go profiles for one sample type, e.g. `memgate pprof diff --svg out.svg`. */
export function writeGoDiffSvg(
  path: string,
  base: PprofProfile,
  head: PprofProfile,
  sampleType: string,
  title: string,
  io: CliIO,
): Promise<void> {
  const { stacks, unit } = goFlameStacks(base, head, sampleType);
  return write(path, renderFlameGraph(stacks, { title: `${sampleType}: ${title}`, unit }), io);
}

/** The allocation sites of each current check against its baseline, e.g. `memgate compare --flamegraph`. */
export function writeSitesSvg(
  path: string,
  checks: readonly { current: CheckReport; baseline?: CheckReport }[],
  title: string,
  io: CliIO,
): Promise<void> {
  const stacks = checks.flatMap(({ current, baseline }) => siteFlameStacks(baseline, current));
  return write(path, renderFlameGraph(stacks, { title, unit: 'bytes' }), io);
}
