import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bodyReader } from '../../src/core/export/bodies.js';
import { BodySource, LazyBodyRelease } from '../../src/core/store/lazy-release.js';
import type { ArchivedRelease } from '../../src/core/types.js';
import { bodiesAhead } from '../../src/render/markdown-ahead.js';
import { LONGEST_HERE } from '../../src/render/markdown-worker.js';
import { excerptOf } from '../../src/render/html/search-fragment.js';
import { scannedWordsOf } from '../../src/render/html/search-words.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { tempDir } from '../helpers/cli.js';

// The Markdown thread runs from the build (dist/bundle/markdown-worker.js, as `npm run build` makes it).
const WORKER = pathToFileURL(path.resolve(__dirname, '../../dist/bundle/markdown-worker.js'));

/** An archive folder of `n` releases, every third one's body kept in memory (not read from its file). */
function releases(n: number): { dir: string; list: ArchivedRelease[] } {
  const dir = tempDir();
  const source = new BodySource(dir);
  const list: ArchivedRelease[] = [];
  for (let i = 0; i < n; i++) {
    const name = `2020/r-${i}.md`;
    mkdirSync(path.join(dir, '2020'), { recursive: true });
    const head = i % 5 === 0 ? '\ufeff---\r\ntitle: T\r\n---\r\n' : '---\ntitle: T\n---\n';
    const body = `# Наслов ${i}\n\n*Текст* ${'збор '.repeat(i % 40)}[врска](https://example.org/${i}) ![слика](a-${i}.png)\n\n- една\n- две\n`;
    writeFileSync(path.join(dir, name), head + (i % 5 === 0 ? body.replace(/\n/g, '\r\n') : body));
    const r = new LazyBodyRelease(source, `r-${i}`, name, 'T', '2020-01-01', null, [], [], [], 'mk', null, null, 4, {}, false);
    if (i % 3 === 0) r.body = `in memory ${i}\n\n> цитат`;
    list.push(r as unknown as ArchivedRelease);
  }
  return { dir, list };
}

/** The HTML markdown.ts renders for `body` itself (a rewrite that changes nothing skips the HTML rendered ahead). */
const rendered = (body: string) => renderMarkdown(body, () => undefined);

describe('bodies read and rendered ahead on the Markdown thread', () => {
  it('gives each body as bodyReader does, and its HTML as rendered here, in order', async () => {
    const { dir, list } = releases(300);
    const direct = bodyReader(dir);
    const ahead = bodiesAhead(dir, list, { script: WORKER });
    try {
      for (const r of list) {
        const body = ahead.bodyOf(r);
        expect(body).toBe(direct(r));
        expect(renderMarkdown(body)).toBe(rendered(body));
      }
    } finally {
      await ahead.close();
    }
  });

  it("gives each body's words as the term table reads them, numbered by the thread, and its excerpt", async () => {
    const { dir, list } = releases(300);
    const ahead = bodiesAhead(dir, list, { script: WORKER });
    try {
      for (const r of list) {
        const body = ahead.bodyOf(r);
        const words = scannedWordsOf(body);
        expect(words).toBeDefined();
        expect(words!.excerpt).toBe(excerptOf(body));
        expect(Array.from(words!.ids, (n) => words!.words[n])).toEqual(body.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean));
      }
    } finally {
      await ahead.close();
    }
  });

  it("gives each body's words right when the thread's numbering starts over (a large vocabulary)", async () => {
    const dir = tempDir();
    // 1500 new words a release: the thread's numbering starts over every ~11 releases.
    const list = Array.from({ length: 100 }, (_, i) => {
      const body = Array.from({ length: 1500 }, (_, k) => `w${i}x${k} common`).join(' ');
      const period = { start: '2020-01-01', end: '2020-01-01' };
      return { path: `r-${i}.md`, lang: 'mk', date: '2020-01-01', period, event: null, body } as unknown as ArchivedRelease;
    });
    const ahead = bodiesAhead(dir, list, { script: WORKER });
    try {
      for (const r of list) {
        const body = ahead.bodyOf(r);
        const words = scannedWordsOf(body)!;
        expect(Array.from(words.ids, (n) => words.words[n])).toEqual(body.split(' '));
      }
    } finally {
      await ahead.close();
    }
  });

  it('reads a release asked out of order, or after close, here', async () => {
    const { dir, list } = releases(120);
    const direct = bodyReader(dir);
    const ahead = bodiesAhead(dir, list, { script: WORKER });
    try {
      expect(ahead.bodyOf(list[7])).toBe(direct(list[7]));
      for (const r of list.slice(0, 50)) expect(ahead.bodyOf(r)).toBe(direct(r));
      expect(ahead.bodyOf(list[3])).toBe(direct(list[3]));
      await ahead.close();
      for (const r of list.slice(50)) expect(ahead.bodyOf(r)).toBe(direct(r));
    } finally {
      await ahead.close();
    }
  });

  it('reads every body here when the thread fails, or cannot start', async () => {
    const { dir, list } = releases(100);
    const direct = bodyReader(dir);
    const broken = path.join(tempDir(), 'broken.js');
    writeFileSync(broken, "throw new Error('no Markdown thread today');\n");
    for (const script of [pathToFileURL(broken), pathToFileURL(path.join(dir, 'missing.js'))]) {
      const ahead = bodiesAhead(dir, list, { script, patienceMs: 300 });
      try {
        for (const r of list) {
          const body = ahead.bodyOf(r);
          expect(body).toBe(direct(r));
          expect(renderMarkdown(body)).toBe(rendered(body));
        }
      } finally {
        await ahead.close();
      }
    }
  });

  it('leaves a very long body to this thread to render, and goes on in order after it', async () => {
    const { dir, list } = releases(100);
    const direct = bodyReader(dir);
    const long = `${'збор '.repeat(LONGEST_HERE / 4)}\n`;
    writeFileSync(path.join(dir, '2020/r-10.md'), `---\ntitle: T\n---\n${long}`);
    // A thread that waited for a dead one would take the whole patience (60 s), past the test's time.
    const ahead = bodiesAhead(dir, list, { script: WORKER, patienceMs: 60_000 });
    try {
      for (const r of list.slice(0, 10)) expect(ahead.bodyOf(r)).toBe(direct(r));
      expect(ahead.bodyOf(list[10])).toBe(long);
      expect(renderMarkdown(long)).toBe(rendered(long));
      for (const r of list.slice(11)) expect(ahead.bodyOf(r)).toBe(direct(r));
    } finally {
      await ahead.close();
    }
  }, 30_000);
});
