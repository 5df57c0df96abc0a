import { readFileSync } from 'node:fs';
import { fold } from '../fold.js';
import type { ArchivedRelease, ArchiveSettings, FileResult, Release, TranslationRef } from '../types.js';

/** The searchable fields of a release, in index column order; earlier ones weigh more. */
export const COLUMNS = ['title', 'partners', 'people', 'tags', 'location', 'summary', 'body'] as const;

/** How much a match in each column counts (BM25 column weights, same order as COLUMNS). */
export const WEIGHTS = [10, 6, 4, 4, 3, 2, 1];

/** A release's searchable text, one string per column, as written. */
export function columnTexts(r: Release): string[] {
  return [r.title, r.partners.join(' ; '), r.people.join(' ; '), r.tags.join(' ; '), r.event?.location ?? '', r.summary ?? '', r.body];
}

/**
 * The index columns of a release: its text folded (lower case, Cyrillic written in Latin
 * with the Macedonian table, Latin diacritics removed), so `соработка` and `sorabotka`
 * are one token and `ѓ` (gj) stays apart from `г` (g).
 */
export function foldedColumns(r: Release): string[] {
  return columnTexts(r).map(foldWords);
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const folded = new Map<string, string>();

/**
 * `fold` applied word by word through a memo: the same as folding the whole text for the
 * tokenizer (fold works letter by letter), but each distinct word is folded once, which
 * makes building the index several times faster.
 */
export function foldWords(text: string): string {
  return text.replace(WORD, (w) => {
    let f = folded.get(w);
    if (f === undefined) {
      f = fold(w);
      if (folded.size > 200_000) folded.clear();
      folded.set(w, f);
    }
    return f;
  });
}

/**
 * A parse result as stored in the index: without the release's body, which stays in its
 * file. Listing 100k releases then reads ~1 KB a file instead of ~5 KB, and the index
 * does not hold every text twice (the folded text is in the FTS table).
 */
export function serialize(result: FileResult): string {
  if (!result.release) return JSON.stringify(result);
  const { body: _body, ...head } = result.release;
  return JSON.stringify({ ...result, release: head });
}

/** A parse result read back from the index; the release's `body` is '' until `readBody` fills it. */
export function deserialize(text: string): FileResult {
  const result = JSON.parse(text) as FileResult;
  if (result.release) result.release.body = '';
  return result;
}

/**
 * The body of a release read from its file: the lines from `bodyLine` on, after the
 * byte-order mark and CRLF line ends are removed, exactly as the parser cut it. The index
 * stored the release from this same file (same size and mtime); a file that is gone gives ''.
 */
export function readBody(absolute: string, bodyLine: number): string {
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch {
    return '';
  }
  text = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  let at = 0;
  for (let line = 1; line < bodyLine; line++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return '';
    at = nl + 1;
  }
  return text.slice(at);
}

/** The period of a release: its event, or its publication date. */
export function periodOf(r: Release): { start: string; end: string } {
  return r.event ? { start: r.event.start, end: r.event.end } : { start: r.date, end: r.date };
}

/** A release placed in its archive (default language, period, translations), as `linkArchive` does. */
export function archived(r: Release, settings: ArchiveSettings, translations: TranslationRef[]): ArchivedRelease {
  return { ...r, lang: r.lang ?? settings.lang, period: periodOf(r), translations };
}
