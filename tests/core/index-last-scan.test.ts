import { appendFileSync, readdirSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeScan, movedSince } from '../../src/core/store/last-scan.js';
import { listing } from '../../src/core/store/scan.js';
import { withIndex } from '../../src/core/store/session.js';
import type { ArchiveIndex } from '../../src/core/store/store.js';
import { Fingerprint } from '../../src/core/store/fingerprint.js';
import { fixtureCopies } from '../helpers/fixture-copies.js';

// After an edit in place, a refresh finds the edited files by comparing this scan's sizes
// and mtimes with the stored scan's, position by position; what it stores must be what a
// refresh comparing every path stores.

const copy = fixtureCopies();

/** Every indexed file with its parse result, mtimes left out (the copies' files differ in them). */
function rows(index: ArchiveIndex): unknown[] {
  return index.db
    .prepare(
      'SELECT files.path, files.size, files.rid, docs.result, docs.issues FROM files JOIN docs ON docs.rowid = files.rowid ORDER BY files.path',
    )
    .raw()
    .all();
}

async function refreshed(archive: string, before?: (index: ArchiveIndex) => void) {
  return (
    await withIndex(archive, {}, async (index) => {
      before?.(index!);
      const stats = await index!.refresh(archive);
      const mtimes = index!.db.prepare('SELECT path, mtime FROM files').raw().all() as [string, number][];
      for (const [p, mtime] of mtimes) expect(mtime, p).toBe(statSync(path.join(archive, p)).mtimeMs);
      return { stats, rows: rows(index!), scan: index!.db.prepare("SELECT value FROM meta WHERE key = 'scan'").pluck().get() };
    })
  ).value;
}

function releases(archive: string): string[] {
  return readdirSync(archive, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md') && !/(^|\/)[._]/.test(f))
    .sort();
}

describe('refresh after edits in place', () => {
  it('finds the edited files by position and stores what a refresh comparing paths stores', async () => {
    const a = copy();
    const b = copy();
    await refreshed(a.archive);
    await refreshed(b.archive);
    const files = releases(a.archive);
    const edited = [files[0], files[files.length - 1]];
    for (const c of [a, b]) {
      appendFileSync(path.join(c.archive, edited[0]), '\nA sentence added later.\n');
      const last = path.join(c.archive, edited[1]);
      writeFileSync(last, `---\ntitle: Retitled in place\ndate: 2019-05-05\n---\nNew text.\n`);
      // Same size, later mtime (an editor that saved the same bytes).
      const later = new Date(Date.now() + 60_000);
      utimesSync(path.join(c.archive, files[1]), later, later);
    }
    const byPosition = await refreshed(a.archive);
    // b's stored scan is dropped: its refresh compares every path with the index.
    const byPath = await refreshed(b.archive, (index) => index.db.exec("DELETE FROM meta WHERE key = 'scan'"));
    expect(byPosition.stats).toEqual({ parsed: 3, removed: 0, files: files.length });
    expect(byPath.stats).toEqual(byPosition.stats);
    expect(byPosition.rows).toEqual(byPath.rows);
    expect(JSON.stringify(byPosition.rows)).toContain('Retitled in place');
    expect(byPosition.scan).toBeInstanceOf(Uint8Array);
    // Nothing changed since: nothing parsed.
    expect((await refreshed(a.archive)).stats).toEqual({ parsed: 0, removed: 0, files: files.length });
  });

  it('compares paths when the stored scan is damaged or from another state, and still finds every change', async () => {
    for (const damage of [Buffer.from('not a scan'), encodeScan([1, 2, 3], [4, 5, 6]), 'text']) {
      const c = copy();
      await refreshed(c.archive);
      const files = releases(c.archive);
      appendFileSync(path.join(c.archive, files[1]), '\nEdited.\n');
      const after = await refreshed(c.archive, (index) => index.db.prepare("UPDATE meta SET value = ? WHERE key = 'scan'").run(damage));
      expect(after.stats).toEqual({ parsed: 1, removed: 0, files: files.length });
    }
  });

  it('sees a file added beside an edit (its folder changed) and a link that starts leading to a release', async () => {
    const c = copy();
    await refreshed(c.archive);
    const files = releases(c.archive);
    const folder = path.dirname(path.join(c.archive, files[0]));
    appendFileSync(path.join(c.archive, files[0]), '\nEdited.\n');
    writeFileSync(path.join(folder, '2019-09-09-new.md'), '---\ntitle: New\ndate: 2019-09-09\n---\nNew.\n');
    const after = await refreshed(c.archive);
    expect(after.stats).toEqual({ parsed: 2, removed: 0, files: files.length + 1 });
    // A dangling link (not a release file) that later leads to one: its folder's mtime stays, its position turns from NaN to a file.
    const target = path.join(c.archive, 'later-target.txt');
    symlinkSync(target, path.join(folder, '2019-10-10-link.md'));
    await refreshed(c.archive);
    writeFileSync(target, '---\ntitle: Linked\ndate: 2019-10-10\n---\nLinked.\n');
    const linked = await refreshed(c.archive);
    expect(linked.stats).toEqual({ parsed: 1, removed: 0, files: files.length + 2 });
    expect(JSON.stringify(linked.rows)).toContain('Linked');
  });
});

describe('movedSince', () => {
  const dirs = new Map([
    [
      '',
      listing(7, [
        ['a.md', 0],
        ['b.md', 0],
        ['c.md', 0],
      ]),
    ],
  ]);
  const printOf = (sizes: number[], mtimes: number[]) => {
    const h = new Fingerprint();
    sizes.forEach((s, i) => Number.isNaN(s) || h.file(s, mtimes[i]));
    return h.end(dirs);
  };
  const sizes = [10, Number.NaN, 30];
  const mtimes = [1, Number.NaN, 3];
  const stored = encodeScan(sizes, mtimes);
  const print = printOf(sizes, mtimes);

  it('gives the positions whose size or mtime changed', () => {
    expect(movedSince(stored, print, dirs, [10, Number.NaN, 31], [1, Number.NaN, 3])).toEqual([2]);
    expect(movedSince(stored, print, dirs, [11, Number.NaN, 30], [1, Number.NaN, 9])).toEqual([0, 2]);
  });

  it('cannot say when the stored scan is missing, of another count or fingerprint, or an entry turned into a release file', () => {
    expect(movedSince(undefined, print, dirs, sizes, mtimes)).toBeNull();
    expect(movedSince(stored, undefined, dirs, sizes, mtimes)).toBeNull();
    expect(movedSince(stored, 'other:2', dirs, sizes, mtimes)).toBeNull();
    expect(movedSince(stored, print, dirs, [10, 20], [1, 2])).toBeNull();
    expect(movedSince(stored, print, dirs, [10, 20, 30], [1, 2, 3])).toBeNull();
  });
});
