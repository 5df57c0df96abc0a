import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { scaled } from '../helpers/hostile.js';
import { fixtureSeeds, mutatedBytes } from '../helpers/mutate.js';

// Whole hostile archives (release files, partners.yml, archive.yml) and hostile queries
// through search (SQLite index and in-memory engine) and export json / html, in-process.
// CI: 60 archives of up to 8 files; HOSTILE_LONG=1: 1,000 archives.
const ARCHIVES = scaled(60, 1000);
/** The seeds: real posts of three public archives (tests/fixtures/fuzz-seeds, see its _SOURCES.md) and named fixtures. */
function seeds(): Buffer[] {
  return fixtureSeeds('fuzz-seeds', 'bad-inputs', 'multilingual/2018', 'export-site/2022');
}

const TOKENS = [
  '---',
  '---js',
  '\n',
  ': ',
  '- ',
  '  ',
  'title',
  'date',
  'event',
  'start',
  'end',
  'location',
  'partners',
  'people',
  'tags',
  'id',
  'lang',
  'summary',
  'translation_key',
  'name',
  'aliases',
  '2018-10-15',
  '15.10.2018',
  '2021-02-30',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  '&a',
  '*a',
  '<<: *a',
  '!!binary',
  '!!js/function',
  '|',
  '>',
  '#',
  '__proto__',
  'constructor',
  'Охрид',
  'ОБСЕ',
  'ë',
  '\u0000',
  '\ufeff',
  '\u202e',
  '..',
  '../..',
  '<script>',
  'javascript:',
  '%YAML 1.1',
  '~',
  'null',
  'true',
  '0x1F',
  '.inf',
  '1e309',
  '😀',
];
const yamlish = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => Buffer.from(t.join(''), 'utf8'));

const QUERY_TOKENS = [
  'соработка',
  'osce',
  'ОБСЕ',
  '"',
  '*',
  '-',
  '(',
  ')',
  'NEAR(',
  'AND',
  'OR',
  'NOT',
  '^',
  ':',
  'partner:',
  'tag:',
  'year:',
  'lang:',
  'person:',
  "'",
  '\\',
  '%',
  '_',
  ';',
  '--',
  '/*',
  '{',
  '}',
  '[',
  ']',
  '\u0000',
  'ë',
  '🙂',
  ' ',
  '  ',
];
const query = fc
  .oneof(
    fc.array(fc.constantFrom(...QUERY_TOKENS), { minLength: 1, maxLength: 8 }).map((t) => t.join('')),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
  )
  .filter((q) => q.trim() !== '' && !q.includes('\u0000') && !q.startsWith('-'));

function archive(pool: Buffer[]) {
  const file = fc.oneof(
    { weight: 3, arbitrary: mutatedBytes(pool, 6) },
    { weight: 2, arbitrary: yamlish },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)) },
  );
  return fc.record({
    files: fc.array(fc.tuple(fc.constantFrom('2018/', '2020/x/', ''), fc.constantFrom('a', 'b', '2020-01-01-c', 'd e', 'ж', 'é'), file), {
      minLength: 1,
      maxLength: 8,
    }),
    partners: fc.option(
      fc.oneof(
        yamlish,
        fc.constant(Buffer.from('osce:\n  name: OSCE\n  aliases: [ОБСЕ, "<img src=x onerror=alert(1)>"]\n"..":\n  name: x\n')),
      ),
      { nil: undefined },
    ),
    settings: fc.option(yamlish, { nil: undefined }),
    queries: fc.array(query, { minLength: 1, maxLength: 3 }),
  });
}

function expectNoCrash(r: { code: number; stderr: string }, what: string): void {
  expect(r.stderr, what).not.toMatch(/this is a bug|\n\s+at |SqliteError|SQLITE_/);
  expect([0, 1, 2], `${what}: ${r.stderr}`).toContain(r.code);
}

describe(`hostile archives through search and export (${ARCHIVES} archives)`, () => {
  it('search (index and memory), export json, ics and html end with results or issues, never a crash', async () => {
    const pool = seeds();
    const samples = fc.sample(archive(pool), { numRuns: ARCHIVES, seed: Number(process.env.FUZZ_SEED) || 20261129 });
    let runs = 0;
    let files = 0;
    for (const [k, a] of samples.entries()) {
      // Removed here, not after the test: a long run makes thousands of them.
      const root = mkdtempSync(path.join(tmpdir(), 'releases-fuzzcmd-'));
      try {
        const dir = path.join(root, 'archive');
        a.files.forEach(([folder, name, bytes], i) => {
          mkdirSync(path.join(dir, folder), { recursive: true });
          writeFileSync(path.join(dir, folder, `${name}-${i}.md`), bytes);
        });
        files += a.files.length;
        if (a.partners) writeFileSync(path.join(dir, 'partners.yml'), a.partners);
        if (a.settings) writeFileSync(path.join(dir, 'archive.yml'), a.settings);
        const what = (argv: string[]) => `archive ${k} (FUZZ_SEED to replay): releases ${argv.join(' ')}`;
        for (const q of a.queries) {
          for (const env of [{}, { RELEASES_INDEX: 'off' }]) {
            const argv = ['search', q, '--format', 'json'];
            const r = await runCli(argv, { cwd: root, env });
            runs++;
            expectNoCrash(r, what(argv));
            if (r.code === 0) expect(Array.isArray(JSON.parse(r.stdout))).toBe(true);
          }
        }
        const json = await runCli(['export', '--format', 'json'], { cwd: root });
        runs++;
        expectNoCrash(json, what(['export', '--format', 'json']));
        if (json.code === 0) expect(Array.isArray(JSON.parse(json.stdout))).toBe(true);
        const ics = await runCli(['export', '--format', 'ics'], { cwd: root });
        runs++;
        expectNoCrash(ics, what(['export', '--format', 'ics']));
        // Whatever the files hold, ical.js reads one event per release with an event.
        if (ics.code === 0 && json.code === 0)
          expect(new ICAL.Component(ICAL.parse(ics.stdout)).getAllSubcomponents('vevent')).toHaveLength(
            (JSON.parse(json.stdout) as { event: unknown }[]).filter((e) => e.event).length,
          );
        const html = await runCli(['export', '--format', 'html', '--out', 'site'], { cwd: root });
        runs++;
        expectNoCrash(html, what(['export', '--format', 'html']));
        expect(html.code, html.stderr).toBe(0);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }
    console.log(`fuzz-commands: ${ARCHIVES} archives, ${files} files, ${runs} command runs, 0 crashes`);
  }, 600_000);
});
