import { appendFileSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { refreshChangedFolders } from '../../src/core/store/folder-refresh.js';
import { withIndex } from '../../src/core/store/session.js';
import type { ArchiveIndex } from '../../src/core/store/store.js';
import { fixtureCopies } from '../helpers/fixture-copies.js';

// `add` brings the index up to date by folder mtimes only; what it stores must be what a
// full refresh stores.

const copy = fixtureCopies();

const RELEASE = (title: string) => `---\ntitle: ${title}\ndate: 2019-03-03\n---\nText of ${title}.\n`;

function snapshot(index: ArchiveIndex): unknown[] {
  return index.db
    .prepare(
      'SELECT files.path, files.size, files.mtime, files.rid, docs.result, docs.issues FROM files JOIN docs ON docs.rowid = files.rowid ORDER BY files.path',
    )
    .raw()
    .all();
}

async function withArchiveIndex<T>(archive: string, work: (index: ArchiveIndex) => Promise<T>): Promise<T> {
  return (await withIndex(archive, {}, (index) => work(index!))).value;
}

describe('refresh by changed folders', () => {
  it('sees files added to and removed from a changed folder; the next full refresh sees an edit in place there', async () => {
    const c = copy();
    await withArchiveIndex(c.archive, (index) => index.refresh(c.archive));
    const folder = path.join(c.archive, '2019');
    const [first, second] = readdirSync(folder).filter((f) => f.endsWith('.md'));
    writeFileSync(path.join(folder, '2019-03-03-new.md'), RELEASE('New one'));
    rmSync(path.join(folder, first));
    appendFileSync(path.join(folder, second), '\nEdited in place.\n');
    const later = new Date(Date.now() + 5000);
    utimesSync(folder, later, later); // the folder changed (its mtime is what is trusted)
    const stats = await withArchiveIndex(c.archive, (index) => refreshChangedFolders(index, c.archive));
    expect(stats).toMatchObject({ parsed: 1, removed: 1 });
    const byFolders = await withArchiveIndex(c.archive, async (index) => snapshot(index) as [string][]);
    const full = await withArchiveIndex(c.archive, async (index) => {
      expect(await index.refresh(c.archive)).toMatchObject({ parsed: 1, removed: 0 }); // the edit in place
      return snapshot(index) as [string][];
    });
    expect(byFolders.map((r) => r[0])).toEqual(full.map((r) => r[0]));
    const changedRows = full.filter((row, i) => JSON.stringify(row) !== JSON.stringify(byFolders[i]));
    expect(changedRows.map((r) => r[0])).toEqual([`2019/${second}`]);
  });

  it('does nothing when no folder changed, and leaves new folders to the full refresh', async () => {
    const c = copy();
    await withArchiveIndex(c.archive, (index) => index.refresh(c.archive));
    expect(await withArchiveIndex(c.archive, (index) => refreshChangedFolders(index, c.archive))).toMatchObject({ parsed: 0, removed: 0 });
    mkdirSync(path.join(c.archive, '2030'));
    writeFileSync(path.join(c.archive, '2030', '2030-01-01-x.md'), RELEASE('Future'));
    expect(await withArchiveIndex(c.archive, (index) => refreshChangedFolders(index, c.archive))).toBeNull();
  });
});
