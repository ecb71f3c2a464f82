/**
 * What a check name, version or instance may be. They become file and folder names in a baseline
 * store (URI-encoded, see `baseline/document.ts`), branch paths, and text in PR comments, so a
 * name that cannot be encoded (a lone UTF-16 surrogate), that no file system accepts as a name
 * (over 255 bytes once encoded), or that hides text (control characters) is refused where it
 * enters, with one line that says which name and why.
 */
import { MemgateError } from './errors.js';

/** Longest name, version or instance in characters: Agent check names are Python module names. */
export const MAX_CHECK_NAME_CHARS = 200;

/** Longest encoded path component: 255 bytes (ext4, APFS, NTFS) minus room for `.json.tmp-<pid>-<hex>`. */
const MAX_ENCODED_BYTES = 200;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `value` cannot be a check name, version or instance; undefined when it can. */
export function checkNameProblem(value: string): string | undefined {
  if (value.length === 0) return 'is empty';
  if (LONE_SURROGATE.test(value)) return 'contains a lone UTF-16 surrogate (not valid Unicode)';
  if (CONTROL.test(value)) return 'contains a control character';
  if (value.length > MAX_CHECK_NAME_CHARS)
    return `is ${value.length} characters long, more than the ${MAX_CHECK_NAME_CHARS} allowed`;
  if (encodeURIComponent(value).length > MAX_ENCODED_BYTES)
    return `is too long to be a file name once encoded (${encodeURIComponent(value).length} bytes, at most ${MAX_ENCODED_BYTES})`;
  return undefined;
}

/** A short, printable rendering of a name for an error message (a 10,000-character name is not printed whole). */
export function nameForMessage(value: string): string {
  const printable = value
    .replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd')
    .replace(new RegExp(CONTROL.source, 'g'), '?');
  const chars = [...printable];
  return JSON.stringify(chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : printable);
}

/** Every problem of a check key, as `check name "x" is …` phrases. */
export function checkKeyProblems(key: { name: string; version: string; instance?: string }): string[] {
  const out: string[] = [];
  for (const [what, value] of [
    ['check name', key.name],
    ['check version', key.version],
    ['check instance', key.instance],
  ] as const) {
    if (value === undefined) continue;
    const why = checkNameProblem(value);
    if (why) out.push(`${what} ${nameForMessage(value)} ${why}`);
  }
  return out;
}

/** Throw one MemgateError naming every bad key of `keys` (from `where`: a file, an input, a store). */
export function assertCheckKeys(
  keys: { name: string; version: string; instance?: string }[],
  where: string,
): void {
  const problems = [...new Set(keys.flatMap(checkKeyProblems))];
  if (problems.length > 0) throw new MemgateError(problems.join('; '), where);
}
