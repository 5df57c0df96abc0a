import type { SitePlan } from '../../core/export/site-plan.js';
import { BONUS, BONUS_SCALE } from '../../core/search/plan.js';
import { FRAGMENTS_PER_FILE } from '../../core/search/site-files.js';
import { encodeFacts } from '../../core/search/site-facts.js';
import { dataFile, type Fragment, type SiteMeta } from '../../core/search/site-format.js';
import { encodePostings } from '../../core/search/site-postings.js';
import { encodeKeys } from '../../core/search/site-shards.js';
import { WEIGHTS } from '../../core/store/documents.js';
import type { ArchivedRelease } from '../../core/types.js';
import { readTextTable, UnusableData, type TextTable } from './search-earlier.js';
import { fragmentOf, releaseColumns } from './search-fragment.js';
import { patchTable } from './search-patch.js';
import { ColumnTable, type EncodedTable } from './search-terms.js';
import { LIMITS, type ShardLimits } from './search-shards.js';
import { scannedWordsOf } from './search-words.js';

/** One file of the search data (relative to the site root). */
export interface SearchFile {
  path: string;
  content: string;
  /** The earlier export's file has these bytes (`files` with `same`): its content is not made. */
  same?: true;
}

const file = (name: string, payload: unknown): SearchFile => ({ path: `search/${name}.js`, content: dataFile(name, payload) });

/**
 * Builds the site's search data (format: src/core/search/site-format.ts) while the release
 * pages are written: each release gets `add` with its body (bodies are not kept), or `reuse`
 * when its data in an earlier export still holds. The last release of a fragment file
 * (FRAGMENTS_PER_FILE releases) gives that file when all of its releases were added. `files`
 * then gives the term shards, filter data and meta. With reuses the earlier term table is
 * patched (search-patch.ts), and the bytes are those of a fresh build of the same releases.
 */
export class SearchCollector {
  private readonly table = new ColumnTable();
  private readonly docOf = new Map<ArchivedRelease, number>();
  private readonly reused: ArchivedRelease[] = [];
  private lastAdded = -1;
  /** Fragments of the file being made (added releases whose file is not complete yet). */
  private readonly pending: Fragment[] = [];
  /** Releases given to `add` or `reuse` (each may be given once). */
  private readonly given: Uint8Array;

  /**
   * @param previous the folder of an earlier export whose search data `reuse` refers to (null: none).
   * @param bodyOf a release's body, read only when the earlier data turns out unusable.
   * @param limits the sizes that decide the shards (tests only).
   */
  constructor(
    private readonly plan: SitePlan,
    private readonly previous: { dir: string } | null = null,
    private readonly bodyOf: (r: ArchivedRelease) => string = (r) => r.body,
    private readonly limits: ShardLimits = LIMITS,
  ) {
    plan.releases.forEach((r, i) => {
      this.docOf.set(r, i);
    });
    this.given = new Uint8Array(plan.releases.length);
  }

  /**
   * r's postings and fragment are unchanged since the earlier export in `previous.dir`, at
   * the same document number (its index in plan.releases): no body needed.
   */
  reuse(r: ArchivedRelease): void {
    if (!this.previous) throw new Error('SearchCollector.reuse needs the folder of an earlier export');
    this.pending.length = 0;
    this.give(this.docOf.get(r)!);
    this.reused.push(r);
  }

  /**
   * Indexes one release; gives the file of its fragments (`search/x/<n>.js`) when it is the
   * last release of that file and every release of the file was added. Releases come in
   * document order.
   */
  add(r: ArchivedRelease, body: string): SearchFile | undefined {
    const doc = this.docOf.get(r)!;
    if (doc <= this.lastAdded) throw new Error(`SearchCollector.add: release ${doc} after ${this.lastAdded} (document order)`);
    // A file some of whose releases were reused is not made (the release pages reuse or add a whole file).
    if (doc % FRAGMENTS_PER_FILE === 0) this.pending.length = 0;
    this.give(doc);
    this.lastAdded = doc;
    // Its body's words and excerpt as the Markdown thread read them, when it did (markdown-ahead.ts).
    const scanned = scannedWordsOf(body);
    this.table.add(doc, releaseColumns(this.plan, r, body), scanned);
    this.pending.push(fragmentOf(this.plan, r, body, scanned?.excerpt));
    if (doc % FRAGMENTS_PER_FILE !== FRAGMENTS_PER_FILE - 1 && doc !== this.plan.releases.length - 1) return undefined;
    const fragments = this.pending.splice(0);
    return fragments.length === (doc % FRAGMENTS_PER_FILE) + 1 ? file(`x/${Math.floor(doc / FRAGMENTS_PER_FILE)}`, fragments) : undefined;
  }

