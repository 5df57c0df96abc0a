import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileSlug as slugify, urlSlug } from '../../src/core/slug.js';

describe('slugify', () => {
  it('writes Macedonian Cyrillic with the official table', () => {
    expect(slugify('Учество на Третата меѓународна конференција')).toBe('uchestvo-na-tretata-megjunarodna-konferencija');
    expect(slugify('Ѓорѓи Ќосе Жан Шишко Чачак Џемпер Љубов Њива Ѕвезда Јаде Цвет Хор')).toBe(
      'gjorgji-kjose-zhan-shishko-chachak-dzhemper-ljubov-njiva',
    );
  });

  it('folds Albanian ë and ç and other diacritics', () => {
    expect(slugify('Bashkëpunim rajonal për çështjet')).toBe('bashkepunim-rajonal-per-ceshtjet');
    expect(slugify('Café Zürich Straße')).toBe('cafe-zurich-strasse');
  });

  it('cuts at a word boundary at about 60 characters', () => {
    const s = slugify('Учество на Националниот координатор за спречување на насилен екстремизам и борба против тероризам');
    expect(s).toBe('uchestvo-na-nacionalniot-koordinator-za-sprechuvanje-na');
    expect(s.length).toBeLessThanOrEqual(60);
    expect(slugify('a'.repeat(80))).toBe('a'.repeat(60));
  });

  it('never leaves the folder and is never empty', () => {
    expect(slugify('../../etc')).toBe('etc');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('')).toBe('release');
    expect(slugify('!!! ... ///')).toBe('release');
    expect(slugify('中文标题')).toBe('release');
  });

  it('always gives a short lower-case ASCII slug of words', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'grapheme' }), (title) => {
        const s = slugify(title);
        expect(s).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(s.length).toBeLessThanOrEqual(60);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (title) => {
        const s = slugify(title);
        expect(slugify(s)).toBe(s);
      }),
      { numRuns: 300 },
    );
  });
});

describe('urlSlug', () => {
  it('gives a name that is already a slug back as it is, as folding it would', () => {
    const plain = fc.string({ maxLength: 100, unit: fc.constantFrom(...'ab9z0-.Ш'.split('')) });
    fc.assert(
      fc.property(plain, (name) => {
        // The long way, without the shortcut: a suffix the shortcut never matches forces it.
        const long = urlSlug(`${name}\u0301`).replace(/-+$/, '');
        const cut = name.length > 80 || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name);
        if (!cut) expect(urlSlug(name)).toBe(name);
        if (!cut && name.length < 80) expect(long).toBe(name);
      }),
    );
  });
});
