import { and, asc, eq, inArray } from 'drizzle-orm';
import { degrees, PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Db } from '../db/client.ts';
import { caseFiles, letters, requestFiles } from '../db/schema.ts';
import { recordEvent, type Actor } from '../kernel/audit/store.ts';
import { maskNik, maskEmail, maskPhone } from '../kernel/checker/personal.ts';
import { forbidden, notFound } from '../kernel/errors.ts';
import { formatDay, formatMoment, text } from '../kernel/i18n.ts';
import { unprintableCharacter } from '../letters/charset.ts';
import { letterhead, renderPdf } from '../letters/render.ts';
import { todayIn } from '../offices/portal.tsx';
import type { Role } from '../offices/roles.ts';
import { officeById, staffById, type OfficeRow } from '../offices/store.ts';
import { renderReceiptPdf } from '../requests/documents.ts';
import { APPLICANT_TYPE_LABELS, CHANNEL_LABELS, DELIVERY_LABELS, FILE_ROLE_LABELS, OBTAIN_LABELS, OUTCOME_LABELS } from '../requests/rules.ts';
import { currentDeadline, fileSafe, trackingUrl } from '../requests/service.ts';
import { completionDueOf, deadlineRows, type RequestRow } from '../requests/store.ts';
import { groundLines, objectorOf } from './documents.ts';
import { DISPUTE_STAGE_LABELS, OBJECTION_FILE_LABELS, OBJECTION_STATUS_LABELS, type DisputeStage, type ObjectionStatus } from './rules.ts';
import { decisionLetterOf, objectionReceipt, requestOfObjection } from './service.ts';
import { disputeInScope, objectionInScope, type DisputeRow, type ObjectionRow } from './store.ts';

/**
 * The dispute file (berkas sengketa) the Komisi Informasi asks for: every document of the case, in
 * the order the case happened, as one PDF with a cover, a table of contents and numbered pages. The
 * office's own documents are rendered again (the receipts) or copied as issued (the letters); the
 * applicant's scans are copied page by page. It holds identity documents, so each assembly is logged.
 */

export const DISPUTE_FILE_PARTS = [
  'Sampul dan daftar isi',
  'Permohonan informasi',
  'Tanda bukti permohonan',
  'Pemberitahuan tertulis dan surat lain',
  'Keberatan',
  'Tanggapan atasan PPID',
  'Identitas pemohon',
] as const;

export interface DisputeFilePart {
  readonly title: string;
  readonly firstPage: number;
  readonly pages: number;
}

export interface DisputeFile {
  readonly filename: string;
  readonly pdf: Buffer;
  readonly parts: DisputeFilePart[];
}

/** Who may assemble it: the staff who work on the case, as they may open the applicant's identity documents. */
const ASSEMBLERS: readonly Role[] = ['desk_officer', 'ppid', 'atasan_ppid'];

const REQUEST_IDENTITY_ROLES = ['identity', 'member_ids', 'legal_deed', 'proxy_letter'] as const;

