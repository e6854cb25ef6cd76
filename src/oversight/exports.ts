import { formatMoment, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import { csvField } from '../dip/exports.ts';
import { LEVEL_LABELS } from '../offices/rules.ts';
import { decidedCount, medianAnswerDays, overdueRate } from '../reports/figures.ts';
import { addAboutSheet, bookBytes, newBook } from '../reports/exports.ts';
import {
  annualWords,
  asOfficeFigures,
  columnValue,
  percentOf,
  periodLabel,
  periodSentence,
  provinceOf,
  provinceTotals,
  type OfficeNode,
  type OverviewFigures,
  type OverviewRow,
} from './rules.ts';
import type { Overview } from './service.ts';

/**
 * The overview as files: CSV (one row per office) and XLSX (the same rows, KPU RI's province totals,
 * and a sheet saying what was counted). Built from the same rows as the page, so a file never says
 * something the page does not; no personal data is in those rows to begin with.
 */

export interface OverviewExport {
  readonly overview: Overview;
  readonly lang: Lang;
  readonly generatedAt: Date;
  /** When the figures were counted (KPU RI's job); the moment of the download otherwise. */
  readonly computedAt: Date;
}

type Cell = string | number | null;

interface OfficeColumn {
  readonly header: Text;
  readonly width: number;
  readonly value: (row: OverviewRow, lang: Lang) => Cell;
}

const figure = (pick: (f: OverviewFigures) => number | null) => (row: OverviewRow) => (row.figures ? pick(row.figures) : null);

function officeColumns(overview: Overview): OfficeColumn[] {
  const byId = new Map(overview.rows.map((r) => [r.office.id, r.office]));
  return [
    { header: text('Kode', 'Code'), width: 10, value: (r) => r.office.code },
    { header: text('Kantor', 'Office'), width: 44, value: (r) => r.office.name },
    { header: text('Tingkat', 'Level'), width: 18, value: (r, lang) => t(lang, LEVEL_LABELS[r.office.level as keyof typeof LEVEL_LABELS] ?? text(r.office.level, r.office.level)) },
    { header: text('Provinsi', 'Province'), width: 36, value: (r) => provinceOf(r.office, byId)?.name ?? '' },
    { header: text('Data pada periode', 'Data in the period'), width: 16, value: (r, lang) => t(lang, r.figures ? text('Ada', 'Yes') : text('Tidak ada data', 'No data')) },
    { header: text('Permohonan', 'Requests'), width: 12, value: figure((f) => f.requests) },
    { header: text('Sudah diputus', 'Decided'), width: 12, value: figure((f) => decidedCount(asOfficeFigures(f))) },
    { header: text('Terlambat (diputus lewat batas atau masih lewat batas)', 'Late (decided after, or still open past, the deadline)'), width: 18, value: figure((f) => f.late) },
    { header: text('Belum diputus dan lewat batas', 'Open and past the deadline'), width: 16, value: figure((f) => f.overdueOpen) },
    { header: text('Terlambat (%)', 'Late (%)'), width: 12, value: (r) => columnValue(r, 'overdueRate') },
    { header: text('Median hari kerja sampai jawaban', 'Median working days to answer'), width: 16, value: (r) => columnValue(r, 'medianDays') },
    { header: text('Keberatan', 'Objections'), width: 12, value: figure((f) => f.objections) },
    { header: text('Keberatan terlambat dijawab', 'Objections answered late'), width: 16, value: figure((f) => f.objectionsLate) },
    { header: text('Sengketa', 'Disputes'), width: 12, value: figure((f) => f.disputes) },
    { header: text('Edisi DIP terakhir', 'Latest DIP edition'), width: 12, value: (r) => r.dip?.edition ?? null },
    { header: text('Tanggal DIP terakhir', 'Latest DIP date'), width: 14, value: (r) => r.dip?.day ?? null },
    {
      header: text(`Laporan tahunan ${overview.annualYear}`, `Annual report ${overview.annualYear}`),
      width: 34,
      value: (r, lang) => annualWords(lang, r.annual, overview.today),
    },
  ];
}

const TITLE = text('Pengawasan Layanan Informasi Publik', 'Oversight of Public Information Service');

/** UTF-8 with a BOM (so Excel reads it as UTF-8), comma-separated, CRLF line ends; an empty cell is "no data". */
export function overviewCsv(x: OverviewExport): Buffer {
  const columns = officeColumns(x.overview);
  const lines = [columns.map((c) => csvField(t(x.lang, c.header))).join(',')];
  for (const row of x.overview.rows) lines.push(columns.map((c) => csvField(c.value(row, x.lang) ?? '')).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

function provinceName(lang: Lang, province: OfficeNode | null): string {
  return province ? province.name : t(lang, text('KPU RI (dan kantor di luar provinsi)', 'KPU RI (and offices under no province)'));
}

export function overviewXlsx(x: OverviewExport): Promise<Buffer> {
  const { lang, overview } = x;
  const book = newBook(x.generatedAt);
  const columns = officeColumns(overview);
  const sheet = book.addWorksheet(t(lang, text('Per kantor', 'Per office')), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: t(lang, c.header), width: c.width }));
  for (const row of overview.rows) sheet.addRow(columns.map((c) => c.value(row, lang)));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { vertical: 'top', wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  if (overview.level === 'ri') {
    const totals = book.addWorksheet(t(lang, text('Per provinsi', 'Per province')), { views: [{ state: 'frozen', ySplit: 1 }] });
    const headers: [Text, number][] = [
      [text('Provinsi', 'Province'), 44],
      [text('Kantor', 'Offices'), 10],
      [text('Kantor dengan data', 'Offices with data'), 14],
      [text('Permohonan', 'Requests'), 12],
      [text('Terlambat', 'Late'), 12],
      [text('Terlambat (%)', 'Late (%)'), 12],
      [text('Median hari kerja sampai jawaban', 'Median working days to answer'), 16],
      [text('Keberatan', 'Objections'), 12],
      [text('Sengketa', 'Disputes'), 12],
      [text('Kantor dengan DIP', 'Offices with a DIP'), 14],
      [text(`Laporan tahunan ${overview.annualYear} disampaikan`, `Annual reports ${overview.annualYear} submitted`), 18],
    ];
    totals.columns = headers.map(([h, width]) => ({ header: t(lang, h), width }));
    for (const g of provinceTotals(overview.rows)) {
      const f = g.figures ? asOfficeFigures(g.figures) : null;
      totals.addRow([
        provinceName(lang, g.province),
        g.offices,
        g.withData,
        f?.requests ?? null,
        f?.late ?? null,
        f ? percentOf(overdueRate(f)) : null,
        f ? medianAnswerDays(f) : null,
        f?.objections ?? null,
        f?.disputes ?? null,
        g.dipPublished,
        g.annualSubmitted,
      ]);
    }
    totals.getRow(1).font = { bold: true };
    totals.getRow(1).alignment = { vertical: 'top', wrapText: true };
  }

  const withData = overview.rows.filter((r) => r.figures).length;
  addAboutSheet(book, lang, [
    [t(lang, text('Judul', 'Title')), t(lang, TITLE)],
    [t(lang, text('Kantor', 'Office')), overview.viewer.name],
    [t(lang, text('Periode', 'Period')), periodLabel(lang, overview.period)],
    [t(lang, text('Yang dihitung', 'What is counted')), periodSentence(lang, overview.period, overview.today)],
    [t(lang, text('Dihitung', 'Counted')), formatMoment(lang, x.computedAt, overview.viewer.timeZone)],
    [t(lang, text('Kantor', 'Offices')), t(lang, text(`${overview.rows.length} kantor; ${withData} dengan data pada periode ini`, `${overview.rows.length} offices; ${withData} with data in this period`))],
    [
      t(lang, text('Sumber', 'Source')),
      t(
        lang,
        text(
          'Register permohonan, register keberatan dan daftar sengketa setiap kantor; DIP dari edisi yang diperintahkan untuk diunggah; laporan tahunan dari versi yang disampaikan. Sel kosong berarti tidak ada data, bukan nol.',
          "Each office's register of requests, register of objections and list of disputes; the DIP from the editions ordered published; the annual report from its submitted versions. An empty cell means no data, not zero.",
        ),
      ),
    ],
    [t(lang, text('Data pribadi', 'Personal data')), t(lang, text('Berkas ini hanya memuat angka agregat per kantor; tidak ada data pribadi pemohon.', "This file holds only each office's aggregate figures; no applicant's personal data."))],
  ]);
  return bookBytes(book);
}
