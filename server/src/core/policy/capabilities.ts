import type { ModuleManifest, SpaceCapability } from '../module';
import type { Resource } from './resources';

/** The space capabilities of a list of manifests, and the capability each resource type belongs to. */
export type CompiledCapabilities = {
  /** Every capability a space may turn on, in the order of the manifests. */
  list: readonly SpaceCapability[];
  /** Resource type → the capability its resources belong to (types absent here belong to none). */
  ofType: Record<string, string>;
};

/**
 * Collects the capabilities the modules provide and the resource types that belong to each. A type naming a
 * capability no module provides is refused at start: its resources would silently exist nowhere.
 */
export function compileCapabilities(manifests: readonly ModuleManifest<object>[]): CompiledCapabilities {
  const list: SpaceCapability[] = [];
  for (const manifest of manifests) {
    const capability = manifest.capability;
    if (!capability) continue;
    if (list.some((known) => known.id === capability.id)) {
      throw new Error(`Capability ${capability.id} is provided twice (again by ${manifest.name})`);
    }
    list.push(capability);
  }
  const ofType: Record<string, string> = {};
  for (const manifest of manifests) {
    for (const [type, fragment] of Object.entries(manifest.policy ?? {})) {
      if (!fragment.capability) continue;
      if (!fragment.read) throw new Error(`Policy: ${manifest.name} names the capability of ${type} but not its read`);
      if (!list.some((known) => known.id === fragment.capability)) {
        throw new Error(`Policy: ${type} belongs to capability ${fragment.capability}, which no module provides`);
      }
      ofType[type] = fragment.capability;
    }
  }
  return { list, ofType };
}

/**
 * Whether the space around the resource has the capability the resource belongs to turned on. Checked before any
 * read rule, for everyone (host admins included): what a switched-off capability holds does not exist. Deny by
 * default: a resource whose type needs a capability but carries no list is treated as switched off.
 */
export function capabilityEnabled(compiled: CompiledCapabilities, resource: Resource): boolean {
  const needed = compiled.ofType[resource.type];
  if (!needed) return true;
  return 'capabilities' in resource && resource.capabilities.includes(needed);
}

/** The capabilities a space of this kind is created with. */
export function defaultCapabilitiesOf(compiled: CompiledCapabilities, kind: SpaceCapability['defaultFor'][number]) {
  return compiled.list.filter((capability) => capability.defaultFor.includes(kind)).map((capability) => capability.id);
}
