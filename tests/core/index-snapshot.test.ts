import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Archive, loadArchive } from '../../src/core/archive.js';
import { loadIndexedArchive } from '../../src/core/store/indexed-archive.js';
import { withIndex } from '../../src/core/store/session.js';
import { plainRelease } from '../../src/core/store/documents.js';
import { loadStored } from '../../src/core/store/snapshot-file.js';
import { encodeSnapshot } from '../../src/core/store/snapshot.js';
import { bufferBytes, decodeSnapshot, snapshotHeader } from '../../src/core/store/snapshot-read.js';
import type { FileResult } from '../../src/core/types.js';
import { toEntry } from '../../src/render/json.js';
import { fixtureCopies } from '../helpers/fixture-copies.js';

// The index keeps every stored result in one snapshot file beside it: what a load gives
// from it must be what reading the files gives, after any change to the files.

const fresh = fixtureCopies();

/** What a read command can see of an archive (the index leaves the unknown-partner warnings to check). */
function seen(a: Archive) {
  return {
    releases: a.releases.map((r) => ({
      ...toEntry(r),
      bodyLine: r.bodyLine,
      fromName: r.dateFromFileName,
      period: r.period,
      body: r.body,
    })),
    issues: a.issues.filter((i) => i.code !== 'unknown-partner'),
    files: a.fileCount,
  };
}

async function indexed(archive: string, use?: (file: string) => void) {
  const { value } = await withIndex(archive, {}, async (index) => {
    const loaded = await loadIndexedArchive(index!, archive);
    use?.(index!.file);
    return loaded;
  });
  return seen(value);
}

const snapshotOf = (archive: string) => {
  let file = '';
  return indexed(archive, (f) => (file = `${f}-list`)).then(() => file);
};

const later = (file: string, s: number) => utimesSync(file, new Date(Date.now() + s * 1000), new Date(Date.now() + s * 1000));

describe('index snapshot', () => {
  it.each(['search-multilingual', 'multilingual', 'corpus-nasties', 'bad-inputs'])(
    'gives what the files give in %s, taken and read back',
    async (name) => {
      const { archive } = fresh(name);
      const plain = seen(await loadArchive(archive));
      expect(await indexed(archive)).toEqual(plain);
      expect(existsSync(await snapshotOf(archive))).toBe(true);
      expect(await indexed(archive)).toEqual(plain);
    },
  );

  it('is what a load reads while the index is unchanged', async () => {
    const { archive } = fresh();
    const before = await indexed(archive);
    // Rows emptied behind the index's back (no new generation): only the snapshot still has them.
    await withIndex(archive, {}, (index) => index!.db.exec('UPDATE docs SET result = NULL'));
    expect(await indexed(archive)).toEqual(before);
  });

  it('shows a file edited in place, an added one and a removed one', async () => {
    const { archive } = fresh();
    await indexed(archive);
    const file = path.join(archive, '2020/2020-05-05-pandemija.md');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('Вебинарот', 'Семинарот'));
    later(file, 5);
    expect(await indexed(archive)).toEqual(seen(await loadArchive(archive)));
    mkdirSync(path.join(archive, '2023'));
    writeFileSync(path.join(archive, '2023/2023-03-03-novo.md'), '---\ntitle: Ново\ndate: 2023-03-03\n---\nТука.\n');
    expect(await indexed(archive)).toEqual(seen(await loadArchive(archive)));
    rmSync(path.join(archive, '2021/2021-09-09-verski-zaednici.md'));
    expect(await indexed(archive)).toEqual(seen(await loadArchive(archive)));
  });

  it('is taken again after many changed rows, and after a removal', async () => {
    const { archive } = fresh();
    const snapshot = await snapshotOf(archive);
    const taken = () => statSync(snapshot).mtimeMs;
    const first = taken();
    const file = path.join(archive, '2020/2020-05-05-pandemija.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Вебинарот', 'Семинарот'));
    later(file, 5);
    utimesSync(snapshot, new Date(first - 10_000), new Date(first - 10_000));
    const old = taken();
    const load = () =>
      withIndex(archive, {}, async (index) => {
        await index!.refresh(archive);
        return loadStored(index!, plainRelease, 0).releases.length;
      });
    expect((await load()).value).toBe(24);
    expect(taken()).not.toBe(old);
    rmSync(path.join(archive, '2021/2021-09-09-verski-zaednici.md'));
    expect(await indexed(archive)).toEqual(seen(await loadArchive(archive)));
    expect(snapshotHeader(bufferBytes(readFileSync(snapshot)))!.files).toBe(23);
  });

  it('of another index, cut short or damaged, is not used (and is replaced)', async () => {
    const a = fresh();
    const b = fresh();
    const sa = await snapshotOf(a.archive);
    const sb = await snapshotOf(b.archive);
    rmSync(path.join(b.archive, '2021/2021-09-09-verski-zaednici.md'));
    const expected = seen(await loadArchive(b.archive));
    await indexed(b.archive);
    writeFileSync(sb, readFileSync(sa));
    expect(await indexed(b.archive)).toEqual(expected);
    const good = readFileSync(sb);
    writeFileSync(sb, good.subarray(0, good.length >> 1));
    expect(await indexed(b.archive)).toEqual(expected);
    writeFileSync(sb, 'not a snapshot');
    expect(await indexed(b.archive)).toEqual(expected);
    expect(snapshotHeader(bufferBytes(readFileSync(sb)))).not.toBeNull();
  });
});

