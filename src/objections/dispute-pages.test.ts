import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { Client, startTestApp, type TestApp } from '../../test/support/app.ts';
import { ENGINE } from '../../test/support/db.ts';
import { addDays } from '../calendar/rules.ts';
import { auditEvents, caseFiles, deadlines, disputes } from '../db/schema.ts';
import type { Actor } from '../kernel/audit/store.ts';
import { renderPdf } from '../letters/render.ts';
import { readPdf } from '../letters/test-pdf.ts';
import { todayIn } from '../offices/portal.tsx';
import { DEMO_PASSWORD, demoEmail } from '../offices/seed.ts';
import { officeBySlug, staffByEmail } from '../offices/store.ts';
import type { DecisionForm } from '../requests/rules.ts';
import { decide, newSubmissionKey, submitRequest } from '../requests/service.ts';
import { decideObjection, fileObjection } from './service.ts';

/**
 * The desk's dispute pages through plain HTTP: recording a dispute on an objection (with the form's
 * checks), moving it through its stages, its documents and the file for the commission, and who may
 * not do which.
 */

const OFFICE = 'kab-belitung-timur';
const ZONE = 'Asia/Jakarta';
let app: TestApp;
const clients: Record<'desk' | 'ppid' | 'atasan' | 'other', Client> = {} as never;
const actors: Record<string, Actor> = {};
let officeId: number;

before(async () => {
  app = await startTestApp({ demo: true, rateLimitPerMinute: 1_000_000 });
  for (const key of ['desk', 'ppid', 'atasan'] as const) {
    clients[key] = new Client(app.url);
    assert.equal((await clients[key].signIn(demoEmail(key, OFFICE), DEMO_PASSWORD)).status, 303);
    const member = (await staffByEmail(app.running.database.db, demoEmail(key, OFFICE)))!;
    actors[key] = { staffId: member.id, label: member.email, ip: '', requestId: 't' };
  }
  clients.other = new Client(app.url);
  assert.equal((await clients.other.signIn(demoEmail('ppid', 'kab-bintan'), DEMO_PASSWORD)).status, 303);
  officeId = (await officeBySlug(app.running.database.db, OFFICE))!.id;
});
after(async () => app?.close());

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const page = async (response: Response) => decode(await response.text());

interface Upload {
  readonly field: string;
  readonly name: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly type: string;
}

async function postMultipart(client: Client, path: string, fields: Record<string, string>, files: readonly Upload[] = []): Promise<Response> {
  const token = await client.csrfFrom('/desk/account');
  const form = new FormData();
  form.append('_csrf', token);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append(f.field, new Blob([f.bytes], { type: f.type }), f.name);
  return fetch(`${app.url}${path}`, { method: 'POST', headers: { cookie: client.cookieHeader() }, body: form, redirect: 'manual' });
}

const NO_DECISION: DecisionForm = { outcome: '', holder: '', form: '', perPage: '', pages: '', delivery: '', other: '', timeToProvide: '', withheld: '', pasal17: '', otherLaw: '', consequence: '', documentedBy: '', note: '' };

const DAY = 24 * 3600 * 1000;

/**
 * A refused request and an upheld objection, made through the services: the dispute's starting point.
 * Unanswered: a request left without a notice and an objection left without an answer, long ago.
 */
async function decidedObjection(unanswered = false): Promise<{ objectionId: number; objectionNumber: string }> {
  const db = app.running.database.db;
  const ctx = { baseUrl: app.url };
  const at = (daysAgo: number) => (unanswered ? { ...ctx, now: new Date(Date.now() - daysAgo * DAY) } : ctx);
  const { request } = await submitRequest(
    db,
    { staffId: null, label: 'anonymous', ip: '127.0.0.1', requestId: 't' },
    {
      officeId,
      submissionKey: newSubmissionKey(),
      files: [],
      form: {
        channel: 'online',
        applicantType: 'individual',
        name: 'Sari Pemohon',
        nik: '1906014101900001',
        legalNumber: '',
        address: 'Jl. Melati 3, Manggar',
        phone: '081234567890',
        email: 'sari@example.id',
        occupation: '',
        proxyName: '',
        information: 'Salinan berita acara rekapitulasi suara Kecamatan Gantung',
        purpose: 'Penelitian',
        obtainMethod: 'copy',
        deliveryMethod: 'email',
        consent: 'yes',
      },
    },
    at(120),
  );
  if (!unanswered) await decide(db, actors.ppid!, { officeId }, request.id, { ...NO_DECISION, outcome: 'refused', pasal17: 'h', consequence: 'Membuka data pribadi saksi.' }, ctx);
  const { objection } = await fileObjection(
    db,
    actors.desk!,
    {
      officeId,
      requestId: request.id,
      submissionKey: newSubmissionKey(),
      files: [],
      form: { grounds: '', groundList: [unanswered ? 'c' : 'a'], description: 'Informasi ini bukan data pribadi.', proxyName: '', proxyAddress: '', proxyPhone: '', lateReason: '' },
    },
    at(100),
  );
  if (!unanswered) await decideObjection(db, actors.atasan!, { officeId }, objection.id, { action: 'uphold', reasons: 'Dikecualikan menurut Pasal 17 huruf h.', terms: '', order: '' }, ctx);
  return { objectionId: objection.id, objectionNumber: objection.number };
}

