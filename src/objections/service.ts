import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../db/client.ts';
import { caseFiles, disputes, disputeStages, letters, objections, requests, stagedUploads } from '../db/schema.ts';
import { closeDeadline, startDeadline } from '../calendar/service.ts';
import { isProfileName, PROFILES, type RuleProfile } from '../calendar/profiles.ts';
import { instantAt, localDateTime } from '../calendar/rules.ts';
import { loadOfficeCalendar } from '../calendar/store.ts';
import { recordEvent, type Actor } from '../kernel/audit/store.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../kernel/errors.ts';
import { formatDay, text, type Text } from '../kernel/i18n.ts';
import { formatNumber } from '../kernel/numbering/rules.ts';
import { nextValue } from '../kernel/numbering/store.ts';
import { issueLetterIn, type LetterRow } from '../letters/service.ts';
import { todayIn } from '../offices/portal.tsx';
import type { Role } from '../offices/roles.ts';
import { officeById, staffById, type OfficeRow, type OfficeScope, type StaffRow } from '../offices/store.ts';
import { costTotal, unprintableProblem, type Decision } from '../requests/rules.ts';
import {
  currentDeadline,
  letterPdfAttachment,
  mailApplicant,
  mailStaff,
  reopenRequest,
  sha256,
  trackingUrl,
  type CheckedFile,
  type ServiceContext,
} from '../requests/service.ts';
import { deadlineRows, lockRequest, type RequestRow } from '../requests/store.ts';
import { decisionBlocks, groundLines, renderObjectionReceiptPdf } from './documents.ts';
import {
  checkDisputeStage,
  checkObjectionDecision,
  checkObjectionForm,
  checkObjectionTransition,
  disputeWindowStart,
  DISPUTE_OUTCOME_LABELS,
  DISPUTE_STAGE_LABELS,
  explainWindow,
  groundEvent,
  GROUND_LABELS,
  groundWindow,
  isResponse,
  OBJECTION_FILE_ROLES,
  OBJECTION_STATUS_LABELS,
  pastDayProblem,
  RESPONSE_LABELS,
  suggestGrounds,
  windowFrom,
  type DecisionForm,
  type DisputeOutcome,
  type DisputeStage,
  type Ground,
  type GroundWindow,
  type ObjectionDecision,
  type ObjectionFileRole,
  type ObjectionForm,
  type ObjectionStatus,
  type RequestRecord,
  type SuggestedGround,
} from './rules.ts';
import { disputeOfObjection, lockDispute, lockObjection, objectionBySubmissionKey, stagesOf, standingObjections, type DisputeRow, type ObjectionRow } from './store.ts';

/**
 * Objections (keberatan) and disputes (sengketa) as cases of their own (DOMAIN.md §6). Each use case
 * runs in one transaction: the objection's rows, its clock, its letter, the request it reopens, its
 * audit events and its mail commit together or not at all.
 */

const DECIDED: readonly ObjectionStatus[] = ['upheld', 'overturned', 'settled'];

function profileOf(request: RequestRow): RuleProfile {
  return isProfileName(request.profile) ? PROFILES[request.profile] : PROFILES.normal;
}

/** What the request's record says, for suggesting grounds and counting their windows. */
export async function requestRecord(exec: Executor, request: RequestRow, timeZone: string): Promise<RequestRecord> {
  const due = await currentDeadline(exec, request);
  const decision = request.decision as Partial<Decision> | null;
  return {
    outcome: request.outcome,
    due: due?.due ?? null,
    decidedDay: request.decidedAt ? localDateTime(request.decidedAt, timeZone).day : null,
    cost: decision?.costs ? costTotal(decision.costs) : 0,
  };
}

/** The grounds a request's record supports today, each with its window: for the filing form. */
export async function suggestedGrounds(exec: Executor, office: OfficeRow, request: RequestRow, now = new Date()): Promise<(SuggestedGround & { due: string; open: boolean })[]> {
  const today = todayIn(office.timeZone, now);
  const calendar = await loadOfficeCalendar(exec, office.id);
  const days = profileOf(request).workingDays.objection_filing;
  return suggestGrounds(await requestRecord(exec, request, office.timeZone), today).map((s) => {
    const w = groundWindow(s.ground, { since: s.since, event: request.decidedAt ? 'notice' : 'missed_deadline' }, today, days, calendar);
    return { ...s, due: w.due, open: w.open };
  });
}

