import type { ArchivedRelease } from '../core/types.js';

/** Names the JSON entry uses itself; an unknown front-matter field by one of these names is not copied over it. */
export const RESERVED_KEYS = [
  'id',
  'path',
  'title',
  'date',
  'event',
  'partners',
  'people',
  'tags',
  'lang',
  'summary',
  'translation_key',
  'translations',
  'body',
  'html',
  'media',
  'score',
  'snippet',
];

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

/**
 * Entries as a JSON array, byte for byte what `JSON.stringify(entries, null, 2)` gives plus
 * a newline, in chunks of about 64 KB (write them with `pipeChunks`): the whole text of 100k
 * entries at once took ~250 MB more memory. `entryOf` makes each entry as it is reached.
 */
export function* jsonArrayChunks<T>(items: Iterable<T>, entryOf: (item: T) => unknown): Generator<string> {
  let chunk = '';
  let first = true;
  for (const item of items) {
    chunk += `${first ? '[\n  ' : ',\n  '}${JSON.stringify(entryOf(item), null, 2).replace(/\n/g, '\n  ')}`;
    first = false;
    if (chunk.length > 65536) {
      yield chunk;
      chunk = '';
    }
  }
  yield first ? '[]\n' : `${chunk}\n]\n`;
}

/** One JSON entry per line, in chunks of about 64 KB (write them with `pipeChunks`). */
export function* ndjsonChunks<T>(items: Iterable<T>, entryOf: (item: T) => unknown): Generator<string> {
  let chunk = '';
  for (const item of items) {
    chunk += `${JSON.stringify(entryOf(item))}\n`;
    if (chunk.length > 65536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
