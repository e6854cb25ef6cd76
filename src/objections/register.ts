import { and, asc, count, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { addDays, instantAt } from '../calendar/rules.ts';
import type { Executor } from '../db/client.ts';
import { deadlines, disputes, letters, objections, requests, staff } from '../db/schema.ts';
import { formatDay, formatMoment, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import { todayIn } from '../offices/portal.tsx';
import { officeById, type OfficeRow, type OfficeScope } from '../offices/store.ts';
import { checkRegisterFilter, localDay, monthLabel, NONE, type FigureLine, type FigureSection } from '../reports/rules.ts';
import {
  DISPUTE_OUTCOME_LABELS,
  DISPUTE_OUTCOMES,
  DISPUTE_STAGE_LABELS,
  GROUND_LABELS,
  GROUNDS,
  isDisputeOutcome,
  isDisputeStage,
  isGround,
  isResponse,
  OBJECTION_STATUS_LABELS,
  OBJECTION_STATUSES,
  RESPONSE_LABELS,
  type DisputeOutcome,
  type DisputeStage,
  type Ground,
  type ObjectionResponse,
  type ObjectionStatus,
} from './rules.ts';

/**
 * The register keberatan (DOMAIN.md §6) and the list of disputes, derived from the objections,
 * disputes, requests, staff, deadlines and letters rows: nothing here is typed in, and the monthly
 * report's objection figures are counted from these same rows. No NIK is read.
 */

// ---------------------------------------------------------------------------------------------------
// Filters

export interface ObjectionRegisterFilter {
  /** Received on or after this day (office zone); '' = no lower bound. */
  readonly from: string;
  /** Received on or before this day; '' = no upper bound. */
  readonly to: string;
  readonly status: ObjectionStatus | '';
  readonly ground: Ground | '';
}

export interface DisputeFilter {
  /** Filed at the commission on or after this day; '' = no lower bound. */
  readonly from: string;
  readonly to: string;
  readonly stage: DisputeStage | '';
}

export const OBJECTION_FILTER_KEYS = ['from', 'to', 'status', 'ground'] as const;
export const DISPUTE_FILTER_KEYS = ['from', 'to', 'stage'] as const;
export type ObjectionFilterForm = Readonly<Record<(typeof OBJECTION_FILTER_KEYS)[number], string>>;
export type DisputeFilterForm = Readonly<Record<(typeof DISPUTE_FILTER_KEYS)[number], string>>;

type Checked<F> = { readonly ok: true; readonly filter: F } | { readonly ok: false; readonly problems: Record<string, Text> };

/** Objections and disputes are few: a first visit shows the year so far rather than one month. */
export function defaultCaseFilter(today: string): { from: string; to: string } {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** The period checked exactly as the request register checks it, so both pages refuse the same dates. */
function checkPeriod(form: { from: string; to: string }, problems: Record<string, Text>): { from: string; to: string } {
  const checked = checkRegisterFilter({ from: form.from, to: form.to, status: '', channel: '', decision: '' });
  if (checked.ok) return { from: checked.filter.from, to: checked.filter.to };
  Object.assign(problems, checked.problems);
  return { from: '', to: '' };
}

const CHOOSE = text('Pilih salah satu pilihan yang tersedia.', 'Choose one of the options offered.');

function pick<T extends string>(value: string, valid: (v: unknown) => v is T, key: string, problems: Record<string, Text>): T | '' {
  const v = value.trim();
  if (!v) return '';
  if (valid(v)) return v;
  problems[key] = CHOOSE;
  return '';
}

const isObjectionStatus = (v: unknown): v is ObjectionStatus => typeof v === 'string' && (OBJECTION_STATUSES as readonly string[]).includes(v);

export function checkObjectionFilter(form: ObjectionFilterForm): Checked<ObjectionRegisterFilter> {
  const problems: Record<string, Text> = {};
  const period = checkPeriod(form, problems);
  const status = pick(form.status, isObjectionStatus, 'status', problems);
  const ground = pick(form.ground, isGround, 'ground', problems);
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, filter: { ...period, status, ground } };
}

export function checkDisputeFilter(form: DisputeFilterForm): Checked<DisputeFilter> {
  const problems: Record<string, Text> = {};
  const period = checkPeriod(form, problems);
  const stage = pick(form.stage, isDisputeStage, 'stage', problems);
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, filter: { ...period, stage } };
}

function describePeriod(lang: Lang, from: string, to: string, what: Text): string {
  const period =
    from && to
      ? `${formatDay(lang, from, false)} – ${formatDay(lang, to, false)}`
      : from
        ? t(lang, text(`sejak ${formatDay('id', from, false)}`, `from ${formatDay('en', from, false)}`))
        : to
          ? t(lang, text(`sampai ${formatDay('id', to, false)}`, `until ${formatDay('en', to, false)}`))
          : t(lang, text('semua tanggal', 'all dates'));
  return `${t(lang, what)}: ${period}`;
}

const ALL = text('semua', 'all');

/** The filter in words, as the page, the PDF and the spreadsheet state it. */
export function describeObjectionFilter(filter: ObjectionRegisterFilter, lang: Lang): string {
  return [
    describePeriod(lang, filter.from, filter.to, text('Tanggal diterima', 'Received')),
    `${t(lang, text('Status', 'Status'))}: ${t(lang, filter.status ? OBJECTION_STATUS_LABELS[filter.status] : ALL)}`,
    `${t(lang, text('Alasan', 'Ground'))}: ${t(lang, filter.ground ? GROUND_LABELS[filter.ground] : ALL)}`,
  ].join('; ');
}

export function describeDisputeFilter(filter: DisputeFilter, lang: Lang): string {
  return [
    describePeriod(lang, filter.from, filter.to, text('Tanggal diajukan', 'Filed')),
    `${t(lang, text('Tahap', 'Stage'))}: ${t(lang, filter.stage ? DISPUTE_STAGE_LABELS[filter.stage] : ALL)}`,
  ].join('; ');
}

function query(pairs: readonly (readonly [string, string])[], extra: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [k, v] of [...pairs, ...Object.entries(extra)]) params.set(k, v);
  return params.toString();
}

