import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureProject, runCli, tempDir } from '../helpers/cli.js';

const OFF = { RELEASES_INDEX: 'off' };

/** An archive with the cases `show` must link like the loader: duplicate ids, shared translation keys, a default language, an unreadable file. */
function linkedArchive(): string {
  const cwd = tempDir();
  const dir = path.join(cwd, 'archive');
  mkdirSync(dir);
  const file = (name: string, fm: string, body = 'Text.\n') => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), `---\n${fm}---\n${body}`);
  };
  writeFileSync(path.join(dir, 'archive.yml'), 'lang: sq\n');
  file('2020/a.md', 'id: same\ntitle: First of two\ndate: 2020-01-01\ntranslation_key: k\n');
  file('2021/b.md', 'id: same\ntitle: Second of two\ndate: 2021-01-01\ntranslation_key: k\nlang: de\n');
  file('2020/en.md', 'title: In English\ndate: 2020-01-02\ntranslation_key: k\nlang: en\n', '\nBody line.\n\n');
  file('2020/mk.md', 'title: На македонски\ndate: 2020-01-03\ntranslation_key: k\nlang: mk\n');
  file('2020/broken.md', 'title: [unclosed\ndate: 2020-01-01\n');
  file('2019/2019-05-05-abcdef.md', 'title: Older\ndate: 2019-05-05\n');
  file('2019/2019-05-05-abcdeg.md', 'title: Older twin\ndate: 2019-05-06\n');
  return cwd;
}

const REFS = [
  'same',
  'archive/2020/a.md',
  'archive/2021/b.md',
  '2021/b.md',
  'en',
  'mk',
  'archive/2020/mk.md',
  'archive/2020/broken.md',
  'broken',
  '2019-05-05-abcdex',
  'sme',
  'nothing-like-any-id-at-all',
  'archive.yml',
];

describe('releases show through the index', () => {
  it('answers every kind of argument exactly as the loaded archive does', async () => {
    const cwd = linkedArchive();
    for (const ref of REFS) {
      for (const format of ['json', 'text']) {
        const indexed = await runCli(['show', ref, '--format', format], { cwd });
        const loaded = await runCli(['show', ref, '--format', format], { cwd, env: OFF });
        expect(indexed, `${ref} --format ${format}`).toEqual(loaded);
      }
    }
    writeFileSync(path.join(cwd, 'archive/archive.yml'), 'lang: [sq\n');
    for (const ref of ['archive.yml', 'archive/archive.yml', 'en']) {
      const indexed = await runCli(['show', ref], { cwd });
      expect(indexed, ref).toEqual(await runCli(['show', ref], { cwd, env: OFF }));
    }
    expect((await runCli(['show', 'archive.yml'], { cwd })).stderr).toContain('error archive/archive.yml:2:1: not valid YAML');
  });

  it('links like the loader: the first file by path keeps an id, translations are kept releases only', async () => {
    const cwd = linkedArchive();
    const r = await runCli(['show', 'same', '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    const entry = JSON.parse(r.stdout);
    expect(entry).toMatchObject({ path: '2020/a.md', lang: 'sq', body: 'Text.\n' });
    expect(entry.translations).toEqual([
      { lang: 'en', id: 'en' },
      { lang: 'mk', id: 'mk' },
    ]);
    expect(r.stderr).toContain('skipped archive/2020/broken.md:');
    expect(r.stderr).toContain('skipped archive/2021/b.md  the id "same" is also used by 2020/a.md');
    expect(r.stderr).toContain('2 file(s) skipped');

    const refused = await runCli(['show', 'archive/2021/b.md'], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error archive/2021/b.md: the id "same" is also used by 2020/a.md');
    const near = await runCli(['show', '2019-05-05-abcdex'], { cwd });
    // Both ids are one letter away: the newer release is suggested, as in `list`.
    expect(near.stderr).toContain('did you mean 2019-05-05-abcdeg?');
    expect(JSON.parse((await runCli(['show', 'en', '--format', 'json'], { cwd })).stdout).body).toBe('\nBody line.\n\n');
  });

  it('sees a file edited since the last command', async () => {
    const cwd = linkedArchive();
    expect((await runCli(['show', 'en'], { cwd })).stdout).toMatch(/^In English/);
    writeFileSync(path.join(cwd, 'archive/2020/en.md'), '---\ntitle: Edited in English\ndate: 2020-01-02\n---\nNew body.\n');
    const r = await runCli(['show', 'en', '--format', 'json'], { cwd });
    expect(JSON.parse(r.stdout)).toMatchObject({ title: 'Edited in English', body: 'New body.\n', translations: [] });
    expect(JSON.parse((await runCli(['show', 'mk', '--format', 'json'], { cwd })).stdout).translations).toEqual([
      { lang: 'sq', id: 'same' },
    ]);
  });

  it('gives the same answers on the bad-inputs fixture with and without the index', async () => {
    const cwd = fixtureProject('bad-inputs');
    for (const ref of [
      'archive/toml.md',
      'archive/b/same-id.md',
      'archive/a/same-id.md',
      'same-id',
      'crlf-bom',
      'lookalike',
      'archive/partners.yml',
      'coffe',
    ]) {
      const indexed = await runCli(['show', ref, '--format', 'json'], { cwd });
      expect(indexed, ref).toEqual(await runCli(['show', ref, '--format', 'json'], { cwd, env: OFF }));
    }
  });
});
