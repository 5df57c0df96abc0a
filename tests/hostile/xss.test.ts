import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { PAYLOADS } from './xss-payloads.js';
import { hasChromium, launchChromium } from '../helpers/browser.js';

const q = (s: string) => JSON.stringify(s);

/** A file name from a payload: no separators, not hidden, short enough for any file system. */
function fileName(i: number, p: string): string {
  let name = `2020-01-${String((i % 28) + 1).padStart(2, '0')}-x${i}-${p.replace(/[/\\\u0000]/g, '∕').replace(/[\r\n\t]/g, ' ')}`;
  while (Buffer.byteLength(`${name}.md`) > 200) name = name.slice(0, -1);
  return `${name}.md`;
}

/** An id from a payload that `check` accepts (ids may hold anything but separators and control characters). */
const idOf = (i: number, p: string) => `x${i}-${p.replace(/[/\\\u0000-\u001f\u007f]/g, '∕')}`.slice(0, 200);

function release(i: number, p: string): string {
  const other = PAYLOADS[(i + 1) % PAYLOADS.length];
  return `---
title: ${q(`Вест ${i} ${p}`)}
date: 2020-01-${String((i % 28) + 1).padStart(2, '0')}
id: ${q(idOf(i, p))}
event: { start: 2020-01-01, end: 2020-01-02, location: ${q(p)} }
partners: [${q(p)}, ${q(other)}, ${q(`Партнер ${i % 20}`)}]
people: [${q(p)}]
tags: [${q(p)}, тест]
lang: ${i % 3 ? 'mk' : 'en'}
summary: ${q(p)}
translation_key: ${q(PAYLOADS[i - (i % 2)])}
${q(`custom ${p}`.slice(0, 60))}: ${q(p)}
note: ${q(p)}
---

${p}

**${p}** ${p.replace(/[\r\n]/g, ' ')}

> ${p.replace(/[\r\n]/g, ' ')}
`;
}

let site: string;
let work: string;
let browser: Browser;
const pages: string[] = [];

