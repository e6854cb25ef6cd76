import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { Client, startTestApp, type TestApp } from '../../test/support/app.ts';
import { ENGINE } from '../../test/support/db.ts';
import type { Actor } from '../kernel/audit/store.ts';
import { renderPdf } from '../letters/render.ts';
import { readPdf } from '../letters/test-pdf.ts';
import { todayIn } from '../offices/portal.tsx';
import { DEMO_PASSWORD, demoEmail } from '../offices/seed.ts';
import { officeBySlug, staffByEmail } from '../offices/store.ts';
import { publishedEntries } from './public.ts';
import type { ItemForm } from './rules.ts';
import { classifyItem, submitItem, updateItem, withdrawItem } from './service.ts';

/**
 * The DIK, the DIP editions and the buku rekap informasi through plain HTTP, as the PPID and the
 * Secretary of kab-bintan use them, with KPU RI and the province above, and another office beside.
 */

const OFFICE = 'kab-bintan';
let app: TestApp;
type Who = 'ppid' | 'atasan' | 'unit' | 'kepri' | 'ri' | 'otherPpid' | 'otherAtasan';
const clients = {} as Record<Who, Client>;
const actors = {} as Record<'ppid' | 'unit', Actor>;
let scope: { officeId: number };
let today = '';
const items = { ready: 0, unchecked: 0, added: 0 };
const editions = { first: 0, second: 0 };
let skPdf: Uint8Array<ArrayBuffer>;
let dikProposalId = 0;
const ctx = () => ({ baseUrl: app.url });

function item(overrides: Partial<ItemForm> = {}): ItemForm {
  return {
    title: 'Laporan Keuangan KPU Kabupaten Bintan 2025',
    summary: 'Laporan realisasi anggaran dan neraca tahun 2025.',
    holder: 'Subbagian Keuangan, Umum dan Logistik',
    responsible: 'Bendahara Pengeluaran',
    producedWhen: 'Februari 2026',
    producedWhere: 'Bintan',
    hasSoftcopy: false,
    hasHardcopy: true,
    onlineLink: '',
    archiveLocation: 'Ruang arsip keuangan, rak 3',
    retention: '10 tahun',
    ...overrides,
  };
}

before(async () => {
  app = await startTestApp({ demo: true, rateLimitPerMinute: 1_000_000 });
  const db = app.running.database.db;
  const logins: Record<Who, [string, string]> = {
    ppid: ['ppid', OFFICE],
    atasan: ['atasan', OFFICE],
    unit: ['unit', OFFICE],
    kepri: ['ppid', 'prov-kepri'],
    ri: ['ppid', 'ri'],
    otherPpid: ['ppid', 'kab-belitung-timur'],
    otherAtasan: ['atasan', 'kab-belitung-timur'],
  };
  for (const [who, [key, slug]] of Object.entries(logins) as [Who, [string, string]][]) {
    clients[who] = new Client(app.url);
    assert.equal((await clients[who].signIn(demoEmail(key, slug), DEMO_PASSWORD)).status, 303);
  }
  for (const key of ['ppid', 'unit'] as const) {
    const member = (await staffByEmail(db, demoEmail(key, OFFICE)))!;
    actors[key] = { staffId: member.id, label: member.email, ip: '', requestId: 'test' };
  }
  scope = { officeId: (await officeBySlug(db, OFFICE))!.id };
  today = todayIn('Asia/Jakarta');
  // One item ready for an edition, one whose documentation the PPID has not checked yet.
  items.ready = await submitItem(db, actors.unit, scope, { callId: null, form: item(), files: [] });
  await classifyItem(db, actors.ppid, scope, items.ready, { category: 'berkala', updateMonths: '6', dikEntryId: '', documentationChecked: true }, ctx());
  items.unchecked = await submitItem(db, actors.unit, scope, { callId: null, form: item({ title: 'SK Penetapan Daftar Pemilih Tetap Pilkada 2024', summary: 'Keputusan KPU Kabupaten Bintan tentang DPT.' }), files: [] });
  await classifyItem(db, actors.ppid, scope, items.unchecked, { category: 'setiap_saat', updateMonths: '', dikEntryId: '', documentationChecked: false }, ctx());
  skPdf = new Uint8Array(await renderPdf({ content: [{ text: 'KEPUTUSAN PPID KPU KABUPATEN BINTAN' }, { text: 'tentang Penetapan Daftar Informasi Publik' }] }));
});
after(async () => app?.close());

