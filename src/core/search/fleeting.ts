/**
 * Fleeting vowels: Macedonian (and Albanian) nouns and adjectives whose last `а`/`е` (`ë`)
 * drops when an ending is added: екстремизам → екстремизмот, центар → центри, борец →
 * борци, регионален → регионална, ekstremizëm → ekstremizmi. Prefix search cannot join
 * the two, as neither form starts the other. The rules work on folded text, where the
 * Cyrillic and the Latin spellings meet (`ekstremizam` ↔ `ekstremizmot`).
 */

/**
 * Endings that follow a stem whose vowel has dropped: Macedonian articles (-от, -ов, -он),
 * plurals (-и, -ите, -иве, -ине), adjective forms (-а, -о, -ата, -ото, -иот), and Albanian
 * definite forms (-i, -it, -in, -at).
 */
const ENDINGS = ['ot', 'ov', 'on', 'i', 'ite', 'ive', 'ine', 'a', 'ata', 'ava', 'ana', 'o', 'oto', 'ovo', 'ono', 'iot', 'it', 'in', 'at'];

// Folded text writes every Cyrillic consonant with these letters (ж → zh, љ → lj, ...).
const CONSONANT = /^[bcdfghjklmnpqrstvwxz]$/;
const isConsonant = (ch: string | undefined): boolean => ch !== undefined && CONSONANT.test(ch);

/**
 * The other forms of a folded word across a fleeting vowel, matched whole:
 * - a base form ending consonant + `a`/`e` + consonant (`ekstremizam`, 6+ letters) gives
 *   the vowel-less stem with each ending (`ekstremizmot`, `ekstremizmi`, `ekstremizmit`);
 * - an inflected form whose stem ends in two consonants (`ekstremizm|ot`, 5+ letters)
 *   gives the base forms with `a` and with `e` put back (`ekstremizam`, `ekstremizem`).
 * Also `-ок` ↔ `-оци` (почеток → почетоци). Forms that are not words match nothing.
 */
export function fleetingForms(word: string): string[] {
  const out = new Set<string>();
  const n = word.length;
  if (n < 5 || /\d/.test(word)) return [];
  if (n >= 6 && isConsonant(word[n - 1]) && (word[n - 2] === 'a' || word[n - 2] === 'e') && isConsonant(word[n - 3])) {
    const bare = word.slice(0, n - 2) + word[n - 1];
    for (const e of ENDINGS) out.add(bare + e);
  }
  for (const e of ENDINGS) {
    const s = word.slice(0, n - e.length);
    if (!word.endsWith(e) || s.length < 5 || !isConsonant(s.at(-1)) || !isConsonant(s.at(-2))) continue;
    out.add(`${s.slice(0, -1)}a${s.at(-1)}`);
    out.add(`${s.slice(0, -1)}e${s.at(-1)}`);
  }
  if (n >= 6 && word.endsWith('ok')) out.add(`${word.slice(0, -1)}ci`).add(`${word.slice(0, -1)}cite`);
  const plural = /^(.{4,}o)ci(te)?$/.exec(word);
  if (plural) out.add(`${plural[1]}k`);
  out.delete(word);
  return [...out];
}