  private give(doc: number): void {
    if (this.given[doc]) throw new Error(`SearchCollector: release ${doc} given twice (add or reuse, once each)`);
    this.given[doc] = 1;
  }

  /**
   * The term shards, long posting lists, filter data and `search/meta.js`, after every `add`.
   * With `same` (an update whose releases' order, languages, periods and partners are those of
   * the earlier export: site-update.ts), the filter data and the shards and lines a patch
   * leaves as they were come marked `same`, not made.
   */
  *files(same = false): Generator<SearchFile> {
    const encoded = this.encoded();
    const { keys, shards, own } = encoded;
    const unchanged = same ? encoded.same : undefined;
    let n = 0;
    for (const shard of shards(unchanged?.shard)) {
      if (shard) yield file(`w/${n++}`, shard);
      else yield { path: `search/w/${n++}.js`, content: '', same: true };
    }
    n = 0;
    // A posting line is digits, letters, `.` and `,` only: its JSON is itself in quotes (dataFile's bytes without the scan).
    for (const content of own((k) => [`window.releasesData("p/${k}","`, '");\n'], unchanged?.own)) {
      if (content !== null) yield { path: `search/p/${n++}.js`, content };
      else yield { path: `search/p/${n++}.js`, content: '', same: true };
    }
    if (same) {
      yield { path: 'search/f/docs.js', content: '', same: true };
      for (const p of this.plan.partners) yield { path: `search/f/p-${p.slug}.js`, content: '', same: true };
      yield file('meta', this.meta(keys));
      return;
    }
    const docs = this.plan.releases.map((r) => ({ lang: r.lang, start: r.period.start, end: r.period.end }));
    yield file('f/docs', encodeFacts(this.plan.langs, docs));
    for (const p of this.plan.partners) {
      const numbers = p.releases.map((r) => this.docOf.get(r)!).sort((a, b) => a - b);
      yield file(
        `f/p-${p.slug}`,
        encodePostings(
          numbers,
          numbers.map(() => 0),
        ).replace(/\.+/g, ''),
      );
    }
    yield file('meta', this.meta(keys));
  }

  private meta(keys: string[]): SiteMeta {
    return { v: 1, docs: this.plan.releases.length, keys: encodeKeys(keys), weights: WEIGHTS, bonus: BONUS, scale: BONUS_SCALE };
  }

  /** The term table: built afresh, or the earlier one patched; built afresh too when the earlier one is unusable. */
  private encoded(): EncodedTable {
    if (!this.reused.length) return this.table.encode(this.limits);
    const keep = (docs: number) => {
      const out = new Uint8Array(docs);
      for (const r of this.reused) out[this.docOf.get(r)!] = 1;
      return out;
    };
    let maxReused = 0;
    for (const r of this.reused) maxReused = Math.max(maxReused, this.docOf.get(r)!);
    try {
      const earlier = readTextTable(this.previous!.dir);
      if (earlier.docs <= maxReused) throw new UnusableData(`search/meta.js counts ${earlier.docs} releases`);
      return patchTable(earlier, keep(earlier.docs), this.table.sorted(), this.limits);
    } catch (e) {
      if (!(e instanceof UnusableData)) throw e;
    }
    return patchTable(this.reusedTable(), keep(this.plan.releases.length), this.table.sorted(), this.limits);
  }

  /** The term table of the reused releases alone, from their bodies. */
  private reusedTable(): TextTable {
    const table = new ColumnTable();
    const reused = this.reused.map((r) => this.docOf.get(r)!).sort((a, b) => a - b);
    for (const doc of reused) {
      const r = this.plan.releases[doc];
      table.add(doc, releaseColumns(this.plan, r, this.bodyOf(r)));
    }
    const { terms, lines } = table.sorted();
    const texts = lines.map((l) => l.text());
    return { docs: this.plan.releases.length, terms, lines: texts, entries: new Int32Array(terms.length).fill(-1), line: (i) => texts[i] };
  }
}
