import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.ts';
import { forbidden, notFound } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { overseenOffices, oversightLevel, type OfficeNode, type OversightLevel } from '../oversight/rules.ts';
import { officeNodes } from '../oversight/service.ts';
import { judge, NO_EVIDENCE, readinessOf, type AnnualEvidence, type DipEvidence, type Evidence, type ItemResult, type Readiness } from './rules.ts';

/**
 * The evidence of monev readiness, read from the records Lentera already keeps: office documents and
 * pages, DIP editions and items, the DIK, the registers, the survey and the annual report. Every
 * query reads a set of offices at once, so KPU RI's overview of every office is a handful of queries,
 * and none selects a personal column: only counts, days, numbers and flags leave the database.
 */

const idList = (ids: readonly number[]) => sql`${`{${ids.join(',')}}`}::int[]`;

/** Counting stops here when only presence matters (the overview): an index probe instead of a count of the year. */
const PRESENCE = 1;
const EXACT = 2_147_483_647;

interface Counts {
  office_id: number;
  requests: number;
  objections: number;
  skm: number;
}

/** The year's requests, objections and survey answers per office, on each office's own calendar days. */
function yearCounts(exec: Executor, ids: readonly number[], year: number, cap: number): Promise<Counts[]> {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const last = `${year}-12-31`;
  return queryRows<Counts>(
    exec,
    sql`
      select o.id as office_id,
        (select count(*)::int from (select 1 from requests r where r.office_id = o.id and r.received_at >= (${from}::timestamp at time zone o.time_zone) and r.received_at < (${to}::timestamp at time zone o.time_zone) limit ${cap}) x) as requests,
        (select count(*)::int from (select 1 from objections b where b.office_id = o.id and b.received_at >= (${from}::timestamp at time zone o.time_zone) and b.received_at < (${to}::timestamp at time zone o.time_zone) limit ${cap}) y) as objections,
        (select count(*)::int from (select 1 from survey_responses s where s.office_id = o.id and s.answered_on between ${from}::date and ${last}::date limit ${cap}) z) as skm
      from offices o where o.id = any(${idList(ids)})`,
  );
}

/**
 * Each office's evidence for the monev `year`, judged against `today` where a record has no history
 * (documents, pages, the DIK, the periodic schedule). `all` is every office, for the DIK entries that
 * offices above pass down; with `exact` false the year's records are only found, not counted.
 */
export async function evidenceOf(exec: Executor, offices: readonly OfficeNode[], all: readonly OfficeNode[], year: number, today: string, exact = true): Promise<Map<number, Evidence>> {
  const ids = offices.map((o) => o.id);
  if (ids.length === 0) return new Map();
  const last = `${year}-12-31`;
  const [documents, pages, dips, dikRows, berkala, counts, annual] = await Promise.all([
    queryRows<{ office_id: number; kind: string; n: number; latest: string }>(
      exec,
      sql`
        select d.office_id, d.kind, count(*)::int as n, max((d.created_at at time zone o.time_zone)::date)::text as latest
        from office_documents d join offices o on o.id = d.office_id
        where d.office_id = any(${idList(ids)}) and d.kind in ('decree', 'procedure')
        group by d.office_id, d.kind`,
    ),
    queryRows<{ office_id: number; kind: string; day: string }>(
      exec,
      sql`
        select p.office_id, p.kind, (p.updated_at at time zone o.time_zone)::date::text as day
        from office_pages p join offices o on o.id = p.office_id
        where p.office_id = any(${idList(ids)}) and p.kind in ('profile', 'charter', 'service') and p.body <> ''`,
    ),
    queryRows<{ office_id: number; number: number; day: string; sk_number: string; sk_date: string | null; has_pdf: boolean }>(
      exec,
      sql`
        select distinct on (e.office_id) e.office_id, e.number, e.day, e.sk_number, e.sk_date, e.has_pdf
        from (
          select e.office_id, e.number, (coalesce(e.ordered_at, e.reviewed_at, e.created_at) at time zone o.time_zone)::date::text as day,
            e.sk_number, e.sk_date::text as sk_date, e.sk_pdf is not null as has_pdf
          from dip_editions e join offices o on o.id = e.office_id
          where e.status = 'ordered' and e.office_id = any(${idList(ids)})
        ) e
        where e.day <= ${last}
        order by e.office_id, e.number desc`,
    ),
    // Few rows: the DIK is short, and entries apply down the hierarchy, so they are summed in code.
    queryRows<{ office_id: number; n: number; untested: number }>(
      exec,
      sql`
        select office_id, count(*)::int as n, count(*) filter (where btrim(harm) = '' or btrim(public_interest) = '')::int as untested
        from dik_entries
        where status = 'in_force' and (period_ends_on is null or period_ends_on >= ${today}::date)
        group by office_id`,
    ),
    queryRows<{ office_id: number; n: number; overdue: number; first: string | null }>(
      exec,
      sql`
        select office_id, count(*)::int as n, count(*) filter (where next_update_on < ${today}::date)::int as overdue,
          min(next_update_on) filter (where next_update_on < ${today}::date)::text as first
        from dip_items
        where office_id = any(${idList(ids)}) and status = 'classified' and category = 'berkala'
        group by office_id`,
    ),
    yearCounts(exec, ids, year, exact ? EXACT : PRESENCE),
    queryRows<{ office_id: number; status: string; version: number; day: string | null }>(
      exec,
      sql`
        select distinct on (a.office_id) a.office_id, a.status, a.version, (a.submitted_at at time zone o.time_zone)::date::text as day
        from annual_reports a join offices o on o.id = a.office_id
        where a.year = ${year - 1} and a.office_id = any(${idList(ids)})
        order by a.office_id, (a.status = 'submitted') desc, a.version desc`,
    ),
  ]);

  const dikByOffice = new Map(dikRows.map((r) => [Number(r.office_id), { inForce: Number(r.n), untested: Number(r.untested) }]));
  const parents = new Map(all.map((o) => [o.id, o.parentId]));
  const out = new Map<number, Evidence>();
  for (const office of offices) {
    const id = office.id;
    const doc = (kind: string) => {
      const row = documents.find((d) => Number(d.office_id) === id && d.kind === kind);
      return row ? { count: Number(row.n), latestOn: row.latest } : { count: 0, latestOn: null };
    };
    const dik = { inForce: 0, untested: 0 };
    // The office and those above it; the bound only guards against a cycle in bad data.
    for (let at: number | null | undefined = id, hops = 0; at !== null && at !== undefined && hops < 10; at = parents.get(at), hops++) {
      const own = dikByOffice.get(at);
      if (own) {
        dik.inForce += own.inForce;
        dik.untested += own.untested;
      }
    }
    const dipRow = dips.find((d) => Number(d.office_id) === id);
    const dip: DipEvidence | null = dipRow ? { edition: Number(dipRow.number), orderedOn: dipRow.day, skNumber: dipRow.sk_number, skDate: dipRow.sk_date, hasSkPdf: Boolean(dipRow.has_pdf) } : null;
    const items = berkala.find((b) => Number(b.office_id) === id);
    const count = counts.find((c) => Number(c.office_id) === id);
    const report = annual.find((a) => Number(a.office_id) === id);
    const annualEvidence: AnnualEvidence | null = report ? { status: report.status === 'submitted' ? 'submitted' : 'draft', version: Number(report.version), submittedOn: report.status === 'submitted' ? report.day : null } : null;
    out.set(id, {
      ...NO_EVIDENCE,
      decrees: doc('decree'),
      procedures: doc('procedure'),
      pages: Object.fromEntries(pages.filter((p) => Number(p.office_id) === id).map((p) => [p.kind, p.day])),
      dip,
      dik,
      berkala: items ? { items: Number(items.n), overdue: Number(items.overdue), firstOverdue: items.first } : NO_EVIDENCE.berkala,
      requests: Number(count?.requests ?? 0),
      objections: Number(count?.objections ?? 0),
      skmResponses: Number(count?.skm ?? 0),
      annual: annualEvidence,
    });
  }
  return out;
}

