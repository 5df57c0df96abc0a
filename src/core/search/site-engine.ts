import { distance } from '../distance.js';
import { foldName } from '../fold.js';
import type { Release } from '../types.js';
import {
  formMatches,
  langMatches,
  parseQuery,
  queryLanguages,
  typoBudget,
  wordForms,
  yearBounds,
  type ParsedQuery,
  type WordForms,
} from './query.js';
import {
  COL,
  COLUMN_COUNT,
  dayNumber,
  decodeFacts,
  decodeKeys,
  decodePostings,
  shardOf,
  shardsForPrefix,
  tfIn,
  type DocFacts,
  type Fragment,
  type SiteMeta,
} from './site-format.js';
import { makeSnippet, markMatches, type Snippet } from './snippet.js';

/**
 * The exported site's search engine: the CLI's query semantics (src/core/search/query.ts:
 * folding, stems, typo budget, phrases, -word, field terms) and ranking (plan.ts BONUS over
 * BM25-like column weights) over the sharded files of site-format.ts. Pure and DOM-free: it
 * runs in Node for tests and is bundled into the site's `assets/search-engine.js`; `load`
 * is the only way it reads (a `<script>` tag in the browser, a file read in Node).
 */

/** Reads one data file (`search/<name>.js`) and gives its payload. */
export type Load = (name: string) => Promise<unknown>;

/** A search as the URL holds it; empty strings are no filter. */
export interface SiteQuery {
  q: string;
  year?: string;
  partner?: string;
  lang?: string;
  from?: string;
  to?: string;
  person?: string;
  tag?: string;
}

/** What a search found: document numbers best first, and the test of matched words for highlighting. */
export interface SiteResult {
  docs: number[];
  test: (token: string) => boolean;
  /** False when there was neither a word nor a filter (the page then shows its own list). */
  asked: boolean;
}

/** One hit as the page shows it. */
export interface SiteHit {
  doc: number;
  page: string;
  title: Snippet;
  lang: string;
  period: string;
  place: string;
  partners: string;
  /** The people named, with the matches marked (a name is often why a release matched). */
  people: Snippet;
  excerpt: Snippet;
}

interface Shard {
  terms: string[];
  lines: string[];
}

interface Postings {
  docs: number[];
  packed: number[];
}

/** Counts per column of one query word in one document, and whether its exact form was there. */
interface DocMatch {
  tf: Float64Array;
  exact: boolean;
}

const NO_MATCH = () => false;

export class SiteSearch {
  private readonly cache = new Map<string, Promise<unknown>>();
  private readonly keys: string[];
  private readonly keyIndex: Map<string, number>;
  private readonly longest: number;
  private facts: Promise<ReturnType<typeof decodeFacts>> | null = null;

  constructor(
    readonly meta: SiteMeta,
    private readonly load: Load,
  ) {
    this.keys = decodeKeys(meta.keys);
    this.keyIndex = new Map(this.keys.map((k, i) => [k, i]));
    this.longest = this.keys.reduce((n, k) => Math.max(n, k.length), 0);
  }

  private file(name: string): Promise<unknown> {
    let p = this.cache.get(name);
    if (!p) {
      p = this.load(name);
      this.cache.set(name, p);
      p.catch(() => this.cache.delete(name));
    }
    return p;
  }

  private async shard(n: number): Promise<Shard> {
    const [terms, lines] = (await this.file(`w/${n}`)) as [string, string];
    return { terms: terms ? terms.split('\n') : [], lines: lines ? lines.split('\n') : [] };
  }

  private async postings(line: string): Promise<Postings> {
    if (line.startsWith('@')) return decodePostings((await this.file(`p/${line.slice(1, line.indexOf(':'))}`)) as string);
    return decodePostings(line);
  }