/** A second objection on a ground the request already has one on: refused, pointing at the first. */
export class DuplicateObjection extends AppError {
  constructor(
    readonly existing: Pick<ObjectionRow, 'id' | 'number'>,
    grounds: readonly Ground[],
  ) {
    super(
      409,
      'duplicate_objection',
      text(
        `Keberatan atas permohonan ini dengan alasan ${grounds.join(', ')} sudah diajukan dengan nomor ${existing.number}; satu alasan diajukan sekali. Ikuti keberatan itu.`,
        `An objection to this request on ground ${grounds.join(', ')} was already filed as ${existing.number}; each ground is filed once. Follow that objection.`,
      ),
    );
  }
}

/** A second dispute record for one objection: refused, pointing at the first. */
export class DuplicateDispute extends AppError {
  constructor(readonly existing: Pick<DisputeRow, 'id'>) {
    super(409, 'duplicate_dispute', text('Sengketa atas keberatan ini sudah dicatat.', 'A dispute on this objection is already recorded.'));
  }
}

// ---------------------------------------------------------------------------------------------------
// Filing

export interface FileObjectionInput {
  readonly officeId: number;
  readonly requestId: number;
  readonly form: ObjectionForm;
  /** The form's one-time key: the same key twice makes one objection. */
  readonly submissionKey: string;
  readonly files: readonly CheckedFile[];
  /** Tokens of staged files (a form that came back) among `files`: their staged copies go with the filing. */
  readonly stagedTokens?: readonly string[];
  /** Desk intake of an objection that came by letter earlier: its windows and clock count from then. */
  readonly receivedAt?: Date;
}

export interface FiledObjection {
  readonly objection: ObjectionRow;
  readonly duplicate: boolean;
}

const SUBMISSION_KEY = /^[A-Za-z0-9_-]{16,64}$/;
const FILING_ROLES: readonly Role[] = ['desk_officer', 'ppid', 'atasan_ppid'];

/** The windows of the chosen grounds told as one text, for the form's error when one has closed. */
function lateExplanation(windows: readonly GroundWindow[], today: string, calendar: Parameters<typeof explainWindow>[2]): Text {
  const closed = windows.filter((w) => !w.open);
  const told = (lang: 'id' | 'en') => closed.map((w) => explainWindow(w, today, calendar, lang).join(' ')).join(' ');
  return text(
    `Jangka waktu keberatan sudah lewat. ${told('id')} Keberatan yang terlambat tetap dapat dicatat bila Anda menuliskan alasan keterlambatan; Atasan PPID yang menilainya.`,
    `The objection window has closed. ${told('en')} A late objection can still be recorded if you write why it is late; the Atasan PPID weighs it.`,
  );
}

/**
 * Files an objection against a request: online by the applicant (the page has found the request by its
 * number and tracking code) or at the desk by staff. Checks each ground against the record and its
 * window; a closed window is explained and needs a written reason, never silently accepted or refused.
 */
