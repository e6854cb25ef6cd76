import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import QRCode from 'qrcode';
import { formatDay } from '../kernel/i18n.ts';

/** A block of the letter's body. Letters are assembled from these, never from markup. */
export type LetterBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'facts'; readonly rows: readonly (readonly [label: string, value: string])[] }
  | { readonly kind: 'list'; readonly items: readonly string[] };

/** Everything printed on a letter. Letters are official Indonesian documents, so the fixed words are Indonesian. */
export interface LetterModel {
  readonly office: {
    readonly letterheadLines: readonly string[];
    readonly address: string;
    readonly city: string;
    readonly phone: string;
    readonly email: string;
  };
  readonly number: string;
  /** Calendar day of issue, "2026-11-21". */
  readonly issuedOn: string;
  readonly subject: string;
  /** "Kepada Yth." lines: name, then address lines. */
  readonly addressee: readonly string[];
  readonly blocks: readonly LetterBlock[];
  readonly signer: { readonly name: string; readonly position: string };
  readonly verification: { readonly url: string; readonly code: string };
}

/** The short code as printed and typed: groups of four, e.g. "ABCD-EFGH-JKMN-PQRS". */
export function groupedCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

// The 14 standard PDF fonts are built into every reader: no font file is read or embedded. They
// cover Windows-1252 only, which holds Indonesian but not every script a name may be written in.
const FONTS = {
  Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' },
};
const STANDARD_FONTS = new Set(Object.values(FONTS.Helvetica));
function block(b: LetterBlock): Content {
  switch (b.kind) {
    case 'paragraph':
      return { text: b.text, margin: [0, 0, 0, 8], alignment: 'justify' };
    case 'facts':
      return {
        table: { widths: [150, '*'], body: b.rows.map(([label, value]) => [label, `: ${value}`]) },
        layout: 'noBorders',
        margin: [0, 0, 0, 8],
      };
    case 'list':
      return { ul: [...b.items], margin: [0, 0, 0, 8] };
  }
}

/** The office's letterhead (kop surat): every document an office prints starts with it. */
export function letterhead(office: LetterModel['office']): Content[] {
  const contact = [
    [office.address, office.city].filter(Boolean).join(', '),
    [office.phone && `Telp. ${office.phone}`, office.email && `Surel: ${office.email}`].filter(Boolean).join(' · '),
  ].filter(Boolean);
  return [
    ...office.letterheadLines.map((line, i): Content => ({ text: line, alignment: 'center', bold: true, fontSize: i === 0 ? 14 : 12 })),
    ...contact.map((line): Content => ({ text: line, alignment: 'center', fontSize: 9 })),
    { canvas: [{ type: 'line', x1: 0, y1: 4, x2: 475, y2: 4, lineWidth: 1.5 }], margin: [0, 2, 0, 14] },
  ];
}

/** The pdfmake document for a letter: pure, so tests and later previews build the same thing. */
export function letterDocument(model: LetterModel, qrPngDataUrl: string): TDocumentDefinitions {
  const { office } = model;
  return {
    pageSize: 'A4',
    pageMargins: [60, 50, 60, 50],
    info: { title: `${model.number} — ${model.subject}`, subject: model.subject, creator: 'Lentera' },
    defaultStyle: { font: 'Helvetica', fontSize: 11, lineHeight: 1.2 },
    content: [
      ...letterhead(office),
      {
        columns: [
          {
            width: '*',
            table: {
              widths: [55, '*'],
              body: [
                ['Nomor', `: ${model.number}`],
                ['Perihal', `: ${model.subject}`],
              ],
            },
            layout: 'noBorders',
          },
          { width: 'auto', text: `${office.city ? `${office.city}, ` : ''}${formatDay('id', model.issuedOn, false)}` },
        ],
        margin: [0, 0, 0, 14],
      },
      { text: 'Kepada Yth.' },
      ...model.addressee.map((line): Content => ({ text: line })),
      { text: '', margin: [0, 0, 0, 14] },
      ...model.blocks.map(block),
      {
        columns: [
          {
            // Wide enough for the verification link on one line at 7 pt, for a reader typing it from paper.
            width: 260,
            stack: [
              { image: qrPngDataUrl, width: 90 },
              { text: 'Periksa keaslian surat:', fontSize: 7, margin: [0, 2, 0, 0] },
              { text: model.verification.url, fontSize: 7 },
              { text: `Kode: ${groupedCode(model.verification.code)}`, fontSize: 7 },
            ],
          },
          { width: '*', text: '' },
          {
            width: 195,
            stack: [{ text: model.signer.position }, { text: '', margin: [0, 0, 0, 48] }, { text: model.signer.name, bold: true }],
          },
        ],
        margin: [0, 20, 0, 0],
        unbreakable: true,
      },
    ],
  };
}

/** The letter as PDF bytes. CPU work only: it reads none of our files and fetches no URL. */
export async function renderLetterPdf(model: LetterModel): Promise<Buffer> {
  // Four pixels per module, drawn 90 pt wide: sharp in print, and a few milliseconds to encode (a
  // 240-pixel PNG costs several times more, inside the issuing transaction).
  return renderPdf(letterDocument(model, await qrDataUrl(model.verification.url)));
}

export function qrDataUrl(url: string): Promise<string> {
  return QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, scale: 4 });
}

/** Any of our documents (letters, receipts, registers, reports) as PDF bytes, with the same safe settings. */
export function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  // pdfmake is one shared instance whose settings any module may change; createPdf reads them
  // synchronously, so setting them right before the call makes this render use exactly these. No URL
  // is fetched, and the only "local files" allowed are the standard font names (pdfmake checks them
  // like paths; data: URLs such as the QR code skip the check).
  pdfmake.setFonts(FONTS);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => STANDARD_FONTS.has(path));
  return pdfmake.createPdf({ defaultStyle: { font: 'Helvetica', fontSize: 11, lineHeight: 1.2 }, ...doc }).getBuffer();
}