const decode = (s: string) => s.replace(/&quot;|&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
/** A page in Indonesian unless the path asks otherwise (the language choice sticks to the client). */
async function page(client: Client, path: string, status = 200): Promise<string> {
  const response = await client.get(path.includes('lang=') ? path : `${path}${path.includes('?') ? '&' : '?'}lang=id`);
  const body = await response.text();
  assert.equal(response.status, status, `${path}: ${body.slice(0, 300)}`);
  return decode(body);
}

async function post(client: Client, path: string, fields: Record<string, string> = {}): Promise<Response> {
  const token = await client.csrfFrom('/desk/account');
  return client.post(path, { _csrf: token, ...fields });
}

async function postMultipart(client: Client, path: string, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array<ArrayBuffer>; type: string }): Promise<Response> {
  const token = await client.csrfFrom('/desk/account');
  const form = new FormData();
  form.append('_csrf', token);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('skPdf', new Blob([file.bytes], { type: file.type }), file.name);
  return fetch(`${app.url}${path}`, { method: 'POST', headers: { cookie: client.cookieHeader() }, body: form, redirect: 'manual' });
}

function redirected(response: Response, pattern: RegExp): string {
  assert.equal(response.status, 303);
  const location = response.headers.get('location')!;
  assert.match(location, pattern);
  return location;
}

async function refused(response: Response, status: number, message: RegExp): Promise<string> {
  const body = decode(await response.text());
  assert.equal(response.status, status, body.slice(0, 500));
  assert.match(body, /class="error-summary"/);
  assert.match(body, message);
  return body;
}

const DIK_FORM = {
  title: 'Data pribadi pemilih dalam formulir model A',
  pasal17: 'h',
  otherLaw: '',
  harm: 'Membuka NIK dan alamat pemilih yang dilindungi UU 27/2022.',
  publicInterest: 'Perlindungan data pribadi lebih besar dari manfaat membukanya.',
  periodText: 'Selama data pribadi melekat',
  periodEndsOn: '',
  decidedBy: 'Tim uji konsekuensi KPU RI',
  decidedOn: '',
};

