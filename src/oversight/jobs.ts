import { and, desc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { outbox } from '../db/schema.ts';
import type { JobHandler } from '../kernel/outbox/runner.ts';
import { enqueue } from '../kernel/outbox/store.ts';
import { periodKey, type AnnualStatus, type LatestDip, type OfficeNode, type OversightPeriod, type OverviewFigures, type OverviewRow } from './rules.ts';
import { officeNodes, overseer, overview, OVERVIEW_STEPS, type Overview } from './service.ts';

/**
 * KPU RI's national overview counts every office's registers, which takes long on a national data
 * set: it runs as an outbox job, and the page (and its XLSX and CSV) show the job's progress, then its
 * result. The job's outbox row is its record: the payload carries the period, the progress and, once
 * finished, the result (aggregates only, never a personal column).
 */

export const OVERSIGHT_JOB = 'oversight.overview';

interface StoredRow {
  readonly office: number;
  readonly figures: OverviewFigures | null;
  readonly dip: LatestDip | null;
  readonly annual: AnnualStatus;
}

interface StoredResult {
  readonly computedAt: string;
  readonly annualYear: number;
  readonly rows: readonly StoredRow[];
}

interface Payload {
  readonly viewer: number;
  readonly period: OversightPeriod;
  readonly today: string;
  readonly done: number;
  readonly total: number;
  readonly result?: StoredResult;
}

export interface Snapshot {
  readonly id: number;
  readonly period: OversightPeriod;
  readonly today: string;
  readonly done: number;
  readonly total: number;
  /** Failed runs so far; the outbox tries again by itself. */
  readonly failures: number;
  readonly requestedAt: Date;
  /** Present once the job has finished. */
  readonly result?: { readonly overview: Overview; readonly computedAt: Date };
}

/** One computation per office, period and day; asking again the same day finds it. */
const dailyKey = (viewer: OfficeNode, period: OversightPeriod, today: string) => `${OVERSIGHT_JOB}:${viewer.id}:${periodKey(period)}:${today}`;

/**
 * Queues the overview of `period` for KPU RI (or finds today's). `fresh` asks for a new count even
 * when today's exists, at most one a minute, so a double click does not count twice.
 */
export async function startSnapshot(db: Db, viewer: OfficeNode, period: OversightPeriod, today: string, options: { fresh: boolean; now?: Date }): Promise<number> {
  overseer(viewer);
  const key = options.fresh ? `${dailyKey(viewer, period, today)}:${(options.now ?? new Date()).toISOString().slice(0, 16)}` : dailyKey(viewer, period, today);
  const payload: Payload = { viewer: viewer.id, period, today, done: 0, total: OVERVIEW_STEPS };
  const id = (await enqueue(db, { kind: OVERSIGHT_JOB, officeId: viewer.id, payload, dedupeKey: key })) ?? (await idByKey(db, key));
  if (id === undefined) throw new Error(`The oversight job ${key} was neither queued nor found.`);
  return id;
}

async function idByKey(db: Db, key: string): Promise<number | undefined> {
  const [row] = await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.dedupeKey, key));
  return row?.id;
}

function readPayload(payload: unknown): Payload {
  const p = (payload ?? {}) as Partial<Payload>;
  if (typeof p.viewer !== 'number' || typeof p.today !== 'string' || !p.period || typeof p.period.from !== 'string' || typeof p.period.to !== 'string') {
    throw new Error(`${OVERSIGHT_JOB} payload needs a viewer office, a period and a day`);
  }
  return { viewer: p.viewer, period: p.period, today: p.today, done: Number(p.done ?? 0), total: Number(p.total ?? OVERVIEW_STEPS), ...(p.result ? { result: p.result } : {}) };
}

async function snapshotWhere(db: Db, viewer: OfficeNode, where: SQL): Promise<Snapshot | undefined> {
  const [row] = await db
    .select({ id: outbox.id, payload: outbox.payload, attempts: outbox.attempts, createdAt: outbox.createdAt })
    .from(outbox)
    .where(and(where, eq(outbox.kind, OVERSIGHT_JOB), eq(outbox.officeId, viewer.id)))
    .orderBy(desc(outbox.id))
    .limit(1);
  if (!row) return undefined;
  const p = readPayload(row.payload);
  const snapshot = { id: row.id, period: p.period, today: p.today, done: Math.min(p.done, p.total), total: p.total, failures: row.attempts, requestedAt: row.createdAt };
  if (!p.result) return snapshot;
  const nodes = new Map((await officeNodes(db)).map((o) => [o.id, o]));
  // Offices are never deleted, but a row for one that is gone is left out rather than shown nameless.
  const rows = p.result.rows.flatMap((r): OverviewRow[] => {
    const office = nodes.get(r.office);
    return office ? [{ office, figures: r.figures, dip: r.dip, annual: r.annual }] : [];
  });
  const result = { overview: { viewer, level: overseer(viewer), period: p.period, today: p.today, annualYear: p.result.annualYear, rows }, computedAt: new Date(p.result.computedAt) };
  return { ...snapshot, result };
}

/** Today's latest overview of `period` for the viewer (a recount's when there was one), if it was asked for. */
export function todaysSnapshot(db: Db, viewer: OfficeNode, period: OversightPeriod, today: string): Promise<Snapshot | undefined> {
  const key = dailyKey(viewer, period, today);
  return snapshotWhere(db, viewer, or(eq(outbox.dedupeKey, key), like(outbox.dedupeKey, `${key}:%`))!);
}

/** A snapshot by its id, only the viewer office's own. */
export function snapshotById(db: Db, viewer: OfficeNode, id: number): Promise<Snapshot | undefined> {
  return snapshotWhere(db, viewer, eq(outbox.id, id));
}

/** Writes into the job's own outbox row: its progress, then its result. */
async function saveToPayload(db: Db, id: number, fields: Partial<Payload>): Promise<void> {
  await db
    .update(outbox)
    .set({ payload: sql`${outbox.payload} || ${JSON.stringify(fields)}::jsonb` })
    .where(eq(outbox.id, id));
}

export function oversightJobHandler(): JobHandler {
  return async (payload, ctx) => {
    const job = readPayload(payload);
    const db = ctx.database.db;
    const viewer = (await officeNodes(db)).find((o) => o.id === job.viewer);
    if (!viewer) throw new Error(`${OVERSIGHT_JOB}: office ${job.viewer} does not exist`);
    const result = await overview(db, viewer, job.period, job.today, (done, total) => saveToPayload(db, ctx.id, { done, total }));
    const stored: StoredResult = {
      computedAt: new Date().toISOString(),
      annualYear: result.annualYear,
      rows: result.rows.map((r) => ({ office: r.office.id, figures: r.figures, dip: r.dip, annual: r.annual })),
    };
    await saveToPayload(db, ctx.id, { result: stored, done: job.total });
  };
}
