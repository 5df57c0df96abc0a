import { describe, expect, it } from 'vitest';
import { Recent } from '../../src/render/recent.js';

describe('Recent', () => {
  it('gives the value offered for a body, newest first when a body was offered twice', () => {
    const recent = new Recent<number>(3);
    recent.offer('a', 1);
    recent.offer('b', 2);
    recent.offer('a', 3);
    expect(recent.of('a')).toBe(3);
    expect(recent.of('b')).toBe(2);
    expect(recent.of('c')).toBeUndefined();
  });

  it('lets the oldest go past its size', () => {
    const recent = new Recent<string>(2);
    recent.offer('one', 'x');
    recent.offer('two', 'y');
    recent.offer('three', 'z');
    expect(recent.of('one')).toBeUndefined();
    expect([recent.of('two'), recent.of('three')]).toEqual(['y', 'z']);
  });
});
