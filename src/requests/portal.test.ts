import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { Client, startTestApp, type TestApp } from '../../test/support/app.ts';
import { ENGINE } from '../../test/support/db.ts';
import { downloadLinks, requestFiles, requests } from '../db/schema.ts';
import type { Actor } from '../kernel/audit/store.ts';
import { MAX_FILE_BYTES } from '../kernel/uploads.ts';
import { readPdf } from '../letters/test-pdf.ts';
import { demoEmail } from '../offices/seed.ts';
import { officeBySlug, staffByEmail } from '../offices/store.ts';
import type { DecisionForm } from './rules.ts';
import { attachAnswerFiles, decide, deliver, escalate, setFileRelease } from './service.ts';
import { filesOf, lettersOf, requestByNumber } from './store.ts';

const SLUG = 'kab-bintan';
const NIK = '2101024508920003';

let app: TestApp;
let officeId: number;
const staffActors: Record<string, Actor> = {};
const db = () => app.running.database.db;

before(async () => {
  app = await startTestApp({ demo: true });
  officeId = (await officeBySlug(db(), SLUG))!.id;
  for (const key of ['desk', 'ppid']) {
    const member = (await staffByEmail(db(), demoEmail(key, SLUG)))!;
    staffActors[key] = { staffId: member.id, label: member.email, ip: '', requestId: 't' };
  }
});
after(async () => app?.close());

