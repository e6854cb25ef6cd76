import { unzipSync } from 'fflate';
import { text, type Text } from '../i18n.ts';

/** A file's type as its bytes say, whatever its name says. */
export type DetectedType =
  | 'pdf'
  | 'docx'
  | 'xlsx'
  | 'pptx'
  | 'office_macro'
  | 'odt'
  | 'ods'
  | 'odp'
  | 'zip'
  | 'ole'
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'webp'
  | 'text'
  | 'unknown';

/**
 * What may be released to an applicant: the types the checker can look inside, and common images.
 * Left out on purpose: PPTX and OpenDocument (the checker does not read their hidden parts yet),
 * macro-enabled Office files, legacy binary Office (OLE) and archives. Staff convert those to PDF.
 */
export const RELEASE_TYPES: readonly DetectedType[] = ['pdf', 'docx', 'xlsx', 'text', 'png', 'jpeg'];

/** The names a file of each type may carry; a file whose name says otherwise is refused. */
const EXTENSIONS: Readonly<Record<DetectedType, readonly string[]>> = {
  pdf: ['pdf'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  pptx: ['pptx'],
  office_macro: ['docm', 'xlsm', 'pptm'],
  odt: ['odt'],
  ods: ['ods'],
  odp: ['odp'],
  zip: ['zip'],
  ole: ['doc', 'xls', 'ppt'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  gif: ['gif'],
  webp: ['webp'],
  text: ['txt', 'csv'],
  unknown: [],
};

const LABELS: Readonly<Record<DetectedType, Text>> = {
  pdf: text('dokumen PDF', 'a PDF document'),
  docx: text('dokumen Word (DOCX)', 'a Word document (DOCX)'),
  xlsx: text('lembar kerja Excel (XLSX)', 'an Excel workbook (XLSX)'),
  pptx: text('presentasi PowerPoint (PPTX)', 'a PowerPoint presentation (PPTX)'),
  office_macro: text('dokumen Office dengan makro', 'an Office document with macros'),
  odt: text('dokumen OpenDocument (ODT)', 'an OpenDocument text (ODT)'),
  ods: text('lembar kerja OpenDocument (ODS)', 'an OpenDocument spreadsheet (ODS)'),
  odp: text('presentasi OpenDocument (ODP)', 'an OpenDocument presentation (ODP)'),
  zip: text('arsip ZIP', 'a ZIP archive'),
  ole: text('dokumen Office format lama (DOC/XLS/PPT)', 'a legacy Office document (DOC/XLS/PPT)'),
  png: text('gambar PNG', 'a PNG image'),
  jpeg: text('gambar JPEG', 'a JPEG image'),
  gif: text('gambar GIF', 'a GIF image'),
  webp: text('gambar WebP', 'a WebP image'),
  text: text('teks biasa atau CSV', 'plain text or CSV'),
  unknown: text('jenis yang tidak dikenali', 'an unrecognised type'),
};

export function typeLabel(type: DetectedType): Text {
  return LABELS[type];
}

/** Only this many leading bytes are checked for text: enough to tell text from binary. */
const TEXT_SNIFF_BYTES = 64 * 1024;
/** [Content_Types].xml and ODF's mimetype are small; a larger one is not a real Office file. */
const MAX_MANIFEST_BYTES = 256 * 1024;

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((b, i) => bytes[at + i] === b);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function detectFileType(bytes: Uint8Array): DetectedType {
  if (bytes.length === 0) return 'unknown';
  // PDF readers accept %PDF- within the first 1024 bytes; so does this check.
  if (indexOf(bytes.subarray(0, 1024), ascii('%PDF-')) >= 0) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return zipType(bytes);
  return isText(bytes) ? 'text' : 'unknown';
}

function indexOf(haystack: Uint8Array, needle: readonly number[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Tells Office and OpenDocument files from plain archives by their manifest, not by their name. */
function zipType(bytes: Uint8Array): DetectedType {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (f) => (f.name === '[Content_Types].xml' || f.name === 'mimetype') && f.originalSize <= MAX_MANIFEST_BYTES,
    });
  } catch {
    return 'unknown';
  }
  const decoder = new TextDecoder();
  const mimetype = parts['mimetype'] ? decoder.decode(parts['mimetype']).trim() : '';
  if (mimetype === 'application/vnd.oasis.opendocument.text') return 'odt';
  if (mimetype === 'application/vnd.oasis.opendocument.spreadsheet') return 'ods';
  if (mimetype === 'application/vnd.oasis.opendocument.presentation') return 'odp';
  const manifest = parts['[Content_Types].xml'] ? decoder.decode(parts['[Content_Types].xml']) : '';
  if (/macroEnabled/i.test(manifest)) return 'office_macro';
  if (manifest.includes('wordprocessingml.document.main+xml')) return 'docx';
  if (manifest.includes('spreadsheetml.sheet.main+xml')) return 'xlsx';
  if (manifest.includes('presentationml.presentation.main+xml')) return 'pptx';
  return 'zip';
}

/** UTF-8 (with or without BOM) and no control characters other than tab, line breaks and form feed. */
function isText(bytes: Uint8Array): boolean {
  let decoded: string;
  try {
    // `stream` keeps a multi-byte character cut at the end of the sample from counting as an error.
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, TEXT_SNIFF_BYTES), { stream: true });
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(decoded);
}

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / (1024 * 1024)) * 10) / 10} MB` : `${Math.ceil(n / 1024)} KB`;
}

/**
 * Why this file may not be released to an applicant, or undefined when it may: too large, empty, of
 * a type not in `allowed`, or named as another type than it is (a ZIP called `.pdf` would confuse
 * the applicant and hide what it holds).
 */
export function fileTypeProblem(bytes: Uint8Array, filename: string, maxBytes: number, allowed: readonly DetectedType[] = RELEASE_TYPES): Text | undefined {
  if (bytes.length > maxBytes) {
    return text(
      `Berkas "${filename}" terlalu besar (${formatBytes(bytes.length)}); batasnya ${formatBytes(maxBytes)}. Perkecil atau pecah berkasnya.`,
      `The file "${filename}" is too large (${formatBytes(bytes.length)}); the limit is ${formatBytes(maxBytes)}. Make it smaller or split it.`,
    );
  }
  if (bytes.length === 0) return text(`Berkas "${filename}" kosong.`, `The file "${filename}" is empty.`);
  const type = detectFileType(bytes);
  const label = LABELS[type];
  if (!allowed.includes(type)) {
    const allowedId = allowed.map((a) => LABELS[a].id).join(', ');
    const allowedEn = allowed.map((a) => LABELS[a].en).join(', ');
    return text(
      `Berkas "${filename}" berisi ${label.id}, jenis yang tidak diterima di sini. Yang diterima: ${allowedId}. Ubah dulu, misalnya ke PDF.`,
      `The file "${filename}" is ${label.en}, a type not accepted here. Accepted: ${allowedEn}. Convert it first, for example to PDF.`,
    );
  }
  if (!EXTENSIONS[type].includes(extensionOf(filename))) {
    const expected = EXTENSIONS[type].map((e) => `.${e}`).join(' / ');
    return text(
      `Nama berkas "${filename}" tidak sesuai isinya: isinya ${label.id}. Beri nama berakhiran ${expected}.`,
      `The name "${filename}" does not match the content, which is ${label.en}. Name it with ${expected}.`,
    );
  }
  return undefined;
}