describe.skipIf(!hasChromium)(`no script from any field runs in the exported site (${PAYLOADS.length} OWASP payloads)`, () => {
  beforeAll(async () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
    work = mkdtempSync(path.join(tmpdir(), 'releases-xss-'));
    const dir = path.join(work, 'archive');
    mkdirSync(path.join(dir, '2020'), { recursive: true });
    writeFileSync(path.join(dir, 'archive.yml'), `name: ${q(`Архива ${PAYLOADS[0]} ${PAYLOADS[1]}`)}\nlang: mk\n`);
    writeFileSync(
      path.join(dir, 'partners.yml'),
      Array.from(
        { length: 20 },
        (_, i) =>
          `p${i}:\n  name: ${q(`Партнер ${i} ${PAYLOADS[(i * 3) % PAYLOADS.length]}`)}\n  aliases: [${q(`Партнер ${i}`)}, ${q(PAYLOADS[(i * 3 + 1) % PAYLOADS.length])}]\n`,
      ).join(''),
    );
    PAYLOADS.forEach((p, i) => writeFileSync(path.join(dir, '2020', fileName(i, p)), release(i, p)));
    const check = await runCli(['check', '--format', 'json'], { cwd: work });
    const report = JSON.parse(check.stdout) as { errors: number };
    expect(report.errors, check.stdout.slice(0, 2000)).toBe(0);
    site = path.join(work, 'site');
    const r = await runCli(['export', '--format', 'html', '--out', site], { cwd: work });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`exported ${PAYLOADS.length} release(s)`);
    const walk = (rel: string) => {
      for (const e of readdirSync(path.join(site, rel), { withFileTypes: true })) {
        const p = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.html')) pages.push(p);
      }
    };
    walk('');
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Opens a page and gathers everything that would show a script ran or was attempted. */
  async function visit(page: Page, rel: string, problems: string[]): Promise<void> {
    await page.goto(pathToFileURL(path.join(site, rel)).href, { waitUntil: 'load' });
    const found = await page.evaluate(() => {
      const out: string[] = [];
      if ((window as unknown as { __xss?: unknown }).__xss !== undefined) out.push('window.__xss was set');
      for (const el of Array.from(document.querySelectorAll('*'))) {
        for (const a of Array.from(el.attributes)) {
          if (/^on/i.test(a.name)) out.push(`<${el.localName} ${a.name}>`);
          if (
            /^\s*(javascript|vbscript|data):/i.test(a.value.replace(/[\u0000-\u0020]/g, '')) &&
            ['href', 'src', 'action', 'formaction', 'data', 'background', 'dynsrc', 'lowsrc'].includes(a.name)
          )
            out.push(`<${el.localName} ${a.name}="${a.value.slice(0, 40)}">`);
        }
      }
      for (const s of Array.from(document.scripts)) {
        if (s.src) {
          if (!s.src.startsWith('file://')) out.push(`script from ${s.src}`);
          continue;
        }
        // Structured data is not run; a payload breaking out of it would leave it unparsable.
        if (s.type === 'application/ld+json') {
          try {
            JSON.parse(s.textContent ?? '');
          } catch {
            out.push('broken ld+json');
          }
          continue;
        }
        out.push(`inline script: ${s.textContent?.slice(0, 40)}`);
      }
      for (const sel of [
        'iframe',
        'frame',
        'object',
        'embed',
        'base',
        'meta[http-equiv="refresh" i]',
        'link[rel=stylesheet i]:not([href$=".css"])',
      ]) {
        if (document.querySelector(sel)) out.push(`an element ${sel}`);
      }
      return out;
    });
    problems.push(...found.map((f) => `${rel}: ${f}`));
  }

  it('every page: no dialog, no canary, no console message, no injected element or attribute', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    let current = '';
    page.on('dialog', async (d) => {
      problems.push(`${current}: dialog ${d.message()}`);
      await d.dismiss();
    });
    page.on('console', (m) => problems.push(`${current}: console ${m.type()} ${m.text().slice(0, 120)}`));
    page.on('pageerror', (e) => problems.push(`${current}: pageerror ${e.message.slice(0, 120)}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file://')) problems.push(`${current}: request to ${r.url()}`);
    });
    for (const rel of pages) {
      current = rel;
      await visit(page, rel, problems);
    }
    console.log(`xss: ${PAYLOADS.length} payloads in every field, ${pages.length} pages opened in Chromium, ${problems.length} problem(s)`);
    expect(problems.slice(0, 30)).toEqual([]);
    expect(pages.length).toBeGreaterThan(PAYLOADS.length);
  }, 300_000);

  it('every page sets a Content-Security-Policy that forbids inline script', () => {
    const bad: string[] = [];
    for (const rel of pages) {
      const html = readFileSync(path.join(site, rel), 'utf8');
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(html);
      if (!meta) {
        bad.push(`${rel}: no CSP meta tag`);
        continue;
      }
      const directives = new Map(
        meta[1]
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map((d) => [d[0].toLowerCase(), d.slice(1)]),
      );
      const scripts = directives.get('script-src') ?? directives.get('default-src');
      if (!scripts) bad.push(`${rel}: neither script-src nor default-src`);
      else if (scripts.some((s) => ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:'].includes(s)))
        bad.push(`${rel}: script-src ${scripts.join(' ')}`);
      if (
        !/<\/head>/i.test(html.slice(0, html.indexOf(meta[0]) + 2000)) &&
        html.indexOf(meta[0]) > html.search(/<script/i) &&
        html.search(/<script/i) >= 0
      )
        bad.push(`${rel}: a script comes before the CSP`);
    }
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('the site still works under its CSP: search finds the hostile releases and shows them inertly', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('dialog', async (d) => {
      problems.push(`dialog ${d.message()}`);
      await d.dismiss();
    });
    page.on('console', (m) => problems.push(`console ${m.type()} ${m.text().slice(0, 160)}`));
    page.on('pageerror', (e) => problems.push(`pageerror ${e.message}`));
    await page.goto(pathToFileURL(path.join(site, 'search.html')).href);
    const input = page.locator('input#q');
    expect(await input.count()).toBe(1);
    let total = 0;
    for (const term of ['вест', 'onerror', 'script', 'javascript', 'svg onload', 'партнер']) {
      await input.fill(term);
      // The results list says which search it shows (the URL's query) once it is done.
      await page.waitForFunction((q) => {
        const r = document.getElementById('results')!;
        const state = new URLSearchParams(window.location.search);
        return state.get('q') === q && r.getAttribute('aria-busy') === 'false' && r.getAttribute('data-state') === state.toString();
      }, term);
      const hits = await page.$$eval('#results li a, .results li a', (as) => as.length);
      if (term === 'вест') expect(hits, 'search for вест').toBeGreaterThan(0);
      total += hits;
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), `after searching ${term}`).toBeUndefined();
    }
    console.log(`xss: search under CSP showed ${total} hits for 6 hostile queries`);
    expect(problems).toEqual([]);
  }, 120_000);

  it('the checks above can fail: a page with one injected handler is caught', async () => {
    const html = readFileSync(path.join(site, 'index.html'), 'utf8').replace(
      '</body>',
      '<img src=x onerror="window.__xss=1"><a href="javascript:void(0)">x</a></body>',
    );
    writeFileSync(path.join(site, 'detector-check.html'), html);
    const page = await browser.newPage();
    const problems: string[] = [];
    await visit(page, 'detector-check.html', problems);
    rmSync(path.join(site, 'detector-check.html'));
    expect(problems.join('\n')).toMatch(/onerror/);
    expect(problems.join('\n')).toMatch(/javascript:/);
  });
});
