import vm from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSite } from '../../src/core/export/site-plan.js';
import { SiteSearch } from '../../src/core/search/site-engine.js';
import { fragmentFile } from '../../src/core/search/site-files.js';
import { decodeFacts, encodeFacts } from '../../src/core/search/site-facts.js';
import { COL, readDataFile, type Fragment, type SiteMeta } from '../../src/core/search/site-format.js';
import { decodePostings, encodePostings, packAdd, tfIn } from '../../src/core/search/site-postings.js';
import { decodeKeys, encodeKeys, shardOf, shardsForPrefix } from '../../src/core/search/site-shards.js';
import type { ArchivedRelease } from '../../src/core/types.js';
import { indexPage, INDEX_LATEST } from '../../src/render/html/pages.js';
import { searchEngineScript } from '../../src/render/html/search-bundle.js';
import { SearchCollector } from '../../src/render/html/search-data.js';
import { ColumnTable, SHARD_LIMIT } from '../../src/render/html/search-terms.js';
import { archived, registry, settings } from '../helpers/release.js';

function release(n: number, over: Partial<ArchivedRelease> = {}): ArchivedRelease {
  return archived({ id: `r${n}`, title: `Release ${n}`, date: `2018-01-${String((n % 28) + 1).padStart(2, '0')}` }, over);
}

/** The files of a plan's search data, by name, as SearchCollector writes them. */
function searchFiles(releases: ArchivedRelease[]): Map<string, unknown> {
  const plan = planSite({ settings, registry }, releases);
  const collector = new SearchCollector(plan);
  const files = [...plan.releases.flatMap((r) => collector.add(r, r.body) ?? []), ...collector.files()];
  return new Map(files.map((f) => [readDataFile(f.content).name, readDataFile(f.content).payload]));
}

describe('the search data format', () => {
  it('round-trips postings: documents and counts per column', () => {
    const entry = fc.record({
      gap: fc.integer({ min: 1, max: 5000 }),
      counts: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
        const docs: number[] = [];
        const packed: number[] = [];
        let doc = -1;
        for (const e of entries) {
          docs.push((doc += e.gap));
          let p = 0;
          e.counts.forEach((n, c) => {
            for (let k = 0; k < n; k++) p = packAdd(p, c);
          });
          packed.push(p);
        }
        expect(decodePostings(encodePostings(docs, packed))).toEqual({ docs, packed });
      }),
    );
    // Once in the body needs no suffix; counts saturate at 9.
    let p = packAdd(0, COL.body);
    expect(encodePostings([0, 40], [p, packAdd(packAdd(0, COL.title), COL.body)])).toBe('0,14.ag');
    for (let k = 0; k < 20; k++) p = packAdd(p, COL.title);
    expect(tfIn(p, COL.title)).toBe(9);
  });

  it('round-trips front-coded shard keys', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 50 }).filter((k) => !k.includes('\n'))), (raw) => {
        const keys = [...raw].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(decodeKeys(encodeKeys(keys))).toEqual(keys);
      }),
    );
  });

  it('round-trips periods and languages, any year', () => {
    const day = fc
      .date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(day, fc.integer({ min: 0, max: 400 }), fc.constantFrom('mk', 'sq', 'en')), { maxLength: 30 }),
        (rows) => {
          const docs = rows
            .map(([start, len, lang]) => {
              const d = new Date(`${start}T00:00:00Z`);
              d.setUTCDate(d.getUTCDate() + len);
              return { lang, start, end: d.toISOString().slice(0, 10) };
            })
            .filter((d) => /^\d{4}-/.test(d.end));
          const facts = decodeFacts(encodeFacts(['mk', 'sq', 'en'], docs));
          expect(facts.lang).toEqual(docs.map((d) => d.lang));
          docs.forEach((d, i) => expect(facts.end[i] - facts.start[i]).toBe(Math.round((Date.parse(d.end) - Date.parse(d.start)) / 864e5)));
        },
      ),
    );
  });

  it('splits a large vocabulary into shards by prefix, each term in the shard of its longest key', () => {
    const table = new ColumnTable();
    const words = Array.from({ length: 6000 }, (_, i) => `so${(i * 7919).toString(36)}x`);
    for (let doc = 0; doc < 40; doc++)
      table.add(doc, ['', '', '', '', '', '', words.filter((_, i) => i % 40 === doc || i % 3 === 0).join(' ')]);
    const encoded = table.encode();
    const keys = encoded.keys;
    // Without a skip every shard is made.
    const shards = [...encoded.shards()] as [string, string][];
    expect(keys.length).toBeGreaterThan(3);
    expect(decodeKeys(encodeKeys(keys))).toEqual(keys);
    expect(keys).toEqual([...keys].sort());
    const index = new Map(keys.map((k, i) => [k, i]));
    const longest = Math.max(...keys.map((k) => k.length));
    shards.forEach(([terms, lines], n) => {
      expect(terms.length + lines.length).toBeLessThan(SHARD_LIMIT * 1.5);
      for (const t of terms.split('\n')) expect(shardOf(t, index, longest)).toBe(n);
    });
    // Every shard that may hold a term starting with "so1" is named for it.
    const holding = shards.flatMap(([terms], n) => (terms.split('\n').some((t) => t.startsWith('so1')) ? [n] : []));
    expect(shardsForPrefix('so1', keys, index, longest)).toEqual(expect.arrayContaining(holding));
  });

  it('indexes every name of a partner, fragments for excerpts, and a small meta', () => {
    const releases = Array.from({ length: 120 }, (_, i) =>
      release(
        i,
        i === 7 ? { partners: ['ОБСЕ'], people: ['Борче Петревски'], summary: 'Годишен извештај', body: 'Во **Куманово** беше.' } : {},
      ),
    );
    const files = searchFiles(releases);
    const meta = files.get('meta') as SiteMeta;
    expect(meta.docs).toBe(120);
    const terms = decodeKeys(meta.keys).flatMap((_, n) => (files.get(`w/${n}`) as [string, string])[0].split('\n'));
    expect(terms).toEqual(expect.arrayContaining(['obse', 'osce', 'mission', 'skopje', 'osce', 'petrevski', 'kumanovo', 'godishen']));
    const doc = planSite({ settings, registry }, releases).releases.indexOf(releases[7]!);
    const { name, at } = fragmentFile(doc);
    expect((files.get(name) as Fragment[])[at]).toEqual([
      'r/r7.html',
      'Release 7',
      'mk',
      '8 јануари 2018',
      '',
      'OSCE Mission to Skopje',
      'Борче Петревски',
      'Годишен извештај',
      'Во Куманово беше.',
    ]);
    expect(decodePostings(files.get('f/p-osce-skopje') as string).docs).toEqual([doc]);
  });
});

