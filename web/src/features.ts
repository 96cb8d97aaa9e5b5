import { adminFeature } from './features/admin/admin.feature';
import { documentsFeature } from './features/documents/documents.feature';
import type {
  AdminNavEntry,
  Feature,
  FeatureRoutes,
  NavEntry,
  SearchKindEntry,
  SpaceCapabilityEntry,
  SpaceTab,
} from './features/feature';
import { identityFeature } from './features/identity/identity.feature';
import { requestsFeature } from './features/requests/requests.feature';
import { searchFeature } from './features/search/search.feature';
import { sharesFeature } from './features/shares/shares.feature';
import { spacesFeature } from './features/spaces/spaces.feature';

/** Every feature of the web app. Adding one here gives it its routes, navigation, space tabs and strings. */
export const features: readonly Feature[] = [
  identityFeature,
  spacesFeature,
  documentsFeature,
  sharesFeature,
  requestsFeature,
  searchFeature,
  adminFeature,
];

const byOrder = <T extends { order: number }>(list: T[]) => [...list].sort((a, b) => a.order - b.order);

/** What the app derives from a list of features: routes per zone, navigation, space tabs, capabilities, search kinds. */
export function registryOf(list: readonly Feature[]) {
  return {
    routes: (zone: keyof FeatureRoutes) => list.flatMap((feature) => feature.routes?.[zone] ?? []),
    mainNav: byOrder(list.flatMap((feature) => feature.nav ?? [])) as NavEntry[],
    adminNav: byOrder(list.flatMap((feature) => feature.adminNav ?? [])) as AdminNavEntry[],
    spaceTabs: byOrder(list.flatMap((feature) => feature.spaceTabs ?? [])) as SpaceTab[],
    spaceCapabilities: list.flatMap((feature) => feature.spaceCapabilities ?? []) as SpaceCapabilityEntry[],
    searchKindEntries: byOrder(list.flatMap((feature) => feature.searchKinds ?? [])) as SearchKindEntry[],
  };
}

const registry = registryOf(features);
export const featureRoutes = registry.routes;
export const { mainNav, adminNav, spaceTabs, spaceCapabilities, searchKindEntries } = registry;
