/**
 * The French (or any other) side of a catalogue: exactly the keys of the English one. A missing key is a type error,
 * and an extra key too, since catalogues are written as object literals.
 */
export type Catalogue<English extends Record<string, string>> = { readonly [K in keyof English]: string };
