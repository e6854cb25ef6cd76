import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { Client, startTestApp, type TestApp } from '../../test/support/app.ts';
import { checkA11y, launchBrowser, navigateBy, newContext, signIn } from '../../test/support/browser.ts';
import { ENGINE } from '../../test/support/db.ts';
import type { Actor } from '../kernel/audit/store.ts';
import { readPdf } from '../letters/test-pdf.ts';
import { DEMO_PASSWORD, demoEmail } from '../offices/seed.ts';
import { officeBySlug, staffByEmail, type OfficeRow } from '../offices/store.ts';
import type { IntakeForm } from '../requests/rules.ts';
import { handOver, newSubmissionKey, submitRequest } from '../requests/service.ts';
import { versionsOf } from './annual-service.ts';

/** The annual report's pages and files through the running program, as each role that may (or may not) use them. */

let app: TestApp;
let office: OfficeRow;
let desk: Actor;
const anonymous: Actor = { staffId: null, label: 'anonymous', ip: '', requestId: 't' };

const FORM: IntakeForm = {
  channel: 'online',
  applicantType: 'individual',
  name: 'Sari Pemohon',
  nik: '2101014101900001',
  legalNumber: '',
  address: 'Jl. Raya Tanjung Uban',
  phone: '081234567890',
  email: 'sari@example.id',
  occupation: 'Mahasiswa',
  proxyName: '',
  information: 'Data pemilih per kecamatan',
  purpose: 'Penelitian',
  obtainMethod: 'copy',
  deliveryMethod: 'email',
  consent: 'yes',
};

const NARRATIVE = {
  policy: 'SK PPID dan SOP pelayanan informasi berlaku sepanjang 2025.',
  facilities: 'Meja layanan informasi dan situs PPID.',
  staff: 'Satu PPID dan dua petugas meja layanan.',
  budget: 'Rp 20.000.000 dari DIPA kantor.',
  obstacles: 'Jaringan internet <tidak stabil>.',
  recommendations: 'Pelatihan petugas pada semester pertama.',
};

/** A 2025 request received through the services, as the desk would have on that day. */
async function request2025(at: string, walkIn: boolean): Promise<void> {
  const db = app.running.database.db;
  const now = new Date(at);
  const ctx = { baseUrl: app.url, now };
  const made = await submitRequest(db, walkIn ? desk : anonymous, { officeId: office.id, form: walkIn ? { ...FORM, channel: 'walk_in', consent: '' } : FORM, submissionKey: newSubmissionKey(), files: [] }, ctx);
  if (walkIn) await handOver(db, desk, { officeId: office.id }, made.request.id, { items: ['Rekap DPT'], note: '' }, { baseUrl: app.url, now: new Date(now.getTime() + 600_000) });
}

before(async () => {
  app = await startTestApp({ demo: true });
  const db = app.running.database.db;
  office = (await officeBySlug(db, 'kab-bintan'))!;
  const member = (await staffByEmail(db, demoEmail('desk', 'kab-bintan')))!;
  desk = { staffId: member.id, label: member.email, ip: '', requestId: 't' };
  assert.equal((await versionsOf(db, office.id, 2025)).length, 0, 'the demo has no 2025 report yet');
  await request2025('2025-06-02T03:00:00Z', false);
  await request2025('2025-07-01T03:00:00Z', true);
});
after(async () => app?.close());

async function as(key: string, slug = 'kab-bintan'): Promise<Client> {
  const client = new Client(app.url);
  const response = await client.signIn(demoEmail(key, slug), DEMO_PASSWORD);
  assert.equal(response.status, 303);
  return client;
}

/** The value a page prints for a figure (its cell carries the figure's key). */
function figure(html: string, key: string): string | undefined {
  return new RegExp(`data-key="${key.replace('.', '\\.')}"[^>]*>([^<]*)<`).exec(html)?.[1];
}

async function sheetValue(bytes: ArrayBuffer, key: string): Promise<unknown> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  let found: unknown;
  book.eachSheet((sheet) => sheet.eachRow((row) => (row.getCell(1).value === key && sheet.name !== 'Perubahan' ? (found = row.getCell(3).value) : undefined)));
  return found;
}

async function sheetNames(bytes: ArrayBuffer): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  return book.worksheets.map((s) => s.name);
}

async function post(client: Client, path: string, form: Record<string, string>, from = path): Promise<Response> {
  return client.post(path, { _csrf: await client.csrfFrom(from), ...form });
}

