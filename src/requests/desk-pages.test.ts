import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { Client, startTestApp, type TestApp } from '../../test/support/app.ts';
import { ENGINE } from '../../test/support/db.ts';
import { addWorkingDays, localDateTime, type OfficeCalendar } from '../calendar/rules.ts';
import { loadOfficeCalendar } from '../calendar/store.ts';
import { auditEvents, requestFiles, requests, staff } from '../db/schema.ts';
import { formatDay } from '../kernel/i18n.ts';
import { readPdf } from '../letters/test-pdf.ts';
import { todayIn } from '../offices/portal.tsx';
import { DEMO_PASSWORD, demoEmail } from '../offices/seed.ts';
import { officeBySlug, staffByEmail } from '../offices/store.ts';
import { dueFlag } from './desk-views.tsx';

/**
 * The desk's request pages through plain HTTP, as staff of one office use them: intake per channel,
 * the quick paths, escalation to a unit and back, the checker's findings and their override, the
 * decision letters and delivery, and what staff of another office cannot reach.
 */

const OFFICE = 'kab-belitung-timur';
const ZONE = 'Asia/Jakarta';
let app: TestApp;
const clients: Record<'desk' | 'ppid' | 'unit' | 'atasan' | 'other', Client> = {} as never;
let unitId: number;

before(async () => {
  app = await startTestApp({ demo: true, rateLimitPerMinute: 1_000_000 });
  for (const key of ['desk', 'ppid', 'unit', 'atasan'] as const) {
    clients[key] = new Client(app.url);
    assert.equal((await clients[key].signIn(demoEmail(key, OFFICE), DEMO_PASSWORD)).status, 303);
  }
  clients.other = new Client(app.url);
  assert.equal((await clients.other.signIn(demoEmail('ppid', 'kab-bintan'), DEMO_PASSWORD)).status, 303);
  unitId = (await staffByEmail(app.running.database.db, demoEmail('unit', OFFICE)))!.unitId!;
});
after(async () => app?.close());

const html = async (response: Response) => response.text();
const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

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

async function postMultipart(client: Client, path: string, fields: Record<string, string | string[]>, files: readonly Upload[]): Promise<Response> {
  const token = await client.csrfFrom('/desk/account');
  const form = new FormData();
  form.append('_csrf', token);
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) form.append(k, item);
  for (const f of files) form.append(f.field, new Blob([f.bytes], { type: f.type }), f.name);
  return fetch(`${app.url}${path}`, { method: 'POST', headers: { cookie: client.cookieHeader() }, body: form, redirect: 'manual' });
}

/** A minimal PDF: enough for the type check, as a scanner's output would be. */
const SCAN = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

async function xlsxWithHiddenSheet(): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Rekap').addRows([
    ['Kecamatan', 'Jumlah pemilih'],
    ['Manggar', 12040],
    ['Gantung', 8120],
  ]);
  const notes = book.addWorksheet('Catatan internal');
  notes.state = 'hidden';
  notes.addRow(['Belum diverifikasi']);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** "YYYY-MM-DDTHH:MM" on the office's clock, `hours` ago: what a datetime-local field sends. */
function localAgo(hours: number): string {
  const at = localDateTime(new Date(Date.now() - hours * 3600_000), ZONE);
  return `${at.day}T${at.time}`;
}

const BASE_INTAKE = {
  channel: 'walk_in',
  applicantType: 'individual',
  name: 'Sari Pemohon',
  nik: '1906014101900001',
  legalNumber: '',
  address: 'Jl. Melati 2, Manggar',
  phone: '081234567890',
  email: 'sari@example.id',
  occupation: 'Guru',
  proxyName: '',
  information: 'Salinan rekapitulasi DPT Kecamatan Manggar Pemilu 2024',
  purpose: 'Bahan penelitian',
  obtainMethod: 'copy',
  deliveryMethod: 'collect',
  receivedAt: '',
};

/** The hidden fields the intake form was rendered with. */
async function freshIntakeForm(client: Client): Promise<{ submissionKey: string; startedAt: string }> {
  const page = await html(await client.get('/desk/permohonan/baru'));
  const submissionKey = page.match(/name="submissionKey" value="([^"]+)"/)?.[1];
  const startedAt = page.match(/name="startedAt" value="([^"]+)"/)?.[1];
  assert.ok(submissionKey && startedAt, 'the form carries its key and start time');
  return { submissionKey, startedAt };
}

