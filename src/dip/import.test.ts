import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, isNotNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { Client, startTestApp, type TestApp } from '../../test/support/app.ts';
import { dipImports, dipItems, outbox } from '../db/schema.ts';
import { verifyAuditLog, type Actor } from '../kernel/audit/store.ts';
import { AppError } from '../kernel/errors.ts';
import { createJobRunner, type JobLog } from '../kernel/outbox/runner.ts';
import { DEMO_PASSWORD, demoEmail } from '../offices/seed.ts';
import { officeBySlug, staffByEmail } from '../offices/store.ts';
import {
  DIP_IMPORT_JOB,
  dipImportJobHandler,
  IMPORT_FIELDS,
  judgeRows,
  MAX_IMPORT_ROWS,
  parseSheet,
  readCategory,
  readForm,
  reportOf,
  runImportBatch,
  stageImport,
  startImport,
  suggestMapping,
} from './import.ts';

/**
 * Importing an office's DIP spreadsheet through the desk pages, as the PPID does it: a realistic
 * 500-row XLSX with broken rows, a semicolon CSV, the mapping, the choice, the job (run by the outbox
 * runner), the progress page, a re-import that updates, and what another office cannot reach.
 */

const OFFICE = 'kab-bintan';
let app: TestApp;
let ppid: Client;
let other: Client;
let desk: Client;
let officeId: number;
let actor: Actor;

before(async () => {
  app = await startTestApp({ demo: true, rateLimitPerMinute: 1_000_000 });
  ppid = new Client(app.url);
  other = new Client(app.url);
  desk = new Client(app.url);
  assert.equal((await ppid.signIn(demoEmail('ppid', OFFICE), DEMO_PASSWORD)).status, 303);
  assert.equal((await other.signIn(demoEmail('ppid', 'kab-belitung-timur'), DEMO_PASSWORD)).status, 303);
  assert.equal((await desk.signIn(demoEmail('desk', OFFICE), DEMO_PASSWORD)).status, 303);
  const db = app.running.database.db;
  officeId = (await officeBySlug(db, OFFICE))!.id;
  const member = (await staffByEmail(db, demoEmail('ppid', OFFICE)))!;
  actor = { staffId: member.id, label: member.email, ip: '', requestId: 'import-test' };
});
after(async () => app?.close());

const decode = (s: string) => s.replace(/&quot;|&#34;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const silent: JobLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

function runner(budgetMs?: number) {
  return createJobRunner({ database: app.running.database, log: silent, handlers: { [DIP_IMPORT_JOB]: dipImportJobHandler(budgetMs === undefined ? {} : { budgetMs }) } });
}

async function upload(client: Client, name: string, bytes: Uint8Array): Promise<Response> {
  const token = await client.csrfFrom('/desk/dip/impor');
  const form = new FormData();
  form.append('_csrf', token);
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  return fetch(`${app.url}/desk/dip/impor`, { method: 'POST', headers: { cookie: client.cookieHeader() }, body: form, redirect: 'manual' });
}

async function post(client: Client, path: string, fields: Record<string, string>): Promise<Response> {
  return client.post(path, { _csrf: await client.csrfFrom('/desk/dip/impor'), ...fields });
}

/** Uploads a file and answers the new import's id (from the redirect to its preview). */
async function staged(name: string, bytes: Uint8Array): Promise<number> {
  const response = await upload(ppid, name, bytes);
  assert.equal(response.status, 303, decode(await response.text()));
  const match = /^\/desk\/dip\/impor\/(\d+)\?notice=staged$/.exec(response.headers.get('location') ?? '');
  assert.ok(match, `redirected to the preview, not ${response.headers.get('location')}`);
  return Number(match[1]);
}

/** The broken rows the preview lists: row number → the text of its cell of problems. */
function brokenRows(html: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of html.matchAll(/<tr id="broken-rows-(\d+)">([\s\S]*?)<\/tr>/g)) out.set(Number(m[1]), decode(m[2]!.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' '));
  return out;
}

const count = (html: string, id: string) => Number(new RegExp(`id="${id}"[^>]*>(\\d+)<`).exec(html)?.[1]);

const importedItems = () =>
  app.running.database.db
    .select()
    .from(dipItems)
    .where(and(eq(dipItems.officeId, officeId), isNotNull(dipItems.importKey)));

// ---------------------------------------------------------------------------------------------------
// A realistic sheet: the office's DIP as kept in Excel, with a title above the table.

