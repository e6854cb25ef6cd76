import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Db, Executor, Tx } from '../db/client.ts';
import { dipImports, dipItemFiles, dipItems, units } from '../db/schema.ts';
import { recordEvent, type Actor } from '../kernel/audit/store.ts';
import { detectFileType, typeLabel } from '../kernel/checker/index.ts';
import { zipDirectory } from '../kernel/checker/zip.ts';
import { parseCsvTable } from '../kernel/csv.ts';
import { conflict, forbidden, invalid, notFound } from '../kernel/errors.ts';
import { text, type Text } from '../kernel/i18n.ts';
import type { JobHandler } from '../kernel/outbox/runner.ts';
import { enqueue } from '../kernel/outbox/store.ts';
import type { UploadedFile } from '../kernel/uploads.ts';
import { todayIn } from '../offices/portal.tsx';
import { officeById, staffById, type OfficeScope } from '../offices/store.ts';
import { checkItem, ITEM_LABELS, MAX_UPDATE_MONTHS, nextUpdateOn, type Category, type ItemForm, type ItemValues } from './rules.ts';

/**
 * Importing an office's existing DIP spreadsheet (issue 4 item 8): the file is parsed and staged in
 * dip_imports, the PPID checks the column mapping and every broken row, and only then chooses to
 * import all rows, only the good ones, or nothing. The import itself runs as an outbox job in batches
 * of 50, each batch one transaction, keyed by the sheet's number (or title) so importing the same
 * sheet again updates the items instead of duplicating them.
 */

export const DIP_IMPORT_JOB = 'dip.import';
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;
export const IMPORT_BATCH_SIZE = 50;
/** exceljs holds the whole workbook in memory: the inflated size is checked before it is loaded. */
const MAX_UNZIPPED_BYTES = 40 * 1024 * 1024;
const MAX_COLUMNS = 50;
/** Longer than any DIP field may be (checkItem still names the field); bounds what is stored. */
const MAX_CELL_CHARS = 5000;
/** Offices often put a title and a blank line above the table; the header row is looked for this far down. */
const HEADER_SEARCH_ROWS = 20;
/** A job hands over to a fresh message after this long, well within the runner's 5-minute lease. */
const JOB_BUDGET_MS = 60_000;

// ---------------------------------------------------------------------------------------------------
// Columns and their suggested mapping

