import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVERY_FIELD_BUT_TEXT, KEY, releasesIn, runTyped, type Step } from '../helpers/add.js';
import { fixtureProject, runCli } from '../helpers/cli.js';

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
