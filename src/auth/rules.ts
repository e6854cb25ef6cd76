/** Sign-in throttling, pure so it can be tested without a clock. */
export const LOCKOUT = {
  windowMs: 15 * 60_000,
  /** Failures for one e-mail inside the window that lock it. */
  perAccount: 5,
  /** Failures from one IP inside the window that block it (many accounts tried). */
  perIp: 30,
  lockMs: 15 * 60_000,
} as const;

export const SESSION = {
  /** Signed-in staff stay signed in while active; idle sessions end. */
  idleMs: 8 * 60 * 60_000,
  absoluteMs: 7 * 24 * 60 * 60_000,
  /** last_seen_at is written at most this often. */
  touchEveryMs: 5 * 60_000,
  cookie: 'lentera_session',
} as const;

export const RESET_TOKEN_MS = 60 * 60_000;

/** When the account or IP may try again, or undefined if it may now. */
export function lockedUntil(failures: readonly Date[], limit: number, now: Date): Date | undefined {
  const recent = failures.filter((f) => now.getTime() - f.getTime() < LOCKOUT.windowMs);
  if (recent.length < limit) return undefined;
  const last = Math.max(...recent.map((f) => f.getTime()));
  const until = new Date(last + LOCKOUT.lockMs);
  return until > now ? until : undefined;
}

export function sessionExpired(session: { createdAt: Date; lastSeenAt: Date; revokedAt: Date | null; expiresAt: Date }, now: Date): boolean {
  return (
    session.revokedAt !== null ||
    session.expiresAt <= now ||
    now.getTime() - session.lastSeenAt.getTime() > SESSION.idleMs
  );
}
