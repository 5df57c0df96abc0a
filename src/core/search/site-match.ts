import { distance } from '../distance.js';
import { foldName } from '../fold.js';
import { formMatches, typoBudget, type WordForms } from './query.js';
import { lineOf, type SiteFiles } from './site-files.js';
import { COLUMN_COUNT } from './site-format.js';
import { tfIn } from './site-postings.js';

/** Counts per column of one query word in one document, and whether its exact form was there. */
export interface DocMatch {
  tf: Float64Array;
  exact: boolean;
}

/** Per document, the weighted counts per column of a word (exact form counts twice, as in the CLI). */
export async function wordMatches(files: SiteFiles, forms: WordForms, fuzzy: boolean): Promise<Map<number, DocMatch>> {
  const out = new Map<number, DocMatch>();
  for (const [term, line] of await termsOf(files, forms, fuzzy)) {
    if (!formMatches(forms, term)) continue;
    const factor = term === forms.exact ? 2 : 1;
    const p = await files.postings(line);
    for (let i = 0; i < p.docs.length; i++) {
      let m = out.get(p.docs[i]);
      if (!m) out.set(p.docs[i], (m = { tf: new Float64Array(COLUMN_COUNT), exact: false }));
      for (let c = 0; c < COLUMN_COUNT; c++) m.tf[c] += factor * tfIn(p.packed[i], c);
      if (factor === 2) m.exact = true;
    }
  }
  return out;
}

/** A phrase: every token exactly, counted as the rarest of them per column (positions are not kept). */
export async function phraseMatches(files: SiteFiles, toks: string[]): Promise<Map<number, DocMatch>> {
  let out: Map<number, DocMatch> | null = null;
  for (const t of toks) {
    const m = await wordMatches(files, { exact: t, prefix: null, variants: [], fuzzy: [] }, false);
    if (!out) out = m;
    else {
      for (const [doc, a] of out) {
        const b = m.get(doc);
        if (!b) out.delete(doc);
        else for (let c = 0; c < COLUMN_COUNT; c++) a.tf[c] = Math.min(a.tf[c], b.tf[c]);
      }
    }
  }
  // Exact tokens count twice in wordMatches; a phrase counts once, as in the CLI.
  for (const m of out?.values() ?? []) for (let c = 0; c < COLUMN_COUNT; c++) m.tf[c] /= 2;
  return out ?? new Map();
}

/** Documents with every word of a name starting a word of one column (person:, tag:, partner:). */
export async function nameDocs(files: SiteFiles, name: string, column: number): Promise<Set<number>> {
  let out: Set<number> | null = null;
  for (const word of foldName(name).split(' ').filter(Boolean)) {
    const docs = new Set<number>();
    for (const [, line] of await files.withPrefix(word)) {
      const p = await files.postings(line);
      p.docs.forEach((d, i) => tfIn(p.packed[i], column) && (!out || out.has(d)) && docs.add(d));
    }
    out = docs;
  }
  return out ?? new Set();
}

/** The terms a word stands for: exact, stem prefix, or (when the exact form is unknown) near misspellings. */
async function termsOf(files: SiteFiles, forms: WordForms, fuzzy: boolean): Promise<[string, string][]> {
  const own = await files.shardFor(forms.exact);
  if (!own) return [];
  const found = new Map<string, string>();
  const exact = lineOf(own, forms.exact);
  if (exact !== null) found.set(forms.exact, exact);
  if (forms.prefix) for (const [t, line] of await files.withPrefix(forms.prefix)) found.set(t, line);
  // Fleeting-vowel forms (екстремизам ↔ екстремизмот) count as inflections, each looked up whole.
  for (const v of forms.variants) {
    const line = await files.exactLine(v);
    if (line !== null) found.set(v, line);
  }
  const budget = typoBudget(forms.exact);
  if (fuzzy && budget > 0 && !found.has(forms.exact) && !forms.variants.some((v) => found.has(v))) {
    // The CLI looks first among words of the same first letter; here the shard of the word.
    const near: { t: string; d: number; n: number; line: string }[] = [];
    own.terms.forEach((t, i) => {
      if (Math.abs(t.length - forms.exact.length) > budget) return;
      const d = distance(forms.exact, t, budget);
      if (d <= budget) near.push({ t, d, n: documentCount(own.lines[i]), line: own.lines[i] });
    });
    near.sort((a, b) => a.d - b.d || b.n - a.n || (a.t < b.t ? -1 : 1));
    for (const h of near.slice(0, 8)) {
      forms.fuzzy.push(h.t);
      found.set(h.t, h.line);
    }
  }
  return [...found.entries()];
}

function documentCount(line: string): number {
  if (line.startsWith('@')) return Number(line.slice(line.indexOf(':') + 1));
  let n = 1;
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 44) n++;
  return n;
}
