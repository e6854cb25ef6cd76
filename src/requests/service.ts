import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../db/client.ts';
import { dispositions, downloadLinks, requestFiles, requests, staff, stagedUploads } from '../db/schema.ts';
import { closeDeadline, startDeadline } from '../calendar/service.ts';
import { profileFor, PROFILES, isProfileName } from '../calendar/profiles.ts';
import { addWorkingDays, instantAt, isIsoDay, localDateTime, workingDaysBetween, type DeadlineResult } from '../calendar/rules.ts';
import { loadOfficeCalendar, rulePeriodsOf } from '../calendar/store.ts';
import { recordEvent, type Actor } from '../kernel/audit/store.ts';
import { checkFile, detectFileType, fileTypeProblem, RELEASE_TYPES, type CheckReport, type DetectedType } from '../kernel/checker/index.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../kernel/errors.ts';
import { formatDay, text, type Text } from '../kernel/i18n.ts';
import { formatNumber } from '../kernel/numbering/rules.ts';
import { nextValue } from '../kernel/numbering/store.ts';
import { installationSecret } from '../kernel/settings.ts';
import { MAX_FILE_BYTES, type UploadedFile } from '../kernel/uploads.ts';
import { issueLetterIn, type LetterRow } from '../letters/service.ts';
import type { LetterBlock } from '../letters/render.ts';
import { enqueueMail, type MailAttachment } from '../mail/mail.ts';
import { enqueue } from '../kernel/outbox/store.ts';
import type { JobHandler } from '../kernel/outbox/runner.ts';
import { todayIn } from '../offices/portal.tsx';
import type { Role } from '../offices/roles.ts';
import { officeById, staffById, unitInScope, type OfficeRow, type OfficeScope, type StaffRow } from '../offices/store.ts';
import { inviteOnClose } from '../survey/service.ts';
import { addresseeOf, exemptExplanationBlocks, extensionBlocks, handoverBlocks, noticeBlocks, refusalBlocks, renderReceiptPdf } from './documents.ts';
import {
  checkDecision,
  checkIntake,
  checkTransition,
  costTotal,
  DESK_CHANNELS,
  DISPOSITION_ANSWERS,
  INTAKE_FILE_ROLES,
  isPaymentMethod,
  MISSING_FILE_ROLES,
  MISSING_LABELS,
  missingItems,
  minutesBetween,
  nikProblem,
  normaliseNik,
  OUTCOME_LABELS,
  PASAL17,
  rupiah,
  SOP_MINUTES,
  type Action,
  type Decision,
  type DecisionForm,
  type DispositionAnswer,
  type IntakeFileRole,
  type IntakeForm,
  type MissingItem,
  type Pasal17,
  type PaymentMethod,
  type Status,
  unprintableProblem,
} from './rules.ts';
import {
  completionDueOf,
  deadlineRows,
  dispositionInScope,
  downloadLinkByHash,
  fileInScope,
  lockRequest,
  releasedFiles,
  requestByNumber,
  requestBySubmissionKey,
  type FileFacts,
  type RequestRow,
} from './store.ts';

/**
 * The information-service SOP's use cases. Each runs in one transaction: the request's rows, its
 * deadline, its letters, its audit events and the mail it sends commit together or not at all.
 */

export interface ServiceContext {
  /** The public address of the installation, for links in mail and QR codes. */
  readonly baseUrl: string;
  readonly now?: Date;
}

/** Identity documents and scanned letters: what a scanner or a phone camera produces. */
export const INTAKE_TYPES: readonly DetectedType[] = ['pdf', 'png', 'jpeg'];

export interface CheckedFile {
  readonly role: string;
  readonly name: string;
  readonly bytes: Buffer;
  readonly mediaType: string;
}

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  text: 'text/plain; charset=utf-8',
};

function tooLarge(name: string): Text {
  return text(`Berkas "${name}" melebihi batas ${MAX_FILE_BYTES / (1024 * 1024)} MB.`, `The file "${name}" is over the ${MAX_FILE_BYTES / (1024 * 1024)} MB limit.`);
}

/** Judges each file by its content; returns the good ones and a message per form field for the rest. */
export function checkUploads(files: readonly UploadedFile[], allowed: readonly DetectedType[]): { good: CheckedFile[]; problems: Record<string, Text> } {
  const good: CheckedFile[] = [];
  const problems: Record<string, Text> = {};
  for (const file of files) {
    const problem = file.truncated ? tooLarge(file.name) : fileTypeProblem(file.bytes, file.name, MAX_FILE_BYTES, allowed);
    if (problem) {
      problems[file.role] = problem;
      continue;
    }
    const type = detectFileType(file.bytes);
    good.push({ role: file.role, name: safeName(file.name), bytes: file.bytes, mediaType: MEDIA_TYPES[type] ?? 'application/octet-stream' });
  }
  return { good, problems };
}

/** A file name as shown and sent back: no path, no control characters, at most 150 characters. */
export function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'berkas';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (cleaned || 'berkas').slice(-150);
}

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

// ---------------------------------------------------------------------------------------------------
// Staged uploads: files sent with a form that came back with errors

/** Keeps good files of a form that failed, and returns a token per file for the form to carry back. */
export async function stageUploads(db: Db, officeId: number, files: readonly CheckedFile[]): Promise<{ token: string; role: string; name: string }[]> {
  const out: { token: string; role: string; name: string }[] = [];
  for (const file of files) {
    const token = randomBytes(18).toString('base64url');
    await db.insert(stagedUploads).values({ tokenHash: sha256(token), officeId, role: file.role, name: file.name, mediaType: file.mediaType, size: file.bytes.length, content: file.bytes });
    out.push({ token, role: file.role, name: file.name });
  }
  return out;
}

/** The files behind tokens a form carried back (unknown or expired tokens are skipped). */
export async function stagedFiles(exec: Executor, officeId: number, tokens: readonly string[]): Promise<{ token: string; file: CheckedFile }[]> {
  const valid = tokens.filter((t) => /^[A-Za-z0-9_-]{24}$/.test(t));
  if (valid.length === 0) return [];
  const byHash = new Map(valid.map((t) => [sha256(t), t]));
  const rows = await exec.select().from(stagedUploads).where(and(eq(stagedUploads.officeId, officeId), inArray(stagedUploads.tokenHash, [...byHash.keys()])));
  return rows.map((row) => ({ token: byHash.get(row.tokenHash)!, file: { role: row.role, name: row.name, bytes: row.content, mediaType: row.mediaType } }));
}

/** Staged files left by forms nobody finished are deleted after a day. */
export async function purgeStagedUploads(db: Db, now = new Date()): Promise<void> {
  await db.delete(stagedUploads).where(lt(stagedUploads.createdAt, new Date(now.getTime() - 24 * 3600 * 1000)));
}

// ---------------------------------------------------------------------------------------------------
// Tracking code

const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The tracking code printed on the receipt, derived from the submission key with an installation
 * secret: a resubmitted form (same key) shows the same code, and no code is stored to be stolen.
 */
export async function trackingCode(exec: Executor, officeId: number, submissionKey: string): Promise<string> {
  const key = await installationSecret(exec, 'tracking_key');
  const digest = createHmac('sha256', key).update(`${officeId}:${submissionKey}`).digest();
  let code = '';
  for (let i = 0; i < 10; i++) code += CODE_ALPHABET[digest[i]! & 31];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A code as typed from paper: case, spaces and dashes ignored, O read as 0 and I or L as 1. */
export function normaliseCode(input: string): string {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return code.length === 10 ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}

export function trackingUrl(baseUrl: string, office: OfficeRow): string {
  return `${baseUrl.replace(/\/+$/, '')}/${office.slug}/lacak`;
}

// ---------------------------------------------------------------------------------------------------
// Intake

export interface SubmitInput {
  readonly officeId: number;
  readonly form: IntakeForm;
  /** The form's one-time key: the same key twice makes one request. */
  readonly submissionKey: string;
  readonly files: readonly CheckedFile[];
  /** Tokens of staged files the form carried back; they are consumed with the submission. */
  readonly stagedTokens?: readonly string[];
  /** Desk intake of a letter, fax or e-mail that arrived earlier; online requests arrive now. */
  readonly receivedAt?: Date;
  /** Desk intake: when the form was opened, to time it against the SOP's 10 minutes. */
  readonly startedAt?: Date;
  /** Desk intake: register the request even though identity documents are missing (rules.ts checkIntake). */
  readonly allowMissing?: boolean;
}

export interface Submitted {
  readonly request: RequestRow;
  readonly code: string;
  /** The same form was sent before: this is the request it made then. */
  readonly duplicate: boolean;
}

const SUBMISSION_KEY = /^[A-Za-z0-9_-]{16,64}$/;

export function newSubmissionKey(): string {
  return randomBytes(18).toString('base64url');
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string; cause?: { code?: string; constraint?: string; message?: string } };
  const code = e.code ?? e.cause?.code;
  const text = `${e.constraint ?? ''} ${e.cause?.constraint ?? ''} ${e.message ?? ''} ${e.cause?.message ?? ''}`;
  return code === '23505' && text.includes(constraint);
}

