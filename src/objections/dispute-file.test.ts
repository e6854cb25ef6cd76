import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { freshDatabase, ENGINE, type TestDatabase } from '../../test/support/db.ts';
import { auditEvents, disputes, requestFiles } from '../db/schema.ts';
import { cliActor, type Actor } from '../kernel/audit/store.ts';
import { AppError } from '../kernel/errors.ts';
import { qrDataUrl, renderPdf } from '../letters/render.ts';
import { todayIn } from '../offices/portal.tsx';
import { demoEmail, seedDemo } from '../offices/seed.ts';
import { officeBySlug, staffByEmail } from '../offices/store.ts';
import type { DecisionForm, IntakeForm } from '../requests/rules.ts';
import { decide, newSubmissionKey, submitRequest, type CheckedFile } from '../requests/service.ts';
import { assembleDisputeFile, DISPUTE_FILE_PARTS } from './dispute-file.ts';
import type { ObjectionForm } from './rules.ts';
import { decideObjection, fileObjection, recordDispute } from './service.ts';

/**
 * The dispute file read back the way the commission reads it: every part where the contents say it
 * starts, every document of the case in it, the pages numbered, nothing that opens the applicant's
 * tracking page, and the assembly in the audit log.
 */

const OFFICE = 'kab-belitung-timur';
const ctx = { baseUrl: 'https://lentera.example' };
const anonymous: Actor = { staffId: null, label: 'anonymous', ip: '127.0.0.1', requestId: 't' };
const actors: Record<string, Actor> = {};
let t: TestDatabase;
let officeId: number;
let otherOfficeId: number;

before(async () => {
  t = await freshDatabase();
  await seedDemo(t.database.db, cliActor('test'), ctx.baseUrl);
  officeId = (await officeBySlug(t.database.db, OFFICE))!.id;
  otherOfficeId = (await officeBySlug(t.database.db, 'kab-bintan'))!.id;
  for (const key of ['desk', 'ppid', 'atasan', 'unit']) {
    const member = (await staffByEmail(t.database.db, demoEmail(key, OFFICE)))!;
    actors[key] = { staffId: member.id, label: member.email, ip: '', requestId: 't' };
  }
  const other = (await staffByEmail(t.database.db, demoEmail('ppid', 'kab-bintan')))!;
  actors.other = { staffId: other.id, label: other.email, ip: '', requestId: 't' };
});
after(async () => t?.cleanup());

const FORM: IntakeForm = {
  channel: 'online',
  applicantType: 'individual',
  name: 'Sari Pemohon',
  nik: '1906014101900001',
  legalNumber: '',
  address: 'Jl. Melati 3, Manggar',
  phone: '081234567890',
  email: 'sari@example.id',
  occupation: 'Peneliti',
  proxyName: '',
  information: 'Salinan berita acara rekapitulasi suara Kecamatan Manggar',
  purpose: 'Penelitian',
  obtainMethod: 'copy',
  deliveryMethod: 'email',
  consent: 'yes',
};
const NO_DECISION: DecisionForm = { outcome: '', holder: '', form: '', perPage: '', pages: '', delivery: '', other: '', timeToProvide: '', withheld: '', pasal17: '', otherLaw: '', consequence: '', documentedBy: '', note: '' };
const OBJECTION: ObjectionForm = { grounds: '', groundList: [], description: 'Informasi ini bukan data pribadi; mohon dibuka.', proxyName: '', proxyAddress: '', proxyPhone: '', lateReason: '' };
const scope = () => ({ officeId });
const DAY = 24 * 3600 * 1000;

const pdfOf = async (line: string) => renderPdf({ content: [line] });
const file = (role: string, name: string, bytes: Buffer, mediaType = 'application/pdf'): CheckedFile => ({ role, name, bytes, mediaType });

