import type { Action } from '@gatehouse/contracts';

/** Abilities the server sends with `me` (admin areas) and with every resource or list. */
export type Ability = Action | `admin.${string}`;
export type Abilities = Record<string, boolean> | undefined | null;

/**
 * Whether the server said the person may do `action`. The UI only hides what is not allowed; the server still
 * enforces every rule, so a missing ability simply means "do not show the button".
 */
export const can = (abilities: Abilities, action: Ability): boolean => abilities?.[action] === true;

export const canAny = (abilities: Abilities, ...list: Ability[]): boolean =>
  list.some((action) => can(abilities, action));
