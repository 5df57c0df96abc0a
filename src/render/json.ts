import type { ArchivedRelease } from '../core/types.js';

/** Names the JSON entry uses itself; an unknown front-matter field by one of these names is not copied over it. */
export const RESERVED_KEYS = ['id', 'path', 'title', 'date', 'event', 'partners', 'people', 'tags', 'lang', 'summary', 'translation_key', 'translations', 'body', 'html', 'score', 'snippet'];

/** The JSON entry of a release, as the SPEC defines it, keys always in the same order. */
export function toEntry(r: ArchivedRelease): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    id: r.id,
    path: r.path,
    title: r.title,
    date: r.date,
    event: r.event ? { start: r.event.start, end: r.event.end, location: r.event.location } : null,
    partners: r.partners,
    people: r.people,
    tags: r.tags,
    lang: r.lang,
    summary: r.summary,
    translation_key: r.translationKey,
    translations: r.translations,
  };
  for (const [key, value] of Object.entries(r.extra)) {
    if (!RESERVED_KEYS.includes(key)) Object.defineProperty(entry, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return entry;
}

/** A JSON array of entries, two-space indented, ending with a newline. */
export function jsonArray(entries: unknown[]): string {
  return `${JSON.stringify(entries, null, 2)}\n`;
}

/** One JSON entry per line. */
export function ndjsonLine(entry: unknown): string {
  return `${JSON.stringify(entry)}\n`;
}
