import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { ENGINE, freshDatabase, type TestDatabase } from '../../test/support/db.ts';
import { cliActor, type Actor } from '../kernel/audit/store.ts';
import { readPdf } from '../letters/test-pdf.ts';
import { todayIn } from '../offices/portal.tsx';
import { demoEmail, seedDemo } from '../offices/seed.ts';
import { officeBySlug, staffByEmail, type OfficeRow } from '../offices/store.ts';
import { checkRecapMonth, RECAP_ACTIONS, RECAP_STEPS, recapBook, recapLine, recapPdf, recapXlsx } from './recap.ts';
import type { ItemForm } from './rules.ts';
import { addDikEntry, answerCall, classifyItem, createCall, createEdition, decideDikProposal, establishEdition, orderEdition, returnEdition, submitEdition, submitItem } from './service.ts';

/** The buku rekap informasi: its labels as data, the query over the audit log, and its two files. */

let t: TestDatabase;
const ctx = { baseUrl: 'https://lentera.example' };
const people: Record<string, Actor> = {};
const offices: Record<string, OfficeRow> = {};
const ids = { call: 0, item: 0, edition: 0, proposal: 0 };

function actorFor(key: string, slug: string): Promise<Actor> {
  return staffByEmail(t.database.db, demoEmail(key, slug)).then((m) => ({ staffId: m!.id, label: m!.email, ip: '', requestId: 't' }));
}

const ITEM: ItemForm = {
  title: 'Rencana Strategis KPU Kabupaten Bintan 2025–2029',
  summary: 'Dokumen rencana strategis lima tahunan.',
  holder: 'Subbagian Perencanaan, Data dan Informasi',
  responsible: 'Kepala Subbagian Perencanaan',
  producedWhen: 'Januari 2025',
  producedWhere: 'Bintan',
  hasSoftcopy: false,
  hasHardcopy: true,
  onlineLink: '',
  archiveLocation: 'Lemari arsip 1',
  retention: '5 tahun',
};

before(async () => {
  t = await freshDatabase();
  const db = t.database.db;
  await seedDemo(db, cliActor('test'), ctx.baseUrl);
  for (const slug of ['kab-bintan', 'prov-kepri', 'kab-belitung-timur']) offices[slug] = (await officeBySlug(db, slug))!;
  for (const key of ['ppid', 'unit', 'atasan']) people[key] = await actorFor(key, 'kab-bintan');
  people.kepri = await actorFor('ppid', 'prov-kepri');
  const bintan = { officeId: offices['kab-bintan']!.id };
  const unitId = (await staffByEmail(db, demoEmail('unit', 'kab-bintan')))!.unitId!;
  const today = todayIn('Asia/Jakarta');
  // The SOP once through: a call, a unit's item, classification, a DIK proposal, an edition returned once, then ordered.
  ids.call = await createCall(db, people.ppid!, bintan, { title: 'Pemutakhiran DIP 2026', instruction: '', unitIds: [unitId], dueOn: '' }, ctx);
  ids.item = await submitItem(db, people.unit!, bintan, { callId: ids.call, form: ITEM, files: [] });
  await answerCall(db, people.unit!, bintan, ids.call);
  await classifyItem(db, people.ppid!, bintan, ids.item, { category: 'berkala', updateMonths: '6', dikEntryId: '', documentationChecked: true }, ctx);
  const dik = { title: 'Berita acara rapat pleno tertutup', pasal17: 'i', otherLaw: '', harm: 'Mengganggu musyawarah.', publicInterest: 'Kerahasiaan musyawarah.', periodText: 'Sampai penetapan hasil', periodEndsOn: '', decidedBy: 'PPID', decidedOn: today };
  ids.proposal = (await addDikEntry(db, people.ppid!, bintan, dik, ctx)).id;
  await decideDikProposal(db, people.kepri!, { officeId: offices['prov-kepri']!.id }, ids.proposal, true);
  ids.edition = await createEdition(db, people.ppid!, bintan);
  await establishEdition(db, people.ppid!, bintan, ids.edition, { skNumber: '7/PPID/2026', skDate: today, skPdf: undefined }, ctx);
  await submitEdition(db, people.ppid!, bintan, ids.edition, ctx);
  await returnEdition(db, people.atasan!, bintan, ids.edition, 'Lengkapi lokasi arsip.');
  await establishEdition(db, people.ppid!, bintan, ids.edition, { skNumber: '7/PPID/2026', skDate: today, skPdf: undefined }, ctx);
  await submitEdition(db, people.ppid!, bintan, ids.edition, ctx);
  await orderEdition(db, people.atasan!, bintan, ids.edition);
});
after(async () => t?.cleanup());

