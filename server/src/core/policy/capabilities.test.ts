import { describe, expect, it } from 'vitest';
import { defineModule } from '../module';
import { capabilityEnabled, compileCapabilities, defaultCapabilitiesOf } from './capabilities';

const rules = { 'thing.read': () => true };
const provider = defineModule({ name: 'things', tables: {}, capability: { id: 'things', defaultFor: ['project'] } });

describe('space capabilities of the manifests', () => {
  it('a resource type belonging to a capability no module provides is refused at start', () => {
    const orphan = defineModule({
      name: 'orphan',
      tables: {},
      policy: { thing: { read: 'thing.read', capability: 'things', rules } },
    });
    expect(() => compileCapabilities([orphan])).toThrow(/no module provides/);
    expect(() => compileCapabilities([provider, orphan])).not.toThrow();
  });

  it('two modules providing the same capability are refused', () => {
    const again = defineModule({ name: 'again', tables: {}, capability: { id: 'things', defaultFor: [] } });
    expect(() => compileCapabilities([provider, again])).toThrow(/provided twice/);
  });

  it('a resource of a capability exists only in a space with it on, and one carrying no list counts as off', () => {
    const consumer = defineModule({
      name: 'consumer',
      tables: {},
      policy: { folder: { read: 'thing.read', capability: 'things', rules } },
    });
    const compiled = compileCapabilities([provider, consumer]);
    const folder = { type: 'folder', id: null, spaceId: 's', spaceStatus: 'active', myRole: 'viewer', trashed: false };
    expect(capabilityEnabled(compiled, { ...folder, capabilities: ['things'] } as never)).toBe(true);
    expect(capabilityEnabled(compiled, { ...folder, capabilities: [] } as never)).toBe(false);
    expect(capabilityEnabled(compiled, folder as never)).toBe(false);
    expect(capabilityEnabled(compiled, { type: 'global' })).toBe(true);
  });

  it('a kind starts with the capabilities whose defaults name it', () => {
    const compiled = compileCapabilities([provider]);
    expect(defaultCapabilitiesOf(compiled, 'project')).toEqual(['things']);
    expect(defaultCapabilitiesOf(compiled, 'dataroom')).toEqual([]);
  });
});
