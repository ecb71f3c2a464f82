/**
 * SIGINT / SIGTERM while memgate runs a check (Ctrl-C, a cancelled workflow, `timeout`): the check
 * runs in its own process group (so a timeout can kill all of it), which also means the signal does
 * not reach it. memgate forwards the signal to every live group, removes its temp dirs, and exits
 * with 128 + the signal's number, as a shell reports a process killed by it.
 */
import { rmSync } from 'node:fs';
import { constants } from 'node:os';

const groups = new Set<number>();
const tempDirs = new Set<string>();
let installed = false;

/** A child process group is running (its leader's pid); forget it with the returned function. */
export function trackGroup(pid: number): () => void {
  groups.add(pid);
  return () => groups.delete(pid);
}

/** A temp dir to remove if memgate is interrupted; forget it with the returned function. */
export function trackTempDir(dir: string): () => void {
  tempDirs.add(dir);
  return () => tempDirs.delete(dir);
}

/** 128 + the signal's number (SIGINT 130, SIGTERM 143). */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 0);
}

/** What an interrupted memgate does: forward, clean up, report the exit code. */
export function interrupt(signal: NodeJS.Signals, kill = process.kill.bind(process)): number {
  for (const pid of groups) {
    try {
      kill(-pid, signal);
    } catch {
      // the group is already gone
    }
  }
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  groups.clear();
  tempDirs.clear();
  return signalExitCode(signal);
}

/** Install the handlers once, for the CLI and the action. */
export function forwardSignals(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      log(`memgate: interrupted by ${signal}: stopping the check and removing temp files`);
      process.exit(interrupt(signal));
    });
  }
}
