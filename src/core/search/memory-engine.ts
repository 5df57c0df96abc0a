import type { Archive } from '../archive.js';
import type { Filters } from '../filters.js';
import { formMatches, tokens, typoBudget } from './query.js';
import type { ArchivedRelease } from '../types.js';
import { compareNewestFirst } from '../validate.js';
import { columnTexts, WEIGHTS } from '../store/documents.js';
import { closest } from './fts.js';
import {
  BONUS,
  BONUS_SCALE,
  originalWord,
  planFilter,
  planSearch,
  preferred,
  type SearchHit,
  type SearchOutcome,
  type TermPlan,
  type Vocabulary,
} from './plan.js';

interface Doc {
  release: ArchivedRelease;
  columns: string[][];
}

const PARTNERS = 1;

function countSequence(haystack: string[], needle: string[]): number {
  let n = 0;
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((t, j) => haystack[i + j] === t)) n++;
  }
  return n;
}

/** How strongly a document matches one term: BM25-like saturation per column, weighted. */
function termScore(p: TermPlan, doc: Doc): number {
  let score = 0;
  doc.columns.forEach((col, c) => {
    let tf = 0;
    if (p.forms) {
      // An exact form counts twice, as it matches both the word and its stem prefix in FTS5.
      for (const t of col) if (formMatches(p.forms, t)) tf += t === p.forms.exact ? 2 : 1;
    } else {
      tf += countSequence(col, p.term.tokens);
    }
    if (c === PARTNERS) for (const alias of p.aliases) tf += countSequence(col, alias);
    if (tf > 0) score += WEIGHTS[c] * (tf / (tf + 1.2)) * (1 / (1 + Math.log1p(col.length) / 8));
  });
  return score;
}

const META = [2, 3, 4];

/** The bonus points of one term in one document, as the index gives them (see BONUS). */
function termBonus(p: TermPlan, doc: Doc): number {
  const has = (col: string[]) => (p.forms ? col.some((t) => formMatches(p.forms!, t)) : countSequence(col, p.term.tokens) > 0);
  const cols = doc.columns;
  let points = 0;
  if (has(cols[0])) points += BONUS.title;
  if (has(cols[PARTNERS]) || p.aliases.some((a) => countSequence(cols[PARTNERS], a) > 0)) points += BONUS.partners;
  if (META.some((c) => has(cols[c]))) points += BONUS.meta;
  if (cols.some((col) => (p.forms ? col.includes(p.forms.exact) : countSequence(col, p.term.tokens) > 0))) points += BONUS.exact;
  return points;
}

/** The words of the loaded archive, with how many releases hold each. */
class MemoryVocabulary implements Vocabulary {
  readonly counts = new Map<string, number>();
  constructor(docs: Doc[]) {
    for (const d of docs) for (const t of new Set(d.columns.flat())) this.counts.set(t, (this.counts.get(t) ?? 0) + 1);
  }
  has(token: string): boolean {
    return this.counts.has(token);
  }
  near(word: string, max: number, limit: number): string[] {
    return closest(this.counts, word, max, limit);
  }
}

/**
 * Searches releases already loaded, with the same query semantics as the index (same
 * plan, same forms, same filters): used when better-sqlite3 cannot be loaded.
 */
export function searchMemory(archive: Archive, query: string, flags: Filters, limit?: number): SearchOutcome {
  const docs: Doc[] = archive.releases.map((release) => ({ release, columns: columnTexts(release).map(tokens) }));
  const vocab = new MemoryVocabulary(docs);
  const plan = planSearch(query, flags, archive.registry, vocab);
  const accept = planFilter(plan, archive.registry);
  const found: SearchHit[] = [];
  for (const doc of docs) {
    if (!accept(doc.release)) continue;
    if (plan.negative.some((p) => termScore(p, doc) > 0)) continue;
    let score = 0;
    let all = true;
    for (const p of plan.positive) {
      const s = termScore(p, doc);
      if (s === 0) {
        all = false;
        break;
      }
      score += s + termBonus(p, doc) * BONUS_SCALE;
    }
    if (all && preferred(plan, doc.release.lang)) score += BONUS.script * BONUS_SCALE;
    if (all) found.push({ release: doc.release, score: Number(score.toPrecision(4)) });
  }
  found.sort((a, b) => b.score - a.score || compareNewestFirst(a.release, b.release));
  const suggestions: string[] = [];
  if (found.length === 0) {
    for (const p of plan.positive) {
      if (!p.forms) continue;
      for (const token of vocab.near(p.forms.exact, Math.max(2, typoBudget(p.forms.exact) + 1), 3)) {
        const doc = docs.find((d) => d.columns.some((col) => col.includes(token)));
        const word = (doc && originalWord(doc.release, token)) ?? token;
        if (!suggestions.includes(word)) suggestions.push(word);
      }
    }
  }
  return { hits: limit === undefined ? found : found.slice(0, limit), total: found.length, plan, suggestions: suggestions.slice(0, 3) };
}
