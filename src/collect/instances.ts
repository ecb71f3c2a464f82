/**
 * Which check instance each piece of a run belongs to, and the key it is filed under.
 *
 * The Agent's CheckID is `<check>:<hex>` or `<check>:<instance name>:<hex>`, and the hex hashes the
 * instance *and* `init_config`, where `-m` writes `profile_memory: <m-dir>` and every `--m-*` option
 * (shared/formats/agent-check-cli.md). So the hash changes with every repeat's fresh `--m-dir` and
 * with the profiling options: an instance is keyed by its `name` when it has one, else by its
 * position in the configuration, never by the hash. Within one process the hash is still the same on
 * both sides, which is how the `--json` entry and the `--m-dir` folder of one instance are paired.
 */
import type { CheckKey } from '../model.js';

/** What a CheckID (or an `--m-dir` folder name) says about its instance. */
export interface InstanceRef {
  /** The instance's `name`, when the configuration gives one. */
  name?: string;
  /** The CheckID hash of this process (pairs the two sides; never a key). */
  hex?: string;
}

/** `check:hex` → { hex }; `check:my db:hex` → { name: 'my db', hex }. */
export function parseCheckId(checkId: string): InstanceRef {
  if (!checkId) return {};
  const parts = checkId.split(':');
  if (parts.length < 2) return { hex: checkId };
  const hex = parts[parts.length - 1];
  const name = parts.slice(1, -1).join(':');
  return name ? { name, hex } : { hex };
}

/**
 * An `--m-dir` folder is the CheckID after `<check>:` with ':' replaced by '_': `hex`, or
 * `<name>_hex`. The hash is hexadecimal and holds no '_', so the last '_' splits the two.
 */
export function parseInstanceDir(dirName: string): InstanceRef {
  const i = dirName.lastIndexOf('_');
  return i > 0 ? { name: dirName.slice(0, i), hex: dirName.slice(i + 1) } : { hex: dirName };
}

/** Does the runner stats' CheckID `id` denote the instance `ref` of this process? */
export function sameInstance(id: string, ref: InstanceRef): boolean {
  const other = parseCheckId(id);
  if (ref.hex !== undefined && other.hex === ref.hex) return true;
  // A folder name turned the name's ':' into '_'.
  return ref.name !== undefined && ref.hex === undefined && other.name?.replace(/:/g, '_') === ref.name;
}

/** One instance of one check found in a run, before its label is decided. */
export interface InstanceSlot {
  check: string;
  /** 1-based position among the instances of its check in this run (configuration order). */
  position: number;
  ref: InstanceRef;
}

/**
 * Labels the instances of each check: a check with one instance gets none (its key stays
 * `name@version`), one with several gets each instance's name, else its position ("1", "2", …).
 */
export function instanceLabels(slots: readonly InstanceSlot[]): (string | undefined)[] {
  const perCheck = new Map<string, number>();
  for (const s of slots) perCheck.set(s.check, (perCheck.get(s.check) ?? 0) + 1);
  return slots.map((s) =>
    (perCheck.get(s.check) ?? 0) > 1 ? (s.ref.name ?? String(s.position)) : undefined,
  );
}

export function withInstance(key: CheckKey, label: string | undefined): CheckKey {
  return label === undefined ? { name: key.name, version: key.version } : { ...key, instance: label };
}