describe('snapshot format', () => {
  const text = fc.string({ unit: 'binary' });
  const release = (path: string) =>
    fc.record({
      id: fc.oneof(fc.constant(path.slice(path.lastIndexOf('/') + 1, -3)), text),
      path: fc.constant(path),
      title: text,
      date: text,
      event: fc.option(fc.record({ start: text, end: text, location: fc.option(text) })),
      partners: fc.array(text, { maxLength: 3 }),
      people: fc.array(text, { maxLength: 3 }),
      tags: fc.array(text, { maxLength: 3 }),
      lang: fc.option(text),
      summary: fc.option(text),
      translationKey: fc.option(text),
      body: fc.constant(''),
      bodyLine: fc.nat(),
      extra: fc.oneof(
        fc.constant({}),
        fc.dictionary(
          fc.string().map((k) => `x${k}`),
          fc.string(),
          { minKeys: 1 },
        ),
      ),
      dateFromFileName: fc.boolean(),
    });
  const result = fc.tuple(text, fc.boolean()).chain(([name, readable]) => {
    const path = `2020/${name}.md`;
    return fc.record({
      path: fc.constant(path),
      release: readable ? release(path) : fc.constant(null),
      issues: fc.array(fc.record({ file: fc.constant(path), severity: fc.constant('error' as const), code: text, message: text }), {
        maxLength: 2,
      }),
    });
  });

  it('gives back every result (any text, the separator included), skipping the paths asked', () => {
    fc.assert(
      fc.property(fc.array(result, { maxLength: 8 }), (results: FileResult[]) => {
        const buf = bufferBytes(Buffer.concat([...encodeSnapshot(results, 'token', 7)]));
        const h = snapshotHeader(buf)!;
        expect(h).toMatchObject({ token: 'token', generation: 7, files: results.length });
        const back = decodeSnapshot(buf, h, plainRelease);
        expect(back.releases).toEqual(results.flatMap((r) => (r.release ? [r.release] : [])));
        expect(back.issues).toEqual(results.flatMap((r) => r.issues));
        const skip = new Set(results.slice(0, 1).map((r) => r.path));
        expect(decodeSnapshot(buf, h, plainRelease, skip).releases).toEqual(
          results.flatMap((r) => (r.release && !skip.has(r.path) ? [r.release] : [])),
        );
      }),
      { numRuns: 200 },
    );
  });
});
