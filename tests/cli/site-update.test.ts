import { cpSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureProject, runCli } from '../helpers/cli.js';

/** Every file below `dir` by its path (`/` separators) and bytes. */
function tree(dir: string, rel = '', into = new Map<string, string>()): Map<string, string> {
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) tree(dir, p, into);
    else into.set(p, readFileSync(path.join(dir, p)).toString('base64'));
  }
  return into;
}

/** The paths whose bytes differ between two trees (either side missing counts). */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();
}

/**
 * An archive copy with an exported site. Each change is written with a new mtime (the index
 * sees a file change by its size and mtime, as the site's keys do), then `check` updates the
 * site and compares it with a fresh export of the same archive, byte for byte.
 */
function project(fixture: string, extra: string[] = []) {
  const root = fixtureProject(fixture);
  const archive = path.join(root, 'archive');
  let clock = Date.parse('2026-01-01T00:00:00Z');
  let n = 0;
  const touch = (rel: string) => {
    clock += 60_000;
    utimesSync(path.join(archive, rel), new Date(clock), new Date(clock));
  };
  const exportTo = async (out: string) => {
    const r = await runCli(['export', '--format', 'html', '--out', out, '--archive', 'archive', ...extra], { cwd: root });
    expect(r.stderr).toContain('exported');
    expect(r.code).toBe(0);
  };
  return {
    root,
    site: path.join(root, 'site'),
    write(rel: string, text: string) {
      writeFileSync(path.join(archive, rel), text);
      touch(rel);
    },
    edit(rel: string, change: (text: string) => string) {
      this.write(rel, change(readFileSync(path.join(archive, rel), 'utf8')));
    },
    remove(rel: string) {
      rmSync(path.join(archive, rel));
    },
    read: (rel: string) => readFileSync(path.join(archive, rel), 'utf8'),
    exportTo,
    /** Updates the site, and expects it to equal a fresh export (marker included). */
    async check(what: string) {
      await exportTo(path.join(root, 'site'));
      const fresh = path.join(root, `fresh-${++n}`);
      await exportTo(fresh);
      expect(differences(tree(path.join(root, 'site')), tree(fresh)), what).toEqual([]);
      rmSync(fresh, { recursive: true });
    },
  };
}

const ino = (file: string) => statSync(file).ino;

describe('export --format html into an earlier export equals a fresh export', () => {
  it('after each kind of change to releases, partners and settings', async () => {
    const p = project('export-site');
    await p.exportTo(p.site);
    const page = (rel: string) => path.join(p.site, rel);
    const report = '2021/2021-06-01-godishen-izveshtaj.md';
    const meeting = '2020/2020-01-10-sredba-vo-skopje.md';
    // The file of search fragments that does not hold the meeting's (fragments go four a file).
    const fragments = readdirSync(page('search/x')).map((f) => `search/x/${f}`);
    const other = fragments.filter((f) => !readFileSync(page(f), 'utf8').includes('2020-01-10-sredba-vo-skopje'));
    expect([fragments.length, other.length]).toEqual([2, 1]);
    const untouched = ['r/2021-06-01-godishen-izveshtaj.html', 'years/2021.html', ...other].map(page);
    const before = untouched.map(ino);

    p.edit(meeting, (t) => `${t}\nЕден нов пасус со зборот куќарка.\n`);
    await p.check('a body edit');
    // Pages that do not show the edited release were neither made nor written again.
    expect(untouched.map(ino)).toEqual(before);
    expect(readFileSync(page('search.html'), 'utf8')).toContain('<form');

    p.edit(meeting, (t) => t.replace('title: Средба со претставници на граѓанскиот сектор', 'title: Средба со граѓанскиот сектор'));
    await p.check('a title edit');
    p.edit(meeting, (t) => t.replace('date: "2020-01-10 11:00:28 -0400"', 'date: 2023-02-01'));
    await p.check('a date that moves the release to another year');
    p.edit(meeting, (t) => t.replace('  - МВР\n', '  - МВР\n  - ОБСЕ\n  - Сосема нов партнер\n'));
    await p.check('partners added');
    p.edit(report, (t) =>
      t.replace(
        'date: 2021-06-01T23:30:00+14:00',
        'date: 2021-06-01T23:30:00+14:00\nevent:\n  start: 2021-05-30\n  end: 2021-05-31\n  location: Битола',
      ),
    );
    await p.check('an event added');
    p.write('2022/2022-07-01-nova.md', '---\ntitle: Нова вест\ndate: 2022-07-01\npartners: [OSCE]\n---\n\nНова вест за ОБСЕ.\n');
    await p.check('a new release');
    p.remove('2019/2019-03-06-regionalna-sorabotka.md');
    await p.check('a release deleted');
    p.edit('partners.yml', (t) => t.replace('    - MPB\n', '    - MPB\n    - Внатрешни работи\n'));
    await p.check('an alias added to the registry');
    p.edit('archive.yml', (t) => t.replace('lang: mk', 'lang: sq'));
    await p.check('settings changed');
    await p.check('nothing changed');
  });

  it('with a base URL (sitemap, canonical links, feeds with absolute links)', async () => {
    const p = project('export-site', ['--base-url', 'https://example.org/releases/']);
    await p.exportTo(p.site);
    p.edit('2020/2020-01-10-sredba-vo-skopje.md', (t) => `${t}\nУште еден пасус.\n`);
    await p.check('a body edit');
    p.write('2022/2022-03-01-nova.md', '---\ntitle: Нова вест\ndate: 2022-03-01\n---\n\nНова вест.\n');
    await p.check('a new release (a new page in the sitemap)');
    p.remove('2021/2021-06-01-godishen-izveshtaj.md');
    await p.check('a release deleted');
  });

  it('after a file a release refers to changes, appears or goes, and after a body edit next to it', async () => {
    const p = project('media');
    await p.exportTo(p.site);
    const opening = '2021/2021-06-01-opening';
    p.write(`${opening}/notes.txt`, 'unused file, changed\n');
    await p.check('a file no release refers to');
    cpSync(path.join(p.root, 'archive', `${opening}/cover.jpg`), path.join(p.root, 'archive', `${opening}/photo.png`));
    p.write(
      `${opening}/diagram.svg`,
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>\n',
    );
    await p.check('referenced files changed');
    p.write('2022/missing.jpg', p.read(`${opening}/cover.jpg`));
    await p.check('a missing file appears');
    p.remove('shared/logo.png');
    await p.check('a file two releases refer to goes');
    p.edit('2023/2023-01-20-plain.md', (t) => `${t}\n![Лого](../shared/logo.png)\n`);
    await p.check('a body edit adds a reference');
    p.edit(`${opening}/index.md`, (t) => `${t}\nOne more line.\n`);
    await p.check('a body edit of a release with files');
  });
});
