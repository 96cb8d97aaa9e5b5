import { z } from 'zod';
import { defineSettings, positiveInt, type SettingValues } from '../../core/config/setting';

/** Settings of sign-in: two-factor requirement, throttling, invitation and reset link lifetimes. */
export const identitySettings = defineSettings({
  REQUIRE_2FA: {
    schema: z.enum(['none', 'admins', 'all']).default('none'),
    doc: 'Who must set up two-factor authentication: none, admins, all.',
  },
  LOGIN_MAX_FAILURES_PER_ACCOUNT: {
    schema: positiveInt.default(5),
    doc: 'Failed sign-ins per account per window before 429.',
  },
  LOGIN_MAX_FAILURES_PER_IP: {
    schema: positiveInt.default(30),
    doc: 'Failed sign-ins per IP address per window before 429.',
  },
  LOGIN_WINDOW_MINUTES: { schema: positiveInt.default(15), doc: 'Length of the sign-in throttling window.' },
  INVITATION_TTL_HOURS: { schema: positiveInt.default(168), doc: 'How long an invitation link stays valid.' },
  PASSWORD_RESET_TTL_MINUTES: { schema: positiveInt.default(30), doc: 'How long a password reset link stays valid.' },
});

declare module '../../core/config/config' {
  interface ModuleSettings extends SettingValues<typeof identitySettings> {}
}
