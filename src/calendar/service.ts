import type { Db, Executor, Tx } from '../db/client.ts';
import { canonicalJson } from '../kernel/audit/chain.ts';
import { recordEvent, type Actor } from '../kernel/audit/store.ts';
import { parseCsvTable } from '../kernel/csv.ts';
import { conflict, forbidden, invalid, notFound } from '../kernel/errors.ts';
import { text, type Text } from '../kernel/i18n.ts';
import { officeById, officeBySlug, staffById, type OfficeRow, type OfficeScope } from '../offices/store.ts';
import { profileFor, type RuleProfile } from './profiles.ts';
import { addWorkingDays, isIsoDay, localDateTime, type DeadlineResult, type HolidayKind, type OfficeCalendar } from './rules.ts';
import {
  calendarOf,
  closeDeadlineRow,
  deadlineInScope,
  deleteHolidayRow,
  holidayById,
  holidayOn,
  insertDeadline,
  insertHoliday,
  loadOfficeCalendar,
  lockCalendar,
  officeIdsBySlug,
  openDeadlines,
  rulePeriodsOf,
  setDeadlineDue,
  updateHolidayRow,
  type DeadlineRow,
  type HolidayRow,
  type HolidayValues,
} from './store.ts';

// ---------------------------------------------------------------------------------------------------
// Holidays

/** A national holiday is decreed for the whole country; a regional election day may be a local one. */
const NATIONAL_KINDS: readonly HolidayKind[] = ['libur_nasional', 'cuti_bersama', 'pemilu'];
const LOCAL_KINDS: readonly HolidayKind[] = ['lokal', 'pemilu'];
const MAX_TEXT = 200;
/** Holidays are entered for the years around now; a year outside this range is a typo such as 0226. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

export interface HolidayInput {
  /** null = national. */
  readonly officeId: number | null;
  readonly day: string;
  readonly kind: string;
  readonly name: string;
  readonly decree?: string;
}

export interface HolidayChange {
  readonly holiday: HolidayRow;
  /** Open deadlines whose due date moved. */
  readonly recomputed: number;
}

export async function addHoliday(db: Db, actor: Actor, input: HolidayInput): Promise<HolidayChange> {
  const values = normalise(input);
  return db.transaction(async (tx) => {
    await authorize(tx, actor, values.officeId);
    const problems = holidayProblems(values);
    if (Object.keys(problems).length > 0) throw invalid(problems);
    await lockCalendar(tx, 'exclusive');
    await checkOfficeExists(tx, values.officeId);
    if (await holidayOn(tx, values.officeId, values.day)) throw duplicate(values);
    const holiday = await insertRecorded(tx, actor, values);
    const recomputed = await recomputeOpenDeadlines(tx, actor, [holiday.officeId], { action: 'holiday.added', holidayId: holiday.id });
    return { holiday, recomputed };
  });
}

/** Changes day, kind, name or decree; the scope (national or which office) of a holiday never changes. */
export async function updateHoliday(db: Db, actor: Actor, id: number, changes: Partial<Omit<HolidayInput, 'officeId'>>): Promise<HolidayChange> {
  return db.transaction(async (tx) => {
    const current = await holidayById(tx, id);
    if (!current) throw holidayNotFound(id);
    await authorize(tx, actor, current.officeId);
    const values = normalise({
      officeId: current.officeId,
      day: changes.day ?? current.day,
      kind: changes.kind ?? current.kind,
      name: changes.name ?? current.name,
      decree: changes.decree ?? current.decree,
    });
    const problems = holidayProblems(values);
    if (Object.keys(problems).length > 0) throw invalid(problems);
    if (sameHoliday(current, values)) return { holiday: current, recomputed: 0 };
    await lockCalendar(tx, 'exclusive');
    if (values.day !== current.day && (await holidayOn(tx, values.officeId, values.day))) throw duplicate(values);
    const holiday = await updateRecorded(tx, actor, current, values);
    const recomputed = await recomputeOpenDeadlines(tx, actor, [holiday.officeId], { action: 'holiday.updated', holidayId: id });
    return { holiday, recomputed };
  });
}

