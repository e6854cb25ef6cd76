import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { auditEvents, dikEntries, dipCallUnits, dipCalls, dipEditionEntries, dipEditions, dipItemFiles, dipItems, offices, units } from '../db/schema.ts';
import type { OfficeScope } from '../offices/store.ts';
import type { Snapshot } from './rules.ts';

export type DipCallRow = typeof dipCalls.$inferSelect;
export type DipItemRow = typeof dipItems.$inferSelect;
export type DipItemFileRow = typeof dipItemFiles.$inferSelect;
export type DikEntryRow = typeof dikEntries.$inferSelect;
export type DipEditionRow = typeof dipEditions.$inferSelect;

/** A file's facts without its bytes. */
export const ITEM_FILE_FACTS = {
  id: dipItemFiles.id,
  itemId: dipItemFiles.itemId,
  name: dipItemFiles.name,
  mediaType: dipItemFiles.mediaType,
  size: dipItemFiles.size,
  sha256: dipItemFiles.sha256,
  check: dipItemFiles.check,
  review: dipItemFiles.review,
  overrideReason: dipItemFiles.overrideReason,
  reviewedAt: dipItemFiles.reviewedAt,
};

/** The office and every office above it, nearest first: whose DIK entries apply to it. */
export async function officeAndAncestors(exec: Executor, officeId: number): Promise<number[]> {
  const chain: number[] = [];
  let current: number | null = officeId;
  // The hierarchy is three levels deep; the bound only guards against a cycle in bad data.
  for (let i = 0; current !== null && i < 10; i++) {
    chain.push(current);
    const [row]: { parentId: number | null }[] = await exec.select({ parentId: offices.parentId }).from(offices).where(eq(offices.id, current));
    current = row?.parentId ?? null;
  }
  return chain;
}

export function callsOf(exec: Executor, scope: OfficeScope) {
  return exec.select().from(dipCalls).where(eq(dipCalls.officeId, scope.officeId)).orderBy(desc(dipCalls.createdAt), desc(dipCalls.id));
}

export async function callInScope(exec: Executor, scope: OfficeScope, id: number): Promise<DipCallRow | undefined> {
  const [row] = await exec.select().from(dipCalls).where(and(eq(dipCalls.id, id), eq(dipCalls.officeId, scope.officeId)));
  return row;
}

/** Each unit a call asked, with whether it has answered and how many items it sent. */
export function callUnits(exec: Executor, callId: number) {
  return exec
    .select({
      unitId: dipCallUnits.unitId,
      unitName: units.name,
      answeredAt: dipCallUnits.answeredAt,
      items: sql<number>`(SELECT count(*)::int FROM dip_items i WHERE i.call_id = ${dipCallUnits.callId} AND i.unit_id = ${dipCallUnits.unitId})`,
    })
    .from(dipCallUnits)
    .innerJoin(units, eq(units.id, dipCallUnits.unitId))
    .where(eq(dipCallUnits.callId, callId))
    .orderBy(asc(units.name));
}

/** Open calls a unit has not answered yet: its work list. */
export function openCallsOfUnit(exec: Executor, scope: OfficeScope, unitId: number) {
  return exec
    .select({ call: dipCalls })
    .from(dipCallUnits)
    .innerJoin(dipCalls, eq(dipCalls.id, dipCallUnits.callId))
    .where(and(eq(dipCallUnits.officeId, scope.officeId), eq(dipCallUnits.unitId, unitId), isNull(dipCallUnits.answeredAt), isNull(dipCalls.closedAt)))
    .orderBy(asc(dipCalls.dueOn));
}

export async function itemInScope(exec: Executor, scope: OfficeScope, id: number): Promise<DipItemRow | undefined> {
  const [row] = await exec.select().from(dipItems).where(and(eq(dipItems.id, id), eq(dipItems.officeId, scope.officeId)));
  return row;
}

