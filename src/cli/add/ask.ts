import * as p from '@clack/prompts';
import type { Archive } from '../../core/archive.js';
import { splitList } from '../../core/create.js';
import { parseDate, parseRange } from '../../core/dates.js';
import { nameMatches } from '../../core/fold.js';
import { isLangCode, LANG_HINT } from '../../core/lang.js';
import type { Context } from '../context.js';
import { answer, askText, editBody, promptStreams } from '../prompts.js';
import type { AddInput } from './input.js';

type PartnerOption = { value: string; label: string; hint?: string; keys: string[] };

/** Partners to offer: the registry's, then the names already used in the archive. */
function partnerOptions(archive: Archive): PartnerOption[] {
  const out: PartnerOption[] = archive.registry.partners.map((r) => ({
    value: r.name,
    label: r.name,
    hint: r.id,
    keys: [r.id, r.name, ...r.aliases],
  }));
  const seen = new Set(out.map((o) => o.value));
  for (const name of archive.releases.flatMap((r) => r.partners)) {
    if (seen.has(name) || archive.registry.resolve(name)) continue;
    seen.add(name);
    out.push({ value: name, label: name, keys: [name] });
  }
  return out;
}

/** Asks, one by one, for every field the flags did not give; Ctrl-C ends with exit 130. */
export async function askMissing(given: AddInput, archive: Archive, ctx: Context, today: string): Promise<AddInput> {
  const io = promptStreams(ctx);
  const out: AddInput = { ...given };
  const text = (message: string, opts?: Parameters<typeof askText>[2]) => askText(io, message, opts);
  p.intro(`New release in ${archive.settings.name}`, io);
  if (!out.title) out.title = await text('Title', { validate: (v) => (v ? undefined : 'a release needs a title') });
  if (out.date === undefined) {
    const typed = await text(`Publication date (blank for today, ${today})`, {
      placeholder: today,
      validate: (v) => (!v || parseDate(v).ok ? undefined : 'write YYYY-MM-DD or D.M.YYYY'),
    });
    out.date = typed ? (parseDate(typed) as { date: string }).date : today;
    p.log.info(`date: ${out.date}`, io);
  }
  if (out.event === undefined) {
    const typed = await text('Event dates (blank if none)', {
      placeholder: '15-18.10.2018',
      validate: (v) => (!v || parseRange(v).ok ? undefined : 'write 15-18.10.2018, 15.10.2018-18.10.2018 or 2018-10-15..2018-10-18'),
    });
    const range = typed ? parseRange(typed) : null;
    out.event = range?.ok ? range.period : null;
    if (out.event) p.log.info(`event: ${out.event.start}${out.event.end !== out.event.start ? ` .. ${out.event.end}` : ''}`, io);
  }
  if (out.location === undefined && out.event) out.location = (await text('Event location (blank if none)')) || undefined;
  if (out.partners === undefined) {
    const options = partnerOptions(archive);
    const chosen = options.length
      ? answer(
          await p.autocompleteMultiselect({
            message: 'Partners (type to filter, Tab to pick, Enter when done)',
            ...io,
            options,
            filter: (search, o) =>
              !search.trim() || (options.find((x) => x.value === o.value)?.keys ?? [o.label ?? '']).some((k) => nameMatches(k, search)),
          }),
        )
      : [];
    const others = splitList([await text('Other partners, comma-separated (blank if none)')]);
    out.partners = [...chosen, ...others.filter((o) => !chosen.includes(o))];
  }
  if (out.people === undefined) out.people = splitList([await text('People, comma-separated (blank if none)')]);
  if (out.tags === undefined) out.tags = splitList([await text('Tags, comma-separated (blank if none)')]);
  if (out.lang === undefined) {
    out.lang = await text('Language', { initialValue: archive.settings.lang, validate: (v) => (isLangCode(v) ? undefined : LANG_HINT) });
  }
  if (out.summary === undefined) out.summary = (await text('Summary, one or two sentences (blank if none)')) || undefined;
  if (out.body === undefined) {
    const editor = ctx.env.VISUAL || ctx.env.EDITOR;
    out.body = editor
      ? await editBody(ctx, editor, '')
      : answer(
          await p.multiline({
            message: 'Text of the release (Enter on an empty line ends it)',
            ...io,
            validate: (v) => ((v ?? '').trim() ? undefined : 'a release needs its text'),
          }),
        );
  }
  return out;
}
