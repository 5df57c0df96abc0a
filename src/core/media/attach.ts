import { fileNameParts } from '../slug.js';
import { isImageType, mediaType } from './types.js';

/** A file given to `add --attach`, checked and named. */
export interface Attachment {
  /** Absolute path of the file to copy. */
  source: string;
  /** Its name as given (shown as a link's text). */
  original: string;
  /** The safe name it gets in the release folder. */
  name: string;
  type: string;
  bytes: number;
  /** Alt text, for an image. */
  alt?: string;
}

/**
 * A safe name for an attached file: its name as an ASCII slug (Macedonian Cyrillic written
 * with the official table), its extension kept in lower case, `-2`, `-3`… when `taken` has
 * it. `index.md` and other `.md` names are never given: they would be read as releases.
 */
export function attachmentName(original: string, taken: ReadonlySet<string>): string {
  const { stem, ext: given } = fileNameParts(original);
  const ext = given === 'md' || given === 'markdown' ? `${given}.txt` : given;
  const name = (n: number) => `${stem}${n > 1 ? `-${n}` : ''}${ext ? `.${ext}` : ''}`;
  let n = 1;
  while (taken.has(name(n).toLowerCase())) n++;
  return name(n);
}

/** Names every attachment once, none equal to another even on a case-insensitive disk. */
export function nameAttachments(files: { source: string; original: string; bytes: number; alt?: string }[]): Attachment[] {
  const taken = new Set<string>(['index.md']);
  return files.map((f) => {
    const name = attachmentName(f.original, taken);
    taken.add(name.toLowerCase());
    return { ...f, name, type: mediaType(name) };
  });
}

/** True when an attachment is shown in the text as a picture. */
export const isPicture = (a: Attachment) => isImageType(a.type);

/** Escapes text for a Markdown link's text or an image's alt. */
const inBrackets = (text: string) =>
  text
    .replace(/([\\[\]])/g, '\\$1')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The body with its attachments added: each picture as `![alt](name)` in a paragraph of its
 * own, the other files as a list of links named after the files as given.
 */
export function bodyWithAttachments(body: string, attachments: Attachment[]): string {
  const pictures = attachments.filter(isPicture).map((a) => `![${inBrackets(a.alt ?? '')}](${a.name})`);
  const others = attachments.filter((a) => !isPicture(a)).map((a) => `- [${inBrackets(a.original)}](${a.name})`);
  const parts = [body.replace(/\s+$/, ''), ...pictures, ...(others.length ? [others.join('\n')] : [])].filter(Boolean);
  return `${parts.join('\n\n')}\n`;
}