const UNITS = ['Subbagian Teknis Penyelenggaraan Pemilu dan Hubungan Masyarakat', 'Subbagian Perencanaan, Data dan Informasi', 'Subbagian Keuangan, Umum dan Logistik', 'Subbagian Hukum dan Sumber Daya Manusia'];
const KINDS = [
  'Daftar Pemilih Tetap',
  'Rekapitulasi Hasil Penghitungan Suara',
  'Laporan Keuangan',
  'Rencana Kerja dan Anggaran',
  'Keputusan KPU Kabupaten tentang Penetapan',
  'Daftar Calon Tetap Anggota DPRD',
  'Laporan Penerimaan dan Pengeluaran Dana Kampanye',
  'Data Tempat Pemungutan Suara',
  'Standar Operasional Prosedur Pelayanan',
  'Profil Badan Adhoc PPK dan PPS',
  'Laporan Akuntabilitas Kinerja',
  'Daftar Barang Milik Negara',
];
const PLACES = ['Bintan Timur', 'Bintan Utara', 'Teluk Bintan', 'Gunung Kijang', 'Toapaya', 'Tambelan', 'Seri Kuala Lobam', 'Teluk Sebong', 'Mantang', 'Bintan Pesisir'];
const CATEGORIES = ['Berkala', 'Serta Merta', 'Setiap Saat', 'Berkala (3 bulan)', '', 'Dikecualikan'];
const HEADERS = ['No', 'Judul Informasi', 'Ringkasan Isi Informasi', 'Pejabat/Unit yang Menguasai Informasi', 'Penanggung Jawab', 'Waktu Pembuatan', 'Tempat Pembuatan', 'Bentuk Informasi', 'Tautan', 'Lokasi Arsip', 'Jangka Waktu Penyimpanan', 'Kategori'];

/** Which rows of the first sheet are broken, and why (i is the 0-based data row). */
const BROKEN: Readonly<Record<number, string>> = { 7: 'missing title', 13: 'bad link', 21: 'neither form', 33: 'unknown category' };
const brokenKind = (i: number) => BROKEN[i % 50];
/** The data starts on sheet row 4: a title in row 1, an empty row 2, the header in row 3. */
const sheetRowOf = (i: number) => i + 4;

function dataRow(i: number, version: 1 | 2): ExcelJS.CellValue[] {
  const n = i + 1;
  const unit = UNITS[i % UNITS.length]!;
  const fixed = version === 2;
  const kind = fixed ? undefined : brokenKind(i);
  const title = kind === 'missing title' ? '' : `${KINDS[i % KINDS.length]} Kecamatan ${PLACES[i % PLACES.length]} Tahun ${2019 + (i % 6)}`;
  let summary = `Memuat ${KINDS[i % KINDS.length]!.toLowerCase()} untuk Kecamatan ${PLACES[i % PLACES.length]} yang disusun ${unit} sebagai bahan layanan informasi publik.`;
  if (version === 2 && i % 5 === 0) summary += ' Diperbarui dengan data hasil pemutakhiran terakhir.';
  const url = `https://jdih.kpu.go.id/kepri/bintan/dip/${n}`;
  let form = ['Softcopy', 'Hardcopy', 'Softcopy dan Hardcopy'][i % 3]!;
  let link: ExcelJS.CellValue = form.startsWith('Softcopy') ? (i % 6 === 0 ? { text: 'Unduh', hyperlink: url } : url) : '';
  let archive = form.includes('Hardcopy') ? `Lemari arsip ${(i % 8) + 1}, ruang ${unit.replace('Subbagian ', 'Subbag ')}` : '';
  if (kind === 'bad link') {
    form = 'Softcopy';
    link = `www.kpu-bintankab.go.id/dip/${n}`;
  }
  if (kind === 'neither form') {
    form = '-';
    link = '';
    archive = '';
  }
  const category = kind === 'unknown category' ? 'Informasi Publik Umum' : CATEGORIES[i % CATEGORIES.length]!;
  const when: ExcelJS.CellValue = i % 4 === 0 ? new Date(Date.UTC(2023, i % 12, 1)) : `${['Januari', 'Juni', 'Oktober'][i % 3]} ${2019 + (i % 6)}`;
  return [n, title, summary, unit, `Kepala ${unit}`, when, 'Bintan', form, link, archive, ['Selama berlaku', '5 tahun (JRA PKPU 17/2023)', 'Permanen'][i % 3]!, category];
}

