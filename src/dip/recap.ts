import { and, asc, eq, gte, inArray, like, lt, or } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { instantAt, isIsoDay } from '../calendar/rules.ts';
import type { Executor } from '../db/client.ts';
import { auditEvents, dikEntries, dipCalls, dipEditions, dipImports, dipItems, staff } from '../db/schema.ts';
import { formatDay, formatMoment, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import { unprintableCharacter } from '../letters/charset.ts';
import { letterhead, renderPdf } from '../letters/render.ts';
import type { OfficeRow } from '../offices/store.ts';
import { PASAL17_LABELS, type Pasal17 } from '../requests/rules.ts';
import { CATEGORY_LABELS, isCategory } from './rules.ts';

/**
 * The buku rekap informasi (SOP 000, "Pencatatan dan Pendataan"): every DIP and DIK step the office
 * took, read from its audit log, oldest first, each as a line a person reads. Nothing is recorded
 * twice: the audit event that a service writes with its change is the recap's entry for that step.
 */

// ---------------------------------------------------------------------------------------------------
// The labels, as data

/** SOP 000's steps, as the recap groups its lines. */
export const RECAP_STEPS = {
  call: text('1. Penyerahan informasi oleh unit', '1. Units hand over information'),
  classify: text('2. Klasifikasi dan dokumentasi', '2. Classification and documentation'),
  establish: text('3. Penetapan dan pemutakhiran DIP', '3. Establishing and updating the DIP'),
  order: text('4–5. Perintah unggah dan penayangan', '4–5. Upload order and publication'),
  recap: text('Buku rekap informasi', 'Information recap book'),
  other: text('Langkah DIP lainnya', 'Other DIP step'),
} as const satisfies Record<string, Text>;
export type RecapStep = keyof typeof RECAP_STEPS;

/** How one value of an event is shown: its raw form is the service's, never a person's. */
type DetailFormat = 'text' | 'day' | 'category' | 'pasal17' | 'months' | 'count' | 'yesno' | 'month' | 'upper';

interface DetailField {
  readonly key: string;
  readonly label: Text;
  readonly format: DetailFormat;
  /** Read from the event's `before` (what was removed) instead of its `after`. */
  readonly from?: 'before';
}

export interface RecapAction {
  readonly step: RecapStep;
  readonly what: Text;
  readonly details?: readonly DetailField[];
}

const REASON: DetailField = { key: 'reason', label: text('alasan', 'reason'), format: 'text' };
const PASAL: DetailField = { key: 'pasal17', label: text('dasar Pasal 17', 'article 17 ground'), format: 'pasal17' };

/** Every action the DIP and DIK use cases record (src/dip/service.ts, import.ts, promote.ts), and the recap's own export. */
export const RECAP_ACTIONS: Readonly<Record<string, RecapAction>> = {
  'dip.call_created': {
    step: 'call',
    what: text('PPID meminta unit menyerahkan informasi', 'The PPID asked the units for their information'),
    details: [{ key: 'dueOn', label: text('batas waktu', 'due'), format: 'day' }],
  },
  'dip.call_answered': { step: 'call', what: text('Unit menyatakan seluruh informasinya sudah diserahkan', 'A unit said it had handed over all its information') },
  'dip.item_submitted': {
    step: 'call',
    what: text('Informasi diserahkan kepada PPID', 'Information handed to the PPID'),
    details: [
      { key: 'files', label: text('berkas', 'files'), format: 'count' },
      { key: 'findings', label: text('temuan pemeriksa', 'checker findings'), format: 'count' },
    ],
  },
  'dip.item_updated': { step: 'classify', what: text('Isian informasi diubah', "The item's fields were changed"), details: [{ key: 'files', label: text('berkas baru', 'new files'), format: 'count' }] },
  'dip.item_classified': {
    step: 'classify',
    what: text('PPID mengklasifikasi informasi dan memeriksa dokumentasinya', 'The PPID classified the item and checked its documentation'),
    details: [
      { key: 'category', label: text('klasifikasi', 'category'), format: 'category' },
      { key: 'updateMonths', label: text('diperbarui setiap', 'updated every'), format: 'months' },
      { key: 'documentationChecked', label: text('dokumentasi diperiksa', 'documentation checked'), format: 'yesno' },
    ],
  },
  'dip.file_overridden': { step: 'classify', what: text('PPID menerima temuan pemeriksa pada berkas', "The PPID accepted a file's checker findings"), details: [REASON] },
  'dip.file_removed': { step: 'classify', what: text('Berkas informasi dihapus', "An item's file was removed"), details: [{ key: 'name', label: text('berkas', 'file'), format: 'text', from: 'before' }] },
  'dip.item_withdrawn': { step: 'establish', what: text('Informasi ditarik dari DIP', 'Item withdrawn from the DIP'), details: [REASON] },
  'dik.added': { step: 'classify', what: text('Entri DIK ditetapkan dengan uji konsekuensi', 'DIK entry set with its consequence test'), details: [PASAL] },
  'dik.proposed': { step: 'classify', what: text('Entri DIK diusulkan kepada kantor atasan', 'DIK entry proposed to the office above'), details: [PASAL] },
  'dik.accepted': { step: 'classify', what: text('Usulan DIK dari kantor di bawah diterima', 'A DIK proposal from an office below was accepted') },
  'dik.rejected': { step: 'classify', what: text('Usulan DIK dari kantor di bawah ditolak', 'A DIK proposal from an office below was rejected') },
  'dip.edition_created': { step: 'establish', what: text('Edisi DIP baru dimulai', 'New DIP edition started') },
  'dip.edition_established': {
    step: 'establish',
    what: text('PPID menetapkan DIP dengan SK', 'The PPID established the DIP by decision (SK)'),
    details: [
      { key: 'skNumber', label: text('nomor SK', 'decision number'), format: 'text' },
      { key: 'skDate', label: text('tanggal SK', 'decision date'), format: 'day' },
      { key: 'items', label: text('jumlah informasi', 'items'), format: 'count' },
    ],
  },
  'dip.edition_submitted': { step: 'order', what: text('PPID mengajukan edisi kepada Sekretaris', 'The PPID submitted the edition to the Secretary') },
  'dip.edition_returned': { step: 'order', what: text('Sekretaris mengembalikan edisi dengan catatan', 'The Secretary returned the edition with comments'), details: [{ key: 'note', label: text('catatan', 'comments'), format: 'text' }] },
  'dip.edition_ordered': { step: 'order', what: text('Sekretaris memerintahkan unggah; DIP terbit di portal', 'The Secretary ordered the upload; the DIP is published on the portal') },
  'dip.item_promoted': {
    step: 'call',
    what: text('Berkas yang diberikan kepada pemohon dijadikan informasi DIP', 'A file released to an applicant was made a DIP item'),
    details: [
      { key: 'number', label: text('permohonan', 'request'), format: 'text' },
      { key: 'name', label: text('berkas', 'file'), format: 'text' },
    ],
  },
  'dip.import_staged': {
    step: 'call',
    what: text('Berkas impor DIP diunggah untuk pratinjau', 'A DIP import file was uploaded for preview'),
    details: [
      { key: 'fileName', label: text('berkas', 'file'), format: 'text' },
      { key: 'rows', label: text('baris', 'rows'), format: 'count' },
    ],
  },
  'dip.import_mapped': { step: 'call', what: text('Pemetaan kolom impor disimpan', 'The import column mapping was saved') },
  'dip.import_started': {
    step: 'call',
    what: text('Impor DIP dimulai', 'DIP import started'),
    details: [
      { key: 'rows', label: text('baris', 'rows'), format: 'count' },
      { key: 'broken', label: text('baris bermasalah', 'broken rows'), format: 'count' },
    ],
  },
  'dip.import_cancelled': { step: 'call', what: text('Impor DIP dibatalkan', 'DIP import cancelled') },
  'dip.import_batch': {
    step: 'call',
    what: text('Sebagian baris impor diproses', 'A batch of import rows was processed'),
    details: [
      { key: 'created', label: text('dibuat', 'created'), format: 'count' },
      { key: 'updated', label: text('diperbarui', 'updated'), format: 'count' },
    ],
  },
  'dip.import_done': {
    step: 'call',
    what: text('Impor DIP selesai', 'DIP import finished'),
    details: [
      { key: 'created', label: text('dibuat', 'created'), format: 'count' },
      { key: 'updated', label: text('diperbarui', 'updated'), format: 'count' },
    ],
  },
  'dip.import_item_created': { step: 'call', what: text('Informasi dibuat dari impor', 'Item created by an import'), details: [{ key: 'row', label: text('baris', 'row'), format: 'count' }, { key: 'category', label: text('klasifikasi', 'category'), format: 'category' }] },
  'dip.import_item_updated': { step: 'call', what: text('Informasi diperbarui dari impor', 'Item updated by an import'), details: [{ key: 'row', label: text('baris', 'row'), format: 'count' }] },
  'dip.recap_exported': {
    step: 'recap',
    what: text('Buku rekap informasi diunduh', 'The information recap book was downloaded'),
    details: [
      { key: 'format', label: text('format', 'format'), format: 'upper' },
      { key: 'month', label: text('bulan', 'month'), format: 'month' },
    ],
  },
};

/** What each kind of subject is called, and where the desk shows it. */
const SUBJECTS: Readonly<Record<string, { readonly kind: Text; readonly separator: string; readonly href: (id: number) => string }>> = {
  dip_item: { kind: text('Informasi', 'Item'), separator: ': ', href: (id) => `/desk/dip/informasi/${id}` },
  dip_call: { kind: text('Permintaan informasi', 'Call'), separator: ': ', href: (id) => `/desk/dip/permintaan/${id}` },
  dip_edition: { kind: text('Edisi', 'Edition'), separator: ' ', href: (id) => `/desk/dip/edisi/${id}` },
  dik_entry: { kind: text('Entri DIK', 'DIK entry'), separator: ': ', href: (id) => `/desk/dik#dik-${id}` },
  dip_import: { kind: text('Impor', 'Import'), separator: ': ', href: (id) => `/desk/dip/impor/${id}` },
};

// ---------------------------------------------------------------------------------------------------
// Lines

/** One audit event as the recap reads it. */
export interface RecapEvent {
  readonly at: Date;
  readonly action: string;
  readonly actorLabel: string;
  readonly actorName: string | null;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface RecapLine {
  readonly no: number;
  readonly at: Date;
  readonly action: string;
  /** The person's name, or the account label for the command line and the system. */
  readonly who: string;
  readonly step: Text;
  readonly what: Text;
  readonly detail: Text | null;
  /** "Edisi 2", "Informasi: Daftar Pemilih Tetap…", with the desk page that shows it. */
  readonly subject: { readonly label: Text; readonly href: string } | null;
}

/** Subject type → id → its name (an item's or call's title, "Edisi 2", a DIK entry's title). */
export type SubjectNames = ReadonlyMap<string, ReadonlyMap<number, string>>;

export function monthName(lang: Lang, month: string): string {
  return formatDay(lang, `${month}-01`, false).replace(/^1 /, '');
}

function shortText(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 299)}…` : flat;
}

/** One value in one language, or undefined when the event has none worth showing. */
function detailValue(lang: Lang, format: DetailFormat, value: unknown): string | undefined {
  if (value === null || value === undefined) return format === 'month' ? t(lang, text('semua bulan', 'all months')) : undefined;
  switch (format) {
    case 'text':
    case 'upper': {
      if (typeof value !== 'string' || !value.trim()) return undefined;
      return format === 'upper' ? value.toUpperCase() : shortText(value);
    }
    case 'day':
      return typeof value === 'string' && isIsoDay(value) ? formatDay(lang, value, false) : undefined;
    case 'month':
      return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? monthName(lang, value) : t(lang, text('semua bulan', 'all months'));
    case 'category':
      return isCategory(value) ? t(lang, CATEGORY_LABELS[value]) : undefined;
    case 'pasal17':
      return typeof value === 'string' && Object.hasOwn(PASAL17_LABELS, value) ? t(lang, PASAL17_LABELS[value as Pasal17]) : undefined;
    case 'months':
      return typeof value === 'number' ? t(lang, text(`${value} bulan`, `${value} months`)) : undefined;
    case 'count':
      // "berkas: 0" says nothing a reader needs.
      return typeof value === 'number' && value !== 0 ? String(value) : undefined;
    case 'yesno':
      return typeof value === 'boolean' ? t(lang, value ? text('ya', 'yes') : text('tidak', 'no')) : undefined;
  }
}

function details(lang: Lang, fields: readonly DetailField[], event: RecapEvent): string {
  const parts: string[] = [];
  for (const field of fields) {
    const source = field.from === 'before' ? event.before : event.after;
    const raw = source && typeof source === 'object' ? (source as Record<string, unknown>)[field.key] : undefined;
    const value = detailValue(lang, field.format, raw);
    if (value !== undefined) parts.push(`${t(lang, field.label)}: ${value}`);
  }
  return parts.join('; ');
}

/** Pure: an audit event as the recap's line. An action without a label still shows, under its code. */
export function recapLine(event: RecapEvent, no: number, names: SubjectNames): RecapLine {
  const known = Object.hasOwn(RECAP_ACTIONS, event.action) ? RECAP_ACTIONS[event.action] : undefined;
  const detailId = known?.details ? details('id', known.details, event) : '';
  const detailEn = known?.details ? details('en', known.details, event) : '';
  const subjectKind = Object.hasOwn(SUBJECTS, event.subjectType) ? SUBJECTS[event.subjectType] : undefined;
  const subjectId = /^\d{1,10}$/.test(event.subjectId) ? Number(event.subjectId) : undefined;
  let subject: RecapLine['subject'] = null;
  if (subjectKind && subjectId !== undefined) {
    const name = names.get(event.subjectType)?.get(subjectId) ?? `#${subjectId}`;
    const { kind, separator } = subjectKind;
    subject = { label: text(`${kind.id}${separator}${name}`, `${kind.en}${separator}${name}`), href: subjectKind.href(subjectId) };
  }
  return {
    no,
    at: event.at,
    action: event.action,
    who: event.actorName ?? event.actorLabel,
    step: RECAP_STEPS[known?.step ?? 'other'],
    what: known?.what ?? text(`Langkah tercatat: ${event.action}`, `Recorded step: ${event.action}`),
    detail: detailId || detailEn ? text(detailId, detailEn) : null,
    subject,
  };
}

