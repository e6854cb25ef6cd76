import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { Client, startTestApp, type TestApp } from '../../test/support/app.ts';
import { checkA11y, launchBrowser, newContext, signIn } from '../../test/support/browser.ts';
import { ENGINE } from '../../test/support/db.ts';
import { auditEvents, deadlines } from '../db/schema.ts';
import type { Actor } from '../kernel/audit/store.ts';
import { readPdf } from '../letters/test-pdf.ts';
import { renderPdf } from '../letters/render.ts';
import { DEMO_PASSWORD, demoEmail } from '../offices/seed.ts';
import { officeBySlug, staffByEmail, type OfficeRow } from '../offices/store.ts';
import { monthlyPdf, monthlyXlsx } from '../reports/exports.ts';
import { monthlyReport } from '../reports/register.ts';
import { checkMonth } from '../reports/rules.ts';
import type { DecisionForm as RequestDecisionForm, IntakeForm } from '../requests/rules.ts';
import { decide, newSubmissionKey, submitRequest, type CheckedFile } from '../requests/service.ts';
import {
  checkDisputeFilter,
  checkObjectionFilter,
  DISPUTE_COLUMNS,
  disputeCells,
  disputeRows,
  OBJECTION_COLUMNS,
  objectionCells,
  objectionRegisterCount,
  objectionRegisterRows,
  type DisputeFilter,
  type ObjectionRegisterFilter,
  type ObjectionRegisterRow,
} from './register.ts';
import { disputeListPdf, disputeListXlsx, objectionRegisterPdf, objectionRegisterXlsx } from './register-exports.ts';
import { DISPUTE_OUTCOMES, OBJECTION_STATUS_LABELS, OBJECTION_STATUSES, type ObjectionForm } from './rules.ts';
import { advanceDispute, decideObjection, fileObjection, recordDispute, recordResponse, withdrawObjection } from './service.ts';

/**
 * Objections and disputes in Kabupaten Belitung Timur (WIB), made through the services at chosen
 * moments in 2026, then read back as the register keberatan, the list of disputes, their files, their
 * pages and the monthly report:
 *   O5  refused request, ground a, filed 1 Sept, upheld late on 20 Oct, not accepted → D2 filed late (16 Nov)
 *   O1  refused request, ground a, filed 12 Oct, upheld 26 Oct, not accepted → D1 (30 Oct), closed "rejected" 12 Nov
 *   O2  request never answered, grounds c and g, filed 13 Oct, overturned 27 Oct
 *   O3  costs (ground f) through a proxy at the desk, 14 Oct, settled 3 Nov, accepted
 *   O4  ground d, filed 15 Oct, withdrawn 20 Oct
 * and one objection in Kabupaten Bintan that Belitung Timur must never see.
 */

let app: TestApp;
let office: OfficeRow;
let other: OfficeRow;
const people: Record<string, Actor> = {};
const ids: Record<string, number> = {};
const numbers: Record<string, string> = {};
const NIK = '1906014101900009';
const anonymous: Actor = { staffId: null, label: 'anonymous', ip: '', requestId: 't' };
const ALL: ObjectionRegisterFilter = { from: '', to: '', status: '', ground: '' };
const ALL_DISPUTES: DisputeFilter = { from: '', to: '', stage: '' };
const OCTOBER: ObjectionRegisterFilter = { ...ALL, from: '2026-10-01', to: '2026-10-31' };
/** A fixed "today" for the clocks that are still running, so the test does not age. */
const TODAY = '2026-12-10';
const COMMISSION = 'Komisi Informasi Provinsi Kepulauan Bangka Belitung';

const FORM: IntakeForm = {
  channel: 'online',
  applicantType: 'individual',
  name: 'Ahmad Pemohon',
  nik: NIK,
  legalNumber: '',
  address: 'Jl. Pelabuhan 4, Manggar',
  phone: '081234567899',
  email: 'ahmad@example.id',
  occupation: 'Wartawan',
  proxyName: '',
  information: 'Salinan berita acara rekapitulasi',
  purpose: 'Bahan liputan pemilu',
  obtainMethod: 'copy',
  deliveryMethod: 'email',
  consent: 'yes',
};
const REFUSAL: RequestDecisionForm = { outcome: 'refused', form: '', perPage: '', pages: '', delivery: '', other: '', timeToProvide: '', withheld: '', pasal17: 'h', otherLaw: '', consequence: 'Membuka data pribadi.', holder: '', documentedBy: '', note: '' };
const GRANT: RequestDecisionForm = { ...REFUSAL, outcome: 'granted_full', pasal17: '', consequence: '', form: 'soft', perPage: '0', timeToProvide: 'Saat pemberitahuan diterima' };
const REASONS = 'Sudah dipertimbangkan dengan saksama.';

const ctx = (iso: string) => ({ baseUrl: app.url, now: new Date(iso) });

