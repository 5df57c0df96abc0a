import { EventEmitter } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/main.js';
import { runCli, tempDir } from '../helpers/cli.js';

/** An archive of `n` small releases: enough for several chunks of output. */
function archiveOf(n: number): string {
  const root = tempDir();
  mkdirSync(path.join(root, 'archive/2020'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    writeFileSync(
      path.join(root, `archive/2020/2020-02-${day}-r${i}.md`),
      `---\ntitle: Соопштение број ${i}\ndate: 2020-02-${day}\nlang: mk\npartners: [ОБСЕ]\n---\nТекст ${i}.\n`,
    );
  }
  return root;
}

/** A stdout like a pipe whose reader is slow: every write fills it, and it drains a moment later. */
class SlowPipe extends EventEmitter {
  text = '';
  writes = 0;
  overlapping = 0;
  private full = false;
  write(chunk: string): boolean {
    if (this.full) this.overlapping++;
    this.text += chunk;
    this.writes++;
    this.full = true;
    setTimeout(() => {
      this.full = false;
      this.emit('drain');
    }, 1);
    return false;
  }
}

describe('list into a slow pipe', () => {
  it.each(['table', 'json', 'ndjson'])(
    '--format %s waits for the reader between chunks and writes the same text',
    async (format) => {
      const cwd = archiveOf(1_200);
      const stdout = new SlowPipe();
      const stdin = new PassThrough();
      stdin.end('');
      const code = await run(['list', '--format', format], {
        stdout,
        stderr: { write: () => true },
        stdin,
        env: {},
        cwd,
        now: new Date('2026-11-29T10:00:00Z'),
      });
      expect(code).toBe(0);
      // Several chunks, and never one written while the pipe was still full.
      expect(stdout.writes).toBeGreaterThan(1);
      expect(stdout.overlapping).toBe(0);
      const plain = await runCli(['list', '--format', format], { cwd });
      expect(stdout.text).toBe(plain.stdout);
    },
    60_000,
  );
});

/** A Node stream over a file descriptor (as stdout is) that takes its time to write each chunk, keeping its bytes only then. */
class SlowFdStream extends Writable {
  readonly fd = 1;
  readonly parts: Buffer[] = [];
  override _write(chunk: Buffer, _encoding: string, done: (e?: Error | null) => void): void {
    setTimeout(() => {
      this.parts.push(Buffer.from(chunk));
      done();
    }, 1);
  }
}

describe('list from its kept output into a stream over a file descriptor', () => {
  it('writes the same bytes, refilling its buffer only once the stream has written it', async () => {
    const cwd = archiveOf(3_000);
    const io = (stdout: unknown) => {
      const stdin = new PassThrough();
      stdin.end('');
      return { stdout, stderr: { write: () => true }, stdin, env: {}, cwd, now: new Date('2026-11-29T10:00:00Z') } as never;
    };
    const first = new SlowFdStream();
    expect(await run(['list', '--format', 'json'], io(first))).toBe(0);
    const kept = new SlowFdStream();
    expect(await run(['list', '--format', 'json'], io(kept))).toBe(0);
    const bytes = Buffer.concat(kept.parts);
    // Larger than one buffer of the copy, so that it is filled several times.
    expect(bytes.length).toBeGreaterThan(1 << 19);
    expect(kept.parts.length).toBeGreaterThan(1);
    expect(bytes.equals(Buffer.concat(first.parts))).toBe(true);
    expect(bytes.toString()).toBe((await runCli(['list', '--format', 'json'], { cwd })).stdout);
  }, 60_000);
});
