import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReleaseFile } from '../../src/core/parse.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { fixtureSeeds, mutatedBytes } from '../helpers/mutate.js';

// Short in CI; FUZZ_RUNS=20000 npx vitest run tests/core/fuzz-loader.test.ts for a long local run.
const RUNS = Number(process.env.FUZZ_RUNS) || 1500;
/** The seeds: real posts of three public archives (tests/fixtures/fuzz-seeds, see its _SOURCES.md) and the bad inputs. */
function corpusSample(): Buffer[] {
  return fixtureSeeds('fuzz-seeds', 'bad-inputs');
}

const YAML_TOKENS = [
  '---',
  '---js',
  '+++',
  '\n',
  '\r\n',
  ': ',
  '- ',
  '  ',
  'title',
  'date',
  'event',
  'start',
  'end',
  'partners',
  'tags',
  'id',
  'lang',
  '2018-10-15',
  '31.2.2020',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  '&a',
  '*a',
  '!!binary',
  '!!js/function',
  '|',
  '>',
  '#',
  '__proto__',
  'Охрид',
  'ë',
  '\u0000',
  '\ufeff',
  '...',
  '?',
  ',',
  '%YAML 1.1',
];

const yamlish = fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 80 }).map((t) => Buffer.from(t.join(''), 'utf8'));

function expectWellFormed(bytes: Buffer): void {
  const result = parseReleaseFile('2018/fuzz.md', bytes);
  expect(result.release !== null || result.issues.some((i) => i.severity === 'error')).toBe(true);
  for (const issue of result.issues) {
    expect(issue.file).toBe('2018/fuzz.md');
    expect(typeof issue.message).toBe('string');
    if (issue.line !== undefined) expect(issue.line).toBeGreaterThanOrEqual(1);
  }
  if (result.release) JSON.stringify(result.release);
}

describe('hostile files through the loader', () => {
  const seeds = corpusSample();

  it(`never throws on random bytes (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }).map((a) => Buffer.from(a)),
        expectWellFormed,
      ),
      { numRuns: RUNS },
    );
  });

  it(`never throws on random YAML-like front matter (${RUNS} cases)`, () => {
    fc.assert(fc.property(yamlish, expectWellFormed), { numRuns: RUNS });
  });

  it(`never throws on mutated real files (${RUNS} cases from ${seeds.length} seeds)`, () => {
    fc.assert(fc.property(mutatedBytes(seeds, 8), expectWellFormed), { numRuns: RUNS });
  });

  it('runs check and list over an archive of mutated files without crashing', async () => {
    const dir = tempDir();
    const files = fc.sample(fc.oneof(mutatedBytes(seeds, 8), yamlish), { numRuns: 150, seed: 42 });
    files.forEach((bytes, i) => writeFileSync(path.join(dir, `f${i}.md`), bytes));
    for (const argv of [['check'], ['check', '--format', 'json'], ['list', '--format', 'json'], ['partners']]) {
      const r = await runCli([...argv, '--archive', dir], { cwd: dir });
      expect([0, 1]).toContain(r.code);
      expect(r.stderr).not.toContain('this is a bug in releases');
    }
  });

  it('reads a 50 MB file in bounded time', () => {
    const body = 'Ред текст на македонски со соработка.\n'.repeat(750_000);
    const bytes = Buffer.from(`---\ntitle: Голем\ndate: 2020-01-01\n---\n${body}`, 'utf8');
    expect(bytes.length).toBeGreaterThan(50_000_000);
    const result = parseReleaseFile('big.md', bytes);
    expect(result.release?.title).toBe('Голем');
  });
});
