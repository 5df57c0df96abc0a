import type { ArchivedRelease } from '../core/types.js';
import { toEntry } from './json.js';
import { renderMarkdown } from './markdown.js';

/** The `export` entry of a release: the SPEC entry plus `body` (Markdown) and `html` (sanitised). */
export function exportEntry(r: ArchivedRelease): Record<string, unknown> {
  return { ...toEntry(r), body: r.body, html: renderMarkdown(r.body) };
}

/**
 * The lines of a JSON export, one entry at a time, byte-identical to
 * `JSON.stringify(entries, null, 2)` plus a newline, without holding the whole text.
 */
export function* jsonChunks(releases: Iterable<ArchivedRelease>): Generator<string> {
  let first = true;
  for (const r of releases) {
    const text = JSON.stringify(exportEntry(r), null, 2).replace(/\n/g, '\n  ');
    yield `${first ? '[\n  ' : ',\n  '}${text}`;
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}

/** The lines of an NDJSON export: one entry per line. */
export function* ndjsonChunks(releases: Iterable<ArchivedRelease>): Generator<string> {
  for (const r of releases) yield `${JSON.stringify(exportEntry(r))}\n`;
}