/** A stored document to copy in: its bytes, what it is, and its name for the page that says it could not be. */
interface Source {
  readonly label: string;
  readonly name: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

/** What every page of ours looks like: A4 with the margins of the office's letters. */
function page(content: Content[], title: string): TDocumentDefinitions {
  return { pageSize: 'A4', pageMargins: [60, 50, 60, 50], info: { title, creator: 'Lentera' }, content };
}

function headed(office: OfficeRow): Content[] {
  return letterhead({ ...office, letterheadLines: office.letterheadLines.length > 0 ? office.letterheadLines : [office.name] });
}

function partLabel(index: number): Content {
  return { text: `Bagian ${index + 1}: ${DISPUTE_FILE_PARTS[index]}`, fontSize: 8, color: '#555555', margin: [0, 0, 0, 6] };
}

function factsTable(rows: readonly (readonly [string, string])[]): Content {
  return { table: { widths: [170, '*'], body: rows.map(([label, value]) => [label, `: ${value}`]) }, layout: 'noBorders', margin: [0, 0, 0, 10] };
}

/** A page of ours standing in a part: a document that does not exist, or one that could not be copied. */
function notePage(office: OfficeRow, index: number, heading: string, paragraphs: readonly string[], rows: readonly (readonly [string, string])[] = []): Promise<Buffer> {
  return renderPdf(
    page(
      [
        ...headed(office),
        partLabel(index),
        { text: heading, bold: true, alignment: 'center', margin: [0, 0, 0, 12] },
        ...(rows.length > 0 ? [factsTable(rows)] : []),
        ...paragraphs.map((p): Content => ({ text: p, alignment: 'justify', margin: [0, 0, 0, 8] })),
      ],
      heading,
    ),
  );
}

/** Text pdf-lib's standard fonts can draw: anything outside Windows-1252 becomes "?". */
function printable(value: string): string {
  return [...value.replace(/\s+/g, ' ')].map((ch) => (unprintableCharacter(ch) === undefined ? ch : '?')).join('');
}

const A4: [number, number] = [595.28, 841.89];

/**
 * One part of the file as its own document: our pages and the stored ones, in order. A stored
 * document that cannot be read (damaged, encrypted, empty, a type that is not PDF or an image) is
 * replaced by a page that says so, so one bad scan never stops the file the commission waits for.
 */
class PartBuilder {
  private constructor(
    readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly office: OfficeRow,
    private readonly index: number,
    private readonly omitted: string[],
  ) {}

  static async create(office: OfficeRow, index: number, omitted: string[]): Promise<PartBuilder> {
    const doc = await PDFDocument.create();
    return new PartBuilder(doc, await doc.embedFont(StandardFonts.Helvetica), office, index, omitted);
  }

  /** Our own rendered pages: they always load. */
  async rendered(bytes: Uint8Array): Promise<void> {
    const source = await PDFDocument.load(bytes);
    for (const p of await this.doc.copyPages(source, source.getPageIndices())) this.doc.addPage(p);
  }

  async stored(source: Source): Promise<void> {
    try {
      if (source.mediaType === 'application/pdf') await this.pdf(source.bytes);
      else if (source.mediaType === 'image/png' || source.mediaType === 'image/jpeg') await this.image(source);
      else throw new Error(`unsupported media type ${source.mediaType}`);
    } catch {
      this.omitted.push(`${source.label}: ${source.name}`);
      await this.rendered(
        await notePage(
          this.office,
          this.index,
          'DOKUMEN TIDAK DAPAT DIMASUKKAN',
          [
            'Dokumen ini tersimpan di Lentera tetapi tidak dapat dimasukkan ke berkas ini karena berkasnya rusak, terkunci, atau tidak berisi halaman.',
            'Petugas dapat mengunduh berkas asli dari halaman perkara di Lentera dan melampirkannya secara terpisah.',
          ],
          [
            ['Dokumen', source.label],
            ['Nama berkas', printable(source.name)],
          ],
        ),
      );
    }
  }

  private async pdf(bytes: Uint8Array): Promise<void> {
    const source = await PDFDocument.load(bytes, { updateMetadata: false });
    if (source.getPageCount() === 0) throw new Error('no pages');
    // Copied into this part first: a document that breaks while copying leaves nothing in the final file.
    for (const p of await this.doc.copyPages(source, source.getPageIndices())) this.doc.addPage(p);
  }

