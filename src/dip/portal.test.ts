import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { Client, startTestApp, type TestApp } from '../../test/support/app.ts';
import { ENGINE } from '../../test/support/db.ts';
import { dipItemFiles } from '../db/schema.ts';
import type { Actor } from '../kernel/audit/store.ts';
import { parseCsv } from '../kernel/csv.ts';
import { renderPdf } from '../letters/render.ts';
import { readPdf } from '../letters/test-pdf.ts';
import { todayIn } from '../offices/portal.tsx';
import { demoEmail } from '../offices/seed.ts';
import { officeBySlug, staffByEmail, unitsOfOffice } from '../offices/store.ts';
import { TABLE_COLUMNS } from './exports.ts';
import type { ItemForm } from './rules.ts';
import { addDikEntry, classifyItem, createEdition, establishEdition, orderEdition, submitEdition, submitItem, updateItem, withdrawItem } from './service.ts';

/**
 * The PPID website's DIP pages through plain HTTP, on a DIP built with the service functions: two
 * ordered editions of KPU Kabupaten Bintan (the second adds, changes and withdraws an item) and a
 * third established but not ordered, whose new item must stay invisible everywhere.
 */

const OFFICE = 'kab-bintan';
const ctx = { baseUrl: 'http://lentera.test' };
let app: TestApp;
const web = () => new Client(app.url);
const ids: Record<'dpt' | 'report' | 'flood' | 'plan' | 'draft' | 'unclassified' | 'reportFile' | 'draftFile', number> = {} as never;
let unitNames: [string, string];

const TITLES = {
  dpt: 'Daftar Pemilih Tetap Pemilu 2024 per kecamatan',
  report: 'Laporan <script>alert("x")</script> layanan informasi 2025',
  flood: 'Pengumuman siaga banjir di kantor',
  plan: 'Rencana kerja dan anggaran KPU Kabupaten Bintan 2026',
  draft: 'Notulen rapat pleno yang belum terbit',
  unclassified: 'Surat masuk yang belum diklasifikasi',
};

function item(title: string, overrides: Partial<ItemForm> = {}): ItemForm {
  return {
    title,
    summary: `Ringkasan: ${title.toLowerCase()} untuk masyarakat Kabupaten Bintan.`,
    holder: 'Subbagian Teknis Penyelenggaraan Pemilu',
    responsible: 'Kepala Subbagian Teknis',
    producedWhen: 'Juni 2025',
    producedWhere: 'Bintan',
    hasSoftcopy: false,
    hasHardcopy: true,
    onlineLink: '',
    archiveLocation: 'Lemari arsip 2, ruang teknis',
    retention: '10 tahun (JRA PKPU 17/2023)',
    ...overrides,
  };
}

const pdfWith = async (line: string) => renderPdf({ content: [{ text: line }] });

