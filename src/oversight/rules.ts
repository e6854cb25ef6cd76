import { submissionDue } from '../reports/annual.ts';
import { formatDay, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import type { OfficeRow } from '../offices/store.ts';
import { checkMonth, monthLabel } from '../reports/rules.ts';
import { emptyFigures, medianAnswerDays, overdueRate, sumFigures, type OfficeFigures } from '../reports/figures.ts';

/**
 * Oversight across the KPU hierarchy (issue 6 item 3), as pure rules: who oversees whom, the period
 * asked for, the overview's columns and their order. A province oversees the regencies and cities
 * under it; KPU RI oversees every office. Only aggregates ever cross an office's boundary.
 */

export type OfficeNode = Pick<OfficeRow, 'id' | 'parentId' | 'level' | 'code' | 'slug' | 'name' | 'timeZone'>;

export type OversightLevel = 'ri' | 'province';

/** The viewer's kind of oversight; null for a regency or city, which oversees no one. */
export function oversightLevel(office: Pick<OfficeRow, 'level'>): OversightLevel | null {
  return office.level === 'ri' || office.level === 'province' ? office.level : null;
}

export const NOT_OVERSEER = text(
  'Halaman pengawasan hanya untuk KPU Provinsi (atas KPU Kabupaten/Kota di wilayahnya) dan KPU RI (atas semua kantor). Kantor Anda dapat melihat angkanya sendiri di laporan bulanan dan laporan tahunan.',
  'The oversight pages are for a provincial KPU (over the regencies and cities in it) and KPU RI (over every office). Your office sees its own figures in the monthly and annual reports.',
);

const byCode = (a: OfficeNode, b: OfficeNode) => a.code.localeCompare(b.code, 'en', { numeric: true }) || a.id - b.id;

/**
 * The offices a viewer oversees, its own first: for KPU RI every office, for a province itself and
 * every office below it. Empty for a regency. Sorted by office code, so a province's regencies follow it.
 */
export function overseenOffices<T extends OfficeNode>(viewer: OfficeNode, all: readonly T[]): T[] {
  const level = oversightLevel(viewer);
  if (level === null) return [];
  const self = all.find((o) => o.id === viewer.id);
  if (level === 'ri') return [...(self ? [self] : []), ...all.filter((o) => o.id !== viewer.id).sort(byCode)];
  const below = new Set<number>([viewer.id]);
  // Parents before children is not guaranteed by the codes, so repeat until nothing new joins.
  for (let grew = true; grew; ) {
    grew = false;
    for (const o of all) {
      if (o.parentId !== null && below.has(o.parentId) && !below.has(o.id)) {
        below.add(o.id);
        grew = true;
      }
    }
  }
  return [...(self ? [self] : []), ...all.filter((o) => o.id !== viewer.id && below.has(o.id)).sort(byCode)];
}

/** The province an office belongs to (itself for a province); null for KPU RI and an office under none. */
export function provinceOf<T extends OfficeNode>(office: T, byId: ReadonlyMap<number, T>): T | null {
  const seen = new Set<number>();
  for (let o: T | undefined = office; o && !seen.has(o.id); o = o.parentId === null ? undefined : byId.get(o.parentId)) {
    if (o.level === 'province') return o;
    seen.add(o.id);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Period

export const PERIOD_FIELDS = ['tahun', 'dari', 'sampai'] as const;
export type PeriodField = (typeof PERIOD_FIELDS)[number];
export type PeriodForm = Readonly<Record<PeriodField, string>>;

export const PERIOD_LABELS: Readonly<Record<PeriodField, Text>> = {
  tahun: text('Tahun', 'Year'),
  dari: text('Dari bulan', 'From month'),
  sampai: text('Sampai bulan', 'To month'),
};

/** Local days, both inclusive; a year or a run of whole months. Plain data, so a job can carry it. */
export interface OversightPeriod {
  readonly kind: 'year' | 'months';
  readonly from: string;
  readonly to: string;
  /** The period reaches today: its figures may still change. */
  readonly inProgress: boolean;
}

export type PeriodCheck = { readonly ok: true; readonly period: OversightPeriod } | { readonly ok: false; readonly problems: Partial<Record<PeriodField, Text>> };

/** The year from `?tahun=`, or the months from `?dari=&sampai=`; nothing at all means this year so far. */
export function checkPeriod(form: PeriodForm, today: string): PeriodCheck {
  const year = form.tahun.trim();
  const from = form.dari.trim();
  const to = form.sampai.trim();
  if (year && (from || to)) {
    return { ok: false, problems: { tahun: text('Pilih satu tahun atau satu rentang bulan, tidak keduanya.', 'Choose a year or a range of months, not both.') } };
  }
  if (from || to) {
    const problems: Partial<Record<PeriodField, Text>> = {};
    const first = from ? checkMonth(from, today) : undefined;
    // An empty end means the one month given.
    const last = to ? checkMonth(to, today) : first;
    if (!first) problems.dari = text('Isi bulan awal rentang, misalnya 2026-01.', 'Fill in the first month of the range, for example 2026-01.');
    else if (!first.ok) problems.dari = first.problem;
    if (to && last && !last.ok) problems.sampai = last.problem;
    if (first?.ok && last?.ok && last.period.month < first.period.month) problems.sampai = text('Bulan akhir tidak boleh sebelum bulan awal.', 'The last month cannot come before the first.');
    if (Object.keys(problems).length > 0 || !first?.ok || !last?.ok) return { ok: false, problems };
    return { ok: true, period: { kind: 'months', from: first.period.from, to: last.period.to, inProgress: last.period.inProgress } };
  }
  const value = year || today.slice(0, 4);
  if (!/^\d{4}$/.test(value)) return { ok: false, problems: { tahun: text('Tulis tahun dengan empat angka, misalnya 2025.', 'Write the year as four digits, for example 2025.') } };
  if (value < '2000') return { ok: false, problems: { tahun: text('Angka tersedia untuk tahun sejak 2000.', 'Figures exist for years from 2000.') } };
  if (value > today.slice(0, 4)) {
    return {
      ok: false,
      problems: { tahun: text(`Tahun ${value} belum tiba: angka hanya ada untuk tahun yang sudah berjalan atau sudah selesai.`, `The year ${value} has not come yet: figures exist only for a year that has begun or ended.`) },
    };
  }
  return { ok: true, period: { kind: 'year', from: `${value}-01-01`, to: `${value}-12-31`, inProgress: value === today.slice(0, 4) } };
}

/** The form fields that ask for `period` again (links, exports, the form itself). */
export function periodForm(period: OversightPeriod): PeriodForm {
  return period.kind === 'year' ? { tahun: period.from.slice(0, 4), dari: '', sampai: '' } : { tahun: '', dari: period.from.slice(0, 7), sampai: period.to.slice(0, 7) };
}

export function periodQuery(period: OversightPeriod): string {
  const form = periodForm(period);
  return new URLSearchParams(Object.entries(form).filter(([, v]) => v !== '')).toString();
}

/** A short stable name of the period, for file names and job keys: "2025" or "2025-01_2025-06". */
export function periodKey(period: OversightPeriod): string {
  return period.kind === 'year' ? period.from.slice(0, 4) : `${period.from.slice(0, 7)}_${period.to.slice(0, 7)}`;
}

export function periodLabel(lang: Lang, period: OversightPeriod): string {
  if (period.kind === 'year') return t(lang, text(`Tahun ${period.from.slice(0, 4)}`, `The year ${period.from.slice(0, 4)}`));
  const first = period.from.slice(0, 7);
  const last = period.to.slice(0, 7);
  return first === last ? monthLabel(lang, first) : `${monthLabel(lang, first)} – ${monthLabel(lang, last)}`;
}

/** What the figures count, in words: the received dates of the period, up to today when it is still running. */
export function periodSentence(lang: Lang, period: OversightPeriod, today: string): string {
  const end = period.inProgress ? today : period.to;
  return t(
    lang,
    text(
      `Permohonan dan keberatan yang diterima, serta sengketa yang diajukan, ${formatDay('id', period.from, false)} – ${formatDay('id', end, false)} (tanggal menurut zona waktu setiap kantor)${period.inProgress ? '; periode masih berjalan, angka dapat berubah' : ''}.`,
      `Requests and objections received, and disputes filed, ${formatDay('en', period.from, false)} – ${formatDay('en', end, false)} (dates in each office's time zone)${period.inProgress ? '; the period is still running, so the figures may change' : ''}.`,
    ),
  );
}

// ---------------------------------------------------------------------------------------------------
// The overview's rows and columns

/** The overview's share of an office's figures: what its columns and totals need, small enough to keep. */
export type OverviewFigures = Pick<OfficeFigures, 'requests' | 'late' | 'overdueOpen' | 'objections' | 'objectionsLate' | 'disputes' | 'answerDays'>;

export function overviewFigures(f: OfficeFigures): OverviewFigures {
  return { requests: f.requests, late: f.late, overdueOpen: f.overdueOpen, objections: f.objections, objectionsLate: f.objectionsLate, disputes: f.disputes, answerDays: f.answerDays };
}

/** Back to the shape figures.ts computes with; the parts the overview does not keep count as nothing. */
export function asOfficeFigures(f: OverviewFigures): OfficeFigures {
  return { ...emptyFigures(), ...f };
}

export interface LatestDip {
  readonly edition: number;
  /** The local day the Secretary ordered it published. */
  readonly day: string;
}

export interface AnnualStatus {
  /** The report year: the year before today's. */
  readonly year: number;
  /** The local day its first version was submitted; null when none is. */
  readonly submittedOn: string | null;
}

export interface OverviewRow {
  readonly office: OfficeNode;
  /** Null: nothing was received or filed in the period (no data, not zeros). */
  readonly figures: OverviewFigures | null;
  readonly dip: LatestDip | null;
  readonly annual: AnnualStatus;
}

/** The figures of several rows together; null when none of them has any. */
export function totalOf(rows: readonly Pick<OverviewRow, 'figures'>[]): OverviewFigures | null {
  const withData = rows.flatMap((r) => (r.figures ? [asOfficeFigures(r.figures)] : []));
  return withData.length === 0 ? null : overviewFigures(sumFigures(withData));
}

/** A province with the offices under it, as KPU RI's overview totals them. */
export interface ProvinceTotal {
  /** Null: KPU RI itself, with any office that is under no province. */
  readonly province: OfficeNode | null;
  readonly offices: number;
  readonly withData: number;
  readonly figures: OverviewFigures | null;
  readonly dipPublished: number;
  readonly annualSubmitted: number;
}

/** The rows grouped by province (KPU RI's own group first), each with its sums. */
export function provinceTotals(rows: readonly OverviewRow[]): ProvinceTotal[] {
  const byId = new Map(rows.map((r) => [r.office.id, r.office]));
  const groups = new Map<number | null, { province: OfficeNode | null; rows: OverviewRow[] }>();
  for (const row of rows) {
    const province = provinceOf(row.office, byId);
    const key = province?.id ?? null;
    const group = groups.get(key) ?? { province, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => (a.province === null ? -1 : b.province === null ? 1 : byCode(a.province, b.province)))
    .map((g) => ({
      province: g.province,
      offices: g.rows.length,
      withData: g.rows.filter((r) => r.figures).length,
      figures: totalOf(g.rows),
      dipPublished: g.rows.filter((r) => r.dip).length,
      annualSubmitted: g.rows.filter((r) => r.annual.submittedOn).length,
    }));
}

export const COLUMNS = ['office', 'requests', 'overdueRate', 'medianDays', 'objections', 'disputes', 'dip', 'annual'] as const;
export type Column = (typeof COLUMNS)[number];

/** The column names in the URL (?urut=), in Indonesian like the app's other parameters. */
export const COLUMN_PARAMS: Readonly<Record<Column, string>> = {
  office: 'kantor',
  requests: 'permohonan',
  overdueRate: 'keterlambatan',
  medianDays: 'median',
  objections: 'keberatan',
  disputes: 'sengketa',
  dip: 'dip',
  annual: 'laporan-tahunan',
};

export function columnLabel(column: Column, annualYear: number): Text {
  switch (column) {
    case 'office':
      return text('Kantor', 'Office');
    case 'requests':
      return text('Permohonan', 'Requests');
    case 'overdueRate':
      return text('Terlambat (%)', 'Late (%)');
    case 'medianDays':
      return text('Median hari kerja sampai jawaban', 'Median working days to answer');
    case 'objections':
      return text('Keberatan', 'Objections');
    case 'disputes':
      return text('Sengketa', 'Disputes');
    case 'dip':
      return text('DIP terakhir ditetapkan', 'Latest DIP edition');
    case 'annual':
      return text(`Laporan tahunan ${annualYear}`, `Annual report ${annualYear}`);
  }
}

export type Direction = 'asc' | 'desc';
export interface Sort {
  readonly column: Column;
  readonly direction: Direction;
}

export const DEFAULT_SORT: Sort = { column: 'office', direction: 'asc' };

/** The sort from `?urut=&arah=`; anything unknown is the default order (a link parameter, not a form). */
export function checkSort(column: string | undefined, direction: string | undefined): Sort {
  const found = COLUMNS.find((c) => COLUMN_PARAMS[c] === column);
  if (!found) return DEFAULT_SORT;
  return { column: found, direction: direction === 'turun' ? 'desc' : 'asc' };
}

export function sortQuery(sort: Sort): string {
  return `urut=${COLUMN_PARAMS[sort.column]}&arah=${sort.direction === 'desc' ? 'turun' : 'naik'}`;
}

/** The sort a column's heading links to: the other direction when it is the current column; figures start with the largest. */
export function nextSort(current: Sort, column: Column): Sort {
  if (current.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: column === 'office' ? 'asc' : 'desc' };
}

/** A row's value in a column; null when the office has nothing to show there. */
export function columnValue(row: OverviewRow, column: Exclude<Column, 'office'>): number | string | null {
  const f = row.figures;
  switch (column) {
    case 'requests':
      return f ? f.requests : null;
    case 'overdueRate':
      return f ? percentOf(overdueRate(asOfficeFigures(f))) : null;
    case 'medianDays':
      return f ? medianAnswerDays(asOfficeFigures(f)) : null;
    case 'objections':
      return f ? f.objections : null;
    case 'disputes':
      return f ? f.disputes : null;
    case 'dip':
      return row.dip?.day ?? null;
    case 'annual':
      return row.annual.submittedOn;
  }
}

/** A share 0–1 as a percentage with one decimal; null stays null. */
export function percentOf(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10;
}

/** Sorted by the column; rows without a value go last in either direction, ties by office code. */
export function sortRows(rows: readonly OverviewRow[], sort: Sort): OverviewRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort.column === 'office') return sign * a.office.name.localeCompare(b.office.name, 'id') || byCode(a.office, b.office);
    const x = columnValue(a, sort.column);
    const y = columnValue(b, sort.column);
    if (x === null || y === null) return x === y ? byCode(a.office, b.office) : x === null ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sign * order || byCode(a.office, b.office);
  });
}

export function annualWords(lang: Lang, status: AnnualStatus, today: string): string {
  if (status.submittedOn) return t(lang, text(`Disampaikan ${formatDay('id', status.submittedOn, false)}`, `Submitted ${formatDay('en', status.submittedOn, false)}`));
  const due = submissionDue(status.year);
  return today > due
    ? t(lang, text(`Belum; lewat batas ${formatDay('id', due, false)}`, `Not yet; past the ${formatDay('en', due, false)} deadline`))
    : t(lang, text(`Belum; batas ${formatDay('id', due, false)}`, `Not yet; due ${formatDay('en', due, false)}`));
}

export function dipWords(lang: Lang, dip: LatestDip | null): string {
  if (!dip) return t(lang, text('Belum ada DIP yang ditetapkan', 'No DIP published yet'));
  return t(lang, text(`Edisi ${dip.edition}, ${formatDay('id', dip.day, false)}`, `Edition ${dip.edition}, ${formatDay('en', dip.day, false)}`));
}


