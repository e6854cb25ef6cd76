import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.ts';
import { CATEGORIES, type Category } from '../dip/rules.ts';
import { text, type Text } from '../kernel/i18n.ts';
import { DISPUTE_OUTCOMES, DISPUTE_STAGES, GROUNDS, OBJECTION_STATUSES, type DisputeOutcome, type DisputeStage, type Ground, type ObjectionStatus } from '../objections/rules.ts';
import { APPLICANT_TYPES, CHANNELS, OUTCOMES, PASAL17, type ApplicantType, type Channel, type Outcome, type Pasal17 } from '../requests/rules.ts';

/**
 * The statistics of the annual report, the ringkasan akses, the public statistics and the oversight
 * pages (DOMAIN.md §7), counted per office in the database from the registers' own tables: requests,
 * objections and disputes. One scan per table (grouping sets), so the national figures over millions
 * of requests come back as a few thousand rows. Pure sums and medians over those rows are below.
 */

/** Local days, both inclusive, in each office's own time zone. */
export interface Period {
  readonly from: string;
  readonly to: string;
}

export type Counts<K extends string> = Record<K, number>;

export interface OfficeFigures {
  readonly requests: number;
  readonly byChannel: Counts<Channel>;
  readonly byApplicantType: Counts<ApplicantType>;
  /** The information's category as the PPID gave it (refusals are exempt); 'unclassified' when none was given or nothing decided yet. */
  readonly byCategory: Counts<Category | 'unclassified'>;
  /** 'pending': no decision yet. */
  readonly byOutcome: Counts<Outcome | 'pending'>;
  /** Refusals and desk explanations by the Pasal 17 letter they cite ('unknown' when none was recorded). */
  readonly refusedByPasal17: Counts<Pasal17 | 'unknown'>;
  /** Working days from day zero to the decision → how many requests took that long. */
  readonly answerDays: Readonly<Record<number, number>>;
  /** Decided after the deadline then running, or still open past it on `today`. */
  readonly late: number;
  /** Still open past the deadline on `today`. */
  readonly overdueOpen: number;
  readonly objections: number;
  /** An objection on two grounds counts under each. */
  readonly objectionsByGround: Counts<Ground>;
  readonly objectionsByStatus: Counts<ObjectionStatus>;
  /** Decided after the 30 working days, or still undecided past them on `today`. */
  readonly objectionsLate: number;
  readonly disputes: number;
  readonly disputesByStage: Counts<DisputeStage>;
  readonly disputesByOutcome: Counts<DisputeOutcome>;
}

function zeros<K extends string>(keys: readonly K[]): Counts<K> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Counts<K>;
}