describe(`the DIK, DIP editions and recap pages (${ENGINE})`, () => {
  test("the DIK at kab-bintan shows KPU RI's entry as inherited, with its consequence test", async () => {
    await refused(await post(clients.ri, '/desk/dik/baru', { ...DIK_FORM, title: '', decidedOn: '2999-01-01' }), 422, /Informasi yang dikecualikan: Informasi yang dikecualikan wajib diisi/);
    redirected(await post(clients.ri, '/desk/dik/baru', { ...DIK_FORM, decidedOn: today }), /^\/desk\/dik\?notice=dik_added$/);
    const ri = await page(clients.ri, '/desk/dik?notice=dik_added');
    assert.match(ri, /Entri DIK ditetapkan dan berlaku/);
    assert.match(ri, /Ditetapkan kantor ini/);

    const bintan = await page(clients.ppid, '/desk/dik');
    assert.match(bintan, /Data pribadi pemilih dalam formulir model A/);
    assert.match(bintan, /Ditetapkan KPU RI; berlaku untuk semua tingkat/);
    assert.match(bintan, /h\. mengungkap rahasia pribadi/);
    assert.match(bintan, /Perlindungan data pribadi lebih besar/);
    assert.match(bintan, /Tim uji konsekuensi KPU RI/);
    assert.match(bintan, /href="\/desk\/dik\/baru"/);
    assert.doesNotMatch(bintan, /Usulan dari kantor di bawah/, 'a regency receives no proposals');

    const unit = await page(clients.unit, '/desk/dik');
    assert.match(unit, /Data pribadi pemilih dalam formulir model A/, 'units see the DIK to know what not to hand over');
    assert.doesNotMatch(unit, /href="\/desk\/dik\/baru"/);
    await page(clients.unit, '/desk/dik/baru', 403);
    await page(clients.atasan, '/desk/dik/baru', 403);
    assert.match(await page(clients.otherPpid, '/desk/dik'), /Data pribadi pemilih dalam formulir model A/, 'every regency inherits it');
    assert.match(await page(clients.ri, '/desk/dik?lang=en'), /Set by this office/);
  });

  test('a regency proposes an entry to its province, which accepts it; then it is in force at the regency only', async () => {
    const form = await page(clients.ppid, '/desk/dik/baru');
    assert.match(form, /usulan kepada Komisi Pemilihan Umum Provinsi Kepulauan Riau/);
    const proposal = { ...DIK_FORM, title: 'Dokumen pengadaan logistik yang belum selesai', pasal17: 'b', harm: 'Mengganggu persaingan usaha yang sehat.', decidedBy: 'PPID KPU Kabupaten Bintan', decidedOn: today };
    await refused(await post(clients.ppid, '/desk/dik/baru', { ...proposal, pasal17: 'j' }), 422, /Sebutkan undang-undang lain yang mengecualikannya/);
    redirected(await post(clients.ppid, '/desk/dik/baru', proposal), /^\/desk\/dik\?notice=dik_proposed$/);
    const mine = await page(clients.ppid, '/desk/dik');
    assert.match(mine, /Usulan kantor ini/);
    assert.match(mine, /Dokumen pengadaan logistik yang belum selesai<\/th>/);
    assert.match(mine, /Diusulkan; menunggu keputusan kantor atasan/);

    const province = await page(clients.kepri, '/desk/dik');
    assert.match(province, /Usulan dari kantor di bawah \(1\)/);
    assert.match(province, /Diusulkan oleh Komisi Pemilihan Umum Kabupaten Bintan/);
    dikProposalId = Number(province.match(/action="\/desk\/dik\/usulan\/(\d+)"/)![1]);
    await page(clients.ppid, `/desk/dik/usulan/${dikProposalId}`, 404);
    assert.equal((await post(clients.ppid, `/desk/dik/usulan/${dikProposalId}`, { decision: 'accept' })).status, 404, 'the proposer cannot decide its own proposal');
    await refused(await post(clients.kepri, `/desk/dik/usulan/${dikProposalId}`, { decision: 'maybe' }), 422, /Pilih terima atau tolak/);
    redirected(await post(clients.kepri, `/desk/dik/usulan/${dikProposalId}`, { decision: 'accept' }), /^\/desk\/dik\?notice=dik_accepted$/);
    await refused(await post(clients.kepri, `/desk/dik/usulan/${dikProposalId}`, { decision: 'reject' }), 409, /Usulan ini sudah diputuskan/);
    assert.match(await page(clients.kepri, '/desk/dik'), /Usulan dari kantor di bawah \(0\)/);

    const after = await page(clients.ppid, '/desk/dik');
    assert.match(after, /Berlaku untuk kantor ini \(2\)/);
    assert.match(after, /Usulan kantor ini, diterima Komisi Pemilihan Umum Provinsi Kepulauan Riau/);
    assert.doesNotMatch(await page(clients.otherPpid, '/desk/dik'), /Dokumen pengadaan logistik/, 'a regency of another province does not inherit it');
  });

  test('an edition through the pages: create → establish with the SK → submit → the Secretary returns it → again → ordered', async () => {
    await page(clients.unit, '/desk/dip/edisi', 403);
    const location = redirected(await post(clients.ppid, '/desk/dip/edisi'), /^\/desk\/dip\/edisi\/\d+\?notice=edition_created$/);
    editions.first = Number(location.match(/edisi\/(\d+)/)![1]);
    const base = `/desk/dip/edisi/${editions.first}`;
    const draft = await page(clients.ppid, location);
    assert.match(draft, /Edisi baru dibuat/);
    assert.match(draft, /Konsep penetapan/);
    assert.match(draft, /1 dari 2 informasi belum siap/);
    assert.match(draft, /Belum siap: dokumentasinya belum diperiksa PPID/);
    assert.match(draft, /Perbedaan dari edisi sebelumnya tampil setelah edisi ini ditetapkan/);
    assert.match(await page(clients.ppid, '/desk/dip/edisi'), /Edisi 1<\/a>/);

    const sk = { name: 'sk-penetapan-dip.pdf', bytes: skPdf, type: 'application/pdf' };
    await refused(await postMultipart(clients.ppid, `${base}/tetapkan`, { skNumber: '12/PPID/2026', skDate: today }, sk), 409, /1 informasi belum siap ditetapkan: "SK Penetapan Daftar Pemilih Tetap Pilkada 2024" \(dokumentasinya belum diperiksa PPID\)/);
    await classifyItem(app.running.database.db, actors.ppid, scope, items.unchecked, { category: 'setiap_saat', updateMonths: '', dikEntryId: '', documentationChecked: true }, ctx());

    const empty = await refused(await postMultipart(clients.ppid, `${base}/tetapkan`, { skNumber: '', skDate: '' }), 422, /Unggah SK yang sudah ditandatangani/);
    assert.match(empty, /href="#f-skNumber"/);
    assert.match(empty, /href="#f-skDate"/);
    assert.match(empty, /id="f-skPdf"[^>]*aria-invalid="true"/);
    await refused(await postMultipart(clients.ppid, `${base}/tetapkan`, { skNumber: '12/PPID/2026', skDate: today }, { name: 'sk.pdf', bytes: new TextEncoder().encode('bukan pdf'), type: 'application/pdf' }), 422, /Berkas SK \(PDF\)/);
    redirected(await postMultipart(clients.ppid, `${base}/tetapkan`, { skNumber: '12/PPID/2026', skDate: today }, sk), /notice=edition_established$/);
    const established = await page(clients.ppid, base);
    assert.match(established, /Ditetapkan PPID; belum diajukan kepada Sekretaris/);
    assert.match(established, /12\/PPID\/2026/);
    assert.match(established, /Perbedaan: penetapan pertama/);
    assert.match(established, /Ditambahkan \(2\)/);
    assert.match(established, /Isi edisi \(2 informasi\)/);
    const download = await clients.ppid.get(`${base}/sk.pdf`);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'application/pdf');
    assert.deepEqual(new Uint8Array(await download.arrayBuffer()), skPdf);

    redirected(await post(clients.ppid, `${base}/ajukan`), /notice=edition_submitted$/);
    await refused(await post(clients.ppid, `${base}/perintah`), 403, /Peran Anda tidak mengizinkan langkah ini\./);
    assert.deepEqual(await publishedEntries(app.running.database.db, scope.officeId), [], 'nothing is public before the order');
    const review = await page(clients.atasan, base);
    assert.match(review, new RegExp(`action="${base}/perintah"`));
    assert.match(review, new RegExp(`action="${base}/kembalikan"`));
    assert.doesNotMatch(review, new RegExp(`action="${base}/tetapkan"`));
    await refused(await post(clients.atasan, `${base}/kembalikan`, { note: '  ' }), 422, /Tuliskan catatan untuk PPID/);
    redirected(await post(clients.atasan, `${base}/kembalikan`, { note: 'Lengkapi lokasi arsip laporan keuangan.' }), /notice=edition_returned$/);
    await refused(await post(clients.atasan, `${base}/perintah`), 409, /DIP hanya terbit atas perintah Sekretaris terhadap edisi yang diajukan PPID/);

    const returned = await page(clients.ppid, base);
    assert.match(returned, /Dikembalikan dengan catatan/);
    assert.match(returned, /Catatan Sekretaris/);
    assert.match(returned, /Lengkapi lokasi arsip laporan keuangan\./);
    assert.match(returned, /Semua 2 informasi siap ditetapkan/);
    redirected(await postMultipart(clients.ppid, `${base}/tetapkan`, { skNumber: '12/PPID/2026', skDate: today }), /notice=edition_established$/);
    redirected(await post(clients.ppid, `${base}/ajukan`), /notice=edition_submitted$/);
    await refused(await post(clients.ppid, `${base}/ajukan`), 409, /Hanya konsep yang dapat diajukan kepada Sekretaris/);
    redirected(await post(clients.atasan, `${base}/perintah`), /notice=edition_ordered$/);
    const ordered = await page(clients.atasan, `${base}?notice=edition_ordered`);
    assert.match(ordered, /Unggah diperintahkan; edisi ini kini tampil di portal/);
    assert.match(ordered, /Diperintahkan unggah; terbit di portal/);
    assert.doesNotMatch(ordered, /<form method="post" action="\/desk\/dip\/edisi\/\d+\//, 'a published edition has no further step');
    assert.deepEqual((await publishedEntries(app.running.database.db, scope.officeId)).map((e) => e.itemId), [items.ready, items.unchecked]);
    assert.deepEqual(new Uint8Array(await (await clients.atasan.get(`${base}/sk.pdf`)).arrayBuffer()), skPdf, 're-establishing without a file kept the SK');
  });

  test('the second edition shows what was added, changed and withdrawn since the published one', async () => {
    const db = app.running.database.db;
    await updateItem(db, actors.ppid, scope, items.ready, { form: item({ summary: 'Laporan realisasi anggaran, neraca dan catatan atas laporan keuangan 2025.' }), files: [] });
    await withdrawItem(db, actors.ppid, scope, items.unchecked, 'Digantikan SK perubahan DPT.');
    items.added = await submitItem(db, actors.unit, scope, { callId: null, form: item({ title: 'Profil PPID KPU Kabupaten Bintan', summary: 'Struktur dan tugas PPID.' }), files: [] });
    await classifyItem(db, actors.ppid, scope, items.added, { category: 'berkala', updateMonths: '6', dikEntryId: '', documentationChecked: true }, ctx());

    const location = redirected(await post(clients.ppid, '/desk/dip/edisi'), /^\/desk\/dip\/edisi\/\d+\?notice=edition_created$/);
    editions.second = Number(location.match(/edisi\/(\d+)/)![1]);
    await refused(await post(clients.ppid, '/desk/dip/edisi'), 409, /Masih ada edisi yang belum terbit/);
    redirected(await postMultipart(clients.ppid, `/desk/dip/edisi/${editions.second}/tetapkan`, { skNumber: '20/PPID/2026', skDate: today }, { name: 'sk-2.pdf', bytes: skPdf, type: 'application/pdf' }), /notice=edition_established$/);

    const second = await page(clients.atasan, `/desk/dip/edisi/${editions.second}`);
    assert.match(second, /Perbedaan dari edisi 1 \(terbit\)/);
    const section = (heading: string) => second.slice(second.indexOf(heading), second.indexOf('</ul>', second.indexOf(heading)));
    assert.match(section('Ditambahkan (1)'), new RegExp(`href="/desk/dip/informasi/${items.added}">Profil PPID KPU Kabupaten Bintan<`));
    assert.match(section('Ditarik (1)'), new RegExp(`href="/desk/dip/informasi/${items.unchecked}">SK Penetapan Daftar Pemilih Tetap Pilkada 2024<`));
    assert.match(second, /Diubah \(1\)/);
    const changed = second.slice(second.indexOf('id="diff-changed"'), second.indexOf('</table>', second.indexOf('id="diff-changed"')));
    assert.equal(changed.match(/<tr>/g)?.length, 2, 'the header and one changed field: renumbering is not a change');
    assert.match(changed, /Laporan Keuangan KPU Kabupaten Bintan 2025/);
    assert.match(changed, /Ringkasan isi informasi/);
    assert.match(changed, /Laporan realisasi anggaran dan neraca tahun 2025\./);
    assert.match(changed, /Laporan realisasi anggaran, neraca dan catatan atas laporan keuangan 2025\./);
    assert.match(await page(clients.ppid, `/desk/dip/edisi/${editions.second}?lang=en`), /Difference from edition 1 \(published\)[\s\S]*Added \(1\)[\s\S]*Changed \(1\)[\s\S]*Summary of content[\s\S]*Withdrawn \(1\)/);
  });

  test('the recap book lists every step with links; its XLSX and PDF hold them; the export is a step too', async () => {
    await page(clients.unit, '/desk/dip/rekap', 403);
    const book = await page(clients.atasan, '/desk/dip/rekap');
    const steps = [
      'Entri DIK diusulkan kepada kantor atasan',
      'Edisi DIP baru dimulai',
      'PPID menetapkan DIP dengan SK',
      'PPID mengajukan edisi kepada Sekretaris',
      'Sekretaris mengembalikan edisi dengan catatan',
      'Sekretaris memerintahkan unggah; DIP terbit di portal',
      'Informasi ditarik dari DIP',
    ];
    let at = -1;
    for (const step of steps.slice(0, 6)) {
      const next = book.indexOf(step, at + 1);
      assert.ok(next > at, `${step} comes after the step before it`);
      at = next;
    }
    assert.ok(book.includes(steps[6]!));
    assert.match(book, /nomor SK: 12\/PPID\/2026/);
    assert.match(book, /catatan: Lengkapi lokasi arsip laporan keuangan\./);
    assert.match(book, new RegExp(`href="/desk/dip/edisi/${editions.first}">Edisi 1<`));
    assert.match(book, new RegExp(`href="/desk/dip/informasi/${items.ready}">Informasi: Laporan Keuangan KPU Kabupaten Bintan 2025<`));
    assert.match(book, new RegExp(`href="/desk/dik#dik-${dikProposalId}">Entri DIK: Dokumen pengadaan logistik`));
    assert.match(book, /Siti Rahmawati/);
    assert.match(book, /Budi Santoso/);

    const month = today.slice(0, 7);
    assert.match(await page(clients.ppid, `/desk/dip/rekap?bulan=${month}`), /PPID menetapkan DIP dengan SK/);
    assert.match(await page(clients.ppid, '/desk/dip/rekap?bulan=2020-01'), /0 langkah tercatat pada Januari 2020/);
    assert.match(await page(clients.ppid, '/desk/dip/rekap?bulan=2026-13', 422), /Tulis bulan dengan format TTTT-BB/);
    assert.match(await page(clients.ppid, '/desk/dip/rekap?lang=en'), /The Secretary returned the edition with comments/);

    const xlsx = await clients.atasan.get(`/desk/dip/rekap.xlsx?bulan=${month}`);
    assert.equal(xlsx.status, 200);
    assert.match(xlsx.headers.get('content-disposition')!, new RegExp(`buku-rekap-informasi_${month}\\.xlsx`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    assert.equal(sheet.views[0]?.state, 'frozen');
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text)));
    for (const step of steps) assert.ok(cells.includes(step), `the XLSX holds ${step}`);

    const pdf = await clients.ppid.get('/desk/dip/rekap.pdf?lang=id');
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const read = (await readPdf(new Uint8Array(await pdf.arrayBuffer()))).text.replace(/\s+/g, ' ');
    assert.match(read, /KABUPATEN BINTAN/);
    assert.match(read, /BUKU REKAP INFORMASI/);
    for (const step of steps) assert.ok(read.includes(step), `the PDF holds ${step}`);
    assert.equal((await clients.ppid.get('/desk/dip/rekap.pdf?bulan=junk')).status, 422);

    const afterExport = await page(clients.ppid, '/desk/dip/rekap');
    assert.equal(afterExport.match(/Buku rekap informasi diunduh/g)?.length, 2);
    assert.match(afterExport, /format: XLSX; bulan: /);
    assert.match(afterExport, /format: PDF; bulan: semua bulan/);
  });

  test("another office's staff get 404 for this office's editions and proposals, and a book of their own", async () => {
    for (const path of [`/desk/dip/edisi/${editions.first}`, `/desk/dip/edisi/${editions.first}/sk.pdf`]) await page(clients.otherPpid, path, 404);
    assert.equal((await post(clients.otherAtasan, `/desk/dip/edisi/${editions.second}/perintah`)).status, 404);
    assert.equal((await postMultipart(clients.otherPpid, `/desk/dip/edisi/${editions.second}/tetapkan`, { skNumber: '1/X', skDate: today })).status, 404);
    assert.equal((await post(clients.otherPpid, `/desk/dik/usulan/${dikProposalId}`, { decision: 'reject' })).status, 404);
    assert.equal((await post(clients.kepri, `/desk/dip/edisi/${editions.second}/ajukan`)).status, 404, 'not even the province above');
    const list = await page(clients.otherPpid, '/desk/dip/edisi');
    assert.match(list, /Belum ada edisi DIP/);
    const book = await page(clients.otherPpid, '/desk/dip/rekap');
    assert.match(book, /0 langkah tercatat/);
    assert.doesNotMatch(book, /12\/PPID\/2026|Laporan Keuangan/);
    assert.equal((await page(clients.ppid, `/desk/dip/edisi/99999999`, 404)).includes('Edisi DIP tidak ditemukan'), true);
  });
});
