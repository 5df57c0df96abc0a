import { describe, expect, it } from 'vitest';
import { displayWidth, pad, truncate } from '../../src/render/width.js';

describe('terminal widths', () => {
  it('counts Cyrillic and Latin with marks as one column a letter', () => {
    expect(displayWidth('Ѓорѓи Петревски')).toBe(15);
    expect(displayWidth('Ќ\u0301осе')).toBe(4);
    expect(displayWidth('Shqipëri')).toBe(8);
    expect(displayWidth('\u001b[1mОхрид\u001b[22m')).toBe(5);
  });

  it('counts CJK letters and emoji as two', () => {
    expect(displayWidth('日本語')).toBe(6);
    expect(displayWidth('한국')).toBe(4);
    expect(displayWidth('👍🏽')).toBe(2);
    expect(displayWidth('👨‍👩‍👧')).toBe(2);
    expect(displayWidth('🇲🇰 MK')).toBe(5);
  });

  it('cuts at a column without splitting a letter from its marks or an emoji', () => {
    expect(truncate('Учество на Националниот', 10)).toBe('Учество н…');
    expect(truncate('日本語のテキスト', 7)).toBe('日本語…');
    expect(truncate('ab👨‍👩‍👧cdef', 5)).toBe('ab👨‍👩‍👧…');
    expect(truncate('Ќ\u0301осе и други', 3)).toBe('Ќ\u0301о…');
    expect(truncate('short', 10)).toBe('short');
    for (const w of [1, 2, 3, 4, 5, 6, 7]) expect(displayWidth(truncate('日本語のテキスト 👍🏽 Охрид', w))).toBeLessThanOrEqual(w);
  });

  it('pads to a column', () => {
    expect(pad('日本', 6)).toBe('日本  ');
    expect(pad('Охрид', 6)).toBe('Охрид ');
  });
});
