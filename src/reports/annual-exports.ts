import type ExcelJS from 'exceljs';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatDay, formatMoment, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import { renderPdf } from '../letters/render.ts';
import type { OfficeRow } from '../offices/store.ts';
import {
  annualCharts,
  CHAPTERS,
  chapterTables,
  changeText,
  NARRATIVE_KEYS,
  NARRATIVE_LABELS,
  reportTitle,
  skmChart,
  sourceText,
  versionLabel,
  lineText,
  type AnnualChart,
  type ReportTable,
} from './annual.ts';
import type { ReportView } from './annual-service.ts';
import { addAboutSheet, bookBytes, centredLetterhead, chartSvg, newBook, pageFooter, printable } from './exports.ts';

/**
 * The annual report as files: a PDF on the office's letterhead with its charts, and an XLSX with one
 * sheet per table plus the written sections. Both print the tables of annual.ts, so a file never says
 * something the page does not; a year with no data says so in words.
 */

export interface AnnualExport {
  readonly office: OfficeRow;
  readonly lang: Lang;
  readonly view: ReportView;
  readonly generatedAt: Date;
}

export function annualFileName(view: ReportView, ext: 'pdf' | 'xlsx'): string {
  const version = view.version === null ? 'pratinjau' : view.status === 'draft' ? `v${view.version}-draf` : `v${view.version}`;
  return `laporan-layanan-informasi-publik_${view.year}_${version}.${ext}`;
}

/** The line under the title: which version, and whether its figures are frozen. */
function statusLine(lang: Lang, office: OfficeRow, view: ReportView): string {
  const label = versionLabel(lang, view.version, view.status);
  if (view.status === 'submitted' && view.submittedAt) {
    const by = view.submittedBy ? ` ${t(lang, text('oleh', 'by'))} ${view.submittedBy}` : '';
    return `${label} · ${t(lang, text('disampaikan', 'submitted'))} ${formatMoment(lang, view.submittedAt, office.timeZone)}${by}`;
  }
  return `${label} · ${t(lang, text('DRAF: belum disampaikan, angka masih mengikuti register', 'DRAFT: not submitted, the figures still follow the registers'))}`;
}

