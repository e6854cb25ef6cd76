import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { like } from 'drizzle-orm';
import { ENGINE, freshDatabase, type TestDatabase } from '../../test/support/db.ts';
import { outbox } from '../db/schema.ts';
import { cliActor, type Actor } from '../kernel/audit/store.ts';
import { demoEmail, seedDemo } from '../offices/seed.ts';
import { officeBySlug, staffByEmail, unitsOfOffice } from '../offices/store.ts';
import { sendDipReminders } from './reminders.ts';
import type { ItemForm } from './rules.ts';
import { answerCall, classifyItem, createCall, submitItem, withdrawItem } from './service.ts';

let t: TestDatabase;
const BASE = 'https://lentera.example';
const SLUG = 'kab-bintan';
const actors: Record<string, Actor> = {};
let scope: { officeId: number };
let unitA: { id: number; name: string };
let unitB: { id: number; name: string };

/** 09:00 WIB on a day (Bintan is in Asia/Jakarta). */
const at = (day: string) => new Date(`${day}T09:00:00+07:00`);
const ctxOn = (day: string) => ({ baseUrl: BASE, now: at(day) });

before(async () => {
  t = await freshDatabase();
  await seedDemo(t.database.db, cliActor('test'), BASE);
  scope = { officeId: (await officeBySlug(t.database.db, SLUG))!.id };
  for (const key of ['ppid', 'unit']) {
    const member = (await staffByEmail(t.database.db, demoEmail(key, SLUG)))!;
    actors[key] = { staffId: member.id, label: member.email, ip: '', requestId: 't' };
  }
  const unitId = (await staffByEmail(t.database.db, demoEmail('unit', SLUG)))!.unitId!;
  const all = await unitsOfOffice(t.database.db, scope);
  unitA = all.find((u) => u.id === unitId)!;
  // The demo's only information provider works in unit A, so unit B has nobody to mail.
  unitB = all.find((u) => u.id !== unitId)!;
});
after(async () => t?.cleanup());