/**
 * Registers a request from the portal (anonymous actor) or the desk (staff actor, remote channels).
 * Returns the same request for a resubmitted form, even when both copies arrive at once.
 */
export async function submitRequest(db: Db, actor: Actor, input: SubmitInput, ctx: ServiceContext): Promise<Submitted> {
  if (!SUBMISSION_KEY.test(input.submissionKey)) throw invalid({ submissionKey: text('Formulir kedaluwarsa; muat ulang halaman lalu kirim lagi.', 'The form has expired; reload the page and send it again.') });
  const existing = await requestBySubmissionKey(db, input.officeId, input.submissionKey);
  if (existing) return { request: existing, code: await trackingCode(db, input.officeId, input.submissionKey), duplicate: true };

  const staged = await stagedFiles(db, input.officeId, input.stagedTokens ?? []);
  const files = [...input.files, ...staged.map((s) => s.file)];
  const counts: Partial<Record<IntakeFileRole, number>> = {};
  for (const f of files) if ((INTAKE_FILE_ROLES as readonly string[]).includes(f.role)) counts[f.role as IntakeFileRole] = (counts[f.role as IntakeFileRole] ?? 0) + 1;
  const checked = checkIntake(input.form, counts, { allowMissing: input.allowMissing === true });
  if (!checked.ok) throw invalid(checked.problems);
  const values = checked.values;
  const missing = checked.missing;
  const staffMember = actor.staffId === null ? undefined : await staffById(db, actor.staffId);
  if (values.channel === 'online' && staffMember) throw invalid({ channel: text('Petugas mencatat permohonan dari saluran desk (datang langsung, surat, e-mail, telepon, faks).', 'Staff record requests from desk channels (walk-in, letter, e-mail, phone, fax).') });
  if (values.channel !== 'online' && !staffMember) throw forbidden(text('Hanya petugas yang mencatat permohonan dari saluran selain portal.', 'Only staff record requests from channels other than the portal.'));
  if (staffMember && !DESK_CHANNELS.includes(values.channel)) throw invalid({ channel: text('Saluran tidak dikenal.', 'Unknown channel.') });

  const now = ctx.now ?? new Date();
  const receivedAt = input.receivedAt ?? now;
  if (receivedAt.getTime() > now.getTime() + 60_000) throw invalid({ receivedAt: text('Waktu diterima tidak boleh di masa depan.', 'The time received cannot be in the future.') });
  if (now.getTime() - receivedAt.getTime() > 60 * 24 * 3600 * 1000) throw invalid({ receivedAt: text('Waktu diterima paling lama 60 hari yang lalu.', 'The time received can be at most 60 days ago.') });
  const startedAt = input.startedAt && input.startedAt.getTime() <= now.getTime() && now.getTime() - input.startedAt.getTime() < 12 * 3600 * 1000 ? input.startedAt : undefined;
  const code = await trackingCode(db, input.officeId, input.submissionKey);

  try {
    const request = await db.transaction(async (tx) => {
      const office = await officeById(tx, input.officeId);
      if (!office) throw notFound(text('Kantor tidak ditemukan.', 'Office not found.'));
      const localDay = localDateTime(receivedAt, office.timeZone).day;
      const profile = profileFor(await rulePeriodsOf(tx, office.id), localDay);
      const year = Number(localDay.slice(0, 4));
      const seq = await nextValue(tx, office.id, 'request', year);
      const number = formatNumber(office.requestNumberPattern, { seq, year, month: Number(localDay.slice(5, 7)), code: office.code, series: 'request' });
      const [row] = await tx
        .insert(requests)
        .values({
          officeId: office.id,
          number,
          submissionKey: input.submissionKey,
          ...values,
          missing: [...missing],
          status: 'received',
          profile: profile.name,
          receivedAt,
          intakeSeconds: startedAt ? Math.round((now.getTime() - startedAt.getTime()) / 1000) : null,
          createdBy: staffMember?.id ?? null,
        })
        .returning();
      if (!row) throw new Error('request insert returned no row');
      if (staged.length > 0) await tx.delete(stagedUploads).where(inArray(stagedUploads.tokenHash, staged.map((s) => sha256(s.token))));
      for (const file of files) await insertFile(tx, row, file, staffMember?.id ?? null, null, null);
      const deadline = await startDeadline(tx, actor, { officeId: office.id, subjectType: 'request', subjectId: row.id, purpose: 'request_notice', startAt: receivedAt, workingDays: profile.workingDays.request_notice });
      const [request] = await tx.update(requests).set({ deadlineId: deadline.id }).where(eq(requests.id, row.id)).returning();
      // Office practice, not law: the applicant gets some working days to complete it, while the notice's clock runs on.
      const completeBy = missing.length > 0 ? addWorkingDays({ receivedAt, workingDays: office.completionDays, calendar: await loadOfficeCalendar(tx, office.id) }).due : undefined;
      await recordEvent(tx, actor, {
        officeId: office.id,
        action: 'request.received',
        subjectType: 'request',
        subjectId: row.id,
        after: {
          number,
          channel: values.channel,
          applicantType: values.applicantType,
          profile: profile.name,
          due: deadline.due,
          files: files.length,
          intakeMinutes: startedAt ? minutesBetween(startedAt, now) : null,
          sopMinutes: SOP_MINUTES.intake,
          ...(completeBy ? { missing, completeBy } : {}),
        },
      });
      if (completeBy) {
        await mailApplicant(tx, office, request!, `Kelengkapan permohonan informasi ${number}`, [
          `Yth. ${values.name},`,
          '',
          `Permohonan informasi Anda kepada ${office.name} telah kami terima dan didaftarkan dengan nomor ${number}, tetapi kelengkapan berikut belum ada:`,
          ...missing.map((item) => `- ${MISSING_LABELS[item].id}`),
          '',
          `Mohon lengkapi paling lambat ${formatDay('id', completeBy)} (${office.completionDays} hari kerja sejak permohonan diterima) di desk layanan informasi atau melalui kontak di bawah.`,
          `Permohonan Anda tetap diproses; batas waktu pemberitahuan tertulis: ${formatDay('id', deadline.due)}.`,
        ]);
      }
      // The receipt PDF is rendered by a job after commit: intake (and the number counter) need not wait for it.
      if (values.email) await enqueue(tx, { kind: RECEIPT_JOB, officeId: office.id, payload: { requestId: row.id }, dedupeKey: `receipt:${row.id}` });
      if (values.channel === 'online') {
        await mailStaff(tx, office.id, ['desk_officer', 'ppid'], `Permohonan informasi baru ${number}`, [
          `Permohonan baru masuk lewat portal ${office.name}.`,
          `Nomor: ${number}`,
          `Batas waktu pemberitahuan tertulis: ${formatDay('id', deadline.due)}`,
          `Buka: ${ctx.baseUrl.replace(/\/+$/, '')}/desk/permohonan/${row.id}`,
        ]);
      }
      return request!;
    });
    return { request, code, duplicate: false };
  } catch (error) {
    // Two copies of one form at once: the second lost the race on the unique key and made nothing.
    if (isUniqueViolation(error, 'requests_office_submission_key')) {
      const first = await requestBySubmissionKey(db, input.officeId, input.submissionKey);
      if (first) return { request: first, code, duplicate: true };
    }
    throw error;
  }
}

export const RECEIPT_JOB = 'request.receipt';

