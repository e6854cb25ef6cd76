import { createHash } from 'node:crypto';
import { and, eq, inArray, max, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { dikEntries, dipCallUnits, dipCalls, dipEditionEntries, dipEditions, dipItemFiles, dipItems, staff, units } from '../db/schema.ts';
import { addWorkingDays, isIsoDay } from '../calendar/rules.ts';
import { loadOfficeCalendar } from '../calendar/store.ts';
import { recordEvent, type Actor } from '../kernel/audit/store.ts';
import { checkFile, detectFileType, fileTypeProblem, RELEASE_TYPES, type CheckReport } from '../kernel/checker/index.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../kernel/errors.ts';
import { formatDay, text, type Text } from '../kernel/i18n.ts';
import { MAX_FILE_BYTES, type UploadedFile } from '../kernel/uploads.ts';
import { enqueueMail } from '../mail/mail.ts';
import { todayIn } from '../offices/portal.tsx';
import type { Role } from '../offices/roles.ts';
import { officeById, staffById, unitInScope, type OfficeRow, type OfficeScope, type StaffRow } from '../offices/store.ts';
import {
  checkClassification,
  checkDik,
  checkEditionTransition,
  checkItem,
  DEFAULT_CALL_WORKING_DAYS,
  dikInForce,
  isEditionStatus,
  nextUpdateOn,
  PUBLIC_CATEGORIES,
  type Category,
  type DikForm,
  type EditionAction,
  type ItemForm,
  type Snapshot,
} from './rules.ts';
import { dikEntriesFor, itemInScope, officeAndAncestors, type DipEditionRow } from './store.ts';

/**
 * The DIP SOP's use cases (seed 000). Each runs in one transaction with its audit event, which is
 * also the buku rekap informasi's record of the step.
 */

export interface DipContext {
  readonly baseUrl: string;
  readonly now?: Date;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  text: 'text/plain; charset=utf-8',
};

/** The signed-in staff member of this office holding one of `roles`, or a refusal. */
async function member(tx: Db | Tx, actor: Actor, scope: OfficeScope, roles: readonly Role[]): Promise<StaffRow> {
  if (actor.staffId === null) throw forbidden();
  const person = await staffById(tx, actor.staffId);
  if (!person?.active) throw forbidden();
  if (person.roles.includes('system_admin')) return person;
  if (person.officeId !== scope.officeId || !roles.some((r) => person.roles.includes(r))) {
    throw forbidden(text('Peran Anda tidak mengizinkan langkah ini.', 'Your role does not allow this step.'));
  }
  return person;
}

async function event(tx: Tx, actor: Actor, officeId: number, action: string, subjectType: string, subjectId: number, before: unknown, after: unknown): Promise<void> {
  await recordEvent(tx, actor, { officeId, action, subjectType, subjectId, before, after });
}

async function mailRoles(tx: Tx, officeId: number, roles: readonly Role[], subject: string, lines: readonly string[], unitIds?: readonly number[]): Promise<void> {
  const people = await tx.select({ email: staff.email, roles: staff.roles, unitId: staff.unitId }).from(staff).where(and(eq(staff.officeId, officeId), eq(staff.active, true)));
  const to = people.filter((p) => p.roles.some((r) => roles.includes(r as Role)) && (!unitIds || (p.unitId !== null && unitIds.includes(p.unitId)))).map((p) => p.email);
  if (to.length > 0) await enqueueMail(tx, { officeId, to, subject, text: lines.join('\n') });
}

// ---------------------------------------------------------------------------------------------------
// SOP step 1: the call for information

export interface CallInput {
  readonly title: string;
  readonly instruction: string;
  readonly unitIds: readonly number[];
  /** Empty: five working days from today (the SOP's standard). */
  readonly dueOn: string;
}

export async function createCall(db: Db, actor: Actor, scope: OfficeScope, input: CallInput, ctx: DipContext): Promise<number> {
  const problems: Record<string, Text> = {};
  if (!input.title.trim() || input.title.length > 300) problems.title = text('Judul permintaan wajib diisi (paling panjang 300 karakter).', 'A title is required (at most 300 characters).');
  if (input.instruction.length > 4000) problems.instruction = text('Arahan paling panjang 4000 karakter.', 'The instruction has at most 4000 characters.');
  if (input.unitIds.length === 0) problems.unitIds = text('Pilih unit yang diminta informasinya.', 'Choose the units asked.');
  if (input.dueOn && !isIsoDay(input.dueOn)) problems.dueOn = text('Tanggal tidak sah (TTTT-BB-HH).', 'Not a valid date (YYYY-MM-DD).');
  if (Object.keys(problems).length > 0) throw invalid(problems);
  return db.transaction(async (tx) => {
    await member(tx, actor, scope, ['ppid']);
    const office = (await officeById(tx, scope.officeId))!;
    const now = ctx.now ?? new Date();
    const today = todayIn(office.timeZone, now);
    const dueOn = input.dueOn || addWorkingDays({ receivedAt: now, workingDays: DEFAULT_CALL_WORKING_DAYS, calendar: await loadOfficeCalendar(tx, office.id) }).due;
    if (dueOn < today) throw invalid({ dueOn: text('Batas waktu tidak boleh sebelum hari ini.', 'The due date cannot be before today.') });
    const unitIds = [...new Set(input.unitIds)];
    for (const unitId of unitIds) {
      const unit = await unitInScope(tx, scope, unitId);
      if (!unit?.active) throw invalid({ unitIds: text('Unit yang dipilih tidak ada di kantor ini.', 'A chosen unit is not in this office.') });
    }
    const [call] = await tx.insert(dipCalls).values({ officeId: office.id, title: input.title.trim(), instruction: input.instruction.trim(), dueOn, createdBy: actor.staffId }).returning();
    await tx.insert(dipCallUnits).values(unitIds.map((unitId) => ({ callId: call!.id, unitId, officeId: office.id })));
    await event(tx, actor, office.id, 'dip.call_created', 'dip_call', call!.id, null, { title: call!.title, dueOn, units: unitIds });
    await mailRoles(tx, office.id, ['information_provider'], `Permintaan informasi untuk DIP: ${call!.title}`, [
      `PPID ${office.name} meminta unit Anda menyerahkan informasi publik yang dikuasai untuk Daftar Informasi Publik.`,
      input.instruction.trim() ? `Arahan: ${input.instruction.trim()}` : '',
      `Batas waktu: ${formatDay('id', dueOn)}`,
      `Buka: ${ctx.baseUrl.replace(/\/+$/, '')}/desk/dip/permintaan/${call!.id}`,
    ].filter(Boolean), unitIds);
    return call!.id;
  });
}

/** A unit says it has handed over everything it holds for this call. */
export async function answerCall(db: Db, actor: Actor, scope: OfficeScope, callId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const person = await member(tx, actor, scope, ['information_provider']);
    const [row] = await tx.select().from(dipCallUnits).where(and(eq(dipCallUnits.callId, callId), eq(dipCallUnits.officeId, scope.officeId), eq(dipCallUnits.unitId, person.unitId ?? -1))).for('update');
    if (!row) throw notFound(text('Permintaan ini tidak ditujukan kepada unit Anda.', 'This call was not sent to your unit.'));
    if (row.answeredAt) throw conflict(text('Unit Anda sudah menyatakan selesai untuk permintaan ini.', 'Your unit already said it is done with this call.'));
    await tx.update(dipCallUnits).set({ answeredAt: new Date(), answeredBy: person.id }).where(and(eq(dipCallUnits.callId, callId), eq(dipCallUnits.unitId, row.unitId)));
    await event(tx, actor, scope.officeId, 'dip.call_answered', 'dip_call', callId, null, { unit: row.unitId });
  });
}

