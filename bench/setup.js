#!/usr/bin/env node
// Installs the benchmark's peers (bench/package.json: Eleventy, Pagefind) into
// bench/node_modules on the first `npm run bench`, so the project's own `npm ci` installs
// only what the tool needs. With bench/package-lock.json the install is `npm ci`.
// Offline or failing, it warns and the harness reports those peers as skipped.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const wanted = Object.keys(JSON.parse(fs.readFileSync(path.join(BENCH, 'package.json'), 'utf8')).dependencies);
const missing = wanted.filter((name) => !fs.existsSync(path.join(BENCH, 'node_modules', name, 'package.json')));

if (missing.length) {
  const how = fs.existsSync(path.join(BENCH, 'package-lock.json')) ? 'ci' : 'install';
  process.stderr.write(`installing the benchmark's peers into bench/node_modules (${missing.join(', ')})\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['--prefix', BENCH, how, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0)
    process.stderr.write(
      `could not install them (npm ${how} ended with ${r.status ?? r.signal}): those peers will be reported as skipped\n`,
    );
}