/** Mails the applicant the receipt (tanda bukti) with the tracking code; queued by submitRequest. */
export async function mailReceipt(db: Db, requestId: number, baseUrl: string): Promise<void> {
  const [request] = await db.select().from(requests).where(eq(requests.id, requestId));
  const office = request ? await officeById(db, request.officeId) : undefined;
  if (!request?.email || !office) return;
  const code = await trackingCode(db, office.id, request.submissionKey);
  const due = await currentDeadline(db, request);
  const receipt = await renderReceiptPdf(office, request, code, trackingUrl(baseUrl, office), await completionDueOf(db, request));
  await mailApplicant(
    db,
    office,
    request,
    `Tanda bukti permohonan informasi ${request.number}`,
    [
      `Yth. ${request.name},`,
      '',
      `Permohonan informasi Anda kepada ${office.name} telah kami terima.`,
      `Nomor pendaftaran: ${request.number}`,
      `Kode pelacakan: ${code}`,
      ...(due ? [`Batas waktu pemberitahuan tertulis: ${formatDay('id', due.due)}`] : []),
      '',
      `Ikuti permohonan Anda di ${trackingUrl(baseUrl, office)} dengan nomor pendaftaran dan kode pelacakan di atas.`,
      'Tanda bukti terlampir.',
    ],
    [{ filename: `tanda-bukti-${fileSafe(request.number)}.pdf`, contentType: 'application/pdf', contentBase64: receipt.toString('base64') }],
    // A job run twice (a crash after queueing) still sends one receipt.
    `receipt-mail:${request.id}`,
  );
}

export function receiptJobHandler(baseUrl: string): JobHandler {
  return async (payload, ctx) => {
    const requestId = (payload as { requestId?: unknown } | null)?.requestId;
    if (typeof requestId !== 'number') throw new Error('request.receipt payload needs a numeric requestId');
    await mailReceipt(ctx.database.db, requestId, baseUrl);
  };
}

export function fileSafe(value: string): string {
  return value.replace(/[^A-Za-z0-9.-]+/g, '-');
}

async function insertFile(tx: Tx, request: RequestRow, file: CheckedFile, uploadedBy: number | null, dispositionId: number | null, check: CheckReport | null): Promise<FileFacts> {
  const [row] = await tx
    .insert(requestFiles)
    .values({
      officeId: request.officeId,
      requestId: request.id,
      dispositionId,
      role: file.role,
      name: file.name,
      mediaType: file.mediaType,
      size: file.bytes.length,
      sha256: sha256(file.bytes),
      content: file.bytes,
      check,
      uploadedBy,
    })
    .returning();
  if (!row) throw new Error('file insert returned no row');
  return row;
}

// ---------------------------------------------------------------------------------------------------
// Shared steps

interface Step {
  readonly tx: Tx;
  readonly office: OfficeRow;
  readonly request: RequestRow;
  readonly staff: StaffRow;
  readonly to: Status;
}

/**
 * Opens a step on a request: loads and locks it within the staff member's office, checks the
 * transition table, and runs `fn` in the same transaction.
 */
async function step<T>(db: Db, actor: Actor, scope: OfficeScope, id: number, action: Action, fn: (s: Step) => Promise<T>): Promise<T> {
  if (actor.staffId === null) throw forbidden();
  const staffId = actor.staffId;
  return db.transaction(async (tx) => {
    const member = await staffById(tx, staffId);
    if (!member?.active || (member.officeId !== scope.officeId && !member.roles.includes('system_admin'))) throw forbidden();
    const request = await lockRequest(tx, scope, id);
    if (!request) throw notFound(text('Permohonan tidak ditemukan.', 'Request not found.'));
    const check = checkTransition(action, request.status as Status, member.roles, request.channel);
    if (!check.ok) throw new AppError(check.status, check.status === 403 ? 'forbidden' : 'conflict', check.reason);
    const office = await officeById(tx, request.officeId);
    if (!office) throw notFound();
    return fn({ tx, office, request, staff: member, to: check.to });
  });
}

/** Working days from the request's day zero to `now`'s local day, for `requests.answer_working_days`. */
async function answerWorkingDays(tx: Tx, request: RequestRow, timeZone: string, now: Date): Promise<number> {
  const [notice] = await deadlineRows(tx, [request.deadlineId]);
  const dayZero = notice ? (notice.explanation as DeadlineResult).dayZero : localDateTime(request.receivedAt, timeZone).day;
  return Math.max(0, workingDaysBetween(dayZero, todayIn(timeZone, now), await loadOfficeCalendar(tx, request.officeId)));
}

/** The clock now running: an objection's reopening when there is one, else the extension's, else the notice's. */
export async function currentDeadline(exec: Executor, request: RequestRow) {
  const rows = await deadlineRows(exec, [request.deadlineId, request.extensionDeadlineId, request.reopenDeadlineId]);
  return rows.find((r) => r.id === request.reopenDeadlineId) ?? rows.find((r) => r.id === request.extensionDeadlineId) ?? rows.find((r) => r.id === request.deadlineId);
}

async function closeOpenDeadlines(tx: Tx, actor: Actor, request: RequestRow, at: Date): Promise<void> {
  for (const row of await deadlineRows(tx, [request.deadlineId, request.extensionDeadlineId, request.reopenDeadlineId])) {
    if (!row.closedAt) await closeDeadline(tx, actor, { officeId: request.officeId }, row.id, at);
  }
}

export async function mailApplicant(tx: Executor, office: OfficeRow, request: RequestRow, subject: string, lines: readonly string[], attachments: MailAttachment[] = [], dedupeKey?: string): Promise<void> {
  if (!request.email) return;
  await enqueueMail(tx, {
    ...(dedupeKey ? { dedupeKey } : {}),
    officeId: office.id,
    to: request.email,
    subject,
    text: [...lines, '', `${office.name}`, office.phone ? `Telp. ${office.phone}` : '', office.email].filter((l, i, all) => l !== '' || i < all.length - 3).join('\n'),
    ...(attachments.length > 0 ? { attachments } : {}),
  });
}

/** One message to every active staff member of the office holding one of `roles` (or of one unit). */
export async function mailStaff(tx: Tx, officeId: number, roles: readonly Role[], subject: string, lines: readonly string[], unitId?: number): Promise<void> {
  const people = await tx
    .select({ email: staff.email, roles: staff.roles, unitId: staff.unitId })
    .from(staff)
    .where(and(eq(staff.officeId, officeId), eq(staff.active, true)));
  const to = people.filter((p) => p.roles.some((r) => roles.includes(r as Role)) && (unitId === undefined || p.unitId === unitId)).map((p) => p.email);
  if (to.length === 0) return;
  await enqueueMail(tx, { officeId, to, subject, text: lines.join('\n') });
}

export function letterPdfAttachment(letter: LetterRow): MailAttachment {
  return { filename: `${fileSafe(letter.number)}.pdf`, contentType: 'application/pdf', contentBase64: letter.pdf.toString('base64') };
}

function signerOf(member: StaffRow, office: OfficeRow, fallback: string): { name: string; position: string } {
  return { name: member.name, position: member.position || `${fallback} ${office.name}` };
}

function issue(s: Step, actor: Actor, ctx: ServiceContext, kind: string, subject: string, blocks: LetterBlock[], signerRole: string): Promise<LetterRow> {
  return issueLetterIn(s.tx, actor, {
    officeId: s.office.id,
    kind,
    series: 'letter',
    pattern: s.office.letterNumberPattern,
    subject,
    addressee: addresseeOf(s.request),
    blocks,
    signer: signerOf(s.staff, s.office, signerRole),
    subjectType: 'request',
    subjectId: s.request.id,
    baseUrl: ctx.baseUrl,
    ...(ctx.now ? { now: ctx.now } : {}),
  });
}

async function event(s: Step, actor: Actor, action: string, before: unknown, after: unknown): Promise<void> {
  await recordEvent(s.tx, actor, { officeId: s.office.id, action, subjectType: 'request', subjectId: s.request.id, before, after });
}

// ---------------------------------------------------------------------------------------------------
// The desk's quick paths (SOP steps 2 and 3)

export interface HandOverInput {
  /** What was handed over, one item per line. */
  readonly items: readonly string[];
  readonly note: string;
}

