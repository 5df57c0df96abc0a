import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchArchive } from '../../src/core/store/session.js';
import { noSqlite } from '../../src/core/store/sqlite.js';
import { NO_FILTERS, type Filters } from '../../src/core/filters.js';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { wordForms } from '../../src/core/search/query.js';
import { Registry } from '../../src/core/registry.js';
import { copyFixture, short } from '../helpers/search.js';

/**
 * What a person means by a query, over tests/fixtures/search-multilingual (mk, sq, en):
 * the releases expected (as file names without the date), and which must come first.
 */
interface Case {
  q: string;
  expect: string[];
  first?: string;
  flags?: Partial<Filters>;
  why: string;
}

const OHRID = ['konferencija-ohrid', 'conference-ohrid', 'konferenca-ohri'];
const SORABOTKA = ['konferencija-ohrid', 'sorabotki-so-opshtini', 'konferencija-skopje'];
const OSCE = ['konferencija-ohrid', 'conference-ohrid', 'konferenca-ohri', 'sredba-obse', 'border-security'];
const MVR = ['konferencija-ohrid', 'conference-ohrid', 'obuka-za-policija', 'bashkepunim-policia'];
const EU = ['strategija-eu', 'eu-strategy', 'konferencija-skopje', 'konferenca-tirane', 'returnees'];
const UNDP = ['youth-dialogue', 'dialog-me-te-rinjte', 'returnees', 'konferencija-skopje'];
const EXTREMISM = ['prevencija-vo-uchilishta', 'dialog-me-te-rinjte'];

