import type ExcelJS from 'exceljs';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatMoment, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import { renderPdf } from '../letters/render.ts';
import type { OfficeRow } from '../offices/store.ts';
import { addAboutSheet, bookBytes, centredLetterhead, newBook, pageFooter, printable, truncationNote } from '../reports/exports.ts';
import {
  DISPUTE_COLUMN_LABELS,
  DISPUTE_COLUMNS,
  describeDisputeFilter,
  describeObjectionFilter,
  disputeCells,
  OBJECTION_COLUMN_LABELS,
  OBJECTION_COLUMNS,
  objectionCells,
  type DisputeColumn,
  type DisputeFilter,
  type DisputeListRow,
  type ObjectionColumn,
  type ObjectionRegisterFilter,
  type ObjectionRegisterRow,
} from './register.ts';

/**
 * The register keberatan and the list of disputes as files: XLSX and landscape PDF on the office's
 * letterhead, with the page's own cells (register.ts objectionCells / disputeCells) and the request
 * register's writers (src/reports/exports.ts), so the three never disagree.
 */

export const OBJECTION_REGISTER_TITLE = text('Register Keberatan', 'Register of Objections');
export const DISPUTE_LIST_TITLE = text('Daftar Sengketa Informasi', 'List of Information Disputes');

interface CaseExport<R, F> {
  readonly office: OfficeRow;
  readonly lang: Lang;
  readonly filter: F;
  readonly rows: readonly R[];
  /** Rows matching the filter; more than `rows.length` when the export was cut at its limit. */
  readonly total: number;
  readonly generatedAt: Date;
  readonly generatedBy: string;
}

export type ObjectionRegisterExport = CaseExport<ObjectionRegisterRow, ObjectionRegisterFilter>;
export type DisputeListExport = CaseExport<DisputeListRow, DisputeFilter>;

/** What one list needs to be written: its columns, their words, and each row's cells. */
interface ListShape<R, C extends string> {
  readonly title: Text;
  readonly sheet: string;
  readonly columns: readonly C[];
  readonly labels: Readonly<Record<C, Text>>;
  readonly widths: Readonly<Partial<Record<C, number>>>;
  readonly cells: (row: R, lang: Lang, dates: 'long' | 'iso') => Record<C, string>;
  readonly empty: Text;
  /** The PDF's columns, grouped so that a landscape A4 page holds them. */
  readonly pdfGroups: readonly { columns: readonly C[]; width: number | '*' }[];
}

function objectionShape(timeZone: string): ListShape<ObjectionRegisterRow, ObjectionColumn> {
  return {
    title: OBJECTION_REGISTER_TITLE,
    sheet: 'Register keberatan',
    columns: OBJECTION_COLUMNS,
    labels: OBJECTION_COLUMN_LABELS,
    widths: { no: 6, number: 24, received: 20, applicant: 26, request: 24, information: 48, purpose: 30, grounds: 40, status: 30, due: 14, decision: 36, answered: 14, atasan: 30, reaction: 30 },
    cells: (row, lang, dates) => objectionCells(row, lang, timeZone, dates),
    empty: text('Tidak ada keberatan yang sesuai dengan saringan ini.', 'No objection matches this filter.'),
    pdfGroups: [
      { columns: ['no'], width: 14 },
      { columns: ['number', 'received'], width: 96 },
      { columns: ['applicant'], width: 70 },
      { columns: ['request'], width: 66 },
      { columns: ['information'], width: '*' },
      { columns: ['purpose'], width: 60 },
      { columns: ['grounds'], width: 84 },
      { columns: ['status', 'due'], width: 72 },
      { columns: ['decision', 'answered'], width: 80 },
      { columns: ['atasan'], width: 66 },
      { columns: ['reaction'], width: 62 },
    ],
  };
}

const DISPUTE_SHAPE: ListShape<DisputeListRow, DisputeColumn> = {
  title: DISPUTE_LIST_TITLE,
  sheet: 'Sengketa',
  columns: DISPUTE_COLUMNS,
  labels: DISPUTE_COLUMN_LABELS,
  widths: { no: 6, registerNumber: 24, commission: 34, objection: 24, request: 24, filed: 24, stage: 30, start: 24, finish: 24, outcome: 34, closed: 14 },
  cells: (row, lang, dates) => disputeCells(row, lang, dates),
  empty: text('Tidak ada sengketa yang sesuai dengan saringan ini.', 'No dispute matches this filter.'),
  pdfGroups: [
    { columns: ['no'], width: 14 },
    { columns: ['registerNumber'], width: 70 },
    { columns: ['commission'], width: '*' },
    { columns: ['objection', 'request'], width: 90 },
    { columns: ['filed'], width: 70 },
    { columns: ['stage'], width: 70 },
    { columns: ['start'], width: 70 },
    { columns: ['finish'], width: 66 },
    { columns: ['outcome'], width: 90 },
    { columns: ['closed'], width: 56 },
  ],
};

// ---------------------------------------------------------------------------------------------------
// XLSX

