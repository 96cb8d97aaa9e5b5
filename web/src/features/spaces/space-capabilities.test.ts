import type { Space } from '@gatehouse/contracts';
import { describe, expect, it } from 'vitest';
import { features, registryOf, spaceTabs } from '../../features';
import type { Feature } from '../feature';
import { visibleTabs } from './space.page';
import { kindDefaults } from './space-capabilities';

const space = (over: Partial<Space>): Space => ({
  id: 's1',
  name: 'Harbour',
  slug: 'harbour',
  kind: 'project',
  description: '',
  status: 'active',
  myRole: 'viewer',
  memberCount: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  capabilities: ['documents'],
  abilities: { 'space.read_members': true },
  ...over,
});

describe('space tabs from capabilities', () => {
  it('a space with documents turned on opens on its documents, then overview and members', () => {
    expect(visibleTabs(space({}), spaceTabs).map((tab) => tab.id)).toEqual(['documents', 'overview', 'members']);
  });

  it('with documents turned off the documents tab is gone; overview and members always stay', () => {
    expect(visibleTabs(space({ capabilities: [] }), spaceTabs).map((tab) => tab.id)).toEqual(['overview', 'members']);
  });

  it('members are listed only to those allowed to read them', () => {
    expect(visibleTabs(space({ abilities: {} }), spaceTabs).map((tab) => tab.id)).toEqual(['documents', 'overview']);
  });

  it('a new space starts with the capabilities whose defaults include its kind', () => {
    const list = [
      { id: 'documents', defaultFor: ['client' as const, 'project' as const] },
      { id: 'tasks', defaultFor: ['project' as const] },
    ];
    expect(kindDefaults(list, 'project')).toEqual(['documents', 'tasks']);
    expect(kindDefaults(list, 'board')).toEqual([]);
  });
});

describe('a new feature plugs in from its feature object alone', () => {
  const Placeholder = () => null;
  const boardFeature: Feature = {
    id: 'board',
    locale: { en: {}, fr: {} },
    nav: [{ to: '/board', labelKey: 'nav.spaces', icon: 'home', order: 99 }],
    routes: { app: [{ path: '/board', element: null }] },
    spaceTabs: [
      {
        id: 'board',
        labelKey: 'space.tabOverview',
        icon: 'home',
        order: 5,
        capability: 'board',
        component: Placeholder,
      },
    ],
    spaceCapabilities: [
      { id: 'board', labelKey: 'space.tabOverview', descriptionKey: 'space.tabOverview', icon: 'home' },
    ],
  };
  const registry = registryOf([...features, boardFeature]);

  it('its route, navigation entry, capability and tab appear in what the app derives', () => {
    expect(registry.routes('app').some((route) => route.path === '/board')).toBe(true);
    expect(registry.mainNav.map((entry) => entry.to)).toContain('/board');
    expect(registry.spaceCapabilities.map((entry) => entry.id)).toContain('board');
    expect(registry.spaceTabs.map((tab) => tab.id)).toContain('board');
  });

  it('its tab shows only in spaces where its capability is on', () => {
    const withBoard = space({ capabilities: ['documents', 'board'] });
    expect(visibleTabs(withBoard, registry.spaceTabs).map((tab) => tab.id)).toContain('board');
    expect(visibleTabs(space({}), registry.spaceTabs).map((tab) => tab.id)).not.toContain('board');
  });
});
