import { CATEGORIES, CATEGORY_LABELS } from '../dip/rules.ts';
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.ts';
import { formatDay, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import {
  DISPUTE_OUTCOME_LABELS,
  DISPUTE_OUTCOMES,
  DISPUTE_STAGE_LABELS,
  DISPUTE_STAGES,
  GROUND_LABELS,
  GROUNDS,
  OBJECTION_STATUS_LABELS,
  OBJECTION_STATUSES,
} from '../objections/rules.ts';
import { allOffices, type OfficeRow } from '../offices/store.ts';
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES, CHANNEL_LABELS, CHANNELS, OUTCOME_LABELS, OUTCOMES, PASAL17, PASAL17_LABELS } from '../requests/rules.ts';
import { csvField } from '../dip/exports.ts';
import { ANSWER_BUCKETS, answerBuckets, BUCKET_LABELS, decidedCount, figuresByOffice, medianAnswerDays, sumFigures, type OfficeFigures, type Period } from './figures.ts';

/**
 * The public statistics of an office and of the nation, and the berkala "Ringkasan akses informasi
 * publik" (issue 6 items 2 and 4). Every number comes from figuresByOffice and sumFigures, counted
 * live from the registers, so the published summary is always current; nothing here reads a person.
 * The page, the CSV and the JSON take their lines from statSections, so they cannot disagree.
 */

/** The first year a statistic may be asked for (the reports' months start there too). */
export const FIRST_YEAR = 2000;

export interface StatYear {
  readonly year: number;
  /** What is counted: the calendar year, or for the current year 1 January up to today. */
  readonly period: Period;
  readonly inProgress: boolean;
}

export type YearCheck = { readonly ok: true; readonly value: StatYear } | { readonly ok: false; readonly problem: Text };

export function statYear(year: number, today: string): StatYear {
  const inProgress = String(year) === today.slice(0, 4);
  return { year, period: { from: `${year}-01-01`, to: inProgress ? today : `${year}-12-31` }, inProgress };
}

/** The year from `?tahun=`; empty means this year so far. A year to come or not a year is refused. */
export function checkYear(raw: string, today: string): YearCheck {
  const value = raw.trim() || today.slice(0, 4);
  if (!/^\d{4}$/.test(value)) return { ok: false, problem: text('Tulis tahun dengan empat angka, misalnya 2025.', 'Write the year as four digits, for example 2025.') };
  const year = Number(value);
  if (year < FIRST_YEAR) return { ok: false, problem: text(`Statistik tersedia untuk tahun sejak ${FIRST_YEAR}.`, `Statistics exist for years from ${FIRST_YEAR}.`) };
  if (value > today.slice(0, 4)) {
    return { ok: false, problem: text(`Tahun ${value} belum tiba: statistik hanya ada untuk tahun berjalan dan tahun yang sudah lewat.`, `${value} has not come yet: statistics exist only for this year and past years.`) };
  }
  return { ok: true, value: statYear(year, today) };
}

/** "1 Januari 2026 – 21 November 2026 (tahun berjalan)" / "… (this year so far)". */
export function periodText(lang: Lang, y: StatYear): string {
  const range = `${formatDay(lang, y.period.from, false)} – ${formatDay(lang, y.period.to, false)}`;
  return y.inProgress ? `${range} ${t(lang, text('(tahun berjalan, sampai hari ini)', '(this year so far)'))}` : range;
}

export function noDataText(lang: Lang, y: StatYear): string {
  return t(
    lang,
    text(
      `Tidak ada data untuk ${y.year}: tidak ada permohonan, keberatan atau sengketa yang tercatat pada periode ini, jadi tidak ada angka yang dapat diukur.`,
      `No data for ${y.year}: no request, objection or dispute was recorded in this period, so there is nothing to measure.`,
    ),
  );
}

// ---------------------------------------------------------------------------------------------------
// The figures as lines

