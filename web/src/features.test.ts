import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { adminNav, features, mainNav, searchKindEntries, spaceCapabilities, spaceTabs } from './features';
import { locales } from './locales';
import { coreEn } from './locales/core.en';
import { coreFr } from './locales/core.fr';

const featuresDir = join(import.meta.dirname, 'features');
const featureFolders = readdirSync(featuresDir).filter((name) => statSync(join(featuresDir, name)).isDirectory());

/** Every path a route tree answers, nested paths joined to their parent's. */
function paths(routes: readonly RouteObject[], parent = ''): string[] {
  return routes.flatMap((route) => {
    const own = route.index
      ? [parent || '/']
      : route.path
        ? [route.path.startsWith('/') ? route.path : `${parent.replace(/\/$/, '')}/${route.path}`]
        : [];
    return [...own, ...paths(route.children ?? [], own[0] ?? parent)];
  });
}

describe('web feature registry', () => {
  it('every folder under features/ has a feature file that features.ts lists', () => {
    const withoutFile = featureFolders.filter(
      (name) => !readdirSync(join(featuresDir, name)).some((file) => /^[\w-]+\.feature\.tsx?$/.test(file)),
    );
    expect(withoutFile).toEqual([]);
    expect(features.map((feature) => feature.id).sort()).toEqual([...featureFolders].sort());
  });

  it('every feature’s strings are in the English and French catalogues, unchanged', () => {
    for (const feature of features) {
      for (const [locale, messages] of Object.entries(feature.locale)) {
        const catalogue: Readonly<Record<string, string>> = locales[locale as keyof typeof locales];
        const missing = Object.entries(messages).filter(([key, text]) => catalogue[key] !== text);
        expect(missing, `${feature.id} (${locale})`).toEqual([]);
      }
    }
  });

  it('no two features (nor a feature and the core strings) define the same key', () => {
    const catalogues = [coreEn, ...features.map((feature) => feature.locale.en)];
    const keys = catalogues.flatMap((catalogue) => Object.keys(catalogue));
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    expect(keys.length).toBe(Object.keys(locales.en).length);
    const frKeys = [coreFr, ...features.map((feature) => feature.locale.fr)].flatMap((c) => Object.keys(c));
    expect(frKeys.length).toBe(Object.keys(locales.fr).length);
  });

  it('every navigation entry, space tab, space capability and search result kind has its words in both languages', () => {
    const labels = [
      ...[...mainNav, ...adminNav, ...spaceTabs, ...searchKindEntries].map((entry) => entry.labelKey),
      ...spaceCapabilities.flatMap((entry) => [entry.labelKey, entry.descriptionKey]),
    ];
    for (const messages of Object.values(locales)) {
      expect(labels.filter((key) => !messages[key]?.trim())).toEqual([]);
    }
  });

  it('no two routes answer the same path, and no two tabs, navigation entries or search kinds share an id, link or kind', () => {
    const all = features.flatMap((feature) => paths(Object.values(feature.routes ?? {}).flat()));
    expect(all.filter((path, index) => all.indexOf(path) !== index)).toEqual([]);
    const tabIds = spaceTabs.map((tab) => tab.id);
    expect(new Set(tabIds).size).toBe(tabIds.length);
    const kinds = searchKindEntries.map((entry) => entry.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    const links = [...mainNav, ...adminNav].map((entry) => entry.to);
    expect(new Set(links).size).toBe(links.length);
  });

  it('a tab that needs a capability needs one that some feature describes, and no capability is described twice', () => {
    const described = spaceCapabilities.map((entry) => entry.id);
    expect(new Set(described).size).toBe(described.length);
    const needed = spaceTabs.flatMap((tab) => (tab.capability ? [tab.capability] : []));
    expect(needed.filter((capability) => !described.includes(capability))).toEqual([]);
  });

  it('every navigation entry leads to a route of some feature', () => {
    const all = new Set(features.flatMap((feature) => paths(Object.values(feature.routes ?? {}).flat())));
    expect([...mainNav, ...adminNav].map((entry) => entry.to).filter((to) => !all.has(to))).toEqual([]);
  });
});
