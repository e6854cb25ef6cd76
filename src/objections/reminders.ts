import { and, asc, eq, isNull, ne, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { deadlines, disputes, objections, requests } from '../db/schema.ts';
import { workingDaysBetween } from '../calendar/rules.ts';
import { loadOfficeCalendar } from '../calendar/store.ts';
import { formatDay } from '../kernel/i18n.ts';
import { enqueueMail } from '../mail/mail.ts';
import { todayIn } from '../offices/portal.tsx';
import type { Role } from '../offices/roles.ts';
import { allOffices, staffOfOffice, type OfficeRow } from '../offices/store.ts';
import { daysLeftText, lateBy, reminderThreshold } from '../requests/reminders.ts';
import { groundLines } from './documents.ts';

/**
 * Objection and dispute reminders (DOMAIN.md §6), as for requests (src/requests/reminders.ts): the
 * Atasan PPID is mailed N working days before an open objection's answer deadline, for each N in the
 * office's reminder_days, and the Atasan PPID and the PPID once it has passed; the PPID once each when
 * the Komisi Informasi's clocks on a dispute (start, finish) pass with the dispute still open. The
 * outbox dedupe key names the case, its due date and the threshold, so each goes once however often
 * and from however many processes this runs. A reopened request's clock is a request deadline: the
 * request reminders cover it.
 */

/** Sends the objection and dispute reminders due at `now` for every office. */
export async function sendObjectionReminders(db: Db, now: Date, baseUrl = ''): Promise<void> {
  const base = baseUrl.replace(/\/+$/, '');
  for (const office of await allOffices(db)) await remindOffice(db, office, now, base);
}

async function remindOffice(db: Db, office: OfficeRow, now: Date, base: string): Promise<void> {
  const waiting = await db
    .select({ id: objections.id, number: objections.number, grounds: objections.grounds, due: deadlines.due, requestNumber: requests.number })
    .from(objections)
    .innerJoin(deadlines, eq(deadlines.id, objections.deadlineId))
    .innerJoin(requests, eq(requests.id, objections.requestId))
    .where(and(eq(objections.officeId, office.id), eq(objections.status, 'filed'), eq(deadlines.subjectType, 'objection'), isNull(deadlines.closedAt)))
    .orderBy(asc(deadlines.due), asc(objections.id));
  const clocks = await db
    .select({ id: disputes.id, commission: disputes.commission, purpose: deadlines.purpose, due: deadlines.due, objectionNumber: objections.number })
    .from(disputes)
    .innerJoin(deadlines, or(eq(deadlines.id, disputes.startDeadlineId), eq(deadlines.id, disputes.finishDeadlineId)))
    .innerJoin(objections, eq(objections.id, disputes.objectionId))
    .where(and(eq(disputes.officeId, office.id), ne(disputes.stage, 'closed'), isNull(deadlines.closedAt)))
    .orderBy(asc(deadlines.due), asc(disputes.id));
  if (waiting.length === 0 && clocks.length === 0) return;

  const calendar = await loadOfficeCalendar(db, office.id);
  const today = todayIn(office.timeZone, now);
  const people = (await staffOfOffice(db, { officeId: office.id })).filter((s) => s.active);
  const holding = (roles: readonly Role[]) => people.filter((p) => p.roles.some((r) => roles.includes(r as Role))).map((p) => p.email);
  const send = async (to: string[], dedupeKey: string, subject: string, lines: string[]) => {
    if (to.length === 0) return;
    await enqueueMail(db, { officeId: office.id, to, subject, text: [...lines, '', office.name].join('\n'), dedupeKey });
  };

  for (const o of waiting) {
    const open = `Buka di meja layanan Lentera: ${base}/desk/keberatan/${o.id}`;
    if (today > o.due) {
      await send(holding(['atasan_ppid', 'ppid']), `reminder:objection:${o.id}:${o.due}:overdue`, `Lewat batas waktu: keberatan ${o.number}`, [
        `Batas waktu tanggapan tertulis Atasan PPID atas keberatan ${o.number} (permohonan ${o.requestNumber}), ${formatDay('id', o.due)}, telah lewat${lateBy(o.due, today, calendar)} dan tanggapan belum terbit.`,
        'Pemohon kini dapat mengajukan sengketa informasi kepada Komisi Informasi karena keberatannya tidak ditanggapi dalam jangka waktu (Pasal 36 dan 37 UU 14/2008).',
        open,
      ]);
      continue;
    }
    const left = workingDaysBetween(today, o.due, calendar);
    const threshold = reminderThreshold(left, office.reminderDays);
    if (threshold === undefined) continue;
    await send(holding(['atasan_ppid']), `reminder:objection:${o.id}:${o.due}:${threshold}`, `Pengingat batas waktu: keberatan ${o.number} (${daysLeftText(left)})`, [
      `Tanggapan tertulis Atasan PPID atas keberatan ${o.number} (permohonan ${o.requestNumber}) harus terbit paling lambat ${formatDay('id', o.due)}: ${daysLeftText(left)}.`,
      `Alasan keberatan: ${groundLines(o.grounds).join('; ')}`,
      open,
    ]);
  }

  for (const c of clocks) {
    if (today <= c.due) continue;
    const late = lateBy(c.due, today, calendar);
    const [subject, what] =
      c.purpose === 'dispute_start'
        ? [`Komisi belum memulai: sengketa atas keberatan ${c.objectionNumber}`, `${c.commission} semestinya mulai menyelesaikan sengketa atas keberatan ${c.objectionNumber} paling lambat ${formatDay('id', c.due)}; batas itu telah lewat${late} dan belum tercatat mediasi atau ajudikasi.`]
        : [`Sengketa belum selesai: keberatan ${c.objectionNumber}`, `${c.commission} semestinya menyelesaikan sengketa atas keberatan ${c.objectionNumber} paling lambat ${formatDay('id', c.due)}; batas itu telah lewat${late} dan sengketa belum tercatat selesai.`];
    await send(holding(['ppid']), `reminder:${c.purpose}:${c.id}:${c.due}:overdue`, subject, [
      what,
      'Tanyakan perkembangannya kepada kepaniteraan komisi dan catat tahap terakhirnya, atau hasilnya bila sudah selesai.',
      `Buka di meja layanan Lentera: ${base}/desk/sengketa/${c.id}`,
    ]);
  }
}
