import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { snapshot, snapshotDiff } from '../helpers/hostile.js';

// Layout: <root>/outside (must never change), <root>/w/p/q (the working folder, holding
// archive/), so that "../../.." from the working folder reaches <root>.
let root: string;
let cwd: string;
const UP = '../../..';

const HOSTILE_RELEASE = (n: number, fields: string) => `---
title: "${UP}/escape-title-${n}"
date: 2020-01-0${n}
${fields}
---

[link](${UP}/escape-link) ![img](${UP}/${UP}/etc/passwd)
`;

beforeEach(() => {
  root = tempDir('releases-escape-');
  mkdirSync(path.join(root, 'outside'));
  writeFileSync(path.join(root, 'outside/secret.md'), '---\ntitle: Secret\ndate: 2020-01-01\n---\nnot in the archive\n');
  cwd = path.join(root, 'w/p/q');
  cpSync(path.resolve(__dirname, '../fixtures/multilingual'), path.join(cwd, 'archive'), { recursive: true });
});

/** Runs the CLI and returns its result with what changed below <root>, minus `allowed` prefixes (relative to the working folder). */
async function contained(argv: string[], allowed: string[] = []) {
  const before = snapshot(root);
  const r = await runCli(argv, { cwd, env: { RELEASES_INDEX: 'off' } });
  const prefixes = allowed.map((a) => path.posix.join('w/p/q', a));
  const changed = snapshotDiff(before, snapshot(root), 50)
    .filter((d) => !prefixes.some((a) => d.slice(2) === a || d.slice(2).startsWith(`${a}/`)))
    .map((d) => d.replace('w/p/q/', ''));
  return { ...r, changed };
}

describe('--out cannot make export write where it was not asked to', () => {
  const refused: [string, string[], RegExp][] = [
    ['--out /', ['export', '--format', 'html', '--out', '/'], /root folder/],
    ['--out the archive itself', ['export', '--format', 'html', '--out', 'archive'], /inside the archive/],
    ['--out inside the archive', ['export', '--format', 'html', '--out', 'archive/site'], /inside the archive/],
    ['--out inside the archive through ..', ['export', '--format', 'html', '--out', 'archive/2018/../../archive/x'], /inside the archive/],
    ['--out the folder that holds the archive', ['export', '--format', 'html', '--out', '.'], /holds the archive/],
    ['--out .. (holds the archive)', ['export', '--format', 'html', '--out', '..'], /holds the archive/],
    [`--out ${UP} (holds everything)`, ['export', '--format', 'html', '--out', UP], /holds the archive|root folder/],
    ['--out a folder with other files', ['export', '--format', 'html', '--out', `${UP}/outside`], /not empty/],
    ['--out a file', ['export', '--format', 'html', '--out', `${UP}/outside/secret.md`], /not a folder/],
    [
      'json --out a file that is not an export',
      ['export', '--format', 'json', '--out', `${UP}/outside/secret.md`],
      /not an earlier export/,
    ],
    ['json --out /', ['export', '--format', 'json', '--out', '/'], /not an earlier export|cannot write/],
  ];
  for (const [name, argv, message] of refused) {
    it(`${name}: refused, nothing touched`, async () => {
      const topBefore = readdirSync('/').sort();
      const r = await contained(argv);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/this is a bug|\n\s+at /);
      expect(r.changed).toEqual([]);
      expect(readdirSync('/').sort()).toEqual(topBefore);
    });
  }

  it('--out a symbolic link to a folder outside: refused, the folder untouched', async () => {
    symlinkSync(path.join(root, 'outside'), path.join(cwd, 'link'));
    const r = await contained(['export', '--format', 'html', '--out', 'link']);
    expect(r.code).toBe(1);
    expect(r.changed).toEqual([]);
  });

  it('json --out a symbolic link to a file outside: refused, the file untouched', async () => {
    symlinkSync(path.join(root, 'outside/secret.md'), path.join(cwd, 'out.json'));
    const r = await contained(['export', '--format', 'json', '--out', 'out.json']);
    expect(r.code).toBe(1);
    expect(r.changed).toEqual([]);
  });

  // A JSON or NDJSON export written as a .md file inside the archive is read back as a
  // broken release by every later command: it should be refused like an html --out there.
  it('json --out a .md file inside the archive: refused', async () => {
    const r = await contained(['export', '--format', 'ndjson', '--out', 'archive/2018/export.md']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.changed).toEqual([]);
  });
});

