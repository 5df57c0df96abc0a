import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureProject, runCli } from '../helpers/cli.js';
import { loadBetterSqlite } from '../../src/core/store/sqlite.js';

const OFF = { RELEASES_INDEX: 'off' };
const FORMATS = ['text', 'json', 'github'];

describe('releases check with an index made by an earlier command', () => {
  it.each(['bad-inputs', 'multilingual', 'corpus-nasties'])('reports exactly what parsing every file reports (%s)', async (name) => {
    const cwd = fixtureProject(name);
    expect((await runCli(['list'], { cwd })).code).toBe(0);
    expect(existsSync(path.join(cwd, '.releases'))).toBe(true);
    for (const format of FORMATS) {
      const indexed = await runCli(['check', '--format', format], { cwd });
      expect(indexed, format).toEqual(await runCli(['check', '--format', format], { cwd, env: OFF }));
    }
  });

  it('parses the files changed since the index was written', async () => {
    const cwd = fixtureProject('multilingual');
    await runCli(['list'], { cwd });
    const file = path.join(cwd, 'archive/2020/2020-01-10-sredba-vo-skopje.md');
    writeFileSync(file, '---\ntitle: Средба\ndate: 2020-13-01\n---\nТекст.\n');
    const r = await runCli(['check', '--format', 'json'], { cwd });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).issues.map((i: { file: string; code: string }) => `${i.file} ${i.code}`)).toEqual([
      '2020/2020-01-10-sredba-vo-skopje.md impossible-date',
    ]);
    expect(r).toEqual(await runCli(['check', '--format', 'json'], { cwd, env: OFF }));
  });

  it('takes the results of unchanged files from the index, not from the files', async () => {
    const cwd = fixtureProject('multilingual');
    await runCli(['list'], { cwd });
    const Database = (await loadBetterSqlite())!;
    const [name] = readdirSync(path.join(cwd, '.releases')).filter((f) => f.endsWith('.sqlite'));
    const db = new Database(path.join(cwd, '.releases', name));
    const planted = [
      { file: '2019/2019-03-05-bashkepunim-rajonal.md', severity: 'warning', code: 'planted', message: 'only the index says so' },
    ];
    db.prepare('UPDATE docs SET issues = ? WHERE rowid = (SELECT rowid FROM files WHERE path = ?)').run(
      JSON.stringify(planted),
      planted[0].file,
    );
    db.close();
    expect((await runCli(['check'], { cwd })).stdout).toContain(
      'archive/2019/2019-03-05-bashkepunim-rajonal.md  warning  only the index says so',
    );
    expect((await runCli(['check'], { cwd, env: OFF })).stdout).not.toContain('only the index says so');
  });

  it('does not create an index', async () => {
    const cwd = fixtureProject('multilingual');
    expect((await runCli(['check'], { cwd })).code).toBe(0);
    expect(existsSync(path.join(cwd, '.releases'))).toBe(false);
  });

  it('parses every file when the index is damaged', async () => {
    const cwd = fixtureProject('bad-inputs');
    await runCli(['list'], { cwd });
    const expected = await runCli(['check', '--format', 'json'], { cwd, env: OFF });
    for (const f of readdirSync(path.join(cwd, '.releases')))
      writeFileSync(path.join(cwd, '.releases', f), 'not a database at all, not even close'.repeat(200));
    expect(await runCli(['check', '--format', 'json'], { cwd })).toEqual(expected);
  });
});
