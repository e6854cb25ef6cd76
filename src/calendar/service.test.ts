import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, asc, eq, gte, isNull, lte } from 'drizzle-orm';
import { freshDatabase, type TestDatabase } from '../../test/support/db.ts';
import type { Db } from '../db/client.ts';
import { auditEvents, deadlines, holidays, offices, rulePeriods, staff } from '../db/schema.ts';
import { cliActor, verifyAuditLog, type Actor } from '../kernel/audit/store.ts';
import { AppError } from '../kernel/errors.ts';
import type { DeadlineResult } from './rules.ts';
import {
  addHoliday,
  closeDeadline,
  computeDeadlineForOffice,
  importHolidaysCsv,
  removeHoliday,
  startDeadline,
  updateHoliday,
} from './service.ts';
import { listHolidays, loadOfficeCalendar } from './store.ts';

let t: TestDatabase;
let db: Db;
const ids = { bintan: 0, makassar: 0, jayapura: 0 };
const actor = cliActor('test');
let officeAdmin: Actor;
let systemAdmin: Actor;

before(async () => {
  t = await freshDatabase();
  db = t.database.db;
  const rows = await db
    .insert(offices)
    .values([
      { level: 'regency', code: '2101', slug: 'kpu-bintan', name: 'KPU Kabupaten Bintan' },
      { level: 'regency', code: '7371', slug: 'kpu-makassar', name: 'KPU Kota Makassar', timeZone: 'Asia/Makassar', hoursStart: '07:30', hoursEnd: '15:30' },
      { level: 'regency', code: '9171', slug: 'kpu-jayapura', name: 'KPU Kota Jayapura', timeZone: 'Asia/Jayapura', afterHoursRule: 'same_day' },
    ])
    .returning();
  [ids.bintan, ids.makassar, ids.jayapura] = rows.map((r) => r.id) as [number, number, number];
  const people = await db
    .insert(staff)
    .values([
      { officeId: ids.bintan, email: 'admin@bintan.test', name: 'Admin Bintan', roles: ['office_admin'], passwordHash: 'x' },
      { officeId: ids.bintan, email: 'sys@kpu.test', name: 'Admin Sistem', roles: ['system_admin'], passwordHash: 'x' },
    ])
    .returning();
  officeAdmin = { staffId: people[0]!.id, label: 'Admin Bintan', ip: '', requestId: '' };
  systemAdmin = { staffId: people[1]!.id, label: 'Admin Sistem', ip: '', requestId: '' };
});

after(() => t.cleanup());

async function appError(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected an error');
}

const eventsFor = (action: string, subjectId?: string | number) =>
  db
    .select()
    .from(auditEvents)
    .where(subjectId === undefined ? eq(auditEvents.action, action) : and(eq(auditEvents.action, action), eq(auditEvents.subjectId, String(subjectId))))
    .orderBy(asc(auditEvents.id));

const start = (officeId: number, startAt: string, workingDays = 10, subjectId = 'R-1') =>
  db.transaction((tx) =>
    startDeadline(tx, actor, { officeId, subjectType: 'request', subjectId, purpose: 'request_notice', startAt: new Date(startAt), workingDays }),
  );

const dueOf = async (id: number) => (await db.select().from(deadlines).where(eq(deadlines.id, id)))[0]!;

