import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { auditEvents, deadlines, dispositions, downloadLinks, letters, requestFiles, requests, stagedUploads, units } from '../db/schema.ts';
import type { OfficeScope } from '../offices/store.ts';

export type RequestRow = typeof requests.$inferSelect;
export type RequestFileRow = typeof requestFiles.$inferSelect;
export type DispositionRow = typeof dispositions.$inferSelect;
export type StagedUploadRow = typeof stagedUploads.$inferSelect;

/** A file's facts without its bytes: lists never load content. */
export const FILE_FACTS = {
  id: requestFiles.id,
  requestId: requestFiles.requestId,
  dispositionId: requestFiles.dispositionId,
  role: requestFiles.role,
  name: requestFiles.name,
  mediaType: requestFiles.mediaType,
  size: requestFiles.size,
  sha256: requestFiles.sha256,
  check: requestFiles.check,
  release: requestFiles.release,
  releaseNote: requestFiles.releaseNote,
  releasedAt: requestFiles.releasedAt,
  createdAt: requestFiles.createdAt,
};
export type FileFacts = Omit<RequestFileRow, 'officeId' | 'content' | 'releasedBy' | 'uploadedBy'>;

/** The request in the staff member's office, locked for the change about to be made. */
export async function lockRequest(exec: Executor, scope: OfficeScope, id: number): Promise<RequestRow | undefined> {
  const [row] = await exec.select().from(requests).where(and(eq(requests.id, id), eq(requests.officeId, scope.officeId))).for('update');
  return row;
}

export async function requestInScope(exec: Executor, scope: OfficeScope, id: number): Promise<RequestRow | undefined> {
  const [row] = await exec.select().from(requests).where(and(eq(requests.id, id), eq(requests.officeId, scope.officeId)));
  return row;
}

export async function requestByNumber(exec: Executor, officeId: number, number: string): Promise<RequestRow | undefined> {
  const [row] = await exec.select().from(requests).where(and(eq(requests.officeId, officeId), eq(requests.number, number)));
  return row;
}

export async function requestBySubmissionKey(exec: Executor, officeId: number, key: string): Promise<RequestRow | undefined> {
  const [row] = await exec.select().from(requests).where(and(eq(requests.officeId, officeId), eq(requests.submissionKey, key)));
  return row;
}

export function filesOf(exec: Executor, requestId: number): Promise<FileFacts[]> {
  return exec.select(FILE_FACTS).from(requestFiles).where(eq(requestFiles.requestId, requestId)).orderBy(asc(requestFiles.id));
}

export async function fileInScope(exec: Executor, scope: OfficeScope, fileId: number): Promise<RequestFileRow | undefined> {
  const [row] = await exec.select().from(requestFiles).where(and(eq(requestFiles.id, fileId), eq(requestFiles.officeId, scope.officeId)));
  return row;
}

export type DispositionView = DispositionRow & { unitName: string | null };

export function dispositionsOf(exec: Executor, requestId: number): Promise<DispositionView[]> {
  return exec
    .select({ ...getTableColumns(dispositions), unitName: units.name })
    .from(dispositions)
    .leftJoin(units, eq(units.id, dispositions.unitId))
    .where(eq(dispositions.requestId, requestId))
    .orderBy(asc(dispositions.id));
}

export async function dispositionInScope(exec: Executor, scope: OfficeScope, id: number): Promise<DispositionRow | undefined> {
  const [row] = await exec.select().from(dispositions).where(and(eq(dispositions.id, id), eq(dispositions.officeId, scope.officeId)));
  return row;
}

/** Open dispositions for one unit, oldest due first: the unit's work list. */
export function openDispositionsOfUnit(exec: Executor, scope: OfficeScope, unitId: number) {
  return exec
    .select({ disposition: dispositions, number: requests.number, information: requests.information })
    .from(dispositions)
    .innerJoin(requests, eq(requests.id, dispositions.requestId))
    .where(and(eq(dispositions.officeId, scope.officeId), eq(dispositions.unitId, unitId), eq(dispositions.status, 'open')))
    .orderBy(asc(dispositions.dueOn), asc(dispositions.id));
}