export async function removeHoliday(db: Db, actor: Actor, id: number): Promise<HolidayChange> {
  return db.transaction(async (tx) => {
    const holiday = await holidayById(tx, id);
    if (!holiday) throw holidayNotFound(id);
    await authorize(tx, actor, holiday.officeId);
    await lockCalendar(tx, 'exclusive');
    await deleteHolidayRow(tx, id);
    await recordEvent(tx, actor, { officeId: holiday.officeId, action: 'holiday.removed', subjectType: 'holiday', subjectId: id, before: snapshot(holiday) });
    const recomputed = await recomputeOpenDeadlines(tx, actor, [holiday.officeId], { action: 'holiday.removed', holidayId: id });
    return { holiday, recomputed };
  });
}

export interface ImportResult {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Open deadlines whose due date moved. */
  readonly recomputed: number;
}

const CSV_COLUMNS = ['date', 'kind', 'name', 'decree'] as const;

/**
 * Imports `date,kind,name,decree[,office]` (office = an office slug, empty = national). All or nothing:
 * any bad row and nothing is written, with every problem listed by row. A day already holding a
 * holiday of the same scope is updated when it differs and counted unchanged when it does not.
 */
export async function importHolidaysCsv(db: Db, actor: Actor, csvText: string): Promise<ImportResult> {
  const rows = readHolidayCsv(csvText);
  return db.transaction(async (tx) => {
    await lockCalendar(tx, 'exclusive');
    const officeIds = await officeIdsBySlug(tx, rows.map((r) => r.office).filter((slug) => slug !== ''));
    for (const scope of new Set(rows.map((r) => (r.office === '' ? null : officeIds.get(r.office))))) {
      if (scope !== undefined) await authorize(tx, actor, scope);
    }

    const problems = new Map<number, Text[]>();
    const complain = (line: number, problem: Text) => problems.set(line, [...(problems.get(line) ?? []), problem]);
    const seen = new Map<string, number>();
    const planned: { values: HolidayValues; existing: HolidayRow | undefined }[] = [];
    for (const row of rows) {
      const officeId = row.office === '' ? null : officeIds.get(row.office);
      if (officeId === undefined) {
        complain(row.line, text(`Kantor "${row.office}" tidak ditemukan.`, `Office "${row.office}" not found.`));
        continue;
      }
      const values = normalise({ officeId, day: row.date, kind: row.kind, name: row.name, decree: row.decree });
      const fieldProblems = Object.values(holidayProblems(values));
      fieldProblems.forEach((p) => complain(row.line, p));
      if (fieldProblems.length > 0) continue;
      const key = `${officeId ?? 'national'} ${values.day}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        complain(row.line, text(`Tanggal ${values.day} sudah ada di baris ${earlier} untuk cakupan yang sama.`, `Date ${values.day} is already on row ${earlier} for the same scope.`));
        continue;
      }
      seen.set(key, row.line);
      planned.push({ values, existing: await holidayOn(tx, officeId, values.day) });
    }
    if (problems.size > 0) throw rowErrors(problems);

    let added = 0;
    let updated = 0;
    const touched = new Set<number | null>();
    for (const { values, existing } of planned) {
      if (existing && sameHoliday(existing, values)) continue;
      if (existing) {
        await updateRecorded(tx, actor, existing, values);
        updated++;
      } else {
        await insertRecorded(tx, actor, values);
        added++;
      }
      touched.add(values.officeId);
    }
    const recomputed = await recomputeOpenDeadlines(tx, actor, [...touched], { action: 'holidays.imported' });
    return { added, updated, unchanged: planned.length - added - updated, recomputed };
  });
}

interface HolidayCsvRow {
  readonly line: number;
  readonly date: string;
  readonly kind: string;
  readonly name: string;
  readonly decree: string;
  readonly office: string;
}

/** The file's structure: a wrong header or no rows stops here, before any row is judged. */
function readHolidayCsv(csvText: string): HolidayCsvRow[] {
  const { header, rows } = parseCsvTable(csvText);
  const expected: readonly string[] = [...CSV_COLUMNS, 'office'];
  const wrong = CSV_COLUMNS.some((c) => !header.includes(c)) || header.some((c) => !expected.includes(c)) || new Set(header).size !== header.length;
  if (wrong) {
    throw invalid(
      {
        header: text(
          `Baris judul harus berisi kolom date,kind,name,decree dan boleh ditambah office (sekarang: ${header.join(',') || 'kosong'}).`,
          `The header must have the columns date,kind,name,decree and optionally office (found: ${header.join(',') || 'nothing'}).`,
        ),
      },
      text('Tidak ada yang diimpor: baris judul CSV salah.', 'Nothing was imported: the CSV header is wrong.'),
    );
  }
  if (rows.length === 0) {
    throw invalid({ file: text('Berkas tidak berisi baris data.', 'The file has no data rows.') }, text('Tidak ada yang diimpor.', 'Nothing was imported.'));
  }
  return rows.map(({ line, cells }) => ({
    line,
    date: cells.date ?? '',
    kind: cells.kind ?? '',
    name: cells.name ?? '',
    decree: cells.decree ?? '',
    office: cells.office ?? '',
  }));
}

/** One bilingual message per row, rows in file order; the row number is in the text so it survives any display. */
function rowErrors(problems: ReadonlyMap<number, readonly Text[]>) {
  const fields: Record<string, Text> = {};
  for (const [line, list] of [...problems].sort(([a], [b]) => a - b)) {
    fields[`row ${line}`] = text(`Baris ${line}: ${list.map((p) => p.id).join(' ')}`, `Row ${line}: ${list.map((p) => p.en).join(' ')}`);
  }
  const count = problems.size;
  return invalid(fields, text(`Tidak ada yang diimpor: ${count} baris bermasalah.`, `Nothing was imported: ${count} row${count === 1 ? ' has' : 's have'} problems.`));
}

function normalise(input: HolidayInput): HolidayValues {
  return { officeId: input.officeId, day: input.day.trim(), kind: input.kind.trim(), name: input.name.trim(), decree: (input.decree ?? '').trim() };
}

function holidayProblems(values: HolidayValues): Record<string, Text> {
  const problems: Record<string, Text> = {};
  const year = Number(values.day.slice(0, 4));
  if (!isIsoDay(values.day) || year < FIRST_YEAR || year > LAST_YEAR) {
    problems.day = text(
      `Tanggal "${values.day}" harus tanggal yang sah berformat YYYY-MM-DD, tahun ${FIRST_YEAR}–${LAST_YEAR}, mis. 2026-08-17.`,
      `Date "${values.day}" must be a real YYYY-MM-DD date in ${FIRST_YEAR}–${LAST_YEAR}, e.g. 2026-08-17.`,
    );
  }
  const allowed = values.officeId === null ? NATIONAL_KINDS : LOCAL_KINDS;
  if (!(allowed as readonly string[]).includes(values.kind)) {
    problems.kind =
      values.officeId === null
        ? text(`Jenis "${values.kind}" tidak berlaku untuk libur nasional; pilih ${allowed.join(', ')}.`, `Kind "${values.kind}" is not valid for a national holiday; use ${allowed.join(', ')}.`)
        : text(`Jenis "${values.kind}" tidak berlaku untuk libur kantor; pilih ${allowed.join(', ')}.`, `Kind "${values.kind}" is not valid for an office's own holiday; use ${allowed.join(', ')}.`);
  }
  if (values.name === '') problems.name = text('Nama hari libur wajib diisi.', 'The holiday needs a name.');
  else if (values.name.length > MAX_TEXT) problems.name = text(`Nama hari libur paling panjang ${MAX_TEXT} karakter.`, `The holiday name may be at most ${MAX_TEXT} characters.`);
  if (values.decree.length > MAX_TEXT) problems.decree = text(`Dasar penetapan paling panjang ${MAX_TEXT} karakter.`, `The decree may be at most ${MAX_TEXT} characters.`);
  return problems;
}

async function insertRecorded(tx: Tx, actor: Actor, values: HolidayValues): Promise<HolidayRow> {
  const holiday = await insertHoliday(tx, values);
  await recordEvent(tx, actor, { officeId: holiday.officeId, action: 'holiday.added', subjectType: 'holiday', subjectId: holiday.id, after: snapshot(holiday) });
  return holiday;
}

async function updateRecorded(tx: Tx, actor: Actor, current: HolidayRow, values: HolidayValues): Promise<HolidayRow> {
  const holiday = await updateHolidayRow(tx, current.id, values);
  await recordEvent(tx, actor, {
    officeId: holiday.officeId,
    action: 'holiday.updated',
    subjectType: 'holiday',
    subjectId: holiday.id,
    before: snapshot(current),
    after: snapshot(holiday),
  });
  return holiday;
}

function sameHoliday(row: HolidayRow, values: HolidayValues): boolean {
  return row.day === values.day && row.kind === values.kind && row.name === values.name && row.decree === values.decree;
}

function snapshot(row: HolidayRow): HolidayValues {
  return { officeId: row.officeId, day: row.day, kind: row.kind, name: row.name, decree: row.decree };
}

function duplicate(values: HolidayValues) {
  return conflict(
    values.officeId === null
      ? text(`Sudah ada libur nasional pada ${values.day}; ubah yang ada.`, `There is already a national holiday on ${values.day}; edit that one.`)
      : text(`Kantor ini sudah punya hari libur pada ${values.day}; ubah yang ada.`, `This office already has a holiday on ${values.day}; edit that one.`),
  );
}

function holidayNotFound(id: number) {
  return notFound(text(`Hari libur nomor ${id} tidak ditemukan.`, `Holiday ${id} not found.`));
}

async function checkOfficeExists(exec: Executor, officeId: number | null): Promise<void> {
  if (officeId !== null && !(await officeById(exec, officeId))) throw notFound(text(`Kantor nomor ${officeId} tidak ditemukan.`, `Office ${officeId} not found.`));
}

/**
 * National holidays are the system administrator's; an office's own holidays are also its office
 * administrator's. An actor without a staff id is the installation itself (CLI, jobs), run by whoever
 * operates the server and so with a system administrator's authority.
 */
async function authorize(exec: Executor, actor: Actor, officeId: number | null): Promise<void> {
  if (actor.staffId === null) return;
  const person = await staffById(exec, actor.staffId);
  if (person?.active && person.roles.includes('system_admin')) return;
  if (person?.active && officeId !== null && person.officeId === officeId && person.roles.includes('office_admin')) return;
  throw forbidden(
    officeId === null
      ? text('Libur nasional hanya dapat diubah oleh Admin Sistem.', 'Only a system administrator can change national holidays.')
      : text('Hari libur kantor hanya dapat diubah oleh Admin Kantor itu atau Admin Sistem.', "An office's holidays can be changed only by that office's administrator or a system administrator."),
  );
}

// ---------------------------------------------------------------------------------------------------
// Deadlines

export interface StartDeadlineInput {
  readonly officeId: number;
  /** What the clock runs for, e.g. 'request' and its id. */
  readonly subjectType: string;
  readonly subjectId: string | number;
  /** Which clock, e.g. 'request_notice' (see PURPOSES in profiles.ts). */
  readonly purpose: string;
  readonly startAt: Date;
  readonly workingDays: number;
}

/**
 * Starts a legal clock: computes the due date, stores it with how it was counted, and records the event.
 * Call it before recording any other audit event in the transaction: it takes the calendar lock, and
 * holiday changes take that lock before the audit chains, so the same order here avoids a deadlock.
 */
export async function startDeadline(tx: Tx, actor: Actor, input: StartDeadlineInput): Promise<DeadlineRow> {
  await lockCalendar(tx, 'shared');
  const calendar = await loadOfficeCalendar(tx, input.officeId);
  const result = addWorkingDays({ receivedAt: input.startAt, workingDays: input.workingDays, calendar });
  const row = await insertDeadline(tx, {
    officeId: input.officeId,
    subjectType: input.subjectType,
    subjectId: String(input.subjectId),
    purpose: input.purpose,
    startAt: input.startAt,
    workingDays: input.workingDays,
    due: result.due,
    explanation: result,
  });
  await recordEvent(tx, actor, {
    officeId: row.officeId,
    action: 'deadline.started',
    subjectType: 'deadline',
    subjectId: row.id,
    after: { subjectType: row.subjectType, subjectId: row.subjectId, purpose: row.purpose, startAt: row.startAt, workingDays: row.workingDays, due: row.due },
  });
  return row;
}

/** Stops a clock (the notice was sent, the objection answered). A closed deadline is never recomputed. */
export async function closeDeadline(tx: Tx, actor: Actor, scope: OfficeScope, id: number, closedAt: Date = new Date()): Promise<DeadlineRow> {
  const row = await closeDeadlineRow(tx, scope, id, closedAt);
  if (!row) {
    throw (await deadlineInScope(tx, scope, id))
      ? conflict(text('Tenggat ini sudah ditutup.', 'This deadline is already closed.'))
      : notFound(text(`Tenggat nomor ${id} tidak ditemukan.`, `Deadline ${id} not found.`));
  }
  await recordEvent(tx, actor, { officeId: row.officeId, action: 'deadline.closed', subjectType: 'deadline', subjectId: row.id, before: { closedAt: null }, after: { closedAt: row.closedAt } });
  return row;
}

/**
 * Recounts every open deadline of the offices whose holidays changed (null: national, so every office).
 * The holidays are today's; the office hours, zone and after-hours rule stay those stored with the
 * deadline, because they decided day zero when the request arrived. A moved due date is recorded; an
 * explanation that changed without moving the date (a holiday on a weekend, a renamed holiday) is
 * refreshed so it stays true.
 */
async function recomputeOpenDeadlines(
  tx: Tx,
  actor: Actor,
  changedScopes: readonly (number | null)[],
  cause: { action: string; holidayId?: number },
): Promise<number> {
  if (changedScopes.length === 0) return 0;
  // A national holiday (scope null) is on every office's calendar.
  const scope = changedScopes.includes(null) ? 'all' : changedScopes.filter((id) => id !== null);
  const calendars = new Map<number, OfficeCalendar>();
  let moved = 0;
  for (const row of await openDeadlines(tx, scope)) {
    let calendar = calendars.get(row.officeId);
    if (!calendar) {
      calendar = await loadOfficeCalendar(tx, row.officeId);
      calendars.set(row.officeId, calendar);
    }
    const stored = row.explanation as DeadlineResult;
    const result = addWorkingDays({ receivedAt: row.startAt, workingDays: row.workingDays, calendar: { ...calendar, ...stored.rules } });
    if (canonicalJson(result) === canonicalJson(stored)) continue;
    await setDeadlineDue(tx, row.id, result.due, result);
    if (result.due === row.due) continue;
    moved++;
    await recordEvent(tx, actor, {
      officeId: row.officeId,
      action: 'deadline.recomputed',
      subjectType: 'deadline',
      subjectId: row.id,
      before: { due: row.due },
      after: { due: result.due, cause },
    });
  }
  return moved;
}

export interface OfficeDeadline {
  readonly office: OfficeRow;
  /** The profile that gave the number of working days; undefined when the caller gave it. */
  readonly profile: RuleProfile | undefined;
  readonly result: DeadlineResult;
}

/**
 * What the deadline for a request received at `receivedAt` would be at an office, without storing it.
 * Without `workingDays`, the request-notice period of the profile in force on the local day of receipt.
 */
export async function computeDeadlineForOffice(exec: Executor, officeSlug: string, receivedAt: Date, workingDays?: number): Promise<OfficeDeadline> {
  const office = await officeBySlug(exec, officeSlug);
  if (!office) throw notFound(text(`Kantor dengan slug "${officeSlug}" tidak ditemukan.`, `No office has the slug "${officeSlug}".`));
  const calendar = await calendarOf(exec, office);
  if (workingDays !== undefined) return { office, profile: undefined, result: addWorkingDays({ receivedAt, workingDays, calendar }) };
  const profile = profileFor(await rulePeriodsOf(exec, office.id), localDateTime(receivedAt, office.timeZone).day);
  return { office, profile, result: addWorkingDays({ receivedAt, workingDays: profile.workingDays.request_notice, calendar }) };
}
