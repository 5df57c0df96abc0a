import { DEFAULT_SETTINGS, parseRegistry, parseSettings, Registry } from './registry.js';
import type { ArchiveSettings, Issue } from './types.js';

/** Settings, registry and the problems found in `archive.yml` and `partners.yml`. */
export interface ArchiveConfig {
  settings: ArchiveSettings;
  registry: Registry;
  issues: Issue[];
}

/** Reads the texts of `archive.yml` and `partners.yml` (null: the file is absent, and the defaults hold). */
export function parseArchiveConfig(settingsText: string | null, registryText: string | null): ArchiveConfig {
  const settings = settingsText === null ? { settings: { ...DEFAULT_SETTINGS }, issues: [] } : parseSettings('archive.yml', settingsText);
  const registry = registryText === null ? { registry: new Registry([]), issues: [] } : parseRegistry('partners.yml', registryText);
  return { settings: settings.settings, registry: registry.registry, issues: [...settings.issues, ...registry.issues] };
}
