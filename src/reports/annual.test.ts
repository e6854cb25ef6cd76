import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { freshDatabase, ENGINE, type TestDatabase } from '../../test/support/db.ts';
import { generateYear, localDayOf, type GenYear } from '../../test/support/generate-year.ts';
import { deadlines, requests, staff, surveyResponses } from '../db/schema.ts';
import type { Actor } from '../kernel/audit/store.ts';
import { isAppError } from '../kernel/errors.ts';
import { readPdf } from '../letters/test-pdf.ts';
import { officeById, type OfficeRow } from '../offices/store.ts';
import { checkNarrative, checkYear, deadlineState, missingSections, NARRATIVE_KEYS, submitProblem, type Narrative } from './annual.ts';
import { annualPdf, annualXlsx } from './annual-exports.ts';
import { annualFigures, createDraft, deskReport, newVersion, publicReport, saveNarrative, submitReport, versionsOf, type ReportView } from './annual-service.ts';

/**
 * The annual report's rules, versions and files against a generated year. Every figure the XLSX and
 * the PDF print is compared with a count written here, from the generator's specs, sharing nothing
 * with figures.ts or annual.ts.
 */

let t: TestDatabase;
let gen: GenYear;
let office: OfficeRow;
let ppid: Actor;
let desk: Actor;
const YEAR = 2025;
/** 10:00 WIB on 10 February 2026: the report of 2025 is submitted before its deadline. */
const NOW = new Date('2026-02-10T03:00:00Z');
const TODAY = '2026-02-10';

/** The survey answers written for the office: [day, scores U1–U9]. Two fall outside the year. */
const ANSWERS: [string, number[]][] = [
  ['2025-01-01', [4, 4, 3, 4, 3, 4, 4, 3, 4]],
  ['2025-03-15', [3, 3, 3, 4, 3, 3, 4, 3, 3]],
  ['2025-07-20', [4, 3, 2, 4, 3, 4, 4, 2, 3]],
  ['2025-12-31', [3, 4, 3, 4, 4, 4, 3, 3, 3]],
  ['2024-12-31', [1, 1, 1, 1, 1, 1, 1, 1, 1]],
  ['2026-01-01', [1, 1, 1, 1, 1, 1, 1, 1, 1]],
];

const FULL: Narrative = {
  policy: 'SK PPID Nomor 12 Tahun 2024 dan SOP pelayanan informasi berlaku sepanjang tahun.',
  facilities: 'Meja layanan informasi di lobi, situs PPID, dan kursi roda.',
  staff: 'Satu PPID, dua petugas meja layanan.\n\nDua petugas mengikuti pelatihan keterbukaan informasi.',
  budget: 'Rp 25.000.000 dialokasikan; terealisasi 92%.',
  obstacles: 'Jaringan internet sering terputus.',
  recommendations: 'Menambah petugas meja layanan pada masa tahapan pemilihan.',
};

before(async () => {
  t = await freshDatabase();
  const db = t.database.db;
  gen = await generateYear(db, YEAR, 300, 11);
  office = (await officeById(db, gen.offices[0]!.id))!;
  const [p, d] = await db
    .insert(staff)
    .values([
      { officeId: office.id, email: 'ppid@uji.test', name: 'Rina PPID', roles: ['ppid'], passwordHash: 'x' },
      { officeId: office.id, email: 'meja@uji.test', name: 'Budi Meja', roles: ['desk_officer', 'atasan_ppid'], passwordHash: 'x' },
    ])
    .returning({ id: staff.id, email: staff.email });
  ppid = { staffId: p!.id, label: p!.email, ip: '', requestId: 't' };
  desk = { staffId: d!.id, label: d!.email, ip: '', requestId: 't' };
  await db.insert(surveyResponses).values(ANSWERS.map(([day, scores]) => ({ officeId: office.id, scores, answeredOn: day })));
});
after(async () => t?.cleanup());

// ---------------------------------------------------------------------------------------------------
// The test's own count

const tally = (xs: readonly string[], keys: readonly string[], prefix: string) => Object.fromEntries(keys.map((k) => [`${prefix}${k}`, xs.filter((x) => x === k).length]));

