import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { staff } from '../db/schema.ts';
import { recordEvent, type Actor } from '../kernel/audit/store.ts';
import { invalid } from '../kernel/errors.ts';
import { text, type Text } from '../kernel/i18n.ts';
import { staffById, type StaffRow } from '../offices/store.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { revokeAllSessions } from './service.ts';
import { checkTotp } from './totp.ts';

/** What a signed-in staff member changes on their own account; `sessionId` is the session doing it, which stays. */
export interface Own {
  readonly staff: StaffRow;
  readonly sessionId: number;
  readonly actor: Actor;
}

const TOTP_SECRET = /^[A-Z2-7]{16,64}$/;

export function isTotpSecret(value: string): boolean {
  return TOTP_SECRET.test(value);
}

/** A new password ends every other session of the account, as a stolen session would otherwise survive it. */
export async function changePassword(db: Db, own: Own, current: string, next: string): Promise<void> {
  const me = (await staffById(db, own.staff.id))!;
  const errors: Record<string, Text> = {};
  if (!(await verifyPassword(me.passwordHash, current))) errors.current_password = text('Kata sandi sekarang salah.', 'The current password is wrong.');
  const problem = passwordProblem(next, me.email);
  if (problem) errors.password = problem;
  if (Object.keys(errors).length) throw invalid(errors);
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx.update(staff).set({ passwordHash }).where(eq(staff.id, me.id));
    await revokeAllSessions(tx, me.id, own.sessionId);
    await recordEvent(tx, own.actor, { officeId: me.officeId, action: 'auth.password_changed', subjectType: 'staff', subjectId: me.id });
  });
}

/** Turns TOTP on only once the person has shown a code from the secret, so a mistyped enrolment never locks them out. */
export async function enableTotp(db: Db, own: Own, secret: string, code: string): Promise<void> {
  if (!isTotpSecret(secret) || !checkTotp(secret, code)) {
    throw invalid({ code: text('Kode verifikasi salah; coba kode yang sedang tampil.', 'Wrong code; try the one currently shown.') });
  }
  await db.transaction(async (tx) => {
    await tx.update(staff).set({ totpSecret: secret, totpEnabled: true }).where(eq(staff.id, own.staff.id));
    await recordEvent(tx, own.actor, { officeId: own.staff.officeId, action: 'auth.totp_enabled', subjectType: 'staff', subjectId: own.staff.id });
  });
}

export async function disableTotp(db: Db, own: Own, code: string): Promise<void> {
  if (!own.staff.totpSecret || !checkTotp(own.staff.totpSecret, code)) {
    throw invalid({ code: text('Kode verifikasi salah.', 'Wrong verification code.') });
  }
  await db.transaction(async (tx) => {
    await tx.update(staff).set({ totpSecret: null, totpEnabled: false }).where(eq(staff.id, own.staff.id));
    await recordEvent(tx, own.actor, { officeId: own.staff.officeId, action: 'auth.totp_disabled', subjectType: 'staff', subjectId: own.staff.id });
  });
}

export async function revokeOtherSessions(db: Db, own: Own): Promise<number> {
  return db.transaction(async (tx) => {
    const count = await revokeAllSessions(tx, own.staff.id, own.sessionId);
    await recordEvent(tx, own.actor, { officeId: own.staff.officeId, action: 'auth.sessions_revoked', subjectType: 'staff', subjectId: own.staff.id, after: { revoked: count } });
    return count;
  });
}
