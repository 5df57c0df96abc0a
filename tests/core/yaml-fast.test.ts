import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/core/frontmatter.js';
import { parseReleaseFile } from '../../src/core/parse.js';
import { readPlainYaml } from '../../src/core/yaml-fast.js';

// The fast path must give exactly what the yaml path gives: the same values (and key
// order), body and warnings, the same place for every field and item, and the same
// parse result. Both are run on every file of the corpora, the fixtures, and generated
// front matter. FUZZ_RUNS=20000 for a long local run.
const RUNS = Number(process.env.FUZZ_RUNS) || 1000;
const FIXTURES = path.resolve(__dirname, '../fixtures');
const CORPORA = [
  process.env.RELEASES_CORPORA,
  path.resolve(__dirname, '../../../shared/corpora'),
  path.resolve(__dirname, '../../../../shared/corpora'),
].find((dir) => dir && existsSync(dir));

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...markdownFiles(full));
    else if (name.endsWith('.md')) out.push(full);
  }
  return out;
}

/** Every path into the data (keys, nested keys, items), and some that lead nowhere. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (prefix.length) out.push(prefix);
  if (prefix.length < 4 && value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, Array.isArray(value) ? Number(k) : k], out);
    out.push([...prefix, 'missing'], [...prefix, 0], [...prefix, '0']);
  }
  return out;
}

const normalise = (text: string) => text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');

/** Compares both paths on one file; returns whether the fast path took it. */
function expectSame(name: string, bytes: Buffer): boolean {
  const fast = parseReleaseFile(name, bytes);
  const full = parseReleaseFile(name, bytes, { fastYaml: false });
  expect(fast, name).toEqual(full);
  expect(JSON.stringify(fast), name).toBe(JSON.stringify(full));
  const text = normalise(bytes.toString('utf8'));
  const a = splitFrontMatter(name, text, true);
  const b = splitFrontMatter(name, text, false);
  expect(a.ok, name).toBe(b.ok);
  if (!a.ok || !b.ok) return false;
  expect(isDeepStrictEqual(a.value.data, b.value.data), name).toBe(true);
  expect(Object.keys(a.value.data), name).toEqual(Object.keys(b.value.data));
  expect([a.value.body, a.value.bodyLine, a.value.warnings], name).toEqual([b.value.body, b.value.bodyLine, b.value.warnings]);
  for (const p of [...paths(b.value.data), [0], ['title', 'x'], ['event', 'start', 'x']])
    expect(a.value.locate(p), `${name} ${p.join('.')}`).toEqual(b.value.locate(p));
  const lines = text.split('\n');
  const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  return lines[0] === '---' && close > 0 && readPlainYaml(lines, close) !== null;
}

describe('the YAML fast path gives what the yaml path gives', () => {
  it('on every fixture file', () => {
    const files = markdownFiles(FIXTURES);
    let fast = 0;
    for (const f of files) if (expectSame(path.relative(FIXTURES, f), readFileSync(f))) fast++;
    expect(fast).toBeGreaterThan(20);
  });

  it.skipIf(!CORPORA)(
    `on every file of the corpora (${CORPORA ? 'found' : 'skipped: no corpora beside the project; set RELEASES_CORPORA to their folder'})`,
    () => {
      for (const corpus of ['digitalgov', '18f', 'rust-blog']) {
        const dir = path.join(CORPORA!, corpus);
        if (!existsSync(dir)) continue;
        const files = markdownFiles(dir);
        let fast = 0;
        for (const f of files) if (expectSame(path.relative(dir, f), readFileSync(f))) fast++;
        if (corpus === 'digitalgov') expect(fast).toBeGreaterThan(files.length / 2);
      }
    },
    300_000,
  );
});