/** Every figure of the report of `officeId` for YEAR, by its line key, counted from the generator's specs. */
function expectedFigures(g: GenYear, officeId: number, answers: readonly [string, number[]][], today: string): Map<string, number | string | null> {
  const zone = g.offices.find((o) => o.id === officeId)!.timeZone;
  const inYear = (day: string) => day >= `${YEAR}-01-01` && day <= `${YEAR}-12-31`;
  const rs = g.requests.filter((r) => r.officeId === officeId && inYear(localDayOf(r.receivedAt, zone)));
  const days = rs.filter((r) => r.answerDays !== null).map((r) => r.answerDays!).sort((a, b) => a - b);
  const within = (min: number, max: number) => days.filter((d) => d >= min && d <= max).length;
  const outcome = (...names: (string | null)[]) => rs.filter((r) => names.includes(r.outcome)).length;
  const refused = rs.filter((r) => r.outcome === 'refused' || r.outcome === 'exempt_explained');
  const os = g.objections.filter((o) => o.officeId === officeId && inYear(localDayOf(o.receivedAt, zone)));
  const ds = g.disputes.filter((d) => d.officeId === officeId && inYear(d.filedOn));
  const out = new Map<string, number | string | null>(
    Object.entries({
      'requests.total': rs.length,
      ...tally(rs.map((r) => r.channel), ['online', 'walk_in', 'letter', 'email', 'phone', 'fax'], 'channel.'),
      ...tally(rs.map((r) => r.applicantType), ['individual', 'group', 'legal_entity'], 'applicant.'),
      ...tally(rs.map((r) => r.category || (r.outcome === 'exempt_explained' ? 'dikecualikan' : 'unclassified')), ['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan', 'unclassified'], 'category.'),
      'time.decided': days.length,
      'time.same_day': within(0, 0),
      'time.d1_3': within(1, 3),
      'time.d4_7': within(4, 7),
      'time.d8_10': within(8, 10),
      'time.d11_17': within(11, 17),
      'time.over_17': within(18, 1000),
      'time.median': days.length === 0 ? null : (days[Math.floor((days.length - 1) / 2)]! + days[Math.floor(days.length / 2)]!) / 2,
      'time.late': rs.filter((r) => (r.decidedAt ? localDayOf(r.decidedAt, zone) > r.due : r.due < today)).length,
      'time.overdue_open': rs.filter((r) => !r.decidedAt && r.due < today).length,
      'decision.full': outcome('handed_over', 'granted_full'),
      'decision.part': outcome('granted_part'),
      'decision.refused': outcome('refused', 'exempt_explained'),
      'decision.none': outcome('not_held', 'not_documented'),
      'decision.pending': outcome(null),
      ...tally(rs.map((r) => r.outcome ?? 'pending'), ['handed_over', 'exempt_explained', 'granted_full', 'granted_part', 'refused', 'not_held', 'not_documented', 'pending'], 'outcome.'),
      ...tally(refused.map((r) => r.pasal17 || 'unknown'), ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'unknown'], 'pasal17.'),
      'objections.total': os.length,
      ...tally(os.map((o) => o.status), ['filed', 'upheld', 'overturned', 'settled', 'withdrawn'], 'objections.status.'),
      'objections.late': os.filter((o) => (o.decidedAt ? localDayOf(o.decidedAt, zone) > o.due : o.status === 'filed' && o.due < today)).length,
      ...tally(os.flatMap((o) => o.grounds), ['a', 'b', 'c', 'd', 'e', 'f', 'g'], 'objections.ground.'),
      'disputes.total': ds.length,
      ...tally(ds.map((d) => d.stage), ['filed', 'mediation', 'adjudication', 'decided', 'court', 'closed'], 'disputes.stage.'),
      ...tally(ds.filter((d) => d.outcome).map((d) => d.outcome!), ['mediation_agreement', 'granted', 'granted_part', 'rejected', 'withdrawn', 'dismissed', 'court_ruling'], 'disputes.outcome.'),
    }),
  );
  const counted = answers.filter(([day]) => inYear(day)).map(([, scores]) => scores);
  if (counted.length > 0) {
    const n = counted.length;
    const sum = (i: number) => counted.reduce((s, scores) => s + scores[i]!, 0);
    const total = [0, 1, 2, 3, 4, 5, 6, 7, 8].reduce((s, i) => s + sum(i), 0);
    const index = Math.round(((total / (n * 9)) * 25 + Number.EPSILON) * 100) / 100;
    out.set('skm.responses', n);
    out.set('skm.index', index);
    out.set('skm.grade', index >= 88.31 ? 'A' : index >= 76.61 ? 'B' : index >= 65 ? 'C' : 'D');
    for (let i = 0; i < 9; i++) out.set(`skm.U${i + 1}`, Math.round(((sum(i) / n) * 25 + Number.EPSILON) * 100) / 100);
  }
  return out;
}

