import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { Client, startTestApp, type TestApp } from '../../test/support/app.ts';
import { ENGINE } from '../../test/support/db.ts';
import { auditEvents, dipItemFiles, dipItems } from '../db/schema.ts';
import { verifyAuditLog, type Actor } from '../kernel/audit/store.ts';
import { AppError } from '../kernel/errors.ts';
import { todayIn } from '../offices/portal.tsx';
import { DEMO_PASSWORD, demoEmail } from '../offices/seed.ts';
import { officeBySlug, staffByEmail, unitsOfOffice } from '../offices/store.ts';
import { answerDisposition, attachAnswerFiles, checkUploads, decide, dispose, escalate, INTAKE_TYPES, newSubmissionKey, setFileRelease, submitRequest } from '../requests/service.ts';
import { filesOf } from '../requests/store.ts';
import { promotable, promoteRequestFile, promotionPrefill } from './promote.ts';
import type { ItemForm } from './rules.ts';
import { withdrawItem } from './service.ts';

let app: TestApp;
const SLUG = 'kab-bintan';
const actors: Record<string, Actor> = {};
let scope: { officeId: number };
let unitName: string;
/** The unit's released answer (it holds a NIK: the checker finds it again), the PPID's withheld one, the applicant's identity scan. */
let released: number;
let withheld: number;
let identity: number;
let requestId: number;

const INFORMATION = `Salinan rekapitulasi daftar pemilih tetap Pemilu 2024 per desa dan kelurahan di seluruh kecamatan Kabupaten Bintan, ${'lengkap dengan jumlah pemilih laki-laki, perempuan dan pemilih disabilitas, '.repeat(3)}beserta berita acaranya.`;
/** A 1×1 PNG: the identity scan. */
const PNG = '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5fb9c220000000049454e44ae426082';
const NOTE = 'Rekapitulasi DPT Pemilu 2024 per desa/kelurahan, diberikan dalam bentuk softcopy.';

const rejects = (status: number) => (error: unknown) => error instanceof AppError && error.status === status;

before(async () => {
  app = await startTestApp({ demo: true });
  const db = app.running.database.db;
  scope = { officeId: (await officeBySlug(db, SLUG))!.id };
  for (const key of ['desk', 'ppid', 'unit']) {
    const member = (await staffByEmail(db, demoEmail(key, SLUG)))!;
    actors[key] = { staffId: member.id, label: member.email, ip: '', requestId: 'promote' };
  }
  const ctx = { baseUrl: app.url };
  const unitId = (await staffByEmail(db, demoEmail('unit', SLUG)))!.unitId!;
  const units = await unitsOfOffice(db, scope);
  unitName = units.find((u) => u.id === unitId)!.name;
  const form = { channel: 'letter', applicantType: 'individual', name: 'Rudi Pemohon', nik: '2101024508920003', legalNumber: '', address: 'Tanjung Uban', phone: '081234567890', email: '', occupation: '', proxyName: '', information: INFORMATION, purpose: 'Pemantauan', obtainMethod: 'copy', deliveryMethod: 'post', consent: '' };
  const { request } = await submitRequest(db, actors.desk!, { ...scope, form, submissionKey: newSubmissionKey(), files: checkUploads([{ role: 'identity', name: 'ktp.png', bytes: Buffer.from(PNG, 'hex') }], INTAKE_TYPES).good }, ctx);
  requestId = request.id;
  await escalate(db, actors.desk!, scope, request.id, { note: 'Mohon disposisi.' }, ctx);
  const other = units.find((u) => u.id !== unitId)!;
  const [mine] = await dispose(db, actors.ppid!, scope, request.id, { unitIds: [unitId, other.id], instruction: 'Siapkan rekap.', dueOn: todayIn('Asia/Jakarta') }, ctx);
  await answerDisposition(db, actors.unit!, scope, mine!, { answer: 'provided', note: '', holder: '', expectedOn: '', files: [{ role: 'files', name: 'rekap-dpt.txt', bytes: Buffer.from('Desa;Pemilih\nTanjung Uban;1200\nKontak: NIK 2101024508920003\n') }] }, ctx);
  await attachAnswerFiles(db, actors.ppid!, scope, request.id, [{ role: 'files', name: 'catatan.txt', bytes: Buffer.from('Catatan internal\n') }]);
  const files = await filesOf(db, request.id);
  released = files.find((f) => f.name === 'rekap-dpt.txt')!.id;
  withheld = files.find((f) => f.name === 'catatan.txt')!.id;
  identity = files.find((f) => f.role === 'identity')!.id;
  await setFileRelease(db, actors.ppid!, scope, released, { release: true, reason: 'NIK pada kontak sudah disamarkan pada salinan yang dibacakan.' });
  await setFileRelease(db, actors.ppid!, scope, withheld, { release: false, reason: 'Catatan internal, bukan jawaban.' });
  const decision = { outcome: 'granted_full', form: 'soft', timeToProvide: 'Segera', holder: '', perPage: '', pages: '', delivery: '', other: '', withheld: '', pasal17: '', otherLaw: '', consequence: '', documentedBy: '', note: NOTE };
  await decide(db, actors.ppid!, scope, request.id, decision, ctx);
});
after(async () => app?.close());

