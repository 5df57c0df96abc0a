import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMixedWord } from '../../src/core/lookalike.js';

// The regex findMixedWord used before its one-pass scan: the scan must give what it gave.
const LOOKALIKES = 'acexopyjsikmhtbABCEHKMOPTXYJSI';
const CYR = /\p{Script=Cyrillic}/u;
const LAT = /\p{Script=Latin}/u;
const CANDIDATE = /(?<![\p{L}\p{M}])(?=[\p{L}\p{M}]*\p{Script=Cyrillic})(?=[\p{L}\p{M}]*[acexopyjsikmhtbABCEHKMOPTXYJSI])[\p{L}\p{M}]+/gu;

function byRegex(text: string): { word: string; letter: string; index: number } | null {
  if (!/[\u0400-\u04ff]/.test(text) || !/[a-zA-Z]/.test(text)) return null;
  for (const m of text.matchAll(CANDIDATE)) {
    const word = m[0];
    if (!CYR.test(word) || !LAT.test(word)) continue;
    const letters = [...word];
    const cyrillic = letters.filter((ch) => CYR.test(ch)).length;
    const latin = letters.find((ch) => LAT.test(ch) && LOOKALIKES.includes(ch));
    if (latin && cyrillic >= letters.length / 2) return { word, letter: latin, index: m.index ?? 0 };
  }
  return null;
}

// Letters of both scripts, look-alikes and not, marks of both, Cyrillic signs that are not
// letters (҂), letters outside the Basic Multilingual Plane, lone surrogates, separators.
const PIECES = [
  ...'аоеѕјкмнтвАВСЕНКМОРТХУЈЅІжшщЖЏ',
  ...'acexopyjsikmhtbABCEHKMOPTXYJSIqzwQZé',
  '\u0500', // Cyrillic Supplement letter
  '\u1c80', // Cyrillic Extended-C letter
  '\ua641', // Cyrillic Extended-B letter
  '\u0482', // ҂ Cyrillic, not a letter
  '\u0483', // combining Cyrillic titlo (a mark)
  '\u2de0', // combining Cyrillic letter (a mark)
  '\u0301', // combining acute
  '𝐀', // mathematical bold A (a letter, astral)
  '𞀀', // Glagolitic supplement (astral mark)
  '\ud800', // a lone high surrogate
  '\udc00', // a lone low surrogate
  ' ',
  ',',
  '-',
  '1',
  '_',
  '\u00a0',
  '«',
  '\t',
];

describe('findMixedWord', () => {
  it('finds a stray Latin look-alike in a Cyrillic word, where it is', () => {
    expect(findMixedWord('Меѓународна конференциja во Охрид')).toEqual({ word: 'конференциja', letter: 'j', index: 12 });
    expect(findMixedWord('Регионалнa соработка')).toEqual({ word: 'Регионалнa', letter: 'a', index: 0 });
    // A mostly Latin word is a name, not a typo; words of one script are fine.
    expect(findMixedWord('OSCEо Skopje')).toBeNull();
    expect(findMixedWord('ОБСЕ OSCE OSBE')).toBeNull();
    expect(findMixedWord('')).toBeNull();
  });

  it('gives what the regex it replaced gave, on any text', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(findMixedWord(t)).toEqual(byRegex(t));
      }),
      { numRuns: 20000, seed: 13 },
    );
  });
});
