import { describe, expect, it } from 'vitest';
import { planSite } from '../../src/core/export/site-plan.js';
import { Registry } from '../../src/core/registry.js';
import type { ArchivedRelease } from '../../src/core/types.js';
import { siteFileCount, siteFiles } from '../../src/render/html/site.js';

function release(i: number, over: Partial<ArchivedRelease> = {}): ArchivedRelease {
  const date = `${2015 + (i % 4)}-0${1 + (i % 9)}-1${i % 10}`;
  return {
    id: `r${i}`,
    path: `${date.slice(0, 4)}/r${i}.md`,
    title: `Release ${i}`,
    date,
    event: null,
    partners: i % 3 ? ['OSCE Mission to Skopje'] : ['Other'],
    people: [],
    tags: [],
    lang: i % 2 ? 'mk' : 'sq',
    summary: null,
    translationKey: null,
    body: 'Text.',
    bodyLine: 5,
    extra: {},
    dateFromFileName: false,
    period: { start: date, end: date },
    translations: [],
    ...over,
  };
}

describe('siteFiles', () => {
  it('yields about as many files as siteFileCount says (search shards are estimated), each path once', () => {
    const registry = new Registry([{ id: 'osce-skopje', name: 'OSCE Mission to Skopje', aliases: [] }]);
    const plan = planSite(
      { settings: { name: 'A', lang: 'mk', baseUrl: null }, registry },
      Array.from({ length: 40 }, (_, i) => release(i)),
    );
    const paths = [...siteFiles(plan, null)].map((f) => f.path);
    expect(siteFileCount(plan)).toBeGreaterThanOrEqual(Math.floor(paths.length * 0.8));
    expect(siteFileCount(plan)).toBeLessThanOrEqual(Math.ceil(paths.length * 1.2));
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths[0]).toBe('assets/site.css');
    expect(paths).toContain('index.html');
    expect(paths).toContain('feeds/sq.json');
    expect(paths.at(-1)).toBe('robots.txt');
  });
});
