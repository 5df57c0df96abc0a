/**
 * Transliteration and folding: how names and words are compared across case, diacritics
 * and script. `ОБСЕ`, `obse` and `OBSE` fold to one key; `ѓ` folds to `gj`, never to `g`.
 */

/** The official Macedonian Cyrillic → Latin table (31 letters), lower case. */
const MACEDONIAN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ѓ: 'gj',
  е: 'e',
  ж: 'zh',
  з: 'z',
  ѕ: 'dz',
  и: 'i',
  ј: 'j',
  к: 'k',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ќ: 'kj',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'ch',
  џ: 'dzh',
  ш: 'sh',
};

/** Letters of neighbouring Cyrillic alphabets, so their names still fold to something readable. */
const OTHER_CYRILLIC: Record<string, string> = {
  ѐ: 'e',
  ѝ: 'i',
  ђ: 'dj',
  ћ: 'c',
  й: 'j',
  ы: 'y',
  э: 'e',
  ю: 'ju',
  я: 'ja',
  щ: 'sht',
  ъ: 'a',
  ь: '',
  ё: 'e',
  є: 'je',
  і: 'i',
  ї: 'ji',
  ґ: 'g',
  ў: 'u',
};

const TABLE: Record<string, string> = { ...OTHER_CYRILLIC, ...MACEDONIAN };
const CYRILLIC = /[\u0400-\u04ff]/;
const CYRILLIC_ALL = /[\u0400-\u04ff]/g;
const COMBINING = /[\u0300-\u036f]/g;

function mapCyrillic(lower: string): string {
  return lower.replace(CYRILLIC_ALL, (ch) => TABLE[ch] ?? ch);
}

/**
 * Writes Cyrillic text in Latin letters with the Macedonian table, keeping case
 * (`Ѓорѓи` → `Gjorgji`, `ЏЏ` → `DZHDZH`). Other text is returned as it is.
 */
export function transliterate(text: string): string {
  if (!CYRILLIC.test(text)) return text;
  // NFC first so that a decomposed ѓ (г + combining acute) is still one letter.
  return text.normalize('NFC').replace(CYRILLIC_ALL, (ch) => {
    const lower = ch.toLowerCase();
    const latin = TABLE[lower];
    if (latin === undefined) return ch;
    if (ch === lower || latin.length === 0) return latin;
    return latin[0].toUpperCase() + latin.slice(1);
  });
}

/**
 * The comparison key of a text: lower case, Cyrillic transliterated, Latin diacritics
 * removed (`bashkëpunim` → `bashkepunim`). The Macedonian table is applied before marks
 * are stripped, so `ѓ` stays `gj` and never becomes `g`.
 */
export function fold(text: string): string {
  const lower = text.normalize('NFC').toLowerCase();
  return mapCyrillic(lower).normalize('NFD').replace(COMBINING, '').normalize('NFC');
}

/** Folds and reduces a name to words separated by single spaces, for name matching. */
export function foldName(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Albanian letters whose sound the Macedonian table writes differently. */
const ALBANIAN = /xh|ç|x|q/g;
const ALBANIAN_SOUNDS: Record<string, string> = { xh: 'dzh', ç: 'ch', x: 'dz', q: 'kj' };

/**
 * A name written in Albanian spelling, read with the Macedonian table: `Borçe` → `borche`
 * (Борче), `Xhaferi` → `dzhaferi` (Џафери). Albanian and Macedonian releases name the same
 * people and places, each in its own spelling; `fold` alone gives `borce` for one and
 * `borche` for the other. Null when the name has none of those letters.
 */
export function albanianReading(text: string): string | null {
  const lower = text.normalize('NFC').toLowerCase();
  ALBANIAN.lastIndex = 0;
  if (!ALBANIAN.test(lower)) return null;
  return foldName(lower.replace(ALBANIAN, (m) => ALBANIAN_SOUNDS[m]!));
}

function wordsMatch(words: string[], wanted: string[]): boolean {
  if (words.join(' ').includes(wanted.join(' '))) return true;
  return wanted.every((w) => words.some((v) => v.startsWith(w)));
}

/**
 * True when `query` names `value`: every query word starts a word of the value. A name in
 * Albanian spelling also matches its Macedonian one, either way round (`Borçe` ↔ `Борче`).
 */
export function nameMatches(value: string, query: string): boolean {
  const wanted = foldName(query).split(' ').filter(Boolean);
  if (wanted.length === 0) return false;
  const words = foldName(value).split(' ');
  if (wordsMatch(words, wanted)) return true;
  const valueReading = albanianReading(value);
  if (valueReading !== null && wordsMatch(valueReading.split(' '), wanted)) return true;
  const queryReading = albanianReading(query);
  return queryReading !== null && wordsMatch(words, queryReading.split(' ').filter(Boolean));
}