/** A filter as a query string, for links to the exports and to other pages of the list. */
export function objectionFilterQuery(filter: ObjectionRegisterFilter, extra: Record<string, string> = {}): string {
  return query(OBJECTION_FILTER_KEYS.map((k) => [k, filter[k]] as const), extra);
}

export function disputeFilterQuery(filter: DisputeFilter, extra: Record<string, string> = {}): string {
  return query(DISPUTE_FILTER_KEYS.map((k) => [k, filter[k]] as const), extra);
}

// ---------------------------------------------------------------------------------------------------
// The register keberatan

/** One line of the register keberatan (DOMAIN.md §6 columns, plus the status and the answer's due date). */
export interface ObjectionRegisterRow {
  readonly no: number;
  readonly id: number;
  readonly number: string;
  readonly receivedAt: Date;
  readonly receivedDay: string;
  readonly channel: 'online' | 'desk';
  /** Filed after the 30-working-day window; the reason is on the objection's page. */
  readonly late: boolean;
  readonly applicantName: string;
  readonly proxyName: string;
  readonly requestId: number;
  readonly requestNumber: string;
  readonly information: string;
  readonly purpose: string;
  readonly grounds: readonly Ground[];
  readonly status: ObjectionStatus;
  /** The Atasan PPID's 30-working-day answer deadline. */
  readonly answerDue: string | null;
  readonly decidedAt: Date | null;
  readonly decidedDay: string | null;
  /** Decided or withdrawn: the day the answer clock stopped. */
  readonly endedDay: string | null;
  readonly letterNumber: string | null;
  readonly atasanName: string;
  readonly atasanPosition: string;
  readonly response: ObjectionResponse | null;
  readonly respondedDay: string | null;
}

const midnight = (day: string, zone: string) => instantAt(day, '00:00', zone);

