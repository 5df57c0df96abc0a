#!/usr/bin/env node
// Time to build the exported site's search data alone (what export adds for search): the
// archive is loaded and planned first (not timed), then every release is indexed and its
// fragment written, then the shards, long lists, filter files and meta are written.
//
//   npm run build && node bench/site-search-build.js ARCHIVE OUT
//
// Prints wall and CPU (user + system) seconds of the timed part, and the data's size.
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const load = (rel) => import(path.join(ROOT, 'dist', rel));
const [{ loadArchive }, { planSite }, { listReleases, NO_FILTERS }, { SearchCollector }] = await Promise.all([
  load('core/archive.js'),
  load('core/export/site-plan.js'),
  load('core/filters.js'),
  load('render/html/search-data.js'),
]);

const [archiveDir, out] = process.argv.slice(2);
if (!archiveDir || !out) {
  console.error('usage: node bench/site-search-build.js ARCHIVE OUT');
  process.exit(2);
}
const archive = await loadArchive(archiveDir);
const plan = planSite(archive, listReleases(archive.releases, NO_FILTERS, archive.registry, { sort: 'date', reverse: false }));
rmSync(out, { recursive: true, force: true });
const made = new Set();
let bytes = 0;
let files = 0;
const put = (f) => {
  const file = path.join(out, f.path);
  const dir = path.dirname(file);
  if (!made.has(dir)) mkdirSync(dir, { recursive: true }), made.add(dir);
  writeFileSync(file, f.content);
  bytes += statSync(file).size;
  files++;
};
const cpu = process.cpuUsage();
const t = performance.now();
const collector = new SearchCollector(plan);
for (const r of plan.releases) put(collector.add(r, r.body));
for (const f of collector.files()) put(f);
const wall = (performance.now() - t) / 1000;
const used = process.cpuUsage(cpu);
console.log(
  `${plan.releases.length} releases: search data ${files} files, ${(bytes / 1e6).toFixed(1)} MB; wall ${wall.toFixed(2)} s, CPU ${((used.user + used.system) / 1e6).toFixed(2)} s (user ${(used.user / 1e6).toFixed(2)}, system ${(used.system / 1e6).toFixed(2)})`,
);
