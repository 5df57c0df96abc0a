import { formMatches, langMatches, queryLanguages, wordForms, type QueryTerm, type WordForms } from './query.js';
import type { SiteFiles } from './site-files.js';
import { COL, COLUMN_COUNT, type SiteMeta } from './site-format.js';
import { phraseMatches, wordMatches } from './site-match.js';

/** The words of a query scored over the site. */
export interface Ranked {
  /** Per document number, its score (0 for documents no word reached). */
  score: Float64Array;
  /** The documents holding every word; null when the query has none. */
  alive: Set<number> | null;
  /** Whether a token of a text is one the query matched (for highlighting). */
  test: (token: string) => boolean;
}

/**
 * Scores the words and phrases of a query as the CLI ranks them: BM25-like column weights,
 * plus plan.ts's bonus points for a match in the title, partners or other fields, for the
 * exact form, and for a release in a language of the query's script.
 */
export async function rankWords(files: SiteFiles, meta: SiteMeta, positive: QueryTerm[]): Promise<Ranked> {
  const { weights, bonus, scale } = meta;
  const score = new Float64Array(meta.docs);
  let alive: Set<number> | null = null;
  const forms: WordForms[] = [];
  const exactTokens = new Set<string>();
  for (const t of positive) {
    const f = t.phrase ? null : wordForms(t.tokens[0]);
    if (f) forms.push(f);
    else t.tokens.forEach((k) => exactTokens.add(k));
    const matches = f ? await wordMatches(files, f, true) : await phraseMatches(files, t.tokens);
    const next = new Set<number>();
    for (const [doc, m] of matches) {
      if (alive && !alive.has(doc)) continue;
      next.add(doc);
      let s = 0;
      for (let c = 0; c < COLUMN_COUNT; c++) if (m.tf[c] > 0) s += weights[c] * (m.tf[c] / (m.tf[c] + 1.2));
      let points = 0;
      if (m.tf[COL.title] > 0) points += bonus.title;
      if (m.tf[COL.partners] > 0) points += bonus.partners;
      if (m.tf[COL.people] > 0 || m.tf[COL.tags] > 0 || m.tf[COL.location] > 0) points += bonus.meta;
      if (m.exact || !f) points += bonus.exact;
      score[doc] += s + points * scale;
    }
    alive = next;
  }
  // As the CLI: among otherwise equal matches, releases in the query's script's languages first.
  const prefer = queryLanguages(positive.map((t) => t.text).join(' '));
  if (alive && prefer.length && bonus.script) {
    const facts = await files.docFacts();
    for (const doc of alive) if (prefer.some((l) => langMatches(facts.lang[doc], l))) score[doc] += bonus.script * scale;
  }
  return { score, alive, test: (token) => exactTokens.has(token) || forms.some((f) => formMatches(f, token)) };
}

/** The documents (all of them when no word was asked) that pass every test, best first. */
export function bestFirst(ranked: Ranked, docCount: number, keep: ((doc: number) => boolean)[]): number[] {
  const { score, alive } = ranked;
  const docs: number[] = [];
  if (alive) for (const doc of alive) if (keep.every((k) => k(doc))) docs.push(doc);
  if (!alive) for (let doc = 0; doc < docCount; doc++) if (keep.every((k) => k(doc))) docs.push(doc);
  // Rounded as the CLI rounds, so that near-equal scores fall back to newest first.
  const rounded = (d: number) => Number(score[d].toPrecision(4));
  docs.sort((a, b) => rounded(b) - rounded(a) || a - b);
  return docs;
}
