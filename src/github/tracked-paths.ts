/**
 * The files of the repository at the workspace (`git ls-files`), so the comment links an allocation
 * site only to a path that exists at the head commit. Adapter for the pure `report/links.ts`; any
 * failure (no git, not a repository, a sparse checkout) means "no links", never an error.
 */
import { execFile } from 'node:child_process';

export function trackedPaths(workspace: string, timeoutMs = 10_000): Promise<Set<string> | undefined> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['ls-files', '-z'],
      { cwd: workspace, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout) => {
        if (err) return resolve(undefined);
        const paths = stdout.split('\0').filter(Boolean);
        resolve(paths.length > 0 ? new Set(paths) : undefined);
      },
    );
  });
}
