import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { Client, startTestApp, type TestApp } from '../../test/support/app.ts';
import type { Actor } from '../kernel/audit/store.ts';
import { readPdf } from '../letters/test-pdf.ts';
import { todayIn } from '../offices/portal.tsx';
import { DEMO_PASSWORD, demoEmail } from '../offices/seed.ts';
import { officeBySlug, staffByEmail } from '../offices/store.ts';
import type { IntakeForm } from '../requests/rules.ts';
import { handOver, newSubmissionKey, submitRequest } from '../requests/service.ts';
import { previousMonth } from './rules.ts';

/** The pages and downloads through the running program, signed in as each role that may (or may not) see them. */

let app: TestApp;
const NIK = '2101014101900001';
const numbers: string[] = [];
let walkInNumber = '';
let thisMonth = '';

const FORM: IntakeForm = {
  channel: 'online',
  applicantType: 'individual',
  name: 'Sari Pemohon',
  nik: NIK,
  legalNumber: '',
  address: 'Jl. Raya Tanjung Uban',
  phone: '081234567890',
  email: 'sari@example.id',
  occupation: 'Mahasiswa',
  proxyName: '',
  information: 'Data pemilih per kecamatan',
  purpose: 'Penelitian <skripsi>',
  obtainMethod: 'copy',
  deliveryMethod: 'email',
  consent: 'yes',
};

before(async () => {
  app = await startTestApp({ demo: true });
  const db = app.running.database.db;
  const office = (await officeBySlug(db, 'kab-bintan'))!;
  thisMonth = todayIn(office.timeZone).slice(0, 7);
  const member = (await staffByEmail(db, demoEmail('desk', 'kab-bintan')))!;
  const desk: Actor = { staffId: member.id, label: member.email, ip: '', requestId: 't' };
  const ctx = { baseUrl: app.url };
  const online = await submitRequest(db, { staffId: null, label: 'anonymous', ip: '', requestId: 't' }, { officeId: office.id, form: FORM, submissionKey: newSubmissionKey(), files: [] }, ctx);
  const walkIn = await submitRequest(db, desk, { officeId: office.id, form: { ...FORM, channel: 'walk_in', consent: '' }, submissionKey: newSubmissionKey(), files: [] }, ctx);
  await handOver(db, desk, { officeId: office.id }, walkIn.request.id, { items: ['Rekap DPT'], note: '' }, ctx);
  numbers.push(online.request.number, walkIn.request.number);
  walkInNumber = walkIn.request.number;
});
after(async () => app?.close());

async function as(key: string, slug = 'kab-bintan'): Promise<Client> {
  const client = new Client(app.url);
  const response = await client.signIn(demoEmail(key, slug), DEMO_PASSWORD);
  assert.equal(response.status, 303);
  return client;
}

function assertOnePage(html: string): void {
  assert.match(html, /<html lang="(id|en)"/);
  assert.equal(html.match(/<h1[\s>]/g)?.length, 1);
}

