/**
 * Text input as editors save it. A UTF-8 byte-order mark (Notepad, PowerShell's `Out-File`) is
 * not part of the content: every text parser drops it, so a file is accepted or refused for what
 * it says, the same way in every format.
 */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The one reason a byte or count value is refused, in every format (expvar, telemetry, check --json, reports). */
export const NEGATIVE = 'must be a non-negative number';