async function signedIn(key: string, slug = SLUG): Promise<Client> {
  const client = new Client(app.url);
  assert.equal((await client.signIn(demoEmail(key, slug), DEMO_PASSWORD)).status, 303);
  return client;
}

const formOf = (prefill: ItemForm, overrides: Partial<ItemForm> = {}) => ({ ...prefill, ...overrides });

function posted(form: ItemForm, csrf: string): Record<string, string | string[]> {
  const { hasSoftcopy, hasHardcopy, ...texts } = form;
  return { _csrf: csrf, ...texts, copies: [...(hasSoftcopy ? ['soft'] : []), ...(hasHardcopy ? ['hard'] : [])] };
}

describe(`promoting a released request file to the DIP (${ENGINE})`, () => {
  test('the fields come from the request: what was asked, the notice, the unit that provided it, the PPID, the office city', async () => {
    const db = app.running.database.db;
    const p = await promotable(db, scope, released);
    const form = await promotionPrefill(db, p);
    assert.equal(form.title, INFORMATION.slice(0, 300));
    assert.equal(form.summary, NOTE);
    assert.equal(form.holder, unitName, 'only the unit that answered with the information, not the one still open');
    assert.equal(form.responsible, 'PPID Komisi Pemilihan Umum Kabupaten Bintan');
    assert.match(form.producedWhen, /^\d{1,2} \p{L}+ \d{4}$/u);
    assert.equal(form.producedWhere, 'Bintan');
    assert.equal(form.hasSoftcopy, true);
    assert.equal(form.retention, '', 'the retention period is the PPID’s to fill');
  });

  test('refused: not the PPID (403), a withheld file (409), an identity file or another office’s file (404), a missing field (422)', async () => {
    const db = app.running.database.db;
    const prefill = await promotionPrefill(db, await promotable(db, scope, released));
    const complete = formOf(prefill, { retention: '10 tahun (JRA PKPU 17/2023)' });
    await assert.rejects(promoteRequestFile(db, actors.desk!, scope, released, complete), rejects(403));
    await assert.rejects(promoteRequestFile(db, actors.unit!, scope, released, complete), rejects(403));
    await assert.rejects(promoteRequestFile(db, actors.ppid!, scope, withheld, complete), rejects(409));
    await assert.rejects(promoteRequestFile(db, actors.ppid!, scope, identity, complete), rejects(404));
    const beltim = (await staffByEmail(db, demoEmail('ppid', 'kab-belitung-timur')))!;
    await assert.rejects(promoteRequestFile(db, { staffId: beltim.id, label: beltim.email, ip: '', requestId: 'x' }, { officeId: beltim.officeId }, released, complete), rejects(404));
    await assert.rejects(promoteRequestFile(db, actors.ppid!, scope, released, prefill), (e: unknown) => e instanceof AppError && e.status === 422 && Object.keys(e.fields).join() === 'retention');
    assert.equal((await db.select().from(dipItems).where(eq(dipItems.requestFileId, released))).length, 0, 'nothing was made');
  });

  test('the PPID checks the filled form, adds the retention period and saves: one item, the file copied and checked again, both events', async () => {
    const db = app.running.database.db;
    const desk = await signedIn('desk');
    assert.equal((await desk.get(`/desk/dip/dari-berkas/${released}`)).status, 403);

    const ppid = await signedIn('ppid');
    const path = `/desk/dip/dari-berkas/${released}`;
    const page = await ppid.get(path);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.ok(html.includes(`value="${INFORMATION.slice(0, 300)}"`), 'the title is filled in');
    assert.ok(html.includes(`>${NOTE}</textarea>`) && html.includes('rekap-dpt.txt') && html.includes(`/desk/permohonan/${requestId}`));
    assert.match(html, /name="retention" type="text" value=""/);
    const csrf = html.match(/name="_csrf" value="([^"]+)"/)![1]!;
    const prefill = await promotionPrefill(db, await promotable(db, scope, released));

    const incomplete = await ppid.post(path, posted(formOf(prefill, { title: 'Rekap "DPT" <2024>', hasSoftcopy: false }), csrf));
    assert.equal(incomplete.status, 422);
    const again = await incomplete.text();
    assert.match(again, /class="error-summary"/);
    assert.match(again, /href="#f-retention"/);
    assert.match(again, /href="#f-copies"/, 'the softcopy/hardcopy problem points at the checkboxes');
    assert.ok(again.includes('value="Rekap &#34;DPT&#34; <2024>"'), 'what was typed comes back, escaped');

    const saved = await ppid.post(path, posted(formOf(prefill, { retention: '10 tahun (JRA PKPU 17/2023)' }), csrf));
    assert.equal(saved.status, 303);
    const location = saved.headers.get('location')!;
    const match = /^\/desk\/dip\/informasi\/(\d+)\?notice=item_promoted$/.exec(location);
    assert.ok(match, location);
    const itemId = Number(match[1]);

    const [item] = await db.select().from(dipItems).where(eq(dipItems.id, itemId));
    const unitId = (await staffByEmail(db, demoEmail('unit', SLUG)))!.unitId;
    assert.equal(item!.requestFileId, released);
    assert.equal(item!.unitId, unitId, 'the item belongs to the unit that provided the file');
    assert.equal(item!.status, 'submitted');
    assert.equal(item!.retention, '10 tahun (JRA PKPU 17/2023)');
    const [requestFile] = await filesOf(db, requestId).then((files) => files.filter((f) => f.id === released));
    const copies = await db.select().from(dipItemFiles).where(eq(dipItemFiles.itemId, itemId));
    assert.equal(copies.length, 1);
    assert.equal(copies[0]!.sha256, requestFile!.sha256);
    assert.equal(copies[0]!.review, 'pending', 'the NIK is found again: the release override does not publish it');
    const events = await db.select({ action: auditEvents.action, after: auditEvents.after }).from(auditEvents).where(and(eq(auditEvents.subjectType, 'dip_item'), eq(auditEvents.subjectId, String(itemId))));
    assert.deepEqual(events.map((e) => e.action).sort(), ['dip.item_promoted', 'dip.item_submitted']);
    assert.deepEqual(events.find((e) => e.action === 'dip.item_promoted')!.after, { requestFile: released, request: requestId, number: (await promotable(db, scope, released)).request.number, name: 'rekap-dpt.txt' });

    const done = await (await ppid.get(path)).text();
    assert.ok(done.includes(`href="/desk/dip/informasi/${itemId}"`) && !done.includes('name="retention"'), 'a second visit links to the item instead of offering the form');
    const twice = await ppid.post(path, posted(formOf(prefill, { retention: '10 tahun' }), csrf));
    assert.equal(twice.status, 409);
    assert.equal((await db.select().from(dipItems).where(eq(dipItems.requestFileId, released))).length, 1, 'promoted once');
    assert.deepEqual((await verifyAuditLog(db)).problems, []);
  });

  test('once its item is withdrawn the file may be promoted again; two promotions at once make one item', async () => {
    const db = app.running.database.db;
    const [first] = await db.select({ id: dipItems.id }).from(dipItems).where(eq(dipItems.requestFileId, released));
    await withdrawItem(db, actors.ppid!, scope, first!.id, 'Judul perlu dirumuskan ulang.');
    const form = formOf(await promotionPrefill(db, await promotable(db, scope, released)), { retention: '10 tahun' });
    const results = await Promise.allSettled([promoteRequestFile(db, actors.ppid!, scope, released, form), promoteRequestFile(db, actors.ppid!, scope, released, form)]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, JSON.stringify(results.map((r) => (r.status === 'rejected' ? String(r.reason) : r.value))));
    assert.ok(results.every((r) => r.status === 'fulfilled' || rejects(409)(r.reason)), 'the other is refused as already promoted, not a deadlock');
    assert.equal((await db.select().from(dipItems).where(and(eq(dipItems.requestFileId, released), eq(dipItems.status, 'submitted')))).length, 1);
  });
});
