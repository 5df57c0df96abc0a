import { fold } from '../fold.js';
import { tokens } from './query.js';

/**
 * What a query lights up: the test of folded tokens (see `highlighter` in plan.ts) and the strings
 * every token it accepts starts with, so that most words are passed over without folding.
 */
export interface Highlighter {
  test: (token: string) => boolean;
  starts: string[];
}

// What each UTF-16 unit is: 0 not yet known, 1 not a word character, 2 a letter that folds
// on its own into letters (`UNIT_FOLD` holds them), 3 any other word character (a mark, Σ,
// a Hangul jamo, or one whose fold is empty or holds a non-letter), 4 half of a surrogate
// pair (the code point decides).
const KIND = new Uint8Array(0x10000);
const UNIT_FOLD: string[] = [];
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
// As documents.ts's JOINING: units whose fold depends on the units around them.
const JOINING = /[\p{M}\u1100-\u11ff\u03a3]/u;

/** True when every unit of a fold is a letter or digit (no mark, jamo or Σ): it is one token on its own. */
function lettersOnly(f: string): boolean {
  for (const ch of f) if (!WORD_CHAR.test(ch) || JOINING.test(ch)) return false;
  return true;
}

function kindOf(unit: number): number {
  let k = KIND[unit];
  if (k !== 0) return k;
  if (unit < 0x80) {
    const lower = unit | 0x20;
    k = (lower >= 97 && lower <= 122) || (unit >= 48 && unit <= 57) ? 2 : 1;
    if (k === 2) UNIT_FOLD[unit] = String.fromCharCode(unit >= 65 && unit <= 90 ? lower : unit);
  } else if (unit >= 0xd800 && unit <= 0xdfff) {
    k = 4;
  } else {
    const ch = String.fromCharCode(unit);
    if (!WORD_CHAR.test(ch)) k = 1;
    else if (JOINING.test(ch)) k = 3;
    else {
      const f = fold(ch);
      k = f.length > 0 && lettersOnly(f) ? 2 : 3;
      if (k === 2) UNIT_FOLD[unit] = f;
    }
  }
  KIND[unit] = k;
  return k;
}

// The kind (1 or 3) and length of the character at a surrogate unit, as snippet.ts reads code points.
let wide = 1;
function pairKind(text: string, at: number): number {
  const cp = text.codePointAt(at)!;
  wide = cp > 0xffff ? 2 : 1;
  return cp > 0xffff && WORD_CHAR.test(String.fromCodePoint(cp)) ? 3 : 1;
}

/** The kind of the character at `at` (1, 2 or 3); its length is left in `wide`. */
function kindAt(text: string, at: number): number {
  wide = 1;
  const k = kindOf(text.charCodeAt(at));
  return k === 4 ? pairKind(text, at) : k;
}

/** Where the word holding the word character at `at` starts. */
function wordStart(text: string, at: number): number {
  let s = at;
  while (s > 0) {
    const unit = text.charCodeAt(s - 1);
    const pair = unit >= 0xdc00 && unit <= 0xdfff && s > 1 && text.charCodeAt(s - 2) >= 0xd800 && text.charCodeAt(s - 2) <= 0xdbff;
    const back = pair ? 2 : 1;
    if (kindAt(text, s - back) === 1) break;
    s -= back;
  }
  return s;
}

/**
 * Letters of the Latin and Cyrillic blocks most releases are written in, as a character
 * class (all word characters): a candidate word starts with one that folds to a query
 * string's first letter.
 */
export const LETTERS = '0-9A-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u017f\\u0400-\\u045f';
/** Characters that are surely not word characters (ASCII and Latin-1 punctuation, General Punctuation). */
export const NOT_WORD =
  '\\u0000-\\u002f\\u003a-\\u0040\\u005b-\\u0060\\u007b-\\u00a9\\u00ab-\\u00b1\\u00b4\\u00b6-\\u00b8\\u00bb\\u00bf\\u00d7\\u00f7\\u2000-\\u206f';
