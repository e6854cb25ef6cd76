import { formatMoment, t, text, type Lang } from '../kernel/i18n.ts';
import { LEVEL_LABELS } from '../offices/rules.ts';
import { addAboutSheet, bookBytes, newBook } from '../reports/exports.ts';
import { ASPECT_LABELS, ITEMS, NOT_A_GRADE, readinessSentence, STATE_NOTE, STATUS_LABELS } from './rules.ts';
import type { OfficeReadiness, ReadinessOverview } from './service.ts';

/**
 * Monev readiness as XLSX: an office's items (what the PPID takes to the questionnaire) and the
 * overseen offices side by side. Built from the same results as the pages, so a file never says
 * something the page does not; the results hold no personal data to begin with.
 */

const TITLE = text('Kesiapan Monev Keterbukaan Informasi Publik', 'Readiness for the Public Information Openness Monev');

function aboutLines(lang: Lang, office: string, year: number, timeZone: string, generatedAt: Date, extra: readonly (readonly [string, string])[]): [string, string][] {
  return [
    [t(lang, text('Judul', 'Title')), t(lang, TITLE)],
    [t(lang, text('Kantor', 'Office')), office],
    [t(lang, text('Tahun monev', 'Monev year')), String(year)],
    ...extra.map(([a, b]): [string, string] => [a, b]),
    [t(lang, text('Dibuat', 'Generated')), formatMoment(lang, generatedAt, timeZone)],
    [t(lang, text('Yang dinilai', 'What is judged')), t(lang, STATE_NOTE)],
    [t(lang, text('Bukan nilai Komisi', "Not the commission's score")), t(lang, NOT_A_GRADE)],
  ];
}

export function officeXlsx(result: OfficeReadiness, lang: Lang, generatedAt: Date): Promise<Buffer> {
  const book = newBook(generatedAt);
  const sheet = book.addWorksheet(t(lang, text('Butir monev', 'Monev items')), { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers: [string, number][] = [
    [t(lang, text('No', 'No')), 5],
    [t(lang, text('Aspek', 'Aspect')), 34],
    [t(lang, text('Butir', 'Item')), 40],
    [t(lang, text('Status', 'Status')), 12],
    [t(lang, text('Bukti yang ada', 'Evidence found')), 50],
    [t(lang, text('Yang kurang', 'What is missing')), 60],
    [t(lang, text('Yang dihitung sebagai bukti', 'What counts as evidence')), 60],
  ];
  sheet.columns = headers.map(([header, width]) => ({ header, width }));
  result.items.forEach((r, i) => {
    sheet.addRow([i + 1, t(lang, ASPECT_LABELS[r.item.aspect]), t(lang, r.item.label), t(lang, STATUS_LABELS[r.status]), t(lang, r.found), r.missing ? t(lang, r.missing) : '', t(lang, r.item.judged)]);
  });
  sheet.getRow(1).font = { bold: true };
  for (const key of [5, 6, 7]) sheet.getColumn(key).alignment = { vertical: 'top', wrapText: true };
  addAboutSheet(book, lang, aboutLines(lang, result.office.name, result.year, result.office.timeZone, generatedAt, [[t(lang, text('Kesiapan bukti', 'Evidence readiness')), readinessSentence(lang, result.readiness)]]));
  return bookBytes(book);
}

export function overviewXlsx(overview: ReadinessOverview, lang: Lang, generatedAt: Date): Promise<Buffer> {
  const book = newBook(generatedAt);
  const sheet = book.addWorksheet(t(lang, text('Per kantor', 'Per office')), { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const headers: [string, number][] = [
    [t(lang, text('Kode', 'Code')), 10],
    [t(lang, text('Kantor', 'Office')), 44],
    [t(lang, text('Tingkat', 'Level')), 18],
    [t(lang, STATUS_LABELS.present), 8],
    [t(lang, STATUS_LABELS.partial), 10],
    [t(lang, STATUS_LABELS.missing), 10],
    [t(lang, text('Kesiapan bukti (%)', 'Evidence readiness (%)')), 14],
    ...ITEMS.map((item): [string, number] => [t(lang, item.label), 18]),
  ];
  sheet.columns = headers.map(([header, width]) => ({ header, width }));
  for (const row of overview.rows) {
    const status = new Map(row.items.map((r) => [r.item.id, r.status]));
    sheet.addRow([
      row.office.code,
      row.office.name,
      t(lang, LEVEL_LABELS[row.office.level as keyof typeof LEVEL_LABELS] ?? text(row.office.level, row.office.level)),
      row.readiness.present,
      row.readiness.partial,
      row.readiness.missing,
      row.readiness.percent,
      ...ITEMS.map((item) => t(lang, STATUS_LABELS[status.get(item.id) ?? 'missing'])),
    ]);
  }
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { vertical: 'top', wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  addAboutSheet(
    book,
    lang,
    aboutLines(lang, overview.viewer.name, overview.year, overview.viewer.timeZone, generatedAt, [
      [t(lang, text('Kantor', 'Offices')), t(lang, text(`${overview.rows.length} kantor yang diawasi, termasuk kantor sendiri`, `${overview.rows.length} overseen offices, its own included`))],
      [t(lang, text('Kesiapan bukti (%)', 'Evidence readiness (%)')), t(lang, text('Butir yang ada dibagi semua butir; butir sebagian tidak dihitung.', 'Items present divided by all items; partial items do not count.'))],
    ]),
  );
  return bookBytes(book);
}
