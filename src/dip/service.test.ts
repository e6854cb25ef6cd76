import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { ENGINE, freshDatabase, type TestDatabase } from '../../test/support/db.ts';
import { dipItemFiles } from '../db/schema.ts';
import { cliActor, verifyAuditLog, type Actor } from '../kernel/audit/store.ts';
import { AppError } from '../kernel/errors.ts';
import { demoEmail, seedDemo } from '../offices/seed.ts';
import { officeBySlug, staffByEmail } from '../offices/store.ts';
import { publishedEntries, publishedEntry, searchPublished, officeAndDescendants, MARK_START } from './public.ts';
import { diffEditions, type ItemForm } from './rules.ts';
import {
  addDikEntry,
  answerCall,
  classifyItem,
  createCall,
  createEdition,
  decideDikProposal,
  establishEdition,
  orderEdition,
  overrideFileFindings,
  returnEdition,
  submitEdition,
  submitItem,
  updateItem,
  withdrawItem,
} from './service.ts';
import { callUnits, editionSnapshots, itemsOf } from './store.ts';

let t: TestDatabase;
const ctx = { baseUrl: 'https://lentera.example' };
const people: Record<string, Actor> = {};
const offices: Record<string, number> = {};
let unitId: number;

function actorFor(key: string, slug: string): Promise<Actor> {
  return staffByEmail(t.database.db, demoEmail(key, slug)).then((m) => ({ staffId: m!.id, label: m!.email, ip: '', requestId: 't' }));
}

before(async () => {
  t = await freshDatabase();
  await seedDemo(t.database.db, cliActor('test'), ctx.baseUrl);
  for (const slug of ['ri', 'prov-kepri', 'kab-bintan', 'kab-belitung-timur']) offices[slug] = (await officeBySlug(t.database.db, slug))!.id;
  for (const key of ['ppid', 'unit', 'atasan', 'desk']) people[`${key}.bintan`] = await actorFor(key, 'kab-bintan');
  people['ppid.ri'] = await actorFor('ppid', 'ri');
  people['ppid.kepri'] = await actorFor('ppid', 'prov-kepri');
  unitId = (await staffByEmail(t.database.db, demoEmail('unit', 'kab-bintan')))!.unitId!;
});
after(async () => t?.cleanup());

const bintan = () => ({ officeId: offices['kab-bintan']! });
const rejects = (status: number) => (error: unknown) => error instanceof AppError && error.status === status;

function item(overrides: Partial<ItemForm> = {}): ItemForm {
  return {
    title: 'Daftar Pemilih Tetap Pemilu 2024 per kecamatan',
    summary: 'Rekapitulasi jumlah pemilih tetap laki-laki dan perempuan untuk setiap kecamatan di Kabupaten Bintan.',
    holder: 'Subbagian Teknis Penyelenggaraan Pemilu dan Hubungan Masyarakat',
    responsible: 'Kepala Subbagian Teknis',
    producedWhen: 'Juni 2023',
    producedWhere: 'Bintan',
    hasSoftcopy: false,
    hasHardcopy: true,
    onlineLink: '',
    archiveLocation: 'Lemari arsip 2, ruang teknis',
    retention: '10 tahun (JRA PKPU 17/2023)',
    ...overrides,
  };
}

