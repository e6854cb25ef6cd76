import { CATEGORIES, CATEGORY_LABELS } from '../dip/rules.ts';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inArray } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../test/support/app.ts';
import { ENGINE } from '../../test/support/db.ts';
import { generateYear, localDayOf, type GenYear } from '../../test/support/generate-year.ts';
import { offices } from '../db/schema.ts';
import { formatDay } from '../kernel/i18n.ts';
import { DISPUTE_OUTCOME_LABELS, DISPUTE_OUTCOMES, OBJECTION_STATUS_LABELS, OBJECTION_STATUSES } from '../objections/rules.ts';
import { todayIn } from '../offices/portal.tsx';
import { RESERVED_SLUGS } from '../offices/rules.ts';
import { officeBySlug, type OfficeRow } from '../offices/store.ts';
import { CHANNEL_LABELS, CHANNELS, OUTCOME_LABELS, OUTCOMES, PASAL17, PASAL17_LABELS, type IntakeForm } from '../requests/rules.ts';
import { newSubmissionKey, submitRequest } from '../requests/service.ts';
import { answerBuckets, decidedCount, figuresByOffice, medianAnswerDays, sumFigures, type OfficeFigures } from './figures.ts';
import { sharedResults, within } from './public-stats.ts';

/**
 * The public statistics and the ringkasan akses through the running program, over a generated year
 * (test/support/generate-year.ts) hung under a demo province: every figure on the page and in the
 * CSV and JSON is compared with figuresByOffice, the nation with the sum of every office.
 */

let app: TestApp;
let year: GenYear;
let barat: OfficeRow;
let timur: OfficeRow;
let province: OfficeRow;
const YEAR = 2025;
const PERIOD = { from: '2025-01-01', to: '2025-12-31' };

before(async () => {
  app = await startTestApp({ demo: true });
  const db = app.running.database.db;
  year = await generateYear(db, YEAR, 150);
  province = (await officeBySlug(db, 'prov-kepri'))!;
  // The generated offices stand alone; under a province they are also its offices below.
  await db.update(offices).set({ parentId: province.id }).where(inArray(offices.id, year.offices.map((o) => o.id)));
  barat = (await officeBySlug(db, 'gen-7-barat'))!;
  timur = (await officeBySlug(db, 'gen-7-timur'))!;
});
after(async () => app?.close());

async function get(path: string): Promise<{ status: number; body: string; type: string }> {
  const response = await fetch(app.url + path);
  // Decoded by hand: response.text() would drop the CSV's BOM, which is checked.
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()).toString('utf8'), type: response.headers.get('content-type') ?? '' };
}

/** What the page compares against: figuresByOffice for the generated year, judged on the office's today. */
async function expected(office: OfficeRow): Promise<OfficeFigures> {
  const figures = await figuresByOffice(app.running.database.db, [office.id], PERIOD, todayIn(office.timeZone));
  assert.ok(figures.has(office.id));
  return figures.get(office.id)!;
}

const unescape = (s: string) => s.replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const plain = (html: string) => unescape(html.replace(/<[^>]+>/g, '')).trim();

/** A table's rows as label → cell texts, by the table's id. */
function tableRows(html: string, id: string): Map<string, string[]> {
  const table = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(html);
  assert.ok(table, `table #${id} is on the page`);
  const rows = new Map<string, string[]>();
  for (const [, row] of table[1]!.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)) {
    const header = /<th scope="row"[^>]*>([\s\S]*?)<\/th>/.exec(row!);
    if (!header) continue;
    rows.set(plain(header[1]!), [...row!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => plain(m[1]!)));
  }
  return rows;
}

function cell(rows: Map<string, string[]>, label: string): string {
  assert.ok(rows.has(label), `a row "${label}" (rows: ${[...rows.keys()].join(' | ')})`);
  return rows.get(label)![0]!;
}

/** The median as the Indonesian page writes it. */
const idDecimal = (value: number | null) => (value === null ? '—' : value.toLocaleString('id-ID', { maximumFractionDigits: 1 }));

