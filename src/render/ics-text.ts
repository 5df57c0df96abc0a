/**
 * The text rules of iCalendar (RFC 5545 §3.1 and §3.3.11): escaped TEXT values, content lines
 * folded at 75 octets, CRLF line ends. Whatever a release holds, a value written through
 * these functions stays inside its own property: it can never start a line of its own.
 */

// One pass over the text: what TEXT escapes (`\` `;` `,`), every kind of line break, and the
// controls RFC 5545 allows in no TEXT value (CONTROL except HTAB), which are dropped.
const SPECIAL = /[\\;,]|\r\n|[\r\n\u2028\u2029\u0085]|[\u0000-\u0008\u000b-\u001f\u007f]/g;
const ANY_SPECIAL = /[\\;,\r\n\u2028\u2029\u0085\u0000-\u0008\u000b-\u001f\u007f]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', ';': '\\;', ',': '\\,' };

/** A TEXT value: `\` `;` `,` escaped, every kind of line break written `\n`, other controls dropped. */
export function icsText(value: string): string {
  if (!ANY_SPECIAL.test(value)) return value;
  return value.replace(SPECIAL, (c) => ESCAPES[c] ?? (c === '\r\n' || /^[\r\n\u2028\u2029\u0085]$/.test(c) ? '\\n' : ''));
}

/** Printable ASCII but `"`: a URI value as it is written. */
const PLAIN_URI = /^[\x21\x23-\x7e]*$/;

/** A URI value: anything that is not printable ASCII percent-encoded, so it is one token. */
export function icsUri(value: string): string {
  if (PLAIN_URI.test(value)) return value;
  return Array.from(value, (c) =>
    /^[\x21-\x7e]$/.test(c) && c !== '"' ? c : Buffer.from(c, 'utf8').toString('hex').toUpperCase().replace(/../g, '%$&'),
  ).join('');
}

/** A calendar date as a DATE value (`2018-10-15` → `20181015`). */
export function icsDate(date: string): string {
  return date.replace(/-/g, '');
}

/** A `LANGUAGE=` parameter for a language code, or nothing when the code is not one. */
export function languageParam(lang: string): string {
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang) ? `;LANGUAGE=${lang}` : '';
}

const MAX_OCTETS = 75;

/**
 * One content line, folded (§3.1): no line longer than 75 octets, each continuation starting
 * with a space, and never a cut inside a UTF-8 sequence (the line is cut between code points)
 * or inside an escape (`\,`: a sloppy reader may unescape before it unfolds). Ends with CRLF.
 */
export function foldLine(line: string): string {
  if (line.length <= 25 || Buffer.byteLength(line, 'utf8') <= MAX_OCTETS) return `${line}\r\n`;
  let out = '';
  let from = 0;
  let octets = 0;
  let limit = MAX_OCTETS;
  for (let i = 0; i < line.length; ) {
    const c = line.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && (line.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    // An escape (`\` and the ASCII letter after it) and a surrogate pair each move as one.
    const units = pair || (c === 0x5c && i + 1 < line.length) ? 2 : 1;
    // UTF-8 octets; a lone surrogate is written as U+FFFD, 3 octets.
    const size = pair ? 4 : c === 0x5c && units === 2 ? 2 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    if (octets + size > limit) {
      out += `${line.slice(from, i)}\r\n `;
      from = i;
      octets = 0;
      // A continuation's leading space is one of its 75 octets.
      limit = MAX_OCTETS - 1;
    }
    octets += size;
    i += units;
  }
  return `${out}${line.slice(from)}\r\n`;
}