describe(`annual report pages (${ENGINE})`, () => {
  test('the PPID drafts and submits, the Atasan PPID reads, other roles and strangers are kept out', async () => {
    const stranger = new Client(app.url);
    const away = await stranger.get('/desk/laporan-tahunan/2025');
    assert.equal(away.status, 303);
    assert.ok(away.headers.get('location')!.startsWith('/masuk'));
    for (const key of ['desk', 'unit', 'admin']) {
      const client = await as(key);
      assert.equal((await client.get('/desk/laporan-tahunan')).status, 403, key);
      assert.equal((await client.get('/desk/laporan-tahunan/2025.pdf')).status, 403, key);
    }
    const atasan = await as('atasan');
    const read = await atasan.get('/desk/laporan-tahunan/2025');
    assert.equal(read.status, 200);
    const html = await read.text();
    assert.equal(figure(html, 'requests.total'), '2');
    assert.ok(!html.includes('name="policy"') && !html.includes('Simpan draf'), 'the Atasan PPID reads only');
    const token = await atasan.csrfFrom('/desk/laporan-tahunan');
    assert.equal((await atasan.post('/desk/laporan-tahunan/2025', { _csrf: token, action: 'save', ...NARRATIVE })).status, 403);
    assert.equal((await atasan.post('/desk/laporan-tahunan/2025/versi-baru', { _csrf: token, reason: 'Alasan yang cukup panjang.' })).status, 403);

    const ppid = await as('ppid');
    const own = await (await ppid.get('/desk/laporan-tahunan/2025')).text();
    assert.ok(own.includes('name="policy"') && own.includes('Simpan dan sampaikan'));
    assert.ok(own.includes('href="/desk/laporan-tahunan"'), 'the desk menu links the annual report');
    // Another office's PPID sees that office's year, not this one's figures.
    const other = await (await (await as('ppid', 'kab-belitung-timur')).get('/desk/laporan-tahunan/2025')).text();
    assert.equal(figure(other, 'requests.total'), undefined);
  });

  test('a malformed or future year is refused with a message, on the desk and the portal', async () => {
    const ppid = await as('ppid');
    const malformed = await ppid.get('/desk/laporan-tahunan/20x5');
    assert.equal(malformed.status, 422);
    const page = await malformed.text();
    assert.ok(page.includes('Tulis tahun dengan empat angka') && page.includes('value="20x5"'));
    const future = await ppid.get('/desk/laporan-tahunan/2099.xlsx');
    assert.equal(future.status, 422);
    assert.ok((await future.text()).includes('Tahun 2099 belum tiba'));
    const asked = await ppid.get('/desk/laporan-tahunan?tahun=abc');
    assert.equal(asked.status, 422);
    assert.ok((await asked.text()).includes('value="abc"'));
    const opened = await ppid.get('/desk/laporan-tahunan?tahun=2024');
    assert.equal(opened.status, 303);
    assert.equal(opened.headers.get('location'), '/desk/laporan-tahunan/2024');
    assert.equal((await post(ppid, '/desk/laporan-tahunan/2099', { action: 'save', ...NARRATIVE }, '/desk/laporan-tahunan')).status, 422);
    const visitor = new Client(app.url);
    for (const path of ['/kab-bintan/laporan-tahunan/2099', '/kab-bintan/laporan-tahunan/99.pdf', '/kab-bintan/laporan-tahunan/2009']) {
      const response = await visitor.get(path);
      assert.equal(response.status, 422, path);
    }
    assert.ok((await (await visitor.get('/kab-bintan/laporan-tahunan/2099')).text()).includes('belum tiba'));
    assert.equal((await visitor.get('/kab-bintan/laporan-tahunan/2025?versi=x')).status, 404);
    assert.equal((await ppid.get('/desk/laporan-tahunan/2025?versi=7')).status, 404);
  });

  test('a year without data says so on the page, in the PDF and in the XLSX', async () => {
    const ppid = await as('ppid');
    const html = await (await ppid.get('/desk/laporan-tahunan/2019')).text();
    assert.ok(html.includes('Tidak ada permohonan informasi, keberatan, atau sengketa yang tercatat pada tahun 2019.'));
    assert.ok(html.includes('Tidak ada pemohon yang mengisi survei kepuasan pada tahun 2019'));
    assert.equal(figure(html, 'requests.total'), undefined);
    const pdf = (await readPdf(new Uint8Array(await (await ppid.get('/desk/laporan-tahunan/2019.pdf')).arrayBuffer()))).text.replace(/\s+/g, ' ');
    assert.ok(pdf.includes('tercatat pada tahun 2019'));
    assert.ok(!pdf.includes('Jumlah permohonan'));
    const xlsx = await (await ppid.get('/desk/laporan-tahunan/2019.xlsx')).arrayBuffer();
    assert.equal(await sheetValue(xlsx, 'requests.total'), undefined);
    assert.ok((await sheetNames(xlsx)).includes('Permohonan'));
  });

  test('draft, submit, freeze, publish, and a new version that says what changed', async () => {
    const ppid = await as('ppid');
    const visitor = new Client(app.url);
    assert.equal((await visitor.get('/kab-bintan/laporan-tahunan/2025')).status, 404, 'nothing is public before submission');
    assert.ok((await (await visitor.get('/kab-bintan/laporan-tahunan')).text()).includes('Belum ada laporan tahunan yang disampaikan'));

    // Submitting with sections missing: 422, per-field messages, what was typed kept (and escaped).
    const incomplete = await post(ppid, '/desk/laporan-tahunan/2025', { action: 'submit', policy: NARRATIVE.policy, obstacles: NARRATIVE.obstacles });
    assert.equal(incomplete.status, 422);
    const retry = await incomplete.text();
    assert.ok(retry.includes('Laporan belum lengkap'));
    assert.equal(retry.match(/Isi bagian ini sebelum laporan disampaikan\./g)?.length, 2 * 4, 'four sections, each in the summary and at its field');
    assert.ok(retry.includes(NARRATIVE.policy) && retry.includes('Jaringan internet &lt;tidak stabil>'));
    assert.ok(!retry.includes('<tidak stabil>'));

    const saved = await post(ppid, '/desk/laporan-tahunan/2025', { action: 'save', ...NARRATIVE });
    assert.equal(saved.status, 303);
    assert.match(saved.headers.get('location')!, /notice=saved/);
    const submitted = await post(ppid, '/desk/laporan-tahunan/2025', { action: 'submit', ...NARRATIVE });
    assert.equal(submitted.status, 303);
    const frozenPage = await (await ppid.get(submitted.headers.get('location')!)).text();
    assert.ok(frozenPage.includes('angkanya dibekukan'));
    assert.ok(frozenPage.includes('Versi 1, disampaikan'));
    assert.ok(!frozenPage.includes('name="policy"'), 'a submitted version is not edited');
    assert.ok(frozenPage.includes('Buat versi baru'));

    const published = await visitor.get('/kab-bintan/laporan-tahunan/2025');
    assert.equal(published.status, 200);
    const portal = await published.text();
    assert.equal(figure(portal, 'requests.total'), '2');
    assert.equal(figure(portal, 'channel.walk_in'), '1');
    assert.ok(portal.includes('Jaringan internet &lt;tidak stabil>'));
    assert.ok((await (await visitor.get('/kab-bintan/laporan-tahunan')).text()).includes('href="/kab-bintan/laporan-tahunan/2025"'));

    // More 2025 data later: the submitted version does not move; the desk's live preview of a new draft does.
    await request2025('2025-08-01T03:00:00Z', false);
    assert.equal(figure(await (await visitor.get('/kab-bintan/laporan-tahunan/2025')).text(), 'requests.total'), '2');
    assert.equal(figure(await (await ppid.get('/desk/laporan-tahunan/2025')).text(), 'requests.total'), '2');
    assert.equal(await sheetValue(await (await visitor.get('/kab-bintan/laporan-tahunan/2025.xlsx')).arrayBuffer(), 'requests.total'), 2);

    const short = await post(ppid, '/desk/laporan-tahunan/2025/versi-baru', { reason: 'salah' }, '/desk/laporan-tahunan/2025');
    assert.equal(short.status, 422);
    assert.ok((await short.text()).includes('Tulis mengapa versi baru dibuat'));
    const reason = 'Satu permohonan daring Agustus belum masuk register.';
    const made = await post(ppid, '/desk/laporan-tahunan/2025/versi-baru', { reason }, '/desk/laporan-tahunan/2025');
    assert.equal(made.status, 303);
    const draft = await (await ppid.get('/desk/laporan-tahunan/2025')).text();
    assert.ok(draft.includes('Versi 2 (draf)'));
    assert.equal(figure(draft, 'requests.total'), '3');
    assert.equal(await sheetValue(await (await ppid.get('/desk/laporan-tahunan/2025.xlsx')).arrayBuffer(), 'requests.total'), 3);
    assert.equal(figure(await (await visitor.get('/kab-bintan/laporan-tahunan/2025')).text(), 'requests.total'), '2', 'a draft is never public');
    const twice = await post(ppid, '/desk/laporan-tahunan/2025/versi-baru', { reason }, '/desk/laporan-tahunan/2025');
    assert.equal(twice.status, 409);
    assert.ok((await twice.text()).includes('Versi 2 masih draf'), 'the refusal is said even though the form is gone');

    assert.equal((await post(ppid, '/desk/laporan-tahunan/2025', { action: 'submit', ...NARRATIVE, recommendations: 'Pelatihan petugas dan perbaikan jaringan.' })).status, 303);
    const latest = await (await visitor.get('/kab-bintan/laporan-tahunan/2025')).text();
    assert.equal(figure(latest, 'requests.total'), '3');
    assert.ok(latest.includes('Perubahan dibanding versi 1'));
    assert.ok(latest.includes('Jumlah permohonan: dari 2 menjadi 3'));
    assert.ok(latest.includes('Bagian tertulis yang berubah: Rekomendasi dan rencana tindak lanjut.'));
    assert.ok(latest.includes(reason));
    const again = await post(ppid, '/desk/laporan-tahunan/2025', { action: 'save', ...NARRATIVE }, '/desk/laporan-tahunan/2025');
    assert.equal(again.status, 409);
    assert.ok((await again.text()).includes('sudah disampaikan dan tidak diubah lagi'));
    const first = await (await visitor.get('/kab-bintan/laporan-tahunan/2025?versi=1')).text();
    assert.equal(figure(first, 'requests.total'), '2');
    assert.ok(first.includes('Ini bukan versi terakhir'));
    const pdf = (await readPdf(new Uint8Array(await (await visitor.get('/kab-bintan/laporan-tahunan/2025.pdf?versi=1')).arrayBuffer()))).text.replace(/\s+/g, ' ');
    assert.ok(pdf.includes('Versi 1 · disampaikan'));
    assert.ok(pdf.includes('Jumlah permohonan 2'));

    // The running year can be drafted but not submitted.
    const year = new Date().getUTCFullYear();
    const running = await (await ppid.get(`/desk/laporan-tahunan/${year}`)).text();
    assert.ok(running.includes('Simpan draf') && !running.includes('Simpan dan sampaikan'));
    const early = await post(ppid, `/desk/laporan-tahunan/${year}`, { action: 'submit', ...NARRATIVE });
    assert.equal(early.status, 409);
    assert.ok((await early.text()).includes('belum berakhir'));
  });

  test("the PPID's dashboard shows last year's report against 31 March", async () => {
    const year = new Date().getUTCFullYear() - 1;
    const home = await (await (await as('ppid')).get('/desk')).text();
    assert.ok(home.includes(`Laporan tahunan ${year}: batas 31 Maret ${year + 1}`));
    assert.ok(home.includes(year === 2025 ? 'Disampaikan' : 'Belum disampaikan'));
    assert.ok(!(await (await (await as('desk')).get('/desk')).text()).includes(`batas 31 Maret ${year + 1}`), 'the card is the PPID’s');
  });

  test('in a browser: the pages pass axe, and the form works without JavaScript', { skip: ENGINE === 'postgres' ? 'pages are the same on both engines: checked once, on PGlite' : false }, async () => {
    const browser = await launchBrowser();
    try {
      const plain = await newContext(browser, { javaScriptEnabled: false });
      const page = await plain.newPage();
      await signIn(page, app.url, demoEmail('ppid', 'kab-bintan'), DEMO_PASSWORD);
      await page.goto(`${app.url}/desk/laporan-tahunan/2024`);
      await page.getByLabel('Gambaran umum kebijakan pelayanan informasi publik', { exact: true }).fill('Kebijakan tahun 2024.');
      await navigateBy(page, page.getByRole('button', { name: 'Simpan draf' }));
      assert.match(await page.getByRole('status').innerText(), /Draf disimpan/);
      assert.equal(await page.locator('#f-policy').inputValue(), 'Kebijakan tahun 2024.');
      await navigateBy(page, page.getByRole('button', { name: 'Simpan dan sampaikan' }));
      assert.match(await page.locator('.error-summary').innerText(), /Laporan belum lengkap/);
      assert.equal(await page.locator('#f-budget').getAttribute('aria-invalid'), 'true');
      await plain.close();

      const context = await newContext(browser);
      const checked = await context.newPage();
      await signIn(checked, app.url, demoEmail('ppid', 'kab-bintan'), DEMO_PASSWORD);
      for (const [path, label] of [
        ['/desk/laporan-tahunan', 'the list of years'],
        ['/desk/laporan-tahunan/2025', 'a submitted year with tables and charts'],
        ['/desk/laporan-tahunan/2024', 'a draft with its form'],
        ['/desk/laporan-tahunan/20x5', 'a malformed year'],
        ['/desk', 'the dashboard'],
        ['/kab-bintan/laporan-tahunan', 'the portal list'],
        ['/kab-bintan/laporan-tahunan/2025', 'the portal year with its changes'],
        ['/kab-bintan/laporan-tahunan/2025?versi=1', 'an earlier version on the portal'],
      ] as const) {
        await checked.goto(`${app.url}${path}`);
        await checkA11y(checked, label);
      }
      await context.close();
    } finally {
      await browser.close();
    }
  });
});
