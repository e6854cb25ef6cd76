import ExcelJS from 'exceljs';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatDay, formatMoment } from '../kernel/i18n.ts';
import { unprintableCharacter } from '../letters/charset.ts';
import { letterhead, renderPdf } from '../letters/render.ts';
import type { OfficeRow } from '../offices/store.ts';
import type { PublicEntry } from './public.ts';
import { CATEGORY_LABELS, type Snapshot } from './rules.ts';

/**
 * The published DIP as files: the official table (PDF on the letterhead, XLSX) and open data (CSV,
 * JSON). Official documents, so the words are Indonesian whatever the page's language. Column order
 * and JSON keys are a published contract (docs/guide/ppid-website.md): add at the end, never rename.
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface PublishedEdition {
  readonly number: number;
  readonly skNumber: string;
  readonly skDate: string | null;
  readonly orderedAt: Date | null;
}

export interface DipTable {
  readonly office: OfficeRow;
  readonly edition: PublishedEdition;
  readonly entries: readonly PublicEntry[];
  /** The installation's public address, for the links to item pages and files. */
  readonly baseUrl: string;
  readonly generatedAt: Date;
}

const DIP_TITLE = 'Daftar Informasi Publik';

const base = (url: string) => url.replace(/\/+$/, '');
export const itemUrl = (x: Pick<DipTable, 'baseUrl' | 'office'>, itemId: number) => `${base(x.baseUrl)}/${x.office.slug}/dip/${itemId}`;
export const fileUrl = (x: Pick<DipTable, 'baseUrl' | 'office'>, itemId: number, fileId: number) => `${itemUrl(x, itemId)}/berkas/${fileId}`;

/** The category as the table states it; a berkala item says how often it is updated. */
export function categoryText(s: Pick<Snapshot, 'category' | 'updateMonths'>): string {
  const label = CATEGORY_LABELS[s.category].id;
  return s.category === 'berkala' && s.updateMonths ? `${label}, diperbarui setiap ${s.updateMonths} bulan` : label;
}

/** The form column: softcopy (with its link and files) and hardcopy (with where it is kept). */
export function formLines(s: Snapshot): string[] {
  const lines: string[] = [];
  if (s.hasSoftcopy) {
    const where = [s.onlineLink, s.files.length > 0 ? `${s.files.length} berkas di portal PPID` : ''].filter(Boolean).join('; ');
    lines.push(where ? `Softcopy: ${where}` : 'Softcopy');
  }
  if (s.hasHardcopy) lines.push(s.archiveLocation ? `Hardcopy: ${s.archiveLocation}` : 'Hardcopy');
  return lines;
}

export function editionLine(edition: PublishedEdition): string {
  const sk = `SK PPID Nomor ${edition.skNumber}${edition.skDate ? ` tanggal ${formatDay('id', edition.skDate, false)}` : ''}`;
  return `Edisi ke-${edition.number}, ditetapkan dengan ${sk}`;
}

export function exportName(x: Pick<DipTable, 'office' | 'edition'>, extension: 'pdf' | 'xlsx' | 'csv' | 'json'): string {
  return `dip-${x.office.slug}-edisi-${x.edition.number}.${extension}`;
}

// ---------------------------------------------------------------------------------------------------
// The table's columns (XLSX and CSV share them)

interface Column {
  readonly header: string;
  readonly width: number;
  readonly value: (entry: PublicEntry, no: number, x: DipTable) => string | number;
}

const yesNo = (value: boolean) => (value ? 'Ya' : 'Tidak');