async function request(key: string, when: string, officeId = office.id): Promise<number> {
  const { request } = await submitRequest(
    app.running.database.db,
    anonymous,
    { officeId, form: { ...FORM, information: `Informasi ${key}`, purpose: `Tujuan ${key}` }, submissionKey: newSubmissionKey(), files: [] },
    ctx(when),
  );
  ids[key] = request.id;
  numbers[key] = request.number;
  return request.id;
}

function objectionForm(grounds: string[], extra: Partial<ObjectionForm> = {}): ObjectionForm {
  return { grounds: '', groundList: grounds, description: 'Keputusan atas permohonan ini tidak sesuai dengan DIP kantor.', proxyName: '', proxyAddress: '', proxyPhone: '', lateReason: '', ...extra };
}

async function object(key: string, requestKey: string, when: string, form: ObjectionForm, actor = anonymous, files: CheckedFile[] = [], officeId = office.id): Promise<number> {
  const { objection } = await fileObjection(app.running.database.db, actor, { officeId, requestId: ids[requestKey]!, form, submissionKey: newSubmissionKey(), files }, ctx(when));
  ids[key] = objection.id;
  numbers[key] = objection.number;
  return objection.id;
}

const scope = () => ({ officeId: office.id });
const decision = (action: string, extra: Partial<Record<'terms' | 'order', string>> = {}) => ({ action, reasons: REASONS, terms: '', order: '', ...extra });

before(async () => {
  app = await startTestApp({ demo: true });
  const db = app.running.database.db;
  office = (await officeBySlug(db, 'kab-belitung-timur'))!;
  other = (await officeBySlug(db, 'kab-bintan'))!;
  for (const key of ['desk', 'ppid', 'atasan']) {
    const member = (await staffByEmail(db, demoEmail(key, 'kab-belitung-timur')))!;
    people[key] = { staffId: member.id, label: member.email, ip: '', requestId: 't' };
  }
  const bintanPpid = (await staffByEmail(db, demoEmail('ppid', 'kab-bintan')))!;
  people.bintan = { staffId: bintanPpid.id, label: bintanPpid.email, ip: '', requestId: 't' };

  // O5: refused in August, objected on 1 September, answered after its 30 working days.
  await request('R5', '2026-08-20T02:00:00Z');
  await decide(db, people.ppid!, scope(), ids.R5!, REFUSAL, ctx('2026-08-25T03:00:00Z'));
  await object('O5', 'R5', '2026-09-01T03:00:00Z', objectionForm(['a']));
  await decideObjection(db, people.atasan!, scope(), ids.O5!, decision('uphold'), ctx('2026-10-20T03:00:00Z'));
  await recordResponse(db, people.desk!, scope(), ids.O5!, { response: 'not_accepted', note: '' }, ctx('2026-10-21T03:00:00Z'));

  // O1: refused, objected, upheld, not accepted, taken to the commission and lost there.
  await request('R1', '2026-10-01T02:00:00Z');
  await decide(db, people.ppid!, scope(), ids.R1!, REFUSAL, ctx('2026-10-05T03:00:00Z'));
  await object('O1', 'R1', '2026-10-12T03:00:00Z', objectionForm(['a']));
  await decideObjection(db, people.atasan!, scope(), ids.O1!, decision('uphold'), ctx('2026-10-26T03:00:00Z'));
  await recordResponse(db, people.desk!, scope(), ids.O1!, { response: 'not_accepted', note: 'Disampaikan di desk.' }, ctx('2026-10-27T03:00:00Z'));
  const d1 = await recordDispute(db, people.ppid!, scope(), ids.O1!, { commission: COMMISSION, registerNumber: '', filedOn: '2026-10-30', note: '' }, [], ctx('2026-10-30T05:00:00Z'));
  ids.D1 = d1.id;
  const stage = (to: string, on: string, extra: { outcome?: string; registerNumber?: string } = {}) =>
    advanceDispute(db, people.ppid!, scope(), d1.id, { stage: to, on, note: '', outcome: extra.outcome ?? '', outcomeNote: '', ...(extra.registerNumber ? { registerNumber: extra.registerNumber } : {}) }, [], ctx(`${on}T05:00:00Z`));
  await stage('adjudication', '2026-11-03', { registerNumber: '012/REG-PSI/XI/2026' });
  await stage('decided', '2026-11-10');
  await stage('closed', '2026-11-12', { outcome: 'rejected' });

  // O2: a request never answered; objected on c and g, overturned.
  await request('R2', '2026-09-14T02:00:00Z');
  await object('O2', 'R2', '2026-10-13T03:00:00Z', objectionForm(['c', 'g']));
  await decideObjection(db, people.atasan!, scope(), ids.O2!, decision('overturn', { order: 'Berikan salinan yang diminta.' }), ctx('2026-10-27T03:00:00Z'));

  // O3: costs charged; a proxy files at the desk with the power of attorney; settled and accepted.
  await request('R3', '2026-10-01T03:00:00Z');
  await decide(db, people.ppid!, scope(), ids.R3!, { ...GRANT, perPage: '500', pages: '10' }, ctx('2026-10-06T03:00:00Z'));
  const letter: CheckedFile = { role: 'proxy_letter', name: 'surat-kuasa.pdf', mediaType: 'application/pdf', bytes: await renderPdf({ content: 'Surat kuasa' }) };
  await object('O3', 'R3', '2026-10-14T03:00:00Z', objectionForm(['f'], { proxyName: 'Rina Kuasa', proxyAddress: 'Jl. Kuasa 3, Manggar' }), people.desk!, [letter]);
  await decideObjection(db, people.atasan!, scope(), ids.O3!, decision('settle', { terms: 'Biaya salinan dihapuskan.' }), ctx('2026-11-03T03:00:00Z'));
  await recordResponse(db, people.desk!, scope(), ids.O3!, { response: 'accepted', note: '' }, ctx('2026-11-04T03:00:00Z'));

  // O4: withdrawn before any answer.
  await request('R4', '2026-10-02T02:00:00Z');
  await decide(db, people.ppid!, scope(), ids.R4!, GRANT, ctx('2026-10-07T03:00:00Z'));
  await object('O4', 'R4', '2026-10-15T03:00:00Z', objectionForm(['d']));
  await withdrawObjection(db, people.desk!, scope(), ids.O4!, { note: 'Pemohon mencabut secara lisan di desk.' }, { now: new Date('2026-10-20T03:00:00Z') });

  // D2: O5's dispute, filed after the 14 working days and not started by the commission.
  const d2 = await recordDispute(db, people.ppid!, scope(), ids.O5!, { commission: COMMISSION, registerNumber: '', filedOn: '2026-11-16', note: '' }, [], ctx('2026-11-17T03:00:00Z'));
  ids.D2 = d2.id;

  // Kabupaten Bintan's own objection.
  await request('R6', '2026-10-01T02:00:00Z', other.id);
  await decide(db, people.bintan!, { officeId: other.id }, ids.R6!, REFUSAL, ctx('2026-10-05T03:00:00Z'));
  await object('O6', 'R6', '2026-10-12T03:00:00Z', objectionForm(['a']), anonymous, [], other.id);
});
after(async () => app?.close());

