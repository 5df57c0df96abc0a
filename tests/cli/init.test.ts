import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY, runTyped } from '../helpers/add.js';
import { runCli, tempDir } from '../helpers/cli.js';

describe('releases init', () => {
  it('creates ./archive with archive.yml and a commented, empty partners.yml that check accepts', async () => {
    const cwd = tempDir();
    const r = await runCli(['init', '--name', 'Соопштенија: 2024', '--lang', 'sq'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('archive/archive.yml\narchive/partners.yml\n');
    expect(readFileSync(path.join(cwd, 'archive/archive.yml'), 'utf8')).toContain('name: "Соопштенија: 2024"\nlang: sq\n');
    const registry = readFileSync(path.join(cwd, 'archive/partners.yml'), 'utf8');
    expect(registry.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([]);
    expect((await runCli(['check'], { cwd })).code).toBe(0);
    const add = await runCli(['add', '--title', 'Takim', '--body', 'Teksti.', '--format', 'json'], { cwd });
    expect(JSON.parse(add.stdout).lang).toBe('sq');
    expect((await runCli(['partners', '--format', 'json'], { cwd })).stdout).toBe('[]\n');
  });

  it('creates the folder given, with defaults when no flags and no terminal', async () => {
    const cwd = tempDir();
    const r = await runCli(['init', 'press/archive'], { cwd });
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(cwd, 'press/archive/archive.yml'), 'utf8')).toContain('name: Releases\nlang: en\n');
    expect(r.stderr).toMatch(/next: releases add --archive press\/archive/);
  });

  it('refuses to touch an existing archive: exit 1, nothing written', async () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'archive/2018'), { recursive: true });
    writeFileSync(path.join(cwd, 'archive/2018/x.md'), '---\ntitle: x\n---\n');
    const r = await runCli(['init', '--name', 'X'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is already an archive \(it holds 2018\/x\.md\)/);
    expect(readdirSync(path.join(cwd, 'archive'))).toEqual(['2018']);
    writeFileSync(path.join(cwd, 'archive/partners.yml'), 'mine: {name: Mine}\n');
    const r2 = await runCli(['init'], { cwd });
    expect(r2.code).toBe(1);
    expect(readFileSync(path.join(cwd, 'archive/partners.yml'), 'utf8')).toBe('mine: {name: Mine}\n');
    expect(existsSync(path.join(cwd, 'archive/archive.yml'))).toBe(false);
  });

  it('exits 2 on a bad --lang', async () => {
    const cwd = tempDir();
    const r = await runCli(['init', '--lang', 'macedonian language'], { cwd });
    expect(r.code).toBe(2);
    expect(existsSync(path.join(cwd, 'archive'))).toBe(false);
  });

  it('asks for the name and the language on a terminal', async () => {
    const cwd = tempDir();
    const r = await runTyped(
      ['init'],
      [
        ['Name of the archive', 'Соопштенија' + KEY.enter],
        ['Default language', KEY.backspace + KEY.backspace + 'sq' + KEY.enter],
      ],
      { cwd },
    );
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(cwd, 'archive/archive.yml'), 'utf8')).toContain('name: Соопштенија\nlang: sq\n');
  });

  it('Ctrl-C on a terminal creates nothing and exits 130', async () => {
    const cwd = tempDir();
    const r = await runTyped(['init'], [['Name of the archive', KEY.ctrlC]], { cwd });
    expect(r.code).toBe(130);
    expect(existsSync(path.join(cwd, 'archive'))).toBe(false);
  });
});