export interface StatLine {
  /** Stable across versions: the CSV's "kunci" column. */
  readonly key: string;
  readonly label: Text;
  /** A shorter label that fits beside a bar in the chart. */
  readonly short: Text;
  /** Null only for a median with nothing decided. */
  readonly value: number | null;
  readonly unit: 'count' | 'working_days';
  /** total: the section's headline; part: one share of it (charted); measure: another figure about it. */
  readonly role: 'total' | 'part' | 'measure';
}

export interface StatSection {
  readonly id: string;
  readonly title: Text;
  /** The parts are drawn as a bar chart as well as listed. */
  readonly chart: boolean;
  readonly lines: readonly StatLine[];
}

const line = (key: string, label: Text, value: number | null, role: StatLine['role'], options: { short?: Text; unit?: StatLine['unit'] } = {}): StatLine => ({
  key,
  label,
  short: options.short ?? label,
  value,
  unit: options.unit ?? 'count',
  role,
});

const sum = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((a, n) => a + n, 0);

const SHORT_OUTCOMES: Readonly<Partial<Record<string, Text>>> = {
  handed_over: text('Diberikan di desk', 'Handed over at the desk'),
  exempt_explained: text('Dijelaskan dikecualikan', 'Explained as exempt'),
  not_documented: text('Belum didokumentasikan', 'Not yet documented'),
};

