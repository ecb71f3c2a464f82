/**
 * Use case `measure`: run the check R times under memory profiling and write the MemoryReport.
 * The action and `memgate run` both call it; only where the progress and warnings go differs.
 */
import type { MemoryReport } from '../model.js';
import { runCheck, type RunOptions } from '../run/runner.js';
import { writeReport } from './report-file.js';

export interface MeasureSettings {
  run: RunOptions;
  /** Absolute path of the report to write. */
  out: string;
  /** The path as the user wrote it, for error messages. */
  outShown?: string;
  warn: (message: string) => void;
}

export async function measure(settings: MeasureSettings): Promise<MemoryReport> {
  const { report, warnings } = await runCheck(settings.run);
  await writeReport(settings.out, report, settings.outShown);
  for (const w of warnings) settings.warn(w);
  return report;
}
