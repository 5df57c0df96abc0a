import { readFileSync } from 'node:fs';
import type { FoundFile } from '../files.js';
import { parseReleaseFile } from '../parse.js';
import type { FileResult } from '../types.js';
import { foldedColumns, serialize } from './documents.js';

/** One file as the index stores it: its stat, key fields, parse result (JSON) and folded text. */
export interface IndexRow {
  file: FoundFile;
  id: string | null;
  lang: string | null;
  tkey: string | null;
  json: string;
  /** The FTS columns; null when the file could not be read as a release. */
  folded: string[] | null;
}

/** Reads and parses one release file; a file that cannot be read becomes an issue. */
export function parseFromDisk(file: FoundFile): FileResult {
  try {
    return parseReleaseFile(file.path, readFileSync(file.absolute));
  } catch (e) {
    return { path: file.path, release: null, issues: [{ file: file.path, severity: 'error', code: 'unreadable', message: `the file cannot be read: ${(e as Error).message}`, hint: 'check the file\'s permissions (chmod a+r)' }] };
  }
}

/** The index row of a parse result. */
export function toRow(file: FoundFile, result: FileResult): IndexRow {
  const r = result.release;
  return { file, id: r?.id ?? null, lang: r?.lang ?? null, tkey: r?.translationKey ?? null, json: serialize(result), folded: r ? foldedColumns(r) : null };
}
