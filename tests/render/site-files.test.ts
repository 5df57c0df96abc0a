import { describe, expect, it } from 'vitest';
import { planSite } from '../../src/core/export/site-plan.js';
import { Registry } from '../../src/core/registry.js';
import type { ArchivedRelease } from '../../src/core/types.js';
import { siteFileCount, siteFiles } from '../../src/render/html/site.js';
import { archived } from '../helpers/release.js';

function release(i: number, over: Partial<ArchivedRelease> = {}): ArchivedRelease {
  const date = `${2015 + (i % 4)}-0${1 + (i % 9)}-1${i % 10}`;
  const partners = i % 3 ? ['OSCE Mission to Skopje'] : ['Other'];
  return archived({ id: `r${i}`, title: `Release ${i}`, date, partners, lang: i % 2 ? 'mk' : 'sq' }, over);
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