async function run(...days: string[]): Promise<void> {
  for (const day of days) await sendDipReminders(t.database.db, at(day), BASE);
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

const email = (key: string) => [demoEmail(key, SLUG)];

function item(title: string): ItemForm {
  return {
    title,
    summary: `Ringkasan ${title}.`,
    holder: 'Subbagian Teknis',
    responsible: 'Kepala Subbagian Teknis',
    producedWhen: '2026',
    producedWhere: 'Bintan',
    hasSoftcopy: false,
    hasHardcopy: true,
    onlineLink: '',
    archiveLocation: 'Lemari arsip 1',
    retention: '5 tahun',
  };
}

describe(`DIP reminders (${ENGINE})`, () => {
  /**
   * Due Wednesday 17 June 2026. Tuesday 16 June is Tahun Baru Islam, so one working day before the due
   * date is Monday 15 June, and Friday 12 June is still two away.
   */
  test('a unit that has not answered a call is mailed one working day before and once late; the PPID hears which units are late', async () => {
    const db = t.database.db;
    const call = await createCall(db, actors.ppid!, scope, { title: 'Pemutakhiran DIP 2026', instruction: '', unitIds: [unitA.id, unitB.id], dueOn: '2026-06-17' }, ctxOn('2026-06-08'));
    const answered = await createCall(db, actors.ppid!, scope, { title: 'Daftar SK 2026', instruction: '', unitIds: [unitA.id], dueOn: '2026-06-17' }, ctxOn('2026-06-08'));
    await answerCall(db, actors.unit!, scope, answered);

    await run('2026-06-08', '2026-06-12');
    assert.deepEqual(await reminders('reminder:dip-call:'), [], 'two or more working days away: nothing yet');

    await run('2026-06-15', '2026-06-15', '2026-06-16', '2026-06-17');
    const soon = await reminders('reminder:dip-call:');
    assert.deepEqual(soon.map((r) => r.key), [`reminder:dip-call:${call}:${unitA.id}:2026-06-17:1`]);
    assert.deepEqual(soon[0]!.to, email('unit'));
    assert.match(soon[0]!.subject, /Pemutakhiran DIP 2026.*\(1 hari kerja lagi\)/);
    assert.match(soon[0]!.text, /Rabu, 17 Juni 2026/);
    assert.ok(soon[0]!.text.includes(`${BASE}/desk/dip/permintaan/${call}`));

    await run('2026-06-18', '2026-06-18', '2026-06-19', '2026-06-22');
    const all = await reminders('reminder:dip-call:');
    assert.deepEqual(all.map((r) => r.key), [`reminder:dip-call:${call}:${unitA.id}:2026-06-17:1`, `reminder:dip-call:${call}:${unitA.id}:2026-06-17:late`, `reminder:dip-call:${call}:2026-06-17:late`]);
    const [, unitLate, ppidLate] = all;
    assert.deepEqual(unitLate!.to, email('unit'));
    assert.match(unitLate!.text, /telah lewat 1 hari kerja/);
    assert.deepEqual(ppidLate!.to, email('ppid'));
    assert.ok(ppidLate!.text.includes(`- ${unitA.name}`) && ppidLate!.text.includes(`- ${unitB.name}`), 'the PPID is told every late unit');
    assert.equal(all.filter((r) => r.key.includes(`:${answered}:`)).length, 0, 'a unit that answered is left alone');
  });

  /**
   * Item X is due Monday 22 June: five working days before it is Friday 12 June (the holiday on 16 June
   * counts for nothing), so Thursday 11 June is still six away. Item Y, entered by the PPID without a
   * unit, was due 10 May.
   */
  test('a berkala item is mailed to its unit once, five working days before its next update or when overdue', async () => {
    const db = t.database.db;
    const classify = (id: number, category: string, day: string) => classifyItem(db, actors.ppid!, scope, id, { category, updateMonths: category === 'berkala' ? '1' : '', dikEntryId: '', documentationChecked: true }, ctxOn(day));
    const x = await submitItem(db, actors.unit!, scope, { callId: null, form: item('Rekapitulasi daftar pemilih berkelanjutan'), files: [] });
    await classify(x, 'berkala', '2026-05-22');
    const y = await submitItem(db, actors.ppid!, scope, { callId: null, form: item('Laporan keuangan bulanan'), files: [] });
    await classify(y, 'berkala', '2026-04-10');
    const z = await submitItem(db, actors.unit!, scope, { callId: null, form: item('Profil KPU Kabupaten Bintan'), files: [] });
    await classify(z, 'setiap_saat', '2026-05-22');
    const w = await submitItem(db, actors.unit!, scope, { callId: null, form: item('Jadwal rapat pleno'), files: [] });
    await classify(w, 'berkala', '2026-05-22');
    await withdrawItem(db, actors.ppid!, scope, w, 'Digabung dengan informasi lain.');

    await run('2026-06-11', '2026-06-11');
    const overdue = await reminders('reminder:dip-berkala:');
    assert.deepEqual(overdue.map((r) => r.key), [`reminder:dip-berkala:${y}:2026-05-10`], 'only the overdue item, six working days before the other');
    assert.deepEqual(overdue[0]!.to, email('ppid'), 'an item without a unit reminds the PPID');
    assert.match(overdue[0]!.subject, /Laporan keuangan bulanan.*telah lewat \d+ hari kerja/);

    await run('2026-06-12', '2026-06-12', '2026-06-15', '2026-06-23');
    const all = await reminders('reminder:dip-berkala:');
    assert.deepEqual(all.map((r) => r.key), [`reminder:dip-berkala:${y}:2026-05-10`, `reminder:dip-berkala:${x}:2026-06-22`]);
    const due = all[1]!;
    assert.deepEqual(due.to, email('unit'));
    assert.match(due.subject, /Rekapitulasi daftar pemilih berkelanjutan.*\(5 hari kerja lagi\)/);
    assert.match(due.text, /Senin, 22 Juni 2026/);
    assert.ok(due.text.includes(`${BASE}/desk/dip/informasi/${x}`));
    assert.ok(!all.some((r) => r.key.includes(`:${z}:`) || r.key.includes(`:${w}:`)), 'no reminder for other categories or withdrawn items');
  });
});
