import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../db/client.ts';
import { annualReports, staff } from '../db/schema.ts';
import { recordEvent, type Actor } from '../kernel/audit/store.ts';
import { conflict, forbidden, invalid, notFound } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { todayIn } from '../offices/portal.tsx';
import { officeById, staffById, type OfficeRow, type OfficeScope, type StaffRow } from '../offices/store.ts';
import { skmResults } from '../survey/service.ts';
import {
  changesBetween,
  checkNarrative,
  checkReason,
  checkYear,
  deadlineState,
  emptyNarrative,
  freeze,
  frozenFigures,
  missingSections,
  narrativeOf,
  storedChanges,
  submitProblem,
  yearPeriod,
  type AnnualFigures,
  type DeadlineState,
  type Narrative,
  type ReportChanges,
} from './annual.ts';
import { figuresByOffice } from './figures.ts';
import { localDay } from './rules.ts';

/**
 * The annual report's versions (annual_reports): a draft whose figures are counted live, the PPID's
 * written sections, and the submission that freezes the figures into the version. A submitted version
 * is never changed again: a correction is a new version, made with a reason, whose submission records
 * every figure and section that differs from the version before.
 */

export type AnnualReportRow = typeof annualReports.$inferSelect;
export type ReportStatus = 'draft' | 'submitted';

/** The figures of `year` as the registers and the survey show them now, lateness judged on `today`. */
export async function annualFigures(exec: Executor, office: Pick<OfficeRow, 'id'>, year: number, today: string): Promise<AnnualFigures> {
  const period = yearPeriod(year, today);
  // One after the other: inside a transaction both run on its one connection anyway.
  const figures = await figuresByOffice(exec, [office.id], period, today);
  const skm = await skmResults(exec, [office.id], period);
  return { year, ...period, asOf: today, requests: figures.get(office.id) ?? null, skm: skm.get(office.id) ?? null };
}

export interface VersionRow extends AnnualReportRow {
  readonly submittedByName: string | null;
}

/** Every version of an office's report for `year`, first first. */
export async function versionsOf(exec: Executor, officeId: number, year: number): Promise<VersionRow[]> {
  const rows = await exec
    .select({ report: annualReports, submittedByName: staff.name })
    .from(annualReports)
    .leftJoin(staff, eq(staff.id, annualReports.submittedBy))
    .where(and(eq(annualReports.officeId, officeId), eq(annualReports.year, year)))
    .orderBy(asc(annualReports.version));
  return rows.map((r) => ({ ...r.report, submittedByName: r.submittedByName }));
}

// ---------------------------------------------------------------------------------------------------
// Changes (the PPID only, in the PPID's own office)

interface Step {
  readonly tx: Tx;
  readonly office: OfficeRow;
  readonly member: StaffRow;
  readonly today: string;
  readonly now: Date;
}

/**
 * One change to an office's reports, in a transaction that holds the office's report lock, so two
 * PPIDs pressing "submit" or "new version" at once make one version, not two.
 */