function objectionConditions(office: OfficeRow, filter: ObjectionRegisterFilter): SQL {
  return and(
    eq(objections.officeId, office.id),
    filter.from ? gte(objections.receivedAt, midnight(filter.from, office.timeZone)) : undefined,
    filter.to ? lt(objections.receivedAt, midnight(addDays(filter.to, 1), office.timeZone)) : undefined,
    filter.status ? eq(objections.status, filter.status) : undefined,
    filter.ground ? sql`${filter.ground} = any(${objections.grounds})` : undefined,
  )!;
}

async function officeOf(exec: Executor, scope: OfficeScope): Promise<OfficeRow> {
  const office = await officeById(exec, scope.officeId);
  if (!office) throw new Error(`office ${scope.officeId} not found`);
  return office;
}

export async function objectionRegisterCount(exec: Executor, scope: OfficeScope, filter: ObjectionRegisterFilter): Promise<number> {
  const office = await officeOf(exec, scope);
  const [row] = await exec.select({ n: count() }).from(objections).where(objectionConditions(office, filter));
  return Number(row?.n ?? 0);
}

/** The register keberatan for a filter, oldest first and numbered from 1 (or from `page.offset + 1`). */
export async function objectionRegisterRows(exec: Executor, scope: OfficeScope, filter: ObjectionRegisterFilter, page?: { offset: number; limit: number }): Promise<ObjectionRegisterRow[]> {
  const office = await officeOf(exec, scope);
  const base = exec
    .select({
      id: objections.id,
      number: objections.number,
      receivedAt: objections.receivedAt,
      channel: objections.channel,
      late: objections.late,
      grounds: objections.grounds,
      status: objections.status,
      proxyName: objections.proxyName,
      decidedAt: objections.decidedAt,
      response: objections.response,
      respondedAt: objections.respondedAt,
      requestId: requests.id,
      requestNumber: requests.number,
      applicantName: requests.name,
      information: requests.information,
      purpose: requests.purpose,
      answerDue: deadlines.due,
      answerClosedAt: deadlines.closedAt,
      deciderName: staff.name,
      deciderPosition: staff.position,
      letterNumber: letters.number,
      signerName: letters.signerName,
      signerPosition: letters.signerPosition,
    })
    .from(objections)
    .innerJoin(requests, and(eq(requests.id, objections.requestId), eq(requests.officeId, objections.officeId)))
    .leftJoin(deadlines, eq(deadlines.id, objections.deadlineId))
    .leftJoin(staff, eq(staff.id, objections.decidedBy))
    .leftJoin(
      letters,
      and(eq(letters.officeId, objections.officeId), eq(letters.subjectType, 'objection'), eq(letters.subjectId, sql`cast(${objections.id} as text)`), eq(letters.kind, 'tanggapan_keberatan')),
    )
    .where(objectionConditions(office, filter))
    .orderBy(asc(objections.receivedAt), asc(objections.id));
  const found = page ? await base.offset(page.offset).limit(page.limit) : await base;
  const first = page?.offset ?? 0;
  const day = (at: Date | null) => (at ? localDay(at, office.timeZone) : null);
  return found.map((r, i) => {
    const status = isObjectionStatus(r.status) ? r.status : 'filed';
    return {
      no: first + i + 1,
      id: r.id,
      number: r.number,
      receivedAt: r.receivedAt,
      receivedDay: localDay(r.receivedAt, office.timeZone),
      channel: r.channel === 'desk' ? 'desk' : 'online',
      late: r.late,
      applicantName: r.applicantName,
      proxyName: r.proxyName,
      requestId: r.requestId,
      requestNumber: r.requestNumber,
      information: r.information,
      purpose: r.purpose,
      grounds: GROUNDS.filter((g) => r.grounds.includes(g)),
      status,
      answerDue: r.answerDue,
      decidedAt: r.decidedAt,
      decidedDay: day(r.decidedAt),
      endedDay: status === 'filed' ? null : (day(r.decidedAt) ?? day(r.answerClosedAt)),
      letterNumber: r.letterNumber,
      // The letter says who signed and as what on that day; a later change of position does not rewrite the register.
      atasanName: r.signerName ?? r.deciderName ?? '',
      atasanPosition: r.signerPosition ?? r.deciderPosition ?? '',
      response: isResponse(r.response) ? r.response : null,
      respondedDay: day(r.respondedAt),
    };
  });
}