describe('calendar', () => {
  test('loadOfficeCalendar: national 2025/2026 holidays from the migration, the office hours, only its own local days', async () => {
    await addHoliday(db, actor, { officeId: ids.makassar, day: '2026-04-20', kind: 'lokal', name: 'Hari jadi kota', decree: 'SK Wali Kota' });
    const bintan = await loadOfficeCalendar(db, ids.bintan);
    assert.deepEqual(bintan.yearsWithNationalData, [2025, 2026]);
    assert.equal(bintan.holidays.filter((h) => h.day.startsWith('2026')).length, 25);
    assert.ok(!bintan.holidays.some((h) => h.day === '2026-04-20'));
    const makassar = await loadOfficeCalendar(db, ids.makassar);
    assert.deepEqual(
      { timeZone: makassar.timeZone, hoursStart: makassar.hoursStart, hoursEnd: makassar.hoursEnd, afterHoursRule: makassar.afterHoursRule },
      { timeZone: 'Asia/Makassar', hoursStart: '07:30', hoursEnd: '15:30', afterHoursRule: 'next_working_day' },
    );
    assert.equal(makassar.holidays.find((h) => h.day === '2026-04-20')?.kind, 'lokal');
    assert.equal((await appError(loadOfficeCalendar(db, 99_999))).code, 'not_found');
  });

  test('listHolidays: national only, or national plus one office', async () => {
    assert.equal((await listHolidays(db, { year: 2026 })).length, 25);
    const withLocal = await listHolidays(db, { year: 2026, officeId: ids.makassar });
    assert.equal(withLocal.length, 26);
    assert.deepEqual(withLocal.map((h) => h.day), [...withLocal.map((h) => h.day)].sort());
    assert.equal((await listHolidays(db, { year: 2027 })).length, 0);
  });

  test('computeDeadlineForOffice: the profile on the local day of receipt gives the period', async () => {
    const normal = await computeDeadlineForOffice(db, 'kpu-bintan', new Date('2025-12-22T10:00:00+07:00'));
    assert.equal(normal.profile?.name, 'normal');
    assert.equal(normal.result.workingDays, 10);
    assert.equal(normal.result.due, '2026-01-08');
    await db.insert(rulePeriods).values({ officeId: ids.jayapura, profile: 'election', startsOn: '2026-02-01', endsOn: '2026-02-28' });
    // 1 February 00:30 WIT is still 31 January in UTC and WIB: the office's own day decides.
    const election = await computeDeadlineForOffice(db, 'kpu-jayapura', new Date('2026-01-31T15:30:00Z'));
    assert.equal(election.result.receivedLocal.day, '2026-02-01');
    assert.equal(election.profile?.name, 'election');
    assert.equal(election.result.due, '2026-02-05');
    const given = await computeDeadlineForOffice(db, 'kpu-jayapura', new Date('2026-01-31T15:30:00Z'), 1);
    assert.equal(given.profile, undefined);
    assert.equal(given.result.due, '2026-02-03');
    const unknown = await appError(computeDeadlineForOffice(db, 'kpu-atlantis', new Date()));
    assert.equal(unknown.code, 'not_found');
    assert.match(unknown.text.id, /kpu-atlantis/);
  });
});

