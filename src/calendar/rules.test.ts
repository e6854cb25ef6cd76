import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../kernel/errors.ts';
import { addWorkingDays, explainDeadline, isWorkingDay, localDateTime, parseInstant, workingDaysBetween, type Holiday, type OfficeCalendar } from './rules.ts';

/** The 2025/2026 decree days these tests cross (the full list ships in migration 0001). */
const HOLIDAYS: Holiday[] = [
  ['2025-12-25', 'libur_nasional', 'Hari Raya Natal'],
  ['2025-12-26', 'cuti_bersama', 'Cuti bersama Hari Raya Natal'],
  ['2026-01-01', 'libur_nasional', 'Tahun Baru 2026 Masehi'],
  ['2026-03-18', 'cuti_bersama', 'Cuti bersama Hari Suci Nyepi'],
  ['2026-03-19', 'libur_nasional', 'Hari Suci Nyepi Tahun Baru Saka 1948'],
  ['2026-03-20', 'cuti_bersama', 'Cuti bersama Idulfitri'],
  ['2026-03-21', 'libur_nasional', 'Idulfitri 1447 Hijriah'],
  ['2026-03-22', 'libur_nasional', 'Idulfitri 1447 Hijriah'],
  ['2026-03-23', 'cuti_bersama', 'Cuti bersama Idulfitri'],
  ['2026-03-24', 'cuti_bersama', 'Cuti bersama Idulfitri'],
  ['2026-04-03', 'libur_nasional', 'Wafat Yesus Kristus'],
  ['2026-04-05', 'libur_nasional', 'Kebangkitan Yesus Kristus (Paskah)'],
  ['2026-12-24', 'cuti_bersama', 'Cuti bersama Hari Raya Natal'],
  ['2026-12-25', 'libur_nasional', 'Hari Raya Natal'],
].map(([day, kind, name]) => ({ day, kind, name, officeId: null }) as Holiday);

function calendar(overrides: Partial<OfficeCalendar> = {}): OfficeCalendar {
  return {
    timeZone: 'Asia/Jakarta',
    hoursStart: '08:00',
    hoursEnd: '16:00',
    afterHoursRule: 'next_working_day',
    holidays: HOLIDAYS,
    yearsWithNationalData: [2025, 2026],
    ...overrides,
  };
}

const deadline = (receivedAt: string, workingDays = 10, cal = calendar()) => addWorkingDays({ receivedAt: new Date(receivedAt), workingDays, calendar: cal });

function invalidFields(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    assert.equal(error.code, 'invalid');
    for (const message of Object.values(error.fields)) assert.ok(message.id && message.en && message.id !== message.en);
    return Object.keys(error.fields);
  }
  assert.fail('expected an error');
}

