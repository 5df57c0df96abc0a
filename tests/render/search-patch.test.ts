import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync, readFileSync, statSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { planSite, type SitePlan } from '../../src/core/export/site-plan.js';
import { Registry } from '../../src/core/registry.js';
import { FRAGMENTS_PER_FILE } from '../../src/core/search/site-files.js';
import type { ArchivedRelease } from '../../src/core/types.js';
import { SearchCollector, type SearchFile } from '../../src/render/html/search-data.js';
import type { ShardLimits } from '../../src/render/html/search-shards.js';

// The term table of a site patched after changes must be, byte for byte, the table a fresh
// build of the changed archive gives: the property below checks it over random archives.

const WORDS = [
  'press',
  'release',
  'skopje',
  'скопје',
  'општина',
  'ОБСЕ',
  'mission',
  'a',
  'water',
  'вода',
  'x1',
  '2024',
  'ÇEŞME',
  'naïve',
  'zz',
];
const settings = { name: 'Архива', lang: 'mk', baseUrl: null };
const registry = new Registry([{ id: 'osce-skopje', name: 'OSCE Mission to Skopje', aliases: ['ОБСЕ'] }]);
/** Small limits, so a few releases reach long lines of their own file and shards split several letters deep. */
const SMALL: ShardLimits = { ownFile: 24, shard: 60 };

const root = mkdtempSync(path.join(os.tmpdir(), 'search-patch-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let runs = 0;

interface Draft {
  id: number;
  title: string[];
  body: string[];
  partner: boolean;
  tags: string[];
}

function release(d: Draft): ArchivedRelease {
  const date = `2018-01-${String((d.id % 28) + 1).padStart(2, '0')}`;
  return {
    id: `r${d.id}`,
    path: `2018/r${d.id}.md`,
    title: d.title.join(' ') || 'Release',
    date,
    event: null,
    partners: d.partner ? ['osce-skopje'] : [],
    people: [],
    tags: d.tags,
    lang: 'mk',
    summary: null,
    translationKey: null,
    body: d.body.join(' '),
    bodyLine: 5,
    extra: {},
    dateFromFileName: false,
    period: { start: date, end: date },
    translations: [],
  };
}

const words = (max: number) => fc.array(fc.constantFrom(...WORDS), { maxLength: max });
const draft = (id: number) =>
  fc
    .record({ title: words(3), body: words(30), partner: fc.boolean(), tags: fc.subarray(['water', 'општина']) })
    .map((d) => ({ id, ...d }));
const drafts = (from: number, max: number) =>
  fc.integer({ min: 0, max }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => draft(from + i))));

const plan = (releases: ArchivedRelease[]) => planSite({ settings, registry }, releases);
const byPath = (files: SearchFile[]) => new Map(files.map((f) => [f.path, f.content]));

/** Every search file of a fresh build. */
function fresh(p: SitePlan, limits?: ShardLimits): SearchFile[] {
  const c = new SearchCollector(p, null, undefined, limits);
  return [...p.releases.flatMap((r) => c.add(r, r.body) ?? []), ...c.files()];
}

function write(dir: string, files: SearchFile[]): void {
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.content);
  }
}

/** The search files of `after` made by patching the export of `before` in `dir`: a release that holds the same place and text is reused. */
function patched(
  before: SitePlan,
  after: SitePlan,
  dir: string,
  limits: ShardLimits | undefined,
  bodies: { read: number } = { read: 0 },
  marked = false,
): SearchFile[] {
  const c = new SearchCollector(after, { dir }, (r) => (bodies.read++, r.body), limits);
  const out: SearchFile[] = [];
  const same = (i: number) => {
    const old = before.releases[i];
    return (
      old !== undefined &&
      JSON.stringify(old) === JSON.stringify(after.releases[i]) &&
      before.pageOf(old) === after.pageOf(after.releases[i])
    );
  };
  // Releases are reused a fragment file at a time, as the release pages reuse them.
  after.releases.forEach((r, i) => {
    const first = i - (i % FRAGMENTS_PER_FILE);
    const members = Array.from({ length: Math.min(FRAGMENTS_PER_FILE, after.releases.length - first) }, (_, k) => first + k);
    if (members.every(same)) c.reuse(r);
    else {
      const f = c.add(r, r.body);
      if (f) out.push(f);
    }
  });
  return [...out, ...c.files(marked)];
}