before(async () => {
  app = await startTestApp({ demo: true, rateLimitPerMinute: 1_000_000 });
  const db = app.running.database.db;
  const actorFor = async (key: string, slug = OFFICE): Promise<Actor> => {
    const member = (await staffByEmail(db, demoEmail(key, slug)))!;
    return { staffId: member.id, label: member.email, ip: '', requestId: 'portal-test' };
  };
  const [ppid, atasan, ppidRi] = await Promise.all([actorFor('ppid'), actorFor('atasan'), actorFor('ppid', 'ri')]);
  const scope = { officeId: (await officeBySlug(db, OFFICE))!.id };
  const [unitA, unitB] = await unitsOfOffice(db, scope);
  unitNames = [unitA!.name, unitB!.name];
  const today = todayIn('Asia/Jakarta');

  const classified = async (form: ItemForm, unitId: number, category: string, files: { name: string; bytes: Buffer }[] = []) => {
    const id = await submitItem(db, ppid, scope, { callId: null, unitId, form, files: files.map((f) => ({ role: 'files', ...f })) });
    await classifyItem(db, ppid, scope, id, { category, updateMonths: category === 'berkala' ? '6' : '', dikEntryId: '', documentationChecked: true }, ctx);
    return id;
  };
  const publish = async (skNumber: string) => {
    const edition = await createEdition(db, ppid, scope);
    await establishEdition(db, ppid, scope, edition, { skNumber, skDate: today, skPdf: undefined }, ctx);
    await submitEdition(db, ppid, scope, edition, ctx);
    await orderEdition(db, atasan, scope, edition);
  };

  ids.dpt = await classified(item(TITLES.dpt), unitA!.id, 'berkala');
  ids.report = await classified(item(TITLES.report, { hasSoftcopy: true, onlineLink: 'https://jdih.kpu.go.id/laporan-2025' }), unitB!.id, 'setiap_saat', [
    { name: 'laporan-2025.pdf', bytes: await pdfWith('Laporan layanan informasi publik tahun 2025.') },
  ]);
  ids.flood = await classified(item(TITLES.flood), unitA!.id, 'serta_merta');
  await publish('12/PPID/2026');

  await updateItem(db, ppid, scope, ids.dpt, { form: item(TITLES.dpt, { summary: 'Rekapitulasi DPT per kecamatan, diperbarui dengan pemutakhiran berkelanjutan.' }), files: [] });
  await withdrawItem(db, ppid, scope, ids.flood, 'Masa siaga sudah berakhir.');
  ids.plan = await classified(item(TITLES.plan), unitB!.id, 'berkala');
  await publish('20/PPID/2026');

  // A third edition, established but never ordered: its new item and file are not public.
  ids.draft = await classified(item(TITLES.draft, { hasSoftcopy: true }), unitA!.id, 'setiap_saat', [{ name: 'notulen.pdf', bytes: await pdfWith('Notulen rapat pleno.') }]);
  const draft = await createEdition(db, ppid, scope);
  await establishEdition(db, ppid, scope, draft, { skNumber: '31/PPID/2026', skDate: today, skPdf: undefined }, ctx);
  ids.unclassified = await submitItem(db, ppid, scope, { callId: null, unitId: unitA!.id, form: item(TITLES.unclassified), files: [] });
  ids.reportFile = (await db.select({ id: dipItemFiles.id }).from(dipItemFiles).where(eq(dipItemFiles.itemId, ids.report)))[0]!.id;
  ids.draftFile = (await db.select({ id: dipItemFiles.id }).from(dipItemFiles).where(eq(dipItemFiles.itemId, ids.draft)))[0]!.id;

  // The DIK: KPU RI's entry applies to Bintan; Bintan's own proposal is not in force.
  const dik = {
    title: 'Data pribadi pemilih (NIK, alamat)',
    pasal17: 'h',
    otherLaw: '',
    harm: 'Membuka data pribadi yang dilindungi UU 27/2022.',
    publicInterest: 'Perlindungan data pribadi lebih besar dari manfaat membukanya.',
    periodText: 'Selama data pribadi melekat',
    periodEndsOn: '',
    decidedBy: 'Tim uji konsekuensi KPU RI',
    decidedOn: today,
  };
  await addDikEntry(db, ppidRi, { officeId: (await officeBySlug(db, 'ri'))!.id }, dik, ctx);
  await addDikEntry(db, ppid, scope, { ...dik, title: 'Dokumen pengadaan logistik yang belum selesai', pasal17: 'b' }, ctx);
});
after(async () => app?.close());

const html = async (path: string, status = 200): Promise<string> => {
  const response = await web().get(path);
  const body = await response.text();
  assert.equal(response.status, status, `${path}: ${body.slice(0, 300)}`);
  return body;
};
const REPORT_ESCAPED = 'Laporan &lt;script>alert(&#34;x&#34;)&lt;/script> layanan informasi 2025';

