import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { Client, startTestApp, type TestApp } from '../../test/support/app.ts';
import { ENGINE } from '../../test/support/db.ts';
import { caseFiles, objections, outbox } from '../db/schema.ts';
import type { Actor } from '../kernel/audit/store.ts';
import { readPdf } from '../letters/test-pdf.ts';
import { demoEmail } from '../offices/seed.ts';
import { officeBySlug, staffByEmail } from '../offices/store.ts';
import type { DecisionForm, IntakeForm } from '../requests/rules.ts';
import { decide, newSubmissionKey, submitRequest } from '../requests/service.ts';
import { decideObjection } from './service.ts';
import { objectionsOfRequest } from './store.ts';

const SLUG = 'kab-bintan';
const EMAIL = 'sari.keberatan@example.id';

let app: TestApp;
let officeId: number;
const staff: Record<string, Actor> = {};
const anonymous: Actor = { staffId: null, label: 'anonymous', ip: '127.0.0.1', requestId: 't' };
const db = () => app.running.database.db;

const REQUEST: IntakeForm = {
  channel: 'online',
  applicantType: 'individual',
  name: 'Sari Keberatan',
  nik: '2101024508920003',
  legalNumber: '',
  address: 'Jl. Tanjung Uban No. 7, Bintan',
  phone: '081234567890',
  email: EMAIL,
  occupation: 'Peneliti',
  proxyName: '',
  information: 'Salinan formulir C hasil TPS 003 Desa Toapaya',
  purpose: 'Penelitian',
  obtainMethod: 'copy',
  deliveryMethod: 'email',
  consent: 'yes',
};
const REFUSAL: DecisionForm = { outcome: 'refused', form: '', perPage: '', pages: '', delivery: '', other: '', timeToProvide: '', withheld: '', pasal17: 'h', otherLaw: '', consequence: 'Membuka data pribadi saksi.', holder: '', documentedBy: '', note: '' };
const DAY = 24 * 3600 * 1000;

/** A PDF the content check accepts (it reads the %PDF- header). */
const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

interface Tracked {
  readonly id: number;
  readonly number: string;
  readonly code: string;
}

/** A request the PPID refused `daysAgo` days ago, with the tracking code the applicant was given. */
async function refusedRequest(daysAgo = 0): Promise<Tracked> {
  const decidedAt = new Date(Date.now() - daysAgo * DAY);
  const ctx = { baseUrl: app.url };
  const { request, code } = await submitRequest(db(), anonymous, { officeId, form: REQUEST, submissionKey: newSubmissionKey(), files: [] }, { ...ctx, now: new Date(decidedAt.getTime() - 3600_000) });
  await decide(db(), staff.ppid!, { officeId }, request.id, REFUSAL, { ...ctx, now: decidedAt });
  return { id: request.id, number: request.number, code };
}

before(async () => {
  app = await startTestApp({ demo: true });
  officeId = (await officeBySlug(db(), SLUG))!.id;
  for (const key of ['ppid', 'atasan']) {
    const member = (await staffByEmail(db(), demoEmail(key, SLUG)))!;
    staff[key] = { staffId: member.id, label: member.email, ip: '', requestId: 't' };
  }
});
after(async () => app?.close());

/** A visitor of the portal holding a CSRF token, as a browser that opened the tracking page would. */
async function visitor(): Promise<{ client: Client; csrf: string }> {
  const client = new Client(app.url);
  return { client, csrf: await client.csrfFrom(`/${SLUG}/lacak`) };
}

async function trackedPost(path: string, r: Pick<Tracked, 'number' | 'code'>, fields: Record<string, string> = {}): Promise<{ status: number; html: string; response: Response }> {
  const { client, csrf } = await visitor();
  const response = await client.post(path, { _csrf: csrf, number: r.number, code: r.code, ...fields });
  const copy = response.clone();
  return { status: response.status, html: await copy.text(), response };
}

interface Upload {
  readonly field: string;
  readonly name: string;
  readonly bytes: Buffer;
}

/** Opens the objection form of a request: the visitor, the form's page and its one-time key. */
async function openForm(r: Tracked): Promise<{ client: Client; csrf: string; html: string; key: string }> {
  const { client, csrf } = await visitor();
  const response = await client.post(`/${SLUG}/lacak/keberatan`, { _csrf: csrf, number: r.number, code: r.code });
  const html = await response.text();
  assert.equal(response.status, 200, html.slice(0, 1000));
  return { client, csrf, html, key: html.match(/name="submissionKey" value="([^"]+)"/)![1]! };
}