function paragraphs(value: string): string[] {
  return value.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

const NOT_WRITTEN = text('(belum diisi)', '(not written yet)');

// ---------------------------------------------------------------------------------------------------
// PDF

function tablePdf(lang: Lang, table: ReportTable): Content {
  return {
    stack: [
      { text: printable(t(lang, table.title)), bold: true, margin: [0, 8, 0, 4] },
      {
        table: { widths: ['*', 80], body: table.lines.map((line) => [printable(t(lang, line.label)), { text: printable(lineText(lang, line.unit, line.value)), alignment: 'right' }]) },
        layout: { hLineWidth: () => 0.5, vLineWidth: () => 0, hLineColor: () => '#aaaaaa' },
      },
    ],
    // A table kept on one page reads as one; it also keeps a reader's text in the table's order.
    unbreakable: true,
  };
}

function chartPdf(lang: Lang, chart: AnnualChart): Content {
  return {
    stack: [
      { text: printable(t(lang, chart.title)), bold: true, margin: [0, 10, 0, 4] },
      { svg: chartSvg(chart.geometry, t(lang, chart.title)), width: chart.geometry.width },
    ],
    unbreakable: true,
  };
}

function narrativePdf(lang: Lang, value: string): Content[] {
  const parts = paragraphs(value);
  if (parts.length === 0) return [{ text: t(lang, NOT_WRITTEN), italics: true, margin: [0, 0, 0, 6] }];
  return parts.map((p): Content => ({ text: printable(p), margin: [0, 0, 0, 6], alignment: 'justify' }));
}

function chapterPdf(lang: Lang, view: ReportView, chapter: (typeof CHAPTERS)[number]): Content[] {
  const heading: Content = { text: printable(`${chapter.letter}. ${t(lang, chapter.title)}`), bold: true, fontSize: 11, margin: [0, 14, 0, 6] };
  if (chapter.kind === 'narrative') {
    if (chapter.sections.length === 1) return [heading, ...narrativePdf(lang, view.narrative[chapter.sections[0]!])];
    return [heading, ...chapter.sections.flatMap((key, i) => [{ text: printable(`${i + 1}. ${t(lang, NARRATIVE_LABELS[key])}`), bold: true, margin: [0, 4, 0, 4] } as Content, ...narrativePdf(lang, view.narrative[key])])];
  }
  const { tables, empty } = chapterTables(view.figures, chapter.kind);
  if (empty) return [heading, { text: printable(t(lang, empty)), margin: [0, 0, 0, 6] }];
  const charts = chapter.kind === 'requests' && view.figures.requests ? annualCharts(view.figures.requests, lang) : chapter.kind === 'skm' && view.figures.skm ? [skmChart(view.figures.skm, lang)] : [];
  return [heading, ...tables.map((table) => tablePdf(lang, table)), ...charts.map((chart) => chartPdf(lang, chart))];
}

function changesPdf(lang: Lang, view: ReportView): Content[] {
  const changes = view.changes;
  if (!changes) return [];
  const figures = changes.figures.length === 0 ? [{ text: t(lang, text('Tidak ada angka yang berubah.', 'No figure changed.')) } as Content] : [{ ul: changes.figures.map((c) => printable(`${t(lang, c.table)} — ${changeText(lang, c)}`)), fontSize: 9 } as Content];
  const sections =
    changes.sections.length === 0
      ? t(lang, text('Tidak ada bagian tertulis yang berubah.', 'No written section changed.'))
      : `${t(lang, text('Bagian tertulis yang berubah', 'Written sections changed'))}: ${changes.sections.map((k) => t(lang, NARRATIVE_LABELS[k])).join('; ')}.`;
  return [
    { text: printable(t(lang, text(`Perubahan dibanding versi ${changes.previousVersion}`, `Changes from version ${changes.previousVersion}`))), bold: true, fontSize: 11, margin: [0, 14, 0, 6] },
    ...figures,
    { text: printable(sections), margin: [0, 6, 0, 0] },
  ];
}

export function annualPdf(x: AnnualExport): Promise<Buffer> {
  const { lang, view, office } = x;
  const title = reportTitle(lang, view.year);
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [60, 50, 60, 50],
    info: { title: `${title} — ${office.name}`, subject: versionLabel(lang, view.version, view.status), creator: 'Lentera' },
    footer: pageFooter(lang),
    content: [
      centredLetterhead(office),
      { text: printable(title.toUpperCase()), bold: true, alignment: 'center', fontSize: 12 },
      { text: printable(office.name), alignment: 'center', margin: [0, 2, 0, 2] },
      { text: printable(statusLine(lang, office, view)), alignment: 'center', fontSize: 9, margin: [0, 0, 0, 8] },
      ...(view.revisionReason ? [{ text: printable(`${t(lang, text('Alasan versi ini', 'Why this version was made'))}: ${view.revisionReason}`), fontSize: 9, margin: [0, 0, 0, 6] } as Content] : []),
      { text: printable(sourceText(lang, view.figures, view.status === 'submitted')), fontSize: 9, margin: [0, 0, 0, 4] },
      ...CHAPTERS.flatMap((chapter) => chapterPdf(lang, view, chapter)),
      ...changesPdf(lang, view),
      { text: printable(`${t(lang, text('Dicetak', 'Printed'))}: ${formatMoment(lang, x.generatedAt, office.timeZone)}`), margin: [0, 16, 0, 0], fontSize: 8 },
    ],
  };
  return renderPdf(doc);
}

// ---------------------------------------------------------------------------------------------------
// XLSX

