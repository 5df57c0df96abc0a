#!/usr/bin/env node
// Time to patch the exported site's search data after one release changed (what an update
// costs for search): OUT must hold an export of ARCHIVE (e.g. `releases export --format html`).
// Release AT (default 5000, or the middle) gets a new body; every other release is reused. The
// timed part is `add` of the changed release and every file of `files()` (made, not written).
//
//   npm run build && node bench/site-search-patch.js ARCHIVE OUT [AT]
//
// Prints wall and CPU seconds of the timed part, and checks the bytes against a fresh build
// of the changed archive when CHECK=1.
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

const [archiveDir, out, atArg] = process.argv.slice(2);
if (!archiveDir || !out) {
  console.error('usage: node bench/site-search-patch.js ARCHIVE OUT [AT]');
  process.exit(2);
}
const archive = await loadArchive(archiveDir);
const plan = planSite(archive, listReleases(archive.releases, NO_FILTERS, archive.registry, { sort: 'date', reverse: false }));
const at = atArg ? Number(atArg) : Math.floor(plan.releases.length / 2);
const changed = plan.releases[at];
const body = `${changed.body}\n\nA changed paragraph: zymurgy quokka.`;
const rss = () => (process.memoryUsage().rss / 1e6).toFixed(0);
const cpu = process.cpuUsage();
const t = performance.now();
const collector = new SearchCollector(plan, { dir: out }, () => {
  throw new Error('the earlier data was not used');
});
for (const r of plan.releases)
  if (r === changed) collector.add(r, body);
  else collector.reuse(r);
const files = [...collector.files()];
const wall = (performance.now() - t) / 1000;
const used = process.cpuUsage(cpu);
const bytes = files.reduce((n, f) => n + f.content.length, 0);
console.log(
  `${plan.releases.length} releases, release ${at} changed: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB; wall ${wall.toFixed(2)} s, CPU ${((used.user + used.system) / 1e6).toFixed(2)} s; rss ${rss()} MB`,
);
if (process.env.CHECK) {
  const fresh = new SearchCollector(plan);
  for (const r of plan.releases) fresh.add(r, r === changed ? body : r.body);
  const want = [...fresh.files()];
  const same = want.length === files.length && want.every((f, i) => f.path === files[i].path && f.content === files[i].content);
  console.log(same ? 'same bytes as a fresh build' : 'DIFFERENT from a fresh build');
  if (!same) process.exitCode = 1;
}
