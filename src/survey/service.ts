import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type Db, type Executor, type Tx } from '../db/client.ts';
import { requests, surveyInvitations, surveyResponses } from '../db/schema.ts';
import { AppError, invalid, notFound } from '../kernel/errors.ts';
import { formatDay, text } from '../kernel/i18n.ts';
import { enqueueMail } from '../mail/mail.ts';
import { todayIn } from '../offices/portal.tsx';
import { officeById, type OfficeRow } from '../offices/store.ts';
import type { Period } from '../reports/figures.ts';
import type { RequestRow } from '../requests/store.ts';
import { checkAnswers, ELEMENTS, skmResult, type SkmResult, type SkmTally } from './rules.ts';

/**
 * The satisfaction survey's use cases: an invitation when a request closes, the applicant's one
 * answer, and the results per office. The answer is stored with its office and day only: no request,
 * no invitation, no name, so an index can be shown to anyone without showing who said what.
 */

/** How long an invitation can be answered. */
export const INVITATION_DAYS = 30;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** The survey page of a token: what the invitation mail links to. */
export function surveyUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/survei/${token}`;
}

/**
 * Invites the applicant of a request that has just closed, in the transaction that closes it. Once
 * per request: a request reopened by an objection and closed again is not asked twice. Nothing
 * happens when the applicant gave no e-mail address.
 */
export async function inviteOnClose(tx: Tx, office: OfficeRow, request: RequestRow, baseUrl: string, now = new Date()): Promise<void> {
  if (!request.email) return;
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000);
  const [invitation] = await tx
    .insert(surveyInvitations)
    .values({ officeId: office.id, requestId: request.id, tokenHash: sha256(token), expiresAt })
    .onConflictDoNothing({ target: surveyInvitations.requestId })
    .returning({ id: surveyInvitations.id });
  if (!invitation) return;
  const link = surveyUrl(baseUrl, token);
  const until = formatDay('id', todayIn(office.timeZone, expiresAt));
  const untilEn = formatDay('en', todayIn(office.timeZone, expiresAt));
  await enqueueMail(tx, {
    dedupeKey: `survey:${office.id}:${request.id}`,
    officeId: office.id,
    to: request.email,
    subject: `Survei kepuasan layanan informasi: ${request.number}`,
    text: [
      `Permohonan informasi Anda (${request.number}) telah selesai dilayani. Mohon luangkan dua menit untuk menilai layanan kami dalam Survei Kepuasan Masyarakat:`,
      link,
      `Tautan ini berlaku sampai ${until} dan hanya dapat dipakai sekali. Jawaban Anda disimpan tanpa nama, alamat e-mail, atau nomor permohonan.`,
      '',
      `Your request for information (${request.number}) has been completed. Please take two minutes to rate our service in the satisfaction survey at the link above. It is valid until ${untilEn} and can be used once. Your answer is kept without your name, e-mail address or request number.`,
      '',
      office.name,
      office.phone ? `Telp. ${office.phone}` : '',
      office.email,
    ]
      .filter((line, i, all) => line !== '' || i < all.length - 3)
      .join('\n'),
  });
}

export interface OpenInvitation {
  readonly id: number;
  readonly office: OfficeRow;
  readonly requestNumber: string;
  readonly expiresAt: Date;
}

const unknownLink = () => notFound(text('Tautan survei tidak dikenal. Periksa kembali tautan pada e-mail undangan.', 'Unknown survey link. Check the link in the invitation e-mail.'));

/** An expired link (410) or one already used (409): the page says which, the office is kept for the header. */
export class ClosedInvitation extends AppError {
  constructor(
    status: 409 | 410,
    readonly office: OfficeRow,
  ) {
    super(
      status,
      status === 410 ? 'survey_expired' : 'survey_answered',
      status === 410
        ? text('Masa berlaku tautan survei ini sudah habis. Terima kasih atas perhatian Anda.', 'This survey link has expired. Thank you for your interest.')
        : text('Survei ini sudah dijawab; setiap undangan hanya dapat dijawab sekali. Terima kasih atas penilaian Anda.', 'This survey has been answered already; each invitation can be answered once. Thank you for your rating.'),
    );
  }
}

/** The invitation behind a token, still open; 404 when unknown, ClosedInvitation when expired or used. */
export async function openInvitation(exec: Executor, token: string, now = new Date()): Promise<OpenInvitation> {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) throw unknownLink();
  const [row] = await exec
    .select({ id: surveyInvitations.id, officeId: surveyInvitations.officeId, expiresAt: surveyInvitations.expiresAt, respondedAt: surveyInvitations.respondedAt, number: requests.number })
    .from(surveyInvitations)
    .innerJoin(requests, eq(requests.id, surveyInvitations.requestId))
    .where(eq(surveyInvitations.tokenHash, sha256(token)));
  const office = row ? await officeById(exec, row.officeId) : undefined;
  if (!row || !office) throw unknownLink();
  if (row.respondedAt) throw new ClosedInvitation(409, office);
  if (row.expiresAt.getTime() <= now.getTime()) throw new ClosedInvitation(410, office);
  return { id: row.id, office, requestNumber: row.number, expiresAt: row.expiresAt };
}

/**
 * Records the one answer of an invitation: 422 with a message per element when incomplete, and the
 * invitation is marked used in the same transaction, by a conditional update, so two answers sent at
 * once record one.
 */
export async function answerSurvey(db: Db, token: string, form: Readonly<Record<string, string>>, now = new Date()): Promise<void> {
  const checked = checkAnswers(form);
  await db.transaction(async (tx) => {
    const invitation = await openInvitation(tx, token, now);
    if (!checked.ok) throw invalid(checked.problems, text('Jawaban belum lengkap: pilih satu jawaban untuk setiap unsur.', 'The answers are not complete: choose one answer for each element.'));
    const answeredOn = todayIn(invitation.office.timeZone, now);
    // respondedAt is only a "used" mark: it takes the invitation's own creation time, so nothing about
    // when the answer came can be matched to the answer row.
    const [used] = await tx
      .update(surveyInvitations)
      .set({ respondedAt: sql`${surveyInvitations.createdAt}` })
      .where(and(eq(surveyInvitations.id, invitation.id), isNull(surveyInvitations.respondedAt)))
      .returning({ id: surveyInvitations.id });
    if (!used) throw new ClosedInvitation(409, invitation.office);
    await tx.insert(surveyResponses).values({
      officeId: invitation.office.id,
      scores: [...checked.answer.scores],
      comment: checked.answer.comment,
      answeredOn,
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// Results

function officeFilter(officeIds: readonly number[] | null) {
  return officeIds === null ? sql`true` : officeIds.length === 0 ? sql`false` : sql`office_id = any(${`{${officeIds.join(',')}}`}::int[])`;
}

/** Per office, how many answered in the period and each element's sum; offices nobody answered for are absent. */
export async function skmTallies(exec: Executor, officeIds: readonly number[] | null, period: Period): Promise<Map<number, SkmTally>> {
  const sums = ELEMENTS.map((_, i) => sql.raw(`sum(scores[${i + 1}])::int as s${i + 1}`));
  const rows = await queryRows<Record<string, number>>(
    exec,
    sql`select office_id, count(*)::int as n, ${sql.join(sums, sql`, `)}
      from survey_responses
      where ${officeFilter(officeIds)} and answered_on between ${period.from}::date and ${period.to}::date
      group by office_id`,
  );
  return new Map(rows.map((r) => [Number(r.office_id), { responses: Number(r.n), sums: ELEMENTS.map((_, i) => Number(r[`s${i + 1}`] ?? 0)) }]));
}

/** The index and grade per office and element for the period; offices without answers are absent. */
export async function skmResults(exec: Executor, officeIds: readonly number[] | null, period: Period): Promise<Map<number, SkmResult>> {
  const out = new Map<number, SkmResult>();
  for (const [officeId, tally] of await skmTallies(exec, officeIds, period)) {
    const result = skmResult(tally);
    if (result) out.set(officeId, result);
  }
  return out;
}

export interface SkmComment {
  readonly day: string;
  readonly comment: string;
}

/** How many suggestions the desk shows and exports: the newest. */
export const COMMENT_LIMIT = 500;

/** The suggestions written in the period (answer days in the office's zone), newest first. */
export async function skmComments(exec: Executor, officeId: number, period: Period, limit = COMMENT_LIMIT): Promise<SkmComment[]> {
  return queryRows<SkmComment>(
    exec,
    sql`select answered_on::text as day, comment from survey_responses
      where office_id = ${officeId} and answered_on between ${period.from}::date and ${period.to}::date and comment <> ''
      order by answered_on desc, id desc limit ${limit}`,
  );
}
