import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureProject, runCli } from '../helpers/cli.js';
import { short } from '../helpers/search.js';

const ENV = { NO_COLOR: '1' };

async function search(args: string[], env: Record<string, string> = {}, tty = false) {
  const cwd = fixtureProject('search-multilingual');
  return runCli(['search', ...args], { cwd, env: { ...ENV, ...env }, tty, columns: 100 });
}

describe('releases search', () => {
  it('prints hits as blocks: period, language, title, partners, snippet, file', async () => {
    const r = await search(['ОБСЕ', '--limit', '2']);
    expect(r.code).toBe(0);
    const blocks = r.stdout.trim().split('\n\n');
    expect(blocks).toHaveLength(2);
    expect(blocks[0].split('\n')[0]).toMatch(/^\d{4}-\d{2}-\d{2}\S*\s+(mk|sq|en)\s+\S/);
    expect(r.stdout).toMatch(/archive\/20\d\d\/.+\.md/);
    expect(r.stderr).toBe('2 of 5 matching release(s): --limit N shows more\n');
  });

  it('highlights matched words only with colour, and never marks them with brackets in pipes', async () => {
    const plain = await search(['вебинар']);
    expect(plain.stdout).toContain('Вебинарот го следеа над сто учесници.');
    expect(plain.stdout).not.toMatch(/\x1b\[|\[Вебинарот\]/);
    const colour = await search(['вебинар'], { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(colour.stdout).toMatch(/\x1b\[[0-9;]*mВебинарот\x1b\[/);
    const title = await search(['соработки', '--limit', '1'], { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(title.stdout.split('\n')[0]).toMatch(/Нови (\x1b\[[0-9;]*m)+соработки\x1b\[/);
  });

  it('gives JSON entries with score and snippet offsets that point at the matched words', async () => {
    const r = await search(['sorabotka', '--format', 'json']);
    const entries = JSON.parse(r.stdout) as {
      id: string;
      path: string;
      score: number;
      snippet: { text: string; matches: { start: number; end: number }[] };
      translations: unknown[];
    }[];
    expect(entries.map((e) => short(e.id))).toEqual(['konferencija-ohrid', 'sorabotki-so-opshtini', 'konferencija-skopje']);
    expect(Object.keys(entries[0])).toEqual([
      'id',
      'path',
      'title',
      'date',
      'event',
      'partners',
      'people',
      'tags',
      'lang',
      'summary',
      'translation_key',
      'translations',
      'score',
      'snippet',
    ]);
    expect(entries[0].score).toBeGreaterThan(entries[2].score);
    expect(entries[0].translations).toEqual([
      { lang: 'en', id: '2018-10-18-conference-ohrid' },
      { lang: 'sq', id: '2018-10-19-konferenca-ohri' },
    ]);
    const s = entries[2].snippet;
    expect(s.matches.length).toBeGreaterThan(0);
    for (const m of s.matches) expect(s.text.slice(m.start, m.end).toLowerCase()).toMatch(/^соработ/);
  });

  it('writes one JSON object per line with --format ndjson', async () => {
    const r = await search(['year:2019', '--format', 'ndjson']);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { date: string; score: number });
    expect(lines).toHaveLength(7);
    expect(lines.every((l) => l.date.startsWith('2019') && l.score === 0)).toBe(true);
  });

  it('says when nothing matches and suggests close words as the releases write them (exit 0)', async () => {
    const r = await search(['горгиев']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no release matches "горгиев"');
    expect(r.stderr).toContain('closest words in the archive: ѓорѓиев');
  });

  it('finds and suggests words whose first letter is mistyped (the whole vocabulary is searched)', async () => {
    const hit = await search(['xonferencija', '--format', 'json']);
    expect((JSON.parse(hit.stdout) as { id: string }[]).map((e) => e.id)).toContain('2018-10-18-konferencija-ohrid');
    const none = await search(['xonferencijaqq']);
    expect(none.stderr).toContain('closest words in the archive: конференција, конференцијата');
  });

  it('takes -word as an exclusion, and still rejects unknown --options', async () => {
    const ok = await search(['конференција', '-охрид', '--format', 'ndjson']);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim().split('\n')).toHaveLength(3);
    const bad = await search(['конференција', '--limt', '3']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown option --limt');
  });

  it('combines the query with the shared filter flags', async () => {
    const r = await search(['соработка', '--from', '2019', '--format', 'ndjson']);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => short(JSON.parse(l).id)),
    ).toEqual(['sorabotki-so-opshtini', 'konferencija-skopje']);
  });

  it('rejects an empty query (exit 2)', async () => {
    const r = await search(['']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the query is empty');
  });

  it('rejects a year: term that is not a year (exit 2)', async () => {
    const r = await search(['year:last']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('year:last is not a year');
  });

  it('gives the same hits without better-sqlite3 (RELEASES_INDEX=off), silently', async () => {
    const withIndex = await search(['ОБСЕ', '--format', 'ndjson']);
    const without = await search(['ОБСЕ', '--format', 'ndjson'], { RELEASES_INDEX: 'off' });
    expect(without.code).toBe(0);
    const ids = (out: string) =>
      out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id)
        .sort();
    expect(ids(without.stdout)).toEqual(ids(withIndex.stdout));
    expect(without.stderr).toBe('');
  });

  it('tells the files it skipped as list does, through the index and without it', async () => {
    const cwd = fixtureProject('bad-inputs');
    const listed = await runCli(['list'], { cwd, env: ENV });
    const skippedLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('skipped ') || l.includes('file(s) skipped'));
    expect(skippedLines(listed.stderr)).toHaveLength(20);
    for (const env of [ENV, { ...ENV, RELEASES_INDEX: 'off' }]) {
      const r = await runCli(['search', 'регионална'], { cwd, env });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('archive/lookalike.md');
      expect(skippedLines(r.stderr)).toEqual(skippedLines(listed.stderr));
    }
  });
});

describe('releases index', () => {
  it('reports what it did, and --rebuild reads every file again', async () => {
    const cwd = fixtureProject('search-multilingual');
    const first = await runCli(['index'], { cwd, env: ENV });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^24 file\(s\) indexed: 24 read anew, 0 removed/);
    const again = await runCli(['index'], { cwd, env: ENV });
    expect(again.stdout).toMatch(/^24 file\(s\) indexed: 0 read anew/);
    const rebuilt = await runCli(['index', '--rebuild'], { cwd, env: ENV });
    expect(rebuilt.stdout).toMatch(/^24 file\(s\) indexed: 24 read anew/);
    expect(rebuilt.stdout).toContain('.releases');
  });

  it('fails with a hint when SQLite is not available', async () => {
    const cwd = fixtureProject('search-multilingual');
    const r = await runCli(['index'], { cwd, env: { ...ENV, RELEASES_INDEX: 'off' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('npm rebuild better-sqlite3');
  });

  it('says why, not "needs better-sqlite3", when the index folder cannot be made', async () => {
    const cwd = fixtureProject('search-multilingual');
    writeFileSync(path.join(cwd, 'blocker'), 'a file where the cache folder should be');
    const r = await runCli(['index', '--cache-dir', 'blocker/cache'], { cwd, env: ENV });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/blocker.cache.* cannot be used/);
    expect(r.stderr).toContain('the search index was not brought up to date');
    expect(r.stderr).not.toContain('better-sqlite3');
  });
});
