/**
 * History files in a store snapshot: read one, and add the points of a baseline update to the
 * change set of the same compare-and-swap write (so a history point exists exactly when its
 * baseline entry does, and a writer that lost the race re-reads and re-appends: no point is lost).
 */
import { describeError, ParseError } from '../errors.js';
import {
  appendPoints,
  DEFAULT_HISTORY_KEEP,
  emptyHistory,
  historyPath,
  parseHistoryDocument,
  serializeHistory,
  type HistoryDocument,
  type HistoryPoint,
} from './history.js';
import type { FileChanges, StoreSnapshot } from './store.js';

/** The history of one check, or undefined when the store has none. Throws ParseError when unreadable. */
export async function readHistory(
  snap: StoreSnapshot,
  check: string,
  where: string,
): Promise<HistoryDocument | undefined> {
  const path = historyPath(check);
  const text = await snap.read(path);
  return text === undefined ? undefined : parseHistoryDocument(text, `${where}: ${path}`);
}

/**
 * Append points (grouped by check) to their history files in `changes`. A corrupt history file
 * never blocks a baseline update: its text is kept as `<file>.corrupt` in the same write and a new
 * history starts, with a warning. A file from a newer memgate is left alone (warning, no point).
 */
export async function addHistoryPoints(
  snap: StoreSnapshot,
  points: readonly { check: string; point: HistoryPoint }[],
  changes: FileChanges,
  opts: { where: string; warn?: (m: string) => void; keep?: number },
): Promise<void> {
  const byCheck = new Map<string, HistoryPoint[]>();
  for (const { check, point } of points) byCheck.set(check, [...(byCheck.get(check) ?? []), point]);
  for (const [check, added] of byCheck) {
    const path = historyPath(check);
    let doc: HistoryDocument;
    try {
      doc = (await readHistory(snap, check, opts.where)) ?? emptyHistory(check);
    } catch (err) {
      if (!(err instanceof ParseError)) throw err;
      if (/newer memgate/.test(err.message)) {
        opts.warn?.(`memgate: ${describeError(err)}; no history point added`);
        continue;
      }
      const parked = `${path}.corrupt`;
      changes.set(parked, (await snap.read(path)) ?? '');
      opts.warn?.(`memgate: ${describeError(err)}; starting a new history, old text kept as ${parked}`);
      doc = emptyHistory(check);
    }
    changes.set(path, serializeHistory(appendPoints(doc, added, opts.keep ?? DEFAULT_HISTORY_KEEP)));
  }
}
