import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { Client, startTestApp, type TestApp } from '../../test/support/app.ts';
import { ENGINE } from '../../test/support/db.ts';
import { auditEvents, officeDocuments } from '../db/schema.ts';
import { verifyAuditLog } from '../kernel/audit/store.ts';
import { renderPdf } from '../letters/render.ts';
import { DEMO_PASSWORD, demoEmail } from '../offices/seed.ts';
import { officeBySlug } from '../offices/store.ts';
import { MAX_PAGE_CHARS, normaliseBody } from './office-pages-service.ts';

/**
 * The office admin writes the public pages and publishes the SOP and regulation PDFs; visitors read
 * them on the office's PPID website. Through plain HTTP, as the admin and the public use them.
 */

const OFFICE = 'kab-bintan';
let app: TestApp;
let officeId: number;
const admin = () => clients.admin!;
const clients: Record<'admin' | 'ppid' | 'otherAdmin', Client> = {} as never;

before(async () => {
  app = await startTestApp({ demo: true, rateLimitPerMinute: 1_000_000 });
  for (const [key, who, slug] of [
    ['admin', 'admin', OFFICE],
    ['ppid', 'ppid', OFFICE],
    ['otherAdmin', 'admin', 'kab-belitung-timur'],
  ] as const) {
    clients[key] = new Client(app.url);
    assert.equal((await clients[key].signIn(demoEmail(who, slug), DEMO_PASSWORD)).status, 303);
  }
  officeId = (await officeBySlug(app.running.database.db, OFFICE))!.id;
});
after(async () => app?.close());

const read = async (response: Response, status: number): Promise<string> => {
  const body = await response.text();
  assert.equal(response.status, status, body.slice(0, 400));
  return body;
};
const page = async (path: string, status = 200) => read(await new Client(app.url).get(path), status);

async function post(client: Client, path: string, fields: Record<string, string>): Promise<Response> {
  const token = await client.csrfFrom('/desk/account');
  return client.post(path, { _csrf: token, ...fields });
}

async function upload(client: Client, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array }): Promise<Response> {
  const token = await client.csrfFrom('/desk/account');
  const form = new FormData();
  form.append('_csrf', token);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new Blob([new Uint8Array(file.bytes)], { type: 'application/pdf' }), file.name);
  return fetch(`${app.url}/desk/halaman-publik/dokumen`, { method: 'POST', headers: { cookie: client.cookieHeader() }, body: form, redirect: 'manual' });
}

