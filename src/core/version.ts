import { createRequire } from 'node:module';

/** The version of releases, from its package.json (read once, when first needed). */
export const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
