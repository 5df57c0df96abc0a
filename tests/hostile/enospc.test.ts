import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  promises as fsp,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sameSnapshot, snapshot, snapshotDiff } from '../helpers/hostile.js';

// A real full disk: a 512 KB tmpfs (we run as root in CI). Where mount is refused, the
// same tests run with ENOSPC injected into the file system calls instead, but for export
// json --out, which is then skipped, saying why.
const FIXTURE = path.resolve(__dirname, '../fixtures/multilingual');
let base: string;
let disk: string;
let mounted = false;

beforeAll(() => {
  base = path.join(tmpdir(), `releases-enospc-${process.pid}`);
  disk = path.join(base, 'disk');
  mkdirSync(disk, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', disk], { stdio: 'ignore' });
    mounted = true;
  } catch {
    console.warn('enospc: mount -t tmpfs refused, injecting ENOSPC instead');
  }
});
afterAll(() => {
  if (mounted) execFileSync('umount', [disk]);
  rmSync(base, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const n of readdirSync(disk)) rmSync(path.join(disk, n), { recursive: true, force: true });
});

/** Fills the disk to the last byte (or, without a tmpfs, makes every write fail with ENOSPC). */
function fillDisk(): void {
  if (!mounted) {
    const enospc = () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    vi.spyOn(fsp, 'writeFile').mockImplementation(enospc);
    const open = fsp.open.bind(fsp);
    vi.spyOn(fsp, 'open').mockImplementation(async (...args: Parameters<typeof fsp.open>) => {
      const h = await open(...args);
      return Object.assign(h, { writeFile: enospc });
    });
    return;
  }
  const fd = openSync(path.join(disk, 'filler'), 'w');
  const block = Buffer.alloc(4096, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch (e) {
    expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
  }
  // Byte by byte, so not even a small file fits.
  try {
    for (;;) writeSync(fd, block, 0, 1);
  } catch {
    /* full */
  }
  closeSync(fd);
}

const env = { RELEASES_CACHE_DIR: '' } as Record<string, string>;
const bigBody = 'Ред на текстот за полн диск. '.repeat(4000);

describe('a full disk (a 512 KB tmpfs, or injected ENOSPC)', () => {
  it('add: a clear error naming the path, exit 1, no release file and no temporary file left', async () => {
    cpSync(FIXTURE, path.join(disk, 'archive'), { recursive: true });
    mkdirSync(path.join(disk, 'archive/2025'));
    env.RELEASES_CACHE_DIR = path.join(base, 'cache');
    const before = snapshot(path.join(disk, 'archive'));
    fillDisk();
    const r = await runCli(['add', '--title', 'Полн диск', '--date', '2025-03-03', '--body', bigBody, '--no-input'], { cwd: disk, env });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/disk is full|no space/i);
    expect(r.stderr).toContain(path.join(disk, 'archive/2025'));
    expect(r.stderr).not.toMatch(/this is a bug|\n\s+at /);
    expect(snapshotDiff(before, snapshot(path.join(disk, 'archive')))).toEqual([]);
  });

  it('export html: a clear error naming the path, exit 1, the previous export intact, no temporary folder left', async () => {
    const project = path.join(base, 'project');
    rmSync(project, { recursive: true, force: true });
    cpSync(FIXTURE, path.join(project, 'archive'), { recursive: true });
    const out = path.join(disk, 'site');
    const first = await runCli(['export', '--format', 'html', '--out', out], { cwd: project, env });
    expect(first.code, first.stderr).toBe(0);
    writeFileSync(path.join(out, 'CNAME'), 'example.org\n');
    const before = snapshot(disk);
    // Change the archive so that the new site differs from the old one.
    rmSync(path.join(project, 'archive/2019'), { recursive: true });
    fillDisk();
    const afterFill = snapshot(disk);
    const r = await runCli(['export', '--format', 'html', '--out', out], { cwd: project, env });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/disk is full|no space/i);
    expect(r.stderr).not.toMatch(/this is a bug|\n\s+at /);
    // Everything but the filler is as before: the old site, the user's file, nothing hidden left.
    const now = snapshot(disk);
    expect(snapshotDiff(afterFill, now)).toEqual([]);
    now.delete('filler');
    expect(sameSnapshot(now, before)).toBe(true);
    // BUG (export area): the message does not say where ("cannot write: the disk is full").
    expect(r.stderr).toContain(out);
  });

  it('export json --out: a clear error naming the file, exit 1, the previous file intact, no temporary file left', async ({ skip }) => {
    // createWriteStream cannot be spied on: this one needs the real tmpfs.
    skip(!mounted, 'mount -t tmpfs was refused (not root, or no CAP_SYS_ADMIN): a full disk cannot be made here');
    const project = path.join(base, 'project');
    rmSync(project, { recursive: true, force: true });
    cpSync(FIXTURE, path.join(project, 'archive'), { recursive: true });
    const out = path.join(disk, 'out.json');
    expect((await runCli(['export', '--format', 'json', '--out', out, '--to', '2018'], { cwd: project, env })).code).toBe(0);
    const previous = readFileSync(out, 'utf8');
    fillDisk();
    // The whole archive, with bodies, is larger than what is left (nothing).
    const r = await runCli(['export', '--format', 'json', '--out', out], { cwd: project, env });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(out);
    expect(r.stderr).toMatch(/disk is full|no space/i);
    expect(r.stderr).not.toMatch(/this is a bug|\n\s+at /);
    expect(readFileSync(out, 'utf8')).toBe(previous);
    expect(readdirSync(disk).sort()).toEqual(['filler', 'out.json']);
  });

  it('search with its index on the full disk still answers (index skipped or rebuilt, with a warning at most)', async () => {
    const project = path.join(base, 'project');
    rmSync(project, { recursive: true, force: true });
    cpSync(FIXTURE, path.join(project, 'archive'), { recursive: true });
    fillDisk();
    const r = await runCli(['search', 'соработка', '--format', 'json'], {
      cwd: project,
      env: { RELEASES_CACHE_DIR: path.join(disk, 'cache') },
    });
    expect(r.stderr).not.toMatch(/this is a bug|\n\s+at /);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).length).toBeGreaterThan(0);
    expect(existsSync(path.join(project, 'archive'))).toBe(true);
  });
});
