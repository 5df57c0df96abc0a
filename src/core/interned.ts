/**
 * One copy of each repeated short string (partner, person and tag names, dates, languages):
 * 100k releases hold a few thousand distinct ones.
 */
export class Strings {
  private readonly seen = new Map<string, string>();

  /** The first copy seen of `text`. */
  one(text: string): string {
    const kept = this.seen.get(text);
    if (kept !== undefined) return kept;
    const own = detached(text);
    this.seen.set(own, own);
    return own;
  }

  /** Replaces each string of `list` with its first copy, in place. */
  all(list: string[]): string[] {
    for (let i = 0; i < list.length; i++) list[i] = this.one(list[i]);
    return list;
  }
}

/**
 * A copy of `text` that does not hold on to the string it was cut from. A value the YAML
 * parser returns is a slice of the whole front matter, which stays in memory as long as
 * the slice does.
 */
export function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
