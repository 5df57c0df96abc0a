import { foldName } from '../fold.js';
import type { Filters } from '../filters.js';
import type { Registry } from '../registry.js';
import { distance } from '../distance.js';
import { BONUS, type SearchPlan, type TermPlan, type Vocabulary } from './plan.js';
import type { Database } from '../store/sqlite.js';

const quote = (tokens: string[]) => `"${tokens.join(' ').replace(/"/g, '""')}"`;

function aliasClause(aliases: string[][]): string[] {
  return aliases.length ? [`partners : (${aliases.map(quote).join(' OR ')})`] : [];
}

/** The FTS5 expression of one word or phrase: any of its forms, or its partner's names. */
export function termExpression(p: TermPlan, withAliases = true): string {
  const alts: string[] = [];
  if (p.forms) {
    alts.push(quote([p.forms.exact]));
    if (p.forms.prefix) alts.push(`${quote([p.forms.prefix])}*`);
    for (const v of p.forms.variants) alts.push(quote([v]));
    for (const f of p.forms.fuzzy) alts.push(quote([f]));
  } else {
    alts.push(quote(p.term.tokens));
  }
  if (withAliases) alts.push(...aliasClause(p.aliases));
  return `(${alts.join(' OR ')})`;
}

/** The FTS5 expressions that earn a term its bonus points (see BONUS), each with its points. */
export function bonusExpressions(p: TermPlan): [string, number][] {
  const forms = termExpression(p, false);
  const inPartners = [`partners : ${forms}`, ...aliasClause(p.aliases)].join(' OR ');
  return [
    [`title : ${forms}`, BONUS.title],
    [`(${inPartners})`, BONUS.partners],
    [`{people tags location} : ${forms}`, BONUS.meta],
    [p.forms ? quote([p.forms.exact]) : quote(p.term.tokens), BONUS.exact],
  ];
}

/** Words of a name filter as prefixes: every word must start a word of the field. */
function namePrefixes(column: string, name: string): string | null {
  const words = foldName(name).split(' ').filter(Boolean);
  return words.length ? `${column} : (${words.map((w) => `${quote([w])}*`).join(' AND ')})` : null;
}

/**
 * FTS5 clauses that narrow the candidates for the name filters (partner, tag, person,
 * location). They only pre-select: the exact test is `releaseFilter` on each candidate.
 */
export function filterExpressions(filters: Filters, registry: Registry): string[] {
  const out: string[] = [];
  for (const name of filters.partners) {
    const names = registry
      .lookup(name)
      .flatMap((p) => [p.name, p.id, ...p.aliases])
      .map((n) => foldName(n).split(' ').filter(Boolean))
      .filter((t) => t.length);
    const own = namePrefixes('partners', name);
    out.push(`(${[...(own ? [own] : []), ...aliasClause(names)].join(' OR ')})`);
  }
  for (const t of filters.tags) out.push(namePrefixes('tags', t) ?? '');
  for (const p of filters.people) out.push(namePrefixes('people', p) ?? '');
  if (filters.location) out.push(namePrefixes('location', filters.location) ?? '');
  return out.filter((c) => c && c !== '()');
}

/** The whole MATCH expression, or null when nothing narrows the search (scan everything). */
export function matchExpression(plan: SearchPlan, registry: Registry): { match: string | null; exclude: string | null } {
  const must = [...plan.positive.map((p) => termExpression(p)), ...filterExpressions(plan.filters, registry)];
  const exclude = plan.negative.length ? plan.negative.map((p) => termExpression(p)).join(' OR ') : null;
  if (!must.length) return { match: null, exclude };
  const match = must.join(' AND ');
  return { match: exclude ? `(${match}) NOT (${exclude})` : match, exclude };
}

/** The archive's words as the FTS5 vocabulary table holds them. */
export class IndexVocabulary implements Vocabulary {
  private all: [string, number][] | undefined;

  constructor(private readonly db: Database) {}

  has(token: string): boolean {
    return this.db.prepare('SELECT 1 FROM vocab WHERE term = ?').get(token) !== undefined;
  }

  near(word: string, max: number, limit: number): string[] {
    // A typo in the first letter is rare; looking there first keeps this to a slice of the
    // vocabulary. Only when that finds nothing is the whole vocabulary read.
    const first = String.fromCodePoint(word.codePointAt(0)!);
    const next = String.fromCodePoint(word.codePointAt(0)! + 1);
    const slice = this.db.prepare('SELECT term, doc FROM vocab WHERE term >= ? AND term < ?').raw().all(first, next) as [string, number][];
    const found = closest(slice, word, max, limit);
    if (found.length) return found;
    // Read once per search: fts5vocab walks every term's whole document list to count its
    // documents, which costs the same with or without a filter on the term's length.
    this.all ??= this.db.prepare('SELECT term, doc FROM vocab').raw().all() as [string, number][];
    return closest(this.all, word, max, limit);
  }
}

/** A 32-bit set of the letters of `s` (by char code modulo 32): a letter whose bit is missing is not in `s`. */
function letterBits(s: string): number {
  let bits = 0;
  for (let i = 0; i < s.length; i++) bits |= 1 << (s.charCodeAt(i) & 31);
  return bits;
}

/** How many letters of `s` are surely not in the string of `bits`. */
function missing(s: string, bits: number): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if ((bits & (1 << (s.charCodeAt(i) & 31))) === 0) n++;
  return n;
}

/** The terms within `max` edits of `word`, nearest then most frequent first. */
export function closest(terms: Iterable<[string, number]>, word: string, max: number, limit: number): string[] {
  const hits: { term: string; d: number; n: number }[] = [];
  const wordBits = letterBits(word);
  for (const [term, n] of terms) {
    if (term === word || Math.abs(term.length - word.length) > max) continue;
    // Each letter of one word that the other lacks takes an edit of its own (a swap keeps
    // the letters): most of the vocabulary is ruled out before the distance is computed.
    if (missing(term, wordBits) > max || missing(word, letterBits(term)) > max) continue;
    const d = distance(word, term, max);
    if (d <= max) hits.push({ term, d, n });
  }
  return hits
    .sort((a, b) => a.d - b.d || b.n - a.n || (a.term < b.term ? -1 : 1))
    .slice(0, limit)
    .map((h) => h.term);
}
