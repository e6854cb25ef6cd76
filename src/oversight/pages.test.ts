import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { Client, startTestApp, type TestApp } from '../../test/support/app.ts';
import { ENGINE } from '../../test/support/db.ts';
import { generateYear, localDayOf, type GenYear } from '../../test/support/generate-year.ts';
import { queryRows } from '../db/client.ts';
import { annualReports, dipEditions, offices, requests, surveyResponses } from '../db/schema.ts';
import { formatDay } from '../kernel/i18n.ts';
import { parseCsv } from '../kernel/csv.ts';
import { createJobRunner, type JobLog } from '../kernel/outbox/runner.ts';
import { todayIn } from '../offices/portal.tsx';
import { DEMO_PASSWORD, demoEmail } from '../offices/seed.ts';
import { officeBySlug, type OfficeRow } from '../offices/store.ts';
import { answerBuckets, decidedCount, figuresByOffice, medianAnswerDays, type OfficeFigures } from '../reports/figures.ts';
import { OVERSIGHT_JOB, oversightJobHandler } from './jobs.ts';

/**
 * The oversight pages and files through the running program, with a generated year under two
 * provinces: who may see what, every figure against figuresByOffice, and no personal data anywhere.
 */

let app: TestApp;
let year: GenYear;
let YEAR = 0;
let TODAY = '';
let barat: OfficeRow;
let timur: OfficeRow;
let dipDay = '';
let annualDay = '';

// Personal data written into every request of one generated office, inside the period.
const SECRET = { name: 'Ratna Rahasia Wulandari', nik: '3201014101900077', email: 'ratna.rahasia@example.id', phone: '081299990077', address: 'Jl. Melati Tersembunyi 7' };
const PERSONAL = [SECRET.name, SECRET.nik, `${SECRET.nik.slice(0, 4)}********${SECRET.nik.slice(-4)}`, SECRET.email, SECRET.phone, SECRET.address, 'Pemohon Uji', 'Jl. Uji'];

const silent: JobLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

before(async () => {
  app = await startTestApp({ demo: true });
  const db = app.running.database.db;
  TODAY = todayIn('Asia/Jakarta');
  YEAR = Number(TODAY.slice(0, 4)) - 1;
  year = await generateYear(db, YEAR, 60, 7);
  const kepri = (await officeBySlug(db, 'prov-kepri'))!;
  const babel = (await officeBySlug(db, 'prov-babel'))!;
  await db.update(offices).set({ parentId: kepri.id }).where(eq(offices.slug, 'gen-7-barat'));
  await db.update(offices).set({ parentId: babel.id }).where(eq(offices.slug, 'gen-7-timur'));
  barat = (await officeBySlug(db, 'gen-7-barat'))!;
  timur = (await officeBySlug(db, 'gen-7-timur'))!;
  await db.update(requests).set(SECRET).where(eq(requests.officeId, barat.id));
  const submittedAt = new Date();
  annualDay = localDayOf(submittedAt, barat.timeZone);
  await db.insert(annualReports).values({ officeId: barat.id, year: YEAR, version: 1, status: 'submitted', submittedAt });
  const orderedAt = new Date(Date.UTC(YEAR, 5, 30, 20, 0));
  dipDay = localDayOf(orderedAt, timur.timeZone);
  await db.insert(dipEditions).values([
    { officeId: timur.id, number: 2, status: 'ordered', orderedAt },
    { officeId: timur.id, number: 3, status: 'draft' },
  ]);
});
after(async () => app?.close());

async function as(key: string, slug: string): Promise<Client> {
  const client = new Client(app.url);
  const response = await client.signIn(demoEmail(key, slug), DEMO_PASSWORD);
  assert.equal(response.status, 303, `${key}.${slug} signs in`);
  return client;
}

async function page(client: Client, path: string, status = 200): Promise<string> {
  const response = await client.get(path);
  const body = await response.text();
  assert.equal(response.status, status, `${path}: ${body.slice(0, 300)}`);
  return body;
}

async function file(client: Client, path: string): Promise<Buffer> {
  const response = await client.get(path);
  assert.equal(response.status, 200, path);
  assert.match(response.headers.get('content-disposition') ?? '', /attachment/);
  return Buffer.from(await response.arrayBuffer());
}

