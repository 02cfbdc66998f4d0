// The otpauth:// key URI authenticator apps read (Google Authenticator's "Key Uri Format").

/** `otpauth://totp/<issuer>:<label>?secret=<base32>&issuer=<issuer>`, each part URI-encoded. */
export function totpUri(issuer: string, label: string, secretCode: string): string {
  const name = `${encodeURIComponent(issuer)}:${encodeURIComponent(label)}`;
  const query = new URLSearchParams({ secret: secretCode, issuer });
  return `otpauth://totp/${name}?${query.toString()}`;
}
