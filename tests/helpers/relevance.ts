import type { Filters } from '../../src/core/filters.js';

/**
 * What a person means by a query, over tests/fixtures/search-multilingual (mk, sq, en):
 * the releases expected (as file names without the date), and which must come first.
 */
export interface Case {
  q: string;
  expect: string[];
  first?: string;
  flags?: Partial<Filters>;
  why: string;
}

const OHRID = ['konferencija-ohrid', 'conference-ohrid', 'konferenca-ohri'];
const SORABOTKA = ['konferencija-ohrid', 'sorabotki-so-opshtini', 'konferencija-skopje'];
export const OSCE = ['konferencija-ohrid', 'conference-ohrid', 'konferenca-ohri', 'sredba-obse', 'border-security'];
const MVR = ['konferencija-ohrid', 'conference-ohrid', 'obuka-za-policija', 'bashkepunim-policia'];
const EU = ['strategija-eu', 'eu-strategy', 'konferencija-skopje', 'konferenca-tirane', 'returnees'];
const UNDP = ['youth-dialogue', 'dialog-me-te-rinjte', 'returnees', 'konferencija-skopje'];
const EXTREMISM = ['prevencija-vo-uchilishta', 'dialog-me-te-rinjte'];

export const CASES: Case[] = [
  {
    q: 'соработка',
    expect: SORABOTKA,
    first: 'konferencija-ohrid',
    why: 'inflections (соработки, соработката) match; the title-and-tag match first',
  },
  { q: 'sorabotka', expect: SORABOTKA, first: 'konferencija-ohrid', why: 'Latin finds Cyrillic' },
  { q: 'СОРАБОТКА', expect: SORABOTKA, why: 'case does not matter' },
  { q: 'соработки', expect: SORABOTKA, first: 'sorabotki-so-opshtini', why: 'the exact form ranks above inflected ones' },
  { q: 'соработката', expect: SORABOTKA, why: 'an inflected query finds the base form' },
  { q: 'petrevski', expect: OHRID, why: 'Latin finds Петревски (mk) and Petrevski (en, sq)' },
  {
    q: 'Петревски',
    expect: OHRID,
    first: 'konferencija-ohrid',
    why: 'Cyrillic finds the Latin spellings; among equal matches the Macedonian release comes first',
  },
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
  {
    q: 'lang:sq конференција',
    expect: ['konferenca-tirane', 'konferenca-ohri'],
    why: 'lang: narrows; the Macedonian stem finds Albanian konferenca',
  },
  {
    q: 'year:2019',
    expect: [
      'sorabotki-so-opshtini',
      'obuka-za-policija',
      'sredba-gjorgjiev',
      'youth-dialogue',
      'dialog-me-te-rinjte',
      'eu-strategy',
      'strategija-eu',
    ],
    why: 'year: alone lists the year',
  },
  { q: 'year:2020..2021 konferenca', expect: ['konferenca-tirane'], why: 'a year range with a word' },
  {
    q: 'конференција -охрид',
    expect: ['konferencija-skopje', 'konferenca-tirane', 'konferenca-ohri'],
    why: '-word excludes (Ohër is not Ohrid)',
  },
  { q: '-конференција соработка', expect: ['sorabotki-so-opshtini'], why: 'exclusion written first' },
  { q: '"регионална соработка"', expect: ['konferencija-ohrid'], why: 'a quoted phrase' },
  { q: '"regional cooperation"', expect: ['conference-ohrid'], why: 'an English phrase' },
  { q: 'стратегија', expect: ['strategija-eu', 'eu-strategy'], why: 'the stem also finds the English strategy' },
  { q: 'terorizam', expect: ['strategija-eu'], why: 'the fleeting a: тероризам finds тероризмот' },
  { q: 'terrorism', expect: ['eu-strategy'], why: 'English word' },
  { q: 'radikalizacija', expect: ['obuka-za-policija'], why: 'Latin for радикализација' },
  {
    q: 'безбедноста',
    expect: ['zhenite-vo-bezbednosta', 'sredba-gjorgjiev'],
    first: 'zhenite-vo-bezbednosta',
    why: 'a title match ranks above a body match',
  },
  { q: 'gevgelija', expect: ['rabotilnica-gevgelija'], why: 'place name in Latin' },
  { q: 'report', expect: ['annual-report'], why: 'English' },
  { q: 'reports', expect: ['annual-report'], why: 'plural finds singular' },
  { q: 'reprot', expect: ['annual-report'], why: 'a swapped pair of letters is one typo' },
  { q: 'konfrencija', expect: ['konferencija-ohrid', 'konferencija-skopje'], why: 'a missing letter is a typo' },
  {
    q: 'конференциja',
    expect: ['konferencija-ohrid', 'konferencija-skopje', 'konferenca-tirane', 'konferenca-ohri'],
    why: 'a Latin j typed inside a Cyrillic word',
  },
  { q: 'tirana', expect: ['konferenca-tirane'], why: 'typo tolerance finds Tiranë' },
  { q: 'оhrid', expect: ['conference-ohrid', 'konferencija-ohrid'], why: 'mixed scripts in one word (Cyrillic о)' },
  { q: 'вебинар', expect: ['pandemija'], why: 'вебинарот is an inflection' },
  { q: '"border police"', expect: ['border-security'], why: 'phrase in the body' },
  { q: 'të rinjtë', expect: ['dialog-me-te-rinjte'], why: 'Albanian words with ë' },
  { q: 'nepostoechkizbor', expect: [], why: 'nothing matches' },
  { q: 'нацрт', expect: [], why: '_drafts are not releases' },
  { q: 'скриена', expect: [], why: 'dot files are not releases' },
  { q: 'соработка', flags: { from: '2019-01-01' }, expect: ['sorabotki-so-opshtini', 'konferencija-skopje'], why: 'with --from' },
  {
    q: 'конференција',
    flags: { partners: ['ЕУ'] },
    expect: ['konferencija-skopje', 'konferenca-tirane'],
    why: 'with --partner through the registry',
  },
  { q: 'ohrid', flags: { lang: 'en' }, expect: ['conference-ohrid'], why: 'with --lang' },
  {
    q: 'екстремизмот',
    expect: EXTREMISM,
    first: 'prevencija-vo-uchilishta',
    why: 'the fleeting a: the query finds екстремизам (mk) and ekstremizmit (sq) as inflections; the Cyrillic query puts the Macedonian release first',
  },
  { q: 'ekstremizmot', expect: EXTREMISM, why: 'the same in Latin letters' },
  { q: 'екстремизам', expect: EXTREMISM, first: 'prevencija-vo-uchilishta', why: 'the base form finds ekstremizmit; the exact form first' },
  { q: 'ekstremizmit', expect: EXTREMISM, first: 'dialog-me-te-rinjte', why: 'the exact form first' },
  { q: 'тероризми', expect: ['strategija-eu'], why: 'the plural finds тероризмот' },
  { q: 'регионален', expect: ['konferencija-ohrid'], why: 'an adjective: регионален finds регионална' },
];
