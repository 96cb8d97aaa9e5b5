import { defineFeature } from '../feature';
import { MembersTab } from './components/members-tab';
import { SpaceOverview } from './components/space-overview';
import { SpacePage } from './space.page';
import { spacesEn } from './spaces.locale.en';
import { spacesFr } from './spaces.locale.fr';
import { SpacesPage } from './spaces.page';
import { spacesSearchKinds } from './spaces.search';

/** The spaces a person belongs to, a space's page with its overview and members. */
export const spacesFeature = defineFeature({
  id: 'spaces',
  routes: {
    app: [
      { index: true, element: <SpacesPage /> },
      { path: '/spaces/:id', element: <SpacePage /> },
    ],
  },
  nav: [{ to: '/', labelKey: 'nav.spaces', icon: 'spaces', order: 10, end: true, activeOn: ['/spaces/'] }],
  spaceTabs: [
    { id: 'overview', labelKey: 'space.tabOverview', icon: 'home', order: 80, component: SpaceOverview },
    {
      id: 'members',
      labelKey: 'space.tabMembers',
      icon: 'users',
      order: 90,
      ability: 'space.read_members',
      component: MembersTab,
      count: (space) => space.memberCount,
    },
  ],
  searchKinds: spacesSearchKinds,
  locale: { en: spacesEn, fr: spacesFr },
});
