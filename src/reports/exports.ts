import ExcelJS from 'exceljs';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatDay, formatMoment, t, text, type Lang } from '../kernel/i18n.ts';
import { unprintableCharacter } from '../letters/charset.ts';
import { letterhead, renderPdf } from '../letters/render.ts';
import { caseSections, hasCases, noCasesText } from '../objections/register.ts';
import type { OfficeRow } from '../offices/store.ts';
import type { MonthlyReport } from './register.ts';
import {
  COLUMN_LABELS,
  describeFilter,
  figureValue,
  monthLabel,
  monthlyCharts,
  monthlySections,
  REGISTER_COLUMNS,
  registerCells,
  type ChartGeometry,
  type FigureSection,
  type RegisterColumn,
  type RegisterFilter,
  type RegisterRow,
} from './rules.ts';

/**
 * The register and the monthly report as files: XLSX (exceljs) and PDF on the office's letterhead
 * (pdfmake through src/letters/render.ts). The cells are the page's cells (rules.ts registerCells),
 * so a file never says something the page does not. The NIK is only ever the masked one.
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface RegisterExport {
  readonly office: OfficeRow;
  readonly lang: Lang;
  readonly filter: RegisterFilter;
  readonly rows: readonly RegisterRow[];
  /** Rows matching the filter; more than `rows.length` when the export was cut at its limit. */
  readonly total: number;
  readonly generatedAt: Date;
  readonly generatedBy: string;
}

const REGISTER_TITLE = text('Register Pelayanan Informasi Publik', 'Register of Public Information Service');
const MONTHLY_TITLE = text('Laporan Bulanan Layanan Informasi Publik', 'Monthly Report of Public Information Service');
const NIK_NOTE = text('NIK ditampilkan tersamar sesuai perlindungan data pribadi.', 'NIKs are shown masked to protect personal data.');

export function truncationNote(lang: Lang, shown: number, total: number): string | undefined {
  if (total <= shown) return undefined;
  return t(lang, text(`Berkas ini memuat ${shown} dari ${total} baris; persempit saringan untuk sisanya.`, `This file holds ${shown} of ${total} rows; narrow the filter for the rest.`));
}

// ---------------------------------------------------------------------------------------------------
// XLSX

const COLUMN_WIDTHS: Readonly<Partial<Record<RegisterColumn, number>>> = {
  no: 6,
  number: 24,
  received: 17,
  name: 24,
  address: 30,
  contact: 26,
  nik: 22,
  missing: 28,
  information: 48,
  purpose: 30,
  held: 28,
  decision: 30,
  refusal: 30,
  units: 28,
  extension: 30,
};

/** The register as a sheet: one header row, frozen, with an auto-filter; cost and number as numbers. */
function addRegisterSheet(book: ExcelJS.Workbook, name: string, rows: readonly RegisterRow[], lang: Lang, timeZone: string, columns: readonly RegisterColumn[] = REGISTER_COLUMNS): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((key) => ({ header: t(lang, COLUMN_LABELS[key]), key, width: COLUMN_WIDTHS[key] ?? 16 }));
  for (const row of rows) {
    const cells: Record<string, string | number> = registerCells(row, lang, timeZone, 'iso');
    cells.no = row.no;
    if (row.cost > 0) cells.cost = row.cost;
    sheet.addRow(cells);
  }
  sheet.getColumn('cost').numFmt = '"Rp" #,##0';
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

/**
 * The monthly report goes up to the Secretary, who needs what was asked and how it was handled, not
 * how to reach each applicant: the rows there leave out the identity and contact columns.
 */
const REPORT_COLUMNS: readonly RegisterColumn[] = REGISTER_COLUMNS.filter((c) => !['nik', 'address', 'contact'].includes(c));

export function addAboutSheet(book: ExcelJS.Workbook, lang: Lang, lines: readonly (readonly [string, string])[]): void {
  const sheet = book.addWorksheet(t(lang, text('Keterangan', 'About')));
  sheet.columns = [{ width: 26 }, { width: 90 }];
  for (const line of lines) sheet.addRow([...line]);
  sheet.getColumn(1).font = { bold: true };
}

export async function bookBytes(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function newBook(generatedAt: Date): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'Lentera';
  book.created = generatedAt;
  return book;
}