/** A real 2×2 PNG: signature, IHDR, one deflated IDAT, IEND, each chunk with its CRC. */
function pngBytes(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.from([0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 0, 0, 0, 255]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** A one-page PDF, enough for the content check (which reads the %PDF- header). */
const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const VALID = {
  channel: 'online',
  applicantType: 'individual',
  name: 'Sari Pemohon',
  nik: NIK,
  legalNumber: '',
  address: 'Jl. Tanjung Uban No. 7, Bintan',
  phone: '081234567890',
  email: 'sari@example.id',
  occupation: 'Mahasiswa',
  proxyName: '',
  information: 'Salinan berita acara rekapitulasi Pemilu 2024 Kabupaten Bintan',
  purpose: 'Bahan skripsi',
  obtainMethod: 'copy',
  deliveryMethod: 'email',
  consent: 'yes',
} satisfies Record<string, string>;

interface Upload {
  readonly field: string;
  readonly name: string;
  readonly bytes: Buffer;
}

interface OpenForm {
  readonly client: Client;
  readonly csrf: string;
  readonly key: string;
}

async function openForm(lang = ''): Promise<OpenForm> {
  const client = new Client(app.url);
  const response = await client.get(`/${SLUG}/permohonan${lang}`);
  assert.equal(response.status, 200);
  const html = await response.text();
  return { client, csrf: html.match(/name="_csrf" value="([^"]+)"/)![1]!, key: html.match(/name="submissionKey" value="([^"]+)"/)![1]! };
}

async function send(form: OpenForm, fields: Record<string, string | string[]>, files: readonly Upload[] = []): Promise<{ status: number; html: string; headers: Headers }> {
  const body = new FormData();
  for (const [k, v] of Object.entries({ _csrf: form.csrf, submissionKey: form.key, ...fields })) for (const item of [v].flat()) body.append(k, item);
  for (const f of files) body.append(f.field, new Blob([new Uint8Array(f.bytes)], { type: 'application/octet-stream' }), f.name);
  const response = await fetch(`${app.url}/${SLUG}/permohonan`, { method: 'POST', headers: { cookie: form.client.cookieHeader() }, body, redirect: 'manual' });
  return { status: response.status, html: await response.text(), headers: response.headers };
}

function registered(html: string): { number: string; code: string } {
  const number = html.match(/(\d{4}\/REG-PPID\/21\.01\/\d{4})/)?.[1];
  const code = html.match(/class="tracking-code">([0-9A-Z]{5}-[0-9A-Z]{5})</)?.[1];
  assert.ok(number && code, `no number or code on the page: ${html.slice(0, 500)}`);
  return { number, code };
}

async function submitValid(fields: Record<string, string> = {}, files: readonly Upload[] = [{ field: 'identity', name: 'ktp.png', bytes: pngBytes() }]) {
  const form = await openForm();
  const answer = await send(form, { ...VALID, ...fields }, files);
  assert.equal(answer.status, 200, answer.html.slice(0, 2000));
  return { form, ...registered(answer.html) };
}

/** A tracking-page POST (number and code), from a client that holds a CSRF token. */
async function track(path: string, number: string, code: string, lang = ''): Promise<Response> {
  const client = new Client(app.url);
  const csrf = await client.csrfFrom(`/${SLUG}/lacak${lang}`);
  return client.post(path, { _csrf: csrf, number, code });
}

const NO_DECISION: DecisionForm = { outcome: '', holder: '', form: '', perPage: '', pages: '', delivery: '', other: '', timeToProvide: '', withheld: '', pasal17: '', otherLaw: '', consequence: '', documentedBy: '', note: '' };

describe(`the applicant's portal (${ENGINE})`, () => {
  test('the office page links to the form and the tracking page; unknown offices are 404', async () => {
    const html = await (await fetch(`${app.url}/${SLUG}`)).text();
    assert.ok(html.includes(`href="/${SLUG}/permohonan"`) && html.includes('Ajukan permohonan informasi'));
    assert.ok(html.includes(`href="/${SLUG}/lacak"`) && html.includes('Lacak permohonan'));
    for (const path of ['/tidak-ada/permohonan', '/tidak-ada/lacak']) assert.equal((await fetch(app.url + path)).status, 404, path);
  });

  test('the form asks for every intake field, the files by role, and consent, and states the terms', async () => {
    const html = await (await fetch(`${app.url}/${SLUG}/permohonan`)).text();
    assert.match(html, /<form method="post" action="\/kab-bintan\/permohonan" enctype="multipart\/form-data"/);
    for (const name of ['applicantType', 'name', 'nik', 'legalNumber', 'address', 'phone', 'email', 'occupation', 'proxyName', 'information', 'purpose', 'obtainMethod', 'deliveryMethod', 'consent']) {
      assert.ok(html.includes(`name="${name}"`), `field ${name}`);
    }
    for (const role of ['identity', 'proxy_letter', 'member_ids', 'legal_deed']) assert.match(html, new RegExp(`type="file" id="f-${role}" name="${role}"`));
    assert.match(html, /type="hidden" name="channel" value="online"/);
    assert.match(html, /name="submissionKey" value="[A-Za-z0-9_-]{24}"/);
    assert.match(html, /name="consent" value="yes"/);
    for (const expected of ['gratis', '10 hari kerja', '7 hari kerja', 'UU 27/2022', 'NIK disamarkan', 'Perorangan', 'Kelompok orang', 'Badan hukum']) assert.ok(html.includes(expected), expected);
    const en = await (await fetch(`${app.url}/${SLUG}/permohonan?lang=en`)).text();
    assert.ok(en.includes('The service is free') && en.includes('Law 27/2022') && en.includes('Send the request'));
  });

  test('a valid form with a KTP scan registers the request; the same form sent again shows the same number and code', async () => {
    const form = await openForm();
    const files = [{ field: 'identity', name: 'ktp.png', bytes: pngBytes() }];
    const first = await send(form, VALID, files);
    assert.equal(first.status, 200, first.html.slice(0, 2000));
    assert.equal(first.headers.get('cache-control'), 'no-store');
    const { number, code } = registered(first.html);
    assert.ok(first.html.includes('Tanda bukti juga dikirim ke alamat e-mail'));
    assert.ok(first.html.includes('Batas waktu pemberitahuan tertulis'));
    assert.match(first.html, /action="\/kab-bintan\/lacak\/tanda-bukti"/);
    assert.ok(first.html.includes(`href="/${SLUG}/lacak"`));
    const request = (await requestByNumber(db(), officeId, number))!;
    assert.equal(request.channel, 'online');
    const stored = await filesOf(db(), request.id);
    assert.deepEqual(stored.map((f) => [f.role, f.name, f.mediaType]), [['identity', 'ktp.png', 'image/png']]);

    const again = await send(form, VALID, files);
    assert.equal(again.status, 200);
    assert.deepEqual(registered(again.html), { number, code });
    assert.equal((await db().select({ id: requests.id }).from(requests).where(eq(requests.submissionKey, form.key))).length, 1);
    assert.equal((await filesOf(db(), request.id)).length, 1, 'the second send added no file');
  });

  test('a form with errors keeps what was typed and the files; the next send uses them, without the one dropped', async () => {
    const form = await openForm();
    const wrong = await send(form, { ...VALID, name: 'Bayu <Pemohon>', purpose: '', consent: '' }, [
      { field: 'identity', name: 'ktp.png', bytes: pngBytes() },
      { field: 'proxy_letter', name: 'kuasa.pdf', bytes: PDF_BYTES },
    ]);
    assert.equal(wrong.status, 422);
    assert.ok(wrong.html.includes('class="error-summary"'));
    assert.ok(wrong.html.includes('id="f-purpose-error"') && wrong.html.includes('id="f-consent-error"'));
    assert.ok(wrong.html.includes('value="Bayu <Pemohon>"'), 'the typed name is kept');
    assert.ok(wrong.html.includes(VALID.information) && wrong.html.includes(`value="${NIK}"`));
    assert.match(wrong.html, /value="individual" checked/);
    assert.ok(wrong.html.includes('Sudah dilampirkan: ') && wrong.html.includes('<strong>ktp.png</strong>') && wrong.html.includes('<strong>kuasa.pdf</strong>'));
    assert.ok(wrong.html.includes(`name="submissionKey" value="${form.key}"`), 'the same key, so sending twice stays one request');
    const tokens = [...wrong.html.matchAll(/type="hidden" name="staged" value="([^"]+)"/g)].map((m) => m[1]!);
    assert.equal(tokens.length, 2);
    const proxyToken = wrong.html.match(/name="drop_staged" value="([^"]+)"[^>]*>\s*<label[^>]*>Hapus lampiran (?:&quot;|&#34;)kuasa\.pdf/)?.[1];
    assert.ok(proxyToken, 'each kept file can be dropped');

    const right = await send(form, { ...VALID, name: 'Bayu Pemohon', staged: tokens, drop_staged: proxyToken });
    assert.equal(right.status, 200, right.html.slice(0, 2000));
    const request = (await requestByNumber(db(), officeId, registered(right.html).number))!;
    assert.deepEqual((await filesOf(db(), request.id)).map((f) => [f.role, f.name]), [['identity', 'ktp.png']]);
  });

  test('a file named .pdf that is really text is refused by its content, on its own field, and nothing is registered', async () => {
    const before = await db().select({ id: requests.id }).from(requests);
    const form = await openForm();
    const answer = await send(form, VALID, [{ field: 'identity', name: 'ktp.pdf', bytes: Buffer.from('ini bukan PDF, hanya teks biasa\n') }]);
    assert.equal(answer.status, 422);
    assert.match(answer.html, /<p class="error" id="f-identity-error">[^<]*ktp\.pdf[^<]*teks biasa/);
    assert.match(answer.html, /id="f-identity" name="identity"[^>]*aria-invalid="true"/);
    assert.ok(!answer.html.includes('name="staged"'), 'a refused file is not kept');
    assert.ok(answer.html.includes(`value="${VALID.name}"`));
    assert.equal((await db().select({ id: requests.id }).from(requests)).length, before.length);
  });

  test('a file over the upload limit is named on its field', async () => {
    const form = await openForm();
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(MAX_FILE_BYTES)]);
    const answer = await send(form, VALID, [{ field: 'identity', name: 'ktp-besar.pdf', bytes: big }]);
    assert.equal(answer.status, 422);
    assert.match(answer.html, /<p class="error" id="f-identity-error">[^<]*ktp-besar\.pdf[^<]*melebihi batas 20 MB/);
  });

  test('a group or a legal entity is told which documents are missing', async () => {
    const form = await openForm();
    const group = await send(form, { ...VALID, applicantType: 'group' });
    assert.equal(group.status, 422);
    for (const field of ['proxyName', 'proxy_letter', 'member_ids']) assert.ok(group.html.includes(`id="f-${field}-error"`), field);
    const entity = await send(form, { ...VALID, applicantType: 'legal_entity', nik: '' });
    assert.equal(entity.status, 422);
    for (const field of ['legalNumber', 'legal_deed']) assert.ok(entity.html.includes(`id="f-${field}-error"`), field);
    assert.ok(!entity.html.includes('id="f-nik-error"'));
  });

  test('tracking: the right code shows the request without personal data; a wrong one gives the form back', async () => {
    const { number, code } = await submitValid();
    const page = await track(`/${SLUG}/lacak`, number, code.toLowerCase().replace('-', ' '));
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('cache-control'), 'no-store');
    const html = await page.text();
    for (const expected of [number, VALID.name, 'Diterima', 'Batas waktu pemberitahuan tertulis', 'Tidak diperpanjang', 'Permohonan diterima dan didaftarkan', 'Bagaimana batas waktu dihitung', 'Jatuh tempo']) {
      assert.ok(html.includes(expected), expected);
    }
    for (const secret of [NIK, NIK.slice(0, 4) + '********', VALID.phone, VALID.email, VALID.address]) assert.ok(!html.includes(secret), `shows ${secret}`);

    const wrong = await track(`/${SLUG}/lacak`, number, 'AAAAA-AAAAA');
    assert.equal(wrong.status, 404);
    const wrongHtml = await wrong.text();
    assert.ok(wrongHtml.includes('class="error-summary"') && wrongHtml.includes('Nomor pendaftaran atau kode pelacakan tidak cocok'));
    assert.ok(wrongHtml.includes(`value="${number}"`), 'the typed number is kept');
    assert.ok(!wrongHtml.includes('AAAAA-AAAAA'), 'the code is not echoed');
    assert.ok(!wrongHtml.includes(VALID.name));

    const empty = await track(`/${SLUG}/lacak`, '', '', '?lang=en');
    assert.equal(empty.status, 422);
    const emptyHtml = await empty.text();
    assert.ok(emptyHtml.includes('Enter the registration number.') && emptyHtml.includes('Enter the tracking code.'));
  });

  test('the receipt PDF carries the number and the code and only a masked NIK', async () => {
    const { number, code } = await submitValid();
    const response = await track(`/${SLUG}/lacak/tanda-bukti`, number, code);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="tanda-bukti-[0-9A-Za-z.-]+\.pdf"/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
    assert.ok(pdf.text.includes(number) && pdf.text.includes(code));
    assert.ok(!pdf.text.includes(NIK), 'the full NIK is not on the receipt');
    assert.ok(pdf.text.includes(`${NIK.slice(0, 4)}********${NIK.slice(-4)}`));
    assert.equal((await track(`/${SLUG}/lacak/tanda-bukti`, number, 'AAAAA-AAAAA')).status, 404);
  });

  test('the e-mailed download link serves the released file until it expires; tracking serves the letters and the file', async () => {
    const { number, code } = await submitValid();
    const request = (await requestByNumber(db(), officeId, number))!;
    const scope = { officeId };
    const ctx = { baseUrl: app.url };
    await escalate(db(), staffActors.desk!, scope, request.id, { note: 'Mohon ditindaklanjuti.' }, ctx);
    await attachAnswerFiles(db(), staffActors.ppid!, scope, request.id, [{ role: 'files', name: 'rekap 2024.txt', bytes: Buffer.from('Kecamatan;Suara sah\nBintan Timur;1200\n') }]);
    const answer = (await filesOf(db(), request.id)).find((f) => f.role === 'answer')!;
    await setFileRelease(db(), staffActors.ppid!, scope, answer.id, { release: true, reason: '' });
    await decide(db(), staffActors.ppid!, scope, request.id, { ...NO_DECISION, outcome: 'granted_full', form: 'soft', timeToProvide: 'Saat pemberitahuan ini diterima' }, ctx);
    const { token } = await deliver(db(), staffActors.desk!, scope, request.id, { mode: 'email', note: '' }, ctx);
    assert.ok(token);

    const page = await fetch(`${app.url}/unduh/${token}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.ok(html.includes(number) && html.includes('Komisi Pemilihan Umum Kabupaten Bintan') && html.includes('Tautan berlaku sampai'));
    assert.ok(html.includes(`href="/unduh/${token}/${answer.id}"`) && html.includes('rekap 2024.txt'));
    const file = await fetch(`${app.url}/unduh/${token}/${answer.id}`);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-disposition'), `attachment; filename="rekap 2024.txt"; filename*=UTF-8''rekap%202024.txt`);
    assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(await file.text(), 'Kecamatan;Suara sah\nBintan Timur;1200\n');
    assert.equal((await fetch(`${app.url}/unduh/${token}/999999`)).status, 404);

    const tracked = await (await track(`/${SLUG}/lacak`, number, code)).text();
    assert.ok(tracked.includes('Selesai') && tracked.includes('Dikabulkan seluruhnya') && tracked.includes('Pemberitahuan tertulis terbit'));
    const letters = await lettersOf(db(), request.id);
    assert.ok(letters.length >= 1);
    for (const letter of letters) {
      assert.ok(tracked.includes(letter.number) && tracked.includes(`href="/verifikasi/${letter.verifyCode}"`));
      assert.ok(tracked.includes(`action="/${SLUG}/lacak/surat/${letter.id}"`));
    }
    const letterPdf = await track(`/${SLUG}/lacak/surat/${letters[0]!.id}`, number, code);
    assert.equal(letterPdf.status, 200);
    assert.equal(letterPdf.headers.get('content-type'), 'application/pdf');
    assert.ok((await readPdf(new Uint8Array(await letterPdf.arrayBuffer()))).text.includes(number));
    assert.equal((await track(`/${SLUG}/lacak/surat/${letters[0]!.id}`, number, 'AAAAA-AAAAA')).status, 404);
    assert.ok(tracked.includes(`action="/${SLUG}/lacak/berkas/${answer.id}"`));
    const viaTracking = await track(`/${SLUG}/lacak/berkas/${answer.id}`, number, code);
    assert.equal(viaTracking.status, 200);
    assert.equal(await viaTracking.text(), 'Kecamatan;Suara sah\nBintan Timur;1200\n');
    const identity = (await db().select().from(requestFiles).where(eq(requestFiles.requestId, request.id))).find((f) => f.role === 'identity')!;
    assert.equal((await track(`/${SLUG}/lacak/berkas/${identity.id}`, number, code)).status, 404, 'the KTP scan is never served to the public');

    await db().update(downloadLinks).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(downloadLinks.requestId, request.id));
    const gone = await fetch(`${app.url}/unduh/${token}`);
    assert.equal(gone.status, 410);
    const goneHtml = await gone.text();
    assert.ok(goneHtml.includes('Tautan unduhan ini sudah tidak berlaku') && goneHtml.includes(`href="/${SLUG}/lacak"`));
    assert.equal((await fetch(`${app.url}/unduh/${token}/${answer.id}`)).status, 410);
    assert.equal((await fetch(`${app.url}/unduh/${'x'.repeat(32)}`)).status, 404);
  });
});
