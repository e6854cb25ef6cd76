import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { freshDatabase, ENGINE, type TestDatabase } from '../../test/support/db.ts';
import { cliActor, type Actor } from '../kernel/audit/store.ts';
import { readPdf } from '../letters/test-pdf.ts';
import { demoEmail, seedDemo } from '../offices/seed.ts';
import { officeBySlug, staffByEmail, type OfficeRow } from '../offices/store.ts';
import { APPLICANT_TYPES, CHANNELS, OUTCOMES, type DecisionForm, type IntakeForm } from '../requests/rules.ts';
import { answerDisposition, decide, deliver, dispose, escalate, explainExempt, extend, handOver, newSubmissionKey, submitRequest } from '../requests/service.ts';
import { objectionRegisterRows } from '../objections/register.ts';
import { decideObjection, fileObjection } from '../objections/service.ts';
import { monthlyPdf, monthlyXlsx, registerPdf, registerXlsx } from './exports.ts';
import { monthlyReport, registerCount, registerRows, supervision } from './register.ts';
import { checkMonth, REGISTER_COLUMNS, REGISTER_DECISIONS, registerCells, type RegisterFilter, type RegisterRow } from './rules.ts';

/**
 * A month of requests in Kabupaten Belitung Timur (WIB), made through the request services at chosen
 * moments, then read back as the register, the supervision of two days and the October report.
 */

let t: TestDatabase;
let office: OfficeRow;
let other: OfficeRow;
let unitName: string;
const people: Record<string, Actor> = {};
const ids: Record<string, number> = {};
const numbers: Record<string, string> = {};
const NIK = '1906014101900001';
const base = 'https://lentera.example';
const at = (iso: string) => ({ baseUrl: base, now: new Date(iso) });
const anonymous: Actor = { staffId: null, label: 'anonymous', ip: '', requestId: 't' };
const ALL: RegisterFilter = { from: '', to: '', status: '', channel: '', decision: '' };
const OCTOBER: RegisterFilter = { ...ALL, from: '2026-10-01', to: '2026-10-31' };

const FORM: IntakeForm = {
  channel: 'online',
  applicantType: 'individual',
  name: 'Budi Pemohon',
  nik: NIK,
  legalNumber: '',
  address: 'Jl. Merdeka 1, Manggar',
  phone: '081234567890',
  email: 'budi@example.id',
  occupation: 'Wartawan',
  proxyName: '',
  information: 'Salinan SK penetapan DPT',
  purpose: 'Bahan liputan',
  obtainMethod: 'copy',
  deliveryMethod: 'email',
  consent: 'yes',
};
const NO_DECISION: DecisionForm = { outcome: '', holder: '', form: '', perPage: '', pages: '', delivery: '', other: '', timeToProvide: '', withheld: '', pasal17: '', otherLaw: '', consequence: '', documentedBy: '', note: '' };

async function submit(key: string, when: string, form: Partial<IntakeForm> = {}, actor = anonymous, officeId = office.id, startedAt?: string) {
  const { request } = await submitRequest(
    t.database.db,
    actor,
    { officeId, form: { ...FORM, information: `Informasi ${key}`, ...form }, submissionKey: newSubmissionKey(), files: [], receivedAt: new Date(when), ...(startedAt ? { startedAt: new Date(startedAt) } : {}) },
    at(when),
  );
  ids[key] = request.id;
  numbers[key] = request.number;
  return request.id;
}

const scope = () => ({ officeId: office.id });
const desk = { channel: 'walk_in', consent: '' } as const;

