import { and, asc, count, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { addDays, instantAt, type OfficeCalendar } from '../calendar/rules.ts';
import { calendarOf } from '../calendar/store.ts';
import type { Executor } from '../db/client.ts';
import { auditEvents, deadlines, dispositions, requests, staff, units } from '../db/schema.ts';
import type { OfficeRow } from '../offices/store.ts';
import { caseFigures, disputeRows, objectionRegisterRows, type CaseFigures, type DisputeListRow, type ObjectionRegisterRow } from '../objections/register.ts';
import {
  monthlyFigures,
  officerLines,
  outcomesOf,
  QUICK_PATH_ACTIONS,
  registerRow,
  supervisionFigures,
  type DeskEvent,
  type DispositionFacts,
  type MonthlyFigures,
  type MonthPeriod,
  type OfficerLine,
  type RegisterFilter,
  type RegisterRow,
  type SupervisionFigures,
} from './rules.ts';

/**
 * The register of information service, read from the requests table and what hangs off it
 * (deadlines, dispositions). Nothing here is typed in: every row is derived, and the supervision view
 * and the monthly report are computed from these same rows.
 */

/** The most rows one export carries; a wider filter is stated as cut short in the file itself. */
export const EXPORT_LIMIT = 5000;

const midnight = (day: string, zone: string) => instantAt(day, '00:00', zone);

function filterConditions(office: OfficeRow, filter: RegisterFilter): SQL {
  const outcomes = filter.decision ? outcomesOf(filter.decision) : [];
  const named = outcomes.filter((o): o is NonNullable<typeof o> => o !== null);
  return and(
    eq(requests.officeId, office.id),
    filter.from ? gte(requests.receivedAt, midnight(filter.from, office.timeZone)) : undefined,
    filter.to ? lt(requests.receivedAt, midnight(addDays(filter.to, 1), office.timeZone)) : undefined,
    filter.status ? eq(requests.status, filter.status) : undefined,
    filter.channel ? eq(requests.channel, filter.channel) : undefined,
    filter.decision ? or(named.length > 0 ? inArray(requests.outcome, named) : undefined, outcomes.includes(null) ? isNull(requests.outcome) : undefined) : undefined,
  )!;
}

export async function registerCount(exec: Executor, office: OfficeRow, filter: RegisterFilter): Promise<number> {
  const [row] = await exec.select({ n: count() }).from(requests).where(filterConditions(office, filter));
  return Number(row?.n ?? 0);
}

/** The register rows for a filter, oldest first and numbered from 1 (or from `page.offset + 1`). */
export function registerRows(exec: Executor, office: OfficeRow, filter: RegisterFilter, page?: { offset: number; limit: number }): Promise<RegisterRow[]> {
  return rowsWhere(exec, office, filterConditions(office, filter), page);
}

const REQUEST_COLUMNS = {
  id: requests.id,
  number: requests.number,
  receivedAt: requests.receivedAt,
  channel: requests.channel,
  applicantType: requests.applicantType,
  name: requests.name,
  proxyName: requests.proxyName,
  address: requests.address,
  phone: requests.phone,
  email: requests.email,
  occupation: requests.occupation,
  nik: requests.nik,
  legalNumber: requests.legalNumber,
  information: requests.information,
  purpose: requests.purpose,
  obtainMethod: requests.obtainMethod,
  status: requests.status,
  outcome: requests.outcome,
  decision: requests.decision,
  decidedAt: requests.decidedAt,
  decidedBy: requests.decidedBy,
  deliveredAt: requests.deliveredAt,
  paymentMethod: requests.paymentMethod,
  missing: requests.missing,
  createdBy: requests.createdBy,
  deadlineId: requests.deadlineId,
  extensionDeadlineId: requests.extensionDeadlineId,
  extensionReason: requests.extensionReason,
  reopenDeadlineId: requests.reopenDeadlineId,
};

/** Ids in slices, so that a long month stays within the drivers' parameter limits. */
async function inSlices<T>(ids: readonly number[], load: (slice: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 1000) out.push(...(await load(ids.slice(i, i + 1000))));
  return out;
}

async function rowsWhere(exec: Executor, office: OfficeRow, where: SQL, page?: { offset: number; limit: number }): Promise<RegisterRow[]> {
  const base = exec.select(REQUEST_COLUMNS).from(requests).where(where).orderBy(asc(requests.receivedAt), asc(requests.id));
  const found = page ? await base.offset(page.offset).limit(page.limit) : await base;
  if (found.length === 0) return [];
  const ids = found.map((r) => r.id);
  const deadlineIds = found.flatMap((r) => [r.deadlineId, r.extensionDeadlineId, r.reopenDeadlineId]).filter((id): id is number => id !== null);
  const [clocks, assigned] = await Promise.all([
    inSlices(deadlineIds, (slice) =>
      exec
        .select({ id: deadlines.id, due: deadlines.due, dayZero: sql<string | null>`${deadlines.explanation}->>'dayZero'` })
        .from(deadlines)
        .where(and(eq(deadlines.officeId, office.id), inArray(deadlines.id, slice))),
    ),
    inSlices(ids, (slice) =>
      exec
        .select({
          requestId: dispositions.requestId,
          target: dispositions.target,
          unitName: units.name,
          status: dispositions.status,
          answer: dispositions.answer,
          holder: dispositions.holder,
          expectedOn: dispositions.expectedOn,
        })
        .from(dispositions)
        .leftJoin(units, eq(units.id, dispositions.unitId))
        .where(and(eq(dispositions.officeId, office.id), inArray(dispositions.requestId, slice)))
        .orderBy(asc(dispositions.id)),
    ),
  ]);
  const clockById = new Map(clocks.map((c) => [c.id, c]));
  const byRequest = new Map<number, DispositionFacts[]>();
  for (const d of assigned) {
    const list = byRequest.get(d.requestId) ?? [];
    list.push(d);
    byRequest.set(d.requestId, list);
  }
  const first = page?.offset ?? 0;
  return found.map((request, i) => {
    const notice = request.deadlineId === null ? undefined : clockById.get(request.deadlineId);
    const extension = request.extensionDeadlineId === null ? undefined : clockById.get(request.extensionDeadlineId);
    const reopened = request.reopenDeadlineId === null ? undefined : clockById.get(request.reopenDeadlineId);
    return registerRow({ request, dispositions: byRequest.get(request.id) ?? [], notice, extension, reopened }, first + i + 1, office.timeZone);
  });
}

// ---------------------------------------------------------------------------------------------------
// Daily supervision

export interface LateDisposition {
  readonly id: number;
  readonly requestId: number;
  readonly number: string;
  readonly unitName: string | null;
  readonly dueOn: string;
}

export interface Supervision {
  readonly figures: SupervisionFigures;
  readonly calendar: OfficeCalendar;
  readonly officers: OfficerLine[];
  readonly names: ReadonlyMap<number, string>;
  readonly lateDispositions: LateDisposition[];
}

/**
 * The PPID's view of one day: the register rows of every request received by the end of the day and
 * not answered before it began, the desk's audit events for them, and unit dispositions still open
 * past their date.
 */
export async function supervision(exec: Executor, office: OfficeRow, day: string): Promise<Supervision> {
  const start = midnight(day, office.timeZone);
  const end = midnight(addDays(day, 1), office.timeZone);
  const stillOpenAtEnd = or(isNull(requests.decidedAt), gte(requests.decidedAt, end));
  const [rows, calendar] = await Promise.all([
    rowsWhere(exec, office, and(eq(requests.officeId, office.id), lt(requests.receivedAt, end), or(isNull(requests.decidedAt), gte(requests.decidedAt, start)))!),
    calendarOf(exec, office),
  ]);
  const figures = supervisionFigures(rows, day, calendar);
  const touched = [...new Set([...figures.intake, ...figures.answered].map((r) => String(r.id)))];
  const [events, people, late] = await Promise.all([
    touched.length === 0
      ? Promise.resolve([])
      : exec
          .select({ subjectId: auditEvents.subjectId, action: auditEvents.action, actorId: auditEvents.actorId, after: auditEvents.after })
          .from(auditEvents)
          .where(
            and(
              eq(auditEvents.officeId, office.id),
              eq(auditEvents.subjectType, 'request'),
              inArray(auditEvents.subjectId, touched),
              inArray(auditEvents.action, ['request.received', ...QUICK_PATH_ACTIONS]),
            ),
          ),
    exec.select({ id: staff.id, name: staff.name }).from(staff).where(eq(staff.officeId, office.id)),
    exec
      .select({ id: dispositions.id, requestId: dispositions.requestId, number: requests.number, unitName: units.name, dueOn: dispositions.dueOn })
      .from(dispositions)
      .innerJoin(requests, eq(requests.id, dispositions.requestId))
      .leftJoin(units, eq(units.id, dispositions.unitId))
      .where(
        and(
          eq(dispositions.officeId, office.id),
          eq(requests.officeId, office.id),
          eq(dispositions.target, 'unit'),
          // A disposition is dated on or after the day it is made, so one due before `day` existed by then.
          lt(dispositions.dueOn, day),
          // Not answered by then: still open, or closed unanswered when the notice was issued later.
          or(isNull(dispositions.answeredAt), gte(dispositions.answeredAt, end)),
          stillOpenAtEnd,
        ),
      )
      .orderBy(asc(dispositions.dueOn), asc(dispositions.id)),
  ]);
  const deskEvents: DeskEvent[] = events.map((e) => {
    const after = (e.after && typeof e.after === 'object' ? e.after : {}) as Record<string, unknown>;
    const minutes = e.action === 'request.received' ? after.intakeMinutes : after.minutes;
    return {
      requestId: Number(e.subjectId),
      action: e.action,
      actorId: e.actorId,
      minutes: typeof minutes === 'number' ? minutes : null,
      sopMinutes: typeof after.sopMinutes === 'number' ? after.sopMinutes : null,
    };
  });
  return { figures, calendar, officers: officerLines(figures, deskEvents), names: new Map(people.map((p) => [p.id, p.name])), lateDispositions: late };
}

// ---------------------------------------------------------------------------------------------------
// Monthly report

export interface MonthlyReport {
  readonly period: MonthPeriod;
  readonly filter: RegisterFilter;
  /** The register rows of the month: exactly what /desk/register shows for the same dates. */
  readonly rows: RegisterRow[];
  readonly figures: MonthlyFigures;
  /** The month's objections and disputes: what /desk/keberatan and /desk/sengketa show for the same dates. */
  readonly cases: {
    readonly objections: ObjectionRegisterRow[];
    readonly disputes: DisputeListRow[];
    readonly figures: CaseFigures;
  };
}

/** The month's figures, computed from the month's register rows (requests, objections, disputes) and nothing else. */
export async function monthlyReport(exec: Executor, office: OfficeRow, period: MonthPeriod, today: string): Promise<MonthlyReport> {
  const filter: RegisterFilter = { from: period.from, to: period.to, status: '', channel: '', decision: '' };
  const scope = { officeId: office.id };
  const [rows, calendar, objections, disputes] = await Promise.all([
    registerRows(exec, office, filter),
    calendarOf(exec, office),
    objectionRegisterRows(exec, scope, { from: period.from, to: period.to, status: '', ground: '' }),
    disputeRows(exec, scope, { from: period.from, to: period.to, stage: '' }, { today }),
  ]);
  return {
    period,
    filter,
    rows,
    figures: monthlyFigures(rows, period.to, today, calendar),
    cases: { objections, disputes, figures: caseFigures(objections, disputes, period.to, today) },
  };
}