/** The statistics of one office (or of several summed), in the order every output shows them. */
export function statSections(f: OfficeFigures): StatSection[] {
  const pending = text('Belum diputus', 'Not decided yet');
  const refusals = sum(f.refusedByPasal17);
  const buckets = answerBuckets(f);
  const withOutcome = sum(f.disputesByOutcome);
  return [
    {
      id: 'channel',
      title: text('Permohonan diterima menurut saluran', 'Requests received by channel'),
      chart: true,
      lines: [line('requests', text('Permohonan diterima', 'Requests received'), f.requests, 'total'), ...CHANNELS.map((c) => line(`channel.${c}`, CHANNEL_LABELS[c], f.byChannel[c], 'part'))],
    },
    {
      id: 'applicant',
      title: text('Permohonan menurut jenis pemohon', 'Requests by type of applicant'),
      chart: true,
      lines: APPLICANT_TYPES.map((a) => line(`applicant.${a}`, APPLICANT_TYPE_LABELS[a], f.byApplicantType[a], 'part')),
    },
    {
      id: 'category',
      title: text('Permohonan menurut kategori informasi', 'Requests by category of information'),
      chart: true,
      lines: [
        ...CATEGORIES.map((c) => line(`category.${c}`, CATEGORY_LABELS[c], f.byCategory[c], 'part')),
        line('category.unclassified', text('Belum dikategorikan', 'Not classified'), f.byCategory.unclassified, 'part'),
      ],
    },
    {
      id: 'outcome',
      title: text('Penyelesaian permohonan', 'How the requests ended'),
      chart: true,
      lines: [
        ...OUTCOMES.map((o) => line(`outcome.${o}`, OUTCOME_LABELS[o], f.byOutcome[o], 'part', SHORT_OUTCOMES[o] ? { short: SHORT_OUTCOMES[o] } : {})),
        line('outcome.pending', pending, f.byOutcome.pending, 'part'),
      ],
    },
    {
      id: 'pasal17',
      title: text('Penolakan dan penjelasan informasi dikecualikan, menurut alasan (Pasal 17 UU 14/2008)', 'Refusals and explanations of exempt information, by reason (article 17 of Law 14/2008)'),
      chart: true,
      lines: [
        line('refusals', text('Ditolak atau dijelaskan sebagai informasi dikecualikan', 'Refused or explained as exempt information'), refusals, 'total'),
        ...PASAL17.map((p) => line(`pasal17.${p}`, PASAL17_LABELS[p], f.refusedByPasal17[p], 'part', { short: text(`Pasal 17 huruf ${p}`, `Article 17(${p})`) })),
        line('pasal17.unknown', text('Alasan tidak tercatat', 'No reason recorded'), f.refusedByPasal17.unknown, 'part'),
      ],
    },
    {
      id: 'answer',
      title: text('Waktu menjawab (hari kerja sampai pemberitahuan tertulis)', 'Time to answer (working days to the written notice)'),
      chart: true,
      lines: [
        line('answer.decided', text('Permohonan yang sudah diputus', 'Requests decided'), decidedCount(f), 'total'),
        ...ANSWER_BUCKETS.map((b) => line(`answer.${b.key}`, BUCKET_LABELS[b.key], buckets[b.key], 'part', b.key === 'd11_17' ? { short: text('11–17 hari kerja', '11–17 working days') } : {})),
        line('answer.median', text('Median hari kerja sampai pemberitahuan', 'Median working days to the notice'), medianAnswerDays(f), 'measure', { unit: 'working_days' }),
        line('answer.late', text('Dijawab melewati batas waktu, atau belum dijawab dan sudah lewat', 'Answered after the deadline, or not answered and past it'), f.late, 'measure'),
        line('answer.overdue_open', text('Belum dijawab dan sudah lewat batas waktu', 'Not answered and past the deadline'), f.overdueOpen, 'measure'),
      ],
    },
    {
      id: 'objection',
      title: text('Keberatan menurut hasilnya', 'Objections by outcome'),
      chart: true,
      lines: [
        line('objections', text('Keberatan diterima', 'Objections received'), f.objections, 'total'),
        ...OBJECTION_STATUSES.map((s) => line(`objection.${s}`, OBJECTION_STATUS_LABELS[s], f.objectionsByStatus[s], 'part', { short: OBJECTION_SHORT[s] })),
        line('objection.late', text('Ditanggapi melewati 30 hari kerja, atau belum dan sudah lewat', 'Answered after 30 working days, or not yet and past them'), f.objectionsLate, 'measure'),
      ],
    },
    {
      id: 'ground',
      title: text('Keberatan menurut alasan (Pasal 35 UU 14/2008; satu keberatan dapat beralasan lebih dari satu)', 'Objections by ground (article 35 of Law 14/2008; one objection may have several)'),
      chart: false,
      lines: GROUNDS.map((g) => line(`ground.${g}`, GROUND_LABELS[g], f.objectionsByGround[g], 'part')),
    },
    {
      id: 'dispute',
      title: text('Sengketa informasi menurut hasilnya', 'Information disputes by outcome'),
      chart: true,
      lines: [
        line('disputes', text('Sengketa diajukan ke Komisi Informasi', 'Disputes filed at the Information Commission'), f.disputes, 'total'),
        ...DISPUTE_OUTCOMES.map((o) => line(`dispute.${o}`, DISPUTE_OUTCOME_LABELS[o], f.disputesByOutcome[o], 'part', { short: DISPUTE_SHORT[o] })),
        line('dispute.ongoing', text('Belum selesai', 'Not finished yet'), f.disputes - withOutcome, 'part'),
      ],
    },
    {
      id: 'dispute_stage',
      title: text('Sengketa informasi menurut tahap terakhir', 'Information disputes by latest stage'),
      chart: false,
      lines: DISPUTE_STAGES.map((s) => line(`dispute_stage.${s}`, DISPUTE_STAGE_LABELS[s], f.disputesByStage[s], 'part')),
    },
  ];
}

const OBJECTION_SHORT: Readonly<Record<(typeof OBJECTION_STATUSES)[number], Text>> = {
  filed: text('Menunggu tanggapan', 'Awaiting an answer'),
  upheld: text('Keputusan PPID dikuatkan', "PPID's decision stands"),
  overturned: text('Keberatan diterima', 'Objection upheld'),
  settled: text('Kesepakatan', 'Settled by agreement'),
  withdrawn: text('Dicabut', 'Withdrawn'),
};

const DISPUTE_SHORT: Readonly<Record<(typeof DISPUTE_OUTCOMES)[number], Text>> = {
  mediation_agreement: text('Kesepakatan mediasi', 'Mediation agreement'),
  granted: text('Dikabulkan seluruhnya', 'Granted in full'),
  granted_part: text('Dikabulkan sebagian', 'Granted in part'),
  rejected: text('Ditolak', 'Rejected'),
  withdrawn: text('Dicabut', 'Withdrawn'),
  dismissed: text('Tidak dapat diterima', 'Not admissible'),
  court_ruling: text('Putusan pengadilan', 'Court ruling'),
};

