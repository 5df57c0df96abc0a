import type { ArchivedRelease } from '../core/types.js';
import { jsonArrayChunks, ndjsonChunks, toEntry } from './json.js';
import { renderMarkdown } from './markdown.js';

/** Gives the Markdown body of a release (by default its `body`). */
type BodyOf = (r: ArchivedRelease) => string;
const ownBody: BodyOf = (r) => r.body;

/** The `export` entry of a release: the SPEC entry plus `body` (Markdown) and `html` (sanitised). */
export function exportEntry(r: ArchivedRelease, body = r.body): Record<string, unknown> {
  return { ...toEntry(r), body, html: renderMarkdown(body) };
}

/** The chunks of a JSON export (`jsonArrayChunks`); `bodyOf` reads each body once (see `bodyReader` in src/core/export/bodies.ts). */
export function exportJsonChunks(releases: Iterable<ArchivedRelease>, bodyOf: BodyOf = ownBody): Iterable<string> {
  return jsonArrayChunks(releases, (r) => exportEntry(r, bodyOf(r)));
}

/** The chunks of an NDJSON export: one entry per line. */
export function exportNdjsonChunks(releases: Iterable<ArchivedRelease>, bodyOf: BodyOf = ownBody): Iterable<string> {
  return ndjsonChunks(releases, (r) => exportEntry(r, bodyOf(r)));
}
