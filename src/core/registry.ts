import { distance } from './distance.js';
import { foldName, nameMatches } from './fold.js';
import type { RegistryPartner } from './types.js';

/** A registry's folded names (id, name, aliases of each partner in order) and abbreviations (word, partner's position). */
export interface SavedRegistry {
  folded: string[];
  words: [string, number][];
}

/** The partner registry with lookups by any name, alias or id, in any script. */
export class Registry {
  private readonly byKey = new Map<string, RegistryPartner>();
  private byWord: Map<string, RegistryPartner> | undefined;
  /** Every name, id and alias folded, with its partner (kept for `abbreviations`, which would fold them again). */
  private readonly folded: [string, RegistryPartner][] = [];

  /** `saved`: what `saved()` gave for these partners, so that no name is folded again. */
  constructor(
    readonly partners: RegistryPartner[],
    saved?: SavedRegistry,
  ) {
    let i = 0;
    for (const p of partners) {
      for (const name of [p.id, p.name, ...p.aliases]) {
        const key = saved ? saved.folded[i++] : foldName(name);
        this.folded.push([key, p]);
        if (key && !this.byKey.has(key)) this.byKey.set(key, p);
      }
    }
    if (saved) this.byWord = new Map(saved.words.map(([w, at]) => [w, partners[at]]));
  }

  /** The partner one folded word stands for on its own (see `abbreviations`); built on first use. */
  partnerOfWord(word: string): RegistryPartner | undefined {
    this.byWord ??= abbreviations(this.partners, this.folded);
    return this.byWord.get(word);
  }

  /** The folded names and abbreviations, to be kept with the partners (the index's cached settings). */
  saved(): SavedRegistry {
    this.byWord ??= abbreviations(this.partners, this.folded);
    const at = new Map(this.partners.map((p, i) => [p, i]));
    return { folded: this.folded.map(([key]) => key), words: [...this.byWord].map(([w, p]) => [w, at.get(p)!]) };
  }

  get isEmpty(): boolean {
    return this.partners.length === 0;
  }

  /** The registry partner a name written in a release stands for, if any. */
  resolve(name: string): RegistryPartner | undefined {
    return this.byKey.get(foldName(name));
  }

  /** The partners a search term means: exact names first, else partial matches. */
  lookup(term: string): RegistryPartner[] {
    const exact = this.resolve(term);
    if (exact) return [exact];
    return this.partners.filter((p) => [p.id, p.name, ...p.aliases].some((n) => nameMatches(n, term)));
  }

  /** The registry name closest to an unknown one, for "did you mean". */
  suggest(name: string): RegistryPartner | undefined {
    const key = foldName(name);
    let best: { p: RegistryPartner; d: number } | undefined;
    for (const [k, p] of this.byKey) {
      const d = distance(key, k);
      if (!best || d < best.d) best = { p, d };
    }
    if (best && best.d <= Math.max(2, Math.floor(key.length / 4))) return best.p;
    return this.lookup(name)[0];
  }
}

// Function words and generic words of partner names that never name one partner alone.
const NAME_STOP_WORDS = new Set(['the', 'and', 'for', 'dhe', 'per', 'nga', 'mission', 'misioni', 'misija', 'misijata']);

/**
 * Words that name a partner on their own although they are only part of a longer name: the
 * abbreviations written inside a name (`OSBE` in `Misioni i OSBE-së në Shkup`, `KShZ`,
 * `ДИК`), folded. A word counts when it has 3+ letters, two or more capitals and at least
 * as many capitals as small letters, in a name not written all in capitals, and no other
 * partner's names hold it. Other words of a name (`Skopje`, `mission`, `i`) name places and
 * kinds of bodies shared by many partners, so they are not expanded.
 */
function abbreviations(partners: RegistryPartner[], folded: [string, RegistryPartner][]): Map<string, RegistryPartner> {
  const owner = new Map<string, RegistryPartner | null>(); // null: words of several partners
  for (const [name, p] of folded) {
    for (const w of name.split(' ')) owner.set(w, owner.has(w) && owner.get(w) !== p ? null : p);
  }
  const out = new Map<string, RegistryPartner>();
  for (const p of partners) {
    for (const name of [p.name, ...p.aliases]) {
      const words = name.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
      if (words.length < 2 || name === name.toUpperCase()) continue;
      for (const w of words) {
        if (w.length < 3) continue;
        const capitals = w.match(/\p{Lu}/gu)?.length ?? 0;
        if (capitals < 2 || capitals * 2 < w.length) continue;
        const key = foldName(w);
        if (!NAME_STOP_WORDS.has(key) && owner.get(key) === p) out.set(key, p);
      }
    }
  }
  return out;
}
