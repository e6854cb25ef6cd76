import { hash, verify } from '@node-rs/argon2';
import { text, type Text } from '../kernel/i18n.ts';

// @node-rs/argon2 defaults to argon2id; memory and time cost follow OWASP's argon2id minimums.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Pure: why a new password is not acceptable, or undefined. */
export function passwordProblem(password: string, email = ''): Text | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return text(`Kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter.`, `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return text(`Kata sandi paling panjang ${MAX_PASSWORD_LENGTH} karakter.`, `The password may have at most ${MAX_PASSWORD_LENGTH} characters.`);
  }
  if (email && password.toLowerCase().includes(email.split('@')[0]!.toLowerCase())) {
    return text('Kata sandi tidak boleh memuat nama akun surel.', 'The password must not contain the e-mail account name.');
  }
  return undefined;
}

/** A password for a new account that its owner replaces through the reset e-mail. */
export function randomPassword(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64url');
}
