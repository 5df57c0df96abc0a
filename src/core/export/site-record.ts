import type { EarlierSite } from './earlier-site.js';
import type { SiteFacts } from './manifest.js';

/**
 * What a site being written holds so far, as its marker will list it (file names, their
 * stamps, the archive files release pages refer to, the site's facts), and what it can keep
 * of the earlier export it updates.
 */
export class SiteRecord {
  readonly files: string[] = [];
  protected readonly stamps = new Map<string, string>();
  protected readonly refs = new Map<string, readonly string[]>();
  protected facts: SiteFacts | null = null;

  constructor(protected readonly prev: EarlierSite | null) {}

  /**
   * True when the earlier export holds `rel` made from inputs of this key; without a key,
   * when it holds `rel` as a file of the archive placed in the site.
   */
  holds(rel: string, key?: string): boolean {
    const was = this.prev?.manifest.stamps.get(rel);
    if (was === undefined || !this.prev!.present.has(rel)) return false;
    return key === undefined ? was.startsWith('m:') : was === `k:${key}`;
  }

  /** Like `holds`, and then the earlier export's `rel` is part of the new site as it is. */
  keep(rel: string, key?: string): boolean {
    if (!this.holds(rel, key)) return false;
    this.files.push(rel);
    this.stamps.set(rel, this.prev!.manifest.stamps.get(rel)!);
    return true;
  }

  /** The archive files the earlier export's release page `rel` referred to, when its marker recorded them. */
  refsOf(rel: string): readonly string[] | undefined {
    const refs = this.prev?.manifest.refs;
    if (!refs || !this.prev!.manifest.stamps.get(rel)?.startsWith('k:')) return undefined;
    return refs.get(rel) ?? [];
  }

  /**
   * The earlier export's facts (manifest.ts), when it recorded them and the archive files its
   * pages refer to (whose stamps are keys of those pages: site-update.ts checks them), and still
   * holds every file it lists.
   */
  earlierFacts(): SiteFacts | null {
    const prev = this.prev;
    return prev?.present.whole && prev.manifest.refs ? prev.manifest.facts : null;
  }

  /** Records the site's facts in the new marker. */
  noteFacts(facts: SiteFacts): void {
    this.facts = facts;
  }

  /**
   * Every file of the earlier export but those `remade` names is part of the new site as it
   * is (with its references); for an update that knows the rest of the site is unchanged.
   */
  keepEarlier(remade: (rel: string) => boolean): void {
    const { stamps, refs } = this.prev!.manifest;
    for (const [rel, stamp] of stamps) {
      if (remade(rel)) continue;
      this.files.push(rel);
      this.stamps.set(rel, stamp);
      const r = refs?.get(rel);
      if (r?.length) this.refs.set(rel, r);
    }
  }

  /** Records the archive files release page `rel` refers to, in the new marker. */
  noteRefs(rel: string, refs: readonly string[]): void {
    if (refs.length) this.refs.set(rel, refs);
  }
}