describe('holidays', () => {
  test('adding a national holiday writes the row and an audit event on the system chain', async () => {
    const { holiday } = await addHoliday(db, actor, { officeId: null, day: '2026-07-01', kind: 'pemilu', name: '  Pemungutan suara ulang  ', decree: 'Keppres (uji)' });
    assert.equal(holiday.name, 'Pemungutan suara ulang');
    const [event] = await eventsFor('holiday.added', holiday.id);
    assert.equal(event?.chain, 0);
    assert.deepEqual(event?.after, { officeId: null, day: '2026-07-01', kind: 'pemilu', name: 'Pemungutan suara ulang', decree: 'Keppres (uji)' });
    await removeHoliday(db, actor, holiday.id);
    assert.equal((await eventsFor('holiday.removed', holiday.id)).length, 1);
  });

  test('a second holiday on the same day and scope is a conflict; another scope is fine', async () => {
    const duplicate = await appError(addHoliday(db, actor, { officeId: null, day: '2026-08-17', kind: 'libur_nasional', name: 'HUT RI' }));
    assert.equal(duplicate.code, 'conflict');
    assert.match(duplicate.text.id, /Sudah ada libur nasional pada 2026-08-17/);
    const local = await addHoliday(db, actor, { officeId: ids.bintan, day: '2026-08-17', kind: 'lokal', name: 'Upacara' });
    await removeHoliday(db, actor, local.holiday.id);
  });

  test('bad input is refused field by field in both languages', async () => {
    const error = await appError(addHoliday(db, actor, { officeId: null, day: '2026-02-30', kind: 'lokal', name: 'x'.repeat(201), decree: 'y'.repeat(201) }));
    assert.equal(error.code, 'invalid');
    assert.deepEqual(Object.keys(error.fields).sort(), ['day', 'decree', 'kind', 'name']);
    assert.match(error.fields.kind!.id, /tidak berlaku untuk libur nasional/);
    assert.match(error.fields.kind!.en, /not valid for a national holiday/);
    const local = await appError(addHoliday(db, actor, { officeId: ids.bintan, day: '0226-08-17', kind: 'cuti_bersama', name: '' }));
    assert.deepEqual(Object.keys(local.fields).sort(), ['day', 'kind', 'name']);
    assert.equal((await appError(addHoliday(db, actor, { officeId: 99_999, day: '2026-08-03', kind: 'lokal', name: 'x' }))).code, 'not_found');
  });

  test('national holidays are the system admin’s; local ones also their office admin’s', async () => {
    const national = { officeId: null, day: '2026-09-01', kind: 'pemilu', name: 'Uji' };
    assert.equal((await appError(addHoliday(db, officeAdmin, national))).code, 'forbidden');
    const other = await appError(addHoliday(db, officeAdmin, { officeId: ids.makassar, day: '2026-09-01', kind: 'lokal', name: 'Uji' }));
    assert.equal(other.code, 'forbidden');
    const own = await addHoliday(db, officeAdmin, { officeId: ids.bintan, day: '2026-09-01', kind: 'lokal', name: 'Uji' });
    assert.equal((await eventsFor('holiday.added', own.holiday.id))[0]?.actorId, officeAdmin.staffId);
    const byAdmin = await addHoliday(db, systemAdmin, national);
    assert.equal((await appError(removeHoliday(db, officeAdmin, byAdmin.holiday.id))).code, 'forbidden');
    await removeHoliday(db, systemAdmin, byAdmin.holiday.id);
    await removeHoliday(db, officeAdmin, own.holiday.id);
  });

  test('updating a holiday records before and after; updating nothing records nothing', async () => {
    const { holiday } = await addHoliday(db, actor, { officeId: ids.bintan, day: '2026-10-05', kind: 'lokal', name: 'Hari jadi' });
    const moved = await updateHoliday(db, actor, holiday.id, { day: '2026-10-06', decree: 'SK Bupati 12/2026' });
    assert.equal(moved.holiday.day, '2026-10-06');
    const [event] = await eventsFor('holiday.updated', holiday.id);
    assert.equal(event?.chain, ids.bintan);
    assert.deepEqual([(event?.before as { day: string }).day, (event?.after as { day: string }).day], ['2026-10-05', '2026-10-06']);
    await updateHoliday(db, actor, holiday.id, { name: 'Hari jadi' });
    assert.equal((await eventsFor('holiday.updated', holiday.id)).length, 1);
    assert.equal((await appError(updateHoliday(db, actor, 99_999, { name: 'x' }))).code, 'not_found');
    await removeHoliday(db, actor, holiday.id);
  });
});

