import type { FrontMatter } from './frontmatter.js';
import type { Place } from './front-matter-common.js';
import type { Issue } from './types.js';

/** Latin letters that look like Cyrillic ones, with the Cyrillic letter meant. */
const LOOKALIKES: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  j: 'ј',
  s: 'ѕ',
  i: 'і',
  k: 'к',
  m: 'м',
  h: 'н',
  t: 'т',
  b: 'в',
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
  J: 'Ј',
  S: 'Ѕ',
  I: 'І',
};
const CYR = /\p{Script=Cyrillic}/u;
const ANY_CYR = /[\u0400-\u04ff]/;
const ANY_LAT = /[a-zA-Z]/;
const LAT = /\p{Script=Latin}/u;
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;

// What a code point is to the search for mixed words: 0 not known yet, else KNOWN plus the
// bits that hold. A table over the 16-bit code units, filled by the regexes on first sight,
// so a body's words are found by one pass over its characters: the regex that matched
// candidate words with two look-aheads at each word took ~0.27 s for 10k bodies.
const KNOWN = 1;
const LETTER = 2;
const CYRILLIC = 4;
const LOOKALIKE = 8;
const classes = new Uint8Array(0x10000);

function classOf(ch: string): number {
  return KNOWN | (LETTER_OR_MARK.test(ch) ? LETTER : 0) | (CYR.test(ch) ? CYRILLIC : 0) | (Object.hasOwn(LOOKALIKES, ch) ? LOOKALIKE : 0);
}

/** A word that mixes a Latin look-alike `letter` into Cyrillic letters, at `index` of its text. */
export interface MixedWord {
  word: string;
  letter: string;
  index: number;
}

/**
 * The first word of a text that mixes a Latin look-alike letter into Cyrillic letters. A word
 * is a longest run of letters and marks (`[\p{L}\p{M}]+`, a pair of surrogates counting as
 * the one code point it makes); only a word holding both a Cyrillic letter and a look-alike
 * is looked at closely.
 */
export function findMixedWord(text: string): MixedWord | null {
  if (!ANY_CYR.test(text) || !ANY_LAT.test(text)) return null;
  const n = text.length;
  let start = -1;
  let seen = 0;
  for (let i = 0; i <= n; ) {
    let k = 0;
    let width = 1;
    if (i < n) {
      const c = text.charCodeAt(i);
      const next = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        k = classOf(text.slice(i, i + 2));
        width = 2;
      } else {
        k = classes[c] || (classes[c] = classOf(text[i]));
      }
    }
    if (k & LETTER) {
      if (start < 0) (start = i), (seen = 0);
      seen |= k;
    } else if (start >= 0) {
      const found = seen & CYRILLIC && seen & LOOKALIKE ? mixed(text.slice(start, i), start) : null;
      if (found) return found;
      start = -1;
    }
    i += width;
  }
  return null;
}

/** The word, when it is mostly Cyrillic with a Latin look-alike in it. */
function mixed(word: string, index: number): MixedWord | null {
  const letters = [...word];
  const cyrillic = letters.filter((ch) => CYR.test(ch)).length;
  const latin = letters.find((ch) => LAT.test(ch) && LOOKALIKES[ch]);
  // A mostly-Cyrillic word with a stray Latin letter is a typo; a mostly-Latin one is a name.
  return latin && cyrillic >= letters.length / 2 ? { word, letter: latin, index } : null;
}

function warn(file: string, line: number, column: number, field: string, found: MixedWord): Issue {
  return {
    file,
    line,
    column,
    field,
    severity: 'warning',
    code: 'latin-lookalike',
    message: `"${found.word}" in ${field} mixes the Latin letter "${found.letter}" into a Cyrillic word: search will not find it`,
    hint: `retype the letter as the Cyrillic "${LOOKALIKES[found.letter]}"`,
  };
}

/**
 * Warnings for Latin look-alike letters inside Cyrillic words, in fields and in the body.
 * `text` (the whole file) lets a field's warning point at the Latin letter itself.
 */
export function lookalikeIssues(file: string, fm: FrontMatter, fields: Record<string, string | string[] | null>, text?: string): Issue[] {
  const out: Issue[] = [];
  for (const [field, value] of Object.entries(fields)) {
    const values = value === null ? [] : Array.isArray(value) ? value : [value];
    for (const v of values) {
      const found = findMixedWord(v);
      if (!found) continue;
      const at = placeInField(fm, field === 'location' ? ['event', 'location'] : [field], found, text);
      out.push(warn(file, at.line, at.column, field, found));
      break;
    }
  }
  const lines = fm.body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const found = findMixedWord(lines[i]);
    if (found) {
      // The column of the Latin letter itself, so a code frame's caret lands under it.
      out.push(warn(file, fm.bodyLine + i, found.index + found.word.indexOf(found.letter) + 1, 'body', found));
    }
  }
  return out;
}

/**
 * Where a field's mixed word is written: in a list, the item that holds it; on that line,
 * the Latin letter itself when the line shows the word. Otherwise where the field starts.
 */
function placeInField(fm: FrontMatter, path: string[], found: MixedWord, text: string | undefined): Place {
  let raw: unknown = fm.data;
  for (const key of path) raw = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : undefined;
  const item = Array.isArray(raw) ? raw.findIndex((x) => typeof x === 'string' && x.includes(found.word)) : -1;
  const at = (item >= 0 ? fm.locate([...path, item]) : undefined) ?? fm.locate(path) ?? { line: 2, column: 1 };
  const line = text === undefined ? undefined : lineOf(text, at.line);
  const column = line?.indexOf(found.word, at.column - 1) ?? -1;
  return column < 0 ? at : { line: at.line, column: column + found.word.indexOf(found.letter) + 1 };
}

/** Line `n` (1-based) of a text, without its line break. */
function lineOf(text: string, n: number): string | undefined {
  let start = 0;
  for (let i = 1; i < n; i++) {
    start = text.indexOf('\n', start) + 1;
    if (start === 0) return undefined;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? undefined : end).replace(/\r$/, '');
}