export async function fileObjection(db: Db, actor: Actor, input: FileObjectionInput, ctx: ServiceContext): Promise<FiledObjection> {
  if (!SUBMISSION_KEY.test(input.submissionKey)) throw invalid({ submissionKey: text('Formulir kedaluwarsa; muat ulang halaman lalu kirim lagi.', 'The form has expired; reload the page and send it again.') });
  const counts: Partial<Record<ObjectionFileRole, number>> = {};
  for (const f of input.files) if ((OBJECTION_FILE_ROLES as readonly string[]).includes(f.role)) counts[f.role as ObjectionFileRole] = (counts[f.role as ObjectionFileRole] ?? 0) + 1;
  const checked = checkObjectionForm(input.form, counts);
  if (!checked.ok) throw invalid(checked.problems);
  const values = checked.values;
  for (const field of ['description', 'proxyName', 'proxyAddress', 'lateReason'] as const) {
    const problem = unprintableProblem(values[field]);
    if (problem) throw invalid({ [field]: problem });
  }
  const member = actor.staffId === null ? undefined : await staffById(db, actor.staffId);
  if (member && (!member.active || member.officeId !== input.officeId || !member.roles.some((r) => FILING_ROLES.includes(r as Role)))) throw forbidden();
  const now = ctx.now ?? new Date();
  if (input.receivedAt && !member) throw forbidden(text('Hanya petugas yang mencatat keberatan yang tiba lebih dahulu.', 'Only staff record an objection that arrived earlier.'));
  const receivedAt = input.receivedAt ?? now;
  if (receivedAt.getTime() > now.getTime() + 60_000) throw invalid({ receivedAt: text('Waktu diterima tidak boleh di masa depan.', 'The time received cannot be in the future.') });
  if (now.getTime() - receivedAt.getTime() > 60 * 24 * 3600 * 1000) throw invalid({ receivedAt: text('Waktu diterima paling lama 60 hari yang lalu.', 'The time received can be at most 60 days ago.') });

  return db.transaction(async (tx) => {
    const earlier = await objectionBySubmissionKey(tx, input.officeId, input.submissionKey);
    if (earlier) return { objection: earlier, duplicate: true };
    // The request's row lock makes two objections on one ground at once impossible.
    const request = await lockRequest(tx, { officeId: input.officeId }, input.requestId);
    if (!request) throw notFound(text('Permohonan tidak ditemukan.', 'Request not found.'));
    const office = await officeById(tx, request.officeId);
    if (!office) throw notFound();
    const again = await objectionBySubmissionKey(tx, office.id, input.submissionKey);
    if (again) return { objection: again, duplicate: true };

    const overlap = (await standingObjections(tx, request.id)).find((o) => o.grounds.some((g) => values.grounds.includes(g as Ground)));
    if (overlap) throw new DuplicateObjection(overlap, values.grounds.filter((g) => overlap.grounds.includes(g)));

    // The windows are judged on the day the objection arrived, not the day it was typed in.
    const today = todayIn(office.timeZone, receivedAt);
    const record = await requestRecord(tx, request, office.timeZone);
    const notArisen: string[][] = [[], []];
    const windows: GroundWindow[] = [];
    const calendar = await loadOfficeCalendar(tx, office.id);
    const profile = profileOf(request);
    for (const ground of values.grounds) {
      const event = groundEvent(ground, record, today);
      if (!event.ok) {
        notArisen[0]!.push(`${GROUND_LABELS[ground].id}: ${event.problem.id}`);
        notArisen[1]!.push(`${GROUND_LABELS[ground].en}: ${event.problem.en}`);
        continue;
      }
      windows.push(groundWindow(ground, event, today, profile.workingDays.objection_filing, calendar));
    }
    if (notArisen[0]!.length > 0) throw invalid({ grounds: text(notArisen[0]!.join(' '), notArisen[1]!.join(' ')) });
    const late = windows.some((w) => !w.open);
    if (late && !values.lateReason) throw invalid({ lateReason: lateExplanation(windows, today, calendar) });

    const year = Number(today.slice(0, 4));
    const seq = await nextValue(tx, office.id, 'objection', year);
    const number = formatNumber(office.objectionNumberPattern, { seq, year, month: Number(today.slice(5, 7)), code: office.code, series: 'objection' });
    const [row] = await tx
      .insert(objections)
      .values({
        officeId: office.id,
        requestId: request.id,
        number,
        submissionKey: input.submissionKey,
        channel: member ? 'desk' : 'online',
        grounds: [...values.grounds],
        description: values.description,
        proxyName: values.proxyName,
        proxyAddress: values.proxyAddress,
        proxyPhone: values.proxyPhone,
        windows,
        late,
        lateReason: late ? values.lateReason : '',
        status: 'filed',
        receivedAt,
        createdBy: member?.id ?? null,
      })
      .returning();
    if (!row) throw new Error('objection insert returned no row');
    const deadline = await startDeadline(tx, actor, { officeId: office.id, subjectType: 'objection', subjectId: row.id, purpose: 'objection_answer', startAt: receivedAt, workingDays: profile.workingDays.objection_answer });
    const [objection] = await tx.update(objections).set({ deadlineId: deadline.id }).where(eq(objections.id, row.id)).returning();
    for (const file of input.files) await insertCaseFile(tx, office.id, { objectionId: row.id }, file, member?.id ?? null);
    if (input.stagedTokens?.length) await tx.delete(stagedUploads).where(and(eq(stagedUploads.officeId, office.id), inArray(stagedUploads.tokenHash, input.stagedTokens.map((t) => sha256(t)))));
    await recordEvent(tx, actor, {
      officeId: office.id,
      action: 'objection.filed',
      subjectType: 'objection',
      subjectId: row.id,
      after: { number, request: request.number, grounds: values.grounds, channel: row.channel, proxy: values.proxyName !== '', late, windows: windows.map((w) => ({ ground: w.ground, since: w.since, due: w.due, open: w.open })), due: deadline.due, files: input.files.length },
    });
    await recordEvent(tx, actor, { officeId: office.id, action: 'request.objected', subjectType: 'request', subjectId: request.id, after: { objection: number, grounds: values.grounds } });

    const receipt = await renderObjectionReceiptPdf(office, request, objection!, deadline.due, trackingUrl(ctx.baseUrl, office));
    await mailApplicant(
      tx,
      office,
      request,
      `Tanda bukti keberatan ${number}`,
      [
        `Yth. ${request.name},`,
        '',
        `Keberatan Anda atas permohonan ${request.number} telah kami terima dengan nomor ${number}.`,
        `Alasan: ${groundLines(values.grounds).join('; ')}`,
        `Atasan PPID memberikan tanggapan tertulis paling lambat ${formatDay('id', deadline.due)}.`,
        ...(late ? ['Keberatan ini diajukan setelah jangka waktunya lewat; alasan keterlambatan Anda dicatat dan dinilai Atasan PPID.'] : []),
        'Tanda bukti terlampir.',
      ],
      [{ filename: `tanda-bukti-keberatan-${number.replace(/[^A-Za-z0-9.-]+/g, '-')}.pdf`, contentType: 'application/pdf', contentBase64: receipt.toString('base64') }],
    );
    await mailStaff(tx, office.id, ['atasan_ppid', 'ppid'], `Keberatan baru ${number}`, [
      `Keberatan atas permohonan ${request.number} diterima (${row.channel === 'online' ? 'melalui portal' : 'di desk'}).`,
      `Alasan: ${groundLines(values.grounds).join('; ')}`,
      ...(late ? ['Diajukan setelah jangka waktu keberatan lewat; lihat penjelasannya di berkas keberatan.'] : []),
      `Tanggapan Atasan PPID paling lambat ${formatDay('id', deadline.due)}.`,
      `Buka: ${ctx.baseUrl.replace(/\/+$/, '')}/desk/keberatan/${row.id}`,
    ]);
    return { objection: objection!, duplicate: false };
  });
}

