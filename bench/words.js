// Vocabularies and fixed data for bench/generate.js, read from bench/data/words.json.
//
// Real words of the three languages of the synthetic archive (Macedonian in Cyrillic,
// Albanian, English), typical of government press releases, with inflected forms. The
// benchmark's search targets (see the top of generate.js) are kept OUT of these lists on
// purpose — no form of "соработка", "bashkëpunim" or "cooperation", and no "Петревски" — so
// that the generator alone decides which files contain them and the counts are known.
// `assertNoTargets()` checks this.

import fs from 'node:fs';

const data = JSON.parse(fs.readFileSync(new URL('./data/words.json', import.meta.url), 'utf8'));

/** Words, roles, months… of each language: { mk, sq, en }. */
export const LANGS = data.langs;
/** Tags, the same concept per row: [mk, sq, en]. */
export const TAGS = data.tags;
/** Towns: [Macedonian, Albanian nominative, Albanian genitive (for "Komuna e …"), English]. */
export const TOWNS = data.towns;
/** [Macedonian, Albanian, English]. */
export const FOREIGN_CITIES = data.foreignCities;
const { institutions: INSTITUTIONS, embassies: EMBASSIES, regions: REGIONS, policeTowns: POLICE_TOWNS } = data;

/** The partner registry: [{ id, mk, sq, en, abbr: [], name }] in a fixed order. */
export function partnerRegistry() {
  const rows = [];
  for (const [m, s, e, abbr, nameLang] of INSTITUTIONS) {
    rows.push({ mk: m, sq: s, en: e, abbr: abbr ? abbr.split(',') : [], nameLang });
  }
  for (const [m, s, e] of EMBASSIES) {
    rows.push({ mk: `Амбасада на ${m}`, sq: `Ambasada e ${s}`, en: `Embassy of ${e}`, abbr: [], nameLang: 'en' });
  }
  for (const t of TOWNS) {
    const [m, , sgen, e] = t;
    if (m === 'Скопје') rows.push({ mk: 'Град Скопје', sq: 'Qyteti i Shkupit', en: 'City of Skopje', abbr: [], nameLang: 'mk' });
    else rows.push({ mk: `Општина ${m}`, sq: `Komuna e ${sgen}`, en: `Municipality of ${e}`, abbr: [], nameLang: 'mk' });
  }
  for (const [m, s, e] of REGIONS) {
    rows.push({
      mk: `Центар за развој на ${m} плански регион`,
      sq: `Qendra për Zhvillimin e Rajonit Planor ${s}`,
      en: `${e} Planning Region Development Centre`,
      abbr: [],
      nameLang: 'mk',
    });
  }
  for (const m of POLICE_TOWNS) {
    const t = TOWNS.find((x) => x[0] === m);
    rows.push({
      mk: `Сектор за внатрешни работи ${m}`,
      sq: `Sektori për Punë të Brendshme ${t[1]}`,
      en: `Department of Internal Affairs ${t[3]}`,
      abbr: [`СВР ${m}`],
      nameLang: 'mk',
    });
  }
  return rows.map((r, i) => ({ id: `partner-${i + 1}`, ...r, name: r[r.nameLang] }));
}

export const { mkMale: MK_MALE, mkFemale: MK_FEMALE, sqMale: SQ_MALE, sqFemale: SQ_FEMALE, sqSurnames: SQ_SURNAMES } = data.people;
// male forms; female forms are derived (-ски → -ска, -ов → -ова, -ев → -ева)
export const MK_SURNAMES = data.people.mkSurnames;

// ---------------------------------------------------------------- search targets

/** Regular expressions (on lower-cased text) that find the benchmark's search targets. */
export const TARGET_PATTERNS = {
  cooperation: /соработк|bashkëpunim|cooperation/,
  petrevski: /петревски|petrevski/,
};

/** Throws when a word list contains a target form (so target counts stay exact). */
export function assertNoTargets() {
  const re = /соработ|bashkëpun|cooperat|co-operat|петревск|petrevsk/i;
  const all = [];
  for (const l of Object.values(LANGS)) {
    for (const v of Object.values(l)) if (Array.isArray(v)) all.push(...v);
  }
  all.push(...TAGS.flat(), ...TOWNS.flat(), ...FOREIGN_CITIES.flat(), ...MK_SURNAMES, ...SQ_SURNAMES);
  for (const p of partnerRegistry()) all.push(p.mk, p.sq, p.en, ...p.abbr);
  const bad = all.filter((x) => re.test(x));
  if (bad.length) throw new Error(`word lists contain target forms: ${bad.join(', ')}`);
}
