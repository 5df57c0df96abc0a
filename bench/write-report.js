// Writes a run's tables as Markdown: printed by bench/run.js, and put into the report file
// between the markers `<!-- bench:begin -->` and `<!-- bench:end -->`, so the notes written
// by hand around them (analysis, open problems) survive the next run.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { goalRows, goalsTable, growthTable, rawTable } from './report.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BEGIN = '<!-- bench:begin -->';
const END = '<!-- bench:end -->';
const ORDER = [
  'version',
  'first',
  'list',
  'list-json',
  'search',
  'search-common',
  'show',
  'check',
  'partners',
  'export-json',
  'export-ndjson',
  'export-html',
  'add',
];

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

/** The Markdown of one run; written into `o.out` when set. Returns { text }. */
export function writeReport({ o, results, pairs = {}, labels, archives, peers, started, load }) {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const cpu = os.cpus();
  // goals are judged at the largest size measured when theirs was not (quick or cut-short runs)
  const fallback = [...o.sizes].reverse().find((k) => results[k]) ?? o.sizes[0];
  const lines = [
    `Run of ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC${o.quick ? ' (quick mode: 1k only, indicative)' : ''}.`,
    '',
    `- Machine: ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.type()} ${os.release()}; load average ${load.map((l) => l.toFixed(1)).join(' → ')} (shared machine: read CPU time beside wall time)`,
    `- Versions: releases ${version} (commit ${gitCommit()}), Node ${process.version}, Hugo ${peers.hugo?.version ?? 'skipped'}, Eleventy ${peers.eleventy?.version ?? 'skipped'}, ripgrep ${peers.rg?.version ?? 'skipped'}`,
    `- Archives: ${Object.entries(archives)
      .map(([k, a]) => `${k} = ${a.files} files, ${a.mb.toFixed(0)} MB`)
      .join('; ')}`,
    `- Method: each command a whole process, ${o.warmup} warm-up + up to ${o.runs} timed runs, median (a run over 30 s makes its warm-up count; no new run after ${o.budget} s on a case, so the slowest cases have 1–2 runs); peak RSS from GNU time (\`%M\`). Ratios are ours / peer, lower is better; in the goals table they are the medians of runs of ours and the peer taken in turns (A B A B …), one ratio per pair.`,
    '',
    '### Goals',
    '',
    goalsTable(goalRows(results, labels, fallback, pairs)),
    '',
    '### Growth with the archive',
    '',
    growthTable(
      results,
      ['1k', '10k', '100k'],
      ORDER.filter((id) => labels[id]),
      labels,
    ),
    '',
    'Peers on the same archives:',
    '',
    growthTable(
      results,
      ['1k', '10k', '100k'],
      ['node', 'floor', 'floor-stat', 'hugo-list', 'hugo-build', 'eleventy-build', 'rg'].filter((id) => labels[id]),
      labels,
    ),
    '',
    '### Every measurement',
    '',
    rawTable(results, labels),
    '',
  ];
  const text = lines.join('\n');
  if (o.out) {
    const block = `${BEGIN}\n${text}\n${END}`;
    const old = fs.existsSync(o.out) ? fs.readFileSync(o.out, 'utf8') : null;
    const next =
      old?.includes(BEGIN) && old.includes(END)
        ? old.slice(0, old.indexOf(BEGIN)) + block + old.slice(old.indexOf(END) + END.length)
        : `# Benchmarks\n\nWritten by \`npm run bench\`.\n\n${block}\n`;
    fs.mkdirSync(path.dirname(o.out), { recursive: true });
    fs.writeFileSync(o.out, next);
  }
  return { text };
}