async function insertCaseFile(tx: Tx, officeId: number, owner: { objectionId?: number; disputeId?: number }, file: CheckedFile, uploadedBy: number | null): Promise<void> {
  await tx.insert(caseFiles).values({
    officeId,
    objectionId: owner.objectionId ?? null,
    disputeId: owner.disputeId ?? null,
    role: file.role,
    name: file.name,
    mediaType: file.mediaType,
    size: file.bytes.length,
    sha256: sha256(file.bytes),
    content: file.bytes,
    uploadedBy,
  });
}

/** The objection's receipt, rendered again (for the desk, the tracking page, the dispute file). */
export async function objectionReceipt(exec: Executor, office: OfficeRow, request: RequestRow, objection: ObjectionRow, baseUrl: string): Promise<Buffer> {
  const [deadline] = await deadlineRows(exec, [objection.deadlineId]);
  return renderObjectionReceiptPdf(office, request, objection, deadline?.due ?? '', trackingUrl(baseUrl, office));
}

// ---------------------------------------------------------------------------------------------------
// Staff steps

interface CaseStep {
  readonly tx: Tx;
  readonly office: OfficeRow;
  readonly member: StaffRow;
}

/** Runs `fn` for an active staff member of the office holding one of `roles`. */
async function caseStep<T>(db: Db, actor: Actor, scope: OfficeScope, roles: readonly Role[], fn: (s: CaseStep) => Promise<T>): Promise<T> {
  if (actor.staffId === null) throw forbidden();
  const staffId = actor.staffId;
  return db.transaction(async (tx) => {
    const member = await staffById(tx, staffId);
    if (!member?.active || member.officeId !== scope.officeId) throw forbidden();
    if (!member.roles.some((r) => roles.includes(r as Role))) throw forbidden();
    const office = await officeById(tx, scope.officeId);
    if (!office) throw notFound();
    return fn({ tx, office, member });
  });
}

async function objectionOrThrow(tx: Tx, scope: OfficeScope, id: number): Promise<ObjectionRow> {
  const objection = await lockObjection(tx, scope, id);
  if (!objection) throw notFound(text('Keberatan tidak ditemukan.', 'Objection not found.'));
  return objection;
}

async function requestOf(tx: Tx, objection: ObjectionRow): Promise<RequestRow> {
  const request = await lockRequest(tx, { officeId: objection.officeId }, objection.requestId);
  if (!request) throw new Error(`objection ${objection.id} has no request`);
  return request;
}

async function closeAnswerDeadline(tx: Tx, actor: Actor, objection: ObjectionRow, at: Date): Promise<void> {
  const [deadline] = await deadlineRows(tx, [objection.deadlineId]);
  if (deadline && !deadline.closedAt) await closeDeadline(tx, actor, { officeId: objection.officeId }, deadline.id, at);
}

export interface DecidedObjection {
  readonly letter: LetterRow;
  /** Overturned: the request's new due date. */
  readonly reopenDue: string | undefined;
}

/**
 * The Atasan PPID's written answer (DOMAIN.md §6): uphold, overturn (the request reopens with a new
 * clock) or settle by agreement (grounds b–g). A decided or withdrawn objection is refused with why.
 */