/** The sections the berkala summary publishes: what came in, how it ended and why, how fast, and what was contested. */
const SUMMARY_SECTIONS: ReadonlySet<string> = new Set(['channel', 'outcome', 'pasal17', 'answer', 'objection', 'dispute']);

/** The summary's lines: its sections, with the shares that are zero left out (the totals always stay). */
export function summarySections(f: OfficeFigures): StatSection[] {
  return statSections(f)
    .filter((s) => SUMMARY_SECTIONS.has(s.id))
    .map((s) => ({ ...s, lines: s.lines.filter((l) => l.role !== 'part' || (l.value ?? 0) > 0) }));
}

// ---------------------------------------------------------------------------------------------------
// Loading

/** A row of a table of offices: one office's figures, or an office with the ones below it. */
export interface StatRow {
  readonly office: OfficeRow | null;
  /** Whose figures: the office alone, an office with those below it, or the offices under no province. */
  readonly scope: 'kantor' | 'wilayah' | 'lainnya';
  readonly label: Text;
  /** Null: nothing recorded in the period. */
  readonly figures: OfficeFigures | null;
}

export interface OfficeStats {
  readonly office: OfficeRow;
  readonly year: StatYear;
  readonly today: string;
  readonly computedAt: Date;
  readonly figures: OfficeFigures | null;
  /** For a province or KPU RI: each office directly below, with everything below that one. */
  readonly below: readonly StatRow[];
}

export interface NationalStats {
  readonly year: StatYear;
  readonly today: string;
  readonly computedAt: Date;
  readonly figures: OfficeFigures | null;
  /** KPU RI itself, each province with its regencies and cities, and any office under no province. */
  readonly regions: readonly StatRow[];
}

/** The figures of a group of offices, or null when none of them recorded anything. */
function groupFigures(ids: readonly number[], figures: ReadonlyMap<number, OfficeFigures>): OfficeFigures | null {
  const found = ids.map((id) => figures.get(id)).filter((f): f is OfficeFigures => f !== undefined);
  return found.length === 0 ? null : sumFigures(found);
}

/** An office and every office below it, from the office list (cycles in bad data end the walk). */
function subtree(rootId: number, children: ReadonlyMap<number, readonly OfficeRow[]>): number[] {
  const out = [rootId];
  const seen = new Set(out);
  for (let i = 0; i < out.length; i++) {
    for (const child of children.get(out[i]!) ?? []) {
      if (!seen.has(child.id)) {
        seen.add(child.id);
        out.push(child.id);
      }
    }
  }
  return out;
}

function childrenMap(all: readonly OfficeRow[]): Map<number, OfficeRow[]> {
  const map = new Map<number, OfficeRow[]>();
  for (const o of all) {
    if (o.parentId === null) continue;
    const list = map.get(o.parentId) ?? [];
    list.push(o);
    map.set(o.parentId, list);
  }
  return map;
}

/** The row of an office and the offices in `ids` (itself first). */
function groupRow(office: OfficeRow, ids: readonly number[], figures: ReadonlyMap<number, OfficeFigures>): StatRow {
  const alone = ids.length === 1;
  return {
    office,
    scope: alone ? 'kantor' : 'wilayah',
    label: alone ? text(office.name, office.name) : text(`${office.name} beserta kantor di bawahnya`, `${office.name} with the offices below it`),
    figures: groupFigures(ids, figures),
  };
}

/**
 * The calendar year is always what is asked of the registers: nothing is received in the future, so
 * for the current year this is the year so far, without guessing whose "today" the nation keeps.
 */
function queryPeriod(y: StatYear): Period {
  return { from: `${y.year}-01-01`, to: `${y.year}-12-31` };
}

