import { invalid } from '../kernel/errors.ts';
import { formatDay, text, weekdayName, type Lang, type Text } from '../kernel/i18n.ts';

/**
 * The working-day engine (DOMAIN.md §8). Pure: every input is an argument, days are 'YYYY-MM-DD'
 * strings in the office's own time zone, and the result records how the due date was counted so it
 * can be shown to the applicant and recomputed when the holiday calendar changes.
 */

export const HOLIDAY_KINDS = ['libur_nasional', 'cuti_bersama', 'pemilu', 'lokal'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

export const AFTER_HOURS_RULES = ['next_working_day', 'same_day'] as const;
export type AfterHoursRule = (typeof AFTER_HOURS_RULES)[number];

export function isAfterHoursRule(value: unknown): value is AfterHoursRule {
  return typeof value === 'string' && (AFTER_HOURS_RULES as readonly string[]).includes(value);
}

/** The longest period any rule profile needs is 30 working days; 400 leaves room without allowing typos like 4000. */
export const MAX_WORKING_DAYS = 400;

export interface Holiday {
  readonly day: string;
  readonly kind: HolidayKind;
  readonly name: string;
  /** null = national (libur nasional, cuti bersama, national election day). */
  readonly officeId: number | null;
}

/** The office settings that decide day zero; stored with every result so a recomputation keeps them. */
export interface OfficeRules {
  /** IANA zone: 'Asia/Jakarta' (WIB), 'Asia/Makassar' (WITA), 'Asia/Jayapura' (WIT). */
  readonly timeZone: string;
  readonly hoursStart: string;
  readonly hoursEnd: string;
  readonly afterHoursRule: AfterHoursRule;
}

export interface OfficeCalendar extends OfficeRules {
  /** National holidays plus this office's local ones. */
  readonly holidays: readonly Holiday[];
  /** Years for which national holidays have been entered; a window reaching other years is flagged. */
  readonly yearsWithNationalData: readonly number[];
}

export type DayZeroReason = 'received_on_working_day' | 'after_hours' | 'non_working_day';

export interface SkippedDay {
  readonly day: string;
  readonly kind: 'weekend' | HolidayKind;
  /** The holiday's name, or the weekday (Sabtu, Minggu) for a weekend. */
  readonly name: string;
}

export interface DeadlineResult {
  readonly due: string;
  readonly dayZero: string;
  readonly receivedLocal: { readonly day: string; readonly time: string };
  readonly dayZeroReason: DayZeroReason;
  readonly workingDays: number;
  /** The working days counted after day zero; the last one is the due date. */
  readonly counted: string[];
  /** Every non-working day from the day of receipt to the due date. */
  readonly skipped: SkippedDay[];
  readonly yearsWithoutHolidays: number[];
  readonly rules: OfficeRules;
}

export interface AddWorkingDaysInput {
  readonly receivedAt: Date;
  readonly workingDays: number;
  readonly calendar: OfficeCalendar;
}

/**
 * Day zero, then N working days after it; the Nth is the due date.
 *
 * Day zero is the local day of receipt when that is a working day and the request arrived before
 * closing time. A request that arrives before opening time counts for that same day: the desk finds it
 * when it opens and it is that day's work, so moving it to the next day would give the office a day the
 * law does not. After closing time, `next_working_day` moves day zero to the next working day and
 * `same_day` keeps the day of receipt. A day that is not a working day is never day zero, whatever the
 * rule: `same_day` forgives the hour, and there is no working day of receipt to keep.
 */
export function addWorkingDays({ receivedAt, workingDays, calendar }: AddWorkingDaysInput): DeadlineResult {
  checkWorkingDays(workingDays);
  checkRules(calendar);
  const receivedLocal = localDateTime(receivedAt, calendar.timeZone);
  const index = holidayIndex(calendar);
  const { dayZero, reason } = findDayZero(receivedLocal, calendar, index);
  const counted: string[] = [];
  for (let day = dayZero; counted.length < workingDays; ) {
    day = addDays(day, 1);
    if (working(day, index)) counted.push(day);
  }
  const due = counted.at(-1) ?? dayZero;
  return {
    due,
    dayZero,
    receivedLocal,
    dayZeroReason: reason,
    workingDays,
    counted,
    skipped: nonWorkingDays(receivedLocal.day, due, index),
    yearsWithoutHolidays: yearsWithout(receivedLocal.day, due, calendar.yearsWithNationalData),
    rules: { timeZone: calendar.timeZone, hoursStart: calendar.hoursStart, hoursEnd: calendar.hoursEnd, afterHoursRule: calendar.afterHoursRule },
  };
}

export function isWorkingDay(day: string, calendar: OfficeCalendar): boolean {
  checkDay('day', day);
  return working(day, holidayIndex(calendar));
}

/**
 * Working days after `fromDay` up to and including `toDay`, so that
 * workingDaysBetween(dayZero, due) = N. Negative when `toDay` is earlier: workingDaysBetween(due, today)
 * is then how many working days a deadline is overdue (> 0) or still has (< 0).
 */
export function workingDaysBetween(fromDay: string, toDay: string, calendar: OfficeCalendar): number {
  checkDay('fromDay', fromDay);
  checkDay('toDay', toDay);
  if (toDay < fromDay) return -workingDaysBetween(toDay, fromDay, calendar);
  const index = holidayIndex(calendar);
  let count = 0;
  for (let day = addDays(fromDay, 1); day <= toDay; day = addDays(day, 1)) if (working(day, index)) count++;
  return count;
}

/** The calendar day and HH:MM wall-clock time of an instant in a time zone. */
export function localDateTime(instant: Date, timeZone: string): { day: string; time: string } {
  if (Number.isNaN(instant.getTime())) {
    throw invalid({ receivedAt: text('Waktu penerimaan tidak sah.', 'The time of receipt is not a valid date-time.') });
  }
  const formatter = formatterFor(timeZone);
  if (!formatter) throw invalid({ timeZone: unknownZone(timeZone) });
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatter.formatToParts(instant)) parts[part.type] = part.value;
  return { day: `${parts.year?.padStart(4, '0')}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * The instant at which a zone's wall clock shows `time` on `day`. Indonesia's zones keep one offset
 * all year, so the offset at a first guess is the offset at the answer.
 */
export function instantAt(day: string, time: string, timeZone: string): Date {
  const guess = new Date(`${day}T${time}:00Z`);
  const local = localDateTime(guess, timeZone);
  return new Date(guess.getTime() - (Date.parse(`${local.day}T${local.time}:00Z`) - guess.getTime()));
}

/** 'YYYY-MM-DD' naming a real calendar day (no 30 February). */
/**
 * A form's `datetime-local` value ("2026-03-17T09:30") as the instant it names in the office's zone:
 * undefined when empty, 'invalid' when it is not a real date and time.
 */
export function parseLocalDateTime(value: string, timeZone: string): Date | undefined | 'invalid' {
  if (!value) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?$/.exec(value);
  if (!match || !isIsoDay(match[1]!) || Number(match[2]) > 23 || Number(match[3]) > 59) return 'invalid';
  return instantAt(match[1]!, `${match[2]}:${match[3]}`, timeZone);
}

export function isIsoDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 date-time with its UTC offset (Z or ±HH:MM), or undefined. The offset is required because
 * "10:00" alone would be read in the server's zone, rarely the office's; every part is range-checked
 * because Date quietly turns 30 February into 2 March.
 */
export function parseInstant(value: string): Date | undefined {
  const match = INSTANT.exec(value);
  if (!match || !isIsoDay(match[1]!)) return undefined;
  const part = (group: number) => Number(match[group] ?? 0);
  // hour, minute, second, offset hours, offset minutes
  if (part(2) > 23 || part(3) > 59 || part(4) > 59 || part(5) > 14 || part(6) > 59) return undefined;
  return new Date(value);
}

export function isHolidayKind(value: unknown): value is HolidayKind {
  return typeof value === 'string' && (HOLIDAY_KINDS as readonly string[]).includes(value);
}

export const KIND_LABELS: Readonly<Record<SkippedDay['kind'], Text>> = {
  libur_nasional: text('libur nasional', 'national holiday'),
  cuti_bersama: text('cuti bersama', 'cuti bersama'),
  pemilu: text('libur hari pemungutan suara', 'election day holiday'),
  lokal: text('libur lokal', 'local holiday'),
  weekend: text('akhir pekan', 'weekend'),
};

/**
 * The deadline told as sentences, for the applicant's notice and the desk; Indonesian is the reference
 * text. `startedBy` names what started a clock other than a receipt (an objection decision), e.g.
 * text('Putusan keberatan diberikan', 'The objection decision was given').
 */
export function explainDeadline(result: DeadlineResult, lang: Lang, startedBy?: Text): string[] {
  const say = (id: string, en: string) => (lang === 'id' ? id : en);
  const day = (d: string) => formatDay(lang, d);
  const clock = (hhmm: string) => (lang === 'id' ? hhmm.replace(':', '.') : hhmm);
  const { receivedLocal: received, rules, dayZero, due, workingDays, skipped } = result;
  const zone = ZONE_NAMES[rules.timeZone] ?? rules.timeZone;
  const sentences = [
    startedBy
      ? say(`${startedBy.id} ${day(received.day)} pukul ${clock(received.time)} ${zone}.`, `${startedBy.en} ${day(received.day)} at ${clock(received.time)} ${zone}.`)
      : say(`Diterima ${day(received.day)} pukul ${clock(received.time)} ${zone}.`, `Received ${day(received.day)} at ${clock(received.time)} ${zone}.`),
  ];
  // What arrived, in the sentences on day zero: the request, or the event that started the clock.
  const what = startedBy ? say('Peristiwa itu terjadi', 'That happened') : say('Permohonan masuk', 'It arrived');
  const whatLower = startedBy ? say('peristiwa itu terjadi', 'that happened') : say('permohonan masuk', 'it arrived');

  if (result.dayZeroReason === 'received_on_working_day' && received.time < rules.hoursStart) {
    sentences.push(
      say(
        `${what} sebelum jam layanan dibuka (${clock(rules.hoursStart)}) pada hari kerja, sehingga tetap dihitung sebagai pekerjaan hari itu; hari itu menjadi hari ke-0.`,
        `${what} before opening time (${clock(rules.hoursStart)}) on a working day, so it counts as that day's work; that day is day zero.`,
      ),
    );
  } else if (result.dayZeroReason === 'received_on_working_day') {
    sentences.push(
      say(
        `Hari itu hari kerja dan ${whatLower} dalam jam layanan (${clock(rules.hoursStart)}–${clock(rules.hoursEnd)}), sehingga hari itu menjadi hari ke-0.`,
        `That day is a working day and ${whatLower} within office hours (${clock(rules.hoursStart)}–${clock(rules.hoursEnd)}), so that day is day zero.`,
      ),
    );
  } else if (result.dayZeroReason === 'after_hours' && dayZero === received.day) {
    sentences.push(
      say(
        `${what} setelah jam layanan berakhir (${clock(rules.hoursEnd)}), tetapi menurut aturan kantor hari penerimaan tetap menjadi hari ke-0.`,
        `${what} after closing time (${clock(rules.hoursEnd)}), but under the office's rule the day of receipt is still day zero.`,
      ),
    );
  } else if (result.dayZeroReason === 'after_hours') {
    sentences.push(
      say(
        `${what} setelah jam layanan berakhir (${clock(rules.hoursEnd)}), sehingga hari ke-0 adalah hari kerja berikutnya, ${day(dayZero)}.`,
        `${what} after closing time (${clock(rules.hoursEnd)}), so day zero is the next working day, ${day(dayZero)}.`,
      ),
    );
  } else {
    const why = skipped.find((s) => s.day === received.day);
    const label = why ? `${KIND_LABELS[why.kind][lang]}${why.kind === 'weekend' ? '' : `: ${why.name}`}` : '';
    sentences.push(
      say(
        `Hari itu bukan hari kerja (${label}), sehingga hari ke-0 adalah hari kerja berikutnya, ${day(dayZero)}.`,
        `That day is not a working day (${label}), so day zero is the next working day, ${day(dayZero)}.`,
      ),
    );
  }

  const first = result.counted[0];
  if (first === undefined) {
    sentences.push(say('Jangka waktunya 0 hari kerja, sehingga jatuh tempo pada hari ke-0 itu sendiri.', 'The period is 0 working days, so it falls due on day zero itself.'));
  } else if (workingDays === 1) {
    sentences.push(say(`1 hari kerja: hari kerja pertama sesudah hari ke-0, ${day(first)}.`, `1 working day: the first working day after day zero, ${day(first)}.`));
  } else {
    sentences.push(
      say(
        `${workingDays} hari kerja dihitung mulai hari kerja pertama sesudah hari ke-0 (${day(first)}) sampai ${day(due)}.`,
        `${workingDays} working days are counted from the first working day after day zero (${day(first)}) to ${day(due)}.`,
      ),
    );
  }

  const holidays = skipped.filter((s) => s.kind !== 'weekend');
  const weekends = skipped.length - holidays.length;
  const list = holidays.map((h) => `${day(h.day)} (${KIND_LABELS[h.kind][lang]}: ${h.name})`).join('; ');
  if (skipped.length === 0) {
    sentences.push(say('Tidak ada akhir pekan atau hari libur yang dilewati.', 'No weekend or holiday was passed over.'));
  } else if (holidays.length === 0) {
    sentences.push(say(`Dilewati ${weekends} hari akhir pekan.`, `${plural(weekends, 'weekend day')} passed over.`));
  } else if (weekends === 0) {
    sentences.push(say(`Dilewati ${holidays.length} hari libur: ${list}.`, `${plural(holidays.length, 'holiday')} passed over: ${list}.`));
  } else {
    sentences.push(
      say(
        `Dilewati ${skipped.length} hari yang bukan hari kerja, yaitu ${weekends} hari akhir pekan dan ${holidays.length} hari libur: ${list}.`,
        `${plural(skipped.length, 'non-working day')} passed over, ${plural(weekends, 'weekend day')} and ${plural(holidays.length, 'holiday')}: ${list}.`,
      ),
    );
  }

  sentences.push(say(`Jatuh tempo: ${day(due)}.`, `Due: ${day(due)}.`));
  if (result.yearsWithoutHolidays.length > 0) {
    const years = result.yearsWithoutHolidays.join(', ');
    sentences.push(
      say(
        `Perhatian: hari libur nasional tahun ${years} belum dimasukkan ke kalender, sehingga tanggal ini dapat berubah setelah hari libur tahun itu ditetapkan.`,
        `Warning: the national holidays of ${years} have not been entered yet, so this date may change once they are decreed.`,
      ),
    );
  }
  return sentences;
}