/** One list as a sheet: one header row, frozen, with an auto-filter; dates as sortable YYYY-MM-DD. */
function addListSheet<R extends { no: number }, C extends string>(book: ExcelJS.Workbook, shape: ListShape<R, C>, rows: readonly R[], lang: Lang): void {
  const sheet = book.addWorksheet(shape.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = shape.columns.map((key) => ({ header: t(lang, shape.labels[key]), key, width: shape.widths[key] ?? 16 }));
  for (const row of rows) {
    const cells: Record<string, string | number> = shape.cells(row, lang, 'iso');
    cells.no = row.no;
    sheet.addRow(cells);
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: shape.columns.length } };
}

function listXlsx<R extends { no: number }, C extends string>(x: CaseExport<R, unknown>, shape: ListShape<R, C>, filterWords: string): Promise<Buffer> {
  const book = newBook(x.generatedAt);
  addListSheet(book, shape, x.rows, x.lang);
  const cut = truncationNote(x.lang, x.rows.length, x.total);
  addAboutSheet(book, x.lang, [
    [t(x.lang, text('Judul', 'Title')), t(x.lang, shape.title)],
    [t(x.lang, text('Kantor', 'Office')), x.office.name],
    [t(x.lang, text('Saringan', 'Filter')), filterWords],
    [t(x.lang, text('Jumlah baris', 'Rows')), String(x.total)],
    ...(cut ? ([[t(x.lang, text('Catatan', 'Note')), cut]] as [string, string][]) : []),
    [t(x.lang, text('Dibuat', 'Made')), `${formatMoment(x.lang, x.generatedAt, x.office.timeZone)} · ${x.generatedBy}`],
  ]);
  return bookBytes(book);
}

export function objectionRegisterXlsx(x: ObjectionRegisterExport): Promise<Buffer> {
  return listXlsx(x, objectionShape(x.office.timeZone), describeObjectionFilter(x.filter, x.lang));
}

export function disputeListXlsx(x: DisputeListExport): Promise<Buffer> {
  return listXlsx(x, DISPUTE_SHAPE, describeDisputeFilter(x.filter, x.lang));
}

// ---------------------------------------------------------------------------------------------------
// PDF

function listTable<R, C extends string>(shape: ListShape<R, C>, rows: readonly R[], lang: Lang): Content {
  const header: TableCell[] = shape.pdfGroups.map((g) => ({ text: printable(g.columns.map((c) => t(lang, shape.labels[c])).join(' / ')), bold: true, fillColor: '#eeeeee' }));
  const body: TableCell[][] = rows.map((row) => {
    const cells = shape.cells(row, lang, 'long');
    return shape.pdfGroups.map((g): TableCell => ({ stack: g.columns.map((c) => ({ text: printable(cells[c]) })) }));
  });
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: shape.pdfGroups.map((g) => g.width), body: [header, ...body] },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#888888', vLineColor: () => '#888888', paddingLeft: () => 2, paddingRight: () => 2, paddingTop: () => 2, paddingBottom: () => 2 },
    fontSize: 6.5,
    lineHeight: 1.1,
  };
}

function listPdf<R, C extends string>(x: CaseExport<R, unknown>, shape: ListShape<R, C>, filterWords: string): Promise<Buffer> {
  const cut = truncationNote(x.lang, x.rows.length, x.total);
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 36, 28, 36],
    info: { title: t(x.lang, shape.title), subject: filterWords, creator: 'Lentera' },
    footer: pageFooter(x.lang),
    defaultStyle: { font: 'Helvetica', fontSize: 9, lineHeight: 1.15 },
    content: [
      centredLetterhead(x.office),
      { text: printable(t(x.lang, shape.title).toUpperCase()), bold: true, alignment: 'center', fontSize: 12, margin: [0, 0, 0, 6] },
      { text: printable(`${t(x.lang, text('Saringan', 'Filter'))}: ${filterWords}`), margin: [0, 0, 0, 2] },
      {
        text: printable(`${t(x.lang, text('Jumlah', 'Rows'))}: ${x.total} · ${t(x.lang, text('Dibuat', 'Made'))}: ${formatMoment(x.lang, x.generatedAt, x.office.timeZone)} · ${x.generatedBy}`),
        fontSize: 8,
        margin: [0, 0, 0, 8],
      },
      ...(cut ? [{ text: cut, bold: true, margin: [0, 0, 0, 6] } as Content] : []),
      x.rows.length > 0 ? listTable(shape, x.rows, x.lang) : { text: t(x.lang, shape.empty), italics: true },
    ],
  };
  return renderPdf(doc);
}

export function objectionRegisterPdf(x: ObjectionRegisterExport): Promise<Buffer> {
  return listPdf(x, objectionShape(x.office.timeZone), describeObjectionFilter(x.filter, x.lang));
}

export function disputeListPdf(x: DisputeListExport): Promise<Buffer> {
  return listPdf(x, DISPUTE_SHAPE, describeDisputeFilter(x.filter, x.lang));
}
