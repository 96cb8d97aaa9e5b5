import { z } from 'zod';
import { Email, Id, IsoDateTime, Password, PersonName } from '../common';
import { OrganizationKind } from '../organizations/organizations.schemas';

export const PersonStatus = z.enum(['invited', 'active', 'disabled']);
export const Locale = z.enum(['en', 'fr']);

export const LoginBody = z.object({ email: Email, password: Password }).strict();
export const LoginResult = z.object({ twoFactorRequired: z.boolean() });

/** A TOTP code (6 digits) or a recovery code (xxxxx-xxxxx). */
export const TwoFactorBody = z.object({ code: z.string().trim().min(6).max(32) }).strict();

export const Me = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  locale: Locale.nullable(),
  isAdmin: z.boolean(),
  isOrgAdmin: z.boolean(),
  organization: z.object({ id: Id, name: z.string(), kind: OrganizationKind, isHost: z.boolean() }),
  twoFactorEnabled: z.boolean(),
  /** True when the policy requires 2FA of this person and they have not set it up yet. */
  twoFactorSetupRequired: z.boolean(),
  csrfToken: z.string(),
  abilities: z.record(z.string(), z.boolean()),
});
export type Me = z.infer<typeof Me>;

export const UpdateMeBody = z.object({ name: PersonName.optional(), locale: Locale.nullable().optional() }).strict();

export const ChangePasswordBody = z.object({ currentPassword: Password, newPassword: Password }).strict();
export const ForgotPasswordBody = z.object({ email: Email }).strict();
export const ResetPasswordBody = z.object({ token: z.string().min(10).max(200), password: Password }).strict();

export const Session = z.object({
  id: Id,
  createdAt: IsoDateTime,
  lastSeenAt: IsoDateTime,
  expiresAt: IsoDateTime,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type Session = z.infer<typeof Session>;

export const TotpSetup = z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() });
export const TotpEnableBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/),
  })
  .strict();
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export const TotpDisableBody = z.object({ password: Password }).strict();

export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  prefix: z.string(),
  createdAt: IsoDateTime,
  expiresAt: IsoDateTime.nullable(),
  lastUsedAt: IsoDateTime.nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;
export const CreateApiTokenBody = z
  .object({ name: z.string().trim().min(1).max(100), expiresAt: IsoDateTime.nullable().optional() })
  .strict();
export const CreatedApiToken = z.object({ token: ApiToken, secret: z.string() });

export const InvitationInfo = z.object({
  email: z.string(),
  name: z.string(),
  organizationName: z.string(),
  invitedBy: z.string().nullable(),
  spaceName: z.string().nullable(),
});
export const AcceptInvitationBody = z.object({ password: Password, name: PersonName.optional() }).strict();

export const SetupStatus = z.object({ setupRequired: z.boolean() });
export const SetupBody = z
  .object({ token: z.string().min(10).max(200), email: Email, name: PersonName, password: Password })
  .strict();