export const OBJECTION_COLUMNS = ['no', 'number', 'received', 'applicant', 'request', 'information', 'purpose', 'grounds', 'status', 'due', 'decision', 'answered', 'atasan', 'reaction'] as const;
export type ObjectionColumn = (typeof OBJECTION_COLUMNS)[number];

export const OBJECTION_COLUMN_LABELS: Readonly<Record<ObjectionColumn, Text>> = {
  no: text('No.', 'No.'),
  number: text('Nomor keberatan', 'Objection number'),
  received: text('Tanggal diterima', 'Date received'),
  applicant: text('Pemohon (dan kuasa)', 'Applicant (and proxy)'),
  request: text('Nomor pendaftaran permohonan', 'Request registration number'),
  information: text('Informasi yang diminta', 'Information requested'),
  purpose: text('Tujuan penggunaan', 'Purpose'),
  grounds: text('Alasan keberatan', 'Ground of objection'),
  status: text('Status', 'Status'),
  due: text('Batas waktu tanggapan', 'Answer due'),
  decision: text('Tanggapan atasan PPID', "The Atasan PPID's decision"),
  answered: text('Tanggal tanggapan', 'Date of answer'),
  atasan: text('Nama dan jabatan atasan PPID', "The Atasan PPID's name and position"),
  reaction: text('Tanggapan pemohon', "The applicant's reaction"),
};

const DECIDED: readonly ObjectionStatus[] = ['upheld', 'overturned', 'settled'];

