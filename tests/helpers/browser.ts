import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { needs } from './needs.js';

/** Debian's Chromium (`apt-get install -y chromium`; `.ci/run` installs it). */
export const CHROMIUM = '/usr/bin/chromium';

// As root, without a sandbox; without the background-networking flags Chromium keeps
// trying hosts this machine cannot reach.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether the browser tests can run: skipped without Chromium, failed under `CI=true` (see needs.ts). */
export const hasChromium = needs(CHROMIUM, existsSync(CHROMIUM), 'apt-get install -y chromium');

/** A headless Chromium for a test file. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** A page of a test, and what it met: `problems` should stay empty. */
export interface WatchedPage {
  page: Page;
  /** Console errors, uncaught errors, failed requests and requests leaving `file://`. */
  problems: string[];
  /** The messages of the dialogs it opened (each dismissed). */
  dialogs: string[];
  /** With `site`: the size of every file of the site it loaded (-1 for a missing one), by path in the site. */
  loaded: Map<string, number>;
}

/** A new page that records problems, dialogs and (with `site`) the site files it loads. */
export async function watchedPage(browser: Browser, opts: { site?: string; width?: number } = {}): Promise<WatchedPage> {
  const page = await browser.newPage(opts.width ? { viewport: { width: opts.width, height: 900 } } : undefined);
  const problems: string[] = [];
  const dialogs: string[] = [];
  const loaded = new Map<string, number>();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ''}`.trim()));
  page.on('request', (r) => {
    if (!r.url().startsWith('file://')) return problems.push(`external: ${r.url()}`);
    if (!opts.site) return;
    const file = fileURLToPath(r.url().replace(/[?#].*$/, ''));
    loaded.set(path.relative(opts.site, file), existsSync(file) ? statSync(file).size : -1);
  });
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  return { page, problems, dialogs, loaded };
}
