import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

// Export reads each body straight from its file (src/core/export/bodies.ts) instead of through
// the index's body cache; the text must be exactly what the parser cut, BOM and CRLF included.

function archiveWithTrickyBodies(): string {
  const cwd = tempDir();
  const dir = path.join(cwd, 'archive', '2020');
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {
    'a-bom-crlf.md': '\ufeff---\r\ntitle: BOM и CRLF\r\ndate: 2020-01-02\r\n---\r\n\r\nПрв ред.\r\n\r\n- точка\r\n',
    'b-dashes.md': '---\ntitle: Dashes\ndate: 2020-01-03\nsummary: null\n---\n---\nnot front matter\n---\n\n# Heading\n',
    'c-empty.md': '---\ntitle: Empty body\ndate: 2020-01-04\n---\n',
    'd-cr.md': '---\ntitle: Old Mac\ndate: 2020-01-05\n---\rline one\rline two\r',
  };
  for (let i = 0; i < 40; i++)
    files[`e-${i}.md`] =
      `---\ntitle: Release ${i}\ndate: 2020-02-${String((i % 28) + 1).padStart(2, '0')}\n---\n\nBody ${i} ${'текст '.repeat(i)}\n`;
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return cwd;
}

function readTree(root: string, rel = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, readTree(root, p));
    else out[p] = readFileSync(path.join(root, p), 'utf8');
  }
  return out;
}

describe('export bodies read from the files', () => {
  it('are the bodies the parser gives: the same bytes with the index as without it', async () => {
    const cwd = archiveWithTrickyBodies();
    for (const format of ['ndjson', 'json']) {
      const indexed = await runCli(['export', '--format', format], { cwd });
      const parsed = await runCli(['export', '--format', format], { cwd, env: { RELEASES_INDEX: 'off' } });
      expect(indexed.code, indexed.stderr).toBe(0);
      expect(indexed.stdout).toBe(parsed.stdout);
    }
    expect(existsSync(path.join(cwd, '.releases')), 'the first runs went through the index').toBe(true);
    const entries = (await runCli(['export', '--format', 'ndjson'], { cwd })).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(entries).toHaveLength(44);
    expect(entries.find((e) => e.title === 'BOM и CRLF').body).toBe('\nПрв ред.\n\n- точка\n');
    expect(entries.find((e) => e.title === 'Empty body').body).toBe('');
  });

  it('give the same site with the index as without it', async () => {
    const cwd = archiveWithTrickyBodies();
    expect((await runCli(['export', '--format', 'html', '--out', 'a'], { cwd })).code).toBe(0);
    expect((await runCli(['export', '--format', 'html', '--out', 'b'], { cwd, env: { RELEASES_INDEX: 'off' } })).code).toBe(0);
    // Every file but the marker: with the index, release pages are stamped by their inputs
    // (file size and mtime); without it, by their bytes.
    const tree = (dir: string) => {
      const t = readTree(path.join(cwd, dir));
      delete t['.releases-export'];
      return t;
    };
    const a = tree('a');
    expect(Object.keys(a).filter((f) => f.startsWith('r/'))).toHaveLength(44);
    expect(a).toEqual(tree('b'));
    expect(Object.values(a).join('')).toContain('<li>точка</li>');
  });
});
