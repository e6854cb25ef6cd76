import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { outbox } from '../../db/schema.ts';

export interface OutboxMessage {
  readonly kind: string;
  readonly officeId: number | null;
  readonly payload: unknown;
  /**
   * Makes the message unique across the whole outbox, done rows included: put the office and the
   * subject in it (e.g. `notice:12:REQ-2026-0031`) so a retried use case never sends twice.
   */
  readonly dedupeKey?: string;
  readonly runAfter?: Date;
}

/**
 * Queues a message. Call it with the transaction of the change that causes it: if that change rolls
 * back, the message was never there. Returns the new id, or null when the dedupe key was already queued.
 */
export async function enqueue(tx: Executor, msg: OutboxMessage): Promise<number | null> {
  const rows = await tx
    .insert(outbox)
    .values({
      kind: msg.kind,
      officeId: msg.officeId,
      payload: msg.payload,
      dedupeKey: msg.dedupeKey ?? null,
      // The app clock, not the database's: the same clock that later decides whether it is due.
      runAfter: msg.runAfter ?? new Date(),
    })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return rows[0]?.id ?? null;
}

/** A message handed to one worker until `lockedUntil`. */
export interface ClaimedMessage {
  readonly id: number;
  readonly kind: string;
  readonly officeId: number | null;
  readonly payload: unknown;
  /** Failed attempts before this one. */
  readonly attempts: number;
  /** The lease; it also identifies this claim, so a worker that lost its lease cannot settle the row. */
  readonly lockedUntil: Date;
}

export interface ClaimOptions {
  readonly now: Date;
  readonly limit: number;
  readonly leaseMs: number;
}

const LEASE_LOST = 'Lease expired before the job finished (the worker stopped or crashed); running it again.';

/**
 * Takes up to `limit` due messages for this worker in one short transaction. SKIP LOCKED lets other
 * workers claim different rows at the same moment instead of waiting; a row still 'running' after its
 * lease ran out belongs to a worker that died, so it is claimed again and the lost run counts as a
 * failed attempt (visible to the admin like any other failure).
 */
export async function claimDue(db: Db, { now, limit, leaseMs }: ClaimOptions): Promise<ClaimedMessage[]> {
  // Times are computed here, in milliseconds, so the lease read back equals the one written.
  const lockedUntil = new Date(now.getTime() + leaseMs);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        or(
          and(eq(outbox.status, 'pending'), lte(outbox.runAfter, now)),
          and(eq(outbox.status, 'running'), lt(outbox.lockedUntil, now)),
        ),
      )
      .orderBy(asc(outbox.runAfter), asc(outbox.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    const reclaimed = sql`${outbox.status} = 'running'`;
    const rows = await tx
      .update(outbox)
      .set({
        status: 'running',
        lockedUntil,
        attempts: sql`${outbox.attempts} + CASE WHEN ${reclaimed} THEN 1 ELSE 0 END`,
        lastError: sql`CASE WHEN ${reclaimed} THEN ${LEASE_LOST} ELSE ${outbox.lastError} END`,
      })
      .where(inArray(outbox.id, due.map((r) => r.id)))
      .returning({
        id: outbox.id,
        kind: outbox.kind,
        officeId: outbox.officeId,
        payload: outbox.payload,
        attempts: outbox.attempts,
      });
    return rows.map((r) => ({ ...r, lockedUntil })).sort((a, b) => a.id - b.id);
  });
}

const heldBy = (msg: Pick<ClaimedMessage, 'id' | 'lockedUntil'>) =>
  and(eq(outbox.id, msg.id), eq(outbox.status, 'running'), eq(outbox.lockedUntil, msg.lockedUntil));

/** Records success. False when the lease was lost meanwhile (another worker may be running it again). */
export async function markDone(exec: Executor, msg: Pick<ClaimedMessage, 'id' | 'lockedUntil'>, now: Date): Promise<boolean> {
  const rows = await exec
    .update(outbox)
    .set({ status: 'done', doneAt: now, lockedUntil: null })
    .where(heldBy(msg))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

const MAX_ERROR_LENGTH = 2000;

/**
 * Records a failure and schedules the next attempt. A message is never dropped: a mail server that is
 * down for a day, or a kind only a newer release knows, must still be delivered in the end.
 * False when the lease was lost meanwhile.
 */
export async function markFailed(
  exec: Executor,
  msg: Pick<ClaimedMessage, 'id' | 'lockedUntil' | 'attempts'>,
  error: string,
  now: Date,
): Promise<boolean> {
  const runAfter = new Date(now.getTime() + retryDelayMs(msg.attempts + 1));
  const rows = await exec
    .update(outbox)
    .set({
      status: 'pending',
      attempts: sql`${outbox.attempts} + 1`,
      lastError: error.slice(0, MAX_ERROR_LENGTH),
      runAfter,
      lockedUntil: null,
    })
    .where(heldBy(msg))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;

/**
 * Wait before attempt `failures + 1`: 30 s doubling up to an hour, then randomly shortened by up to
 * half so that messages which failed together (a mail server outage) do not all retry in one burst.
 */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, failures - 1);
  const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(exponent, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export interface OutboxStats {
  readonly pending: number;
  /** Claimed by a worker now (or by one that died, until its lease runs out). */
  readonly running: number;
  /** Pending messages that have failed at least once: a mail server or a handler needs attention. */
  readonly failing: number;
  /** Seconds since the oldest pending message was queued; null when nothing is pending. */
  readonly oldestPendingAgeSeconds: number | null;
}

/** Health figures for /readyz and the admin pages. */
export async function outboxStats(exec: Executor, now: Date = new Date()): Promise<OutboxStats> {
  const pending = sql`${outbox.status} = 'pending'`;
  const [row] = await exec
    .select({
      pending: sql`count(*) FILTER (WHERE ${pending})`.mapWith(Number),
      running: sql`count(*) FILTER (WHERE ${outbox.status} = 'running')`.mapWith(Number),
      failing: sql`count(*) FILTER (WHERE ${pending} AND ${outbox.attempts} > 0)`.mapWith(Number),
      oldestPendingAgeSeconds: sql<number | null>`floor(extract(epoch FROM ${now.toISOString()}::timestamptz - min(${outbox.createdAt}) FILTER (WHERE ${pending})))`,
    })
    .from(outbox)
    .where(inArray(outbox.status, ['pending', 'running']));
  const age = row?.oldestPendingAgeSeconds;
  return {
    pending: row?.pending ?? 0,
    running: row?.running ?? 0,
    failing: row?.failing ?? 0,
    // numeric arrives as a string from `pg` and as a number from PGlite.
    oldestPendingAgeSeconds: age === null || age === undefined ? null : Math.max(0, Number(age)),
  };
}
