import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { deserialize, readBody, serialize } from '../../src/core/store/documents.js';
import { BodySource, LazyBodyRelease } from '../../src/core/store/lazy-release.js';
import { parseReleaseFile } from '../../src/core/parse.js';

// The index stores each release without its body (read back from the file) and in a
// compact positional form: what comes back must equal what the parser gave.

const dir = mkdtempSync(path.join(tmpdir(), 'releases-index-storage-'));
mkdirSync(path.join(dir, '2020'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function roundTrip(text: string, name = `2020/2020-01-0${(n++ % 9) + 1}-file-${n}.md`) {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  const parsed = parseReleaseFile(name, Buffer.from(text));
  const stored = serialize(parsed);
  const back = deserialize(name, stored.release, stored.issues);
  if (back.release) back.release.body = readBody(file, back.release.bodyLine);
  return { parsed, back, stored };
}

describe('index storage', () => {
  it('gives back the parse result: custom id, event, extra fields, dates from the file name, issues', () => {
    const cases = [
      '---\ntitle: A\ndate: 2020-01-01\n---\nBody.\n',
      '---\ntitle: B\nid: custom-id\ndate: 1.2.2020\nevent:\n  start: 2020-01-01\n  end: 2020-01-03\n  location: Охрид\npartners: [OSCE, МВР]\npeople: Борче\ntags: [a, b]\nlang: sq\nsummary: S.\ntranslation_key: k\nrating: 5\nnested: { a: [1, 2] }\n---\n\nFirst.\n\n---\n\nSecond.',
      '---\ntitle: C\n---\nno date field: taken from the file name\n',
      '---\ntitle: D\ndate: 2020-02-30\n---\nan impossible date is an issue, no release\n',
      '\ufeff---\r\ntitle: E\r\ndate: 2020-01-01\r\n---\r\nCRLF\r\nbody\r\n',
      '---\ntitle: F\ndate: 2020-01-01\n---',
    ];
    for (const text of cases) {
      const { parsed, back } = roundTrip(text);
      expect(back).toEqual(parsed);
    }
  });

  it('stores no body and no path', () => {
    const { stored } = roundTrip(
      '---\ntitle: G\ndate: 2020-01-01\n---\nA body sentence that must not be stored.\n',
      '2020/2020-01-01-file-g.md',
    );
    expect(stored.release).not.toContain('must not be stored');
    expect(stored.release).not.toContain('file-');
    expect(stored.issues).toBeNull();
  });

  it('reads any body back exactly (property)', () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'ѓ', ' ', '-', '#', '\n', '\r\n', 'ë', '—') });
    fc.assert(
      fc.property(line, (body) => {
        const { parsed, back } = roundTrip(`---\ntitle: P\ndate: 2020-01-01\n---\n${body}`);
        expect(back.release?.body).toBe(parsed.release?.body);
      }),
      { numRuns: 60 },
    );
  });

  it('a lazy release reads its body when asked, keeps an assigned one, and never shows a private field', () => {
    const name = '2020/lazy.md';
    writeFileSync(path.join(dir, name), '---\ntitle: L\ndate: 2020-01-01\n---\nLazy body.\n');
    const r = new LazyBodyRelease(
      new BodySource(dir, 2),
      'lazy',
      name,
      'L',
      '2020-01-01',
      null,
      [],
      [],
      [],
      null,
      null,
      null,
      5,
      {},
      false,
    );
    expect(r.body).toBe('Lazy body.\n');
    r.body = 'replaced';
    expect(r.body).toBe('replaced');
    expect(Object.keys(r)).not.toContain('body');
    expect(JSON.stringify(r)).not.toContain('source');
  });
});