  /** A photo or scan as an A4 page, scaled to fit under a caption that says what it is. */
  private async image(source: Source): Promise<void> {
    const image = source.mediaType === 'image/png' ? await this.doc.embedPng(source.bytes) : await this.doc.embedJpg(source.bytes);
    const [width, height] = A4;
    const margin = 50;
    const captionY = height - margin;
    const boxW = width - 2 * margin;
    const boxH = captionY - 16 - margin;
    const scale = Math.min(boxW / image.width, boxH / image.height);
    const w = image.width * scale;
    const h = image.height * scale;
    const p = this.doc.addPage(A4);
    p.drawText(printable(`${source.label}: ${source.name}`), { x: margin, y: captionY, size: 9, font: this.font, color: rgb(0.2, 0.2, 0.2) });
    p.drawImage(image, { x: (width - w) / 2, y: captionY - 16 - h, width: w, height: h });
  }
}

/** The file's name and its page number on every page, at the foot of the page as a reader sees it (rotated scans too). */
function stamp(p: PDFPage, line: string, font: PDFFont): void {
  const size = 7;
  const box = p.getCropBox();
  const rotation = ((p.getRotation().angle % 360) + 360) % 360;
  const across = rotation === 90 || rotation === 270 ? box.height : box.width;
  const dx = Math.max(4, (across - font.widthOfTextAtSize(line, size)) / 2);
  const dy = 18;
  // (dx, dy) is measured from the displayed page's lower-left corner; map it back into the page's own space.
  const at =
    rotation === 90
      ? { x: box.x + box.width - dy, y: box.y + dx }
      : rotation === 180
        ? { x: box.x + box.width - dx, y: box.y + box.height - dy }
        : rotation === 270
          ? { x: box.x + dy, y: box.y + box.height - dx }
          : { x: box.x + dx, y: box.y + dy };
  p.drawText(line, { ...at, size, font, color: rgb(0.25, 0.25, 0.25), rotate: degrees(rotation) });
}

interface CaseFacts {
  readonly office: OfficeRow;
  readonly dispute: DisputeRow;
  readonly objection: ObjectionRow;
  readonly request: RequestRow;
  readonly noticeDue: string | undefined;
  readonly answerDue: string | undefined;
  readonly now: Date;
}

function coverDocument(facts: CaseFacts, parts: readonly DisputeFilePart[], total: number): TDocumentDefinitions {
  const { office, dispute, objection, request } = facts;
  const zone = office.timeZone;
  const window = dispute.window as { since?: string; due?: string };
  const decision = objection.decision as { letter?: string } | null;
  const rows: [string, string][] = [
    ['Komisi Informasi', dispute.commission],
    ['Nomor register sengketa', dispute.registerNumber || 'belum diberikan komisi'],
    ['Diterima komisi', formatDay('id', dispute.filedOn)],
    ...(window.since && window.due
      ? ([['Jangka waktu pengajuan', `${formatDay('id', window.since)} sampai ${formatDay('id', window.due)}${dispute.late ? ' (diajukan setelah jangka waktu lewat)' : ''}`]] as [string, string][])
      : []),
    ['Tahap sengketa', DISPUTE_STAGE_LABELS[dispute.stage as DisputeStage]?.id ?? dispute.stage],
    ['Pemohon', objectorOf(request, objection)],
    ['Nomor pendaftaran permohonan', request.number],
    ['Permohonan diterima', formatMoment('id', request.receivedAt, zone)],
    [
      'Pemberitahuan tertulis',
      request.decidedAt ? formatMoment('id', request.decidedAt, zone) : `tidak ada${facts.noticeDue ? ` sampai batas waktu ${formatDay('id', facts.noticeDue)}` : ''}`,
    ],
    ['Nomor keberatan', objection.number],
    ['Keberatan diterima', formatMoment('id', objection.receivedAt, zone)],
    ['Alasan keberatan', groundLines(objection.grounds).join('; ')],
    [
      'Tanggapan atasan PPID',
      objection.decidedAt
        ? `${formatMoment('id', objection.decidedAt, zone)}, ${OBJECTION_STATUS_LABELS[objection.status as ObjectionStatus]?.id ?? objection.status}${decision?.letter ? ` (surat ${decision.letter})` : ''}`
        : `tidak ditanggapi${facts.answerDue ? ` sampai batas waktu ${formatDay('id', facts.answerDue)}` : ''}`,
    ],
    ['Berkas disusun', formatMoment('id', facts.now, zone)],
  ];
  const contents = [
    [
      { text: 'No.', bold: true },
      { text: 'Bagian', bold: true },
      { text: 'Halaman', bold: true },
      { text: 'Jumlah halaman', bold: true },
    ],
    ...parts.map((p, i) => [`${i + 1}.`, p.title, String(p.firstPage), String(p.pages)]),
  ];
  return page(
    [
      ...headed(office),
      { text: 'BERKAS SENGKETA INFORMASI PUBLIK', bold: true, fontSize: 14, alignment: 'center', margin: [0, 0, 0, 12] },
      factsTable(rows),
      { text: 'DAFTAR ISI', bold: true, margin: [0, 4, 0, 6] },
      { table: { headerRows: 1, widths: [25, '*', 50, 50], body: contents }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 10] },
      { text: `Berkas ini terdiri atas ${total} halaman; setiap halaman diberi nomor di bagian bawah.`, fontSize: 9, margin: [0, 0, 0, 4] },
      {
        text: 'Berkas ini memuat dokumen identitas pemohon. Data pribadi hanya untuk keperluan penyelesaian sengketa dan tidak untuk diumumkan (Pasal 17 huruf h UU Nomor 14 Tahun 2008). Kode pelacakan permohonan disamarkan.',
        fontSize: 9,
        alignment: 'justify',
      },
    ],
    `Berkas sengketa ${objection.number}`,
  );
}