async function dipWorkbook(rows: number, version: 1 | 2): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('DIP 2025');
  sheet.addRow(['DAFTAR INFORMASI PUBLIK KPU KABUPATEN BINTAN TAHUN 2025']);
  sheet.mergeCells('A1:L1');
  sheet.addRow([]);
  sheet.addRow(HEADERS).font = { bold: true };
  for (let i = 0; i < rows; i++) sheet.addRow(dataRow(i, version));
  const notes = book.addWorksheet('Catatan');
  notes.state = 'hidden';
  notes.addRow(['No', 'Judul', 'Ringkasan', 'catatan internal']);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function csv(lines: readonly (readonly string[])[]): Uint8Array {
  const quote = (v: string) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from(`\uFEFF${lines.map((l) => l.map(quote).join(';')).join('\r\n')}\r\n`);
}

// ---------------------------------------------------------------------------------------------------

describe('reading a sheet', () => {
  test('suggests the mapping from Indonesian and from English header names', () => {
    const id = suggestMapping(HEADERS);
    assert.deepEqual(id, { key: 0, title: 1, summary: 2, holder: 3, responsible: 4, producedWhen: 5, producedWhere: 6, form: 7, onlineLink: 8, archiveLocation: 9, retention: 10, category: 11 });
    const en = suggestMapping(['No.', 'Title', 'Summary', 'Holder', 'Person responsible', 'When produced', 'Where produced', 'Form', 'Link', 'Archive location', 'Retention period', 'Classification']);
    assert.deepEqual(en, { key: 0, title: 1, summary: 2, holder: 3, responsible: 4, producedWhen: 5, producedWhere: 6, form: 7, onlineLink: 8, archiveLocation: 9, retention: 10, category: 11 });
    const other = suggestMapping(['Nomor', 'Informasi', 'Ringkasan', 'Pejabat', 'Penanggungjawab', 'Waktu', 'Tempat', 'Softcopy', 'Hardcopy', 'URL', 'Lokasi Penyimpanan', 'Retensi Arsip', 'Klasifikasi Informasi']);
    assert.equal(other.title, 1);
    assert.equal(other.softcopy, 7);
    assert.equal(other.hardcopy, 8);
    assert.equal(other.archiveLocation, 10);
    assert.equal(other.retention, 11);
    assert.equal(other.category, 12);
    assert.equal(other.form, undefined);
  });

  test('reads forms and categories as offices write them', () => {
    assert.deepEqual(readForm('Softcopy dan Hardcopy'), { soft: true, hard: true });
    assert.deepEqual(readForm('soft copy'), { soft: true, hard: false });
    assert.deepEqual(readForm('Tercetak'), { soft: false, hard: true });
    assert.deepEqual(readForm('keduanya'), { soft: true, hard: true });
    assert.deepEqual(readForm('-'), { soft: false, hard: false });
    assert.equal(readForm('mikrofilm'), 'unknown');
    assert.deepEqual(readCategory('Berkala'), { ok: true, value: { category: 'berkala', updateMonths: 6 }, note: null });
    assert.deepEqual(readCategory('berkala (3 bulan)'), { ok: true, value: { category: 'berkala', updateMonths: 3 }, note: null });
    assert.deepEqual(readCategory('Informasi Serta-Merta'), { ok: true, value: { category: 'serta_merta', updateMonths: null }, note: null });
    assert.deepEqual(readCategory('setiap_saat'), { ok: true, value: { category: 'setiap_saat', updateMonths: null }, note: null });
    const yearly = readCategory('Berkala tahunan');
    assert.ok(yearly.ok && yearly.value === null && yearly.note, 'a period over 6 months is not applied');
    const exempt = readCategory('Dikecualikan');
    assert.ok(exempt.ok && exempt.value === null && exempt.note, 'exempt needs a DIK entry');
    assert.equal(readCategory('Rahasia umum sekali').ok, true);
    assert.equal(readCategory('Informasi Publik Umum').ok, false);
  });

  test('refuses an empty file, an empty sheet, a sheet with no header row or no rows, too many rows and a wrong type', async () => {
    const refusal = async (bytes: Uint8Array, pattern: RegExp) => {
      await assert.rejects(parseSheet(bytes), (e: unknown) => e instanceof AppError && e.status === 422 && pattern.test(e.fields.file?.id ?? ''), String(pattern));
    };
    await refusal(new Uint8Array(), /kosong/);
    await refusal(Buffer.from(' \r\n\n\t\n'), /Lembar kerja itu kosong/);
    await refusal(csv([['DAFTAR INFORMASI PUBLIK 2025'], ['1', 'Laporan', 'Bintan']]), /Baris judul kolom tidak ditemukan/);
    await refusal(csv([HEADERS]), /hanya berisi judul kolom/);
    const many = [HEADERS, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => [String(i + 1), `Judul ${i}`])];
    await refusal(csv(many), /lebih dari 5000 baris/);
    await refusal(Buffer.from('%PDF-1.7\n1 0 obj\n'), /dokumen PDF, bukan lembar kerja/);
    await refusal(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), /Excel lama/);
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Kosong');
    await refusal(new Uint8Array(await book.xlsx.writeBuffer()), /Lembar kerja itu kosong/);
    // Exactly the limit is accepted.
    const limit = await parseSheet(csv(many.slice(0, MAX_IMPORT_ROWS + 1)));
    assert.equal(limit.rows.length, MAX_IMPORT_ROWS);
  });

  test('reads the XLSX cells as a person sees them: dates, hyperlinks labelled "Unduh", numbers', async () => {
    const sheet = await parseSheet(await dipWorkbook(8, 1));
    assert.deepEqual(sheet.headers, HEADERS);
    assert.equal(sheet.rows.length, 8);
    const first = sheet.rows[0]!;
    assert.equal(first[0], '4', 'the sheet row number comes first');
    assert.equal(first[1], '1');
    assert.equal(first[6], '2023-01-01');
    assert.equal(first[9], 'https://jdih.kpu.go.id/kepri/bintan/dip/1', 'the link, not its label');
    const outcomes = judgeRows(sheet.rows, suggestMapping(sheet.headers));
    assert.deepEqual(outcomes.filter((o) => Object.keys(o.problems).length > 0).map((o) => o.row), [sheetRowOf(7)]);
  });
});