describe('addWorkingDays', () => {
  test('year end: Christmas, cuti bersama, weekends and New Year are skipped', () => {
    const r = deadline('2025-12-22T10:00:00+07:00');
    assert.equal(r.dayZero, '2025-12-22');
    assert.equal(r.dayZeroReason, 'received_on_working_day');
    assert.deepEqual(r.receivedLocal, { day: '2025-12-22', time: '10:00' });
    assert.equal(r.due, '2026-01-08');
    assert.deepEqual(r.counted, ['2025-12-23', '2025-12-24', '2025-12-29', '2025-12-30', '2025-12-31', '2026-01-02', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08']);
    assert.deepEqual(
      r.skipped.map((s) => [s.day, s.kind]),
      [
        ['2025-12-25', 'libur_nasional'],
        ['2025-12-26', 'cuti_bersama'],
        ['2025-12-27', 'weekend'],
        ['2025-12-28', 'weekend'],
        ['2026-01-01', 'libur_nasional'],
        ['2026-01-03', 'weekend'],
        ['2026-01-04', 'weekend'],
      ],
    );
    assert.equal(r.skipped[2]?.name, 'Sabtu');
    assert.deepEqual(r.yearsWithoutHolidays, []);
  });

  test('the long Idulfitri break of March 2026, with holidays on a weekend listed as holidays', () => {
    const r = deadline('2026-03-17T10:00:00+07:00');
    assert.equal(r.due, '2026-04-08');
    assert.deepEqual(r.counted.slice(0, 3), ['2026-03-25', '2026-03-26', '2026-03-27']);
    assert.deepEqual(
      r.skipped.map((s) => `${s.day} ${s.kind}`),
      [
        '2026-03-18 cuti_bersama',
        '2026-03-19 libur_nasional',
        '2026-03-20 cuti_bersama',
        '2026-03-21 libur_nasional',
        '2026-03-22 libur_nasional',
        '2026-03-23 cuti_bersama',
        '2026-03-24 cuti_bersama',
        '2026-03-28 weekend',
        '2026-03-29 weekend',
        '2026-04-03 libur_nasional',
        '2026-04-04 weekend',
        '2026-04-05 libur_nasional',
      ],
    );
  });

  test('after closing time day zero is the next working day; with same_day it stays', () => {
    const late = deadline('2026-03-16T16:30:00+07:00');
    assert.equal(late.dayZeroReason, 'after_hours');
    assert.equal(late.dayZero, '2026-03-17');
    assert.equal(late.due, '2026-04-08');
    const sameDay = deadline('2026-03-16T16:30:00+07:00', 10, calendar({ afterHoursRule: 'same_day' }));
    assert.equal(sameDay.dayZeroReason, 'after_hours');
    assert.equal(sameDay.dayZero, '2026-03-16');
    assert.equal(sameDay.due, '2026-04-07');
  });

  test('closing time itself is after hours; the minute before is not', () => {
    assert.equal(deadline('2026-03-16T16:00:00+07:00').dayZero, '2026-03-17');
    assert.equal(deadline('2026-03-16T15:59:59+07:00').dayZero, '2026-03-16');
  });

  test('06:30 WIB is the previous day in UTC: the local day counts, and arriving before opening is that day', () => {
    const instant = new Date('2026-03-17T06:30:00+07:00');
    assert.equal(instant.toISOString().slice(0, 10), '2026-03-16', 'the trap this test guards against');
    const r = deadline('2026-03-17T06:30:00+07:00', 3);
    assert.deepEqual(r.receivedLocal, { day: '2026-03-17', time: '06:30' });
    assert.equal(r.dayZeroReason, 'received_on_working_day');
    assert.equal(r.dayZero, '2026-03-17');
    assert.equal(r.due, '2026-03-27');
  });

  test('a weekend or holiday is never day zero, whatever the after-hours rule', () => {
    for (const afterHoursRule of ['next_working_day', 'same_day'] as const) {
      const r = deadline('2025-12-27T10:00:00+07:00', 1, calendar({ afterHoursRule }));
      assert.equal(r.dayZeroReason, 'non_working_day');
      assert.equal(r.dayZero, '2025-12-29');
      assert.equal(r.due, '2025-12-30');
      assert.deepEqual(r.skipped.map((s) => s.day), ['2025-12-27', '2025-12-28']);
    }
    const christmas = deadline('2025-12-25T09:00:00+07:00', 1);
    assert.equal(christmas.dayZero, '2025-12-29');
    assert.equal(christmas.skipped[0]?.name, 'Hari Raya Natal');
  });

  test('WITA and WIT offices read the same instant on their own clocks', () => {
    // 08:30 UTC is 15:30 WIB (open) but 16:30 WITA and 17:30 WIT (closed).
    const instant = '2025-12-22T08:30:00Z';
    assert.equal(deadline(instant, 10, calendar({ timeZone: 'Asia/Jakarta' })).dayZero, '2025-12-22');
    const wita = deadline(instant, 10, calendar({ timeZone: 'Asia/Makassar' }));
    assert.deepEqual(wita.receivedLocal, { day: '2025-12-22', time: '16:30' });
    assert.equal(wita.dayZero, '2025-12-23');
    const wit = deadline(instant, 10, calendar({ timeZone: 'Asia/Jayapura' }));
    assert.deepEqual(wit.receivedLocal, { day: '2025-12-22', time: '17:30' });
    assert.equal(wit.dayZero, '2025-12-23');
    // 23:30 UTC on Sunday is already Monday 08:30 WIT.
    const monday = deadline('2026-03-15T23:30:00Z', 10, calendar({ timeZone: 'Asia/Jayapura' }));
    assert.deepEqual(monday.receivedLocal, { day: '2026-03-16', time: '08:30' });
    assert.equal(monday.dayZeroReason, 'received_on_working_day');
    assert.equal(monday.dayZero, '2026-03-16');
  });

  test('a window reaching a year without national holidays (2027) is flagged, and its days are counted as working', () => {
    const r = deadline('2026-12-21T10:00:00+07:00');
    assert.deepEqual(r.yearsWithoutHolidays, [2027]);
    assert.ok(r.counted.includes('2027-01-01'), '1 January 2027 is not yet decreed, so it counts');
    assert.equal(r.due, '2027-01-06');
    assert.match(explainDeadline(r, 'id').at(-1)!, /hari libur nasional tahun 2027 belum dimasukkan/);
    assert.match(explainDeadline(r, 'en').at(-1)!, /national holidays of 2027 have not been entered/);
  });

  test('0 working days falls due on day zero', () => {
    const r = deadline('2026-03-16T17:00:00+07:00', 0);
    assert.equal(r.due, '2026-03-17');
    assert.deepEqual(r.counted, []);
  });

  test("an office's local holiday counts, and a national holiday on the same day names it", () => {
    const local: Holiday[] = [
      { day: '2026-03-17', kind: 'lokal', name: 'Hari jadi kabupaten', officeId: 7 },
      { day: '2026-03-19', kind: 'lokal', name: 'Acara kantor', officeId: 7 },
    ];
    const r = deadline('2026-03-16T10:00:00+07:00', 1, calendar({ holidays: [...local, ...HOLIDAYS] }));
    assert.equal(r.due, '2026-03-25');
    assert.equal(r.skipped[0]?.name, 'Hari jadi kabupaten');
    assert.equal(r.skipped.find((s) => s.day === '2026-03-19')?.kind, 'libur_nasional');
  });

  test('counting invariants hold for many receipts, zones and periods', () => {
    const zones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];
    for (let i = 0; i < 300; i++) {
      const cal = calendar({ timeZone: zones[i % 3]!, afterHoursRule: i % 2 ? 'same_day' : 'next_working_day' });
      const receivedAt = new Date(Date.UTC(2025, 11, 1) + i * 37 * 3_600_000);
      const workingDays = (i * 7) % 31;
      const r = addWorkingDays({ receivedAt, workingDays, calendar: cal });
      assert.equal(r.counted.length, workingDays);
      assert.equal(workingDaysBetween(r.dayZero, r.due, cal), workingDays);
      assert.ok(isWorkingDay(r.dayZero, cal));
      assert.ok(r.counted.every((d) => isWorkingDay(d, cal)));
      assert.ok(r.skipped.every((s) => !isWorkingDay(s.day, cal) && s.day >= r.receivedLocal.day && s.day <= r.due));
    }
  });
});

describe('validation', () => {
  test('working days must be a whole number from 0 to 400', () => {
    for (const n of [-1, 1.5, 401, Number.NaN]) assert.deepEqual(invalidFields(() => deadline('2026-03-16T10:00:00+07:00', n)), ['workingDays']);
    assert.equal(deadline('2026-03-16T10:00:00+07:00', 400).counted.length, 400);
  });

  test('office hours, the after-hours rule and the time zone are checked', () => {
    const at = '2026-03-16T10:00:00+07:00';
    assert.deepEqual(invalidFields(() => deadline(at, 1, calendar({ hoursStart: '8:00' }))), ['hoursStart']);
    assert.deepEqual(invalidFields(() => deadline(at, 1, calendar({ hoursEnd: '24:00' }))), ['hoursEnd']);
    assert.deepEqual(invalidFields(() => deadline(at, 1, calendar({ hoursStart: '16:00', hoursEnd: '08:00' }))), ['hoursEnd']);
    assert.deepEqual(invalidFields(() => deadline(at, 1, calendar({ afterHoursRule: 'never' as 'same_day' }))), ['afterHoursRule']);
    assert.deepEqual(invalidFields(() => deadline(at, 1, calendar({ timeZone: 'Asia/Atlantis' }))), ['timeZone']);
  });

  test('an invalid instant or day is refused', () => {
    assert.deepEqual(invalidFields(() => deadline('not a date')), ['receivedAt']);
    assert.deepEqual(invalidFields(() => localDateTime(new Date(Number.NaN), 'Asia/Jakarta')), ['receivedAt']);
    assert.deepEqual(invalidFields(() => isWorkingDay('2026-02-30', calendar())), ['day']);
    assert.deepEqual(invalidFields(() => workingDaysBetween('2026-03-16', '16/03/2026', calendar())), ['toDay']);
  });
});

describe('helpers', () => {
  test('isWorkingDay', () => {
    assert.equal(isWorkingDay('2026-03-23', calendar()), false, 'cuti bersama');
    assert.equal(isWorkingDay('2026-03-21', calendar()), false, 'a holiday on a Saturday');
    assert.equal(isWorkingDay('2026-03-28', calendar()), false, 'Saturday');
    assert.equal(isWorkingDay('2026-03-25', calendar()), true);
  });

  test('parseInstant takes ISO 8601 with an offset and nothing else', () => {
    assert.equal(parseInstant('2026-03-17T10:00+07:00')?.getTime(), Date.UTC(2026, 2, 17, 3, 0));
    assert.equal(parseInstant('2026-03-17T10:00:30.5+09:00')?.getTime(), Date.UTC(2026, 2, 17, 1, 0, 30, 500));
    assert.equal(parseInstant('2026-03-16T23:30Z')?.getTime(), Date.UTC(2026, 2, 16, 23, 30));
    for (const bad of ['2026-03-17T10:00', '2026-03-17', '2026-02-30T10:00+07:00', '2026-03-17T24:00+07:00', '2026-03-17T10:60Z', '2026-03-17 10:00+07:00', '2026-03-17T10:00+0700', '2026-03-17T10:00+15:00']) {
      assert.equal(parseInstant(bad), undefined, bad);
    }
  });

  test('workingDaysBetween counts after the first day up to the second, negative backwards', () => {
    assert.equal(workingDaysBetween('2025-12-22', '2026-01-08', calendar()), 10);
    assert.equal(workingDaysBetween('2026-01-08', '2025-12-22', calendar()), -10);
    assert.equal(workingDaysBetween('2026-03-17', '2026-03-17', calendar()), 0);
    assert.equal(workingDaysBetween('2026-03-17', '2026-03-24', calendar()), 0, 'the whole Idulfitri break');
    assert.equal(workingDaysBetween('2026-03-24', '2026-03-26', calendar()), 2, 'due within 2 working days');
  });
});

describe('explainDeadline', () => {
  test('tells the year-end count in Indonesian and English', () => {
    const r = deadline('2025-12-22T10:00:00+07:00');
    assert.deepEqual(explainDeadline(r, 'id'), [
      'Diterima Senin, 22 Desember 2025 pukul 10.00 WIB.',
      'Hari itu hari kerja dan permohonan masuk dalam jam layanan (08.00–16.00), sehingga hari itu menjadi hari ke-0.',
      '10 hari kerja dihitung mulai hari kerja pertama sesudah hari ke-0 (Selasa, 23 Desember 2025) sampai Kamis, 8 Januari 2026.',
      'Dilewati 7 hari yang bukan hari kerja, yaitu 4 hari akhir pekan dan 3 hari libur: Kamis, 25 Desember 2025 (libur nasional: Hari Raya Natal); ' +
        'Jumat, 26 Desember 2025 (cuti bersama: Cuti bersama Hari Raya Natal); Kamis, 1 Januari 2026 (libur nasional: Tahun Baru 2026 Masehi).',
      'Jatuh tempo: Kamis, 8 Januari 2026.',
    ]);
    const en = explainDeadline(r, 'en');
    assert.equal(en[0], 'Received Monday, 22 December 2025 at 10:00 WIB.');
    assert.match(en[3]!, /^7 non-working days passed over, 4 weekend days and 3 holidays: Thursday, 25 December 2025 \(national holiday: Hari Raya Natal\)/);
    assert.equal(en.at(-1), 'Due: Thursday, 8 January 2026.');
  });

  test('says why day zero moved, or did not', () => {
    assert.match(explainDeadline(deadline('2026-03-17T06:30:00+07:00'), 'id')[1]!, /sebelum jam layanan dibuka \(08\.00\)/);
    assert.match(
      explainDeadline(deadline('2026-03-16T20:15:00+08:00', 10, calendar({ timeZone: 'Asia/Makassar' })), 'id').slice(0, 2).join(' '),
      /pukul 20\.15 WITA\. Permohonan masuk setelah jam layanan berakhir \(16\.00\), sehingga hari ke-0 adalah hari kerja berikutnya, Selasa, 17 Maret 2026\./,
    );
    assert.match(explainDeadline(deadline('2026-03-16T20:15:00+07:00', 10, calendar({ afterHoursRule: 'same_day' })), 'en')[1]!, /the day of receipt is still day zero/);
    assert.match(explainDeadline(deadline('2025-12-25T09:00:00+07:00', 1), 'en')[1]!, /not a working day \(national holiday: Hari Raya Natal\), so day zero is the next working day, Monday, 29 December 2025/);
    assert.match(explainDeadline(deadline('2025-12-27T09:00:00+09:00', 1, calendar({ timeZone: 'Asia/Jayapura' })), 'id')[0]!, /pukul 09\.00 WIT\.$/);
  });
});