const CASES: Case[] = [
  { q: 'соработка', expect: SORABOTKA, first: 'konferencija-ohrid', why: 'inflections (соработки, соработката) match; the title-and-tag match first' },
  { q: 'sorabotka', expect: SORABOTKA, first: 'konferencija-ohrid', why: 'Latin finds Cyrillic' },
  { q: 'СОРАБОТКА', expect: SORABOTKA, why: 'case does not matter' },
  { q: 'соработки', expect: SORABOTKA, first: 'sorabotki-so-opshtini', why: 'the exact form ranks above inflected ones' },
  { q: 'соработката', expect: SORABOTKA, why: 'an inflected query finds the base form' },
  { q: 'petrevski', expect: OHRID, why: 'Latin finds Петревски (mk) and Petrevski (en, sq)' },
  { q: 'Петревски', expect: OHRID, first: 'konferencija-ohrid', why: 'Cyrillic finds the Latin spellings; among equal matches the Macedonian release comes first' },
  { q: 'bashkepunim', expect: ['konferenca-ohri', 'bashkepunim-policia'], why: 'no diacritics finds bashkëpunim and its inflections' },
  { q: 'bashkëpunim', expect: ['konferenca-ohri', 'bashkepunim-policia'], why: 'diacritics typed still match' },
  { q: 'ѓорѓиев', expect: ['sredba-gjorgjiev'], why: 'ѓ matches itself' },
  { q: 'gjorgjiev', expect: ['sredba-gjorgjiev'], why: 'ѓ is written gj' },
  { q: 'горгиев', expect: [], why: 'г is not ѓ' },
  { q: 'zhenite', expect: ['zhenite-vo-bezbednosta'], why: 'ж is written zh' },
  { q: 'dzhamija', expect: ['verski-zaednici'], why: 'џ is written dzh; the inflected џамијата matches' },
  { q: 'ОБСЕ', expect: OSCE, why: 'partner aliases expand: releases that only say OSCE Mission to Skopje' },
  { q: 'OSBE', expect: OSCE, why: 'the Albanian alias expands too' },
  { q: 'МВР', expect: MVR, why: 'an abbreviation from the registry finds every spelling' },
  { q: 'Европска унија', expect: EU, why: 'unquoted words that name a partner expand to its aliases' },
  { q: 'ЕУ', expect: EU, why: 'a two-letter alias' },
  { q: 'undp', expect: UNDP, why: 'a registry id' },
  { q: 'partner:osce', expect: OSCE, why: 'partner: field term through the registry' },
  { q: 'partner:МВР', expect: MVR, why: 'partner: with a Cyrillic alias' },
  { q: 'tag:youth', expect: ['youth-dialogue'], why: 'tag: field term' },
  { q: 'person:стојановска', expect: ['prevencija-vo-uchilishta'], why: 'person: field term, one name of two' },
  { q: 'lang:sq конференција', expect: ['konferenca-tirane', 'konferenca-ohri'], why: 'lang: narrows; the Macedonian stem finds Albanian konferenca' },
  { q: 'year:2019', expect: ['sorabotki-so-opshtini', 'obuka-za-policija', 'sredba-gjorgjiev', 'youth-dialogue', 'dialog-me-te-rinjte', 'eu-strategy', 'strategija-eu'], why: 'year: alone lists the year' },
  { q: 'year:2020..2021 konferenca', expect: ['konferenca-tirane'], why: 'a year range with a word' },
  { q: 'конференција -охрид', expect: ['konferencija-skopje', 'konferenca-tirane', 'konferenca-ohri'], why: '-word excludes (Ohër is not Ohrid)' },
  { q: '-конференција соработка', expect: ['sorabotki-so-opshtini'], why: 'exclusion written first' },
  { q: '"регионална соработка"', expect: ['konferencija-ohrid'], why: 'a quoted phrase' },
  { q: '"regional cooperation"', expect: ['conference-ohrid'], why: 'an English phrase' },
  { q: 'стратегија', expect: ['strategija-eu', 'eu-strategy'], why: 'the stem also finds the English strategy' },
  { q: 'terorizam', expect: ['strategija-eu'], why: 'the fleeting a: тероризам finds тероризмот' },
  { q: 'terrorism', expect: ['eu-strategy'], why: 'English word' },
  { q: 'radikalizacija', expect: ['obuka-za-policija'], why: 'Latin for радикализација' },
  { q: 'безбедноста', expect: ['zhenite-vo-bezbednosta', 'sredba-gjorgjiev'], first: 'zhenite-vo-bezbednosta', why: 'a title match ranks above a body match' },
  { q: 'gevgelija', expect: ['rabotilnica-gevgelija'], why: 'place name in Latin' },
  { q: 'report', expect: ['annual-report'], why: 'English' },
  { q: 'reports', expect: ['annual-report'], why: 'plural finds singular' },
  { q: 'reprot', expect: ['annual-report'], why: 'a swapped pair of letters is one typo' },
  { q: 'konfrencija', expect: ['konferencija-ohrid', 'konferencija-skopje'], why: 'a missing letter is a typo' },
  { q: 'конференциja', expect: ['konferencija-ohrid', 'konferencija-skopje', 'konferenca-tirane', 'konferenca-ohri'], why: 'a Latin j typed inside a Cyrillic word' },
  { q: 'tirana', expect: ['konferenca-tirane'], why: 'typo tolerance finds Tiranë' },
  { q: 'оhrid', expect: ['conference-ohrid', 'konferencija-ohrid'], why: 'mixed scripts in one word (Cyrillic о)' },
  { q: 'вебинар', expect: ['pandemija'], why: 'вебинарот is an inflection' },
  { q: '"border police"', expect: ['border-security'], why: 'phrase in the body' },
  { q: 'të rinjtë', expect: ['dialog-me-te-rinjte'], why: 'Albanian words with ë' },
  { q: 'nepostoechkizbor', expect: [], why: 'nothing matches' },
  { q: 'нацрт', expect: [], why: '_drafts are not releases' },
  { q: 'скриена', expect: [], why: 'dot files are not releases' },
  { q: 'соработка', flags: { from: '2019-01-01' }, expect: ['sorabotki-so-opshtini', 'konferencija-skopje'], why: 'with --from' },
  { q: 'конференција', flags: { partners: ['ЕУ'] }, expect: ['konferencija-skopje', 'konferenca-tirane'], why: 'with --partner through the registry' },
  { q: 'ohrid', flags: { lang: 'en' }, expect: ['conference-ohrid'], why: 'with --lang' },
  { q: 'екстремизмот', expect: EXTREMISM, first: 'prevencija-vo-uchilishta', why: 'the fleeting a: the query finds екстремизам (mk) and ekstremizmit (sq) as inflections; the Cyrillic query puts the Macedonian release first' },
  { q: 'ekstremizmot', expect: EXTREMISM, why: 'the same in Latin letters' },
  { q: 'екстремизам', expect: EXTREMISM, first: 'prevencija-vo-uchilishta', why: 'the base form finds ekstremizmit; the exact form first' },
  { q: 'ekstremizmit', expect: EXTREMISM, first: 'dialog-me-te-rinjte', why: 'the exact form first' },
  { q: 'тероризми', expect: ['strategija-eu'], why: 'the plural finds тероризмот' },
  { q: 'регионален', expect: ['konferencija-ohrid'], why: 'an adjective: регионален finds регионална' },
];

