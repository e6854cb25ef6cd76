import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { freshDatabase, ENGINE, type TestDatabase } from '../../test/support/db.ts';
import { auditEvents, counters, deadlines, letters, outbox, requestFiles, requests } from '../db/schema.ts';
import { cliActor, verifyAuditLog, type Actor } from '../kernel/audit/store.ts';
import { AppError } from '../kernel/errors.ts';
import { readPdf } from '../letters/test-pdf.ts';
import { demoEmail, seedDemo } from '../offices/seed.ts';
import { todayIn } from '../offices/portal.tsx';
import { officeBySlug, staffByEmail } from '../offices/store.ts';
import type { DecisionForm, IntakeForm } from './rules.ts';
import {
  answerDisposition,
  attachAnswerFiles,
  completeRequest,
  decide,
  deliver,
  dispose,
  downloadViaLink,
  escalate,
  explainExempt,
  extend,
  findTracked,
  handOver,
  mailReceipt,
  newSubmissionKey,
  RECEIPT_JOB,
  receiptFor,
  setFileRelease,
  submitRequest,
} from './service.ts';
import { filesOf, lettersOf } from './store.ts';

let t: TestDatabase;
let officeId: number;
const ctx = { baseUrl: 'https://lentera.example' };
const anonymous: Actor = { staffId: null, label: 'anonymous', ip: '127.0.0.1', requestId: 't' };
const staffActors: Record<string, Actor> = {};
let unitId: number;

before(async () => {
  t = await freshDatabase();
  await seedDemo(t.database.db, cliActor('test'), ctx.baseUrl);
  officeId = (await officeBySlug(t.database.db, 'kab-belitung-timur'))!.id;
  for (const key of ['desk', 'ppid', 'unit', 'atasan']) {
    const member = (await staffByEmail(t.database.db, demoEmail(key, 'kab-belitung-timur')))!;
    staffActors[key] = { staffId: member.id, label: member.email, ip: '', requestId: 't' };
  }
  unitId = (await staffByEmail(t.database.db, demoEmail('unit', 'kab-belitung-timur')))!.unitId!;
});
after(async () => t?.cleanup());

export const ONLINE_FORM: IntakeForm = {
  channel: 'online',
  applicantType: 'individual',
  name: 'Budi Pemohon',
  nik: '1906014101900001',
  legalNumber: '',
  address: 'Jl. Merdeka 1, Manggar',
  phone: '081234567890',
  email: 'budi@example.id',
  occupation: 'Wartawan',
  proxyName: '',
  information: 'Salinan SK penetapan DPT Pemilu 2024 Kabupaten Belitung Timur',
  purpose: 'Bahan liputan',
  obtainMethod: 'copy',
  deliveryMethod: 'email',
  consent: 'yes',
};

const NO_DECISION: DecisionForm = { outcome: '', holder: '', form: '', perPage: '', pages: '', delivery: '', other: '', timeToProvide: '', withheld: '', pasal17: '', otherLaw: '', consequence: '', documentedBy: '', note: '' };

function submit(form: Partial<IntakeForm> = {}, key = newSubmissionKey(), actor = anonymous) {
  return submitRequest(t.database.db, actor, { officeId, form: { ...ONLINE_FORM, ...form }, submissionKey: key, files: [] }, ctx);
}