/** The time of day in the office zone, for the spreadsheet's sortable "day time" cells. */
function clock(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/** A register keberatan row as words; `dates: 'iso'` for the spreadsheet, as the request register does. */
export function objectionCells(row: ObjectionRegisterRow, lang: Lang, timeZone: string, dates: 'long' | 'iso' = 'long'): Record<ObjectionColumn, string> {
  const day = (d: string | null) => (d ? (dates === 'iso' ? d : formatDay(lang, d, false)) : NONE);
  const received = dates === 'iso' ? `${row.receivedDay} ${clock(row.receivedAt, timeZone)}` : formatMoment(lang, row.receivedAt, timeZone);
  const decided = DECIDED.includes(row.status);
  return {
    no: String(row.no),
    number: row.number,
    received: row.late ? `${received} (${t(lang, text('diajukan setelah jangka waktu', 'filed after the window'))})` : received,
    applicant: row.proxyName ? `${row.applicantName} (${t(lang, text('kuasa', 'proxy'))}: ${row.proxyName})` : row.applicantName,
    request: row.requestNumber,
    information: row.information,
    purpose: row.purpose,
    grounds: row.grounds.map((g) => t(lang, GROUND_LABELS[g])).join('; '),
    status: t(lang, OBJECTION_STATUS_LABELS[row.status]),
    due: day(row.answerDue),
    decision: decided ? `${t(lang, OBJECTION_STATUS_LABELS[row.status])}${row.letterNumber ? ` (${t(lang, text('surat', 'letter'))} ${row.letterNumber})` : ''}` : NONE,
    answered: day(row.decidedDay),
    atasan: decided && row.atasanName ? [row.atasanName, row.atasanPosition].filter(Boolean).join(', ') : NONE,
    reaction: row.response
      ? `${t(lang, RESPONSE_LABELS[row.response])}${row.respondedDay ? ` (${day(row.respondedDay)})` : ''}`
      : decided
        ? t(lang, text('Belum dinyatakan', 'Not stated yet'))
        : NONE,
  };
}

// ---------------------------------------------------------------------------------------------------
// The list of disputes

export interface DisputeListRow {
  readonly no: number;
  readonly id: number;
  readonly commission: string;
  readonly registerNumber: string;
  readonly objectionId: number;
  readonly objectionNumber: string;
  readonly requestId: number;
  readonly requestNumber: string;
  readonly filedOn: string;
  /** Filed after the 14-working-day window; the commission decides whether to hear it. */
  readonly late: boolean;
  readonly windowDue: string | null;
  readonly stage: DisputeStage;
  /** The commission must start within 14 working days: the due day, and whether it has started. */
  readonly startDue: string | null;
  readonly started: boolean;
  readonly startOverdue: boolean;
  /** And finish within 100. */
  readonly finishDue: string | null;
  readonly finishOverdue: boolean;
  readonly outcome: DisputeOutcome | null;
  readonly closedDay: string | null;
}

function disputeConditions(scope: OfficeScope, filter: DisputeFilter): SQL {
  return and(
    eq(disputes.officeId, scope.officeId),
    filter.from ? gte(disputes.filedOn, filter.from) : undefined,
    filter.to ? lte(disputes.filedOn, filter.to) : undefined,
    filter.stage ? eq(disputes.stage, filter.stage) : undefined,
  )!;
}

export async function disputeCount(exec: Executor, scope: OfficeScope, filter: DisputeFilter): Promise<number> {
  const [row] = await exec.select({ n: count() }).from(disputes).where(disputeConditions(scope, filter));
  return Number(row?.n ?? 0);
}

const startClock = alias(deadlines, 'start_clock');
const finishClock = alias(deadlines, 'finish_clock');

/**
 * The disputes for a filter, in order of filing. A clock is overdue when it is still running after its
 * due day as of `options.today` (the office's today unless given).
 */
export async function disputeRows(exec: Executor, scope: OfficeScope, filter: DisputeFilter, options: { page?: { offset: number; limit: number }; today?: string } = {}): Promise<DisputeListRow[]> {
  const office = await officeOf(exec, scope);
  const today = options.today ?? todayIn(office.timeZone);
  const base = exec
    .select({
      id: disputes.id,
      commission: disputes.commission,
      registerNumber: disputes.registerNumber,
      filedOn: disputes.filedOn,
      late: disputes.late,
      windowDue: sql<string | null>`${disputes.window}->>'due'`,
      stage: disputes.stage,
      outcome: disputes.outcome,
      closedAt: disputes.closedAt,
      objectionId: objections.id,
      objectionNumber: objections.number,
      requestId: requests.id,
      requestNumber: requests.number,
      startDue: startClock.due,
      startClosedAt: startClock.closedAt,
      finishDue: finishClock.due,
      finishClosedAt: finishClock.closedAt,
    })
    .from(disputes)
    .innerJoin(objections, and(eq(objections.id, disputes.objectionId), eq(objections.officeId, disputes.officeId)))
    .innerJoin(requests, and(eq(requests.id, disputes.requestId), eq(requests.officeId, disputes.officeId)))
    .leftJoin(startClock, eq(startClock.id, disputes.startDeadlineId))
    .leftJoin(finishClock, eq(finishClock.id, disputes.finishDeadlineId))
    .where(disputeConditions(scope, filter))
    .orderBy(asc(disputes.filedOn), asc(disputes.id));
  const found = options.page ? await base.offset(options.page.offset).limit(options.page.limit) : await base;
  const first = options.page?.offset ?? 0;
  return found.map((r, i) => {
    const stage = isDisputeStage(r.stage) ? r.stage : 'filed';
    return {
      no: first + i + 1,
      id: r.id,
      commission: r.commission,
      registerNumber: r.registerNumber,
      objectionId: r.objectionId,
      objectionNumber: r.objectionNumber,
      requestId: r.requestId,
      requestNumber: r.requestNumber,
      filedOn: r.filedOn,
      late: r.late,
      windowDue: r.windowDue,
      stage,
      startDue: r.startDue,
      started: r.startClosedAt !== null,
      startOverdue: r.startDue !== null && r.startClosedAt === null && r.startDue < today,
      finishDue: r.finishDue,
      finishOverdue: r.finishDue !== null && r.finishClosedAt === null && r.finishDue < today,
      outcome: isDisputeOutcome(r.outcome) ? r.outcome : null,
      closedDay: r.closedAt ? localDay(r.closedAt, office.timeZone) : null,
    };
  });
}

export const DISPUTE_COLUMNS = ['no', 'registerNumber', 'commission', 'objection', 'request', 'filed', 'stage', 'start', 'finish', 'outcome', 'closed'] as const;
export type DisputeColumn = (typeof DISPUTE_COLUMNS)[number];

export const DISPUTE_COLUMN_LABELS: Readonly<Record<DisputeColumn, Text>> = {
  no: text('No.', 'No.'),
  registerNumber: text('Nomor register sengketa', 'Dispute register number'),
  commission: text('Komisi Informasi', 'Information Commission'),
  objection: text('Nomor keberatan', 'Objection number'),
  request: text('Nomor pendaftaran permohonan', 'Request registration number'),
  filed: text('Tanggal diajukan', 'Date filed'),
  stage: text('Tahap', 'Stage'),
  start: text('Batas mulai penyelesaian (14 hari kerja)', 'Start due (14 working days)'),
  finish: text('Batas selesai (100 hari kerja)', 'Finish due (100 working days)'),
  outcome: text('Hasil', 'Outcome'),
  closed: text('Tanggal selesai', 'Date closed'),
};

const UNNUMBERED = text('(belum bernomor)', '(no number yet)');

export function disputeCells(row: DisputeListRow, lang: Lang, dates: 'long' | 'iso' = 'long'): Record<DisputeColumn, string> {
  const day = (d: string | null) => (d ? (dates === 'iso' ? d : formatDay(lang, d, false)) : NONE);
  const overdue = t(lang, text('lewat batas waktu', 'overdue'));
  return {
    no: String(row.no),
    registerNumber: row.registerNumber || t(lang, UNNUMBERED),
    commission: row.commission,
    objection: row.objectionNumber,
    request: row.requestNumber,
    filed: row.late
      ? `${day(row.filedOn)} (${t(lang, text('melewati 14 hari kerja', 'past the 14 working days'))}${row.windowDue ? `; ${t(lang, text('batas', 'due'))} ${day(row.windowDue)}` : ''})`
      : day(row.filedOn),
    stage: t(lang, DISPUTE_STAGE_LABELS[row.stage]),
    start: row.startDue ? `${day(row.startDue)}${row.started ? ` (${t(lang, text('sudah dimulai', 'started'))})` : row.startOverdue ? ` (${overdue})` : ''}` : NONE,
    finish: row.finishDue ? `${day(row.finishDue)}${row.finishOverdue ? ` (${overdue})` : ''}` : NONE,
    outcome: row.outcome ? t(lang, DISPUTE_OUTCOME_LABELS[row.outcome]) : NONE,
    closed: day(row.closedDay),
  };
}

// ---------------------------------------------------------------------------------------------------
// Monthly figures

export interface CaseFigures {
  readonly objections: {
    readonly received: number;
    /** As the register shows them now. */
    readonly byStatus: Readonly<Record<ObjectionStatus, number>>;
    /** Not decided or withdrawn by `asOf`. */
    readonly openAtEnd: number;
    /** Decided after the answer deadline. */
    readonly answeredLate: number;
  };
  readonly disputes: {
    readonly filed: number;
    readonly late: number;
    readonly byOutcome: Readonly<Record<DisputeOutcome, number>>;
    /** Not closed by `asOf`. */
    readonly openAtEnd: number;
  };
  readonly asOf: string;
}

function tally<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) out[v]++;
  return out;
}

