import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY, runTyped, type Step } from '../helpers/add.js';
import { fixtureProject, runCli, tempDir } from '../helpers/cli.js';

/** `add` with every field given but the text (and no attachments): only those prompts remain. */
const EVERY_FIELD_BUT_TEXT = [
  'add',
  '--title',
  'T',
  '--date',
  '2025-01-02',
  '--event',
  '',
  '--partner',
  'x',
  '--person',
  'p',
  '--tag',
  't',
  '--lang',
  'mk',
  '--summary',
  's',
];

const releasesIn = (dir: string, year: string) =>
  existsSync(path.join(dir, 'archive', year)) ? readdirSync(path.join(dir, 'archive', year)).sort() : [];

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

  it('names every missing field and exits 2 without a terminal, writing nothing', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(['add', '--partner', 'OSCE'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing title \(--title\) and text \(--body or --body-file\)/);
    expect(releasesIn(cwd, '2026')).toEqual([]);
    const r2 = await runCli(['add', '--title', 'T', '--no-input'], { cwd, env: {} });
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/missing text/);
    expect(r2.stderr).not.toMatch(/title \(/);
  });

  it('exits 2 on a date that cannot be read, naming the flag', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(['add', '--title', 'T', '--body', 'x', '--date', '30.2.2021'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--date "30.2.2021" is not a day of the calendar/);
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

  it('refuses a release that fails validation with exit 1, printing the issue as check does, writing nothing', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(['add', '--title', 'T', '--body-file', '-'], { cwd, stdin: 'binary\u0000junk\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/archive\/2026\/2026-11-29-t\.md:\d+:1 {2}error {2}the file contains a NUL byte/);
    expect(r.stderr).toMatch(/the new release has 1 error\(s\): nothing was written/);
    expect(releasesIn(cwd, '2026')).toEqual([]);
  });

  it('exits 2 on an event that ends before it starts', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(['add', '--title', 'T', '--body', 'x', '--event', '2018-10-18..2018-10-15'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--event ends \(2018-10-15\) before it starts/);
    expect(releasesIn(cwd, '2026')).toEqual([]);
  });

  it('prints the git add hint only inside a git repository', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(['add', '--title', 'T', '--body', 'x'], { cwd });
    expect(r.stderr).not.toMatch(/git add/);
    mkdirSync(path.join(cwd, '.git'));
    const r2 = await runCli(['add', '--title', 'T', '--body', 'x'], { cwd });
    expect(r2.stderr).toMatch(/hint: git add archive\/2026\/2026-11-29-t-2\.md/);
  });

  it('fails with a message naming the archive when there is none', async () => {
    const cwd = tempDir();
    const r = await runCli(['add', '--title', 'T', '--body', 'x'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no archive folder at .*archive/);
    expect(r.stderr).toMatch(/releases init/);
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

describe('releases add --edit', () => {
  it('runs $EDITOR on the text before writing', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(['add', '--title', 'T', '--body', 'draft text', '--edit', '--no-input'], {
      cwd,
      env: { EDITOR: 'sed -i s/draft/edited/' },
    });
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(cwd, r.stdout.trim()), 'utf8')).toMatch(/\n\nedited text\n$/);
  });

  it('writes nothing when the editor fails', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(['add', '--title', 'T', '--body', 'x', '--edit'], { cwd, env: { EDITOR: 'false' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the editor \(false\) ended with exit code 1: nothing was written/);
    expect(releasesIn(cwd, '2026')).toEqual([]);
  });
});

describe('releases add, on a terminal', () => {
  it('asks for what the flags did not give, accepts Cyrillic and day-first dates, confirms, writes', async () => {
    const cwd = fixtureProject('multilingual');
    const steps: Step[] = [
      ['Title', 'Средба во Охрид' + KEY.enter],
      ['Publication date', '19.10.2018' + KEY.enter],
      ['Event dates', '15-18.10.2018' + KEY.enter],
      ['Event location', 'Охрид' + KEY.enter],
      ['Partners', 'обсе'],
      // the list filtered to the typed name, then picked
      ['OSCE Mission to Skopje', KEY.tab],
      ['', KEY.enter],
      ['Other partners', KEY.enter],
      ['People', 'Борче Петревски' + KEY.enter],
      ['Tags', 'соработка, конференција' + KEY.enter],
      ['Language', KEY.enter],
      ['Summary', KEY.enter],
      ['Text of the release', 'Текст на соопштението.' + KEY.enter + KEY.enter],
      ['Files to attach', KEY.enter],
      ['Write archive/2018/2018-10-19-sredba-vo-ohrid.md?', 'y' + KEY.enter],
    ];
    const r = await runTyped(['add'], steps, { cwd });
    expect(r.stderr).toMatch(/date: 2018-10-19/);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('archive/2018/2018-10-19-sredba-vo-ohrid.md\n');
    const text = readFileSync(path.join(cwd, 'archive/2018/2018-10-19-sredba-vo-ohrid.md'), 'utf8');
    expect(text).toContain(
      'partners:\n  - OSCE Mission to Skopje\npeople:\n  - Борче Петревски\ntags:\n  - соработка\n  - конференција\nlang: mk\n',
    );
    expect(text).toMatch(/\n\nТекст на соопштението\.\n$/);
  });

  it('Ctrl-C at a prompt writes nothing and exits 130', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runTyped(
      ['add', '--body', 'x'],
      [
        ['Title', 'Наслов' + KEY.enter],
        ['Publication date', KEY.ctrlC],
      ],
      { cwd },
    );
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/cancelled: nothing was written/);
    expect(releasesIn(cwd, '2026')).toEqual([]);
  });

  it('takes the text from $EDITOR when one is set', async () => {
    const cwd = fixtureProject('multilingual');
    const editor = `sh -c 'printf "Од уредникот.\\n" > "$1"' sh`;
    const r = await runTyped(
      [...EVERY_FIELD_BUT_TEXT],
      [
        ['Files to attach', KEY.enter],
        ['Write archive/2025/2025-01-02-t.md?', 'y' + KEY.enter],
      ],
      { cwd, env: { EDITOR: editor } },
    );
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(cwd, 'archive/2025/2025-01-02-t.md'), 'utf8')).toMatch(/\n\nОд уредникот\.\n$/);
  });

  it('--no-input on a terminal never prompts', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runTyped(['add', '--no-input', '--title', 'T'], [], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing text/);
  });
});

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