/** The changed archive: some bodies and titles edited, the last ones removed, new ones before and after. */
const change = fc.record({
  edits: fc.array(fc.record({ at: fc.nat(), body: words(30), title: fc.option(words(3), { nil: undefined }) }), { maxLength: 3 }),
  cut: fc.nat({ max: 3 }),
  before: drafts(100, 2),
  after: drafts(200, 3),
});

function apply(v1: Draft[], c: typeof change extends fc.Arbitrary<infer T> ? T : never): Draft[] {
  const v2 = v1.map((d) => ({ ...d }));
  for (const e of c.edits) if (v2.length) Object.assign(v2[e.at % v2.length], { body: e.body }, e.title ? { title: e.title } : {});
  v2.splice(Math.max(0, v2.length - c.cut));
  return [...c.before, ...v2, ...c.after];
}

describe('patching the search data of an earlier export', () => {
  for (const [name, limits] of [
    ['small shards', SMALL],
    ['small shards, some long lines kept', { ...SMALL, kept: 100 }],
    ['the site sizes', undefined],
  ] as const)
    it(`gives the bytes of a fresh build after random edits, additions and removals (${name})`, () => {
      fc.assert(
        fc.property(drafts(0, 14), change, (v1, c) => {
          const p1 = plan(v1.map(release));
          const p2 = plan(apply(v1, c).map(release));
          const dir = path.join(root, `run${runs++}`);
          write(dir, fresh(p1, limits));
          const want = byPath(fresh(p2, limits));
          const bodies = { read: 0 };
          const got = byPath(patched(p1, p2, dir, limits, bodies));
          // The earlier data was whole: no body was read again.
          expect(bodies.read).toBe(0);
          for (const [file, content] of got) expect([file, content]).toEqual([file, want.get(file)]);
          // Fragments of reused releases stay as they are on disk; every other file is made.
          expect([...want.keys()].filter((f) => !got.has(f) && !f.startsWith('search/x/'))).toEqual([]);
          rmSync(dir, { recursive: true, force: true });
        }),
        { numRuns: limits ? 25 : 200 },
      );
    });
});

/** A few words of one or two bodies changed. */
const bodyEdits = fc.array(fc.record({ at: fc.nat(), body: words(3), title: fc.constant(undefined) }), { minLength: 1, maxLength: 2 });

