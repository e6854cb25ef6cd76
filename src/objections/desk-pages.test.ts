import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { Client, startTestApp, type TestApp } from '../../test/support/app.ts';
import { checkA11y, launchBrowser, navigateBy, newContext, signIn } from '../../test/support/browser.ts';
import { ENGINE } from '../../test/support/db.ts';
import { auditEvents, caseFiles, objections } from '../db/schema.ts';
import type { Actor } from '../kernel/audit/store.ts';
import { readPdf } from '../letters/test-pdf.ts';
import { DEMO_PASSWORD, demoEmail } from '../offices/seed.ts';
import { officeBySlug, staffByEmail } from '../offices/store.ts';
import type { DecisionForm, IntakeForm } from '../requests/rules.ts';
import { decide, newSubmissionKey, submitRequest } from '../requests/service.ts';

/**
 * The desk's objection pages through plain HTTP, as staff of one office use them: filing for an
 * applicant (with a proxy, late, twice on one ground), the Atasan PPID's decision and its letter, the
 * applicant's reaction, and what other roles and other offices cannot do.
 */

const OFFICE = 'kab-bintan';
let app: TestApp;
const clients: Record<'desk' | 'ppid' | 'atasan' | 'other', Client> = {} as never;
const actors: Record<string, Actor> = {};
let officeId: number;
/** Refused today: the objection window is open. */
let refused: number;
/** Refused 70 days ago: the window has closed. */
let refusedLong: number;
/** Refused today, for an objection the Atasan overturns. */
let refusedToOverturn: number;

const REQUEST: IntakeForm = {
  channel: 'letter',
  applicantType: 'individual',
  name: 'Rina Pemohon',
  nik: '2101024508920003',
  legalNumber: '',
  address: 'Jl. Pelantar 3, Tanjung Uban',
  phone: '081234567890',
  email: 'rina@example.id',
  occupation: 'Wartawan',
  proxyName: '',
  information: 'Salinan formulir C hasil TPS 004 Kelurahan Tanjung Uban Kota',
  purpose: 'Pemberitaan',
  obtainMethod: 'copy',
  deliveryMethod: 'email',
  consent: '',
};
const REFUSAL: DecisionForm = { outcome: 'refused', form: '', perPage: '', pages: '', delivery: '', other: '', timeToProvide: '', withheld: '', pasal17: 'h', otherLaw: '', consequence: 'Membuka data pribadi saksi.', holder: '', documentedBy: '', note: '' };

/** A request recorded at the desk and refused by the PPID on `decidedAt`. */
async function refusedRequest(decidedAt = new Date()): Promise<number> {
  const db = app.running.database.db;
  const ctx = { baseUrl: app.url };
  const { request } = await submitRequest(db, actors.desk!, { officeId, form: REQUEST, submissionKey: newSubmissionKey(), files: [] }, { ...ctx, now: new Date(decidedAt.getTime() - 3600_000) });
  await decide(db, actors.ppid!, { officeId }, request.id, REFUSAL, { ...ctx, now: decidedAt });
  return request.id;
}

before(async () => {
  app = await startTestApp({ demo: true, rateLimitPerMinute: 1_000_000 });
  const db = app.running.database.db;
  officeId = (await officeBySlug(db, OFFICE))!.id;
  for (const key of ['desk', 'ppid', 'atasan'] as const) {
    const member = (await staffByEmail(db, demoEmail(key, OFFICE)))!;
    actors[key] = { staffId: member.id, label: member.email, ip: '', requestId: 'desk-pages' };
    clients[key] = new Client(app.url);
    assert.equal((await clients[key].signIn(demoEmail(key, OFFICE), DEMO_PASSWORD)).status, 303);
  }
  clients.other = new Client(app.url);
  assert.equal((await clients.other.signIn(demoEmail('atasan', 'kab-belitung-timur'), DEMO_PASSWORD)).status, 303);
  refused = await refusedRequest();
  refusedLong = await refusedRequest(new Date(Date.now() - 70 * 24 * 3600_000));
  refusedToOverturn = await refusedRequest();
});
after(async () => app?.close());

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const html = async (response: Response) => decode(await response.text());

async function post(client: Client, path: string, fields: Record<string, string | string[]>): Promise<Response> {
  const token = await client.csrfFrom('/desk/account');
  return client.post(path, { _csrf: token, ...fields });
}

interface Upload {
  readonly field: string;
  readonly name: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly type: string;
}