describe('.. in arguments and in the data stays inside the archive and --out', () => {
  it('add with .. in the title, tags, partners, people, location, summary and translation key writes one file in archive/YYYY', async () => {
    const r = await contained(
      [
        'add',
        '--title',
        `${UP}/${UP}/escape`,
        '--date',
        '2025-01-02',
        '--tag',
        `${UP}/t`,
        '--partner',
        `${UP}/p`,
        '--person',
        '../x',
        '--location',
        `${UP}/l`,
        '--summary',
        '../s',
        '--translation-key',
        `${UP}/k`,
        '--body',
        `${UP}/b`,
        '--no-input',
      ],
      ['archive/2025'],
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.changed).toEqual([]);
    expect(r.stdout.trim()).toMatch(/^archive\/2025\/2025-01-02-[a-z0-9-]+\.md$/);
  });

  for (const [flag, value] of [
    ['--date', `${UP}/2025-01-02`],
    ['--lang', `${UP}`],
    ['--event', `${UP}`],
    ['--date', '2025-01-02/../..'],
  ]) {
    it(`add ${flag} ${value}: refused as bad usage, nothing written`, async () => {
      const argv = ['add', '--title', 'T', '--date', '2025-01-02', '--body', 'b', '--no-input', flag, value];
      const r = await contained(argv);
      expect(r.code, r.stderr).toBe(2);
      expect(r.changed).toEqual([]);
    });
  }

  it('add into a year folder that is a symbolic link out of the archive: refused, nothing written there', async () => {
    const archive = path.join(cwd, 'archive');
    symlinkSync(path.join(root, 'outside'), path.join(archive, '2031'));
    const r = await contained(['add', '--title', 'Т', '--date', '2031-01-01', '--body', 'b', '--no-input']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/outside the archive/);
    expect(r.changed).toEqual([]);
  });

  it('show with a path leading out of the archive shows nothing from there', async () => {
    const r = await contained(['show', `${UP}/outside/secret.md`]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('not in the archive');
  });

  it('export html of releases and a registry full of .. writes only inside --out', async () => {
    const archive = path.join(cwd, 'archive');
    mkdirSync(path.join(archive, '2020'), { recursive: true });
    writeFileSync(
      path.join(archive, '2020/a..b.md'),
      HOSTILE_RELEASE(
        1,
        `id: "${UP}/escape-id"\ntranslation_key: "${UP}/escape-tk"\npartners: ["${UP}/escape-p", "Evil"]\ntags: ["${UP}/escape-tag", ".."]\npeople: [".."]\nevent: { start: 2020-01-01, location: "${UP}/l" }`,
      ),
    );
    writeFileSync(path.join(archive, '2020/..md'), HOSTILE_RELEASE(2, 'id: ".."'));
    writeFileSync(
      path.join(archive, '2020/2020-01-03-x.md'),
      HOSTILE_RELEASE(
        3,
        `id: "..%2f..%2fescape"\ntranslation_key: "${UP}/escape-tk"\npartners: [Evil, Dots, "${UP}/p3"]\ntags: ["${UP}"]\nlang: en\nwhatever: "${UP}"`,
      ),
    );
    writeFileSync(
      path.join(archive, 'partners.yml'),
      `${readFileSync(path.join(archive, 'partners.yml'), 'utf8')}\n"${UP}/../../escape-registry":\n  name: Evil\n  aliases: ["${UP}/alias"]\n..:\n  name: Dots\n`,
    );
    writeFileSync(path.join(archive, 'archive.yml'), `name: "${UP}/escape-name"\nlang: mk\n`);
    const r = await contained(['export', '--format', 'html', '--out', 'site'], ['site']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.changed).toEqual([]);
    const site = snapshot(path.join(cwd, 'site'));
    expect(site.size).toBeGreaterThan(20);
    for (const f of site.keys())
      expect(f).toMatch(
        /^(\.releases-export|index\.html|search\.html|404\.html|robots\.txt|sitemap(-\d+)?\.xml|(assets|events|feeds|partners|r|search|years|media)(\/[a-z0-9][a-z0-9._-]*){0,2})$/,
      );
    const listed = JSON.parse(readFileSync(path.join(cwd, 'site/.releases-export'), 'utf8')).files as string[];
    for (const f of listed) expect(f).not.toContain('..');
  });
});