for (const engine of ['index', 'memory'] as const) {
  describe(`search relevance (${engine})`, () => {
    let fixture: ReturnType<typeof copyFixture>;
    beforeAll(() => {
      fixture = copyFixture('search-multilingual');
    });
    afterAll(() => fixture.remove());

    it.each(CASES)('$q → $expect ($why)', async (c) => {
      const run = await searchArchive(fixture.archive, c.q, { ...NO_FILTERS, ...c.flags }, undefined, engine === 'memory' ? { loader: noSqlite } : {});
      expect(run.engine).toBe(engine);
      const ids = run.outcome.hits.map((h) => short(h.release.id));
      expect([...ids].sort()).toEqual([...c.expect].sort());
      if (c.first) expect(ids[0]).toBe(c.first);
      expect(run.outcome.total).toBe(c.expect.length);
    });
  });
}

// The registry as the issue found it: `OSBE` only inside `Misioni i OSBE-së në Shkup`, not an alias of its own.
const WORD_CASES: Case[] = [
  { q: 'osbe', expect: OSCE, first: 'konferenca-ohri', why: 'one word of a longer alias expands to the partner: ОБСЕ, OSCE' },
  { q: 'OSBE-së', expect: ['konferenca-ohri'], why: 'a phrase is not one word: only the alias as written' },
  { q: 'mission', expect: ['border-security', 'conference-ohrid'], why: 'a generic word of an alias does not expand' },
  { q: 'skopje', expect: ['border-security', 'conference-ohrid', 'konferencija-ohrid'], why: 'a place in an alias does not expand' },
  { q: 'shkup', expect: ['konferenca-ohri'], why: 'nor does the Albanian name of the place' },
];

for (const engine of ['index', 'memory'] as const) {
  describe(`search relevance, words inside registry aliases (${engine})`, () => {
    let fixture: ReturnType<typeof copyFixture>;
    beforeAll(() => {
      fixture = copyFixture('search-multilingual');
      const file = path.join(fixture.archive, 'partners.yml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('ОБСЕ, OSCE, OSBE]', 'ОБСЕ, OSCE]'));
    });
    afterAll(() => fixture.remove());

    it.each(WORD_CASES)('$q → $expect ($why)', async (c) => {
      const run = await searchArchive(fixture.archive, c.q, { ...NO_FILTERS, ...c.flags }, undefined, engine === 'memory' ? { loader: noSqlite } : {});
      expect(run.engine).toBe(engine);
      const ids = run.outcome.hits.map((h) => short(h.release.id));
      expect([...ids].sort()).toEqual([...c.expect].sort());
      if (c.first) expect(ids[0]).toBe(c.first);
    });
  });
}

describe('fleeting vowels on folded words', () => {
  it.each([
    ['ekstremizam', ['ekstremizmot', 'ekstremizmi', 'ekstremizmite', 'ekstremizmit']],
    ['ekstremizem', ['ekstremizmi', 'ekstremizmit', 'ekstremizmin']], // Albanian ekstremizëm
    ['ekstremizmot', ['ekstremizam', 'ekstremizem']],
    ['stranci', ['stranec']],
    ['regionalna', ['regionalen']],
    ['pochetok', ['pochetoci', 'pochetocite']],
    ['pochetoci', ['pochetok']],
  ])('%s → %j', (word, forms) => {
    expect(wordForms(word).variants).toEqual(expect.arrayContaining(forms));
  });

  it.each(['ohrid', 'petar', '2019', 'report'])('%s has none', (word) => {
    expect(wordForms(word).variants).toEqual([]);
  });
});

describe('words that name a registry partner inside a longer name', () => {
  const sec = { id: 'sec', name: 'State Election Commission', aliases: ['Државна изборна комисија (ДИК)', 'Komisioni Shtetëror i Zgjedhjeve (KShZ)'] };
  const osce = { id: 'osce-skopje', name: 'OSCE Mission to Skopje', aliases: ['Misioni i OSBE-së në Shkup', 'ОБСЕ'] };
  const odihr = { id: 'odihr', name: 'OSCE Office for Democratic Institutions and Human Rights (ODIHR)', aliases: ['OFFICE FOR DEMOCRATIC INSTITUTIONS AND HUMAN RIGHTS', 'БДИЧП'] };
  const registry = new Registry([sec, osce, odihr]);

  it.each([
    ['dik', 'sec'],
    ['kshz', 'sec'],
    ['osbe', 'osce-skopje'],
    ['odihr', 'odihr'],
  ])('%s → %s', (word, id) => {
    expect(registry.partnerOfWord(word)?.id).toBe(id);
  });

  it.each([
    ['osce', 'in the names of two partners'],
    ['komisioni', 'not an abbreviation'],
    ['skopje', 'a place'],
    ['mission', 'a generic word'],
    ['i', 'a function word'],
    ['office', 'from a name written all in capitals'],
    ['democratic', 'from a name written all in capitals'],
  ])('%s does not (%s)', (word) => {
    expect(registry.partnerOfWord(word)).toBeUndefined();
  });
});
