/**
 * The action's flame graph: the allocation sites of every measured check against its baseline,
 * written as an SVG next to the report and uploaded as the artifact `flamegraph-<artifact-name>`.
 * The picture is a view, like the comment: a failed write or upload is a warning, never a failed gate.
 */
import { basename, dirname, extname, join } from 'node:path';

import * as core from '@actions/core';

import type { BaselineSource } from '../app/baseline-source.js';
import { writeSitesSvg } from '../cli/flamegraph-file.js';
import { describeError } from '../errors.js';
import type { MemoryReport } from '../model.js';
import type { FlamegraphLink } from '../report/creep-section.js';
import type { ActionRun } from './action-run.js';
import { runUrlOf } from './action-run.js';
import { uploadReports } from './artifacts.js';

/** `memgate-report.json` → `memgate-report.flamegraph.svg`, in the report's folder. */
export function flamegraphPathFor(reportPath: string): string {
  return join(dirname(reportPath), `${basename(reportPath, extname(reportPath))}.flamegraph.svg`);
}

/**
 * Write and upload the flame graph; the link for the comment when the artifact exists. Nothing is
 * drawn when no check recorded allocation sites (a flame graph of nothing helps nobody).
 */
export async function flamegraphInAction(
  a: ActionRun,
  report: MemoryReport,
  source: BaselineSource,
): Promise<FlamegraphLink | undefined> {
  if (!a.cfg.flamegraph || report.checks.every((c) => c.sites.length === 0)) return undefined;
  const path = flamegraphPathFor(a.reportPath);
  // Not `<artifact-name>-…`: `aggregate` and `comment` download every artifact starting with the
  // report artifact's name, and an artifact with no report in it is an error there.
  const artifact = `flamegraph-${a.cfg.artifactName}`;
  try {
    const pairs = await Promise.all(
      report.checks.map(async (c) => ({ current: c, baseline: (await source.read(c.check)).baseline })),
    );
    const io = {
      cwd: a.ctx.workspace,
      env: a.env,
      stdout: () => undefined,
      stderr: (t: string) => core.info(t.trim()),
    };
    await writeSitesSvg(path, pairs, `${report.environment.commit ?? 'head'} vs baseline`, io);
    core.setOutput('flamegraph-path', path);
    await uploadReports(artifact, [path], dirname(path));
    core.info(`uploaded ${artifact}`);
    return { runUrl: runUrlOf(a.ctx), artifact };
  } catch (err) {
    core.warning(`memgate: flame graph not uploaded: ${describeError(err)}`);
    return undefined;
  }
}
