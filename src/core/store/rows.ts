import type { FoundFile } from '../files.js';
import type { FileResult } from '../types.js';
import { foldedColumns, serialize, type StoredResult } from './documents.js';

/** One file as the index stores it: its stat, key fields, parse result (JSON) and folded text. */
export interface IndexRow {
  file: FoundFile;
  id: string | null;
  lang: string | null;
  tkey: string | null;
  json: StoredResult;
  /** The FTS columns; null when the file could not be read as a release, undefined when not made (no `text`). */
  folded?: string[] | null;
}

/**
 * The index row of a parse result; with `text` false, without the folded text (the
 * full-text table is then built when a search first needs it, see text-index.ts).
 */
export function toRow(file: FoundFile, result: FileResult, text = true): IndexRow {
  const r = result.release;
  return {
    file,
    id: r?.id ?? null,
    lang: r?.lang ?? null,
    tkey: r?.translationKey ?? null,
    json: serialize(result),
    folded: r ? (text ? foldedColumns(r) : undefined) : null,
  };
}
