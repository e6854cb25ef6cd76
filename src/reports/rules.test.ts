import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { OfficeCalendar } from '../calendar/rules.ts';
import { OUTCOMES, registerDecision } from '../requests/rules.ts';
import {
  barChart,
  checkDay,
  checkMonth,
  checkRegisterFilter,
  defaultFilter,
  describeFilter,
  median,
  monthBounds,
  monthlyFigures,
  officerLines,
  outcomesOf,
  previousMonth,
  REGISTER_DECISIONS,
  registerCells,
  registerRow,
  supervisionFigures,
  type RegisterSource,
} from './rules.ts';

const CALENDAR: OfficeCalendar = {
  timeZone: 'Asia/Jakarta',
  hoursStart: '08:00',
  hoursEnd: '16:00',
  afterHoursRule: 'next_working_day',
  holidays: [{ day: '2026-10-28', kind: 'lokal', name: 'Libur lokal', officeId: 1 }],
  yearsWithNationalData: [2026],
};

const REQUEST: RegisterSource['request'] = {
  id: 1,
  number: '0001/REG-PPID/19.06/2026',
  receivedAt: new Date('2026-10-05T02:00:00Z'),
  channel: 'online',
  applicantType: 'individual',
  name: 'Budi',
  proxyName: '',
  address: 'Manggar',
  phone: '081234567890',
  email: 'budi@example.id',
  occupation: 'Wartawan',
  nik: '1906014101900001',
  legalNumber: '',
  information: 'SK DPT',
  purpose: 'Liputan',
  obtainMethod: 'copy',
  status: 'received',
  outcome: null,
  decision: null,
  decidedAt: null,
  decidedBy: null,
  deliveredAt: null,
  paymentMethod: null,
  missing: [],
  createdBy: null,
  extensionDeadlineId: null,
  extensionReason: null,
};

function source(request: Partial<RegisterSource['request']> = {}, rest: Partial<Omit<RegisterSource, 'request'>> = {}): RegisterSource {
  return { request: { ...REQUEST, ...request }, dispositions: [], notice: { due: '2026-10-19', dayZero: '2026-10-05' }, extension: undefined, ...rest };
}

describe('periods', () => {
  test('the report month defaults to last month; a future or malformed month is refused with words', () => {
    assert.deepEqual(checkMonth('', '2026-01-15'), { ok: true, period: { month: '2025-12', from: '2025-12-01', to: '2025-12-31', inProgress: false } });
    const now = checkMonth('2026-02', '2026-02-10');
    assert.ok(now.ok && now.period.inProgress && now.period.to === '2026-02-28');
    for (const bad of ['2026-13', '2026-1', 'bulan', '2026-02-01', '1999-12']) assert.equal(checkMonth(bad, '2026-11-21').ok, false, bad);
    const future = checkMonth('2026-12', '2026-11-21');
    assert.ok(!future.ok && future.problem.id.includes('Desember 2026 belum tiba') && future.problem.en.includes('December 2026'));
    assert.equal(monthBounds('2028-02').to, '2028-02-29');
    assert.equal(previousMonth('2026-03-31'), '2026-02');
  });

  test('a supervision day is a real day, not after today', () => {
    assert.deepEqual(checkDay('', '2026-11-21'), { ok: true, day: '2026-11-21' });
    assert.equal(checkDay('2026-11-22', '2026-11-21').ok, false);
    assert.equal(checkDay('2026-02-30', '2026-11-21').ok, false);
  });

  test('the register filter checks each field and states itself in words', () => {
    assert.deepEqual(defaultFilter('2026-11-21'), { from: '2026-11-01', to: '2026-11-21', status: '', channel: '', decision: '' });
    const bad = checkRegisterFilter({ from: '2026-11-30', to: '2026-11-01', status: 'lost', channel: 'pigeon', decision: 'maybe' });
    assert.ok(!bad.ok);
    assert.deepEqual(Object.keys(bad.problems).sort(), ['channel', 'decision', 'status', 'to']);
    assert.equal(checkRegisterFilter({ from: '', to: '9999-12-31', status: '', channel: '', decision: '' }).ok, false, 'a date the zone arithmetic cannot reach');
    const good = checkRegisterFilter({ from: '2026-10-01', to: '', status: 'closed', channel: 'walk_in', decision: 'refused' });
    assert.ok(good.ok);
    assert.equal(describeFilter(good.filter, 'id'), 'Tanggal diterima: sejak 1 Oktober 2026; Tahap: Selesai; Saluran: Datang langsung; Keputusan: Ditolak');
  });
});

