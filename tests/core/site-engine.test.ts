import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteSearch } from '../../src/core/search/site-engine.js';
import { CASES } from '../helpers/relevance.js';
import { short } from '../helpers/search.js';
import { exportFixtureSite, hitPages, nodeEngine } from '../helpers/site-search.js';

const nameOf = (page: string) => short(page.replace(/^r\//, '').replace(/\.html$/, ''));

describe('the site engine on the CLI relevance set', () => {
  let site: Awaited<ReturnType<typeof exportFixtureSite>>;
  let engine: SiteSearch;
  beforeAll(async () => {
    site = await exportFixtureSite('search-multilingual');
    engine = nodeEngine(site.site).engine;
  });
  afterAll(() => site?.remove());

  it.each(CASES)('$q → $expect ($why)', async (c) => {
    const extra = (c.flags?.partners ?? []).map((p) => ` partner:"${p}"`).join('');
    const result = await engine.search({ q: c.q + extra, from: c.flags?.from, to: c.flags?.to, lang: c.flags?.lang });
    const names = (await hitPages(engine, result.docs)).map(nameOf);
    expect([...names].sort()).toEqual([...c.expect].sort());
    if (c.first) expect(names[0]).toBe(c.first);
  });
});
