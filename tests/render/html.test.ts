import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planSite } from '../../src/core/export/site-plan.js';
import type { ArchivedRelease } from '../../src/core/types.js';
import { formatDay, formatPeriod } from '../../src/render/html/date-format.js';
import { esc, jsonForScript } from '../../src/render/html/escape.js';
import { releasePage } from '../../src/render/html/release-page.js';
import { indexPage } from '../../src/render/html/pages.js';
import { archived, registry, settings } from '../helpers/release.js';

const release = (over: Partial<ArchivedRelease>) => archived({ id: 'a', title: 'T', date: '2018-10-19' }, over);

describe("dates in the reader's language", () => {
  it('writes ranges as each language does, whatever the time zone', () => {
    const p = { start: '2018-10-15', end: '2018-10-18' };
    expect(formatPeriod(p, 'mk')).toBe('15–18 октомври 2018');
    expect(formatPeriod(p, 'sq')).toBe('15–18 tetor 2018');
    expect(formatPeriod(p, 'en')).toBe('15–18 October 2018');
    expect(formatPeriod({ start: '2018-12-28', end: '2019-01-02' }, 'en')).toBe('28 December 2018 – 2 January 2019');
    expect(formatDay('2018-01-01', 'mk')).toBe('1 јануари 2018');
  });
});

describe('escaping', () => {
  it('never lets text become markup', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(esc(s)).not.toMatch(/[<>"']/);
        expect(jsonForScript({ s })).not.toMatch(/<|>/);
        expect(JSON.parse(jsonForScript({ s })).s).toBe(s);
      }),
    );
  });

  it('escapes every field of a hostile release on its page, JSON-LD included', () => {
    const evil = '"><svg onload=alert(1)></script><script>alert(2)</script>';
    const r = release({
      title: evil,
      summary: evil,
      partners: [evil],
      people: [evil],
      tags: [evil],
      event: { start: '2018-10-15', end: '2018-10-18', location: evil },
      body: `${evil}\n\n[x](javascript:alert(3))`,
    });
    const plan = planSite({ settings, registry }, [r]);
    const html = releasePage(plan, r, null);
    expect(html).not.toContain('<svg');
    expect(html.match(/<script/g)).toHaveLength(1); // the JSON-LD block only
    expect(html).not.toContain('href="javascript:');
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1];
    expect(JSON.parse(ld).headline).toBe(evil);
    expect(JSON.parse(ld)['@type']).toBe('NewsArticle');
    expect(JSON.parse(ld).about['@type']).toBe('Event');
  });
});

describe('pages', () => {
  it('link translations with hreflang and carry lang, CSP and Open Graph', () => {
    const mk = release({
      id: 'mk1',
      path: '2018/mk1.md',
      translationKey: 'k',
      translations: [{ lang: 'en', id: 'en1' }],
      partners: ['ОБСЕ'],
    });
    const en = release({
      id: 'en1',
      path: '2018/en1.md',
      lang: 'en',
      title: 'E',
      translationKey: 'k',
      translations: [{ lang: 'mk', id: 'mk1' }],
      partners: ['Unknown Org'],
    });
    const plan = planSite({ settings, registry }, [mk, en]);
    const page = releasePage(plan, en, 'https://example.org/site');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<link rel="alternate" hreflang="mk" href="https://example.org/site/r/mk1.html">');
    expect(page).toContain('<a href="../r/mk1.html" hreflang="mk" lang="mk">');
    expect(page).toContain('<meta property="og:url" content="https://example.org/site/r/en1.html">');
    expect(page).toContain('content="default-src &#39;none&#39;; script-src &#39;self&#39;');
    expect(page).toContain('href="../partners/unknown-org.html"');
    expect(page).toContain('<p class="site-name" lang="mk">');
    const index = indexPage(plan, null);
    expect(index).toContain('<html lang="mk">');
    expect(index).toContain('<input type="search" id="q"');
    expect(index).toContain('<li lang="en"><a href="r/en1.html">E</a>');
    expect(index).toContain('<form role="search" id="search" class="search" action="search.html" method="get">');
    expect(index).not.toContain('<script');
    expect(index).toContain('<svg');
    expect(index).not.toMatch(/<script>|style="/);
  });
});