describe(`the PPID website's DIP (${ENGINE})`, () => {
  test('the DIP page shows the ordered edition with the official columns, escaped; nothing of the draft', async () => {
    const page = await html(`/${OFFICE}/dip`);
    assert.ok(page.includes('Edisi ke-2') && page.includes('20/PPID/2026'), 'edition and SK');
    for (const header of ['Judul dan ringkasan', 'Pejabat/unit yang menguasai informasi', 'Penanggung jawab pembuatan informasi', 'Waktu dan tempat pembuatan', 'Bentuk informasi', 'Jangka waktu penyimpanan', 'Kategori']) {
      assert.ok(page.includes(header), `column ${header}`);
    }
    assert.ok(page.includes(TITLES.dpt) && page.includes(TITLES.plan) && page.includes(REPORT_ESCAPED));
    assert.ok(!page.includes('<script>alert'), 'the title is escaped');
    assert.ok(page.includes(`href="/${OFFICE}/dip/${ids.dpt}"`), 'each title links to its page');
    assert.ok(page.includes('href="https://jdih.kpu.go.id/laporan-2025"') && page.includes('Lemari arsip 2, ruang teknis'), 'the form: link and archive location');
    assert.ok(page.includes('10 tahun (JRA PKPU 17/2023)'), 'retention');
    for (const hidden of [TITLES.flood, TITLES.draft, TITLES.unclassified, '31/PPID/2026']) assert.ok(!page.includes(hidden), `${hidden} is not shown`);
    const en = await html(`/${OFFICE}/dip?lang=en`);
    assert.ok(en.includes('Edition 2') && en.includes('Title and summary'));
  });

  test('category tabs and the unit filter narrow the table', async () => {
    const berkala = await html(`/${OFFICE}/dip?kategori=berkala`);
    assert.ok(berkala.includes(TITLES.dpt) && berkala.includes(TITLES.plan) && !berkala.includes(REPORT_ESCAPED));
    assert.match(berkala, /<a href="\/kab-bintan\/dip\?kategori=berkala" aria-current="page">/);
    const anytime = await html(`/${OFFICE}/dip?kategori=setiap_saat`);
    assert.ok(anytime.includes(REPORT_ESCAPED) && !anytime.includes(TITLES.dpt));
    const immediate = await html(`/${OFFICE}/dip?kategori=serta_merta`);
    assert.ok(immediate.includes('Tidak ada informasi untuk pilihan ini.'));
    const unitB = await html(`/${OFFICE}/dip?unit=${encodeURIComponent(unitNames[1])}`);
    assert.ok(unitB.includes(TITLES.plan) && unitB.includes(REPORT_ESCAPED) && !unitB.includes(TITLES.dpt));
    const both = await html(`/${OFFICE}/dip?kategori=berkala&unit=${encodeURIComponent(unitNames[1])}`);
    assert.ok(both.includes(TITLES.plan) && !both.includes(REPORT_ESCAPED) && !both.includes(TITLES.dpt));
    const junk = await html(`/${OFFICE}/dip?kategori=dikecualikan&unit=`);
    assert.ok(junk.includes(TITLES.dpt) && junk.includes(TITLES.plan), 'an unknown category shows everything');
  });

  test('search: stems, highlights, escapes, forgives a typo; a province searches its regencies', async () => {
    const stemmed = await html(`/${OFFICE}/dip/cari?q=pemilihan`);
    assert.match(stemmed, /<mark>Pemilih<\/mark> Tetap/);
    assert.ok(stemmed.includes(`href="/${OFFICE}/dip/${ids.dpt}"`));
    const report = await html(`/${OFFICE}/dip/cari?q=${encodeURIComponent('laporan layanan')}`);
    assert.ok(report.includes(`href="/${OFFICE}/dip/${ids.report}"`));
    assert.ok(report.includes('&lt;script>alert(&#34;x&#34;)&lt;/script>') && !report.includes('<script>alert'), 'the title is escaped before the marks');
    assert.match(report, /<mark>Laporan<\/mark>/);
    const typo = await html(`/${OFFICE}/dip/cari?q=${encodeURIComponent('rencna kerja dan anggaran')}`);
    assert.ok(typo.includes(`href="/${OFFICE}/dip/${ids.plan}"`), 'a mistyped query still finds the plan');
    const hostile = await html(`/${OFFICE}/dip/cari?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    // Text is escaped; inside the quoted value attribute the markup is inert, and it is the only place it appears.
    assert.ok(hostile.includes('“&lt;script>alert(1)&lt;/script>”'), 'the query is escaped in the heading');
    assert.equal(hostile.split('<script>alert(1)').length, 2);
    assert.ok(hostile.includes('value="<script>alert(1)</script>"'));
    assert.ok((await html(`/${OFFICE}/dip/cari?q=${encodeURIComponent('notulen pleno')}`)).includes('Tidak ada hasil'), "the draft edition's item is not found");
    const province = await html(`/prov-kepri/dip/cari?q=pemilih`);
    assert.ok(province.includes(`href="/${OFFICE}/dip/${ids.dpt}"`) && province.includes('Komisi Pemilihan Umum Kabupaten Bintan'), "the province's search finds the regency's item, on the regency's portal");
    assert.ok((await html(`/kab-belitung-timur/dip/cari?q=pemilih`)).includes('Tidak ada hasil'), 'a regency searches only its own DIP');
    assert.ok(!(await html(`/${OFFICE}/dip/cari`)).includes('hasil untuk'), 'no query, only the form');
  });

  test('an item page has every field, its files and its edition; a file downloads', async () => {
    const page = await html(`/${OFFICE}/dip/${ids.report}`);
    for (const expected of [REPORT_ESCAPED, 'Subbagian Teknis Penyelenggaraan Pemilu', 'Kepala Subbagian Teknis', 'Juni 2025', 'Bintan', '10 tahun (JRA PKPU 17/2023)', 'Lemari arsip 2, ruang teknis', 'https://jdih.kpu.go.id/laporan-2025', 'Informasi tersedia setiap saat', unitNames[1], 'Edisi ke-2', 'laporan-2025.pdf']) {
      assert.ok(page.includes(expected), `missing ${expected}`);
    }
    assert.ok(!page.includes('<script>alert'));
    const file = await web().get(`/${OFFICE}/dip/${ids.report}/berkas/${ids.reportFile}`);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    assert.match(file.headers.get('content-disposition') ?? '', /^attachment; filename="laporan-2025\.pdf"/);
    assert.match((await readPdf(new Uint8Array(await file.arrayBuffer()))).text, /Laporan layanan informasi publik tahun 2025/);
    const dpt = await html(`/${OFFICE}/dip/${ids.dpt}`);
    assert.ok(dpt.includes('diperbarui setiap 6 bulan') && dpt.includes('pemutakhiran berkelanjutan'), 'the item as the latest edition has it');
  });

  test('what is not published is a 404: withdrawn, draft edition, unclassified, other offices, foreign files, junk ids', async () => {
    for (const path of [
      `/${OFFICE}/dip/${ids.flood}`,
      `/${OFFICE}/dip/${ids.draft}`,
      `/${OFFICE}/dip/${ids.unclassified}`,
      `/${OFFICE}/dip/${ids.draft}/berkas/${ids.draftFile}`,
      `/${OFFICE}/dip/${ids.report}/berkas/${ids.draftFile}`,
      `/kab-belitung-timur/dip/${ids.dpt}`,
      `/kab-belitung-timur/dip/${ids.report}/berkas/${ids.reportFile}`,
      `/${OFFICE}/dip/0`,
      `/${OFFICE}/dip/abc`,
      `/${OFFICE}/dip/99999999999`,
      `/${OFFICE}/dip/${ids.report}/berkas/x`,
      '/tidak-ada-kantor/dip',
      '/tidak-ada-kantor/dik',
      '/tidak-ada-kantor/dip.json',
    ]) {
      const response = await web().get(path);
      assert.equal(response.status, 404, path);
      const body = await response.text();
      assert.ok(!body.includes(TITLES.draft) && !body.includes('Notulen'), `${path} shows nothing unpublished`);
    }
  });

  test('the DIK in force, with its reasons; proposals are not shown', async () => {
    const page = await html(`/${OFFICE}/dik`);
    for (const expected of ['Data pribadi pemilih (NIK, alamat)', 'h. mengungkap rahasia pribadi', 'Membuka data pribadi yang dilindungi UU 27/2022.', 'Perlindungan data pribadi lebih besar dari manfaat membukanya.', 'Selama data pribadi melekat', 'Tim uji konsekuensi KPU RI', 'KPU RI']) {
      assert.ok(page.includes(expected), `missing ${expected}`);
    }
    assert.ok(!page.includes('Dokumen pengadaan logistik'), 'a proposal is not in force');
    assert.ok((await html('/kab-belitung-timur/dik')).includes('Data pribadi pemilih'), "KPU RI's entry applies to every regency");
  });

  test('the history shows each ordered edition and what changed', async () => {
    const page = await html(`/${OFFICE}/dip/riwayat`);
    const second = page.slice(page.indexOf('id="edition-2"'), page.indexOf('id="edition-1"'));
    assert.ok(second.includes('20/PPID/2026'));
    assert.match(second, /Ditambahkan \(1\)[\s\S]*Rencana kerja dan anggaran/);
    assert.match(second, /Diubah \(1\)[\s\S]*Daftar Pemilih Tetap[\s\S]*ringkasan isi informasi/);
    assert.match(second, /Ditarik \(1\)[\s\S]*Pengumuman siaga banjir/);
    const first = page.slice(page.indexOf('id="edition-1"'));
    assert.ok(first.includes('12/PPID/2026') && first.includes('Penetapan pertama'));
    assert.ok(!page.includes('31/PPID/2026') && !page.includes(TITLES.draft), 'the unordered edition is not history');
    assert.ok((await html('/kab-belitung-timur/dip/riwayat')).includes('belum menerbitkan'));
    assert.ok((await html('/kab-belitung-timur/dip')).includes('belum menerbitkan'));
  });

  const published = () => [TITLES.dpt, TITLES.report, TITLES.plan];

  test('the PDF: the official table in landscape on the letterhead, every row', async () => {
    const response = await web().get(`/${OFFICE}/dip.pdf`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    assert.match(response.headers.get('content-disposition') ?? '', /filename="dip-kab-bintan-edisi-2\.pdf"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    assert.match(Buffer.from(bytes).toString('latin1'), /\/MediaBox \[0 0 841\.89 595\.28\]/, 'A4 landscape');
    const text = (await readPdf(bytes)).text.replace(/\s+/g, ' ');
    for (const expected of ['KOMISI PEMILIHAN UMUM', 'DAFTAR INFORMASI PUBLIK', '20/PPID/2026', 'Jangka Waktu Penyimpanan', ...published()]) assert.ok(text.includes(expected), `PDF lacks ${expected}`);
    assert.ok(!text.includes(TITLES.flood) && !text.includes(TITLES.draft));
  });

  test('the XLSX: one row per item under the stable header', async () => {
    const response = await web().get(`/${OFFICE}/dip.xlsx`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(response.headers.get('content-disposition') ?? '', /filename="dip-kab-bintan-edisi-2\.xlsx"/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const sheet = book.getWorksheet('DIP')!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    assert.deepEqual(rows[0]!.slice(1), TABLE_COLUMNS.map((c) => c.header));
    assert.deepEqual(rows.slice(1).map((r) => r[2]), published());
    assert.deepEqual(rows.slice(1).map((r) => r[1]), [1, 2, 3]);
    assert.ok(book.getWorksheet('Keterangan'));
  });

  test('the CSV: UTF-8 with BOM, RFC 4180, Indonesian header, every row', async () => {
    const response = await web().get(`/${OFFICE}/dip.csv`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    assert.match(response.headers.get('content-disposition') ?? '', /filename="dip-kab-bintan-edisi-2\.csv"/);
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const textIn = bytes.toString('utf8');
    assert.ok(textIn.includes('\r\n'));
    const [header, ...rows] = parseCsv(textIn);
    assert.deepEqual(header, TABLE_COLUMNS.map((c) => c.header));
    assert.equal(header![0], 'No.');
    assert.deepEqual(rows.map((r) => r[1]), published(), 'the quoted title with quotes comes back whole');
    assert.deepEqual(rows.map((r) => r[13]), ['berkala', 'setiap_saat', 'berkala']);
    assert.ok(rows.every((r) => r.length === TABLE_COLUMNS.length));
  });

  test('the JSON: documented keys, every item, file links', async () => {
    const response = await web().get(`/${OFFICE}/dip.json`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.match(response.headers.get('content-disposition') ?? '', /filename="dip-kab-bintan-edisi-2\.json"/);
    const data = await response.json();
    assert.deepEqual(Object.keys(data), ['format', 'office', 'edition', 'generatedAt', 'items']);
    assert.equal(data.format, 'lentera-dip/1');
    assert.equal(data.office.slug, OFFICE);
    assert.equal(data.edition.number, 2);
    assert.equal(data.edition.skNumber, '20/PPID/2026');
    assert.deepEqual(data.items.map((i: { title: string }) => i.title), published());
    assert.deepEqual(Object.keys(data.items[0]), ['no', 'id', 'url', 'title', 'summary', 'holder', 'responsible', 'producedWhen', 'producedWhere', 'softcopy', 'hardcopy', 'onlineLink', 'archiveLocation', 'retention', 'category', 'updateMonths', 'unit', 'files']);
    const report = data.items[1];
    assert.equal(report.id, ids.report);
    assert.equal(report.files.length, 1);
    assert.ok(report.files[0].url.endsWith(`/${OFFICE}/dip/${ids.report}/berkas/${ids.reportFile}`));
    assert.equal((await web().get(new URL(report.files[0].url).pathname)).status, 200, 'the file link works');
    assert.equal((await web().get('/kab-belitung-timur/dip.json')).status, 404, 'nothing published, no file');
  });

  test("the office's home page links to the DIP, the DIK, search and its public pages", async () => {
    const page = await html(`/${OFFICE}`);
    for (const path of ['dip', 'dip/cari', 'dik', 'profil', 'maklumat', 'layanan', 'prosedur', 'regulasi']) assert.ok(page.includes(`href="/${OFFICE}/${path}"`), path);
  });
});