const pdf = async (line: string) => new Uint8Array(await renderPdf({ content: [{ text: line }] }));
const events = (action: string) => app.running.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.officeId, officeId)));
const decode = (s: string) => s.replace(/&#34;/g, '"').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe(`office public pages (${ENGINE})`, () => {
  test('an empty page says so; only the office admin reaches the desk page', async () => {
    for (const path of ['profil', 'maklumat', 'layanan']) assert.ok((await page(`/${OFFICE}/${path}`)).includes('Halaman ini belum diisi oleh kantor.'), path);
    for (const path of ['prosedur', 'regulasi']) assert.ok((await page(`/${OFFICE}/${path}`)).includes('Belum ada dokumen yang diterbitkan.'), path);
    assert.ok((await page(`/${OFFICE}/layanan`)).includes('08:00–16:00'), 'the hours on record are shown');
    assert.equal((await page('/tidak-ada-kantor/profil', 404)).includes('Kantor tidak ditemukan'), true);
    await read(await admin().get('/desk/halaman-publik'), 200);
    assert.equal((await clients.ppid.get('/desk/halaman-publik')).status, 403);
    assert.equal((await new Client(app.url).get('/desk/halaman-publik')).status, 303, 'anonymous: to the sign-in page');
  });

  test('the admin writes the pages; they show as escaped paragraphs; an unchanged save records nothing', async () => {
    const profile = 'PPID KPU Kabupaten Bintan dibentuk dengan <b>SK</b> Ketua.\r\nDasar: UU 14/2008.\r\n\r\n\r\nKontak: ppid@bintankab.kpu.go.id  ';
    const response = await post(admin(), '/desk/halaman-publik', { profile, charter: 'Kami siap melayani.', service: 'Senin–Jumat 08.00–16.00 WIB.\n\nSalinan: tidak dipungut biaya.', procedures_intro: '', regulations_intro: 'Peraturan yang menjadi dasar layanan.' });
    assert.equal(response.status, 303);
    assert.match(response.headers.get('location') ?? '', /notice=pages_saved/);
    const shown = await page(`/${OFFICE}/profil`);
    assert.ok(shown.includes('<p class="prewrap">PPID KPU Kabupaten Bintan dibentuk dengan &lt;b>SK&lt;/b> Ketua.\nDasar: UU 14/2008.</p><p class="prewrap">Kontak: ppid@bintankab.kpu.go.id</p>'), 'two paragraphs, markup escaped, the line break kept');
    assert.ok(!shown.includes('<b>SK'));
    assert.ok((await page(`/${OFFICE}/maklumat`)).includes('Kami siap melayani.'));
    assert.ok((await page(`/${OFFICE}/layanan`)).includes('Salinan: tidak dipungut biaya.'));
    assert.ok((await page(`/${OFFICE}/regulasi`)).includes('Peraturan yang menjadi dasar layanan.'));
    const saved = await events('office.page_updated');
    assert.deepEqual(saved.map((e) => e.subjectId).sort(), ['charter', 'profile', 'regulations_intro', 'service']);
    assert.deepEqual((saved.find((e) => e.subjectId === 'profile')!.after as { body: string }).body, normaliseBody(profile));
    const again = await post(admin(), '/desk/halaman-publik', { profile, charter: 'Kami siap melayani.' });
    assert.match(again.headers.get('location') ?? '', /notice=pages_unchanged/);
    assert.equal((await events('office.page_updated')).length, 4);
    const desk = decode(await read(await admin().get('/desk/halaman-publik'), 200));
    assert.ok(desk.includes('dibentuk dengan <b>SK</b> Ketua.'), 'the form shows the text as saved');
  });

  test('a page over 20 000 characters is refused and shown again with what was typed', async () => {
    const long = 'a'.repeat(MAX_PAGE_CHARS + 1);
    const body = await read(await post(admin(), '/desk/halaman-publik', { charter: long, service: 'Diubah bersama yang terlalu panjang' }), 422);
    assert.ok(body.includes('class="error-summary"') && body.includes('Paling panjang 20.000 karakter'));
    assert.ok(body.includes('aria-invalid="true"') && body.includes(long), 'what was typed comes back');
    assert.ok(!(await page(`/${OFFICE}/layanan`)).includes('Diubah bersama'), 'nothing was saved');
  });

  test('documents: PDF only by content; NIK-like numbers need a reason; published, listed, downloaded, removed', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const wrongType = await read(await upload(admin(), { kind: 'procedure', title: 'SOP layanan' }, { name: 'sop.pdf', bytes: png }), 422);
    assert.ok(wrongType.includes('jenis yang tidak diterima') && wrongType.includes('value="SOP layanan"'), 'refused by content, title kept');
    const text = await read(await upload(admin(), { kind: 'procedure', title: 'SOP layanan' }, { name: 'sop.pdf', bytes: new TextEncoder().encode('bukan pdf') }), 422);
    assert.ok(text.includes('jenis yang tidak diterima'));
    const empty = await read(await upload(admin(), { kind: 'procedure', title: '' }), 422);
    assert.ok(empty.includes('Judul dokumen wajib diisi.') && empty.includes('Pilih berkas PDF dokumennya.'));

    const withNik = await pdf('Contoh formulir: NIK 3201014101900001 milik pemohon.');
    const refused = await read(await upload(admin(), { kind: 'procedure', title: 'SOP permohonan' }, { name: 'sop-permohonan.pdf', bytes: withNik }), 422);
    assert.ok(refused.includes('mirip NIK') && refused.includes('3201********0001') && !refused.includes('3201014101900001'), 'the finding is named, masked');
    assert.equal((await events('office.document_added')).length, 0);
    const reason = 'Nomor contoh fiktif pada formulir, bukan NIK seseorang.';
    assert.equal((await upload(admin(), { kind: 'procedure', title: 'SOP permohonan', overrideReason: reason }, { name: 'sop-permohonan.pdf', bytes: withNik })).status, 303);
    assert.equal((await upload(admin(), { kind: 'regulation', title: 'UU 14/2008 <KIP>' }, { name: 'uu-14-2008.pdf', bytes: await pdf('Undang-Undang Nomor 14 Tahun 2008.') })).status, 303);
    const added = await events('office.document_added');
    assert.equal(added.length, 2);
    assert.equal((added.find((e) => (e.after as { title: string }).title === 'SOP permohonan')!.after as { overrideReason: string }).overrideReason, reason);

    const docs = await app.running.database.db.select({ id: officeDocuments.id, kind: officeDocuments.kind }).from(officeDocuments).where(eq(officeDocuments.officeId, officeId));
    const sop = docs.find((d) => d.kind === 'procedure')!.id;
    const law = docs.find((d) => d.kind === 'regulation')!.id;
    const procedures = await page(`/${OFFICE}/prosedur`);
    assert.ok(procedures.includes(`href="/${OFFICE}/prosedur/${sop}"`) && procedures.includes('SOP permohonan') && !procedures.includes('&lt;KIP'));
    assert.ok((await page(`/${OFFICE}/regulasi`)).includes('UU 14/2008 &lt;KIP>'));
    const download = await new Client(app.url).get(`/${OFFICE}/prosedur/${sop}`);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'application/pdf');
    assert.match(download.headers.get('content-disposition') ?? '', /^attachment; filename="sop-permohonan\.pdf"/);
    assert.deepEqual(new Uint8Array(await download.arrayBuffer()), withNik);
    for (const path of [`/${OFFICE}/prosedur/${law}`, `/kab-belitung-timur/prosedur/${sop}`, `/${OFFICE}/prosedur/abc`]) assert.equal((await new Client(app.url).get(path)).status, 404, path);

    assert.equal((await post(clients.otherAdmin, `/desk/halaman-publik/dokumen/${sop}/hapus`, {})).status, 404, "another office's admin cannot remove it");
    assert.equal((await post(clients.ppid, `/desk/halaman-publik/dokumen/${sop}/hapus`, {})).status, 403);
    const removed = await post(admin(), `/desk/halaman-publik/dokumen/${sop}/hapus`, {});
    assert.equal(removed.status, 303);
    assert.equal((await new Client(app.url).get(`/${OFFICE}/prosedur/${sop}`)).status, 404);
    assert.ok((await page(`/${OFFICE}/prosedur`)).includes('Belum ada dokumen yang diterbitkan.'));
    assert.equal((await events('office.document_removed')).length, 1);
    assert.equal((await post(admin(), `/desk/halaman-publik/dokumen/${sop}/hapus`, {})).status, 404, 'removed once');
    assert.deepEqual((await verifyAuditLog(app.running.database.db)).problems, []);
  });

  test('the SK PPID is published on the profile page and downloaded from there only', async () => {
    assert.ok((await page(`/${OFFICE}/profil`)).includes('Belum ada dokumen yang diterbitkan.'), 'no SK yet');
    const bytes = await pdf('Keputusan Ketua KPU Kabupaten Bintan tentang Pejabat Pengelola Informasi dan Dokumentasi.');
    assert.equal((await upload(admin(), { kind: 'decree', title: 'SK PPID 2026' }, { name: 'sk-ppid.pdf', bytes })).status, 303);
    const [decree] = await app.running.database.db.select({ id: officeDocuments.id }).from(officeDocuments).where(and(eq(officeDocuments.officeId, officeId), eq(officeDocuments.kind, 'decree')));
    const profile = await page(`/${OFFICE}/profil`);
    assert.ok(profile.includes('SK penetapan PPID') && profile.includes(`href="/${OFFICE}/profil/${decree!.id}"`) && profile.includes('SK PPID 2026'));
    assert.ok(!(await page(`/${OFFICE}/prosedur`)).includes('SK PPID 2026'), 'not among the procedures');
    const download = await new Client(app.url).get(`/${OFFICE}/profil/${decree!.id}`);
    assert.equal(download.status, 200);
    assert.deepEqual(new Uint8Array(await download.arrayBuffer()), bytes);
    for (const path of [`/${OFFICE}/prosedur/${decree!.id}`, `/kab-belitung-timur/profil/${decree!.id}`]) assert.equal((await new Client(app.url).get(path)).status, 404, path);
    assert.ok((await read(await admin().get('/desk/halaman-publik'), 200)).includes('<option value="decree"'), 'the upload form offers the kind');
  });
});
