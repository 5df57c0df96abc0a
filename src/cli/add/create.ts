import path from 'node:path';
import { plannedName, releaseText, validateText, type ReleaseDraft } from '../../core/create.js';
import { today } from '../../core/dates.js';
import { ReleasesError } from '../../core/errors.js';
import { shownPath } from '../../core/paths.js';
import { linkArchive } from '../../core/validate.js';
import { bodyWithAttachments } from '../../core/media/attach.js';
import { writeNewBundle } from '../../core/media/bundle.js';
import { writeNewFile } from '../../core/write.js';
import { issueLine } from '../../render/issues.js';
import { toEntry } from '../../render/json.js';
import { styler } from '../../render/style.js';
import type { Context } from '../context.js';
import { attachmentWarnings } from './attach.js';
import type { AddInput } from './input.js';
import type { AddTarget } from './target.js';

/** How `add` ends: asked to confirm (on a terminal), printed only, and what it prints. */
export interface CreateOptions {
  /** Asked before writing, with where and what; throws to refuse (nothing is written). */
  confirm?: (where: string, fileText: string) => Promise<void>;
  dryRun: boolean;
  format: 'text' | 'json';
  gitHint: boolean;
}

/** The draft of a release from what flags and prompts gave, with the defaults filled in. */
export function toDraft(input: AddInput, now: Date): ReleaseDraft {
  const location = input.location || null;
  // A location without event dates is the place of an event held on the publication day.
  const event = input.event ?? (location ? { start: input.date ?? today(now), end: input.date ?? today(now) } : null);
  return {
    title: (input.title ?? '').replace(/\s+/g, ' ').trim(),
    date: input.date ?? today(now),
    event: event ? { ...event, location } : null,
    partners: input.partners ?? [],
    people: input.people ?? [],
    tags: input.tags ?? [],
    lang: input.lang || null,
    summary: input.summary || null,
    translationKey: input.translationKey || null,
    body: input.body ?? '',
  };
}

/** A path inside the archive as the user sees it from where they are. */
function shown(ctx: Context, archive: AddTarget, rel: string): string {
  return shownPath(ctx.cwd, path.join(archive.dir, rel));
}

/**
 * Validates a new release with the same rules as `check` (errors stop it: exit 1, nothing
 * written; warnings are printed), then prints it (`--dry-run`) or writes it and prints where.
 */
export async function createRelease(ctx: Context, archive: AddTarget, input: AddInput, options: CreateOptions): Promise<void> {
  const s = styler(ctx.color.stderr);
  const attachments = input.attachments ?? [];
  const draft = toDraft(attachments.length ? { ...input, body: bodyWithAttachments(input.body ?? '', attachments) } : input, ctx.now);
  const { folder, base } = plannedName(draft);
  // With files, the release is kept as a folder: index.md and its files side by side.
  const planned = attachments.length ? `${folder}/${base}/index.md` : `${folder}/${base}.md`;
  const text = releaseText(draft);
  const parsed = validateText(planned, text);
  const linked = parsed.release ? linkArchive([parsed.release], archive.settings, archive.registry) : { releases: [], issues: [] };
  const issues = [...parsed.issues, ...linked.issues];
  const prefix = shown(ctx, archive, planned).slice(0, -planned.length);
  const lines = text.split('\n');
  for (const issue of issues) ctx.stderr.write(issueLine(issue, s, prefix, issue.file === planned ? lines : undefined));
  for (const w of attachmentWarnings(attachments)) ctx.stderr.write(`${s.warning('warning')} ${w}\n`);
  const errors = issues.filter((i) => i.severity === 'error').length;
  if (errors || !parsed.release) {
    throw new ReleasesError(
      `the new release has ${errors} error(s): nothing was written`,
      1,
      'correct the values above and run releases add again',
      planned,
    );
  }

  if (options.dryRun) {
    const entry = toEntry({ ...linked.releases[0], translations: [] });
    ctx.stderr.write(
      `${s.hint('dry run:')} would write ${shown(ctx, archive, planned)} (or with -2, -3… if that name is taken); nothing was written\n`,
    );
    for (const a of attachments)
      ctx.stderr.write(
        `${s.hint('dry run:')} would copy ${shownPath(ctx.cwd, a.source)} to ${shown(ctx, archive, `${folder}/${base}/${a.name}`)} (${a.bytes} bytes)\n`,
      );
    ctx.stdout.write(options.format === 'json' ? `${JSON.stringify(entry, null, 2)}\n` : text);
    return;
  }
  if (options.confirm) await options.confirm(shown(ctx, archive, planned), text);

  const rel = attachments.length
    ? await writeNewBundle(archive.dir, { folder, base, text, taken: archive.takenIds(base) }, attachments)
    : await writeNewFile(archive.dir, { folder, base, text, taken: archive.takenIds(base) });
  const written = validateText(rel, text).release!;
  const translations = written.translationKey ? archive.translations(written.translationKey).filter((t) => t.id !== written.id) : [];
  const created = { ...linked.releases[0], id: written.id, path: rel, translations };
  if (options.format === 'json') ctx.stdout.write(`${JSON.stringify(toEntry(created), null, 2)}\n`);
  else ctx.stdout.write(`${shown(ctx, archive, rel)}\n`);
  if (options.gitHint) ctx.stderr.write(`${s.hint(`hint: git add ${JSON.stringify(shown(ctx, archive, rel)).slice(1, -1)}`)}\n`);
}