before(async () => {
  t = await freshDatabase();
  const db = t.database.db;
  await seedDemo(db, cliActor('test'), base);
  office = (await officeBySlug(db, 'kab-belitung-timur'))!;
  other = (await officeBySlug(db, 'kab-bintan'))!;
  for (const key of ['desk', 'ppid', 'unit', 'atasan']) {
    const member = (await staffByEmail(db, demoEmail(key, 'kab-belitung-timur')))!;
    people[key] = { staffId: member.id, label: member.email, ip: '', requestId: 't' };
  }
  const unitMember = (await staffByEmail(db, demoEmail('unit', 'kab-belitung-timur')))!;
  unitName = 'Subbagian Teknis Penyelenggaraan Pemilu dan Hubungan Masyarakat';

  // G: 00:30 WIB on 1 October (still 30 September in UTC); not held, decided the next day.
  await submit('G', '2026-09-30T17:30:00Z');
  await decide(db, people.ppid!, scope(), ids.G!, { ...NO_DECISION, outcome: 'not_held', holder: 'KPU RI' }, at('2026-10-02T03:00:00Z'));
  // J: never answered; due 15 October.
  await submit('J', '2026-10-01T02:00:00Z');
  // A: online, escalated, a unit supplies it, extended once, granted in full with costs, delivered by e-mail.
  await submit('A', '2026-10-05T02:00:00Z');
  await escalate(db, people.desk!, scope(), ids.A!, { note: 'Mohon ditindaklanjuti.' }, at('2026-10-05T03:00:00Z'));
  const [dispositionA] = await dispose(db, people.ppid!, scope(), ids.A!, { unitIds: [unitMember.unitId!], instruction: 'Siapkan salinan.', dueOn: '2026-10-12' }, at('2026-10-06T03:00:00Z'));
  await answerDisposition(db, people.unit!, scope(), dispositionA!, { answer: 'provided', note: 'Arsip hardcopy di lemari 3.', holder: '', expectedOn: '', files: [] }, at('2026-10-09T03:00:00Z'));
  await extend(db, people.ppid!, scope(), ids.A!, { reason: 'Data perlu dihimpun dari beberapa kecamatan.' }, at('2026-10-15T03:00:00Z'));
  await decide(db, people.ppid!, scope(), ids.A!, { ...NO_DECISION, outcome: 'granted_full', form: 'soft', perPage: '500', pages: '10', timeToProvide: 'Saat pemberitahuan diterima' }, at('2026-10-20T04:00:00Z'));
  await deliver(db, people.desk!, scope(), ids.A!, { mode: 'email', note: '', payment: 'transfer' }, at('2026-10-21T03:00:00Z'));
  // B: walk-in handed over after 20 minutes (SOP: 15).
  await submit('B', '2026-10-06T03:00:00Z', desk, people.desk!, office.id, '2026-10-06T02:55:00Z');
  await handOver(db, people.desk!, scope(), ids.B!, { items: ['Salinan SK'], note: '' }, at('2026-10-06T03:20:00Z'));
  // C: a walk-in, explained at the desk as exempt after 4 minutes (SOP: 5).
  await submit('C', '2026-10-07T01:00:00Z', desk, people.desk!);
  await explainExempt(db, people.desk!, scope(), ids.C!, { pasal17: 'h', dikReference: 'DIK No. 12: data pribadi pemilih', explanation: 'Memuat NIK pemilih.' }, at('2026-10-07T01:04:00Z'));
  // The applicant objects to C (ground a); the Atasan PPID upholds the refusal.
  const { objection } = await fileObjection(
    db,
    anonymous,
    { officeId: office.id, requestId: ids.C!, form: { grounds: '', groundList: ['a'], description: 'Data yang diminta tidak memuat NIK.', proxyName: '', proxyAddress: '', proxyPhone: '', lateReason: '' }, submissionKey: newSubmissionKey(), files: [] },
    at('2026-10-09T03:00:00Z'),
  );
  numbers.objection = objection.number;
  await decideObjection(db, people.atasan!, scope(), objection.id, { action: 'uphold', reasons: 'Pengecualian sudah tepat.', terms: '', order: '' }, at('2026-10-22T03:00:00Z'));
  // D: escalated, a unit never answers its disposition, refused late (due 22 October).
  await submit('D', '2026-10-08T02:00:00Z');
  await escalate(db, people.desk!, scope(), ids.D!, { note: 'Mohon diputus.' }, at('2026-10-08T03:00:00Z'));
  await dispose(db, people.ppid!, scope(), ids.D!, { unitIds: [unitMember.unitId!], instruction: 'Periksa.', dueOn: '2026-10-16' }, at('2026-10-09T03:00:00Z'));
  await decide(db, people.ppid!, scope(), ids.D!, { ...NO_DECISION, outcome: 'refused', pasal17: 'h', consequence: 'Membuka data pribadi.' }, at('2026-10-30T03:00:00Z'));
  // I: walk-in on 20 October, entered in 8 minutes, escalated.
  await submit('I', '2026-10-20T02:00:00Z', { ...desk, phone: '', email: 'i@example.id' }, people.desk!, office.id, '2026-10-20T01:52:00Z');
  await escalate(db, people.desk!, scope(), ids.I!, { note: 'Perlu data unit.' }, at('2026-10-20T02:30:00Z'));
  // E: late in October, still open at its end.
  await submit('E', '2026-10-30T08:00:00Z');
  // F: 03:00 WIB on 1 November (31 October in UTC): November's.
  await submit('F', '2026-10-31T20:00:00Z');
  // Another office's October request.
  await submit('X', '2026-10-12T02:00:00Z', {}, anonymous, other.id);
});
after(async () => t?.cleanup());

