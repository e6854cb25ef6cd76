import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { Client, startTestApp, type TestApp } from '../../test/support/app.ts';
import { checkA11y, launchBrowser, newContext, signIn } from '../../test/support/browser.ts';
import { ENGINE } from '../../test/support/db.ts';
import { dikEntries, dipItems, outbox } from '../db/schema.ts';
import { addDocument, savePages } from '../dip/office-pages-service.ts';
import type { ItemForm } from '../dip/rules.ts';
import { addDikEntry, classifyItem, createEdition, establishEdition, orderEdition, submitEdition, submitItem } from '../dip/service.ts';
import type { Actor } from '../kernel/audit/store.ts';
import { renderPdf } from '../letters/render.ts';
import { fileObjection } from '../objections/service.ts';
import { todayIn } from '../offices/portal.tsx';
import { DEMO_PASSWORD, demoEmail } from '../offices/seed.ts';
import { officeBySlug, staffByEmail, type OfficeRow } from '../offices/store.ts';
import { NARRATIVE_KEYS } from '../reports/annual.ts';
import { createDraft, saveNarrative, submitReport } from '../reports/annual-service.ts';
import type { DecisionForm, IntakeForm } from '../requests/rules.ts';
import { decide, handOver, newSubmissionKey, submitRequest } from '../requests/service.ts';
import { ELEMENTS } from '../survey/rules.ts';
import { answerSurvey } from '../survey/service.ts';
import { ITEM_IDS, STATUS_LABELS, type ItemId, type Status } from './rules.ts';
import { readiness } from './service.ts';

/**
 * Monev readiness through the running program: an office with nothing, then each kind of evidence
 * added through the services the desk uses until every item is present; who may see which page; and
 * the XLSX files read back against the service's own results.
 */

let app: TestApp;
let bintan: OfficeRow;
let today: string;
let year: number;
const actors: Record<string, Actor> = {};
const db = () => app.running.database.db;
const ctx = () => ({ baseUrl: app.url });
const scope = () => ({ officeId: bintan.id });

async function actor(key: string, slug = 'kab-bintan'): Promise<Actor> {
  const member = (await staffByEmail(db(), demoEmail(key, slug)))!;
  return { staffId: member.id, label: member.email, ip: '', requestId: 't' };
}

async function signedIn(key: string, slug = 'kab-bintan'): Promise<Client> {
  const client = new Client(app.url);
  assert.equal((await client.signIn(demoEmail(key, slug), DEMO_PASSWORD)).status, 303);
  return client;
}

/** The page's own content, without the desk menu (whose links depend on the role alone). */
const main = (html: string) => html.slice(html.indexOf('<main'));

const read = async (response: Response, status: number): Promise<string> => {
  const body = await response.text();
  assert.equal(response.status, status, body.slice(0, 400));
  return body;
};

async function statuses(): Promise<Record<ItemId, Status>> {
  const result = await readiness(db(), bintan, year, today);
  return Object.fromEntries(result.items.map((r) => [r.item.id, r.status])) as Record<ItemId, Status>;
}

const pdf = async (line: string) => Buffer.from(await renderPdf({ content: [{ text: line }] }));

const INTAKE: IntakeForm = {
  channel: 'walk_in',
  applicantType: 'individual',
  name: 'Dewi Pemohon',
  nik: '2101014101900002',
  legalNumber: '',
  address: 'Jl. Hang Tuah 3, Bintan',
  phone: '081200000001',
  email: 'dewi@example.id',
  occupation: 'Guru',
  proxyName: '',
  information: 'Rekapitulasi hasil penghitungan suara Pilkada 2024',
  purpose: 'Bahan ajar',
  obtainMethod: 'copy',
  deliveryMethod: 'collect',
  consent: '',
};

