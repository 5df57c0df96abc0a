import { parsePeriodArg } from '../dates.js';
import { usageError } from '../errors.js';
import { fold } from '../fold.js';
import { fleetingForms } from './fleeting.js';

/** A word or a quoted phrase of a query, folded into index tokens. */
export interface QueryTerm {
  /** As the user wrote it (without quotes or the leading `-`). */
  text: string;
  /** Folded tokens: one for a word, several for a phrase (or a word like `osbe-së`). */
  tokens: string[];
  phrase: boolean;
  /** `-word`: releases holding it are left out. */
  negated: boolean;
}

/** A search query as typed: words and phrases, plus field terms that act as filters. */
export interface ParsedQuery {
  terms: QueryTerm[];
  partners: string[];
  tags: string[];
  people: string[];
  langs: string[];
  /** Inclusive year ranges from `year:` terms. */
  years: { from: number; to: number }[];
}

const FIELDS = ['partner', 'tag', 'person', 'lang', 'year'] as const;
const TOKEN = /[\p{L}\p{N}]+/gu;

/** Splits folded text into the tokens the index holds (what SQLite's unicode61 tokenizer sees). */
export function tokens(text: string): string[] {
  return fold(text).match(TOKEN) ?? [];
}

function readYear(value: string): { from: number; to: number } {
  const m = /^(\d{4})(?:(?:-|\.\.)(\d{4}))?$/.exec(value);
  if (!m) throw usageError(`year:${value} is not a year`, 'write year:2018 or year:2016..2018');
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  if (to < from) throw usageError(`year:${value} ends before it starts`, `write year:${m[2]}..${m[1]}`);
  return { from, to };
}

/**
 * Reads a query: words, `"quoted phrases"`, `-word` or `-"phrase"` to exclude, and field
 * terms `partner:`, `tag:`, `person:`, `lang:`, `year:` (values may be quoted). A word such
 * as `http://x` whose prefix is not a field name stays a word.
 */
export function parseQuery(query: string): ParsedQuery {
  const out: ParsedQuery = { terms: [], partners: [], tags: [], people: [], langs: [], years: [] };
  const re = /(-?)(?:([\p{L}]+):)?(?:"([^"]*)"?|(\S+))/gu;
  for (const m of query.matchAll(re)) {
    const negated = m[1] === '-';
    const field = m[2]?.toLowerCase() as (typeof FIELDS)[number] | undefined;
    const value = (m[3] ?? m[4] ?? '').trim();
    const quoted = m[3] !== undefined;
    if (field && FIELDS.includes(field) && !negated) {
      if (!value)
        throw usageError(
          `${field}: needs a value`,
          `write ${field}:VALUE, e.g. ${field === 'year' ? 'year:2018' : `${field}:"two words"`}`,
        );
      if (field === 'partner') out.partners.push(value);
      else if (field === 'tag') out.tags.push(value);
      else if (field === 'person') out.people.push(value);
      else if (field === 'lang') out.langs.push(value.toLowerCase());
      else out.years.push(readYear(value));
      continue;
    }
    const text = field ? `${m[2]}:${value}` : value;
    const toks = tokens(text);
    if (toks.length === 0) continue;
    out.terms.push({ text, tokens: toks, phrase: quoted || toks.length > 1, negated });
  }
  return out;
}

// Inflection endings, longest first: Macedonian articles and plurals (folded), Albanian
// definite forms, English plurals and verb forms. Cutting one gives the stem whose
// prefix search finds the other forms of the word.
const ENDINGS = [
  'ovite',
  'ovata',
  'ovi',
  'ite',
  'ata',
  'ta',
  'to',
  'ot',
  'te',
  'na',
  've',
  'it',
  'in',
  'es',
  'ing',
  'ed',
  'ation',
  'ations',
  'ka',
  'ki',
  'ja',
  'ii',
  'ija',
  'a',
  'e',
  'i',
  'o',
  'u',
  's',
  'y',
  'ë',
].sort((a, b) => b.length - a.length);

/** The stem of a folded word: one inflection ending cut, never shorter than 4 letters. */
export function stem(word: string): string {
  if (word.length <= 4 || /^\d+$/.test(word)) return word;
  for (const end of ENDINGS) {
    if (word.endsWith(end) && word.length - end.length >= 4) return word.slice(0, -end.length);
  }
  return word;
}

/** How many typos a word of this length may hold and still match. */
export function typoBudget(word: string): number {
  return word.length < 5 ? 0 : word.length < 8 ? 1 : 2;
}

/** The forms one query word matches: itself, its stem as a prefix, other inflections, and typo corrections. */
export interface WordForms {
  exact: string;
  prefix: string | null;
  /** Inflected forms the prefix cannot reach, matched whole and ranked as inflections (see `fleetingForms`). */
  variants: string[];
  fuzzy: string[];
}

/** The exact, prefix and inflected forms of a folded word; `fuzzy` is filled from the vocabulary. */
export function wordForms(word: string): WordForms {
  const s = stem(word);
  const letters = word.length >= 3 && !/^\d+$/.test(word);
  return { exact: word, prefix: letters ? s : null, variants: letters ? fleetingForms(word) : [], fuzzy: [] };
}

/** True when a folded token is one of the forms (exact, prefix of the stem, an inflection or a correction). */
export function formMatches(forms: WordForms, token: string): boolean {
  return (
    token === forms.exact ||
    (forms.prefix !== null && token.startsWith(forms.prefix)) ||
    forms.variants.includes(token) ||
    forms.fuzzy.includes(token)
  );
}

/** Languages written in Cyrillic. */
const CYRILLIC_LANGS = ['mk', 'bg', 'sr', 'ru', 'uk', 'be'];

/**
 * The languages a query's own letters point to: mostly Cyrillic → the Cyrillic languages;
 * Albanian letters (ë, ç) → sq; otherwise none, as Latin alone does not tell sq from en.
 */
export function queryLanguages(text: string): string[] {
  const cyrillic = text.match(/[\u0400-\u04ff]/g)?.length ?? 0;
  const latin = text.match(/[a-z\u00c0-\u024f]/gi)?.length ?? 0;
  if (cyrillic > latin) return CYRILLIC_LANGS;
  return /[ëç]/i.test(text) ? ['sq'] : [];
}

/** True when a release language is one of `lang:` (a code, or its region variants). */
export function langMatches(lang: string, wanted: string): boolean {
  const l = lang.toLowerCase();
  return l === wanted || l.startsWith(`${wanted}-`);
}

/** Keeps the year ranges and `--from`/`--to` together: the period every result must overlap. */
export function yearBounds(years: ParsedQuery['years']): { from?: string; to?: string } {
  if (years.length === 0) return {};
  const from = Math.max(...years.map((y) => y.from));
  const to = Math.min(...years.map((y) => y.to));
  const a = parsePeriodArg(String(from));
  const b = parsePeriodArg(String(Math.max(to, 1)));
  if (!a.ok || !b.ok) return {};
  // Disjoint years leave an empty range, which matches nothing, as the user asked.
  return { from: a.period.start, to: to < from ? '0000-00-00' : b.period.end };
}
