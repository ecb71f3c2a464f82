/**
 * The one policy resolver. Precedence, lowest first:
 *
 *   1. memgate's defaults (`DEFAULT_THRESHOLDS`, `DEFAULT_FAIL_KINDS`: all but `creep`);
 *   2. `.memgate.yml` (or the file given with `config` / `--config`), when there is one;
 *   3. the settings the user gave as action inputs or CLI flags.
 *
 * "Given" means the user wrote it: an empty input is not given, and `action.yml` declares no default
 * for these inputs (their defaults live in `DEFAULT_THRESHOLDS` only), so the runner's filled-in
 * defaults can never hide the file's value. The action and the CLI read their settings with
 * `readPolicyInputs` and resolve with `resolvePolicy`; nothing else builds a Policy.
 */
import {
  defaultPolicy,
  FAIL_KINDS,
  parsePolicy,
  readFailKinds,
  type FailKind,
  type Policy,
  type Thresholds,
} from '../analyze/policy.js';
import { THRESHOLD_INPUTS, thresholdSetting } from './thresholds.js';

/** Policy settings given as inputs or flags: only what the user set. */
export interface PolicyInputs {
  thresholds: Partial<Thresholds>;
  failOn?: FailKind[];
}

/**
 * Read the policy inputs by name (`threshold`, `alpha`, `floor`, `leak-threshold`, `warmup`,
 * `fail-on`). `get` returns undefined for a setting the user did not give; `fail` turns a reason
 * into the caller's error (naming the input or the flag).
 */
export function readPolicyInputs(
  get: (name: string) => string | undefined,
  fail: (name: string, why: string) => never,
): PolicyInputs {
  const out: PolicyInputs = { thresholds: {} };
  for (const name of THRESHOLD_INPUTS) {
    const raw = get(name);
    if (raw === undefined) continue;
    const setting = thresholdSetting(name)!;
    const parsed = setting.parse(raw);
    if (!parsed.ok) fail(name, parsed.why);
    out.thresholds[setting.field] = parsed.value;
  }
  const failOn = get('fail-on');
  if (failOn !== undefined) {
    const read = readFailKinds(failOn);
    if ('unknown' in read)
      fail('fail-on', `must be a list of: ${FAIL_KINDS.join(', ')} or none; got "${read.unknown}"`);
    else out.failOn = read.kinds;
  }
  return out;
}

/** defaults < the policy file (its text, when there is one) < the given inputs. */
export function resolvePolicy(
  file: { text: string; source: string } | undefined,
  inputs: PolicyInputs,
): Policy {
  const policy = file ? parsePolicy(file.text, file.source) : defaultPolicy();
  Object.assign(policy.defaults, inputs.thresholds);
  if (inputs.failOn) policy.failOn = inputs.failOn;
  return policy;
}