async function postMultipart(client: Client, path: string, fields: Record<string, string | string[]>, files: readonly Upload[] = []): Promise<Response> {
  const token = await client.csrfFrom('/desk/account');
  const form = new FormData();
  form.append('_csrf', token);
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) form.append(k, item);
  for (const f of files) form.append(f.field, new Blob([f.bytes], { type: f.type }), f.name);
  return fetch(`${app.url}${path}`, { method: 'POST', headers: { cookie: client.cookieHeader() }, body: form, redirect: 'manual' });
}

/** A minimal PDF: enough for the type check, as a scanner's output would be. */
const SCAN = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PROXY_LETTER: Upload = { field: 'proxy_letter', name: 'surat-kuasa.pdf', bytes: SCAN, type: 'application/pdf' };

const filingPath = (requestId: number) => `/desk/keberatan/baru?permohonan=${requestId}`;

/** The hidden one-time key the filing form was rendered with. */
async function freshKey(client: Client, requestId: number): Promise<string> {
  const page = await html(await client.get(filingPath(requestId)));
  const key = page.match(/name="submissionKey" value="([^"]+)"/)?.[1];
  assert.ok(key, 'the form carries its one-time key');
  return key;
}

const DESCRIPTION = 'Formulir C hasil adalah informasi terbuka; penolakan atas dasar data pribadi tidak tepat.';

/** Files an objection at the desk and returns its id. */
async function fileAtDesk(requestId: number, fields: Record<string, string | string[]> = {}, files: readonly Upload[] = []): Promise<number> {
  const response = await postMultipart(clients.desk, filingPath(requestId), { grounds: 'a', description: DESCRIPTION, submissionKey: await freshKey(clients.desk, requestId), ...fields }, files);
  assert.equal(response.status, 303, await response.text());
  const location = response.headers.get('location')!;
  const match = location.match(/^\/desk\/keberatan\/(\d+)\?notice=objection_filed$/);
  assert.ok(match, location);
  return Number(match[1]);
}

const decision = (fields: Record<string, string> = {}) => ({ action: 'uphold', reasons: 'Formulir C memuat data pribadi saksi (Pasal 17 huruf h).', order: '', terms: '', ...fields });

