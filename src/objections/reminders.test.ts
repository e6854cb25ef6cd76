import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, like } from 'drizzle-orm';
import { addDays } from '../calendar/rules.ts';
import { freshDatabase, ENGINE, type TestDatabase } from '../../test/support/db.ts';
import { offices, outbox, requests } from '../db/schema.ts';
import { cliActor, type Actor } from '../kernel/audit/store.ts';
import { demoEmail, seedDemo } from '../offices/seed.ts';
import { officeBySlug, staffByEmail } from '../offices/store.ts';
import type { IntakeForm } from '../requests/rules.ts';
import { sendDeadlineReminders } from '../requests/reminders.ts';
import { currentDeadline, handOver, newSubmissionKey, submitRequest } from '../requests/service.ts';
import { deadlineRows } from '../requests/store.ts';
import { sendObjectionReminders } from './reminders.ts';
import type { ObjectionForm } from './rules.ts';
import { advanceDispute, decideObjection, fileObjection, recordDispute, withdrawObjection } from './service.ts';
import type { DisputeRow, ObjectionRow } from './store.ts';

let t: TestDatabase;
const ctx = { baseUrl: 'https://lentera.example' };
const SLUG = 'kab-belitung-timur';
let officeId: number;
const actors: Record<string, Actor> = {};

const WALK_IN: IntakeForm = {
  channel: 'walk_in',
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
  deliveryMethod: 'collect',
  consent: '',
};

const OBJECTION: ObjectionForm = { grounds: '', groundList: ['d'], description: 'Yang diserahkan bukan SK penetapan DPT yang saya minta.', proxyName: '', proxyAddress: '', proxyPhone: '', lateReason: '' };

/** 09:00 WIB on a day: the office is in Asia/Jakarta. */
const at = (day: string, time = '09:00') => new Date(`${day}T${time}:00+07:00`);

before(async () => {
  t = await freshDatabase();
  await seedDemo(t.database.db, cliActor('test'), ctx.baseUrl);
  officeId = (await officeBySlug(t.database.db, SLUG))!.id;
  for (const key of ['desk', 'ppid', 'atasan']) {
    const member = (await staffByEmail(t.database.db, demoEmail(key, SLUG)))!;
    actors[key] = { staffId: member.id, label: member.email, ip: '', requestId: 't' };
  }
});
after(async () => t?.cleanup());

/** A walk-in request handed over on `day`, and an objection on ground d filed against it the next morning. */
async function objectionOn(day: string, fileDay: string): Promise<{ objection: ObjectionRow; due: string }> {
  const { request } = await submitRequest(t.database.db, actors.desk!, { officeId, form: WALK_IN, submissionKey: newSubmissionKey(), files: [] }, { ...ctx, now: at(day) });
  await handOver(t.database.db, actors.desk!, { officeId }, request.id, { items: ['Salinan SK KPU tentang rekapitulasi DPT'], note: '' }, { ...ctx, now: at(day, '09:30') });
  const { objection } = await fileObjection(t.database.db, actors.desk!, { officeId, requestId: request.id, form: OBJECTION, submissionKey: newSubmissionKey(), files: [] }, { ...ctx, now: at(fileDay, '10:00') });
  const [deadline] = await deadlineRows(t.database.db, [objection.deadlineId]);
  return { objection, due: deadline!.due };
}

const uphold = { action: 'uphold', reasons: 'Informasi yang diserahkan sudah sesuai permohonan.', terms: '', order: '' };

/** An objection upheld on `day` and a dispute the commission received on `filedOn`. */
async function disputeOn(day: string, filedOn: string): Promise<DisputeRow> {
  const { objection } = await objectionOn(day, day);
  await decideObjection(t.database.db, actors.atasan!, { officeId }, objection.id, uphold, { ...ctx, now: at(day, '11:00') });
  return recordDispute(t.database.db, actors.ppid!, { officeId }, objection.id, { commission: 'Komisi Informasi Provinsi Kepulauan Bangka Belitung', registerNumber: '', filedOn, note: '' }, [], { now: at(filedOn, '12:00') });
}

