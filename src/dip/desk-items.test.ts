import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { Client, startTestApp, type TestApp } from '../../test/support/app.ts';
import { ENGINE } from '../../test/support/db.ts';
import { dipCalls } from '../db/schema.ts';
import { cliActor } from '../kernel/audit/store.ts';
import { DEMO_PASSWORD, demoEmail } from '../offices/seed.ts';
import { createStaff } from '../offices/service.ts';
import { officeBySlug, staffByEmail, unitsOfOffice } from '../offices/store.ts';

/**
 * The desk's pages for DIP SOP steps 1–2 through plain HTTP: the PPID's call, a unit's submissions
 * (a missing column named, a spreadsheet with a hidden sheet flagged), the unit's "done", the PPID's
 * view of who answered, classification, the override of findings, and what staff of another unit or
 * another office cannot reach.
 */

const OFFICE = 'kab-bintan';
let app: TestApp;
const clients: Record<'ppid' | 'unit' | 'otherUnit' | 'otherOffice', Client> = {} as never;
let unitId: number;
let secondUnitId: number;

before(async () => {
  app = await startTestApp({ demo: true, rateLimitPerMinute: 1_000_000 });
  const db = app.running.database.db;
  const scope = { officeId: (await officeBySlug(db, OFFICE))!.id };
  unitId = (await staffByEmail(db, demoEmail('unit', OFFICE)))!.unitId!;
  secondUnitId = (await unitsOfOffice(db, scope)).find((u) => u.id !== unitId)!.id;
  // A provider of another unit of the same office.
  await createStaff(
    db,
    cliActor('test'),
    scope,
    { name: 'Rahmat Penyedia', email: 'penyedia.lain@demo.lentera.id', position: 'Staf Subbagian Perencanaan', roles: ['information_provider'], unitId: secondUnitId, password: DEMO_PASSWORD, demo: true },
    { mayGrantSystemAdmin: false, baseUrl: app.url },
  );
  const accounts = { ppid: demoEmail('ppid', OFFICE), unit: demoEmail('unit', OFFICE), otherUnit: 'penyedia.lain@demo.lentera.id', otherOffice: demoEmail('ppid', 'kab-belitung-timur') };
  for (const [key, email] of Object.entries(accounts) as [keyof typeof clients, string][]) {
    clients[key] = new Client(app.url);
    assert.equal((await clients[key].signIn(email, DEMO_PASSWORD)).status, 303);
  }
});
after(async () => app?.close());

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const page = async (client: Client, path: string) => {
  const response = await client.get(path);
  return { status: response.status, html: decode(await response.text()) };
};

async function post(client: Client, path: string, fields: Record<string, string | string[]>): Promise<Response> {
  const token = await client.csrfFrom('/desk/account');
  return client.post(path, { _csrf: token, ...fields });
}

interface Upload {
  readonly name: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly type: string;
}

async function postMultipart(client: Client, path: string, fields: Record<string, string>, files: readonly Upload[] = []): Promise<Response> {
  const token = await client.csrfFrom('/desk/account');
  const form = new FormData();
  form.append('_csrf', token);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('files', new Blob([f.bytes], { type: f.type }), f.name);
  return fetch(`${app.url}${path}`, { method: 'POST', headers: { cookie: client.cookieHeader() }, body: form, redirect: 'manual' });
}

async function xlsxWithHiddenSheet(): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Rekap').addRows([
    ['Kecamatan', 'Jumlah pemilih'],
    ['Bintan Timur', 30111],
    ['Teluk Bintan', 9120],
  ]);
  const notes = book.addWorksheet('Catatan internal');
  notes.state = 'hidden';
  notes.addRow(['Belum diverifikasi']);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const ITEM = {
  title: 'Rekapitulasi Daftar Pemilih Tetap Pemilu 2024 per kecamatan',
  summary: 'Jumlah pemilih tetap laki-laki dan perempuan untuk setiap kecamatan di Kabupaten Bintan.',
  holder: 'Subbagian Teknis Penyelenggaraan Pemilu dan Hubungan Masyarakat',
  responsible: 'Kepala Subbagian Teknis',
  producedWhen: 'Juni 2023',
  producedWhere: 'Bintan',
  hasSoftcopy: 'yes',
  hasHardcopy: 'yes',
  onlineLink: '',
  archiveLocation: 'Lemari arsip 2, ruang teknis',
  retention: '10 tahun (JRA PKPU 17/2023)',
};