async function send(form: { client: Client; csrf: string; key: string }, r: Tracked, fields: Record<string, string | string[]>, files: readonly Upload[] = []): Promise<{ status: number; html: string }> {
  const body = new FormData();
  for (const [k, v] of Object.entries({ _csrf: form.csrf, number: r.number, code: r.code, submissionKey: form.key, ...fields })) for (const item of [v].flat()) body.append(k, item);
  for (const f of files) body.append(f.field, new Blob([new Uint8Array(f.bytes)], { type: 'application/octet-stream' }), f.name);
  const response = await fetch(`${app.url}/${SLUG}/lacak/keberatan/kirim`, { method: 'POST', headers: { cookie: form.client.cookieHeader() }, body, redirect: 'manual' });
  return { status: response.status, html: await response.text() };
}

const VALID = { grounds: 'a', description: 'Formulir C hasil TPS adalah informasi terbuka menurut DIP kantor ini.', consent: 'yes' };

describe(`objections on the applicant's portal (${ENGINE})`, () => {
  let first: Tracked;
  let filed: { id: number; number: string };

  before(async () => {
    first = await refusedRequest();
  });

  test('the tracking page offers "Ajukan keberatan"; the form pre-checks ground a and says why; a wrong code gets no form', async () => {
    const page = await trackedPost(`/${SLUG}/lacak`, first);
    assert.equal(page.status, 200);
    assert.match(page.html, /<section id="keberatan"/);
    assert.match(page.html, /Belum ada keberatan atas permohonan ini/);
    assert.match(page.html, new RegExp(`<form method="post" action="/${SLUG}/lacak/keberatan" class="inline">[\\s\\S]*?name="number" value="${first.number}"[\\s\\S]*?Ajukan keberatan</button>`));

    const { html } = await openForm(first);
    assert.match(html, /<form method="post" action="\/kab-bintan\/lacak\/keberatan\/kirim" enctype="multipart\/form-data"/);
    assert.match(html, /name="grounds" value="a" checked/, 'ground a is suggested by the refusal');
    assert.doesNotMatch(html, /name="grounds" value="c" checked/);
    assert.match(html, /menolak permohonan Anda karena informasinya dikecualikan: alasan a\. Keberatan dapat diajukan sampai/);
    for (const name of ['description', 'proxyName', 'proxyAddress', 'proxyPhone', 'lateReason', 'consent']) assert.ok(html.includes(`name="${name}"`), name);
    for (const role of ['proxy_letter', 'proxy_identity', 'supporting']) assert.match(html, new RegExp(`type="file" id="f-${role}" name="${role}"`));
    assert.ok(html.includes(REQUEST.name) && html.includes(REQUEST.information));
    for (const personal of [REQUEST.nik, REQUEST.address, REQUEST.phone, EMAIL]) assert.ok(!html.includes(personal), `no ${personal} on the form`);

    const english = await trackedPost(`/${SLUG}/lacak/keberatan?lang=en`, first);
    assert.match(english.html, /refused your request as exempt information: ground a\. You may object until/);

    const wrong = await trackedPost(`/${SLUG}/lacak/keberatan`, { number: first.number, code: 'AAAAA-AAAAA' });
    assert.equal(wrong.status, 404);
    assert.match(wrong.html, /kode pelacakan tidak cocok/);
    assert.ok(!wrong.html.includes('name="grounds"'), 'no form without the right code');
  });

  test('an empty form comes back (422) with a message per field and nothing is filed', async () => {
    const form = await openForm(first);
    const answer = await send(form, first, {});
    assert.equal(answer.status, 422);
    assert.match(answer.html, /class="error-summary"/);
    assert.match(answer.html, /Pilih sekurang-kurangnya satu alasan keberatan/);
    assert.match(answer.html, /Uraikan keberatan Anda/);
    assert.match(answer.html, /Centang pernyataan ini untuk mengirim keberatan/);
    assert.ok(answer.html.includes(`name="submissionKey" value="${form.key}"`), 'the same key, so a second send stays one objection');
    assert.equal((await objectionsOfRequest(db(), first.id)).length, 0);

    const proxy = await send(form, first, { ...VALID, proxyName: 'Budi Kuasa', proxyAddress: 'Jl. Merdeka 1' });
    assert.equal(proxy.status, 422);
    assert.match(proxy.html, /Keberatan melalui kuasa wajib melampirkan surat kuasa/);
    assert.ok(proxy.html.includes('value="Budi Kuasa"'), 'what was typed is kept');
  });

  test('a valid objection is filed once: number, answer due, receipt by e-mail and as PDF', async () => {
    const form = await openForm(first);
    const answer = await send(form, first, VALID);
    assert.equal(answer.status, 200, answer.html.slice(0, 2000));
    const [row] = await objectionsOfRequest(db(), first.id);
    assert.ok(row, 'the objection is stored');
    filed = { id: row.id, number: row.number };
    assert.match(row.number, /^\d{4}\/KEB-PPID\//);
    assert.deepEqual(row.grounds, ['a']);
    assert.equal(row.channel, 'online');
    assert.equal(row.createdBy, null, "the applicant's own filing");
    assert.match(answer.html, /Keberatan Anda sudah kami terima/);
    assert.ok(answer.html.includes(`<strong>${row.number}</strong>`));
    assert.match(answer.html, /Batas waktu tanggapan Atasan PPID<\/dt><dd>\p{L}+, \d{1,2} \p{L}+ \d{4}<\/dd>/u);
    assert.ok(answer.html.includes(`action="/${SLUG}/lacak/keberatan/${row.id}/tanda-bukti"`));

    const mails = await db().select().from(outbox).where(eq(outbox.kind, 'mail'));
    const receipt = mails.map((m) => m.payload as { to: string | string[]; subject: string }).filter((p) => p.subject === `Tanda bukti keberatan ${row.number}`);
    assert.equal(receipt.length, 1);
    assert.equal(receipt[0]!.to, EMAIL);

    const again = await send(form, first, VALID);
    assert.equal(again.status, 200, 'the same form sent twice');
    assert.ok(again.html.includes(`<strong>${row.number}</strong>`));
    assert.equal((await objectionsOfRequest(db(), first.id)).length, 1, 'one objection');

    const pdf = await trackedPost(`/${SLUG}/lacak/keberatan/${row.id}/tanda-bukti`, first);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.response.headers.get('content-type'), 'application/pdf');
    const read = await readPdf(new Uint8Array(await pdf.response.arrayBuffer()));
    assert.ok(read.text.includes(row.number), 'the receipt names the objection');

    const tracking = await trackedPost(`/${SLUG}/lacak`, first);
    assert.match(tracking.html, new RegExp(`<section id="keberatan-${row.id}"`));
    assert.ok(tracking.html.includes(`Keberatan ${row.number}`));
    assert.match(tracking.html, /Diajukan, menunggu tanggapan Atasan PPID/);
    assert.match(tracking.html, /Batas waktu tanggapan Atasan PPID/);
  });

  test('a second objection on ground a is refused with a way back to the first', async () => {
    const form = await openForm(first);
    const answer = await send(form, first, { ...VALID, description: 'Sekali lagi: formulir C adalah informasi terbuka.' });
    assert.equal(answer.status, 409);
    assert.ok(answer.html.includes(`sudah diajukan dengan nomor ${filed.number}`));
    assert.match(answer.html, new RegExp(`action="/${SLUG}/lacak#keberatan-${filed.id}"[\\s\\S]*?Lihat keberatan ${filed.number}`));
    assert.equal((await objectionsOfRequest(db(), first.id)).length, 1);
  });

  test("another request's code reaches none of this objection's documents", async () => {
    const other = await refusedRequest();
    for (const doc of ['tanda-bukti', 'surat']) {
      const response = await trackedPost(`/${SLUG}/lacak/keberatan/${filed.id}/${doc}`, other);
      assert.equal(response.status, 404, doc);
      assert.notEqual(response.response.headers.get('content-type'), 'application/pdf');
    }
    assert.equal((await trackedPost(`/${SLUG}/lacak/keberatan/${filed.id}/tanda-bukti`, { number: first.number, code: other.code })).status, 404, 'the code of another request');
  });

  test('a late objection is explained, not refused: with a reason it is filed as late', async () => {
    const old = await refusedRequest(95);
    const form = await openForm(old);
    assert.match(form.html, /name="grounds" value="a" checked/);
    assert.match(form.html, /Jangka waktu keberatan untuk alasan ini berakhir/);
    const answer = await send(form, old, VALID);
    assert.equal(answer.status, 422);
    assert.match(answer.html, /Alasan keterlambatan: Jangka waktu keberatan sudah lewat\. Alasan a muncul dengan pemberitahuan tertulis/, 'the summary carries the explanation');
    assert.match(answer.html, /<p class="error" id="f-lateReason-error">Jangka waktu keberatan sudah lewat\.[^<]*sudah lewat \d+ hari kerja\./, 'so does the field');
    assert.equal((await objectionsOfRequest(db(), old.id)).length, 0);

    const late = await send(form, old, { ...VALID, lateReason: 'Saya baru menerima pemberitahuan itu minggu lalu karena pindah alamat.' });
    assert.equal(late.status, 200, late.html.slice(0, 2000));
    assert.match(late.html, /diajukan setelah jangka waktunya lewat/);
    const [row] = await objectionsOfRequest(db(), old.id);
    assert.equal(row?.late, true);
    assert.match(row!.lateReason, /pindah alamat/);
  });

  test('a proxy files with a power of attorney; the file is kept when the form comes back', async () => {
    const third = await refusedRequest();
    const form = await openForm(third);
    const proxy = { ...VALID, proxyName: 'Budi Kuasa', proxyAddress: 'Jl. Merdeka 1, Tanjungpinang', proxyPhone: '0812 1111 2222' };
    const { consent: _consent, ...unconsented } = proxy;
    const back = await send(form, third, unconsented, [{ field: 'proxy_letter', name: 'surat-kuasa.pdf', bytes: PDF_BYTES }]);
    assert.equal(back.status, 422);
    assert.match(back.html, /Sudah dilampirkan: <strong>surat-kuasa\.pdf<\/strong>/);
    const token = back.html.match(/name="staged" value="([^"]+)"/)?.[1];
    assert.ok(token, 'the power of attorney is staged');

    const answer = await send(form, third, { ...proxy, staged: token });
    assert.equal(answer.status, 200, answer.html.slice(0, 2000));
    const [row] = await objectionsOfRequest(db(), third.id);
    assert.equal(row?.proxyName, 'Budi Kuasa');
    const files = await db().select({ role: caseFiles.role, name: caseFiles.name }).from(caseFiles).where(eq(caseFiles.objectionId, row!.id));
    assert.deepEqual(files, [{ role: 'proxy_letter', name: 'surat-kuasa.pdf' }]);
  });

  test('after the Atasan PPID decides, the tracking page shows the answer and records the reaction once', async () => {
    const early = await trackedPost(`/${SLUG}/lacak/keberatan/${filed.id}/sikap`, first, { response: 'accepted' });
    assert.equal(early.status, 409, 'no reaction before the answer');
    assert.match(early.html, /belum ditanggapi Atasan PPID/);

    await decideObjection(db(), staff.atasan!, { officeId }, filed.id, { action: 'uphold', reasons: 'Formulir C memuat data pribadi saksi yang dikecualikan.', terms: '', order: '' }, { baseUrl: app.url });
    const page = await trackedPost(`/${SLUG}/lacak`, first);
    assert.match(page.html, /Keberatan ditolak; keputusan PPID dikuatkan/);
    assert.match(page.html, /mengajukan sengketa informasi ke Komisi Informasi paling lambat/);
    assert.ok(page.html.includes(`action="/${SLUG}/lacak/keberatan/${filed.id}/sikap"`), 'the reaction form');
    assert.match(page.html, /name="response" value="accepted"/);

    const letter = await trackedPost(`/${SLUG}/lacak/keberatan/${filed.id}/surat`, first);
    assert.equal(letter.status, 200);
    assert.ok((await readPdf(new Uint8Array(await letter.response.arrayBuffer()))).text.includes(filed.number), 'the answer letter names the objection');

    const missing = await trackedPost(`/${SLUG}/lacak/keberatan/${filed.id}/sikap`, first, { response: '' });
    assert.equal(missing.status, 422);
    assert.match(missing.html, /Pilih: menerima atau tidak menerima/);

    const recorded = await trackedPost(`/${SLUG}/lacak/keberatan/${filed.id}/sikap`, first, { response: 'not_accepted', note: 'Saya akan ke Komisi Informasi.' });
    assert.equal(recorded.status, 200);
    assert.match(recorded.html, /<p class="notice" role="status">Sikap Anda atas tanggapan keberatan/);
    assert.match(recorded.html, /Tidak menerima; dapat mengajukan sengketa ke Komisi Informasi/);
    assert.ok(recorded.html.includes('Saya akan ke Komisi Informasi.'));
    assert.ok(!recorded.html.includes(`action="/${SLUG}/lacak/keberatan/${filed.id}/sikap"`), 'the form is gone once recorded');
    const [row] = await db().select().from(objections).where(and(eq(objections.id, filed.id), eq(objections.officeId, officeId)));
    assert.equal(row?.response, 'not_accepted');

    const twice = await trackedPost(`/${SLUG}/lacak/keberatan/${filed.id}/sikap`, first, { response: 'accepted' });
    assert.equal(twice.status, 409);
    assert.match(twice.html, /Sikap atas tanggapan ini sudah dicatat/);
    const [still] = await db().select().from(objections).where(eq(objections.id, filed.id));
    assert.equal(still?.response, 'not_accepted', 'the first reaction stands');
  });
});
