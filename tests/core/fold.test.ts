import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { albanianReading, fold, foldName, nameMatches, transliterate } from '../../src/core/fold.js';

describe('transliterate', () => {
  it('uses the Macedonian table', () => {
    expect(transliterate('ѓ ќ ж ш ч џ љ њ ѕ ј ц х')).toBe('gj kj zh sh ch dzh lj nj dz j c h');
    expect(transliterate('меѓународна конференција')).toBe('megjunarodna konferencija');
    expect(transliterate('Борче Петревски')).toBe('Borche Petrevski');
    expect(transliterate('Ѓорѓи ЏЏ')).toBe('Gjorgji DzhDzh');
  });
  it('leaves Latin text alone', () => {
    expect(transliterate('bashkëpunim OSCE')).toBe('bashkëpunim OSCE');
  });
  it('reads a decomposed ѓ (г + combining acute) as ѓ', () => {
    expect(transliterate('\u0433\u0301')).toBe('gj');
  });
  it('never leaves a Macedonian letter behind', () => {
    const mk = [...'абвгдѓежзѕијклљмнњопрстќуфхцчџшАБВГДЃЕЖЗЅИЈКЛЉМНЊОПРСТЌУФХЦЧЏШ'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...mk, ' ', '-')).map((a) => a.join('')),
        (text) => {
          expect(transliterate(text)).toMatch(/^[A-Za-z -]*$/);
        },
      ),
    );
  });
});

describe('fold', () => {
  it('ignores case, script and diacritics', () => {
    expect(fold('ОБСЕ')).toBe(fold('obse'));
    expect(fold('Петревски')).toBe('petrevski');
    expect(fold('bashkëpunim')).toBe('bashkepunim');
    expect(fold('Çështje')).toBe('ceshtje');
    expect(fold('конференциja')).toBe(fold('конференција'));
  });
  it('keeps ѓ apart from г and ќ apart from к', () => {
    expect(fold('ѓ')).not.toBe(fold('г'));
    expect(fold('ќ')).not.toBe(fold('к'));
    expect(fold('Ѓ')).toBe('gj');
  });
  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(fold(fold(text))).toBe(fold(text));
      }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...'абвгдѓежзѕијклљмнњопрстќуфхцчџшëçé AZ'.split(''))).map((a) => a.join('')),
        (text) => {
          expect(fold(fold(text))).toBe(fold(text));
        },
      ),
    );
  });
});

describe('nameMatches', () => {
  it('matches a word of a name in another script', () => {
    expect(nameMatches('Борче Петревски', 'petrevski')).toBe(true);
    expect(nameMatches('Борче Петревски', 'ПЕТРЕВСКИ')).toBe(true);
    expect(nameMatches('регионална соработка', 'sorabotka')).toBe(true);
    expect(nameMatches('bashkëpunim rajonal', 'bashkepunim')).toBe(true);
  });
  it('does not match what is not there', () => {
    expect(nameMatches('Борче Петревски', 'petrovski')).toBe(false);
    expect(nameMatches('Ѓорѓи', 'gorgi')).toBe(false);
    expect(nameMatches('anything', '   ')).toBe(false);
  });
  it('matches a name in Albanian spelling with its Macedonian one, both ways', () => {
    expect(nameMatches('Borçe Petrevski', 'Борче')).toBe(true);
    expect(nameMatches('Борче Петревски', 'Borçe Petrevski')).toBe(true);
    expect(nameMatches('Џафери', 'Xhaferi')).toBe(true);
    expect(nameMatches('Ќиро Глигоров', 'Qiro')).toBe(true);
    expect(nameMatches('Ѕвездан', 'Xvezdan')).toBe(true);
    // Typed without the cedilla it is the Latin c (ц) of both tables, not ч.
    expect(nameMatches('Borçe Petrevski', 'borce')).toBe(true);
    expect(nameMatches('Борче Петревски', 'Borxe')).toBe(false);
    expect(nameMatches('Борче Петревски', 'Borqe')).toBe(false);
  });
  it('reads only the letters Albanian writes differently', () => {
    expect(albanianReading('Borçe Xhaferi')).toBe('borche dzhaferi');
    expect(albanianReading('Petrevski')).toBeNull();
    expect(albanianReading('Ѓорѓи')).toBeNull();
  });
  it('folds punctuation away in names', () => {
    expect(foldName('OSBE-së  në Shkup')).toBe('osbe se ne shkup');
  });
});
