import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureProject, runCli } from '../helpers/cli.js';

describe('releases add, scripted', () => {
  it('writes the file from flags and stdin, prints its path, and list shows it at once', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(
      [
        'add',
        '--title',
        'Средба со ОБСЕ во Скопје',
        '--date',
        '5.3.2024',
        '--event',
        '4-5.3.2024',
        '--location',
        'Скопје',
        '--partner',
        'ОБСЕ',
        '--person',
        'Борче Петревски',
        '--tag',
        'соработка',
        '--body-file',
        '-',
        '--no-input',
      ],
      { cwd, stdin: 'Текст на соопштението.\n' },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('archive/2024/2024-03-05-sredba-so-obse-vo-skopje.md\n');
    const text = readFileSync(path.join(cwd, 'archive/2024/2024-03-05-sredba-so-obse-vo-skopje.md'), 'utf8');
    expect(text).toContain(
      'date: "2024-03-05"\nevent:\n  start: "2024-03-04"\n  end: "2024-03-05"\n  location: Скопје\npartners:\n  - ОБСЕ\n',
    );
    expect(text.endsWith('---\n\nТекст на соопштението.\n')).toBe(true);
    const list = await runCli(['list', '--partner', 'osce', '--from', '2024', '--format', 'json'], { cwd });
    expect(JSON.parse(list.stdout).map((e: { id: string }) => e.id)).toEqual(['2024-03-05-sredba-so-obse-vo-skopje']);
    expect((await runCli(['check'], { cwd })).code).toBe(0);
  });

  it('--dry-run prints the file on stdout and the path on stderr, writing nothing', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(['add', '--title', '../../etc', '--body', 'x', '--dry-run'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('---\ntitle: ../../etc\ndate: "2026-11-29"\n---\n\nx\n');
    expect(r.stderr).toMatch(/would write archive\/2026\/2026-11-29-etc\.md/);
    expect(existsSync(path.join(cwd, 'archive/2026'))).toBe(false);
    expect(existsSync(path.join(cwd, 'etc'))).toBe(false);
  });

  it('--format json prints the created entry as in the SPEC, with translations linked', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(
      [
        'add',
        '--title',
        'Ohrid conference, Albanian version',
        '--date',
        '2018-10-19',
        '--lang',
        'sq',
        '--translation-key',
        'ohrid-conference-2018',
        '--body',
        'Teksti.',
        '--format',
        'json',
      ],
      { cwd },
    );
    expect(r.code).toBe(0);
    const entry = JSON.parse(r.stdout);
    expect(entry).toMatchObject({
      id: '2018-10-19-ohrid-conference-albanian-version',
      path: '2018/2018-10-19-ohrid-conference-albanian-version.md',
      date: '2018-10-19',
      event: null,
      lang: 'sq',
      summary: null,
    });
    expect(entry.translations.map((t: { lang: string }) => t.lang).sort()).toEqual(['en', 'mk']);
  });

  it('never overwrites: the same title twice gives -2', async () => {
    const cwd = fixtureProject('multilingual');
    const args = ['add', '--title', 'Same', '--date', '2025-01-01', '--body', 'x'];
    expect((await runCli(args, { cwd })).stdout).toBe('archive/2025/2025-01-01-same.md\n');
    expect((await runCli(args, { cwd })).stdout).toBe('archive/2025/2025-01-01-same-2.md\n');
  });

  it('warns about an unknown partner and suggests the registry id', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(['add', '--title', 'T', '--body', 'x', '--partner', 'OSCE Mision to Skopje'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /warning.*partner "OSCE Mision to Skopje" is not in partners\.yml \(did you mean "OSCE Mission to Skopje", id osce-skopje\?\)/,
    );
    expect(readFileSync(path.join(cwd, r.stdout.trim()), 'utf8')).toContain('  - OSCE Mision to Skopje\n');
  });

  it('prints the git add hint only inside a git repository', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(['add', '--title', 'T', '--body', 'x'], { cwd });
    expect(r.stderr).not.toMatch(/git add/);
    mkdirSync(path.join(cwd, '.git'));
    const r2 = await runCli(['add', '--title', 'T', '--body', 'x'], { cwd });
    expect(r2.stderr).toMatch(/hint: git add archive\/2026\/2026-11-29-t-2\.md/);
  });

  it('reads --body-file from a file and names a missing one', async () => {
    const cwd = fixtureProject('multilingual');
    writeFileSync(path.join(cwd, 'text.md'), 'From a file.\n');
    const ok = await runCli(['add', '--title', 'T', '--body-file', 'text.md'], { cwd });
    expect(readFileSync(path.join(cwd, ok.stdout.trim()), 'utf8')).toMatch(/\n\nFrom a file\.\n$/);
    const bad = await runCli(['add', '--title', 'T', '--body-file', 'nope.md'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/cannot read --body-file nope\.md: no such file/);
  });
});
