import { asc, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.ts';
import { offices } from '../db/schema.ts';
import { forbidden, notFound } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { figuresByOffice, type OfficeFigures } from '../reports/figures.ts';
import { skmResults } from '../survey/service.ts';
import type { SkmResult } from '../survey/rules.ts';
import {
  NOT_OVERSEER,
  overseenOffices,
  overviewFigures,
  oversightLevel,
  type AnnualStatus,
  type LatestDip,
  type OfficeNode,
  type OversightLevel,
  type OversightPeriod,
  type OverviewRow,
} from './rules.ts';

/**
 * The oversight figures from the database: every count comes from figuresByOffice (the registers'
 * own tables, counted in SQL), the DIP's freshness from its ordered editions and the annual report's
 * submission from annual_reports. No query here selects a personal column, so nothing personal can
 * reach a page or a file built from these results.
 */

export async function officeNodes(exec: Executor): Promise<OfficeNode[]> {
  return exec
    .select({ id: offices.id, parentId: offices.parentId, level: offices.level, code: offices.code, slug: offices.slug, name: offices.name, timeZone: offices.timeZone })
    .from(offices)
    .orderBy(asc(offices.code), asc(offices.id));
}

/** The viewer's oversight, or 403 with the reason for a regency or city. */
export function overseer(viewer: OfficeNode): OversightLevel {
  const level = oversightLevel(viewer);
  if (level === null) throw forbidden(NOT_OVERSEER);
  return level;
}

const idList = (ids: readonly number[]) => sql`${`{${ids.join(',')}}`}::int[]`;

/** Each office's latest edition of the DIP that the Secretary ordered published. */
export async function latestDips(exec: Executor, ids: readonly number[]): Promise<Map<number, LatestDip>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ office_id: number; number: number; day: string }>(
    exec,
    sql`
      select distinct on (e.office_id) e.office_id, e.number, (coalesce(e.ordered_at, e.reviewed_at, e.created_at) at time zone o.time_zone)::date::text as day
      from dip_editions e join offices o on o.id = e.office_id
      where e.status = 'ordered' and e.office_id = any(${idList(ids)})
      order by e.office_id, e.number desc`,
  );
  return new Map(rows.map((r) => [Number(r.office_id), { edition: Number(r.number), day: r.day }]));
}

/** Whether each office has submitted its annual report for `year`, and on which of its days it first did. */
export async function annualStatuses(exec: Executor, ids: readonly number[], year: number): Promise<Map<number, AnnualStatus>> {
  const submitted =
    ids.length === 0
      ? []
      : await queryRows<{ office_id: number; day: string }>(
          exec,
          sql`
            select a.office_id, (min(a.submitted_at) at time zone o.time_zone)::date::text as day
            from annual_reports a join offices o on o.id = a.office_id
            where a.status = 'submitted' and a.year = ${year} and a.office_id = any(${idList(ids)})
            group by a.office_id, o.time_zone`,
        );
  const days = new Map(submitted.map((r) => [Number(r.office_id), r.day]));
  return new Map(ids.map((id) => [id, { year, submittedOn: days.get(id) ?? null }]));
}

export interface Overview {
  readonly viewer: OfficeNode;
  readonly level: OversightLevel;
  readonly period: OversightPeriod;
  /** The viewer's today: lateness is judged on it. */
  readonly today: string;
  readonly annualYear: number;
  readonly rows: readonly OverviewRow[];
}

export type Progress = (done: number, total: number) => Promise<void>;

/** The steps `overview` reports through its progress callback: the figures, then the DIP and annual report. */
export const OVERVIEW_STEPS = 2;

/**
 * One row per overseen office (the viewer's own first): its figures for the period, or none when it
 * received nothing; its latest DIP; the previous year's annual report. KPU RI's figures are counted in
 * one pass over every office: counting a province at a time reads the tables once per province, several
 * times slower when the rows of all offices are interleaved, as they are in use.
 */
export async function overview(exec: Executor, viewer: OfficeNode, period: OversightPeriod, today: string, progress?: Progress): Promise<Overview> {
  const level = overseer(viewer);
  const overseen = overseenOffices(viewer, await officeNodes(exec));
  const ids = overseen.map((o) => o.id);
  const annualYear = Number(today.slice(0, 4)) - 1;
  const figures = await figuresByOffice(exec, level === 'ri' ? null : ids, period, today);
  await progress?.(1, OVERVIEW_STEPS);
  const [dips, annual] = await Promise.all([latestDips(exec, ids), annualStatuses(exec, ids, annualYear)]);
  await progress?.(2, OVERVIEW_STEPS);
  const rows = overseen.map((office): OverviewRow => {
    const f = figures.get(office.id);
    return { office, figures: f ? overviewFigures(f) : null, dip: dips.get(office.id) ?? null, annual: annual.get(office.id)! };
  });
  return { viewer, level, period, today, annualYear, rows };
}

/** An office the viewer oversees, by its slug: 403 for a regency viewer, 404 for an office not under it. */
export async function overseenOffice(exec: Executor, viewer: OfficeNode, slug: string): Promise<OfficeNode> {
  overseer(viewer);
  const office = overseenOffices(viewer, await officeNodes(exec)).find((o) => o.slug === slug);
  if (!office) throw notFound(text('Kantor ini tidak ada di bawah pengawasan kantor Anda.', 'This office is not overseen by yours.'));
  return office;
}

export interface OfficeDetail {
  readonly office: OfficeNode;
  readonly period: OversightPeriod;
  readonly today: string;
  /** Null: nothing received or filed in the period. */
  readonly figures: OfficeFigures | null;
  readonly dip: LatestDip | null;
  readonly annual: AnnualStatus;
  /** The satisfaction survey in the period; null with no answers. */
  readonly skm: SkmResult | null;
}

/**
 * One overseen office's aggregates: the annual report's figures for the period. An office the viewer
 * does not oversee is not found, exactly like one that does not exist.
 */
export async function officeDetail(exec: Executor, viewer: OfficeNode, slug: string, period: OversightPeriod, today: string): Promise<OfficeDetail> {
  const office = await overseenOffice(exec, viewer, slug);
  const annualYear = Number(today.slice(0, 4)) - 1;
  const [figures, dips, annual, skm] = await Promise.all([
    figuresByOffice(exec, [office.id], period, today),
    latestDips(exec, [office.id]),
    annualStatuses(exec, [office.id], annualYear),
    skmResults(exec, [office.id], period),
  ]);
  return { office, period, today, figures: figures.get(office.id) ?? null, dip: dips.get(office.id) ?? null, annual: annual.get(office.id)!, skm: skm.get(office.id) ?? null };
}