describe(`the desk's objection pages (${ENGINE})`, () => {
  let filed: number;
  let number: string;

  test('the request page offers "Catat keberatan"; the form ticks the suggested ground a and shows its window', async () => {
    const requestPage = await html(await clients.desk.get(`/desk/permohonan/${refused}`));
    assert.ok(requestPage.includes(`href="/desk/keberatan/baru?permohonan=${refused}"`), 'the request page links to the filing form');
    assert.match(requestPage, /Belum ada keberatan atas permohonan ini/);

    const response = await clients.desk.get(filingPath(refused));
    assert.equal(response.status, 200);
    const page = await html(response);
    assert.match(page, /<input type="checkbox" id="f-grounds-a" name="grounds" value="a" checked/);
    assert.doesNotMatch(page, /id="f-grounds-c" name="grounds" value="c" checked/);
    assert.match(page, /Disarankan menurut catatan permohonan: muncul [^<]+, jangka waktu keberatan sampai [^<]+ — masih terbuka/);
    for (const name of ['description', 'proxyName', 'proxyAddress', 'proxyPhone', 'proxy_letter', 'proxy_identity', 'supporting', 'lateReason']) {
      assert.ok(page.includes(`id="f-${name}"`), `the form has ${name}`);
    }
    assert.match(page, /enctype="multipart\/form-data"/);
  });

  test('an empty form comes back 422 with a message per field and what was typed kept', async () => {
    const response = await postMultipart(clients.desk, filingPath(refused), { description: 'pendek', proxyPhone: '0812', submissionKey: await freshKey(clients.desk, refused) });
    assert.equal(response.status, 422);
    const page = await html(response);
    assert.match(page, /id="f-grounds-error"[^>]*>Pilih sekurang-kurangnya satu alasan keberatan/);
    assert.match(page, /id="f-description-error"[^>]*>Uraikan keberatan Anda/);
    assert.match(page, /<textarea id="f-description"[^>]*>pendek<\/textarea>/);
    assert.match(page, /class="error-summary"/);
    const count = await app.running.database.db.select({ id: objections.id }).from(objections).where(eq(objections.requestId, refused));
    assert.equal(count.length, 0, 'nothing was filed');
  });

  test('a proxy needs the power of attorney; with it the objection is numbered and its page shows the case', async () => {
    const proxy = { proxyName: 'Budi Kuasa', proxyAddress: 'Jl. Hang Tuah 1, Tanjungpinang', proxyPhone: '0811 777 888' };
    const missing = await postMultipart(clients.desk, filingPath(refused), { grounds: 'a', description: DESCRIPTION, submissionKey: await freshKey(clients.desk, refused), ...proxy });
    assert.equal(missing.status, 422);
    assert.match(await html(missing), /id="f-proxy_letter-error"[^>]*>Keberatan melalui kuasa wajib melampirkan surat kuasa/);

    const wrongType = await postMultipart(clients.desk, filingPath(refused), { grounds: 'a', description: DESCRIPTION, submissionKey: await freshKey(clients.desk, refused), ...proxy }, [
      { field: 'proxy_letter', name: 'kuasa.txt', bytes: new TextEncoder().encode('bukan pdf'), type: 'text/plain' },
    ]);
    assert.equal(wrongType.status, 422, 'a file of the wrong type is refused on its field');
    assert.match(await html(wrongType), /id="f-proxy_letter-error"/);

    // A form that comes back keeps the power of attorney: the second sending uses it without choosing it again.
    const key = await freshKey(clients.desk, refused);
    const first = await postMultipart(clients.desk, filingPath(refused), { grounds: 'a', description: '', submissionKey: key, ...proxy }, [PROXY_LETTER]);
    assert.equal(first.status, 422);
    const firstPage = await html(first);
    assert.match(firstPage, /Sudah dilampirkan: <strong>surat-kuasa\.pdf<\/strong>/);
    const token = firstPage.match(/name="staged" value="([^"]+)"/)![1]!;
    const second = await postMultipart(clients.desk, filingPath(refused), { grounds: 'a', description: DESCRIPTION, submissionKey: key, staged: token, ...proxy });
    assert.equal(second.status, 303, await second.text());
    filed = Number(second.headers.get('location')!.match(/^\/desk\/keberatan\/(\d+)\?/)![1]);
    const [row] = await app.running.database.db.select().from(objections).where(eq(objections.id, filed));
    number = row!.number;
    assert.equal(row!.channel, 'desk');

    const page = await html(await clients.desk.get(`/desk/keberatan/${filed}?notice=objection_filed`));
    assert.ok(page.includes(`<h1>Keberatan ${number}</h1>`));
    assert.match(page, /Keberatan dicatat dan diberi nomor/);
    assert.ok(page.includes(`href="/desk/permohonan/${refused}"`), 'the request is linked');
    assert.match(page, /a\. permohonan ditolak berdasarkan alasan pengecualian Pasal 17/);
    assert.match(page, /Budi Kuasa/);
    assert.match(page, /Alasan a muncul dengan pemberitahuan tertulis/);
    assert.match(page, /jangka waktu keberatan masih terbuka/);
    assert.match(page, /Atasan PPID menanggapi paling lambat: /);
    assert.match(page, /Cara menghitung batas 30 hari kerja/);
    assert.match(page, /Keberatan diterima dan diberi nomor/, 'the history shows the filing');
    assert.ok(page.includes(`href="/desk/keberatan/${filed}/tanda-bukti.pdf"`));

    const [letterFile] = await app.running.database.db.select({ id: caseFiles.id }).from(caseFiles).where(eq(caseFiles.objectionId, filed));
    assert.ok(page.includes(`href="/desk/keberatan/berkas/${letterFile!.id}"`), 'the power of attorney is listed');
    const download = await clients.atasan.get(`/desk/keberatan/berkas/${letterFile!.id}`);
    assert.equal(download.status, 200);
    assert.deepEqual(new Uint8Array(await download.arrayBuffer()), SCAN);
    assert.match(download.headers.get('content-disposition')!, /^attachment;/);
    const opened = await app.running.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'objection.file_opened'), eq(auditEvents.subjectType, 'objection'), eq(auditEvents.subjectId, String(filed))));
    assert.equal(opened.length, 1, 'opening the proxy file is recorded');
    assert.equal(opened[0]!.actorLabel, demoEmail('atasan', OFFICE));

    const requestPage = await html(await clients.ppid.get(`/desk/permohonan/${refused}`));
    assert.ok(requestPage.includes(`<a href="/desk/keberatan/${filed}">${number}</a>`), "the request page lists the objection");
    assert.match(requestPage, /Diajukan, menunggu tanggapan Atasan PPID/);
  });

  test('the receipt PDF carries the objection number', async () => {
    const response = await clients.desk.get(`/desk/keberatan/${filed}/tanda-bukti.pdf`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
    assert.match(pdf.text, /TANDA BUKTI PENERIMAAN KEBERATAN/);
    assert.ok(pdf.text.includes(number));
  });

  test('a second objection on the same ground is refused with a link to the first', async () => {
    const response = await postMultipart(clients.desk, filingPath(refused), { grounds: ['a', 'f'], description: DESCRIPTION, submissionKey: await freshKey(clients.desk, refused) });
    assert.equal(response.status, 409);
    const page = await html(response);
    assert.match(page, /id="f-grounds-error"/);
    assert.ok(page.includes(`sudah diajukan dengan nomor ${number}`), 'the reason names the first objection');
    assert.ok(page.includes(`<a href="/desk/keberatan/${filed}">${number}</a>`), 'and links to it');
    assert.match(page, /id="f-description"[^>]*>Formulir C hasil/, 'what was typed is kept');
  });

  test('a desk officer cannot decide (403); the Atasan upholds, the page shows the letter; a second decision is refused with why', async () => {
    const desk = await html(await clients.desk.get(`/desk/keberatan/${filed}`));
    assert.doesNotMatch(desk, /action="\/desk\/keberatan\/\d+\/tanggapan"/, 'the desk sees no decision form');
    const refusedDesk = await post(clients.desk, `/desk/keberatan/${filed}/tanggapan`, decision());
    assert.equal(refusedDesk.status, 403);
    assert.match(await html(refusedDesk), /Peran Anda tidak mengizinkan langkah ini/);

    const atasan = await html(await clients.atasan.get(`/desk/keberatan/${filed}`));
    assert.match(atasan, /action="\/desk\/keberatan\/\d+\/tanggapan"/);
    assert.match(atasan, /id="f-action-uphold"/);
    assert.doesNotMatch(atasan, /id="f-action-settle"/, 'a ground-a objection cannot be settled');

    const empty = await post(clients.atasan, `/desk/keberatan/${filed}/tanggapan`, decision({ reasons: '' }));
    assert.equal(empty.status, 422);
    assert.match(await html(empty), /id="f-reasons-error"[^>]*>Tuliskan pertimbangan keputusan/);

    const ok = await post(clients.atasan, `/desk/keberatan/${filed}/tanggapan`, decision());
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), `/desk/keberatan/${filed}?notice=decided`);
    const page = await html(await clients.atasan.get(`/desk/keberatan/${filed}`));
    assert.match(page, /Keberatan ditolak; keputusan PPID dikuatkan/);
    assert.match(page, /Formulir C memuat data pribadi saksi/);
    const letterLink = page.match(/href="\/desk\/keberatan\/\d+\/surat\.pdf">Unduh surat tanggapan ([^ ]+) /);
    assert.ok(letterLink, 'the page links the decision letter');
    assert.match(page, /href="\/verifikasi\/[A-Z0-9]+"/);
    assert.doesNotMatch(page, /action="\/desk\/keberatan\/\d+\/tanggapan"/, 'no decision form after the decision');

    const letter = await clients.desk.get(`/desk/keberatan/${filed}/surat.pdf`);
    assert.equal(letter.status, 200);
    const pdf = await readPdf(new Uint8Array(await letter.arrayBuffer()));
    assert.ok(pdf.text.includes(letterLink[1]!), 'the letter carries its number');
    assert.ok(pdf.text.includes(number), 'and the objection number');

    const again = await post(clients.atasan, `/desk/keberatan/${filed}/tanggapan`, decision({ action: 'overturn', order: 'Berikan salinan formulir C.' }));
    assert.equal(again.status, 409);
    assert.match(await html(again), /Keberatan ini sudah diputus; keputusan tidak dapat diubah/);
  });

  test("staff record the applicant's reaction once; then the PPID may record a dispute", async () => {
    const offered = await html(await clients.ppid.get(`/desk/keberatan/${filed}`));
    assert.ok(offered.includes(`href="/desk/keberatan/${filed}/sengketa"`), 'a decided objection offers the dispute form to the PPID');
    assert.doesNotMatch(await html(await clients.desk.get(`/desk/keberatan/${filed}`)), /href="\/desk\/keberatan\/\d+\/sengketa"/, 'but not to the desk');

    const none = await post(clients.desk, `/desk/keberatan/${filed}/sikap`, { response: '', response_note: '' });
    assert.equal(none.status, 422);
    assert.match(await html(none), /id="f-response-error"[^>]*>Pilih: menerima atau tidak menerima/);
    const ok = await post(clients.desk, `/desk/keberatan/${filed}/sikap`, { response: 'not_accepted', response_note: 'Disampaikan lewat telepon.' });
    assert.equal(ok.status, 303);
    const page = await html(await clients.desk.get(`/desk/keberatan/${filed}`));
    assert.match(page, /Tidak menerima; dapat mengajukan sengketa ke Komisi Informasi — Disampaikan lewat telepon\./);
    assert.doesNotMatch(page, /action="\/desk\/keberatan\/\d+\/sikap"/);
    const again = await post(clients.desk, `/desk/keberatan/${filed}/sikap`, { response: 'accepted', response_note: '' });
    assert.equal(again.status, 409);
    assert.match(await html(again), /Sikap atas tanggapan ini sudah dicatat/);
  });

  test("another office's staff find nothing (404)", async () => {
    const [letterFile] = await app.running.database.db.select({ id: caseFiles.id }).from(caseFiles).where(eq(caseFiles.objectionId, filed));
    for (const path of [`/desk/keberatan/${filed}`, `/desk/keberatan/${filed}/tanda-bukti.pdf`, `/desk/keberatan/${filed}/surat.pdf`, `/desk/keberatan/berkas/${letterFile!.id}`, filingPath(refused)]) {
      assert.equal((await clients.other.get(path)).status, 404, path);
    }
    assert.equal((await post(clients.other, `/desk/keberatan/${filed}/tanggapan`, decision())).status, 404);
    assert.equal((await post(clients.other, `/desk/keberatan/${filed}/sikap`, { response: 'accepted', response_note: '' })).status, 404);
    assert.equal((await clients.desk.get('/desk/keberatan/baru?permohonan=abc')).status, 404, 'a junk request id is not found');
  });

  test('a late objection is explained on its field, then recorded with the reason and flagged', async () => {
    const fields = { grounds: 'a', description: DESCRIPTION, submissionKey: await freshKey(clients.desk, refusedLong) };
    const form = await html(await clients.desk.get(filingPath(refusedLong)));
    assert.match(form, /jangka waktu keberatan sampai [^<]+ — sudah lewat/, 'the suggestion says the window has closed');
    const late = await postMultipart(clients.desk, filingPath(refusedLong), fields);
    assert.equal(late.status, 422);
    const page = await html(late);
    const error = page.match(/<p class="error" id="f-lateReason-error">([^<]+)<\/p>/)?.[1];
    assert.ok(error, 'the explanation is the reason field\'s error');
    assert.match(error, /^Jangka waktu keberatan sudah lewat\. Alasan a muncul dengan pemberitahuan tertulis/);
    assert.match(error, /sudah lewat \d+ hari kerja/);

    const response = await postMultipart(clients.desk, filingPath(refusedLong), { ...fields, lateReason: 'Surat penolakan baru diterima karena alamat pos keliru.' });
    assert.equal(response.status, 303);
    const id = Number(response.headers.get('location')!.match(/\/desk\/keberatan\/(\d+)/)![1]);
    const resent = await postMultipart(clients.desk, filingPath(refusedLong), { ...fields, lateReason: 'Surat penolakan baru diterima karena alamat pos keliru.' });
    assert.equal(resent.headers.get('location'), `/desk/keberatan/${id}?notice=objection_duplicate`, 'the same form sent twice makes one objection');
    const detail = await html(await clients.desk.get(`/desk/keberatan/${id}`));
    assert.match(detail, /Tidak: diajukan setelah jangka waktu lewat/);
    assert.match(detail, /Surat penolakan baru diterima karena alamat pos keliru\./);
    assert.match(detail, /Diajukan setelah jangka waktu lewat \(sampai /);
    const english = await html(await clients.ppid.get(`/desk/keberatan/${id}`, { 'accept-language': 'en' }));
    assert.match(english, /<h1>Objection [^<]+<\/h1>/);
    assert.match(english, /No: filed after the window closed/);
    assert.match(english, /the objection window closed \d+ working days? ago/);
  });

  test('an overturn reopens the request, whose page shows the new deadline and why', async () => {
    const id = await fileAtDesk(refusedToOverturn);
    const missingOrder = await post(clients.atasan, `/desk/keberatan/${id}/tanggapan`, decision({ action: 'overturn' }));
    assert.equal(missingOrder.status, 422);
    assert.match(await html(missingOrder), /id="f-order-error"/);
    const ok = await post(clients.atasan, `/desk/keberatan/${id}/tanggapan`, decision({ action: 'overturn', reasons: 'Formulir C hasil adalah informasi terbuka.', order: 'Berikan salinan formulir C hasil TPS 004.' }));
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), `/desk/keberatan/${id}?notice=overturned`);
    const [row] = await app.running.database.db.select().from(objections).where(eq(objections.id, id));
    const requestPage = await html(await clients.ppid.get(`/desk/permohonan/${refusedToOverturn}`));
    assert.match(requestPage, /Batas waktu memberikan informasi setelah dibuka kembali oleh putusan keberatan: /);
    assert.ok(requestPage.includes(`<a href="/desk/keberatan/${id}">${row!.number}</a>`));
    assert.match(requestPage, /Yang wajib diberikan: Berikan salinan formulir C hasil TPS 004\./);
    assert.match(requestPage, /Cara menghitung batas \d+ hari kerja sejak putusan keberatan/);
    assert.match(requestPage, /Keberatan diterima; permohonan dibuka kembali/);
  });

  test('the desk records a withdrawal; the PPID is not offered one', async () => {
    // A fresh refusal: the overturned request above is undecided again, so no ground has arisen on it.
    const id = await fileAtDesk(await refusedRequest(), { grounds: 'f', description: 'Biaya penggandaan yang dikenakan tidak wajar.' });
    assert.match(await html(await clients.atasan.get(`/desk/keberatan/${id}`)), /id="f-action-settle"/, 'grounds b–g may be settled');
    assert.doesNotMatch(await html(await clients.ppid.get(`/desk/keberatan/${id}`)), /action="\/desk\/keberatan\/\d+\/cabut"/);
    const short = await post(clients.desk, `/desk/keberatan/${id}/cabut`, { withdraw_note: '' });
    assert.equal(short.status, 422);
    assert.match(await html(short), /id="f-withdraw_note-error"/);
    const ok = await post(clients.desk, `/desk/keberatan/${id}/cabut`, { withdraw_note: 'Pemohon mencabut secara lisan di desk.' });
    assert.equal(ok.status, 303);
    const page = await html(await clients.desk.get(`/desk/keberatan/${id}`));
    assert.match(page, /Dicabut pemohon/);
    assert.match(page, /Keberatan dicabut sebelum ditanggapi/);
    assert.equal((await post(clients.atasan, `/desk/keberatan/${id}/tanggapan`, decision())).status, 409, 'a withdrawn objection cannot be decided');
  });
});

