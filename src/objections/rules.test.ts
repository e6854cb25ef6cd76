import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Holiday, OfficeCalendar } from '../calendar/rules.ts';
import {
  checkDisputeStage,
  checkObjectionDecision,
  checkObjectionForm,
  checkObjectionTransition,
  disputeWindowStart,
  explainWindow,
  groundEvent,
  groundWindow,
  mayBeSettled,
  suggestGrounds,
  type ObjectionForm,
} from './rules.ts';

/** The 2026 decree days around Nyepi and Idulfitri (the full list ships in migration 0001). */
const HOLIDAYS: Holiday[] = [
  ['2026-03-18', 'cuti_bersama', 'Cuti bersama Hari Suci Nyepi'],
  ['2026-03-19', 'libur_nasional', 'Hari Suci Nyepi Tahun Baru Saka 1948'],
  ['2026-03-20', 'cuti_bersama', 'Cuti bersama Idulfitri'],
  ['2026-03-21', 'libur_nasional', 'Idulfitri 1447 Hijriah'],
  ['2026-03-22', 'libur_nasional', 'Idulfitri 1447 Hijriah'],
  ['2026-03-23', 'cuti_bersama', 'Cuti bersama Idulfitri'],
  ['2026-03-24', 'cuti_bersama', 'Cuti bersama Idulfitri'],
  ['2026-04-03', 'libur_nasional', 'Wafat Yesus Kristus'],
].map(([day, kind, name]) => ({ day, kind, name, officeId: null }) as Holiday);

const calendar: OfficeCalendar = { timeZone: 'Asia/Jakarta', hoursStart: '08:00', hoursEnd: '16:00', afterHoursRule: 'next_working_day', holidays: HOLIDAYS, yearsWithNationalData: [2026] };

function form(overrides: Partial<ObjectionForm> = {}): ObjectionForm {
  return { grounds: '', groundList: ['a'], description: 'Informasi yang saya minta ditolak tanpa uji konsekuensi.', proxyName: '', proxyAddress: '', proxyPhone: '', lateReason: '', ...overrides };
}

