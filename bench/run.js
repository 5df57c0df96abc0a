#!/usr/bin/env node
// The benchmark harness: `npm run bench` (1k, 10k, 100k and digitalgov, writes
// docs/benchmarks.md) or `npm run bench -- --quick` (1k only, fewer runs, for CI).
//
//   --quick            1k only, one run per case, writes nothing unless --out is given
//   --sizes 1k,10k     archive sizes (default 1k,10k,100k)
//   --runs N --warmup N   timed and untimed runs per case (default 5 and 1)
//   --root DIR         where generated archives live (default: the system temp folder)
//   --only a,b         case ids to run (see cases.js), e.g. list,search,hugo-list
//   --skip id@size,…   cases not to run at a size (default on a full run: eleventy-build@100k,
//                      whose build of 100k pages takes longer than the rest of the run)
//   --budget S         no new run of a case starts after S seconds on it (default 90)
//   --corpus DIR       the real corpus: digitalgov.gov's content/news (default: a
//                      corpora/digitalgov checkout in a shared/ folder beside the repository)
//   --no-digitalgov    skip the real corpus
//   --out FILE         Markdown report (default docs/benchmarks.md on a full run)
//   --json FILE        raw results as JSON
//
// It builds nothing: it runs bin/releases.js on the compiled dist/ that `npm ci` builds.
// Peers that are not installed are reported as skipped; the run exits 1 only when a case
// of releases itself fails (.ci/run runs --quick for that).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { casesFor, indexFiles } from './cases.js';
import { ensureArchive } from './generate.js';
import { measure } from './measure.js';
import { measurePair } from './pairs.js';
import { GOALS } from './report.js';
import { findPeers, prepareHugo } from './peers.js';
import { writeReport } from './write-report.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const COUNTS = { '1k': 1000, '10k': 10000, '100k': 100000 };

function parseArgs(argv) {
  const o = {
    quick: false,
    sizes: ['1k', '10k', '100k'],
    runs: 5,
    warmup: 1,
    root: os.tmpdir(),
    digitalgov: true,
    corpus: path.resolve(ROOT, '..', 'shared', 'corpora', 'digitalgov', 'content', 'news'),
    only: null,
    out: null,
    json: null,
    skip: ['eleventy-build@100k'],
    budget: 90,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--quick') Object.assign(o, { quick: true, sizes: ['1k'], runs: 1, warmup: 0, digitalgov: false });
    else if (a === '--sizes') o.sizes = next().split(',');
    else if (a === '--runs') o.runs = Number(next());
    else if (a === '--warmup') o.warmup = Number(next());
    else if (a === '--root') o.root = path.resolve(next());
    else if (a === '--only') o.only = next().split(',');
    else if (a === '--no-digitalgov') o.digitalgov = false;
    else if (a === '--corpus') o.corpus = path.resolve(next());
    else if (a === '--skip') o.skip = next().split(',').filter(Boolean);
    else if (a === '--budget') o.budget = Number(next());
    else if (a === '--out') o.out = path.resolve(next());
    else if (a === '--json') o.json = path.resolve(next());
    else throw new Error(`unknown option ${a} (see the comment at the top of bench/run.js)`);
  }
  for (const s of o.sizes) if (!COUNTS[s]) throw new Error(`unknown size ${s}: use 1k, 10k or 100k`);
  if (!o.quick && !o.out) o.out = path.join(ROOT, 'docs', 'benchmarks.md');
  return o;
}

const log = (t) => process.stderr.write(`${t}\n`);

