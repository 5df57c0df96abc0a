import type { ArchivedRelease } from '../core/types.js';
import { toEntry } from './json.js';
import { renderMarkdown } from './markdown.js';

/** Gives the Markdown body of a release (by default its `body`). */
type BodyOf = (r: ArchivedRelease) => string;
const ownBody: BodyOf = (r) => r.body;

/** The `export` entry of a release: the SPEC entry plus `body` (Markdown) and `html` (sanitised). */
export function exportEntry(r: ArchivedRelease, body = r.body): Record<string, unknown> {
  return { ...toEntry(r), body, html: renderMarkdown(body) };
}

/**
 * The lines of a JSON export, one entry at a time, byte-identical to
 * `JSON.stringify(entries, null, 2)` plus a newline, without holding the whole text.
 * `bodyOf` reads each body once (see `bodyReader` in src/core/export/bodies.ts).
 */
export function* jsonChunks(releases: Iterable<ArchivedRelease>, bodyOf: BodyOf = ownBody): Generator<string> {
  let first = true;
  for (const r of releases) {
    const text = JSON.stringify(exportEntry(r, bodyOf(r)), null, 2).replace(/\n/g, '\n  ');
    yield `${first ? '[\n  ' : ',\n  '}${text}`;
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}

/** The lines of an NDJSON export: one entry per line. */
export function* ndjsonChunks(releases: Iterable<ArchivedRelease>, bodyOf: BodyOf = ownBody): Generator<string> {
  for (const r of releases) yield `${JSON.stringify(exportEntry(r, bodyOf(r)))}\n`;
}