export async function officeStats(exec: Executor, office: OfficeRow, year: StatYear, today: string): Promise<OfficeStats> {
  const all = office.level === 'regency' ? [] : await allOffices(exec);
  const children = childrenMap(all);
  const direct = children.get(office.id) ?? [];
  const trees = direct.map((c) => ({ office: c, ids: subtree(c.id, children) }));
  const ids = [office.id, ...trees.flatMap((tree) => tree.ids)];
  const figures = await figuresByOffice(exec, ids, queryPeriod(year), today);
  return {
    office,
    year,
    today,
    computedAt: new Date(),
    figures: figures.get(office.id) ?? null,
    below: trees.map((tree) => groupRow(tree.office, tree.ids, figures)),
  };
}

export async function nationalStats(exec: Executor, year: StatYear, today: string): Promise<NationalStats> {
  const [all, figures] = await Promise.all([allOffices(exec), figuresByOffice(exec, null, queryPeriod(year), today)]);
  const children = childrenMap(all);
  const placed = new Set<number>();
  const regions: StatRow[] = [];
  for (const ri of all.filter((o) => o.level === 'ri')) {
    placed.add(ri.id);
    regions.push(groupRow(ri, [ri.id], figures));
  }
  for (const province of all.filter((o) => o.level === 'province')) {
    const ids = subtree(province.id, children).filter((id) => !placed.has(id));
    for (const id of ids) placed.add(id);
    regions.push(groupRow(province, ids, figures));
  }
  const rest = all.filter((o) => !placed.has(o.id)).map((o) => o.id);
  if (rest.length > 0) {
    regions.push({ office: null, scope: 'lainnya', label: text('Kantor lain yang tidak berada di bawah provinsi mana pun', 'Other offices under no province'), figures: groupFigures(rest, figures) });
  }
  return { year, today, computedAt: new Date(), figures: figures.size === 0 ? null : sumFigures(figures.values()), regions };
}

/**
 * A public page must not let every visitor start a scan of the nation's registers: a statistic is
 * computed once and shared for a few minutes, and visitors arriving while it is being computed wait
 * for that same computation. Keyed by whatever names the statistic (scope, year, today).
 */
export function sharedResults(ttlMs = 5 * 60_000, max = 200) {
  const entries = new Map<string, { at: number; ttl: number; value: Promise<unknown> }>();
  return function shared<T>(key: string, compute: () => Promise<T>, now = Date.now(), ttl = ttlMs): Promise<T> {
    const hit = entries.get(key);
    if (hit && now - hit.at < hit.ttl) return hit.value as Promise<T>;
    const value = compute();
    entries.delete(key);
    entries.set(key, { at: now, ttl, value });
    // A failure is not kept: the next visitor tries again.
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    // Oldest first out (a Map iterates in insertion order).
    while (entries.size > max) entries.delete(entries.keys().next().value!);
    return value;
  };
}

/**
 * Runs computations one after another, so that scans of many offices' registers (the nation, a
 * province) never run side by side however many years visitors ask for at once.
 */
