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

export const featureRoutes = (zone: keyof FeatureRoutes) => features.flatMap((feature) => feature.routes?.[zone] ?? []);
export const mainNav: NavEntry[] = byOrder(features.flatMap((feature) => feature.nav ?? []));
export const adminNav: AdminNavEntry[] = byOrder(features.flatMap((feature) => feature.adminNav ?? []));
export const spaceTabs: SpaceTab[] = byOrder(features.flatMap((feature) => feature.spaceTabs ?? []));
export const spaceCapabilities: SpaceCapabilityEntry[] = features.flatMap((feature) => feature.spaceCapabilities ?? []);
export const searchKindEntries: SearchKindEntry[] = byOrder(features.flatMap((feature) => feature.searchKinds ?? []));