export async function decideObjection(db: Db, actor: Actor, scope: OfficeScope, id: number, form: DecisionForm, ctx: ServiceContext): Promise<DecidedObjection> {
  const checked = checkObjectionDecision(form);
  if (!checked.ok) throw invalid(checked.problems);
  const decision: ObjectionDecision = checked.decision;
  for (const field of ['reasons', 'terms', 'order'] as const) {
    const problem = unprintableProblem(decision[field]);
    if (problem) throw invalid({ [field]: problem });
  }
  return caseStep(db, actor, scope, ['atasan_ppid', 'ppid', 'desk_officer'], async (s) => {
    const now = ctx.now ?? new Date();
    const objection = await objectionOrThrow(s.tx, scope, id);
    const check = checkObjectionTransition(decision.action, objection.status as ObjectionStatus, s.member.roles, objection.grounds as Ground[]);
    if (!check.ok) throw new AppError(check.status, check.status === 403 ? 'forbidden' : 'conflict', check.reason);
    const request = await requestOf(s.tx, objection);
    // The reopened clock is started first: startDeadline takes the calendar lock before any audit event.
    const reopened = decision.action === 'overturn' ? await reopenRequest(s.tx, actor, s.member, request, { objectionNumber: objection.number, order: decision.order, at: now }) : undefined;
    await closeAnswerDeadline(s.tx, actor, objection, now);
    const calendar = await loadOfficeCalendar(s.tx, s.office.id);
    const today = todayIn(s.office.timeZone, now);
    const disputeDue = windowFrom(today, profileOf(request).workingDays.dispute_filing, calendar).due;
    const letter = await issueLetterIn(s.tx, actor, {
      officeId: s.office.id,
      kind: 'tanggapan_keberatan',
      series: 'letter',
      pattern: s.office.letterNumberPattern,
      subject: `Tanggapan atas keberatan ${objection.number}`,
      addressee: [objection.proxyName ? `${request.name} (melalui kuasa: ${objection.proxyName})` : request.name, ...(objection.proxyName ? objection.proxyAddress : request.address).split(/\r?\n/).filter(Boolean)],
      blocks: decisionBlocks(request, objection, decision, s.office.timeZone, reopened?.due, disputeDue),
      signer: { name: s.member.name, position: s.member.position || `Atasan PPID ${s.office.name}` },
      subjectType: 'objection',
      subjectId: objection.id,
      baseUrl: ctx.baseUrl,
      now,
    });
    await s.tx.update(objections).set({ status: check.to, decision: { ...decision, letter: letter.number, disputeDue, reopenDue: reopened?.due ?? null }, decidedAt: now, decidedBy: s.member.id }).where(eq(objections.id, objection.id));
    await recordEvent(s.tx, actor, {
      officeId: s.office.id,
      action: 'objection.decided',
      subjectType: 'objection',
      subjectId: objection.id,
      before: { status: objection.status },
      after: { status: check.to, action: decision.action, letter: letter.number, reopenDue: reopened?.due, disputeDue },
    });
    await recordEvent(s.tx, actor, { officeId: s.office.id, action: 'request.objection_decided', subjectType: 'request', subjectId: request.id, after: { objection: objection.number, status: check.to } });
    await mailApplicant(
      s.tx,
      s.office,
      request,
      `Tanggapan atas keberatan ${objection.number}`,
      [
        `Atasan PPID telah menanggapi keberatan Anda (${objection.number}): ${OBJECTION_STATUS_LABELS[check.to].id}.`,
        ...(reopened ? [`PPID wajib memberikan informasi paling lambat ${formatDay('id', reopened.due)}.`] : []),
        `Bila tidak puas, Anda dapat mengajukan sengketa informasi ke Komisi Informasi paling lambat ${formatDay('id', disputeDue)}.`,
        'Mohon sampaikan apakah Anda menerima tanggapan ini melalui halaman pelacakan permohonan.',
        'Surat tanggapan terlampir.',
      ],
      [letterPdfAttachment(letter)],
    );
    if (decision.action !== 'overturn') {
      await mailStaff(s.tx, s.office.id, ['ppid'], `Keberatan ${objection.number} ditanggapi`, [`Atasan PPID menanggapi keberatan ${objection.number} atas permohonan ${request.number}: ${OBJECTION_STATUS_LABELS[check.to].id}.`]);
    }
    return { letter, reopenDue: reopened?.due };
  });
}