describe('the site engine (Node)', () => {
  it('finds a body word typed in Latin for Cyrillic and marks it in the excerpt', async () => {
    const releases = [
      release(1, { body: 'Средба во Куманово со градоначалникот.' }),
      release(2, { title: 'Kumanovo', lang: 'en' }),
      release(3),
    ];
    const files = searchFiles(releases);
    const engine = new SiteSearch(files.get('meta') as SiteMeta, async (name) => files.get(name));
    const result = await engine.search({ q: 'kumanovo' });
    expect(result.docs).toHaveLength(2);
    const hits = await Promise.all(result.docs.map((d) => engine.hit(d, result.test)));
    // The title match ranks first, as in the CLI.
    expect(hits.map((h) => h.page)).toEqual(['r/r2.html', 'r/r1.html']);
    const { text, matches } = hits[1]!.excerpt;
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['Куманово']);
    expect((await engine.search({ q: 'kumanovo', lang: 'mk' })).docs).toHaveLength(1);
    expect((await engine.search({ q: 'kumanovo -градоначалникот' })).docs).toHaveLength(1);
    expect((await engine.search({ q: '' })).asked).toBe(false);
    expect((await engine.search({ q: '', year: '2018' })).docs).toHaveLength(3);
    // A partner from the URL never names a file outside the search data.
    const asked: string[] = [];
    const watched = new SiteSearch(files.get('meta') as SiteMeta, async (name) => (asked.push(name), files.get(name)));
    expect((await watched.search({ q: '', partner: '../../assets/search' })).docs).toEqual([]);
    expect(asked.filter((n) => n.includes('..'))).toEqual([]);
  });
});

describe('the search engine script', () => {
  it('runs as a classic script with no module, eval or Node API, and exposes the engine', () => {
    const script = searchEngineScript();
    expect(script).not.toMatch(/^\s*(import|export)\b/m);
    expect(script).not.toMatch(/\beval\(|new Function|require\(|node:/);
    const window: Record<string, unknown> = {};
    vm.runInNewContext(script, { window }, { filename: 'search-engine.js' });
    expect(typeof (window.ReleasesSearch as { SiteSearch: unknown }).SiteSearch).toBe('function');
  });
});

describe('the index page', () => {
  it('lists the newest releases only and says where the others are', () => {
    const plan = planSite(
      { settings, registry },
      Array.from({ length: INDEX_LATEST + 30 }, (_, i) => release(i)),
    );
    const html = indexPage(plan, null);
    expect(html.match(/<li><a href="r\//g)).toHaveLength(INDEX_LATEST);
    expect(html).toContain(`Прикажани се најновите ${INDEX_LATEST} од ${INDEX_LATEST + 30} соопштенија.`);
    expect(html).toContain('href="years/2018.html"');
  });
});
