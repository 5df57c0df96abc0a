import { describe, expect, it } from 'vitest';
import { layout } from '../../src/render/table.js';

const plain = { bold: (t: string) => t, dim: (t: string) => t } as unknown as Parameters<typeof layout>[3];

describe('layout of very long tables', () => {
  it('lays out 200k rows (list of a 200k archive) without overflowing the stack', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`2020-01-${String((i % 28) + 1).padStart(2, '0')}`, 'mk', `Title ${i}`]);
    rows[123_456][2] = 'The widest title of them all';
    const text = layout(['PERIOD', 'LANG', 'TITLE'], rows, { flex: 2, max: [21, 6, 200] }, plain);
    const lines = text.split('\n');
    expect(lines).toHaveLength(200_002);
    expect(lines[0]).toBe('PERIOD      LANG  TITLE');
  });
});