/** A value as the Indonesian PDF prints it. */
function printed(key: string, value: number | string | null, grade: string): string {
  if (value === null) return '—';
  if (key === 'skm.grade') return grade;
  if (key === 'time.median') return (value as number).toLocaleString('id-ID', { maximumFractionDigits: 1 });
  if (key.startsWith('skm.') && key !== 'skm.responses') return (value as number).toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return String(value);
}

interface SheetTable {
  readonly sheet: string;
  readonly title: string;
  readonly lines: { key: string; label: string; value: unknown }[];
}

/** The XLSX read back: each table sheet (title, then code / item / value rows) and every other sheet's first column. */
async function readBook(bytes: Buffer): Promise<{ tables: SheetTable[]; sheets: Map<string, string[][]> }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const tables: SheetTable[] = [];
  const sheets = new Map<string, string[][]>();
  book.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    sheets.set(sheet.name, rows);
    if (sheet.getRow(2).getCell(1).value === 'Kode' && sheet.name !== 'Perubahan') {
      const lines: SheetTable['lines'] = [];
      for (let r = 3; r <= sheet.rowCount; r++) {
        const row = sheet.getRow(r);
        lines.push({ key: String(row.getCell(1).value), label: String(row.getCell(2).value), value: row.getCell(3).value });
      }
      tables.push({ sheet: sheet.name, title: String(sheet.getRow(1).getCell(1).value), lines });
    }
  });
  return { tables, sheets };
}

const flat = (value: string) => value.replace(/\s+/g, ' ');

async function files(view: ReportView): Promise<{ xlsx: Awaited<ReturnType<typeof readBook>>; pdf: string }> {
  const input = { office, lang: 'id' as const, view, generatedAt: NOW };
  const [xlsx, pdf] = await Promise.all([annualXlsx(input), annualPdf(input)]);
  return { xlsx: await readBook(xlsx), pdf: flat((await readPdf(pdf)).text) };
}

function appError(status: number, field?: string) {
  return (error: unknown) => isAppError(error) && error.status === status && (field === undefined || field in error.fields);
}

// ---------------------------------------------------------------------------------------------------

describe(`annual report rules (${ENGINE})`, () => {
  test('a year is four digits, from 2010, not in the future; the running year is a draft that cannot be submitted', () => {
    for (const raw of ['', '25', '2025a', '２０２５', '2025-01', ' 20 25']) assert.equal(checkYear(raw, TODAY).ok, false, raw);
    const early = checkYear('2009', TODAY);
    assert.ok(!early.ok && early.problem.id.includes('2010'));
    const future = checkYear('2027', TODAY);
    assert.ok(!future.ok && future.problem.id.includes('belum tiba'));
    assert.deepEqual(checkYear(' 2026 ', TODAY), { ok: true, year: 2026, inProgress: true });
    assert.deepEqual(checkYear('2025', TODAY), { ok: true, year: 2025, inProgress: false });
    assert.ok(submitProblem(2026, TODAY)?.id.includes('belum berakhir'));
    assert.equal(submitProblem(2025, TODAY), undefined);
  });

  test('the deadline is 31 March of the next year: days left, due today, overdue, submitted on time or late', () => {
    assert.deepEqual(deadlineState(2025, '2026-03-01', null), { kind: 'open', due: '2026-03-31', daysLeft: 30 });
    assert.deepEqual(deadlineState(2025, '2026-03-31', null), { kind: 'open', due: '2026-03-31', daysLeft: 0 });
    assert.deepEqual(deadlineState(2025, '2026-04-02', null), { kind: 'overdue', due: '2026-03-31', daysOver: 2 });
    assert.deepEqual(deadlineState(2023, '2024-04-01', null), { kind: 'overdue', due: '2024-03-31', daysOver: 1 });
    assert.deepEqual(deadlineState(2025, '2026-11-21', '2026-03-31'), { kind: 'submitted', on: '2026-03-31', late: false });
    assert.deepEqual(deadlineState(2025, '2026-11-21', '2026-04-01'), { kind: 'submitted', on: '2026-04-01', late: true });
  });

  test('written sections are bounded and printable; a report is submitted only with all of them', () => {
    const long = checkNarrative({ policy: 'x'.repeat(20_001) });
    assert.ok(!long.ok && 'policy' in long.problems);
    const script = checkNarrative({ budget: 'Anggaran 预算' });
    assert.ok(!script.ok && script.problems.budget!.id.includes('预'));
    const clean = checkNarrative({ staff: ' Dua\tpetugas\u0000\n\nbaris kedua ', policy: 'Ada' });
    assert.ok(clean.ok);
    assert.equal(clean.narrative.staff, 'Dua petugas\n\nbaris kedua');
    assert.deepEqual(Object.keys(missingSections(clean.narrative)).sort(), ['budget', 'facilities', 'obstacles', 'recommendations']);
    assert.deepEqual(missingSections(FULL), {});
  });
});