const label = <T extends { id: string }>(table: Readonly<Record<string, T>>, key: string | null): string => (key && Object.hasOwn(table, key) ? table[key]!.id : (key ?? ''));

/** Part 2's own page: the request as the applicant made it, personal data masked. */
function requestDocument(office: OfficeRow, request: RequestRow, hasScan: boolean): TDocumentDefinitions {
  const zone = office.timeZone;
  const rows: [string, string][] = [
    ['Nomor pendaftaran', request.number],
    ['Diterima', formatMoment('id', request.receivedAt, zone)],
    ['Saluran', label(CHANNEL_LABELS, request.channel)],
    ['Jenis pemohon', label(APPLICANT_TYPE_LABELS, request.applicantType)],
    ['Nama', request.name],
    ...(request.nik ? ([['NIK (disamarkan)', maskNik(request.nik)]] as [string, string][]) : []),
    ...(request.legalNumber ? ([['Akta / SK pengesahan', request.legalNumber]] as [string, string][]) : []),
    ...(request.proxyName ? ([['Penerima kuasa', request.proxyName]] as [string, string][]) : []),
    ['Alamat', request.address],
    ['Telepon (disamarkan)', request.phone ? maskPhone(request.phone) : '-'],
    ['E-mail (disamarkan)', request.email ? maskEmail(request.email) : '-'],
    ['Pekerjaan', request.occupation || '-'],
    ['Informasi yang diminta', request.information],
    ['Tujuan penggunaan', request.purpose],
    ['Cara memperoleh', label(OBTAIN_LABELS, request.obtainMethod)],
    ['Cara mendapatkan salinan', label(DELIVERY_LABELS, request.deliveryMethod)],
    ['Keputusan PPID', request.outcome ? `${label(OUTCOME_LABELS, request.outcome)}${request.decidedAt ? `, ${formatMoment('id', request.decidedAt, zone)}` : ''}` : 'belum ada'],
  ];
  return page(
    [
      ...headed(office),
      partLabel(1),
      { text: 'DATA PERMOHONAN INFORMASI PUBLIK', bold: true, alignment: 'center', margin: [0, 0, 0, 12] },
      factsTable(rows),
      ...(hasScan ? [{ text: 'Pindaian surat permohonan terlampir pada halaman berikut.', margin: [0, 0, 0, 8] } as Content] : []),
    ],
    `Permohonan ${request.number}`,
  );
}

/**
 * Assembles the dispute file for staff of the office. Parts, in order: cover and contents; the
 * request; its receipt (tracking code masked); the written notice and other letters; the objection
 * with its receipt and files; the Atasan PPID's answer; the applicant's identity documents.
 */
