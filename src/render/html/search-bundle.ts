import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReleasesError } from '../../core/errors.js';

/**
 * The site's `assets/search-engine.js`: src/core/search/site-engine.ts and the core modules
 * it imports (fold, query, distance, snippet, …), as one classic script that sets
 * `window.ReleasesSearch`. The same compiled code the CLI runs, so both search alike. From
 * dist/ the modules are tsc's output; run from the sources (tests), TypeScript transpiles
 * them. Each module becomes a function scope; `import {a} from './x.js'` reads x's exports.
 * No eval and no dependency: the site's CSP (`script-src 'self'`) allows it.
 */

const ENTRY = 'core/search/site-engine';
const IMPORT = /^import\s+(type\s+)?(?:\{([^}]*)\}\s+from\s+)?'([^']+)';?[ \t]*$/gm;
const EXPORT = /^export\s+(?:declare\s+)?(?:async\s+)?(function\*?|class|const|let|var)\s+([\w$]+)/gm;

interface Module {
  id: string;
  body: string;
  deps: string[];
  exports: string[];
}

let cached: string | null = null;

/** The engine script (built once per process). */
export function searchEngineScript(): string {
  cached ??= bundle();
  return cached;
}

function bundle(): string {
  const here = fileURLToPath(import.meta.url);
  const fromSource = here.endsWith('.ts');
  const root = path.resolve(path.dirname(here), '../..');
  const transpile = fromSource ? typescriptTranspiler() : null;
  const modules = new Map<string, Module>();
  const order: Module[] = [];
  const visit = (id: string, trail: string[]) => {
    if (modules.has(id)) {
      if (!order.some((m) => m.id === id))
        throw new ReleasesError(`the search engine's modules import each other in a circle: ${[...trail, id].join(' → ')}`);
      return;
    }
    const file = path.join(root, `${id}${fromSource ? '.ts' : '.js'}`);
    if (!existsSync(file))
      throw new ReleasesError(`the site's search engine is missing: ${file}`, 1, 'run `npm run build` and export again', file);
    const source = readFileSync(file, 'utf8');
    const m = rewrite(id, transpile ? transpile(source) : source);
    modules.set(id, m);
    for (const dep of m.deps) visit(dep, [...trail, id]);
    order.push(m);
  };
  visit(ENTRY, []);
  const parts = order.map(
    (m) => `__m[${JSON.stringify(m.id)}] = (function () {\n${m.body}\nreturn { ${m.exports.map((e) => `${e}: ${e}`).join(', ')} };\n})();`,
  );
  return `/* The site's search engine, made from src/core/search/site-engine.ts and the modules it imports. */\n(function () {\n'use strict';\nvar __m = {};\n${parts.join('\n')}\nwindow.ReleasesSearch = __m[${JSON.stringify(ENTRY)}];\n})();\n`;
}

/** One module as a function body: imports read from `__m`, `export` keywords dropped and listed. */
function rewrite(id: string, code: string): Module {
  const deps: string[] = [];
  let body = code.replace(IMPORT, (_all, typeOnly: string | undefined, names: string | undefined, spec: string) => {
    if (typeOnly) return '';
    if (!spec.startsWith('.'))
      throw new ReleasesError(
        `the site's search engine cannot use ${spec} (imported by src/${id}.ts): it runs in a browser`,
        1,
        'keep the engine and its imports free of Node and packages',
      );
    const dep = path.posix.join(path.posix.dirname(id), spec).replace(/\.js$/, '');
    deps.push(dep);
    const bindings = (names ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n && !n.startsWith('type '))
      .map((n) => n.replace(/\s+as\s+/, ': '));
    return bindings.length ? `const { ${bindings.join(', ')} } = __m[${JSON.stringify(dep)}];` : '';
  });
  const exports: string[] = [];
  body = body.replace(EXPORT, (all, _kind: string, name: string) => {
    exports.push(name);
    return all.replace(/^export\s+/, '');
  });
  if (/^\s*export\b/m.test(body) || /^\s*import\b/m.test(body))
    throw new ReleasesError(
      `the site's search engine cannot bundle an import or export form of src/${id}.ts`,
      1,
      'use `import { a } from "./x.js"` and `export function/const/class` in the engine modules',
    );
  return { id, body: stripComments(body), deps, exports };
}

/** Drops whole-line comments (doc comments are most of the sources' bytes); code lines stay as they are. */
function stripComments(code: string): string {
  return code.replace(/^[ \t]*\/\*[\s\S]*?\*\/[ \t]*\n/gm, '').replace(/^[ \t]*\/\/.*\n/gm, '');
}

/** TypeScript's transpiler (a dev dependency): the engine run from its sources, as in the tests. */
function typescriptTranspiler(): (source: string) => string {
  const ts = createRequire(import.meta.url)('typescript') as typeof import('typescript');
  return (source) =>
    ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText;
}
