import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.ts';
import { passwordResets, sessions, signInAttempts, staff } from '../db/schema.ts';
import { recordEvent, type Actor } from '../kernel/audit/store.ts';
import { AppError, invalid } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { enqueueMail } from '../mail/mail.ts';
import { staffByEmail, staffById, type StaffRow } from '../offices/store.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { LOCKOUT, lockedUntil, RESET_TOKEN_MS, SESSION, sessionExpired } from './rules.ts';
import { checkTotp } from './totp.ts';
import { newToken, tokenHash } from './tokens.ts';

/** A hash to verify against when the e-mail is unknown, so both cases take the same time. */
let dummyHash: Promise<string> | undefined;

const BAD_CREDENTIALS = text('Surel atau kata sandi salah.', 'Wrong e-mail or password.');

function lockedError(until: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError(
    429,
    'locked',
    text(
      `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${minutes} menit, atau atur ulang kata sandi.`,
      `Too many failed sign-in attempts. Try again in ${minutes} minutes, or reset your password.`,
    ),
  );
}

export interface SignInResult {
  readonly token: string;
  readonly staff: StaffRow;
  /** The session waits for the TOTP code before it may do anything else. */
  readonly secondFactorPending: boolean;
}

export async function signIn(
  db: Db,
  input: { email: string; password: string; ip: string; userAgent: string; requestId: string },
  now = new Date(),
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const since = new Date(now.getTime() - LOCKOUT.windowMs);
  const [byEmail, byIp] = await Promise.all([
    db.select({ at: signInAttempts.at }).from(signInAttempts).where(and(eq(signInAttempts.email, email), gt(signInAttempts.at, since))),
    db.select({ at: signInAttempts.at }).from(signInAttempts).where(and(eq(signInAttempts.ip, input.ip), gt(signInAttempts.at, since))),
  ]);
  const until =
    lockedUntil(byEmail.map((r) => r.at), LOCKOUT.perAccount, now) ?? lockedUntil(byIp.map((r) => r.at), LOCKOUT.perIp, now);
  if (until) throw lockedError(until);

  const account = await staffByEmail(db, email);
  dummyHash ??= hashPassword('lentera-timing-equaliser');
  const ok = await verifyPassword(account?.passwordHash ?? (await dummyHash), input.password);
  if (!account || !ok || !account.active) {
    await db.transaction(async (tx) => {
      await tx.insert(signInAttempts).values({ email, ip: input.ip, at: now });
      if (account && byEmail.length + 1 === LOCKOUT.perAccount) {
        await recordEvent(tx, { staffId: null, label: email, ip: input.ip, requestId: input.requestId }, {
          officeId: account.officeId,
          action: 'auth.locked_out',
          subjectType: 'staff',
          subjectId: account.id,
        });
      }
    });
    throw new AppError(401, 'bad_credentials', BAD_CREDENTIALS);
  }
  const token = newToken();
  const actor: Actor = { staffId: account.id, label: account.email, ip: input.ip, requestId: input.requestId };
  await db.transaction(async (tx) => {
    await tx.delete(signInAttempts).where(eq(signInAttempts.email, email));
    const [session] = await tx
      .insert(sessions)
      .values({
        tokenHash: tokenHash(token),
        staffId: account.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + SESSION.absoluteMs),
        secondFactorPending: account.totpEnabled,
        ip: input.ip,
        userAgent: input.userAgent.slice(0, 300),
      })
      .returning({ id: sessions.id });
    await recordEvent(tx, actor, { officeId: account.officeId, action: 'auth.signed_in', subjectType: 'session', subjectId: session!.id });
  });
  return { token, staff: account, secondFactorPending: account.totpEnabled };
}

export interface ActiveSession {
  readonly id: number;
  readonly staff: StaffRow;
  readonly secondFactorPending: boolean;
}

/** The session behind a cookie, if it is still valid; refreshes last_seen_at now and then. */
export async function resolveSession(db: Db, token: string, now = new Date()): Promise<ActiveSession | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const [row] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash(token)));
  if (!row || sessionExpired(row, now)) return undefined;
  const account = await staffById(db, row.staffId);
  if (!account || !account.active) return undefined;
  if (now.getTime() - row.lastSeenAt.getTime() > SESSION.touchEveryMs) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.id));
  }
  return { id: row.id, staff: account, secondFactorPending: row.secondFactorPending };
}

export async function completeSecondFactor(db: Db, session: ActiveSession, code: string, actor: Actor): Promise<void> {
  const secret = session.staff.totpSecret;
  if (!secret || !checkTotp(secret, code)) {
    throw invalid({ code: text('Kode verifikasi salah atau kedaluwarsa.', 'The verification code is wrong or expired.') });
  }
  await db.transaction(async (tx) => {
    await tx.update(sessions).set({ secondFactorPending: false }).where(eq(sessions.id, session.id));
    await recordEvent(tx, actor, { officeId: session.staff.officeId, action: 'auth.second_factor_passed', subjectType: 'session', subjectId: session.id });
  });
}

