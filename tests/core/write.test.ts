import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReleasesError } from '../../src/core/errors.js';
import { writeNewFile } from '../../src/core/write.js';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'releases-write-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const list = async (sub: string) => (await fs.readdir(path.join(dir, sub))).sort();

describe('writeNewFile', () => {
  it('makes the folder, writes the file and leaves no temporary file', async () => {
    const rel = await writeNewFile(dir, { folder: '2018', base: '2018-10-19-x', text: 'hello\n' });
    expect(rel).toBe('2018/2018-10-19-x.md');
    expect(await fs.readFile(path.join(dir, rel), 'utf8')).toBe('hello\n');
    expect(await list('2018')).toEqual(['2018-10-19-x.md']);
  });

  it('never replaces a file: taken names get -2, -3', async () => {
    await fs.mkdir(path.join(dir, '2018'));
    await fs.writeFile(path.join(dir, '2018/2018-10-19-x.md'), 'old');
    expect(await writeNewFile(dir, { folder: '2018', base: '2018-10-19-x', text: 'a' })).toBe('2018/2018-10-19-x-2.md');
    expect(await writeNewFile(dir, { folder: '2018', base: '2018-10-19-x', text: 'b' })).toBe('2018/2018-10-19-x-3.md');
    expect(await fs.readFile(path.join(dir, '2018/2018-10-19-x.md'), 'utf8')).toBe('old');
  });

  it('skips names given as taken (ids used by an id: field)', async () => {
    expect(await writeNewFile(dir, { folder: '2018', base: 'x', text: 'a', taken: new Set(['x', 'x-2']) })).toBe('2018/x-3.md');
  });

  it('gives 20 concurrent writers of one name 20 distinct files', async () => {
    const rels = await Promise.all(
      Array.from({ length: 20 }, (_, i) => writeNewFile(dir, { folder: '2018', base: 'same', text: `n${i}\n` })),
    );
    expect(new Set(rels).size).toBe(20);
    const files = await list('2018');
    expect(files).toHaveLength(20);
    const texts = await Promise.all(files.map((f) => fs.readFile(path.join(dir, '2018', f), 'utf8')));
    expect(new Set(texts).size).toBe(20);
  });

  it('removes temporary files that killed writers left more than an hour ago, and only those', async () => {
    await fs.mkdir(path.join(dir, '2018'));
    const old = path.join(dir, '2018/.x.0123456789ab.tmp');
    const fresh = path.join(dir, '2018/.y.0123456789ab.tmp');
    const other = path.join(dir, '2018/.notes.tmp');
    for (const f of [old, fresh, other]) await fs.writeFile(f, 'partial');
    const hoursAgo = new Date(Date.now() - 2 * 3600_000);
    await fs.utimes(old, hoursAgo, hoursAgo);
    await fs.utimes(other, hoursAgo, hoursAgo);
    await writeNewFile(dir, { folder: '2018', base: 'z', text: 'a' });
    expect(await list('2018')).toEqual(['.notes.tmp', '.y.0123456789ab.tmp', 'z.md']);
  });

  it('refuses a folder outside the archive, directly or through a symbolic link', async () => {
    await expect(writeNewFile(dir, { folder: '../outside', base: 'x', text: 'a' })).rejects.toThrow(ReleasesError);
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'releases-outside-'));
    await fs.symlink(outside, path.join(dir, '2019'));
    await expect(writeNewFile(dir, { folder: '2019', base: 'x', text: 'a' })).rejects.toThrow(/outside the archive/);
    expect(await fs.readdir(outside)).toEqual([]);
    await fs.rm(outside, { recursive: true });
  });

  it('fails with a message naming the folder when it cannot write, leaving nothing', async () => {
    await fs.writeFile(path.join(dir, '2018'), 'a file where the year folder should be');
    await expect(writeNewFile(dir, { folder: '2018', base: 'x', text: 'a' })).rejects.toThrow(/cannot write .*2018/);
    expect(await fs.readdir(dir)).toEqual(['2018']);
  });
});