export async function handOver(db: Db, actor: Actor, scope: OfficeScope, id: number, input: HandOverInput, ctx: ServiceContext): Promise<LetterRow> {
  const items = input.items.map((i) => i.trim()).filter(Boolean);
  if (items.length === 0) throw invalid({ items: text('Sebutkan informasi yang diserahkan, satu per baris.', 'List what was handed over, one item per line.') });
  if (items.some((i) => i.length > 500) || input.note.length > 2000) throw invalid({ items: text('Setiap baris paling panjang 500 karakter.', 'Each line has at most 500 characters.') });
  const unprintable = unprintableProblem([...items, input.note].join('\n'));
  if (unprintable) throw invalid({ items: unprintable });
  return step(db, actor, scope, id, 'hand_over', async (s) => {
    const now = ctx.now ?? new Date();
    const letter = await issue(s, actor, ctx, 'tanda_terima', `Tanda terima informasi publik ${s.request.number}`, handoverBlocks(s.request, items, input.note.trim(), s.office.timeZone), 'Petugas Layanan Informasi');
    await closeOpenDeadlines(s.tx, actor, s.request, now);
    await s.tx
      .update(requests)
      .set({ status: s.to, outcome: 'handed_over', decision: { outcome: 'handed_over', items, note: input.note.trim() }, decidedAt: now, decidedBy: s.staff.id, answerWorkingDays: await answerWorkingDays(s.tx, s.request, s.office.timeZone, now), deliveredAt: now, deliveryMode: 'desk', closedAt: now })
      .where(eq(requests.id, s.request.id));
    await event(s, actor, 'request.handed_over', { status: s.request.status }, { status: s.to, letter: letter.number, minutes: minutesBetween(s.request.receivedAt, now), sopMinutes: SOP_MINUTES.hand_over });
    await mailApplicant(s.tx, s.office, s.request, `Informasi telah diserahkan: ${s.request.number}`, [`Informasi yang Anda minta (${s.request.number}) telah diserahkan di desk layanan informasi.`, 'Tanda terima terlampir.'], [letterPdfAttachment(letter)]);
    await inviteOnClose(s.tx, s.office, s.request, ctx.baseUrl, now);
    return letter;
  });
}

export interface ExemptInput {
  readonly pasal17: string;
  /** The DIK entry the desk cites (its number and title). */
  readonly dikReference: string;
  readonly explanation: string;
}

export async function explainExempt(db: Db, actor: Actor, scope: OfficeScope, id: number, input: ExemptInput, ctx: ServiceContext): Promise<LetterRow> {
  const problems: Record<string, Text> = {};
  if (!(PASAL17 as readonly string[]).includes(input.pasal17)) problems.pasal17 = text('Pilih huruf Pasal 17 yang menjadi dasar pengecualian.', 'Choose the letter of Article 17 the exemption rests on.');
  if (!input.dikReference.trim() || input.dikReference.length > 500) problems.dikReference = text('Sebutkan entri Daftar Informasi yang Dikecualikan (DIK) yang dirujuk.', 'Cite the entry of the list of exempt information (DIK).');
  if (!input.explanation.trim() || input.explanation.length > 2000) problems.explanation = text('Tuliskan penjelasan yang disampaikan kepada pemohon.', 'Write the explanation given to the applicant.');
  for (const field of ['dikReference', 'explanation'] as const) {
    const unprintable = problems[field] ? undefined : unprintableProblem(input[field]);
    if (unprintable) problems[field] = unprintable;
  }
  if (Object.keys(problems).length > 0) throw invalid(problems);
  const pasal17 = input.pasal17 as Pasal17;
  return step(db, actor, scope, id, 'explain_exempt', async (s) => {
    const now = ctx.now ?? new Date();
    const letter = await issue(
      s,
      actor,
      ctx,
      'penjelasan_dikecualikan',
      `Pemberitahuan informasi dikecualikan ${s.request.number}`,
      exemptExplanationBlocks(s.request, pasal17, input.dikReference.trim(), input.explanation.trim(), s.office.timeZone),
      'Petugas Layanan Informasi',
    );
    await closeOpenDeadlines(s.tx, actor, s.request, now);
    const decision = { outcome: 'exempt_explained', pasal17, dikReference: input.dikReference.trim(), explanation: input.explanation.trim(), category: 'dikecualikan' };
    await s.tx
      .update(requests)
      .set({ status: s.to, outcome: 'exempt_explained', decision, decidedAt: now, decidedBy: s.staff.id, answerWorkingDays: await answerWorkingDays(s.tx, s.request, s.office.timeZone, now), deliveredAt: now, deliveryMode: 'desk', closedAt: now })
      .where(eq(requests.id, s.request.id));
    await event(s, actor, 'request.exempt_explained', { status: s.request.status }, { status: s.to, pasal17, letter: letter.number, minutes: minutesBetween(s.request.receivedAt, now), sopMinutes: SOP_MINUTES.exempt_explained });
    await mailApplicant(s.tx, s.office, s.request, `Pemberitahuan informasi dikecualikan: ${s.request.number}`, ['Penjelasan tertulis atas informasi yang dikecualikan terlampir.'], [letterPdfAttachment(letter)]);
    await inviteOnClose(s.tx, s.office, s.request, ctx.baseUrl, now);
    return letter;
  });
}

// ---------------------------------------------------------------------------------------------------
// Completing an incomplete request (DOMAIN.md §5: registered, not refused; the clock runs on)

export interface CompletionInput {
  readonly nik: string;
  readonly legalNumber: string;
  /** Uploads whose role names a missing document: legal_deed, proxy_letter, member_ids. */
  readonly files: readonly UploadedFile[];
}

/**
 * Records what an applicant brought to complete a request registered without it: a NIK, the legal
 * entity's number, or the missing documents. Whatever is given leaves requests.missing; the rest stays
 * listed. Returns what is still missing.
 */
export async function completeRequest(db: Db, actor: Actor, scope: OfficeScope, id: number, input: CompletionInput): Promise<MissingItem[]> {
  const problems: Record<string, Text> = {};
  const nik = normaliseNik(input.nik);
  const nikWrong = nik ? nikProblem(nik) : undefined;
  if (nikWrong) problems.nik = nikWrong;
  const legalNumber = input.legalNumber.trim();
  if (legalNumber.length > 120) problems.legalNumber = text('Paling panjang 120 karakter.', 'At most 120 characters.');
  const unprintable = problems.legalNumber ? undefined : unprintableProblem(legalNumber);
  if (unprintable) problems.legalNumber = unprintable;
  const { good, problems: fileProblems } = checkUploads(
    input.files.filter((f) => (MISSING_FILE_ROLES as readonly string[]).includes(f.role)),
    INTAKE_TYPES,
  );
  Object.assign(problems, fileProblems);
  if (Object.keys(problems).length > 0) throw invalid(problems);
  return step(db, actor, scope, id, 'complete', async (s) => {
    const missing = missingItems(s.request.missing);
    if (missing.length === 0) throw conflict(text('Kelengkapan permohonan ini sudah lengkap.', 'Nothing is missing from this request.'));
    const given = new Set<MissingItem>();
    if (nik && missing.includes('nik')) given.add('nik');
    if (legalNumber && missing.includes('legalNumber')) given.add('legalNumber');
    const files = good.filter((f) => missing.includes(f.role as MissingItem));
    for (const f of files) given.add(f.role as MissingItem);
    if (given.size === 0) {
      throw invalid({ [missing[0]!]: text('Isi atau lampirkan paling sedikit satu kelengkapan yang belum ada.', 'Fill in or attach at least one of the missing items.') });
    }
    for (const file of files) await insertFile(s.tx, s.request, file, s.staff.id, null, null);
    const remaining = missing.filter((item) => !given.has(item));
    await s.tx
      .update(requests)
      .set({ missing: remaining, ...(given.has('nik') ? { nik } : {}), ...(given.has('legalNumber') ? { legalNumber } : {}) })
      .where(eq(requests.id, s.request.id));
    await event(s, actor, 'request.completed', { missing }, { missing: remaining, completed: missingItems([...given]), files: files.length });
    return remaining;
  });
}

// ---------------------------------------------------------------------------------------------------
// Escalation and dispositions (SOP step 4)