/** Every figure the office page shows, against figuresByOffice, with the domain's own labels. */
function checkPage(html: string, f: OfficeFigures): void {
  const channel = tableRows(html, 'stat-channel');
  assert.equal(cell(channel, 'Permohonan diterima'), String(f.requests));
  for (const c of CHANNELS) assert.equal(cell(channel, CHANNEL_LABELS[c].id), String(f.byChannel[c]), c);
  const category = tableRows(html, 'stat-category');
  for (const c of CATEGORIES) assert.equal(cell(category, CATEGORY_LABELS[c].id), String(f.byCategory[c]), c);
  assert.equal(cell(category, 'Belum dikategorikan'), String(f.byCategory.unclassified));
  const outcome = tableRows(html, 'stat-outcome');
  for (const o of OUTCOMES) assert.equal(cell(outcome, OUTCOME_LABELS[o].id), String(f.byOutcome[o]), o);
  assert.equal(cell(outcome, 'Belum diputus'), String(f.byOutcome.pending));
  const pasal17 = tableRows(html, 'stat-pasal17');
  for (const p of PASAL17) assert.equal(cell(pasal17, PASAL17_LABELS[p].id), String(f.refusedByPasal17[p]), p);
  assert.equal(cell(pasal17, 'Alasan tidak tercatat'), String(f.refusedByPasal17.unknown));
  const answer = tableRows(html, 'stat-answer');
  assert.equal(cell(answer, 'Permohonan yang sudah diputus'), String(decidedCount(f)));
  assert.equal(cell(answer, 'Median hari kerja sampai pemberitahuan'), idDecimal(medianAnswerDays(f)));
  assert.equal(cell(answer, 'Lebih dari 17 hari kerja'), String(answerBuckets(f).over_17));
  assert.equal(cell(answer, 'Belum dijawab dan sudah lewat batas waktu'), String(f.overdueOpen));
  const objection = tableRows(html, 'stat-objection');
  assert.equal(cell(objection, 'Keberatan diterima'), String(f.objections));
  for (const s of OBJECTION_STATUSES) assert.equal(cell(objection, OBJECTION_STATUS_LABELS[s].id), String(f.objectionsByStatus[s]), s);
  const dispute = tableRows(html, 'stat-dispute');
  assert.equal(cell(dispute, 'Sengketa diajukan ke Komisi Informasi'), String(f.disputes));
  for (const o of DISPUTE_OUTCOMES) assert.equal(cell(dispute, DISPUTE_OUTCOME_LABELS[o].id), String(f.disputesByOutcome[o]), o);
  // Every chart is drawn on the server, and a table follows it.
  assert.equal((html.match(/<figure class="chart"><svg [^>]*role="img"/g) ?? []).length, 8);
}

/** The JSON's figures against figuresByOffice, field by field. */
function checkJson(data: Record<string, unknown> | null, f: OfficeFigures): void {
  assert.ok(data, 'figures are there');
  const roundTrip = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
  assert.deepEqual(data, {
    requests: f.requests,
    byChannel: roundTrip(f.byChannel),
    byApplicantType: roundTrip(f.byApplicantType),
    byCategory: roundTrip(f.byCategory),
    byOutcome: roundTrip(f.byOutcome),
    refusedByPasal17: roundTrip(f.refusedByPasal17),
    answer: { decided: decidedCount(f), medianWorkingDays: medianAnswerDays(f), buckets: roundTrip(answerBuckets(f)), byWorkingDays: roundTrip(f.answerDays), late: f.late, overdueOpen: f.overdueOpen },
    objections: { received: f.objections, byStatus: roundTrip(f.objectionsByStatus), byGround: roundTrip(f.objectionsByGround), late: f.objectionsLate },
    disputes: { filed: f.disputes, byOutcome: roundTrip(f.disputesByOutcome), byStage: roundTrip(f.disputesByStage) },
  });
}

/** RFC 4180 lines of our own CSV (quoted fields may hold commas; none holds a line break). */
function csvRows(body: string): string[][] {
  assert.ok(body.startsWith('\uFEFF'), 'a BOM for Excel');
  const lines = body.slice(1).split('\r\n').filter(Boolean);
  return lines.map((l) => [...l.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => (m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!)));
}

