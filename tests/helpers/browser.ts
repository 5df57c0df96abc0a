import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
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