function assertNoPersonalData(label: string, body: string): void {
  for (const value of PERSONAL) assert.ok(!body.includes(value), `${label} shows "${value}"`);
}

/** Every cell of every sheet, as text: what a reader of the XLSX sees. */
async function readBook(bytes: Buffer): Promise<{ book: ExcelJS.Workbook; text: string }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? '')))));
  return { book, text: cells.join('\n') };
}

function sheetRows(book: ExcelJS.Workbook, name: string): Record<string, unknown>[] {
  const sheet = book.getWorksheet(name);
  assert.ok(sheet, `sheet ${name}`);
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
  });
  return rows;
}

function csvRows(bytes: Buffer): Record<string, string>[] {
  const [header, ...rows] = parseCsv(bytes.toString('utf8'));
  return rows.filter((r) => r.length > 1).map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

/** The slugs the overview's table of offices links to, in order. */
function officeLinks(html: string): string[] {
  const table = html.slice(html.indexOf('id="offices"'));
  return [...table.matchAll(/href="\/desk\/pengawasan\/([a-z0-9-]+)\?/g)].map((m) => m[1]!);
}

/** The cells after an office's name in the overview table. */
function rowCells(html: string, slug: string): string[] {
  const start = html.indexOf(`href="/desk/pengawasan/${slug}?`, html.indexOf('id="offices"'));
  assert.ok(start > 0, `a row for ${slug}`);
  const row = html.slice(start, html.indexOf('</tr>', start));
  return [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]!);
}

/** The label → count pairs of one of the drill-down's tables. */
function tableCounts(html: string, id: string): number[] {
  const start = html.indexOf(`id="fig-${id}"`);
  if (start < 0) return [];
  const table = html.slice(start, html.indexOf('</table>', start));
  return [...table.matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) => Number(m[1]));
}

const id = (n: number | null) => (n === null ? '—' : n.toLocaleString('id-ID', { maximumFractionDigits: 1 }));
const latePercent = (f: OfficeFigures) => `${id(Math.round((f.late / f.requests) * 1000) / 10)}%`;

async function expectedFigures(officeIds: readonly number[] | null): Promise<Map<number, OfficeFigures>> {
  return figuresByOffice(app.running.database.db, officeIds, { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` }, TODAY);
}

/** Runs the outbox until the national count has its result (other kinds of message fail here and wait). */
async function runNationalCount(): Promise<void> {
  const runner = createJobRunner({ database: app.running.database, log: silent, handlers: { [OVERSIGHT_JOB]: oversightJobHandler() } });
  for (let i = 0; i < 20; i++) {
    await runner.runOnce();
    const open = await queryRows(app.running.database.db, sql`select 1 from outbox where kind = ${OVERSIGHT_JOB} and status <> 'done'`);
    if (open.length === 0) return;
  }
  assert.fail('the national count did not finish');
}

describe(`oversight pages (${ENGINE})`, () => {
  test('a province sees itself and its regencies side by side, each figure as figuresByOffice counts it', async () => {
    const ppid = await as('ppid', 'prov-kepri');
    const html = await page(ppid, `/desk/pengawasan?tahun=${YEAR}`);
    assert.equal(html.match(/<h1[\s>]/g)?.length, 1);
    assert.deepEqual(new Set(officeLinks(html)), new Set(['prov-kepri', 'kab-bintan', 'gen-7-barat']));
    for (const other of ['prov-babel', 'kab-belitung-timur', 'gen-7-timur', 'ri']) assert.ok(!html.includes(`/desk/pengawasan/${other}?`), other);

    const f = (await expectedFigures([barat.id])).get(barat.id)!;
    assert.ok(f.requests > 50 && f.objections > 0 && f.disputes > 0, 'the generated year has figures');
    assert.deepEqual(rowCells(html, 'gen-7-barat'), [String(f.requests), latePercent(f), id(medianAnswerDays(f)), String(f.objections), String(f.disputes), 'Belum ada DIP yang ditetapkan', `Disampaikan ${formatDay('id', annualDay, false)}`]);
    assert.deepEqual(rowCells(html, 'kab-bintan').slice(0, 1), ['Tidak ada data pada periode ini']);
    assert.match(rowCells(html, 'kab-bintan')[2]!, /^Belum; (batas|lewat batas) 31 Maret/);
    assert.match(html, /<figure class="chart">/);
    assert.ok(html.includes(`id="totals"`));

    const csv = csvRows(await file(ppid, `/desk/pengawasan.csv?tahun=${YEAR}`));
    assert.deepEqual(csv.map((r) => r.Kode).sort(), [barat.code, '21', '21.01'].sort());
    const row = csv.find((r) => r.Kode === barat.code)!;
    assert.deepEqual(
      [row.Permohonan, row['Sudah diputus'], row['Terlambat (diputus lewat batas atau masih lewat batas)'], row['Belum diputus dan lewat batas'], row['Keberatan'], row['Keberatan terlambat dijawab'], row['Sengketa']].map(Number),
      [f.requests, decidedCount(f), f.late, f.overdueOpen, f.objections, f.objectionsLate, f.disputes],
    );
    assert.equal(Number(row['Median hari kerja sampai jawaban']), medianAnswerDays(f));
    assert.equal(Number(row['Terlambat (%)']), Math.round((f.late / f.requests) * 1000) / 10);
    const empty = csv.find((r) => r.Kode === '21.01')!;
    assert.equal(empty['Data pada periode'], 'Tidak ada data');
    assert.equal(empty.Permohonan, '');

    const { book } = await readBook(await file(ppid, `/desk/pengawasan.xlsx?tahun=${YEAR}`));
    const sheet = sheetRows(book, 'Per kantor');
    assert.equal(sheet.length, 3);
    const xrow = sheet.find((r) => r.Kode === barat.code)!;
    assert.deepEqual([xrow.Permohonan, xrow['Sudah diputus'], xrow.Keberatan, xrow.Sengketa, xrow['Median hari kerja sampai jawaban']], [f.requests, decidedCount(f), f.objections, f.disputes, medianAnswerDays(f)]);
    assert.equal(sheet.find((r) => r.Kode === '21.01')!.Permohonan, null);
    assert.equal(book.getWorksheet('Per provinsi'), undefined, 'only KPU RI gets province totals');
    assert.ok(book.getWorksheet('Keterangan'));
  });

  test("the drill-down shows one office's aggregates, every table equal to figuresByOffice", async () => {
    const ppid = await as('atasan', 'prov-kepri');
    assert.match(await page(ppid, `/desk/pengawasan/gen-7-barat?tahun=${YEAR}`), /id="no-skm"/, 'no survey answers yet: said, not zeros');
    // Two answers in the year: the office's index per element is on its drill-down.
    await app.running.database.db.insert(surveyResponses).values([
      { officeId: barat.id, scores: [4, 4, 4, 4, 4, 4, 4, 4, 4], answeredOn: `${YEAR}-06-01` },
      { officeId: barat.id, scores: [2, 2, 2, 2, 2, 2, 2, 2, 2], answeredOn: `${YEAR}-07-01` },
    ]);
    const html = await page(ppid, `/desk/pengawasan/gen-7-barat?tahun=${YEAR}`);
    assert.match(html, /<table id="skm"/);
    assert.match(html, /75,00/, 'mean 3 × 25');
    const f = (await expectedFigures([barat.id])).get(barat.id)!;
    assert.ok(html.includes(`<dd id="sum-requests">${f.requests}</dd>`));
    assert.ok(html.includes(`<dd id="sum-decided">${decidedCount(f)}</dd>`));
    assert.ok(html.includes(`<dd id="sum-overdue">${f.overdueOpen}</dd>`));
    assert.ok(html.includes(`<dd id="sum-disputes">${f.disputes}</dd>`));
    const nonZero = (values: number[]) => (values.some((v) => v > 0) ? values : []);
    assert.deepEqual(tableCounts(html, 'channel'), nonZero(Object.values(f.byChannel)));
    assert.deepEqual(tableCounts(html, 'applicant'), nonZero(Object.values(f.byApplicantType)));
    assert.deepEqual(tableCounts(html, 'outcome'), nonZero([...Object.entries(f.byOutcome).filter(([k]) => k !== 'pending').map(([, v]) => v), f.byOutcome.pending]));
    assert.deepEqual(tableCounts(html, 'pasal17'), nonZero([...Object.entries(f.refusedByPasal17).filter(([k]) => k !== 'unknown').map(([, v]) => v), f.refusedByPasal17.unknown]));
    assert.deepEqual(tableCounts(html, 'time'), nonZero(Object.values(answerBuckets(f))));
    assert.deepEqual(tableCounts(html, 'ground'), nonZero(Object.values(f.objectionsByGround)));
    assert.deepEqual(tableCounts(html, 'objection-status'), nonZero(Object.values(f.objectionsByStatus)));
    assert.deepEqual(tableCounts(html, 'dispute-stage'), nonZero(Object.values(f.disputesByStage)));
    assert.deepEqual(tableCounts(html, 'dispute-outcome'), nonZero(Object.values(f.disputesByOutcome)));
    assert.ok(tableCounts(html, 'channel').length > 0 && tableCounts(html, 'dispute-stage').length > 0, 'the tables are there to compare');
    assert.ok((html.match(/<figure class="chart">/g)?.length ?? 0) >= 5);
    assertNoPersonalData('drill-down', html);
  });

  test('hierarchy: a regency is refused, another province’s office is not found, other roles are refused', async () => {
    const regency = await as('ppid', 'kab-bintan');
    for (const path of ['/desk/pengawasan', `/desk/pengawasan?tahun=${YEAR}`, `/desk/pengawasan.csv?tahun=${YEAR}`, `/desk/pengawasan.xlsx?tahun=${YEAR}`, '/desk/pengawasan/kab-bintan', '/desk/pengawasan/prov-kepri', '/desk/pengawasan/hasil/1/kemajuan.json']) {
      const body = await page(regency, path, 403);
      if (!path.endsWith('.json')) assert.match(body, /hanya untuk KPU Provinsi/, path);
    }
    const token = await regency.csrfFrom('/desk');
    assert.equal((await regency.post('/desk/pengawasan/hitung', { _csrf: token, tahun: String(YEAR) })).status, 403);

    const desk = await as('desk', 'prov-kepri');
    await page(desk, '/desk/pengawasan', 403);
    await page(desk, '/desk/pengawasan/kab-bintan', 403);
    await page(desk, '/desk/pengawasan.csv', 403);

    const anonymous = new Client(app.url);
    assert.notEqual((await anonymous.get('/desk/pengawasan')).status, 200);
    assert.notEqual((await anonymous.get('/desk/pengawasan.xlsx')).status, 200);

    const admin = await as('admin', 'prov-kepri');
    await page(admin, '/desk/pengawasan');
    for (const own of ['prov-kepri', 'kab-bintan', 'gen-7-barat']) await page(admin, `/desk/pengawasan/${own}?tahun=${YEAR}`);
    for (const other of ['prov-babel', 'kab-belitung-timur', 'gen-7-timur', 'ri', 'no-such-office']) {
      await page(admin, `/desk/pengawasan/${other}?tahun=${YEAR}`, 404);
      await page(admin, `/desk/pengawasan/${other}?tahun=2999`, 404);
    }
    // A province has nothing to start: its figures are counted as the page loads.
    const provinceToken = await admin.csrfFrom('/desk/pengawasan');
    const started = await admin.post('/desk/pengawasan/hitung', { _csrf: provinceToken, tahun: String(YEAR) });
    assert.equal(started.status, 303);
    assert.equal(started.headers.get('location'), `/desk/pengawasan?tahun=${YEAR}`);

    const babel = await as('ppid', 'prov-babel');
    const html = await page(babel, `/desk/pengawasan?tahun=${YEAR}`);
    assert.deepEqual(new Set(officeLinks(html)), new Set(['prov-babel', 'kab-belitung-timur', 'gen-7-timur']));
    assert.equal(rowCells(html, 'gen-7-timur')[5], `Edisi 2, ${formatDay('id', dipDay, false)}`, 'the latest ordered edition, not a later draft');
    await page(babel, '/desk/pengawasan/kab-bintan', 404);
  });

  test('KPU RI counts the nation as a job with progress, then sees every office, the province totals and the files', async () => {
    const ri = await as('ppid', 'ri');
    const before = await page(ri, `/desk/pengawasan?tahun=${YEAR}`);
    assert.match(before, /belum dihitung hari ini/);
    assert.ok(!before.includes('id="offices"'));
    // The files wait for the count too: back to the page, which offers to start it.
    const early = await ri.get(`/desk/pengawasan.xlsx?tahun=${YEAR}`);
    assert.equal(early.status, 303);
    assert.equal(early.headers.get('location'), `/desk/pengawasan?tahun=${YEAR}`);

    const token = await ri.csrfFrom(`/desk/pengawasan?tahun=${YEAR}`);
    const started = await ri.post('/desk/pengawasan/hitung', { _csrf: token, tahun: String(YEAR) });
    assert.equal(started.status, 303);
    const location = started.headers.get('location')!;
    const snapshotId = Number(/&hasil=(\d+)$/.exec(location)?.[1]);
    assert.ok(snapshotId > 0, location);
    // Asking again the same day finds the same count; "count again" makes a new one.
    const again = await ri.post('/desk/pengawasan/hitung', { _csrf: token, tahun: String(YEAR) });
    assert.equal(again.headers.get('location'), location);

    const waiting = await page(ri, location);
    assert.match(waiting, /<progress id="count-progress" max="2" value="0"/);
    assert.match(waiting, /data-progress-url="\/desk\/pengawasan\/hasil\/\d+\/kemajuan.json"/);
    assert.deepEqual(await (await ri.get(`/desk/pengawasan/hasil/${snapshotId}/kemajuan.json`)).json(), { status: 'running', done: 0, total: 2 });
    // The same count is not any other office's to see.
    await page(await as('ppid', 'prov-kepri'), `/desk/pengawasan/hasil/${snapshotId}/kemajuan.json`, 404);
    await page(await as('ppid', 'prov-kepri'), `/desk/pengawasan?tahun=${YEAR}&hasil=${snapshotId}`);

    await runNationalCount();
    assert.deepEqual(await (await ri.get(`/desk/pengawasan/hasil/${snapshotId}/kemajuan.json`)).json(), { status: 'done', done: 2, total: 2 });
    const html = await page(ri, `/desk/pengawasan?tahun=${YEAR}`);
    const all = (await app.running.database.db.select({ slug: offices.slug }).from(offices)).map((o) => o.slug);
    assert.deepEqual(new Set(officeLinks(html)), new Set(all));
    assert.ok(html.includes('id="provinces"'));
    await page(ri, `/desk/pengawasan?tahun=${YEAR}&hasil=${snapshotId}`);
    await page(ri, `/desk/pengawasan?tahun=${YEAR - 1}&hasil=${snapshotId}`, 404);

    const national = await expectedFigures(null);
    for (const office of year.offices) {
      const f = national.get(office.id)!;
      const slug = office.id === barat.id ? 'gen-7-barat' : 'gen-7-timur';
      assert.deepEqual(rowCells(html, slug).slice(0, 5), [String(f.requests), latePercent(f), id(medianAnswerDays(f)), String(f.objections), String(f.disputes)]);
    }

    const { book, text } = await readBook(await file(ri, `/desk/pengawasan.xlsx?tahun=${YEAR}`));
    assert.equal(sheetRows(book, 'Per kantor').length, all.length);
    for (const office of year.offices) {
      const f = national.get(office.id)!;
      const row = sheetRows(book, 'Per kantor').find((r) => r.Kode === (office.id === barat.id ? barat.code : timur.code))!;
      assert.deepEqual([row.Permohonan, row['Terlambat (diputus lewat batas atau masih lewat batas)'], row.Keberatan, row.Sengketa], [f.requests, f.late, f.objections, f.disputes]);
    }
    const provinces = sheetRows(book, 'Per provinsi');
    const kepri = provinces.find((r) => String(r.Provinsi).includes('Kepulauan Riau'))!;
    assert.equal(kepri.Permohonan, national.get(barat.id)!.requests, 'the province total is its offices with data');
    assert.equal(kepri.Kantor, 3);
    assert.equal(kepri['Kantor dengan data'], 1);
    assertNoPersonalData('national XLSX', text);

    const csv = await file(ri, `/desk/pengawasan.csv?tahun=${YEAR}&hasil=${snapshotId}`);
    assert.equal(csvRows(csv).length, all.length);
    assertNoPersonalData('national CSV', csv.toString('utf8'));
    assertNoPersonalData('national page', html);

    const fresh = await ri.post('/desk/pengawasan/hitung', { _csrf: token, tahun: String(YEAR), ulang: '1' });
    assert.notEqual(fresh.headers.get('location'), location);
    // KPU RI drills down into any office, live.
    const detail = await page(ri, `/desk/pengawasan/gen-7-timur?tahun=${YEAR}`);
    assert.ok(detail.includes(`<dd id="sum-requests">${national.get(timur.id)!.requests}</dd>`));
  });

  test('no personal data in any province page or file', async () => {
    const ppid = await as('ppid', 'prov-kepri');
    assertNoPersonalData('overview', await page(ppid, `/desk/pengawasan?tahun=${YEAR}`));
    assertNoPersonalData('sorted overview', await page(ppid, `/desk/pengawasan?tahun=${YEAR}&urut=sengketa&arah=turun`));
    assertNoPersonalData('CSV', (await file(ppid, `/desk/pengawasan.csv?tahun=${YEAR}`)).toString('utf8'));
    assertNoPersonalData('XLSX', (await readBook(await file(ppid, `/desk/pengawasan.xlsx?tahun=${YEAR}`))).text);
    assertNoPersonalData('drill-down', await page(ppid, `/desk/pengawasan/gen-7-barat?tahun=${YEAR}`));
  });

  test('sorting by a column is a plain link; offices without data go last', async () => {
    const ppid = await as('ppid', 'prov-kepri');
    const html = await page(ppid, `/desk/pengawasan?tahun=${YEAR}&urut=permohonan&arah=turun`);
    assert.equal(officeLinks(html)[0], 'gen-7-barat');
    assert.ok(html.includes(`<th scope="col" aria-sort="descending"><a href="/desk/pengawasan?tahun=${YEAR}&urut=permohonan&arah=naik">Permohonan</a>`));
    const byName = await page(ppid, `/desk/pengawasan?tahun=${YEAR}&urut=kantor&arah=naik`);
    // "Komisi Pemilihan Umum …" before "KPU Uji …", whatever has data.
    assert.deepEqual(officeLinks(byName), ['kab-bintan', 'prov-kepri', 'gen-7-barat']);
  });

  test('a period with no data says so; a future or malformed period is refused with a message', async () => {
    const ppid = await as('ppid', 'prov-kepri');
    const empty = await page(ppid, '/desk/pengawasan?tahun=2001');
    assert.ok(empty.includes('id="no-data"'));
    assert.ok(!empty.includes('<figure class="chart">') && !empty.includes('id="totals"'));
    assert.equal(rowCells(empty, 'gen-7-barat')[0], 'Tidak ada data pada periode ini');
    const csv = csvRows(await file(ppid, '/desk/pengawasan.csv?tahun=2001'));
    assert.ok(csv.every((r) => r['Data pada periode'] === 'Tidak ada data' && r.Permohonan === ''));
    assert.ok((await page(ppid, '/desk/pengawasan/gen-7-barat?dari=2001-01&sampai=2001-03')).includes('id="no-data"'));

    for (const [query, message] of [
      ['tahun=2999', /belum tiba/],
      ['tahun=abc', /empat angka/],
      ['dari=2025-13', /TTTT-BB/],
      [`tahun=${YEAR}&dari=${YEAR}-01`, /tidak keduanya/],
      [`dari=${YEAR}-06&sampai=${YEAR}-02`, /sebelum bulan awal/],
    ] as const) {
      assert.match(await page(ppid, `/desk/pengawasan?${query}`, 422), message, query);
      assert.match(await page(ppid, `/desk/pengawasan/gen-7-barat?${query}`, 422), message, query);
      assert.equal((await ppid.get(`/desk/pengawasan.xlsx?${query}`)).status, 422, query);
      assert.equal((await ppid.get(`/desk/pengawasan.csv?${query}`)).status, 422, query);
    }
    const months = await page(ppid, `/desk/pengawasan?dari=${YEAR}-01&sampai=${YEAR}-06`);
    assert.ok(months.includes(`value="${YEAR}-01"`) && months.includes(`value="${YEAR}-06"`));
  });
});
