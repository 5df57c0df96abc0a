import { cut, plainText, type Snippet } from './snippet.js';
import type { Release } from '../types.js';
import { type Found, type Highlighter, scan } from './word-scan.js';

// As snippet.ts: the window, how much of a body is looked at, and how many matches.
const WIDTH = 180;
const SCAN_LIMIT = 200_000;
const MAX_MATCHES = 2_000;

/** A whole short text (a title) with the places the query matched: `markMatches` of snippet.ts. */
export function markScanned(text: string, h: Highlighter): Snippet {
  return { text, matches: scan(text, h, Number.POSITIVE_INFINITY).map(({ start, end }) => ({ start, end })) };
}

/** The passage of a release that best shows why it matched: `makeSnippet` of snippet.ts, the same text and matches. */
export function scannedSnippet(r: Release, h: Highlighter): Snippet {
  const plain = plainText(r.body.slice(0, SCAN_LIMIT));
  for (const text of [plain, r.summary ?? ''].filter(Boolean)) {
    const found = scan(text, h, MAX_MATCHES);
    if (found.length) return around(text, found);
  }
  const first = cut(r.summary ?? (plain || r.title), 0, WIDTH);
  return { text: first.text, matches: [] };
}

/** The window of `text` holding the most different matched words (the first such), with the matches inside it. */
function around(text: string, found: Found[]): Snippet {
  let best = { at: 0, distinct: 0 };
  for (let i = 0; i < found.length; i++) {
    const keys = new Set<string>();
    for (let j = i; j < found.length && found[j].start < found[i].start + WIDTH; j++) {
      if (found[j].end <= found[i].start + WIDTH) keys.add(found[j].key);
    }
    if (keys.size > best.distinct) best = { at: i, distinct: keys.size };
  }
  const from = found[best.at].start - 40;
  const window = cut(text, from, from + WIDTH);
  const end = window.text.length;
  const matches: Snippet['matches'] = [];
  for (const f of found) {
    const start = f.start + window.shift;
    const stop = f.end + window.shift;
    if (start >= 0 && stop <= end && window.text.slice(start, stop) === text.slice(f.start, f.end)) matches.push({ start, end: stop });
  }
  return { text: window.text, matches };
}