/** The text of each page, one entry per text run, as pdf.js (a person's viewer) reads it. */
async function pageTexts(bytes: Uint8Array): Promise<string[][]> {
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0, disableFontFace: true });
  const pdf = await task.promise;
  try {
    const pages: string[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const items = (await (await pdf.getPage(n)).getTextContent()).items;
      pages.push(items.flatMap((item) => ('str' in item && item.str.trim() ? [item.str.trim()] : [])));
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** The contents table of page 1: each part's first page and page count, as printed. */
function contentsOf(cover: readonly string[]): { title: string; firstPage: number; pages: number }[] {
  const table = cover.indexOf('DAFTAR ISI');
  assert.ok(table >= 0, 'the cover has a table of contents');
  return DISPUTE_FILE_PARTS.map((title) => {
    const at = cover.indexOf(title, table);
    assert.ok(at >= 0, `the contents list "${title}"`);
    return { title, firstPage: Number(cover[at + 1]), pages: Number(cover[at + 2]) };
  });
}

/** The first page (1-based) after the cover (which names some numbers too) whose text holds `needle`. */
function firstPageWith(pages: readonly string[][], needle: string, coverPages = 1): number {
  const at = pages.findIndex((lines, i) => i >= coverPages && lines.some((l) => l.includes(needle)));
  assert.ok(at >= coverPages, `"${needle}" is in the file`);
  return at + 1;
}

/** Parts 2–7 each start where the contents say: the page of a text only that part's first document holds. */
function assertPartsStart(pages: readonly string[][], contents: readonly { firstPage: number; pages: number }[], markers: readonly string[]): void {
  assert.equal(contents.length, 7);
  assert.equal(contents[0]!.firstPage, 1);
  for (let i = 1; i < contents.length; i++) {
    assert.equal(contents[i]!.firstPage, contents[i - 1]!.firstPage + contents[i - 1]!.pages, `part ${i + 1} follows part ${i}`);
    assert.equal(firstPageWith(pages, markers[i - 1]!, contents[0]!.pages), contents[i]!.firstPage, `part ${i + 1} starts with "${markers[i - 1]}"`);
  }
  assert.equal(contents.at(-1)!.firstPage + contents.at(-1)!.pages - 1, pages.length, 'the last part ends on the last page');
}

const within = (pages: readonly string[][], part: { firstPage: number; pages: number }, needle: string) =>
  pages.slice(part.firstPage - 1, part.firstPage - 1 + part.pages).some((lines) => lines.some((l) => l.includes(needle)));

async function assembledEvents(disputeId: number) {
  return t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'dispute.file_assembled'), eq(auditEvents.subjectType, 'dispute'), eq(auditEvents.subjectId, String(disputeId))));
}