describe(`annual report versions and files (${ENGINE})`, () => {
  test('every figure the XLSX and the PDF print equals a count of the generated year', async () => {
    const db = t.database.db;
    await saveNarrative(db, ppid, { officeId: office.id }, YEAR, FULL, { now: NOW });
    await submitReport(db, ppid, { officeId: office.id }, YEAR, { now: NOW });
    const view = (await publicReport(db, office, YEAR))!.view;
    assert.equal(view.status, 'submitted');
    const want = expectedFigures(gen, office.id, ANSWERS, TODAY);
    assert.ok((want.get('requests.total') as number) > 250 && (want.get('objections.total') as number) > 10 && (want.get('disputes.total') as number) > 3, 'the generated year exercises every figure');

    const { xlsx, pdf } = await files(view);
    const printedKeys = xlsx.tables.flatMap((table) => table.lines.map((l) => l.key));
    assert.deepEqual([...printedKeys].sort(), [...want.keys()].sort(), 'the XLSX prints exactly the figures counted here');
    assert.equal(new Set(printedKeys).size, printedKeys.length);
    for (const table of xlsx.tables) {
      for (const line of table.lines) {
        const expected = want.get(line.key)!;
        if (line.key === 'skm.grade') assert.ok(String(line.value).startsWith(`${expected} (`), `${line.key}: ${String(line.value)}`);
        else assert.equal(line.value, expected, `${table.sheet} ${line.key}`);
      }
      // The PDF prints the same table: its title, then each item followed by its value.
      const grade = String(table.lines.find((l) => l.key === 'skm.grade')?.value ?? '');
      const sequence = flat(`${table.title} ${table.lines.map((l) => `${l.label} ${printed(l.key, want.get(l.key)!, grade)}`).join(' ')}`);
      assert.ok(pdf.includes(sequence), `the PDF prints the table "${table.title}" as counted:\n${sequence}`);
    }
    // Sheets for the written sections and the tables; the written text in both files.
    const narrative = xlsx.sheets.get('Narasi')!;
    assert.equal(narrative.length, 1 + NARRATIVE_KEYS.length);
    assert.ok(narrative.some((row) => row[1] === FULL.staff));
    for (const key of NARRATIVE_KEYS) for (const paragraph of FULL[key].split('\n\n')) assert.ok(pdf.includes(flat(paragraph)), paragraph);
    assert.ok(pdf.includes('LAPORAN LAYANAN INFORMASI PUBLIK TAHUN 2025'));
    assert.ok(pdf.includes('Versi 1 · disampaikan 10 Februari 2026 10.00 WIB oleh Rina PPID'));
    assert.ok(!xlsx.sheets.has('Perubahan'), 'a first version has no changes');
  });

  test('a submitted version is frozen: new data changes the live draft, not it; a new version records what changed', async () => {
    const db = t.database.db;
    const scope = { officeId: office.id };
    const before = expectedFigures(gen, office.id, ANSWERS, TODAY);

    // More of 2025 arrives after the submission: three fax requests (one still open) and a survey answer.
    const received = new Date('2025-09-01T02:00:00Z');
    const clocks = await db
      .insert(deadlines)
      .values([0, 1, 2].map((i) => ({ officeId: office.id, subjectType: 'request', subjectId: `late-${i}`, purpose: 'request_notice', startAt: received, workingDays: 10, due: '2025-09-15', explanation: {} })))
      .returning({ id: deadlines.id });
    await db.insert(requests).values(
      clocks.map((c, i) => ({
        officeId: office.id,
        number: `LATE/${i}`,
        submissionKey: `late-${i}-aaaaaaaaaaaaaaaaaaaaaa`,
        channel: 'fax',
        applicantType: 'group',
        name: 'Pemohon Susulan',
        address: 'Jl. Uji',
        information: 'Informasi uji',
        purpose: 'Uji',
        obtainMethod: 'copy',
        deliveryMethod: 'email',
        status: i < 2 ? 'closed' : 'escalated',
        outcome: i < 2 ? ('granted_full' as const) : null,
        profile: 'normal',
        receivedAt: received,
        deadlineId: c.id,
        decision: i < 2 ? { outcome: 'granted_full' } : null,
        decidedAt: i < 2 ? new Date('2025-09-03T02:00:00Z') : null,
        answerWorkingDays: i < 2 ? 2 : null,
      })),
    );
    await db.insert(surveyResponses).values({ officeId: office.id, scores: [1, 2, 1, 2, 1, 2, 1, 2, 1], answeredOn: '2025-10-10' });

    const frozen = (await publicReport(db, office, YEAR))!.view;
    assert.equal(frozen.figures.requests!.requests, before.get('requests.total'), 'the submitted version keeps its figures');
    assert.equal(frozen.figures.skm!.responses, before.get('skm.responses'));
    const live = await annualFigures(db, office, YEAR, TODAY);
    assert.equal(live.requests!.requests, (before.get('requests.total') as number) + 3, 'the live figures follow the registers');
    const shown = (await deskReport(db, office, YEAR, TODAY))!;
    assert.equal(shown.view.status, 'submitted');
    assert.equal(shown.view.figures.requests!.requests, before.get('requests.total'));
    assert.ok(shown.revisable && !shown.editable);

    // The submitted version cannot be drafted over or edited; a new version needs a reason.
    await assert.rejects(createDraft(db, ppid, scope, YEAR, { now: NOW }), appError(409));
    await assert.rejects(saveNarrative(db, ppid, scope, YEAR, FULL, { now: NOW }), appError(409));
    await assert.rejects(submitReport(db, ppid, scope, YEAR, { now: NOW }), appError(409));
    await assert.rejects(newVersion(db, ppid, scope, YEAR, 'kurang', { now: NOW }), appError(422, 'reason'));
    await assert.rejects(newVersion(db, desk, scope, YEAR, 'Permohonan faks belum tercatat.', { now: NOW }), appError(403), 'only the PPID makes versions');
    const reason = 'Tiga permohonan melalui faksimile belum tercatat di register.';
    const draft = await newVersion(db, ppid, scope, YEAR, reason, { now: NOW });
    assert.equal(draft.version, 2);
    await assert.rejects(newVersion(db, ppid, scope, YEAR, reason, { now: NOW }), appError(409), 'one draft at a time');
    const drafting = (await deskReport(db, office, YEAR, TODAY))!;
    assert.ok(drafting.editable && drafting.view.status === 'draft');
    assert.equal(drafting.view.narrative.policy, FULL.policy, 'the new draft starts from the written sections before it');
    assert.equal(drafting.view.figures.requests!.requests, (before.get('requests.total') as number) + 3);

    await saveNarrative(db, ppid, scope, YEAR, { ...FULL, obstacles: 'Faksimile kantor rusak; tiga permohonan tercatat terlambat.' }, { now: NOW });
    const later = new Date('2026-02-12T03:00:00Z');
    await submitReport(db, ppid, scope, YEAR, { now: later });

    const gen2: GenYear = {
      ...gen,
      requests: [
        ...gen.requests,
        ...[0, 1, 2].map((i) => ({
          officeId: office.id,
          receivedAt: received,
          channel: 'fax',
          applicantType: 'group',
          outcome: i < 2 ? ('granted_full' as const) : null,
          pasal17: '',
          category: '',
          decidedAt: i < 2 ? new Date('2025-09-03T02:00:00Z') : null,
          answerDays: i < 2 ? 2 : null,
          due: '2025-09-15',
        })),
      ],
    };
    const after = expectedFigures(gen2, office.id, [...ANSWERS, ['2025-10-10', [1, 2, 1, 2, 1, 2, 1, 2, 1]]], '2026-02-12');
    const changedHere = [...after.keys()].filter((k) => after.get(k) !== before.get(k)).sort();
    assert.ok(changedHere.includes('requests.total') && changedHere.includes('channel.fax') && changedHere.includes('skm.responses'));

    const latest = (await publicReport(db, office, YEAR))!;
    assert.deepEqual(latest.versions.map((v) => v.version), [1, 2]);
    const changes = latest.view.changes!;
    assert.equal(changes.previousVersion, 1);
    assert.deepEqual(changes.figures.map((c) => c.key).sort(), changedHere, 'every changed figure is listed, and only those');
    for (const c of changes.figures) {
      assert.equal(c.before, before.get(c.key), c.key);
      assert.equal(c.after, after.get(c.key), c.key);
    }
    assert.deepEqual(changes.sections, ['obstacles']);
    assert.equal(latest.view.revisionReason, reason);

    // Version 1 still says what it said; the files of version 2 list the changes.
    const first = (await publicReport(db, office, YEAR, 1))!.view;
    assert.equal(first.figures.requests!.requests, before.get('requests.total'));
    assert.equal(first.changes, null);
    const { xlsx, pdf } = await files(latest.view);
    const sheet = xlsx.sheets.get('Perubahan')!;
    const total = sheet.find((row) => row[0] === 'requests.total')!;
    assert.deepEqual(total.slice(3), [String(before.get('requests.total')), String(after.get('requests.total'))]);
    assert.ok(sheet.some((row) => row[0] === 'narrative.obstacles'));
    assert.ok(pdf.includes(`Jumlah permohonan: dari ${before.get('requests.total')} menjadi ${after.get('requests.total')}`));
    assert.ok(pdf.includes(`Alasan versi ini: ${reason}`));
    assert.equal((await versionsOf(db, office.id, YEAR)).filter((v) => v.status === 'submitted').length, 2);
  });

  test('the running year is drafted but not submitted; a year without data says so instead of zeros', async () => {
    const db = t.database.db;
    const scope = { officeId: office.id };
    await saveNarrative(db, ppid, scope, 2026, FULL, { now: NOW });
    await assert.rejects(submitReport(db, ppid, scope, 2026, { now: NOW }), (e: unknown) => appError(409)(e) && isAppError(e) && e.text.id.includes('belum berakhir'));
    await assert.rejects(createDraft(db, ppid, scope, 2027, { now: NOW }), appError(422, 'tahun'));

    // Submitting needs every section: the missing ones come back as field errors, and the draft keeps what was saved.
    await saveNarrative(db, ppid, scope, 2019, { policy: 'Kebijakan saja.' }, { now: NOW });
    await assert.rejects(submitReport(db, ppid, scope, 2019, { now: NOW }), (e: unknown) => appError(422)(e) && isAppError(e) && Object.keys(e.fields).length === 5);
    const empty = (await deskReport(db, office, 2019, TODAY))!.view;
    assert.equal(empty.narrative.policy, 'Kebijakan saja.');
    assert.equal(empty.figures.requests, null);
    assert.equal(empty.figures.skm, null);
    const { xlsx, pdf } = await files(empty);
    assert.equal(xlsx.tables.length, 0, 'no table of zeros');
    assert.deepEqual(xlsx.sheets.get('Permohonan'), [['Tidak ada permohonan informasi, keberatan, atau sengketa yang tercatat pada tahun 2019. Tidak ada angka yang dapat diukur untuk tahun ini.']]);
    assert.ok(xlsx.sheets.has('SKM') && xlsx.sheets.get('SKM')![0]![0]!.includes('tidak dapat diukur'));
    assert.ok(pdf.includes('Tidak ada permohonan informasi, keberatan, atau sengketa yang tercatat pada tahun 2019.'));
    assert.ok(pdf.includes('Tidak ada pemohon yang mengisi survei kepuasan pada tahun 2019'));
    assert.ok(!pdf.includes('Jumlah permohonan'));
    assert.ok(pdf.includes('DRAF: belum disampaikan'));
    assert.ok(pdf.includes('(belum diisi)'));
  });

  test('a submitted version prints the tables it was submitted with, whatever its raw counts later read', async () => {
    const db = t.database.db;
    const [submitted] = (await versionsOf(db, office.id, YEAR)).filter((v) => v.status === 'submitted');
    assert.ok(submitted, 'an earlier test submitted the year');
    const printedTotal = () => publicReport(db, office, YEAR, submitted.version);
    const before = await printedTotal();
    // As if a later release worked the lines out differently from the same raw counts.
    await db.execute(sql`update annual_reports set figures = jsonb_set(figures, '{requests,requests}', '999999') where id = ${submitted.id}`);
    const after = await printedTotal();
    assert.deepEqual(JSON.parse(JSON.stringify(after?.view.figures.printed)), JSON.parse(JSON.stringify(before?.view.figures.printed)));
    assert.ok(!JSON.stringify(after?.view.figures.printed).includes('999999'));
  });
});
