import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside } from '../../src/core/paths.js';

describe('isInside', () => {
  const root = path.resolve('/tmp/project/archive');
  it('takes the folder itself and anything below it', () => {
    expect(isInside(root, root)).toBe(true);
    expect(isInside(root, path.join(root, '2018/a.md'))).toBe(true);
  });
  it('treats names that merely start with two dots as inside', () => {
    expect(isInside(root, path.join(root, '..site'))).toBe(true);
    expect(isInside(root, path.join(root, '..', 'archive-2'))).toBe(false);
  });
  it('refuses parents, siblings with a shared prefix and other roots', () => {
    expect(isInside(root, path.dirname(root))).toBe(false);
    expect(isInside(root, `${root}-old/x.md`)).toBe(false);
    expect(isInside(root, path.resolve('/etc/passwd'))).toBe(false);
  });
});
