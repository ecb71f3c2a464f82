/**
 * The action's input names (action.yml's `inputs`, which a test holds this list to), and the check
 * that every input the workflow gave is one of them. The runner only warns about an unexpected
 * input and the step runs without it: `treshold: 5%` would silently gate at the default.
 */
import { MemgateError } from '../errors.js';
import { closest } from './suggest.js';

export const ACTION_INPUTS: readonly string[] = [
  'mode',
  'check',
  'command',
  'shell',
  'agent-bin',
  'check-version',
  'repeat',
  'check-times',
  'timeout',
  'expvar-url',
  'telemetry-url',
  'pprof-url',
  'sample-interval',
  'm-gc',
  'm-frames',
  'm-combine',
  'm-sort',
  'm-limit',
  'm-diff',
  'm-filters',
  'm-unit',
  'm-verbose',
  'live-runs',
  'live-duration',
  'compare-with',
  'base-ref',
  'checks-dir',
  'config',
  'threshold',
  'alpha',
  'floor',
  'leak-threshold',
  'warmup',
  'fail-on',
  'baseline-store',
  'baseline-branch',
  'baseline-path',
  'baseline-keep',
  'on-baseline-error',
  'update-baseline',
  'comment',
  'comment-key',
  'github-token',
  'report-path',
  'artifact-name',
  'flamegraph',
];

/** Throws for the first `INPUT_*` variable that names no input, with the nearest input's name. */
export function checkInputNames(env: NodeJS.ProcessEnv): void {
  const known = new Set(ACTION_INPUTS.map((n) => n.toUpperCase()));
  for (const key of Object.keys(env).sort()) {
    if (!key.startsWith('INPUT_') || known.has(key.slice(6))) continue;
    const name = key.slice(6).toLowerCase();
    const near = closest(name, ACTION_INPUTS);
    throw new MemgateError(
      `"${name}" is not an input of memgate${near ? `: did you mean "${near}"?` : ''}`,
      `input "${name}"`,
    );
  }
}
