import type { Space, SpaceCapabilityInfo, SpaceKind } from '@gatehouse/contracts';
import { spaceCapabilities } from '../../features';
import type { SpaceCapabilityEntry } from '../feature';

/** Whether a capability (documents, …) is turned on in the space: its tab and content exist only then. */
export const spaceHasCapability = (space: Space, capability: string): boolean =>
  space.capabilities.includes(capability);

/**
 * How the web describes a capability. One the server runs but no feature of this app declares (a newer server)
 * shows by its id, without a description.
 */
export function describeCapability(id: string): SpaceCapabilityEntry | { id: string; label: string } {
  return spaceCapabilities.find((entry) => entry.id === id) ?? { id, label: id };
}

/** The capabilities a new space of this kind starts with. */
export const kindDefaults = (capabilities: readonly SpaceCapabilityInfo[], kind: SpaceKind): string[] =>
  capabilities.filter((capability) => capability.defaultFor.includes(kind)).map((capability) => capability.id);
