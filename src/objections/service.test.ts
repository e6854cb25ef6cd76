import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { freshDatabase, ENGINE, type TestDatabase } from '../../test/support/db.ts';
import { auditEvents, deadlines, disputes, letters, objections, outbox, requests } from '../db/schema.ts';
import { cliActor, verifyAuditLog, type Actor } from '../kernel/audit/store.ts';
import { AppError } from '../kernel/errors.ts';
import { readPdf } from '../letters/test-pdf.ts';
import { demoEmail, seedDemo } from '../offices/seed.ts';
import { officeBySlug, staffByEmail } from '../offices/store.ts';
import type { DecisionForm as RequestDecisionForm, IntakeForm } from '../requests/rules.ts';
import { currentDeadline, decide, newSubmissionKey, submitRequest } from '../requests/service.ts';
import type { ObjectionForm } from './rules.ts';
import { advanceDispute, decideObjection, DuplicateDispute, DuplicateObjection, fileObjection, recordDispute, recordResponse, suggestedGrounds, withdrawObjection } from './service.ts';

let t: TestDatabase;
let officeId: number;
const ctx = { baseUrl: 'https://lentera.example' };
const anonymous: Actor = { staffId: null, label: 'anonymous', ip: '127.0.0.1', requestId: 't' };
const staff: Record<string, Actor> = {};
const SLUG = 'kab-belitung-timur';

before(async () => {
  t = await freshDatabase();
  await seedDemo(t.database.db, cliActor('test'), ctx.baseUrl);
  officeId = (await officeBySlug(t.database.db, SLUG))!.id;
  for (const key of ['desk', 'ppid', 'atasan']) {
    const member = (await staffByEmail(t.database.db, demoEmail(key, SLUG)))!;
    staff[key] = { staffId: member.id, label: member.email, ip: '', requestId: 't' };
  }
});
after(async () => t?.cleanup());

const db = () => t.database.db;
const scope = () => ({ officeId });
const rejectsWith = (status: number, pattern?: RegExp) => (error: unknown) => error instanceof AppError && error.status === status && (!pattern || pattern.test(`${error.text.id} ${JSON.stringify(error.fields)}`));

const REQUEST: IntakeForm = {
  channel: 'online',
  applicantType: 'individual',
  name: 'Sari Keberatan',
  nik: '1906014101900002',
  legalNumber: '',
  address: 'Jl. Melati 2, Manggar',
  phone: '081234567891',
  email: 'sari@example.id',
  occupation: 'Peneliti',
  proxyName: '',
  information: 'Salinan formulir C hasil TPS 001 Desa Baru',
  purpose: 'Penelitian',
  obtainMethod: 'copy',
  deliveryMethod: 'email',
  consent: 'yes',
};
const REFUSAL: RequestDecisionForm = { outcome: 'refused', form: '', perPage: '', pages: '', delivery: '', other: '', timeToProvide: '', withheld: '', pasal17: 'h', otherLaw: '', consequence: 'Membuka data pribadi saksi.', holder: '', documentedBy: '', note: '' };
const GRANT: RequestDecisionForm = { ...REFUSAL, outcome: 'granted_full', pasal17: '', consequence: '', form: 'soft', perPage: '0', timeToProvide: 'Saat pemberitahuan diterima' };

function form(overrides: Partial<ObjectionForm> = {}): ObjectionForm {
  return { grounds: '', groundList: ['a'], description: 'Informasi hasil TPS adalah informasi terbuka menurut DIP kantor ini.', proxyName: '', proxyAddress: '', proxyPhone: '', lateReason: '', ...overrides };
}

/** A request refused by the PPID on `decidedAt`. */
async function refusedRequest(decidedAt = new Date()): Promise<number> {
  const { request } = await submitRequest(db(), anonymous, { officeId, form: REQUEST, submissionKey: newSubmissionKey(), files: [] }, { ...ctx, now: new Date(decidedAt.getTime() - 3600_000) });
  await decide(db(), staff.ppid!, scope(), request.id, REFUSAL, { ...ctx, now: decidedAt });
  return request.id;
}

function file(requestId: number, overrides: Partial<ObjectionForm> = {}, options: { actor?: Actor; now?: Date; key?: string } = {}) {
  return fileObjection(db(), options.actor ?? anonymous, { officeId, requestId, form: form(overrides), submissionKey: options.key ?? newSubmissionKey(), files: [] }, { ...ctx, ...(options.now ? { now: options.now } : {}) });
}