describe(`dispute file (${ENGINE})`, () => {
  test('a refused request, an upheld objection through a proxy: every part is where the contents say, with its documents', async () => {
    const db = t.database.db;
    const png = Buffer.from((await qrDataUrl('https://lentera.example/ktp-belakang')).split(',')[1]!, 'base64');
    const submitted = await submitRequest(
      db,
      anonymous,
      {
        officeId,
        form: FORM,
        submissionKey: newSubmissionKey(),
        files: [file('identity', 'ktp.pdf', await pdfOf('KARTU TANDA PENDUDUK UJI')), file('identity', 'ktp-belakang.png', png, 'image/png')],
      },
      ctx,
    );
    const request = submitted.request;
    const { notice, refusal } = await decide(db, actors.ppid!, scope(), request.id, { ...NO_DECISION, outcome: 'refused', pasal17: 'h', consequence: 'Membuka data pribadi saksi.' }, ctx);
    assert.ok(refusal);
    const { objection } = await fileObjection(
      db,
      actors.desk!,
      {
        officeId,
        requestId: request.id,
        form: { ...OBJECTION, groundList: ['a'], proxyName: 'Rudi Kuasa', proxyAddress: 'Jl. Kenanga 9, Manggar' },
        submissionKey: newSubmissionKey(),
        files: [file('proxy_letter', 'kuasa.pdf', await pdfOf('SURAT KUASA KHUSUS UJI')), file('proxy_identity', 'ktp-kuasa.pdf', await pdfOf('IDENTITAS KUASA UJI'))],
      },
      ctx,
    );
    const { letter } = await decideObjection(db, actors.atasan!, scope(), objection.id, { action: 'uphold', reasons: 'Informasi dikecualikan menurut Pasal 17 huruf h.', terms: '', order: '' }, ctx);
    const dispute = await recordDispute(
      db,
      actors.ppid!,
      scope(),
      objection.id,
      { commission: 'Komisi Informasi Provinsi Kepulauan Bangka Belitung', registerNumber: '012/REG-PSI/2026', filedOn: todayIn('Asia/Jakarta'), note: '' },
      [],
    );

    const assembled = await assembleDisputeFile(db, actors.ppid!, scope(), dispute.id, ctx.baseUrl);
    assert.match(assembled.filename, /^berkas-sengketa-[A-Za-z0-9.-]+\.pdf$/);
    const pages = await pageTexts(assembled.pdf);
    const total = pages.length;
    const cover = pages[0]!;

    // The contents: all seven parts, in order, each where its own first document really starts.
    const contents = contentsOf(cover);
    assert.deepEqual(contents, assembled.parts, 'the contents print what the assembly returns');
    const markers = ['DATA PERMOHONAN INFORMASI PUBLIK', 'TANDA BUKTI PENERIMAAN PERMOHONAN', notice.number, 'TANDA BUKTI PENERIMAAN KEBERATAN', letter.number, 'KARTU TANDA PENDUDUK UJI'];
    assertPartsStart(pages, contents, markers);
    assert.ok(cover.some((l) => l.includes('BERKAS SENGKETA INFORMASI PUBLIK')));
    assert.ok(cover.some((l) => l.includes('Komisi Informasi Provinsi Kepulauan Bangka Belitung')));
    assert.ok(cover.some((l) => l.includes('012/REG-PSI/2026')));
    assert.ok(cover.some((l) => l.includes(objection.number)) && cover.some((l) => l.includes(request.number)));

    // What else each part holds.
    const [, requestPart, , letterPart, objectionPart, answerPart, identityPart] = contents;
    assert.ok(within(pages, requestPart!, request.number));
    assert.ok(within(pages, letterPart!, refusal.number), 'the SK penolakan is in part 4');
    assert.ok(within(pages, objectionPart!, objection.number));
    assert.ok(within(pages, objectionPart!, 'SURAT KUASA KHUSUS UJI'), "the objection's power of attorney is in part 5");
    assert.ok(within(pages, answerPart!, 'Menolak keberatan dan menguatkan keputusan PPID'), 'part 6 is the decision letter');
    assert.ok(within(pages, identityPart!, 'IDENTITAS KUASA UJI'), "the proxy's identity is in part 7");
    assert.ok(within(pages, identityPart!, 'ktp-belakang.png'), 'the photographed card has its own captioned page');
    assert.equal(identityPart!.pages, 3);

    // Every page numbered; nothing that opens the tracking page, no full NIK.
    assert.ok(cover.includes(`Berkas sengketa ${objection.number} — hal. 1/${total}`));
    assert.ok(pages.at(-1)!.includes(`Berkas sengketa ${objection.number} — hal. ${total}/${total}`));
    pages.forEach((lines, i) => assert.ok(lines.includes(`Berkas sengketa ${objection.number} — hal. ${i + 1}/${total}`), `page ${i + 1} is numbered`));
    const all = pages.flat().join('\n');
    assert.ok(!all.includes(submitted.code), 'the tracking code is not in the file');
    assert.ok(all.includes('(disamarkan)'));
    assert.ok(!all.includes(FORM.nik), 'the NIK is masked');

    const [event, ...more] = await assembledEvents(dispute.id);
    assert.equal(more.length, 0);
    assert.equal(event!.actorId, actors.ppid!.staffId);
    const after = event!.after as { parts: unknown[]; pages: number; omitted: unknown[] };
    assert.deepEqual(after.parts, assembled.parts);
    assert.equal(after.pages, total);
    assert.deepEqual(after.omitted, []);

    // A cover that runs onto a second page moves every part on by one, and the contents say so.
    // (The service caps the commission's name; the stored row is lengthened to make the cover long.)
    await db.update(disputes).set({ commission: 'Komisi Informasi Provinsi Kepulauan Bangka Belitung '.repeat(60).trim() }).where(eq(disputes.id, dispute.id));
    const longer = await assembleDisputeFile(db, actors.ppid!, scope(), dispute.id, ctx.baseUrl);
    const longPages = await pageTexts(longer.pdf);
    const longContents = contentsOf(longPages[1]!);
    assert.equal(longContents[0]!.pages, 2);
    assert.deepEqual(longContents.slice(1).map((p) => p.firstPage), contents.slice(1).map((p) => p.firstPage + 1));
    assertPartsStart(longPages, longContents, markers);
    assert.ok(longPages.at(-1)!.includes(`Berkas sengketa ${objection.number} — hal. ${total + 1}/${total + 1}`));
  });

  test('an objection left unanswered: part 4 and part 6 say what did not come; a damaged scan is noted, not fatal', async () => {
    const db = t.database.db;
    const now = Date.now();
    const past = { ...ctx, now: new Date(now - 100 * DAY) };
    const { request } = await submitRequest(db, anonymous, { officeId, form: FORM, submissionKey: newSubmissionKey(), files: [file('identity', 'ktp-rusak.pdf', await pdfOf('AKAN RUSAK'))] }, past);
    const { objection } = await fileObjection(
      db,
      actors.desk!,
      { officeId, requestId: request.id, form: { ...OBJECTION, groundList: ['c'] }, submissionKey: newSubmissionKey(), files: [] },
      { ...ctx, now: new Date(now - 70 * DAY) },
    );
    await db.update(requestFiles).set({ content: Buffer.from('%PDF-1.4 this scan was cut short') }).where(eq(requestFiles.requestId, request.id));
    const dispute = await recordDispute(db, actors.atasan!, scope(), objection.id, { commission: 'Komisi Informasi Provinsi Kepulauan Bangka Belitung', registerNumber: '', filedOn: todayIn('Asia/Jakarta'), note: '' }, []);

    const assembled = await assembleDisputeFile(db, actors.desk!, scope(), dispute.id, ctx.baseUrl);
    const pages = await pageTexts(assembled.pdf);
    const [, , , letterPart, , answerPart, identityPart] = contentsOf(pages[0]!);
    assert.equal(letterPart!.pages, 1);
    assert.equal(firstPageWith(pages, 'KEBERATAN TIDAK DITANGGAPI'), answerPart!.firstPage);
    assert.equal(firstPageWith(pages, 'TIDAK ADA PEMBERITAHUAN TERTULIS'), letterPart!.firstPage);
    assert.ok(pages[answerPart!.firstPage - 1]!.some((l) => l.includes('tidak ditanggapi secara tertulis')), 'part 6 says the objection was not answered');
    assert.equal(firstPageWith(pages, 'DOKUMEN TIDAK DAPAT DIMASUKKAN'), identityPart!.firstPage, 'the damaged scan is replaced by a page that says so');
    assert.ok(within(pages, identityPart!, ': ktp-rusak.pdf'));
    const [event] = await assembledEvents(dispute.id);
    assert.deepEqual((event!.after as { omitted: string[] }).omitted, ['KTP / kartu identitas: ktp-rusak.pdf']);
  });

  test('only staff of the office assemble it', async () => {
    const db = t.database.db;
    const { request } = await submitRequest(db, anonymous, { officeId, form: FORM, submissionKey: newSubmissionKey(), files: [] }, { ...ctx, now: new Date(Date.now() - 100 * DAY) });
    const { objection } = await fileObjection(db, actors.desk!, { officeId, requestId: request.id, form: { ...OBJECTION, groundList: ['c'] }, submissionKey: newSubmissionKey(), files: [] }, { ...ctx, now: new Date(Date.now() - 70 * DAY) });
    const dispute = await recordDispute(db, actors.ppid!, scope(), objection.id, { commission: 'Komisi Informasi Provinsi Kepulauan Bangka Belitung', registerNumber: '', filedOn: todayIn('Asia/Jakarta'), note: '' }, []);
    const status = (s: number) => (error: unknown) => error instanceof AppError && error.status === s;
    await assert.rejects(assembleDisputeFile(db, actors.other!, { officeId: otherOfficeId }, dispute.id, ctx.baseUrl), status(404), 'another office does not find it');
    await assert.rejects(assembleDisputeFile(db, actors.other!, scope(), dispute.id, ctx.baseUrl), status(403), 'a scope that is not the actor’s own is refused');
    await assert.rejects(assembleDisputeFile(db, actors.unit!, scope(), dispute.id, ctx.baseUrl), status(403), 'a unit does not assemble identity documents');
    await assert.rejects(assembleDisputeFile(db, anonymous, scope(), dispute.id, ctx.baseUrl), status(403));
    assert.equal((await assembledEvents(dispute.id)).length, 0);
    const pages = await pageTexts((await assembleDisputeFile(db, actors.atasan!, scope(), dispute.id, ctx.baseUrl)).pdf);
    const identityPart = contentsOf(pages[0]!)[6]!;
    assert.equal(firstPageWith(pages, 'TIDAK ADA DOKUMEN IDENTITAS'), identityPart.firstPage);
  });
});
