import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WriteQueue } from '../../../src/core/export/write-queue.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function temp(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'write-queue-'));
  dirs.push(d);
  return d;
}
const named = (e: unknown) => new Error(`named: ${(e as NodeJS.ErrnoException).code}`);

describe('WriteQueue', () => {
  it('writes text as UTF-8 and bytes as given, a few at a time, whole', async () => {
    const dir = temp();
    const q = new WriteQueue(3);
    const want = new Map<string, Buffer>();
    for (let i = 0; i < 60; i++) {
      const abs = path.join(dir, `f${i}`);
      const text = i % 3 === 0 ? '' : `${'Ѓ😀a'.repeat(i * 997)}${i}`;
      if (i % 2) q.push(abs, Buffer.from(text), named);
      else q.push(abs, text, named);
      want.set(abs, Buffer.from(text));
      await q.room();
    }
    await q.drain();
    for (const [abs, bytes] of want) expect(readFileSync(abs).equals(bytes), abs).toBe(true);
  });

  it('writes files larger than a batch, chunk lists, and staged bytes once pushed, across many batches', async () => {
    const dir = temp();
    const q = new WriteQueue(8);
    const want = new Map<string, Buffer>();
    for (let i = 0; i < 300; i++) {
      const abs = path.join(dir, `f${i}`);
      const text = `${'Ѓ😀a'.repeat(i % 50 === 7 ? 60_000 : (i * 131) % 3000)}${i}`;
      if (i % 3 === 0) q.push(abs, [Buffer.from(text.slice(0, 5)), Buffer.from(text.slice(5))], named);
      else {
        // Staged and dropped: the bytes of the next file take its place.
        if (i % 3 === 1) expect(Buffer.from(q.stage('dropped')).toString()).toBe('dropped');
        const bytes = q.stage(text);
        expect(Buffer.from(bytes).equals(Buffer.from(text))).toBe(true);
        q.pushStaged(abs, named);
      }
      want.set(abs, Buffer.from(text));
      await q.room();
    }
    await q.drain();
    for (const [abs, bytes] of want) expect(readFileSync(abs).equals(bytes), abs).toBe(true);
  });

  it('fills a batch with text that fits only by its bytes, and starts the next with text that does not', async () => {
    const dir = temp();
    const q = new WriteQueue(50);
    const want = new Map<string, Buffer>();
    // 100,000 characters: at most 300,000 bytes (more than a batch), so each one after the first
    // is tried where it would go; ASCII fits twice in a batch, Cyrillic (2 bytes each) once.
    const texts = ['a', 'b', 'c', 'д', 'e', 'ж', 'f', 'g'].map((c, i) => `${c.repeat(100_000 - 1)}${i}`);
    for (const [i, text] of texts.entries()) {
      const abs = path.join(dir, `t${i}`);
      expect(Buffer.from(q.stage(text)).equals(Buffer.from(text)), abs).toBe(true);
      q.pushStaged(abs, named);
      want.set(abs, Buffer.from(text));
      await q.room();
    }
    await q.drain();
    for (const [abs, bytes] of want) expect(readFileSync(abs).equals(bytes), abs).toBe(true);
  });

  it('gives a file that cannot be created, named, at drain', async () => {
    const q = new WriteQueue(2);
    q.push(path.join(temp(), 'no', 'such', 'folder', 'f'), 'x', named);
    await expect(q.drain()).rejects.toThrow('named: ENOENT');
  });

  it('gives a failed write, named, at the next push, room or drain', async () => {
    const q = new WriteQueue(1);
    q.push('/dev/full', 'x'.repeat(100_000), named);
    await expect(q.drain()).rejects.toThrow('named: ENOSPC');
    expect(() => q.push(path.join(temp(), 'f'), 'x', named)).toThrow('named: ENOSPC');
    expect(() => q.room()).toThrow('named: ENOSPC');
    await q.settle();
  });
});