describe('deadlines', () => {
  test('starting and closing a deadline stores the counted result and records both', async () => {
    const row = await start(ids.bintan, '2025-12-22T10:00:00+07:00', 10, 'R-start');
    assert.equal(row.due, '2026-01-08');
    const explanation = row.explanation as DeadlineResult;
    assert.equal(explanation.skipped[0]?.name, 'Hari Raya Natal');
    assert.deepEqual(explanation.rules, { timeZone: 'Asia/Jakarta', hoursStart: '08:00', hoursEnd: '16:00', afterHoursRule: 'next_working_day' });
    assert.deepEqual((await eventsFor('deadline.started', row.id))[0]?.after, {
      subjectType: 'request',
      subjectId: 'R-start',
      purpose: 'request_notice',
      startAt: '2025-12-22T03:00:00.000Z',
      workingDays: 10,
      due: '2026-01-08',
    });
    const closed = await db.transaction((tx) => closeDeadline(tx, actor, { officeId: ids.bintan }, row.id));
    assert.ok(closed.closedAt);
    assert.equal((await eventsFor('deadline.closed', row.id)).length, 1);
    const again = await appError(db.transaction((tx) => closeDeadline(tx, actor, { officeId: ids.bintan }, row.id)));
    assert.equal(again.code, 'conflict');
    const elsewhere = await appError(db.transaction((tx) => closeDeadline(tx, actor, { officeId: ids.makassar }, row.id)));
    assert.equal(elsewhere.code, 'not_found');
  });

  test('a holiday added later moves open deadlines, with an audit event; closed ones stay', async () => {
    // Monday 10 August 2026: 10 working days skip 17 August (Kemerdekaan) and 25 August (Maulid) → 26 August.
    const open = await start(ids.bintan, '2026-08-10T10:00:00+07:00', 10, 'R-open');
    const openWita = await start(ids.makassar, '2026-08-10T10:00:00+08:00', 10, 'R-wita');
    const closed = await start(ids.bintan, '2026-08-10T10:00:00+07:00', 10, 'R-closed');
    await db.transaction((tx) => closeDeadline(tx, actor, { officeId: ids.bintan }, closed.id));
    assert.deepEqual([open.due, openWita.due, closed.due], ['2026-08-26', '2026-08-26', '2026-08-26']);

    const added = await addHoliday(db, actor, { officeId: null, day: '2026-08-12', kind: 'pemilu', name: 'Pemungutan suara (uji)' });
    assert.equal(added.recomputed, 2);
    assert.equal((await dueOf(open.id)).due, '2026-08-27');
    assert.equal((await dueOf(openWita.id)).due, '2026-08-27');
    assert.ok(((await dueOf(open.id)).explanation as DeadlineResult).skipped.some((s) => s.day === '2026-08-12' && s.kind === 'pemilu'));
    assert.equal((await dueOf(closed.id)).due, '2026-08-26');
    assert.equal((await eventsFor('deadline.recomputed', closed.id)).length, 0);
    const [event] = await eventsFor('deadline.recomputed', open.id);
    assert.equal(event?.officeId, ids.bintan);
    assert.deepEqual(event?.before, { due: '2026-08-26' });
    assert.deepEqual(event?.after, { due: '2026-08-27', cause: { action: 'holiday.added', holidayId: added.holiday.id } });

    // A local holiday of another office leaves Bintan's deadline alone.
    const local = await addHoliday(db, actor, { officeId: ids.makassar, day: '2026-08-13', kind: 'lokal', name: 'Acara kota' });
    assert.equal(local.recomputed, 1);
    assert.equal((await dueOf(open.id)).due, '2026-08-27');
    assert.equal((await dueOf(openWita.id)).due, '2026-08-28');

    await removeHoliday(db, actor, local.holiday.id);
    const removed = await removeHoliday(db, actor, added.holiday.id);
    assert.equal(removed.recomputed, 2);
    assert.equal((await dueOf(open.id)).due, '2026-08-26');
    assert.deepEqual((await eventsFor('deadline.recomputed', open.id)).at(-1)?.after, { due: '2026-08-26', cause: { action: 'holiday.removed', holidayId: added.holiday.id } });
    await db.transaction(async (tx) => {
      for (const id of [open.id, openWita.id]) await closeDeadline(tx, actor, { officeId: id === open.id ? ids.bintan : ids.makassar }, id);
    });
  });

  test('a holiday on a weekend leaves the due date but refreshes the explanation, without a recomputed event', async () => {
    const row = await start(ids.bintan, '2026-10-12T10:00:00+07:00', 5, 'R-weekend');
    assert.equal(row.due, '2026-10-19');
    const { holiday, recomputed } = await addHoliday(db, actor, { officeId: ids.bintan, day: '2026-10-17', kind: 'lokal', name: 'Hari jadi (Sabtu)' });
    assert.equal(recomputed, 0);
    const after = await dueOf(row.id);
    assert.equal(after.due, '2026-10-19');
    assert.deepEqual((after.explanation as DeadlineResult).skipped[0], { day: '2026-10-17', kind: 'lokal', name: 'Hari jadi (Sabtu)' });
    assert.equal((await eventsFor('deadline.recomputed', row.id)).length, 0);
    await removeHoliday(db, actor, holiday.id);
    await db.transaction((tx) => closeDeadline(tx, actor, { officeId: ids.bintan }, row.id));
  });

  test('a recomputation keeps the office hours in force when the request arrived', async () => {
    const row = await start(ids.bintan, '2026-11-02T15:30:00+07:00', 5, 'R-hours');
    assert.equal(row.due, '2026-11-09');
    // The office later closes at 15:00; the request still arrived within the hours of its day.
    await db.update(offices).set({ hoursEnd: '15:00' }).where(eq(offices.id, ids.bintan));
    const { holiday, recomputed } = await addHoliday(db, actor, { officeId: ids.bintan, day: '2026-11-20', kind: 'lokal', name: 'Di luar jangka waktu' });
    assert.equal(recomputed, 0);
    assert.equal((await dueOf(row.id)).due, '2026-11-09');
    await db.update(offices).set({ hoursEnd: '16:00' }).where(eq(offices.id, ids.bintan));
    await removeHoliday(db, actor, holiday.id);
    await db.transaction((tx) => closeDeadline(tx, actor, { officeId: ids.bintan }, row.id));
  });
});