const ZONE_NAMES: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

type HolidayIndex = ReadonlyMap<string, Holiday>;

// Callers such as the overdue report ask about many days of one calendar: index its holidays once.
const indexes = new WeakMap<readonly Holiday[], HolidayIndex>();

function holidayIndex(calendar: OfficeCalendar): HolidayIndex {
  let index = indexes.get(calendar.holidays);
  if (!index) {
    const map = new Map<string, Holiday>();
    // A national holiday and a local one may share a day; the national one names it.
    for (const h of calendar.holidays) if (!map.has(h.day) || h.officeId === null) map.set(h.day, h);
    index = map;
    indexes.set(calendar.holidays, index);
  }
  return index;
}

function working(day: string, index: HolidayIndex): boolean {
  return !isWeekend(day) && !index.has(day);
}

function findDayZero(received: { day: string; time: string }, calendar: OfficeCalendar, index: HolidayIndex): { dayZero: string; reason: DayZeroReason } {
  if (!working(received.day, index)) return { dayZero: nextWorkingDay(received.day, index), reason: 'non_working_day' };
  // Minutes are compared, seconds ignored: 16:00:30 shows as 16:00 and is after a 16:00 closing.
  if (received.time < calendar.hoursEnd) return { dayZero: received.day, reason: 'received_on_working_day' };
  const dayZero = calendar.afterHoursRule === 'same_day' ? received.day : nextWorkingDay(received.day, index);
  return { dayZero, reason: 'after_hours' };
}