/** Stable order: new columns go at the end. */
export const TABLE_COLUMNS: readonly Column[] = [
  { header: 'No.', width: 6, value: (_e, no) => no },
  { header: 'Judul Informasi', width: 40, value: (e) => e.snapshot.title },
  { header: 'Ringkasan Isi Informasi', width: 60, value: (e) => e.snapshot.summary },
  { header: 'Pejabat/Unit yang Menguasai Informasi', width: 32, value: (e) => e.snapshot.holder },
  { header: 'Penanggung Jawab Pembuatan Informasi', width: 28, value: (e) => e.snapshot.responsible },
  { header: 'Waktu Pembuatan', width: 16, value: (e) => e.snapshot.producedWhen },
  { header: 'Tempat Pembuatan', width: 16, value: (e) => e.snapshot.producedWhere },
  { header: 'Softcopy', width: 10, value: (e) => yesNo(e.snapshot.hasSoftcopy) },
  { header: 'Hardcopy', width: 10, value: (e) => yesNo(e.snapshot.hasHardcopy) },
  { header: 'Tautan Daring', width: 30, value: (e) => e.snapshot.onlineLink },
  { header: 'Lokasi Arsip Hardcopy', width: 28, value: (e) => e.snapshot.archiveLocation },
  { header: 'Jangka Waktu Penyimpanan', width: 22, value: (e) => e.snapshot.retention },
  { header: 'Kategori', width: 30, value: (e) => categoryText(e.snapshot) },
  { header: 'Kode Kategori', width: 14, value: (e) => e.snapshot.category },
  { header: 'Unit', width: 28, value: (e) => e.snapshot.unit },
  { header: 'Halaman Informasi', width: 40, value: (e, _no, x) => itemUrl(x, e.itemId) },
  { header: 'Berkas', width: 40, value: (e, _no, x) => e.snapshot.files.map((f) => `${f.name} (${fileUrl(x, e.itemId, f.id)})`).join('; ') },
];

// ---------------------------------------------------------------------------------------------------
// CSV (RFC 4180)

/**
 * One CSV field. Quoted when it holds a comma, quote or line break (RFC 4180). A text that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe: the file
 * is made to be opened in Excel, and a title must not become a formula there.
 */
