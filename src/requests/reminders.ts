import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { deadlines, dispositions, requests, units } from '../db/schema.ts';
import { workingDaysBetween, type OfficeCalendar } from '../calendar/rules.ts';
import { loadOfficeCalendar } from '../calendar/store.ts';
import { formatDay } from '../kernel/i18n.ts';
import { enqueueMail } from '../mail/mail.ts';
import { todayIn } from '../offices/portal.tsx';
import type { Role } from '../offices/roles.ts';
import { allOffices, staffOfOffice, type OfficeRow, type StaffRow } from '../offices/store.ts';

/**
 * Deadline reminders (DOMAIN.md §5): staff are mailed N working days before a deadline, for each N in
 * the office's reminder_days, and the PPID once a deadline has passed. Safe to run any number of times
 * from any number of processes: every reminder has an outbox dedupe key naming the deadline, its due
 * date and the threshold, so each goes once, and a due date that moves (a holiday added) gets its own.
 */

const OPEN_STATUSES = ['received', 'escalated'];

/**
 * The threshold a deadline `left` working days away falls under: the smallest N in `days` with
 * left ≤ N. A run missed on the day itself (server down, a weekend run) still sends that threshold's
 * reminder later, saying how many days are really left; a deadline already past has none.
 */
export function reminderThreshold(left: number, days: readonly number[]): number | undefined {
  if (left < 0) return undefined;
  const fitting = days.filter((n) => left <= n);
  return fitting.length > 0 ? Math.min(...fitting) : undefined;
}

export function daysLeftText(left: number): string {
  return left === 0 ? 'hari ini' : `${left} hari kerja lagi`;
}

/** Sends the reminders due at `now` for every office. */
export async function sendDeadlineReminders(db: Db, now: Date, baseUrl = ''): Promise<void> {
  const base = baseUrl.replace(/\/+$/, '');
  for (const office of await allOffices(db)) await remindOffice(db, office, now, base);
}

async function remindOffice(db: Db, office: OfficeRow, now: Date, base: string): Promise<void> {
  const openDeadlines = await db
    .select({ due: deadlines.due, requestId: requests.id, number: requests.number, information: requests.information })
    .from(deadlines)
    .innerJoin(requests, sql`${requests.id}::text = ${deadlines.subjectId}`)
    .where(and(eq(deadlines.officeId, office.id), eq(deadlines.subjectType, 'request'), isNull(deadlines.closedAt), inArray(requests.status, OPEN_STATUSES)))
    .orderBy(asc(deadlines.due), asc(deadlines.id));
  const openDispositions = await db
    .select({ id: dispositions.id, dueOn: dispositions.dueOn, unitId: dispositions.unitId, unitName: units.name, instruction: dispositions.instruction, requestId: requests.id, number: requests.number })
    .from(dispositions)
    .innerJoin(requests, eq(requests.id, dispositions.requestId))
    .leftJoin(units, eq(units.id, dispositions.unitId))
    .where(and(eq(dispositions.officeId, office.id), eq(dispositions.target, 'unit'), eq(dispositions.status, 'open'), inArray(requests.status, OPEN_STATUSES)))
    .orderBy(asc(dispositions.dueOn), asc(dispositions.id));
  if (openDeadlines.length === 0 && openDispositions.length === 0) return;

  const calendar = await loadOfficeCalendar(db, office.id);
  const today = todayIn(office.timeZone, now);
  const people = (await staffOfOffice(db, { officeId: office.id })).filter((s) => s.active);
  const holding = (roles: readonly Role[], unitId?: number | null) =>
    people.filter((p: StaffRow) => p.roles.some((r) => roles.includes(r as Role)) && (unitId === undefined || p.unitId === unitId)).map((p) => p.email);
  const send = async (to: string[], dedupeKey: string, subject: string, lines: string[]) => {
    if (to.length === 0) return;
    await enqueueMail(db, { officeId: office.id, to, subject, text: [...lines, '', office.name].join('\n'), dedupeKey });
  };

  for (const d of openDeadlines) {
    const open = `Buka di meja layanan Lentera: ${base}/desk/permohonan/${d.requestId}`;
    if (today > d.due) {
      await send(holding(['ppid']), `reminder:request:${d.requestId}:${d.due}:overdue`, `Lewat batas waktu: permohonan ${d.number}`, [
        `Batas waktu pemberitahuan tertulis permohonan ${d.number} (${formatDay('id', d.due)}) telah lewat${lateBy(d.due, today, calendar)} dan pemberitahuan tertulis belum terbit.`,
        'Pemohon dapat mengajukan keberatan kepada atasan PPID karena permohonannya tidak ditanggapi dalam jangka waktu (Pasal 35 UU 14/2008).',
        open,
      ]);
      continue;
    }
    const left = workingDaysBetween(today, d.due, calendar);
    const threshold = reminderThreshold(left, office.reminderDays);
    if (threshold === undefined) continue;
    await send(holding(['desk_officer', 'ppid']), `reminder:request:${d.requestId}:${d.due}:${threshold}`, `Pengingat batas waktu: permohonan ${d.number} (${daysLeftText(left)})`, [
      `Pemberitahuan tertulis atas permohonan ${d.number} harus terbit paling lambat ${formatDay('id', d.due)}: ${daysLeftText(left)}.`,
      `Informasi yang diminta: ${shorten(d.information)}`,
      open,
    ]);
  }

  for (const d of openDispositions) {
    const unit = d.unitName ?? 'unit';
    if (today > d.dueOn) {
      await send(holding(['ppid']), `reminder:disposition:${d.id}:${d.dueOn}:overdue`, `Disposisi lewat batas: permohonan ${d.number}, ${unit}`, [
        `${unit} belum menjawab disposisi permohonan ${d.number}; batasnya ${formatDay('id', d.dueOn)} telah lewat${lateBy(d.dueOn, today, calendar)}.`,
        `Buka di meja layanan Lentera: ${base}/desk/permohonan/${d.requestId}`,
      ]);
      continue;
    }
    const left = workingDaysBetween(today, d.dueOn, calendar);
    const threshold = reminderThreshold(left, office.reminderDays);
    if (threshold === undefined) continue;
    await send(holding(['information_provider'], d.unitId), `reminder:disposition:${d.id}:${d.dueOn}:${threshold}`, `Pengingat disposisi: permohonan ${d.number} (${daysLeftText(left)})`, [
      `Disposisi PPID kepada ${unit} atas permohonan ${d.number} dijawab paling lambat ${formatDay('id', d.dueOn)}: ${daysLeftText(left)}.`,
      `Arahan: ${shorten(d.instruction)}`,
      `Buka di meja layanan Lentera: ${base}/desk/disposisi`,
    ]);
  }
}

/** " 2 hari kerja" late; nothing to add when only non-working days have passed since the due date. */
export function lateBy(due: string, today: string, calendar: OfficeCalendar): string {
  const late = workingDaysBetween(due, today, calendar);
  return late > 0 ? ` ${late} hari kerja` : '';
}

function shorten(value: string): string {
  return value.length > 300 ? `${value.slice(0, 299)}…` : value;
}
