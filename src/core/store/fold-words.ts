// The word-by-word folding of the index columns, apart from documents.ts (which stores and reads
// parse results) so each stays under 200 lines.

import { fold } from '../fold.js';

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const folded = new Map<string, string>();

/**
 * `fold` applied word by word through a memo: the same as folding the whole text for the
 * tokenizer (fold works letter by letter), but each distinct word is folded once, which
 * makes building the index several times faster.
 */
export function foldWordsByWord(text: string): string {
  return text.replace(WORD, (w) => {
    let f = folded.get(w);
    if (f === undefined) {
      f = fold(w);
      if (folded.size > 200_000) folded.clear();
      folded.set(w, f);
    }
    return f;
  });
}

// Where folding a word is not the folding of its letters one by one: combining marks (NFC
// joins them to the letter before), Hangul jamo (NFC joins them into syllables), surrogate
// pairs, and Σ (lower case depends on the word's end).
const JOINING = /[\p{M}\u1100-\u11ff\ud800-\udfff\u{10000}-\u{10ffff}\u03a3]/u;
const WORD_UNIT = /^[\p{L}\p{N}\p{M}]$/u;
// The fold of each UTF-16 unit, as `foldWordsByWord` gives it (non-word units unchanged); made on first use.
const unitFold: (string | undefined)[] = [];

function foldUnit(c: number): string {
  let f = unitFold[c];
  if (f === undefined) {
    const ch = String.fromCharCode(c);
    unitFold[c] = f = WORD_UNIT.test(ch) ? fold(ch) : ch;
  }
  return f;
}

/**
 * The text of an index column: `foldWordsByWord`'s result, made letter by letter from a
 * table (no regex callback per word) unless the text holds letters that fold together.
 */
export function foldWords(text: string): string {
  if (JOINING.test(text)) return foldWordsByWord(text);
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c < 65 || c > 90) continue; // ASCII other than A-Z folds to itself
      out += text.slice(from, i) + String.fromCharCode(c + 32);
      from = i + 1;
      continue;
    }
    const f = foldUnit(c);
    if (f.length === 1 && f.charCodeAt(0) === c) continue;
    out += text.slice(from, i) + f;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