// ---------------------------------------------------------------------------------------------------
// Items: a unit submits, the PPID classifies and checks documentation (SOP steps 1–2)

interface CheckedUpload {
  readonly name: string;
  readonly bytes: Buffer;
  readonly mediaType: string;
  readonly report: CheckReport;
}

/** Judges each file by content and runs the shared checker on it, before any transaction. */
async function checkedUploads(files: readonly UploadedFile[]): Promise<CheckedUpload[]> {
  const problems: Record<string, Text> = {};
  for (const file of files) {
    const problem = file.truncated ? text(`Berkas "${file.name}" melebihi batas ${MAX_FILE_BYTES / (1024 * 1024)} MB.`, `The file "${file.name}" is over the ${MAX_FILE_BYTES / (1024 * 1024)} MB limit.`) : fileTypeProblem(file.bytes, file.name, MAX_FILE_BYTES, RELEASE_TYPES);
    if (problem) problems.files = problem;
  }
  if (Object.keys(problems).length > 0) throw invalid(problems);
  return Promise.all(
    files.map(async (f) => ({ name: f.name.split(/[\\/]/).pop()!.slice(-150) || 'berkas', bytes: f.bytes, mediaType: MEDIA_TYPES[detectFileType(f.bytes)] ?? 'application/octet-stream', report: await checkFile(f.bytes, f.name) })),
  );
}

