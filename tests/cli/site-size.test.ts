import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

/**
 * No HTML page of the exported site grows with the archive: year and partner lists are
 * paginated, the index lists the newest 50. The budget is 300 KB at 100k releases; this
 * checks a synthetic 10k site (RELEASES_SIZE_COUNT changes the size).
 */
const COUNT = Number(process.env.RELEASES_SIZE_COUNT ?? 10_000);
const BUDGET = 300 * 1024;

function htmlFiles(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(dir, `${rel}${e.name}/`) : e.name.endsWith('.html') ? [`${rel}${e.name}`] : [],
  );
}

describe('the size of exported pages', () => {
  it(`keeps every HTML page of a ${COUNT}-release site under 300 KB`, { timeout: 900_000 }, async () => {
    const dir = tempDir();
    const { generate } = await import('../../bench/generate.js' as string);
    await generate({ count: COUNT, out: path.join(dir, 'archive') });
    const out = path.join(dir, 'site');
    const r = await runCli(['export', '--format', 'html', '--out', out, '--base-url', 'https://example.org/'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const files = htmlFiles(out);
    const sizes = files.map((f) => ({ f, size: statSync(path.join(out, f)).size })).sort((a, b) => b.size - a.size);
    console.info(
      `largest pages of ${COUNT}: ${sizes
        .slice(0, 3)
        .map((s) => `${s.f} ${Math.round(s.size / 1024)} KB`)
        .join(', ')}; ${files.length} pages`,
    );
    expect(sizes[0]!.size, sizes[0]!.f).toBeLessThan(BUDGET);
    // Paginated: the largest year has several pages, none with more than 100 releases.
    const years = files.filter((f) => /^years\/\d{4}(\/\d+)?\.html$/.test(f));
    expect(years.some((f) => f.includes('/2.html'))).toBe(true);
    for (const f of years)
      expect(
        readFileSync(path.join(out, f), 'utf8').match(/<li(?: lang="\w+")?><a href="\.\.\/(?:\.\.\/)?r\//g)?.length ?? 0,
        f,
      ).toBeLessThanOrEqual(100);
    // The sitemap lists every page but 404.html.
    const sitemap = readFileSync(path.join(out, 'sitemap.xml'), 'utf8');
    expect(sitemap.match(/<url>/g)).toHaveLength(files.length - 1);
  });
});