export async function assembleDisputeFile(db: Db, actor: Actor, scope: { officeId: number }, disputeId: number, baseUrl: string, now = new Date()): Promise<DisputeFile> {
  if (actor.staffId === null) throw forbidden();
  const member = await staffById(db, actor.staffId);
  if (!member?.active || member.officeId !== scope.officeId || !member.roles.some((r) => ASSEMBLERS.includes(r as Role))) throw forbidden();
  const dispute = await disputeInScope(db, scope, disputeId);
  if (!dispute) throw notFound(text('Sengketa tidak ditemukan.', 'Dispute not found.'));
  const [office, objection] = await Promise.all([officeById(db, scope.officeId), objectionInScope(db, scope, dispute.objectionId)]);
  if (!office || !objection) throw notFound(text('Sengketa tidak ditemukan.', 'Dispute not found.'));
  const request = await requestOfObjection(db, objection);
  const [notice, [answer], requestDocs, objectionDocs, requestLetters, decisionLetter, completeBy] = await Promise.all([
    currentDeadline(db, request),
    deadlineRows(db, [objection.deadlineId]),
    db
      .select({ role: requestFiles.role, name: requestFiles.name, mediaType: requestFiles.mediaType, content: requestFiles.content })
      .from(requestFiles)
      .where(and(eq(requestFiles.requestId, request.id), inArray(requestFiles.role, ['scanned_letter', ...REQUEST_IDENTITY_ROLES])))
      .orderBy(asc(requestFiles.id)),
    db
      .select({ role: caseFiles.role, name: caseFiles.name, mediaType: caseFiles.mediaType, content: caseFiles.content })
      .from(caseFiles)
      .where(eq(caseFiles.objectionId, objection.id))
      .orderBy(asc(caseFiles.id)),
    db
      .select({ kind: letters.kind, number: letters.number, pdf: letters.pdf })
      .from(letters)
      .where(and(eq(letters.subjectType, 'request'), eq(letters.subjectId, String(request.id))))
      .orderBy(asc(letters.id)),
    decisionLetterOf(db, objection),
    completionDueOf(db, request),
  ]);
  const facts: CaseFacts = { office, dispute, objection, request, noticeDue: notice?.due, answerDue: answer?.due, now };
  const today = todayIn(office.timeZone, now);
  const omitted: string[] = [];
  const part = (index: number) => PartBuilder.create(office, index, omitted);
  const source = (labels: Readonly<Record<string, { id: string }>>, f: { role: string; name: string; mediaType: string; content: Buffer }): Source => ({
    label: label(labels, f.role),
    name: f.name,
    mediaType: f.mediaType,
    bytes: f.content,
  });

  // 2. The request, with the scanned letter of a remote channel.
  const scans = requestDocs.filter((f) => f.role === 'scanned_letter');
  const requestPart = await part(1);
  await requestPart.rendered(await renderPdf(requestDocument(office, request, scans.length > 0)));
  for (const f of scans) await requestPart.stored(source(FILE_ROLE_LABELS, f));

  // 3. The receipt: the tracking code opens the applicant's page, and the commission has no need of it.
  const receiptPart = await part(2);
  await receiptPart.rendered(await renderReceiptPdf(office, request, '(disamarkan)', trackingUrl(baseUrl, office), completeBy));

  // 4. Every letter on the request, as issued; or the record that none came.
  const letterPart = await part(3);
  for (const l of requestLetters) await letterPart.stored({ label: `Surat ${l.number}`, name: `${fileSafe(l.number)}.pdf`, mediaType: 'application/pdf', bytes: l.pdf });
  if (requestLetters.length === 0) {
    const due = facts.noticeDue;
    await letterPart.rendered(
      await notePage(office, 3, 'TIDAK ADA PEMBERITAHUAN TERTULIS', [
        due && due < today
          ? `Permohonan ${request.number} tidak mendapat pemberitahuan tertulis sampai batas waktunya, ${formatDay('id', due)}, dan sampai berkas ini disusun.`
          : `Sampai berkas ini disusun, belum ada pemberitahuan tertulis atas permohonan ${request.number}${due ? ` (batas waktu ${formatDay('id', due)})` : ''}.`,
      ]),
    );
  }

  // 5. The objection: its receipt, then what came with it (the proxy's identity goes with the others in part 7).
  const objectionPart = await part(4);
  await objectionPart.rendered(await objectionReceipt(db, office, request, objection, baseUrl));
  for (const f of objectionDocs.filter((d) => d.role !== 'proxy_identity')) await objectionPart.stored(source(OBJECTION_FILE_LABELS, f));

  // 6. The Atasan PPID's answer, or the record that the period lapsed without one.
  const answerPart = await part(5);
  if (decisionLetter) await answerPart.stored({ label: `Surat ${decisionLetter.number}`, name: `${fileSafe(decisionLetter.number)}.pdf`, mediaType: 'application/pdf', bytes: decisionLetter.pdf });
  else {
    await answerPart.rendered(
      await notePage(office, 5, 'KEBERATAN TIDAK DITANGGAPI', [
        `Keberatan ${objection.number} tidak ditanggapi secara tertulis oleh Atasan PPID dalam jangka waktunya${facts.answerDue ? `, yaitu sampai ${formatDay('id', facts.answerDue)}` : ''}.`,
        `Status keberatan saat berkas ini disusun: ${OBJECTION_STATUS_LABELS[objection.status as ObjectionStatus]?.id ?? objection.status}.`,
      ]),
    );
  }

  // 7. Identity: the applicant's, the group's or entity's documents, and the proxies' (request and objection).
  const identityPart = await part(6);
  const identities = [
    ...requestDocs.filter((f) => f.role !== 'scanned_letter').map((f) => source(FILE_ROLE_LABELS, f)),
    ...objectionDocs.filter((f) => f.role === 'proxy_identity').map((f) => source(OBJECTION_FILE_LABELS, f)),
  ];
  for (const s of identities) await identityPart.stored(s);
  if (identities.length === 0) {
    await identityPart.rendered(
      await notePage(office, 6, 'TIDAK ADA DOKUMEN IDENTITAS', [`Tidak ada dokumen identitas pemohon atau kuasanya yang tersimpan untuk permohonan ${request.number} dan keberatan ${objection.number}.`]),
    );
  }

  const bodies = [requestPart, receiptPart, letterPart, objectionPart, answerPart, identityPart];
  const counts = bodies.map((b) => b.doc.getPageCount());
  const numbered = (coverPages: number): DisputeFilePart[] => {
    let next = 1;
    return [coverPages, ...counts].map((pages, i) => {
      const entry = { title: DISPUTE_FILE_PARTS[i]!, firstPage: next, pages };
      next += pages;
      return entry;
    });
  };

  // The contents list page numbers that depend on the cover's own length: render until it agrees.
  let coverPages = 1;
  let cover = await renderPdf(coverDocument(facts, numbered(coverPages), coverPages + counts.reduce((a, b) => a + b, 0)));
  for (let tries = 0; ; tries++) {
    const pages = (await PDFDocument.load(cover)).getPageCount();
    if (pages === coverPages) break;
    if (tries === 3) throw new Error(`dispute file cover does not settle at ${coverPages} pages`);
    coverPages = pages;
    cover = await renderPdf(coverDocument(facts, numbered(coverPages), coverPages + counts.reduce((a, b) => a + b, 0)));
  }
  const parts = numbered(coverPages);

  const out = await PDFDocument.create();
  out.setTitle(`Berkas sengketa ${objection.number}`);
  out.setCreator('Lentera');
  out.setProducer('Lentera');
  out.setCreationDate(now);
  for (const doc of [await PDFDocument.load(cover), ...bodies.map((b) => b.doc)]) {
    for (const p of await out.copyPages(doc, doc.getPageIndices())) out.addPage(p);
  }
  const font = await out.embedFont(StandardFonts.Helvetica);
  const total = out.getPageCount();
  const name = printable(objection.number);
  out.getPages().forEach((p, i) => stamp(p, `Berkas sengketa ${name} — hal. ${i + 1}/${total}`, font));
  const pdf = Buffer.from(await out.save());

  await db.transaction((tx) =>
    recordEvent(tx, actor, {
      officeId: office.id,
      action: 'dispute.file_assembled',
      subjectType: 'dispute',
      subjectId: dispute.id,
      after: { objection: objection.number, request: request.number, pages: total, parts, identityDocuments: identities.length, omitted },
    }),
  );
  return { filename: `berkas-sengketa-${fileSafe(objection.number)}.pdf`, pdf, parts };
}
