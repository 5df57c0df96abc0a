import { tokens } from './query.js';
import type { Release } from '../types.js';
import type { Found } from './word-scan.js';

/** A short passage of a release with the places the query matched (UTF-16 offsets into `text`). */
export interface Snippet {
  text: string;
  matches: { start: number; end: number }[];
}

const WIDTH = 180;
/** How much of a body the snippet looks at, and how many of its matches. */
const SCAN_LIMIT = 200_000;
const MAX_MATCHES = 2_000;

/** Markdown reduced to the words a reader sees: no link targets, markup or line breaks. */
export function plainText(markdown: string): string {
  return (
    markdown
      .replace(/<[^>]*>/g, ' ')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
      .replace(/[*_`~]+/g, '')
      // Every whitespace run but a lone space: the same text as /\s+/g, without a replacement per word (10x faster).
      .replace(/\s{2,}|[^\S ]/g, ' ')
      .trim()
  );
}

const wordTokens = new Map<string, string[]>();

/** The index tokens of one word, remembered: bodies repeat their words, and folding is slow. */
function tokensOf(word: string): string[] {
  let t = wordTokens.get(word);
  if (!t) {
    if (wordTokens.size > 50_000) wordTokens.clear();
    wordTokens.set(word, (t = tokens(word)));
  }
  return t;
}

// Which UTF-16 units (BMP code points) are word characters (letters, digits and marks): 1 yes, 2 no, 0 not yet known.
const wordChar = new Uint8Array(0x10000);
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

/** True when the code point is a letter, digit or mark (looked up once per BMP code point). */
function isWordChar(cp: number): boolean {
  if (cp < 0x80) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  if (cp > 0xffff) return WORD_CHAR.test(String.fromCodePoint(cp));
  let k = wordChar[cp];
  if (k === 0) wordChar[cp] = k = WORD_CHAR.test(String.fromCharCode(cp)) ? 1 : 2;
  return k === 1;
}

// The matched token of each word, per highlight test: bodies repeat their words.
const wordHits = new WeakMap<(token: string) => boolean, Map<string, string | null>>();

/**
 * The words of a text the test matches, in order, with the token that matched: the words of
 * `text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)`, found by scanning code points, so that no match object is made per word.
 */
function matchesIn(text: string, test: (token: string) => boolean): Found[] {
  let hits = wordHits.get(test);
  if (!hits) wordHits.set(test, (hits = new Map()));
  const out: Found[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let cp = text.codePointAt(i)!;
    if (!isWordChar(cp)) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    do {
      i += cp > 0xffff ? 2 : 1;
      cp = i < n ? text.codePointAt(i)! : -1;
    } while (cp >= 0 && isWordChar(cp));
    const word = text.slice(start, i);
    let hit = hits.get(word);
    if (hit === undefined) {
      if (hits.size > 50_000) hits.clear();
      hits.set(word, (hit = tokensOf(word).find(test) ?? null));
    }
    if (hit) out.push({ start, end: i, key: hit });
  }
  return out;
}

/** `text` from `from` to `to`, widened to whole words (up to 20 characters), with `…` where it is cut; `shift` moves an offset into it. */
function cut(text: string, from: number, to: number): { text: string; shift: number } {
  let start = Math.max(0, from);
  let end = Math.min(text.length, to);
  if (start > 0) {
    const space = text.lastIndexOf(' ', start);
    start = space >= 0 && start - space < 20 ? space + 1 : start;
  }
  while (text[start] === ' ') start++;
  if (end < text.length) {
    const space = text.indexOf(' ', end);
    end = space >= 0 && space - end < 20 ? space : end;
  }
  const head = start > 0 ? '…' : '';
  return { text: head + text.slice(start, end).trimEnd() + (end < text.length ? '…' : ''), shift: head.length - start };
}

/** A whole short text (a title) with the places the query matched. */
export function markMatches(text: string, test: (token: string) => boolean): Snippet {
  return marked(text, matchesIn(text, test));
}

/** A text with the places of its matches (no keys). */
export function marked(text: string, found: Found[]): Snippet {
  return { text, matches: found.map(({ start, end }) => ({ start, end })) };
}

/**
 * The passage of a release that best shows why it matched: the window of the body (else
 * the summary) holding the most different matched words. When the match was in another
 * field (the title, shown anyway, or the partners), the start of the summary or body.
 */
export function makeSnippet(r: Release, test: (token: string) => boolean): Snippet {
  return snippetWith(r, (text, max) => matchesIn(text, test).slice(0, max));
}

/** `makeSnippet` with the matches of a text found by `find` (in text order, at most `max`). */
export function snippetWith(r: Release, find: (text: string, max: number) => Found[]): Snippet {
  // The snippet comes from the start of a long body: a 50 MB release must not cost seconds.
  const plain = plainText(r.body.slice(0, SCAN_LIMIT));
  for (const text of [plain, r.summary ?? ''].filter(Boolean)) {
    const found = find(text, MAX_MATCHES);
    if (found.length) return around(text, found);
  }
  return { text: cut(r.summary ?? (plain || r.title), 0, WIDTH).text, matches: [] };
}

/** The window of `text` holding the most different matched words (the first such), with the matches inside it. */
function around(text: string, found: Found[]): Snippet {
  let best = { at: 0, distinct: 0 };
  // Matches are in text order, so the ones inside each window follow it: no pass over all of them.
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