const byNumber = (rows: readonly RegisterRow[]) => new Map(rows.map((r) => [r.number, r]));

describe(`register and reports (${ENGINE})`, () => {
  test('the register has one row per request of the office, in order of receipt, each derived from it', async () => {
    const db = t.database.db;
    const rows = await registerRows(db, office, ALL);
    assert.deepEqual(
      rows.map((r) => r.number),
      ['G', 'J', 'A', 'B', 'C', 'D', 'I', 'E', 'F'].map((k) => numbers[k]),
    );
    assert.deepEqual(rows.map((r) => r.no), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.equal(await registerCount(db, office, ALL), 9);
    const row = byNumber(rows);
    const a = row.get(numbers.A!)!;
    assert.equal(a.receivedDay, '2026-10-05');
    assert.equal(a.nikMasked, '1906********0001');
    assert.equal(a.held, 'yes');
    assert.equal(a.holder, unitName);
    assert.deepEqual(a.units, [unitName]);
    assert.equal(a.form, 'soft');
    assert.equal(a.obtainMethod, 'copy');
    assert.equal(a.decision, 'full');
    assert.equal(a.decidedDay, '2026-10-20');
    assert.equal(a.deliveredDay, '2026-10-21');
    assert.equal(a.paymentMethod, 'transfer');
    assert.equal(a.cost, 5000);
    assert.equal(a.extended, true);
    assert.equal(a.extensionReason, 'Data perlu dihimpun dari beberapa kecamatan.');
    assert.equal(a.due, '2026-10-28', 'the extension (19 October + 7 working days) is the deadline now running');
    assert.equal(a.dayZero, '2026-10-05');
    const g = row.get(numbers.G!)!;
    assert.equal(g.receivedDay, '2026-10-01', 'filed under the office day, not the UTC one');
    assert.deepEqual([g.held, g.holder, g.decision, g.outcome], ['no', 'KPU RI', 'none', 'not_held']);
    const c = row.get(numbers.C!)!;
    assert.deepEqual([c.channel, c.decision, c.paymentMethod], ['walk_in', 'refused', null]);
    assert.match(c.refusalReason!.id, /^Pasal 17 huruf h UU 14\/2008 .*; DIK: DIK No\. 12/);
    assert.match(row.get(numbers.D!)!.refusalReason!.id, /^Pasal 17 huruf h/);
    assert.equal(row.get(numbers.J!)!.decision, 'pending');
    assert.equal(row.get(numbers.J!)!.due, '2026-10-15');
    assert.equal(row.get(numbers.F!)!.receivedDay, '2026-11-01');
    assert.ok(!JSON.stringify(rows).includes(NIK), 'no unmasked NIK anywhere in the rows');
    assert.ok(!rows.some((r) => r.number === numbers.X));
  });

  test('filters: dates in the office zone, stage, channel, decision; paging numbers on', async () => {
    const db = t.database.db;
    const october = await registerRows(db, office, OCTOBER);
    assert.deepEqual(october.map((r) => r.number), ['G', 'J', 'A', 'B', 'C', 'D', 'I', 'E'].map((k) => numbers[k]));
    assert.deepEqual((await registerRows(db, office, { ...ALL, channel: 'walk_in' })).map((r) => r.number), [numbers.B, numbers.C, numbers.I]);
    assert.deepEqual((await registerRows(db, office, { ...ALL, decision: 'refused' })).map((r) => r.number), [numbers.C, numbers.D]);
    assert.deepEqual((await registerRows(db, office, { ...ALL, decision: 'pending' })).map((r) => r.number), [numbers.J, numbers.I, numbers.E, numbers.F]);
    assert.deepEqual((await registerRows(db, office, { ...ALL, status: 'escalated' })).map((r) => r.number), [numbers.I]);
    assert.deepEqual((await registerRows(db, office, { ...ALL, from: '2026-11-01' })).map((r) => r.number), [numbers.F]);
    const page = await registerRows(db, office, OCTOBER, { offset: 2, limit: 2 });
    assert.deepEqual(page.map((r) => [r.no, r.number]), [[3, numbers.A], [4, numbers.B]]);
    assert.equal(await registerCount(db, office, { ...ALL, decision: 'full' }), 2);
  });

  test("another office's register never holds these rows, and this one never holds its", async () => {
    const db = t.database.db;
    const theirs = await registerRows(db, other, ALL);
    assert.deepEqual(theirs.map((r) => r.number), [numbers.X]);
    const report = await monthlyReport(db, other, { month: '2026-10', from: '2026-10-01', to: '2026-10-31', inProgress: false }, '2026-11-21');
    assert.equal(report.figures.received, 1);
    const day = await supervision(db, other, '2026-10-27');
    assert.deepEqual([day.figures.intake, day.figures.answered, day.figures.overdue, day.lateDispositions].map((l) => l.length), [0, 0, 1, 0]);
    assert.equal(day.figures.overdue[0]!.number, numbers.X);
  });

  test('XLSX: header row frozen with an auto-filter, every row, cost as a number, no unmasked NIK', async () => {
    const rows = await registerRows(t.database.db, office, OCTOBER);
    const bytes = await registerXlsx({ office, lang: 'id', filter: OCTOBER, rows, total: rows.length, generatedAt: new Date('2026-11-02T03:00:00Z'), generatedBy: 'Budi Santoso' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Register')!;
    assert.equal(sheet.getCell('A1').value, 'No.');
    assert.equal(sheet.getCell('B1').value, 'Nomor pendaftaran');
    assert.equal(sheet.views[0]?.state, 'frozen');
    assert.equal((sheet.views[0] as { ySplit?: number }).ySplit, 1);
    assert.ok(sheet.autoFilter, 'the header row has an auto-filter');
    assert.equal(sheet.rowCount, 1 + rows.length);
    const texts: string[] = [];
    book.eachSheet((s) => s.eachRow((r) => r.eachCell((cell) => texts.push(String(cell.value)))));
    for (const r of rows) assert.ok(texts.includes(r.number), r.number);
    assert.ok(!texts.some((v) => v.includes(NIK)));
    assert.ok(texts.includes('1906********0001'));
    const aRow = sheet.getRow(1 + rows.findIndex((r) => r.number === numbers.A) + 1);
    assert.equal(aRow.getCell(REGISTER_COLUMNS.indexOf('cost') + 1).value, 5000);
    assert.equal(aRow.getCell(REGISTER_COLUMNS.indexOf('received') + 1).value, '2026-10-05 09:00');
    assert.ok(texts.some((v) => v.includes('Tanggal diterima: 1 Oktober 2026 – 31 Oktober 2026')), 'the filter is stated');
  });

  test('PDF: landscape A4 on the letterhead, the filter stated, every row, no unmasked NIK', async () => {
    const rows = await registerRows(t.database.db, office, OCTOBER);
    const bytes = await registerPdf({ office, lang: 'id', filter: OCTOBER, rows, total: rows.length, generatedAt: new Date('2026-11-02T03:00:00Z'), generatedBy: 'Budi Santoso' });
    const pdf = await readPdf(bytes);
    for (const r of rows) assert.ok(pdf.text.includes(r.number), r.number);
    assert.ok(pdf.text.includes('KABUPATEN BELITUNG TIMUR'));
    assert.ok(pdf.text.includes('REGISTER PELAYANAN INFORMASI PUBLIK'));
    assert.ok(pdf.text.includes('Tanggal diterima: 1 Oktober 2026 – 31 Oktober 2026'));
    assert.ok(pdf.text.includes('1906********0001'));
    assert.ok(!pdf.text.includes(NIK));
    assert.match(bytes.subarray(0, 4000).toString('latin1'), /\/MediaBox \[0 0 841\.89 595\.28\]/, 'landscape A4');
  });

  test('supervision of 20 October: intake, answered, due soon, overdue, per officer, late dispositions', async () => {
    const day = await supervision(t.database.db, office, '2026-10-20');
    assert.deepEqual(day.figures.intake.map((r) => r.number), [numbers.I]);
    assert.deepEqual(day.figures.answered.map((r) => r.number), [numbers.A]);
    assert.deepEqual(day.figures.dueSoon.map((r) => r.number), [numbers.D], 'due 22 October: 2 working days ahead');
    assert.deepEqual(day.figures.overdue.map((r) => r.number), [numbers.J]);
    assert.deepEqual(day.lateDispositions.map((d) => [d.number, d.unitName, d.dueOn]), [[numbers.D, unitName, '2026-10-16']]);
    const deskLine = day.officers.find((o) => o.staffId === people.desk!.staffId)!;
    assert.equal(deskLine.intake, 1);
    assert.deepEqual(deskLine.intakeSteps.map((s) => [s.minutes, s.sopMinutes]), [[8, 10]]);
    const ppidLine = day.officers.find((o) => o.staffId === people.ppid!.staffId)!;
    assert.equal(ppidLine.notices, 1);
    assert.equal(day.names.get(people.ppid!.staffId!), 'Budi Santoso');
  });

  test('supervision of 6 October: the walk-in handed over in 20 minutes against the SOP 15', async () => {
    const day = await supervision(t.database.db, office, '2026-10-06');
    assert.deepEqual(day.figures.intake.map((r) => r.number), [numbers.B]);
    assert.deepEqual(day.figures.answered.map((r) => r.number), [numbers.B]);
    assert.deepEqual(day.figures.overdue, []);
    const deskLine = day.officers.find((o) => o.staffId === people.desk!.staffId)!;
    assert.deepEqual(deskLine.quickPaths.map((s) => [s.number, s.action, s.minutes, s.sopMinutes]), [[numbers.B, 'request.handed_over', 20, 15]]);
    assert.deepEqual(deskLine.intakeSteps.map((s) => s.minutes), [5]);
    const c = await supervision(t.database.db, office, '2026-10-07');
    assert.deepEqual(c.officers.find((o) => o.staffId === people.desk!.staffId)!.quickPaths.map((s) => [s.action, s.minutes, s.sopMinutes]), [['request.exempt_explained', 4, 5]]);
    // On the 22nd the late disposition is still listed, the refused request not yet decided; on the 31st it is gone.
    assert.equal((await supervision(t.database.db, office, '2026-10-22')).lateDispositions.length, 1);
    assert.equal((await supervision(t.database.db, office, '2026-10-31')).lateDispositions.length, 0);
  });

  test('the October figures are counted from the October register rows and equal counts made here from them', async () => {
    const db = t.database.db;
    const checked = checkMonth('2026-10', '2026-11-02');
    assert.ok(checked.ok);
    const report = await monthlyReport(db, office, checked.period, '2026-11-02');
    const rows = await registerRows(db, office, OCTOBER);
    assert.deepEqual(report.rows, rows, 'the report reads exactly the register rows of the month');
    const f = report.figures;
    const n = (p: (r: RegisterRow) => boolean) => rows.filter(p).length;
    assert.equal(f.received, rows.length);
    for (const c of CHANNELS) assert.equal(f.byChannel[c], n((r) => r.channel === c), c);
    for (const a of APPLICANT_TYPES) assert.equal(f.byApplicantType[a], n((r) => r.applicantType === a), a);
    for (const d of REGISTER_DECISIONS) assert.equal(f.byDecision[d], n((r) => r.decision === d), d);
    for (const o of OUTCOMES) assert.equal(f.byOutcome[o], n((r) => r.outcome === o), o);
    assert.equal(f.decided, n((r) => r.decidedDay !== null));
    assert.equal(f.onTime, n((r) => r.decidedDay !== null && r.due !== null && r.decidedDay <= r.due));
    assert.equal(f.late, n((r) => r.decidedDay !== null && r.due !== null && r.decidedDay > r.due));
    assert.equal(f.extended, n((r) => r.extended));
    assert.equal(f.openAtEnd, n((r) => r.decidedDay === null || r.decidedDay > '2026-10-31'));
    // And what those counts are for this month, worked out by hand.
    assert.deepEqual(
      [f.received, f.byChannel.online, f.byChannel.walk_in, f.byChannel.letter, f.byDecision.full, f.byDecision.refused, f.byDecision.none, f.byDecision.pending],
      [8, 5, 3, 0, 2, 2, 1, 3],
    );
    assert.deepEqual([f.decided, f.onTime, f.late, f.extended, f.openAtEnd, f.openOverdue], [5, 4, 1, 1, 3, 1]);
    // Working days from day zero: G 1, A 11, B 0, C 0, D 16.
    assert.deepEqual(f.workingDays, { count: 5, median: 1, mean: 5.6 });
    // The objections and disputes likewise: counted from the register keberatan rows of the month.
    const objections = await objectionRegisterRows(db, { officeId: office.id }, { from: '2026-10-01', to: '2026-10-31', status: '', ground: '' });
    assert.deepEqual(report.cases.objections, objections);
    assert.deepEqual(objections.map((o) => o.number), [numbers.objection]);
    const c = report.cases.figures;
    assert.equal(c.objections.received, objections.length);
    assert.equal(c.objections.byStatus.upheld, objections.filter((o) => o.status === 'upheld').length);
    assert.equal(c.objections.openAtEnd, objections.filter((o) => o.endedDay === null || o.endedDay > '2026-10-31').length);
    assert.equal(c.disputes.filed, report.cases.disputes.length);
    assert.deepEqual([c.objections.received, c.objections.byStatus.upheld, c.objections.byStatus.filed, c.objections.openAtEnd, c.objections.answeredLate, c.disputes.filed], [1, 1, 0, 0, 0, 0]);
  });

  test('the monthly PDF and XLSX carry the figures, the chart and the rows, never the NIK', async () => {
    const checked = checkMonth('2026-10', '2026-11-02');
    assert.ok(checked.ok);
    const report = await monthlyReport(t.database.db, office, checked.period, '2026-11-02');
    const input = { office, lang: 'id' as const, report, generatedAt: new Date('2026-11-02T03:00:00Z'), generatedBy: 'Budi Santoso' };
    const pdf = await readPdf(await monthlyPdf(input));
    for (const expected of ['LAPORAN BULANAN LAYANAN INFORMASI PUBLIK', 'Oktober 2026', 'Kepada Yth. Sekretaris Komisi Pemilihan Umum Kabupaten Belitung Timur', 'Diputus tepat waktu', 'Permohonan diterima menurut saluran', 'Daring (portal)', '5,6', 'Keberatan masuk']) {
      assert.ok(pdf.text.includes(expected), expected);
    }
    assert.ok(!pdf.text.includes(NIK));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await monthlyXlsx(input)) as unknown as ArrayBuffer);
    assert.deepEqual(book.worksheets.map((s) => s.name), ['Angka', 'Register']);
    const figures: unknown[][] = [];
    book.getWorksheet('Angka')!.eachRow((r) => figures.push((r.values as unknown[]).slice(1)));
    assert.ok(figures.some((r) => r[1] === 'Jumlah' && r[2] === 8));
    assert.ok(figures.some((r) => r[1] === 'Diputus terlambat' && r[2] === 1));
    assert.ok(figures.some((r) => r[0] === 'Keberatan yang diterima bulan ini' && r[1] === 'Keberatan masuk' && r[2] === 1));
    assert.equal(book.getWorksheet('Register')!.rowCount, 9);
  });

  test('a month with no requests says so; a future or malformed month is refused', async () => {
    const checked = checkMonth('2026-08', '2026-11-02');
    assert.ok(checked.ok);
    const report = await monthlyReport(t.database.db, office, checked.period, '2026-11-02');
    assert.equal(report.rows.length, 0);
    const pdf = await readPdf(await monthlyPdf({ office, lang: 'id', report, generatedAt: new Date(), generatedBy: 'x' }));
    assert.ok(pdf.text.includes('Tidak ada permohonan informasi yang diterima pada Agustus 2026'));
    assert.ok(!pdf.text.includes('Diputus tepat waktu'), 'no zero figures shown as if measured');
    assert.ok(pdf.text.replace(/\s+/g, ' ').includes('Tidak ada keberatan yang diterima dan tidak ada sengketa informasi yang diajukan pada Agustus 2026.'));
    assert.ok(!pdf.text.includes('Keberatan masuk'));
    assert.equal(checkMonth('2026-12', '2026-11-02').ok, false);
    assert.equal(checkMonth('2026-1', '2026-11-02').ok, false);
  });

  test('December: a desk request registered without its documents says what it lacks; a cost shows how it was paid', async () => {
    const db = t.database.db;
    const DECEMBER: RegisterFilter = { ...ALL, from: '2026-12-01', to: '2026-12-31' };
    // K: a group at the desk, without the power of attorney and the members' cards.
    const { request: k } = await submitRequest(
      db,
      people.desk!,
      { officeId: office.id, form: { ...FORM, ...desk, applicantType: 'group', proxyName: 'Rina Kuasa', information: 'Informasi K' }, submissionKey: newSubmissionKey(), files: [], receivedAt: new Date('2026-12-01T02:00:00Z'), allowMissing: true },
      at('2026-12-01T02:00:00Z'),
    );
    // L: granted with Rp 3.000 of copying, paid in cash at the desk. M: granted free of charge.
    await submit('L', '2026-12-02T02:00:00Z');
    await decide(db, people.ppid!, scope(), ids.L!, { ...NO_DECISION, outcome: 'granted_full', form: 'hard', perPage: '1000', pages: '3', timeToProvide: 'Saat diambil' }, at('2026-12-03T02:00:00Z'));
    await deliver(db, people.desk!, scope(), ids.L!, { mode: 'desk', note: '', payment: 'cash' }, at('2026-12-03T03:00:00Z'));
    await submit('M', '2026-12-02T03:00:00Z');
    await decide(db, people.ppid!, scope(), ids.M!, { ...NO_DECISION, outcome: 'granted_full', form: 'soft', timeToProvide: 'Saat ini' }, at('2026-12-03T02:00:00Z'));
    await deliver(db, people.desk!, scope(), ids.M!, { mode: 'email', note: '' }, at('2026-12-03T03:00:00Z'));

    const rows = await registerRows(db, office, DECEMBER);
    const row = byNumber(rows);
    const kRow = row.get(k.number)!;
    assert.deepEqual(kRow.missing, ['proxy_letter', 'member_ids']);
    assert.equal(registerCells(kRow, 'id', office.timeZone).missing, 'Surat kuasa; KTP anggota kelompok');
    assert.equal(registerCells(kRow, 'id', office.timeZone).payment, '—');
    const lRow = row.get(numbers.L!)!;
    assert.deepEqual([lRow.cost, lRow.paymentMethod, lRow.missing], [3000, 'cash', []]);
    assert.deepEqual([registerCells(lRow, 'id', office.timeZone).payment, registerCells(lRow, 'en', office.timeZone).payment], ['Tunai', 'Cash']);
    assert.equal(registerCells(lRow, 'id', office.timeZone).missing, '—');
    const mRow = row.get(numbers.M!)!;
    assert.deepEqual([mRow.cost, mRow.paymentMethod, registerCells(mRow, 'id', office.timeZone).payment], [0, null, '—']);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await registerXlsx({ office, lang: 'id', filter: DECEMBER, rows, total: rows.length, generatedAt: new Date('2026-12-04T03:00:00Z'), generatedBy: 'Budi Santoso' })) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Register')!;
    const column = (key: (typeof REGISTER_COLUMNS)[number]) => REGISTER_COLUMNS.indexOf(key) + 1;
    assert.equal(sheet.getRow(1).getCell(column('missing')).value, 'Kelengkapan belum ada');
    assert.equal(sheet.getRow(1).getCell(column('payment')).value, 'Cara pembayaran');
    const line = (number: string) => sheet.getRow(2 + rows.findIndex((r) => r.number === number));
    assert.equal(line(k.number).getCell(column('missing')).value, 'Surat kuasa; KTP anggota kelompok');
    assert.equal(line(numbers.L!).getCell(column('payment')).value, 'Tunai');
    assert.equal(line(numbers.L!).getCell(column('cost')).value, 3000);
    const pdf = await readPdf(await registerPdf({ office, lang: 'id', filter: DECEMBER, rows, total: rows.length, generatedAt: new Date('2026-12-04T03:00:00Z'), generatedBy: 'Budi Santoso' }));
    for (const expected of ['Kelengkapan belum ada', 'Cara pembayaran', 'Tunai', 'Surat kuasa; KTP anggota kelompok']) assert.ok(pdf.text.replace(/\s+/g, ' ').includes(expected), expected);
  });
});
