// The peers the benchmarks compare `releases` with, found on this machine: Hugo (apt),
// Eleventy (bench/package.json, installed into bench/node_modules by bench/setup.js),
// ripgrep, and plain `node -e 0`. A peer that is missing is reported as skipped, never as a
// failure.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareHugoSite } from './hugo-site.js';

function version(cmd, args, pick = (s) => s.trim().split('\n')[0]) {
  try {
    return pick(execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 20_000 }));
  } catch {
    return null;
  }
}

const BENCH_MODULES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'node_modules');

function eleventyBin() {
  try {
    // Only bench/node_modules: a copy that the project's own install happens to hold is not the pinned peer.
    const pkg = path.join(BENCH_MODULES, '@11ty', 'eleventy', 'package.json');
    const { version: v, bin } = JSON.parse(fs.readFileSync(pkg, 'utf8'));
    const rel = typeof bin === 'string' ? bin : (bin?.eleventy ?? 'cmd.cjs');
    return { bin: path.join(path.dirname(pkg), rel), version: v };
  } catch {
    return null;
  }
}

/** What is installed: { hugo, rg, eleventy } with a version string each, or null. */
export function findPeers() {
  const hugo = version('hugo', ['version'], (s) => (s.match(/v\d+\.\d+\.\d+\S*/) ?? [s.trim()])[0]);
  const rg = version(
    'rg',
    ['--version'],
    (s) =>
      s
        .split('\n')[0]
        .replace(/^ripgrep\s+/, '')
        .split(' ')[0],
  );
  const eleventy = eleventyBin();
  return {
    hugo: hugo ? { version: hugo } : null,
    rg: rg ? { version: rg } : null,
    eleventy,
  };
}

/**
 * Names of the Hugo shortcodes used in the archive's files (`{{< name` / `{{% name`),
 * with whether any is closed (`{{< /name`), so a site can stub them: a real site's
 * shortcodes (digitalgov has 30) would otherwise stop Hugo's build.
 */
export function shortcodesIn(dir) {
  const found = new Map();
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/\{\{[<%]\s*(\/?)([\w-]+)/g)) {
          found.set(m[2], found.get(m[2]) || m[1] === '/');
        }
      }
    }
  };
  walk(dir);
  return found;
}

/** A Hugo site over `archive` (see hugo-site.js), with every shortcode stubbed when asked. */
export function prepareHugo({ archive, dir, stubShortcodes = false }) {
  const site = prepareHugoSite({ archive, dir });
  if (stubShortcodes) {
    const sc = path.join(site.dir, 'layouts', 'shortcodes');
    fs.mkdirSync(sc, { recursive: true });
    for (const [name, paired] of shortcodesIn(archive)) {
      fs.writeFileSync(path.join(sc, `${name}.html`), paired ? '{{ .Inner }}' : '');
    }
  }
  return site;
}
