import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FileSink } from '../../../src/core/export/file-body.js';
import { FirstWritesHere } from '../../../src/core/export/first-writes.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A sink that records what reaches it instead of writing. */
function recorder(): FileSink & { got: string[] } {
  const got: string[] = [];
  return { got, stage: (data) => (typeof data === 'string' ? Buffer.from(data) : (data as Uint8Array)), write: (abs) => got.push(abs) };
}

describe('FirstWritesHere', () => {
  it('writes its first files itself and hands the rest on', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'first-writes-'));
    dirs.push(dir);
    const next = recorder();
    const sink = new FirstWritesHere(next, 2, (_abs, e) => e as Error);
    for (const name of ['a', 'b', 'c']) {
      sink.stage(`page ${name}`);
      sink.write(path.join(dir, name));
    }
    expect(readFileSync(path.join(dir, 'a'), 'utf8')).toBe('page a');
    expect(readFileSync(path.join(dir, 'b'), 'utf8')).toBe('page b');
    expect(next.got).toEqual([path.join(dir, 'c')]);
  });

  it('throws the error its caller makes when a write fails', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'first-writes-'));
    dirs.push(dir);
    const sink = new FirstWritesHere(recorder(), 1, (abs) => new Error(`could not write ${path.basename(abs)}: try again`));
    sink.stage('x');
    expect(() => sink.write(path.join(dir, 'missing', 'page.html'))).toThrow('could not write page.html: try again');
  });
});
