import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, like } from 'drizzle-orm';
import { freshDatabase, ENGINE, type TestDatabase } from '../../test/support/db.ts';
import { addHoliday } from '../calendar/service.ts';
import { offices, outbox } from '../db/schema.ts';
import { cliActor, type Actor } from '../kernel/audit/store.ts';
import { demoEmail, seedDemo } from '../offices/seed.ts';
import { updateOfficeDetails } from '../offices/service.ts';
import { officeBySlug, staffByEmail } from '../offices/store.ts';
import { AppError } from '../kernel/errors.ts';
import type { IntakeForm } from './rules.ts';
import { reminderThreshold, sendDeadlineReminders } from './reminders.ts';
import { currentDeadline, dispose, escalate, handOver, newSubmissionKey, submitRequest } from './service.ts';

let t: TestDatabase;
const ctx = { baseUrl: 'https://lentera.example' };
const anonymous: Actor = { staffId: null, label: 'anonymous', ip: '127.0.0.1', requestId: 't' };
const SLUG = 'kab-belitung-timur';
let officeId: number;
const actors: Record<string, Actor> = {};
let unitId: number;

const FORM: IntakeForm = {
  channel: 'online',
  applicantType: 'individual',
  name: 'Budi Pemohon',
  nik: '1906014101900001',
  legalNumber: '',
  address: 'Jl. Merdeka 1, Manggar',
  phone: '081234567890',
  email: 'budi@example.id',
  occupation: '',
  proxyName: '',
  information: 'Salinan SK penetapan DPT',
  purpose: 'Bahan liputan',
  obtainMethod: 'copy',
  deliveryMethod: 'email',
  consent: 'yes',
};

/** 09:00 WIB on a day: the offices below are all in Asia/Jakarta. */
const at = (day: string, time = '09:00') => new Date(`${day}T${time}:00+07:00`);

before(async () => {
  t = await freshDatabase();
  await seedDemo(t.database.db, cliActor('test'), ctx.baseUrl);
  officeId = (await officeBySlug(t.database.db, SLUG))!.id;
  for (const key of ['desk', 'ppid', 'unit']) {
    const member = (await staffByEmail(t.database.db, demoEmail(key, SLUG)))!;
    actors[key] = { staffId: member.id, label: member.email, ip: '', requestId: 't' };
  }
  unitId = (await staffByEmail(t.database.db, demoEmail('unit', SLUG)))!.unitId!;
});
after(async () => t?.cleanup());

/**
 * Received Wednesday 11 March 2026: ten working days run past Nyepi and the Idulfitri holidays
 * (18–24 March) to Wednesday 1 April. Three working days before it is Friday 27 March (and the
 * weekend after it), one is Tuesday 31 March.
 */
async function submitOn(day: string, slugOffice = officeId) {
  const { request } = await submitRequest(t.database.db, anonymous, { officeId: slugOffice, form: FORM, submissionKey: newSubmissionKey(), files: [] }, { ...ctx, now: at(day) });
  const deadline = await currentDeadline(t.database.db, request);
  return { request, due: deadline!.due };
}

async function run(...days: string[]): Promise<void> {
  for (const day of days) await sendDeadlineReminders(t.database.db, at(day));
}

interface Reminder {
  readonly key: string;
  readonly to: string[];
  readonly subject: string;
  readonly text: string;
}

async function reminders(prefix: string): Promise<Reminder[]> {
  const rows = await t.database.db.select().from(outbox).where(like(outbox.dedupeKey, `${prefix}%`)).orderBy(outbox.id);
  return rows.map((r) => {
    const payload = r.payload as { to: string | string[]; subject: string; text: string };
    return { key: r.dedupeKey!, to: [payload.to].flat().sort(), subject: payload.subject, text: payload.text };
  });
}

const emails = (...keys: string[]) => keys.map((k) => demoEmail(k, SLUG)).sort();