export async function escalate(db: Db, actor: Actor, scope: OfficeScope, id: number, input: { note: string }, ctx: ServiceContext): Promise<void> {
  if (!input.note.trim() || input.note.length > 2000) throw invalid({ note: text('Tuliskan isi nota dinas untuk PPID.', 'Write the memo (nota dinas) to the PPID.') });
  return step(db, actor, scope, id, 'escalate', async (s) => {
    const due = await currentDeadline(s.tx, s.request);
    await s.tx.insert(dispositions).values({ officeId: s.office.id, requestId: s.request.id, target: 'ppid', instruction: input.note.trim(), dueOn: due!.due, fromStaffId: s.staff.id });
    await s.tx.update(requests).set({ status: s.to }).where(eq(requests.id, s.request.id));
    await event(s, actor, 'request.escalated', { status: s.request.status }, { status: s.to, minutes: minutesBetween(s.request.receivedAt, ctx.now ?? new Date()) });
    await mailStaff(s.tx, s.office.id, ['ppid'], `Nota dinas permohonan ${s.request.number}`, [
      `Desk layanan meneruskan permohonan ${s.request.number} kepada PPID.`,
      `Catatan: ${input.note.trim()}`,
      `Batas waktu pemberitahuan tertulis: ${formatDay('id', due!.due)}`,
      `Buka: ${ctx.baseUrl.replace(/\/+$/, '')}/desk/permohonan/${s.request.id}`,
    ]);
    await mailApplicant(s.tx, s.office, s.request, `Permohonan ${s.request.number} diproses PPID`, [
      `Permohonan Anda (${s.request.number}) diteruskan kepada PPID untuk ditindaklanjuti.`,
      `Pemberitahuan tertulis paling lambat ${formatDay('id', due!.due)}.`,
    ]);
  });
}

export interface DisposeInput {
  readonly unitIds: readonly number[];
  readonly instruction: string;
  readonly dueOn: string;
}

export async function dispose(db: Db, actor: Actor, scope: OfficeScope, id: number, input: DisposeInput, ctx: ServiceContext): Promise<number[]> {
  const problems: Record<string, Text> = {};
  if (input.unitIds.length === 0) problems.unitIds = text('Pilih satu unit atau lebih.', 'Choose one or more units.');
  if (!input.instruction.trim() || input.instruction.length > 2000) problems.instruction = text('Tuliskan arahan disposisi.', 'Write the instruction for the units.');
  if (!isIsoDay(input.dueOn)) problems.dueOn = text('Isi tanggal batas jawaban unit (TTTT-BB-HH).', "Give the units' answer date (YYYY-MM-DD).");
  if (Object.keys(problems).length > 0) throw invalid(problems);
  return step(db, actor, scope, id, 'dispose', async (s) => {
    const today = todayIn(s.office.timeZone, ctx.now);
    const due = await currentDeadline(s.tx, s.request);
    if (input.dueOn < today) throw invalid({ dueOn: text('Batas jawaban unit tidak boleh sebelum hari ini.', "The units' answer date cannot be before today.") });
    if (due && input.dueOn > due.due) {
      throw invalid({ dueOn: text(`Batas jawaban unit harus sebelum batas pemberitahuan tertulis (${formatDay('id', due.due)}).`, `The units' answer date must be before the written notice is due (${formatDay('en', due.due)}).`) });
    }
    const ids: number[] = [];
    for (const unitId of [...new Set(input.unitIds)]) {
      const unit = await unitInScope(s.tx, scope, unitId);
      if (!unit?.active) throw invalid({ unitIds: text('Unit yang dipilih tidak ada di kantor ini.', 'A chosen unit is not in this office.') });
      const [row] = await s.tx.insert(dispositions).values({ officeId: s.office.id, requestId: s.request.id, target: 'unit', unitId, instruction: input.instruction.trim(), dueOn: input.dueOn, fromStaffId: s.staff.id }).returning();
      ids.push(row!.id);
      await mailStaff(s.tx, s.office.id, ['information_provider'], `Disposisi permohonan informasi ${s.request.number}`, [
        `PPID meminta unit ${unit.name} menyiapkan informasi untuk permohonan ${s.request.number}.`,
        `Arahan: ${input.instruction.trim()}`,
        `Dijawab paling lambat: ${formatDay('id', input.dueOn)}`,
        `Buka: ${ctx.baseUrl.replace(/\/+$/, '')}/desk/disposisi`,
      ], unitId);
    }
    if (s.request.status !== s.to) await s.tx.update(requests).set({ status: s.to }).where(eq(requests.id, s.request.id));
    await event(s, actor, 'request.disposed', { status: s.request.status }, { status: s.to, units: [...new Set(input.unitIds)], dueOn: input.dueOn });
    return ids;
  });
}

export interface DispositionAnswerInput {
  readonly answer: string;
  readonly note: string;
  readonly holder: string;
  readonly expectedOn: string;
  readonly files: readonly UploadedFile[];
}

/** A unit answers its disposition: with files, or that it does not hold the information, or has not documented it. */
export async function answerDisposition(db: Db, actor: Actor, scope: OfficeScope, dispositionId: number, input: DispositionAnswerInput, ctx: ServiceContext): Promise<void> {
  const problems: Record<string, Text> = {};
  const answer = (DISPOSITION_ANSWERS as readonly string[]).includes(input.answer) ? (input.answer as DispositionAnswer) : undefined;
  if (!answer) problems.answer = text('Pilih jawaban unit.', "Choose the unit's answer.");
  const { good, problems: fileProblems } = checkUploads(input.files.map((f) => ({ ...f, role: 'files' })), RELEASE_TYPES);
  Object.assign(problems, fileProblems);
  if (answer === 'provided' && good.length === 0 && !input.note.trim()) problems.files = text('Lampirkan berkas informasinya, atau jelaskan letak arsip hardcopy-nya.', 'Attach the files, or say where the hardcopy is kept.');
  if (answer === 'not_held' && !input.holder.trim()) problems.holder = text('Sebutkan badan publik atau unit yang menguasai informasi ini.', 'Name the body or unit that holds this information.');
  if (answer === 'not_documented' && !isIsoDay(input.expectedOn)) problems.expectedOn = text('Isi perkiraan tanggal informasi selesai didokumentasikan.', 'Give the date by which it will be documented.');
  if (input.note.length > 2000 || input.holder.length > 300) problems.note = text('Catatan paling panjang 2000 karakter.', 'The note has at most 2000 characters.');
  if (Object.keys(problems).length > 0 || !answer) throw invalid(problems);
  // The checker reads every file before the transaction: it is CPU work and may take a while.
  const reports = await Promise.all(good.map((f) => checkFile(f.bytes, f.name)));
  const disposition = await dispositionInScope(db, scope, dispositionId);
  if (!disposition || disposition.target !== 'unit') throw notFound(text('Disposisi tidak ditemukan.', 'Disposition not found.'));
  await step(db, actor, scope, disposition.requestId, 'answer_disposition', async (s) => {
    const [current] = await s.tx.select().from(dispositions).where(eq(dispositions.id, dispositionId)).for('update');
    if (current?.status !== 'open') throw conflict(text('Disposisi ini sudah dijawab.', 'This disposition has already been answered.'));
    const isPpid = s.staff.roles.includes('ppid') || s.staff.roles.includes('system_admin');
    if (!isPpid && s.staff.unitId !== current.unitId) throw forbidden(text('Disposisi ini ditujukan kepada unit lain.', 'This disposition is addressed to another unit.'));
    const now = ctx.now ?? new Date();
    for (const [i, file] of good.entries()) await insertFile(s.tx, s.request, { ...file, role: 'answer' }, s.staff.id, dispositionId, reports[i]!);
    await s.tx
      .update(dispositions)
      .set({ status: 'answered', answer, answerNote: input.note.trim(), holder: answer === 'not_held' ? input.holder.trim() : '', expectedOn: answer === 'not_documented' ? input.expectedOn : null, answeredAt: now, answeredBy: s.staff.id })
      .where(eq(dispositions.id, dispositionId));
    await event(s, actor, 'request.disposition_answered', { disposition: dispositionId, status: 'open' }, { disposition: dispositionId, answer, files: good.length, onTime: todayIn(s.office.timeZone, now) <= current.dueOn });
    await mailStaff(s.tx, s.office.id, ['ppid'], `Jawaban disposisi ${s.request.number}`, [
      `Unit menjawab disposisi permohonan ${s.request.number}.`,
      `Buka: ${ctx.baseUrl.replace(/\/+$/, '')}/desk/permohonan/${s.request.id}`,
    ]);
  });
}