async function insertFiles(tx: Tx, officeId: number, itemId: number, files: readonly CheckedUpload[], by: number): Promise<void> {
  for (const f of files) {
    await tx.insert(dipItemFiles).values({
      officeId,
      itemId,
      name: f.name,
      mediaType: f.mediaType,
      size: f.bytes.length,
      sha256: sha256(f.bytes),
      content: f.bytes,
      check: f.report,
      // A file with no findings is ready to publish; one with findings waits for the PPID.
      review: f.report.findings.length === 0 ? 'clear' : 'pending',
      uploadedBy: by,
    });
  }
}

export interface SubmitItemInput {
  readonly callId: number | null;
  readonly form: ItemForm;
  readonly files: readonly UploadedFile[];
  /** The PPID may enter an item for a unit; a provider always submits for their own. */
  readonly unitId?: number | null;
  /** Import and promotion keep their link to where the item came from. */
  readonly importKey?: string | null;
  readonly requestFileId?: number | null;
}

/** `within` runs in the same transaction once the item and its files are stored, before its event: promotion checks and records its own step there. */
export async function submitItem(db: Db, actor: Actor, scope: OfficeScope, input: SubmitItemInput, within?: (tx: Tx, itemId: number, person: StaffRow) => Promise<void>): Promise<number> {
  const checked = checkItem(input.form, input.files.length);
  if (!checked.ok) throw invalid(checked.problems);
  const files = await checkedUploads(input.files);
  return db.transaction(async (tx) => {
    const person = await member(tx, actor, scope, ['information_provider', 'ppid']);
    const isPpid = person.roles.includes('ppid') || person.roles.includes('system_admin');
    const unitId = isPpid ? (input.unitId ?? person.unitId ?? null) : person.unitId;
    if (!isPpid && unitId === null) throw forbidden(text('Akun Anda belum terhubung ke unit; minta Admin Kantor menghubungkannya.', 'Your account is not linked to a unit yet; ask the office admin.'));
    if (unitId !== null && !(await unitInScope(tx, scope, unitId))) throw invalid({ unitId: text('Unit tidak ada di kantor ini.', 'The unit is not in this office.') });
    if (input.callId !== null) {
      const [asked] = await tx.select().from(dipCallUnits).where(and(eq(dipCallUnits.callId, input.callId), eq(dipCallUnits.officeId, scope.officeId)));
      if (!asked) throw notFound(text('Permintaan informasi tidak ditemukan.', 'Call not found.'));
    }
    const [item] = await tx
      .insert(dipItems)
      .values({ officeId: scope.officeId, unitId, callId: input.callId, importKey: input.importKey ?? null, requestFileId: input.requestFileId ?? null, ...checked.values, submittedBy: person.id })
      .returning();
    await insertFiles(tx, scope.officeId, item!.id, files, person.id);
    if (within) await within(tx, item!.id, person);
    await event(tx, actor, scope.officeId, 'dip.item_submitted', 'dip_item', item!.id, null, { title: item!.title, unit: unitId, call: input.callId, files: files.length, findings: files.reduce((n, f) => n + f.report.findings.length, 0) });
    return item!.id;
  });
}

/** Changes an item's fields (and adds files). A provider may change only their unit's items not yet classified. */
export async function updateItem(db: Db, actor: Actor, scope: OfficeScope, itemId: number, input: { form: ItemForm; files: readonly UploadedFile[] }): Promise<void> {
  const existingFiles = await db.select({ id: dipItemFiles.id }).from(dipItemFiles).where(and(eq(dipItemFiles.itemId, itemId), eq(dipItemFiles.officeId, scope.officeId)));
  const checked = checkItem(input.form, existingFiles.length + input.files.length);
  if (!checked.ok) throw invalid(checked.problems);
  const files = await checkedUploads(input.files);
  await db.transaction(async (tx) => {
    const person = await member(tx, actor, scope, ['information_provider', 'ppid']);
    const [item] = await tx.select().from(dipItems).where(and(eq(dipItems.id, itemId), eq(dipItems.officeId, scope.officeId))).for('update');
    if (!item) throw notFound(text('Informasi tidak ditemukan.', 'Item not found.'));
    const isPpid = person.roles.includes('ppid') || person.roles.includes('system_admin');
    if (!isPpid && (item.unitId !== person.unitId || item.status !== 'submitted')) {
      throw forbidden(text('Unit hanya dapat mengubah informasinya sendiri yang belum diklasifikasi PPID.', "A unit may change only its own items the PPID has not classified yet."));
    }
    if (item.status === 'withdrawn') throw conflict(text('Informasi ini sudah ditarik.', 'This item was withdrawn.'));
    await tx.update(dipItems).set({ ...checked.values, updatedAt: new Date(), documentationChecked: isPpid ? item.documentationChecked : false }).where(eq(dipItems.id, itemId));
    await insertFiles(tx, scope.officeId, itemId, files, person.id);
    const before = Object.fromEntries(Object.keys(checked.values).map((k) => [k, item[k as keyof typeof item]]));
    await event(tx, actor, scope.officeId, 'dip.item_updated', 'dip_item', itemId, before, { ...checked.values, files: files.length });
  });
}