export function lettersOf(exec: Executor, requestId: number) {
  return exec
    .select({ id: letters.id, kind: letters.kind, number: letters.number, issuedOn: letters.issuedOn, subject: letters.subject, verifyCode: letters.verifyCode, sha256: letters.sha256 })
    .from(letters)
    .where(and(eq(letters.subjectType, 'request'), eq(letters.subjectId, String(requestId))))
    .orderBy(asc(letters.id));
}

export async function letterPdfOf(exec: Executor, requestId: number, letterId: number): Promise<{ number: string; pdf: Buffer } | undefined> {
  const [row] = await exec
    .select({ number: letters.number, pdf: letters.pdf })
    .from(letters)
    .where(and(eq(letters.id, letterId), eq(letters.subjectType, 'request'), eq(letters.subjectId, String(requestId))));
  return row;
}

/** The request's events, oldest first: the timeline staff and applicants follow. */
export function eventsOf(exec: Executor, officeId: number, requestId: number) {
  return exec
    .select({ at: auditEvents.at, action: auditEvents.action, actorLabel: auditEvents.actorLabel, after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.officeId, officeId), eq(auditEvents.subjectType, 'request'), eq(auditEvents.subjectId, String(requestId))))
    .orderBy(asc(auditEvents.id));
}

/**
 * The day an incomplete request was to be completed by, as the applicant was told at intake (recorded
 * with the 'request.received' event, so a later change of the office's setting does not move it).
 */
export async function completionDueOf(exec: Executor, request: Pick<RequestRow, 'id' | 'officeId' | 'missing'>): Promise<string | undefined> {
  if (request.missing.length === 0) return undefined;
  const [row] = await exec
    .select({ due: sql<string | null>`${auditEvents.after}->>'completeBy'` })
    .from(auditEvents)
    .where(and(eq(auditEvents.officeId, request.officeId), eq(auditEvents.subjectType, 'request'), eq(auditEvents.subjectId, String(request.id)), eq(auditEvents.action, 'request.received')))
    .limit(1);
  return row?.due ?? undefined;
}

export async function deadlineRows(exec: Executor, ids: readonly (number | null)[]) {
  const wanted = ids.filter((id): id is number => id !== null);
  if (wanted.length === 0) return [];
  return exec.select().from(deadlines).where(inArray(deadlines.id, wanted));
}

export async function downloadLinkByHash(exec: Executor, tokenHash: string) {
  const [row] = await exec.select().from(downloadLinks).where(eq(downloadLinks.tokenHash, tokenHash));
  return row;
}

export function releasedFiles(exec: Executor, requestId: number): Promise<FileFacts[]> {
  return exec
    .select(FILE_FACTS)
    .from(requestFiles)
    .where(and(eq(requestFiles.requestId, requestId), eq(requestFiles.release, 'released')))
    .orderBy(asc(requestFiles.id));
}

export interface RequestListFilter {
  readonly status?: string | undefined;
  readonly limit?: number;
}

/** The office's requests, newest first, with their current due date. */
export function listRequests(exec: Executor, scope: OfficeScope, filter: RequestListFilter = {}) {
  const due = sql<string | null>`coalesce((SELECT d.due FROM deadlines d WHERE d.id = ${requests.reopenDeadlineId}), (SELECT d.due FROM deadlines d WHERE d.id = ${requests.extensionDeadlineId}), (SELECT d.due FROM deadlines d WHERE d.id = ${requests.deadlineId}))`;
  return exec
    .select({
      id: requests.id,
      number: requests.number,
      name: requests.name,
      channel: requests.channel,
      information: requests.information,
      status: requests.status,
      outcome: requests.outcome,
      receivedAt: requests.receivedAt,
      due,
      missing: requests.missing,
    })
    .from(requests)
    .where(and(eq(requests.officeId, scope.officeId), filter.status ? eq(requests.status, filter.status) : undefined))
    .orderBy(desc(requests.receivedAt), desc(requests.id))
    .limit(filter.limit ?? 200);
}
