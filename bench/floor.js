#!/usr/bin/env node
// The floor of a Node program for the goals measured against `hugo list all` and Hugo's build:
// the least any Node program must do to answer `releases list` from a stored result, or to
// find the one release that changed before an export. It starts Node, lists the archive's
// release files, reads the size and mtime of each (an edit in place shows nowhere else), and
// prints a stored output. No index, no parsing, no bundle: one module of ours, the fastest
// reading of a file's numbers we know (src/cli/fast-stat.ts, as `releases` reads them).
//
//   node bench/floor.js <archive> [file to print]
//
// When this program alone takes more than a goal allows, no Node program meets the goal
// (report.js marks such goals).

import fs from 'node:fs';
import path from 'node:path';

const [archive, print] = process.argv.slice(2);
if (!archive) {
  process.stderr.write('usage: node bench/floor.js <archive> [file to print]\n');
  process.exit(2);
}

const fail = (message, hint) => {
  process.stderr.write(`floor.js: ${message}\n  ${hint}\n`);
  process.exit(1);
};
const { fastStamp } = await import('../dist/cli/fast-stat.js').catch(() =>
  fail('dist/cli/fast-stat.js is missing', 'run npm ci (it builds dist/) first'),
);
const stamp = fastStamp();
let files = 0;
let bytes = 0;
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.md')) {
      const st = stamp(p);
      if (st) {
        files++;
        bytes += st.size;
      }
    }
  }
};
try {
  walk(archive);
} catch (e) {
  fail(
    `cannot read the archive ${e.path ?? archive}: ${e.code ?? e.message}`,
    'pass the folder of an archive (bench/generate.js makes one)',
  );
}
let output = null;
try {
  output = print ? fs.readFileSync(print) : null;
} catch (e) {
  fail(`cannot read ${print}: ${e.code ?? e.message}`, 'pass a file saved from `releases list` (bench/cases.js saves one)');
}
if (output) fs.writeSync(1, output);
process.stderr.write(`${files} files, ${bytes} bytes\n`);
