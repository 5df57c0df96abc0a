import { describe, expect, it } from 'vitest';
import { BufferPool } from '../../../src/core/export/buffer-pool.js';

describe('BufferPool', () => {
  it('gives back a buffer it was given, and one of its own for more than its size', () => {
    const pool = new BufferPool(1024, 2);
    const a = pool.take(10);
    expect(a.length).toBe(1024);
    pool.give(a);
    expect(pool.take(1024)).toBe(a);
    const big = pool.take(5000);
    expect(big.length).toBe(5000);
    pool.give(big);
    expect(pool.take(10)).not.toBe(big);
  });

  it('keeps at most its number of buffers, and none after clear', () => {
    const pool = new BufferPool(64, 2);
    const [a, b, c] = [pool.take(1), pool.take(1), pool.take(1)];
    for (const buf of [a, b, c]) pool.give(buf);
    const back = [pool.take(1), pool.take(1), pool.take(1)];
    expect(back.filter((buf) => [a, b, c].includes(buf))).toHaveLength(2);
    for (const buf of back) pool.give(buf);
    pool.clear();
    expect([a, b, c]).not.toContain(pool.take(1));
  });
});
