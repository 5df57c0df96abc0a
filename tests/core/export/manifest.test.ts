import { describe, expect, it } from 'vitest';
import { manifestChunks, manifestText, readManifest } from '../../../src/core/export/manifest.js';

/** The marker as it was made before it was streamed: one JSON.stringify. */
function whole(files: string[], site: string | null, stamps: Map<string, string>, refs: Map<string, string[]>): string {
  const sorted = [...files].sort();
  const body: Record<string, unknown> = { tool: 'releases', files: sorted };
  if (site !== null) {
    body.site = site;
    body.stamps = sorted.map((f) => stamps.get(f) ?? '');
    const pages = [...refs.keys()].filter((p) => refs.get(p)!.length).sort();
    body.refs = Object.fromEntries(pages.map((p) => [p, refs.get(p)]));
  }
  return `${JSON.stringify(body, null, 1)}\n`;
}

describe('manifestChunks', () => {
  it('gives the bytes of JSON.stringify with an indent of one, whatever the shape', () => {
    const odd = ['r/a "quoted".html', 'r/ü\u2028.html', 'r/\ud800lone.html', 'r/tab\t.html', '404.html'];
    const stamps = new Map(odd.map((f, i) => [f, i % 2 ? `k:${i}` : `h:"${i}"\\`]));
    const cases: [string[], string | null, Map<string, string>, Map<string, string[]>][] = [
      [[], null, new Map(), new Map()],
      [[], 'site', new Map(), new Map()],
      [odd, null, stamps, new Map()],
      [odd, 'k"ey', stamps, new Map()],
      [odd, 'key', new Map([['404.html', 'h:x']]), new Map([['r/a.html', []]])],
      [
        odd,
        'key',
        stamps,
        new Map([
          ['r/b.html', ['x.pdf', '!gone.png']],
          ['r/a.html', ['y.jpg']],
          ['r/c.html', []],
        ]),
      ],
    ];
    for (const [files, site, s, refs] of cases) expect(manifestText(files, site, s, refs)).toBe(whole(files, site, s, refs));
  });

  it('comes in pieces for a large site, which read back as the same manifest', () => {
    const files = Array.from({ length: 20_000 }, (_, i) => `r/page-${i}.html`);
    const stamps = new Map(files.map((f, i) => [f, `k:${i.toString(36)}`]));
    const refs = new Map([['r/page-7.html', ['a.pdf']]]);
    const chunks = [...manifestChunks(files, 'key', stamps, refs)];
    expect(chunks.length).toBeGreaterThan(4);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(70_000);
    const text = chunks.join('');
    expect(text).toBe(whole(files, 'key', stamps, refs));
    const read = readManifest(text)!;
    expect(read.stamps).toEqual(stamps);
    expect(read.refs).toEqual(refs);
  });
});