describe('the search files a patch leaves as they were', () => {
  it('have, on disk, the bytes a fresh build gives them; the others are made as a fresh build makes them', () => {
    let kept = 0;
    let made = 0;
    fc.assert(
      fc.property(drafts(0, 14), fc.boolean(), change, bodyEdits, (v1, bodiesOnly, c, edits) => {
        const p1 = plan(v1.map(release));
        // Mostly an update's case (a few words of a few bodies), else any change.
        const p2 = plan(apply(v1, bodiesOnly ? { edits, cut: 0, before: [], after: [] } : c).map(release));
        const dir = path.join(root, `run${runs++}`);
        write(dir, fresh(p1, SMALL));
        const want = byPath(fresh(p2, SMALL));
        for (const f of patched(p1, p2, dir, SMALL, undefined, true)) {
          // The filter data is claimed unchanged only for an update that keeps the releases' order and facts (site-update.ts).
          if (f.path.startsWith('search/f/')) continue;
          if (f.same) {
            kept++;
            expect([f.path, readFileSync(path.join(dir, f.path), 'utf8')]).toEqual([f.path, want.get(f.path)]);
          } else {
            if (/^search\/[wp]\//.test(f.path)) made++;
            expect([f.path, f.content]).toEqual([f.path, want.get(f.path)]);
          }
        }
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: 100 },
    );
    // Both kinds came up: the property was not vacuous.
    expect([kept > 0, made > 0]).toEqual([true, true]);
  });
});

describe('the calls a collector takes', () => {
  const p = plan([0, 1, 2].map((id) => release({ id, title: ['a'], body: ['b'], partner: false, tags: [] })));

  it('refuses a release given twice, out of order, or reused without an earlier export', () => {
    const c = new SearchCollector(p, { dir: root });
    c.reuse(p.releases[0]);
    expect(() => c.add(p.releases[0], 'b')).toThrow(/given twice/);
    c.add(p.releases[2], 'b');
    expect(() => c.add(p.releases[1], 'b')).toThrow(/document order/);
    expect(() => new SearchCollector(p).reuse(p.releases[0])).toThrow(/earlier export/);
  });
});

describe('an earlier export whose search data cannot be patched', () => {
  const v1: Draft[] = Array.from({ length: 12 }, (_, id) => ({
    id,
    title: [WORDS[id % WORDS.length]],
    body: WORDS.filter((_, k) => (k * 7 + id) % 3 !== 0),
    partner: id % 2 === 0,
    tags: [],
  }));
  const v2 = v1.map((d, id) => (id === 4 ? { ...d, body: ['вода', 'new'] } : d)).slice(0, 11);
  const p1 = plan(v1.map(release));
  const p2 = plan(v2.map(release));
  const want = byPath(fresh(p2, SMALL));
  const cases: [string, (dir: string) => void][] = [
    ['a missing shard', (dir) => rmSync(path.join(dir, 'search/w/1.js'))],
    ['a truncated shard', (dir) => truncateSync(path.join(dir, 'search/w/0.js'), statSync(path.join(dir, 'search/w/0.js')).size - 5)],
    ['a missing long line', (dir) => rmSync(path.join(dir, 'search/p/0.js'))],
    ['a long line of another length', (dir) => writeFileSync(path.join(dir, 'search/p/0.js'), 'window.releasesData("p/0","0,1");\n')],
    ['a meta of another format', (dir) => edit(dir, 'meta', (t) => t.replace('"v":1', '"v":2'))],
    ['a meta counting fewer releases', (dir) => edit(dir, 'meta', (t) => t.replace('"docs":12', '"docs":5'))],
    ['a shard with a term out of place', (dir) => edit(dir, 'w/0', (t) => t.replace(/\["[^"]*"/, '["zzzz"'))],
    ['a posting past the last release', (dir) => edit(dir, 'w/0', (t) => t.replace(/",\s*"/, '","zz,'))],
    ['a posting with a column that is none', (dir) => edit(dir, 'p/0', (t) => t.replace(',', '.x,'))],
    ['a missing folder', (dir) => rmSync(path.join(dir, 'search'), { recursive: true })],
  ];
  for (const [name, spoil] of cases)
    it(`builds afresh from the bodies on ${name}`, () => {
      const dir = path.join(root, `spoiled${runs++}`);
      write(dir, fresh(p1, SMALL));
      expect(readdirSync(path.join(dir, 'search/w')).length).toBeGreaterThan(2);
      expect(readdirSync(path.join(dir, 'search/p')).length).toBeGreaterThan(0);
      spoil(dir);
      const bodies = { read: 0 };
      const got = byPath(patched(p1, p2, dir, SMALL, bodies));
      // The reused releases (those of the fragment files that lost or changed none) are read again.
      expect(bodies.read).toBe(7);
      for (const [file, content] of got) expect([file, content]).toEqual([file, want.get(file)]);
    });

  it('patches when nothing is spoiled (the cases above change what they claim to)', () => {
    const dir = path.join(root, `whole${runs++}`);
    write(dir, fresh(p1, SMALL));
    const bodies = { read: 0 };
    const got = byPath(patched(p1, p2, dir, SMALL, bodies));
    expect(bodies.read).toBe(0);
    for (const [file, content] of got) expect([file, content]).toEqual([file, want.get(file)]);
  });
});

describe('an earlier export that changes while it is patched', () => {
  it('stops when a long line it read first is different when it is written', () => {
    const v1: Draft[] = Array.from({ length: 12 }, (_, id) => ({
      id,
      title: [WORDS[id % WORDS.length]],
      body: WORDS,
      partner: false,
      tags: [],
    }));
    const v2 = v1.map((d, id) => (id === 4 ? { ...d, body: ['вода', 'new'] } : d));
    const [p1, p2] = [plan(v1.map(release)), plan(v2.map(release))];
    const dir = path.join(root, `changing${runs++}`);
    write(dir, fresh(p1, SMALL));
    expect(readdirSync(path.join(dir, 'search/p')).length).toBeGreaterThan(0);
    const c = new SearchCollector(
      p2,
      { dir },
      () => {
        throw new Error('no body is read: the earlier data is patched');
      },
      SMALL,
    );
    p2.releases.forEach((r, i) => (i === 4 ? c.add(r, r.body) : c.reuse(r)));
    const files = c.files();
    // The first shard comes after every long line was read once.
    expect(files.next().done).toBe(false);
    // The last long line: its term comes after the first shard's.
    const last = readdirSync(path.join(dir, 'search/p')).length - 1;
    edit(dir, `p/${last}`, (t) => t.replace(/,([^,]*)"\);/, ',$1,1");'));
    expect(() => [...files]).toThrow(/changed while this export read it/);
  });
});

function edit(dir: string, name: string, change: (text: string) => string): void {
  const file = path.join(dir, 'search', `${name}.js`);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
}
