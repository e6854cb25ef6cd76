import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { dipCalls, dipCallUnits, units } from '../db/schema.ts';
import { addDays, workingDaysBetween, type OfficeCalendar } from '../calendar/rules.ts';
import { loadOfficeCalendar } from '../calendar/store.ts';
import { formatDay } from '../kernel/i18n.ts';
import { enqueueMail } from '../mail/mail.ts';
import { todayIn } from '../offices/portal.tsx';
import type { Role } from '../offices/roles.ts';
import { allOffices, staffOfOffice, type OfficeRow, type StaffRow } from '../offices/store.ts';
import { MAX_UPDATE_MONTHS } from './rules.ts';
import { berkalaDue } from './service.ts';

/**
 * DIP reminders (seed 000 step 1, DOMAIN.md §3): a unit that has not answered a call for information
 * is mailed when the due date is one working day away and again when it has passed, and the PPID is
 * then told which units are late; the unit holding a berkala item is mailed when its next update is
 * five working days away or overdue. Safe to run any number of times from any number of processes:
 * each reminder has an outbox dedupe key naming the call or item and its due date, so each goes once,
 * and a due date that moves gets its own.
 */

/** Working days before a call's due date on which units that have not answered are reminded. */
export const CALL_REMINDER_DAYS = 1;
/** Working days before a berkala item's next update on which its unit is reminded. */
export const BERKALA_REMINDER_DAYS = 5;
/**
 * Calendar days that surely hold BERKALA_REMINDER_DAYS working days, whatever the holidays: the cheap
 * first cut of the items to look at, before the office calendar counts exactly.
 */
const BERKALA_HORIZON_DAYS = 60;

function daysLeftText(left: number): string {
  return left === 0 ? 'hari ini' : `${left} hari kerja lagi`;
}

/** Sends the DIP reminders due at `now` for every office. */
export async function sendDipReminders(db: Db, now: Date, baseUrl = ''): Promise<void> {
  const base = baseUrl.replace(/\/+$/, '');
  for (const office of await allOffices(db)) await remindOffice(db, office, now, base);
}

async function remindOffice(db: Db, office: OfficeRow, now: Date, base: string): Promise<void> {
  const today = todayIn(office.timeZone, now);
  const waiting = await db
    .select({ callId: dipCalls.id, title: dipCalls.title, dueOn: dipCalls.dueOn, unitId: dipCallUnits.unitId, unitName: units.name })
    .from(dipCallUnits)
    .innerJoin(dipCalls, eq(dipCalls.id, dipCallUnits.callId))
    .innerJoin(units, eq(units.id, dipCallUnits.unitId))
    .where(and(eq(dipCallUnits.officeId, office.id), isNull(dipCallUnits.answeredAt), isNull(dipCalls.closedAt)))
    .orderBy(asc(dipCalls.dueOn), asc(dipCalls.id), asc(units.name));
  const berkala = await berkalaDue(db, office.id, addDays(today, BERKALA_HORIZON_DAYS));
  if (waiting.length === 0 && berkala.length === 0) return;

  const calendar = await loadOfficeCalendar(db, office.id);
  const people = (await staffOfOffice(db, { officeId: office.id })).filter((s) => s.active);
  const holding = (roles: readonly Role[], unitId?: number | null) =>
    people.filter((p: StaffRow) => p.roles.some((r) => roles.includes(r as Role)) && (unitId === undefined || p.unitId === unitId)).map((p) => p.email);
  const send = async (to: string[], dedupeKey: string, subject: string, lines: string[]) => {
    if (to.length === 0) return;
    await enqueueMail(db, { officeId: office.id, to, subject, text: [...lines, '', office.name].join('\n'), dedupeKey });
  };

  const late = new Map<number, { title: string; dueOn: string; units: string[] }>();
  for (const w of waiting) {
    const open = `Buka di meja layanan Lentera: ${base}/desk/dip/permintaan/${w.callId}`;
    if (today > w.dueOn) {
      const call = late.get(w.callId) ?? { title: w.title, dueOn: w.dueOn, units: [] };
      call.units.push(w.unitName);
      late.set(w.callId, call);
      await send(holding(['information_provider'], w.unitId), `reminder:dip-call:${w.callId}:${w.unitId}:${w.dueOn}:late`, `Lewat batas: permintaan informasi DIP "${w.title}"`, [
        `Batas waktu permintaan informasi PPID untuk Daftar Informasi Publik (${formatDay('id', w.dueOn)}) telah lewat${lateBy(w.dueOn, today, calendar)}, dan ${w.unitName} belum menyatakan selesai.`,
        'Serahkan informasi yang dikuasai unit Anda, lalu nyatakan selesai.',
        open,
      ]);
      continue;
    }
    const left = workingDaysBetween(today, w.dueOn, calendar);
    if (left > CALL_REMINDER_DAYS) continue;
    await send(holding(['information_provider'], w.unitId), `reminder:dip-call:${w.callId}:${w.unitId}:${w.dueOn}:${CALL_REMINDER_DAYS}`, `Pengingat permintaan informasi DIP: "${w.title}" (${daysLeftText(left)})`, [
      `PPID meminta ${w.unitName} menyerahkan informasi yang dikuasai untuk Daftar Informasi Publik paling lambat ${formatDay('id', w.dueOn)}: ${daysLeftText(left)}.`,
      open,
    ]);
  }
  for (const [callId, call] of late) {
    await send(holding(['ppid']), `reminder:dip-call:${callId}:${call.dueOn}:late`, `Unit terlambat: permintaan informasi DIP "${call.title}"`, [
      `Batas waktu permintaan informasi "${call.title}" (${formatDay('id', call.dueOn)}) telah lewat${lateBy(call.dueOn, today, calendar)}. Unit yang belum menyatakan selesai:`,
      ...call.units.map((name) => `- ${name}`),
      `Buka di meja layanan Lentera: ${base}/desk/dip/permintaan/${callId}`,
    ]);
  }

  for (const item of berkala) {
    if (item.nextUpdateOn === null) continue;
    const left = workingDaysBetween(today, item.nextUpdateOn, calendar);
    if (left > BERKALA_REMINDER_DAYS) continue;
    const when = today > item.nextUpdateOn ? `telah lewat${lateBy(item.nextUpdateOn, today, calendar)}` : daysLeftText(left);
    // An item the PPID entered without a unit has nobody else to remind.
    const to = item.unitId === null ? holding(['ppid']) : holding(['information_provider'], item.unitId);
    await send(to, `reminder:dip-berkala:${item.id}:${item.nextUpdateOn}`, `Pemutakhiran informasi berkala: "${item.title}" (${when})`, [
      `Informasi berkala "${item.title}" dijadwalkan diperbarui paling lambat ${formatDay('id', item.nextUpdateOn)}: ${when}.`,
      `Informasi berkala diumumkan paling lambat setiap ${MAX_UPDATE_MONTHS} bulan (Pasal 9 UU 14/2008); serahkan versi terbarunya kepada PPID.`,
      `Buka di meja layanan Lentera: ${base}/desk/dip/informasi/${item.id}`,
    ]);
  }
}

/** " 2 hari kerja" late; nothing to add when only non-working days have passed since the due date. */
function lateBy(due: string, today: string, calendar: OfficeCalendar): string {
  const late = workingDaysBetween(due, today, calendar);
  return late > 0 ? ` ${late} hari kerja` : '';
}