  /** The terms of the site starting with `prefix` (with their posting lines). */
  private async withPrefix(prefix: string): Promise<[string, string][]> {
    const shards = await Promise.all(shardsForPrefix(prefix, this.keys, this.keyIndex, this.longest).map((n) => this.shard(n)));
    const out: [string, string][] = [];
    for (const s of shards) {
      for (let i = lowerBound(s.terms, prefix); i < s.terms.length && s.terms[i].startsWith(prefix); i++)
        out.push([s.terms[i], s.lines[i]]);
    }
    return out;
  }

  /** The posting line of one term, or null when the site does not hold it. */
  private async exactLine(term: string): Promise<string | null> {
    const n = shardOf(term, this.keyIndex, this.longest);
    if (n < 0) return null;
    const s = await this.shard(n);
    const at = lowerBound(s.terms, term);
    return s.terms[at] === term ? s.lines[at] : null;
  }

  /** The terms a word stands for: exact, stem prefix, or (when the exact form is unknown) near misspellings. */
  private async termsOf(forms: WordForms, fuzzy: boolean): Promise<[string, string][]> {
    const n = shardOf(forms.exact, this.keyIndex, this.longest);
    if (n < 0) return [];
    const own = await this.shard(n);
    const at = lowerBound(own.terms, forms.exact);
    const found = new Map<string, string>();
    if (own.terms[at] === forms.exact) found.set(forms.exact, own.lines[at]);
    if (forms.prefix) for (const [t, line] of await this.withPrefix(forms.prefix)) found.set(t, line);
    // Fleeting-vowel forms (екстремизам ↔ екстремизмот) count as inflections, each looked up whole.
    for (const v of forms.variants) {
      const line = await this.exactLine(v);
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

  /** Per document, the weighted counts per column of a word (exact form counts twice, as in the CLI). */
  private async wordMatches(forms: WordForms, fuzzy: boolean): Promise<Map<number, DocMatch>> {
    const out = new Map<number, DocMatch>();
    for (const [term, line] of await this.termsOf(forms, fuzzy)) {
      if (!formMatches(forms, term)) continue;
      const factor = term === forms.exact ? 2 : 1;
      const p = await this.postings(line);
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
  private async phraseMatches(toks: string[]): Promise<Map<number, DocMatch>> {
    let out: Map<number, DocMatch> | null = null;
    for (const t of toks) {
      const m = await this.wordMatches({ exact: t, prefix: null, variants: [], fuzzy: [] }, false);
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
  private async nameDocs(name: string, column: number): Promise<Set<number>> {
    let out: Set<number> | null = null;
    for (const word of foldName(name).split(' ').filter(Boolean)) {
      const docs = new Set<number>();
      for (const [, line] of await this.withPrefix(word)) {
        const p = await this.postings(line);
        p.docs.forEach((d, i) => tfIn(p.packed[i], column) && (!out || out.has(d)) && docs.add(d));
      }
      out = docs;
    }
    return out ?? new Set();
  }

  private async partnerDocs(slug: string): Promise<Set<number>> {
    // The slug comes from the URL: only a page name may become a file name (no `../`).
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(slug) || slug.includes('..')) return new Set();
    try {
      return new Set(decodePostings((await this.file(`f/p-${slug}`)) as string).docs);
    } catch {
      return new Set();
    }
  }

  private docFacts() {
    if (!this.facts) this.facts = (this.file('f/docs') as Promise<DocFacts>).then(decodeFacts);
    return this.facts;
  }

  /** Runs a search: words ranked as the CLI ranks them, then every filter. */
  async search(query: SiteQuery): Promise<SiteResult> {
    const parsed = readQuery(query.q);
    const positive = parsed.terms.filter((t) => !t.negated);
    const negative = parsed.terms.filter((t) => t.negated);
    const people = [...parsed.people, ...(query.person?.trim() ? [query.person] : [])];
    const tags = [...parsed.tags, ...(query.tag?.trim() ? [query.tag] : [])];
    const langs = [...parsed.langs, ...(query.lang ? [query.lang.toLowerCase()] : [])];
    const years = yearBounds(parsed.years);
    const from = [query.from, query.year && `${query.year}-01-01`, years.from].filter(Boolean).sort().pop();
    const to = [query.to, query.year && `${query.year}-12-31`, years.to].filter(Boolean).sort()[0];
    const asked =
      positive.length > 0 ||
      people.length + tags.length + langs.length + parsed.partners.length > 0 ||
      Boolean(from || to || query.partner);
    if (!asked) return { docs: [], test: NO_MATCH, asked };

    const n = this.meta.docs;
    const { weights, bonus, scale } = this.meta;
    const score = new Float64Array(n);
    let alive: Set<number> | null = null;
    const forms: WordForms[] = [];
    const exactTokens = new Set<string>();
    for (const t of positive) {
      const f = t.phrase ? null : wordForms(t.tokens[0]);
      if (f) forms.push(f);
      else t.tokens.forEach((k) => exactTokens.add(k));
      const matches = f ? await this.wordMatches(f, true) : await this.phraseMatches(t.tokens);
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
    const excluded = new Set<number>();
    for (const t of negative) {
      const m = t.phrase ? await this.phraseMatches(t.tokens) : await this.wordMatches(wordForms(t.tokens[0]), false);
      for (const doc of m.keys()) excluded.add(doc);
    }
    const keep: ((doc: number) => boolean)[] = [(doc) => !excluded.has(doc)];
    for (const p of people) keep.push(has(await this.nameDocs(p, COL.people)));
    for (const t of tags) keep.push(has(await this.nameDocs(t, COL.tags)));
    for (const p of parsed.partners) keep.push(has(await this.nameDocs(p, COL.partners)));
    if (query.partner) keep.push(has(await this.partnerDocs(query.partner)));
    if (langs.length || from || to) {
      const facts = await this.docFacts();
      const lo = from ? dayNumber(from) : -Infinity;
      const hi = to ? dayNumber(to) : Infinity;
      keep.push((doc) => facts.start[doc] <= hi && lo <= facts.end[doc] && langs.every((l) => langMatches(facts.lang[doc], l)));
    }
    // As the CLI: among otherwise equal matches, releases in the query's script's languages first.
    const prefer = queryLanguages(positive.map((t) => t.text).join(' '));
    if (alive && prefer.length && bonus.script) {
      const facts = await this.docFacts();
      for (const doc of alive) if (prefer.some((l) => langMatches(facts.lang[doc], l))) score[doc] += bonus.script * scale;
    }
    const docs: number[] = [];
    if (alive) for (const doc of alive) if (keep.every((k) => k(doc))) docs.push(doc);
    if (!alive) for (let doc = 0; doc < n; doc++) if (keep.every((k) => k(doc))) docs.push(doc);
    // Rounded as the CLI rounds, so that near-equal scores fall back to newest first.
    const rounded = (d: number) => Number(score[d].toPrecision(4));
    docs.sort((a, b) => rounded(b) - rounded(a) || a - b);
    return { docs, asked, test: (token) => exactTokens.has(token) || forms.some((f) => formMatches(f, token)) };
  }

  /** What the page shows for one hit: its fragment with the title and excerpt marked. */
  async hit(doc: number, test: (token: string) => boolean): Promise<SiteHit> {
    const [page, title, lang, period, place, partners, people, summary, text] = (await this.file(`x/${doc}`)) as Fragment;
    const excerpt = makeSnippet({ title, summary: summary || null, body: text } as Release, test);
    return { doc, page, title: markMatches(title, test), lang, period, place, partners, people: markMatches(people, test), excerpt };
  }
}

/** A query as the CLI reads it; a field term that cannot be read (`year:abc`) counts as words. */
function readQuery(q: string): ParsedQuery {
  try {
    return parseQuery(q);
  } catch {
    return parseQuery(q.replace(/:/g, ' '));
  }
}

const has = (set: Set<number>) => (doc: number) => set.has(doc);

function documentCount(line: string): number {
  if (line.startsWith('@')) return Number(line.slice(line.indexOf(':') + 1));
  let n = 1;
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 44) n++;
  return n;
}

function lowerBound(list: string[], value: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
