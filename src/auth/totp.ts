import { Secret, TOTP } from 'otpauth';

/** RFC 6238 TOTP as authenticator apps expect it: SHA-1, 6 digits, 30 s. One step of clock drift allowed. */
function totp(secretBase32: string, label = ''): TOTP {
  return new TOTP({ issuer: 'Lentera', label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, email: string): string {
  return totp(secretBase32, email).toString();
}

export function checkTotp(secretBase32: string, code: string, at: number = Date.now()): boolean {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return false;
  return totp(secretBase32).validate({ token, timestamp: at, window: 1 }) !== null;
}

export function totpCode(secretBase32: string, at: number = Date.now()): string {
  return totp(secretBase32).generate({ timestamp: at });
}