describe('register rows', () => {
  test('each register decision maps back to exactly the outcomes registerDecision gives it', () => {
    const all = REGISTER_DECISIONS.flatMap((d) => outcomesOf(d));
    assert.equal(all.length, OUTCOMES.length + 1);
    for (const d of REGISTER_DECISIONS) for (const o of outcomesOf(d)) assert.equal(registerDecision(o), d);
  });

  test('the NIK is masked, and a pending request with a unit that supplied it is held by that unit', () => {
    const row = registerRow(source({}, { dispositions: [{ target: 'unit', unitName: 'Subbagian Teknis', status: 'answered', answer: 'provided', holder: '', expectedOn: null }] }), 1, 'Asia/Jakarta');
    assert.equal(row.nikMasked, '1906********0001');
    assert.ok(!JSON.stringify(row).includes('1906014101900001'));
    assert.equal(row.held, 'yes');
    assert.equal(row.holder, 'Subbagian Teknis');
    assert.equal(row.decision, 'pending');
    assert.deepEqual(row.units, ['Subbagian Teknis']);
    const cells = registerCells(row, 'id', 'Asia/Jakarta');
    assert.equal(cells.nik, '1906********0001');
    assert.equal(cells.received, '5 Oktober 2026 09.00 WIB');
    assert.equal(cells.cost, '—');
  });

  test('a granted notice: form, cost, extension and the running (extended) deadline', () => {
    const decision = { outcome: 'granted_part', form: 'both', costs: { perPage: 500, pages: 10, delivery: 2000, other: 0 }, withheld: 'NIK', holder: '', pasal17: '', otherLaw: '' };
    const row = registerRow(
      source(
        { outcome: 'granted_part', decision, status: 'closed', decidedAt: new Date('2026-10-20T03:00:00Z'), deliveredAt: new Date('2026-10-21T03:00:00Z'), paymentMethod: 'transfer', extensionDeadlineId: 9, extensionReason: 'Data banyak' },
        { extension: { due: '2026-10-28' } },
      ),
      3,
      'Asia/Jakarta',
    );
    assert.equal(row.decision, 'part');
    assert.equal(row.cost, 7000);
    assert.equal(row.due, '2026-10-28');
    const cells = registerCells(row, 'en', 'Asia/Jakarta', 'iso');
    assert.equal(cells.form, 'Soft and hard copy');
    assert.equal(cells.cost, 'Rp 7.000');
    assert.equal(cells.noticeDate, '2026-10-20');
    assert.equal(cells.payment, 'Transfer');
    assert.equal(cells.extension, 'Yes: Data banyak');
    assert.equal(cells.received, '2026-10-05 09:00');
  });

  test('refusal reasons name the Pasal 17 letter, the other law, or the DIK entry', () => {
    const refused = registerRow(source({ outcome: 'refused', decision: { pasal17: 'j', otherLaw: 'UU Arsip' } }), 1, 'Asia/Jakarta');
    assert.equal(refused.refusalReason?.id, 'Pasal 17 huruf j UU 14/2008 jo. UU Arsip');
    const exempt = registerRow(source({ outcome: 'exempt_explained', decision: { pasal17: 'h', dikReference: 'DIK No. 12' } }), 1, 'Asia/Jakarta');
    assert.equal(exempt.refusalReason?.id, 'Pasal 17 huruf h UU 14/2008 (mengungkap rahasia pribadi); DIK: DIK No. 12');
    assert.equal(exempt.decision, 'refused');
    const notHeld = registerRow(source({ outcome: 'not_held', decision: { holder: 'KPU RI' } }), 1, 'Asia/Jakarta');
    assert.equal(notHeld.held, 'no');
    assert.equal(registerCells(notHeld, 'id', 'Asia/Jakarta').held, 'Tidak dikuasai — dikuasai oleh KPU RI');
    assert.equal(notHeld.refusalReason, null);
  });

  test('payment method: Tunai / Transfer beside a cost, "—" when nothing is charged, and said when not recorded yet', () => {
    const costs = { perPage: 500, pages: 4, delivery: 0, other: 0 };
    const paid = registerRow(source({ outcome: 'granted_full', decision: { form: 'hard', costs }, status: 'closed', paymentMethod: 'cash' }), 1, 'Asia/Jakarta');
    assert.deepEqual([paid.cost, paid.paymentMethod], [2000, 'cash']);
    assert.equal(registerCells(paid, 'id', 'Asia/Jakarta').payment, 'Tunai');
    const owed = registerRow(source({ outcome: 'granted_full', decision: { form: 'hard', costs }, status: 'decided' }), 1, 'Asia/Jakarta');
    assert.equal(registerCells(owed, 'id', 'Asia/Jakarta').payment, 'Belum dicatat');
    const free = registerRow(source({ outcome: 'granted_full', decision: { form: 'soft', costs: { perPage: 0, pages: 0, delivery: 0, other: 0 } }, status: 'closed' }), 1, 'Asia/Jakarta');
    assert.equal(registerCells(free, 'en', 'Asia/Jakarta').payment, '—');
    assert.equal(registerRow(source({ paymentMethod: 'bitcoin' }), 1, 'Asia/Jakarta').paymentMethod, null, 'an unknown stored value is not shown as a method');
  });

  test('what an incomplete request still lacks is a column of its own, in words', () => {
    const row = registerRow(source({ applicantType: 'group', nik: '', missing: ['member_ids', 'nik', 'unknown'] }), 1, 'Asia/Jakarta');
    assert.deepEqual(row.missing, ['nik', 'member_ids']);
    assert.equal(registerCells(row, 'id', 'Asia/Jakarta').missing, 'NIK (16 angka pada KTP); KTP anggota kelompok');
    assert.equal(registerCells(row, 'en', 'Asia/Jakarta').missing, "NIK (16 digits on the identity card); Group members' identity cards");
    assert.equal(registerCells(registerRow(source(), 1, 'Asia/Jakarta'), 'id', 'Asia/Jakarta').missing, '—');
  });
});