/** Records a request at the desk and returns its id. */
async function intake(fields: Partial<typeof BASE_INTAKE> = {}, files: readonly Upload[] = []): Promise<number> {
  const hidden = await freshIntakeForm(clients.desk);
  const response = await postMultipart(clients.desk, '/desk/permohonan/baru', { ...BASE_INTAKE, ...hidden, ...fields }, files);
  assert.equal(response.status, 303, await response.text());
  const location = response.headers.get('location')!;
  assert.match(location, /^\/desk\/permohonan\/\d+\?notice=request_created$/);
  return Number(location.match(/\/(\d+)\?/)![1]);
}

const requestPath = (id: number) => `/desk/permohonan/${id}`;

function assertAttachment(response: Response, type: string): void {
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', new RegExp(`^${type.replace(/[/.+]/g, '\\$&')}`));
  assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="[^"]+"/);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
}

function linkTo(page: string, pattern: RegExp): string {
  const match = page.match(pattern);
  assert.ok(match, `no link matching ${pattern}`);
  return match[0];
}

describe(`desk request pages (${ENGINE})`, () => {
  test('a letter is recorded at the desk with its scan; a form with errors keeps the uploaded scan', async () => {
    const hidden = await freshIntakeForm(clients.desk);
    const letter = { ...BASE_INTAKE, ...hidden, channel: 'letter', name: '', email: '', deliveryMethod: 'post', receivedAt: localAgo(26) };
    const scan = { field: 'scanned_letter', name: 'surat-permohonan.pdf', bytes: SCAN, type: 'application/pdf' };
    const notAPdf = { field: 'identity', name: 'ktp.pdf', bytes: new TextEncoder().encode('bukan berkas PDF'), type: 'application/pdf' };
    // A bad file and a missing name: both are told at once, and the good scan is kept.
    const first = await postMultipart(clients.desk, '/desk/permohonan/baru', letter, [scan, notAPdf]);
    assert.equal(first.status, 422);
    const errorPage = await html(first);
    assert.ok(errorPage.includes('Nama lengkap wajib diisi.'));
    assert.ok(errorPage.includes('id="f-identity-error"'), 'the bad file is named at its field');
    assert.ok(errorPage.includes('surat-permohonan.pdf'), 'the kept scan is named');
    assert.ok(errorPage.includes(BASE_INTAKE.information), 'typed values are kept');
    assert.ok(errorPage.includes(`name="submissionKey" value="${hidden.submissionKey}"`));
    assert.ok(errorPage.includes(`name="startedAt" value="${hidden.startedAt}"`), 'the intake clock keeps running from the first page');
    const token = errorPage.match(/name="staged" value="([^"]+)"/)?.[1];
    assert.ok(token, 'the scan is carried back as a staged token');

    // The service's own refusal (a NIK that is not one) keeps the staged scan too.
    const wrongNik = await postMultipart(clients.desk, '/desk/permohonan/baru', { ...letter, name: 'Sari Pemohon Surat', nik: '1234', staged: token }, []);
    assert.equal(wrongNik.status, 422);
    const wrongNikPage = await html(wrongNik);
    assert.ok(wrongNikPage.includes('NIK terdiri atas 16 angka.'));
    assert.ok(wrongNikPage.includes(`name="staged" value="${token}"`));

    const second = await postMultipart(clients.desk, '/desk/permohonan/baru', { ...letter, name: 'Sari Pemohon Surat', staged: token }, []);
    assert.equal(second.status, 303, await second.text());
    const id = Number(second.headers.get('location')!.match(/\/(\d+)\?/)![1]);
    const again = await postMultipart(clients.desk, '/desk/permohonan/baru', { ...letter, name: 'Sari Pemohon Surat', staged: token }, []);
    assert.equal(again.headers.get('location'), `${requestPath(id)}?notice=request_duplicate`, 'the same form twice makes one request');

    const page = await html(await clients.desk.get(`${requestPath(id)}?notice=request_created`));
    assert.ok(page.includes('Permohonan dicatat dan diberi nomor'));
    assert.ok(page.includes('1906********0001'), 'the NIK is masked');
    assert.ok(!page.includes('1906014101900001'), 'the full NIK is not shown');
    assert.ok(page.includes('081234567890'), 'staff see the phone number');
    assert.ok(page.includes('Surat'), 'the channel is shown');
    assert.ok(page.includes('Pindaian surat / e-mail permohonan: surat-permohonan.pdf'));
    assert.ok(page.includes('dicatat di log audit'));
    assert.match(page, /Pencatatan permohonan \(langkah 1\): \d+ menit, standar 10 menit/);
    const [receivedDay, receivedTime] = letter.receivedAt.split('T') as [string, string];
    assert.ok(page.includes(`${formatDay('id', receivedDay, false)} ${receivedTime.replace(':', '.')} WIB`), 'the time the letter arrived is the time received');
    assert.ok(page.includes('Cara menghitung batas 10 hari kerja'), 'the deadline is explained');

    const receipt = await clients.desk.get(linkTo(page, /\/desk\/permohonan\/\d+\/tanda-bukti/));
    assertAttachment(receipt, 'application/pdf');
    const text = (await readPdf(new Uint8Array(await receipt.arrayBuffer()))).text;
    assert.ok(text.includes('Sari Pemohon Surat'));

    // Opening the scan (a personal document) is recorded every time.
    const db = app.running.database.db;
    const events = () => db.select({ id: auditEvents.id }).from(auditEvents).where(and(eq(auditEvents.action, 'request.identity_viewed'), eq(auditEvents.subjectId, String(id))));
    assert.equal((await events()).length, 0);
    const file = await clients.desk.get(linkTo(page, /\/desk\/berkas\/\d+/));
    assertAttachment(file, 'application/pdf');
    assert.match(file.headers.get('content-disposition')!, /filename="surat-permohonan\.pdf"/);
    assert.equal((await events()).length, 1);
  });

  test('the list shows requests with their status, and an overdue one says so in words', async () => {
    const id = await intake({ channel: 'fax', name: 'Pemohon Faks Lama', receivedAt: localAgo(24 * 40) });
    const page = await html(await clients.desk.get('/desk/permohonan'));
    const row = page.split('<tr>').find((r) => r.includes(`/desk/permohonan/${id}"`));
    assert.ok(row, 'the request is listed');
    assert.ok(row.includes('Pemohon Faks Lama') && row.includes('Faksimili') && row.includes('Diterima'));
    assert.match(row, /Terlambat \d+ hari kerja|Lewat batas waktu/);
    const closed = await html(await clients.desk.get('/desk/permohonan?status=closed'));
    assert.ok(!closed.includes(`/desk/permohonan/${id}"`), 'the status filter applies');
    assert.ok(page.includes('href="/desk/permohonan/baru"'));
  });

  test('due dates within two working days and past ones are flagged in words', () => {
    const calendar: OfficeCalendar = { timeZone: ZONE, hoursStart: '08:00', hoursEnd: '16:00', afterHoursRule: 'next_working_day', holidays: [], yearsWithNationalData: [2026] };
    assert.equal(dueFlag('2026-03-02', '2026-03-02', calendar)?.id, 'Jatuh tempo hari ini');
    assert.equal(dueFlag('2026-03-04', '2026-03-02', calendar)?.id, 'Jatuh tempo dalam 2 hari kerja');
    assert.equal(dueFlag('2026-03-05', '2026-03-02', calendar), undefined);
    assert.equal(dueFlag('2026-02-27', '2026-03-02', calendar)?.en, 'Overdue by 1 working day');
  });

  test('walk-in quick path: the desk hands over against a receipt within the SOP time', async () => {
    const id = await intake();
    const page = await html(await clients.desk.get(requestPath(id)));
    assert.ok(page.includes('action="/desk/permohonan/' + id + '/serahkan"'));
    assert.ok(!page.includes('/putuskan"'), 'the desk is not shown the decision form');
    const empty = await post(clients.desk, `${requestPath(id)}/serahkan`, { handover_items: '', handover_note: 'catatan diketik' });
    assert.equal(empty.status, 422);
    const emptyPage = await html(empty);
    assert.ok(emptyPage.includes('Sebutkan informasi yang diserahkan, satu per baris.'));
    assert.ok(emptyPage.includes('catatan diketik'), 'what was typed is kept');
    assert.ok(emptyPage.includes('href="#act-hand_over"'), 'the top of the page points to the form');

    const done = await post(clients.desk, `${requestPath(id)}/serahkan`, { handover_items: 'Salinan rekap DPT Manggar (3 halaman)\nDaftar TPS', handover_note: '' });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), `${requestPath(id)}?notice=handed_over`);
    const closed = await html(await clients.desk.get(done.headers.get('location')!));
    assert.ok(closed.includes('Selesai — Diberikan langsung di desk'));
    assert.match(closed, /Penyerahan langsung di desk \(langkah 2\): \d+ menit, standar 15 menit — sesuai standar/);
    const letter = await clients.desk.get(linkTo(closed, /\/desk\/permohonan\/\d+\/surat\/\d+/));
    assertAttachment(letter, 'application/pdf');
    assert.ok((await readPdf(new Uint8Array(await letter.arrayBuffer()))).text.includes('Salinan rekap DPT Manggar'));
    assert.match(closed, /href="\/verifikasi\/[A-Z0-9]+"/);
    const twice = await post(clients.desk, `${requestPath(id)}/serahkan`, { handover_items: 'Lagi', handover_note: '' });
    assert.equal(twice.status, 409);
    assert.ok((await html(twice)).includes('Penyerahan langsung hanya untuk permohonan yang baru diterima di desk.'));
  });

  test('escalate, dispose, the unit answers with a hidden sheet, the PPID overrides with a reason, decides in part and the desk delivers', async () => {
    const id = await intake({ channel: 'email', deliveryMethod: 'collect' });
    assert.equal((await post(clients.desk, `${requestPath(id)}/teruskan`, { escalate_note: 'Mohon arahan: data per kecamatan.' })).status, 303);

    const ppidPage = await html(await clients.ppid.get(requestPath(id)));
    assert.ok(ppidPage.includes('/disposisi"') && ppidPage.includes('/putuskan"') && ppidPage.includes('/perpanjang"'));
    assert.ok(!ppidPage.includes('/teruskan"'), 'a step already taken is not offered');
    const today = todayIn(ZONE);
    const badDue = await post(clients.ppid, `${requestPath(id)}/disposisi`, { dispose_units: String(unitId), dispose_instruction: 'Siapkan rekap.', dispose_due: '2000-01-01' });
    assert.equal(badDue.status, 422);
    assert.ok((await html(badDue)).includes('Batas jawaban unit tidak boleh sebelum hari ini.'));
    assert.equal((await post(clients.ppid, `${requestPath(id)}/disposisi`, { dispose_units: String(unitId), dispose_instruction: 'Siapkan rekap DPT per kecamatan.', dispose_due: today })).status, 303);

    const list = await html(await clients.unit.get('/desk/disposisi'));
    const href = list.match(/\/desk\/disposisi\/(\d+)/);
    assert.ok(href, 'the unit sees its disposition');
    assert.ok(list.includes('Jatuh tempo hari ini'));
    assert.ok((await html(await clients.ppid.get('/desk/disposisi'))).includes(href[0]), 'the PPID sees every unit’s');
    const answerPage = await html(await clients.unit.get(href[0]));
    assert.ok(answerPage.includes('Salinan rekapitulasi DPT Kecamatan Manggar') && answerPage.includes('Siapkan rekap DPT per kecamatan.'));
    for (const personal of ['1906014101900001', '1906********0001', 'sari@example.id', '081234567890']) assert.ok(!answerPage.includes(personal), `the unit is not shown ${personal}`);
    assert.equal((await clients.unit.get(requestPath(id))).status, 403, 'units do not open the request pages');

    const missing = await postMultipart(clients.unit, href[0], { answer: 'not_held', note: 'x', holder: '', expectedOn: '' }, []);
    assert.equal(missing.status, 422);
    assert.ok((await html(missing)).includes('Sebutkan badan publik atau unit yang menguasai informasi ini.'));
    const xlsx = { field: 'files', name: 'rekap-dpt.xlsx', bytes: await xlsxWithHiddenSheet(), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    const answered = await postMultipart(clients.unit, href[0], { answer: 'provided', note: 'Terlampir.', holder: '', expectedOn: '' }, [xlsx]);
    assert.equal(answered.status, 303, await answered.text());
    assert.equal(answered.headers.get('location'), '/desk/disposisi?notice=disposition_answered');
    assert.ok((await html(await clients.unit.get(href[0]))).includes('Disposisi ini sudah dijawab'));

    const withFile = await html(await clients.ppid.get(requestPath(id)));
    assert.ok(withFile.includes('Lembar kerja tersembunyi'), 'the PPID sees the finding');
    assert.ok(withFile.includes('Pemeriksa berkas menemukan'));
    assert.ok(withFile.includes('Masih ada 1 berkas jawaban yang belum diputuskan'));
    const [file] = await app.running.database.db.select({ id: requestFiles.id }).from(requestFiles).where(and(eq(requestFiles.requestId, id), eq(requestFiles.role, 'answer')));
    assert.ok(withFile.includes(`action="/desk/berkas/${file!.id}/rilis"`));
    const bare = await post(clients.ppid, `/desk/berkas/${file!.id}/rilis`, { release: 'yes', [`reason_${file!.id}`]: '' });
    assert.equal(bare.status, 422);
    const barePage = decode(await html(bare));
    assert.match(barePage, /Pemeriksa menemukan \d+ temuan\. Perbaiki berkasnya dan unggah ulang, atau tuliskan alasan tetap membukanya/);
    assert.ok(barePage.includes(`href="#act-release-${file!.id}"`));
    const override = await post(clients.ppid, `/desk/berkas/${file!.id}/rilis`, { release: 'yes', [`reason_${file!.id}`]: 'Lembar tersembunyi hanya berisi catatan verifikasi, bukan data pribadi.' });
    assert.equal(override.status, 303);
    const answerFile = await clients.ppid.get(`/desk/berkas/${file!.id}`);
    assertAttachment(answerFile, 'application/vnd.openxmlformats');

    const decision = { outcome: 'granted_part', form: 'both', perPage: '500', pages: '4', delivery: '10.000', other: '', timeToProvide: 'Saat pemberitahuan ini diterima', withheld: '', pasal17: '', otherLaw: '', consequence: '', holder: '', documentedBy: '', note: '' };
    const noWithheld = await post(clients.ppid, `${requestPath(id)}/putuskan`, decision);
    assert.equal(noWithheld.status, 422);
    const noWithheldPage = await html(noWithheld);
    assert.ok(noWithheldPage.includes('Sebutkan bagian yang tidak diberikan (dihitamkan) dan alasannya.'));
    assert.ok(noWithheldPage.includes('value="10.000"'), 'typed costs are kept');
    const decided = await post(clients.ppid, `${requestPath(id)}/putuskan`, { ...decision, withheld: 'Kolom NIK pemilih dihitamkan (Pasal 17 huruf h).' });
    assert.equal(decided.status, 303);
    const decidedPage = await html(await clients.desk.get(requestPath(id)));
    assert.ok(decidedPage.includes('Pemberitahuan tertulis terbit — Dikabulkan sebagian'));
    assert.ok(decidedPage.includes('/kirim"'), 'the desk may deliver now');
    const noticeHref = [...decidedPage.matchAll(/<a href="(\/desk\/permohonan\/\d+\/surat\/\d+)">Pemberitahuan tertulis/g)][0]?.[1];
    assert.ok(noticeHref);
    const notice = (await readPdf(new Uint8Array(await (await clients.desk.get(noticeHref)).arrayBuffer()))).text;
    assert.match(notice, /Dikabulkan sebagian/);
    assert.match(notice, /Rp 12\.000/);

    assert.ok(decode(decidedPage).includes('Biaya yang dibayar pemohon: Rp 12.000'), 'the deliver form shows the amount due');
    assert.ok(decidedPage.includes('name="deliver_payment"'));
    const unpaid = await post(clients.desk, `${requestPath(id)}/kirim`, { deliver_mode: 'desk', deliver_note: 'Diambil pemohon.' });
    assert.equal(unpaid.status, 422);
    const unpaidPage = await html(unpaid);
    assert.ok(unpaidPage.includes('Pemberitahuan tertulis mengenakan biaya Rp 12.000 (penyalinan dan pengiriman): catat cara pemohon membayarnya, tunai atau transfer.'));
    assert.ok(unpaidPage.includes('id="f-deliver_payment-error"'), 'the message stands at the payment field');
    const delivered = await post(clients.desk, `${requestPath(id)}/kirim`, { deliver_mode: 'desk', deliver_note: 'Diambil pemohon.', deliver_payment: 'cash' });
    assert.equal(delivered.status, 303);
    const closed = await html(await clients.desk.get(requestPath(id)));
    assert.ok(closed.includes('Selesai — Dikabulkan sebagian'));
    assert.ok(closed.includes('Tanda terima'));
    assert.ok(closed.includes('Informasi diserahkan / dikirim'), 'the timeline shows the delivery');
  });

  test('refusal: the PPID names the Pasal 17 letter and the consequence; the SK Penolakan is issued', async () => {
    const id = await intake();
    assert.equal((await post(clients.desk, `${requestPath(id)}/teruskan`, { escalate_note: 'Memuat data pribadi pemilih.' })).status, 303);
    const base = { outcome: 'refused', form: '', perPage: '', pages: '', delivery: '', other: '', timeToProvide: '', withheld: '', pasal17: 'h', otherLaw: '', consequence: '', holder: '', documentedBy: '', note: '' };
    const incomplete = await post(clients.ppid, `${requestPath(id)}/putuskan`, base);
    assert.equal(incomplete.status, 422);
    assert.ok((await html(incomplete)).includes('Tuliskan konsekuensi yang timbul bila informasi dibuka'));
    assert.equal((await post(clients.ppid, `${requestPath(id)}/putuskan`, { ...base, consequence: 'Membuka NIK dan alamat pemilih.' })).status, 303);
    const page = await html(await clients.ppid.get(requestPath(id)));
    assert.ok(page.includes('Pemberitahuan tertulis terbit — Ditolak'));
    const refusalHref = page.match(/<a href="(\/desk\/permohonan\/\d+\/surat\/\d+)">SK Penolakan/)?.[1];
    assert.ok(refusalHref, 'the SK Penolakan is listed');
    const refusal = (await readPdf(new Uint8Array(await (await clients.ppid.get(refusalHref)).arrayBuffer()))).text;
    assert.match(refusal, /Pasal 17 huruf h/);
    assert.match(refusal, /Membuka NIK dan alamat pemilih/);
  });

  test('a second extension is refused with the reason shown on the request page', async () => {
    const id = await intake();
    assert.equal((await post(clients.desk, `${requestPath(id)}/teruskan`, { escalate_note: 'Perlu dihimpun dari tiga kecamatan.' })).status, 303);
    assert.equal((await post(clients.ppid, `${requestPath(id)}/perpanjang`, { extend_reason: 'Data dihimpun dari tiga kecamatan.' })).status, 303);
    const extended = await html(await clients.ppid.get(requestPath(id)));
    assert.ok(extended.includes('Batas waktu pemberitahuan tertulis (sesudah perpanjangan)'));
    assert.ok(extended.includes('Alasan: Data dihimpun dari tiga kecamatan.'));
    assert.ok(extended.includes('undang-undang hanya mengizinkan satu kali perpanjangan'), 'the form is replaced by the rule');
    const second = await post(clients.ppid, `${requestPath(id)}/perpanjang`, { extend_reason: 'Sekali lagi karena banyak data.' });
    assert.equal(second.status, 409);
    const page = await html(second);
    assert.match(page, /<h1>Permohonan [^<]+<\/h1>/);
    assert.ok(page.includes('Jangka waktu permohonan ini sudah pernah diperpanjang; undang-undang hanya mengizinkan satu kali perpanjangan.'));
  });

  test('a desk officer may not decide: the request page says why (403)', async () => {
    const id = await intake();
    for (const fields of [{ outcome: 'refused', pasal17: 'h', consequence: 'Data pribadi.' }, {}] as Record<string, string>[]) {
      const response = await post(clients.desk, `${requestPath(id)}/putuskan`, fields);
      assert.equal(response.status, 403, 'refused for the role, whatever the form holds');
      const page = await html(response);
      assert.match(page, /<h1>Permohonan [^<]+<\/h1>/);
      assert.ok(page.includes('Peran Anda tidak mengizinkan langkah ini.'));
      assert.ok(page.includes('class="error-summary"'));
    }
  });

  test('the Atasan PPID reads a request but is offered no step', async () => {
    const id = await intake();
    const page = await html(await clients.atasan.get(requestPath(id)));
    assert.ok(page.includes('Tidak ada langkah yang dapat Anda ambil pada status ini.'));
    assert.equal((await clients.atasan.get('/desk/disposisi')).status, 403);
  });

  test('a provider without a unit is told so on the disposition list', async () => {
    const db = app.running.database.db;
    const email = demoEmail('unit', OFFICE);
    await db.update(staff).set({ unitId: null }).where(eq(staff.email, email));
    try {
      const page = await html(await clients.unit.get('/desk/disposisi?lang=en'));
      assert.ok(page.includes('Your account is not linked to a unit'));
    } finally {
      await db.update(staff).set({ unitId }).where(eq(staff.email, email));
    }
  });

  test('staff of another office get 404 for the request, its files, letters and receipt', async () => {
    const id = await intake({}, [{ field: 'identity', name: 'ktp.pdf', bytes: SCAN, type: 'application/pdf' }]);
    assert.equal((await post(clients.desk, `${requestPath(id)}/serahkan`, { handover_items: 'Salinan rekap' })).status, 303);
    const page = await html(await clients.desk.get(requestPath(id)));
    const paths = [requestPath(id), linkTo(page, /\/desk\/berkas\/\d+/), linkTo(page, /\/desk\/permohonan\/\d+\/surat\/\d+/), `${requestPath(id)}/tanda-bukti`];
    for (const path of paths) assert.equal((await clients.other.get(path)).status, 404, path);
    assert.equal((await post(clients.other, `${requestPath(id)}/teruskan`, { escalate_note: 'Dari kantor lain.' })).status, 404);
    assert.equal((await post(clients.other, `${linkTo(page, /\/desk\/berkas\/\d+/)}/rilis`, { release: 'yes' })).status, 404);
  });

  test('an applicant without the NIK or the power of attorney is registered with the checkbox, told by when, and the desk records what they bring later', async () => {
    const form = await html(await clients.desk.get('/desk/permohonan/baru'));
    assert.ok(form.includes('name="allowMissing"') && form.includes('Catat walau kelengkapan belum ada'));
    const fields = { ...BASE_INTAKE, nik: '', proxyName: 'Rudi Kuasa', name: 'Pemohon Belum Lengkap' };

    // Without the checkbox the desk is told the requirement, and how to register it anyway.
    const strict = await postMultipart(clients.desk, '/desk/permohonan/baru', { ...fields, ...(await freshIntakeForm(clients.desk)) }, []);
    assert.equal(strict.status, 422);
    const strictPage = decode(await html(strict)).replace(/&#34;/g, '"');
    assert.ok(strictPage.includes('NIK wajib diisi (16 angka pada KTP).') && strictPage.includes('Permohonan melalui kuasa memerlukan surat kuasa.'));
    assert.ok(strictPage.includes('centang "Catat walau kelengkapan belum ada"'));
    // A NIK typed wrong is refused with the checkbox too, and the ticked box is kept.
    const wrong = await postMultipart(clients.desk, '/desk/permohonan/baru', { ...fields, nik: '1234', allowMissing: 'yes', ...(await freshIntakeForm(clients.desk)) }, []);
    assert.equal(wrong.status, 422);
    const wrongPage = await html(wrong);
    assert.ok(wrongPage.includes('NIK terdiri atas 16 angka.'));
    assert.ok(!wrongPage.includes('Permohonan melalui kuasa memerlukan surat kuasa.'), 'what is merely absent is not an error with the box ticked');
    assert.match(wrongPage, /<input type="checkbox" id="f-allowMissing" name="allowMissing" value="yes" checked/);

    const made = await postMultipart(clients.desk, '/desk/permohonan/baru', { ...fields, allowMissing: 'yes', ...(await freshIntakeForm(clients.desk)) }, []);
    assert.equal(made.status, 303, await made.clone().text());
    const id = Number(made.headers.get('location')!.match(/\/(\d+)\?/)![1]);
    const db = app.running.database.db;
    const [row] = await db.select().from(requests).where(eq(requests.id, id));
    assert.deepEqual(row!.missing, ['nik', 'proxy_letter']);
    const office = (await officeBySlug(db, OFFICE))!;
    const completeBy = addWorkingDays({ receivedAt: row!.receivedAt, workingDays: office.completionDays, calendar: await loadOfficeCalendar(db, office.id) }).due;

    const page = decode(await html(await clients.desk.get(requestPath(id))));
    assert.ok(page.includes(`Kelengkapan belum ada: NIK (16 angka pada KTP); Surat kuasa, diminta paling lambat ${formatDay('id', completeBy)}.`));
    assert.ok(page.includes('batas waktu pemberitahuan tertulis tetap berjalan'));
    assert.ok(page.includes(`action="/desk/permohonan/${id}/lengkapi"`) && page.includes('name="complete_nik"') && page.includes('name="complete_proxy_letter"'));
    assert.ok(!page.includes('name="complete_member_ids"'), 'only what is missing is asked for');
    const list = decode(await html(await clients.desk.get('/desk/permohonan')));
    const listed = list.split('<tr>').find((r) => r.includes(`/desk/permohonan/${id}"`));
    assert.ok(listed?.includes('Kelengkapan belum ada: NIK (16 angka pada KTP); Surat kuasa'), 'the list says so in words');
    const receipt = (await readPdf(new Uint8Array(await (await clients.desk.get(`${requestPath(id)}/tanda-bukti`)).arrayBuffer()))).text.replace(/\s+/g, ' ');
    assert.ok(receipt.includes(`Dilengkapi paling lambat : ${formatDay('id', completeBy)}`));
    assert.equal((await html(await clients.atasan.get(requestPath(id)))).includes('/lengkapi"'), false, 'the Atasan PPID reads but does not record');

    const bad = await postMultipart(clients.desk, `${requestPath(id)}/lengkapi`, { complete_nik: '12345' }, []);
    assert.equal(bad.status, 422);
    const badPage = await html(bad);
    assert.ok(badPage.includes('id="f-complete_nik-error"') && badPage.includes('NIK terdiri atas 16 angka.'));
    assert.ok(badPage.includes('href="#act-complete"'));
    const nik = await postMultipart(clients.desk, `${requestPath(id)}/lengkapi`, { complete_nik: '1906014101900001' }, []);
    assert.equal(nik.status, 303);
    assert.equal(nik.headers.get('location'), `${requestPath(id)}?notice=completed`);
    const half = decode(await html(await clients.desk.get(requestPath(id))));
    assert.ok(half.includes('Kelengkapan belum ada: Surat kuasa,') && half.includes('1906********0001'));
    assert.ok(!half.includes('name="complete_nik"'));
    const letter = await postMultipart(clients.desk, `${requestPath(id)}/lengkapi`, {}, [{ field: 'complete_proxy_letter', name: 'surat-kuasa.pdf', bytes: SCAN, type: 'application/pdf' }]);
    assert.equal(letter.status, 303);
    const done = await html(await clients.desk.get(requestPath(id)));
    assert.ok(!done.includes('Kelengkapan belum ada') && !done.includes('/lengkapi"'));
    assert.ok(done.includes('Surat kuasa: surat-kuasa.pdf'), 'the document is among the request documents');
    assert.ok(done.includes('Kelengkapan permohonan dilengkapi'), 'the history shows the step');
    assert.equal((await postMultipart(clients.desk, `${requestPath(id)}/lengkapi`, { complete_nik: '1906014101900001' }, [])).status, 409);
  });

  test('the office admin sets the working days given to complete a request', async () => {
    const admin = new Client(app.url);
    assert.equal((await admin.signIn(demoEmail('admin', OFFICE), DEMO_PASSWORD)).status, 303);
    const page = await html(await admin.get('/desk/office'));
    assert.match(page, /name="completion_days"[^>]*value="3"|value="3"[^>]*name="completion_days"/);
    const bad = await post(admin, '/desk/office', { time_zone: ZONE, hours_start: '08:00', hours_end: '16:00', after_hours_rule: 'next_working_day', download_link_days: '14', completion_days: '0' });
    assert.equal(bad.status, 422);
    assert.ok((await html(bad)).includes('Isi angka 1 sampai 10.'));
  });
});
