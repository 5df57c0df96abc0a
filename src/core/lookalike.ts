import type { FrontMatter } from './frontmatter.js';
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
// Words holding both a Cyrillic letter and an ASCII look-alike: the only words that can
// qualify, found by one regex pass instead of testing every word of a 3 KB body.
const CANDIDATE = /(?<![\p{L}\p{M}])(?=[\p{L}\p{M}]*\p{Script=Cyrillic})(?=[\p{L}\p{M}]*[acexopyjsikmhtbABCEHKMOPTXYJSI])[\p{L}\p{M}]+/gu;

/** The first word of a text that mixes a Latin look-alike letter into Cyrillic letters. */
export function findMixedWord(text: string): { word: string; letter: string; index: number } | null {
  if (!ANY_CYR.test(text) || !ANY_LAT.test(text)) return null;
  for (const m of text.matchAll(CANDIDATE)) {
    const word = m[0];
    if (!CYR.test(word) || !LAT.test(word)) continue;
    const letters = [...word];
    const cyrillic = letters.filter((ch) => CYR.test(ch)).length;
    const latin = letters.find((ch) => LAT.test(ch) && LOOKALIKES[ch]);
    // A mostly-Cyrillic word with a stray Latin letter is a typo; a mostly-Latin one is a name.
    if (latin && cyrillic >= letters.length / 2) return { word, letter: latin, index: m.index ?? 0 };
  }
  return null;
}

function warn(file: string, line: number, column: number, field: string, found: { word: string; letter: string }): Issue {
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

/** Warnings for Latin look-alike letters inside Cyrillic words, in fields and in the body. */
export function lookalikeIssues(file: string, fm: FrontMatter, fields: Record<string, string | string[] | null>): Issue[] {
  const out: Issue[] = [];
  for (const [field, value] of Object.entries(fields)) {
    const values = value === null ? [] : Array.isArray(value) ? value : [value];
    for (const v of values) {
      const found = findMixedWord(v);
      if (!found) continue;
      const path = field === 'location' ? ['event', 'location'] : [field];
      const at = fm.locate(path) ?? { line: 2, column: 1 };
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
