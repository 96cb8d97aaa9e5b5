import type { SearchResult, Space } from '@gatehouse/contracts';
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { Ability } from '../lib/policy';
import type { MessageKey } from '../locales';
import type { IconName } from '../ui/icons';

/** A link of the side navigation. Admin entries are listed under "Administration" and need their ability. */
export type NavEntry = {
  to: string;
  labelKey: MessageKey;
  icon: IconName;
  order: number;
  /** Other path prefixes under which the entry shows as current (a space page belongs to "My spaces"). */
  activeOn?: string[];
  /** Exact match of `to` only (the home page would otherwise be current everywhere). */
  end?: boolean;
};
export type AdminNavEntry = NavEntry & { ability: Ability };

/**
 * A tab of the space page. `capability` names the space capability that must be enabled for the tab to show (none:
 * every space has it); `ability` the space ability the person needs to see it.
 */
export type SpaceTab = {
  id: string;
  labelKey: MessageKey;
  icon: IconName;
  order: number;
  capability?: string;
  ability?: Ability;
  component: ComponentType<{ space: Space }>;
  /** A number shown after the label (members: how many). */
  count?: (space: Space) => number;
};

/**
 * A capability a space may turn on (the server lists those it runs), as the web describes it: what it gives the
 * space's members, in a sentence, for the create form, the settings and the overview.
 */
export type SpaceCapabilityEntry = { id: string; labelKey: MessageKey; descriptionKey: MessageKey; icon: IconName };

/**
 * A kind of search result (a search source of the server: documents, folders, spaces; threads, tickets… later): its
 * name for the filter and the label, its icon, and where a hit leads.
 */
export type SearchKindEntry = {
  kind: string;
  labelKey: MessageKey;
  order: number;
  look: (result: SearchResult) => { icon: IconName; color: string };
  href: (result: SearchResult) => string | null;
};

/** Where a feature's routes sit in the router: each zone has its own layout and guard. */
export type FeatureRoutes = {
  /** Public pages in the centred public layout (sign-in, invitations). */
  public?: RouteObject[];
  /** Pages for anyone with a link, signed in or not, with their own frame (share links, requests). */
  standalone?: RouteObject[];
  /** Signed-in pages outside the app's frame (forced two-factor setup). */
  signedInBare?: RouteObject[];
  /** Signed-in pages in the app's frame with header and navigation. */
  app?: RouteObject[];
};

/** Strings of a feature: the French side has exactly the English keys (see `Catalogue`). */
export type FeatureLocale = { en: Readonly<Record<string, string>>; fr: Readonly<Record<string, string>> };

/**
 * Everything a feature adds to the web app, in one object: `features.ts` lists these, and the router, the
 * navigation and the space page's tabs are derived from that list (a test checks nothing is left out).
 */
export type Feature = {
  /** The folder under `features/` (checked by the registry test). */
  id: string;
  routes?: FeatureRoutes;
  nav?: NavEntry[];
  adminNav?: AdminNavEntry[];
  spaceTabs?: SpaceTab[];
  spaceCapabilities?: SpaceCapabilityEntry[];
  searchKinds?: SearchKindEntry[];
  locale: FeatureLocale;
};

export const defineFeature = <F extends Feature>(feature: F): F => feature;

/** `lazy` for a route whose page module exports `name`: the page's code loads when the route is first visited. */
export const lazyPage =
  <M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) =>
  () =>
    load().then((module) => ({ Component: module[name] as ComponentType }));
