import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { atomFeed, entryId, jsonFeed, type FeedSite } from '../../src/render/feeds.js';
import type { ArchivedRelease } from '../../src/core/types.js';
import { archived } from '../helpers/release.js';

const r = (id: string, date: string, over: Partial<ArchivedRelease> = {}): ArchivedRelease =>
  archived(
    {
      id,
      path: `${id}.md`,
      title: `Title <${id}> & "more"`,
      date,
      tags: ['a&b'],
      summary: 'S <b>',
      body: 'Body <script>x</script>\u0001',
      bodyLine: 3,
    },
    over,
  );
const site = (baseUrl: string | null): FeedSite => ({ name: 'Архива & Co', lang: 'mk', baseUrl, pageOf: (x) => `r/${x.id}.html` });

/** A small XML well-formedness check: balanced tags, no stray `<` or `&`, no control characters. */
function wellFormed(xml: string): boolean {
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(body) || /&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(body)) return false;
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|</g)) {
    if (!m[2]) return false;
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else if (!m[4]) stack.push(m[2]);
  }
  return stack.length === 0;
}

describe('Atom feed (RFC 4287)', () => {
  it('is well-formed and has what the RFC requires of a feed and its entries', () => {
    const xml = atomFeed(site('https://example.org/s/'), 'mk', [r('b', '2019-01-02'), r('a', '2018-10-19')]);
    expect(wellFormed(xml)).toBe(true);
    const feed = xml.split('<entry')[0];
    for (const el of [
      '<id>urn:uuid:',
      '<title>',
      '<updated>2019-01-02T00:00:00Z</updated>',
      '<author><name>Архива &amp; Co</name></author>',
      'rel="self"',
    ])
      expect(feed).toContain(el);
    const entries = xml.split('<entry').slice(1);
    expect(entries).toHaveLength(2);
    for (const e of entries)
      for (const el of ['<id>urn:uuid:', '<title>', '<updated>', 'rel="alternate"', '<content type="html">']) expect(e).toContain(el);
    expect(xml).toContain('href="https://example.org/s/r/b.html"');
    expect(xml).toContain('&lt;p&gt;Body &amp;lt;script&amp;gt;');
    expect(xml).not.toContain('\u0001');
  });

  it('uses stable UUID ids and links relative to the feed without a base URL', () => {
    expect(entryId('a')).toBe(entryId('a'));
    expect(entryId('a')).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const xml = atomFeed(site(null), 'mk', [r('a', '2018-10-19')]);
    expect(xml).toContain('href="../r/a.html"');
    expect(xml).not.toContain('rel="self"');
    expect(wellFormed(atomFeed(site(null), 'en', []))).toBe(true);
  });
});

describe('JSON Feed 1.1', () => {
  const schema = {
    type: 'object',
    required: ['version', 'title', 'items'],
    properties: {
      version: { const: 'https://jsonfeed.org/version/1.1' },
      title: { type: 'string' },
      home_page_url: { type: 'string', pattern: '^https?://' },
      feed_url: { type: 'string', pattern: '^https?://' },
      language: { type: 'string' },
      authors: { type: 'array', items: { type: 'object', anyOf: [{ required: ['name'] }, { required: ['url'] }] } },
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id'],
          anyOf: [{ required: ['content_html'] }, { required: ['content_text'] }],
          properties: {
            id: { type: 'string' },
            url: { type: 'string', pattern: '^https?://' },
            title: { type: 'string' },
            content_html: { type: 'string' },
            date_published: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$' },
            tags: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    },
  };
  const validate = new Ajv().compile(schema);

  it('follows the 1.1 spec, with and without a base URL', () => {
    for (const base of ['https://example.org/s/', null]) {
      const feed = JSON.parse(jsonFeed(site(base), 'mk', [r('a', '2018-10-19')]));
      expect(validate(feed), JSON.stringify(validate.errors)).toBe(true);
    }
    const feed = JSON.parse(jsonFeed(site('https://example.org/s'), 'mk', [r('a', '2018-10-19')]));
    expect(feed.items[0].url).toBe('https://example.org/s/r/a.html');
    expect(feed.items[0].content_html).not.toContain('<script>');
  });
});