export interface OfficeReadiness {
  readonly office: OfficeNode;
  readonly year: number;
  readonly today: string;
  readonly items: readonly ItemResult[];
  readonly readiness: Readiness;
}

/** One office's monev items, each with its status, the evidence found and what is missing. */
export async function readiness(exec: Executor, office: OfficeNode, year: number, today: string): Promise<OfficeReadiness> {
  const evidence = (await evidenceOf(exec, [office], await officeNodes(exec), year, today)).get(office.id)!;
  const items = judge(evidence, year);
  return { office, year, today, items, readiness: readinessOf(items) };
}

export const NOT_OVERSEER = text(
  'Ikhtisar kesiapan monev per kantor hanya untuk KPU Provinsi (atas KPU Kabupaten/Kota di wilayahnya) dan KPU RI (atas semua kantor). Kesiapan kantor Anda sendiri ada di halaman Kesiapan monev.',
  "The per-office monev readiness overview is for a provincial KPU (over the regencies and cities in it) and KPU RI (over every office). Your own office's readiness is on the Monev readiness page.",
);

/** The viewer's oversight, or 403 with the reason for a regency or city. */
export function monevOverseer(viewer: OfficeNode): OversightLevel {
  const level = oversightLevel(viewer);
  if (level === null) throw forbidden(NOT_OVERSEER);
  return level;
}

/** An office in the overview: each item's status only, since the year's records were found there, not counted. */
export interface OverviewRow {
  readonly office: OfficeNode;
  readonly items: readonly Pick<ItemResult, 'item' | 'status'>[];
  readonly readiness: Readiness;
}

export interface ReadinessOverview {
  readonly viewer: OfficeNode;
  readonly level: OversightLevel;
  readonly year: number;
  readonly today: string;
  /** The overseen offices, the viewer's own first. */
  readonly rows: readonly OverviewRow[];
}

/** Every overseen office's items judged for the year; 403 for a regency or city. */
export async function readinessOverview(exec: Executor, viewer: OfficeNode, year: number, today: string): Promise<ReadinessOverview> {
  const level = monevOverseer(viewer);
  const all = await officeNodes(exec);
  const overseen = overseenOffices(viewer, all);
  const evidence = await evidenceOf(exec, overseen, all, year, today, false);
  const rows = overseen.map((office): OverviewRow => {
    const items = judge(evidence.get(office.id)!, year).map(({ item, status }) => ({ item, status }));
    return { office, items, readiness: readinessOf(items) };
  });
  return { viewer, level, year, today, rows };
}

/** An office the viewer oversees, by its slug: 403 for a regency viewer, 404 for an office not under it, as for one that does not exist. */
export async function overseenOffice(exec: Executor, viewer: OfficeNode, slug: string): Promise<OfficeNode> {
  monevOverseer(viewer);
  const office = overseenOffices(viewer, await officeNodes(exec)).find((o) => o.slug === slug);
  if (!office) throw notFound(text('Kantor ini tidak ada di bawah pengawasan kantor Anda.', 'This office is not overseen by yours.'));
  return office;
}
