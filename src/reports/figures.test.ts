import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freshDatabase, ENGINE, type TestDatabase } from '../../test/support/db.ts';
import { generateYear, localDayOf, type GenYear } from '../../test/support/generate-year.ts';
import { answerBuckets, figuresByOffice, medianAnswerDays, sumFigures, type OfficeFigures } from './figures.ts';

let t: TestDatabase;
let year: GenYear;
const TODAY = '2026-01-15';
const PERIOD = { from: '2025-01-01', to: '2025-12-31' };

before(async () => {
  t = await freshDatabase();
  year = await generateYear(t.database.db, 2025, 300);
});
after(async () => t?.cleanup());

/** The test's own count: plain loops over the generated specs, nothing shared with figures.ts. */
function expected(officeIds: readonly number[]) {
  const zone = new Map(year.offices.map((o) => [o.id, o.timeZone]));
  const inYear = (at: Date, officeId: number) => {
    const day = localDayOf(at, zone.get(officeId)!);
    return day >= PERIOD.from && day <= PERIOD.to;
  };
  const requests = year.requests.filter((r) => officeIds.includes(r.officeId) && inYear(r.receivedAt, r.officeId));
  const count = (xs: readonly string[]) => xs.reduce<Record<string, number>>((acc, x) => ((acc[x] = (acc[x] ?? 0) + 1), acc), {});
  const days = requests.filter((r) => r.answerDays !== null).map((r) => r.answerDays!).sort((a, b) => a - b);
  const median = days.length === 0 ? null : (days[Math.floor((days.length - 1) / 2)]! + days[Math.floor(days.length / 2)]!) / 2;
  const late = requests.filter((r) => (r.decidedAt ? localDayOf(r.decidedAt, zone.get(r.officeId)!) > r.due : r.due < TODAY)).length;
  const objections = year.objections.filter((o) => officeIds.includes(o.officeId) && inYear(o.receivedAt, o.officeId));
  const disputes = year.disputes.filter((d) => officeIds.includes(d.officeId) && d.filedOn >= PERIOD.from && d.filedOn <= PERIOD.to);
  return {
    requests: requests.length,
    byChannel: count(requests.map((r) => r.channel)),
    byApplicantType: count(requests.map((r) => r.applicantType)),
    byCategory: count(requests.map((r) => r.category || (r.outcome === 'exempt_explained' ? 'dikecualikan' : 'unclassified'))),
    byOutcome: count(requests.map((r) => r.outcome ?? 'pending')),
    refusedByPasal17: count(requests.filter((r) => r.outcome === 'refused' || r.outcome === 'exempt_explained').map((r) => r.pasal17 || 'unknown')),
    decided: days.length,
    over17: days.filter((d) => d > 17).length,
    within10: days.filter((d) => d <= 10).length,
    median,
    late,
    overdueOpen: requests.filter((r) => !r.decidedAt && r.due < TODAY).length,
    objections: objections.length,
    objectionsByGround: count(objections.flatMap((o) => o.grounds)),
    objectionsByStatus: count(objections.map((o) => o.status)),
    objectionsLate: objections.filter((o) => (o.decidedAt ? localDayOf(o.decidedAt, zone.get(o.officeId)!) > o.due : o.status === 'filed' && o.due < TODAY)).length,
    disputes: disputes.length,
    disputesByStage: count(disputes.map((d) => d.stage)),
    disputesByOutcome: count(disputes.filter((d) => d.outcome).map((d) => d.outcome!)),
  };
}

const nonZero = (counts: Readonly<Record<string, number>>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

function check(actual: OfficeFigures, want: ReturnType<typeof expected>): void {
  assert.equal(actual.requests, want.requests);
  assert.deepEqual(nonZero(actual.byChannel), want.byChannel);
  assert.deepEqual(nonZero(actual.byApplicantType), want.byApplicantType);
  assert.deepEqual(nonZero(actual.byCategory), want.byCategory);
  assert.deepEqual(nonZero(actual.byOutcome), want.byOutcome);
  assert.deepEqual(nonZero(actual.refusedByPasal17), want.refusedByPasal17);
  const buckets = answerBuckets(actual);
  assert.equal(Object.values(buckets).reduce((a, n) => a + n, 0), want.decided);
  assert.equal(buckets.over_17, want.over17);
  assert.equal(buckets.same_day + buckets.d1_3 + buckets.d4_7 + buckets.d8_10, want.within10);
  assert.equal(medianAnswerDays(actual), want.median);
  assert.equal(actual.late, want.late);
  assert.equal(actual.overdueOpen, want.overdueOpen);
  assert.equal(actual.objections, want.objections);
  assert.deepEqual(nonZero(actual.objectionsByGround), want.objectionsByGround);
  assert.deepEqual(nonZero(actual.objectionsByStatus), want.objectionsByStatus);
  assert.equal(actual.objectionsLate, want.objectionsLate);
  assert.equal(actual.disputes, want.disputes);
  assert.deepEqual(nonZero(actual.disputesByStage), want.disputesByStage);
  assert.deepEqual(nonZero(actual.disputesByOutcome), want.disputesByOutcome);
}

describe(`report figures (${ENGINE})`, () => {
  test('every figure of each office equals a count of the generated year, in its own time zone', async () => {
    const figures = await figuresByOffice(t.database.db, null, PERIOD, TODAY);
    for (const office of year.offices) {
      const want = expected([office.id]);
      assert.ok(want.requests > 250 && want.objections > 10 && want.disputes > 3, 'the generated year exercises every figure');
      check(figures.get(office.id)!, want);
    }
  });

  test('the offices together: sums, and a median over both histograms', async () => {
    const ids = year.offices.map((o) => o.id);
    check(sumFigures((await figuresByOffice(t.database.db, ids, PERIOD, TODAY)).values()), expected(ids));
  });

  test('a period with no data gives no figures, not zeros', async () => {
    const figures = await figuresByOffice(t.database.db, null, { from: '2020-01-01', to: '2020-12-31' }, TODAY);
    assert.equal(figures.size, 0);
    assert.equal((await figuresByOffice(t.database.db, [], PERIOD, TODAY)).size, 0);
  });
});