export function registerXlsx(x: RegisterExport): Promise<Buffer> {
  const book = newBook(x.generatedAt);
  addRegisterSheet(book, 'Register', x.rows, x.lang, x.office.timeZone);
  const cut = truncationNote(x.lang, x.rows.length, x.total);
  addAboutSheet(book, x.lang, [
    [t(x.lang, text('Judul', 'Title')), t(x.lang, REGISTER_TITLE)],
    [t(x.lang, text('Kantor', 'Office')), x.office.name],
    [t(x.lang, text('Saringan', 'Filter')), describeFilter(x.filter, x.lang)],
    [t(x.lang, text('Jumlah baris', 'Rows')), String(x.total)],
    ...(cut ? ([[t(x.lang, text('Catatan', 'Note')), cut]] as [string, string][]) : []),
    [t(x.lang, text('Dibuat', 'Made')), `${formatMoment(x.lang, x.generatedAt, x.office.timeZone)} · ${x.generatedBy}`],
    [t(x.lang, text('Data pribadi', 'Personal data')), t(x.lang, NIK_NOTE)],
  ]);
  return bookBytes(book);
}

export interface MonthlyExport {
  readonly office: OfficeRow;
  readonly lang: Lang;
  readonly report: MonthlyReport;
  readonly generatedAt: Date;
  readonly generatedBy: string;
}

/** The figures sheet and the month's register rows (the rows the figures were counted from). */
export function monthlyXlsx(x: MonthlyExport): Promise<Buffer> {
  const { lang, report } = x;
  const book = newBook(x.generatedAt);
  const sheet = book.addWorksheet(t(lang, text('Angka', 'Figures')));
  sheet.columns = [{ width: 34 }, { width: 60 }, { width: 14 }];
  sheet.addRow([`${t(lang, MONTHLY_TITLE)} — ${monthLabel(lang, report.period.month)}`]).font = { bold: true, size: 13 };
  sheet.addRow([x.office.name]);
  sheet.addRow([periodLine(lang, report)]);
  sheet.addRow([]);
  const cases = hasCases(report.cases.figures) ? caseSections(report.cases.figures, report.period) : [];
  if (report.rows.length === 0) sheet.addRow([emptyMonthText(lang, report.period.month)]);
  if (cases.length === 0) sheet.addRow([noCasesText(lang, report.period.month)]);
  if (report.rows.length > 0 || cases.length > 0) {
    sheet.addRow([t(lang, text('Bagian', 'Section')), t(lang, text('Uraian', 'Item')), t(lang, text('Nilai', 'Value'))]).font = { bold: true };
    for (const section of [...(report.rows.length > 0 ? monthlySections(report.figures) : []), ...cases]) {
      for (const line of section.lines) sheet.addRow([t(lang, section.title), t(lang, line.label), line.value === null ? figureValue(lang, line) : line.unit === 'requests' ? line.value : Math.round(line.value * 10) / 10]);
    }
  }
  addRegisterSheet(book, 'Register', report.rows, lang, x.office.timeZone, REPORT_COLUMNS);
  return bookBytes(book);
}

// ---------------------------------------------------------------------------------------------------
// PDF

/**
 * What the standard PDF fonts cannot print is shown as "?": a name in another script must not come
 * out as other letters (pdfkit prints wrong glyphs rather than refusing).
 */
export function printable(value: string): string {
  let out = '';
  for (const ch of value) out += unprintableCharacter(ch) ? '?' : ch;
  return out;
}

/** The letterhead, centred: it is drawn for a portrait page's width. */
export function centredLetterhead(office: OfficeRow): Content {
  const lines = office.letterheadLines.length > 0 ? office.letterheadLines : [office.name];
  return { columns: [{ width: '*', text: '' }, { width: 475, stack: letterhead({ ...office, letterheadLines: lines.map(printable) }) }, { width: '*', text: '' }] };
}

export function pageFooter(lang: Lang) {
  return (current: number, total: number): Content => ({
    text: t(lang, text(`Halaman ${current} dari ${total}`, `Page ${current} of ${total}`)),
    alignment: 'center',
    fontSize: 7,
    margin: [0, 10, 0, 0],
  });
}

/** The PDF's columns: the register's columns, grouped so that a landscape A4 page holds them. */
const PDF_GROUPS: readonly { columns: readonly RegisterColumn[]; width: number | '*' }[] = [
  { columns: ['no'], width: 14 },
  { columns: ['number', 'received', 'channel'], width: 88 },
  { columns: ['name', 'applicantType', 'nik', 'missing', 'occupation', 'address', 'contact'], width: 104 },
  { columns: ['information'], width: '*' },
  { columns: ['purpose'], width: 60 },
  { columns: ['held', 'form', 'type'], width: 70 },
  { columns: ['stage', 'decision', 'refusal'], width: 84 },
  { columns: ['noticeDate', 'deliveryDate'], width: 50 },
  { columns: ['cost', 'payment'], width: 46 },
  { columns: ['units'], width: 54 },
  { columns: ['due', 'extension'], width: 58 },
];