const REFUSAL: DecisionForm = { outcome: 'refused', form: '', perPage: '', pages: '', delivery: '', other: '', timeToProvide: '', withheld: '', pasal17: 'h', otherLaw: '', consequence: 'Membuka data pribadi saksi.', holder: '', documentedBy: '', note: '' };

const ITEM: ItemForm = {
  title: 'Laporan realisasi anggaran',
  summary: 'Realisasi belanja pegawai, barang dan modal per semester.',
  holder: 'Subbagian Keuangan, Umum dan Logistik',
  responsible: 'Kepala Subbagian Keuangan',
  producedWhen: 'Setiap semester',
  producedWhere: 'Bintan',
  hasSoftcopy: false,
  hasHardcopy: true,
  onlineLink: '',
  archiveLocation: 'Ruang arsip, lemari 1',
  retention: '10 tahun (JRA PKPU 17/2023)',
};

before(async () => {
  app = await startTestApp({ demo: true, rateLimitPerMinute: 1_000_000 });
  bintan = (await officeBySlug(db(), 'kab-bintan'))!;
  today = todayIn(bintan.timeZone);
  year = Number(today.slice(0, 4));
  for (const key of ['desk', 'ppid', 'atasan', 'admin']) actors[key] = await actor(key);
  actors.riPpid = await actor('ppid', 'ri');
});
after(async () => app?.close());