export interface ClassifyInput {
  readonly category: string;
  readonly updateMonths: string;
  readonly dikEntryId: string;
  /** The PPID checked the softcopy is there and the hardcopy's location is right (SOP step 2). */
  readonly documentationChecked: boolean;
}

export async function classifyItem(db: Db, actor: Actor, scope: OfficeScope, itemId: number, input: ClassifyInput, ctx: DipContext): Promise<void> {
  const checked = checkClassification(input);
  if (!checked.ok) throw invalid(checked.problems);
  const c = checked.value;
  await db.transaction(async (tx) => {
    await member(tx, actor, scope, ['ppid']);
    const [item] = await tx.select().from(dipItems).where(and(eq(dipItems.id, itemId), eq(dipItems.officeId, scope.officeId))).for('update');
    if (!item) throw notFound(text('Informasi tidak ditemukan.', 'Item not found.'));
    if (item.status === 'withdrawn') throw conflict(text('Informasi ini sudah ditarik.', 'This item was withdrawn.'));
    const office = (await officeById(tx, scope.officeId))!;
    const today = todayIn(office.timeZone, ctx.now);
    if (c.dikEntryId !== null) {
      const inForce = dikInForce(await dikEntriesFor(tx, await officeAndAncestors(tx, office.id)), await officeAndAncestors(tx, office.id), today);
      if (!inForce.some((e) => e.id === c.dikEntryId)) throw invalid({ dikEntryId: text('Entri DIK itu tidak berlaku untuk kantor ini.', 'That DIK entry is not in force for this office.') });
    }
    const values = {
      category: c.category,
      updateMonths: c.updateMonths,
      nextUpdateOn: c.updateMonths === null ? null : nextUpdateOn(today, c.updateMonths),
      dikEntryId: c.dikEntryId,
      documentationChecked: input.documentationChecked,
      status: 'classified',
      classifiedBy: actor.staffId,
      classifiedAt: new Date(),
      updatedAt: new Date(),
    };
    await tx.update(dipItems).set(values).where(eq(dipItems.id, itemId));
    await event(tx, actor, scope.officeId, 'dip.item_classified', 'dip_item', itemId, { category: item.category, status: item.status }, { category: c.category, updateMonths: c.updateMonths, dikEntryId: c.dikEntryId, documentationChecked: input.documentationChecked });
  });
}

/** The PPID releases a file whose checker findings are acceptable, with the reason on record. */
export async function overrideFileFindings(db: Db, actor: Actor, scope: OfficeScope, fileId: number, reason: string): Promise<void> {
  if (reason.trim().length < 10 || reason.length > 2000) throw invalid({ reason: text('Tuliskan alasan temuan ini dapat diterima (10–2000 karakter).', 'Say why the findings are acceptable (10–2000 characters).') });
  await db.transaction(async (tx) => {
    await member(tx, actor, scope, ['ppid']);
    const [file] = await tx.select({ id: dipItemFiles.id, itemId: dipItemFiles.itemId, review: dipItemFiles.review, check: dipItemFiles.check }).from(dipItemFiles).where(and(eq(dipItemFiles.id, fileId), eq(dipItemFiles.officeId, scope.officeId))).for('update');
    if (!file) throw notFound(text('Berkas tidak ditemukan.', 'File not found.'));
    if (file.review !== 'pending') throw conflict(text('Berkas ini tidak menunggu keputusan.', 'This file is not waiting for a decision.'));
    await tx.update(dipItemFiles).set({ review: 'overridden', overrideReason: reason.trim(), reviewedBy: actor.staffId, reviewedAt: new Date() }).where(eq(dipItemFiles.id, fileId));
    await event(tx, actor, scope.officeId, 'dip.file_overridden', 'dip_item', file.itemId, { file: fileId, review: 'pending' }, { file: fileId, findings: (file.check as CheckReport | null)?.findings.length ?? 0, reason: reason.trim() });
  });
}