async function run(...days: string[]): Promise<void> {
  for (const day of days) {
    await sendObjectionReminders(t.database.db, at(day), ctx.baseUrl);
    await sendDeadlineReminders(t.database.db, at(day), ctx.baseUrl);
  }
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

describe(`objection and dispute reminders (${ENGINE})`, () => {
  test('the Atasan PPID is mailed 3 and 1 working days before the answer is due, once each; the Atasan and the PPID once when it has passed', async () => {
    // Filed Thursday 12 March 2026: thirty working days run past Nyepi, Idulfitri (18–24 March), Good
    // Friday and 1 May to Monday 4 May. Three working days before is Tuesday 28 April; one is Thursday 30 April.
    const { objection, due } = await objectionOn('2026-03-11', '2026-03-12');
    assert.equal(due, '2026-05-04');
    const prefix = `reminder:objection:${objection.id}:`;

    await run('2026-03-13', '2026-04-20', '2026-04-27');
    assert.deepEqual(await reminders(prefix), [], 'four or more working days away: nothing yet');

    await run('2026-04-28', '2026-04-28', '2026-04-29');
    const three = await reminders(prefix);
    assert.deepEqual(three.map((r) => r.key), [`${prefix}2026-05-04:3`]);
    assert.deepEqual(three[0]!.to, emails('atasan'));
    assert.match(three[0]!.subject, new RegExp(`keberatan ${objection.number.replace(/[/.]/g, '.')} \\(3 hari kerja lagi\\)`));
    assert.match(three[0]!.text, /Senin, 4 Mei 2026/);
    assert.match(three[0]!.text, /ditanggapi tidak sebagaimana yang diminta/);
    assert.match(three[0]!.text, new RegExp(`https://lentera.example/desk/keberatan/${objection.id}\\b`));

    await run('2026-04-30', '2026-05-01', '2026-05-04');
    assert.deepEqual((await reminders(prefix)).map((r) => r.key), [`${prefix}2026-05-04:3`, `${prefix}2026-05-04:1`]);
    assert.match((await reminders(`${prefix}2026-05-04:1`))[0]!.subject, /1 hari kerja lagi/);

    await run('2026-05-05', '2026-05-05', '2026-05-07');
    const overdue = await reminders(`${prefix}2026-05-04:overdue`);
    assert.equal(overdue.length, 1);
    assert.deepEqual(overdue[0]!.to, emails('atasan', 'ppid'));
    assert.match(overdue[0]!.subject, /Lewat batas waktu: keberatan/);
    assert.match(overdue[0]!.text, /telah lewat 1 hari kerja dan tanggapan belum terbit/);
    assert.match(overdue[0]!.text, /Komisi Informasi/);
    assert.equal((await reminders(prefix)).length, 3);
  });

  test("the office's reminder_days decide the thresholds", async () => {
    const office = (await officeBySlug(t.database.db, SLUG))!;
    await t.database.db.update(offices).set({ reminderDays: [5] }).where(eq(offices.id, officeId));
    try {
      const { objection, due } = await objectionOn('2026-03-11', '2026-03-12');
      const prefix = `reminder:objection:${objection.id}:`;
      // Monday 27 April is five working days before Monday 4 May (1 May is a holiday).
      await run('2026-04-24', '2026-04-27', '2026-04-30');
      assert.deepEqual((await reminders(prefix)).map((r) => r.key), [`${prefix}${due}:5`]);
    } finally {
      await t.database.db.update(offices).set({ reminderDays: office.reminderDays }).where(eq(offices.id, officeId));
    }
  });

  test('a decided or withdrawn objection gets nothing', async () => {
    const decided = (await objectionOn('2026-03-11', '2026-03-12')).objection;
    await decideObjection(t.database.db, actors.atasan!, { officeId }, decided.id, uphold, { ...ctx, now: at('2026-03-13') });
    const withdrawn = (await objectionOn('2026-03-11', '2026-03-12')).objection;
    await withdrawObjection(t.database.db, actors.desk!, { officeId }, withdrawn.id, { note: 'Pemohon mencabut keberatan secara lisan di desk.' }, { now: at('2026-03-13') });
    await run('2026-04-28', '2026-04-30', '2026-05-05');
    assert.deepEqual(await reminders(`reminder:objection:${decided.id}:`), []);
    assert.deepEqual(await reminders(`reminder:objection:${withdrawn.id}:`), []);
  });

  test("the PPID is mailed once when the commission's start clock passes, and once when its finish clock does", async () => {
    // Received by the commission Monday 16 March: fourteen working days end Monday 13 April, a hundred
    // end in August.
    const dispute = await disputeOn('2026-03-12', '2026-03-16');
    const clocks = await deadlineRows(t.database.db, [dispute.startDeadlineId, dispute.finishDeadlineId]);
    const start = clocks.find((r) => r.purpose === 'dispute_start')!;
    const finish = clocks.find((r) => r.purpose === 'dispute_finish')!;
    assert.equal(start.due, '2026-04-13');
    const startKey = `reminder:dispute_start:${dispute.id}:`;
    const finishKey = `reminder:dispute_finish:${dispute.id}:`;

    await run('2026-04-08', '2026-04-10', '2026-04-13');
    assert.deepEqual(await reminders(startKey), [], 'the commission has until the due day itself; no reminder before it');

    await run('2026-04-14', '2026-04-14', '2026-04-15');
    const late = await reminders(startKey);
    assert.deepEqual(late.map((r) => r.key), [`${startKey}2026-04-13:overdue`]);
    assert.deepEqual(late[0]!.to, emails('ppid'));
    assert.match(late[0]!.text, /Komisi Informasi Provinsi Kepulauan Bangka Belitung semestinya mulai/);
    assert.match(late[0]!.text, /Senin, 13 April 2026/);
    assert.match(late[0]!.text, new RegExp(`/desk/sengketa/${dispute.id}\\b`));

    await advanceDispute(t.database.db, actors.ppid!, { officeId }, dispute.id, { stage: 'mediation', on: '2026-04-16', note: 'Sidang mediasi pertama.', outcome: '', outcomeNote: '' }, [], { now: at('2026-04-16', '15:00') });
    const dayAfterFinish = addDays(finish.due, 1);
    await run(finish.due, dayAfterFinish, dayAfterFinish);
    assert.equal((await reminders(startKey)).length, 1, 'the start clock stopped at mediation');
    const finishLate = await reminders(finishKey);
    assert.deepEqual(finishLate.map((r) => r.key), [`${finishKey}${finish.due}:overdue`]);
    assert.deepEqual(finishLate[0]!.to, emails('ppid'));
    assert.match(finishLate[0]!.subject, /Sengketa belum selesai/);
  });

  test('a closed dispute gets nothing', async () => {
    const dispute = await disputeOn('2026-03-12', '2026-03-16');
    await advanceDispute(t.database.db, actors.ppid!, { officeId }, dispute.id, { stage: 'closed', on: '2026-03-20', note: '', outcome: 'withdrawn', outcomeNote: 'Pemohon mencabut permohonan sengketa.' }, [], { now: at('2026-03-25') });
    await run('2026-04-14', '2026-09-30');
    assert.deepEqual(await reminders(`reminder:dispute_start:${dispute.id}:`), []);
    assert.deepEqual(await reminders(`reminder:dispute_finish:${dispute.id}:`), []);
  });

  test("a request reopened by an overturned objection is reminded on its new clock like any request's", async () => {
    const { objection } = await objectionOn('2026-03-11', '2026-03-12');
    await decideObjection(t.database.db, actors.atasan!, { officeId }, objection.id, { action: 'overturn', reasons: 'Yang diserahkan bukan SK yang diminta.', terms: '', order: 'Salinan SK penetapan DPT Pemilu 2024.' }, { ...ctx, now: at('2026-03-13', '10:00') });
    const [request] = await t.database.db.select().from(requests).where(eq(requests.id, objection.requestId));
    // Ten working days from Friday 13 March, past the holidays of 18–24 March and Good Friday: Monday 6 April.
    const due = (await currentDeadline(t.database.db, request!))!;
    assert.equal(due.purpose, 'objection_reopen');
    assert.equal(due.due, '2026-04-06');
    const prefix = `reminder:request:${request!.id}:`;

    await run('2026-03-30', '2026-03-31', '2026-04-02', '2026-04-06', '2026-04-07', '2026-04-08');
    const sent = await reminders(prefix);
    assert.deepEqual(sent.map((r) => r.key), [`${prefix}2026-04-06:3`, `${prefix}2026-04-06:1`, `${prefix}2026-04-06:overdue`]);
    assert.deepEqual(sent[0]!.to, emails('desk', 'ppid'));
    assert.deepEqual(sent[2]!.to, emails('ppid'));
  });
});
