import { marked, snippetWith, type Snippet } from './snippet.js';
import type { Release } from '../types.js';
import { type Highlighter, scan } from './word-scan.js';

/** A whole short text (a title) with the places the query matched: `markMatches` of snippet.ts. */
export function markScanned(text: string, h: Highlighter): Snippet {
  return marked(text, scan(text, h, Number.POSITIVE_INFINITY));
}

/** The passage of a release that best shows why it matched: `makeSnippet` of snippet.ts, the same text and matches. */
export function scannedSnippet(r: Release, h: Highlighter): Snippet {
  return snippetWith(r, (text, max) => scan(text, h, max));
}