/** Removes a file from an item (a fixed version is uploaded instead). */
export async function removeItemFile(db: Db, actor: Actor, scope: OfficeScope, fileId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const person = await member(tx, actor, scope, ['information_provider', 'ppid']);
    const [file] = await tx.select({ id: dipItemFiles.id, itemId: dipItemFiles.itemId, name: dipItemFiles.name }).from(dipItemFiles).where(and(eq(dipItemFiles.id, fileId), eq(dipItemFiles.officeId, scope.officeId)));
    if (!file) throw notFound(text('Berkas tidak ditemukan.', 'File not found.'));
    const item = (await itemInScope(tx, scope, file.itemId))!;
    const isPpid = person.roles.includes('ppid') || person.roles.includes('system_admin');
    if (!isPpid && item.unitId !== person.unitId) throw forbidden();
    // A file an edition published stays: the edition is a record of what was public.
    const [published] = await tx.select({ editionId: dipEditionEntries.editionId }).from(dipEditionEntries).where(and(eq(dipEditionEntries.itemId, item.id), sql`${dipEditionEntries.snapshot}->'files' @> ${JSON.stringify([{ id: fileId }])}::jsonb`)).limit(1);
    if (published) throw conflict(text('Berkas ini termasuk edisi DIP yang sudah ditetapkan; unggah versi baru dan tetapkan pemutakhiran.', 'This file is part of an established DIP edition; upload a new version and establish an update.'));
    await tx.delete(dipItemFiles).where(eq(dipItemFiles.id, fileId));
    await event(tx, actor, scope.officeId, 'dip.file_removed', 'dip_item', item.id, { file: fileId, name: file.name }, null);
  });
}

export async function withdrawItem(db: Db, actor: Actor, scope: OfficeScope, itemId: number, reason: string): Promise<void> {
  if (!reason.trim() || reason.length > 2000) throw invalid({ reason: text('Tuliskan alasan penarikan.', 'Give the reason for withdrawing it.') });
  await db.transaction(async (tx) => {
    await member(tx, actor, scope, ['ppid']);
    const [item] = await tx.select().from(dipItems).where(and(eq(dipItems.id, itemId), eq(dipItems.officeId, scope.officeId))).for('update');
    if (!item) throw notFound(text('Informasi tidak ditemukan.', 'Item not found.'));
    if (item.status === 'withdrawn') throw conflict(text('Informasi ini sudah ditarik.', 'This item was already withdrawn.'));
    await tx.update(dipItems).set({ status: 'withdrawn', updatedAt: new Date() }).where(eq(dipItems.id, itemId));
    await event(tx, actor, scope.officeId, 'dip.item_withdrawn', 'dip_item', itemId, { status: item.status }, { status: 'withdrawn', reason: reason.trim() });
  });
}

// ---------------------------------------------------------------------------------------------------
// The DIK

/**
 * KPU RI tests and sets the DIK for every level; a province may test by delegation (PKPU 4/2025).
 * A regency proposes an entry to its province, which accepts or rejects it.
 */
export async function addDikEntry(db: Db, actor: Actor, scope: OfficeScope, form: DikForm, ctx: DipContext): Promise<{ id: number; status: 'in_force' | 'proposed' }> {
  return db.transaction(async (tx) => {
    await member(tx, actor, scope, ['ppid']);
    const office = (await officeById(tx, scope.officeId))!;
    const checked = checkDik(form, todayIn(office.timeZone, ctx.now));
    if (!checked.ok) throw invalid(checked.problems);
    const proposes = office.level === 'regency';
    if (proposes && office.parentId === null) throw conflict(text('Kantor ini tidak punya kantor atasan untuk menerima usulan.', 'This office has no office above it to receive the proposal.'));
    const target = proposes ? office.parentId! : office.id;
    const status = proposes ? 'proposed' : 'in_force';
    const [entry] = await tx.insert(dikEntries).values({ officeId: target, ...checked.values, status, proposedByOfficeId: proposes ? office.id : null, createdBy: actor.staffId }).returning();
    await event(tx, actor, office.id, proposes ? 'dik.proposed' : 'dik.added', 'dik_entry', entry!.id, null, { title: entry!.title, pasal17: entry!.pasal17, to: target, status });
    if (proposes) {
      await mailRoles(tx, target, ['ppid'], `Usulan DIK dari ${office.name}`, [`${office.name} mengusulkan informasi yang dikecualikan: ${entry!.title}.`, `Buka: ${ctx.baseUrl.replace(/\/+$/, '')}/desk/dik`]);
    }
    return { id: entry!.id, status };
  });
}