/** The PPID (or the desk, for a quick path) attaches answer files directly; each passes the checker. */
export async function attachAnswerFiles(db: Db, actor: Actor, scope: OfficeScope, id: number, files: readonly UploadedFile[]): Promise<void> {
  const { good, problems } = checkUploads(files.map((f) => ({ ...f, role: 'files' })), RELEASE_TYPES);
  if (Object.keys(problems).length > 0) throw invalid(problems);
  if (good.length === 0) throw invalid({ files: text('Pilih berkas yang akan dilampirkan.', 'Choose the files to attach.') });
  const reports = await Promise.all(good.map((f) => checkFile(f.bytes, f.name)));
  await step(db, actor, scope, id, 'answer_disposition', async (s) => {
    for (const [i, file] of good.entries()) await insertFile(s.tx, s.request, { ...file, role: 'answer' }, s.staff.id, null, reports[i]!);
    await event(s, actor, 'request.files_attached', null, { files: good.map((f) => f.name) });
  });
}

/**
 * Release or withhold one answer file. A file with checker findings is released only with a reason
 * that says why the findings are acceptable (the override), recorded with the findings' count.
 */
export async function setFileRelease(db: Db, actor: Actor, scope: OfficeScope, fileId: number, input: { release: boolean; reason: string }): Promise<void> {
  const file = await fileInScope(db, scope, fileId);
  if (!file || file.role !== 'answer') throw notFound(text('Berkas tidak ditemukan.', 'File not found.'));
  const findings = (file.check as CheckReport | null)?.findings.length ?? 0;
  if (input.release && findings > 0 && input.reason.trim().length < 10) {
    throw invalid({ reason: text(`Pemeriksa menemukan ${findings} temuan. Perbaiki berkasnya dan unggah ulang, atau tuliskan alasan tetap membukanya (paling sedikit 10 karakter).`, `The checker found ${findings} finding(s). Fix the file and upload it again, or give the reason for releasing it anyway (at least 10 characters).`) });
  }
  if (!input.release && !input.reason.trim()) throw invalid({ reason: text('Tuliskan alasan berkas ini tidak diberikan.', 'Give the reason this file is withheld.') });
  if (input.reason.length > 2000) throw invalid({ reason: text('Alasan paling panjang 2000 karakter.', 'The reason has at most 2000 characters.') });
  await step(db, actor, scope, file.requestId, 'decide', async (s) => {
    const now = new Date();
    await s.tx
      .update(requestFiles)
      .set({ release: input.release ? 'released' : 'withheld', releaseNote: input.reason.trim(), releasedAt: now, releasedBy: s.staff.id })
      .where(eq(requestFiles.id, fileId));
    await event(s, actor, input.release ? 'request.file_released' : 'request.file_withheld', { file: fileId, release: file.release }, { file: fileId, name: file.name, findings, override: input.release && findings > 0 ? input.reason.trim() : undefined });
  }).catch((error: unknown) => {
    // Files are settled before the notice; after it they stay as they were sent.
    if (error instanceof AppError && error.status === 409) throw conflict(text('Pemberitahuan tertulis sudah terbit; status berkas tidak dapat diubah lagi.', 'The written notice has been issued; the file can no longer be changed.'));
    throw error;
  });
}

// ---------------------------------------------------------------------------------------------------
// Extension and decision

export async function extend(db: Db, actor: Actor, scope: OfficeScope, id: number, input: { reason: string }, ctx: ServiceContext): Promise<LetterRow> {
  const reason = input.reason.trim();
  if (reason.length < 10 || reason.length > 2000) throw invalid({ reason: text('Tuliskan alasan perpanjangan secara tertulis (10–2000 karakter).', 'Give the written reason for the extension (10–2000 characters).') });
  const unprintable = unprintableProblem(reason);
  if (unprintable) throw invalid({ reason: unprintable });
  return step(db, actor, scope, id, 'extend', async (s) => {
    if (s.request.reopenDeadlineId !== null) throw conflict(text('Permohonan ini dibuka kembali oleh putusan keberatan; jangka waktunya ditetapkan putusan itu dan tidak dapat diperpanjang.', 'This request was reopened by an objection decision; that decision set its period, which cannot be extended.'));
    if (s.request.extensionDeadlineId !== null) throw conflict(text('Jangka waktu permohonan ini sudah pernah diperpanjang; undang-undang hanya mengizinkan satu kali perpanjangan.', 'This request was already extended; the law allows one extension only.'));
    const [original] = await deadlineRows(s.tx, [s.request.deadlineId]);
    if (!original) throw new Error(`request ${s.request.id} has no deadline`);
    // The extension is announced within the first period (UU 14/2008 Pasal 22 ayat 8), not after it lapsed.
    if (todayIn(s.office.timeZone, ctx.now) > original.due) {
      throw conflict(text(
        `Jangka waktu pertama berakhir ${formatDay('id', original.due)}; perpanjangan harus diberitahukan sebelum itu. Terbitkan pemberitahuan tertulis segera.`,
        `The first period ended on ${formatDay('en', original.due)}; an extension must be announced before then. Issue the written notice now.`,
      ));
    }
    const profile = isProfileName(s.request.profile) ? PROFILES[s.request.profile] : PROFILES.normal;
    const rules = (original.explanation as DeadlineResult).rules;
    // The extra days run on from the day the first period ends, under the rules the request came in with.
    const extension = await startDeadline(s.tx, actor, {
      officeId: s.office.id,
      subjectType: 'request',
      subjectId: s.request.id,
      purpose: 'request_extension',
      startAt: instantAt(original.due, rules.hoursStart, rules.timeZone),
      workingDays: profile.workingDays.request_extension,
    });
    if (!original.closedAt) await closeDeadline(s.tx, actor, scope, original.id, ctx.now ?? new Date());
    const letter = await issue(s, actor, ctx, 'pemberitahuan_perpanjangan', `Pemberitahuan perpanjangan waktu ${s.request.number}`, extensionBlocks(s.request, reason, extension.due, s.office.timeZone, profile.workingDays.request_extension), 'PPID');
    await s.tx.update(requests).set({ extensionDeadlineId: extension.id, extensionReason: reason }).where(eq(requests.id, s.request.id));
    await s.tx.update(dispositions).set({ dueOn: extension.due }).where(and(eq(dispositions.requestId, s.request.id), eq(dispositions.target, 'ppid'), eq(dispositions.status, 'open')));
    await event(s, actor, 'request.extended', { due: original.due }, { due: extension.due, reason, letter: letter.number });
    await mailApplicant(s.tx, s.office, s.request, `Perpanjangan waktu permohonan ${s.request.number}`, [
      `Jangka waktu pemberitahuan tertulis atas permohonan Anda (${s.request.number}) diperpanjang sampai ${formatDay('id', extension.due)}.`,
      `Alasan: ${reason}`,
      'Surat pemberitahuan perpanjangan terlampir.',
    ], [letterPdfAttachment(letter)]);
    return letter;
  });
}

export interface Decided {
  readonly notice: LetterRow;
  readonly refusal: LetterRow | undefined;
}

