import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVERY_FIELD_BUT_TEXT, KEY, runTyped } from '../helpers/add.js';
import { fixtureProject, runCli } from '../helpers/cli.js';

describe('add --attach', () => {
  const photo = Buffer.from(
    '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
      '1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082',
    'hex',
  );

  it('keeps the release as a folder with its files under safe names, pictures and links in the text', async () => {
    const cwd = fixtureProject('multilingual');
    writeFileSync(path.join(cwd, 'Фотографија од средбата.PNG'), photo);
    writeFileSync(path.join(cwd, 'Програма.pdf'), '%PDF-1.4 test');
    writeFileSync(path.join(cwd, 'notes.md'), 'not a release');
    const r = await runCli(
      [
        'add',
        '--title',
        'Средба',
        '--date',
        '2025-03-01',
        '--body',
        'Текст.',
        '--no-input',
        '--attach',
        'Фотографија од средбата.PNG',
        '--alt',
        'Учесниците на средбата',
        '--attach',
        'Програма.pdf',
        '--attach',
        'notes.md',
      ],
      { cwd },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('archive/2025/2025-03-01-sredba/index.md\n');
    const folder = path.join(cwd, 'archive/2025/2025-03-01-sredba');
    expect(readdirSync(folder).sort()).toEqual(['fotografija-od-sredbata.png', 'index.md', 'notes.md.txt', 'programa.pdf']);
    expect(readFileSync(path.join(folder, 'fotografija-od-sredbata.png'))).toEqual(photo);
    expect(readFileSync(path.join(folder, 'index.md'), 'utf8')).toMatch(
      /\n\nТекст\.\n\n!\[Учесниците на средбата\]\(fotografija-od-sredbata\.png\)\n\n- \[Програма\.pdf\]\(programa\.pdf\)\n- \[notes\.md\]\(notes\.md\.txt\)\n$/,
    );
    const check = await runCli(['check', '--format', 'json'], { cwd });
    expect(JSON.parse(check.stdout).issues.filter((i: { file: string }) => i.file.startsWith('2025/'))).toEqual([]);
    const show = await runCli(['show', '2025-03-01-sredba', '--format', 'json'], { cwd });
    expect(JSON.parse(show.stdout).path).toBe('2025/2025-03-01-sredba/index.md');
  });

  it('never overwrites: the same title twice gives a -2 folder; --dry-run copies nothing and says what it would', async () => {
    const cwd = fixtureProject('multilingual');
    writeFileSync(path.join(cwd, 'a.pdf'), 'A');
    const args = ['add', '--title', 'Same', '--date', '2025-03-01', '--body', 'T.', '--no-input', '--attach', 'a.pdf'];
    const dry = await runCli([...args, '--dry-run'], { cwd });
    expect(dry.code).toBe(0);
    expect(dry.stderr).toMatch(/would copy a\.pdf to archive\/2025\/2025-03-01-same\/a\.pdf \(1 bytes\)/);
    expect(existsSync(path.join(cwd, 'archive/2025'))).toBe(false);
    expect((await runCli(args, { cwd })).stdout).toBe('archive/2025/2025-03-01-same/index.md\n');
    expect((await runCli(args, { cwd })).stdout).toBe('archive/2025/2025-03-01-same-2/index.md\n');
    // Nothing hidden is left behind in the year folder.
    expect(readdirSync(path.join(cwd, 'archive/2025')).sort()).toEqual(['2025-03-01-same', '2025-03-01-same-2']);
  });

  it('names a missing file (exit 2, nothing written) and warns about a picture without alt text', async () => {
    const cwd = fixtureProject('multilingual');
    const missing = await runCli(['add', '--title', 'X', '--body', 'T.', '--no-input', '--attach', 'nope.jpg'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot attach nope.jpg: no such file');
    writeFileSync(path.join(cwd, 'p.png'), photo);
    const noAlt = await runCli(['add', '--title', 'X', '--date', '2025-01-01', '--body', 'T.', '--no-input', '--attach', 'p.png'], { cwd });
    expect(noAlt.code).toBe(0);
    expect(noAlt.stderr).toContain('p.png has no alt text');
    expect((await runCli(['add', '--title', 'Y', '--body', 'T.', '--no-input', '--alt', 'x'], { cwd })).code).toBe(2);
  });

  it('asks on a terminal for files to attach and the alt text of each picture', async () => {
    const cwd = fixtureProject('multilingual');
    writeFileSync(path.join(cwd, 'photo.png'), photo);
    const r = await runTyped(
      [...EVERY_FIELD_BUT_TEXT, '--body', 'Текст.'],
      [
        ['Files to attach', 'photo.png' + KEY.enter],
        ['What does photo.png show?', 'Министерот на отворањето' + KEY.enter],
        ['Write ', 'y'],
      ],
      { cwd },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(cwd, 'archive/2025/2025-01-02-t/index.md'), 'utf8')).toContain('![Министерот на отворањето](photo.png)');
  });
});
