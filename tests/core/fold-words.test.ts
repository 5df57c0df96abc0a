import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWords, foldWordsByWord } from '../../src/core/store/fold-words.js';

// The index's folded text is made letter by letter from a table; it must be exactly the
// text that folding each word gives (the tokenizer, BM25 and the snippets depend on it).

const FIXTURES = path.resolve(__dirname, '../fixtures');

function* markdownFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* markdownFiles(p);
    else if (e.name.endsWith('.md')) yield p;
  }
}

describe('foldWords', () => {
  it('gives what folding word by word gives, on any text', () => {
    const letters = 'AaZzÉéëçÇßİıΣσςЃѓЌќЏџЉљЊњЖжШшЧчЅѕЈјЁёЙйЯяЬьАаБб  -.,;\t\n0129ǅǈﬁ\u0301\u0308\u0327가각\u1100\u1161\u11a8😀𝐀ŉΐ';
    const unit = fc.constantFrom(...Array.from(letters));
    const mixed = fc.oneof(
      fc.string({ unit, maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
    );
    fc.assert(
      fc.property(mixed, (text) => {
        expect(foldWords(text)).toBe(foldWordsByWord(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives what folding word by word gives, on every fixture file', () => {
    let n = 0;
    for (const file of markdownFiles(FIXTURES)) {
      const text = readFileSync(file, 'utf8');
      expect(foldWords(text), file).toBe(foldWordsByWord(text));
      n++;
    }
    expect(n).toBeGreaterThan(50);
  });
});
