#!/usr/bin/env node
// Bytes loaded per query, up to the first ten results shown with excerpts, by our site's
// search and by Pagefind on the same export, in Chromium, each site served on 127.0.0.1 by
// the small static server below (Pagefind needs HTTP). Pagefind is driven through its JS API
// (`pagefind.js`: search, then `data()` of the first ten results, which loads their
// fragments with excerpts); ours through search.html.
//
//   releases export --format html --out OURS
//   cp -r OURS PF && npx pagefind@1.6.0 --site PF      (Pagefind writes PF/pagefind/)
//   node bench/site-search-pagefind.js OURS PF [QUERY…]
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const [ours, pf, ...args] = process.argv.slice(2);
if (!ours || !pf) {
  console.error('usage: node bench/site-search-pagefind.js OUR_SITE PAGEFIND_SITE [QUERY…]');
  process.exit(2);
}
const queries = args.length
  ? args
  : ['accessibility', 'plain language', 'usability', 'data', 'privacy', 'user research', 'cloud', 'mobile', 'web design', '508'];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** Serves a folder on 127.0.0.1 (a free port); counts the bytes of every response. */
function serve(root) {
  const sent = { bytes: 0 };
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.join(root, rel.endsWith('/') ? `${rel}index.html` : rel);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const size = statSync(file).size;
    sent.bytes += size;
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-length': size });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, sent, url: `http://127.0.0.1:${server.address().port}` })),
  );
}

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const a = await serve(path.resolve(ours));
const b = await serve(path.resolve(pf));
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log('| query | ours: hits | ours: KB for the query | Pagefind: hits | Pagefind: KB for the query |');
console.log('| --- | --- | --- | --- | --- |');
let firstOurs = 0;
let firstPf = 0;
for (const q of queries) {
  // Ours: a fresh page (empty cache), bytes after the page settled, up to results with excerpts.
  const p1 = await browser.newPage();
  await p1.goto(`${a.url}/search.html`);
  await p1.waitForFunction(() => document.getElementById('results').getAttribute('aria-busy') === 'false');
  firstOurs = a.sent.bytes;
  const before1 = a.sent.bytes;
  await p1.fill('#q', q);
  await p1.waitForFunction(() => {
    const r = document.getElementById('results');
    return (
      r.getAttribute('aria-busy') === 'false' && r.getAttribute('data-state') === new URLSearchParams(window.location.search).toString()
    );
  });
  const ourHits = Number((await p1.textContent('#status')).replace(/\D+/g, '') || 0);
  const ourBytes = a.sent.bytes - before1;
  await p1.close();
  a.sent.bytes = 0;
  // Pagefind: its API on a page of the site, after `init()` (what its UI loads before typing).
  const p2 = await browser.newPage();
  await p2.goto(`${b.url}/index.html`);
  const start = b.sent.bytes;
  await p2.evaluate(async () => {
    window.pf = await import('/pagefind/pagefind.js');
    await window.pf.init();
  });
  firstPf = b.sent.bytes - start;
  const before2 = b.sent.bytes;
  const pfHits = await p2.evaluate(async (x) => {
    const r = await window.pf.search(x);
    await Promise.all(r.results.slice(0, 10).map((h) => h.data()));
    return r.results.length;
  }, q);
  const pfBytes = b.sent.bytes - before2;
  await p2.close();
  b.sent.bytes = 0;
  console.log(`| ${q} | ${ourHits} | ${kb(ourBytes)} | ${pfHits} | ${kb(pfBytes)} |`);
}
console.log(
  `\nBefore the first keystroke: ours ${kb(firstOurs)} (search.html and everything it loads), Pagefind ${kb(firstPf)} (pagefind.js, init: entry, wasm, metadata).`,
);
await browser.close();
a.server.close();
b.server.close();