export function oneAtATime(): <T>(compute: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(compute: () => Promise<T>): Promise<T> => {
    const run = tail.then(compute, compute);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** The value when it comes within `ms`, else undefined: the computation goes on and is shared when done. */
export async function within<T>(value: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([value, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface SummaryYear extends StatYear {
  readonly figures: OfficeFigures | null;
}

/** The first year in which the office recorded a request, an objection or a dispute; null if it never did. */
async function firstYearOf(exec: Executor, office: OfficeRow): Promise<number | null> {
  const [row] = await queryRows<{ first: string | null }>(
    exec,
    sql`
      select least(
        (select (min(received_at) at time zone ${office.timeZone})::date from requests where office_id = ${office.id}),
        (select (min(received_at) at time zone ${office.timeZone})::date from objections where office_id = ${office.id}),
        (select min(filed_on) from disputes where office_id = ${office.id})
      )::text as first`,
  );
  return row?.first ? Number(row.first.slice(0, 4)) : null;
}

/** The berkala summary: this year so far, then every past year back to the office's first record. */
export async function accessSummary(exec: Executor, office: OfficeRow, today: string): Promise<SummaryYear[]> {
  const current = Number(today.slice(0, 4));
  const first = Math.min(current, Math.max(FIRST_YEAR, (await firstYearOf(exec, office)) ?? current));
  const years: SummaryYear[] = [];
  for (let year = current; year >= first; year--) {
    const y = statYear(year, today);
    const figures = await figuresByOffice(exec, [office.id], queryPeriod(y), today);
    years.push({ ...y, figures: figures.get(office.id) ?? null });
  }
  return years;
}

// ---------------------------------------------------------------------------------------------------
// Downloads

/** The figures as open data: the raw counts under stable English keys, plus the derived ones. */
export function figuresData(f: OfficeFigures) {
  return {
    requests: f.requests,
    byChannel: f.byChannel,
    byApplicantType: f.byApplicantType,
    byCategory: f.byCategory,
    byOutcome: f.byOutcome,
    refusedByPasal17: f.refusedByPasal17,
    answer: {
      decided: decidedCount(f),
      medianWorkingDays: medianAnswerDays(f),
      buckets: answerBuckets(f),
      byWorkingDays: f.answerDays,
      late: f.late,
      overdueOpen: f.overdueOpen,
    },
    objections: { received: f.objections, byStatus: f.objectionsByStatus, byGround: f.objectionsByGround, late: f.objectionsLate },
    disputes: { filed: f.disputes, byOutcome: f.disputesByOutcome, byStage: f.disputesByStage },
  };
}

const officeData = (o: OfficeRow) => ({ slug: o.slug, code: o.code, name: o.name, level: o.level });

function rowData(row: StatRow) {
  return { office: row.office ? officeData(row.office) : null, scope: row.scope, label: t('id', row.label), figures: row.figures ? figuresData(row.figures) : null };
}

function yearData(y: StatYear, today: string) {
  return { year: y.year, from: y.period.from, to: y.period.to, inProgress: y.inProgress, asOf: today };
}

/** JSON; `figures` is null when nothing was recorded (never zeros as if measured). */
export function statsJson(stats: OfficeStats | NationalStats): Buffer {
  const data =
    'office' in stats
      ? {
          format: 'lentera-statistik/1',
          scope: 'office',
          office: officeData(stats.office),
          period: yearData(stats.year, stats.today),
          generatedAt: stats.computedAt.toISOString(),
          figures: stats.figures ? figuresData(stats.figures) : null,
          below: stats.below.map(rowData),
        }
      : {
          format: 'lentera-statistik/1',
          scope: 'national',
          office: null,
          period: yearData(stats.year, stats.today),
          generatedAt: stats.computedAt.toISOString(),
          figures: stats.figures ? figuresData(stats.figures) : null,
          regions: stats.regions.map(rowData),
        };
  return Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8');
}

export const CSV_HEADER = ['cakupan', 'kode_kantor', 'kantor', 'tahun', 'dari', 'sampai', 'bagian', 'kunci', 'uraian', 'nilai'] as const;

/**
 * CSV, one figure per line (UTF-8 with a BOM, CRLF, as the DIP's CSV). "cakupan" says whose figure it
 * is: the office alone ("kantor"), an office with those below it ("wilayah"), the offices under no
 * province ("lainnya"), or the nation ("nasional"). A group with nothing recorded has no lines. Labels are Indonesian, keys stable.
 */
export function statsCsv(stats: OfficeStats | NationalStats): Buffer {
  const y = stats.year;
  const lines = [CSV_HEADER.join(',')];
  const add = (scope: string, code: string, name: string, f: OfficeFigures | null) => {
    if (!f) return;
    for (const section of statSections(f)) {
      for (const l of section.lines) {
        const value = l.value === null ? '' : l.unit === 'working_days' ? String(l.value) : l.value;
        lines.push([scope, code, name, y.year, y.period.from, y.period.to, section.id, l.key, t('id', l.label), value].map(csvField).join(','));
      }
    }
  };
  if ('office' in stats) {
    add('kantor', stats.office.code, stats.office.name, stats.figures);
  } else {
    add('nasional', '', 'Nasional', stats.figures);
  }
  for (const row of 'office' in stats ? stats.below : stats.regions) add(row.scope, row.office?.code ?? '', t('id', row.label), row.figures);
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
