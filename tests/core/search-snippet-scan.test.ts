import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/core/filters.js';
import { highlighter, planSearch, type Vocabulary } from '../../src/core/search/plan.js';
import { makeSnippet, markMatches } from '../../src/core/search/snippet.js';
import { markScanned, scannedSnippet } from '../../src/core/search/snippet-scan.js';
import { LETTERS, NOT_WORD } from '../../src/core/search/word-scan.js';
import { fold } from '../../src/core/fold.js';
import { Registry } from '../../src/core/registry.js';
import type { Release } from '../../src/core/types.js';

// The CLI's snippets skip folding most words (snippet-scan.ts); they must be exactly those
// of snippet.ts, which the site's engine uses, for every text and query.

const FIXTURES = path.resolve(__dirname, '../fixtures');
const registry = new Registry([{ id: 'osce', name: 'OSCE Mission to Skopje', aliases: ['ОБСЕ', 'Misioni i OSBE-së në Shkup'] }]);
// Every word is "in the archive" except the typos below, which get these corrections.
const vocab: Vocabulary = {
  has: (t) => !['sorabotkka', 'cooperatoin'].includes(t),
  near: (w) => (w === 'sorabotkka' ? ['sorabotka', 'sorabotkata'] : ['cooperation']),
};
const QUERIES = [
  'соработка',
  'sorabotkka',
  'cooperatoin',
  'petrevski',
  'bashkëpunim',
  '"насилен екстремизам" -конференција',
  'ОБСЕ',
  'osbe Ohrid',
  'ѓорѓи džaferi',
  'İstanbul ΣΟΦΙΑ',
  '2019 ab',
  'café naïve',
  '가각 ǅemal ﬁnance',
];
const lit = QUERIES.map((q) => highlighter(planSearch(q, NO_FILTERS, registry, vocab)));

function release(body: string, summary: string | null, title = 'Title'): Release {
  return { title, summary, body } as Release;
}

function expectSame(body: string, summary: string | null): void {
  for (const h of lit) {
    const r = release(body, summary, body.slice(0, 60));
    expect(scannedSnippet(r, h)).toEqual(makeSnippet(r, h.test));
    expect(markScanned(r.title, h)).toEqual(markMatches(r.title, h.test));
  }
}

function* markdownFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* markdownFiles(p);
    else if (e.name.endsWith('.md')) yield p;
  }
}

describe('scanned snippets', () => {
  it('are those of snippet.ts on any text', () => {
    const letters =
      'AaZzÉéëçÇßİıΣσςЃѓЌќЏџЉљЊњЖжШшЧчЅѕЈјЁёЙйЯяЬьъАаБбСсоОрРбБтТкКиИ  -.,;:*_[]()#>\t\n\r0129ǅǈﬁ\u0301\u0308\u0327가각\u1100\u1161\u11a8😀𝐀ŉΐ\ud800';
    const unit = fc.constantFrom(...Array.from(letters));
    // Words the queries match, some with combining marks (which fold only with the letter
    // before them) or a letter that folds to nothing (ь).
    const pool = [
      'соработка',
      'соработката',
      'sorabotki',
      'ОБСЕ',
      'osbe-së',
      'Petrevski',
      'bashkëpunimi',
      'bashke\u0308punim',
      'екстремизмот',
      'Г\u0301орг\u0301и',
      'cafe\u0301',
      'nai\u0308ve',
      'ИСТАНБУЛ',
      'İSTANBUL',
      'ьсоработка',
      'Ьpetrevski',
    ];
    const words = fc.array(fc.constantFrom(...pool), { maxLength: 6 });
    const text = fc.oneof(
      fc.string({ unit, maxLength: 60 }),
      fc
        .tuple(fc.string({ unit, maxLength: 20 }), words, fc.string({ unit, maxLength: 20 }))
        .map(([a, w, b]) => `${a} ${w.join(' ')} ${b}`),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
    );
    fc.assert(
      fc.property(text, fc.option(text), (body, summary) => expectSame(body, summary)),
      { numRuns: 1500 },
    );
  });

  it('are those of snippet.ts on every fixture file', () => {
    let n = 0;
    for (const file of markdownFiles(FIXTURES)) {
      const text = readFileSync(file, 'utf8');
      expectSame(text, null);
      expectSame('', text.slice(0, 400));
      n++;
    }
    expect(n).toBeGreaterThan(20);
  });

  it('leap only over words they cannot match: LETTERS are word characters, NOT_WORD are not', () => {
    const word = /^[\p{L}\p{N}\p{M}]$/u;
    const letter = new RegExp(`^[${LETTERS}]$`);
    const notWord = new RegExp(`^[${NOT_WORD}]$`);
    for (let u = 0; u < 0x10000; u++) {
      const ch = String.fromCharCode(u);
      if (letter.test(ch)) expect(word.test(ch)).toBe(true);
      if (notWord.test(ch)) expect(word.test(ch)).toBe(false);
    }
  });

  it('fold LETTERS in one go as they fold one by one', () => {
    const letters = [
      ...new RegExp(`[${LETTERS}]`, 'g')[Symbol.matchAll](String.fromCharCode(...Array.from({ length: 0x460 }, (_, i) => i))),
    ].map((m) => m[0]);
    expect(fold(letters.join(' ')).split(' ')).toEqual(letters.map((ch) => fold(ch)));
  });

  it('stop at the 2,000th match in a long body, as snippet.ts does', () => {
    const body = `${'соработка и друго '.repeat(3000)} ОБСЕ соработката`;
    expectSame(body, null);
  });
});
