import { readFileSync } from 'node:fs';
import { idFromPath } from '../release-id.js';
import { periodOf } from '../validate.js';
import { foldWords } from './fold-words.js';
import type { ArchivedRelease, ArchiveSettings, FileResult, Issue, Release, TranslationRef } from '../types.js';

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

/** A parse result as stored in the index: the release (null when unreadable) and the issues (null when none). */
export interface StoredResult {
  release: string | null;
  issues: string | null;
}

const defaultId = idFromPath;

/**
 * A parse result as stored in the index: the release as a positional JSON array, without
 * its path (the files table has it), its id when that is the file name, or its body, which
 * stays in the file. Listing 100k releases then reads ~0.5 KB a file instead of ~5 KB,
 * and the index does not hold every text twice (the folded text is in the FTS table).
 */
export function serialize(result: FileResult): StoredResult {
  const r = result.release;
  return {
    release: r
      ? JSON.stringify([
          r.id === defaultId(r.path) ? 0 : r.id,
          r.title,
          r.date,
          r.event && [r.event.start, r.event.end, r.event.location],
          r.partners,
          r.people,
          r.tags,
          r.lang,
          r.summary,
          r.translationKey,
          r.bodyLine,
          Object.keys(r.extra).length ? r.extra : 0,
          r.dateFromFileName ? 1 : 0,
        ])
      : null,
    issues: result.issues.length ? JSON.stringify(result.issues) : null,
  };
}

/**
 * A release read back from the index, with its `body` empty until `readBody` fills it, or
 * made by `make` (same arguments in the same order) when given.
 */
export function readRelease<R extends Release = Release>(path: string, json: string, make?: (...fields: ReleaseFields) => R): R {
  const [id, title, date, e, partners, people, tags, lang, summary, translationKey, bodyLine, extra, fromName] = JSON.parse(json);
  return (make ?? (plainRelease as (...fields: ReleaseFields) => R))(
    id === 0 ? defaultId(path) : id,
    path,
    title,
    date,
    e ? { start: e[0], end: e[1], location: e[2] } : null,
    partners,
    people,
    tags,
    lang,
    summary,
    translationKey,
    bodyLine,
    extra === 0 ? {} : extra,
    fromName === 1,
  );
}

/** A release of its stored fields with its `body` empty: what `readRelease` makes when no `make` is given. */
export function plainRelease(...f: ReleaseFields): Release {
  const [id, path, title, date, event, partners, people, tags, lang, summary, translationKey, bodyLine, extra, dateFromFileName] = f;
  return {
    id,
    path,
    title,
    date,
    event,
    partners,
    people,
    tags,
    lang,
    summary,
    translationKey,
    body: '',
    bodyLine,
    extra,
    dateFromFileName,
  };
}

/** The fields of a release in stored order: id, path, title, date, event, partners, people, tags, lang, summary, translation key, body line, extra, date from file name. */
export type ReleaseFields = [
  string,
  string,
  string,
  string,
  Release['event'],
  string[],
  string[],
  string[],
  string | null,
  string | null,
  string | null,
  number,
  Record<string, unknown>,
  boolean,
];

/** A parse result read back from the index (see `readRelease`). */
export function deserialize(
  path: string,
  release: string | null,
  issues: string | null,
  make?: (...fields: ReleaseFields) => Release,
): FileResult {
  return {
    path,
    release: release === null ? null : readRelease(path, release, make),
    issues: issues === null ? [] : (JSON.parse(issues) as Issue[]),
  };
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

/** A release placed in its archive (default language, period, translations), as `linkArchive` does. */
export function archived(r: Release, settings: ArchiveSettings, translations: TranslationRef[]): ArchivedRelease {
  return { ...r, lang: r.lang ?? settings.lang, period: periodOf(r), translations };
}
