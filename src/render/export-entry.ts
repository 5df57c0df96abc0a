import type { MediaFile } from '../core/media/describe.js';
import type { ArchivedRelease } from '../core/types.js';
import { jsonArrayChunks, ndjsonChunks, toEntry } from './json.js';
import { renderMarkdown } from './markdown.js';

/** Gives the Markdown body of a release (by default its `body`). */
type BodyOf = (r: ArchivedRelease) => string;
const ownBody: BodyOf = (r) => r.body;

/** Gives the files of a release whose body is `body`. */
type MediaFilesOf = (r: ArchivedRelease, body: string) => MediaFile[];

/** A file of a release as JSON lists it: archive path, MIME type, size, SHA-256, pixel size of images. */
export function mediaEntry(f: MediaFile): Record<string, unknown> {
  return {
    path: f.path,
    type: f.type,
    bytes: f.bytes,
    sha256: f.sha256,
    ...(f.width && f.height ? { width: f.width, height: f.height } : {}),
  };
}

/**
 * The `export` entry of a release: the SPEC entry plus `body` (Markdown), `html` (sanitised;
 * links as written) and, given `files`, `media` (the files it refers to that exist in the archive).
 */
export function exportEntry(r: ArchivedRelease, body = r.body, files?: MediaFile[]): Record<string, unknown> {
  return { ...toEntry(r), body, html: renderMarkdown(body), ...(files ? { media: files.map(mediaEntry) } : {}) };
}

function entryWithMedia(r: ArchivedRelease, bodyOf: BodyOf, mediaOf?: MediaFilesOf): Record<string, unknown> {
  const body = bodyOf(r);
  return exportEntry(r, body, mediaOf?.(r, body));
}

/** The chunks of a JSON export (`jsonArrayChunks`); `bodyOf` reads each body once (see `bodyReader` in src/core/export/bodies.ts), `mediaOf` gives its files. */
export function exportJsonChunks(releases: Iterable<ArchivedRelease>, bodyOf: BodyOf = ownBody, mediaOf?: MediaFilesOf): Iterable<string> {
  return jsonArrayChunks(releases, (r) => entryWithMedia(r, bodyOf, mediaOf));
}

/** The chunks of an NDJSON export: one entry per line. */
export function exportNdjsonChunks(
  releases: Iterable<ArchivedRelease>,
  bodyOf: BodyOf = ownBody,
  mediaOf?: MediaFilesOf,
): Iterable<string> {
  return ndjsonChunks(releases, (r) => entryWithMedia(r, bodyOf, mediaOf));
}