const recordPath = (objectionId: number) => `/desk/keberatan/${objectionId}/sengketa`;
const today = () => todayIn(ZONE);
const COMMISSION = 'Komisi Informasi Provinsi Kepulauan Bangka Belitung';

/** Records a dispute through the form and returns its id. */
async function recordThroughForm(objectionId: number, files: readonly Upload[] = []): Promise<number> {
  const response = await postMultipart(clients.ppid, recordPath(objectionId), { commission: COMMISSION, registerNumber: '', filedOn: today(), note: 'Panggilan sidang diterima.' }, files);
  assert.equal(response.status, 303, await response.text());
  const location = response.headers.get('location') ?? '';
  assert.match(location, /^\/desk\/sengketa\/\d+\?notice=dispute_recorded$/);
  return Number(location.match(/sengketa\/(\d+)/)![1]);
}

describe(`desk dispute pages (${ENGINE})`, () => {
  test('recording a dispute: the window shown first, bad dates refused with the values kept, one dispute per objection', async () => {
    const { objectionId, objectionNumber } = await decidedObjection();
    const form = await page(await clients.ppid.get(recordPath(objectionId)));
    assert.ok(form.includes(`value="${COMMISSION}"`), 'the commission is suggested from the province');
    assert.ok(form.includes('14 hari kerja'), 'the filing window is explained');
    assert.ok(form.includes('Hari ini') && form.includes('masih terbuka'), 'and where today stands in it');
    assert.ok(form.includes(objectionNumber));

    const bad = await postMultipart(clients.ppid, recordPath(objectionId), { commission: 'Komisi Informasi Provinsi Uji Coba', registerNumber: 'REG-9', filedOn: '2026-13-45', note: '' });
    assert.equal(bad.status, 422);
    const badPage = await page(bad);
    assert.ok(badPage.includes('Tanggal tidak valid'), 'the date is refused with why');
    assert.ok(badPage.includes('href="#f-filedOn"'), 'the summary links to the field');
    assert.ok(badPage.includes('value="Komisi Informasi Provinsi Uji Coba"') && badPage.includes('value="REG-9"'), 'what was typed is kept');

    const future = await postMultipart(clients.ppid, recordPath(objectionId), { commission: COMMISSION, registerNumber: '', filedOn: addDays(today(), 3), note: '' });
    assert.equal(future.status, 422);
    assert.ok((await page(future)).includes('tidak boleh di masa depan'));

    const wrongFile = await postMultipart(clients.ppid, recordPath(objectionId), { commission: COMMISSION, registerNumber: '', filedOn: today(), note: '' }, [
      { field: 'documents', name: 'catatan.txt', bytes: new TextEncoder().encode('bukan PDF'), type: 'text/plain' },
    ]);
    assert.equal(wrongFile.status, 422, 'a document that is not PDF or an image is refused');
    assert.ok((await page(wrongFile)).includes('href="#f-documents"'));
    assert.equal((await app.running.database.db.select().from(disputes).where(eq(disputes.objectionId, objectionId))).length, 0, 'nothing was recorded');

    const summons = new Uint8Array(await renderPdf({ content: ['SURAT PANGGILAN SIDANG'] }));
    const id = await recordThroughForm(objectionId, [{ field: 'documents', name: 'panggilan.pdf', bytes: summons, type: 'application/pdf' }]);
    const detail = await page(await clients.ppid.get(`/desk/sengketa/${id}?notice=dispute_recorded`));
    assert.ok(detail.includes('Sengketa dicatat'));
    assert.ok(detail.includes(COMMISSION) && detail.includes(`href="/desk/keberatan/${objectionId}"`));
    assert.ok(detail.includes('(diajukan dalam jangka waktu)'));
    assert.ok(detail.includes('panggilan.pdf'));

    const again = await postMultipart(clients.ppid, recordPath(objectionId), { commission: COMMISSION, registerNumber: '', filedOn: today(), note: '' });
    assert.equal(again.status, 409);
    const againPage = await page(again);
    assert.ok(againPage.includes('sudah dicatat'));
    assert.ok(againPage.includes(`href="/desk/sengketa/${id}"`), 'the refusal links to the dispute already recorded');
    assert.ok(!againPage.includes(`action="${recordPath(objectionId)}"`), 'and offers no form to record it twice');
  });

  test('an objection left unanswered: the window runs from the lapse of the answer period, and a late filing is flagged', async () => {
    const { objectionId } = await decidedObjection(true);
    const form = await page(await clients.ppid.get(recordPath(objectionId)));
    assert.ok(form.includes('jangka waktu tanggapan Atasan PPID berakhir'), 'the window starts when the answer period lapsed');
    assert.ok(form.includes('jangka waktu pengajuan sengketa sudah lewat'), 'and has closed by now');
    const id = await recordThroughForm(objectionId);
    const detail = await page(await clients.ppid.get(`/desk/sengketa/${id}`));
    assert.match(detail, /Diajukan terlambat \d+ hari kerja/);
    assert.ok(detail.includes('hari kerja setelah jangka waktu berakhir'));
  });

  test('stages move forward only, closing needs an outcome, and the clocks follow', async () => {
    const { objectionId } = await decidedObjection();
    const id = await recordThroughForm(objectionId);
    const stagePath = `/desk/sengketa/${id}/tahap`;
    const detail = await page(await clients.atasan.get(`/desk/sengketa/${id}`));
    const options = [...detail.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
    assert.ok(options.includes('mediation') && options.includes('adjudication') && options.includes('closed'));
    assert.ok(!options.includes('decided') && !options.includes('court'), 'only the stages that may follow are offered');
    assert.ok(detail.includes('Masih berjalan'), 'the commission clocks run');

    const jump = await postMultipart(clients.atasan, stagePath, { stage: 'decided', on: today(), note: '', outcome: '', outcomeNote: '', registerNumber: '' });
    assert.equal(jump.status, 422);
    assert.ok((await page(jump)).includes('hanya dapat lanjut ke'), 'a jump is refused with where it may go');

    const noOutcome = await postMultipart(clients.atasan, stagePath, { stage: 'closed', on: today(), note: '', outcome: '', outcomeNote: '', registerNumber: '' });
    assert.equal(noOutcome.status, 422);
    const noOutcomePage = await page(noOutcome);
    assert.ok(noOutcomePage.includes('perlu hasilnya') && noOutcomePage.includes('href="#f-outcome"'));
    assert.ok(noOutcomePage.includes('<option value="closed" selected>'), 'the chosen stage is kept');

    const mediation = await postMultipart(clients.atasan, stagePath, { stage: 'mediation', on: today(), note: 'Sidang mediasi pertama.', outcome: '', outcomeNote: '', registerNumber: '021/REG-PSI/2026' });
    assert.equal(mediation.status, 303, await mediation.text());
    const [dispute] = await app.running.database.db.select().from(disputes).where(eq(disputes.id, id));
    assert.equal(dispute!.stage, 'mediation');
    assert.equal(dispute!.registerNumber, '021/REG-PSI/2026');
    const [start] = await app.running.database.db.select().from(deadlines).where(eq(deadlines.id, dispute!.startDeadlineId!));
    assert.ok(start!.closedAt, "mediation stops the commission's start clock");

    const close = await postMultipart(clients.atasan, stagePath, { stage: 'closed', on: today(), note: '', outcome: 'mediation_agreement', outcomeNote: 'Para pihak sepakat.', registerNumber: '' }, [
      { field: 'documents', name: 'kesepakatan.pdf', bytes: new Uint8Array(await renderPdf({ content: ['KESEPAKATAN MEDIASI'] })), type: 'application/pdf' },
    ]);
    assert.equal(close.status, 303, await close.text());
    const closed = await page(await clients.atasan.get(`/desk/sengketa/${id}`));
    assert.ok(closed.includes('Kesepakatan mediasi') && closed.includes('Para pihak sepakat.'));
    assert.ok(closed.includes('Sidang mediasi pertama.'), 'the stages are listed');
    assert.ok(closed.includes('sudah selesai') && !closed.includes(`action="${stagePath}"`), 'a closed dispute has no stage form');

    const afterClose = await postMultipart(clients.atasan, stagePath, { stage: 'court', on: today(), note: '', outcome: '', outcomeNote: '', registerNumber: '' });
    assert.equal(afterClose.status, 422);
    const afterClosePage = await page(afterClose);
    assert.ok(afterClosePage.includes('class="error-summary"') && afterClosePage.includes('tahapnya tidak dapat diubah'), 'a closed dispute refuses a stage, saying why at the top');

    const [document] = await app.running.database.db.select({ id: caseFiles.id }).from(caseFiles).where(eq(caseFiles.disputeId, id));
    const download = await clients.desk.get(`/desk/sengketa/berkas/${document!.id}`);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'application/pdf');
    assert.match(download.headers.get('content-disposition') ?? '', /^attachment; filename="kesepakatan\.pdf"/);
  });

  test('the dispute file downloads as a PDF and is logged', async () => {
    const { objectionId, objectionNumber } = await decidedObjection();
    const id = await recordThroughForm(objectionId);
    const detail = await page(await clients.desk.get(`/desk/sengketa/${id}`));
    assert.ok(detail.includes(`href="/desk/sengketa/${id}/berkas.pdf"`) && detail.includes('Unduh berkas sengketa (PDF)'));
    const response = await clients.desk.get(`/desk/sengketa/${id}/berkas.pdf`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="berkas-sengketa-[^"]+\.pdf"/);
    assert.equal(response.headers.get('cache-control'), 'private, no-store');
    const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
    assert.ok(pdf.text.includes('BERKAS SENGKETA INFORMASI PUBLIK'));
    assert.ok(pdf.text.includes(`Berkas sengketa ${objectionNumber} — hal. ${pdf.pages}/${pdf.pages}`));
    const events = await app.running.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'dispute.file_assembled'), eq(auditEvents.subjectId, String(id))));
    assert.equal(events.length, 1);
    assert.equal(events[0]!.actorId, actors.desk!.staffId);
  });

  test('the desk may look but not act; another office finds nothing', async () => {
    const { objectionId } = await decidedObjection();
    assert.equal((await clients.desk.get(recordPath(objectionId))).status, 403);
    assert.equal((await postMultipart(clients.desk, recordPath(objectionId), { commission: COMMISSION, registerNumber: '', filedOn: today(), note: '' })).status, 403);
    const id = await recordThroughForm(objectionId, [{ field: 'documents', name: 'panggilan.pdf', bytes: new Uint8Array(await renderPdf({ content: ['PANGGILAN'] })), type: 'application/pdf' }]);
    const seen = await page(await clients.desk.get(`/desk/sengketa/${id}`));
    assert.ok(seen.includes(COMMISSION));
    assert.ok(!seen.includes(`action="/desk/sengketa/${id}/tahap"`), 'the desk gets no stage form');
    assert.equal((await postMultipart(clients.desk, `/desk/sengketa/${id}/tahap`, { stage: 'mediation', on: today(), note: '', outcome: '', outcomeNote: '', registerNumber: '' })).status, 403);

    const [document] = await app.running.database.db.select({ id: caseFiles.id }).from(caseFiles).where(eq(caseFiles.disputeId, id));
    assert.equal((await clients.other.get(recordPath(objectionId))).status, 404);
    assert.equal((await postMultipart(clients.other, recordPath(objectionId), { commission: COMMISSION, registerNumber: '', filedOn: today(), note: '' })).status, 404);
    assert.equal((await clients.other.get(`/desk/sengketa/${id}`)).status, 404);
    assert.equal((await postMultipart(clients.other, `/desk/sengketa/${id}/tahap`, { stage: 'mediation', on: today(), note: '', outcome: '', outcomeNote: '', registerNumber: '' })).status, 404);
    assert.equal((await clients.other.get(`/desk/sengketa/${id}/berkas.pdf`)).status, 404);
    assert.equal((await clients.other.get(`/desk/sengketa/berkas/${document!.id}`)).status, 404);
    const [dispute] = await app.running.database.db.select().from(disputes).where(eq(disputes.id, id));
    assert.equal(dispute!.stage, 'filed', 'nothing moved');
  });
});
