import type { Db } from '../../src/db/client.ts';
import { deadlines, disputes, objections, offices, requests } from '../../src/db/schema.ts';
import { CHANNELS, APPLICANT_TYPES, OUTCOMES, PASAL17, type Outcome } from '../../src/requests/rules.ts';
import { DISPUTE_OUTCOMES, DISPUTE_STAGES, GROUNDS, OBJECTION_STATUSES } from '../../src/objections/rules.ts';

/**
 * A year of register data written straight into the tables, for tests that check every reported
 * figure against a count of their own. Deterministic (seeded), with rows on both sides of the year's
 * edges in each office's time zone. The specs returned are what the test counts from; the database
 * only ever sees the rows.
 */

export interface GenOffice {
  readonly id: number;
  readonly timeZone: string;
}

export interface GenRequest {
  readonly officeId: number;
  readonly receivedAt: Date;
  readonly channel: string;
  readonly applicantType: string;
  readonly outcome: Outcome | null;
  readonly pasal17: string;
  /** As the PPID gave it on the notice ('' when none). */
  readonly category: string;
  readonly decidedAt: Date | null;
  readonly answerDays: number | null;
  readonly due: string;
}

export interface GenObjection {
  readonly officeId: number;
  readonly request: number;
  readonly receivedAt: Date;
  readonly grounds: string[];
  readonly status: string;
  readonly decidedAt: Date | null;
  readonly due: string;
}

export interface GenDispute {
  readonly officeId: number;
  readonly objection: number;
  readonly filedOn: string;
  readonly stage: string;
  readonly outcome: string | null;
}

export interface GenYear {
  readonly offices: GenOffice[];
  readonly requests: GenRequest[];
  readonly objections: GenObjection[];
  readonly disputes: GenDispute[];
}

/** Mulberry32: small, seeded, good enough to spread test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function localDayOf(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

const OFFSETS: Readonly<Record<string, number>> = { 'Asia/Jakarta': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 };

/** The instant of a local wall-clock time in one of Indonesia's zones (no daylight saving). */
function localInstant(day: string, hour: number, minute: number, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, hour - OFFSETS[timeZone]!, minute));
}