describe('register, supervision and monthly report pages', () => {
  test('the register lists the office requests with the NIK masked and escaped text, filtered by channel', async () => {
    const desk = await as('desk');
    const response = await desk.get('/desk/register');
    assert.equal(response.status, 200);
    const html = await response.text();
    assertOnePage(html);
    for (const n of numbers) assert.ok(html.includes(n), n);
    assert.ok(html.includes('2101********0001'));
    assert.ok(!html.includes(NIK));
    assert.ok(html.includes('Penelitian &lt;skripsi>') && !html.includes('<skripsi>'));
    assert.ok(html.includes('2 permohonan'));
    const walkIns = await (await desk.get('/desk/register?from=&to=&status=&channel=walk_in&decision=')).text();
    assert.ok(walkIns.includes(walkInNumber) && !walkIns.includes(numbers[0]!));
    const full = await (await desk.get('/desk/register?from=&to=&status=&channel=&decision=full&lang=en')).text();
    assert.ok(full.includes(walkInNumber) && !full.includes(numbers[0]!) && full.includes('1 requests'));
  });

  test('a bad filter comes back as a 422 page that says what is wrong and keeps what was typed', async () => {
    const desk = await as('desk');
    const response = await desk.get('/desk/register?from=2026-13-45&to=&status=zzz&channel=&decision=');
    assert.equal(response.status, 422);
    const html = await response.text();
    assertOnePage(html);
    assert.ok(html.includes('class="error-summary"'));
    assert.ok(html.includes('Tulis tanggal dengan format TTTT-BB-HH, antara tahun 2000 dan 2099.'));
    assert.ok(html.includes('value="2026-13-45"'));
    assert.equal((await desk.get('/desk/register.xlsx?from=bad')).status, 422);
  });

  test('the register downloads: XLSX and PDF with the same filter, named files, no unmasked NIK', async () => {
    const atasan = await as('atasan');
    const xlsx = await atasan.get('/desk/register.xlsx?from=&to=&status=&channel=&decision=');
    assert.equal(xlsx.status, 200);
    assert.equal(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(xlsx.headers.get('content-disposition') ?? '', /^attachment; filename="register-pelayanan-informasi_awal_\d{4}-\d{2}-\d{2}\.xlsx";/);
    assert.equal(xlsx.headers.get('cache-control'), 'private, no-store');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const values: string[] = [];
    book.getWorksheet('Register')!.eachRow((row) => row.eachCell((cell) => values.push(String(cell.value))));
    for (const n of numbers) assert.ok(values.includes(n), n);
    assert.ok(!values.some((v) => v.includes(NIK)));
    const pdf = await atasan.get('/desk/register.pdf?channel=walk_in');
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.match(pdf.headers.get('content-disposition') ?? '', /filename="register-pelayanan-informasi_awal_\d{4}-\d{2}-\d{2}\.pdf"/);
    const text = (await readPdf(new Uint8Array(await pdf.arrayBuffer()))).text;
    assert.ok(text.includes(walkInNumber) && !text.includes(numbers[0]!));
    assert.ok(text.includes('Saluran: Datang langsung'));
    assert.ok(!text.includes(NIK));
  });

  test('who may see what: the unit and the admin are refused; another office sees none of these rows', async () => {
    const unit = await as('unit');
    for (const path of ['/desk/register', '/desk/register.xlsx', '/desk/supervisi', '/desk/laporan-bulanan', '/desk/laporan-bulanan.pdf']) assert.equal((await unit.get(path)).status, 403, path);
    const admin = await as('admin');
    for (const path of ['/desk/register', '/desk/register.pdf', '/desk/supervisi', '/desk/laporan-bulanan.xlsx']) assert.equal((await admin.get(path)).status, 403, path);
    const desk = await as('desk');
    assert.equal((await desk.get('/desk/supervisi')).status, 403);
    assert.equal((await desk.get('/desk/laporan-bulanan')).status, 403);
    const atasan = await as('atasan');
    assert.equal((await atasan.get('/desk/supervisi')).status, 403);
    const stranger = await as('ppid', 'kab-belitung-timur');
    const html = await (await stranger.get('/desk/register?from=&to=&status=&channel=&decision=')).text();
    assert.ok(!numbers.some((n) => html.includes(n)));
    assert.ok(html.includes('Tidak ada permohonan yang sesuai'));
    const report = await (await stranger.get(`/desk/laporan-bulanan?bulan=${thisMonth}`)).text();
    assert.ok(report.includes('Tidak ada permohonan informasi yang diterima'));
    assert.equal((await new Client(app.url).get('/desk/register')).status, 303, 'signed out: to the sign-in page');
  });

  test("the PPID's daily supervision counts today's intake and answers, with links to the requests", async () => {
    const ppid = await as('ppid');
    const response = await ppid.get('/desk/supervisi');
    assert.equal(response.status, 200);
    const html = await response.text();
    assertOnePage(html);
    assert.match(html, /<span class="count">2<\/span> Permohonan masuk/);
    assert.match(html, /<span class="count">1<\/span> Dijawab/);
    assert.ok(html.includes('/desk/permohonan/'));
    assert.ok(html.includes('Rina Petugas'), 'the desk officer who entered the walk-in');
    assert.ok(html.includes('Portal (daring, tanpa petugas)'));
    const bad = await ppid.get('/desk/supervisi?tanggal=2999-01-01');
    assert.equal(bad.status, 422);
    assert.ok((await bad.text()).includes('Tanggal supervisi tidak boleh setelah hari ini.'));
  });

  test('the monthly report: figures from the register rows, an accessible chart, the downloads', async () => {
    const atasan = await as('atasan');
    const response = await atasan.get(`/desk/laporan-bulanan?bulan=${thisMonth}`);
    assert.equal(response.status, 200);
    const html = await response.text();
    assertOnePage(html);
    assert.ok(html.includes('dihitung dari 2 baris register'));
    assert.match(html, /<svg[^>]*role="img"[^>]*aria-labelledby="chart-channel-title chart-channel-desc"/);
    assert.ok(html.includes('<title id="chart-channel-title">Permohonan diterima menurut saluran</title>'));
    assert.ok(html.includes('Daring (portal): 1; Datang langsung: 1'));
    assert.ok(html.includes(`href="/desk/laporan-bulanan.pdf?bulan=${thisMonth}"`));
    assert.ok(html.includes('<h2 id="cases-h">Keberatan dan sengketa informasi</h2>'));
    assert.ok(html.includes('Tidak ada keberatan yang diterima dan tidak ada sengketa informasi yang diajukan'), 'no table of zeros for a month without objections');
    // The walk-in count links to the register rows it was counted from.
    const link = html.match(/href="(\/desk\/register\?[^"]*channel=walk_in[^"]*)"/)?.[1]?.replace(/&amp;/g, '&');
    assert.ok(link, 'the count links to the register');
    const register = await (await atasan.get(link)).text();
    assert.ok(register.includes(walkInNumber) && !register.includes(numbers[0]!));
    assert.ok(register.includes('1 permohonan'));

    const pdf = await atasan.get(`/desk/laporan-bulanan.pdf?bulan=${thisMonth}`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.ok(pdf.headers.get('content-disposition')?.startsWith(`attachment; filename="laporan-bulanan-ppid_${thisMonth}.pdf";`));
    const text = (await readPdf(new Uint8Array(await pdf.arrayBuffer()))).text;
    assert.ok(text.includes('LAPORAN BULANAN LAYANAN INFORMASI PUBLIK') && text.includes('KABUPATEN BINTAN'));
    const xlsx = await atasan.get(`/desk/laporan-bulanan.xlsx?bulan=${thisMonth}&lang=en`);
    assert.equal(xlsx.status, 200);
    assert.ok(xlsx.headers.get('content-disposition')?.startsWith(`attachment; filename="laporan-bulanan-ppid_${thisMonth}.xlsx";`));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    assert.deepEqual(book.worksheets.map((s) => s.name), ['Figures', 'Register']);
    assert.equal(book.getWorksheet('Register')!.rowCount, 3);
  });

  test('last month (the default) has no requests and says so; a future or malformed month is a 422', async () => {
    const ppid = await as('ppid');
    const empty = await ppid.get('/desk/laporan-bulanan');
    assert.equal(empty.status, 200);
    const html = await empty.text();
    assert.ok(html.includes('Tidak ada permohonan informasi yang diterima'));
    assert.ok(!html.includes('role="img"'), 'no chart of zeros');
    assert.ok(html.includes(`value="${previousMonth(`${thisMonth}-01`)}"`));
    for (const month of ['2999-01', 'bulan', '2026-13']) {
      const response = await ppid.get(`/desk/laporan-bulanan?bulan=${month}`);
      assert.equal(response.status, 422, month);
      const page = await response.text();
      assertOnePage(page);
      assert.ok(page.includes('class="error-summary"'));
    }
    assert.ok((await (await ppid.get('/desk/laporan-bulanan?bulan=2999-01&lang=en')).text()).includes('January 2999 has not come yet'));
    assert.equal((await ppid.get('/desk/laporan-bulanan.pdf?bulan=2999-01')).status, 422);
    assert.equal((await ppid.get('/desk/laporan-bulanan.xlsx?bulan=x')).status, 422);
  });
});
