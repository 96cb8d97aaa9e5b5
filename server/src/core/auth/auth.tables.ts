export type SessionsTable = {
  id: string;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  /** Password accepted, second factor still owed: the session grants nothing but /auth/2fa. */
  mfa_pending: number;
  created_at: string;
  last_seen_at: string;
  idle_expires_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
  revoked_at: string | null;
};

export type ApiTokensTable = {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
};