const LETTER_RANGES: [number, number][] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x61, 0x7a],
  [0xc0, 0xd6],
  [0xd8, 0xf6],
  [0xf8, 0x17f],
  [0x400, 0x45f],
];
const hex = (u: number) => `\\u${u.toString(16).padStart(4, '0')}`;

/**
 * Fills in the kinds of LETTERS with one `fold` of them all, space-separated (the same as
 * folding each: they are letters without marks), instead of ~350 calls.
 */
function knowLetters(): void {
  if (KIND[0x400] !== 0) return;
  const units = LETTER_RANGES.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i)).filter((u) => u >= 0x80);
  const folds = fold(units.map((u) => String.fromCharCode(u)).join(' ')).split(' ');
  if (folds.length !== units.length) return; // kindOf folds them one by one
  units.forEach((u, i) => {
    KIND[u] = folds[i].length > 0 && lettersOnly(folds[i]) ? 2 : 3;
    if (KIND[u] === 2) UNIT_FOLD[u] = folds[i];
  });
}

/**
 * Where a word the highlighter may match can be: a letter of LETTERS at the start of a word
 * that folds to a query string's first letter, one of LETTERS that does not fold on its own,
 * or any character outside LETTERS and NOT_WORD (a mark, another script, a surrogate).
 * Every other word is made of LETTERS and starts with a letter no query string starts with.
 */
function candidates(h: Highlighter): RegExp {
  knowLetters();
  const firsts = new Set(h.starts.map((s) => s[0]));
  const any = h.starts.some((s) => s.length === 0);
  let lead = '';
  let odd = '';
  for (const [from, to] of LETTER_RANGES) {
    for (let u = from; u <= to; u++) {
      const k = kindOf(u);
      if (k === 2 && (any || firsts.has(UNIT_FOLD[u][0]))) lead += hex(u);
      else if (k !== 2) odd += hex(u);
    }
  }
  const alts = [`[^${LETTERS}${NOT_WORD}]`];
  if (lead) alts.push(`(?<![${LETTERS}])[${lead}]`);
  if (odd) alts.push(`[${odd}]`);
  return new RegExp(alts.join('|'), 'g');
}

/** A match: where the word is, and the token of it that the query matched. */
export interface Found {
  start: number;
  end: number;
  key: string;
}

// Per test: the candidates' pattern, and the matched token of each word folded whole.
const patterns = new WeakMap<(token: string) => boolean, RegExp>();
const wordHits = new WeakMap<(token: string) => boolean, Map<string, string | null>>();

/**
 * The words of a text the highlighter matches, in order, at most `max`: what snippet.ts's
 * matchesIn gives. A regular expression leaps to the words that may match (see
 * `candidates`). A word of letters that each fold on their own folds to one token, the folds
 * of its letters joined (fold works letter by letter there, as `foldWords` relies on); other
 * words are folded whole, as matchesIn does.
 */
export function scan(text: string, h: Highlighter, max: number): Found[] {
  let hits = wordHits.get(h.test);
  if (!hits) wordHits.set(h.test, (hits = new Map()));
  let re = patterns.get(h.test);
  if (!re) patterns.set(h.test, (re = candidates(h)));
  const out: Found[] = [];
  const n = text.length;
  re.lastIndex = 0;
  for (let m = re.exec(text); m && out.length < max; m = re.exec(text)) {
    if (kindAt(text, m.index) === 1) continue;
    const start = wordStart(text, m.index);
    let i = start;
    let k = kindAt(text, i);
    let simple = k === 2;
    for (;;) {
      i += wide;
      if (i >= n) break;
      k = kindAt(text, i);
      if (k === 1) break;
      if (k === 3) simple = false;
    }
    re.lastIndex = i;
    if (simple) {
      let token = '';
      for (let j = start; j < i; j++) token += UNIT_FOLD[text.charCodeAt(j)];
      if (h.test(token)) out.push({ start, end: i, key: token });
      continue;
    }
    const word = text.slice(start, i);
    let hit = hits.get(word);
    if (hit === undefined) {
      if (hits.size > 50_000) hits.clear();
      hits.set(word, (hit = tokens(word).find(h.test) ?? null));
    }
    if (hit) out.push({ start, end: i, key: hit });
  }
  return out;
}
