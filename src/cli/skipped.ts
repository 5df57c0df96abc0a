import type { Issue } from '../core/types.js';
import { location } from '../render/issues.js';
import { styler } from '../render/style.js';
import { printable } from '../render/width.js';
import type { Context } from './context.js';

// Kept apart from load.ts: search tells the same lines without loading what list and show load.

/** Tells on stderr the index's warnings and the files skipped because they cannot be read (one line each), and where to look for details. */
export function reportSkipped(ctx: Context, warnings: string[], skipped: Issue[], prefix: string): void {
  const s = styler(ctx.color.stderr);
  for (const w of warnings) ctx.stderr.write(`${s.warning('warning')} ${w}\n`);
  for (const i of skipped) ctx.stderr.write(`${s.warning('skipped')} ${location(i, prefix)}  ${printable(i.message)}\n`);
  if (skipped.length) ctx.stderr.write(`${s.hint(`${skipped.length} file(s) skipped: run releases check for details`)}\n`);
}