function nextWorkingDay(day: string, index: HolidayIndex): string {
  let next = addDays(day, 1);
  while (!working(next, index)) next = addDays(next, 1);
  return next;
}

function nonWorkingDays(fromDay: string, toDay: string, index: HolidayIndex): SkippedDay[] {
  const skipped: SkippedDay[] = [];
  for (let day = fromDay; day <= toDay; day = addDays(day, 1)) {
    const holiday = index.get(day);
    // A holiday on a weekend is listed as the holiday: the more informative reason.
    if (holiday) skipped.push({ day, kind: holiday.kind, name: holiday.name });
    else if (isWeekend(day)) skipped.push({ day, kind: 'weekend', name: weekdayName('id', weekdayOf(day)) });
  }
  return skipped;
}

function yearsWithout(fromDay: string, toDay: string, known: readonly number[]): number[] {
  const years: number[] = [];
  for (let year = Number(fromDay.slice(0, 4)); year <= Number(toDay.slice(0, 4)); year++) if (!known.includes(year)) years.push(year);
  return years;
}

const DAY_MS = 86_400_000;

function epochDay(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** The calendar day `n` days after (or before) `day`, both 'YYYY-MM-DD'. */
export function addDays(day: string, n: number): string {
  const date = new Date((epochDay(day) + n) * DAY_MS);
  const pad = (v: number, width: number) => String(v).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** 0 = Sunday … 6 = Saturday; 1 January 1970 was a Thursday. */
function weekdayOf(day: string): number {
  return (((epochDay(day) + 4) % 7) + 7) % 7;
}

function isWeekend(day: string): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** undefined for a zone name the runtime does not know. */
function formatterFor(timeZone: string): Intl.DateTimeFormat | undefined {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      return undefined;
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function unknownZone(timeZone: string): Text {
  return text(`Zona waktu "${timeZone}" tidak dikenal; gunakan nama IANA seperti Asia/Jakarta.`, `Unknown time zone "${timeZone}"; use an IANA name such as Asia/Jakarta.`);
}

function checkWorkingDays(workingDays: number): void {
  if (!Number.isInteger(workingDays) || workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
    throw invalid({
      workingDays: text(
        `Jumlah hari kerja harus bilangan bulat 0 sampai ${MAX_WORKING_DAYS}.`,
        `The number of working days must be a whole number from 0 to ${MAX_WORKING_DAYS}.`,
      ),
    });
  }
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

function checkRules(rules: OfficeRules): void {
  const problems: Record<string, Text> = {};
  if (!HH_MM.test(rules.hoursStart)) problems.hoursStart = text('Jam buka harus berformat JJ:MM, mis. 08:00.', 'Opening time must be HH:MM, e.g. 08:00.');
  if (!HH_MM.test(rules.hoursEnd)) problems.hoursEnd = text('Jam tutup harus berformat JJ:MM, mis. 16:00.', 'Closing time must be HH:MM, e.g. 16:00.');
  else if (HH_MM.test(rules.hoursStart) && rules.hoursEnd <= rules.hoursStart) {
    problems.hoursEnd = text('Jam tutup harus sesudah jam buka.', 'Closing time must be after opening time.');
  }
  if (!(AFTER_HOURS_RULES as readonly string[]).includes(rules.afterHoursRule)) {
    problems.afterHoursRule = text(
      'Aturan di luar jam layanan harus next_working_day atau same_day.',
      'The after-hours rule must be next_working_day or same_day.',
    );
  }
  if (!formatterFor(rules.timeZone)) problems.timeZone = unknownZone(rules.timeZone);
  if (Object.keys(problems).length > 0) throw invalid(problems);
}

function checkDay(field: string, day: string): void {
  if (!isIsoDay(day)) {
    throw invalid({ [field]: text(`"${day}" bukan tanggal YYYY-MM-DD yang sah.`, `"${day}" is not a valid YYYY-MM-DD date.`) });
  }
}