// Generated front matter: fields in the layouts the fast path reads, with scalars drawn
// from pieces that sit on its edges (indicators, comments, numbers, null, quotes, NBSP).
const PIECES = [
  'a',
  'Охрид',
  'b c',
  ' ',
  '  ',
  ':',
  ': ',
  '#',
  ' #',
  '-',
  '- ',
  '[',
  ']',
  '{',
  '}',
  ',',
  "'",
  "''",
  '"',
  '\\',
  '&x',
  '*x',
  '!t',
  '|',
  '>',
  '%',
  '@',
  '`',
  '?',
  'null',
  'Null',
  '~',
  'true',
  'False',
  '12',
  '-3',
  '0x1F',
  '0o7',
  '1.5',
  '.5',
  '1e3',
  '.inf',
  '.NaN',
  '2018-10-15',
  '15.10.2018',
  '\u00a0',
  '\u2028',
  'é',
  '😀',
  '\t',
];
const SAFE = ['a', 'Охрид', 'b c', '2018-10-15', '15.10.2018', 'é', 'x-y', 'C#', "it's", 'a.b', '„Св. Кирил“', '😀', 'Misioni i OSBE-së'];
const scalarText = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...SAFE), { minLength: 1, maxLength: 3 }).map((p) => p.join(' ')) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }).map((p) => p.join('')) },
);
const scalar = fc.oneof(
  scalarText,
  scalarText.map((s) => `"${s}"`),
  scalarText.map((s) => `'${s.replace(/'/g, "''")}'`),
);
const key = fc.oneof(
  fc.constantFrom(
    'title',
    'date',
    'tags',
    'partners',
    'people',
    'summary',
    'lang',
    'id',
    'extra',
    'null',
    'True',
    '__proto__',
    '_x',
    'a-b',
    'k1',
    'k'.repeat(1000),
    'k'.repeat(1030),
  ),
  fc.constantFrom('title', 'x'),
);
const indent = fc.constantFrom('  ', '   ', '    ', ' ');
const blank = fc.constantFrom('', '', '', '\n', '\n  \n');
const field = fc.oneof(
  fc.tuple(key, scalar).map(([k, v]) => `${k}: ${v}`),
  fc.tuple(key, fc.array(scalar, { maxLength: 4 }), fc.constantFrom(', ', ',', ' , ')).map(([k, v, sep]) => `${k}: [${v.join(sep)}]`),
  fc
    .tuple(key, fc.array(scalar, { minLength: 1, maxLength: 4 }), fc.constantFrom('', '  ', ' '))
    .map(([k, v, ind]) => `${k}:\n${v.map((s) => `${ind}- ${s}`).join('\n')}`),
  fc
    .tuple(key, indent, fc.array(fc.tuple(fc.constantFrom('start', 'end', 'location', 'start'), scalar), { minLength: 1, maxLength: 3 }))
    .map(([k, ind, kv]) => `${k}:\n${kv.map(([a, v]) => `${ind}${a}: ${v}`).join('\n')}`),
  key.map((k) => `${k}:`),
  fc.tuple(key, scalar, indent, scalarText).map(([k, v, ind, more]) => `${k}: ${v}\n${ind}${more}`),
);
// Most cases give each field a key of its own (k0, k1, …); the rest keep the drawn keys, repeats and all.
const frontMatter = fc
  .tuple(
    fc.array(fc.tuple(field, blank), { minLength: 1, maxLength: 7 }),
    fc.constantFrom('---', '...'),
    fc.constantFrom(true, true, true, false),
  )
  .map(([fields, end, own]) =>
    Buffer.from(`---\n${fields.map(([f, b], j) => (own ? f.replace(/^[^:\n]*:/, `k${j}:`) : f) + b).join('\n')}\n${end}\nText.\n`, 'utf8'),
  );

describe('the YAML fast path on generated front matter', () => {
  it(`gives what the yaml path gives (${RUNS} cases), and takes a fair share of them`, () => {
    let fast = 0;
    fc.assert(
      fc.property(frontMatter, (bytes) => {
        if (expectSame('2020/gen.md', bytes)) fast++;
      }),
      { numRuns: RUNS },
    );
    expect(fast).toBeGreaterThan(RUNS / 8);
  }, 300_000);
});