export function itemsOf(exec: Executor, scope: OfficeScope, filter: { status?: string; unitId?: number } = {}) {
  return exec
    .select({ item: dipItems, unitName: units.name })
    .from(dipItems)
    .leftJoin(units, eq(units.id, dipItems.unitId))
    .where(and(eq(dipItems.officeId, scope.officeId), filter.status ? eq(dipItems.status, filter.status) : undefined, filter.unitId ? eq(dipItems.unitId, filter.unitId) : undefined))
    .orderBy(asc(dipItems.id));
}

export function filesOfItems(exec: Executor, itemIds: readonly number[]) {
  if (itemIds.length === 0) return Promise.resolve([]);
  return exec.select(ITEM_FILE_FACTS).from(dipItemFiles).where(inArray(dipItemFiles.itemId, [...itemIds])).orderBy(asc(dipItemFiles.id));
}

export async function itemFileInScope(exec: Executor, scope: OfficeScope, id: number): Promise<DipItemFileRow | undefined> {
  const [row] = await exec.select().from(dipItemFiles).where(and(eq(dipItemFiles.id, id), eq(dipItemFiles.officeId, scope.officeId)));
  return row;
}

export function dikEntriesFor(exec: Executor, officeIds: readonly number[]) {
  return exec.select().from(dikEntries).where(inArray(dikEntries.officeId, [...officeIds])).orderBy(asc(dikEntries.id));
}

export async function dikEntryById(exec: Executor, id: number): Promise<DikEntryRow | undefined> {
  const [row] = await exec.select().from(dikEntries).where(eq(dikEntries.id, id));
  return row;
}

export function editionsOf(exec: Executor, officeId: number) {
  return exec.select().from(dipEditions).where(eq(dipEditions.officeId, officeId)).orderBy(desc(dipEditions.number));
}

export async function editionInScope(exec: Executor, scope: OfficeScope, id: number): Promise<DipEditionRow | undefined> {
  const [row] = await exec.select().from(dipEditions).where(and(eq(dipEditions.id, id), eq(dipEditions.officeId, scope.officeId)));
  return row;
}

/** The edition the public sees: the latest the Secretary ordered uploaded. */
export async function publishedEdition(exec: Executor, officeId: number): Promise<DipEditionRow | undefined> {
  const [row] = await exec
    .select()
    .from(dipEditions)
    .where(and(eq(dipEditions.officeId, officeId), eq(dipEditions.status, 'ordered')))
    .orderBy(desc(dipEditions.number))
    .limit(1);
  return row;
}

export async function editionSnapshots(exec: Executor, editionId: number): Promise<Map<number, Snapshot & { position: number }>> {
  const rows = await exec
    .select({ itemId: dipEditionEntries.itemId, position: dipEditionEntries.position, snapshot: dipEditionEntries.snapshot })
    .from(dipEditionEntries)
    .where(eq(dipEditionEntries.editionId, editionId))
    .orderBy(asc(dipEditionEntries.position));
  return new Map(rows.map((r) => [r.itemId, { ...(r.snapshot as Snapshot), position: r.position }]));
}

/** An item's steps as the audit log recorded them (its part of the buku rekap informasi), oldest first. */
export function itemEvents(exec: Executor, officeId: number, itemId: number) {
  return exec
    .select({ at: auditEvents.at, action: auditEvents.action, actorLabel: auditEvents.actorLabel, before: auditEvents.before, after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.officeId, officeId), eq(auditEvents.subjectType, 'dip_item'), eq(auditEvents.subjectId, String(itemId))))
    .orderBy(asc(auditEvents.id));
}

/** One file of the office's items, without its bytes: for the steps that decide on it. */
export async function itemFileFactsInScope(exec: Executor, scope: OfficeScope, id: number) {
  const [row] = await exec.select(ITEM_FILE_FACTS).from(dipItemFiles).where(and(eq(dipItemFiles.id, id), eq(dipItemFiles.officeId, scope.officeId)));
  return row;
}
