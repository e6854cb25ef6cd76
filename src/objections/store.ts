import { and, asc, eq, ne } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { caseFiles, disputes, disputeStages, objections } from '../db/schema.ts';
import type { OfficeScope } from '../offices/store.ts';

export type ObjectionRow = typeof objections.$inferSelect;
export type DisputeRow = typeof disputes.$inferSelect;
export type DisputeStageRow = typeof disputeStages.$inferSelect;
export type CaseFileRow = typeof caseFiles.$inferSelect;
export type CaseFileFacts = Omit<CaseFileRow, 'content'>;

const FILE_FACTS = {
  id: caseFiles.id,
  officeId: caseFiles.officeId,
  objectionId: caseFiles.objectionId,
  disputeId: caseFiles.disputeId,
  role: caseFiles.role,
  name: caseFiles.name,
  mediaType: caseFiles.mediaType,
  size: caseFiles.size,
  sha256: caseFiles.sha256,
  uploadedBy: caseFiles.uploadedBy,
  createdAt: caseFiles.createdAt,
} as const;

export async function objectionInScope(exec: Executor, scope: OfficeScope, id: number): Promise<ObjectionRow | undefined> {
  const [row] = await exec.select().from(objections).where(and(eq(objections.id, id), eq(objections.officeId, scope.officeId)));
  return row;
}

export async function lockObjection(exec: Executor, scope: OfficeScope, id: number): Promise<ObjectionRow | undefined> {
  const [row] = await exec.select().from(objections).where(and(eq(objections.id, id), eq(objections.officeId, scope.officeId))).for('update');
  return row;
}

export async function objectionBySubmissionKey(exec: Executor, officeId: number, key: string): Promise<ObjectionRow | undefined> {
  const [row] = await exec.select().from(objections).where(and(eq(objections.officeId, officeId), eq(objections.submissionKey, key)));
  return row;
}

export function objectionsOfRequest(exec: Executor, requestId: number): Promise<ObjectionRow[]> {
  return exec.select().from(objections).where(eq(objections.requestId, requestId)).orderBy(asc(objections.id));
}

export async function disputeInScope(exec: Executor, scope: OfficeScope, id: number): Promise<DisputeRow | undefined> {
  const [row] = await exec.select().from(disputes).where(and(eq(disputes.id, id), eq(disputes.officeId, scope.officeId)));
  return row;
}

export async function lockDispute(exec: Executor, scope: OfficeScope, id: number): Promise<DisputeRow | undefined> {
  const [row] = await exec.select().from(disputes).where(and(eq(disputes.id, id), eq(disputes.officeId, scope.officeId))).for('update');
  return row;
}

export async function disputeOfObjection(exec: Executor, objectionId: number): Promise<DisputeRow | undefined> {
  const [row] = await exec.select().from(disputes).where(eq(disputes.objectionId, objectionId));
  return row;
}

export function stagesOf(exec: Executor, disputeId: number): Promise<DisputeStageRow[]> {
  return exec.select().from(disputeStages).where(eq(disputeStages.disputeId, disputeId)).orderBy(asc(disputeStages.on), asc(disputeStages.id));
}

export function filesOfObjection(exec: Executor, objectionId: number): Promise<CaseFileFacts[]> {
  return exec.select(FILE_FACTS).from(caseFiles).where(eq(caseFiles.objectionId, objectionId)).orderBy(asc(caseFiles.id));
}

export function filesOfDispute(exec: Executor, disputeId: number): Promise<CaseFileFacts[]> {
  return exec.select(FILE_FACTS).from(caseFiles).where(eq(caseFiles.disputeId, disputeId)).orderBy(asc(caseFiles.id));
}

export async function caseFileInScope(exec: Executor, scope: OfficeScope, id: number): Promise<CaseFileRow | undefined> {
  const [row] = await exec.select().from(caseFiles).where(and(eq(caseFiles.id, id), eq(caseFiles.officeId, scope.officeId)));
  return row;
}

/** Objections of the request that still stand (not withdrawn), for the one-objection-per-ground rule. */
export function standingObjections(exec: Executor, requestId: number): Promise<ObjectionRow[]> {
  return exec.select().from(objections).where(and(eq(objections.requestId, requestId), ne(objections.status, 'withdrawn'))).orderBy(asc(objections.id));
}