/** The applicant (or the objection itself when the applicant says so at the desk) takes the objection back. */
export async function withdrawObjection(db: Db, actor: Actor, scope: OfficeScope, id: number, input: { note: string }, ctx: { now?: Date } = {}): Promise<void> {
  const note = input.note.trim();
  if (note.length < 5 || note.length > 2000) throw invalid({ note: text('Catat bagaimana pemohon mencabut keberatannya (5–2000 karakter).', 'Record how the applicant withdrew the objection (5–2000 characters).') });
  await caseStep(db, actor, scope, ['desk_officer', 'atasan_ppid', 'ppid'], async (s) => {
    const objection = await objectionOrThrow(s.tx, scope, id);
    const check = checkObjectionTransition('withdraw', objection.status as ObjectionStatus, s.member.roles, objection.grounds as Ground[]);
    if (!check.ok) throw new AppError(check.status, check.status === 403 ? 'forbidden' : 'conflict', check.reason);
    await closeAnswerDeadline(s.tx, actor, objection, ctx.now ?? new Date());
    await s.tx.update(objections).set({ status: check.to }).where(eq(objections.id, objection.id));
    await recordEvent(s.tx, actor, { officeId: s.office.id, action: 'objection.withdrawn', subjectType: 'objection', subjectId: objection.id, before: { status: objection.status }, after: { status: check.to, note } });
  });
}

/**
 * Whether the applicant accepts the decision (a column of the register). The applicant says so on the
 * tracking page, or staff record what they said; once recorded it stands.
 */
export async function recordResponse(db: Db, actor: Actor, scope: OfficeScope, id: number, input: { response: string; note: string; requestId?: number }, ctx: { now?: Date } = {}): Promise<void> {
  if (!isResponse(input.response)) throw invalid({ response: text('Pilih: menerima atau tidak menerima.', 'Choose: accept or not accept.') });
  const response = input.response;
  const note = input.note.trim();
  if (note.length > 2000) throw invalid({ note: text('Catatan paling panjang 2000 karakter.', 'The note has at most 2000 characters.') });
  const unprintable = unprintableProblem(note);
  if (unprintable) throw invalid({ note: unprintable });
  await db.transaction(async (tx) => {
    if (actor.staffId !== null) {
      const member = await staffById(tx, actor.staffId);
      if (!member?.active || member.officeId !== scope.officeId || !member.roles.some((r) => FILING_ROLES.includes(r as Role))) throw forbidden();
    }
    const objection = await lockObjection(tx, scope, id);
    // The applicant reaches an objection only through its request's number and tracking code.
    if (!objection || (actor.staffId === null && objection.requestId !== input.requestId)) throw notFound(text('Keberatan tidak ditemukan.', 'Objection not found.'));
    if (!DECIDED.includes(objection.status as ObjectionStatus)) throw conflict(text('Keberatan ini belum ditanggapi Atasan PPID; sikap atas tanggapan dicatat setelah tanggapan terbit.', 'The Atasan PPID has not answered this objection yet; the reaction is recorded once the answer is issued.'));
    if (objection.response) throw conflict(text(`Sikap atas tanggapan ini sudah dicatat: ${RESPONSE_LABELS[objection.response as keyof typeof RESPONSE_LABELS]?.id ?? objection.response}.`, `The reaction to this answer is already recorded: ${RESPONSE_LABELS[objection.response as keyof typeof RESPONSE_LABELS]?.en ?? objection.response}.`));
    await tx.update(objections).set({ response, responseNote: note, respondedAt: ctx.now ?? new Date() }).where(eq(objections.id, objection.id));
    await recordEvent(tx, actor, { officeId: objection.officeId, action: 'objection.responded', subjectType: 'objection', subjectId: objection.id, after: { response, note: note || undefined } });
  });
}

// ---------------------------------------------------------------------------------------------------
// Disputes

const DISPUTE_ROLES: readonly Role[] = ['ppid', 'atasan_ppid'];

export interface DisputeInput {
  readonly commission: string;
  readonly registerNumber: string;
  /** The day the commission received the application. */
  readonly filedOn: string;
  readonly note: string;
}

function checkDisputeInput(input: DisputeInput, today: string): Record<string, Text> {
  const problems: Record<string, Text> = {};
  const commission = input.commission.trim();
  if (commission.length < 5 || commission.length > 200) problems.commission = text('Tulis nama Komisi Informasi (mis. Komisi Informasi Provinsi Jawa Barat).', 'Write the name of the Information Commission (e.g. Komisi Informasi Provinsi Jawa Barat).');
  if (input.registerNumber.trim().length > 100) problems.registerNumber = text('Nomor register paling panjang 100 karakter.', 'The register number has at most 100 characters.');
  const day = pastDayProblem(input.filedOn.trim(), today);
  if (day) problems.filedOn = day;
  if (input.note.trim().length > 2000) problems.note = text('Catatan paling panjang 2000 karakter.', 'The note has at most 2000 characters.');
  for (const field of ['commission', 'registerNumber', 'note'] as const) {
    const problem = unprintableProblem(input[field]);
    if (problem && !problems[field]) problems[field] = problem;
  }
  return problems;
}