const db = () => app.running.database.db;
const byNumber = (rows: readonly ObjectionRegisterRow[]) => new Map(rows.map((r) => [r.number, r]));
const numbersOf = (rows: readonly { number: string }[]) => rows.map((r) => r.number);
/** The Atasan's answer deadline of an objection, read from the clock itself. */
async function answerDue(objectionKey: string): Promise<string> {
  const [clock] = await db().select().from(deadlines).where(and(eq(deadlines.subjectType, 'objection'), eq(deadlines.subjectId, String(ids[objectionKey])), eq(deadlines.purpose, 'objection_answer')));
  return clock!.due;
}

async function as(key: string, slug = 'kab-belitung-timur'): Promise<Client> {
  const client = new Client(app.url);
  const response = await client.signIn(demoEmail(key, slug), DEMO_PASSWORD);
  assert.equal(response.status, 303);
  return client;
}

function assertOnePage(html: string): void {
  assert.match(html, /<html lang="(id|en)"/);
  assert.equal(html.match(/<h1[\s>]/g)?.length, 1);
}

describe(`register keberatan and the list of disputes (${ENGINE})`, () => {
  test('one row per objection of the office, in order of receipt, with every DOMAIN §6 column derived', async () => {
    const rows = await objectionRegisterRows(db(), scope(), ALL);
    assert.deepEqual(numbersOf(rows), ['O5', 'O1', 'O2', 'O3', 'O4'].map((k) => numbers[k]));
    assert.deepEqual(rows.map((r) => r.no), [1, 2, 3, 4, 5]);
    assert.equal(await objectionRegisterCount(db(), scope(), ALL), 5);
    const row = byNumber(rows);

    const o1 = row.get(numbers.O1!)!;
    assert.deepEqual(
      [o1.receivedDay, o1.requestNumber, o1.information, o1.purpose, o1.grounds, o1.status, o1.decidedDay, o1.atasanName, o1.response, o1.respondedDay, o1.proxyName, o1.channel],
      ['2026-10-12', numbers.R1, 'Informasi R1', 'Tujuan R1', ['a'], 'upheld', '2026-10-26', 'Siti Rahmawati', 'not_accepted', '2026-10-27', '', 'online'],
    );
    assert.equal(o1.answerDue, await answerDue('O1'));
    assert.match(o1.letterNumber ?? '', /\S/, 'the decision letter is found');
    const c1 = objectionCells(o1, 'id', office.timeZone);
    assert.equal(c1.number, numbers.O1);
    assert.match(c1.received, /^(Senin, )?12 Oktober 2026\D+10[.:]00/);
    assert.equal(c1.applicant, 'Ahmad Pemohon');
    assert.equal(c1.request, numbers.R1);
    assert.equal(c1.grounds, 'a. permohonan ditolak berdasarkan alasan pengecualian Pasal 17');
    assert.equal(c1.status, OBJECTION_STATUS_LABELS.upheld.id);
    assert.equal(c1.decision, `${OBJECTION_STATUS_LABELS.upheld.id} (surat ${o1.letterNumber})`);
    assert.equal(c1.answered, '26 Oktober 2026');
    assert.equal(c1.atasan, 'Siti Rahmawati, Sekretaris (Atasan PPID)');
    assert.equal(c1.reaction, 'Tidak menerima; dapat mengajukan sengketa ke Komisi Informasi (27 Oktober 2026)');
    assert.deepEqual(Object.keys(c1), [...OBJECTION_COLUMNS]);
    assert.ok(OBJECTION_COLUMNS.every((c) => c1[c] !== ''), 'no column left empty');

    const o2 = row.get(numbers.O2!)!;
    assert.deepEqual([o2.grounds, o2.status, o2.decidedDay, o2.response], [['c', 'g'], 'overturned', '2026-10-27', null]);
    const c2 = objectionCells(o2, 'en', office.timeZone);
    assert.equal(c2.grounds, 'c. the request was not answered; g. the information came later than the law allows');
    assert.equal(c2.reaction, 'Not stated yet');

    const o3 = row.get(numbers.O3!)!;
    assert.deepEqual([o3.proxyName, o3.channel, o3.status, o3.response], ['Rina Kuasa', 'desk', 'settled', 'accepted']);
    assert.equal(objectionCells(o3, 'id', office.timeZone).applicant, 'Ahmad Pemohon (kuasa: Rina Kuasa)');
    assert.equal(objectionCells(o3, 'en', office.timeZone).applicant, 'Ahmad Pemohon (proxy: Rina Kuasa)');

    const o4 = row.get(numbers.O4!)!;
    assert.deepEqual([o4.status, o4.decidedDay, o4.endedDay, o4.letterNumber], ['withdrawn', null, '2026-10-20', null]);
    const c4 = objectionCells(o4, 'id', office.timeZone);
    assert.deepEqual([c4.status, c4.decision, c4.answered, c4.atasan, c4.reaction], [OBJECTION_STATUS_LABELS.withdrawn.id, '—', '—', '—', '—']);

    const o5 = row.get(numbers.O5!)!;
    assert.ok(o5.answerDue! < '2026-10-20', `answered after its due date ${o5.answerDue}`);
    assert.equal(o5.decidedDay, '2026-10-20');

    assert.ok(!JSON.stringify(rows).includes(NIK), 'the register never carries the NIK');
    assert.ok(!rows.some((r) => r.number === numbers.O6));
  });

  test('filters: period in the office zone, status, ground; paging numbers on', async () => {
    const rows = (filter: Partial<ObjectionRegisterFilter>) => objectionRegisterRows(db(), scope(), { ...ALL, ...filter }).then(numbersOf);
    assert.deepEqual(await rows(OCTOBER), ['O1', 'O2', 'O3', 'O4'].map((k) => numbers[k]));
    assert.deepEqual(await rows({ from: '2026-09-01', to: '2026-09-30' }), [numbers.O5]);
    assert.deepEqual(await rows({ from: '2026-10-13', to: '2026-10-13' }), [numbers.O2]);
    assert.deepEqual(await rows({ status: 'upheld' }), [numbers.O5, numbers.O1]);
    assert.deepEqual(await rows({ status: 'filed' }), []);
    assert.deepEqual(await rows({ ground: 'a' }), [numbers.O5, numbers.O1]);
    assert.deepEqual(await rows({ ground: 'g' }), [numbers.O2]);
    assert.deepEqual(await rows({ ...OCTOBER, ground: 'a' }), [numbers.O1]);
    const page = await objectionRegisterRows(db(), scope(), ALL, { offset: 2, limit: 2 });
    assert.deepEqual(page.map((r) => [r.no, r.number]), [[3, numbers.O2], [4, numbers.O3]]);
    assert.equal(await objectionRegisterCount(db(), scope(), { ...ALL, status: 'withdrawn' }), 1);

    const bad = checkObjectionFilter({ from: '2026-13-45', to: '', status: 'decided', ground: 'h' });
    assert.ok(!bad.ok);
    assert.deepEqual(Object.keys(bad.problems).sort(), ['from', 'ground', 'status']);
    const backwards = checkDisputeFilter({ from: '2026-11-01', to: '2026-10-01', stage: '' });
    assert.ok(!backwards.ok && backwards.problems.to);
    assert.ok(!checkDisputeFilter({ from: '', to: '', stage: 'won' }).ok);
  });

  test('disputes: commission, numbers, filing and its lateness, stage, the commission clocks, outcome', async () => {
    const rows = await disputeRows(db(), scope(), ALL_DISPUTES, { today: TODAY });
    assert.deepEqual(rows.map((r) => r.id), [ids.D1, ids.D2]);
    const [d1, d2] = rows as [(typeof rows)[0], (typeof rows)[0]];
    assert.deepEqual(
      [d1.no, d1.commission, d1.registerNumber, d1.objectionNumber, d1.requestNumber, d1.filedOn, d1.late, d1.stage, d1.started, d1.startOverdue, d1.finishOverdue, d1.outcome, d1.closedDay],
      [1, COMMISSION, '012/REG-PSI/XI/2026', numbers.O1, numbers.R1, '2026-10-30', false, 'closed', true, false, false, 'rejected', '2026-11-12'],
    );
    assert.deepEqual([d2.objectionNumber, d2.requestNumber, d2.filedOn, d2.late, d2.stage, d2.started, d2.outcome, d2.closedDay], [numbers.O5, numbers.R5, '2026-11-16', true, 'filed', false, null, null]);
    assert.ok(d2.windowDue! < '2026-11-16');
    assert.ok(d2.startDue! < TODAY && d2.startOverdue, 'the commission has not started within 14 working days');
    assert.ok(d2.finishDue! > TODAY && !d2.finishOverdue);
    const early = await disputeRows(db(), scope(), ALL_DISPUTES, { today: '2026-11-20' });
    assert.equal(early[1]!.startOverdue, false, 'not overdue before its due day');

    const c1 = disputeCells(d1, 'id');
    assert.deepEqual(Object.keys(c1), [...DISPUTE_COLUMNS]);
    assert.deepEqual([c1.registerNumber, c1.filed, c1.stage, c1.outcome, c1.closed], ['012/REG-PSI/XI/2026', '30 Oktober 2026', 'Selesai', 'Permohonan pemohon ditolak', '12 November 2026']);
    assert.match(c1.start, /\(sudah dimulai\)$/);
    const c2 = disputeCells(d2, 'id');
    assert.equal(c2.registerNumber, '(belum bernomor)');
    assert.match(c2.filed, /^16 November 2026 \(melewati 14 hari kerja; batas \d+ November 2026\)$/);
    assert.match(c2.start, /\(lewat batas waktu\)$/);

    const stage = (s: DisputeFilter['stage']) => disputeRows(db(), scope(), { ...ALL_DISPUTES, stage: s }, { today: TODAY }).then((r) => r.map((d) => d.id));
    assert.deepEqual(await stage('closed'), [ids.D1]);
    assert.deepEqual(await stage('filed'), [ids.D2]);
    assert.deepEqual(await stage('mediation'), []);
    assert.deepEqual((await disputeRows(db(), scope(), { ...ALL_DISPUTES, from: '2026-11-01', to: '2026-11-30' })).map((d) => d.id), [ids.D2]);
    assert.deepEqual(await disputeRows(db(), { officeId: other.id }, ALL_DISPUTES), []);
  });

  test('XLSX and PDF of both lists carry every row with the filter stated, never the NIK', async () => {
    const rows = await objectionRegisterRows(db(), scope(), OCTOBER);
    const input = { office, lang: 'id' as const, filter: OCTOBER, rows, total: rows.length, generatedAt: new Date('2026-11-02T03:00:00Z'), generatedBy: 'Budi Santoso' };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await objectionRegisterXlsx(input)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Register keberatan')!;
    assert.equal(sheet.getCell('B1').value, 'Nomor keberatan');
    assert.equal(sheet.rowCount, 1 + rows.length);
    assert.equal((sheet.views[0] as { ySplit?: number }).ySplit, 1);
    const column = (key: (typeof OBJECTION_COLUMNS)[number]) => OBJECTION_COLUMNS.indexOf(key) + 1;
    const o3 = sheet.getRow(2 + rows.findIndex((r) => r.number === numbers.O3));
    assert.equal(o3.getCell(column('applicant')).value, 'Ahmad Pemohon (kuasa: Rina Kuasa)');
    assert.equal(o3.getCell(column('received')).value, '2026-10-14 10:00');
    assert.equal(o3.getCell(column('answered')).value, '2026-11-03');
    const texts: string[] = [];
    book.eachSheet((s) => s.eachRow((r) => r.eachCell((cell) => texts.push(String(cell.value)))));
    for (const r of rows) assert.ok(texts.includes(r.number), r.number);
    assert.ok(texts.some((v) => v.includes('Tanggal diterima: 1 Oktober 2026 – 31 Oktober 2026')), 'the filter is stated');
    assert.ok(!texts.some((v) => v.includes(NIK)));

    const pdf = await readPdf(await objectionRegisterPdf(input));
    const flat = pdf.text.replace(/\s+/g, ' ');
    for (const r of rows) assert.ok(pdf.text.includes(r.number), r.number);
    for (const expected of ['REGISTER KEBERATAN', 'KABUPATEN BELITUNG TIMUR', 'Rina Kuasa', 'Siti Rahmawati', 'Tanggal diterima: 1 Oktober 2026 – 31 Oktober 2026']) assert.ok(flat.includes(expected), expected);
    assert.ok(!pdf.text.includes(NIK));

    const disputes = await disputeRows(db(), scope(), ALL_DISPUTES, { today: TODAY });
    const list = { office, lang: 'en' as const, filter: ALL_DISPUTES, rows: disputes, total: disputes.length, generatedAt: new Date('2026-12-10T03:00:00Z'), generatedBy: 'Budi Santoso' };
    const dbook = new ExcelJS.Workbook();
    await dbook.xlsx.load((await disputeListXlsx(list)) as unknown as ArrayBuffer);
    const dsheet = dbook.getWorksheet('Sengketa')!;
    assert.equal(dsheet.getCell('B1').value, 'Dispute register number');
    assert.equal(dsheet.rowCount, 3);
    assert.equal(dsheet.getRow(2).getCell(DISPUTE_COLUMNS.indexOf('filed') + 1).value, '2026-10-30');
    assert.equal(dsheet.getRow(3).getCell(DISPUTE_COLUMNS.indexOf('objection') + 1).value, numbers.O5);
    const dpdf = (await readPdf(await disputeListPdf(list))).text.replace(/\s+/g, ' ');
    for (const expected of ['LIST OF INFORMATION DISPUTES', '012/REG-PSI/XI/2026', numbers.O1!, numbers.O5!, "The applicant's claim rejected"]) assert.ok(dpdf.includes(expected), expected);
  });

  test('the monthly report counts objections and disputes from these rows, and the files show them', async () => {
    const month = async (m: string) => {
      const checked = checkMonth(m, TODAY);
      assert.ok(checked.ok);
      return monthlyReport(db(), office, checked.period, TODAY);
    };
    const october = await month('2026-10');
    assert.deepEqual(october.cases.objections, await objectionRegisterRows(db(), scope(), OCTOBER), 'the report reads exactly the register rows of the month');
    assert.deepEqual(october.cases.disputes, await disputeRows(db(), scope(), { ...ALL_DISPUTES, from: '2026-10-01', to: '2026-10-31' }, { today: TODAY }));
    for (const report of [october, await month('2026-09'), await month('2026-11')]) {
      const { objections, disputes, figures: f } = report.cases;
      const asOf = report.period.to;
      assert.equal(f.objections.received, objections.length);
      for (const s of OBJECTION_STATUSES) assert.equal(f.objections.byStatus[s], objections.filter((r) => r.status === s).length, s);
      assert.equal(f.objections.openAtEnd, objections.filter((r) => r.endedDay === null || r.endedDay > asOf).length);
      assert.equal(f.objections.answeredLate, objections.filter((r) => r.decidedDay !== null && r.decidedDay > r.answerDue!).length);
      assert.equal(f.disputes.filed, disputes.length);
      assert.equal(f.disputes.late, disputes.filter((r) => r.late).length);
      for (const o of DISPUTE_OUTCOMES) assert.equal(f.disputes.byOutcome[o], disputes.filter((r) => r.outcome === o).length, o);
      assert.equal(f.disputes.openAtEnd, disputes.filter((r) => r.closedDay === null || r.closedDay > asOf).length);
    }
    // And what they are, worked out by hand.
    const o = october.cases.figures;
    assert.deepEqual([o.objections.received, o.objections.byStatus.upheld, o.objections.byStatus.overturned, o.objections.byStatus.settled, o.objections.byStatus.withdrawn, o.objections.byStatus.filed], [4, 1, 1, 1, 1, 0]);
    assert.deepEqual([o.objections.openAtEnd, o.objections.answeredLate], [1, 0], 'O3 was settled in November');
    assert.deepEqual([o.disputes.filed, o.disputes.late, o.disputes.byOutcome.rejected, o.disputes.openAtEnd], [1, 0, 1, 1], 'D1 closed in November');
    const s = (await month('2026-09')).cases.figures;
    assert.deepEqual([s.objections.received, s.objections.byStatus.upheld, s.objections.answeredLate, s.objections.openAtEnd, s.disputes.filed], [1, 1, 1, 1, 0]);
    const n = (await month('2026-11')).cases.figures;
    assert.deepEqual([n.objections.received, n.disputes.filed, n.disputes.late, n.disputes.openAtEnd], [0, 1, 1, 1]);
    assert.deepEqual((await monthlyReport(db(), other, october.period, TODAY)).cases.figures.objections.received, 1);

    const input = { office, lang: 'id' as const, report: october, generatedAt: new Date('2026-12-10T03:00:00Z'), generatedBy: 'Budi Santoso' };
    const pdf = (await readPdf(await monthlyPdf(input))).text.replace(/\s+/g, ' ');
    for (const expected of ['Keberatan yang diterima bulan ini', 'Keberatan masuk', 'Masih terbuka (belum ditanggapi) pada 31 Oktober 2026', 'Sengketa informasi yang diajukan bulan ini', 'Selesai: Permohonan pemohon ditolak', '4 baris register keberatan']) assert.ok(pdf.includes(expected), expected);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await monthlyXlsx(input)) as unknown as ArrayBuffer);
    const lines: unknown[][] = [];
    book.getWorksheet('Angka')!.eachRow((r) => lines.push((r.values as unknown[]).slice(1)));
    assert.ok(lines.some((r) => r[0] === 'Keberatan yang diterima bulan ini' && r[1] === 'Keberatan masuk' && r[2] === 4));
    assert.ok(lines.some((r) => r[1] === OBJECTION_STATUS_LABELS.withdrawn.id && r[2] === 1));
    assert.ok(lines.some((r) => r[1] === 'Sengketa diajukan ke Komisi Informasi' && r[2] === 1));
    const august = await month('2026-08');
    const empty = (await readPdf(await monthlyPdf({ ...input, report: august }))).text.replace(/\s+/g, ' ');
    assert.ok(empty.includes('Tidak ada keberatan yang diterima dan tidak ada sengketa informasi yang diajukan pada Agustus 2026.'));
  });

  test('the pages: every column and link, the guidance, the downloads recorded in the audit log', async () => {
    const desk = await as('desk');
    const response = await desk.get('/desk/keberatan?from=&to=&status=&ground=');
    assert.equal(response.status, 200);
    const html = await response.text();
    assertOnePage(html);
    for (const k of ['O1', 'O2', 'O3', 'O4', 'O5']) assert.ok(html.includes(`href="/desk/keberatan/${ids[k]}"`), k);
    assert.ok(html.includes(`href="/desk/permohonan/${ids.R1}"`));
    assert.ok(html.includes('5 keberatan'));
    assert.ok(html.includes('Catat keberatan'));
    assert.ok(html.includes('Ahmad Pemohon (kuasa: Rina Kuasa)'));
    assert.ok(html.includes('Siti Rahmawati, Sekretaris (Atasan PPID)'));
    assert.ok(!html.includes(NIK) && !html.includes(numbers.O6!));
    assert.ok(html.includes('href="/desk/keberatan"') && html.includes('href="/desk/sengketa"'), 'the desk menu links both lists');
    const upheld = await (await desk.get('/desk/keberatan?from=&to=&status=upheld&ground=&lang=en')).text();
    assert.ok(upheld.includes('2 objections') && upheld.includes(numbers.O1!) && !upheld.includes(numbers.O2!));
    const first = await (await desk.get('/desk/keberatan')).text();
    assert.match(first, /name="from"[^>]*value="\d{4}-01-01"|value="\d{4}-01-01"[^>]*name="from"/, 'a first visit shows the year so far');

    const xlsx = await desk.get('/desk/keberatan.xlsx?from=2026-10-01&to=2026-10-31&status=&ground=');
    assert.equal(xlsx.status, 200);
    assert.equal(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(xlsx.headers.get('content-disposition') ?? '', /^attachment; filename="register-keberatan_2026-10-01_2026-10-31\.xlsx";/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    assert.equal(book.getWorksheet('Register keberatan')!.rowCount, 5);
    const pdf = await desk.get('/desk/keberatan.pdf?from=&to=&status=&ground=c');
    assert.equal(pdf.status, 200);
    const pdfText = (await readPdf(new Uint8Array(await pdf.arrayBuffer()))).text;
    assert.ok(pdfText.includes(numbers.O2!) && !pdfText.includes(numbers.O1!));

    const sengketa = await desk.get('/desk/sengketa?from=&to=&stage=&lang=id');
    assert.equal(sengketa.status, 200);
    const list = await sengketa.text();
    assertOnePage(list);
    assert.ok(list.includes(`href="/desk/sengketa/${ids.D1}"`) && list.includes(`href="/desk/sengketa/${ids.D2}"`));
    assert.ok(list.includes(`href="/desk/keberatan/${ids.O5}"`));
    assert.ok(list.includes('2 sengketa') && list.includes('012/REG-PSI/XI/2026'));
    const closed = await (await desk.get('/desk/sengketa?from=&to=&stage=closed')).text();
    assert.ok(closed.includes(`/desk/sengketa/${ids.D1}"`) && !closed.includes(`/desk/sengketa/${ids.D2}"`));
    const dxlsx = await desk.get('/desk/sengketa.xlsx?from=&to=&stage=');
    assert.equal(dxlsx.status, 200);
    assert.match(dxlsx.headers.get('content-disposition') ?? '', /filename="daftar-sengketa_awal_\d{4}-\d{2}-\d{2}\.xlsx"/);
    assert.equal((await desk.get('/desk/sengketa.pdf?from=&to=&stage=')).headers.get('content-type'), 'application/pdf');

    const events = await db().select().from(auditEvents).where(and(eq(auditEvents.officeId, office.id), eq(auditEvents.actorId, people.desk!.staffId!)));
    const exported = events.filter((e) => e.action === 'objection_register.exported' || e.action === 'dispute_list.exported').map((e) => [e.action, (e.after as { format: string }).format, (e.after as { rows: number }).rows]);
    assert.deepEqual(exported, [
      ['objection_register.exported', 'xlsx', 4],
      ['objection_register.exported', 'pdf', 1],
      ['dispute_list.exported', 'xlsx', 2],
      ['dispute_list.exported', 'pdf', 2],
    ]);

    const report = await (await (await as('atasan')).get('/desk/laporan-bulanan?bulan=2026-10')).text();
    assert.ok(report.includes('Keberatan yang diterima bulan ini'));
    assert.ok(report.includes('<a href="/desk/keberatan?from=2026-10-01&to=2026-10-31&status=upheld&ground=">1</a>'), 'a count links to the register rows behind it');
    assert.ok(report.includes('<a href="/desk/sengketa?from=2026-10-01&to=2026-10-31&stage=">1</a>'));
  });

  test('a bad filter is a 422 page that says what is wrong and keeps what was typed; the downloads refuse it too', async () => {
    const ppid = await as('ppid');
    const response = await ppid.get('/desk/keberatan?from=2026-13-45&to=&status=zzz&ground=');
    assert.equal(response.status, 422);
    const html = await response.text();
    assertOnePage(html);
    assert.ok(html.includes('class="error-summary"'));
    assert.ok(html.includes('Tulis tanggal dengan format TTTT-BB-HH, antara tahun 2000 dan 2099.'));
    assert.ok(html.includes('Status: Pilih salah satu pilihan yang tersedia.'));
    assert.ok(html.includes('value="2026-13-45"'));
    const disputes = await ppid.get('/desk/sengketa?from=2026-11-02&to=2026-11-01&stage=');
    assert.equal(disputes.status, 422);
    assert.ok((await disputes.text()).includes('Tanggal akhir tidak boleh sebelum tanggal awal.'));
    assert.equal((await ppid.get('/desk/keberatan.xlsx?ground=z')).status, 422);
    assert.equal((await ppid.get('/desk/keberatan.pdf?from=x')).status, 422);
    assert.equal((await ppid.get('/desk/sengketa.xlsx?stage=won')).status, 422);
    assert.equal((await ppid.get('/desk/sengketa.pdf?to=2026-02-30')).status, 422);
  });

  test('the lists, a refused filter and the monthly report pass the accessibility check in a browser', { skip: ENGINE === 'postgres' ? 'pages are the same on both engines: checked once, on PGlite' : false }, async () => {
    const browser = await launchBrowser();
    try {
      const page = await (await newContext(browser)).newPage();
      await signIn(page, app.url, demoEmail('ppid', 'kab-belitung-timur'), DEMO_PASSWORD);
      for (const [path, label] of [
        ['/desk/keberatan?from=&to=&status=&ground=', 'the register keberatan'],
        ['/desk/keberatan?from=2026-13-45&to=&status=zzz&ground=', 'the register keberatan with a bad filter'],
        ['/desk/sengketa?from=&to=&stage=', 'the list of disputes'],
        ['/desk/laporan-bulanan?bulan=2026-10', 'the monthly report with objections'],
      ] as const) {
        await page.goto(`${app.url}${path}`);
        await checkA11y(page, label);
      }
      // Without JavaScript the filter is a plain GET form: choosing a ground and sending it narrows the table.
      await page.goto(`${app.url}/desk/keberatan?from=&to=&status=&ground=`);
      await page.getByLabel('Alasan keberatan').selectOption('f');
      await Promise.all([page.waitForURL(/ground=f/), page.locator('form.filters').getByRole('button', { name: 'Tampilkan' }).click()]);
      const table = await page.locator('#objection-register').innerText();
      assert.ok(table.includes(numbers.O3!) && !table.includes(numbers.O1!));
    } finally {
      await browser.close();
    }
  });

  test("another office's staff see none of these; roles without the register are refused", async () => {
    const stranger = await as('ppid', 'kab-bintan');
    const html = await (await stranger.get('/desk/keberatan?from=&to=&status=&ground=')).text();
    assert.ok(html.includes(numbers.O6!) && html.includes('1 keberatan'));
    for (const k of ['O1', 'O2', 'O3', 'O4', 'O5']) assert.ok(!html.includes(numbers[k]!), k);
    const disputes = await (await stranger.get('/desk/sengketa?from=&to=&stage=')).text();
    assert.ok(disputes.includes('Tidak ada sengketa yang sesuai dengan saringan ini.'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (await stranger.get('/desk/keberatan.xlsx?from=&to=&status=&ground=')).arrayBuffer());
    assert.equal(book.getWorksheet('Register keberatan')!.rowCount, 2);
    assert.deepEqual(numbersOf(await objectionRegisterRows(db(), { officeId: other.id }, ALL)), [numbers.O6]);

    const unit = await as('unit');
    for (const path of ['/desk/keberatan', '/desk/keberatan.xlsx', '/desk/sengketa', '/desk/sengketa.pdf']) assert.equal((await unit.get(path)).status, 403, path);
    const admin = await as('admin');
    assert.equal((await admin.get('/desk/keberatan.pdf')).status, 403);
    assert.equal((await new Client(app.url).get('/desk/keberatan')).status, 303, 'signed out: to the sign-in page');
  });
});
