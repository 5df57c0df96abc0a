import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUILT,
  freezeBin,
  runBin,
  sameSnapshot,
  scaled,
  snapshot,
  snapshotDiff,
  syntheticArchive,
  type BinResult,
} from '../helpers/hostile.js';

// 50 kills per format in CI (the minimum); HOSTILE_LONG=1 runs 300 each.
const KILLS = scaled(50, 300);
const RELEASES = 200;
const STATE_B_TIME = new Date('2026-10-30T12:00:00Z');

const EXTRA = `---
title: Вест што се појавува и исчезнува
date: 2026-10-30
partners: [OSCE]
---

Оваа вест ја менува страницата меѓу две состојби на архивата.
`;

let base: string;
/** A folder of its own per test (`<base>/<name>/archive`), so the tests can run at once. */
function project(name: string): { root: string; setState(b: boolean): void; leftovers(): string[] } {
  const root = path.join(base, name);
  cpSync(path.join(base, 'archive'), path.join(root, 'archive'), { recursive: true });
  const extra = path.join(root, 'archive/2026/2026-10-30-toggle.md');
  return {
    root,
    // Two archive states that give two different exports: without (A) and with (B) one release.
    // The file always gets the same mtime: the site's marker keys each page by its file's
    // size and mtime, so state B gives the same site, marker included, each time.
    setState: (b) => {
      if (!b) return rmSync(extra, { force: true });
      writeFileSync(extra, EXTRA);
      utimesSync(extra, STATE_B_TIME, STATE_B_TIME);
    },
    // Hidden leftovers of killed runs next to the output (`.site.releases-tmp-…`, `.out.json.tmp-…`).
    leftovers: () => readdirSync(root).filter((n) => n.startsWith('.') && n !== '.releases'),
  };
}

/** Runs `args`, killing the bin at a random moment: after a random delay or right after a file event. */
async function killedRun(root: string, args: string[], fullMs: number, i: number): Promise<BinResult & { how: string }> {
  if (i % 3 !== 2) {
    const delay = Math.round(fullMs * (0.1 + 0.9 * Math.random()));
    return { ...(await runBin(args, root, { killAfter: delay })), how: `after ${delay} ms` };
  }
  // Every third run dies right when its temporary file or folder, or the old site, appears
  // in the parent folder, plus 0–40 ms: the moments a random delay rarely hits.
  const run = runBin(args, root);
  const jitter = Math.round(Math.random() * 40);
  let how = 'not triggered';
  const watcher = watch(root, (_e, name) => {
    const n = String(name ?? '');
    if (!n.startsWith('.') || n === '.releases') return;
    how = `${jitter} ms after ${n.replace(/[0-9a-f]{8}$/, '…')} appeared`;
    watcher.close();
    setTimeout(() => run.kill(), jitter);
  });
  const r = await run;
  watcher.close();
  return { ...r, how };
}

/**
 * The site each of two states of `root`'s archive gives (a fresh export of each, with the
 * user's own CNAME, which must survive every export), and the slower export's time; then
 * `site/` is exported in the first state, with its CNAME.
 */
async function siteStates(root: string, setState: (b: boolean) => void): Promise<{ expected: Map<string, string>[]; fullMs: number }> {
  const expected: Map<string, string>[] = [];
  let fullMs = 0;
  for (const b of [false, true]) {
    setState(b);
    const ref = path.join(root, `ref-${Number(b)}`);
    const r = await runBin(['export', '--format', 'html', '--out', ref], root);
    expect(r.code, r.stderr).toBe(0);
    writeFileSync(path.join(ref, 'CNAME'), 'releases.example.org\n');
    expected.push(snapshot(ref));
    rmSync(ref, { recursive: true });
    fullMs = Math.max(fullMs, r.ms);
  }
  setState(false);
  expect((await runBin(['export', '--format', 'html', '--out', 'site'], root)).code).toBe(0);
  writeFileSync(path.join(root, 'site/CNAME'), 'releases.example.org\n');
  return { expected, fullMs };
}

