export type UsersTable = {
  id: string;
  email: string;
  name: string;
  organization_id: string;
  status: 'invited' | 'active' | 'disabled';
  is_admin: number;
  is_org_admin: number;
  sponsor_id: string | null;
  access_expires_at: string | null;
  password_hash: string | null;
  /** AES-256-GCM sealed TOTP seed (see core/auth/secrets.ts). */
  totp_secret: string | null;
  totp_enabled: number;
  /** Last accepted TOTP time step: a code is never accepted twice. */
  totp_last_step: number | null;
  locale: string | null;
  last_sign_in_at: string | null;
  created_at: string;
  updated_at: string;
};

export type RecoveryCodesTable = {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
  created_at: string;
};

export type OneTimeTokensTable = {
  id: string;
  purpose: 'invitation' | 'password_reset' | 'setup';
  token_hash: string;
  user_id: string | null;
  space_id: string | null;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
};

export type LoginFailuresTable = {
  id: string;
  /** `account:<email>` or `ip:<address>`. */
  key: string;
  at: string;
};