/** The id at the end of a 303's location, after checking where it goes. */
function redirectedTo(response: Response, pattern: RegExp): number {
  assert.equal(response.status, 303);
  const location = response.headers.get('location') ?? '';
  const match = pattern.exec(location);
  assert.ok(match, `unexpected redirect ${location}`);
  return Number(match[1]);
}

let callId: number;
let itemId: number;
let fileId: number;

describe(`DIP desk pages, SOP steps 1–2 (${ENGINE})`, () => {
  test('the PPID creates a call: an empty form names what is missing, then the call goes to the unit', async () => {
    const form = await page(clients.ppid, '/desk/dip/permintaan/baru');
    assert.equal(form.status, 200);
    assert.match(form.html, /Kosongkan untuk 5 hari kerja/);
    assert.match(form.html, new RegExp(`name="unitIds" value="${unitId}"`));

    const empty = await post(clients.ppid, '/desk/dip/permintaan/baru', { title: '', instruction: 'Serahkan semua informasi.', dueOn: '' });
    assert.equal(empty.status, 422);
    const refused = decode(await empty.text());
    assert.match(refused, /Judul permintaan wajib diisi/);
    assert.match(refused, /Pilih unit yang diminta informasinya/);
    assert.match(refused, />Serahkan semua informasi\.<\/textarea>/, 'what was typed comes back');

    callId = redirectedTo(
      await post(clients.ppid, '/desk/dip/permintaan/baru', { title: 'Pemutakhiran DIP semester II', instruction: 'Serahkan informasi yang dikuasai unit.', unitIds: [String(unitId)], dueOn: '' }),
      /^\/desk\/dip\/permintaan\/(\d+)\?notice=call_created$/,
    );
    const call = await page(clients.ppid, `/desk/dip/permintaan/${callId}`);
    assert.equal(call.status, 200);
    assert.match(call.html, /Serahkan informasi yang dikuasai unit\./);
    assert.match(call.html, /Belum menjawab/);
    assert.doesNotMatch(call.html, /Unit kami sudah menyerahkan semua/, 'the PPID does not answer for a unit');
    // Only the PPID asks units for information.
    assert.equal((await clients.unit.get('/desk/dip/permintaan/baru')).status, 403);
  });

  test('the unit sees the call, is told which column is missing, then submits an item with a spreadsheet the checker flags', async () => {
    const overview = await page(clients.unit, '/desk/dip');
    assert.equal(overview.status, 200);
    assert.match(overview.html, new RegExp(`href="/desk/dip/permintaan/${callId}"`));
    const call = await page(clients.unit, `/desk/dip/permintaan/${callId}`);
    assert.match(call.html, new RegExp(`action="/desk/dip/permintaan/${callId}/informasi"`));
    assert.match(call.html, /Unit kami sudah menyerahkan semua/);

    const missing = await postMultipart(clients.unit, `/desk/dip/permintaan/${callId}/informasi`, { ...ITEM, retention: '', hasSoftcopy: '', hasHardcopy: '' });
    assert.equal(missing.status, 422);
    const refused = decode(await missing.text());
    assert.match(refused, /Jangka waktu penyimpanan wajib diisi\./);
    assert.match(refused, /Sebutkan bentuk yang tersedia/);
    assert.match(refused, /id="f-retention"[^>]*aria-invalid="true"/);
    assert.match(refused, new RegExp(`value="${ITEM.title}"`), 'the typed title comes back');

    itemId = redirectedTo(
      await postMultipart(clients.unit, `/desk/dip/permintaan/${callId}/informasi`, ITEM, [{ name: 'rekap-dpt.xlsx', bytes: await xlsxWithHiddenSheet(), type: 'application/octet-stream' }]),
      /^\/desk\/dip\/informasi\/(\d+)\?notice=item_submitted$/,
    );
    const item = await page(clients.unit, `/desk/dip/informasi/${itemId}`);
    assert.equal(item.status, 200);
    assert.match(item.html, /Lembar kerja tersembunyi/);
    assert.match(item.html, /Catatan internal/);
    assert.match(item.html, /Ada temuan; menunggu keputusan PPID/);
    assert.match(item.html, /Diserahkan: 1 berkas, 1 temuan pemeriksa/, 'the history shows the submission');
    fileId = Number(/href="\/desk\/dip\/berkas\/(\d+)"/.exec(item.html)![1]);

    const download = await clients.unit.get(`/desk/dip/berkas/${fileId}`);
    assert.equal(download.status, 200);
    assert.match(download.headers.get('content-type') ?? '', /spreadsheetml/);
    assert.match(download.headers.get('content-disposition') ?? '', /^attachment; filename="rekap-dpt\.xlsx"/);
  });

  test('the unit says it is done; the PPID sees it answered; saying it twice is refused with the reason', async () => {
    assert.equal(redirectedTo(await post(clients.unit, `/desk/dip/permintaan/${callId}/selesai`, {}), /^\/desk\/dip\/permintaan\/(\d+)\?notice=call_answered$/), callId);
    const again = await post(clients.unit, `/desk/dip/permintaan/${callId}/selesai`, {});
    assert.equal(again.status, 409);
    assert.match(decode(await again.text()), /Unit Anda sudah menyatakan selesai untuk permintaan ini\./);

    const call = await page(clients.ppid, `/desk/dip/permintaan/${callId}`);
    assert.match(call.html, /Sudah menyerahkan semua \(/);
    assert.match(call.html, new RegExp(`href="/desk/dip/informasi/${itemId}"`));
    const overview = await page(clients.ppid, '/desk/dip');
    assert.match(overview.html, /1 dari 1 unit sudah menyerahkan semua; 0 belum \(masih dalam batas waktu\); 0 terlambat/);
    assert.match(overview.html, /Menunggu klasifikasi \(1\)/);
    assert.match(overview.html, new RegExp(`href="/desk/dip/informasi/${itemId}#file-${fileId}"`), 'the pending file is listed');
  });

  test('a unit that has not answered after the due date is late, in words', async () => {
    const lateCall = redirectedTo(
      await post(clients.ppid, '/desk/dip/permintaan/baru', { title: 'Informasi keuangan 2025', instruction: '', unitIds: [String(unitId), String(secondUnitId)], dueOn: '' }),
      /^\/desk\/dip\/permintaan\/(\d+)\?/,
    );
    await app.running.database.db.update(dipCalls).set({ dueOn: '2020-01-06' }).where(eq(dipCalls.id, lateCall));
    const call = await page(clients.ppid, `/desk/dip/permintaan/${lateCall}`);
    assert.equal(call.html.match(/Terlambat: belum menjawab dan batas waktu sudah lewat/g)?.length, 2);
    assert.match((await page(clients.ppid, '/desk/dip')).html, /0 dari 2 unit sudah menyerahkan semua; 0 belum \(masih dalam batas waktu\); 2 terlambat/);
    assert.match((await page(clients.unit, '/desk/dip')).html, /Terlambat/);
  });

  test('classification: wrong input comes back named with what was typed; then it is saved and in the history', async () => {
    const path = `/desk/dip/informasi/${itemId}/klasifikasi`;
    const none = await post(clients.ppid, path, { category: '', updateMonths: '', dikEntryId: '' });
    assert.equal(none.status, 422);
    assert.match(decode(await none.text()), /Pilih klasifikasi informasi\./);
    const months = await post(clients.ppid, path, { category: 'berkala', updateMonths: '12', dikEntryId: '', documentationChecked: 'yes' });
    assert.equal(months.status, 422);
    const monthsHtml = decode(await months.text());
    assert.match(monthsHtml, /isi 1–6/);
    assert.match(monthsHtml, /id="f-updateMonths"[^>]*value="12"|value="12"[^>]*id="f-updateMonths"/);
    const exempt = await post(clients.ppid, path, { category: 'dikecualikan', updateMonths: '', dikEntryId: '' });
    assert.equal(exempt.status, 422);
    assert.match(decode(await exempt.text()), /harus merujuk entri DIK/);
    assert.equal((await post(clients.unit, path, { category: 'berkala', updateMonths: '6', dikEntryId: '' })).status, 403, 'a unit does not classify');

    redirectedTo(await post(clients.ppid, path, { category: 'berkala', updateMonths: '6', dikEntryId: '', documentationChecked: 'yes' }), /^\/desk\/dip\/informasi\/(\d+)\?notice=item_classified$/);
    const item = await page(clients.ppid, `/desk/dip/informasi/${itemId}`);
    assert.match(item.html, /Informasi berkala \(Pasal 9\)/);
    assert.match(item.html, /Sudah diperiksa PPID/);
    assert.match(item.html, /Diklasifikasi: Informasi berkala \(Pasal 9\), diperbarui setiap 6 bulan, dokumentasi diperiksa/);
    assert.match(item.html, /Belum siap ditetapkan: ada berkas dengan temuan pemeriksa yang belum diputuskan/);
    // Classified: the unit can no longer change it, and sees no edit form.
    assert.doesNotMatch((await page(clients.unit, `/desk/dip/informasi/${itemId}`)).html, /action="\/desk\/dip\/informasi\/\d+\/ubah"/);
  });

  test("the PPID overrides a file's findings with a reason; a second override is refused with the reason", async () => {
    const path = `/desk/dip/berkas/${fileId}/terima`;
    const short = await post(clients.ppid, path, { [`reason_${fileId}`]: 'oke' });
    assert.equal(short.status, 422);
    const shortHtml = decode(await short.text());
    assert.match(shortHtml, /10–2000 karakter/);
    assert.match(shortHtml, />oke<\/textarea>/);
    assert.equal((await post(clients.unit, path, { [`reason_${fileId}`]: 'Lembar tersembunyi hanya catatan teknis.' })).status, 403);

    redirectedTo(await post(clients.ppid, path, { [`reason_${fileId}`]: 'Lembar tersembunyi hanya berisi catatan teknis tanpa data pribadi.' }), /^\/desk\/dip\/informasi\/(\d+)\?notice=file_overridden$/);
    const item = await page(clients.ppid, `/desk/dip/informasi/${itemId}`);
    assert.match(item.html, /Temuan diterima PPID dengan alasan — Lembar tersembunyi hanya berisi catatan teknis tanpa data pribadi\./);
    assert.match(item.html, /Siap ditetapkan dalam DIP\./);
    assert.match(item.html, /Temuan berkas diterima PPID: Lembar tersembunyi/);

    const again = await post(clients.ppid, path, { [`reason_${fileId}`]: 'Sekali lagi dengan alasan yang cukup panjang.' });
    assert.equal(again.status, 409);
    assert.match(decode(await again.text()), /Berkas ini tidak menunggu keputusan\./);
  });

  test('a provider of another unit cannot submit to a call not sent to it, nor change another unit\'s item', async () => {
    const notAsked = await postMultipart(clients.otherUnit, `/desk/dip/permintaan/${callId}/informasi`, ITEM);
    assert.equal(notAsked.status, 403);
    assert.match(decode(await notAsked.text()), /Permintaan ini tidak ditujukan kepada unit Anda\./);

    const fresh = redirectedTo(await postMultipart(clients.unit, `/desk/dip/permintaan/${callId}/informasi`, { ...ITEM, title: 'Jadwal tahapan Pilkada 2024', hasSoftcopy: '' }), /^\/desk\/dip\/informasi\/(\d+)\?/);
    const seen = await page(clients.otherUnit, `/desk/dip/informasi/${fresh}`);
    assert.equal(seen.status, 200);
    assert.doesNotMatch(seen.html, /action="\/desk\/dip\/informasi\/\d+\/ubah"/, 'no edit form for another unit');
    const edit = await postMultipart(clients.otherUnit, `/desk/dip/informasi/${fresh}/ubah`, { ...ITEM, hasSoftcopy: '', title: 'Diubah unit lain' });
    assert.equal(edit.status, 403);
    assert.match(decode(await edit.text()), /Unit hanya dapat mengubah informasinya sendiri/);
    assert.equal((await post(clients.otherUnit, `/desk/dip/berkas/${fileId}/hapus`, {})).status, 403);

    // Its own unit may change it while it is unclassified; a wrong column comes back named.
    const wrong = await postMultipart(clients.unit, `/desk/dip/informasi/${fresh}/ubah`, { ...ITEM, hasSoftcopy: '', onlineLink: 'ftp://arsip' });
    assert.equal(wrong.status, 422);
    assert.match(decode(await wrong.text()), /Tautan harus diawali http:\/\/ atau https:\/\//);
    redirectedTo(await postMultipart(clients.unit, `/desk/dip/informasi/${fresh}/ubah`, { ...ITEM, hasSoftcopy: '', title: 'Jadwal tahapan Pilkada serentak 2024' }), /^\/desk\/dip\/informasi\/(\d+)\?notice=item_updated$/);
    assert.match((await page(clients.ppid, `/desk/dip/informasi/${fresh}`)).html, /<h1>Jadwal tahapan Pilkada serentak 2024<\/h1>/);
  });

  test('the PPID records an item for a unit outside a call, and withdraws it with a reason', async () => {
    const noUnit = await postMultipart(clients.ppid, '/desk/dip/informasi', { ...ITEM, unitId: '', summary: '' });
    assert.equal(noUnit.status, 422);
    const noUnitHtml = decode(await noUnit.text());
    assert.match(noUnitHtml, /Pilih unit yang menguasai informasi\./);
    assert.match(noUnitHtml, /Ringkasan isi informasi wajib diisi\./);
    const id = redirectedTo(await postMultipart(clients.ppid, '/desk/dip/informasi', { ...ITEM, unitId: String(secondUnitId), title: 'Rencana kerja dan anggaran 2026', hasSoftcopy: '' }), /^\/desk\/dip\/informasi\/(\d+)\?/);
    const empty = await post(clients.ppid, `/desk/dip/informasi/${id}/tarik`, { withdraw_reason: '' });
    assert.equal(empty.status, 422);
    assert.match(decode(await empty.text()), /Tuliskan alasan penarikan\./);
    redirectedTo(await post(clients.ppid, `/desk/dip/informasi/${id}/tarik`, { withdraw_reason: 'Digantikan RKA perubahan.' }), /^\/desk\/dip\/informasi\/(\d+)\?notice=item_withdrawn$/);
    const item = await page(clients.ppid, `/desk/dip/informasi/${id}`);
    assert.match(item.html, /Status: Ditarik/);
    assert.match(item.html, /Ditarik: Digantikan RKA perubahan\./);
    assert.match((await page(clients.ppid, '/desk/dip')).html, /Ditarik \(1\)/);
  });

  test("another office's staff get 404 on the call, item and file URLs", async () => {
    for (const path of [`/desk/dip/permintaan/${callId}`, `/desk/dip/informasi/${itemId}`, `/desk/dip/berkas/${fileId}`]) {
      const response = await clients.otherOffice.get(path);
      assert.equal(response.status, 404, path);
      assert.doesNotMatch(await response.text(), /Rekapitulasi Daftar Pemilih|Pemutakhiran DIP/);
    }
    for (const path of [`/desk/dip/permintaan/${callId}/informasi`, `/desk/dip/permintaan/${callId}/selesai`, `/desk/dip/informasi/${itemId}/ubah`, `/desk/dip/informasi/${itemId}/klasifikasi`, `/desk/dip/informasi/${itemId}/tarik`, `/desk/dip/berkas/${fileId}/terima`, `/desk/dip/berkas/${fileId}/hapus`]) {
      assert.equal((await post(clients.otherOffice, path, { category: 'berkala', updateMonths: '6', withdraw_reason: 'x', [`reason_${fileId}`]: 'alasan yang panjang sekali' })).status, 404, path);
    }
    assert.doesNotMatch((await page(clients.otherOffice, '/desk/dip')).html, /Pemutakhiran DIP semester II/);
  });
});