function registerTable(rows: readonly RegisterRow[], lang: Lang, timeZone: string): Content {
  const header: TableCell[] = PDF_GROUPS.map((g) => ({ text: printable(g.columns.map((c) => t(lang, COLUMN_LABELS[c])).join(' / ')), bold: true, fillColor: '#eeeeee' }));
  const body: TableCell[][] = rows.map((row) => {
    const cells = registerCells(row, lang, timeZone);
    return PDF_GROUPS.map((g): TableCell => ({ stack: g.columns.map((c) => ({ text: printable(cells[c]) })) }));
  });
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: PDF_GROUPS.map((g) => g.width), body: [header, ...body] },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#888888', vLineColor: () => '#888888', paddingLeft: () => 2, paddingRight: () => 2, paddingTop: () => 2, paddingBottom: () => 2 },
    fontSize: 6.5,
    lineHeight: 1.1,
  };
}

export function registerPdf(x: RegisterExport): Promise<Buffer> {
  const cut = truncationNote(x.lang, x.rows.length, x.total);
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 36, 28, 36],
    info: { title: t(x.lang, REGISTER_TITLE), subject: describeFilter(x.filter, x.lang), creator: 'Lentera' },
    footer: pageFooter(x.lang),
    defaultStyle: { font: 'Helvetica', fontSize: 9, lineHeight: 1.15 },
    content: [
      centredLetterhead(x.office),
      { text: printable(t(x.lang, REGISTER_TITLE).toUpperCase()), bold: true, alignment: 'center', fontSize: 12, margin: [0, 0, 0, 6] },
      { text: printable(`${t(x.lang, text('Saringan', 'Filter'))}: ${describeFilter(x.filter, x.lang)}`), margin: [0, 0, 0, 2] },
      {
        text: printable(
          `${t(x.lang, text('Jumlah', 'Rows'))}: ${x.total} · ${t(x.lang, text('Dibuat', 'Made'))}: ${formatMoment(x.lang, x.generatedAt, x.office.timeZone)} · ${x.generatedBy} · ${t(x.lang, NIK_NOTE)}`,
        ),
        fontSize: 8,
        margin: [0, 0, 0, 8],
      },
      ...(cut ? [{ text: cut, bold: true, margin: [0, 0, 0, 6] } as Content] : []),
      x.rows.length > 0 ? registerTable(x.rows, x.lang, x.office.timeZone) : { text: t(x.lang, text('Tidak ada permohonan yang sesuai dengan saringan ini.', 'No request matches this filter.')), italics: true },
    ],
  };
  return renderPdf(doc);
}