/** The CSV's figures of one scope and office code as key → value. */
function csvFigures(rows: string[][], scope: string, code: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rows.slice(1)) if (r[0] === scope && r[1] === code) out.set(r[7]!, r[9]!);
  return out;
}

function checkCsv(values: Map<string, string>, f: OfficeFigures): void {
  assert.equal(values.get('requests'), String(f.requests));
  for (const c of CHANNELS) assert.equal(values.get(`channel.${c}`), String(f.byChannel[c]), c);
  for (const c of CATEGORIES) assert.equal(values.get(`category.${c}`), String(f.byCategory[c]), c);
  for (const o of OUTCOMES) assert.equal(values.get(`outcome.${o}`), String(f.byOutcome[o]), o);
  assert.equal(values.get('outcome.pending'), String(f.byOutcome.pending));
  for (const p of PASAL17) assert.equal(values.get(`pasal17.${p}`), String(f.refusedByPasal17[p]), p);
  for (const [bucket, n] of Object.entries(answerBuckets(f))) assert.equal(values.get(`answer.${bucket}`), String(n), bucket);
  assert.equal(values.get('answer.median'), String(medianAnswerDays(f)));
  assert.equal(values.get('answer.late'), String(f.late));
  assert.equal(values.get('objections'), String(f.objections));
  for (const s of OBJECTION_STATUSES) assert.equal(values.get(`objection.${s}`), String(f.objectionsByStatus[s]), s);
  assert.equal(values.get('disputes'), String(f.disputes));
  for (const o of DISPUTE_OUTCOMES) assert.equal(values.get(`dispute.${o}`), String(f.disputesByOutcome[o]), o);
}

