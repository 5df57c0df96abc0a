import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fixtureProject, runCli } from '../helpers/cli.js';

/** Per update, whether the quick path (only bodies changed: site-update.ts) made the site. */
const quick: boolean[] = [];

vi.mock('../../src/render/html/site-update.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/render/html/site-update.js')>();
  return {
    ...real,
    quickSiteFiles: (...args: Parameters<typeof real.quickSiteFiles>) => {
      const files = real.quickSiteFiles(...args);
      quick.push(files !== null);
      return files;
    },
  };
});

/** Reads of an earlier export's term table (search-earlier.ts), which an update patches when a body changed. */
const tableReads = { n: 0 };

vi.mock('../../src/render/html/search-earlier.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/render/html/search-earlier.js')>();
  return {
    ...real,
    readTextTable: (...args: Parameters<typeof real.readTextTable>) => {
      tableReads.n++;
      return real.readTextTable(...args);
    },
  };
});

/** Every file below `dir` by its path and bytes. */
function tree(dir: string, rel = '', into = new Map<string, string>()): Map<string, string> {
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) tree(dir, p, into);
    else into.set(p, readFileSync(path.join(dir, p)).toString('base64'));
  }
  return into;
}

const differences = (a: Map<string, string>, b: Map<string, string>) =>
  [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();

const meeting = '2020/2020-01-10-sredba-vo-skopje.md';
const newest = '2022/2022-05-02-xss.md';
const oldest = '2018/2018-10-18-national-coordinator-at-third-international-conference.md';

/** An archive copy with an exported site; `update` exports into it on `day`, says whether the quick path did, and compares it with a fresh export. */
function project(fixture = 'export-site') {
  const root = fixtureProject(fixture);
  const archive = path.join(root, 'archive');
  const site = path.join(root, 'site');
  let clock = Date.parse('2026-01-01T00:00:00Z');
  let n = 0;
  const exportTo = async (out: string, now: Date) => {
    const r = await runCli(['export', '--format', 'html', '--out', out, '--archive', 'archive'], { cwd: root, now });
    expect(r.stderr).toContain('exported');
    expect(r.code).toBe(0);
  };
  return {
    site,
    archive,
    exportTo,
    edit(rel: string, change: (text: string) => string) {
      writeFileSync(path.join(archive, rel), change(readFileSync(path.join(archive, rel), 'utf8')));
      clock += 60_000;
      utimesSync(path.join(archive, rel), new Date(clock), new Date(clock));
    },
    /** Updates the site; returns whether the quick path made it, after checking it equals a fresh export. */
    async update(what: string, now = new Date('2026-11-29T10:00:00Z')): Promise<boolean> {
      quick.length = 0;
      await exportTo(site, now);
      const took = quick[0];
      const fresh = path.join(root, `fresh-${++n}`);
      await exportTo(fresh, now);
      expect(differences(tree(site), tree(fresh)), what).toEqual([]);
      rmSync(fresh, { recursive: true });
      return took;
    },
  };
}

describe('export --format html after only release bodies changed (the quick path)', () => {
  it('writes what the changed bodies show, keeps the rest, and equals a fresh export', async () => {
    const p = project();
    await p.exportTo(p.site, new Date('2026-11-29T10:00:00Z'));
    const ino = (rel: string) => statSync(path.join(p.site, rel)).ino;
    const lists = ['index.html', 'years/2020.html', 'events/index.html', 'search/f/docs.js'];
    const before = lists.map(ino);

    p.edit(meeting, (t) => `${t}\nЕден нов пасус со зборот куќарка.\n`);
    tableReads.n = 0;
    expect(await p.update('a body edit')).toBe(true);
    expect(tableReads.n).toBe(1);
    expect(lists.map(ino)).toEqual(before);
    expect(readFileSync(path.join(p.site, 'r/2020-01-10-sredba-vo-skopje.html'), 'utf8')).toContain('куќарка');

    // Words go (every old word of the body) and come: terms leave and join the search shards.
    p.edit(meeting, (t) => t.replace(/\n---\n[\s\S]*$/, '\n---\n\nСосема друг текст: зебра, жирафа и куќарка.\n'));
    expect(await p.update('a body rewritten')).toBe(true);

    p.edit(newest, (t) => `${t}\nA line in the newest release, which the feeds show.\n`);
    p.edit(oldest, (t) => `${t}\nA line in the oldest release.\n`);
    expect(await p.update('two bodies, one in the feeds')).toBe(true);
    expect(readFileSync(path.join(p.site, 'feeds/en.json'), 'utf8')).toContain('which the feeds show');

    // Nothing changed: the search data is kept as it is, without reading it back.
    const shards = readdirSync(path.join(p.site, 'search'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.js'))
      .map((f) => `search/${f}`);
    const shardsBefore = shards.map(ino);
    tableReads.n = 0;
    expect(await p.update('nothing changed')).toBe(true);
    expect(tableReads.n).toBe(0);
    expect(lists.map(ino)).toEqual(before);
    expect(shards.map(ino)).toEqual(shardsBefore);
  });

  it('takes the whole path when anything but a body changed', async () => {
    const p = project();
    await p.exportTo(p.site, new Date('2026-11-29T10:00:00Z'));
    p.edit(meeting, (t) => t.replace('title: Средба со претставници на граѓанскиот сектор', 'title: Средба со граѓанскиот сектор'));
    expect(await p.update('a title edit')).toBe(false);
    p.edit(meeting, (t) => t.replace('date: "2020-01-10 11:00:28 -0400"', 'date: 2020-01-11'));
    expect(await p.update('a date edit')).toBe(false);
    p.edit(meeting, (t) => `${t}\nА body edit on another day (the events pages tell past from upcoming by it).\n`);
    expect(await p.update('a body edit on another day', new Date('2026-11-30T10:00:00Z'))).toBe(false);
    // The next body edit on that day is quick again: the whole path recorded the facts.
    p.edit(meeting, (t) => `${t}\nOne more.\n`);
    expect(await p.update('a body edit after', new Date('2026-11-30T10:00:00Z'))).toBe(true);
    p.edit('partners.yml', (t) => t.replace('    - MPB\n', '    - MPB\n    - Внатрешни работи\n'));
    p.edit(meeting, (t) => `${t}\nAnd one more.\n`);
    expect(await p.update('a body edit and the registry', new Date('2026-11-30T10:00:00Z'))).toBe(false);
  });

  it('takes it for releases whose pages refer to archive files, while those files stay as they were', async () => {
    const p = project('media');
    await p.exportTo(p.site, new Date('2026-11-29T10:00:00Z'));
    const opening = '2021/2021-06-01-opening/index.md';
    const plain = '2023/2023-01-20-plain.md';
    const placed = (rel: string) => statSync(path.join(p.site, rel), { throwIfNoEntry: false }) !== undefined;
    p.edit(opening, (t) => `${t}\nOne more line about the crossing.\n`);
    expect(await p.update('a body edit of a release with files')).toBe(true);
    p.edit(plain, (t) => `${t}\n![Лого](../shared/logo.png) and ![a cover](../2021/2021-06-01-opening/cover.jpg)\n`);
    expect(await p.update('a body edit adds references to files other pages place')).toBe(true);
    // The diagram only the opening placed: it goes with the reference.
    const diagram = readdirSync(path.join(p.site, 'media'), { recursive: true }).filter((f) => String(f).endsWith('diagram.svg'));
    expect(diagram.length).toBe(1);
    p.edit(opening, (t) => t.replace('![](diagram.svg)', 'no diagram'));
    expect(await p.update('a body edit drops the only reference to a file')).toBe(true);
    expect(placed(`media/${diagram[0]}`)).toBe(false);
    p.edit(opening, (t) => `${t}\n![](diagram.svg)\n`);
    expect(await p.update('a body edit refers to it again')).toBe(true);
    expect(placed(`media/${diagram[0]}`)).toBe(true);
    // A referenced file changed: the pages that show it are found by the whole path.
    writeFileSync(path.join(p.archive, '2021/2021-06-01-opening/photo.png'), readFileSync(path.join(p.archive, 'shared/logo.png')));
    p.edit(plain, (t) => `${t}\nAnd a line.\n`);
    expect(await p.update('a body edit and a referenced file changed')).toBe(false);
  });
});
