import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSite } from '../../src/core/export/site-plan.js';
import type { ArchivedRelease } from '../../src/core/types.js';
import { releaseItem, releaseList } from '../../src/render/html/lists.js';
import { bytesOf } from '../helpers/content.js';
import { archived, registry, settings } from '../helpers/release.js';

// Large exports build long files piece by piece (src/core/export/utf8.ts); these check that
// the pieces add up to exactly the text the one-string versions made.

function release(n: number, over: Partial<ArchivedRelease> = {}): ArchivedRelease {
  const date = `2018-01-${String((n % 28) + 1).padStart(2, '0')}`;
  return archived({ id: `r${n}`, title: `Соопштение ${n} "навод" \\ 😀`, date, partners: ['ОБСЕ'], lang: n % 3 ? 'mk' : 'sq' }, over);
}
// Any UTF-16 text, lone surrogates included: pieces may end inside a pair.
const text = fc.string({ unit: 'binary', maxLength: 3000 });

describe('utf8Chunks', () => {
  it('gives the bytes of the joined text, whatever the pieces and their boundaries', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), (pieces) => {
        expect(bytesOf(pieces).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
      }),
    );
  });

  it('gives the same bytes when pieces are as long as a chunk or longer, lone surrogates at either end', () => {
    const long = fc.tuple(
      fc.constantFrom('', '\ud83d', '\ude00', 'ж'),
      fc.integer({ min: 0, max: 40_000 }),
      fc.constantFrom('', '\ud83d', '\ude00', 'a'),
    );
    fc.assert(
      fc.property(fc.array(long, { maxLength: 8 }), (shapes) => {
        const pieces = shapes.map(([head, n, tail], i) => head + (i % 2 ? 'ѓ' : 'a').repeat(n) + tail);
        expect(bytesOf(pieces).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a surrogate pair whole across the buffers it flushes', () => {
    const pieces = ['a'.repeat(16_383) + '\ud83d', '\ude00 b'];
    expect(bytesOf(pieces).toString('utf8')).toBe(`${'a'.repeat(16_383)}😀 b`);
  });
});

describe('pages built in pieces', () => {
  const releases = Array.from({ length: 237 }, (_, i) => release(i));
  const plan = planSite({ settings, registry }, releases);

  it('list every release of a year exactly as one list string did', () => {
    const year = plan.years[0]!;
    const list = `<ol class="releases">\n${year.releases.map((r) => releaseItem(plan, r, '../', 'mk')).join('\n')}\n</ol>`;
    expect(releaseList(plan, year.releases, '../', 'mk', { empty: '' } as never)).toBe(list);
  });
});