export async function signOut(db: Db, sessionId: number, actor: Actor, officeId: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(sessions).set({ revokedAt: new Date() }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
    await recordEvent(tx, actor, { officeId, action: 'auth.signed_out', subjectType: 'session', subjectId: sessionId });
  });
}

/** Ends every session of a staff member (password change, deactivation, or the admin's choice). */
export async function revokeAllSessions(tx: Executor, staffId: number, exceptSessionId?: number): Promise<number> {
  const rows = await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(sessions.staffId, staffId),
        isNull(sessions.revokedAt),
        exceptSessionId === undefined ? undefined : sql`${sessions.id} <> ${exceptSessionId}`,
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

export function activeSessionsOf(exec: Executor, staffId: number, now = new Date()) {
  return exec
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, ip: sessions.ip, userAgent: sessions.userAgent })
    .from(sessions)
    .where(
      and(
        eq(sessions.staffId, staffId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - SESSION.idleMs)),
      ),
    );
}

/**
 * Starts a password reset. The answer never says whether the address has an account; when it does,
 * the link goes out by e-mail through the outbox, in the same transaction as the token.
 */
export async function requestPasswordReset(db: Db, email: string, baseUrl: string, actor: Actor, now = new Date()): Promise<void> {
  const account = await staffByEmail(db, email);
  if (!account || !account.active) return;
  const token = newToken();
  await db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({ staffId: account.id, tokenHash: tokenHash(token), expiresAt: new Date(now.getTime() + RESET_TOKEN_MS) });
    await enqueueMail(tx, {
      officeId: account.officeId,
      to: account.email,
      subject: 'Atur ulang kata sandi Lentera / Reset your Lentera password',
      text: [
        `Yth. ${account.name},`,
        '',
        'Kami menerima permintaan untuk mengatur ulang kata sandi akun Lentera Anda. Buka tautan berikut dalam 60 menit:',
        `${baseUrl}/atur-sandi?token=${token}`,
        '',
        'Jika Anda tidak memintanya, abaikan surel ini; kata sandi Anda tidak berubah.',
        '',
        '---',
        'We received a request to reset your Lentera password. Open the link above within 60 minutes. If you did not ask for it, ignore this e-mail.',
      ].join('\n'),
    });
    await recordEvent(tx, actor, { officeId: account.officeId, action: 'auth.password_reset_requested', subjectType: 'staff', subjectId: account.id });
  });
}

const RESET_INVALID = text(
  'Tautan atur ulang kata sandi tidak berlaku atau sudah kedaluwarsa. Minta tautan baru.',
  'This password reset link is invalid or expired. Ask for a new one.',
);

export async function resetTokenValid(db: Db, token: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, tokenHash(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)));
  return row !== undefined;
}

/** Sets the new password, uses up the token and ends every session of the account, all at once. */
export async function completePasswordReset(db: Db, token: string, password: string, actor: Actor, now = new Date()): Promise<void> {
  const [reset] = await db
    .select()
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, tokenHash(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)));
  if (!reset) throw new AppError(400, 'reset_invalid', RESET_INVALID);
  const account = await staffById(db, reset.staffId);
  if (!account) throw new AppError(400, 'reset_invalid', RESET_INVALID);
  const problem = passwordProblem(password, account.email);
  if (problem) throw invalid({ password: problem });
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const used = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.id, reset.id), isNull(passwordResets.usedAt)))
      .returning({ id: passwordResets.id });
    if (used.length === 0) throw new AppError(400, 'reset_invalid', RESET_INVALID);
    await tx.update(staff).set({ passwordHash }).where(eq(staff.id, account.id));
    await revokeAllSessions(tx, account.id);
    await tx.delete(signInAttempts).where(eq(signInAttempts.email, account.email.toLowerCase()));
    await recordEvent(tx, { ...actor, staffId: account.id, label: account.email }, {
      officeId: account.officeId,
      action: 'auth.password_reset',
      subjectType: 'staff',
      subjectId: account.id,
    });
  });
}

/** Removes what is no longer needed: old attempts, expired resets and sessions. Run by the scheduler. */
export async function purgeExpiredAuthRows(db: Db, now = new Date()): Promise<void> {
  const old = new Date(now.getTime() - 24 * 60 * 60_000);
  await db.delete(signInAttempts).where(lt(signInAttempts.at, old));
  await db.delete(passwordResets).where(or(lt(passwordResets.expiresAt, old), and(lt(passwordResets.createdAt, old), sql`${passwordResets.usedAt} IS NOT NULL`)));
  await db.delete(sessions).where(or(lt(sessions.expiresAt, old), lt(sessions.lastSeenAt, new Date(old.getTime() - SESSION.idleMs))));
}
