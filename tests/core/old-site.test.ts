import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKER, retire, settleOlds } from '../../src/core/export/old-site.js';
import { tempDir } from '../helpers/cli.js';

/** Writes an exported site: its own files, listed in the marker, plus the user's files. */
function site(dir: string, own: Record<string, string>, user: Record<string, string> = {}, age = 0): void {
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries({ ...own, ...user })) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  }
  writeFileSync(path.join(dir, MARKER), JSON.stringify({ tool: 'releases', files: Object.keys(own) }));
  const t = new Date(Date.now() - age * 1000);
  utimesSync(path.join(dir, MARKER), t, t);
}

const olds = (root: string) => readdirSync(root).filter((n) => n.includes('.releases-old-'));

describe('settling old sites that killed exports left beside --out', () => {
  it('puts back the newest whole old site when --out is missing, not a half-cleared one', () => {
    const root = tempDir();
    // Killed while clearing: already marked as retiring, half its pages gone.
    site(path.join(root, '.site.releases-old-aaaa'), { 'index.html': 'older' }, { CNAME: 'example.org' }, 60);
    writeFileSync(path.join(root, '.site.releases-old-aaaa', '.releases-retiring'), '');
    site(path.join(root, '.site.releases-old-bbbb'), { 'index.html': 'older still', 'a/b.html': 'x' }, {}, 120);
    // Killed between the two renames: the whole previous site.
    site(path.join(root, '.site.releases-old-cccc'), { 'index.html': 'newest', 'r/1.html': 'one' }, { CNAME: 'example.org' }, 10);
    return settleOlds(path.join(root, 'site')).then(() => {
      expect(readFileSync(path.join(root, 'site/index.html'), 'utf8')).toBe('newest');
      expect(readFileSync(path.join(root, 'site/r/1.html'), 'utf8')).toBe('one');
      expect(readFileSync(path.join(root, 'site/CNAME'), 'utf8')).toBe('example.org');
      // The others were earlier exports with nothing of the user's that the site lacks.
      expect(olds(root)).toEqual([]);
    });
  });

  it('clears what a killed retire left when the site is in place, keeping user files the site lacks', async () => {
    const root = tempDir();
    site(path.join(root, 'site'), { 'index.html': 'now' }, { CNAME: 'example.org' });
    const old = path.join(root, '.site.releases-old-dddd');
    site(old, { 'index.html': 'before', 'p/x.html': 'x' }, { 'notes.txt': 'mine', CNAME: 'other' }, 60);
    await settleOlds(path.join(root, 'site'));
    expect(readFileSync(path.join(root, 'site/index.html'), 'utf8')).toBe('now');
    // notes.txt and the differing CNAME are the user's and not in the site: they stay, alone.
    expect(readdirSync(old).sort()).toEqual(['CNAME', 'notes.txt']);
    // Never taken back as a site again: its marker is gone.
    await settleOlds(path.join(root, 'site'));
    expect(readFileSync(path.join(root, 'site/index.html'), 'utf8')).toBe('now');
  });

  it('removes user files the site in place already holds as hard links', async () => {
    const root = tempDir();
    site(path.join(root, 'site'), { 'index.html': 'now' });
    const old = path.join(root, '.site.releases-old-eeee');
    site(old, { 'index.html': 'before' }, { CNAME: 'example.org' }, 60);
    linkSync(path.join(old, 'CNAME'), path.join(root, 'site/CNAME'));
    await settleOlds(path.join(root, 'site'));
    expect(existsSync(old)).toBe(false);
    expect(readFileSync(path.join(root, 'site/CNAME'), 'utf8')).toBe('example.org');
  });

  it('leaves --out missing when nothing whole waits beside it', async () => {
    const root = tempDir();
    site(path.join(root, '.site.releases-old-ffff'), { 'index.html': 'half' }, {}, 60);
    writeFileSync(path.join(root, '.site.releases-old-ffff', '.releases-retiring'), '');
    await settleOlds(path.join(root, 'site'));
    expect(existsSync(path.join(root, 'site'))).toBe(false);
  });

  it('retire deletes the listed files and the carried ones, and reports a folder that keeps user files', async () => {
    const root = tempDir();
    const old = path.join(root, 'old');
    site(old, { 'index.html': 'x', 'y/z.html': 'z' }, { CNAME: 'c', 'keep.txt': 'k' });
    expect(await retire(old, ['CNAME'], true)).toBe(old);
    expect(readdirSync(old)).toEqual(['keep.txt']);
    const clean = path.join(root, 'clean');
    site(clean, { 'index.html': 'x' }, { CNAME: 'c' });
    expect(await retire(clean, ['CNAME'], false)).toBeNull();
    expect(existsSync(clean)).toBe(false);
  });
});