describe(`monev readiness (${ENGINE})`, () => {
  test('an office with nothing: every item missing, each saying what is missing', async () => {
    const result = await readiness(db(), bintan, year, today);
    assert.deepEqual(
      result.items.map((r) => r.item.id),
      [...ITEM_IDS],
    );
    for (const r of result.items) {
      assert.equal(r.status, 'missing', r.item.id);
      assert.equal(r.found.id, 'Tidak ada bukti di Lentera.', r.item.id);
      assert.ok(r.missing && r.missing.id.length > 20 && r.missing.en.length > 20, `${r.item.id} gives a reason`);
    }
    assert.deepEqual(result.readiness, { present: 0, partial: 0, missing: 12, total: 12, percent: 0 });
    const page = await read(await (await signedIn('ppid')).get('/desk/monev'), 200);
    assert.equal(page.match(/data-status="missing"/g)?.length, 12);
    assert.ok(page.includes('Kesiapan bukti: 0 dari 12 butir ada (0,0%); 0 sebagian, 12 belum ada.'));
    assert.ok(page.includes('Ini bukan nilai atau kualifikasi Komisi Informasi'), 'labelled as readiness, not the grade');
    assert.ok(page.includes('SK PPID belum terbit.') && page.includes(`Register tidak berisi permohonan yang diterima pada tahun ${year}.`));
  });

  test('each kind of evidence, added through the services, turns its item present', async () => {
    const expected = Object.fromEntries(ITEM_IDS.map((id) => [id, 'missing'])) as Record<ItemId, Status>;
    const expect = async (changes: Partial<Record<ItemId, Status>>, step: string) => {
      Object.assign(expected, changes);
      assert.deepEqual(await statuses(), expected, step);
    };
    const document = async (kind: string, title: string) => addDocument(db(), actors.admin!, scope(), { kind, title, file: { role: 'file', name: `${kind}.pdf`, bytes: await pdf(title) }, overrideReason: '' });

    await document('decree', 'SK Ketua KPU Kabupaten Bintan tentang PPID');
    await expect({ sk_ppid: 'present' }, 'the SK PPID');
    await document('regulation', 'UU 14/2008');
    await expect({}, 'a regulation is not an SOP');
    await document('procedure', 'SOP pelayanan permohonan informasi');
    await expect({ sop: 'present' }, 'an SOP');

    await savePages(db(), actors.admin!, scope(), { profile: 'PPID KPU Kabupaten Bintan.' });
    await expect({ profile: 'partial' }, 'the profile without the hours and costs');
    await savePages(db(), actors.admin!, scope(), { service: 'Senin–Jumat 08.00–16.00; tanpa biaya.', charter: 'Kami siap melayani.' });
    await expect({ profile: 'present', charter: 'present' }, 'hours, costs and charter');

    await addDikEntry(db(), actors.riPpid!, { officeId: (await officeBySlug(db(), 'ri'))!.id }, {
      title: 'Data pribadi pemilih',
      pasal17: 'h',
      otherLaw: '',
      harm: 'Membuka data pribadi yang dilindungi UU 27/2022.',
      publicInterest: 'Perlindungan data pribadi lebih besar daripada manfaat membukanya.',
      periodText: 'Selama data melekat pada orangnya',
      periodEndsOn: '',
      decidedBy: 'Tim uji konsekuensi KPU RI',
      decidedOn: today,
    }, ctx());
    await expect({ dik: 'present' }, "KPU RI's entry applies to the regency below it");
    // An entry carried over from before the consequence test was recorded (an old list, imported).
    const [untested] = await db().insert(dikEntries).values({ officeId: bintan.parentId!, title: 'Dokumen lama', pasal17: 'a', harm: '', publicInterest: ' ', periodText: '-', decidedBy: 'PPID', decidedOn: today }).returning({ id: dikEntries.id });
    await expect({ dik: 'partial' }, 'an entry in force without its test');
    const partialDik = (await readiness(db(), bintan, year, today)).items.find((r) => r.item.id === 'dik')!;
    assert.equal(partialDik.missing?.id, '1 entri DIK belum memuat akibat atau pertimbangan kepentingan publik dari uji konsekuensi.');
    await db().update(dikEntries).set({ status: 'revoked' }).where(eq(dikEntries.id, untested!.id));
    await expect({ dik: 'present' }, 'revoked, it no longer counts');

    const itemId = await submitItem(db(), actors.ppid!, scope(), { callId: null, form: ITEM, files: [] });
    await classifyItem(db(), actors.ppid!, scope(), itemId, { category: 'berkala', updateMonths: '6', dikEntryId: '', documentationChecked: true }, ctx());
    await expect({ berkala: 'present' }, 'a periodic item on schedule');
    await db().update(dipItems).set({ nextUpdateOn: '2020-01-31' }).where(eq(dipItems.id, itemId));
    await expect({ berkala: 'partial' }, 'past its update day');
    assert.match((await readiness(db(), bintan, year, today)).items.find((r) => r.item.id === 'berkala')!.missing!.id, /^1 informasi berkala belum dimutakhirkan \(jadwal paling lama 31 Januari 2020\)/);
    await classifyItem(db(), actors.ppid!, scope(), itemId, { category: 'berkala', updateMonths: '6', dikEntryId: '', documentationChecked: true }, ctx());
    await expect({ berkala: 'present' }, 'classified again, its next update is ahead');

    const publish = async (skPdf: Buffer | undefined) => {
      const editionId = await createEdition(db(), actors.ppid!, scope());
      await establishEdition(db(), actors.ppid!, scope(), editionId, { skNumber: `1/PPID/21.01/${year}`, skDate: today, skPdf: skPdf ? { role: 'skPdf', name: 'sk-dip.pdf', bytes: skPdf } : undefined }, ctx());
      await submitEdition(db(), actors.ppid!, scope(), editionId, ctx());
      await orderEdition(db(), actors.atasan!, scope(), editionId);
    };
    await publish(undefined);
    await expect({ dip: 'partial' }, 'an edition ordered without the SK file');
    assert.ok((await readiness(db(), bintan, year, today)).items.find((r) => r.item.id === 'dip')!.missing!.id.includes('Berkas PDF SK penetapan DIP belum diunggah'));
    await publish(await pdf('SK PPID tentang penetapan DIP'));
    await expect({ dip: 'present' }, 'the next edition has its SK file');

    const { request } = await submitRequest(db(), actors.desk!, { officeId: bintan.id, form: INTAKE, submissionKey: newSubmissionKey(), files: [] }, ctx());
    await expect({ request_register: 'present', ringkasan: 'present' }, 'a request received this year');

    await handOver(db(), actors.desk!, scope(), request.id, { items: ['Rekap hasil'], note: '' }, ctx());
    const [mail] = await db().select().from(outbox).where(and(eq(outbox.kind, 'mail'), eq(outbox.dedupeKey, `survey:${bintan.id}:${request.id}`)));
    const token = /\/survei\/([A-Za-z0-9_-]{32})/.exec((mail!.payload as { text: string }).text)![1]!;
    await answerSurvey(db(), token, Object.fromEntries(ELEMENTS.map((e) => [e.toLowerCase(), '4'])));
    await expect({ skm: 'present' }, 'a survey answer');

    const refused = (await submitRequest(db(), actors.desk!, { officeId: bintan.id, form: { ...INTAKE, name: 'Eko Keberatan' }, submissionKey: newSubmissionKey(), files: [] }, ctx())).request;
    await decide(db(), actors.ppid!, scope(), refused.id, REFUSAL, ctx());
    await fileObjection(
      db(),
      actors.desk!,
      { officeId: bintan.id, requestId: refused.id, form: { grounds: '', groundList: ['a'], description: 'Hasil penghitungan suara adalah informasi terbuka.', proxyName: '', proxyAddress: '', proxyPhone: '', lateReason: '' }, submissionKey: newSubmissionKey(), files: [] },
      ctx(),
    );
    await expect({ objection_register: 'present' }, 'an objection');

    await createDraft(db(), actors.ppid!, scope(), year - 1);
    await expect({ annual_report: 'partial' }, "a draft of last year's report");
    await saveNarrative(db(), actors.ppid!, scope(), year - 1, Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, `Bagian ${k} laporan tahunan.`])));
    await submitReport(db(), actors.ppid!, scope(), year - 1);
    await expect({ annual_report: 'present' }, "last year's report submitted");

    assert.deepEqual((await readiness(db(), bintan, year, today)).readiness, { present: 12, partial: 0, missing: 0, total: 12, percent: 100 });
    const page = await read(await (await signedIn('ppid')).get('/desk/monev'), 200);
    assert.equal(page.match(/data-status="present"/g)?.length, 12);
    assert.ok(page.includes('Kesiapan bukti: 12 dari 12 butir ada (100,0%)'));
    assert.ok(page.includes(`2 permohonan diterima pada tahun ${year}.`) && page.includes(`1 jawaban SKM pada tahun ${year}.`), 'the evidence is counted');

    const lastYear = await readiness(db(), bintan, year - 1, today);
    const last = Object.fromEntries(lastYear.items.map((r) => [r.item.id, r.status]));
    assert.equal(last.request_register, 'missing', 'nothing was received the year before');
    assert.equal(last.dip, 'missing', 'no edition was ordered by the end of the year before');
    assert.equal(last.sk_ppid, 'present', 'documents are judged as they stand today');
  });

  test('who sees what: the office its own page, a province and KPU RI the offices under them', async () => {
    for (const key of ['ppid', 'atasan', 'admin']) assert.equal((await (await signedIn(key)).get('/desk/monev')).status, 200, key);
    for (const key of ['desk', 'unit']) assert.equal((await (await signedIn(key)).get('/desk/monev')).status, 403, key);
    assert.equal((await new Client(app.url).get('/desk/monev')).status, 303, 'anonymous: to the sign-in page');

    const admin = main(await read(await (await signedIn('admin')).get('/desk/monev'), 200));
    assert.ok(admin.includes('href="/desk/halaman-publik"') && !admin.includes('href="/desk/register"'), "the admin is linked only to pages the admin's role opens");
    const ppid = main(await read(await (await signedIn('ppid')).get('/desk/monev'), 200));
    assert.ok(ppid.includes('href="/desk/register"') && !ppid.includes('href="/desk/halaman-publik"') && ppid.includes('href="/kab-bintan/maklumat"'));
    assert.ok(!ppid.includes('href="/desk/monev/kantor'), 'a regency is not offered the overview');

    const regency = await signedIn('ppid');
    for (const path of ['/desk/monev/kantor', '/desk/monev/kantor.xlsx', '/desk/monev/kantor/kab-bintan', '/desk/monev/kantor/prov-kepri']) {
      const body = await read(await regency.get(path), 403);
      assert.ok(body.includes('hanya untuk KPU Provinsi'), path);
    }

    const province = await signedIn('ppid', 'prov-kepri');
    const own = await read(await province.get('/desk/monev'), 200);
    assert.ok(own.includes('href="/desk/monev/kantor?tahun='), 'a province is offered the overview');
    const overview = await read(await province.get('/desk/monev/kantor'), 200);
    assert.ok(overview.includes('id="office-prov-kepri"') && overview.includes('id="office-kab-bintan"'));
    assert.ok(!overview.includes('kab-belitung-timur') && !overview.includes('id="office-ri"'), 'only the offices under the province');
    assert.match(overview, /<tr id="office-kab-bintan">.*?<td class="num">12<\/td><td class="num">0<\/td><td class="num">0<\/td><td class="num">100,0%<\/td>/s);
    const detail = main(await read(await province.get('/desk/monev/kantor/kab-bintan'), 200));
    assert.ok(detail.includes('Kesiapan monev: Komisi Pemilihan Umum Kabupaten Bintan') && detail.includes('12 dari 12 butir ada'));
    assert.ok(!/href="\/desk\/(?!monev)/.test(detail), "another office's desk pages are not linked");
    assert.ok(detail.includes('href="/kab-bintan/dip"') && detail.includes('href="/kab-bintan/ringkasan-akses"'), 'its public pages are');
    assert.ok(!/NIK|Dewi Pemohon|dewi@example/.test(detail + overview), 'no personal data');
    for (const slug of ['kab-belitung-timur', 'ri', 'tidak-ada']) assert.equal((await province.get(`/desk/monev/kantor/${slug}`)).status, 404, slug);
    assert.equal((await province.get('/desk/monev/kantor/kab-belitung-timur?tahun=abc')).status, 404, 'not overseen comes before a bad year');

    const national = await read(await (await signedIn('ppid', 'ri')).get('/desk/monev/kantor'), 200);
    for (const slug of ['ri', 'prov-kepri', 'kab-bintan', 'prov-babel', 'kab-belitung-timur']) assert.ok(national.includes(`id="office-${slug}"`), slug);
    assert.equal((await (await signedIn('ppid', 'ri')).get('/desk/monev/kantor/kab-belitung-timur')).status, 200);
  });

  test('a malformed or future year is refused with a message; a past year is judged', async () => {
    const client = await signedIn('ppid');
    const malformed = await read(await client.get('/desk/monev?tahun=20x6'), 422);
    assert.ok(malformed.includes('class="error-summary"') && malformed.includes('Tulis tahun dengan empat angka') && malformed.includes('value="20x6"'));
    const future = await read(await client.get(`/desk/monev?tahun=${year + 1}`), 422);
    assert.ok(future.includes(`Tahun ${year + 1} belum tiba`));
    assert.equal((await client.get(`/desk/monev.xlsx?tahun=${year + 1}`)).status, 422);
    const province = await signedIn('ppid', 'prov-kepri');
    assert.ok((await read(await province.get('/desk/monev/kantor?tahun=abcd'), 422)).includes('Tulis tahun dengan empat angka'));
    assert.ok((await read(await province.get(`/desk/monev/kantor/kab-bintan?tahun=${year + 1}`), 422)).includes('belum tiba'));
    const past = await read(await client.get(`/desk/monev?tahun=${year - 1}`), 200);
    assert.ok(past.includes(`Register tidak berisi permohonan yang diterima pada tahun ${year - 1}.`) && past.includes(`value="${year - 1}"`));
  });

  test('the XLSX files say what the pages say', async () => {
    const result = await readiness(db(), bintan, year, today);
    const response = await (await signedIn('ppid')).get(`/desk/monev.xlsx?tahun=${year}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(response.headers.get('content-disposition') ?? '', new RegExp(`filename="monev_kab-bintan_${year}\\.xlsx"`));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Butir monev')!;
    assert.equal(sheet.rowCount, 1 + ITEM_IDS.length);
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ['No', 'Aspek', 'Butir', 'Status', 'Bukti yang ada', 'Yang kurang', 'Yang dihitung sebagai bukti']);
    result.items.forEach((r, i) => {
      const row = sheet.getRow(i + 2);
      assert.equal(row.getCell(3).value, r.item.label.id);
      assert.equal(row.getCell(4).value, STATUS_LABELS[r.status].id);
      assert.equal(row.getCell(5).value, r.found.id);
    });
    const about = book.getWorksheet('Keterangan')!;
    const aboutText = about.getSheetValues().flat().join(' ');
    assert.ok(aboutText.includes('Kesiapan bukti: 12 dari 12 butir ada') && aboutText.includes('bukan nilai atau kualifikasi Komisi Informasi'));

    const english = new Client(app.url);
    assert.equal((await english.signIn(demoEmail('ppid', 'prov-kepri'), DEMO_PASSWORD)).status, 303);
    const overviewResponse = await english.get(`/desk/monev/kantor.xlsx?tahun=${year}&lang=en`);
    assert.equal(overviewResponse.status, 200);
    const overview = new ExcelJS.Workbook();
    await overview.xlsx.load(Buffer.from(await overviewResponse.arrayBuffer()) as unknown as ArrayBuffer);
    const offices = overview.getWorksheet('Per office')!;
    assert.equal(offices.rowCount, 3, 'the header, the province and its regency');
    const header = offices.getRow(1).values as unknown[];
    assert.deepEqual(header.slice(1, 8), ['Code', 'Office', 'Level', 'Present', 'Partial', 'Missing', 'Evidence readiness (%)']);
    const byCode = new Map([2, 3].map((n) => [String(offices.getRow(n).getCell(1).value), offices.getRow(n)]));
    const regency = byCode.get('21.01')!;
    assert.deepEqual([regency.getCell(2).value, regency.getCell(4).value, regency.getCell(5).value, regency.getCell(6).value, regency.getCell(7).value], ['Komisi Pemilihan Umum Kabupaten Bintan', 12, 0, 0, 100]);
    const province = byCode.get('21')!;
    const provinceResult = await readiness(db(), (await officeBySlug(db(), 'prov-kepri'))!, year, today);
    assert.equal(province.getCell(4).value, provinceResult.readiness.present);
    provinceResult.items.forEach((r, i) => {
      assert.equal(header[8 + i], r.item.label.en);
      assert.equal(province.getCell(8 + i).value, STATUS_LABELS[r.status].en, r.item.id);
    });
  });

  test('the pages pass axe: the office, the overview, the drill-down and a refused year', { skip: ENGINE === 'postgres' ? 'pages are the same on both engines: checked once, on PGlite' : false }, async () => {
    const browser = await launchBrowser();
    try {
      const page = await (await newContext(browser)).newPage();
      await signIn(page, app.url, demoEmail('ppid', 'prov-kepri'), DEMO_PASSWORD);
      for (const [path, label] of [
        ['/desk/monev', 'the office page'],
        ['/desk/monev?tahun=20x6', 'the office page with a refused year'],
        ['/desk/monev/kantor', 'the overview'],
        ['/desk/monev/kantor/kab-bintan', 'the drill-down'],
      ] as const) {
        await page.goto(`${app.url}${path}`);
        await checkA11y(page, label);
      }
    } finally {
      await browser.close();
    }
  });
});
