#!/usr/bin/env node
// The build after `tsc` (`npm run build`): the static assets, the site's search engine as one
// classic script, and the CLI as one bundle with a chunk per lazily loaded command.
//
//   dist/**                 tsc's output, module per module (the benchmark scripts import it)
//   dist/bundle/main.js     what bin/releases.js runs: src/main.ts and the packages it imports,
//                           the commands in chunks loaded by dynamic import(); better-sqlite3
//                           (native) stays outside
//   dist/bundle/parse-worker.js   the worker of src/core/store/parallel.ts, found beside the chunk
//   */assets/               the site's assets beside both (site.ts reads `./assets/…` from its module)
//
// One file per command saves Node resolving, reading and compiling ~100 modules at each start.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (p) => path.join(ROOT, p);

const BUNDLE = at('dist/bundle');
// esbuild's options for the engine, shared with src/render/html/search-bundle.ts (run from the sources).
const ENGINE = JSON.parse(fs.readFileSync(at('scripts/search-engine.json'), 'utf8'));
const ASSET_DIRS = [at('dist/render/html/assets'), path.join(BUNDLE, 'assets')];

fs.rmSync(BUNDLE, { recursive: true, force: true });

// The site's search engine: site-engine.ts and the core modules it imports, one classic script
// that sets window.ReleasesSearch (the site's CSP allows no modules from file://).
const engine = await build({ ...ENGINE, absWorkingDir: ROOT, entryPoints: ['src/core/search/site-engine.ts'], write: false });
for (const dir of ASSET_DIRS) {
  fs.cpSync(at('src/render/html/assets'), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'search-engine.js'), engine.outputFiles[0].contents);
}

await build({
  entryPoints: { main: at('src/main.ts'), 'parse-worker': at('src/core/store/parse-worker.ts') },
  outdir: BUNDLE,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Every chunk beside the entries: `new URL('./x', import.meta.url)` and `../../package.json`
  // resolve alike from any of them.
  chunkNames: '[name]-[hash]',
  external: ['better-sqlite3'],
  // The CommonJS packages (yaml, markdown-it, …) call require() for Node's own modules.
  banner: { js: "import { createRequire as __releasesRequire } from 'node:module'; const require = __releasesRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