/** A sheet name as Excel allows it: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(value: string): string {
  return value.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}

function cellValue(lang: Lang, unit: ReportTable['lines'][number]['unit'], value: number | string | null): number | string {
  if (value === null || unit === 'grade' || typeof value !== 'number') return lineText(lang, unit, value);
  return unit === 'days' ? Math.round(value * 10) / 10 : value;
}

/** One table: its title, then code, item and value, one line per figure; the code stays the same in both languages. */
function addTableSheet(book: ExcelJS.Workbook, lang: Lang, table: ReportTable): void {
  const sheet = book.addWorksheet(sheetName(t(lang, table.sheet)), { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = [{ width: 28 }, { width: 70 }, { width: 16 }];
  sheet.addRow([t(lang, table.title)]).font = { bold: true };
  sheet.addRow([t(lang, text('Kode', 'Code')), t(lang, text('Uraian', 'Item')), t(lang, text('Nilai', 'Value'))]).font = { bold: true };
  for (const line of table.lines) {
    const row = sheet.addRow([line.key, t(lang, line.label), cellValue(lang, line.unit, line.value)]);
    if (line.unit === 'index') row.getCell(3).numFmt = '0.00';
  }
}

/** The sheet that stands for a chapter with nothing to measure (no table of that name exists then). */
const EMPTY_SHEETS: Readonly<Record<'requests' | 'cases' | 'skm', Text>> = {
  requests: text('Permohonan', 'Requests'),
  cases: text('Keberatan dan sengketa', 'Objections and disputes'),
  skm: text('SKM', 'Survey'),
};

function addSentenceSheet(book: ExcelJS.Workbook, name: Text, lang: Lang, sentence: Text): void {
  const sheet = book.addWorksheet(sheetName(t(lang, name)));
  sheet.columns = [{ width: 110 }];
  sheet.addRow([t(lang, sentence)]);
}

export function annualXlsx(x: AnnualExport): Promise<Buffer> {
  const { lang, view, office } = x;
  const book = newBook(x.generatedAt);
  addAboutSheet(book, lang, [
    [t(lang, text('Judul', 'Title')), reportTitle(lang, view.year)],
    [t(lang, text('Kantor', 'Office')), office.name],
    [t(lang, text('Versi', 'Version')), statusLine(lang, office, view)],
    ...(view.revisionReason ? ([[t(lang, text('Alasan versi ini', 'Why this version was made')), view.revisionReason]] as [string, string][]) : []),
    [t(lang, text('Periode', 'Period')), `${formatDay(lang, view.figures.from, false)} – ${formatDay(lang, view.figures.to, false)}`],
    [t(lang, text('Sumber angka', 'Source of the figures')), sourceText(lang, view.figures, view.status === 'submitted')],
    [t(lang, text('Dibuat', 'Made')), formatMoment(lang, x.generatedAt, office.timeZone)],
  ]);

  const narrative = book.addWorksheet(t(lang, text('Narasi', 'Narrative')));
  narrative.columns = [{ width: 40 }, { width: 110 }];
  narrative.addRow([t(lang, text('Bagian', 'Section')), t(lang, text('Isi', 'Text'))]).font = { bold: true };
  for (const key of NARRATIVE_KEYS) {
    const row = narrative.addRow([t(lang, NARRATIVE_LABELS[key]), view.narrative[key] || t(lang, NOT_WRITTEN)]);
    row.alignment = { vertical: 'top', wrapText: true };
  }

  for (const chapter of CHAPTERS) {
    if (chapter.kind === 'narrative') continue;
    const { tables, empty } = chapterTables(view.figures, chapter.kind);
    if (empty) addSentenceSheet(book, EMPTY_SHEETS[chapter.kind], lang, empty);
    for (const table of tables) addTableSheet(book, lang, table);
  }

  if (view.changes) {
    const sheet = book.addWorksheet(t(lang, text('Perubahan', 'Changes')));
    sheet.columns = [{ width: 28 }, { width: 40 }, { width: 60 }, { width: 18 }, { width: 18 }];
    sheet.addRow([t(lang, text(`Perubahan dibanding versi ${view.changes.previousVersion}`, `Changes from version ${view.changes.previousVersion}`))]).font = { bold: true };
    sheet.addRow([t(lang, text('Kode', 'Code')), t(lang, text('Tabel', 'Table')), t(lang, text('Uraian', 'Item')), t(lang, text('Sebelumnya', 'Before')), t(lang, text('Sekarang', 'Now'))]).font = { bold: true };
    for (const c of view.changes.figures) sheet.addRow([c.key, t(lang, c.table), t(lang, c.label), cellValue(lang, c.unit, c.before), cellValue(lang, c.unit, c.after)]);
    for (const key of view.changes.sections) sheet.addRow([`narrative.${key}`, t(lang, text('Bagian tertulis', 'Written section')), t(lang, NARRATIVE_LABELS[key]), '', t(lang, text('diubah', 'changed'))]);
  }
  return bookBytes(book);
}