async function xlsxWithHiddenSheet(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Rekap').addRows([['Kecamatan', 'Pemilih'], ['Bintan Timur', 30111]]);
  const hidden = book.addWorksheet('Catatan');
  hidden.state = 'hidden';
  hidden.addRow(['internal']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe(`the DIP SOP (${ENGINE})`, () => {
  test('call → a unit submits with every field → PPID classifies → establishes → the Secretary orders → public', async () => {
    const db = t.database.db;
    const callId = await createCall(db, people['ppid.bintan']!, bintan(), { title: 'Pemutakhiran DIP semester II', instruction: 'Serahkan informasi yang dikuasai.', unitIds: [unitId], dueOn: '' }, ctx);
    await assert.rejects(submitItem(db, people['unit.bintan']!, bintan(), { callId, form: item({ title: '', retention: '' }), files: [] }), (e: unknown) => e instanceof AppError && 'title' in e.fields && 'retention' in e.fields);
    const first = await submitItem(db, people['unit.bintan']!, bintan(), { callId, form: item(), files: [] });
    const second = await submitItem(db, people['unit.bintan']!, bintan(), {
      callId,
      form: item({ title: 'Keputusan penetapan pasangan calon Pilkada 2024', summary: 'SK KPU Kabupaten Bintan tentang penetapan pasangan calon bupati dan wakil bupati.', hasSoftcopy: true }),
      files: [{ role: 'files', name: 'sk-paslon.xlsx', bytes: await xlsxWithHiddenSheet() }],
    });
    await answerCall(db, people['unit.bintan']!, bintan(), callId);
    assert.ok((await callUnits(db, callId))[0]!.answeredAt);

    await assert.rejects(classifyItem(db, people['unit.bintan']!, bintan(), first, { category: 'berkala', updateMonths: '6', dikEntryId: '', documentationChecked: true }, ctx), rejects(403));
    await assert.rejects(classifyItem(db, people['ppid.bintan']!, bintan(), first, { category: 'berkala', updateMonths: '12', dikEntryId: '', documentationChecked: true }, ctx), rejects(422));
    await classifyItem(db, people['ppid.bintan']!, bintan(), first, { category: 'berkala', updateMonths: '6', dikEntryId: '', documentationChecked: true }, ctx);
    await classifyItem(db, people['ppid.bintan']!, bintan(), second, { category: 'setiap_saat', updateMonths: '', dikEntryId: '', documentationChecked: true }, ctx);

    const editionId = await createEdition(db, people['ppid.bintan']!, bintan());
    // The hidden sheet is a finding: the edition cannot be established until the PPID decides on it.
    await assert.rejects(establishEdition(db, people['ppid.bintan']!, bintan(), editionId, { skNumber: '12/PPID/2026', skDate: '2026-11-02', skPdf: undefined }, ctx), (e: unknown) => e instanceof AppError && e.status === 409 && /temuan/.test(e.text.id));
    const [file] = await db.select().from(dipItemFiles).where(eq(dipItemFiles.itemId, second));
    assert.equal(file!.review, 'pending');
    await overrideFileFindings(db, people['ppid.bintan']!, bintan(), file!.id, 'Lembar tersembunyi hanya berisi catatan teknis tanpa data pribadi.');
    await establishEdition(db, people['ppid.bintan']!, bintan(), editionId, { skNumber: '12/PPID/2026', skDate: '2026-11-02', skPdf: undefined }, ctx);
    await submitEdition(db, people['ppid.bintan']!, bintan(), editionId, ctx);

    // Not public until the Secretary orders the upload, and only the Secretary may.
    assert.deepEqual(await publishedEntries(db, offices['kab-bintan']!), []);
    assert.equal(await publishedEntry(db, offices['kab-bintan']!, first), undefined);
    await assert.rejects(orderEdition(db, people['ppid.bintan']!, bintan(), editionId), rejects(403));
    await orderEdition(db, people['atasan.bintan']!, bintan(), editionId);
    const published = await publishedEntries(db, offices['kab-bintan']!);
    assert.deepEqual(published.map((e) => e.itemId), [first, second]);
    assert.equal(published[0]!.snapshot.category, 'berkala');
    assert.equal(published[1]!.snapshot.files.length, 1);
    await assert.rejects(orderEdition(db, people['atasan.bintan']!, bintan(), editionId), rejects(409));
    assert.deepEqual((await verifyAuditLog(db)).problems, []);
  });

  test('an update is a new edition; its difference from the last is added, changed and withdrawn; the public sees the old one until ordered', async () => {
    const db = t.database.db;
    const [firstItem, secondItem] = (await itemsOf(db, bintan(), { status: 'classified' })).map((r) => r.item.id);
    await updateItem(db, people['ppid.bintan']!, bintan(), firstItem!, { form: item({ summary: 'Rekapitulasi DPT per kecamatan, diperbarui dengan hasil pemutakhiran berkelanjutan.' }), files: [] });
    await withdrawItem(db, people['ppid.bintan']!, bintan(), secondItem!, 'Digantikan SK perubahan.');
    const third = await submitItem(db, people['ppid.bintan']!, bintan(), { callId: null, unitId, form: item({ title: 'Laporan layanan informasi publik 2025', summary: 'Laporan tahunan layanan informasi publik.' }), files: [] });
    await classifyItem(db, people['ppid.bintan']!, bintan(), third, { category: 'setiap_saat', updateMonths: '', dikEntryId: '', documentationChecked: true }, ctx);
    const editionId = await createEdition(db, people['ppid.bintan']!, bintan());
    await establishEdition(db, people['ppid.bintan']!, bintan(), editionId, { skNumber: '20/PPID/2026', skDate: '2026-11-16', skPdf: undefined }, ctx);
    await submitEdition(db, people['ppid.bintan']!, bintan(), editionId, ctx);
    await returnEdition(db, people['atasan.bintan']!, bintan(), editionId, 'Periksa kembali ringkasan laporan tahunan.');
    await establishEdition(db, people['ppid.bintan']!, bintan(), editionId, { skNumber: '20/PPID/2026', skDate: '2026-11-16', skPdf: undefined }, ctx);
    await submitEdition(db, people['ppid.bintan']!, bintan(), editionId, ctx);
    assert.deepEqual((await publishedEntries(db, offices['kab-bintan']!)).map((e) => e.itemId), [firstItem, secondItem], 'the ordered edition stays public meanwhile');
    await orderEdition(db, people['atasan.bintan']!, bintan(), editionId);
    const published = await publishedEntries(db, offices['kab-bintan']!);
    assert.deepEqual(published.map((e) => e.itemId), [firstItem, third]);

    const before = await editionSnapshots(db, editionId - 1);
    const afterEdition = await editionSnapshots(db, editionId);
    const diff = diffEditions(before, afterEdition);
    assert.deepEqual(diff.added, [third]);
    assert.deepEqual(diff.withdrawn, [secondItem]);
    assert.deepEqual([...diff.changed.entries()], [[firstItem, ['summary']]]);
  });

  test('search finds derived forms by stem, forgives a typo, and marks the matches; a higher office searches its regencies', async () => {
    const db = t.database.db;
    const bintanId = offices['kab-bintan']!;
    const stemmed = await searchPublished(db, [bintanId], 'pemilihan');
    assert.ok(stemmed.some((h) => h.snapshot.title.startsWith('Daftar Pemilih Tetap')), 'pemilihan finds pemilih (stem pilih)');
    assert.ok(stemmed[0]!.titleMarked.includes(MARK_START));
    const typo = await searchPublished(db, [bintanId], 'laporn layanan informsi');
    assert.ok(typo.some((h) => h.snapshot.title.startsWith('Laporan layanan informasi')), 'a mistyped query still finds the report');
    assert.deepEqual(await searchPublished(db, [bintanId], '   <script>  '), []);
    const province = await officeAndDescendants(db, offices['prov-kepri']!);
    assert.ok(province.includes(bintanId) && !province.includes(offices['kab-belitung-timur']!));
    assert.ok((await searchPublished(db, province, 'pemilih')).every((h) => h.officeSlug === 'kab-bintan'));
    assert.deepEqual(await searchPublished(db, [offices['kab-belitung-timur']!], 'pemilih'), [], 'another office publishes nothing yet');
  });

  test('the DIK: KPU RI sets entries for all levels; a regency proposes upward; exempt items cite an entry in force', async () => {
    const db = t.database.db;
    const dik = { title: 'Data pribadi pemilih (NIK, alamat)', pasal17: 'h', otherLaw: '', harm: 'Membuka data pribadi yang dilindungi UU 27/2022.', publicInterest: 'Perlindungan data pribadi lebih besar dari manfaat membukanya.', periodText: 'Selama data pribadi melekat', periodEndsOn: '', decidedBy: 'Tim uji konsekuensi KPU RI', decidedOn: '2026-01-15' };
    const national = await addDikEntry(db, people['ppid.ri']!, { officeId: offices.ri! }, dik, ctx);
    assert.equal(national.status, 'in_force');
    const proposal = await addDikEntry(db, people['ppid.bintan']!, bintan(), { ...dik, title: 'Dokumen pengadaan logistik yang belum selesai', pasal17: 'b' }, ctx);
    assert.equal(proposal.status, 'proposed');
    const exempt = await submitItem(db, people['unit.bintan']!, bintan(), { callId: null, form: item({ title: 'Salinan KTP anggota KPPS' }), files: [] });
    await assert.rejects(classifyItem(db, people['ppid.bintan']!, bintan(), exempt, { category: 'dikecualikan', updateMonths: '', dikEntryId: String(proposal.id), documentationChecked: true }, ctx), rejects(422));
    await classifyItem(db, people['ppid.bintan']!, bintan(), exempt, { category: 'dikecualikan', updateMonths: '', dikEntryId: String(national.id), documentationChecked: true }, ctx);
    await assert.rejects(decideDikProposal(db, people['ppid.bintan']!, bintan(), proposal.id, true), rejects(404));
    await decideDikProposal(db, people['ppid.kepri']!, { officeId: offices['prov-kepri']! }, proposal.id, true);
    await assert.rejects(decideDikProposal(db, people['ppid.kepri']!, { officeId: offices['prov-kepri']! }, proposal.id, false), rejects(409));
    await assert.rejects(addDikEntry(db, people['ppid.ri']!, { officeId: offices.ri! }, { ...dik, decidedOn: '2999-01-01' }, ctx), rejects(422));
  });
});