export async function decide(db: Db, actor: Actor, scope: OfficeScope, id: number, form: DecisionForm, ctx: ServiceContext): Promise<Decided> {
  const checked = checkDecision(form);
  if (!checked.ok) throw invalid(checked.problems);
  const decision: Decision = checked.decision;
  return step(db, actor, scope, id, 'decide', async (s) => {
    const now = ctx.now ?? new Date();
    const due = await currentDeadline(s.tx, s.request);
    const pending = await s.tx.select({ id: requestFiles.id }).from(requestFiles).where(and(eq(requestFiles.requestId, s.request.id), eq(requestFiles.role, 'answer'), eq(requestFiles.release, 'pending')));
    if (pending.length > 0) {
      throw conflict(text(`Masih ada ${pending.length} berkas jawaban yang belum diputuskan (diberikan atau tidak). Putuskan dulu setiap berkas.`, `${pending.length} answer file(s) are not settled yet (released or withheld). Settle each file first.`));
    }
    if (decision.outcome !== 'granted_full' && decision.outcome !== 'granted_part') {
      const released = await releasedFiles(s.tx, s.request.id);
      if (released.length > 0) {
        throw conflict(text(
          `Keputusan ini tidak memberikan informasi, tetapi ${released.length} berkas sudah disetujui untuk diberikan. Tandai berkas itu "tidak diberikan" dulu, atau pilih dikabulkan.`,
          `This decision gives no information, yet ${released.length} file(s) are released. Withhold them first, or choose a grant.`,
        ));
      }
    }
    const notice = await issue(s, actor, ctx, 'pemberitahuan_tertulis', `Pemberitahuan tertulis atas permohonan ${s.request.number}`, noticeBlocks(s.request, decision, s.office.timeZone), 'PPID');
    const refusal = decision.outcome === 'refused' ? await issue(s, actor, ctx, 'sk_penolakan', `Keputusan penolakan permohonan informasi ${s.request.number}`, refusalBlocks(s.request, decision, s.office.timeZone), 'PPID') : undefined;
    await closeOpenDeadlines(s.tx, actor, s.request, now);
    // The notice ends the work on the request: a unit that has not answered yet need not any more.
    await s.tx.update(dispositions).set({ status: 'closed' }).where(and(eq(dispositions.requestId, s.request.id), eq(dispositions.status, 'open')));
    await s.tx.update(requests).set({ status: s.to, outcome: decision.outcome, decision, decidedAt: now, decidedBy: s.staff.id, answerWorkingDays: await answerWorkingDays(s.tx, s.request, s.office.timeZone, now) }).where(eq(requests.id, s.request.id));
    await event(s, actor, 'request.decided', { status: s.request.status }, { status: s.to, outcome: decision.outcome, notice: notice.number, refusal: refusal?.number, onTime: due ? todayIn(s.office.timeZone, now) <= due.due : null });
    await mailApplicant(s.tx, s.office, s.request, `Pemberitahuan tertulis permohonan ${s.request.number}`, [
      `Pemberitahuan tertulis atas permohonan Anda (${s.request.number}) telah terbit: ${OUTCOME_LABELS[decision.outcome].id}.`,
      'Surat terlampir. Berkas informasi (bila ada) dikirim atau diserahkan sesuai cara yang Anda pilih.',
    ], [letterPdfAttachment(notice), ...(refusal ? [letterPdfAttachment(refusal)] : [])]);
    return { notice, refusal };
  });
}

// ---------------------------------------------------------------------------------------------------
// Reopening by an objection (DOMAIN.md §6)

export interface Reopened {
  readonly request: RequestRow;
  readonly due: string;
}

/**
 * The Atasan PPID overturned the decision on an objection: the request goes back to the PPID with a new
 * clock to give what the decision orders, counted from the decision, and its timeline says why. Runs in
 * the objection's transaction (src/objections/service.ts), so both commit together or not at all; the
 * caller starts no deadline before this one (startDeadline takes the calendar lock first).
 */
export async function reopenRequest(tx: Tx, actor: Actor, member: StaffRow, request: RequestRow, input: { objectionNumber: string; order: string; at: Date }): Promise<Reopened> {
  const check = checkTransition('reopen', request.status as Status, member.roles, request.channel);
  if (!check.ok) throw new AppError(check.status, check.status === 403 ? 'forbidden' : 'conflict', check.reason);
  if (request.reopenDeadlineId !== null) {
    const [open] = await deadlineRows(tx, [request.reopenDeadlineId]);
    if (open && !open.closedAt) throw conflict(text('Permohonan ini sudah dibuka kembali oleh putusan keberatan lain dan masih berjalan.', 'This request was already reopened by another objection decision and is still running.'));
  }
  const profile = isProfileName(request.profile) ? PROFILES[request.profile] : PROFILES.normal;
  const deadline = await startDeadline(tx, actor, { officeId: request.officeId, subjectType: 'request', subjectId: request.id, purpose: 'objection_reopen', startAt: input.at, workingDays: profile.workingDays.objection_reopen });
  await closeOpenDeadlines(tx, actor, request, input.at);
  // The overturned decision stops being the request's answer: the register, the reports and the next
  // objection read the request as undecided until the new notice. Its letters stay, and the audit
  // event keeps what it said.
  const [row] = await tx
    .update(requests)
    .set({ status: check.to, reopenDeadlineId: deadline.id, outcome: null, decision: null, decidedAt: null, decidedBy: null, answerWorkingDays: null, deliveredAt: null, deliveryMode: null, paymentMethod: null, closedAt: null })
    .where(eq(requests.id, request.id))
    .returning();
  await recordEvent(tx, actor, {
    officeId: request.officeId,
    action: 'request.reopened',
    subjectType: 'request',
    subjectId: request.id,
    before: { status: request.status, outcome: request.outcome, decision: request.decision, decidedAt: request.decidedAt, deliveredAt: request.deliveredAt },
    after: { status: check.to, objection: input.objectionNumber, order: input.order, due: deadline.due, workingDays: deadline.workingDays },
  });
  await mailStaff(tx, request.officeId, ['ppid'], `Permohonan ${request.number} dibuka kembali`, [
    `Atasan PPID membatalkan keputusan atas permohonan ${request.number} dalam putusan keberatan ${input.objectionNumber}.`,
    `Yang wajib diberikan: ${input.order}`,
    `Terbitkan pemberitahuan tertulis baru paling lambat ${formatDay('id', deadline.due)}.`,
  ]);
  return { request: row!, due: deadline.due };
}

// ---------------------------------------------------------------------------------------------------
// Delivery (SOP step 5)

export const DELIVERY_MODES = ['desk', 'email', 'post', 'fax'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export interface Delivered {
  readonly receipt: LetterRow | undefined;
  /** The download link's token (e-mail delivery with files): shown once, stored only as a hash. */
  readonly token: string | undefined;
}

export interface DeliverInput {
  readonly mode: string;
  readonly note: string;
  /** 'cash' or 'transfer': how the applicant paid the notice's costs; empty when it charges nothing. */
  readonly payment?: string;
}

export async function deliver(db: Db, actor: Actor, scope: OfficeScope, id: number, input: DeliverInput, ctx: ServiceContext): Promise<Delivered> {
  const mode = (DELIVERY_MODES as readonly string[]).includes(input.mode) ? (input.mode as DeliveryMode) : undefined;
  if (!mode) throw invalid({ mode: text('Pilih cara penyerahan.', 'Choose how it is delivered.') });
  const paymentRaw = (input.payment ?? '').trim();
  if (paymentRaw && !isPaymentMethod(paymentRaw)) throw invalid({ payment: text('Pilih tunai atau transfer.', 'Choose cash or transfer.') });
  const payment: PaymentMethod | null = isPaymentMethod(paymentRaw) ? paymentRaw : null;
  if ((mode === 'post' || mode === 'fax') && !input.note.trim()) throw invalid({ note: text('Catat nomor resi pos/kurir atau nomor faks tujuan.', 'Record the postal tracking number or the fax number.') });
  if (input.note.length > 2000) throw invalid({ note: text('Catatan paling panjang 2000 karakter.', 'The note has at most 2000 characters.') });
  const unprintable = unprintableProblem(input.note);
  if (unprintable) throw invalid({ note: unprintable });
  return step(db, actor, scope, id, 'deliver', async (s) => {
    const now = ctx.now ?? new Date();
    // Only decide() brings a request here, so its decision is a written notice with its costs.
    const due = costTotal((s.request.decision as Decision).costs);
    if (due > 0 && !payment) {
      throw invalid({
        payment: text(
          `Pemberitahuan tertulis mengenakan biaya ${rupiah(due)} (penyalinan dan pengiriman): catat cara pemohon membayarnya, tunai atau transfer.`,
          `The written notice charges ${rupiah(due)} (copying and delivery): record how the applicant paid it, cash or transfer.`,
        ),
      });
    }
    if (due === 0 && payment) throw invalid({ payment: text('Pemberitahuan tertulis ini tidak mengenakan biaya; kosongkan cara pembayaran.', 'This written notice charges nothing; leave the payment method empty.') });
    const files = await releasedFiles(s.tx, s.request.id);
    let receipt: LetterRow | undefined;
    let token: string | undefined;
    if (mode === 'desk') {
      const items = files.length > 0 ? files.map((f) => f.name) : ['Pemberitahuan tertulis'];
      receipt = await issue(s, actor, ctx, 'tanda_terima', `Tanda terima informasi publik ${s.request.number}`, handoverBlocks(s.request, items, input.note.trim(), s.office.timeZone), 'Petugas Layanan Informasi');
    }
    if (mode === 'email') {
      if (!s.request.email) throw invalid({ mode: text('Pemohon tidak mencantumkan alamat e-mail.', 'The applicant gave no e-mail address.') });
      const link = files.length > 0 ? await createDownloadLink(s.tx, s.office, s.request, now) : undefined;
      token = link?.token;
      await mailApplicant(s.tx, s.office, s.request, `Informasi publik untuk permohonan ${s.request.number}`, [
        `Informasi atas permohonan Anda (${s.request.number}) kami kirimkan.`,
        ...(link
          ? [`Unduh berkas di: ${ctx.baseUrl.replace(/\/+$/, '')}/unduh/${link.token}`, `Tautan berlaku sampai ${formatDay('id', todayIn(s.office.timeZone, link.expiresAt))}.`, ...files.map((f) => `- ${f.name}`)]
          : ['Tidak ada berkas yang dilampirkan; lihat pemberitahuan tertulis yang telah dikirim.']),
      ]);
    }
    await s.tx.update(requests).set({ status: s.to, deliveredAt: now, deliveryMode: mode, paymentMethod: payment, closedAt: now }).where(eq(requests.id, s.request.id));
    await event(s, actor, 'request.delivered', { status: s.request.status }, { status: s.to, mode, payment: payment ?? undefined, amount: due > 0 ? due : undefined, files: files.length, receipt: receipt?.number, note: input.note.trim() || undefined });
    await inviteOnClose(s.tx, s.office, s.request, ctx.baseUrl, now);
    return { receipt, token };
  });
}

async function createDownloadLink(tx: Tx, office: OfficeRow, request: RequestRow, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + office.downloadLinkDays * 24 * 3600 * 1000);
  await tx.insert(downloadLinks).values({ officeId: office.id, requestId: request.id, tokenHash: sha256(token), expiresAt });
  return { token, expiresAt };
}

