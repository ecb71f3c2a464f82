/**
 * How a check is run when the user does not say: one set of defaults for the action's inputs (and
 * `action.yml`, which a test holds to these) and `memgate run`'s flags, with the one range each.
 */
import { MAX_TIMEOUT_SECONDS } from '../limits.js';
import { duration, integer, type Parsed, type Raw } from './values.js';

export const RUN_DEFAULTS = {
  agentBin: 'datadog-agent',
  repeat: 5,
  checkTimes: 20,
  timeoutSeconds: 300,
  sampleIntervalMs: 250,
} as const;

/** The parser (and so the range) of each numeric run setting, by its input / flag name. */
export const RUN_PARSERS: Record<
  'repeat' | 'check-times' | 'timeout' | 'sample-interval',
  (raw: Raw) => Parsed<number>
> = {
  repeat: (raw) => integer(raw, 1),
  'check-times': (raw) => integer(raw, 1),
  // Node timers hold at most 24.8 days; a longer timeout would fire at once (limits.ts).
  timeout: (raw) => duration(raw, 1, MAX_TIMEOUT_SECONDS),
  // Polling faster than every 10 ms measures the poller, not the Agent.
  'sample-interval': (raw) => integer(raw, 10),
};
