import type { SearchResult } from '@gatehouse/contracts';
import type { SearchKindEntry } from '../feature';

/** A space hit opens the space. */
export const spaceHref = (result: SearchResult): string => `/spaces/${result.id}`;

export const spacesSearchKinds: SearchKindEntry[] = [
  {
    kind: 'space',
    labelKey: 'spaces.searchKind',
    order: 30,
    look: () => ({ icon: 'spaces', color: 'indigo.6' }),
    href: spaceHref,
  },
];
