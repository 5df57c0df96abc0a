import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/core/archive.js';
import { loadIndexedArchive } from '../../src/core/store/indexed-archive.js';
import { withIndex } from '../../src/core/store/session.js';
import { copyFixture } from '../helpers/search.js';

// `list` reads every stored result from one JSON snapshot of the index, valid for one
// generation: the archive it gives must be the one the rows (and the files) give.

const copies: ReturnType<typeof copyFixture>[] = [];
afterEach(() => copies.splice(0).forEach((c) => c.remove()));

// The bodies too: an indexed release reads its body from its file when asked.
const plain = (a: { releases: { body: string }[]; issues: object[] }) =>
  JSON.parse(JSON.stringify({ releases: a.releases.map((r) => ({ ...r, body: r.body })), issues: a.issues }));
const load = async (archive: string) => (await withIndex(archive, {}, (index) => loadIndexedArchive(index!, archive))).value;
const snapshots = async (archive: string) =>
  (await withIndex(archive, {}, (index) => index!.db.prepare('SELECT count(*) FROM snapshot').pluck().get())).value;

describe('the snapshot of the index', () => {
  it('gives the archive the files give, before and after a file changes', async () => {
    const c = copyFixture('search-multilingual');
    copies.push(c);
    const first = await load(c.archive);
    expect(await snapshots(c.archive)).toBe(1);
    const again = await load(c.archive);
    expect(plain(again)).toEqual(plain(first));
    expect(plain(again)).toEqual(plain(await loadArchive(c.archive)));
    writeFileSync(path.join(c.archive, '2020/2020-05-05-pandemija.md'), '---\ntitle: Ксилофон\ndate: 2020-05-05\n---\nТекст.\n');
    const edited = await load(c.archive);
    expect(edited.releases.find((r) => r.path.endsWith('pandemija.md'))?.title).toBe('Ксилофон');
    expect(plain(await load(c.archive))).toEqual(plain(edited));
    expect(plain(edited)).toEqual(plain(await loadArchive(c.archive)));
  });
});
