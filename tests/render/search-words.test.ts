import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COL } from '../../src/core/search/site-format.js';
import { encodePostings, packAdd } from '../../src/core/search/site-postings.js';
import { ColumnTable, Line } from '../../src/render/html/search-terms.js';
import { WordTable } from '../../src/render/html/search-words.js';

/** The words of a text as a split on non-words gives them: what WordTable must agree with. */
const split = (text: string) => text.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);

function scanned(table: WordTable, words: string[], text: string): string[] {
  table.scan(text);
  return Array.from(table.numbers.subarray(0, table.count), (n) => words[n]);
}

describe('reading the words of a text', () => {
  const pieces = fc.constantFrom('a', 'Б', 'é', '\u0301', '1', '٣', ' ', '-', ',', '\n', '😀', '𝐀', '\ud835', '\udc00', '_', 'ß', 'İ', 'ǅ');
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')),
  );

  it('gives the words a split on non-words gives, each word its one number', () => {
    const words: string[] = [];
    const numbers = new Map<string, number>();
    // A tiny limit: the table starts over often, and still gives every word its number.
    const table = new WordTable((w) => {
      if (!numbers.has(w)) numbers.set(w, words.push(w) - 1);
      return numbers.get(w)!;
    }, 7);
    fc.assert(
      fc.property(fc.array(text, { maxLength: 5 }), (texts) => {
        for (const t of texts) expect(scanned(table, words, t)).toEqual(split(t));
      }),
      { numRuns: 500 },
    );
  });

  it('reads a long text of many words (the table grows)', () => {
    const words: string[] = [];
    const table = new WordTable((w) => words.push(w) - 1);
    const text = Array.from({ length: 5000 }, (_, i) => `w${(i * 7919) % 3001}ж`).join(' ');
    expect(scanned(table, words, text)).toEqual(split(text));
    expect(words.length).toBe(3001);
  });
});

describe('a posting line written as its postings arrive', () => {
  it('is the line encodePostings writes', () => {
    const entry = fc.record({
      gap: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 3_000_000 })),
      columns: fc.array(fc.nat({ max: 6 }), { minLength: 1, maxLength: 25 }),
    });
    fc.assert(
      fc.property(fc.nat({ max: 50 }), fc.array(entry, { maxLength: 30 }), (first, entries) => {
        const line = new Line();
        const docs: number[] = [];
        const packed: number[] = [];
        let doc = first;
        entries.forEach((e, i) => {
          if (i) doc += e.gap;
          const p = e.columns.reduce(packAdd, 0);
          docs.push(doc);
          packed.push(p);
          line.push(doc, p);
        });
        expect(line.text()).toBe(encodePostings(docs, packed));
        expect(line.count).toBe(entries.length);
      }),
    );
  });
});

describe('a term table fed the words the Markdown thread read', () => {
  it('is the table that reads the bodies itself', () => {
    const piece = fc.constantFrom(
      'Word',
      'слово',
      'ǅemal',
      'straße',
      'İstanbul',
      'x'.repeat(45),
      '٣4',
      'é\u0301',
      '😀',
      'a-b',
      ' ',
      ', ',
      '\n',
    );
    const release = fc.record({ title: fc.array(piece, { maxLength: 6 }), body: fc.array(piece, { maxLength: 40 }) });
    fc.assert(
      fc.property(fc.array(release, { minLength: 1, maxLength: 12 }), fc.integer({ min: 2, max: 50 }), (releases, limit) => {
        const own = new ColumnTable();
        const fed = new ColumnTable();
        // The thread's numbering, its table starting over (a small limit) as a large vocabulary makes it.
        const words: string[] = [];
        const thread = new WordTable((w) => words.push(w) - 1, limit);
        releases.forEach((r, doc) => {
          const columns = [r.title.join(''), '', '', '', '', '', r.body.join('')];
          own.add(doc, columns);
          thread.scan(columns[COL.body]);
          fed.add(doc, columns, { ids: thread.numbers.slice(0, thread.count), words });
        });
        const texts = (t: ColumnTable) => {
          const { terms, lines } = t.sorted();
          return terms.map((term, i) => `${term} ${lines[i].text()}`);
        };
        expect(texts(fed)).toEqual(texts(own));
      }),
      { numRuns: 200 },
    );
  });
});
