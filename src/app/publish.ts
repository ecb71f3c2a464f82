/**
 * Use case `publish`: hand the verdict to each sink in order. A sink is one small adapter (outputs,
 * job summary, annotations, PR comment, baseline update, stdout, exit status); the shell picks which
 * sinks a mode has, so "comment mode never fails the job" is a missing sink, not a flag.
 */
import type { MemoryReport } from '../model.js';
import type { Verdict } from '../model-verdict.js';

export interface Judged {
  report: MemoryReport;
  verdict: Verdict;
}

export type Sink = (judged: Judged) => Promise<void> | void;

export async function publish(judged: Judged, sinks: readonly Sink[]): Promise<void> {
  for (const sink of sinks) await sink(judged);
}
