#!/usr/bin/env node
// The build after `tsc` (`npm run build`): the static assets, the site's search engine as one
// classic script, and the CLI as one bundle with a chunk per lazily loaded command.
//
//   dist/**                 tsc's output, module per module (the benchmark scripts import it)
//   dist/bundle/main.js     what bin/releases.js runs: src/main.ts and the packages it imports,
//                           the commands in chunks loaded by dynamic import(); better-sqlite3
//                           (native) stays outside
//   dist/bundle/parse-worker.js   the worker of src/core/store/parallel.ts, found beside the chunk
//   dist/bundle/markdown-worker.js   the Markdown thread of src/render/markdown-ahead.ts, likewise
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
const ENGINE = JSON.parse(fs.readFileSync(at('bin/search-engine.json'), 'utf8'));
const ASSET_DIRS = [at('dist/render/html/assets'), path.join(BUNDLE, 'assets')];

// The site's search engine: site-engine.ts and the core modules it imports, one classic script
// that sets window.ReleasesSearch (the site's CSP allows no modules from file://).
const engine = await build({ ...ENGINE, absWorkingDir: ROOT, entryPoints: ['src/core/search/site-engine.ts'], write: false });
for (const dir of ASSET_DIRS) {
  fs.cpSync(at('src/render/html/assets'), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'search-engine.js'), engine.outputFiles[0].contents);
}

// Node's own modules through process.getBuiltinModule (Node 20.16+), not `import`: an import
// makes an ES module facade of the builtin, which reads every export, and node:fs's lazy
// ReadStream and promises getters then load the streams (several ms at each start).
const BUILTIN = /^node:[a-z_]+$/;
const builtins = {
  name: 'builtins',
  setup(b) {
    // commander requires child_process (for executable subcommands, which releases has none
    // of) at load: loaded on first use instead, with the net, dgram and stream modules it pulls in.
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.kind === 'require-call' && /[\\/]commander[\\/]/.test(args.importer)
        ? { path: args.path, namespace: 'lazy-builtin' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `let m; module.exports = new Proxy({}, { get: (_, k) => (m ??= process.getBuiltinModule(${JSON.stringify(args.path)}))[k] });`,
      loader: 'js',
    }));
    // A require() of a builtin takes the module itself: a facade read through __toCommonJS
    // would read every getter (process.report, …), which loads their modules.
    // An import gets a facade of its own per importing file: a shared one would read, in
    // whichever chunk holds it, what any importer uses (prompts' process.stdin, for one).
    b.onResolve({ filter: BUILTIN }, (args) =>
      args.kind === 'require-call'
        ? { path: args.path, namespace: 'builtin-cjs' }
        : { path: args.path, namespace: 'builtin', pluginData: args.importer, suffix: `?${args.importer}` },
    );
    b.onLoad({ filter: /.*/, namespace: 'builtin-cjs' }, (args) => ({
      contents: `module.exports = process.getBuiltinModule(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => {
      const mod = process.getBuiltinModule(args.path);
      // Not the lazy stream classes (fs.ReadStream, …): reading those is what the facade costs.
      const names = Object.keys(mod).filter(
        (k) => /^[A-Za-z_$][\w$]*$/.test(k) && ('value' in Object.getOwnPropertyDescriptor(mod, k) || !/Stream$/.test(k)),
      );
      const lines = [`const m = process.getBuiltinModule(${JSON.stringify(args.path)});`, 'export default m;'];
      // Pure, so that esbuild drops the names no module imports: reading a getter such as
      // process.report or fs.promises loads its module.
      for (const k of names) lines.push(`export const ${k} = /* @__PURE__ */ (() => m.${k})();`);
      return { contents: lines.join('\n'), loader: 'js' };
    });
  },
};

const cli = await build({
  entryPoints: {
    main: at('src/main.ts'),
    'parse-worker': at('src/core/store/parse-worker.ts'),
    'markdown-worker': at('src/render/markdown-worker.ts'),
  },
  plugins: [builtins],
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
  banner: { js: "const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});

// Chunks of earlier builds go once this one is written (their names carry a content hash).
const made = new Set(Object.keys(cli.metafile.outputs).map((f) => path.resolve(ROOT, f)));
for (const name of fs.readdirSync(BUNDLE)) {
  const file = path.join(BUNDLE, name);
  if (name.endsWith('.js') && !made.has(file)) fs.rmSync(file);
}
