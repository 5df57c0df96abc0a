import type { ArchivedRelease } from '../core/types.js';

/** Names the JSON entry uses itself; an unknown front-matter field by one of these names is not copied over it. */
export const RESERVED_KEYS = ['id', 'path', 'title', 'date', 'event', 'partners', 'people', 'tags', 'lang', 'summary', 'translation_key', 'translations', 'body', 'html', 'media', 'score', 'snippet'];

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
 * The entries as a JSON array, byte for byte what `JSON.stringify(entries, null, 2)` gives
 * plus a newline, in chunks of about 64 KB: the whole text of 100k entries at once took
 * ~250 MB more memory.
 */
export function* jsonArrayChunks(releases: ArchivedRelease[]): Generator<string> {
  if (!releases.length) {
    yield '[]\n';
    return;
  }
  let chunk = '[\n';
  for (let i = 0; i < releases.length; i++) {
    chunk += `  ${JSON.stringify(toEntry(releases[i]), null, 2).replace(/\n/g, '\n  ')}${i < releases.length - 1 ? ',' : ''}\n`;
    if (chunk.length > 65536) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}]\n`;
}

/** One JSON entry per line, in chunks of about 64 KB. */
export function* ndjsonChunks(releases: ArchivedRelease[]): Generator<string> {
  let chunk = '';
  for (const r of releases) {
    chunk += `${JSON.stringify(toEntry(r))}\n`;
    if (chunk.length > 65536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
