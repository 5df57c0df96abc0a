import type { Snippet } from '../core/search/snippet.js';
import { markScanned, scannedSnippet } from '../core/search/snippet-scan.js';
import type { Highlighter } from '../core/search/word-scan.js';
import type { SearchHit } from '../core/search/plan.js';
import type { RenderTarget } from './formats.js';
import { jsonArrayChunks, ndjsonChunks, toEntry } from './json.js';
import type { Styler } from './style.js';
import { formatPeriod } from './table.js';
import { truncate } from './width.js';

/** A hit ready to print: the release, its score and its snippet. */
export interface RenderedHit extends SearchHit {
  snippet: Snippet;
  /** The title with its matched words, for the table. */
  title: Snippet;
}

/** Makes the snippets of hits with the query's highlighter. */
export function withSnippets(hits: SearchHit[], h: Highlighter): RenderedHit[] {
  return hits.map((hit) => ({ ...hit, snippet: scannedSnippet(hit.release, h), title: markScanned(hit.release.title, h) }));
}

/** The snippet with its matches styled (plain text when colour is off). */
export function highlight(snippet: Snippet, s: Styler): string {
  let out = '';
  let at = 0;
  for (const m of snippet.matches) {
    out += snippet.text.slice(at, m.start) + s.match(snippet.text.slice(m.start, m.end));
    at = m.end;
  }
  return out + snippet.text.slice(at);
}

/** Cuts a snippet to a width, keeping only the matches that remain inside. */
function fit(snippet: Snippet, width: number | undefined): Snippet {
  if (!width || snippet.text.length <= width) return snippet;
  const text = truncate(snippet.text, width);
  const keep = text.length - 1;
  return { text, matches: snippet.matches.filter((m) => m.end <= keep) };
}

/** The search result as a terminal reads it: period and title, partners, then the snippet. */
export function searchText(hits: RenderedHit[], t: RenderTarget): string {
  const indent = '    ';
  const room = t.width ? Math.max(20, t.width - indent.length) : undefined;
  const blocks = hits.map((h) => {
    const r = h.release;
    const head = `${formatPeriod(r.period)}  ${r.lang}  `;
    const lines = [t.s.dim(head) + t.s.bold(highlight(fit(h.title, t.width ? Math.max(12, t.width - head.length) : undefined), t.s))];
    if (r.partners.length) lines.push(indent + t.s.dim(room ? truncate(r.partners.join(', '), room) : r.partners.join(', ')));
    if (h.snippet.text) lines.push(indent + highlight(fit(h.snippet, room), t.s));
    lines.push(indent + t.s.path(t.prefix + r.path));
    return lines.join('\n');
  });
  return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}

/** The JSON entry of a hit: the SPEC's entry plus `score` and `snippet`. */
export function searchEntry(h: RenderedHit): Record<string, unknown> {
  return { ...toEntry(h.release), score: h.score, snippet: h.snippet };
}

/** Renderers of search results, by `--format` name: each gives its text in chunks, to write with `pipeChunks`. */
export const searchFormats = {
  table: (hits: RenderedHit[], t: RenderTarget): Iterable<string> => [searchText(hits, t)],
  // A query can match most of a 100k archive.
  json: (hits: RenderedHit[]): Iterable<string> => jsonArrayChunks(hits, searchEntry),
  ndjson: (hits: RenderedHit[]): Iterable<string> => ndjsonChunks(hits, searchEntry),
};