async function runArchive(key, a, o, results, labels, pairs) {
  const set = (results[key] = {});
  const cases = casesFor({ ...a, only: o.only });
  for (const c of cases) {
    labels[c.id] = c.label;
    if (o.skip.includes(`${c.id}@${key}`)) {
      log(`  ${key} ${c.label}: skipped (--skip)`);
      continue;
    }
    const warmup = c.id === 'first' ? 0 : o.warmup;
    const m = await measure(c, { warmup, runs: o.runs, budget: o.budget });
    set[c.id] = { ...m, group: c.group };
    log(
      m.ok
        ? `  ${key} ${c.label}: ${m.wall.toFixed(3)} s wall, ${m.cpu?.toFixed(3) ?? '?'} s cpu, ${m.rssMb?.toFixed(0) ?? '?'} MB (${m.runs} runs)`
        : `  ${key} ${c.label}: FAILED ${m.error}`,
    );
  }
  // Each goal of this archive again, ours and the peer in turns (see pairs.js).
  const byId = new Map(cases.map((c) => [c.id, c]));
  // The goal's floor too (report.js): how much of the goal no Node program can spend elsewhere.
  const turns = GOALS.filter((g) => g.archives.includes(key)).flatMap((g) => [g.work, g.floor].filter(Boolean).map((a) => [a, g.peer]));
  for (const [a, b] of turns) {
    const [ours, peer] = [byId.get(a), byId.get(b)];
    if (!ours || !peer || !set[a]?.ok || !set[b]?.ok || pairs[key]?.[`${a}/${b}`]) continue;
    const p = await measurePair(ours, peer, { rounds: o.runs, budget: o.budget * 2 });
    (pairs[key] ??= {})[`${a}/${b}`] = p;
    log(
      p.ok
        ? `  ${key} ${a} / ${b} in turns: ${p.wall.toFixed(3)} wall, ${p.cpu?.toFixed(3) ?? '?'} cpu (${p.rounds} pairs)`
        : `  ${key} ${a} / ${b} in turns: FAILED ${p.error}`,
    );
  }
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(ROOT, 'dist', 'main.js'))) throw new Error('dist/ is missing: run npm ci (it builds dist/) first');
  const peers = findPeers();
  log(
    `peers: hugo ${peers.hugo?.version ?? 'skipped (not installed)'}, eleventy ${peers.eleventy?.version ?? 'skipped (not installed)'}, rg ${peers.rg?.version ?? 'skipped (not installed)'}`,
  );
  const started = new Date();
  const load = [os.loadavg()[0]];
  const results = {};
  const labels = {};
  const pairs = {};
  const archives = {};
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'releases-bench-work-'));
  // The report is rewritten after each archive, so a long run stopped half-way keeps its numbers.
  const flush = () => {
    if (o.json) fs.writeFileSync(o.json, JSON.stringify({ results, pairs, labels, archives, peers, started, load }, null, 2));
    return writeReport({ o, results, pairs, labels, archives, peers, started, load: [...load, os.loadavg()[0]] });
  };
  try {
    const corpus = o.corpus;
    if (o.digitalgov && fs.existsSync(corpus)) {
      log(`archive digitalgov: ${corpus}`);
      const w = fs.mkdtempSync(path.join(work, 'digitalgov-'));
      const cacheDir = path.join(w, 'cache'); // never write an index next to the shared corpus
      const hugoSite = peers.hugo ? prepareHugo({ archive: corpus, dir: path.join(w, 'hugo'), stubShortcodes: true }).dir : null;
      const only = o.only ?? [
        'first',
        'list',
        'search',
        'export-html',
        'export-html-again',
        'hugo-list',
        'hugo-build',
        'eleventy-build',
        'rg',
        'node',
      ];
      await runArchive(
        'digitalgov',
        { key: 'digitalgov', dir: corpus, cacheDir, showId: 'x', work: w, hugoSite, peers },
        { ...o, only },
        results,
        labels,
        pairs,
      );
      indexFiles(corpus, cacheDir).forEach((f) => fs.rmSync(f, { force: true }));
      archives.digitalgov = { files: 2084, mb: 15 };
      flush();
    } else if (o.digitalgov) {
      log(`archive digitalgov: skipped (${corpus} not found; --corpus DIR gives it)`);
    }
    for (const size of o.sizes) {
      const dir = path.join(o.root, `bench-${size}`);
      log(`archive ${size}: ${dir}`);
      const stamp = await ensureArchive({ count: COUNTS[size], out: dir, seed: 1 });
      archives[size] = { files: stamp.files, mb: stamp.bytes / 1e6 };
      const hugoSite = peers.hugo ? prepareHugo({ archive: dir, dir: `${dir}-hugo` }).dir : null;
      const w = fs.mkdtempSync(path.join(work, `${size}-`));
      await runArchive(
        size,
        { key: size, dir, showId: stamp.samples.first, work: w, hugoSite, peers, editable: true },
        o,
        results,
        labels,
        pairs,
      );
      flush();
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(flush().text);
  if (o.out) log(`wrote ${path.relative(process.cwd(), o.out)}`);
  // A peer may be missing or fail; a case of our own that fails fails the run (CI runs --quick).
  const failed = Object.entries(results).flatMap(([key, set]) =>
    Object.entries(set)
      .filter(([, m]) => !m.ok && m.group !== 'peer')
      .map(([id, m]) => `${id}@${key}: ${m.error}`),
  );
  if (failed.length) {
    log(`bench: ${failed.length} case(s) of releases failed: ${failed.join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  log(`bench: ${e.message}`);
  process.exitCode = 1;
});