describe(`deadline reminders (${ENGINE})`, () => {
  test('the threshold a count of working days falls under', () => {
    assert.equal(reminderThreshold(4, [3, 1]), undefined);
    assert.equal(reminderThreshold(3, [3, 1]), 3);
    assert.equal(reminderThreshold(2, [3, 1]), 3);
    assert.equal(reminderThreshold(1, [1, 3]), 1);
    assert.equal(reminderThreshold(0, [3, 1]), 1);
    assert.equal(reminderThreshold(-1, [3, 1]), undefined);
    assert.equal(reminderThreshold(0, []), undefined);
  });

  test('desk and PPID are mailed 3 and 1 working days before, once each however often it runs; the PPID once when it has passed', async () => {
    const { request, due } = await submitOn('2026-03-11');
    assert.equal(due, '2026-04-01');
    const prefix = `reminder:request:${request.id}:`;

    await run('2026-03-12', '2026-03-17', '2026-03-26');
    assert.deepEqual(await reminders(prefix), [], 'four or more working days away: nothing yet');

    await run('2026-03-27', '2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30');
    const three = await reminders(prefix);
    assert.deepEqual(three.map((r) => r.key), [`${prefix}2026-04-01:3`]);
    assert.deepEqual(three[0]!.to, emails('desk', 'ppid'));
    assert.match(three[0]!.subject, new RegExp(`${request.number.replace(/[/.]/g, '.')} \\(3 hari kerja lagi\\)`));
    assert.match(three[0]!.text, /Rabu, 1 April 2026/);
    assert.match(three[0]!.text, new RegExp(`/desk/permohonan/${request.id}`));

    await run('2026-03-31', '2026-03-31', '2026-04-01');
    assert.deepEqual((await reminders(prefix)).map((r) => r.key), [`${prefix}2026-04-01:3`, `${prefix}2026-04-01:1`]);
    assert.match((await reminders(`${prefix}2026-04-01:1`))[0]!.subject, /1 hari kerja lagi/);

    await run('2026-04-02', '2026-04-02', '2026-04-04', '2026-04-06');
    const overdue = await reminders(`${prefix}2026-04-01:overdue`);
    assert.equal(overdue.length, 1);
    assert.deepEqual(overdue[0]!.to, emails('ppid'));
    assert.match(overdue[0]!.subject, /Lewat batas waktu/);
    assert.match(overdue[0]!.text, /telah lewat dan|telah lewat \d hari kerja dan/);
    assert.equal((await reminders(prefix)).length, 3);
  });

  test('a closed request gets nothing', async () => {
    const { request } = await submitRequest(t.database.db, actors.desk!, { officeId, form: { ...FORM, channel: 'walk_in', consent: '' }, submissionKey: newSubmissionKey(), files: [] }, { ...ctx, now: at('2026-03-11') });
    await handOver(t.database.db, actors.desk!, { officeId }, request.id, { items: ['Salinan SK DPT'], note: '' }, { ...ctx, now: at('2026-03-12') });
    await run('2026-03-27', '2026-03-31', '2026-04-02');
    assert.deepEqual(await reminders(`reminder:request:${request.id}:`), []);
  });

  test("a unit's information providers are reminded before its disposition is due, and the PPID once when it is late", async () => {
    const { request } = await submitOn('2026-03-11');
    await escalate(t.database.db, actors.desk!, { officeId }, request.id, { note: 'Mohon ditindaklanjuti.' }, { ...ctx, now: at('2026-03-11', '10:00') });
    const [dispositionId] = await dispose(t.database.db, actors.ppid!, { officeId }, request.id, { unitIds: [unitId], instruction: 'Siapkan salinan SK DPT.', dueOn: '2026-03-27' }, { ...ctx, now: at('2026-03-12') });
    const prefix = `reminder:disposition:${dispositionId}:`;

    // Tuesday 17 March is three working days before Friday 27 March: 18–24 March are holidays.
    await run('2026-03-16', '2026-03-17', '2026-03-17', '2026-03-25');
    const three = await reminders(prefix);
    assert.deepEqual(three.map((r) => r.key), [`${prefix}2026-03-27:3`]);
    assert.deepEqual(three[0]!.to, emails('unit'));
    assert.match(three[0]!.text, /Siapkan salinan SK DPT/);

    await run('2026-03-26', '2026-03-27');
    assert.deepEqual((await reminders(prefix)).map((r) => r.key), [`${prefix}2026-03-27:3`, `${prefix}2026-03-27:1`]);

    await run('2026-03-30', '2026-03-31');
    const late = await reminders(`${prefix}2026-03-27:overdue`);
    assert.equal(late.length, 1);
    assert.deepEqual(late[0]!.to, emails('ppid'));
  });

  test("the office's reminder_days decide the thresholds, and a recomputed due date gets its own reminder", async () => {
    const bintan = (await officeBySlug(t.database.db, 'kab-bintan'))!;
    await t.database.db.update(offices).set({ reminderDays: [5] }).where(eq(offices.id, bintan.id));
    const { request, due } = await submitOn('2026-03-11', bintan.id);
    assert.equal(due, '2026-04-01');
    const prefix = `reminder:request:${request.id}:`;
    await run('2026-03-24', '2026-03-25', '2026-03-27', '2026-03-31');
    assert.deepEqual((await reminders(prefix)).map((r) => r.key), [`${prefix}2026-04-01:5`]);
    assert.deepEqual((await reminders(prefix))[0]!.to, [demoEmail('desk', 'kab-bintan'), demoEmail('ppid', 'kab-bintan')].sort());

    // A local holiday on Monday 30 March moves the due date to Thursday 2 April (3 April is Good Friday).
    await addHoliday(t.database.db, cliActor('test'), { officeId: bintan.id, day: '2026-03-30', kind: 'lokal', name: 'Hari jadi daerah' });
    assert.equal((await currentDeadline(t.database.db, request))!.due, '2026-04-02');
    await run('2026-03-31', '2026-03-31');
    assert.deepEqual((await reminders(prefix)).map((r) => r.key), [`${prefix}2026-04-01:5`, `${prefix}2026-04-02:5`]);
    assert.match((await reminders(`${prefix}2026-04-02:5`))[0]!.subject, /2 hari kerja lagi/);
  });

  test('the office admin sets reminder_days: up to three different working-day counts from 1 to 10', async () => {
    const office = (await officeBySlug(t.database.db, 'prov-babel'))!;
    const admin = (await staffByEmail(t.database.db, demoEmail('admin', 'prov-babel')))!;
    const actor: Actor = { staffId: admin.id, label: admin.email, ip: '', requestId: 't' };
    const details = { address: office.address, city: office.city, phone: office.phone, email: office.email, website: office.website, timeZone: office.timeZone, hoursStart: office.hoursStart, hoursEnd: office.hoursEnd, afterHoursRule: office.afterHoursRule, letterheadLines: office.letterheadLines, requestNumberPattern: office.requestNumberPattern, letterNumberPattern: office.letterNumberPattern, downloadLinkDays: office.downloadLinkDays, completionDays: office.completionDays };
    for (const bad of [[3, 3], [0], [11], [1, 2, 3, 4], [Number.NaN], [2.5]]) {
      await assert.rejects(updateOfficeDetails(t.database.db, actor, { officeId: office.id }, { ...details, reminderDays: bad }), (e: unknown) => e instanceof AppError && e.status === 422 && 'reminder_days' in e.fields);
    }
    assert.deepEqual((await updateOfficeDetails(t.database.db, actor, { officeId: office.id }, { ...details, reminderDays: [1, 5, 3] })).reminderDays, [5, 3, 1]);
    assert.deepEqual((await updateOfficeDetails(t.database.db, actor, { officeId: office.id }, { ...details, reminderDays: [] })).reminderDays, []);
  });

  test('the office admin sets the number patterns and the download-link lifetime, each checked', async () => {
    const office = (await officeBySlug(t.database.db, 'prov-kepri'))!;
    const admin = (await staffByEmail(t.database.db, demoEmail('admin', 'prov-kepri')))!;
    const actor: Actor = { staffId: admin.id, label: admin.email, ip: '', requestId: 't' };
    const details = { address: office.address, city: office.city, phone: office.phone, email: office.email, website: office.website, timeZone: office.timeZone, hoursStart: office.hoursStart, hoursEnd: office.hoursEnd, afterHoursRule: office.afterHoursRule, letterheadLines: office.letterheadLines, reminderDays: office.reminderDays, requestNumberPattern: office.requestNumberPattern, letterNumberPattern: office.letterNumberPattern, downloadLinkDays: office.downloadLinkDays, completionDays: office.completionDays };
    await assert.rejects(
      updateOfficeDetails(t.database.db, actor, { officeId: office.id }, { ...details, requestNumberPattern: '{seq}/REG', letterNumberPattern: 'X/{year}', downloadLinkDays: 0 }),
      (e: unknown) => e instanceof AppError && ['request_number_pattern', 'letter_number_pattern', 'download_link_days'].every((f) => f in e.fields),
    );
    const saved = await updateOfficeDetails(t.database.db, actor, { officeId: office.id }, { ...details, requestNumberPattern: 'REG-{seq:3}/{year}', downloadLinkDays: 30 });
    assert.equal(saved.requestNumberPattern, 'REG-{seq:3}/{year}');
    assert.equal(saved.downloadLinkDays, 30);
  });

  test('the office admin sets the working days an incomplete request is given: 1 to 10', async () => {
    const office = (await officeBySlug(t.database.db, 'prov-kepri'))!;
    const admin = (await staffByEmail(t.database.db, demoEmail('admin', 'prov-kepri')))!;
    const actor: Actor = { staffId: admin.id, label: admin.email, ip: '', requestId: 't' };
    const details = { address: office.address, city: office.city, phone: office.phone, email: office.email, website: office.website, timeZone: office.timeZone, hoursStart: office.hoursStart, hoursEnd: office.hoursEnd, afterHoursRule: office.afterHoursRule, letterheadLines: office.letterheadLines, reminderDays: office.reminderDays, requestNumberPattern: office.requestNumberPattern, letterNumberPattern: office.letterNumberPattern, downloadLinkDays: office.downloadLinkDays, completionDays: office.completionDays };
    assert.equal(office.completionDays, 3, 'three working days unless the office says otherwise');
    for (const bad of [0, 11, 2.5, Number.NaN]) {
      await assert.rejects(updateOfficeDetails(t.database.db, actor, { officeId: office.id }, { ...details, completionDays: bad }), (e: unknown) => e instanceof AppError && e.status === 422 && 'completion_days' in e.fields);
    }
    assert.equal((await updateOfficeDetails(t.database.db, actor, { officeId: office.id }, { ...details, completionDays: 5 })).completionDays, 5);
  });
});
