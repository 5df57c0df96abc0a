import type { SitePlan } from '../../core/export/site-plan.js';
import { BONUS, BONUS_SCALE } from '../../core/search/plan.js';
import { dataFile, encodeFacts, encodeKeys, encodePostings, type Fragment, type SiteMeta } from '../../core/search/site-format.js';
import { plainText } from '../../core/search/snippet.js';
import { WEIGHTS } from '../../core/store/documents.js';
import type { ArchivedRelease } from '../../core/types.js';
import { formatPeriod } from './date-format.js';
import { ColumnTable } from './search-terms.js';

/** How much of a release's text its fragment keeps for excerpts (characters of plain text). */
export const EXCERPT_TEXT = 2400;

/** One file of the search data (relative to the site root). */
export interface SearchFile {
  path: string;
  content: string;
}

const file = (name: string, payload: unknown): SearchFile => ({ path: `search/${name}.js`, content: dataFile(name, payload) });

/**
 * Builds the site's search data (format: src/core/search/site-format.ts) while the release
 * pages are written: `add` takes each release with its body once (bodies are not kept) and
 * gives its fragment file; `files` then gives the term shards, filter data and meta.
 */
export class SearchCollector {
  private readonly table = new ColumnTable();
  private readonly docOf = new Map<ArchivedRelease, number>();

  constructor(private readonly plan: SitePlan) {
    plan.releases.forEach((r, i) => {
      this.docOf.set(r, i);
    });
  }

  /** Every name of a release's partners: registry name, id and aliases, so `ОБСЕ` finds `OSCE`. */
  private partnerNames(r: ArchivedRelease): string[] {
    const out: string[] = [];
    for (const p of new Set(r.partners.map((name) => this.plan.partnerOf(name)))) out.push(p.name, ...p.aliases, ...(p.id ? [p.id] : []));
    // A name as written that the registry spells otherwise still counts.
    for (const name of r.partners) if (!out.includes(name)) out.push(name);
    return out;
  }

  /** Indexes one release and gives its fragment (`search/x/<doc>.js`). */
  add(r: ArchivedRelease, body: string): SearchFile {
    const doc = this.docOf.get(r)!;
    const partners = this.partnerNames(r);
    this.table.add(doc, [
      r.title,
      partners.join(' ; '),
      r.people.join(' ; '),
      r.tags.join(' ; '),
      r.event?.location ?? '',
      r.summary ?? '',
      body,
    ]);
    const shown = [...new Set(r.partners.map((name) => this.plan.partnerOf(name).name))].join(' · ');
    // Template shortcodes ({{< figure … >}}, {{% note %}}) are markup a reader never sees.
    const text = plainText(body.slice(0, EXCERPT_TEXT * 4).replace(/\{\{[<%][^}]*[>%]\}\}/g, ' ')).slice(0, EXCERPT_TEXT);
    const fragment: Fragment = [
      this.plan.pageOf(r),
      r.title,
      r.lang,
      formatPeriod(r.period, r.lang),
      r.event?.location ?? '',
      shown,
      r.people.join(' · '),
      r.summary ?? '',
      text,
    ];
    return file(`x/${doc}`, fragment);
  }

  /** The term shards, long posting lists, filter data and `search/meta.js`, after every `add`. */
  *files(): Generator<SearchFile> {
    const { keys, shards, own } = this.table.encode();
    let n = 0;
    for (const shard of shards()) yield file(`w/${n++}`, shard);
    n = 0;
    for (const line of own()) yield file(`p/${n++}`, line);
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
    const meta: SiteMeta = {
      v: 1,
      docs: this.plan.releases.length,
      keys: encodeKeys(keys),
      weights: WEIGHTS,
      bonus: BONUS,
      scale: BONUS_SCALE,
    };
    yield file('meta', meta);
  }
}