const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The chart as an SVG document, for pdfmake's `svg` node; the page draws the same geometry in TSX. */
export function chartSvg(geometry: ChartGeometry, title: string): string {
  const rows = geometry.rows
    .map(
      (r) =>
        `<text x="${geometry.labelWidth - 6}" y="${r.textY}" text-anchor="end" font-family="Helvetica" font-size="10" fill="#1a1a1a">${escapeXml(printable(r.label))}</text>` +
        (r.barWidth > 0 ? `<rect x="${r.barX}" y="${r.y}" width="${r.barWidth}" height="${r.barHeight}" fill="#8b1c1c"/>` : '') +
        `<text x="${r.valueX}" y="${r.textY}" font-family="Helvetica" font-size="10" fill="#1a1a1a">${r.value}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${geometry.width}" height="${geometry.height}" viewBox="0 0 ${geometry.width} ${geometry.height}"><title>${escapeXml(printable(title))}</title>${rows}</svg>`;
}

function periodLine(lang: Lang, report: MonthlyReport): string {
  const { period } = report;
  const range = `${formatDay(lang, period.from, false)} – ${formatDay(lang, period.inProgress ? report.figures.asOf : period.to, false)}`;
  return t(lang, text(`Permohonan yang diterima ${range} (tanggal diterima, zona waktu kantor)`, `Requests received ${range} (date received, office time zone)`)) + (period.inProgress ? t(lang, text('; bulan masih berjalan', '; the month is still running')) : '');
}

export function emptyMonthText(lang: Lang, month: string): string {
  return t(
    lang,
    text(
      `Tidak ada permohonan informasi yang diterima pada ${monthLabel('id', month)}. Tidak ada angka yang dapat diukur untuk bulan ini.`,
      `No request for information was received in ${monthLabel('en', month)}. There are no figures to measure for this month.`,
    ),
  );
}

/** A report's table of figures: one label and one value per line. */
function figureTable(lang: Lang, section: FigureSection): Content {
  return {
    stack: [
      { text: printable(t(lang, section.title)), bold: true, margin: [0, 8, 0, 4] },
      {
        table: { widths: ['*', 60], body: section.lines.map((line) => [printable(t(lang, line.label)), { text: figureValue(lang, line), alignment: 'right' }]) },
        layout: { hLineWidth: () => 0.5, vLineWidth: () => 0, hLineColor: () => '#aaaaaa' },
      },
    ],
    unbreakable: true,
  };
}

/** The month's objections and disputes: their tables, or a sentence when there were none. */
function casesPdf(lang: Lang, report: MonthlyReport): Content[] {
  const { figures, objections, disputes } = report.cases;
  if (!hasCases(figures)) return [{ text: printable(noCasesText(lang, report.period.month)), margin: [0, 12, 0, 0] }];
  return [
    {
      text: printable(
        t(
          lang,
          text(
            `Angka keberatan dan sengketa dihitung dari ${objections.length} baris register keberatan (tanggal diterima) dan ${disputes.length} baris daftar sengketa (tanggal diajukan) bulan ini.`,
            `The objection and dispute figures are counted from this month's ${objections.length} rows of the register of objections (date received) and ${disputes.length} rows of the list of disputes (date filed).`,
          ),
        ),
      ),
      fontSize: 9,
      margin: [0, 12, 0, 0],
    },
    ...caseSections(figures, report.period).map((section) => figureTable(lang, section)),
  ];
}

export function monthlyPdf(x: MonthlyExport): Promise<Buffer> {
  const { lang, report } = x;
  const sections = monthlySections(report.figures);
  const figures: Content[] =
    report.rows.length === 0
      ? [{ text: emptyMonthText(lang, report.period.month), margin: [0, 8, 0, 8] }]
      : [
          ...sections.map((section) => figureTable(lang, section)),
          ...monthlyCharts(report.figures, lang).map(
            (chart): Content => ({
              stack: [
                { text: printable(t(lang, chart.title)), bold: true, margin: [0, 12, 0, 4] },
                { svg: chartSvg(chart.geometry, t(lang, chart.title)), width: chart.geometry.width },
              ],
              unbreakable: true,
            }),
          ),
        ];
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [60, 50, 60, 50],
    info: { title: `${t(lang, MONTHLY_TITLE)} — ${monthLabel(lang, report.period.month)}`, creator: 'Lentera' },
    footer: pageFooter(lang),
    content: [
      centredLetterhead(x.office),
      { text: printable(t(lang, MONTHLY_TITLE).toUpperCase()), bold: true, alignment: 'center', fontSize: 12 },
      { text: printable(monthLabel(lang, report.period.month)), bold: true, alignment: 'center', margin: [0, 0, 0, 12] },
      { text: printable(t(lang, text(`Kepada Yth. Sekretaris ${x.office.name}`, `To the Secretary, ${x.office.name}`))), margin: [0, 0, 0, 8] },
      { text: printable(periodLine(lang, report)), margin: [0, 0, 0, 4] },
      {
        text: printable(
          t(
            lang,
            text(
              `Setiap angka dihitung dari ${report.rows.length} baris register pelayanan informasi bulan ini (terlampir dalam berkas XLSX), sebagaimana register menunjukkannya pada ${formatMoment('id', x.generatedAt, x.office.timeZone)}.`,
              `Every figure is counted from this month's ${report.rows.length} rows of the register of information service (attached in the XLSX file), as the register shows them at ${formatMoment('en', x.generatedAt, x.office.timeZone)}.`,
            ),
          ),
        ),
        fontSize: 9,
        margin: [0, 0, 0, 4],
      },
      ...figures,
      ...casesPdf(lang, report),
      { text: printable(`${t(lang, text('Disusun oleh', 'Prepared by'))}: ${x.generatedBy}`), margin: [0, 16, 0, 0], fontSize: 9 },
    ],
  };
  return renderPdf(doc);
}