export function csvField(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a BOM (so Excel reads it as UTF-8), comma-separated, CRLF line ends, header in Indonesian. */
export function dipCsv(x: DipTable): Buffer {
  const lines = [TABLE_COLUMNS.map((c) => csvField(c.header)).join(',')];
  x.entries.forEach((entry, i) => lines.push(TABLE_COLUMNS.map((c) => csvField(c.value(entry, i + 1, x))).join(',')));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

// ---------------------------------------------------------------------------------------------------
// JSON

/** The documented open-data shape (docs/guide/ppid-website.md); keys are stable. */
export function dipJson(x: DipTable): Buffer {
  const data = {
    format: 'lentera-dip/1',
    office: { slug: x.office.slug, code: x.office.code, name: x.office.name, url: `${base(x.baseUrl)}/${x.office.slug}` },
    edition: {
      number: x.edition.number,
      skNumber: x.edition.skNumber,
      skDate: x.edition.skDate,
      publishedAt: x.edition.orderedAt ? x.edition.orderedAt.toISOString() : null,
    },
    generatedAt: x.generatedAt.toISOString(),
    items: x.entries.map((e, i) => ({
      no: i + 1,
      id: e.itemId,
      url: itemUrl(x, e.itemId),
      title: e.snapshot.title,
      summary: e.snapshot.summary,
      holder: e.snapshot.holder,
      responsible: e.snapshot.responsible,
      producedWhen: e.snapshot.producedWhen,
      producedWhere: e.snapshot.producedWhere,
      softcopy: e.snapshot.hasSoftcopy,
      hardcopy: e.snapshot.hasHardcopy,
      onlineLink: e.snapshot.onlineLink,
      archiveLocation: e.snapshot.archiveLocation,
      retention: e.snapshot.retention,
      category: e.snapshot.category,
      updateMonths: e.snapshot.updateMonths,
      unit: e.snapshot.unit,
      files: e.snapshot.files.map((f) => ({ name: f.name, sha256: f.sha256, url: fileUrl(x, e.itemId, f.id) })),
    })),
  };
  return Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8');
}

// ---------------------------------------------------------------------------------------------------
// XLSX

function aboutRows(x: DipTable): [string, string][] {
  return [
    ['Judul', DIP_TITLE],
    ['Kantor', x.office.name],
    ['Edisi', editionLine(x.edition)],
    ['Diunggah', x.edition.orderedAt ? formatMoment('id', x.edition.orderedAt, x.office.timeZone) : '—'],
    ['Jumlah informasi', String(x.entries.length)],
    ['Dibuat', formatMoment('id', x.generatedAt, x.office.timeZone)],
    ['Sumber', `${base(x.baseUrl)}/${x.office.slug}/dip`],
  ];
}

/** The table on one sheet (header frozen, auto-filter) and the edition's facts on a second. */
export async function dipXlsx(x: DipTable): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Lentera';
  book.created = x.generatedAt;
  const sheet = book.addWorksheet('DIP', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = TABLE_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  x.entries.forEach((entry, i) => sheet.addRow(TABLE_COLUMNS.map((c) => c.value(entry, i + 1, x))));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: TABLE_COLUMNS.length } };
  const about = book.addWorksheet('Keterangan');
  about.columns = [{ width: 20 }, { width: 90 }];
  for (const row of aboutRows(x)) about.addRow(row);
  about.getColumn(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------------
// PDF

/** What the standard PDF fonts cannot print becomes "?", rather than another glyph. */
function printable(value: string): string {
  let out = '';
  for (const ch of value) out += unprintableCharacter(ch) ? '?' : ch;
  return out;
}

/** The official columns of DOMAIN.md §4, grouped to fit a landscape A4 page. */
const PDF_COLUMNS: readonly { header: string; width: number | '*'; cell: (s: Snapshot, no: number) => Content }[] = [
  { header: 'No.', width: 20, cell: (_s, no) => ({ text: String(no), alignment: 'right' }) },
  { header: 'Judul dan Ringkasan Informasi', width: '*', cell: (s) => ({ stack: [{ text: printable(s.title), bold: true }, { text: printable(s.summary), margin: [0, 2, 0, 0] }] }) },
  { header: 'Pejabat/Unit yang Menguasai Informasi', width: 82, cell: (s) => ({ text: printable(s.holder) }) },
  { header: 'Penanggung Jawab Pembuatan Informasi', width: 78, cell: (s) => ({ text: printable(s.responsible) }) },
  { header: 'Waktu dan Tempat Pembuatan', width: 70, cell: (s) => ({ text: printable(`${s.producedWhen}, ${s.producedWhere}`) }) },
  { header: 'Bentuk Informasi', width: 110, cell: (s) => ({ stack: formLines(s).map((line) => ({ text: printable(line) })) }) },
  { header: 'Jangka Waktu Penyimpanan', width: 66, cell: (s) => ({ text: printable(s.retention) }) },
  { header: 'Kategori', width: 72, cell: (s) => ({ text: printable(categoryText(s)) }) },
];

/** The DIP as the official table: landscape A4 on the office's letterhead, edition and SK stated. */
export function dipPdf(x: DipTable): Promise<Buffer> {
  const lines = x.office.letterheadLines.length > 0 ? x.office.letterheadLines : [x.office.name];
  const header: TableCell[] = PDF_COLUMNS.map((c) => ({ text: c.header, bold: true, fillColor: '#eeeeee' }));
  const body: TableCell[][] = x.entries.map((e, i) => PDF_COLUMNS.map((c) => c.cell(e.snapshot, i + 1) as TableCell));
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 36, 28, 36],
    info: { title: `${DIP_TITLE} — ${printable(x.office.name)}`, subject: editionLine(x.edition), creator: 'Lentera' },
    footer: (current: number, total: number): Content => ({ text: `Halaman ${current} dari ${total}`, alignment: 'center', fontSize: 7, margin: [0, 10, 0, 0] }),
    defaultStyle: { font: 'Helvetica', fontSize: 9, lineHeight: 1.15 },
    content: [
      // The letterhead is drawn for a portrait page's width: centred on the landscape page.
      { columns: [{ width: '*', text: '' }, { width: 475, stack: letterhead({ ...x.office, letterheadLines: lines.map(printable) }) }, { width: '*', text: '' }] },
      { text: DIP_TITLE.toUpperCase(), bold: true, alignment: 'center', fontSize: 12 },
      { text: printable(x.office.name.toUpperCase()), bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
      { text: printable(editionLine(x.edition)), alignment: 'center', margin: [0, 0, 0, 2] },
      {
        text: printable(
          [x.edition.orderedAt ? `Diunggah atas perintah Sekretaris pada ${formatMoment('id', x.edition.orderedAt, x.office.timeZone)}` : '', `${x.entries.length} informasi`, `Sumber: ${base(x.baseUrl)}/${x.office.slug}/dip`]
            .filter(Boolean)
            .join(' · '),
        ),
        alignment: 'center',
        fontSize: 8,
        margin: [0, 0, 0, 10],
      },
      {
        table: { headerRows: 1, dontBreakRows: true, widths: PDF_COLUMNS.map((c) => c.width), body: [header, ...body] },
        layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#888888', vLineColor: () => '#888888', paddingLeft: () => 3, paddingRight: () => 3, paddingTop: () => 2, paddingBottom: () => 2 },
        fontSize: 7.5,
        lineHeight: 1.1,
      },
    ],
  };
  return renderPdf(doc);
}
