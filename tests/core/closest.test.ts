import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distance } from '../../src/core/distance.js';
import { closest } from '../../src/core/search/fts.js';

/** `closest` without its letter filter: every term within `max` edits, nearest then most frequent first. */
function slow(terms: [string, number][], word: string, max: number, limit: number): string[] {
  return terms
    .filter(([t]) => t !== word)
    .map(([term, n]) => ({ term, n, d: distance(word, term) }))
    .filter((h) => h.d <= max)
    .sort((a, b) => a.d - b.d || b.n - a.n || (a.term < b.term ? -1 : 1))
    .slice(0, limit)
    .map((h) => h.term);
}

describe('closest (typo suggestions over a vocabulary)', () => {
  it('finds what a full distance over every term finds (the letter filter only skips terms that are too far)', () => {
    // A small alphabet, Cyrillic and Latin, with letters 32 code points apart (same filter bit).
    const letter = fc.constantFrom('a', 'b', 'c', 'A', 'B', 'а', 'б', 'ц', 'š', 'ѓ');
    const word = fc.array(letter, { minLength: 1, maxLength: 8 }).map((l) => l.join(''));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(word, fc.nat(5)), { selector: (t) => t[0], maxLength: 40 }),
        word,
        fc.integer({ min: 0, max: 3 }),
        (terms, w, max) => {
          expect(closest(terms, w, max, 8)).toEqual(slow(terms, w, max, 8));
        },
      ),
      { numRuns: 500 },
    );
  });
});