describe(`the buku rekap informasi (${ENGINE})`, () => {
  test('every action the DIP services and the recap export record has a label in both languages', () => {
    // Every file that records a DIP step; 'dip.import' there is the import's job kind, not an action.
    const sources = ['service.ts', 'import.ts', 'promote.ts', 'desk-editions.tsx'].map((f) => readFileSync(new URL(f, import.meta.url), 'utf8')).join('\n');
    const recorded = new Set([...sources.matchAll(/'((?:dip|dik)\.[a-z_]+)'/g)].map((m) => m[1]!).filter((name) => name !== 'dip.import'));
    assert.ok(recorded.size >= 27, `found ${recorded.size} actions`);
    for (const action of recorded) {
      const label = RECAP_ACTIONS[action];
      assert.ok(label, `${action} has a recap label`);
      assert.ok(label.what.id && label.what.en && label.what.id !== label.what.en, `${action} reads in Indonesian and English`);
    }
  });

  test('a line is pure: its step, what, details in each language, and the subject with its desk link', () => {
    const names = new Map([['dip_edition', new Map([[4, '2']])]]);
    const event = { at: new Date('2026-11-02T03:00:00Z'), action: 'dip.edition_established', actorLabel: 'ppid@x', actorName: 'Budi Santoso', subjectType: 'dip_edition', subjectId: '4', before: null, after: { skNumber: '12/PPID/2026', skDate: '2026-11-02', items: 3 } };
    const line = recapLine(event, 1, names);
    assert.equal(line.who, 'Budi Santoso');
    assert.deepEqual(line.step, RECAP_STEPS.establish);
    assert.equal(line.detail?.id, 'nomor SK: 12/PPID/2026; tanggal SK: 2 November 2026; jumlah informasi: 3');
    assert.equal(line.detail?.en, 'decision number: 12/PPID/2026; decision date: 2 November 2026; items: 3');
    assert.deepEqual(line.subject, { label: { id: 'Edisi 2', en: 'Edition 2' }, href: '/desk/dip/edisi/4' });

    const unknown = recapLine({ ...event, action: 'dip.something_new', actorName: null, subjectType: 'office', subjectId: '1' }, 2, names);
    assert.equal(unknown.who, 'ppid@x', 'the account label stands in for a person without a name');
    assert.match(unknown.what.id, /dip\.something_new/);
    assert.equal(unknown.subject, null);
    assert.equal(unknown.detail, null);

    const removed = recapLine({ ...event, action: 'dip.file_removed', subjectType: 'dip_item', subjectId: '9', before: { file: 3, name: 'rekap.xlsx' }, after: null }, 3, new Map());
    assert.equal(removed.detail?.id, 'berkas: rekap.xlsx', 'a removal names what was removed, from the event before');
    assert.equal(removed.subject?.label.id, 'Informasi: #9', 'a subject whose name is unknown is still linked');

    const staged = recapLine({ ...event, action: 'dip.import_staged', subjectType: 'dip_import', subjectId: '5', after: { fileName: 'dip-2026.xlsx', rows: 500 } }, 4, new Map([['dip_import', new Map([[5, 'dip-2026.xlsx']])]]));
    assert.deepEqual(staged.subject, { label: { id: 'Impor: dip-2026.xlsx', en: 'Import: dip-2026.xlsx' }, href: '/desk/dip/impor/5' });
    assert.equal(staged.detail?.en, 'file: dip-2026.xlsx; rows: 500');
  });

  test('the month filter', () => {
    assert.deepEqual(checkRecapMonth(''), { ok: true, month: null });
    assert.deepEqual(checkRecapMonth(' 2026-10 '), { ok: true, month: '2026-10' });
    for (const bad of ['2026-13', '2026-1', 'Oktober', '1999-12', "2026-10' OR 1=1"]) assert.equal(checkRecapMonth(bad).ok, false, bad);
  });

  test("the book lists the office's steps oldest first, with names and links; filtered by month; no other office's", async () => {
    const db = t.database.db;
    const book = await recapBook(db, offices['kab-bintan']!, null);
    assert.deepEqual(
      book.lines.map((l) => l.action),
      [
        'dip.call_created',
        'dip.item_submitted',
        'dip.call_answered',
        'dip.item_classified',
        'dik.proposed',
        'dip.edition_created',
        'dip.edition_established',
        'dip.edition_submitted',
        'dip.edition_returned',
        'dip.edition_established',
        'dip.edition_submitted',
        'dip.edition_ordered',
      ],
    );
    assert.deepEqual(book.lines.map((l) => l.no), book.lines.map((_, i) => i + 1));
    const [call, submitted, , classified, proposed, , established, , returned] = book.lines;
    assert.deepEqual(call!.subject, { label: { id: 'Permintaan informasi: Pemutakhiran DIP 2026', en: 'Call: Pemutakhiran DIP 2026' }, href: `/desk/dip/permintaan/${ids.call}` });
    assert.equal(submitted!.who, 'Andi Wijaya');
    assert.equal(submitted!.subject?.href, `/desk/dip/informasi/${ids.item}`);
    assert.equal(classified!.detail?.id, 'klasifikasi: Informasi berkala (Pasal 9); diperbarui setiap: 6 bulan; dokumentasi diperiksa: ya');
    assert.equal(proposed!.subject?.label.id, 'Entri DIK: Berita acara rapat pleno tertutup', "a proposal filed at the province is named in the regency's book");
    assert.equal(proposed!.subject?.href, `/desk/dik#dik-${ids.proposal}`);
    assert.equal(established!.subject?.label.id, 'Edisi 1');
    assert.equal(returned!.detail?.id, 'catatan: Lengkapi lokasi arsip.');
    assert.equal(returned!.who, 'Siti Rahmawati');

    const month = todayIn('Asia/Jakarta').slice(0, 7);
    assert.equal((await recapBook(db, offices['kab-bintan']!, month)).lines.length, book.lines.length);
    assert.deepEqual((await recapBook(db, offices['kab-bintan']!, '2020-01')).lines, []);

    const province = await recapBook(db, offices['prov-kepri']!, null);
    assert.deepEqual(province.lines.map((l) => l.action), ['dik.accepted']);
    assert.equal(province.lines[0]!.subject?.label.en, 'DIK entry: Berita acara rapat pleno tertutup');
    assert.deepEqual((await recapBook(db, offices['kab-belitung-timur']!, null)).lines, [], 'another office has its own book');
  });

  test('the XLSX (frozen header, links) and the PDF (letterhead) hold every line', async () => {
    const db = t.database.db;
    const office = offices['kab-bintan']!;
    const book = await recapBook(db, office, null);
    const input = { office, lang: 'id' as const, book, baseUrl: ctx.baseUrl, generatedAt: new Date(), generatedBy: 'Budi Santoso' };

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await recapXlsx(input)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    assert.equal(sheet.views[0]?.state, 'frozen');
    assert.equal((sheet.views[0] as { ySplit?: number }).ySplit, 1);
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ['No.', 'Waktu', 'Langkah SOP', 'Pelaku', 'Kegiatan', 'Keterangan', 'Objek']);
    assert.equal(sheet.rowCount, book.lines.length + 1);
    const whats = Array.from({ length: book.lines.length }, (_, i) => String(sheet.getRow(i + 2).getCell(5).value));
    assert.deepEqual(whats, book.lines.map((l) => l.what.id));
    const link = sheet.getRow(8).getCell(7).value as { text: string; hyperlink: string };
    assert.deepEqual(link, { text: 'Edisi 1', hyperlink: `${ctx.baseUrl}/desk/dip/edisi/${ids.edition}` });
    assert.equal(workbook.worksheets[1]!.getRow(3).getCell(2).value, 'Semua bulan');

    const pdf = await readPdf(await recapPdf({ ...input, lang: 'en' }));
    const flat = pdf.text.replace(/\s+/g, ' ');
    for (const expected of ['KOMISI PEMILIHAN UMUM', 'KABUPATEN BINTAN', 'INFORMATION RECAP BOOK', 'The Secretary returned the edition with comments', 'Lengkapi lokasi arsip.', 'Edition 1', 'decision number: 7/PPID/2026']) {
      assert.ok(flat.includes(expected), `the PDF says ${expected}`);
    }
    const empty = await readPdf(await recapPdf({ ...input, book: { month: '2020-01', lines: [], truncated: false } }));
    assert.match(empty.text.replace(/\s+/g, ' '), /Belum ada langkah DIP yang tercatat pada periode ini/);
  });
});
