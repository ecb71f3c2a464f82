/**
 * The measuring log as one `::group::` per process run, each followed (outside the group, so it
 * shows when folded) by its duration. The runner announces each run with `run i of n…`; everything
 * it logs until the next one belongs to that run.
 */
import * as core from '@actions/core';

const RUN_START = /^run (\d+) of (\d+)…$/;

export interface GroupedLog {
  log(line: string): void;
  /** Close the last run's group (call once measuring is over, whether it succeeded or not). */
  close(): void;
}

export function groupedRunLog(out = core, now: () => number = Date.now): GroupedLog {
  let open: { label: string; start: number } | undefined;
  const close = () => {
    if (!open) return;
    out.endGroup();
    out.info(`${open.label}: ${((now() - open.start) / 1000).toFixed(1)} s`);
    open = undefined;
  };
  return {
    log(line) {
      if (RUN_START.test(line)) {
        close();
        const label = line.replace(/…$/, '');
        out.startGroup(label);
        open = { label, start: now() };
      } else out.info(line);
    },
    close,
  };
}