export async function decideDikProposal(db: Db, actor: Actor, scope: OfficeScope, entryId: number, accept: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    await member(tx, actor, scope, ['ppid']);
    const [entry] = await tx.select().from(dikEntries).where(and(eq(dikEntries.id, entryId), eq(dikEntries.officeId, scope.officeId))).for('update');
    if (!entry) throw notFound(text('Usulan tidak ditemukan.', 'Proposal not found.'));
    if (entry.status !== 'proposed') throw conflict(text('Usulan ini sudah diputuskan.', 'This proposal was already decided.'));
    const status = accept ? 'in_force' : 'rejected';
    await tx.update(dikEntries).set({ status }).where(eq(dikEntries.id, entryId));
    await event(tx, actor, scope.officeId, accept ? 'dik.accepted' : 'dik.rejected', 'dik_entry', entryId, { status: 'proposed' }, { status, from: entry.proposedByOfficeId });
    if (entry.proposedByOfficeId !== null) {
      await mailRoles(tx, entry.proposedByOfficeId, ['ppid'], `Usulan DIK ${accept ? 'diterima' : 'ditolak'}: ${entry.title}`, [`Usulan informasi yang dikecualikan "${entry.title}" ${accept ? 'diterima dan berlaku' : 'ditolak'}.`]);
    }
  });
}

// ---------------------------------------------------------------------------------------------------
// Editions (SOP steps 3–5)

/** Items the next edition will hold: classified, public, not withdrawn. */
async function editionItems(tx: Tx, officeId: number) {
  return tx.select().from(dipItems).where(and(eq(dipItems.officeId, officeId), eq(dipItems.status, 'classified'), inArray(dipItems.category, [...PUBLIC_CATEGORIES]))).orderBy(dipItems.id);
}

/** A new draft edition (penetapan for the first, pemutakhiran after). One draft at a time. */
export async function createEdition(db: Db, actor: Actor, scope: OfficeScope): Promise<number> {
  return db.transaction(async (tx) => {
    await member(tx, actor, scope, ['ppid']);
    const [open] = await tx.select({ id: dipEditions.id }).from(dipEditions).where(and(eq(dipEditions.officeId, scope.officeId), inArray(dipEditions.status, ['draft', 'submitted', 'returned'])));
    if (open) throw conflict(text('Masih ada edisi yang belum terbit; selesaikan edisi itu dulu.', 'An edition is still unpublished; finish it first.'));
    const [last] = await tx.select({ n: max(dipEditions.number) }).from(dipEditions).where(eq(dipEditions.officeId, scope.officeId));
    const [edition] = await tx.insert(dipEditions).values({ officeId: scope.officeId, number: (last?.n ?? 0) + 1 }).returning();
    await event(tx, actor, scope.officeId, 'dip.edition_created', 'dip_edition', edition!.id, null, { number: edition!.number });
    return edition!.id;
  });
}

export interface EstablishInput {
  readonly skNumber: string;
  readonly skDate: string;
  /** The signed SK PPID as PDF. */
  readonly skPdf: UploadedFile | undefined;
}

/** Why an item cannot go into an edition yet, for the PPID to fix; empty when it can. */
export function itemReadiness(item: { documentationChecked: boolean; hasSoftcopy: boolean; onlineLink: string }, files: readonly { review: string }[]): Text[] {
  const out: Text[] = [];
  if (!item.documentationChecked) out.push(text('dokumentasinya belum diperiksa PPID', 'its documentation is not checked yet'));
  if (files.some((f) => f.review === 'pending')) out.push(text('ada berkas dengan temuan pemeriksa yang belum diputuskan', 'a file has checker findings not yet decided'));
  if (item.hasSoftcopy && !item.onlineLink && files.length === 0) out.push(text('softcopy belum ada', 'the softcopy is missing'));
  return out;
}

/**
 * Establishes the draft by the PPID's decision (SK number, date, PDF): the items as they are now become
 * the edition's snapshot. Every item must be ready (documentation checked, files cleared).
 */