describe('importHolidaysCsv', () => {
  const national2027 = (tx: Db) => tx.select().from(holidays).where(and(isNull(holidays.officeId), gte(holidays.day, '2027-01-01'), lte(holidays.day, '2027-12-31')));

  test('one bad row and nothing is imported; every problem is listed by row in both languages', async () => {
    const csv = [
      'date,kind,name,decree,office',
      '2027-01-01,libur_nasional,Tahun Baru 2027 Masehi,SKB 3 Menteri 2027,',
      '2027-02-30,libur_nasional,Tanggal salah,SKB,',
      '2027-03-10,lokal,Jenis salah untuk nasional,SKB,',
      '2027-04-01,lokal,Kantor tidak ada,SK,kpu-atlantis',
      '2027-01-01,cuti_bersama,Tanggal ganda,SKB,',
      '2027-05-01,libur_nasional,,SKB,',
    ].join('\n');
    const error = await appError(importHolidaysCsv(db, actor, csv));
    assert.equal(error.code, 'invalid');
    assert.equal(error.text.id, 'Tidak ada yang diimpor: 5 baris bermasalah.');
    assert.equal(error.text.en, 'Nothing was imported: 5 rows have problems.');
    assert.deepEqual(Object.keys(error.fields), ['row 3', 'row 4', 'row 5', 'row 6', 'row 7']);
    assert.match(error.fields['row 3']!.id, /^Baris 3: Tanggal "2027-02-30"/);
    assert.match(error.fields['row 3']!.en, /^Row 3: Date "2027-02-30"/);
    assert.match(error.fields['row 4']!.en, /^Row 4: Kind "lokal" is not valid for a national holiday/);
    assert.match(error.fields['row 5']!.id, /^Baris 5: Kantor "kpu-atlantis" tidak ditemukan/);
    assert.match(error.fields['row 6']!.en, /^Row 6: Date 2027-01-01 is already on row 2/);
    assert.match(error.fields['row 7']!.id, /^Baris 7: Nama hari libur wajib diisi/);
    assert.equal((await national2027(db)).length, 0);
  });

  test('a wrong header or an empty file is refused before any row', async () => {
    const header = await appError(importHolidaysCsv(db, actor, 'tanggal,jenis,nama\n2027-01-01,libur_nasional,Tahun Baru'));
    assert.deepEqual(Object.keys(header.fields), ['header']);
    assert.match(header.fields.header!.id, /date,kind,name,decree/);
    const empty = await appError(importHolidaysCsv(db, actor, 'date,kind,name,decree\r\n'));
    assert.deepEqual(Object.keys(empty.fields), ['file']);
  });

  test('imports national and local days from a spreadsheet CSV, then counts unchanged and updated rows', async () => {
    const csv =
      '\uFEFFdate,kind,name,decree,office\r\n' +
      '2027-01-01,libur_nasional,Tahun Baru 2027 Masehi,"SKB 3 Menteri 2027, Lampiran I",\r\n' +
      '2027-08-17,libur_nasional,"Hari Kemerdekaan ""HUT RI""",SKB 3 Menteri 2027,\r\n' +
      '2027-04-20,lokal,Hari jadi Kota Makassar,SK Wali Kota,kpu-makassar\r\n';
    const first = await importHolidaysCsv(db, actor, csv);
    assert.deepEqual(first, { added: 3, updated: 0, unchanged: 0, recomputed: 0 });
    const rows = await national2027(db);
    assert.deepEqual(rows.map((r) => [r.day, r.name, r.decree]).sort(), [
      ['2027-01-01', 'Tahun Baru 2027 Masehi', 'SKB 3 Menteri 2027, Lampiran I'],
      ['2027-08-17', 'Hari Kemerdekaan "HUT RI"', 'SKB 3 Menteri 2027'],
    ]);
    assert.equal((await eventsFor('holiday.added')).filter((e) => (e.after as { day: string }).day.startsWith('2027')).length, 3);
    assert.deepEqual(await importHolidaysCsv(db, actor, csv), { added: 0, updated: 0, unchanged: 3, recomputed: 0 });
    const semicolons = 'date;kind;name;decree\n2027-08-17;libur_nasional;Hari Kemerdekaan Republik Indonesia;SKB 3 Menteri 2027\n';
    assert.deepEqual(await importHolidaysCsv(db, actor, semicolons), { added: 0, updated: 1, unchanged: 0, recomputed: 0 });
  });

  test('an import moves open deadlines it affects and clears the missing-year warning', async () => {
    const row = await start(ids.jayapura, '2027-12-20T10:00:00+09:00', 10, 'R-2028');
    const before = row.explanation as DeadlineResult;
    assert.equal(row.due, '2028-01-03');
    assert.deepEqual(before.yearsWithoutHolidays, [2028]);
    const csv = 'date,kind,name,decree\n2027-12-24,cuti_bersama,Cuti bersama Natal,SKB 3 Menteri 2027\n2028-01-01,libur_nasional,Tahun Baru 2028 Masehi,SKB 3 Menteri 2028\n';
    assert.deepEqual(await importHolidaysCsv(db, actor, csv), { added: 2, updated: 0, unchanged: 0, recomputed: 1 });
    const after = await dueOf(row.id);
    assert.equal(after.due, '2028-01-04');
    assert.deepEqual((after.explanation as DeadlineResult).yearsWithoutHolidays, []);
    const [event] = await eventsFor('deadline.recomputed', row.id);
    assert.deepEqual(event?.after, { due: '2028-01-04', cause: { action: 'holidays.imported' } });
    await db.transaction((tx) => closeDeadline(tx, actor, { officeId: ids.jayapura }, row.id));
  });

  test('an office admin cannot import national holidays', async () => {
    const error = await appError(importHolidaysCsv(db, officeAdmin, 'date,kind,name,decree\n2027-06-01,libur_nasional,Uji,SKB\n'));
    assert.equal(error.code, 'forbidden');
  });

  test('every change above left an intact audit chain', async () => {
    const result = await verifyAuditLog(db);
    assert.deepEqual(result.problems, []);
    assert.ok(result.events > 20);
  });
});