describe('objection rules', () => {
  test('a request past its deadline without a notice suggests c and g, counted from the missed due date', () => {
    assert.deepEqual(suggestGrounds({ outcome: null, due: '2026-04-01', decidedDay: null, cost: 0 }, '2026-04-02'), [
      { ground: 'c', since: '2026-04-01' },
      { ground: 'g', since: '2026-04-01' },
    ]);
    assert.deepEqual(suggestGrounds({ outcome: null, due: '2026-04-01', decidedDay: null, cost: 0 }, '2026-04-01'), [], 'not before the deadline has passed');
  });

  test('a refusal suggests a; a notice with costs suggests f; a late notice suggests g', () => {
    assert.deepEqual(suggestGrounds({ outcome: 'refused', due: '2026-04-01', decidedDay: '2026-03-30', cost: 0 }, '2026-04-02'), [{ ground: 'a', since: '2026-03-30' }]);
    assert.deepEqual(suggestGrounds({ outcome: 'granted_full', due: '2026-04-01', decidedDay: '2026-04-03', cost: 15000 }, '2026-04-06'), [
      { ground: 'f', since: '2026-04-03' },
      { ground: 'g', since: '2026-04-03' },
    ]);
  });

  test('grounds b–g may be settled by agreement, a refusal may not', () => {
    assert.equal(mayBeSettled(['c', 'g']), true);
    assert.equal(mayBeSettled(['a', 'f']), false);
    assert.equal(mayBeSettled([]), false);
    const refused = checkObjectionTransition('settle', 'filed', ['atasan_ppid'], ['a']);
    assert.ok(!refused.ok && refused.status === 409);
  });

  test('only the Atasan PPID decides, and only once', () => {
    assert.deepEqual(checkObjectionTransition('overturn', 'filed', ['atasan_ppid'], ['c']), { ok: true, to: 'overturned' });
    assert.equal((checkObjectionTransition('uphold', 'filed', ['ppid'], ['a']) as { status: number }).status, 403);
    assert.equal((checkObjectionTransition('uphold', 'upheld', ['atasan_ppid'], ['a']) as { status: number }).status, 409);
  });

  test('a 30-working-day window across Nyepi and Idulfitri 2026: a refusal of Friday 6 March can be objected to until Monday 27 April', () => {
    const window = groundWindow('a', { since: '2026-03-06', event: 'notice' }, '2026-04-27', 30, calendar);
    // Without holidays it would end on 17 April; Nyepi, the Idulfitri leave days and Good Friday move it six working days.
    assert.equal(window.due, '2026-04-27');
    assert.equal(window.open, true, 'the last day is inside the window');
    const closed = groundWindow('a', { since: '2026-03-06', event: 'notice' }, '2026-04-28', 30, calendar);
    assert.equal(closed.open, false, 'the day after is outside');
    const told = explainWindow(closed, '2026-04-28', calendar, 'id').join(' ');
    assert.match(told, /Idulfitri 1447 Hijriah/);
    assert.match(told, /Hari Suci Nyepi/);
    assert.match(told, /sudah lewat 1 hari kerja/);
    assert.match(explainWindow(closed, '2026-04-28', calendar, 'en').join(' '), /closed 1 working day ago/);
  });

  test('a ground arising on a holiday counts from the next working day', () => {
    const window = groundWindow('f', { since: '2026-03-21', event: 'notice' }, '2026-03-25', 30, calendar);
    assert.equal(window.count.dayZero, '2026-03-25');
    assert.match(explainWindow(window, '2026-03-25', calendar, 'id').join(' '), /bukan hari kerja, sehingga hari ke-0 adalah Rabu, 25 Maret 2026/);
  });

  test('a missed deadline opens c and g from the due date; before it, nothing has arisen', () => {
    const record = { outcome: null, due: '2026-03-17', decidedDay: null, cost: 0 };
    assert.deepEqual(groundEvent('c', record, '2026-03-25'), { ok: true, since: '2026-03-17', event: 'missed_deadline' });
    assert.equal(groundEvent('c', record, '2026-03-17').ok, false, 'on the due day itself the office still has time');
    assert.equal(groundEvent('a', record, '2026-03-25').ok, false, 'no refusal without a notice');
    // Day zero is the due date; Nyepi and Idulfitri fall in the first days counted.
    assert.equal(groundWindow('c', { since: '2026-03-17', event: 'missed_deadline' }, '2026-03-25', 30, calendar).due, '2026-05-06');
  });

  test('a request that was answered cannot be objected to as unanswered; the hint names d and e', () => {
    const event = groundEvent('c', { outcome: 'granted_part', due: '2026-03-17', decidedDay: '2026-03-16', cost: 0 }, '2026-03-25');
    assert.ok(!event.ok && /alasan d/.test(event.problem.id) && /ground d/.test(event.problem.en));
    assert.deepEqual(groundEvent('d', { outcome: 'granted_part', due: '2026-03-17', decidedDay: '2026-03-16', cost: 0 }, '2026-03-25'), { ok: true, since: '2026-03-16', event: 'notice' });
  });

  test('the filing form: grounds, description, and a proxy only with a power of attorney', () => {
    assert.deepEqual(checkObjectionForm(form({ groundList: ['g', 'c', 'c'] }), {}), {
      ok: true,
      values: { grounds: ['c', 'g'], description: 'Informasi yang saya minta ditolak tanpa uji konsekuensi.', proxyName: '', proxyAddress: '', proxyPhone: '', lateReason: '' },
    });
    const fields = (f: ObjectionForm, files = {}) => {
      const r = checkObjectionForm(f, files);
      return r.ok ? [] : Object.keys(r.problems).sort();
    };
    assert.deepEqual(fields(form({ groundList: [] })), ['grounds']);
    assert.deepEqual(fields(form({ groundList: ['h'] })), ['grounds']);
    assert.deepEqual(fields(form({ description: 'pendek' })), ['description']);
    assert.deepEqual(fields(form({ proxyName: 'Kuasa Hukum' })), ['proxyAddress', 'proxy_letter']);
    assert.deepEqual(fields(form({ proxyName: 'Kuasa Hukum', proxyAddress: 'Jl. Merdeka 1' }), { proxy_letter: 1 }), []);
    assert.deepEqual(fields(form(), { proxy_letter: 1 }), ['proxyName']);
    assert.deepEqual(fields(form({ proxyName: 'Kuasa', proxyAddress: 'Jl. A', proxyPhone: 'telp<script>' }), { proxy_letter: 1 }), ['proxyPhone']);
  });

  test('a decision needs its reasons; a settlement its terms; an overturn what is to be given', () => {
    assert.deepEqual(checkObjectionDecision({ action: 'uphold', reasons: 'Informasi dikecualikan Pasal 17 huruf h.', terms: 'x', order: 'y' }), {
      ok: true,
      decision: { action: 'uphold', reasons: 'Informasi dikecualikan Pasal 17 huruf h.', terms: '', order: '' },
    });
    const problems = (f: Parameters<typeof checkObjectionDecision>[0]) => {
      const r = checkObjectionDecision(f);
      return r.ok ? [] : Object.keys(r.problems).sort();
    };
    assert.deepEqual(problems({ action: 'settle', reasons: 'Para pihak sepakat.', terms: '', order: '' }), ['terms']);
    assert.deepEqual(problems({ action: 'overturn', reasons: 'Informasi terbuka menurut DIP.', terms: '', order: '' }), ['order']);
    assert.deepEqual(problems({ action: 'veto', reasons: '', terms: '', order: '' }), ['action', 'reasons']);
  });

  test('disputes move forward only, and close with an outcome', () => {
    assert.deepEqual(checkDisputeStage('filed', 'mediation', ''), { ok: true, to: 'mediation' });
    assert.deepEqual(checkDisputeStage('filed', 'adjudication', ''), { ok: true, to: 'adjudication' }, 'a Pasal 17 refusal skips mediation');
    assert.equal(checkDisputeStage('adjudication', 'mediation', '').ok, false);
    assert.equal(checkDisputeStage('decided', 'closed', '').ok, false, 'closing needs the outcome');
    assert.deepEqual(checkDisputeStage('decided', 'closed', 'granted'), { ok: true, to: 'closed' });
    assert.equal(checkDisputeStage('closed', 'court', '').ok, false);
  });

  test("the dispute window starts at the Atasan's decision, or when the answer period lapses", () => {
    assert.deepEqual(disputeWindowStart({ decidedDay: '2026-04-01', answerDue: '2026-04-20' }, '2026-04-02'), { ok: true, since: '2026-04-01' });
    assert.deepEqual(disputeWindowStart({ decidedDay: null, answerDue: '2026-04-20' }, '2026-04-21'), { ok: true, since: '2026-04-20' });
    assert.equal(disputeWindowStart({ decidedDay: null, answerDue: '2026-04-20' }, '2026-04-20').ok, false);
    assert.equal(disputeWindowStart({ decidedDay: '2026-04-01', answerDue: '2026-04-20' }, '2026-03-31').ok, false, 'not before the decision it disputes');
  });
});
