import type { MediaFile } from '../core/media/describe.js';
import type { ArchivedRelease } from '../core/types.js';
import { toEntry } from './json.js';
import { renderMarkdown } from './markdown.js';

/** Gives the Markdown body of a release (by default its `body`). */
type BodyOf = (r: ArchivedRelease) => string;
const ownBody: BodyOf = (r) => r.body;

/** Gives the files of a release whose body is `body`. */
type MediaFilesOf = (r: ArchivedRelease, body: string) => MediaFile[];

/** A file of a release as JSON lists it: archive path, MIME type, size, SHA-256, pixel size of images. */
export function mediaEntry(f: MediaFile): Record<string, unknown> {
  return { path: f.path, type: f.type, bytes: f.bytes, sha256: f.sha256, ...(f.width && f.height ? { width: f.width, height: f.height } : {}) };
}

/**
 * The `export` entry of a release: the SPEC entry plus `body` (Markdown), `html` (sanitised;
 * links as written) and, given `files`, `media` (the files it refers to that exist in the archive).
 */
export function exportEntry(r: ArchivedRelease, body = r.body, files?: MediaFile[]): Record<string, unknown> {
  return { ...toEntry(r), body, html: renderMarkdown(body), ...(files ? { media: files.map(mediaEntry) } : {}) };
}

/**
 * The lines of a JSON export, one entry at a time, byte-identical to
 * `JSON.stringify(entries, null, 2)` plus a newline, without holding the whole text.
 * `bodyOf` reads each body once (see `bodyReader` in src/core/export/bodies.ts).
 */
export function* jsonChunks(releases: Iterable<ArchivedRelease>, bodyOf: BodyOf = ownBody, mediaOf?: MediaFilesOf): Generator<string> {
  let first = true;
  for (const r of releases) {
    const body = bodyOf(r);
    const text = JSON.stringify(exportEntry(r, body, mediaOf?.(r, body)), null, 2).replace(/\n/g, '\n  ');
    yield `${first ? '[\n  ' : ',\n  '}${text}`;
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}

/** The lines of an NDJSON export: one entry per line. */
export function* ndjsonChunks(releases: Iterable<ArchivedRelease>, bodyOf: BodyOf = ownBody, mediaOf?: MediaFilesOf): Generator<string> {
  for (const r of releases) {
    const body = bodyOf(r);
    yield `${JSON.stringify(exportEntry(r, body, mediaOf?.(r, body)))}\n`;
  }
}