describe(`public statistics and the ringkasan akses (${ENGINE})`, () => {
  test('an office page: every figure, on the page and in the CSV and JSON, equals figuresByOffice', async () => {
    for (const office of [barat, timur]) {
      const f = await expected(office);
      // One count of the test's own, from the generated rows, so figuresByOffice is not only compared with itself.
      const own = year.requests.filter((r) => r.officeId === office.id && localDayOf(r.receivedAt, office.timeZone).startsWith(`${YEAR}-`));
      assert.equal(f.requests, own.length);
      assert.equal(f.byOutcome.refused, own.filter((r) => r.outcome === 'refused').length);

      const page = await get(`/${office.slug}/statistik?tahun=${YEAR}`);
      assert.equal(page.status, 200);
      assert.match(page.body, new RegExp(`<h1>Statistik layanan informasi publik ${YEAR}</h1>`));
      assert.match(page.body, /terakhir pada \d{1,2} \w+ \d{4} \d{2}\.\d{2} WI[BT], dan dihitung ulang paling lama setiap hari/, "a past year is counted again daily");
      checkPage(page.body, f);

      const json = await get(`/${office.slug}/statistik.json?tahun=${YEAR}`);
      assert.equal(json.status, 200);
      assert.match(json.type, /^application\/json/);
      const data = JSON.parse(json.body) as { scope: string; office: { slug: string }; period: { year: number; from: string; to: string; inProgress: boolean }; figures: Record<string, unknown>; below: unknown[] };
      assert.equal(data.scope, 'office');
      assert.equal(data.office.slug, office.slug);
      assert.deepEqual(data.period, { year: YEAR, from: PERIOD.from, to: PERIOD.to, inProgress: false, asOf: todayIn(office.timeZone) });
      checkJson(data.figures, f);
      assert.deepEqual(data.below, [], 'a regency has no offices below it');

      const csv = await get(`/${office.slug}/statistik.csv?tahun=${YEAR}`);
      assert.equal(csv.status, 200);
      assert.match(csv.type, /^text\/csv/);
      const rows = csvRows(csv.body);
      assert.deepEqual(rows[0], ['cakupan', 'kode_kantor', 'kantor', 'tahun', 'dari', 'sampai', 'bagian', 'kunci', 'uraian', 'nilai']);
      checkCsv(csvFigures(rows, 'kantor', office.code), f);
      assert.ok(rows.slice(1).every((r) => r[3] === String(YEAR) && r[4] === PERIOD.from && r[5] === PERIOD.to));

      // Aggregates only: nothing of the applicants or their requests is on the page or in the files.
      for (const body of [page.body, json.body, csv.body]) assert.doesNotMatch(body, /Pemohon Uji|Jl\. Uji|Informasi uji|GEN\/7\//);
    }
  });

  test('a province page shows each office below it with its totals; the figures are its own', async () => {
    const [fb, ft] = [await expected(barat), await expected(timur)];
    const page = await get(`/${province.slug}/statistik?tahun=${YEAR}`);
    assert.equal(page.status, 200);
    // The province itself received nothing in the year: it says so rather than showing zeros.
    assert.match(page.body, /Tidak ada data untuk 2025/);
    assert.doesNotMatch(page.body, /id="stat-channel"/);
    const below = tableRows(page.body, 'below');
    for (const [office, f] of [[barat, fb], [timur, ft]] as const) {
      const cells = below.get(office.name);
      assert.ok(cells, office.name);
      assert.deepEqual(cells, [String(f.requests), String(f.byOutcome.granted_full), String(f.byOutcome.granted_part), String(f.byOutcome.refused), idDecimal(medianAnswerDays(f)), String(f.late), String(f.objections), String(f.disputes)]);
      assert.match(page.body, new RegExp(`href="/${office.slug}/statistik\\?tahun=${YEAR}"`));
    }
    assert.deepEqual(below.get('Komisi Pemilihan Umum Kabupaten Bintan'), ['Tidak ada data pada periode ini']);

    const data = JSON.parse((await get(`/${province.slug}/statistik.json?tahun=${YEAR}`)).body) as { figures: unknown; below: { office: { slug: string }; scope: string; figures: Record<string, unknown> | null }[] };
    assert.equal(data.figures, null);
    checkJson(data.below.find((r) => r.office.slug === barat.slug)!.figures, fb);
    checkJson(data.below.find((r) => r.office.slug === timur.slug)!.figures, ft);
    assert.equal(data.below.find((r) => r.office.slug === 'kab-bintan')!.figures, null);
    const rows = csvRows((await get(`/${province.slug}/statistik.csv?tahun=${YEAR}`)).body);
    checkCsv(csvFigures(rows, 'kantor', timur.code), ft);
    assert.equal(csvFigures(rows, 'kantor', province.code).size, 0, 'no lines for a province with no data');
  });

  test('KPU RI lists each province with the offices below it; the nation is the sum of every office', async () => {
    const db = app.running.database.db;
    const today = todayIn('Asia/Jakarta');
    const every = await figuresByOffice(db, null, PERIOD, today);
    const nation = sumFigures(every.values());
    const perOffice = [...every.values()].reduce((a, f) => a + f.requests, 0);
    assert.equal(nation.requests, perOffice);
    assert.equal(nation.requests, (await expected(barat)).requests + (await expected(timur)).requests, 'only the generated offices have data');

    const page = await get(`/statistik?tahun=${YEAR}`);
    assert.equal(page.status, 200);
    checkPage(page.body, nation);
    const regions = tableRows(page.body, 'regions');
    assert.equal(regions.get(`${province.name} beserta kantor di bawahnya`)![0], String(nation.requests), 'the province holds both generated offices');
    assert.deepEqual(regions.get('Komisi Pemilihan Umum Provinsi Kepulauan Bangka Belitung beserta kantor di bawahnya'), ['Tidak ada data pada periode ini']);
    assert.equal(regions.get('Nasional')![0], String(nation.requests));

    const data = JSON.parse((await get(`/statistik.json?tahun=${YEAR}`)).body) as { scope: string; figures: Record<string, unknown>; regions: { office: { slug: string } | null; figures: { requests: number } | null }[] };
    assert.equal(data.scope, 'national');
    checkJson(data.figures, nation);
    assert.equal(data.regions.reduce((a, r) => a + (r.figures?.requests ?? 0), 0), nation.requests, 'every office is counted in one region, once');
    checkCsv(csvFigures(csvRows((await get(`/statistik.csv?tahun=${YEAR}`)).body), 'nasional', ''), nation);

    const ri = await get(`/ri/statistik?tahun=${YEAR}`);
    assert.equal(ri.status, 200);
    assert.equal(tableRows(ri.body, 'below').get(`${province.name} beserta kantor di bawahnya`)![0], String(nation.requests));
    assert.match(ri.body, /href="\/statistik\?tahun=2025"/);
  });

  test('a year with no data says so, on the page and in the files; the default is this year so far', async () => {
    for (const path of [`/${barat.slug}/statistik?tahun=2019`, '/statistik?tahun=2019']) {
      const page = await get(path);
      assert.equal(page.status, 200, path);
      assert.match(page.body, /Tidak ada data untuk 2019/);
      assert.doesNotMatch(page.body, /<figure class="chart">/);
    }
    const json = JSON.parse((await get(`/${barat.slug}/statistik.json?tahun=2019`)).body) as { figures: unknown };
    assert.equal(json.figures, null);
    assert.equal(csvRows((await get(`/${barat.slug}/statistik.csv?tahun=2019`)).body).length, 1, 'the header only');

    const thisYear = todayIn(barat.timeZone).slice(0, 4);
    const current = await get(`/${barat.slug}/statistik`);
    assert.equal(current.status, 200);
    assert.match(current.body, new RegExp(`<h1>Statistik layanan informasi publik ${thisYear}</h1>`));
    assert.match(current.body, /tahun berjalan, sampai hari ini/);
    const english = await get(`/${barat.slug}/statistik?tahun=${YEAR}&lang=en`);
    assert.match(english.body, /<h1>Public information service statistics 2025<\/h1>/);
    assert.match(english.body, /Requests received by channel/);
  });

  test('a malformed, too early or future year is refused with a message (422); an unknown office is 404', async () => {
    const future = String(Number(todayIn('Asia/Jakarta').slice(0, 4)) + 1);
    for (const [value, message] of [
      ['20x5', /Tulis tahun dengan empat angka/],
      ['1999', /Statistik tersedia untuk tahun sejak 2000/],
      [future, new RegExp(`Tahun ${future} belum tiba`)],
    ] as const) {
      for (const base of [`/${barat.slug}/statistik`, '/statistik']) {
        const page = await get(`${base}?tahun=${value}`);
        assert.equal(page.status, 422, `${base} ${value}`);
        assert.match(page.body, message);
        assert.match(page.body, /aria-invalid="true"/);
        assert.match(page.body, new RegExp(`value="${value}"`), 'the value typed is kept');
        for (const ext of ['csv', 'json']) assert.equal((await get(`${base}.${ext}?tahun=${value}`)).status, 422, `${base}.${ext} ${value}`);
      }
    }
    for (const path of ['/tidak-ada/statistik', '/tidak-ada/statistik.csv', '/tidak-ada/ringkasan-akses']) assert.equal((await get(path)).status, 404, path);
    assert.ok(RESERVED_SLUGS.has('statistik'), 'no office can take the national page’s path');
  });

  test('the ringkasan akses: each year back to the first record, equal to figuresByOffice, and current on every visit', async () => {
    const f = await expected(timur);
    const today = todayIn(timur.timeZone);
    const page = await get(`/${timur.slug}/ringkasan-akses`);
    assert.equal(page.status, 200);
    assert.match(page.body, new RegExp(`Diperbarui per ${formatDay('id', today, false)}`));
    // The generator writes a row at 23:30 on 31 December 2024, so the summary reaches back to 2024.
    const thisYear = Number(today.slice(0, 4));
    for (let y = thisYear; y >= 2024; y--) assert.match(page.body, new RegExp(`<h2 id="y${y}-h">${y}: `), String(y));
    assert.doesNotMatch(page.body, /id="y2023-h"/);
    const rows = tableRows(page.body, `ringkasan-${YEAR}`);
    assert.equal(cell(rows, 'Permohonan diterima'), String(f.requests));
    assert.equal(cell(rows, OUTCOME_LABELS.granted_full.id), String(f.byOutcome.granted_full));
    assert.equal(cell(rows, OUTCOME_LABELS.granted_part.id), String(f.byOutcome.granted_part));
    assert.equal(cell(rows, 'Ditolak atau dijelaskan sebagai informasi dikecualikan'), String(Object.values(f.refusedByPasal17).reduce((a, n) => a + n, 0)));
    for (const p of PASAL17) {
      if (f.refusedByPasal17[p] > 0) assert.equal(cell(rows, PASAL17_LABELS[p].id), String(f.refusedByPasal17[p]), p);
      else assert.ok(!rows.has(PASAL17_LABELS[p].id), `no line for Pasal 17 ${p}, which was never cited`);
    }
    assert.equal(cell(rows, 'Median hari kerja sampai pemberitahuan'), idDecimal(medianAnswerDays(f)));
    assert.equal(cell(rows, 'Keberatan diterima'), String(f.objections));
    assert.equal(cell(rows, 'Sengketa diajukan ke Komisi Informasi'), String(f.disputes));
    assert.doesNotMatch(page.body, /Pemohon Uji|GEN\/7\//);

    // A request received now shows on the next visit: the summary is counted live, not stored.
    const db = app.running.database.db;
    const bintan = (await officeBySlug(db, 'kab-bintan'))!;
    const summaryOf = async () => (await get('/kab-bintan/ringkasan-akses')).body;
    const before = await summaryOf();
    assert.match(before, new RegExp(`Tidak ada data untuk ${thisYear}`));
    const form: IntakeForm = { channel: 'online', applicantType: 'individual', name: 'Sari Pemohon', nik: '2101014101900001', legalNumber: '', address: 'Bintan', phone: '', email: 'sari@example.id', occupation: '', proxyName: '', information: 'Rekap DPT', purpose: 'Penelitian', obtainMethod: 'copy', deliveryMethod: 'email', consent: 'yes' };
    await submitRequest(db, { staffId: null, label: 'anonymous', ip: '', requestId: 't' }, { officeId: bintan.id, form, submissionKey: newSubmissionKey(), files: [] }, { baseUrl: app.url });
    const afterVisit = await summaryOf();
    assert.equal(cell(tableRows(afterVisit, `ringkasan-${thisYear}`), 'Permohonan diterima'), '1');
    assert.doesNotMatch(afterVisit, /Sari Pemohon|2101014101900001/);
  });

  test('a statistic is computed once for the visitors of a few minutes, and again after them or after a failure', async () => {
    const shared = sharedResults(1000, 2);
    let runs = 0;
    const count = async () => ++runs;
    const first = shared('a', count, 0);
    assert.equal(shared('a', count, 500), first, 'a visitor during the computation waits for the same one');
    assert.equal(await first, 1);
    assert.equal(await shared('a', count, 999), 1);
    assert.equal(await shared('a', count, 1000), 2, 'computed again once the time is up');
    assert.equal(await shared('b', count, 1000), 3, 'another key is another statistic');
    await shared('c', count, 1000);
    assert.equal(await shared('a', count, 1001), 5, 'the oldest is let go beyond the limit');
    await assert.rejects(shared('d', () => Promise.reject(new Error('down')), 2000));
    assert.equal(await shared('d', count, 2001), 6, 'a failure is not kept');
  });

  test('the office portal page links to the ringkasan akses and the statistics; the home page to the national ones', async () => {
    const office = await get(`/${timur.slug}`);
    assert.match(office.body, new RegExp(`href="/${timur.slug}/ringkasan-akses"`));
    assert.match(office.body, new RegExp(`href="/${timur.slug}/statistik"`));
    assert.match((await get('/')).body, /href="\/statistik"/);
  });
});

describe('a count that takes long', () => {
  test('is waited for only so long; it goes on and is there for the next visitor', async () => {
    const slow = new Promise<number>((resolve) => setTimeout(() => resolve(42), 60));
    assert.equal(await within(slow, 5), undefined, 'the page does not hang on it');
    assert.equal(await within(slow, 1000), 42, 'the same computation, finished');
    assert.equal(await within(Promise.resolve(7), 5), 7);
  });
});
