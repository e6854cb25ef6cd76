import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { deadlines, holidays, offices, rulePeriods } from '../db/schema.ts';
import { notFound } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { officeById, type OfficeRow, type OfficeScope } from '../offices/store.ts';
import type { RulePeriod } from './profiles.ts';
import type { AfterHoursRule, DeadlineResult, HolidayKind, OfficeCalendar } from './rules.ts';

export type HolidayRow = typeof holidays.$inferSelect;
export type DeadlineRow = typeof deadlines.$inferSelect;
export type HolidayValues = Pick<HolidayRow, 'officeId' | 'day' | 'kind' | 'name' | 'decree'>;

/** Arbitrary constant naming the holiday calendar among PostgreSQL advisory locks. */
const CALENDAR_LOCK_KEY = 7_242_016;

/**
 * Holiday changes take the calendar lock exclusively and starting a deadline takes it shared. A deadline
 * computed while a holiday change is in flight would otherwise miss both the new calendar and the
 * recomputation, which only sees deadlines committed before it.
 */
export async function lockCalendar(exec: Executor, mode: 'shared' | 'exclusive'): Promise<void> {
  if (mode === 'shared') await exec.execute(sql`SELECT pg_advisory_xact_lock_shared(${CALENDAR_LOCK_KEY})`);
  else await exec.execute(sql`SELECT pg_advisory_xact_lock(${CALENDAR_LOCK_KEY})`);
}

/** National holidays plus the office's own, with the office's hours and zone. */
export async function loadOfficeCalendar(exec: Executor, officeId: number): Promise<OfficeCalendar> {
  const office = await officeById(exec, officeId);
  if (!office) throw notFound(text(`Kantor nomor ${officeId} tidak ditemukan.`, `Office ${officeId} not found.`));
  return calendarOf(exec, office);
}

export async function calendarOf(exec: Executor, office: OfficeRow): Promise<OfficeCalendar> {
  const rows = await exec
    .select({ day: holidays.day, kind: holidays.kind, name: holidays.name, officeId: holidays.officeId })
    .from(holidays)
    .where(or(isNull(holidays.officeId), eq(holidays.officeId, office.id)))
    .orderBy(asc(holidays.day));
  const years = new Set(rows.filter((r) => r.officeId === null).map((r) => Number(r.day.slice(0, 4))));
  return {
    timeZone: office.timeZone,
    hoursStart: office.hoursStart,
    hoursEnd: office.hoursEnd,
    // Both text columns are written only through validated input (the offices service, this module).
    afterHoursRule: office.afterHoursRule as AfterHoursRule,
    holidays: rows.map((r) => ({ ...r, kind: r.kind as HolidayKind })),
    yearsWithNationalData: [...years].sort((a, b) => a - b),
  };
}

/** The year's national holidays, plus the office's local ones when an office is given; by day, national first. */
export function listHolidays(exec: Executor, filter: { year: number; officeId?: number | undefined }): Promise<HolidayRow[]> {
  const scope = filter.officeId === undefined ? isNull(holidays.officeId) : or(isNull(holidays.officeId), eq(holidays.officeId, filter.officeId));
  return exec
    .select()
    .from(holidays)
    .where(and(scope, gte(holidays.day, `${filter.year}-01-01`), lte(holidays.day, `${filter.year}-12-31`)))
    .orderBy(asc(holidays.day), sql`${holidays.officeId} NULLS FIRST`, asc(holidays.id));
}

export async function holidayById(exec: Executor, id: number): Promise<HolidayRow | undefined> {
  const [row] = await exec.select().from(holidays).where(eq(holidays.id, id));
  return row;
}

/** The holiday of one scope (null = national) on a day: there is at most one (holidays_scope_day_key). */
export async function holidayOn(exec: Executor, officeId: number | null, day: string): Promise<HolidayRow | undefined> {
  const [row] = await exec
    .select()
    .from(holidays)
    .where(and(officeId === null ? isNull(holidays.officeId) : eq(holidays.officeId, officeId), eq(holidays.day, day)));
  return row;
}

export async function insertHoliday(exec: Executor, values: HolidayValues): Promise<HolidayRow> {
  const [row] = await exec.insert(holidays).values(values).returning();
  return row!;
}

export async function updateHolidayRow(exec: Executor, id: number, values: Omit<HolidayValues, 'officeId'>): Promise<HolidayRow> {
  const [row] = await exec.update(holidays).set(values).where(eq(holidays.id, id)).returning();
  return row!;
}

export async function deleteHolidayRow(exec: Executor, id: number): Promise<void> {
  await exec.delete(holidays).where(eq(holidays.id, id));
}

/** Open deadlines of the given offices, or of every office. */
export function openDeadlines(exec: Executor, officeIds: readonly number[] | 'all'): Promise<DeadlineRow[]> {
  const open = isNull(deadlines.closedAt);
  return exec
    .select()
    .from(deadlines)
    .where(officeIds === 'all' ? open : and(open, inArray(deadlines.officeId, [...officeIds])))
    .orderBy(asc(deadlines.officeId), asc(deadlines.id));
}

export async function insertDeadline(
  exec: Executor,
  values: Pick<DeadlineRow, 'officeId' | 'subjectType' | 'subjectId' | 'purpose' | 'startAt' | 'workingDays' | 'due'> & { explanation: DeadlineResult },
): Promise<DeadlineRow> {
  const [row] = await exec.insert(deadlines).values(values).returning();
  return row!;
}

export async function setDeadlineDue(exec: Executor, id: number, due: string, explanation: DeadlineResult): Promise<void> {
  await exec.update(deadlines).set({ due, explanation }).where(eq(deadlines.id, id));
}

export async function deadlineInScope(exec: Executor, scope: OfficeScope, id: number): Promise<DeadlineRow | undefined> {
  const [row] = await exec.select().from(deadlines).where(and(eq(deadlines.id, id), eq(deadlines.officeId, scope.officeId)));
  return row;
}

/** Closes an open deadline of the office; undefined when there is none to close. */
export async function closeDeadlineRow(exec: Executor, scope: OfficeScope, id: number, closedAt: Date): Promise<DeadlineRow | undefined> {
  const [row] = await exec
    .update(deadlines)
    .set({ closedAt })
    .where(and(eq(deadlines.id, id), eq(deadlines.officeId, scope.officeId), isNull(deadlines.closedAt)))
    .returning();
  return row;
}

/** Office ids by slug, for the slugs that exist. */
export async function officeIdsBySlug(exec: Executor, slugs: readonly string[]): Promise<Map<string, number>> {
  if (slugs.length === 0) return new Map();
  const rows = await exec.select({ id: offices.id, slug: offices.slug }).from(offices).where(inArray(offices.slug, [...new Set(slugs)]));
  return new Map(rows.map((r) => [r.slug, r.id]));
}

export function rulePeriodsOf(exec: Executor, officeId: number): Promise<RulePeriod[]> {
  return exec
    .select({ profile: rulePeriods.profile, startsOn: rulePeriods.startsOn, endsOn: rulePeriods.endsOn })
    .from(rulePeriods)
    .where(eq(rulePeriods.officeId, officeId))
    .orderBy(asc(rulePeriods.startsOn), asc(rulePeriods.id));
}
