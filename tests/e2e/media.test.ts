import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureProject } from '../helpers/cli.js';
import { BUILT } from '../helpers/hostile.js';

const BIN = path.resolve(__dirname, '../../bin/releases.js');
const releases = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH!, NO_COLOR: '1' } });

describe.skipIf(!BUILT)('the real bin with photos and attachments', () => {
  it('check names each bad reference at file:line:col and exits 1; export carries the files and lists them', () => {
    const cwd = fixtureProject('media');
    writeFileSync(path.join(cwd, 'outside.txt'), 'outside\n');
    symlinkSync(path.join(cwd, 'outside.txt'), path.join(cwd, 'archive/2022/linked-out.png'));
    const check = releases(['check'], cwd);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(
      'archive/2022/2022-03-10-sredba-vo-skopje.md:13:32  error  "missing.jpg" does not exist (no file 2022/missing.jpg in the archive)',
    );
    expect(check.stdout).toContain(
      'archive/2022/2022-03-10-sredba-vo-skopje.md:17:17  error  2022/linked-out.png is a symbolic link to a file outside the archive',
    );
    expect(check.stdout).toContain('archive/2021/2021-06-01-opening/notes.txt  warning  nothing refers to this file');
    expect(check.stderr).not.toMatch(/at .*\.js:\d+/);

    const html = releases(['export', '--format', 'html', '--out', 'site'], cwd);
    expect(html.status, html.stderr).toBe(0);
    expect(statSync(path.join(cwd, 'site/media/2021/2021-06-01-opening/statement.pdf')).size).toBe(
      statSync(path.join(cwd, 'archive/2021/2021-06-01-opening/statement.pdf')).size,
    );
    expect(readFileSync(path.join(cwd, 'site/r/2021-06-01-opening.html'), 'utf8')).toContain(
      'width="32" height="24" loading="lazy" decoding="async"',
    );

    const json = releases(['export', '--format', 'ndjson'], cwd);
    expect(json.status).toBe(0);
    const media = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .find((e) => e.id === '2021-06-01-opening').media;
    expect(media.map((m: { path: string }) => m.path.split('/').pop())).toEqual([
      'cover.jpg',
      'photo.png',
      'diagram.svg',
      'statement.pdf',
      'logo.png',
    ]);
  });
});
