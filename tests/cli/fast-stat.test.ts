import { mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fastStamp } from '../../src/cli/fast-stat.js';
import { NO_FILTERS } from '../../src/core/filters.js';
import { searchArchive } from '../../src/core/store/session.js';
import { statStamp } from '../../src/core/store/stamp.js';
import { copyFixture, short } from '../helpers/search.js';

const copies: ReturnType<typeof copyFixture>[] = [];
afterEach(() => copies.splice(0).forEach((c) => c.remove()));

/** Every path below `dir`, folders included. */
function walk(dir: string): string[] {
  const out = [dir];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

describe('fastStamp', () => {
  it('does not build Stats objects on this Node (it uses the binding)', () => {
    expect(fastStamp()).not.toBe(statStamp);
  });

  it('says what statSync says of files, folders, links, devices and missing paths', () => {
    const c = copyFixture('corpus-nasties');
    copies.push(c);
    const odd = path.join(c.archive, 'odd');
    mkdirSync(odd);
    writeFileSync(path.join(odd, 'a.md'), 'x');
    // Fractions of a millisecond, which mtimeMs keeps.
    utimesSync(path.join(odd, 'a.md'), 1_700_000_000.123456, 1_700_000_000.987654);
    symlinkSync('a.md', path.join(odd, 'link.md'));
    symlinkSync('nowhere.md', path.join(odd, 'dangling.md'));
    const fast = fastStamp();
    const paths = [...walk(c.archive), '/dev/null', path.join(c.archive, 'missing.md'), path.join(odd, 'dangling.md')];
    for (const p of paths) {
      const got = fast(p);
      expect(got === undefined ? undefined : { ...got }, p).toEqual(statStamp(p));
    }
  });

  it('throws as statSync does for a path through a file', () => {
    const c = copyFixture('corpus-nasties');
    copies.push(c);
    const file = walk(c.archive).find((p) => p.endsWith('.md'))!;
    expect(() => fastStamp()(`${file}/x`)).toThrow(/ENOTDIR/);
    expect(() => statStamp(`${file}/x`)).toThrow(/ENOTDIR/);
  });
});

describe('the index with fastStamp', () => {
  it('sees a file edited in place, same size, same folder', async () => {
    const c = copyFixture('search-multilingual');
    copies.push(c);
    const ids = async (q: string) =>
      (await searchArchive(c.archive, q, NO_FILTERS, undefined, { stamp: fastStamp() })).outcome.hits.map((h) => short(h.release.id));
    expect(await ids('вебинар')).toEqual(['pandemija']);
    const file = path.join(c.archive, '2020/2020-05-05-pandemija.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Вебинарот', 'Семинарот'));
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    expect(await ids('вебинар')).toEqual([]);
    expect(await ids('семинар')).toEqual(['pandemija']);
  });
});