const decision = (action: string, extra: Partial<Record<'reasons' | 'terms' | 'order', string>> = {}) => ({ action, reasons: 'Sudah dipertimbangkan dengan saksama.', terms: '', order: '', ...extra });

describe(`objections (${ENGINE})`, () => {
  test('a refusal suggests ground a; filing it gives a number, a 30-working-day answer clock, a receipt mail, and the same form twice makes one', async () => {
    const requestId = await refusedRequest();
    const [request] = await db().select().from(requests).where(eq(requests.id, requestId));
    const office = (await officeBySlug(db(), SLUG))!;
    assert.deepEqual((await suggestedGrounds(db(), office, request!)).map((s) => [s.ground, s.open]), [['a', true]]);
    const key = newSubmissionKey();
    const first = await file(requestId, {}, { key });
    const again = await file(requestId, {}, { key });
    assert.equal(again.objection.id, first.objection.id);
    assert.equal(again.duplicate, true);
    assert.match(first.objection.number, /^\d{4}\/KEB-PPID\/19\.06\/\d{4}$/);
    assert.equal(first.objection.status, 'filed');
    assert.equal(first.objection.late, false);
    const [clock] = await db().select().from(deadlines).where(eq(deadlines.id, first.objection.deadlineId!));
    assert.equal(clock!.purpose, 'objection_answer');
    assert.equal(clock!.workingDays, 30);
    const mails = await db().select().from(outbox).where(and(eq(outbox.kind, 'mail'), sql`${outbox.payload}->>'subject' = ${`Tanda bukti keberatan ${first.objection.number}`}`));
    assert.equal(mails.length, 1);
    const attachment = (mails[0]!.payload as { attachments: { contentBase64: string }[] }).attachments[0]!;
    const receipt = await readPdf(Buffer.from(attachment.contentBase64, 'base64'));
    assert.match(receipt.text, /TANDA BUKTI PENERIMAAN KEBERATAN/);
    assert.ok(receipt.text.includes(first.objection.number));
    const events = await db().select().from(auditEvents).where(and(eq(auditEvents.subjectType, 'request'), eq(auditEvents.subjectId, String(requestId)), eq(auditEvents.action, 'request.objected')));
    assert.equal(events.length, 1, "the request's timeline shows the objection");
  });

  test('a second objection on the same ground and request is refused, pointing at the first; another ground is its own objection', async () => {
    const requestId = await refusedRequest();
    const { objection } = await file(requestId, { groundList: ['a', 'e'] });
    await assert.rejects(file(requestId, { groundList: ['e'] }), (error: unknown) => error instanceof DuplicateObjection && error.existing.id === objection.id && error.text.id.includes(objection.number));
    const other = await file(requestId, { groundList: ['d'] });
    assert.notEqual(other.objection.id, objection.id);
  });

  test('a ground that has not arisen is refused with why; a window that closed is explained and needs a written reason', async () => {
    const { request } = await submitRequest(db(), anonymous, { officeId, form: REQUEST, submissionKey: newSubmissionKey(), files: [] }, ctx);
    await assert.rejects(file(request.id, { groundList: ['c'] }), rejectsWith(422, /masih dalam jangka waktu/));

    // Refused 70 days before "today": the 30-working-day window has closed.
    const decidedAt = new Date(Date.now() - 70 * 24 * 3600_000);
    const requestId = await refusedRequest(decidedAt);
    await assert.rejects(file(requestId), (error: unknown) => {
      assert.ok(error instanceof AppError && error.status === 422);
      const told = error.fields.lateReason!;
      assert.match(told.id, /Jangka waktu keberatan sudah lewat/);
      assert.match(told.id, /30 hari kerja dihitung/);
      assert.match(told.id, /sudah lewat \d+ hari kerja/);
      assert.match(told.en, /closed \d+ working days? ago/);
      return true;
    });
    const { objection } = await file(requestId, { lateReason: 'Saya baru menerima surat penolakan karena alamat pos keliru.' });
    assert.equal(objection.late, true);
    assert.equal((objection.windows as { open: boolean }[])[0]!.open, false);
  });

  test('the desk records an objection that came by letter earlier: its windows and clock count from its arrival', async () => {
    // Refused 50 days ago; the objection letter arrived 45 days ago (inside the window) and is typed in today.
    const decidedAt = new Date(Date.now() - 50 * 24 * 3600_000);
    const requestId = await refusedRequest(decidedAt);
    const arrived = new Date(Date.now() - 45 * 24 * 3600_000);
    await assert.rejects(fileObjection(db(), anonymous, { officeId, requestId, form: form(), submissionKey: newSubmissionKey(), files: [], receivedAt: arrived }, ctx), rejectsWith(403));
    await assert.rejects(fileObjection(db(), staff.desk!, { officeId, requestId, form: form(), submissionKey: newSubmissionKey(), files: [], receivedAt: new Date(Date.now() + 3600_000) }, ctx), rejectsWith(422, /masa depan/));
    const { objection } = await fileObjection(db(), staff.desk!, { officeId, requestId, form: form(), submissionKey: newSubmissionKey(), files: [], receivedAt: arrived }, ctx);
    assert.equal(objection.late, false, 'judged on the day it arrived');
    assert.equal(objection.receivedAt.getTime(), arrived.getTime());
    const [clock] = await db().select().from(deadlines).where(eq(deadlines.id, objection.deadlineId!));
    assert.equal(clock!.startAt.getTime(), arrived.getTime());
  });

  test('uphold: the Atasan PPID decides once, with a numbered letter naming the right to go to the commission; others and second decisions are refused', async () => {
    const requestId = await refusedRequest();
    const { objection } = await file(requestId);
    await assert.rejects(decideObjection(db(), staff.ppid!, scope(), objection.id, decision('uphold'), ctx), rejectsWith(403));
    await assert.rejects(decideObjection(db(), staff.atasan!, scope(), objection.id, decision('uphold', { reasons: '' }), ctx), rejectsWith(422));
    await assert.rejects(decideObjection(db(), staff.atasan!, scope(), objection.id, decision('settle', { terms: 'Pemohon menerima ringkasan.' }), ctx), rejectsWith(409, /tidak dapat diselesaikan dengan kesepakatan/));
    const { letter } = await decideObjection(db(), staff.atasan!, scope(), objection.id, decision('uphold', { reasons: 'Formulir memuat data pribadi saksi (Pasal 17 huruf h).' }), ctx);
    const pdf = await readPdf(letter.pdf);
    assert.ok(pdf.text.includes(letter.number));
    assert.ok(pdf.text.includes(objection.number));
    assert.match(pdf.text, /Komisi Informasi/);
    assert.match(pdf.text, /Pasal 17 huruf h/);
    await assert.rejects(decideObjection(db(), staff.atasan!, scope(), objection.id, decision('overturn', { order: 'Berikan salinan.' }), ctx), rejectsWith(409, /sudah diputus/));
    const [row] = await db().select().from(objections).where(eq(objections.id, objection.id));
    assert.equal(row!.status, 'upheld');
    const [clock] = await db().select().from(deadlines).where(eq(deadlines.id, row!.deadlineId!));
    assert.ok(clock!.closedAt, 'the answer clock stopped');
    const [request] = await db().select().from(requests).where(eq(requests.id, requestId));
    assert.equal(request!.status, 'decided', 'the request is untouched');
  });

  test('overturn: the request reopens with a new clock that says why, and the PPID answers it anew', async () => {
    const requestId = await refusedRequest();
    const { objection } = await file(requestId);
    const { reopenDue } = await decideObjection(db(), staff.atasan!, scope(), objection.id, decision('overturn', { order: 'Berikan salinan formulir C dengan data saksi dihitamkan.' }), ctx);
    assert.ok(reopenDue);
    const [request] = await db().select().from(requests).where(eq(requests.id, requestId));
    assert.equal(request!.status, 'escalated');
    assert.equal(request!.closedAt, null);
    const clock = await currentDeadline(db(), request!);
    assert.equal(clock!.purpose, 'objection_reopen');
    assert.equal(clock!.due, reopenDue);
    const [reopened] = await db().select().from(auditEvents).where(and(eq(auditEvents.subjectType, 'request'), eq(auditEvents.subjectId, String(requestId)), eq(auditEvents.action, 'request.reopened')));
    assert.equal((reopened!.after as { objection: string }).objection, objection.number);
    const { notice } = await decide(db(), staff.ppid!, scope(), requestId, GRANT, ctx);
    assert.ok(notice.number);
    const [closed] = await db().select().from(deadlines).where(eq(deadlines.id, clock!.id));
    assert.ok(closed!.closedAt, 'the new notice stops the reopened clock');
  });

  test('settlement by agreement for grounds b–g', async () => {
    const { request } = await submitRequest(db(), anonymous, { officeId, form: REQUEST, submissionKey: newSubmissionKey(), files: [] }, { ...ctx, now: new Date(Date.now() - 30 * 24 * 3600_000) });
    // Past its deadline without a notice: c and g are suggested.
    const office = (await officeBySlug(db(), SLUG))!;
    assert.deepEqual((await suggestedGrounds(db(), office, request)).map((s) => s.ground), ['c', 'g']);
    const { objection } = await file(request.id, { groundList: ['c', 'g'] });
    await decideObjection(db(), staff.atasan!, scope(), objection.id, decision('settle', { terms: 'PPID menyerahkan salinan dalam 3 hari kerja; pemohon menerima.' }), ctx);
    const [row] = await db().select().from(objections).where(eq(objections.id, objection.id));
    assert.equal(row!.status, 'settled');
  });

  test("the applicant's reaction: only after a decision, only once, and only for their own request", async () => {
    const requestId = await refusedRequest();
    const { objection } = await file(requestId);
    await assert.rejects(recordResponse(db(), anonymous, scope(), objection.id, { response: 'accepted', note: '', requestId }), rejectsWith(409, /belum ditanggapi/));
    await decideObjection(db(), staff.atasan!, scope(), objection.id, decision('uphold'), ctx);
    await assert.rejects(recordResponse(db(), anonymous, scope(), objection.id, { response: 'accepted', note: '', requestId: requestId + 999 }), rejectsWith(404));
    await assert.rejects(recordResponse(db(), anonymous, scope(), objection.id, { response: 'maybe', note: '', requestId }), rejectsWith(422));
    await recordResponse(db(), anonymous, scope(), objection.id, { response: 'not_accepted', note: 'Saya akan ke Komisi Informasi.', requestId });
    await assert.rejects(recordResponse(db(), staff.desk!, scope(), objection.id, { response: 'accepted', note: '' }), rejectsWith(409, /sudah dicatat/));
  });

  test('a withdrawn objection closes its clock and takes no decision', async () => {
    const requestId = await refusedRequest();
    const { objection } = await file(requestId);
    await withdrawObjection(db(), staff.desk!, scope(), objection.id, { note: 'Pemohon mencabut secara lisan di desk.' });
    await assert.rejects(decideObjection(db(), staff.atasan!, scope(), objection.id, decision('uphold'), ctx), rejectsWith(409));
    // A withdrawn objection does not block a new one on the same ground.
    await file(requestId);
  });

  test('a failure halfway through a decision leaves nothing: no reopened request, no letter, no event', async () => {
    const requestId = await refusedRequest();
    const { objection } = await file(requestId);
    const before = await db().select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    await db().execute(sql`CREATE FUNCTION test_refuse_answer() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`);
    await db().execute(sql`CREATE TRIGGER test_refuse_answer BEFORE INSERT ON letters FOR EACH ROW WHEN (NEW.kind = 'tanggapan_keberatan') EXECUTE FUNCTION test_refuse_answer()`);
    try {
      await assert.rejects(decideObjection(db(), staff.atasan!, scope(), objection.id, decision('overturn', { order: 'Berikan salinan.' }), ctx));
    } finally {
      await db().execute(sql`DROP TRIGGER test_refuse_answer ON letters`);
      await db().execute(sql`DROP FUNCTION test_refuse_answer()`);
    }
    const [request] = await db().select().from(requests).where(eq(requests.id, requestId));
    assert.equal(request!.status, 'decided');
    assert.equal(request!.reopenDeadlineId, null);
    const [row] = await db().select().from(objections).where(eq(objections.id, objection.id));
    assert.equal(row!.status, 'filed');
    assert.equal((await db().select().from(letters).where(and(eq(letters.subjectType, 'objection'), eq(letters.subjectId, String(objection.id))))).length, 0);
    const afterCount = await db().select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    assert.equal(afterCount[0]!.n, before[0]!.n);
  });

  test("a dispute: the filing window, the commission's 14 and 100 working days, stages forward only, one per objection", async () => {
    const requestId = await refusedRequest();
    const { objection } = await file(requestId);
    const today = new Date();
    const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(d);
    await assert.rejects(recordDispute(db(), staff.ppid!, scope(), objection.id, { commission: 'Komisi Informasi Provinsi Kepulauan Bangka Belitung', registerNumber: '', filedOn: day(today), note: '' }, []), rejectsWith(422, /belum ditanggapi/));
    await decideObjection(db(), staff.atasan!, scope(), objection.id, decision('uphold'), ctx);
    await assert.rejects(recordDispute(db(), staff.desk!, scope(), objection.id, { commission: 'Komisi Informasi Provinsi Kepulauan Bangka Belitung', registerNumber: '', filedOn: day(today), note: '' }, []), rejectsWith(403));
    await assert.rejects(recordDispute(db(), staff.ppid!, scope(), objection.id, { commission: 'KI', registerNumber: '', filedOn: '2099-01-01', note: '' }, []), (error: unknown) => error instanceof AppError && 'commission' in error.fields && 'filedOn' in error.fields);
    const dispute = await recordDispute(db(), staff.ppid!, scope(), objection.id, { commission: 'Komisi Informasi Provinsi Kepulauan Bangka Belitung', registerNumber: '012/REG-PSI/XI/2026', filedOn: day(today), note: 'Permohonan penyelesaian sengketa diterima komisi.' }, []);
    assert.equal(dispute.stage, 'filed');
    assert.equal(dispute.late, false);
    const clocks = await db().select().from(deadlines).where(and(eq(deadlines.subjectType, 'dispute'), eq(deadlines.subjectId, String(dispute.id))));
    assert.deepEqual(clocks.map((c) => [c.purpose, c.workingDays]).sort(), [['dispute_finish', 100], ['dispute_start', 14]]);
    await assert.rejects(recordDispute(db(), staff.ppid!, scope(), objection.id, { commission: 'Komisi Informasi Provinsi Kepulauan Bangka Belitung', registerNumber: '', filedOn: day(today), note: '' }, []), (error: unknown) => error instanceof DuplicateDispute && error.existing.id === dispute.id);
    await assert.rejects(advanceDispute(db(), staff.ppid!, scope(), dispute.id, { stage: 'court', on: day(today), note: '', outcome: '', outcomeNote: '' }, []), rejectsWith(422));
    const yesterday = day(new Date(today.getTime() - 24 * 3600_000));
    await assert.rejects(advanceDispute(db(), staff.ppid!, scope(), dispute.id, { stage: 'mediation', on: yesterday, note: '', outcome: '', outcomeNote: '' }, []), rejectsWith(422, /sebelum tahap sebelumnya/));
    await advanceDispute(db(), staff.ppid!, scope(), dispute.id, { stage: 'mediation', on: day(today), note: 'Sidang mediasi pertama.', outcome: '', outcomeNote: '' }, []);
    const started = await db().select().from(deadlines).where(and(eq(deadlines.subjectType, 'dispute'), eq(deadlines.subjectId, String(dispute.id)), eq(deadlines.purpose, 'dispute_start')));
    assert.ok(started[0]!.closedAt, 'mediation means the commission started');
    await assert.rejects(advanceDispute(db(), staff.ppid!, scope(), dispute.id, { stage: 'closed', on: day(today), note: '', outcome: '', outcomeNote: '' }, []), rejectsWith(422));
    const closed = await advanceDispute(db(), staff.ppid!, scope(), dispute.id, { stage: 'closed', on: day(today), note: '', outcome: 'mediation_agreement', outcomeNote: 'Para pihak sepakat salinan diberikan dengan data saksi dihitamkan.' }, []);
    assert.equal(closed.outcome, 'mediation_agreement');
    assert.ok(closed.closedAt);
    const [row] = await db().select().from(disputes).where(eq(disputes.id, dispute.id));
    assert.equal(row!.stage, 'closed');
  });

  test('another office sees none of it', async () => {
    const requestId = await refusedRequest();
    const { objection } = await file(requestId);
    const other = (await officeBySlug(db(), 'kab-bintan'))!.id;
    const atasanElsewhere = (await staffByEmail(db(), demoEmail('atasan', 'kab-bintan')))!;
    const actor: Actor = { staffId: atasanElsewhere.id, label: atasanElsewhere.email, ip: '', requestId: 't' };
    await assert.rejects(decideObjection(db(), actor, { officeId: other }, objection.id, decision('uphold'), ctx), rejectsWith(404));
    await assert.rejects(decideObjection(db(), actor, scope(), objection.id, decision('uphold'), ctx), rejectsWith(403));
  });

  test('the audit chain holds', async () => {
    assert.deepEqual((await verifyAuditLog(db())).problems, []);
  });
});