/**
 * A month's objection and dispute figures, from the register keberatan rows received in the month and
 * the disputes filed in it, as the request figures are from the month's register rows.
 */
export function caseFigures(objectionRows: readonly ObjectionRegisterRow[], disputeList: readonly DisputeListRow[], monthEnd: string, today: string): CaseFigures {
  const asOf = monthEnd < today ? monthEnd : today;
  return {
    objections: {
      received: objectionRows.length,
      byStatus: tally(OBJECTION_STATUSES, objectionRows.map((r) => r.status)),
      openAtEnd: objectionRows.filter((r) => r.endedDay === null || r.endedDay > asOf).length,
      answeredLate: objectionRows.filter((r) => r.decidedDay !== null && r.answerDue !== null && r.decidedDay > r.answerDue).length,
    },
    disputes: {
      filed: disputeList.length,
      late: disputeList.filter((r) => r.late).length,
      byOutcome: tally(DISPUTE_OUTCOMES, disputeList.map((r) => r.outcome).filter((o): o is DisputeOutcome => o !== null)),
      openAtEnd: disputeList.filter((r) => r.closedDay === null || r.closedDay > asOf).length,
    },
    asOf,
  };
}

/** A figure line that the page links to the register or list rows it was counted from. */
export interface CaseFigureLine extends FigureLine {
  readonly href?: string;
}