export const IMPORT_FIELDS = ['key', 'title', 'summary', 'holder', 'responsible', 'producedWhen', 'producedWhere', 'form', 'softcopy', 'hardcopy', 'onlineLink', 'archiveLocation', 'retention', 'category'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** The DIP fields every item must have (DOMAIN.md §4): without their column every row is broken. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['title', 'summary', 'holder', 'responsible', 'producedWhen', 'producedWhere', 'retention'];

export const IMPORT_FIELD_LABELS: Readonly<Record<ImportField, Text>> = {
  key: text('Nomor (No)', 'Number (No)'),
  title: ITEM_LABELS.title,
  summary: ITEM_LABELS.summary,
  holder: ITEM_LABELS.holder,
  responsible: ITEM_LABELS.responsible,
  producedWhen: ITEM_LABELS.producedWhen,
  producedWhere: ITEM_LABELS.producedWhere,
  form: text('Bentuk informasi (softcopy/hardcopy)', 'Form (softcopy/hardcopy)'),
  softcopy: text('Kolom softcopy tersendiri', 'Separate softcopy column'),
  hardcopy: text('Kolom hardcopy tersendiri', 'Separate hardcopy column'),
  onlineLink: ITEM_LABELS.onlineLink,
  archiveLocation: ITEM_LABELS.archiveLocation,
  retention: ITEM_LABELS.retention,
  category: text('Kategori/klasifikasi', 'Category'),
};

/** Header names as offices write them, in Indonesian and English, already normalised (see normalizeHeader). */
const HEADER_HINTS: Readonly<Record<ImportField, readonly string[]>> = {
  key: ['no', 'nomor', 'no urut', 'nomor urut', 'number', 'nr'],
  title: ['judul', 'judul informasi', 'informasi', 'nama informasi', 'jenis informasi', 'title', 'information', 'information title'],
  summary: ['ringkasan', 'ringkasan isi', 'ringkasan isi informasi', 'ringkasan informasi', 'isi informasi', 'uraian', 'deskripsi', 'summary', 'summary of content', 'description'],
  holder: [
    'pejabat',
    'unit',
    'pejabat unit',
    'pejabat unit yang menguasai',
    'pejabat unit yang menguasai informasi',
    'pejabat yang menguasai informasi',
    'unit yang menguasai',
    'unit yang menguasai informasi',
    'unit kerja',
    'satuan kerja',
    'holder',
    'held by',
    'official or unit holding it',
    'unit holding',
  ],
  responsible: ['penanggung jawab', 'penanggungjawab', 'penanggung jawab pembuatan informasi', 'penanggung jawab informasi', 'responsible', 'person responsible', 'responsible person'],
  producedWhen: ['waktu pembuatan', 'waktu', 'tanggal pembuatan', 'tahun pembuatan', 'tahun', 'when produced', 'date produced', 'date', 'year'],
  producedWhere: ['tempat pembuatan', 'tempat', 'lokasi pembuatan', 'where produced', 'place produced', 'place'],
  form: ['bentuk', 'bentuk informasi', 'bentuk informasi yang tersedia', 'format', 'form', 'format available'],
  softcopy: ['softcopy', 'soft copy'],
  hardcopy: ['hardcopy', 'hard copy'],
  onlineLink: ['tautan', 'tautan daring', 'tautan informasi', 'link', 'url', 'online link', 'web link'],
  archiveLocation: ['lokasi arsip', 'lokasi', 'lokasi penyimpanan', 'tempat penyimpanan', 'lokasi arsip hardcopy', 'archive location', 'archive', 'location'],
  retention: ['jangka waktu penyimpanan', 'retensi', 'retensi arsip', 'masa simpan', 'jangka waktu', 'retention', 'retention period'],
  category: ['kategori', 'klasifikasi', 'kategori informasi', 'klasifikasi informasi', 'category', 'classification'],
};

/** Lower case, no accents, every run of punctuation or space one space: "Pejabat/Unit yang Menguasai" → "pejabat unit yang menguasai". */
export function normalizeHeader(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Target field → column index (0-based) in the sheet. */
export type Mapping = Partial<Record<ImportField, number>>;

/**
 * The column each field probably comes from. An exact header name beats a header that only contains
 * a known name, and a longer known name beats a shorter one, so "Ringkasan Isi Informasi" goes to the
 * summary and not to the title ("informasi"); each column serves one field.
 */
export function suggestMapping(headers: readonly string[]): Mapping {
  const candidates: { field: ImportField; column: number; score: number }[] = [];
  headers.forEach((header, column) => {
    const name = normalizeHeader(header);
    if (!name) return;
    for (const field of IMPORT_FIELDS) {
      for (const hint of HEADER_HINTS[field]) {
        const score = name === hint ? 1000 + hint.length : ` ${name} `.includes(` ${hint} `) ? hint.length : 0;
        if (score > 0) candidates.push({ field, column, score });
      }
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: Mapping = {};
  const used = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || used.has(c.column)) continue;
    mapping[c.field] = c.column;
    used.add(c.column);
  }
  return mapping;
}

/** The mapping as dip_imports stores it (field → column index as text), read back defensively. */
export function readMapping(stored: Readonly<Record<string, string>>, columns: number): Mapping {
  const mapping: Mapping = {};
  for (const field of IMPORT_FIELDS) {
    const value = Object.hasOwn(stored, field) ? stored[field] : undefined;
    if (typeof value === 'string' && /^\d{1,3}$/.test(value) && Number(value) < columns) mapping[field] = Number(value);
  }
  return mapping;
}

function storedMapping(mapping: Mapping): Record<string, string> {
  return Object.fromEntries(IMPORT_FIELDS.filter((f) => mapping[f] !== undefined).map((f) => [f, String(mapping[f])]));
}

/** Required fields no column is chosen for: every row will be broken until one is. */
export function unmappedRequired(mapping: Mapping): ImportField[] {
  const missing = REQUIRED_FIELDS.filter((f) => mapping[f] === undefined);
  if (mapping.form === undefined && mapping.softcopy === undefined && mapping.hardcopy === undefined) missing.push('form');
  return missing;
}

// ---------------------------------------------------------------------------------------------------
// Parsing: XLSX (exceljs) or CSV (src/kernel/csv.ts), judged by content

/** Headers, and rows as `[sheet row number, ...cells]`: the number is what the user sees in Excel, for error messages. */
export interface ParsedSheet {
  readonly headers: string[];
  readonly rows: string[][];
}

const refuse = (message: Text) => invalid({ file: message });

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** What a cell may hold once stored: no control characters (jsonb refuses NUL), whole characters, bounded. */
function clean(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/\r\n?/g, '\n')
    .trim()
    .slice(0, MAX_CELL_CHARS);
}

const LINK_WORDS = /^(lihat|unduh|download|link|tautan|klik|buka|di sini|disini|here|view|open)\b/i;

/** A cell as the person reads it; a hyperlink labelled "Unduh" or with no label gives its address instead. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return Array.isArray(value.richText) ? value.richText.map((r) => (typeof r.text === 'string' ? r.text : '')).join('') : '';
  if ('hyperlink' in value) {
    const label = cellText(value.text as ExcelJS.CellValue).trim();
    const link = typeof value.hyperlink === 'string' ? value.hyperlink.trim() : '';
    const linkIsWeb = /^https?:\/\//i.test(link);
    return linkIsWeb && (!label || /^https?:\/\//i.test(label) || LINK_WORDS.test(label)) ? link : label;
  }
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  return '';
}

interface Line {
  readonly number: number;
  readonly cells: string[];
}

const EMPTY_SHEET = text('Lembar kerja itu kosong: tidak ada baris berisi informasi.', 'The sheet is empty: there are no rows of information.');
const NO_HEADER = text(
  'Baris judul kolom tidak ditemukan. Baris pertama tabel harus memuat nama kolom, misalnya No, Judul Informasi, Ringkasan, Pejabat/Unit yang Menguasai, Penanggung Jawab, Waktu Pembuatan, Tempat Pembuatan, Bentuk, Tautan, Lokasi Arsip, Jangka Waktu Penyimpanan, Kategori.',
  'No header row found. The first row of the table must name the columns, e.g. No, Title, Summary, Holder, Responsible, When produced, Where produced, Form, Link, Archive location, Retention, Category.',
);
const TOO_MANY_ROWS = text(
  `Berkas berisi lebih dari ${MAX_IMPORT_ROWS} baris informasi. Pecah menjadi beberapa berkas dan impor satu per satu.`,
  `The file has more than ${MAX_IMPORT_ROWS} rows of information. Split it into several files and import them one by one.`,
);
const UNREADABLE = text('Berkas XLSX ini tidak dapat dibaca; mungkin rusak. Simpan ulang dari Excel, lalu unggah lagi.', 'This XLSX file cannot be read; it may be damaged. Save it again from Excel and upload it again.');

/** Reads an uploaded spreadsheet, or refuses it with a message saying what to do (422 on the `file` field). */
export async function parseSheet(bytes: Uint8Array): Promise<ParsedSheet> {
  if (bytes.length === 0) throw refuse(text('Berkas yang diunggah kosong.', 'The uploaded file is empty.'));
  if (bytes.length > MAX_IMPORT_BYTES) throw refuse(tooLarge());
  const type = detectFileType(bytes);
  let lines: Line[];
  let cut: boolean;
  if (type === 'xlsx') ({ lines, cut } = await xlsxLines(bytes));
  else if (type === 'text') ({ lines, cut } = csvLines(bytes));
  else if (type === 'ole') throw refuse(text('Berkas ini berformat Excel lama (.xls). Simpan ulang sebagai .xlsx atau CSV (UTF-8), lalu unggah.', 'This is an old-format Excel file (.xls). Save it as .xlsx or CSV (UTF-8), then upload it.'));
  else {
    const label = typeLabel(type);
    throw refuse(text(`Berkas ini berisi ${label.id}, bukan lembar kerja. Unggah berkas XLSX (Excel) atau CSV (UTF-8).`, `This file is ${label.en}, not a spreadsheet. Upload an XLSX (Excel) or CSV (UTF-8) file.`));
  }
  if (lines.length === 0) throw refuse(EMPTY_SHEET);
  const headerAt = headerIndex(lines);
  if (headerAt < 0) throw refuse(NO_HEADER);
  const header = lines[headerAt]!.cells;
  let width = header.length;
  while (width > 0 && !header[width - 1]) width--;
  const data = lines.slice(headerAt + 1);
  if (cut || data.length > MAX_IMPORT_ROWS) throw refuse(TOO_MANY_ROWS);
  const rows = data.map((l) => [String(l.number), ...Array.from({ length: width }, (_, i) => l.cells[i] ?? '')]).filter((r) => r.slice(1).some((c) => c !== ''));
  if (rows.length === 0) throw refuse(text('Tabel hanya berisi judul kolom, tanpa baris informasi.', 'The table has column names but no rows of information.'));
  return { headers: header.slice(0, width), rows };
}

function tooLarge(): Text {
  const mb = MAX_IMPORT_BYTES / (1024 * 1024);
  return text(`Berkas melebihi batas ${mb} MB. Pecah menjadi beberapa berkas.`, `The file is over the ${mb} MB limit. Split it into several files.`);
}

/** The first row among the first few that names at least two known columns, the one naming most winning. */
function headerIndex(lines: readonly Line[]): number {
  let best = -1;
  let bestScore = 1;
  lines.slice(0, HEADER_SEARCH_ROWS).forEach((line, i) => {
    const score = Object.keys(suggestMapping(line.cells)).length;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/** Enough lines to find the header and tell that the rows are over the limit; `cut` when there were more. */
const LINE_LIMIT = HEADER_SEARCH_ROWS + MAX_IMPORT_ROWS + 1;

async function xlsxLines(bytes: Uint8Array): Promise<{ lines: Line[]; cut: boolean }> {
  let unzipped = 0;
  try {
    for (const size of zipDirectory(bytes).values()) unzipped += size;
  } catch {
    throw refuse(UNREADABLE);
  }
  if (unzipped > MAX_UNZIPPED_BYTES) throw refuse(text('Isi berkas XLSX ini terlalu besar untuk diimpor. Pecah menjadi beberapa berkas.', 'This XLSX file holds too much to import. Split it into several files.'));
  const book = new ExcelJS.Workbook();
  try {
    // exceljs's Buffer type is the older, non-generic one; the bytes are the same.
    await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw refuse(UNREADABLE);
  }
  // The first sheet a person sees that holds anything: hidden sheets are working notes, not the DIP.
  const sheet = book.worksheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden' && s.actualRowCount > 0);
  const lines: Line[] = [];
  let cut = false;
  sheet?.eachRow({ includeEmpty: false }, (row, number) => {
    if (cut) return;
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, MAX_COLUMNS); c++) cells.push(clean(cellText(row.getCell(c).value)));
    if (!cells.some((cell) => cell !== '')) return;
    if (lines.length >= LINE_LIMIT) cut = true;
    else lines.push({ number, cells });
  });
  return { lines, cut };
}

function csvLines(bytes: Uint8Array): { lines: Line[]; cut: boolean } {
  // Excel on Indonesian-locale machines writes ';'; parseCsvTable tells it from ',' by the header line.
  const table = parseCsvTable(new TextDecoder('utf-8').decode(bytes));
  const header = table.header.slice(0, MAX_COLUMNS).map(clean);
  const lines: Line[] = [{ number: 1, cells: header }];
  for (const row of table.rows.slice(0, LINE_LIMIT)) lines.push({ number: row.line, cells: table.header.slice(0, MAX_COLUMNS).map((h) => clean(row.cells[h] ?? '')) });
  return { lines: lines.filter((l) => l.cells.some((c) => c !== '')), cut: table.rows.length > LINE_LIMIT };
}

// ---------------------------------------------------------------------------------------------------
// Judging rows (pure)

export interface SheetClassification {
  readonly category: Category;
  readonly updateMonths: number | null;
}

export interface RowOutcome {
  /** Position in the stored rows. */
  readonly index: number;
  /** The row's number in the sheet. */
  readonly row: number;
  /** The item's import_key: `no:<number>`, or `judul:<title>` when the row has no number. */
  readonly key: string;
  readonly form: ItemForm;
  /** Trimmed values when the row is good. */
  readonly values: ItemValues | null;
  /** A category from the sheet that can be applied as it is; null leaves the item for the PPID to classify. */
  readonly classification: SheetClassification | null;
  /** Why a category the sheet names is not applied (the item stays submitted). */
  readonly classificationNote: Text | null;
  /** What is wrong, by the column to fix. Empty: a good row. */
  readonly problems: Readonly<Partial<Record<ImportField, Text>>>;
}

export const isBroken = (o: RowOutcome) => Object.keys(o.problems).length > 0;

type CategoryReading = { ok: true; value: SheetClassification | null; note: Text | null } | { ok: false; problem: Text };

/**
 * A category as offices write it ("Berkala", "Informasi Serta Merta", "berkala (3 bulan)",
 * "Setiap Saat"). Applied only when classifyItem would accept it as it is: berkala with an update period
 * of 1–6 months (none given: 6, the law's longest); an exempt item needs a DIK entry with its consequence
 * test, so it is left for the PPID. Text that names no category is an error in the row.
 */
export function readCategory(raw: string): CategoryReading {
  const value = normalizeHeader(raw);
  if (!value) return { ok: true, value: null, note: null };
  if (/\b(dikecualikan|exempt|rahasia)\b/.test(value)) {
    return { ok: true, value: null, note: text('Informasi dikecualikan perlu entri DIK dengan uji konsekuensi: klasifikasikan pada halaman informasinya.', 'Exempt information needs a DIK entry with its consequence test: classify it on the item page.') };
  }
  if (/\bserta ?merta\b|\bimmediate/.test(value)) return { ok: true, value: { category: 'serta_merta', updateMonths: null }, note: null };
  if (/\bsetiap ?saat\b|\bany ?time\b|\bon request\b/.test(value)) return { ok: true, value: { category: 'setiap_saat', updateMonths: null }, note: null };
  if (/\bberkala\b|\bperiodic/.test(value)) {
    const months = berkalaMonths(value);
    if (months === null || (months >= 1 && months <= MAX_UPDATE_MONTHS)) return { ok: true, value: { category: 'berkala', updateMonths: months ?? MAX_UPDATE_MONTHS }, note: null };
    return {
      ok: true,
      value: null,
      note: text(`Informasi berkala diperbarui paling lama setiap ${MAX_UPDATE_MONTHS} bulan; "${raw.trim()}" tidak diterapkan. Klasifikasikan pada halaman informasinya.`, `Periodic information is updated at least every ${MAX_UPDATE_MONTHS} months; "${raw.trim()}" is not applied. Classify it on the item page.`),
    };
  }
  return {
    ok: false,
    problem: text(`Kategori "${raw.trim().slice(0, 80)}" tidak dikenali. Tulis berkala, serta merta, setiap saat, atau dikecualikan; atau kosongkan.`, `The category "${raw.trim().slice(0, 80)}" is not recognised. Write berkala, serta merta, setiap saat or dikecualikan, or leave it empty.`),
  };
}

function berkalaMonths(value: string): number | null {
  const digits = /\b(\d{1,3}) ?(bulan|bln|months?)\b/.exec(value);
  if (digits) return Number(digits[1]);
  if (/\b(semester|semesteran|enam bulan|six months|half yearly)\b/.test(value)) return 6;
  if (/\b(triwulan|triwulanan|tiga bulan|quarterly)\b/.test(value)) return 3;
  if (/\b(bulanan|setiap bulan|monthly)\b/.test(value)) return 1;
  if (/\b(tahunan|setiap tahun|annual|annually|yearly)\b/.test(value)) return 12;
  return null;
}

type FormReading = { soft: boolean; hard: boolean } | 'unknown';

/** "Softcopy", "Hardcopy", "Softcopy dan hardcopy", "keduanya", "cetak", "elektronik" … */
export function readForm(raw: string): FormReading {
  const value = normalizeHeader(raw);
  if (!value || /^(tidak ada|none|n a|na|tidak)$/.test(value)) return { soft: false, hard: false };
  if (/\b(keduanya|both)\b/.test(value)) return { soft: true, hard: true };
  const soft = /\b(soft ?copy|soft|digital|elektronik|electronic|daring|online)\b/.test(value);
  const hard = /\b(hard ?copy|hard|cetak|tercetak|fisik|kertas|printed|print|paper)\b/.test(value);
  return soft || hard ? { soft, hard } : 'unknown';
}

const NO_WORDS = new Set(['', 'tidak', 'tidak ada', 'belum', 'belum ada', 'no', 'n', 'none', '0', 'false', 'salah']);
/** A separate softcopy/hardcopy column: anything but an empty cell, a dash or a "no" says it exists. */
const says = (raw: string) => !NO_WORDS.has(normalizeHeader(raw));

function keyFor(number: string, title: string): string {
  const n = number.trim().replace(/\.$/, '');
  if (n) return `no:${/^\d+(\.0+)?$/.test(n) ? String(Number.parseInt(n, 10)) : n.toLowerCase().replace(/\s+/g, ' ')}`;
  return `judul:${title.trim().toLowerCase().replace(/\s+/g, ' ')}`;
}

/**
 * Every row as the mapping reads it, checked with the same rules as an item a unit submits
 * (checkItem), plus what only a sheet can get wrong: an unknown form or category, a number used twice.
 * `filesByKey`: files already uploaded to items imported before, which count as their softcopy.
 * Only rows `from`–`to` are judged (an import's batch); a repeated number is looked for in all of them.
 */
export function judgeRows(rows: readonly (readonly string[])[], mapping: Mapping, filesByKey: ReadonlyMap<string, number> = new Map(), from = 0, to = rows.length): RowOutcome[] {
  const cell = (row: readonly string[], field: ImportField) => {
    const column = mapping[field];
    return column === undefined ? '' : (row[column + 1] ?? '').trim();
  };
  const rowNumber = (index: number) => Number(rows[index]?.[0]) || index + 2;
  const keys = rows.map((row) => keyFor(cell(row, 'key'), cell(row, 'title')));
  const byKey = new Map<string, number[]>();
  keys.forEach((key, index) => {
    if (key === 'judul:') return;
    const same = byKey.get(key);
    if (same) same.push(index);
    else byKey.set(key, [index]);
  });
  return rows.slice(from, to).map((row, offset): RowOutcome => {
    const index = from + offset;
    const key = keys[index]!;
    const problems: Partial<Record<ImportField, Text>> = {};
    const formCell = cell(row, 'form');
    const formReading = readForm(formCell);
    if (formReading === 'unknown') problems.form = text(`Bentuk "${formCell.slice(0, 80)}" tidak dikenali. Tulis softcopy, hardcopy, atau keduanya.`, `The form "${formCell.slice(0, 80)}" is not recognised. Write softcopy, hardcopy or both.`);
    const known = formReading === 'unknown' ? { soft: false, hard: false } : formReading;
    const form: ItemForm = {
      title: cell(row, 'title'),
      summary: cell(row, 'summary'),
      holder: cell(row, 'holder'),
      responsible: cell(row, 'responsible'),
      producedWhen: cell(row, 'producedWhen'),
      producedWhere: cell(row, 'producedWhere'),
      hasSoftcopy: known.soft || (mapping.softcopy !== undefined && says(cell(row, 'softcopy'))),
      hasHardcopy: known.hard || (mapping.hardcopy !== undefined && says(cell(row, 'hardcopy'))),
      onlineLink: cell(row, 'onlineLink'),
      archiveLocation: cell(row, 'archiveLocation'),
      retention: cell(row, 'retention'),
    };
    if (cell(row, 'key').length > 100) problems.key = text('Nomor paling panjang 100 karakter.', 'The number has at most 100 characters.');
    const checked = checkItem(form, filesByKey.get(key) ?? 0);
    if (!checked.ok) {
      for (const [field, problem] of Object.entries(checked.problems)) {
        // The sheet has no "has softcopy" column of its own: the message belongs to the form column.
        const column: ImportField = field === 'hasSoftcopy' ? (mapping.form === undefined && mapping.softcopy !== undefined ? 'softcopy' : 'form') : (field as ImportField);
        problems[column] ??= problem;
      }
    }
    const category = readCategory(cell(row, 'category'));
    if (!category.ok) problems.category = category.problem;
    // The same number twice: which row is meant cannot be guessed, so every copy waits for the user.
    const same = byKey.get(key) ?? [];
    if (same.length > 1) {
      // At most five other rows are named: a number repeated 5000 times must not make 5000 lists of 5000.
      const named = same.slice(0, 6).filter((i) => i !== index).slice(0, 5).map(rowNumber);
      const more = same.length - 1 - named.length;
      const others = `${named.join(', ')}${more > 0 ? ` (+${more})` : ''}`;
      if (key.startsWith('no:')) problems.key ??= text(`Nomor ini dipakai juga di baris ${others}; setiap baris perlu nomor sendiri.`, `This number is also used in row(s) ${others}; every row needs its own number.`);
      else problems.title ??= text(`Judul yang sama ada juga di baris ${others}; isi kolom No agar keduanya dapat dibedakan.`, `The same title is also in row(s) ${others}; fill in the No column so they can be told apart.`);
    }
    return {
      index,
      row: rowNumber(index),
      key,
      form,
      values: checked.ok ? checked.values : null,
      classification: category.ok ? category.value : null,
      classificationNote: category.ok ? category.note : null,
      problems,
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// Storage and use cases (each one transaction with its audit event 'dip.import_*')

export type DipImportRow = typeof dipImports.$inferSelect;
export type ImportStatus = 'staged' | 'running' | 'done' | 'cancelled' | 'failed';
export type ImportChoice = 'all' | 'skip_broken';

export interface ImportReport {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Sheet row numbers not imported: broken rows, and rows whose item was withdrawn (also in `withdrawn`). */
  readonly skipped: number[];
  readonly withdrawn: number[];
}

const EMPTY_REPORT: ImportReport = { created: 0, updated: 0, unchanged: 0, skipped: [], withdrawn: [] };

export function reportOf(row: Pick<DipImportRow, 'report'>): ImportReport {
  const r = (row.report ?? {}) as Partial<ImportReport>;
  const numbers = (v: unknown) => (Array.isArray(v) ? v.filter((n): n is number => typeof n === 'number') : []);
  return { created: Number(r.created) || 0, updated: Number(r.updated) || 0, unchanged: Number(r.unchanged) || 0, skipped: numbers(r.skipped), withdrawn: numbers(r.withdrawn) };
}

/** The office's imports, newest first, without their rows. */
export function importsOf(exec: Executor, scope: OfficeScope) {
  return exec
    .select({
      id: dipImports.id,
      fileName: dipImports.fileName,
      status: dipImports.status,
      done: dipImports.done,
      total: sql<number>`jsonb_array_length(${dipImports.rows})`.mapWith(Number),
      createdAt: dipImports.createdAt,
      finishedAt: dipImports.finishedAt,
    })
    .from(dipImports)
    .where(eq(dipImports.officeId, scope.officeId))
    .orderBy(desc(dipImports.id))
    .limit(50);
}

export async function importInScope(exec: Executor, scope: OfficeScope, id: number): Promise<DipImportRow | undefined> {
  const [row] = await exec.select().from(dipImports).where(and(eq(dipImports.id, id), eq(dipImports.officeId, scope.officeId)));
  return row;
}

/** Files already on the office's imported items, by import_key: they stand for the softcopy on a re-import. */
export async function filesByImportKey(exec: Executor, officeId: number): Promise<Map<string, number>> {
  const rows = await exec
    .select({ key: dipItems.importKey, files: sql<number>`count(${dipItemFiles.id})`.mapWith(Number) })
    .from(dipItems)
    .leftJoin(dipItemFiles, eq(dipItemFiles.itemId, dipItems.id))
    .where(and(eq(dipItems.officeId, officeId), isNotNull(dipItems.importKey)))
    .groupBy(dipItems.importKey);
  return new Map(rows.filter((r) => r.key !== null && r.files > 0).map((r) => [r.key!, r.files]));
}

/** Only the office's PPID imports its DIP (a system administrator may act for any office). */
async function ppidOf(tx: Tx, actor: Actor, scope: OfficeScope): Promise<void> {
  if (actor.staffId === null) throw forbidden();
  const person = await staffById(tx, actor.staffId);
  if (!person?.active) throw forbidden();
  if (person.roles.includes('system_admin')) return;
  if (person.officeId !== scope.officeId || !person.roles.includes('ppid')) throw forbidden(text('Hanya PPID yang dapat mengimpor DIP.', 'Only the PPID can import the DIP.'));
}

async function lockedImport(tx: Tx, scope: OfficeScope, id: number): Promise<DipImportRow> {
  const [row] = await tx.select().from(dipImports).where(and(eq(dipImports.id, id), eq(dipImports.officeId, scope.officeId))).for('update');
  if (!row) throw notFound(text('Impor tidak ditemukan.', 'Import not found.'));
  return row;
}

const NOT_STAGED = text('Impor ini sudah dimulai, selesai, atau dibatalkan; unggah berkasnya lagi untuk impor baru.', 'This import has already started, finished or been cancelled; upload the file again for a new import.');

function safeFileName(name: string): string {
  return clean(name.split(/[\\/]/).pop() ?? '').slice(-200) || 'impor';
}

/** Parses the upload and keeps its rows, with the suggested mapping, for the preview. Nothing is imported yet. */
export async function stageImport(db: Db, actor: Actor, scope: OfficeScope, file: UploadedFile | undefined): Promise<number> {
  if (!file) throw refuse(text('Pilih berkas XLSX atau CSV yang akan diimpor.', 'Choose the XLSX or CSV file to import.'));
  if (file.truncated) throw refuse(tooLarge());
  const sheet = await parseSheet(file.bytes);
  const mapping = suggestMapping(sheet.headers);
  return db.transaction(async (tx) => {
    await ppidOf(tx, actor, scope);
    const fileName = safeFileName(file.name);
    const [row] = await tx
      .insert(dipImports)
      .values({ officeId: scope.officeId, fileName, headers: sheet.headers, rows: sheet.rows, mapping: storedMapping(mapping), createdBy: actor.staffId })
      .returning({ id: dipImports.id });
    await recordEvent(tx, actor, { officeId: scope.officeId, action: 'dip.import_staged', subjectType: 'dip_import', subjectId: row!.id, after: { fileName, rows: sheet.rows.length, headers: sheet.headers, mapping: storedMapping(mapping) } });
    return row!.id;
  });
}

/** Saves the columns chosen for each field: `choices` holds a column index or '' (not used) per field. */
export async function saveMapping(db: Db, actor: Actor, scope: OfficeScope, id: number, choices: Readonly<Partial<Record<ImportField, string>>>): Promise<void> {
  await db.transaction(async (tx) => {
    await ppidOf(tx, actor, scope);
    const row = await lockedImport(tx, scope, id);
    if (row.status !== 'staged') throw conflict(NOT_STAGED);
    const mapping: Mapping = {};
    const problems: Record<string, Text> = {};
    for (const field of IMPORT_FIELDS) {
      const value = (choices[field] ?? '').trim();
      if (value === '') continue;
      if (/^\d{1,3}$/.test(value) && Number(value) < row.headers.length) mapping[field] = Number(value);
      else problems[field] = text('Pilih salah satu kolom dari daftar.', 'Choose one of the columns in the list.');
    }
    if (Object.keys(problems).length > 0) throw invalid(problems);
    await tx.update(dipImports).set({ mapping: storedMapping(mapping) }).where(eq(dipImports.id, id));
    await recordEvent(tx, actor, { officeId: scope.officeId, action: 'dip.import_mapped', subjectType: 'dip_import', subjectId: id, before: row.mapping, after: storedMapping(mapping) });
  });
}

export function isImportChoice(value: unknown): value is ImportChoice {
  return value === 'all' || value === 'skip_broken';
}

interface JobPayload {
  readonly importId: number;
  readonly choice: ImportChoice;
  readonly staffId: number | null;
  readonly label: string;
}

/**
 * The user's choice: 'all' only when no row is broken, 'skip_broken' to import just the good rows.
 * Queues the import job; its batches run after this commits.
 */
export async function startImport(db: Db, actor: Actor, scope: OfficeScope, id: number, choice: string): Promise<void> {
  if (!isImportChoice(choice)) throw invalid({ choice: text('Pilih cara melanjutkan impor.', 'Choose how to go on with the import.') });
  await db.transaction(async (tx) => {
    await ppidOf(tx, actor, scope);
    const row = await lockedImport(tx, scope, id);
    if (row.status !== 'staged') throw conflict(NOT_STAGED);
    const outcomes = judgeRows(row.rows, readMapping(row.mapping, row.headers.length), await filesByImportKey(tx, scope.officeId));
    const broken = outcomes.filter(isBroken).length;
    const good = outcomes.length - broken;
    if (choice === 'all' && broken > 0) {
      throw conflict(
        text(
          `${broken} baris rusak, jadi tidak ada yang diimpor. Perbaiki berkasnya lalu unggah lagi, atau pilih "Lewati baris rusak" untuk mengimpor ${good} baris yang baik saja.`,
          `${broken} row(s) are broken, so nothing was imported. Fix the file and upload it again, or choose "Skip broken rows" to import only the ${good} good row(s).`,
        ),
      );
    }
    if (good === 0) throw conflict(text('Tidak ada baris yang baik untuk diimpor. Perbaiki berkasnya lalu unggah lagi.', 'There are no good rows to import. Fix the file and upload it again.'));
    await tx.update(dipImports).set({ status: 'running', done: 0, report: EMPTY_REPORT }).where(eq(dipImports.id, id));
    const payload: JobPayload = { importId: id, choice, staffId: actor.staffId, label: actor.label };
    await enqueue(tx, { kind: DIP_IMPORT_JOB, officeId: scope.officeId, payload, dedupeKey: `dip.import:${id}` });
    await recordEvent(tx, actor, { officeId: scope.officeId, action: 'dip.import_started', subjectType: 'dip_import', subjectId: id, before: { status: 'staged' }, after: { status: 'running', choice, rows: outcomes.length, good, broken } });
  });
}

export async function cancelImport(db: Db, actor: Actor, scope: OfficeScope, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    await ppidOf(tx, actor, scope);
    const row = await lockedImport(tx, scope, id);
    if (row.status !== 'staged') throw conflict(text('Hanya impor yang belum dimulai yang dapat dibatalkan.', 'Only an import not started yet can be cancelled.'));
    await tx.update(dipImports).set({ status: 'cancelled', finishedAt: new Date() }).where(eq(dipImports.id, id));
    await recordEvent(tx, actor, { officeId: scope.officeId, action: 'dip.import_cancelled', subjectType: 'dip_import', subjectId: id, before: { status: 'staged' }, after: { status: 'cancelled' } });
  });
}

const ITEM_FIELDS = ['title', 'summary', 'holder', 'responsible', 'producedWhen', 'producedWhere', 'hasSoftcopy', 'hasHardcopy', 'onlineLink', 'archiveLocation', 'retention'] as const;

/**
 * Imports the next batch of a running import in one transaction: all its rows or none, and `done`
 * moves with them, so a job that failed or was retried continues where the last commit left off.
 * A row finds its item by (office, import_key), so running a row twice updates rather than duplicates.
 */
export async function runImportBatch(db: Db, importId: number, choice: ImportChoice, actor: Actor, now: Date = new Date()): Promise<{ finished: boolean; done: number }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(dipImports).where(eq(dipImports.id, importId)).for('update');
    if (!row || row.status !== 'running') return { finished: true, done: row?.done ?? 0 };
    const officeId = row.officeId;
    const office = (await officeById(tx, officeId))!;
    const today = todayIn(office.timeZone, now);
    const batch = judgeRows(row.rows, readMapping(row.mapping, row.headers.length), await filesByImportKey(tx, officeId), row.done, row.done + IMPORT_BATCH_SIZE);
    const unitIds = new Map((await tx.select({ id: units.id, name: units.name }).from(units).where(and(eq(units.officeId, officeId), eq(units.active, true)))).map((u) => [u.name.trim().toLowerCase(), u.id]));
    const report = reportOf(row);
    const counts = { created: 0, updated: 0, unchanged: 0, skipped: [] as number[], withdrawn: [] as number[] };
    // 'all' was allowed only with no broken row; one broken since (a file removed) is skipped all the same.
    const good = batch.filter((o) => o.values && !isBroken(o));
    counts.skipped.push(...batch.filter((o) => !good.includes(o)).map((o) => o.row));
    const existingRows = good.length === 0 ? [] : await tx.select().from(dipItems).where(and(eq(dipItems.officeId, officeId), inArray(dipItems.importKey, good.map((o) => o.key)))).for('update');
    const existingByKey = new Map(existingRows.map((r) => [r.importKey, r]));
    const classified = (c: SheetClassification) => ({ category: c.category, updateMonths: c.updateMonths, nextUpdateOn: c.updateMonths === null ? null : nextUpdateOn(today, c.updateMonths), status: 'classified', classifiedBy: actor.staffId, classifiedAt: now });
    const fresh: { o: RowOutcome; values: ItemValues & { unitId: number | null } }[] = [];
    for (const o of good) {
      const values = { ...o.values!, unitId: unitIds.get(o.values!.holder.toLowerCase()) ?? null };
      const existing = existingByKey.get(o.key);
      if (!existing) {
        fresh.push({ o, values });
        continue;
      }
      if (existing.status === 'withdrawn') {
        counts.skipped.push(o.row);
        counts.withdrawn.push(o.row);
        continue;
      }
      const changes: Record<string, unknown> = {};
      for (const field of ITEM_FIELDS) if (existing[field] !== values[field]) changes[field] = values[field];
      if (existing.unitId !== values.unitId) changes.unitId = values.unitId;
      const c = o.classification;
      if (c && (existing.category !== c.category || existing.updateMonths !== c.updateMonths || existing.status !== 'classified')) Object.assign(changes, classified(c), { dikEntryId: null });
      if (Object.keys(changes).length === 0) {
        counts.unchanged++;
        continue;
      }
      await tx.update(dipItems).set({ ...changes, updatedAt: now }).where(eq(dipItems.id, existing.id));
      const before = Object.fromEntries(Object.keys(changes).map((k) => [k, existing[k as keyof typeof existing]]));
      await recordEvent(tx, actor, { officeId, action: 'dip.import_item_updated', subjectType: 'dip_item', subjectId: existing.id, before, after: { import: importId, row: o.row, ...changes } });
      counts.updated++;
    }
    if (fresh.length > 0) {
      // One insert for the batch's new items; keys are unique within a sheet (a repeated one is a broken row).
      const inserted = await tx
        .insert(dipItems)
        .values(fresh.map(({ o, values }) => ({ officeId, importKey: o.key, ...values, ...(o.classification ? classified(o.classification) : {}), submittedBy: actor.staffId })))
        .returning({ id: dipItems.id, importKey: dipItems.importKey });
      const idByKey = new Map(inserted.map((r) => [r.importKey, r.id]));
      for (const { o, values } of fresh) {
        await recordEvent(tx, actor, { officeId, action: 'dip.import_item_created', subjectType: 'dip_item', subjectId: idByKey.get(o.key)!, after: { import: importId, row: o.row, key: o.key, title: values.title, category: o.classification?.category ?? null } });
      }
      counts.created += fresh.length;
    }
    const done = row.done + batch.length;
    const finished = done >= row.rows.length;
    const next: ImportReport = {
      created: report.created + counts.created,
      updated: report.updated + counts.updated,
      unchanged: report.unchanged + counts.unchanged,
      skipped: [...report.skipped, ...counts.skipped.sort((a, b) => a - b)],
      withdrawn: [...report.withdrawn, ...counts.withdrawn],
    };
    await tx
      .update(dipImports)
      .set({ done, report: next, ...(finished ? { status: 'done', finishedAt: now } : {}) })
      .where(eq(dipImports.id, importId));
    await recordEvent(tx, actor, { officeId, action: 'dip.import_batch', subjectType: 'dip_import', subjectId: importId, before: { done: row.done }, after: { done, choice, created: counts.created, updated: counts.updated, unchanged: counts.unchanged, skipped: counts.skipped } });
    if (finished) await recordEvent(tx, actor, { officeId, action: 'dip.import_done', subjectType: 'dip_import', subjectId: importId, before: { status: 'running' }, after: { status: 'done', ...next } });
    return { finished, done };
  });
}

function readPayload(payload: unknown): JobPayload {
  const p = (payload ?? {}) as Partial<Record<keyof JobPayload, unknown>>;
  if (typeof p.importId !== 'number' || !isImportChoice(p.choice)) throw new Error('dip.import payload needs a numeric importId and a choice');
  return { importId: p.importId, choice: p.choice, staffId: typeof p.staffId === 'number' ? p.staffId : null, label: typeof p.label === 'string' ? p.label : 'system' };
}

/**
 * Runs an import's batches until it is finished. After `budgetMs` it queues a follow-up message and
 * returns, so a long import never outlives the job's lease; a crash in between is harmless, as the
 * next run starts from `done`.
 */
export function dipImportJobHandler(options: { budgetMs?: number } = {}): JobHandler {
  const budgetMs = options.budgetMs ?? JOB_BUDGET_MS;
  return async (payload, ctx) => {
    const job = readPayload(payload);
    const actor: Actor = { staffId: job.staffId, label: job.label, ip: '', requestId: `job:${ctx.id}` };
    const started = Date.now();
    for (;;) {
      const { finished, done } = await runImportBatch(ctx.database.db, job.importId, job.choice, actor);
      if (finished) return;
      if (Date.now() - started >= budgetMs) {
        await enqueue(ctx.database.db, { kind: DIP_IMPORT_JOB, officeId: ctx.officeId, payload: job, dedupeKey: `dip.import:${job.importId}:${done}` });
        return;
      }
    }
  };
}