export async function establishEdition(db: Db, actor: Actor, scope: OfficeScope, editionId: number, input: EstablishInput, ctx: DipContext): Promise<void> {
  const problems: Record<string, Text> = {};
  if (!input.skNumber.trim() || input.skNumber.length > 120) problems.skNumber = text('Isi nomor SK PPID penetapan DIP.', 'Give the number of the PPID decision establishing the DIP.');
  if (!isIsoDay(input.skDate)) problems.skDate = text('Isi tanggal SK (TTTT-BB-HH).', 'Give the date of the decision (YYYY-MM-DD).');
  if (input.skPdf) {
    const problem = input.skPdf.truncated ? text('Berkas SK melebihi batas ukuran.', 'The decision file is over the size limit.') : fileTypeProblem(input.skPdf.bytes, input.skPdf.name, MAX_FILE_BYTES, ['pdf']);
    if (problem) problems.skPdf = problem;
  }
  if (Object.keys(problems).length > 0) throw invalid(problems);
  await editionStep(db, actor, scope, editionId, 'establish', async (tx, edition, office) => {
    if (input.skDate > todayIn(office.timeZone, ctx.now)) throw invalid({ skDate: text('Tanggal SK tidak boleh di masa depan.', 'The decision cannot be dated in the future.') });
    const items = await editionItems(tx, office.id);
    if (items.length === 0) throw conflict(text('Belum ada informasi yang diklasifikasi untuk ditetapkan.', 'No classified information to establish yet.'));
    const files = await tx.select({ id: dipItemFiles.id, itemId: dipItemFiles.itemId, name: dipItemFiles.name, sha256: dipItemFiles.sha256, review: dipItemFiles.review }).from(dipItemFiles).where(inArray(dipItemFiles.itemId, items.map((i) => i.id)));
    const notReady = items.map((item) => ({ item, why: itemReadiness(item, files.filter((f) => f.itemId === item.id)) })).filter((x) => x.why.length > 0);
    if (notReady.length > 0) {
      const list = (lang: 'id' | 'en') => notReady.slice(0, 10).map((x) => `"${x.item.title}" (${x.why.map((w) => w[lang]).join('; ')})`).join(', ');
      throw conflict(text(`${notReady.length} informasi belum siap ditetapkan: ${list('id')}.`, `${notReady.length} item(s) are not ready to establish: ${list('en')}.`));
    }
    const unitNames = new Map((await tx.select({ id: units.id, name: units.name }).from(units).where(eq(units.officeId, office.id))).map((u) => [u.id, u.name]));
    await tx.delete(dipEditionEntries).where(eq(dipEditionEntries.editionId, edition.id));
    let position = 0;
    for (const item of items) {
      const snapshot: Snapshot = {
        title: item.title,
        summary: item.summary,
        holder: item.holder,
        responsible: item.responsible,
        producedWhen: item.producedWhen,
        producedWhere: item.producedWhere,
        hasSoftcopy: item.hasSoftcopy,
        hasHardcopy: item.hasHardcopy,
        onlineLink: item.onlineLink,
        archiveLocation: item.archiveLocation,
        retention: item.retention,
        category: item.category as Category,
        unit: item.unitId === null ? '' : (unitNames.get(item.unitId) ?? ''),
        updateMonths: item.updateMonths,
        files: files.filter((f) => f.itemId === item.id).map((f) => ({ id: f.id, name: f.name, sha256: f.sha256 })),
      };
      await tx.insert(dipEditionEntries).values({ editionId: edition.id, itemId: item.id, officeId: office.id, position: ++position, snapshot });
    }
    await tx
      .update(dipEditions)
      .set({ status: 'draft', skNumber: input.skNumber.trim(), skDate: input.skDate, ...(input.skPdf ? { skPdf: input.skPdf.bytes } : {}), establishedBy: actor.staffId })
      .where(eq(dipEditions.id, edition.id));
    return { action: 'dip.edition_established', after: { skNumber: input.skNumber.trim(), skDate: input.skDate, items: items.length } };
  });
}