describe('import through the desk pages', () => {
  let importId: number;
  const total = 500;
  const broken = Array.from({ length: total }, (_, i) => i).filter((i) => brokenKind(i) !== undefined);

  test('the upload page shows the form and only staff with the PPID role reach it', async () => {
    const page = await ppid.get('/desk/dip/impor');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<form method="post" action="\/desk\/dip\/impor" enctype="multipart\/form-data"/);
    assert.match(html, /Belum ada impor/);
    assert.equal((await desk.get('/desk/dip/impor')).status, 403);
  });

  test('a wrong file type, an empty sheet, a sheet with no header row, an over-size file are refused with a clear message', async () => {
    const cases: [string, Uint8Array, RegExp][] = [
      ['dip.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), /dokumen PDF, bukan lembar kerja/],
      ['dip.csv', Buffer.from(' \n'), /Lembar kerja itu kosong/],
      ['dip.csv', csv([['Daftar informasi'], ['1', 'Laporan keuangan']]), /Baris judul kolom tidak ditemukan/],
      ['dip.csv', Buffer.alloc(10 * 1024 * 1024 + 1, 'a'), /melebihi batas 10 MB/],
    ];
    for (const [name, bytes, pattern] of cases) {
      const response = await upload(ppid, name, bytes);
      assert.equal(response.status, 422, name);
      const html = decode(await response.text());
      assert.match(html, pattern);
      assert.match(html, /class="error-summary"/);
      assert.match(html, /aria-invalid="true"/);
    }
    const none = await post(ppid, '/desk/dip/impor', {});
    assert.equal(none.status, 422);
    assert.match(await none.text(), /Pilih berkas XLSX atau CSV/);
    const rows = await app.running.database.db.select({ id: dipImports.id }).from(dipImports).where(eq(dipImports.officeId, officeId));
    assert.equal(rows.length, 0, 'nothing was staged');
  });

  test('a 500-row XLSX is staged and its preview lists exactly the broken rows with their reasons', async () => {
    importId = await staged('DIP KPU Bintan 2025.xlsx', await dipWorkbook(total, 1));
    const response = await ppid.get(`/desk/dip/impor/${importId}`);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.equal(count(html, 'count-rows'), total);
    assert.equal(count(html, 'count-broken'), broken.length);
    assert.equal(count(html, 'count-good'), total - broken.length);
    const listed = brokenRows(html);
    assert.deepEqual([...listed.keys()], broken.map(sheetRowOf), 'every broken row, and only those');
    for (const i of broken) {
      const said = listed.get(sheetRowOf(i))!;
      const expected = { 'missing title': /Kolom B: Judul Informasi : Judul informasi wajib diisi/, 'bad link': /Kolom I: Tautan : Tautan harus diawali http/, 'neither form': /Kolom H: Bentuk Informasi : Sebutkan bentuk yang tersedia/, 'unknown category': /Kolom L: Kategori : Kategori "Informasi Publik Umum" tidak dikenali/ }[brokenKind(i)!]!;
      assert.match(said, expected, `row ${sheetRowOf(i)}: ${said}`);
    }
    // The mapping: one select per field, the suggested column chosen.
    for (const field of IMPORT_FIELDS) assert.match(html, new RegExp(`<select id="f-map_${field}" name="map_${field}"`));
    assert.match(html, /<option value="1" selected>Kolom B: Judul Informasi<\/option>/);
    // The first 20 rows as they map, and the choice that nothing happens without.
    assert.equal((/<table id="sample-rows">[\s\S]*?<\/table>/.exec(html)?.[0].match(/<tr>\s*<th scope="row"/g) ?? []).length, 20);
    assert.match(decode(html), /40 baris rusak \(daftarnya di bawah\)\. Tidak ada yang diimpor sampai Anda memilih/);
    assert.match(html, /name="choice" value="skip_broken"/);
    assert.doesNotMatch(html, /name="choice" value="all"/);
  });

  test("'all' is refused while rows are broken, and nothing is imported", async () => {
    const response = await post(ppid, `/desk/dip/impor/${importId}/mulai`, { choice: 'all' });
    assert.equal(response.status, 409);
    assert.match(decode(await response.text()), /40 baris rusak, jadi tidak ada yang diimpor/);
    assert.equal((await importedItems()).length, 0);
    const [row] = await app.running.database.db.select().from(dipImports).where(eq(dipImports.id, importId));
    assert.equal(row!.status, 'staged');
    assert.equal((await app.running.database.db.select().from(outbox).where(eq(outbox.kind, DIP_IMPORT_JOB))).length, 0);
    const junk = await post(ppid, `/desk/dip/impor/${importId}/mulai`, { choice: 'semua' });
    assert.equal(junk.status, 422);
  });

  test("'skip_broken' starts the job; the progress page shows the numbers and refreshes itself until it is done", async () => {
    const response = await post(ppid, `/desk/dip/impor/${importId}/mulai`, { choice: 'skip_broken' });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), `/desk/dip/impor/${importId}/kemajuan?notice=started`);
    const running = await (await ppid.get(`/desk/dip/impor/${importId}/kemajuan`)).text();
    assert.match(running, /<progress id="import-progress" max="500" value="0"/);
    assert.doesNotMatch(running, /http-equiv="refresh"/, 'no page reloads itself (WCAG 2.2.1); a script updates it in place');
    assert.match(running, /<script src="\/static\/progress.js" defer>/);
    assert.match(running.replace(/<[^>]+>/g, ''), /0 dari 500 baris diproses \(0%\)/);
    const status = await (await ppid.get(`/desk/dip/impor/${importId}/kemajuan.json`)).json();
    assert.deepEqual(status, { status: 'running', done: 0, total: 500 });
    // The preview of a running import goes to its progress; it cannot be started, re-mapped or cancelled twice.
    assert.equal((await ppid.get(`/desk/dip/impor/${importId}`)).headers.get('location'), `/desk/dip/impor/${importId}/kemajuan`);
    assert.equal((await post(ppid, `/desk/dip/impor/${importId}/mulai`, { choice: 'skip_broken' })).status, 409);
    assert.equal((await post(ppid, `/desk/dip/impor/${importId}/batal`, {})).status, 409);
    assert.equal((await post(ppid, `/desk/dip/impor/${importId}/pemetaan`, { map_title: '1' })).status, 409);

    assert.deepEqual(await runner().runOnce(), { done: 1, failed: 0 });
    const done = await (await ppid.get(`/desk/dip/impor/${importId}/kemajuan`)).text();
    assert.match(done, /<progress id="import-progress" max="500" value="500"/);
    assert.match(done.replace(/<[^>]+>/g, ''), /500 dari 500 baris diproses \(100%\)/);
    assert.equal(count(done, 'report-created'), 460);
    assert.equal(count(done, 'report-updated'), 0);
    assert.equal(count(done, 'report-skipped'), 40);
    assert.equal([...done.matchAll(/<tr id="skipped-rows-(\d+)">/g)].length, 40, 'each skipped row with its reason');
    assert.match(done, /Selesai/);
  });

  test('the good rows are items: keyed by number, the unit matched, valid categories applied, others left for the PPID', async () => {
    const items = await importedItems();
    assert.equal(items.length, 460);
    assert.equal(new Set(items.map((i) => i.importKey)).size, 460);
    const byKey = new Map(items.map((i) => [i.importKey, i]));
    const berkala3 = byKey.get('no:4')!; // i = 3: "Berkala (3 bulan)"
    assert.equal(berkala3.category, 'berkala');
    assert.equal(berkala3.updateMonths, 3);
    assert.equal(berkala3.status, 'classified');
    assert.ok(berkala3.nextUpdateOn);
    assert.equal(berkala3.unitId !== null, true, 'the holder named a unit of the office');
    const blank = byKey.get('no:5')!; // i = 4: no category
    assert.equal(blank.status, 'submitted');
    assert.equal(blank.category, null);
    const exempt = byKey.get('no:6')!; // i = 5: "Dikecualikan" needs a DIK entry
    assert.equal(exempt.status, 'submitted');
    assert.equal(exempt.category, null);
    const linked = byKey.get('no:1')!;
    assert.equal(linked.onlineLink, 'https://jdih.kpu.go.id/kepri/bintan/dip/1');
    assert.equal(linked.producedWhen, '2023-01-01');
    assert.equal(byKey.has('no:8'), false, 'the row without a title was skipped');
  });

  test('the same sheet again, fixed and with changed summaries, updates instead of duplicating', async () => {
    const second = await staged('DIP KPU Bintan 2025 (perbaikan).xlsx', await dipWorkbook(total, 2));
    const preview = await (await ppid.get(`/desk/dip/impor/${second}`)).text();
    assert.equal(count(preview, 'count-broken'), 0);
    assert.match(preview, /name="choice" value="all"/);
    const start = await post(ppid, `/desk/dip/impor/${second}/mulai`, { choice: 'all' });
    assert.equal(start.status, 303);
    assert.deepEqual(await runner().runOnce(), { done: 1, failed: 0 });
    const [row] = await app.running.database.db.select().from(dipImports).where(eq(dipImports.id, second));
    assert.equal(row!.status, 'done');
    const changed = Array.from({ length: total }, (_, i) => i).filter((i) => i % 5 === 0 && brokenKind(i) === undefined).length;
    assert.deepEqual(reportOf(row!), { created: broken.length, updated: changed, unchanged: total - broken.length - changed, skipped: [], withdrawn: [] });
    const items = await importedItems();
    assert.equal(items.length, total, 'no duplicates');
    assert.equal(new Set(items.map((i) => i.importKey)).size, total);
    assert.match(items.find((i) => i.importKey === 'no:1')!.summary, /Diperbarui dengan data hasil pemutakhiran terakhir/);
    assert.doesNotMatch(items.find((i) => i.importKey === 'no:2')!.summary, /Diperbarui/);
  });

  test('the list shows past imports; the audit log records every step and its chain holds', async () => {
    const html = decode(await (await ppid.get('/desk/dip/impor')).text());
    assert.match(html, /DIP KPU Bintan 2025\.xlsx/);
    assert.match(html, /DIP KPU Bintan 2025 \(perbaikan\)\.xlsx/);
    assert.match(html, /Selesai/);
    const db = app.running.database.db;
    const actions = (await db.query.auditEvents.findMany({ where: (e, { eq: is }) => is(e.officeId, officeId) })).map((e) => e.action);
    for (const action of ['dip.import_staged', 'dip.import_started', 'dip.import_batch', 'dip.import_item_created', 'dip.import_item_updated', 'dip.import_done']) assert.ok(actions.includes(action), action);
    assert.equal(actions.filter((a) => a === 'dip.import_batch').length, 20, 'ten batches of 50 per import');
    assert.deepEqual((await verifyAuditLog(db)).problems, []);
  });

  test('another office gets 404 for every page and step of this import', async () => {
    assert.equal((await other.get(`/desk/dip/impor/${importId}`)).status, 404);
    assert.equal((await other.get(`/desk/dip/impor/${importId}/kemajuan`)).status, 404);
    for (const step of ['mulai', 'batal', 'pemetaan']) assert.equal((await post(other, `/desk/dip/impor/${importId}/${step}`, { choice: 'skip_broken' })).status, 404, step);
    assert.doesNotMatch(await (await other.get('/desk/dip/impor')).text(), /DIP KPU Bintan/);
    assert.equal((await ppid.get('/desk/dip/impor/999999')).status, 404);
    assert.equal((await ppid.get('/desk/dip/impor/abc')).status, 404);
  });
});