/**
 * Staff record that the applicant took the objection to the Komisi Informasi. The 14-working-day
 * filing window is counted and a late filing flagged (the commission decides whether to hear it); the
 * commission's own clocks (start within 14, finish within 100 working days) run from its receipt.
 */
export async function recordDispute(db: Db, actor: Actor, scope: OfficeScope, objectionId: number, input: DisputeInput, files: readonly CheckedFile[], ctx: { now?: Date } = {}): Promise<DisputeRow> {
  const now = ctx.now ?? new Date();
  return caseStep(db, actor, scope, DISPUTE_ROLES, async (s) => {
    const today = todayIn(s.office.timeZone, now);
    const problems = checkDisputeInput(input, today);
    if (Object.keys(problems).length > 0) throw invalid(problems);
    const objection = await objectionOrThrow(s.tx, scope, objectionId);
    if (objection.status === 'withdrawn') throw conflict(text('Keberatan ini dicabut; sengketa tidak dapat dicatat atasnya.', 'This objection was withdrawn; no dispute can be recorded on it.'));
    const existing = await disputeOfObjection(s.tx, objection.id);
    if (existing) throw new DuplicateDispute(existing);
    const request = await requestOf(s.tx, objection);
    const filedOn = input.filedOn.trim();
    const [answer] = await deadlineRows(s.tx, [objection.deadlineId]);
    const start = disputeWindowStart({ decidedDay: objection.decidedAt ? localDateTime(objection.decidedAt, s.office.timeZone).day : null, answerDue: answer?.due ?? null }, filedOn);
    if (!start.ok) throw invalid({ filedOn: start.problem });
    const calendar = await loadOfficeCalendar(s.tx, s.office.id);
    const profile = profileOf(request);
    const count = windowFrom(start.since, profile.workingDays.dispute_filing, calendar);
    const late = filedOn > count.due;
    const [row] = await s.tx
      .insert(disputes)
      .values({
        officeId: s.office.id,
        objectionId: objection.id,
        requestId: request.id,
        commission: input.commission.trim(),
        registerNumber: input.registerNumber.trim(),
        filedOn,
        window: { since: start.since, due: count.due, open: !late, count },
        late,
        stage: 'filed',
        createdBy: s.member.id,
      })
      .returning();
    if (!row) throw new Error('dispute insert returned no row');
    const at = instantAt(filedOn, s.office.hoursStart, s.office.timeZone);
    const startClock = await startDeadline(s.tx, actor, { officeId: s.office.id, subjectType: 'dispute', subjectId: row.id, purpose: 'dispute_start', startAt: at, workingDays: profile.workingDays.dispute_start });
    const finishClock = await startDeadline(s.tx, actor, { officeId: s.office.id, subjectType: 'dispute', subjectId: row.id, purpose: 'dispute_finish', startAt: at, workingDays: profile.workingDays.dispute_finish });
    const [dispute] = await s.tx.update(disputes).set({ startDeadlineId: startClock.id, finishDeadlineId: finishClock.id }).where(eq(disputes.id, row.id)).returning();
    await s.tx.insert(disputeStages).values({ officeId: s.office.id, disputeId: row.id, stage: 'filed', on: filedOn, note: input.note.trim(), recordedBy: s.member.id });
    for (const file of files) await insertCaseFile(s.tx, s.office.id, { disputeId: row.id }, { ...file, role: 'dispute_document' }, s.member.id);
    await recordEvent(s.tx, actor, {
      officeId: s.office.id,
      action: 'dispute.recorded',
      subjectType: 'dispute',
      subjectId: row.id,
      after: { objection: objection.number, request: request.number, commission: row.commission, registerNumber: row.registerNumber, filedOn, windowDue: count.due, late, startDue: startClock.due, finishDue: finishClock.due, files: files.length },
    });
    await recordEvent(s.tx, actor, { officeId: s.office.id, action: 'request.disputed', subjectType: 'request', subjectId: request.id, after: { objection: objection.number, commission: row.commission } });
    await mailStaff(s.tx, s.office.id, ['atasan_ppid', 'ppid'], `Sengketa informasi atas keberatan ${objection.number}`, [
      `Pemohon ${request.number} mengajukan sengketa ke ${row.commission} (diterima komisi ${formatDay('id', filedOn)}).`,
      `Komisi mulai menyelesaikan paling lambat ${formatDay('id', startClock.due)} dan selesai paling lambat ${formatDay('id', finishClock.due)}.`,
    ]);
    return dispute!;
  });
}

export interface StageInput {
  readonly stage: string;
  readonly on: string;
  readonly note: string;
  readonly outcome: string;
  readonly outcomeNote: string;
  readonly registerNumber?: string;
}

