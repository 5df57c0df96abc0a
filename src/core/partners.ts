import { foldName } from './fold.js';
import type { Registry } from './registry.js';
import type { ArchivedRelease } from './types.js';

/** A partner with how many releases name it: from the registry (`id` set) or only seen in files. */
export interface PartnerCount {
  id: string | null;
  name: string;
  aliases: string[];
  releases: number;
}

/**
 * Counts releases per partner. Names the registry resolves count for their registry entry;
 * other names are grouped by their folded form, shown as first written.
 */
export function countPartners(releases: ArchivedRelease[], registry: Registry): PartnerCount[] {
  const known = new Map(registry.partners.map((p) => [p.id, { id: p.id, name: p.name, aliases: p.aliases, releases: 0 } as PartnerCount]));
  const unknown = new Map<string, PartnerCount>();
  // Names repeat across releases; folding each spelling once keeps 100k releases fast.
  const seen = new Map<string, PartnerCount>();
  for (const r of releases) {
    const counted = new Set<PartnerCount>();
    for (const name of r.partners) {
      let entry = seen.get(name);
      if (!entry) {
        const hit = registry.resolve(name);
        entry = hit ? known.get(hit.id) : unknown.get(foldName(name));
        if (!entry) unknown.set(foldName(name), (entry = { id: null, name, aliases: [], releases: 0 }));
        seen.set(name, entry);
      }
      counted.add(entry);
    }
    for (const entry of counted) entry.releases++;
  }
  const byCount = (a: PartnerCount, b: PartnerCount) => b.releases - a.releases || a.name.localeCompare(b.name);
  return [...[...known.values()].sort(byCount), ...[...unknown.values()].sort(byCount)];
}
