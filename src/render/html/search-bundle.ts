import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReleasesError } from '../../core/errors.js';

/**
 * The site's `assets/search-engine.js`: src/core/search/site-engine.ts and the core modules
 * it imports (fold, query, distance, snippet, …), bundled by esbuild into one classic script
 * that sets `window.ReleasesSearch`. The same code the CLI runs, so both search alike. The
 * build (bin/build.js) writes it into `assets/` beside this module; run from the sources
 * (tests), esbuild (a dev dependency) bundles it here with the same options. No eval and no
 * module script: the site's CSP (`script-src 'self'`) and file:// allow it.
 */

let cached: string | null = null;

/** The engine script (read or built once per process). */
export function searchEngineScript(): string {
  cached ??= load();
  return cached;
}

function load(): string {
  const built = new URL('./assets/search-engine.js', import.meta.url);
  if (built.protocol === 'file:' && existsSync(built)) return readFileSync(built, 'utf8');
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts'))
    throw new ReleasesError(`the site's search engine is missing: ${fileURLToPath(built)}`, 1, 'run `npm run build` and export again');
  return fromSources(path.resolve(path.dirname(here), '../../..'));
}

/** esbuild over the sources, as bin/build.js does it (options in bin/search-engine.json). */
function fromSources(root: string): string {
  const require = createRequire(import.meta.url);
  const esbuild = require('esbuild') as typeof import('esbuild');
  const options = JSON.parse(readFileSync(path.join(root, 'bin/search-engine.json'), 'utf8')) as import('esbuild').BuildOptions;
  const out = esbuild.buildSync({ ...options, absWorkingDir: root, entryPoints: ['src/core/search/site-engine.ts'], write: false });
  return out.outputFiles![0].text;
}
