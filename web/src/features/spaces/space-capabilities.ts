import type { Space } from '@gatehouse/contracts';

/**
 * Whether a capability (documents, …) is enabled in the space. A space the server sends without a list predates
 * capabilities: it has documents, the only capability that existed then.
 */
export function spaceHasCapability(space: Space, capability: string): boolean {
  const enabled = (space as Space & { capabilities?: readonly string[] }).capabilities;
  return enabled ? enabled.includes(capability) : capability === 'documents';
}
