import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureProject, runCli } from '../helpers/cli.js';

// list, show, partners and add read the archive through the index (releases stored
// without bodies, bodies read from the files on demand): these pin what that must keep.

const ENV = { NO_COLOR: '1' };
const ID = '2020-01-10-sredba-vo-skopje';

async function releases(cwd: string, args: string[]) {
  return runCli(args, { cwd, env: ENV, columns: 120 });
}

function releaseFile(title: string, extra: string, body: string): string {
  return `---\ntitle: ${title}\ndate: 2023-03-03\n${extra}---\n${body}`;
}

describe('read commands through the index', () => {
  it('show prints the body exactly as written, also for a file with a BOM and CRLF line ends', async () => {
    const cwd = fixtureProject('multilingual');
    const file = path.join(cwd, 'archive', '2023', 'crlf.md');
    mkdirSync(path.dirname(file), { recursive: true });
    const body = 'First line.\n\n---\n\nA rule above, and a last line without a newline';
    writeFileSync(file, `\ufeff${releaseFile('Windows file', 'id: crlf-file\n', `\n${body}`).replace(/\n/g, '\r\n')}`);
    expect((await releases(cwd, ['list'])).code).toBe(0); // the index now holds it
    const shown = await releases(cwd, ['show', 'crlf-file', '--format', 'json']);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout).body).toBe(`\n${body}`);
  });

  it('sees an edit made in place (same folder, same name) in list, show and partners', async () => {
    const cwd = fixtureProject('multilingual');
    const file = path.join(cwd, 'archive', '2020', `${ID}.md`);
    expect((await releases(cwd, ['list', '--format', 'json'])).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      text
        .replace(/^title: .*$/m, 'title: Edited in place')
        .replace(/^partners:/m, 'partners:\n  - Brand New Partner')
        .concat('\nAppended line.\n'),
    );
    const list = JSON.parse((await releases(cwd, ['list', '--format', 'json'])).stdout) as { id: string; title: string }[];
    expect(list.find((e) => e.id === ID)?.title).toBe('Edited in place');
    const show = JSON.parse((await releases(cwd, ['show', ID, '--format', 'json'])).stdout) as { body: string };
    expect(show.body.trimEnd().endsWith('Appended line.')).toBe(true);
    const partners = JSON.parse((await releases(cwd, ['partners', '--format', 'json'])).stdout) as { name: string; releases: number }[];
    expect(partners.find((p) => p.name === 'Brand New Partner')?.releases).toBe(1);
  });

  it('list --format json, written in chunks, is exactly JSON.stringify(entries, null, 2)', async () => {
    const cwd = fixtureProject('multilingual');
    const all = await releases(cwd, ['list', '--format', 'json']);
    const entries = JSON.parse(all.stdout) as unknown[];
    expect(entries.length).toBeGreaterThan(3);
    expect(all.stdout).toBe(`${JSON.stringify(entries, null, 2)}\n`);
    const none = await releases(cwd, ['list', '--format', 'json', '--from', '1990', '--to', '1990']);
    expect(none.stdout).toBe('[]\n');
  });

  it('keeps the index free of bodies (they stay in the files)', async () => {
    const cwd = fixtureProject('multilingual');
    expect((await releases(cwd, ['list'])).code).toBe(0);
    const [indexFile] = readdirSync(path.join(cwd, '.releases')).filter((f) => f.endsWith('.sqlite'));
    const Sqlite = (await import('better-sqlite3' as string)).default as new (
      f: string,
      o: object,
    ) => { prepare(s: string): { pluck(): { all(): string[] } }; close(): void };
    const db = new Sqlite(path.join(cwd, '.releases', indexFile), { readonly: true });
    const stored = db.prepare('SELECT result FROM docs').pluck().all();
    db.close();
    expect(stored.length).toBeGreaterThan(3);
    const body = readFileSync(path.join(cwd, 'archive', '2020', `${ID}.md`), 'utf8')
      .split('\n---\n')[1]
      .trim()
      .split('\n')[0];
    expect(body.length).toBeGreaterThan(20);
    expect(stored.filter((json) => json.includes(body.slice(0, 20)))).toEqual([]);
  });
});

describe('add through the index', () => {
  it("does not take an id that another folder's file sets with id:, even one added since the last index refresh", async () => {
    const cwd = fixtureProject('multilingual');
    expect((await releases(cwd, ['list'])).code).toBe(0);
    // Added by hand after the index was last brought up to date, in another year's folder.
    writeFileSync(path.join(cwd, 'archive', '2019', 'old-name.md'), releaseFile('Old', 'id: 2025-01-01-meeting\n', '\nText.\n'));
    const r = await releases(cwd, ['add', '--no-input', '--title', 'Meeting', '--date', '2025-01-01', '--body', 'Text.']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('archive/2025/2025-01-01-meeting-2.md\n');
    const check = await releases(cwd, ['check', '--format', 'json']);
    expect(check.stdout).not.toContain('duplicate-id');
  });

  it('is seen by the next list (its folder changed)', async () => {
    const cwd = fixtureProject('multilingual');
    expect((await releases(cwd, ['list'])).code).toBe(0);
    const r = await releases(cwd, ['add', '--no-input', '--title', 'Fresh one', '--date', '2024-02-02', '--body', 'Text.']);
    expect(r.code).toBe(0);
    const list = JSON.parse((await releases(cwd, ['list', '--format', 'json'])).stdout) as { id: string }[];
    expect(list.map((e) => e.id)).toContain('2024-02-02-fresh-one');
  });
});
