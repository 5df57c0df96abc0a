import { foldName } from '../fold.js';
import { releaseFilter, type Filters } from '../filters.js';
import type { Registry } from '../registry.js';
import {
  formMatches,
  langMatches,
  parseQuery,
  queryLanguages,
  tokens,
  typoBudget,
  wordForms,
  yearBounds,
  type ParsedQuery,
  type QueryTerm,
  type WordForms,
} from './query.js';

import type { ArchivedRelease, Release } from '../types.js';
import type { Highlighter } from './word-scan.js';
import { columnTexts } from '../store/documents.js';

/** One release found, with its relevance (higher is better; 0 when nothing was ranked). */
export interface SearchHit {
  release: ArchivedRelease;
  score: number;
}

/** What a search found: the best hits, how many matched in all, and, when none did, nearby words. */
export interface SearchOutcome {
  hits: SearchHit[];
  total: number;
  /** Words of the archive close to the query's, as written in the releases (only when nothing matched). */
  suggestions: string[];
  plan: SearchPlan;
}

/**
 * Points a release earns for each query term, by where the term is: BM25 alone barely
 * separates a title match from a body match (column weights saturate), so matches in the
 * title, the partners and the other named fields, and exact (not inflected or corrected)
 * forms, come first; BM25 only orders releases within the same points. `script` is earned
 * once by a release in a language the query's letters point to (a Cyrillic query, a
 * Macedonian release): less than any difference of the other points, so it orders only
 * matches that are otherwise equal.
 */
export const BONUS = { title: 4, partners: 3, meta: 1.5, exact: 3, script: 0.4 };

/** How much one bonus point outweighs the engines' own relevance score. */
export const BONUS_SCALE = 5;

/** What the search engines need to know about the words of an archive. */
export interface Vocabulary {
  /** True when some release holds exactly this folded token. */
  has(token: string): boolean;
  /** Tokens of the archive within `max` typos of `word`, closest (then most common) first. */
  near(word: string, max: number, limit: number): string[];
}

/** One word or phrase of the query with everything it may match. */
export interface TermPlan {
  term: QueryTerm;
  /** For a one-token word: exact form, stem prefix and typo corrections. */
  forms: WordForms | null;
  /** Names of the registry partner the term names, as token lists, matched in `partners`. */
  aliases: string[][];
}

/** A query made ready for an engine: terms with their forms, and the filters to apply. */
export interface SearchPlan {
  positive: TermPlan[];
  negative: TermPlan[];
  /** The flags' filters merged with the query's field terms. */
  filters: Filters;
  /** `lang:` terms; all must match (as the `--lang` flag). */
  langs: string[];
  /** Languages the query's letters point to (see `queryLanguages`): their releases earn BONUS.script. */
  prefer: string[];
}

/**
 * Every name of the registry partner a term names, as token lists: a whole name, or a
 * word that stands for its partner inside a longer name (`osbe`, see `partnerOfWord`).
 */
function aliasTokens(term: QueryTerm, registry: Registry): string[][] {
  const partner = registry.resolve(term.text) ?? (term.tokens.length === 1 ? registry.partnerOfWord(term.tokens[0]) : undefined);
  if (!partner) return [];
  return [partner.name, partner.id, ...partner.aliases].map((n) => foldName(n).split(' ').filter(Boolean)).filter((t) => t.length > 0);
}

function planTerm(term: QueryTerm, registry: Registry, vocab: Vocabulary, fuzzy: boolean): TermPlan {
  const forms = term.phrase ? null : wordForms(term.tokens[0]);
  const budget = forms ? typoBudget(forms.exact) : 0;
  // A word found in another inflection (across a fleeting vowel) needs no typo tolerance.
  if (forms && fuzzy && budget > 0 && !vocab.has(forms.exact) && !forms.variants.some((v) => vocab.has(v)))
    forms.fuzzy = vocab.near(forms.exact, budget, 8);
  return { term, forms, aliases: aliasTokens(term, registry) };
}

/** Turns a query string and the command's filters into a plan for either engine. */
export function planSearch(query: string | ParsedQuery, flags: Filters, registry: Registry, vocab: Vocabulary): SearchPlan {
  const q = typeof query === 'string' ? parseQuery(query) : query;
  const years = yearBounds(q.years);
  const from = [flags.from, years.from].filter(Boolean).sort().pop();
  const to = [flags.to, years.to].filter(Boolean).sort()[0];
  let positive = q.terms.filter((t) => !t.negated);
  // Unquoted words that together name a registry partner (`Европска унија`) are searched
  // as that partner's name: a phrase, expanded to all its aliases.
  const words = positive.filter((t) => !t.phrase);
  if (words.length > 1 && registry.resolve(words.map((t) => t.text).join(' '))) {
    const text = words.map((t) => t.text).join(' ');
    positive = [...positive.filter((t) => t.phrase), { text, tokens: words.flatMap((t) => t.tokens), phrase: true, negated: false }];
  }
  return {
    positive: positive.map((t) => planTerm(t, registry, vocab, true)),
    negative: q.terms.filter((t) => t.negated).map((t) => planTerm(t, registry, vocab, false)),
    filters: {
      ...flags,
      from,
      to,
      partners: [...flags.partners, ...q.partners],
      tags: [...flags.tags, ...q.tags],
      people: [...flags.people, ...q.people],
    },
    langs: [...(flags.lang ? [flags.lang.toLowerCase()] : []), ...q.langs],
    prefer: queryLanguages(positive.map((t) => t.text).join(' ')),
  };
}

/** True when a release in `lang` earns BONUS.script for this plan. */
export function preferred(plan: SearchPlan, lang: string): boolean {
  return plan.prefer.some((l) => langMatches(lang, l));
}

/** The exact test every hit passes: the filters and the `lang:` terms. */
export function planFilter(plan: SearchPlan, registry: Registry): (r: ArchivedRelease) => boolean {
  const base = releaseFilter(plan.filters, registry);
  return (r) => base(r) && plan.langs.every((l) => langMatches(r.lang, l));
}

/** How a folded token is written in a release (`sorabotka` → `соработка`), for suggestions. */
export function originalWord(r: Release, token: string): string | undefined {
  for (const text of columnTexts(r)) {
    for (const word of text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []) {
      if (tokens(word).includes(token)) return word.toLowerCase();
    }
  }
  return undefined;
}

/**
 * The test of folded tokens for highlighting (which words of a text the query matched),
 * with the strings every token it accepts starts with (see `Highlighter`). Partner names
 * count only through their longer words, so `i` or `to` are not lit up.
 */
export function highlighter(plan: SearchPlan): Highlighter {
  const words = plan.positive.flatMap((p) => (p.forms ? [p.forms] : []));
  const exact = new Set<string>();
  for (const p of plan.positive) {
    if (!p.forms) p.term.tokens.forEach((t) => exact.add(t));
    p.aliases
      .flat()
      .filter((t) => t.length >= 3)
      .forEach((t) => exact.add(t));
  }
  const starts = [...exact, ...words.flatMap((f) => [f.exact, ...(f.prefix === null ? [] : [f.prefix]), ...f.variants, ...f.fuzzy])];
  return { test: (token) => exact.has(token) || words.some((f) => formMatches(f, token)), starts };
}
