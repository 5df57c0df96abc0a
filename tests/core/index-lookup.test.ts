import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distance } from '../../src/core/distance.js';

describe('distance with a bound (show\'s "did you mean")', () => {
  it('is the edit distance when that is at most max, and above max otherwise', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-', 'ш', '1'), maxLength: 14 });
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 16 }), (a, b, max) => {
        const d = distance(a, b);
        const within = distance(a, b, max);
        if (d <= max) expect(within).toBe(d);
        else expect(within).toBeGreaterThan(max);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives up early on ids that share only a date', () => {
    expect(distance('2019-01-08-shteteror-ministria', '2019-01-08-social-we-interest', 3)).toBe(4);
    expect(distance('2021-06-01-godishen-izveshtaj', '2021-06-01-godishen-izvestaj', 3)).toBe(1);
  });
});