// ---------------------------------------------------------------------------------------------------
// The query

/** The most lines one page or one file holds; a month is far below it, an office's whole history may not be. */
export const RECAP_LIMIT = 5000;

export type MonthCheck = { readonly ok: true; readonly month: string | null } | { readonly ok: false; readonly problem: Text };

/** The month filter: empty for the whole book, else YYYY-MM. */
export function checkRecapMonth(raw: string): MonthCheck {
  const value = raw.trim();
  if (!value) return { ok: true, month: null };
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12 || Number(match[1]) < 2000) {
    return { ok: false, problem: text('Tulis bulan dengan format TTTT-BB, misalnya 2026-10, atau kosongkan untuk semua bulan.', 'Write the month as YYYY-MM, for example 2026-10, or leave it empty for all months.') };
  }
  return { ok: true, month: value };
}

/** The first instant of a month and of the next one, on the office's clock. */
function monthRange(month: string, timeZone: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: instantAt(`${month}-01`, '00:00', timeZone), to: instantAt(`${next}-01`, '00:00', timeZone) };
}

export interface RecapBook {
  readonly month: string | null;
  readonly lines: readonly RecapLine[];
  /** More lines exist than RECAP_LIMIT; the book shows the oldest. */
  readonly truncated: boolean;
}

/** The office's DIP and DIK steps, oldest first, for one month or all of them. */
export async function recapBook(exec: Executor, office: Pick<OfficeRow, 'id' | 'timeZone'>, month: string | null): Promise<RecapBook> {
  const range = month ? monthRange(month, office.timeZone) : undefined;
  const rows = await exec
    .select({
      at: auditEvents.at,
      action: auditEvents.action,
      actorLabel: auditEvents.actorLabel,
      actorName: staff.name,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .leftJoin(staff, eq(staff.id, auditEvents.actorId))
    .where(
      and(
        eq(auditEvents.officeId, office.id),
        or(like(auditEvents.action, 'dip.%'), like(auditEvents.action, 'dik.%')),
        range ? gte(auditEvents.at, range.from) : undefined,
        range ? lt(auditEvents.at, range.to) : undefined,
      ),
    )
    .orderBy(asc(auditEvents.at), asc(auditEvents.seq))
    .limit(RECAP_LIMIT + 1);
  const events = rows.slice(0, RECAP_LIMIT);
  const names = await subjectNames(exec, office.id, events);
  return { month, lines: events.map((e, i) => recapLine(e, i + 1, names)), truncated: rows.length > RECAP_LIMIT };
}

/** The names of the subjects the events point at, each looked up in this office only. */
async function subjectNames(exec: Executor, officeId: number, events: readonly RecapEvent[]): Promise<SubjectNames> {
  const ids = (type: string) => [...new Set(events.filter((e) => e.subjectType === type && /^\d{1,9}$/.test(e.subjectId)).map((e) => Number(e.subjectId)))];
  const [items, calls, editions, dik, imports] = [ids('dip_item'), ids('dip_call'), ids('dip_edition'), ids('dik_entry'), ids('dip_import')];
  const [itemRows, callRows, editionRows, dikRows, importRows] = await Promise.all([
    items.length ? exec.select({ id: dipItems.id, name: dipItems.title }).from(dipItems).where(and(eq(dipItems.officeId, officeId), inArray(dipItems.id, items))) : [],
    calls.length ? exec.select({ id: dipCalls.id, name: dipCalls.title }).from(dipCalls).where(and(eq(dipCalls.officeId, officeId), inArray(dipCalls.id, calls))) : [],
    editions.length ? exec.select({ id: dipEditions.id, number: dipEditions.number }).from(dipEditions).where(and(eq(dipEditions.officeId, officeId), inArray(dipEditions.id, editions))) : [],
    // A regency's proposal is filed at its province: it is this office's by proposedByOfficeId.
    dik.length
      ? exec
          .select({ id: dikEntries.id, name: dikEntries.title })
          .from(dikEntries)
          .where(and(inArray(dikEntries.id, dik), or(eq(dikEntries.officeId, officeId), eq(dikEntries.proposedByOfficeId, officeId))))
      : [],
    imports.length ? exec.select({ id: dipImports.id, name: dipImports.fileName }).from(dipImports).where(and(eq(dipImports.officeId, officeId), inArray(dipImports.id, imports))) : [],
  ]);
  return new Map<string, Map<number, string>>([
    ['dip_item', new Map(itemRows.map((r) => [r.id, r.name]))],
    ['dip_call', new Map(callRows.map((r) => [r.id, r.name]))],
    ['dip_edition', new Map(editionRows.map((r) => [r.id, `${r.number}`]))],
    ['dik_entry', new Map(dikRows.map((r) => [r.id, r.name]))],
    ['dip_import', new Map(importRows.map((r) => [r.id, r.name]))],
  ]);
}

// ---------------------------------------------------------------------------------------------------
// Files

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const RECAP_TITLE = text('Buku Rekap Informasi', 'Information Recap Book');

export interface RecapExport {
  readonly office: OfficeRow;
  readonly lang: Lang;
  readonly book: RecapBook;
  /** Links in the file point here (the installation's address). */
  readonly baseUrl: string;
  readonly generatedAt: Date;
  readonly generatedBy: string;
}

function periodText(lang: Lang, month: string | null): string {
  return month ? monthName(lang, month) : t(lang, text('Semua bulan', 'All months'));
}

function truncationNote(lang: Lang): string {
  return t(lang, text(`Berkas ini memuat ${RECAP_LIMIT} baris pertama; pilih satu bulan untuk sisanya.`, `This file holds the first ${RECAP_LIMIT} lines; choose one month for the rest.`));
}

const COLUMNS = [
  { key: 'no', label: text('No.', 'No.'), width: 6 },
  { key: 'at', label: text('Waktu', 'Time'), width: 22 },
  { key: 'step', label: text('Langkah SOP', 'SOP step'), width: 30 },
  { key: 'who', label: text('Pelaku', 'By'), width: 24 },
  { key: 'what', label: text('Kegiatan', 'What'), width: 48 },
  { key: 'detail', label: text('Keterangan', 'Details'), width: 48 },
  { key: 'subject', label: text('Objek', 'Subject'), width: 40 },
] as const;

/** The recap as a sheet with a frozen header row and a filter, and an "About" sheet naming the period. */
export async function recapXlsx(x: RecapExport): Promise<Buffer> {
  const { lang } = x;
  const book = new ExcelJS.Workbook();
  book.creator = 'Lentera';
  book.created = x.generatedAt;
  const sheet = book.addWorksheet(t(lang, text('Buku rekap', 'Recap book')), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: t(lang, c.label), key: c.key, width: c.width }));
  const base = x.baseUrl.replace(/\/+$/, '');
  for (const line of x.book.lines) {
    const row = sheet.addRow({
      no: line.no,
      at: formatMoment(lang, line.at, x.office.timeZone),
      step: t(lang, line.step),
      who: line.who,
      what: t(lang, line.what),
      detail: line.detail ? t(lang, line.detail) : '',
      subject: line.subject ? t(lang, line.subject.label) : '',
    });
    if (line.subject) row.getCell('subject').value = { text: t(lang, line.subject.label), hyperlink: `${base}${line.subject.href}` };
    row.alignment = { vertical: 'top', wrapText: true };
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  const about = book.addWorksheet(t(lang, text('Keterangan', 'About')));
  about.columns = [{ width: 22 }, { width: 90 }];
  about.addRows([
    [t(lang, text('Judul', 'Title')), t(lang, RECAP_TITLE)],
    [t(lang, text('Kantor', 'Office')), x.office.name],
    [t(lang, text('Periode', 'Period')), periodText(lang, x.book.month)],
    [t(lang, text('Jumlah baris', 'Lines')), String(x.book.lines.length)],
    ...(x.book.truncated ? [[t(lang, text('Catatan', 'Note')), truncationNote(lang)]] : []),
    [t(lang, text('Sumber', 'Source')), t(lang, text('Log audit kantor (tindakan dip.* dan dik.*), urut waktu', "The office's audit log (dip.* and dik.* actions), oldest first"))],
    [t(lang, text('Dibuat', 'Made')), `${formatMoment(lang, x.generatedAt, x.office.timeZone)} · ${x.generatedBy}`],
  ]);
  about.getColumn(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** What the standard PDF fonts cannot print becomes "?", rather than other glyphs. */
function printable(value: string): string {
  let out = '';
  for (const ch of value) out += unprintableCharacter(ch) ? '?' : ch;
  return out;
}

/** The recap on the office's letterhead, landscape A4, one table row per step. */
export function recapPdf(x: RecapExport): Promise<Buffer> {
  const { lang } = x;
  const lines = x.office.letterheadLines.length > 0 ? x.office.letterheadLines : [x.office.name];
  const header: TableCell[] = [COLUMNS[0], COLUMNS[1], COLUMNS[2], COLUMNS[3], COLUMNS[4], COLUMNS[6]].map((c) => ({ text: printable(t(lang, c.label)), bold: true, fillColor: '#eeeeee' }));
  const body: TableCell[][] = x.book.lines.map((line) => [
    String(line.no),
    printable(formatMoment(lang, line.at, x.office.timeZone)),
    printable(t(lang, line.step)),
    printable(line.who),
    { stack: [{ text: printable(t(lang, line.what)) }, ...(line.detail ? [{ text: printable(t(lang, line.detail)), fontSize: 7, color: '#333333' }] : [])] },
    printable(line.subject ? t(lang, line.subject.label) : ''),
  ]);
  const table: Content = {
    table: { headerRows: 1, dontBreakRows: true, widths: [18, 80, 90, 90, '*', 150], body: [header, ...body] },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#888888', vLineColor: () => '#888888', paddingLeft: () => 3, paddingRight: () => 3, paddingTop: () => 2, paddingBottom: () => 2 },
    fontSize: 8,
  };
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 36, 28, 36],
    info: { title: `${t(lang, RECAP_TITLE)} — ${x.office.name}`, creator: 'Lentera' },
    footer: (current: number, total: number): Content => ({ text: t(lang, text(`Halaman ${current} dari ${total}`, `Page ${current} of ${total}`)), alignment: 'center', fontSize: 7, margin: [0, 10, 0, 0] }),
    defaultStyle: { font: 'Helvetica', fontSize: 9, lineHeight: 1.15 },
    content: [
      // The letterhead is drawn for a portrait page's width: centred on the landscape one.
      { columns: [{ width: '*', text: '' }, { width: 475, stack: letterhead({ ...x.office, letterheadLines: lines.map(printable) }) }, { width: '*', text: '' }] },
      { text: printable(t(lang, RECAP_TITLE).toUpperCase()), bold: true, alignment: 'center', fontSize: 12, margin: [0, 0, 0, 4] },
      { text: printable(`${t(lang, text('Periode', 'Period'))}: ${periodText(lang, x.book.month)} · ${t(lang, text('Jumlah', 'Lines'))}: ${x.book.lines.length}`), alignment: 'center', margin: [0, 0, 0, 2] },
      {
        text: printable(`${t(lang, text('Dibuat', 'Made'))}: ${formatMoment(lang, x.generatedAt, x.office.timeZone)} · ${x.generatedBy}`),
        alignment: 'center',
        fontSize: 8,
        margin: [0, 0, 0, 8],
      },
      ...(x.book.truncated ? [{ text: truncationNote(lang), bold: true, margin: [0, 0, 0, 6] } as Content] : []),
      x.book.lines.length > 0 ? table : { text: t(lang, text('Belum ada langkah DIP yang tercatat pada periode ini.', 'No DIP step was recorded in this period.')), italics: true },
    ],
  };
  return renderPdf(doc);
}
