import type { RouteObject } from 'react-router';
import { RequireAbility } from '../../layout/guards';
import type { Ability } from '../../lib/policy';
import { defineFeature, lazyPage } from '../feature';
import { adminEn } from './admin.locale.en';
import { adminFr } from './admin.locale.fr';

const guarded = (ability: Ability, children: RouteObject[]): RouteObject => ({
  element: <RequireAbility ability={ability} />,
  children,
});

/** Administration of the extranet: organizations, people, every space, the audit log. */
export const adminFeature = defineFeature({
  id: 'admin',
  routes: {
    app: [
      guarded('admin.organizations', [
        {
          path: '/admin/organizations',
          lazy: lazyPage(() => import('./organizations.page'), 'OrganizationsPage'),
        },
        {
          path: '/admin/organizations/:id',
          lazy: lazyPage(() => import('./organization.page'), 'OrganizationPage'),
        },
      ]),
      guarded('admin.people', [{ path: '/admin/people', lazy: lazyPage(() => import('./people.page'), 'PeoplePage') }]),
      guarded('admin.spaces', [
        { path: '/admin/spaces', lazy: lazyPage(() => import('./spaces.page'), 'AdminSpacesPage') },
      ]),
      guarded('admin.audit', [{ path: '/admin/audit', lazy: lazyPage(() => import('./audit.page'), 'AuditPage') }]),
    ],
  },
  adminNav: [
    {
      to: '/admin/organizations',
      labelKey: 'nav.organizations',
      icon: 'building',
      order: 10,
      ability: 'admin.organizations',
    },
    { to: '/admin/people', labelKey: 'nav.people', icon: 'users', order: 20, ability: 'admin.people' },
    { to: '/admin/spaces', labelKey: 'nav.allSpaces', icon: 'stack', order: 30, ability: 'admin.spaces' },
    { to: '/admin/audit', labelKey: 'nav.audit', icon: 'audit', order: 40, ability: 'admin.audit' },
  ],
  locale: { en: adminEn, fr: adminFr },
});
