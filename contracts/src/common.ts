import { z } from 'zod';

/** UUIDv7 identifiers are used for every row; the API accepts any canonical UUID. */
export const Id = z.uuid();
export const IsoDateTime = z.iso.datetime({ offset: true });
export const Email = z
  .email()
  .max(254)
  .transform((value) => value.toLowerCase());
export const PersonName = z.string().trim().min(1).max(120);
export const Password = z.string().min(1).max(1024);

export const IdParams = z.object({ id: Id }).strict();

export const PageQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const Abilities = z.record(z.string(), z.boolean());

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

export const Ok = z.object({ ok: z.literal(true) });

/** A credential carried in the path (share links, invitations, document requests). */
export const TokenParams = z.object({ token: z.string().min(10).max(200) }).strict();