export interface OpenedLink {
  readonly linkId: number;
  readonly request: RequestRow;
  readonly office: OfficeRow;
  readonly files: FileFacts[];
  readonly expiresAt: Date;
}

const linkGone = () => new AppError(410, 'link_expired', text('Tautan unduhan ini sudah tidak berlaku. Lacak permohonan Anda di portal dengan nomor pendaftaran dan kode pelacakan untuk mengunduh berkasnya.', 'This download link has expired. Track your request on the portal with the registration number and tracking code to download the files.'));

export async function openDownloadLink(db: Db, token: string, now = new Date()): Promise<OpenedLink> {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) throw notFound(text('Tautan unduhan tidak dikenal.', 'Unknown download link.'));
  const link = await downloadLinkByHash(db, sha256(token));
  if (!link) throw notFound(text('Tautan unduhan tidak dikenal.', 'Unknown download link.'));
  if (link.expiresAt.getTime() <= now.getTime()) throw linkGone();
  const [request] = await db.select().from(requests).where(eq(requests.id, link.requestId));
  const office = await officeById(db, link.officeId);
  if (!request || !office) throw notFound();
  return { linkId: link.id, request, office, files: await releasedFiles(db, request.id), expiresAt: link.expiresAt };
}

/**
 * A released file's bytes for an applicant, counted and logged. Only files released on this request
 * are served, whichever way the applicant proved who they are (download link or tracking code).
 */
export async function applicantFile(db: Db, request: RequestRow, fileId: number, via: 'tracking' | { readonly linkId: number }): Promise<{ name: string; mediaType: string; content: Buffer }> {
  return db.transaction(async (tx) => {
    const [file] = await tx.select().from(requestFiles).where(and(eq(requestFiles.id, fileId), eq(requestFiles.requestId, request.id), eq(requestFiles.release, 'released')));
    if (!file || request.status !== 'closed') throw notFound(text('Berkas tidak ditemukan atau belum diberikan.', 'File not found or not released yet.'));
    await recordEvent(tx, { staffId: null, label: 'applicant', ip: '', requestId: '' }, { officeId: request.officeId, action: 'request.file_downloaded', subjectType: 'request', subjectId: request.id, after: { file: fileId, via: via === 'tracking' ? 'tracking' : 'link' } });
    if (via !== 'tracking') await tx.update(downloadLinks).set({ downloads: sql`${downloadLinks.downloads} + 1` }).where(eq(downloadLinks.id, via.linkId));
    return { name: file.name, mediaType: file.mediaType, content: file.content };
  });
}

export async function downloadViaLink(db: Db, token: string, fileId: number): Promise<{ name: string; mediaType: string; content: Buffer }> {
  const opened = await openDownloadLink(db, token);
  return applicantFile(db, opened.request, fileId, { linkId: opened.linkId });
}

// ---------------------------------------------------------------------------------------------------
// Tracking (no account: registration number + tracking code)

const trackingRefused = () =>
  new AppError(404, 'not_found', text('Nomor pendaftaran atau kode pelacakan tidak cocok. Periksa tanda bukti permohonan Anda.', 'The registration number or tracking code does not match. Check your request receipt.'));

/** The request behind a number and code, or a refusal that does not say which of the two was wrong. */
export async function findTracked(db: Db, officeId: number, number: string, code: string): Promise<RequestRow> {
  const request = number.trim() ? await requestByNumber(db, officeId, number.trim()) : undefined;
  const expected = request ? await trackingCode(db, officeId, request.submissionKey) : 'XXXXX-XXXXX';
  const given = normaliseCode(code);
  const a = Buffer.from(expected);
  const b = Buffer.from(given.padEnd(expected.length).slice(0, expected.length));
  if (!request || given.length !== expected.length || !timingSafeEqual(a, b)) throw trackingRefused();
  return request;
}

export async function receiptFor(db: Db, officeId: number, number: string, code: string, baseUrl: string): Promise<{ number: string; pdf: Buffer }> {
  const request = await findTracked(db, officeId, number, code);
  const office = await officeById(db, officeId);
  if (!office) throw notFound();
  return { number: request.number, pdf: await renderReceiptPdf(office, request, normaliseCode(code), trackingUrl(baseUrl, office), await completionDueOf(db, request)) };
}

/** The receipt for staff (desk reprint for a walk-in applicant): the code comes from the stored key. */
export async function receiptForStaff(db: Db, actor: Actor, scope: OfficeScope, id: number, baseUrl: string): Promise<{ number: string; pdf: Buffer }> {
  const [request] = await db.select().from(requests).where(and(eq(requests.id, id), eq(requests.officeId, scope.officeId)));
  const office = await officeById(db, scope.officeId);
  if (!request || !office) throw notFound(text('Permohonan tidak ditemukan.', 'Request not found.'));
  const code = await trackingCode(db, office.id, request.submissionKey);
  const pdf = await renderReceiptPdf(office, request, code, trackingUrl(baseUrl, office), await completionDueOf(db, request));
  // The receipt carries the tracking code, which opens the applicant's page: every reprint is recorded.
  await db.transaction((tx) => recordEvent(tx, actor, { officeId: office.id, action: 'request.receipt_printed', subjectType: 'request', subjectId: request.id }));
  return { number: request.number, pdf };
}

/** Files staff may open: answers for everyone working on the request; identity documents only for the desk and the PPID. */
const IDENTITY_READERS: readonly Role[] = ['desk_officer', 'ppid', 'system_admin'];

/**
 * A request file's bytes for staff. Intake files hold personal data (KTP scans, deeds): opening one
 * is refused to other roles and is recorded in the audit log every time.
 */
export async function staffFile(db: Db, actor: Actor, scope: OfficeScope, fileId: number): Promise<{ name: string; mediaType: string; content: Buffer }> {
  if (actor.staffId === null) throw forbidden();
  const member = await staffById(db, actor.staffId);
  const file = await fileInScope(db, scope, fileId);
  if (!member?.active || !file) throw notFound(text('Berkas tidak ditemukan.', 'File not found.'));
  if (file.role === 'answer') return { name: file.name, mediaType: file.mediaType, content: file.content };
  if (!member.roles.some((r) => IDENTITY_READERS.includes(r as Role))) throw forbidden(text('Dokumen identitas pemohon hanya dapat dibuka oleh petugas desk dan PPID.', "The applicant's identity documents can be opened only by the desk and the PPID."));
  await db.transaction((tx) =>
    recordEvent(tx, actor, { officeId: file.officeId, action: 'request.identity_viewed', subjectType: 'request', subjectId: file.requestId, after: { file: file.id, role: file.role } }),
  );
  return { name: file.name, mediaType: file.mediaType, content: file.content };
}
