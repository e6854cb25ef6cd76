import { and, eq, ne } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.ts';
import { dipItems, dispositions, requestFiles, requests } from '../db/schema.ts';
import { recordEvent, type Actor } from '../kernel/audit/store.ts';
import { conflict, forbidden, notFound } from '../kernel/errors.ts';
import { formatDay, text } from '../kernel/i18n.ts';
import { todayIn } from '../offices/portal.tsx';
import { officeById, staffById, type OfficeRow, type OfficeScope, type StaffRow } from '../offices/store.ts';
import type { Decision } from '../requests/rules.ts';
import { dispositionsOf, FILE_FACTS, type FileFacts, type RequestRow } from '../requests/store.ts';
import type { ItemForm } from './rules.ts';
import { submitItem } from './service.ts';

/**
 * Promotion (issue 4, item 9): what an applicant was given is public information, so a file released
 * to them can become a DIP item in one step, its fields filled from the request. The item then follows
 * the DIP SOP like any other (the PPID classifies it, an edition publishes it), and its copy of the
 * file is checked again as a DIP file, since a release override does not carry over to publication.
 */

export interface Promotable {
  readonly office: OfficeRow;
  readonly request: RequestRow;
  readonly file: FileFacts;
  /** The live (not withdrawn) DIP item already made from this file. */
  readonly promotedAs: number | undefined;
}

const NOT_RELEASED = text(
  'Hanya berkas jawaban yang sudah diberikan kepada pemohon yang dapat dijadikan informasi DIP.',
  'Only an answer file released to the applicant can become a DIP item.',
);
const ALREADY_PROMOTED = text('Berkas ini sudah dijadikan informasi DIP.', 'This file is already a DIP item.');

const isPpid = (person: StaffRow, scope: OfficeScope) => person.active && (person.roles.includes('system_admin') || (person.officeId === scope.officeId && person.roles.includes('ppid')));

/** A released answer file of a request in the office; any other file of the office is "not found". */
export async function promotable(exec: Executor, scope: OfficeScope, fileId: number): Promise<Promotable> {
  const [row] = await exec
    .select({ file: FILE_FACTS, request: requests })
    .from(requestFiles)
    .innerJoin(requests, eq(requests.id, requestFiles.requestId))
    .where(and(eq(requestFiles.id, fileId), eq(requestFiles.officeId, scope.officeId), eq(requestFiles.role, 'answer')));
  if (!row) throw notFound(text('Berkas tidak ditemukan.', 'File not found.'));
  if (row.file.release !== 'released') throw conflict(NOT_RELEASED);
  const office = (await officeById(exec, scope.officeId))!;
  const [item] = await exec
    .select({ id: dipItems.id })
    .from(dipItems)
    .where(and(eq(dipItems.officeId, scope.officeId), eq(dipItems.requestFileId, fileId), ne(dipItems.status, 'withdrawn')))
    .limit(1);
  return { office, request: row.request, file: row.file, promotedAs: item?.id };
}

const flat = (value: string) => value.replace(/\s+/g, ' ').trim();

/**
 * The item's fields as the request already tells them: what was asked (title), what the notice said or
 * else what was asked (summary), the units that provided it or else the office (holder), the PPID as
 * responsible, the file's day and the office's city. The retention period is left for the PPID: no
 * request says how long the office keeps the document.
 */
export async function promotionPrefill(exec: Executor, p: Promotable): Promise<ItemForm> {
  const decision = p.request.decision as Decision | null;
  const providers = (await dispositionsOf(exec, p.request.id)).filter((d) => d.target === 'unit' && d.status === 'answered' && d.answer === 'provided' && d.unitName);
  const holder = [...new Set(providers.map((d) => d.unitName!))].join('; ');
  return {
    title: flat(p.request.information).slice(0, 300),
    summary: ((decision?.note ?? '').trim() || p.request.information.trim()).slice(0, 2000),
    holder: (holder || p.office.name).slice(0, 200),
    responsible: `PPID ${p.office.name}`.slice(0, 200),
    producedWhen: formatDay('id', todayIn(p.office.timeZone, p.file.createdAt), false),
    producedWhere: (p.office.city || p.office.name).slice(0, 200),
    hasSoftcopy: true,
    hasHardcopy: false,
    onlineLink: '',
    archiveLocation: '',
    retention: '',
  };
}

/**
 * Makes a DIP item of a released answer file (PPID only): submitItem's validation and event, the file's
 * bytes copied and checked again, and 'dip.item_promoted' in the same transaction. The item belongs to
 * the unit whose disposition answer brought the file, so that unit hears of its berkala updates.
 */
export async function promoteRequestFile(db: Db, actor: Actor, scope: OfficeScope, requestFileId: number, form: ItemForm): Promise<number> {
  const person = actor.staffId === null ? undefined : await staffById(db, actor.staffId);
  if (!person || !isPpid(person, scope)) throw forbidden(text('Hanya PPID yang dapat menjadikan berkas permohonan informasi DIP.', 'Only the PPID can make a request file a DIP item.'));
  const p = await promotable(db, scope, requestFileId);
  if (p.promotedAs !== undefined) throw conflict(ALREADY_PROMOTED);
  const [source] = await db
    .select({ content: requestFiles.content, unitId: dispositions.unitId })
    .from(requestFiles)
    .leftJoin(dispositions, eq(dispositions.id, requestFiles.dispositionId))
    .where(eq(requestFiles.id, requestFileId));
  const file = { role: 'files', name: p.file.name, bytes: source!.content, truncated: false };
  return submitItem(db, actor, scope, { callId: null, form, files: [file], unitId: source!.unitId, requestFileId }, async (tx, itemId, member) => {
    if (!isPpid(member, scope)) throw forbidden();
    // The lock orders two promotions of one file (the second sees the first's item and is refused) and a
    // change of its release. 'no key update' because the new item's foreign key already holds a key-share
    // lock on the row: two promotions each holding one and asking for 'update' would deadlock.
    const [locked] = await tx.select({ release: requestFiles.release }).from(requestFiles).where(and(eq(requestFiles.id, requestFileId), eq(requestFiles.officeId, scope.officeId))).for('no key update');
    if (locked?.release !== 'released') throw conflict(NOT_RELEASED);
    const [other] = await tx
      .select({ id: dipItems.id })
      .from(dipItems)
      .where(and(eq(dipItems.officeId, scope.officeId), eq(dipItems.requestFileId, requestFileId), ne(dipItems.status, 'withdrawn'), ne(dipItems.id, itemId)))
      .limit(1);
    if (other) throw conflict(ALREADY_PROMOTED);
    await recordEvent(tx, actor, {
      officeId: scope.officeId,
      action: 'dip.item_promoted',
      subjectType: 'dip_item',
      subjectId: itemId,
      before: null,
      after: { requestFile: requestFileId, request: p.request.id, number: p.request.number, name: p.file.name },
    });
  });
}