describe('a semicolon CSV, the mapping and cancelling', () => {
  const header = ['No.', 'Judul', 'Ringkasan', 'Pejabat/Unit yang menguasai', 'Penanggung jawab', 'Waktu pembuatan', 'Tempat pembuatan', 'Bentuk', 'Tautan', 'Lokasi arsip', 'Jangka waktu penyimpanan', 'Klasifikasi'];
  const unit = 'Subbagian Perencanaan, Data dan Informasi';
  const good = (n: number, extra: Partial<Record<number, string>> = {}) => {
    const row = [`C${n}`, `Peta Daerah Pemilihan Kabupaten Bintan ${n}`, `Peta dapil; memuat batas wilayah "dapil ${n}"\nbeserta jumlah kursi.`, unit, 'Kepala Subbagian Perencanaan', '2024', 'Bintan', 'softcopy', `https://kab-bintan.kpu.go.id/peta/${n}`, '', '5 tahun', 'Setiap saat'];
    for (const [i, v] of Object.entries(extra)) row[Number(i)] = v!;
    return row;
  };
  let csvImport: number;

  test('is read with its quoted separators and line breaks; the preview names each broken row', async () => {
    const lines = [header, good(1), good(2, { 8: 'kab-bintan.kpu.go.id/peta/2' }), good(3), good(4, { 7: 'mikrofilm' }), good(5, { 11: 'Rahasia dagang?' }), good(6, { 0: 'C1' })];
    csvImport = await staged('dip.csv', csv(lines));
    const html = await (await ppid.get(`/desk/dip/impor/${csvImport}`)).text();
    assert.equal(count(html, 'count-rows'), 6);
    const listed = brokenRows(html);
    // Records are numbered from the header (1); a quoted line break does not start a new record.
    assert.deepEqual([...listed.keys()], [2, 3, 5, 7]);
    assert.match(listed.get(3)!, /Kolom I: tautan : Tautan harus diawali http/);
    assert.match(listed.get(5)!, /Kolom H: bentuk : Bentuk "mikrofilm" tidak dikenali/);
    assert.match(listed.get(2)!, /Kolom A: no\. : Nomor ini dipakai juga di baris 7/);
    assert.match(listed.get(7)!, /Nomor ini dipakai juga di baris 2/);
    assert.match(decode(html), /Peta dapil; memuat batas wilayah "dapil 1"/);
    assert.equal(listed.has(6), false, 'a category that names something exempt is left for the PPID, not an error');
  });

  test('a changed mapping is saved and the rows are judged again; a column that is not in the sheet is refused', async () => {
    const bad = await post(ppid, `/desk/dip/impor/${csvImport}/pemetaan`, { map_title: '99', map_summary: 'x' });
    assert.equal(bad.status, 422);
    const badHtml = decode(await bad.text());
    assert.match(badHtml, /<select id="f-map_title" name="map_title" aria-describedby="f-map_title-error" aria-invalid="true"/);
    assert.match(badHtml, /Pilih salah satu kolom dari daftar/);
    // Without the number column the rows are keyed by title, so the two "C1" rows are no longer one number twice.
    const columns: Record<string, string> = { key: '', title: '1', summary: '2', holder: '3', responsible: '4', producedWhen: '5', producedWhere: '6', form: '7', softcopy: '', hardcopy: '', onlineLink: '8', archiveLocation: '9', retention: '10', category: '11' };
    const saved = await post(ppid, `/desk/dip/impor/${csvImport}/pemetaan`, Object.fromEntries(IMPORT_FIELDS.map((f) => [`map_${f}`, columns[f]!])));
    assert.equal(saved.status, 303);
    const html = await (await ppid.get(`/desk/dip/impor/${csvImport}`)).text();
    assert.deepEqual([...brokenRows(html).keys()], [3, 5]);
    assert.match(html, /<option value="" selected>— tidak dipakai —<\/option>/);
  });

  test('junk in the mapping, the choice and the query is refused, never a server error', async () => {
    for (const value of ['-1', '1e3', '2.0', '__proto__', 'x'.repeat(5000), '١', '😀', ' 2 ']) {
      const response = await post(ppid, `/desk/dip/impor/${csvImport}/pemetaan`, { map_title: value, map___proto__: '1', constructor: '1' });
      assert.ok([303, 422].includes(response.status), `${value}: ${response.status}`);
    }
    for (const choice of ['', 'ALL', '__proto__', 'all\u0000']) {
      const response = await post(ppid, `/desk/dip/impor/${csvImport}/mulai`, { choice });
      assert.ok([400, 409, 422].includes(response.status), `${choice}: ${response.status}`);
    }
    for (const query of ['?notice=__proto__', '?lang=xx']) {
      assert.equal((await ppid.get(`/desk/dip/impor/${csvImport}/kemajuan${query}`)).status, 200, query);
      assert.equal((await ppid.get(`/desk/dip/impor/${csvImport}${query}`)).status, 200, query);
    }
    const [row] = await app.running.database.db.select().from(dipImports).where(eq(dipImports.id, csvImport));
    assert.equal(row!.status, 'staged');
  });

  test('a staged import can be cancelled; then it cannot be started', async () => {
    const response = await post(ppid, `/desk/dip/impor/${csvImport}/batal`, {});
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/desk/dip/impor?notice=cancelled');
    assert.equal((await post(ppid, `/desk/dip/impor/${csvImport}/mulai`, { choice: 'skip_broken' })).status, 409);
    assert.match(await (await ppid.get(`/desk/dip/impor/${csvImport}`)).text(), /Impor ini dibatalkan/);
    const keys = (await importedItems()).map((i) => i.importKey);
    assert.ok(!keys.some((k) => k?.includes('peta daerah pemilihan')), 'nothing from the cancelled import');
  });
});