function addDaysIso(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Makes two offices (WIB and WIT) and `perOffice` requests each over `year`, plus edge rows just outside it. */
export async function generateYear(db: Db, year: number, perOffice: number, seed = 7): Promise<GenYear> {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const made = await db
    .insert(offices)
    .values([
      { level: 'regency', code: `98.${seed}1`, slug: `gen-${seed}-barat`, name: `KPU Uji ${seed} Barat`, timeZone: 'Asia/Jakarta' },
      { level: 'regency', code: `98.${seed}2`, slug: `gen-${seed}-timur`, name: `KPU Uji ${seed} Timur`, timeZone: 'Asia/Jayapura' },
    ])
    .returning({ id: offices.id, timeZone: offices.timeZone });
  const specs: GenRequest[] = [];
  for (const office of made) {
    const days: [string, number, number][] = [];
    for (let i = 0; i < perOffice; i++) days.push([addDaysIso(`${year}-01-01`, Math.floor(random() * 365)), 8 + Math.floor(random() * 9), Math.floor(random() * 60)]);
    // Just outside and just inside the year, in local time: 23:30 on 31 December of the year before, 00:15 on 1 January after.
    days.push([`${year - 1}-12-31`, 23, 30], [`${year}-01-01`, 0, 15], [`${year}-12-31`, 23, 45], [`${year + 1}-01-01`, 0, 15]);
    for (const [day, hour, minute] of days) {
      const receivedAt = localInstant(day, hour, minute, office.timeZone);
      const due = addDaysIso(day, 14);
      const decided = random() < 0.85;
      const outcome = decided ? pick(OUTCOMES) : null;
      const answerDays = decided ? Math.floor(random() * 22) : null;
      // A decision's calendar day: the answer's working days stretched a little for weekends.
      const decidedAt = decided ? localInstant(addDaysIso(day, Math.round((answerDays ?? 0) * 1.4)), 11, 0, office.timeZone) : null;
      const pasal17 = outcome === 'refused' || outcome === 'exempt_explained' ? (random() < 0.1 ? '' : pick(PASAL17)) : '';
      const category = outcome === 'refused' || outcome === 'exempt_explained' ? 'dikecualikan' : outcome && random() < 0.7 ? pick(['berkala', 'serta_merta', 'setiap_saat']) : '';
      specs.push({ officeId: office.id, receivedAt, channel: pick(CHANNELS), applicantType: pick(APPLICANT_TYPES), outcome, pasal17, category, decidedAt, answerDays, due });
    }
  }

  const clockRows = await db
    .insert(deadlines)
    .values(specs.map((s, i) => ({ officeId: s.officeId, subjectType: 'request', subjectId: `gen-${i}`, purpose: 'request_notice', startAt: s.receivedAt, workingDays: 10, due: s.due, explanation: {} })))
    .returning({ id: deadlines.id });
  const requestRows = await db
    .insert(requests)
    .values(
      specs.map((s, i) => ({
        officeId: s.officeId,
        number: `GEN/${seed}/${i}`,
        submissionKey: `gen-${seed}-${i}-aaaaaaaaaaaaaaaa`,
        channel: s.channel,
        applicantType: s.applicantType,
        name: 'Pemohon Uji',
        address: 'Jl. Uji',
        information: 'Informasi uji',
        purpose: 'Uji',
        obtainMethod: 'copy',
        deliveryMethod: 'email',
        status: s.outcome ? 'closed' : 'escalated',
        outcome: s.outcome,
        profile: 'normal',
        receivedAt: s.receivedAt,
        deadlineId: clockRows[i]!.id,
        decision: s.outcome ? { outcome: s.outcome, pasal17: s.pasal17, ...(s.category ? { category: s.category } : {}) } : null,
        decidedAt: s.decidedAt,
        answerWorkingDays: s.answerDays,
      })),
    )
    .returning({ id: requests.id });

  const objectionSpecs: GenObjection[] = [];
  specs.forEach((s, i) => {
    if (!s.decidedAt || random() > 0.2) return;
    const grounds = GROUNDS.filter(() => random() < 0.3);
    if (grounds.length === 0) grounds.push(pick(GROUNDS));
    const receivedAt = new Date(s.decidedAt.getTime() + Math.floor(random() * 20) * 86_400_000);
    const status = pick(OBJECTION_STATUSES);
    const decidedAt = status === 'filed' || status === 'withdrawn' ? null : new Date(receivedAt.getTime() + Math.floor(random() * 50) * 86_400_000);
    objectionSpecs.push({ officeId: s.officeId, request: i, receivedAt, grounds, status, decidedAt, due: addDaysIso(localDayOf(receivedAt, made.find((o) => o.id === s.officeId)!.timeZone), 42) });
  });
  const objectionRows: { id: number }[] = [];
  if (objectionSpecs.length > 0) {
    const answerClocks = await db
      .insert(deadlines)
      .values(objectionSpecs.map((o, i) => ({ officeId: o.officeId, subjectType: 'objection', subjectId: `gen-${i}`, purpose: 'objection_answer', startAt: o.receivedAt, workingDays: 30, due: o.due, explanation: {} })))
      .returning({ id: deadlines.id });
    objectionRows.push(
      ...(await db
        .insert(objections)
        .values(
          objectionSpecs.map((o, i) => ({
            officeId: o.officeId,
            requestId: requestRows[o.request]!.id,
            number: `GEN-KEB/${seed}/${i}`,
            submissionKey: `gen-keb-${seed}-${i}-aaaaaaaaaaaa`,
            channel: 'online',
            grounds: o.grounds,
            description: 'Keberatan uji',
            windows: [],
            status: o.status,
            receivedAt: o.receivedAt,
            deadlineId: answerClocks[i]!.id,
            decidedAt: o.decidedAt,
          })),
        )
        .returning({ id: objections.id })),
    );
  }

  const disputeSpecs: GenDispute[] = [];
  objectionSpecs.forEach((o, i) => {
    if (!o.decidedAt || random() > 0.5) return;
    const stage = pick(DISPUTE_STAGES);
    disputeSpecs.push({ officeId: o.officeId, objection: i, filedOn: addDaysIso(localDayOf(o.decidedAt, 'Asia/Jakarta'), 5), stage, outcome: stage === 'closed' ? pick(DISPUTE_OUTCOMES) : null });
  });
  if (disputeSpecs.length > 0) {
    await db.insert(disputes).values(
      disputeSpecs.map((d) => ({
        officeId: d.officeId,
        objectionId: objectionRows[d.objection]!.id,
        requestId: requestRows[objectionSpecs[d.objection]!.request]!.id,
        commission: 'Komisi Informasi Uji',
        filedOn: d.filedOn,
        window: {},
        stage: d.stage,
        outcome: d.outcome,
      })),
    );
  }
  return { offices: made, requests: specs, objections: objectionSpecs, disputes: disputeSpecs };
}
