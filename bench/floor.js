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
import { fastStamp } from '../dist/cli/fast-stat.js';

const [archive, print] = process.argv.slice(2);
if (!archive) {
  process.stderr.write('usage: node bench/floor.js <archive> [file to print]\n');
  process.exit(2);
}

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
walk(archive);
if (print) fs.writeSync(1, fs.readFileSync(print));
process.stderr.write(`${files} files, ${bytes} bytes\n`);