export interface CaseFigureSection extends FigureSection {
  readonly lines: readonly CaseFigureLine[];
}

/** The objection and dispute tables of the monthly report, for the page, the PDF and the spreadsheet. */
export function caseSections(f: CaseFigures, period: { from: string; to: string }): CaseFigureSection[] {
  const line = (label: Text, value: number, href?: string): CaseFigureLine => ({ label, value, unit: 'requests', ...(href ? { href } : {}) });
  const objectionsOf = (status: ObjectionStatus | '') => `/desk/keberatan?${objectionFilterQuery({ from: period.from, to: period.to, status, ground: '' })}`;
  const disputesOf = `/desk/sengketa?${disputeFilterQuery({ from: period.from, to: period.to, stage: '' })}`;
  const asOf = (id: string, en: string) => text(`${id} pada ${formatDay('id', f.asOf, false)}`, `${en} on ${formatDay('en', f.asOf, false)}`);
  return [
    {
      id: 'objections',
      title: text('Keberatan yang diterima bulan ini', 'Objections received this month'),
      lines: [
        line(text('Keberatan masuk', 'Objections received'), f.objections.received, objectionsOf('')),
        ...(['upheld', 'overturned', 'settled', 'withdrawn'] as const).map((s) => line(OBJECTION_STATUS_LABELS[s], f.objections.byStatus[s], objectionsOf(s))),
        line(asOf('Masih terbuka (belum ditanggapi)', 'Still open (not answered)'), f.objections.openAtEnd),
        line(text('Ditanggapi melewati batas waktu (30 hari kerja)', 'Answered after the deadline (30 working days)'), f.objections.answeredLate),
      ],
    },
    {
      id: 'disputes',
      title: text('Sengketa informasi yang diajukan bulan ini', 'Information disputes filed this month'),
      lines: [
        line(text('Sengketa diajukan ke Komisi Informasi', 'Disputes filed at the Information Commission'), f.disputes.filed, disputesOf),
        line(text('Diajukan melewati 14 hari kerja', 'Filed after the 14 working days'), f.disputes.late),
        ...DISPUTE_OUTCOMES.map((o) => line(text(`Selesai: ${DISPUTE_OUTCOME_LABELS[o].id}`, `Closed: ${DISPUTE_OUTCOME_LABELS[o].en}`), f.disputes.byOutcome[o])),
        line(asOf('Belum selesai', 'Not closed'), f.disputes.openAtEnd),
      ],
    },
  ];
}

/** Whether the month had any objection or dispute to count: none is said in a sentence, not a table of zeros. */
export function hasCases(f: CaseFigures): boolean {
  return f.objections.received > 0 || f.disputes.filed > 0;
}

export function noCasesText(lang: Lang, month: string): string {
  return t(
    lang,
    text(
      `Tidak ada keberatan yang diterima dan tidak ada sengketa informasi yang diajukan pada ${monthLabel('id', month)}.`,
      `No objection was received and no information dispute was filed in ${monthLabel('en', month)}.`,
    ),
  );
}