/** A dispute moves on (mediation, adjudication, ruling, court) or closes with its outcome; documents go with it. */
export async function advanceDispute(db: Db, actor: Actor, scope: OfficeScope, id: number, input: StageInput, files: readonly CheckedFile[], ctx: { now?: Date } = {}): Promise<DisputeRow> {
  const now = ctx.now ?? new Date();
  return caseStep(db, actor, scope, DISPUTE_ROLES, async (s) => {
    const dispute = await lockDispute(s.tx, scope, id);
    if (!dispute) throw notFound(text('Sengketa tidak ditemukan.', 'Dispute not found.'));
    const outcome = input.outcome.trim();
    const checked = checkDisputeStage(dispute.stage as DisputeStage, input.stage.trim(), outcome);
    if (!checked.ok) throw invalid(checked.problems);
    const on = input.on.trim();
    const dayProblem = pastDayProblem(on, todayIn(s.office.timeZone, now));
    if (dayProblem) throw invalid({ on: dayProblem });
    const last = (await stagesOf(s.tx, dispute.id)).at(-1);
    const earliest = last && last.on > dispute.filedOn ? last.on : dispute.filedOn;
    if (on < earliest) throw invalid({ on: text(`Tanggal tahap tidak boleh sebelum tahap sebelumnya (${formatDay('id', earliest)}).`, `A stage cannot be dated before the one before it (${formatDay('en', earliest)}).`) });
    const note = input.note.trim();
    const outcomeNote = input.outcomeNote.trim();
    const registerNumber = (input.registerNumber ?? '').trim();
    if (note.length > 2000 || outcomeNote.length > 2000) throw invalid({ [note.length > 2000 ? 'note' : 'outcomeNote']: text('Catatan paling panjang 2000 karakter.', 'The note has at most 2000 characters.') });
    if (registerNumber.length > 100) throw invalid({ registerNumber: text('Nomor register paling panjang 100 karakter.', 'The register number has at most 100 characters.') });
    for (const [field, value] of [['note', note], ['outcomeNote', outcomeNote], ['registerNumber', registerNumber]] as const) {
      const problem = unprintableProblem(value);
      if (problem) throw invalid({ [field]: problem });
    }
    const at = instantAt(on, s.office.hoursStart, s.office.timeZone);
    // The commission has started once it mediates or adjudicates; all its clocks stop when the dispute closes.
    const toClose = checked.to === 'closed' ? [dispute.startDeadlineId, dispute.finishDeadlineId] : dispute.stage === 'filed' ? [dispute.startDeadlineId] : [];
    for (const deadline of await deadlineRows(s.tx, toClose)) if (!deadline.closedAt) await closeDeadline(s.tx, actor, scope, deadline.id, at);
    const [row] = await s.tx
      .update(disputes)
      .set({
        stage: checked.to,
        ...(checked.to === 'closed' ? { outcome: outcome as DisputeOutcome, outcomeNote, closedAt: at } : {}),
        ...(registerNumber ? { registerNumber } : {}),
      })
      .where(eq(disputes.id, dispute.id))
      .returning();
    await s.tx.insert(disputeStages).values({ officeId: s.office.id, disputeId: dispute.id, stage: checked.to, on, note: checked.to === 'closed' && outcomeNote ? [note, outcomeNote].filter(Boolean).join('\n') : note, recordedBy: s.member.id });
    for (const file of files) await insertCaseFile(s.tx, s.office.id, { disputeId: dispute.id }, { ...file, role: 'dispute_document' }, s.member.id);
    await recordEvent(s.tx, actor, {
      officeId: s.office.id,
      action: 'dispute.stage',
      subjectType: 'dispute',
      subjectId: dispute.id,
      before: { stage: dispute.stage },
      after: { stage: checked.to, on, outcome: checked.to === 'closed' ? outcome : undefined, outcomeLabel: checked.to === 'closed' ? DISPUTE_OUTCOME_LABELS[outcome as DisputeOutcome].id : undefined, stageLabel: DISPUTE_STAGE_LABELS[checked.to].id, files: files.length },
    });
    return row!;
  });
}

/** The Atasan PPID's decision letter of an objection, if issued. */
export async function decisionLetterOf(exec: Executor, objection: ObjectionRow): Promise<LetterRow | undefined> {
  const [row] = await exec.select().from(letters).where(and(eq(letters.subjectType, 'objection'), eq(letters.subjectId, String(objection.id)), eq(letters.kind, 'tanggapan_keberatan')));
  return row;
}

/** Every request the objection is against, as staff read it: the register row's request columns. */
export async function requestOfObjection(exec: Executor, objection: ObjectionRow): Promise<RequestRow> {
  const [row] = await exec.select().from(requests).where(eq(requests.id, objection.requestId));
  if (!row) throw new Error(`objection ${objection.id} has no request`);
  return row;
}
