import { statSync } from 'node:fs';
import path from 'node:path';
import * as p from '@clack/prompts';
import { isPicture, nameAttachments, type Attachment } from '../../core/media/attach.js';
import { LARGE_BYTES } from '../../core/media/types.js';
import { ReleasesError, usageError } from '../../core/errors.js';
import type { Context } from '../context.js';
import { askText, promptStreams } from '../prompts.js';

/** Checks the files given to `--attach` (or typed at the prompt) and names them; a missing one is bad usage (exit 2). */
export function readAttachments(ctx: Context, paths: string[], alts: string[] = []): Attachment[] {
  const files = paths.map((given) => {
    const source = path.resolve(ctx.cwd, given);
    const stats = statSync(source, { throwIfNoEntry: false });
    if (!stats)
      throw new ReleasesError(
        `cannot attach ${given}: no such file`,
        2,
        "give the path of a file to copy into the release's folder",
        source,
      );
    if (!stats.isFile())
      throw new ReleasesError(
        `cannot attach ${given}: it is not a file`,
        2,
        "give the path of a file (attach a folder's files one by one)",
        source,
      );
    return { source, original: path.basename(source), bytes: stats.size };
  });
  const named = nameAttachments(files);
  const pictures = named.filter(isPicture);
  if (alts.length > pictures.length)
    throw usageError(
      `${alts.length} --alt text(s) for ${pictures.length} picture(s)`,
      'give one --alt per attached picture, in the same order as the pictures',
    );
  pictures.forEach((a, i) => {
    if (alts[i] !== undefined) a.alt = alts[i].trim();
  });
  return named;
}

/** On a terminal: asks for files when `--attach` gave none, then for the alt text of each picture that has none. */
export async function askAttachments(ctx: Context, given: Attachment[] | undefined): Promise<Attachment[]> {
  const io = promptStreams(ctx);
  let attachments = given;
  while (!attachments) {
    const typed = await askText(io, 'Files to attach: photos, PDFs… (paths, comma-separated; blank for none)');
    try {
      attachments = readAttachments(
        ctx,
        typed
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      );
    } catch (e) {
      p.log.error((e as Error).message, io);
    }
  }
  for (const a of attachments.filter(isPicture)) {
    if (a.alt === undefined)
      a.alt = await askText(io, `What does ${a.original} show? (alt text, for readers who cannot see it)`, {
        validate: (v) => (v.trim() ? undefined : 'describe the picture in a few words'),
      });
  }
  return attachments;
}

/** Warnings about attachments, as `check` would give them (pictures without alt text, very large files). */
export function attachmentWarnings(attachments: Attachment[]): string[] {
  return attachments.flatMap((a) => [
    ...(isPicture(a) && !a.alt
      ? [`${a.original} has no alt text: readers who cannot see it learn nothing of it (give --alt "what it shows")`]
      : []),
    ...(a.bytes > LARGE_BYTES ? [`${a.original} is ${(a.bytes / 1024 / 1024).toFixed(1)} MB: heavy for readers to download`] : []),
  ]);
}