describe(`the objection pages in a browser are accessible (${ENGINE})`, { skip: ENGINE === 'postgres' ? 'pages are the same on both engines: checked once, on PGlite' : false }, () => {
  async function asStaff(key: string, fn: (page: Page) => Promise<void>): Promise<void> {
    const browser = await launchBrowser();
    try {
      const page = await (await newContext(browser)).newPage();
      await signIn(page, app.url, demoEmail(key, OFFICE), DEMO_PASSWORD);
      await fn(page);
    } finally {
      await browser.close();
    }
  }

  test('filing, the form coming back, the objection and its decision form pass axe', async () => {
    const requestId = await refusedRequest();
    let objectionUrl = '';
    await asStaff('desk', async (page) => {
      await page.goto(`${app.url}${filingPath(requestId)}`);
      await checkA11y(page, 'the filing form');
      const form = page.locator('main form[enctype="multipart/form-data"]');
      await form.locator('#f-grounds-a').uncheck();
      await navigateBy(page, form.locator('button[type=submit]'));
      assert.match(await page.locator('.error-summary').innerText(), /Pilih sekurang-kurangnya satu alasan/);
      await checkA11y(page, 'the filing form with errors');
      await form.locator('#f-grounds-a').check();
      await form.getByLabel('Uraian keberatan').fill(DESCRIPTION);
      await navigateBy(page, form.locator('button[type=submit]'));
      assert.match(new URL(page.url()).pathname, /^\/desk\/keberatan\/\d+$/);
      objectionUrl = page.url().split('?')[0]!;
      await checkA11y(page, 'the objection page (desk)');
    });
    await asStaff('atasan', async (page) => {
      await page.goto(objectionUrl);
      const form = page.locator('#act-decide form');
      await form.locator('#f-action-uphold').check();
      await navigateBy(page, form.locator('button[type=submit]'));
      assert.match(await page.locator('#act-decide .error-summary').innerText(), /Pertimbangan/);
      await checkA11y(page, 'the decision form with errors');
      await page.goto(`${app.url}/desk/permohonan/${requestId}`);
      await checkA11y(page, 'the request page with its objections');
    });
  });
});