describe('the job', () => {
  const rows = 120;
  const lines = () => [
    ['No', 'Judul', 'Ringkasan', 'Unit', 'Penanggung jawab', 'Waktu', 'Tempat', 'Bentuk', 'Lokasi arsip', 'Retensi'],
    ...Array.from({ length: rows }, (_, i) => [`J-${i + 1}`, `Notulen Rapat Pleno ${i + 1}`, `Notulen rapat pleno terbuka ke-${i + 1}.`, 'Subbagian Hukum dan Sumber Daya Manusia', 'Sekretaris', '2025', 'Bintan', 'Hardcopy', 'Lemari 3', '10 tahun']),
  ];

  test('is resumable: each run of the handler may stop after a batch and the next continues from done', async () => {
    const db = app.running.database.db;
    const id = await stageImport(db, actor, { officeId }, { role: 'file', name: 'notulen.csv', bytes: Buffer.from(csv(lines())) });
    await startImport(db, actor, { officeId }, id, 'all');
    const stepwise = runner(0);
    const doneAfter: number[] = [];
    for (let run = 0; run < 3; run++) {
      assert.deepEqual(await stepwise.runOnce(), { done: 1, failed: 0 });
      doneAfter.push((await db.select().from(dipImports).where(eq(dipImports.id, id)))[0]!.done);
    }
    assert.deepEqual(doneAfter, [50, 100, 120]);
    const page = await (await ppid.get(`/desk/dip/impor/${id}/kemajuan`)).text();
    assert.match(page, /<progress id="import-progress" max="120" value="120"/);
    const [row] = await db.select().from(dipImports).where(eq(dipImports.id, id));
    assert.equal(row!.status, 'done');
    assert.equal(reportOf(row!).created, rows);
    const jobs = await db.select().from(outbox).where(eq(outbox.kind, DIP_IMPORT_JOB));
    assert.deepEqual(jobs.filter((j) => j.dedupeKey?.startsWith(`dip.import:${id}`)).map((j) => [j.dedupeKey, j.status]), [
      [`dip.import:${id}`, 'done'],
      [`dip.import:${id}:50`, 'done'],
      [`dip.import:${id}:100`, 'done'],
    ]);
  });

  test('is idempotent per row: running the batches again finds each item by its key', async () => {
    const db = app.running.database.db;
    const [last] = await db.select().from(dipImports).where(eq(dipImports.fileName, 'notulen.csv'));
    const before = (await importedItems()).length;
    await db.update(dipImports).set({ status: 'running', done: 0 }).where(eq(dipImports.id, last!.id));
    for (let finished = false; !finished; ) ({ finished } = await runImportBatch(db, last!.id, 'all', actor));
    assert.equal((await importedItems()).length, before);
    const [row] = await db.select().from(dipImports).where(eq(dipImports.id, last!.id));
    assert.equal(reportOf(row!).unchanged, rows);
    assert.equal(reportOf(row!).created, rows, 'the first run only');
    // A finished import stays finished when its message runs again.
    assert.deepEqual(await runImportBatch(db, last!.id, 'all', actor), { finished: true, done: rows });
  });
});