export function emptyFigures(): OfficeFigures {
  return {
    requests: 0,
    byChannel: zeros(CHANNELS),
    byApplicantType: zeros(APPLICANT_TYPES),
    byCategory: zeros([...CATEGORIES, 'unclassified'] as const),
    byOutcome: zeros([...OUTCOMES, 'pending'] as const),
    refusedByPasal17: zeros([...PASAL17, 'unknown'] as const),
    answerDays: {},
    late: 0,
    overdueOpen: 0,
    objections: 0,
    objectionsByGround: zeros(GROUNDS),
    objectionsByStatus: zeros(OBJECTION_STATUSES),
    objectionsLate: 0,
    disputes: 0,
    disputesByStage: zeros(DISPUTE_STAGES),
    disputesByOutcome: zeros(DISPUTE_OUTCOMES),
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends Readonly<Record<infer Key extends string | number, number>> ? Record<Key, number> : T[K] };

function bump<K extends string | number>(counts: Record<K, number>, key: K, n: number): void {
  counts[key] = (counts[key] ?? 0) + n;
}

/** Whether a row's key is one the figures know; anything else is a bug in the data, counted nowhere. */
function known<K extends string>(keys: readonly K[], value: unknown): value is K {
  return typeof value === 'string' && (keys as readonly string[]).includes(value);
}

/**
 * The figures of each office in `officeIds` (null: every office) for requests received, objections
 * received and disputes filed within `period`; lateness is judged on `today`. Offices with nothing in
 * the period are absent from the map: say "no data", never zeros as if measured.
 */
export async function figuresByOffice(exec: Executor, officeIds: readonly number[] | null, period: Period, today: string): Promise<Map<number, OfficeFigures>> {
  const offices = officeIds === null ? sql`true` : officeIds.length === 0 ? sql`false` : sql`o.id = any(${`{${officeIds.join(',')}}`}::int[])`;
  const out = new Map<number, Mutable<OfficeFigures>>();
  const of = (id: number) => {
    let f = out.get(id);
    if (!f) out.set(id, (f = emptyFigures() as Mutable<OfficeFigures>));
    return f;
  };
  const inPeriod = (column: SQL) => sql`(${column} at time zone o.time_zone)::date between ${period.from}::date and ${period.to}::date`;

  // grouping(...) tells which set a row belongs to: 0 in a bit means that column was grouped on.
  // Over a national year (10 M requests, bench/annual.ts) the default 4 MB of work memory makes the
  // grouping sets sort on disk (about 7 GB of temporary files); 16 MB keeps them in one hash table.
  const requestRows = await exec.transaction(async (tx) => {
    await tx.execute(sql`select set_config('work_mem', '16MB', true)`);
    return queryRows<{ office_id: number; g: number; channel: string | null; applicant_type: string | null; outcome: string | null; pasal17: string | null; days: number | null; late: boolean | null; overdue: boolean | null; category: string | null; n: number }>(
      tx,
      sql`
        with r as (
          select r.office_id, r.channel, r.applicant_type, coalesce(r.outcome, 'pending') as outcome,
            case when r.outcome in ('refused', 'exempt_explained') then coalesce(nullif(r.decision->>'pasal17', ''), 'unknown') end as pasal17,
            r.answer_working_days as days,
            case when r.decided_at is null then d.due < ${today}::date else (r.decided_at at time zone o.time_zone)::date > d.due end as late,
            (r.decided_at is null and d.due < ${today}::date) as overdue,
            coalesce(nullif(r.decision->>'category', ''), case when r.outcome in ('refused', 'exempt_explained') then 'dikecualikan' end, 'unclassified') as category
          from requests r
          join offices o on o.id = r.office_id
          left join deadlines d on d.id = coalesce(r.reopen_deadline_id, r.extension_deadline_id, r.deadline_id)
          where ${offices} and ${inPeriod(sql`r.received_at`)}
        )
        select office_id, grouping(channel, applicant_type, outcome, pasal17, days, late, overdue, category)::int as g,
          channel, applicant_type, outcome, pasal17, days, late, overdue, category, count(*)::int as n
        from r
        group by grouping sets ((office_id, channel), (office_id, applicant_type), (office_id, outcome, pasal17), (office_id, days), (office_id, late, overdue), (office_id, category))`,
    );
  });
  for (const row of requestRows) {
    const f = of(row.office_id);
    // Bits, from the left: channel, applicant_type, outcome, pasal17, days, late, overdue, category.
    if (row.g === 0b01111111) {
      if (known(CHANNELS, row.channel)) bump(f.byChannel, row.channel, row.n);
      f.requests += row.n;
    } else if (row.g === 0b10111111) {
      if (known(APPLICANT_TYPES, row.applicant_type)) bump(f.byApplicantType, row.applicant_type, row.n);
    } else if (row.g === 0b11001111) {
      if (known([...OUTCOMES, 'pending'] as const, row.outcome)) bump(f.byOutcome, row.outcome, row.n);
      if (known([...PASAL17, 'unknown'] as const, row.pasal17)) bump(f.refusedByPasal17, row.pasal17, row.n);
    } else if (row.g === 0b11110111) {
      if (row.days !== null) bump(f.answerDays as Record<number, number>, row.days, row.n);
    } else if (row.g === 0b11111001) {
      if (row.late) f.late += row.n;
      if (row.overdue) f.overdueOpen += row.n;
    } else if (row.g === 0b11111110) {
      if (known([...CATEGORIES, 'unclassified'] as const, row.category)) bump(f.byCategory, row.category, row.n);
    }
  }

  const objectionRows = await queryRows<{ office_id: number; g: number; ground: string | null; status: string | null; late: boolean | null; n: number }>(
    exec,
    sql`
      with x as (
        select b.office_id, b.id, b.grounds, b.status,
          case when b.decided_at is null then b.status = 'filed' and d.due < ${today}::date else (b.decided_at at time zone o.time_zone)::date > d.due end as late
        from objections b
        join offices o on o.id = b.office_id
        left join deadlines d on d.id = b.deadline_id
        where ${offices} and ${inPeriod(sql`b.received_at`)}
      )
      select office_id, 0 as g, ground, null as status, null::boolean as late, count(*)::int as n from x, unnest(x.grounds) as ground group by office_id, ground
      union all
      select office_id, 1 as g, null, status, late, count(*)::int from x group by office_id, status, late`,
  );
  for (const row of objectionRows) {
    const f = of(row.office_id);
    if (row.g === 0) {
      if (known(GROUNDS, row.ground)) bump(f.objectionsByGround, row.ground, row.n);
    } else {
      f.objections += row.n;
      if (known(OBJECTION_STATUSES, row.status)) bump(f.objectionsByStatus, row.status, row.n);
      if (row.late) f.objectionsLate += row.n;
    }
  }

  const disputeRows = await queryRows<{ office_id: number; stage: string; outcome: string | null; n: number }>(
    exec,
    sql`
      select s.office_id, s.stage, s.outcome, count(*)::int as n
      from disputes s join offices o on o.id = s.office_id
      where ${offices} and s.filed_on between ${period.from}::date and ${period.to}::date
      group by s.office_id, s.stage, s.outcome`,
  );
  for (const row of disputeRows) {
    const f = of(row.office_id);
    f.disputes += row.n;
    if (known(DISPUTE_STAGES, row.stage)) bump(f.disputesByStage, row.stage, row.n);
    if (known(DISPUTE_OUTCOMES, row.outcome)) bump(f.disputesByOutcome, row.outcome, row.n);
  }
  return out as Map<number, OfficeFigures>;
}

function addCounts<K extends string | number>(into: Record<K, number>, from: Readonly<Record<K, number>>): void {
  for (const [k, n] of Object.entries(from) as [K, number][]) bump(into, k, n);
}

/** The figures of several offices together: a province with its regencies, or the nation. */
export function sumFigures(list: Iterable<OfficeFigures>): OfficeFigures {
  const total = emptyFigures() as Mutable<OfficeFigures>;
  for (const f of list) {
    total.requests += f.requests;
    total.late += f.late;
    total.overdueOpen += f.overdueOpen;
    total.objections += f.objections;
    total.objectionsLate += f.objectionsLate;
    total.disputes += f.disputes;
    addCounts(total.byChannel, f.byChannel);
    addCounts(total.byApplicantType, f.byApplicantType);
    addCounts(total.byCategory, f.byCategory);
    addCounts(total.byOutcome, f.byOutcome);
    addCounts(total.refusedByPasal17, f.refusedByPasal17);
    addCounts(total.answerDays as Record<number, number>, f.answerDays);
    addCounts(total.objectionsByGround, f.objectionsByGround);
    addCounts(total.objectionsByStatus, f.objectionsByStatus);
    addCounts(total.disputesByStage, f.disputesByStage);
    addCounts(total.disputesByOutcome, f.disputesByOutcome);
  }
  return total;
}

/** How many requests were decided (the histogram's total). */
export function decidedCount(f: OfficeFigures): number {
  return Object.values(f.answerDays).reduce((a, n) => a + n, 0);
}

/** The median working days to a decision, from the histogram; null when nothing was decided. */
export function medianAnswerDays(f: OfficeFigures): number | null {
  const entries = Object.entries(f.answerDays)
    .map(([days, n]) => [Number(days), n] as const)
    .sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((a, [, n]) => a + n, 0);
  if (total === 0) return null;
  // The lower and upper middle of an even count, averaged: the usual median.
  const at = (rank: number) => {
    let seen = 0;
    for (const [days, n] of entries) {
      seen += n;
      if (seen > rank) return days;
    }
    return entries.at(-1)![0];
  };
  return (at(Math.floor((total - 1) / 2)) + at(Math.floor(total / 2))) / 2;
}

/** The time-to-answer distribution as the annual report prints it: the law's marks are 10 and 10 + 7 working days. */
export const ANSWER_BUCKETS = [
  { key: 'same_day', min: 0, max: 0 },
  { key: 'd1_3', min: 1, max: 3 },
  { key: 'd4_7', min: 4, max: 7 },
  { key: 'd8_10', min: 8, max: 10 },
  { key: 'd11_17', min: 11, max: 17 },
  { key: 'over_17', min: 18, max: Number.POSITIVE_INFINITY },
] as const;
export type AnswerBucket = (typeof ANSWER_BUCKETS)[number]['key'];
export const BUCKET_LABELS: Readonly<Record<AnswerBucket, Text>> = {
  same_day: text('Pada hari diterima', 'On the day received'),
  d1_3: text('1–3 hari kerja', '1–3 working days'),
  d4_7: text('4–7 hari kerja', '4–7 working days'),
  d8_10: text('8–10 hari kerja', '8–10 working days'),
  d11_17: text('11–17 hari kerja (masa perpanjangan)', '11–17 working days (the extension)'),
  over_17: text('Lebih dari 17 hari kerja', 'More than 17 working days'),
};

export function answerBuckets(f: OfficeFigures): Counts<AnswerBucket> {
  const out = zeros(ANSWER_BUCKETS.map((b) => b.key));
  for (const [days, n] of Object.entries(f.answerDays)) {
    const bucket = ANSWER_BUCKETS.find((b) => Number(days) >= b.min && Number(days) <= b.max);
    if (bucket) out[bucket.key] += n;
  }
  return out;
}

/** Share of requests answered late or still overdue, 0–1; null with no requests. */
export function overdueRate(f: OfficeFigures): number | null {
  return f.requests === 0 ? null : f.late / f.requests;
}
