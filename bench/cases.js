// What the benchmarks run on one archive: every `releases` command as a whole process, and
// the peers on the same files. Each case is { id, label, cmd, args, cwd, env, setup, after }
// for measure.js; `group` says whether it is ours or a peer's.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'releases.js');
const FLOOR = path.join(ROOT, 'bench', 'floor.js');
const ELEVENTY_CONFIG = path.join(ROOT, 'bench', 'eleventy', 'eleventy.config.js');

/** The rare word every archive holds in a few files (see generate.js), and a common one. */
export const RARE_WORD = 'petrevski';
export const COMMON_STEM = 'соработк';

/** The index files of an archive (`<cache dir>/<name>-<hash>.sqlite`, its WAL companions and its list snapshot). */
export function indexFiles(archive, cacheDir) {
  const dir = cacheDir ?? path.join(path.dirname(archive), '.releases');
  const prefix = `${path.basename(archive).replace(/[^\w.-]+/g, '_')}-`;
  try {
    return fs
      .readdirSync(dir)
      .filter((f) => f.startsWith(prefix) && /\.sqlite(-wal|-shm|-list)?$/.test(f))
      .map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

const rmrf = (p) => fs.rmSync(p, { recursive: true, force: true });

/** The first release file of an archive (sorted), for the case that changes one release. */
function firstRelease(dir) {
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (name.endsWith('.md')) return p;
    if (!name.startsWith('.') && fs.statSync(p).isDirectory()) {
      const found = firstRelease(p);
      if (found) return found;
    }
  }
  return null;
}

const edits = new Map();
/** Changes one release's body (a line added, different each time), or puts it back as it was. */
function editOne(dir, change) {
  const file = firstRelease(dir);
  if (!file) return;
  if (!edits.has(file)) edits.set(file, { text: fs.readFileSync(file), st: fs.statSync(file) });
  const { text, st } = edits.get(file);
  fs.writeFileSync(file, change ? Buffer.concat([text, Buffer.from(`\nBench edit ${Date.now()}.\n`)]) : text);
  if (!change) fs.utimesSync(file, st.atime, st.mtime);
}

/**
 * The cases of one archive. `a` = { key, dir, cacheDir?, showId, work (scratch folder),
 * hugoSite?, peers, only? (ids to keep), editable? (a generated archive: one case edits a release) }.
 */
export function casesFor(a) {
  const env = { NO_COLOR: '1', ...(a.cacheDir ? { RELEASES_CACHE_DIR: a.cacheDir } : {}) };
  const ours = (id, label, args, extra = {}) => ({
    id,
    label,
    group: 'ours',
    cmd: process.execPath,
    args: [BIN, ...args],
    cwd: a.work,
    env,
    node: true,
    ...extra,
  });
  const archive = ['--archive', a.dir];
  const outHtml = path.join(a.work, 'site');
  const addOut = path.join(a.work, 'add-stdout.txt');
  const outUpdate = path.join(a.work, 'site-update');
  const exportInto = (out) => ['export', '--format', 'html', '--out', out, ...archive];
  const ensureExport = (out) => {
    if (!fs.existsSync(out))
      execFileSync(process.execPath, [BIN, ...exportInto(out)], { cwd: a.work, env: { ...process.env, ...env }, stdio: 'ignore' });
  };
  const list = [
    ours('version', 'releases --version', ['--version']),
    ours('first', 'first command (list, no index yet)', ['list', ...archive], {
      setup: () => indexFiles(a.dir, a.cacheDir).forEach(rmrf),
    }),
    ours('list', 'list', ['list', ...archive]),
    ours('list-json', 'list --format json', ['list', '--format', 'json', ...archive]),
    // The warm-up of a search may build the full-text table (the first search does): never a timed run.
    ours('search', `search ${RARE_WORD}`, ['search', RARE_WORD, ...archive], { primes: true }),
    ours('search-common', 'search соработка', ['search', 'соработка', ...archive], { primes: true }),
    ours(
      'search-json',
      'search соработка --format json (every match, with snippets)',
      ['search', 'соработка', '--format', 'json', ...archive],
      { primes: true },
    ),
    ours('show', 'show ID', ['show', a.showId, ...archive]),
    ours('check', 'check', ['check', ...archive], { okCodes: [0, 1] }),
    ours('partners', 'partners', ['partners', ...archive]),
    ours('export-json', 'export --format json', ['export', '--format', 'json', ...archive]),
    ours('export-ndjson', 'export --format ndjson', ['export', '--format', 'ndjson', ...archive]),
    ours('export-html', 'export --format html', ['export', '--format', 'html', '--out', outHtml, ...archive], {
      setup: () => rmrf(outHtml),
    }),
    // An export into the previous one (an update): nothing changed, then one release changed.
    ours('export-html-again', 'export --format html into the previous export, nothing changed', exportInto(outUpdate), {
      setup: () => ensureExport(outUpdate),
    }),
    ...(a.editable
      ? [
          ours('export-html-one', 'export --format html after one release changed', exportInto(outUpdate), {
            setup: () => {
              ensureExport(outUpdate);
              editOne(a.dir, true);
            },
            after: () => editOne(a.dir, false),
          }),
        ]
      : []),
    ours(
      'add',
      'add --no-input',
      [
        'add',
        '--no-input',
        '--title',
        'Бенчмарк соопштение',
        '--date',
        '2024-05-01',
        '--tag',
        'bench',
        '--partner',
        'OSCE',
        '--body',
        'Текст на соопштението.',
        ...archive,
      ],
      {
        stdoutFile: addOut,
        // Leave the archive as it was: remove the file the add wrote (its path is on stdout).
        after: () => {
          const written = fs.readFileSync(addOut, 'utf8').trim().split('\n').pop();
          if (written) rmrf(path.resolve(a.work, written));
        },
      },
    ),
  ];
  const listOut = path.join(a.work, 'list-output.txt');
  const peers = [
    { id: 'node', label: 'node -e 0', group: 'peer', cmd: process.execPath, args: ['-e', '0'], node: true },
    // The least a Node program does to answer `list` (floor.js): the goals that ask less are out of any Node program's reach.
    {
      id: 'floor',
      label: 'Node floor (stat every file, print list output)',
      group: 'peer',
      cmd: process.execPath,
      args: [FLOOR, a.dir, listOut],
      node: true,
      setup: () => {
        if (fs.existsSync(listOut)) return;
        const fd = fs.openSync(listOut, 'w');
        try {
          execFileSync(process.execPath, [BIN, 'list', ...archive], {
            cwd: a.work,
            env: { ...process.env, ...env },
            stdio: ['ignore', fd, 'ignore'],
          });
        } finally {
          fs.closeSync(fd);
        }
      },
    },
    // The same without printing: the least a search does before it looks at the index.
    { id: 'floor-stat', label: 'Node floor (stat every file)', group: 'peer', cmd: process.execPath, args: [FLOOR, a.dir], node: true },
  ];
  if (a.peers.hugo && a.hugoSite) {
    const publish = path.join(a.hugoSite, 'public');
    peers.push({ id: 'hugo-list', label: 'hugo list all', group: 'peer', cmd: 'hugo', args: ['list', 'all', '--source', a.hugoSite] });
    peers.push({
      id: 'hugo-build',
      label: 'hugo (site build)',
      group: 'peer',
      cmd: 'hugo',
      args: ['--quiet', '--source', a.hugoSite],
      setup: () => rmrf(publish),
    });
  }
  if (a.peers.eleventy) {
    const out = path.join(a.work, 'eleventy-site');
    peers.push({
      id: 'eleventy-build',
      label: 'eleventy (site build)',
      group: 'peer',
      node: true,
      cmd: process.execPath,
      args: [a.peers.eleventy.bin, `--config=${ELEVENTY_CONFIG}`, `--input=${a.dir}`, `--output=${out}`, '--quiet'],
      cwd: ROOT,
      setup: () => rmrf(out),
    });
  }
  if (a.peers.rg)
    peers.push({ id: 'rg', label: `rg -il ${RARE_WORD}`, group: 'peer', cmd: 'rg', args: ['-il', RARE_WORD, a.dir], okCodes: [0, 1] }); // 1: no match
  // The common word's stem, so that rg finds the files our search finds (соработка, соработки, ...).
  if (a.peers.rg)
    peers.push({
      id: 'rg-common',
      label: `rg -il ${COMMON_STEM}`,
      group: 'peer',
      cmd: 'rg',
      args: ['-il', COMMON_STEM, a.dir],
      okCodes: [0, 1],
    });
  const all = [...list, ...peers].map((c) => ({ cwd: a.work, ...c }));
  return a.only ? all.filter((c) => a.only.includes(c.id)) : all;
}