describe.skipIf(!BUILT)(`export killed with SIGKILL at random moments (${KILLS} runs per format, real bin)`, () => {
  beforeAll(async () => {
    base = mkdtempSync(path.join(tmpdir(), 'releases-kill-'));
    freezeBin(path.join(base, 'build'));
    await syntheticArchive(path.join(base, 'archive'), RELEASES);
  }, 120_000);
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it.concurrent("html --out DIR: the previous site (with the user's own file) or the new one, never a mix", async () => {
    const { root, setState, leftovers } = project('html');
    const { expected, fullMs } = await siteStates(root, setState);
    expect(sameSnapshot(expected[0], expected[1])).toBe(false);
    let current = 0;
    const tally = { previous: 0, complete: 0, killed: 0, journal: 0, mixed: 0 };
    const bad: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      const target = 1 - current;
      setState(target === 1);
      const r = await killedRun(root, ['export', '--format', 'html', '--out', 'site'], fullMs, i);
      if (r.signal === 'SIGKILL') tally.killed++;
      else expect(r.code, r.stderr).toBe(0);
      const snap = snapshot(path.join(root, 'site'));
      if (sameSnapshot(snap, expected[current])) tally.previous++;
      else if (sameSnapshot(snap, expected[target])) {
        tally.complete++;
        current = target;
      } else if (snap.has('.releases-journal')) {
        // Killed while an update moved its pages in (each page whole): the next run finishes it.
        tally.journal++;
        const next = await runBin(['export', '--format', 'html', '--out', 'site'], root);
        expect(next.code, next.stderr).toBe(0);
        const after = snapshot(path.join(root, 'site'));
        if (!sameSnapshot(after, expected[target]))
          bad.push(`run ${i} (killed ${r.how}): left a journal, and the next run gave ${snapshotDiff(expected[target], after).join(' ')}`);
        current = target;
      } else {
        tally.mixed++;
        bad.push(
          `run ${i} (killed ${r.how}): ${snap.size ? snapshotDiff(expected[target], snap).join(' ') : 'site/ is gone'}; hidden: ${leftovers().join(', ')}`,
        );
        // Start the next run from a known state, so one failure is not counted many times.
        rmSync(path.join(root, 'site'), { recursive: true, force: true });
        const again = await runBin(['export', '--format', 'html', '--out', 'site'], root);
        expect(again.code, `${bad.join('\n')}\n${again.stderr}`).toBe(0);
        writeFileSync(path.join(root, 'site/CNAME'), 'releases.example.org\n');
        current = target;
      }
    }
    const left = leftovers();
    console.log(
      `export html kill test: ${KILLS} runs (${tally.killed} killed): ${tally.previous} left the previous site, ${tally.complete} the new one, ${tally.journal} an update half moved in (finished by the next run), ${tally.mixed} neither; full run ${fullMs} ms; ${left.length} hidden leftover(s)`,
    );
    expect(bad).toEqual([]);
    // A finished export afterwards still works and leaves the site complete.
    setState(false);
    const last = await runBin(['export', '--format', 'html', '--out', 'site'], root);
    expect(last.code, last.stderr).toBe(0);
    expect(sameSnapshot(snapshot(path.join(root, 'site')), expected[0])).toBe(true);
  }, 900_000);

  // An update after one body edit takes the quick path (only bodies changed: site-update.ts):
  // it makes the edited page, its fragment file and the feeds, patches the earlier search data
  // and keeps every other file unkeyed: killed anywhere, the site is the old one, the new one,
  // or a journal the next run finishes; every page whole, and the result equals a fresh export.
  it.concurrent('html update after a body edit (kept lists, patched search data): the previous site or the new one', async () => {
    const { root } = project('edit');
    const year = readdirSync(path.join(root, 'archive')).filter((n) => /^\d{4}$/.test(n))[1]!;
    const name = readdirSync(path.join(root, 'archive', year)).find((n) => n.endsWith('.md'))!;
    const file = path.join(root, 'archive', year, name);
    const original = readFileSync(file, 'utf8');
    // Two states of one release's body, each with its own mtime: each gives one site.
    const setBody = (b: boolean) => {
      writeFileSync(file, b ? `${original}\nA new paragraph about kestrels and the border crossing.\n` : original);
      const t = b ? STATE_B_TIME : new Date(STATE_B_TIME.getTime() - 86_400_000);
      utimesSync(file, t, t);
    };
    const { expected } = await siteStates(root, setBody);
    expect(snapshotDiff(expected[0], expected[1]).length).toBeGreaterThan(2);
    // The update's own time, measured once, spreads the kills over it.
    setBody(true);
    const timed = await runBin(['export', '--format', 'html', '--out', 'site'], root);
    expect(timed.code, timed.stderr).toBe(0);
    const fullMs = timed.ms;
    let current = 1;
    const tally = { previous: 0, complete: 0, killed: 0, journal: 0 };
    const bad: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      const target = 1 - current;
      setBody(target === 1);
      const r = await killedRun(root, ['export', '--format', 'html', '--out', 'site'], fullMs, i);
      if (r.signal === 'SIGKILL') tally.killed++;
      else expect(r.code, r.stderr).toBe(0);
      const snap = snapshot(path.join(root, 'site'));
      if (sameSnapshot(snap, expected[current])) tally.previous++;
      else if (sameSnapshot(snap, expected[target])) tally.complete++;
      else if (snap.has('.releases-journal')) tally.journal++;
      else bad.push(`run ${i} (killed ${r.how}): ${snap.size ? snapshotDiff(expected[target], snap).join(' ') : 'site/ is gone'}`);
      // The next run of the same archive finishes or redoes it: the fresh export's bytes.
      const next = await runBin(['export', '--format', 'html', '--out', 'site'], root);
      expect(next.code, next.stderr).toBe(0);
      const after = snapshot(path.join(root, 'site'));
      if (!sameSnapshot(after, expected[target]))
        bad.push(`run ${i} (killed ${r.how}): the next run gave ${snapshotDiff(expected[target], after).join(' ')}`);
      current = target;
    }
    console.log(
      `export html update kill test: ${KILLS} runs (${tally.killed} killed): ${tally.previous} left the previous site, ${tally.complete} the new one, ${tally.journal} a journal; update ${fullMs} ms`,
    );
    expect(bad).toEqual([]);
  }, 900_000);

  it.concurrent('json --out FILE: the previous file or the new one, byte for byte, never a part', async () => {
    const { root, setState, leftovers } = project('json');
    const expected: string[] = [];
    let fullMs = 0;
    for (const b of [false, true]) {
      setState(b);
      const r = await runBin(['export', '--format', 'json', '--out', `ref-${Number(b)}.json`], root);
      expect(r.code, r.stderr).toBe(0);
      expected.push(readFileSync(path.join(root, `ref-${Number(b)}.json`), 'utf8'));
      fullMs = Math.max(fullMs, r.ms);
    }
    expect(expected[0]).not.toBe(expected[1]);
    setState(false);
    expect((await runBin(['export', '--format', 'json', '--out', 'out.json'], root)).code).toBe(0);
    let current = 0;
    const tally = { previous: 0, complete: 0, killed: 0 };
    const bad: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      const target = 1 - current;
      setState(target === 1);
      const r = await killedRun(root, ['export', '--format', 'json', '--out', 'out.json'], fullMs, i);
      if (r.signal === 'SIGKILL') tally.killed++;
      const text = readFileSync(path.join(root, 'out.json'), 'utf8');
      if (text === expected[current]) tally.previous++;
      else if (text === expected[target]) {
        tally.complete++;
        current = target;
      } else bad.push(`run ${i} (killed ${r.how}): out.json has ${text.length} chars`);
    }
    const left = leftovers().filter((n) => n.startsWith('.out.json'));
    console.log(
      `export json kill test: ${KILLS} runs (${tally.killed} killed): ${tally.previous} left the previous file, ${tally.complete} the new one; full run ${fullMs} ms; ${left.length} hidden temporary file(s) left`,
    );
    expect(bad).toEqual([]);
    for (const f of left) expect(f).toMatch(/^\.out\.json\.tmp-[0-9a-f]+$/);
  }, 900_000);

  // Node has no atomic exchange of two folders (renameat2 RENAME_EXCHANGE), so the swap is
  // two renames run back to back; the user's files are linked into the new site before it.
  // A kill landing between the two leaves the previous site complete beside --out, and the
  // next export puts it back before it builds. Either way nothing is lost.
  it('html --out DIR, killed the moment the old site is moved aside: nothing is lost, and the next run restores it', async () => {
    const { root } = project('swap');
    expect((await runBin(['export', '--format', 'html', '--out', 'site'], root)).code).toBe(0);
    writeFileSync(path.join(root, 'site/CNAME'), 'releases.example.org\n');
    const lost: string[] = [];
    for (let i = 0; i < 3; i++) {
      // Another base URL each time: every page changes, so the site is built whole and swapped in.
      const run = runBin(['export', '--format', 'html', '--out', 'site', '--base-url', `https://${i}.example.org/`], root);
      const watcher = watch(root, (_e, name) => {
        if (!String(name ?? '').includes('.releases-old-')) return;
        watcher.close();
        run.kill();
      });
      const r = await run;
      watcher.close();
      if (!existsSync(path.join(root, 'site'))) {
        // Between the two renames: the previous site must wait, complete, beside --out.
        const aside = readdirSync(root).filter(
          (n) =>
            n.startsWith('.site.releases-old-') && existsSync(path.join(root, n, 'index.html')) && existsSync(path.join(root, n, 'CNAME')),
        );
        if (aside.length !== 1) lost.push(`run ${i} (${r.signal ?? r.code}): no site, and no complete previous site beside it`);
        expect((await runBin(['export', '--format', 'html', '--out', 'site'], root)).code).toBe(0);
      }
      const site = existsSync(path.join(root, 'site/index.html'));
      const cname = existsSync(path.join(root, 'site/CNAME'));
      if (!site || !cname) lost.push(`run ${i} (${r.signal ?? r.code}): ${site ? 'site/CNAME' : 'the whole site'} gone`);
      if (!cname) writeFileSync(path.join(root, 'site/CNAME'), 'releases.example.org\n');
    }
    expect(lost).toEqual([]);
    // A run that completes clears what the killed ones left beside the site, user file kept.
    expect((await runBin(['export', '--format', 'html', '--out', 'site'], root)).code).toBe(0);
    expect(readdirSync(root).filter((n) => n.includes('.releases-old-'))).toEqual([]);
    expect(readFileSync(path.join(root, 'site/CNAME'), 'utf8')).toBe('releases.example.org\n');
  }, 600_000);

  // An update moves its changed pages into the site under a journal (.releases-journal in the
  // site): a kill while they move leaves a mix of whole old and new pages and the journal,
  // and the next run finishes the moves before anything else.
  it('html update killed the moment its journal appears: the next run finishes it, nothing is lost', async () => {
    const { root, setState } = project('journal');
    const expected: Map<string, string>[] = [];
    for (const b of [false, true]) {
      setState(b);
      expect((await runBin(['export', '--format', 'html', '--out', `ref-${Number(b)}`], root)).code).toBe(0);
      writeFileSync(path.join(root, `ref-${Number(b)}/CNAME`), 'releases.example.org\n');
      expected.push(snapshot(path.join(root, `ref-${Number(b)}`)));
    }
    setState(false);
    expect((await runBin(['export', '--format', 'html', '--out', 'site'], root)).code).toBe(0);
    writeFileSync(path.join(root, 'site/CNAME'), 'releases.example.org\n');
    const bad: string[] = [];
    let caught = 0;
    let current = 0;
    for (let i = 0; i < 6; i++) {
      const target = 1 - current;
      setState(target === 1);
      const run = runBin(['export', '--format', 'html', '--out', 'site'], root);
      const watcher = watch(path.join(root, 'site'), (_e, name) => {
        if (String(name ?? '') !== '.releases-journal') return;
        watcher.close();
        run.kill();
      });
      const r = await run;
      watcher.close();
      const snap = snapshot(path.join(root, 'site'));
      if (snap.has('.releases-journal')) caught++;
      else if (!sameSnapshot(snap, expected[current]) && !sameSnapshot(snap, expected[target]))
        bad.push(`run ${i} (${r.signal ?? r.code}): neither site and no journal: ${snapshotDiff(expected[target], snap).join(' ')}`);
      // The next run (same archive) finishes or redoes the update: the new site, the user's file kept.
      const next = await runBin(['export', '--format', 'html', '--out', 'site'], root);
      expect(next.code, next.stderr).toBe(0);
      const after = snapshot(path.join(root, 'site'));
      if (!sameSnapshot(after, expected[target]))
        bad.push(`run ${i}: after the next run: ${snapshotDiff(expected[target], after).join(' ')}`);
      current = target;
    }
    console.log(`export html journal kill test: 6 updates killed at their journal, ${caught} caught with the journal in place`);
    expect(bad).toEqual([]);
    expect(readdirSync(root).filter((n) => n.startsWith('.site'))).toEqual([]);
  }, 600_000);
});
