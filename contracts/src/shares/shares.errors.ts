/** Stable error codes of the shares module; the web app translates each `errors.<code>`. */
export const sharesErrors = [
  'shares.locked',
  'shares.wrong_password',
  'shares.invalid_code',
  'shares.link_expired',
  'shares.link_revoked',
  'shares.download_limit_reached',
  'shares.expiry_too_long',
  'shares.recipient_required',
] as const;
