#!/usr/bin/env node
// Bytes the exported site's search loads, per query, up to ten results with excerpts: the
// engine (dist/core/search/site-engine.js, the code the page runs) over the site's files.
//
//   npm run build && node bench/site-search.js SITE [QUERY…]
//
// Prints, per query: hits, bytes of search data loaded (meta, shards, long lists,
// fragments) and the search's time in Node. The page also loads assets/search-engine.js
// and assets/search.js once, before the first keystroke (printed first).
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { SiteSearch } = await import(path.join(ROOT, 'dist/core/search/site-engine.js'));
const { readDataFile } = await import(path.join(ROOT, 'dist/core/search/site-format.js'));

const [site, ...args] = process.argv.slice(2);
if (!site) {
  console.error('usage: node bench/site-search.js SITE [QUERY…]');
  process.exit(2);
}
const queries = args.length
  ? args
  : [
      'petrevski',
      'соработка',
      'bashkëpunim',
      'cooperation',
      'ОБСЕ',
      'конференција',
      'policia',
      'strategy',
      'регионална соработка',
      'skopje',
    ];
const kb = (n) => (n / 1024).toFixed(1);
const size = (rel) => statSync(path.join(site, rel)).size;
console.log(
  `before the first keystroke: engine ${kb(size('assets/search-engine.js'))} KB, glue ${kb(size('assets/search.js'))} KB, meta ${kb(size('search/meta.js'))} KB`,
);
for (const q of queries) {
  const loaded = new Map();
  const read = (name) => {
    const file = path.join(site, 'search', `${name}.js`);
    loaded.set(name, statSync(file).size);
    return readDataFile(readFileSync(file, 'utf8')).payload;
  };
  const engine = new SiteSearch(read('meta'), async (name) => read(name));
  const t = performance.now();
  const result = await engine.search({ q });
  await Promise.all(result.docs.slice(0, 10).map((d) => engine.hit(d, result.test)));
  const ms = performance.now() - t;
  const sum = (prefix) => [...loaded].filter(([n]) => n.startsWith(prefix)).reduce((a, [, s]) => a + s, 0);
  console.log(
    `${q}\t${result.docs.length} hits\t${kb(sum('') - sum('meta'))} KB after meta (shards ${kb(sum('w/'))}, long lists ${kb(sum('p/'))}, fragments ${kb(sum('x/'))})\t${ms.toFixed(0)} ms`,
  );
}