async function xlsxBytes(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('DPT').addRows([['Kecamatan', 'Jumlah'], ['Manggar', 120]]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const scope = () => ({ officeId });
const rejectsWith = (status: number) => (error: unknown) => error instanceof AppError && error.status === status;

describe(`requests (${ENGINE})`, () => {
  test('an online request gets a number, a deadline, a receipt mail, and the same form twice makes one request', async () => {
    const key = newSubmissionKey();
    const [first, second] = await Promise.all([submit({}, key), submit({}, key)]);
    assert.equal(first.request.id, second.request.id);
    assert.equal(first.code, second.code);
    assert.ok(first.duplicate !== second.duplicate || second.duplicate);
    assert.match(first.request.number, /^\d{4}\/REG-PPID\/19\.06\/\d{4}$/);
    const [deadline] = await t.database.db.select().from(deadlines).where(eq(deadlines.id, first.request.deadlineId!));
    assert.equal(deadline!.workingDays, 10);
    await mailReceipt(t.database.db, first.request.id, ctx.baseUrl);
    await mailReceipt(t.database.db, first.request.id, ctx.baseUrl);
    const mails = await t.database.db.select().from(outbox);
    assert.equal(mails.filter((m) => m.kind === RECEIPT_JOB && JSON.stringify(m.payload) === JSON.stringify({ requestId: first.request.id })).length, 1, 'one receipt job');
    assert.equal(mails.filter((m) => m.dedupeKey === `receipt-mail:${first.request.id}`).length, 1, 'one receipt mail even when the job runs twice');
    const receiptMail = mails.find((m) => JSON.stringify(m.payload).includes(first.request.number) && JSON.stringify(m.payload).includes('budi@example.id'));
    assert.ok(receiptMail, 'the applicant is mailed the receipt');
    const attachment = (receiptMail.payload as { attachments: { contentBase64: string }[] }).attachments[0]!;
    const pdf = await readPdf(Buffer.from(attachment.contentBase64, 'base64'));
    assert.match(pdf.text, new RegExp(first.request.number.replace(/[/.]/g, '.')));
    assert.match(pdf.text, new RegExp(first.code));
    assert.doesNotMatch(pdf.text, /1906014101900001/, 'the NIK is masked on the receipt');
    const tracked = await findTracked(t.database.db, officeId, first.request.number, first.code.toLowerCase().replace('-', ' '));
    assert.equal(tracked.id, first.request.id);
    await assert.rejects(findTracked(t.database.db, officeId, first.request.number, 'AAAAA-AAAAA'), rejectsWith(404));
    const receipt = await receiptFor(t.database.db, officeId, first.request.number, first.code, ctx.baseUrl);
    assert.ok(receipt.pdf.length > 1000);
  });

  test('bad intake is refused per field and leaves nothing behind', async () => {
    const before = await t.database.db.select({ id: requests.id }).from(requests);
    await assert.rejects(submit({ nik: '1234', email: 'x', consent: '' }), (error: unknown) => {
      assert.ok(error instanceof AppError && error.status === 422);
      assert.deepEqual(Object.keys(error.fields).sort(), ['consent', 'email', 'nik']);
      return true;
    });
    await assert.rejects(submit({ applicantType: 'group', proxyName: '' }), (error: unknown) => error instanceof AppError && 'proxy_letter' in error.fields && 'member_ids' in error.fields);
    await assert.rejects(submit({ channel: 'walk_in' }), rejectsWith(403));
    assert.equal((await t.database.db.select({ id: requests.id }).from(requests)).length, before.length);
  });

  test('the walk-in quick path: desk intake, hand over against a numbered receipt, closed', async () => {
    const { request } = await submit({ channel: 'walk_in', consent: '' }, newSubmissionKey(), staffActors.desk!);
    const letter = await handOver(t.database.db, staffActors.desk!, scope(), request.id, { items: ['Salinan SK DPT (3 halaman)'], note: '' }, ctx);
    assert.equal(letter.kind, 'tanda_terima');
    const [row] = await t.database.db.select().from(requests).where(eq(requests.id, request.id));
    assert.equal(row!.status, 'closed');
    assert.equal(row!.outcome, 'handed_over');
    await assert.rejects(handOver(t.database.db, staffActors.desk!, scope(), request.id, { items: ['x'], note: '' }, ctx), rejectsWith(409));
    const pdf = await readPdf(letter.pdf);
    assert.match(pdf.text, /Salinan SK DPT/);
  });

  test('exempt explained at the desk cites the DIK and the Pasal 17 letter', async () => {
    const online = await submit();
    await assert.rejects(explainExempt(t.database.db, staffActors.desk!, scope(), online.request.id, { pasal17: 'h', dikReference: 'DIK No. 12', explanation: 'Memuat NIK.' }, ctx), rejectsWith(409), 'the quick paths are for applicants at the desk');
    const { request } = await submit({ channel: 'walk_in', consent: '' }, newSubmissionKey(), staffActors.desk!);
    const letter = await explainExempt(t.database.db, staffActors.desk!, scope(), request.id, { pasal17: 'h', dikReference: 'DIK No. 12: data pribadi pemilih', explanation: 'Memuat NIK pemilih.' }, ctx);
    const pdf = await readPdf(letter.pdf);
    assert.match(pdf.text, /Pasal 17 huruf h/);
    assert.match(pdf.text, /DIK No\. 12/);
    assert.match(pdf.text, /30 \(tiga puluh\) hari kerja/);
  });

  test('the full SOP: escalate, dispose to a unit, unit answers with a checked file, extend once, decide, deliver by e-mail, download', async () => {
    const { request } = await submit();
    await escalate(t.database.db, staffActors.desk!, scope(), request.id, { note: 'Mohon ditindaklanjuti.' }, ctx);
    await assert.rejects(dispose(t.database.db, staffActors.desk!, scope(), request.id, { unitIds: [unitId], instruction: 'x', dueOn: '2099-01-01' }, ctx), rejectsWith(403));
    const [dispositionId] = await dispose(t.database.db, staffActors.ppid!, scope(), request.id, { unitIds: [unitId], instruction: 'Siapkan salinan SK DPT.', dueOn: todayIn('Asia/Jakarta') }, ctx);
    await answerDisposition(t.database.db, staffActors.unit!, scope(), dispositionId!, { answer: 'provided', note: '', holder: '', expectedOn: '', files: [{ role: 'files', name: 'dpt.xlsx', bytes: await xlsxBytes() }] }, ctx);
    await assert.rejects(answerDisposition(t.database.db, staffActors.unit!, scope(), dispositionId!, { answer: 'not_held', note: '', holder: 'KPU RI', expectedOn: '', files: [] }, ctx), rejectsWith(409));
    const letterExt = await extend(t.database.db, staffActors.ppid!, scope(), request.id, { reason: 'Data perlu dihimpun dari beberapa kecamatan.' }, ctx);
    assert.equal(letterExt.kind, 'pemberitahuan_perpanjangan');
    await assert.rejects(extend(t.database.db, staffActors.ppid!, scope(), request.id, { reason: 'Sekali lagi karena banyak data.' }, ctx), rejectsWith(409));
    const files = await filesOf(t.database.db, request.id);
    assert.equal(files.length, 1);
    await assert.rejects(decide(t.database.db, staffActors.ppid!, scope(), request.id, { ...NO_DECISION, outcome: 'granted_full', form: 'soft', timeToProvide: 'Saat ini' }, ctx), rejectsWith(409), 'files must be settled first');
    await setFileRelease(t.database.db, staffActors.ppid!, scope(), files[0]!.id, { release: true, reason: '' });
    const { notice } = await decide(t.database.db, staffActors.ppid!, scope(), request.id, { ...NO_DECISION, outcome: 'granted_full', form: 'soft', perPage: '500', pages: '10', delivery: '0', other: '0', timeToProvide: 'Saat pemberitahuan ini diterima' }, ctx);
    const text = (await readPdf(notice.pdf)).text;
    for (const expected of [/Dikabulkan seluruhnya/, /Rp 500 x 10 halaman = Rp 5\.000/, /Jumlah biaya/, /Softcopy/, new RegExp(request.number.replace(/[/.]/g, '.'))]) assert.match(text, expected);
    await assert.rejects(decide(t.database.db, staffActors.ppid!, scope(), request.id, { ...NO_DECISION, outcome: 'refused' }, ctx), rejectsWith(422));
    const delivered = await deliver(t.database.db, staffActors.desk!, scope(), request.id, { mode: 'email', note: '', payment: 'transfer' }, ctx);
    assert.ok(delivered.token);
    const file = await downloadViaLink(t.database.db, delivered.token, files[0]!.id);
    assert.equal(file.name, 'dpt.xlsx');
    const kinds = (await lettersOf(t.database.db, request.id)).map((l) => l.kind);
    assert.deepEqual(kinds, ['pemberitahuan_perpanjangan', 'pemberitahuan_tertulis']);
    assert.deepEqual((await verifyAuditLog(t.database.db)).problems, []);
  });

  test('a refusal issues the notice and the SK Penolakan naming the Pasal 17 letter and consequence', async () => {
    const { request } = await submit();
    await escalate(t.database.db, staffActors.desk!, scope(), request.id, { note: 'Mohon diputus.' }, ctx);
    const { refusal } = await decide(t.database.db, staffActors.ppid!, scope(), request.id, { ...NO_DECISION, outcome: 'refused', pasal17: 'h', consequence: 'Membuka data pribadi pemilih.' }, ctx);
    assert.ok(refusal);
    const text = (await readPdf(refusal.pdf)).text;
    assert.match(text, /Pasal 17 huruf h/);
    assert.match(text, /Membuka data pribadi pemilih/);
    assert.match(text, /keberatan/);
    const count = await t.database.db.select({ id: letters.id }).from(letters).where(eq(letters.subjectId, String(request.id)));
    assert.equal(count.length, 2);
  });

  test('registration numbers stay unique and gap-free under concurrent submissions', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => submit()));
    const seqs = results.map((r) => Number(r.request.number.slice(0, 4))).sort((a, b) => a - b);
    assert.equal(new Set(seqs).size, 20);
    assert.equal(seqs[19]! - seqs[0]!, 19, 'no gaps between the first and the last');
  });

  test('each notice outcome prints what the law asks of it', async () => {
    const cases: [Partial<DecisionForm>, RegExp[]][] = [
      [{ outcome: 'granted_part', form: 'both', perPage: '1.000', pages: '3', delivery: '15000', other: '0', timeToProvide: '3 hari kerja', withheld: 'NIK dan alamat dihitamkan (Pasal 17 huruf h)' }, [/Dikabulkan sebagian/, /NIK dan alamat dihitamkan/, /Rp 1\.000 x 3 halaman = Rp 3\.000/, /Rp 15\.000/, /Rp 18\.000/, /keberatan/]],
      [{ outcome: 'not_held', holder: 'Bawaslu Kabupaten Belitung Timur' }, [/tidak dikuasai/, /Bawaslu Kabupaten Belitung Timur/]],
      [{ outcome: 'not_documented', documentedBy: 'akhir Desember 2026' }, [/belum didokumentasikan/i, /akhir Desember 2026/]],
    ];
    for (const [form, expected] of cases) {
      const { request } = await submit();
      await escalate(t.database.db, staffActors.desk!, scope(), request.id, { note: 'Mohon diputus.' }, ctx);
      const { notice } = await decide(t.database.db, staffActors.ppid!, scope(), request.id, { ...NO_DECISION, ...form }, ctx);
      const text = (await readPdf(notice.pdf)).text.replace(/\s+/g, ' ');
      for (const pattern of [...expected, /Pemberitahuan tertulis/i, /Periksa keaslian surat/]) assert.match(text, pattern, `${form.outcome}: ${pattern}`);
    }
  });

  test('the extension notice gives the reason and the new date, counted on from the first due date', async () => {
    const { request } = await submit();
    const letter = await extend(t.database.db, staffActors.ppid!, scope(), request.id, { reason: 'Informasi tersebar di tiga subbagian.' }, ctx);
    const text = (await readPdf(letter.pdf)).text.replace(/\s+/g, ' ');
    assert.match(text, /Informasi tersebar di tiga subbagian/);
    assert.match(text, /Batas waktu baru/);
    const [row] = await t.database.db.select().from(requests).where(eq(requests.id, request.id));
    const [first] = await t.database.db.select().from(deadlines).where(eq(deadlines.id, row!.deadlineId!));
    const [second] = await t.database.db.select().from(deadlines).where(eq(deadlines.id, row!.extensionDeadlineId!));
    assert.ok(first!.closedAt, 'the first clock is closed');
    assert.equal(second!.workingDays, 7);
    assert.ok(second!.due > first!.due);
  });

  test('a step that fails halfway leaves nothing behind: no letter, no number taken, the request as it was', async () => {
    const { request } = await submit();
    await escalate(t.database.db, staffActors.desk!, scope(), request.id, { note: 'Mohon diputus.' }, ctx);
    const countersBefore = await t.database.db.select().from(counters).orderBy(counters.officeId, counters.series, counters.year);
    const eventsBefore = (await t.database.db.select({ id: auditEvents.id }).from(auditEvents)).length;
    // The second letter of a refusal fails after the notice, its number and its audit event were written.
    await t.database.db.execute(sql`CREATE FUNCTION test_refuse_sk() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`);
    await t.database.db.execute(sql`CREATE TRIGGER test_refuse_sk BEFORE INSERT ON letters FOR EACH ROW WHEN (NEW.kind = 'sk_penolakan') EXECUTE FUNCTION test_refuse_sk()`);
    try {
      await assert.rejects(decide(t.database.db, staffActors.ppid!, scope(), request.id, { ...NO_DECISION, outcome: 'refused', pasal17: 'h', consequence: 'Membuka data pribadi.' }, ctx), (error: unknown) => String((error as { cause?: unknown }).cause ?? error).includes('disk full'));
    } finally {
      await t.database.db.execute(sql`DROP TRIGGER test_refuse_sk ON letters`);
      await t.database.db.execute(sql`DROP FUNCTION test_refuse_sk()`);
    }
    const [row] = await t.database.db.select().from(requests).where(eq(requests.id, request.id));
    assert.equal(row!.status, 'escalated');
    assert.equal(row!.decision, null);
    assert.deepEqual(await lettersOf(t.database.db, request.id), []);
    assert.deepEqual(await t.database.db.select().from(counters).orderBy(counters.officeId, counters.series, counters.year), countersBefore);
    assert.equal((await t.database.db.select({ id: auditEvents.id }).from(auditEvents)).length, eventsBefore);
    const [deadline] = await t.database.db.select().from(deadlines).where(eq(deadlines.id, row!.deadlineId!));
    assert.equal(deadline!.closedAt, null);
  });

  test('text the letters cannot print is refused on the form it was typed in', async () => {
    await assert.rejects(submit({ name: 'Budi → Santoso' }), (error: unknown) => error instanceof AppError && 'name' in error.fields);
    const { request } = await submit();
    await escalate(t.database.db, staffActors.desk!, scope(), request.id, { note: 'Mohon diputus.' }, ctx);
    await assert.rejects(decide(t.database.db, staffActors.ppid!, scope(), request.id, { ...NO_DECISION, outcome: 'not_held', holder: 'KPU RI', note: 'Catatan 你好' }, ctx), (error: unknown) => error instanceof AppError && 'note' in error.fields);
    await assert.rejects(extend(t.database.db, staffActors.ppid!, scope(), request.id, { reason: 'Data tersebar ≥ tiga subbagian.' }, ctx), (error: unknown) => error instanceof AppError && 'reason' in error.fields);
  });

  test('no extension once the first period has lapsed, and no files handed out with a decision that gives nothing', async () => {
    const { request } = await submit();
    const [deadline] = await t.database.db.select().from(deadlines).where(eq(deadlines.id, request.deadlineId!));
    const dayAfter = new Date(`${deadline!.due}T10:00:00+07:00`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    await assert.rejects(extend(t.database.db, staffActors.ppid!, scope(), request.id, { reason: 'Data perlu dihimpun dari kecamatan.' }, { ...ctx, now: dayAfter }), rejectsWith(409));

    await escalate(t.database.db, staffActors.desk!, scope(), request.id, { note: 'Mohon diputus.' }, ctx);
    await attachAnswerFiles(t.database.db, staffActors.ppid!, scope(), request.id, [{ role: 'files', name: 'dpt.xlsx', bytes: await xlsxBytes() }]);
    const [file] = (await filesOf(t.database.db, request.id)).filter((f) => f.role === 'answer');
    await setFileRelease(t.database.db, staffActors.ppid!, scope(), file!.id, { release: true, reason: '' });
    await assert.rejects(decide(t.database.db, staffActors.ppid!, scope(), request.id, { ...NO_DECISION, outcome: 'not_held', holder: 'KPU RI' }, ctx), rejectsWith(409));
  });

  // Thursday 8 October 2026, 09:00 WIB: three working days on are Friday 9, Monday 12 and Tuesday 13 October.
  const THURSDAY = new Date('2026-10-08T02:00:00Z');
  const deskSubmit = (form: Partial<IntakeForm>, allowMissing = true, actor = staffActors.desk!) =>
    submitRequest(
      t.database.db,
      actor,
      { officeId, form: { ...ONLINE_FORM, channel: 'walk_in', consent: '', ...form }, submissionKey: newSubmissionKey(), files: [], receivedAt: THURSDAY, allowMissing },
      { ...ctx, now: new Date(THURSDAY.getTime() + 600_000) },
    );
  const fields = (error: unknown) => (error instanceof AppError && error.status === 422 ? Object.keys(error.fields).sort() : []);
  const SCAN = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

  test('an incomplete desk request is registered: what is missing is stored, recorded, mailed with the day to complete it by (over the weekend), and on the receipt', async () => {
    const { request, code } = await deskSubmit({ applicantType: 'legal_entity', nik: '', legalNumber: '', name: 'Yayasan Pemantau', email: 'yayasan@example.id' });
    assert.deepEqual(request.missing, ['legalNumber', 'legal_deed']);
    assert.equal(request.status, 'received');
    const [deadline] = await t.database.db.select().from(deadlines).where(eq(deadlines.id, request.deadlineId!));
    assert.deepEqual([deadline!.workingDays, deadline!.due], [10, '2026-10-22'], 'the clock runs from receipt as for any request: no pause');

    const [received] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'request.received'), eq(auditEvents.subjectId, String(request.id))));
    assert.deepEqual((received!.after as { missing: string[]; completeBy: string }).missing, ['legalNumber', 'legal_deed']);
    assert.equal((received!.after as { completeBy: string }).completeBy, '2026-10-13');

    const mails = (await t.database.db.select().from(outbox)).map((m) => m.payload as { to?: string; subject?: string; text?: string });
    const mail = mails.find((m) => m.to === 'yayasan@example.id' && m.subject === `Kelengkapan permohonan informasi ${request.number}`);
    assert.ok(mail, 'the applicant is mailed what is missing');
    assert.match(mail.text!, /- Nomor akta notaris \/ SK pengesahan badan hukum\n- Akta notaris \/ SK pengesahan badan hukum/);
    assert.match(mail.text!, /paling lambat Selasa, 13 Oktober 2026 \(3 hari kerja sejak permohonan diterima\)/);
    assert.match(mail.text!, /batas waktu pemberitahuan tertulis: Kamis, 22 Oktober 2026/);

    const receipt = (await readPdf((await receiptFor(t.database.db, officeId, request.number, code, ctx.baseUrl)).pdf)).text.replace(/\s+/g, ' ');
    assert.match(receipt, /Kelengkapan belum ada : Nomor akta notaris \/ SK pengesahan badan hukum; Akta notaris \/ SK pengesahan badan hukum/);
    assert.match(receipt, /Dilengkapi paling lambat : Selasa, 13 Oktober 2026/);

    const complete = await deskSubmit({ email: 'lengkap@example.id' }, false);
    assert.deepEqual(complete.request.missing, []);
    assert.ok(!(await t.database.db.select().from(outbox)).some((m) => JSON.stringify(m.payload).includes(`Kelengkapan permohonan informasi ${complete.request.number}`)), 'nothing to complete, nothing mailed');
  });

  test('what is present but wrong still blocks a desk request; what is absent blocks only without the checkbox; online stays strict', async () => {
    await assert.rejects(deskSubmit({ nik: '1234' }), (e: unknown) => fields(e).includes('nik'));
    await assert.rejects(deskSubmit({ nik: '1906019999990001' }), (e: unknown) => fields(e).includes('nik'), 'a NIK without the structure of one');
    await assert.rejects(deskSubmit({ nik: '', email: 'bukan-email' }), (e: unknown) => fields(e).join() === 'email');
    await assert.rejects(deskSubmit({ nik: '' }, false), (e: unknown) => fields(e).join() === 'nik');
    await assert.rejects(deskSubmit({ applicantType: 'group', nik: '', proxyName: '' }), (e: unknown) => fields(e).join() === 'proxyName', 'the proxy is named at the desk; only the documents may follow');
    const group = await deskSubmit({ applicantType: 'group', nik: '', proxyName: 'Rina Kuasa' });
    assert.deepEqual(group.request.missing, ['nik', 'proxy_letter', 'member_ids']);
    const before = (await t.database.db.select({ id: requests.id }).from(requests)).length;
    await assert.rejects(
      submitRequest(t.database.db, anonymous, { officeId, form: { ...ONLINE_FORM, nik: '', applicantType: 'group', proxyName: 'Rina' }, submissionKey: newSubmissionKey(), files: [], allowMissing: true }, ctx),
      (e: unknown) => ['member_ids', 'nik', 'proxy_letter'].every((f) => fields(e).includes(f)),
      'the portal never registers an incomplete request',
    );
    assert.equal((await t.database.db.select({ id: requests.id }).from(requests)).length, before);
  });

  test('completing a request takes what was missing off the list, one item or all, without touching its status or clock', async () => {
    const { request } = await deskSubmit({ nik: '', proxyName: 'Rina Kuasa' });
    assert.deepEqual(request.missing, ['nik', 'proxy_letter']);
    const complete = (input: Partial<{ nik: string; legalNumber: string; files: { role: string; name: string; bytes: Buffer }[] }>, actor = staffActors.desk!) =>
      completeRequest(t.database.db, actor, scope(), request.id, { nik: '', legalNumber: '', files: [], ...input });
    await assert.rejects(complete({}), (e: unknown) => fields(e).join() === 'nik', 'something must be given');
    await assert.rejects(complete({ nik: '1906 0141 0190' }), (e: unknown) => fields(e).join() === 'nik');
    await assert.rejects(complete({ files: [{ role: 'proxy_letter', name: 'kuasa.txt', bytes: Buffer.from('bukan pindaian') }] }), (e: unknown) => fields(e).join() === 'proxy_letter');
    await assert.rejects(complete({ nik: '1906014101900001' }, staffActors.unit!), rejectsWith(403));
    await assert.rejects(complete({ nik: '1906014101900001' }, staffActors.atasan!), rejectsWith(403));

    assert.deepEqual(await complete({ nik: '1906.0141.0190.0001' }), ['proxy_letter']);
    let [row] = await t.database.db.select().from(requests).where(eq(requests.id, request.id));
    assert.deepEqual([row!.nik, row!.missing, row!.status, row!.deadlineId], ['1906014101900001', ['proxy_letter'], 'received', request.deadlineId]);

    assert.deepEqual(await complete({ files: [{ role: 'proxy_letter', name: 'kuasa.pdf', bytes: SCAN }] }), []);
    [row] = await t.database.db.select().from(requests).where(eq(requests.id, request.id));
    assert.deepEqual(row!.missing, []);
    const stored = await t.database.db.select({ role: requestFiles.role, name: requestFiles.name }).from(requestFiles).where(eq(requestFiles.requestId, request.id));
    assert.deepEqual(stored, [{ role: 'proxy_letter', name: 'kuasa.pdf' }]);
    const events = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'request.completed'), eq(auditEvents.subjectId, String(request.id))));
    assert.deepEqual(events.map((e) => e.after), [{ missing: ['proxy_letter'], completed: ['nik'], files: 0 }, { missing: [], completed: ['proxy_letter'], files: 1 }]);
    assert.ok(!JSON.stringify(events).includes('1906014101900001'), 'the NIK itself stays out of the audit log');
    await assert.rejects(complete({ nik: '1906014101900001' }), rejectsWith(409), 'nothing is missing any more');

    const decided = await deskSubmit({ nik: '' });
    await decide(t.database.db, staffActors.ppid!, scope(), decided.request.id, { ...NO_DECISION, outcome: 'not_held', holder: 'KPU RI' }, ctx);
    await assert.rejects(completeRequest(t.database.db, staffActors.desk!, scope(), decided.request.id, { nik: '1906014101900001', legalNumber: '', files: [] }), rejectsWith(409), 'only while not decided');
    assert.deepEqual(await verifyAuditLog(t.database.db).then((r) => r.problems), []);
  });

  test('delivery records how the costs were paid: required with costs, refused without them', async () => {
    const decided = async (perPage: string, pages: string) => {
      const { request } = await submit();
      await decide(t.database.db, staffActors.ppid!, scope(), request.id, { ...NO_DECISION, outcome: 'granted_full', form: 'hard', perPage, pages, timeToProvide: 'Saat diambil' }, ctx);
      return request.id;
    };
    const charged = await decided('1.000', '3');
    for (const payment of [undefined, '', 'kartu']) {
      await assert.rejects(deliver(t.database.db, staffActors.desk!, scope(), charged, { mode: 'desk', note: '', ...(payment === undefined ? {} : { payment }) }, ctx), (e: unknown) => fields(e).join() === 'payment');
    }
    await assert.rejects(deliver(t.database.db, staffActors.desk!, scope(), charged, { mode: 'desk', note: '' }, ctx), (e: unknown) => e instanceof AppError && /Rp 3\.000/.test(e.fields.payment!.id) && /tunai atau transfer/.test(e.fields.payment!.id));
    await deliver(t.database.db, staffActors.desk!, scope(), charged, { mode: 'desk', note: '', payment: 'cash' }, ctx);
    const [paid] = await t.database.db.select().from(requests).where(eq(requests.id, charged));
    assert.deepEqual([paid!.status, paid!.paymentMethod], ['closed', 'cash']);
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'request.delivered'), eq(auditEvents.subjectId, String(charged))));
    assert.deepEqual([(event!.after as { payment: string }).payment, (event!.after as { amount: number }).amount], ['cash', 3000]);

    const free = await decided('', '');
    await assert.rejects(deliver(t.database.db, staffActors.desk!, scope(), free, { mode: 'desk', note: '', payment: 'transfer' }, ctx), (e: unknown) => fields(e).join() === 'payment');
    await deliver(t.database.db, staffActors.desk!, scope(), free, { mode: 'desk', note: '' }, ctx);
    const [unpaid] = await t.database.db.select().from(requests).where(eq(requests.id, free));
    assert.deepEqual([unpaid!.status, unpaid!.paymentMethod], ['closed', null]);
  });

  test('the notice records the category of the information: the PPID chooses an open one, a refusal is exempt', async () => {
    const decideWith = async (form: Partial<DecisionForm>) => {
      const { request } = await submit();
      await escalate(t.database.db, staffActors.desk!, scope(), request.id, { note: 'Mohon diputus.' }, ctx);
      await decide(t.database.db, staffActors.ppid!, scope(), request.id, { ...NO_DECISION, ...form }, ctx);
      const [row] = await t.database.db.select().from(requests).where(eq(requests.id, request.id));
      return (row!.decision as { category?: string }).category;
    };
    assert.equal(await decideWith({ outcome: 'not_held', holder: 'KPU Provinsi', category: 'berkala' }), 'berkala');
    assert.equal(await decideWith({ outcome: 'refused', pasal17: 'h', consequence: 'Membuka data pribadi.', category: 'setiap_saat' }), 'dikecualikan');
    assert.equal(await decideWith({ outcome: 'not_held', holder: 'KPU Provinsi' }), '');
    const { request } = await submit();
    await assert.rejects(decide(t.database.db, staffActors.ppid!, scope(), request.id, { ...NO_DECISION, outcome: 'not_held', category: 'rahasia' }, ctx), (error: unknown) => error instanceof AppError && 'category' in error.fields);
  });
});
