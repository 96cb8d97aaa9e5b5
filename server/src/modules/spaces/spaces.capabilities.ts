import type { SpaceCapabilityInfo, SpaceKind } from '@gatehouse/contracts';
import { defaultCapabilitiesOf } from '../../core/policy/capabilities';
import { spaceCapabilities } from '../../core/policy/policy';
import { invalidCapabilities } from './spaces.errors';

/** GET /space-capabilities: every capability a space may turn on, with the kinds created with it on. */
export function listSpaceCapabilities(): { capabilities: SpaceCapabilityInfo[] } {
  return {
    capabilities: spaceCapabilities().list.map((capability) => ({
      id: capability.id,
      defaultFor: [...capability.defaultFor],
    })),
  };
}

/**
 * The capabilities a space gets: the ones asked for, or else its kind's defaults. Ids no module provides are refused
 * rather than stored: they would enable nothing, and the manager would believe they had. Sorted and deduplicated, so
 * two lists compare as strings.
 */
export function chooseCapabilities(input: { kind: SpaceKind; asked: readonly string[] | undefined }): string[] {
  const compiled = spaceCapabilities();
  if (input.asked === undefined) return defaultCapabilitiesOf(compiled, input.kind).sort();
  const unknown = input.asked.filter((id) => !compiled.list.some((capability) => capability.id === id));
  if (unknown.length > 0) throw invalidCapabilities(unknown);
  return [...new Set(input.asked)].sort();
}

export function sameCapabilities(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}
