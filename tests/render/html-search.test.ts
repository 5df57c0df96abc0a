import { describe, expect, it } from 'vitest';
import { planSite } from '../../src/core/export/site-plan.js';
import { Registry } from '../../src/core/registry.js';
import type { ArchivedRelease } from '../../src/core/types.js';
import { indexPage, INDEX_LATEST } from '../../src/render/html/pages.js';
import { searchChunks, searchMeta } from '../../src/render/html/search-data.js';
import { TermTable, WEIGHT } from '../../src/render/html/search-terms.js';
import { textOf } from '../helpers/content.js';

function release(n: number, over: Partial<ArchivedRelease> = {}): ArchivedRelease {
  const date = `2018-01-${String((n % 28) + 1).padStart(2, '0')}`;
  return {
    id: `r${n}`, path: `2018/r${n}.md`, title: `Release ${n}`, date, event: null, partners: [], people: [], tags: [], lang: 'mk',
    summary: null, translationKey: null, body: 'Text.', bodyLine: 5, extra: {}, dateFromFileName: false,
    period: { start: date, end: date }, translations: [], ...over,
  };
}
const settings = { name: 'Архива', lang: 'mk', baseUrl: null };
const registry = new Registry([{ id: 'osce-skopje', name: 'OSCE Mission to Skopje', aliases: ['ОБСЕ'] }]);

/** Decodes one postings line the way site/search.js does. */
function decode(line: string): [number, number][] {
  let doc = 0;
  return line.split(',').map((e) => {
    const [gap, weight] = e.split('.');
    doc += parseInt(gap, 36);
    return [doc, weight === undefined ? 2 : parseInt(weight, 36)];
  });
}

describe('the search term table', () => {
  it('folds terms, sums weights per release and encodes gaps in base 36', () => {
    const table = new TermTable();
    table.add(0, 'Соработка со ОБСЕ', WEIGHT.title);
    table.add(0, 'соработка', WEIGHT.other);
    table.add(40, 'Bashkëpunim', WEIGHT.names);
    table.add(41, 'bashkepunim ÉCOLE', WEIGHT.other);
    const { terms, postings } = table.encode();
    const list = terms.split('\n');
    expect(list).toEqual([...list].sort());
    expect(list).toEqual(['bashkepunim', 'ecole', 'obse', 'so', 'sorabotka']);
    const byTerm = Object.fromEntries(list.map((t, i) => [t, decode(postings.split('\n')[i])]));
    expect(byTerm.sorabotka).toEqual([[0, 6]]);
    expect(byTerm.bashkepunim).toEqual([[40, 3], [41, 2]]);
    expect(postings.split('\n')[0]).toBe('14.3,1');
  });
});

describe('the search files of a site', () => {
  it('hold every release in the first file, partners once each, summaries after', () => {
    const releases = Array.from({ length: 120 }, (_, i) => release(i, i === 7 ? { partners: ['ОБСЕ'], people: ['Борче Петревски'], summary: 'Годишен извештај' } : {}));
    const plan = planSite({ settings, registry }, releases);
    const files = [...searchChunks(plan)];
    expect(files.map((f) => f.path)).toEqual(['search/index-0.js', 'search/index-1.js']);
    const calls: unknown[][] = [];
    const window = { releasesChunk: (...args: unknown[]) => calls.push(args) };
    for (const f of files) new Function('window', textOf(f.content))(window);
    const [n, terms, , docs, names] = calls[0] as [number, string, string, string, string];
    expect(n).toBe(0);
    expect(terms.split('\n')).toContain('petrevski');
    expect((docs as string).split('\n')).toHaveLength(120);
    expect(docs.split('\n')[plan.releases.indexOf(releases[7])].split('\t')).toEqual(['r7', 'Release 7', 'mk', '8 јануари 2018', '2018', '0', '']);
    expect(names.split('\n')).toEqual(expect.arrayContaining(['obse', 'osce', 'mission', 'skopje']));
    expect((calls[1][1] as string).split('\n')).toEqual(['godishen', 'izveshtaj']);
    expect(searchMeta(plan)).toBe('window.RELEASES_SEARCH={"chunks":2,"partners":["osce-skopje"]};\n');
  });

  it('keeps a tab or newline in a title from breaking the table', () => {
    const plan = planSite({ settings, registry }, [release(1, { title: 'a\tb\nc' })]);
    const content = textOf([...searchChunks(plan)][0].content); // UTF-8 chunks: made piece by piece
    const docs = JSON.parse(`[${content.slice(content.indexOf('(') + 1, -3)}]`)[3] as string;
    expect(docs.split('\n')).toHaveLength(1);
    expect(docs.split('\t')[1]).toBe('a b c');
  });
});

describe('the index page', () => {
  it('lists the newest releases only and says where the others are', () => {
    const plan = planSite({ settings, registry }, Array.from({ length: INDEX_LATEST + 30 }, (_, i) => release(i)));
    const html = indexPage(plan, null);
    expect(html.match(/<li><a href="r\//g)).toHaveLength(INDEX_LATEST);
    expect(html).toContain(`Прикажани се најновите ${INDEX_LATEST} од ${INDEX_LATEST + 30} соопштенија.`);
    expect(html).toContain('href="years/2018.html"');
  });
});
