import { decodeFacts, type DocFacts } from './site-facts.js';
import type { SiteMeta } from './site-format.js';
import { decodePostings } from './site-postings.js';
import { decodeKeys, lowerBound, shardOf, shardsForPrefix } from './site-shards.js';

/**
 * Fragments (what a hit shows) in one file `x/<n>`: releases 4n … 4n+3. One file a release
 * made a site of 10k releases 10k files of ~6 KB; four a file cut the files a fresh export
 * creates by a third, and a page of ten hits still loads at most ten files (~230 KB).
 */
export const FRAGMENTS_PER_FILE = 4;

/** The data file holding document `doc`'s fragment, and its place in that file's array. */
export function fragmentFile(doc: number): { name: string; at: number } {
  return { name: `x/${Math.floor(doc / FRAGMENTS_PER_FILE)}`, at: doc % FRAGMENTS_PER_FILE };
}

/** Reads one data file (`search/<name>.js`) and gives its payload. */
export type Load = (name: string) => Promise<unknown>;

/** The terms of one shard file, sorted, and the posting line of each. */
export interface Shard {
  terms: string[];
  lines: string[];
}

/** One term's documents and, per document, its packed counts per column. */
export interface Postings {
  docs: number[];
  packed: number[];
}

/**
 * The site's search files as the engine reads them: each file loaded once (a failed load is
 * tried again next time), term shards found by their keys, posting lines decoded.
 */
export class SiteFiles {
  private readonly cache = new Map<string, Promise<unknown>>();
  private readonly keys: string[];
  private readonly keyIndex: Map<string, number>;
  private readonly longest: number;
  private facts: Promise<ReturnType<typeof decodeFacts>> | null = null;

  constructor(
    meta: SiteMeta,
    private readonly load: Load,
  ) {
    this.keys = decodeKeys(meta.keys);
    this.keyIndex = new Map(this.keys.map((k, i) => [k, i]));
    this.longest = this.keys.reduce((n, k) => Math.max(n, k.length), 0);
  }

  /** The payload of one data file. */
  file(name: string): Promise<unknown> {
    let p = this.cache.get(name);
    if (!p) {
      p = this.load(name);
      this.cache.set(name, p);
      p.catch(() => this.cache.delete(name));
    }
    return p;
  }

  /** The shard that would hold `term`, or null when no shard can. */
  async shardFor(term: string): Promise<Shard | null> {
    const n = shardOf(term, this.keyIndex, this.longest);
    return n < 0 ? null : this.shard(n);
  }

  private async shard(n: number): Promise<Shard> {
    const [terms, lines] = (await this.file(`w/${n}`)) as [string, string];
    return { terms: terms ? terms.split('\n') : [], lines: lines ? lines.split('\n') : [] };
  }

  /** The documents of a posting line (a line `@n:count` stands for the file `p/n`). */
  async postings(line: string): Promise<Postings> {
    if (line.startsWith('@')) return decodePostings((await this.file(`p/${line.slice(1, line.indexOf(':'))}`)) as string);
    return decodePostings(line);
  }

  /** The terms of the site starting with `prefix` (with their posting lines). */
  async withPrefix(prefix: string): Promise<[string, string][]> {
    const shards = await Promise.all(shardsForPrefix(prefix, this.keys, this.keyIndex, this.longest).map((n) => this.shard(n)));
    const out: [string, string][] = [];
    for (const s of shards) {
      for (let i = lowerBound(s.terms, prefix); i < s.terms.length && s.terms[i].startsWith(prefix); i++)
        out.push([s.terms[i], s.lines[i]]);
    }
    return out;
  }

  /** The posting line of one term, or null when the site does not hold it. */
  async exactLine(term: string): Promise<string | null> {
    const s = await this.shardFor(term);
    return s && lineOf(s, term);
  }

  /** The documents of a partner page, by its slug; none for a slug that is not a page name. */
  async partnerDocs(slug: string): Promise<Set<number>> {
    // The slug comes from the URL: only a page name may become a file name (no `../`).
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(slug) || slug.includes('..')) return new Set();
    try {
      return new Set(decodePostings((await this.file(`f/p-${slug}`)) as string).docs);
    } catch {
      return new Set();
    }
  }

  /** Per document: its language and the first and last day it covers. */
  docFacts(): Promise<ReturnType<typeof decodeFacts>> {
    if (!this.facts) this.facts = (this.file('f/docs') as Promise<DocFacts>).then(decodeFacts);
    return this.facts;
  }
}

/** The posting line of `term` in a shard, or null when the shard does not hold it. */
export function lineOf(shard: Shard, term: string): string | null {
  const at = lowerBound(shard.terms, term);
  return shard.terms[at] === term ? shard.lines[at] : null;
}