export async function submitEdition(db: Db, actor: Actor, scope: OfficeScope, editionId: number, ctx: DipContext): Promise<void> {
  await editionStep(db, actor, scope, editionId, 'submit', async (tx, edition, office) => {
    if (!edition.skNumber || !edition.skDate) throw conflict(text('Tetapkan edisi ini dengan nomor dan tanggal SK dulu.', 'Establish this edition with the decision number and date first.'));
    await tx.update(dipEditions).set({ status: 'submitted', submittedAt: new Date() }).where(eq(dipEditions.id, edition.id));
    await mailRoles(tx, office.id, ['atasan_ppid'], `DIP edisi ${edition.number} menunggu perintah unggah`, [
      `PPID mengajukan Daftar Informasi Publik edisi ${edition.number} (SK ${edition.skNumber}).`,
      `Periksa dan perintahkan unggah, atau kembalikan dengan catatan: ${ctx.baseUrl.replace(/\/+$/, '')}/desk/dip/edisi/${edition.id}`,
    ]);
    return { action: 'dip.edition_submitted', after: { status: 'submitted' } };
  });
}

/** The Secretary's order to upload: the edition is published to the portal at this moment. */
export async function orderEdition(db: Db, actor: Actor, scope: OfficeScope, editionId: number): Promise<void> {
  await editionStep(db, actor, scope, editionId, 'order', async (tx, edition, office) => {
    const now = new Date();
    await tx.update(dipEditions).set({ status: 'ordered', reviewedBy: actor.staffId, reviewedAt: now, orderedAt: now }).where(eq(dipEditions.id, edition.id));
    await mailRoles(tx, office.id, ['ppid'], `DIP edisi ${edition.number} terbit`, [`Sekretaris memerintahkan unggah DIP edisi ${edition.number}; edisi itu kini tampil di portal ${office.name}.`]);
    return { action: 'dip.edition_ordered', after: { status: 'ordered', orderedAt: now } };
  });
}

export async function returnEdition(db: Db, actor: Actor, scope: OfficeScope, editionId: number, note: string): Promise<void> {
  if (!note.trim() || note.length > 4000) throw invalid({ note: text('Tuliskan catatan untuk PPID.', 'Write the comments for the PPID.') });
  await editionStep(db, actor, scope, editionId, 'return', async (tx, edition, office) => {
    await tx.update(dipEditions).set({ status: 'returned', reviewNote: note.trim(), reviewedBy: actor.staffId, reviewedAt: new Date() }).where(eq(dipEditions.id, edition.id));
    await mailRoles(tx, office.id, ['ppid'], `DIP edisi ${edition.number} dikembalikan`, [`Sekretaris mengembalikan DIP edisi ${edition.number} dengan catatan:`, note.trim()]);
    return { action: 'dip.edition_returned', after: { status: 'returned', note: note.trim() } };
  });
}

/** Loads and locks an edition in the office, checks the edition transition table, runs `fn`, records the event. */
async function editionStep(
  db: Db,
  actor: Actor,
  scope: OfficeScope,
  editionId: number,
  action: EditionAction,
  fn: (tx: Tx, edition: DipEditionRow, office: OfficeRow) => Promise<{ action: string; after: unknown }>,
): Promise<void> {
  await db.transaction(async (tx) => {
    if (actor.staffId === null) throw forbidden();
    const person = await staffById(tx, actor.staffId);
    if (!person?.active || (person.officeId !== scope.officeId && !person.roles.includes('system_admin'))) throw forbidden();
    const [edition] = await tx.select().from(dipEditions).where(and(eq(dipEditions.id, editionId), eq(dipEditions.officeId, scope.officeId))).for('update');
    if (!edition || !isEditionStatus(edition.status)) throw notFound(text('Edisi DIP tidak ditemukan.', 'DIP edition not found.'));
    const check = checkEditionTransition(action, edition.status, person.roles);
    if (!check.ok) throw new AppError(check.status, check.status === 403 ? 'forbidden' : 'conflict', check.reason);
    const office = (await officeById(tx, scope.officeId))!;
    const done = await fn(tx, edition, office);
    await event(tx, actor, scope.officeId, done.action, 'dip_edition', edition.id, { status: edition.status }, { number: edition.number, ...(done.after as object) });
  });
}

/** Which items of an office are due for their berkala update by `day` (for reminders and the PPID's list). */
export function berkalaDue(db: Db, officeId: number, day: string) {
  return db
    .select({ id: dipItems.id, title: dipItems.title, unitId: dipItems.unitId, nextUpdateOn: dipItems.nextUpdateOn })
    .from(dipItems)
    .where(and(eq(dipItems.officeId, officeId), eq(dipItems.status, 'classified'), eq(dipItems.category, 'berkala'), sql`${dipItems.nextUpdateOn} <= ${day}`));
}