describe('figures', () => {
  const rows = [
    registerRow(source({ id: 1, decidedAt: new Date('2026-10-05T05:00:00Z'), outcome: 'handed_over', channel: 'walk_in', createdBy: 7, decidedBy: 7 }), 1, 'Asia/Jakarta'),
    registerRow(source({ id: 2, decidedAt: new Date('2026-10-20T05:00:00Z'), outcome: 'granted_full', decidedBy: 8 }), 2, 'Asia/Jakarta'),
    registerRow(source({ id: 3 }, { notice: { due: '2026-10-07', dayZero: '2026-10-05' } }), 3, 'Asia/Jakarta'),
    registerRow(source({ id: 4, receivedAt: new Date('2026-10-07T02:00:00Z') }, { notice: { due: '2026-10-09', dayZero: '2026-10-07' } }), 4, 'Asia/Jakarta'),
    registerRow(source({ id: 5, receivedAt: new Date('2026-10-26T02:00:00Z') }, { notice: { due: '2026-10-30', dayZero: '2026-10-26' } }), 5, 'Asia/Jakarta'),
  ];

  test('supervision: intake, answered, due within 2 working days (holidays skipped), overdue', () => {
    const f = supervisionFigures(rows, '2026-10-08', CALENDAR);
    assert.deepEqual(f.intake.map((r) => r.id), []);
    assert.deepEqual(f.overdue.map((r) => r.id), [3]);
    assert.deepEqual(f.dueSoon.map((r) => r.id), [4]);
    const day = supervisionFigures(rows, '2026-10-05', CALENDAR);
    assert.deepEqual(day.intake.map((r) => r.id), [1, 2, 3]);
    assert.deepEqual(day.answered.map((r) => r.id), [1]);
    const lines = officerLines(day, [{ requestId: 1, action: 'request.handed_over', actorId: 7, minutes: 20, sopMinutes: 15 }]);
    assert.deepEqual(lines.map((l) => [l.staffId, l.intake, l.notices, l.quickPaths.length]), [[7, 1, 0, 1], [null, 2, 0, 0]]);
    // 28 Oct is a local holiday: a due date of 30 Oct is 2 working days after 27 Oct, not 3.
    assert.deepEqual(supervisionFigures(rows, '2026-10-27', CALENDAR).dueSoon.map((r) => r.id), [5]);
    assert.deepEqual(supervisionFigures(rows, '2026-10-26', CALENDAR).dueSoon.map((r) => r.id), []);
  });

  test('monthly: counts, on time against the running due date, median and mean working days', () => {
    const f = monthlyFigures(rows, '2026-10-31', '2026-11-21', CALENDAR);
    assert.equal(f.received, 5);
    assert.equal(f.byChannel.walk_in, 1);
    assert.equal(f.byDecision.full, 2);
    assert.equal(f.byDecision.pending, 3);
    assert.equal(f.onTime, 1);
    assert.equal(f.late, 1, 'decided 20 Oct against a due date of 19 Oct');
    assert.equal(f.openOverdue, 3);
    assert.deepEqual(f.workingDays, { count: 2, median: 5.5, mean: 5.5 });
    assert.equal(f.openAtEnd, 3);
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([]), null);
  });

  test('bars scale to the largest value and a zero draws no bar', () => {
    const g = barChart([{ label: 'a', value: 4 }, { label: 'b', value: 0 }, { label: 'c', value: 2 }]);
    assert.equal(g.rows[0]!.barWidth, g.width - g.labelWidth - 40);
    assert.equal(g.rows[1]!.barWidth, 0);
    assert.equal(g.rows[2]!.barWidth, Math.round((g.width - g.labelWidth - 40) / 2));
    assert.equal(g.height, 72);
    assert.equal(barChart([{ label: 'a', value: 0 }]).rows[0]!.barWidth, 0);
  });
});