async function ppidStep<T>(db: Db, actor: Actor, scope: OfficeScope, year: number, now: Date, fn: (s: Step) => Promise<T>): Promise<T> {
  if (actor.staffId === null) throw forbidden();
  const staffId = actor.staffId;
  return db.transaction(async (tx) => {
    const member = await staffById(tx, staffId);
    if (!member?.active || member.officeId !== scope.officeId || !member.roles.some((r) => r === 'ppid' || r === 'system_admin')) throw forbidden();
    const office = await officeById(tx, scope.officeId);
    if (!office) throw notFound();
    const today = todayIn(office.timeZone, now);
    const checked = checkYear(String(year), today);
    if (!checked.ok) throw invalid({ tahun: checked.problem }, checked.problem);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('annual_reports'), ${office.id})`);
    return fn({ tx, office, member, today, now });
  });
}

const draftOf = <R extends AnnualReportRow>(rows: readonly R[]) => rows.find((r) => r.status === 'draft');
const lastSubmitted = <R extends AnnualReportRow>(rows: readonly R[]) => rows.filter((r) => r.status === 'submitted').at(-1);

const ALREADY_SUBMITTED = text(
  'Laporan tahun ini sudah disampaikan dan tidak diubah lagi. Untuk membetulkannya, buat versi baru dengan alasannya.',
  "This year's report has been submitted and is not changed again. To correct it, make a new version and say why.",
);

async function insertDraft(s: Step, actor: Actor, year: number, version: number, narrative: Narrative, reason: string): Promise<AnnualReportRow> {
  const [row] = await s.tx
    .insert(annualReports)
    .values({ officeId: s.office.id, year, version, status: 'draft', narrative, revisionReason: reason, createdBy: s.member.id, createdAt: s.now, updatedAt: s.now })
    .returning();
  await recordEvent(s.tx, actor, { officeId: s.office.id, action: 'annual_report.drafted', subjectType: 'annual_report', subjectId: row!.id, after: { year, version, reason: reason || undefined } });
  return row!;
}

/** The year's first version as a draft; the existing draft when there is one. */
export async function createDraft(db: Db, actor: Actor, scope: OfficeScope, year: number, ctx: { now?: Date } = {}): Promise<AnnualReportRow> {
  return ppidStep(db, actor, scope, year, ctx.now ?? new Date(), async (s) => {
    const rows = await versionsOf(s.tx, s.office.id, year);
    const draft = draftOf(rows);
    if (draft) return draft;
    if (rows.length > 0) throw conflict(ALREADY_SUBMITTED);
    return insertDraft(s, actor, year, 1, emptyNarrative(), '');
  });
}

/** Saves the written sections of the year's draft, making the first draft when there is none yet. */
export async function saveNarrative(db: Db, actor: Actor, scope: OfficeScope, year: number, form: Readonly<Record<string, string>>, ctx: { now?: Date } = {}): Promise<AnnualReportRow> {
  const checked = checkNarrative(form);
  if (!checked.ok) throw invalid(checked.problems);
  return ppidStep(db, actor, scope, year, ctx.now ?? new Date(), async (s) => {
    const rows = await versionsOf(s.tx, s.office.id, year);
    if (rows.length > 0 && !draftOf(rows)) throw conflict(ALREADY_SUBMITTED);
    const draft = draftOf(rows) ?? (await insertDraft(s, actor, year, 1, emptyNarrative(), ''));
    const before = narrativeOf(draft.narrative);
    const [row] = await s.tx.update(annualReports).set({ narrative: checked.narrative, updatedAt: s.now }).where(eq(annualReports.id, draft.id)).returning();
    const changed = (Object.keys(checked.narrative) as (keyof Narrative)[]).filter((k) => before[k] !== checked.narrative[k]);
    await recordEvent(s.tx, actor, { officeId: s.office.id, action: 'annual_report.saved', subjectType: 'annual_report', subjectId: draft.id, after: { year, version: draft.version, sections: changed } });
    return row!;
  });
}

/**
 * Submits the year's draft: its figures are counted once more and frozen into the version, with, for
 * a version after the first, every figure and section that differs from the version before.
 */
export async function submitReport(db: Db, actor: Actor, scope: OfficeScope, year: number, ctx: { now?: Date } = {}): Promise<AnnualReportRow> {
  return ppidStep(db, actor, scope, year, ctx.now ?? new Date(), async (s) => {
    const early = submitProblem(year, s.today);
    if (early) throw conflict(early);
    const rows = await versionsOf(s.tx, s.office.id, year);
    const draft = draftOf(rows);
    if (!draft) throw conflict(rows.length > 0 ? ALREADY_SUBMITTED : text('Belum ada draf laporan tahun ini untuk disampaikan.', "There is no draft of this year's report to submit."));
    const narrative = narrativeOf(draft.narrative);
    const missing = missingSections(narrative);
    if (Object.keys(missing).length > 0) throw invalid(missing, text('Laporan belum lengkap: setiap bagian tertulis wajib diisi.', 'The report is not complete: every written section is required.'));
    const figures = freeze(await annualFigures(s.tx, s.office, year, s.today));
    const previous = lastSubmitted(rows);
    const previousFigures = previous ? frozenFigures(previous.figures) : null;
    const changes: ReportChanges | null =
      previous && previousFigures ? changesBetween({ version: previous.version, figures: previousFigures, narrative: narrativeOf(previous.narrative) }, { version: draft.version, figures, narrative }) : null;
    const [row] = await s.tx
      .update(annualReports)
      .set({ status: 'submitted', figures, changes, submittedAt: s.now, submittedBy: s.member.id, updatedAt: s.now })
      .where(eq(annualReports.id, draft.id))
      .returning();
    await recordEvent(s.tx, actor, {
      officeId: s.office.id,
      action: 'annual_report.submitted',
      subjectType: 'annual_report',
      subjectId: draft.id,
      after: { year, version: draft.version, changedFigures: changes?.figures.length, changedSections: changes?.sections },
    });
    return row!;
  });
}

/** A new draft after the last submitted version, with its written sections and the reason it is made. */
export async function newVersion(db: Db, actor: Actor, scope: OfficeScope, year: number, rawReason: string, ctx: { now?: Date } = {}): Promise<AnnualReportRow> {
  const checked = checkReason(rawReason);
  if (!checked.ok) throw invalid({ reason: checked.problem });
  return ppidStep(db, actor, scope, year, ctx.now ?? new Date(), async (s) => {
    const rows = await versionsOf(s.tx, s.office.id, year);
    const draft = draftOf(rows);
    if (draft) throw conflict(text(`Versi ${draft.version} masih draf: lengkapi dan sampaikan draf itu.`, `Version ${draft.version} is still a draft: complete and submit that draft.`));
    const previous = lastSubmitted(rows);
    if (!previous) throw conflict(text('Belum ada versi yang disampaikan; susun dan sampaikan versi pertama.', 'No version has been submitted yet; draw up and submit the first.'));
    return insertDraft(s, actor, year, previous.version + 1, narrativeOf(previous.narrative), checked.reason);
  });
}

// ---------------------------------------------------------------------------------------------------
// What the pages and files show

/** One version as shown: a submitted one with its frozen figures, a draft (or the preview before any) with live ones. */
export interface ReportView {
  readonly year: number;
  /** null: the preview of a year nobody has drafted yet. */
  readonly version: number | null;
  readonly status: ReportStatus | 'preview';
  readonly figures: AnnualFigures;
  readonly narrative: Narrative;
  readonly revisionReason: string;
  readonly changes: ReportChanges | null;
  readonly submittedAt: Date | null;
  readonly submittedBy: string | null;
}

async function viewOf(exec: Executor, office: OfficeRow, year: number, row: VersionRow | undefined, today: string): Promise<ReportView> {
  const frozen = row?.status === 'submitted' ? frozenFigures(row.figures) : null;
  // Live figures must never stand in for a submitted version's: an unreadable one is a bug to see.
  if (row?.status === 'submitted' && !frozen) throw new Error(`annual report ${row.id} was submitted without readable figures`);
  return {
    year,
    version: row?.version ?? null,
    status: row ? (row.status === 'submitted' ? 'submitted' : 'draft') : 'preview',
    figures: frozen ?? (await annualFigures(exec, office, year, today)),
    narrative: narrativeOf(row?.narrative),
    revisionReason: row?.revisionReason ?? '',
    changes: storedChanges(row?.changes),
    submittedAt: row?.submittedAt ?? null,
    submittedBy: row?.submittedByName ?? null,
  };
}

export interface DeskReport {
  readonly versions: readonly VersionRow[];
  readonly view: ReportView;
  /** The version the page shows is the one being written: the draft, or the preview before it. */
  readonly editable: boolean;
  /** A new version can be made from the one shown: it is the last submitted and no draft exists. */
  readonly revisable: boolean;
}

/**
 * The desk's year: the draft when there is one, else the last submitted version, else a preview of the
 * live figures; or the version asked for (undefined when it does not exist).
 */
export async function deskReport(exec: Executor, office: OfficeRow, year: number, today: string, version?: number): Promise<DeskReport | undefined> {
  const versions = await versionsOf(exec, office.id, year);
  const row = version === undefined ? (draftOf(versions) ?? lastSubmitted(versions)) : versions.find((v) => v.version === version);
  if (version !== undefined && !row) return undefined;
  const draft = draftOf(versions);
  return {
    versions,
    view: await viewOf(exec, office, year, row, today),
    editable: row === undefined || row.status === 'draft',
    revisable: !draft && row !== undefined && row === lastSubmitted(versions),
  };
}

/** The portal's year: submitted versions only (the last, or the one asked for); undefined when there is none. */
export async function publicReport(exec: Executor, office: OfficeRow, year: number, version?: number): Promise<{ versions: VersionRow[]; view: ReportView } | undefined> {
  const versions = (await versionsOf(exec, office.id, year)).filter((v) => v.status === 'submitted');
  const row = version === undefined ? versions.at(-1) : versions.find((v) => v.version === version);
  if (!row) return undefined;
  return { versions, view: await viewOf(exec, office, year, row, todayIn(office.timeZone)) };
}

export interface YearSummary {
  readonly year: number;
  readonly versions: number;
  /** The last submitted version and the office's day it was submitted. */
  readonly submitted: { readonly version: number; readonly on: string } | null;
  readonly draft: number | null;
}

/** Per year with any version, newest year first; `submittedOnly` for the portal. */
export async function reportYears(exec: Executor, office: OfficeRow, submittedOnly: boolean): Promise<YearSummary[]> {
  const rows = await exec
    .select({ year: annualReports.year, version: annualReports.version, status: annualReports.status, submittedAt: annualReports.submittedAt })
    .from(annualReports)
    .where(and(eq(annualReports.officeId, office.id), submittedOnly ? eq(annualReports.status, 'submitted') : undefined))
    .orderBy(asc(annualReports.year), asc(annualReports.version));
  const years = new Map<number, { versions: number; submitted: YearSummary['submitted']; draft: number | null }>();
  for (const r of rows) {
    const y = years.get(r.year) ?? { versions: 0, submitted: null, draft: null };
    y.versions++;
    if (r.status === 'submitted' && r.submittedAt) y.submitted = { version: r.version, on: localDay(r.submittedAt, office.timeZone) };
    else if (r.status === 'draft') y.draft = r.version;
    years.set(r.year, y);
  }
  return [...years.entries()].map(([year, y]) => ({ year, ...y })).sort((a, b) => b.year - a.year);
}

/** The report the PPID's dashboard watches: last year's, against 31 March of this year. */
export async function dueReport(exec: Executor, office: OfficeRow, today: string): Promise<{ year: number; state: DeadlineState; draft: number | null }> {
  const year = Number(today.slice(0, 4)) - 1;
  const rows = await exec
    .select({ status: annualReports.status, version: annualReports.version, submittedAt: annualReports.submittedAt })
    .from(annualReports)
    .where(and(eq(annualReports.officeId, office.id), eq(annualReports.year, year)))
    .orderBy(asc(annualReports.version));
  // The deadline is met by the first submission; later versions are corrections.
  const first = rows.find((r) => r.status === 'submitted' && r.submittedAt);
  return { year, state: deadlineState(year, today, first?.submittedAt ? localDay(first.submittedAt, office.timeZone) : null), draft: rows.find((r) => r.status === 'draft')?.version ?? null };
}
