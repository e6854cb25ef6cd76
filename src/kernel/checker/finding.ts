import { text, type Text } from '../i18n.ts';
import type { DetectedType } from './detect.ts';

/**
 * What the checker can find. `unreadable` and `incomplete` are not in the list: they say the
 * checker could not look at all of the file, so the staff must look themselves before releasing it.
 */
export type FindingKind =
  | 'nik'
  | 'phone'
  | 'email'
  | 'hidden_sheet'
  | 'hidden_row'
  | 'hidden_column'
  | 'comment'
  | 'tracked_change'
  | 'hidden_text'
  | 'hidden_layer'
  | 'text_under_box'
  | 'unapplied_redaction'
  | 'unreadable'
  | 'incomplete';

export interface Finding {
  readonly kind: FindingKind;
  /** Where in the file, in the file's own terms: `Sheet1!B4`, `document.xml ¶3`, `p. 2`, `L12`. */
  readonly location: string;
  /** What was found, with personal data masked; never the full number. */
  readonly excerpt: string;
  /** Indonesian first; says what was found and what the staff should do. */
  readonly message: Text;
}

export interface CheckReport {
  readonly type: DetectedType;
  readonly findings: Finding[];
}

/** At most this many findings per file; one `incomplete` finding says when more were left out. */
export const MAX_FINDINGS = 200;

const WHAT: Readonly<Record<FindingKind, { what: Text; todo: Text }>> = {
  nik: {
    what: text('Nomor yang mirip NIK', 'A number that looks like a NIK'),
    todo: text('Hapus atau hitamkan sebelum dikirim ke pemohon.', 'Remove or black it out before sending to the applicant.'),
  },
  phone: {
    what: text('Nomor telepon', 'A phone number'),
    todo: text('Hapus jika bukan nomor resmi badan publik.', 'Remove it unless it is an official number of the public body.'),
  },
  email: {
    what: text('Alamat e-mail', 'An e-mail address'),
    todo: text('Hapus jika bukan alamat resmi badan publik.', 'Remove it unless it is an official address of the public body.'),
  },
  hidden_sheet: {
    what: text('Lembar kerja tersembunyi', 'A hidden worksheet'),
    todo: text('Hapus lembar itu atau tampilkan dan periksa isinya.', 'Delete the sheet, or unhide it and check what it holds.'),
  },
  hidden_row: {
    what: text('Baris tersembunyi', 'A hidden row'),
    todo: text('Hapus baris itu atau tampilkan dan periksa isinya.', 'Delete the row, or unhide it and check what it holds.'),
  },
  hidden_column: {
    what: text('Kolom tersembunyi', 'A hidden column'),
    todo: text('Hapus kolom itu atau tampilkan dan periksa isinya.', 'Delete the column, or unhide it and check what it holds.'),
  },
  comment: {
    what: text('Komentar', 'A comment'),
    todo: text('Hapus semua komentar sebelum dikirim.', 'Delete all comments before sending.'),
  },
  tracked_change: {
    what: text('Perubahan terlacak (track changes)', 'A tracked change'),
    todo: text('Terima atau tolak semua perubahan, lalu simpan ulang.', 'Accept or reject all changes, then save again.'),
  },
  hidden_text: {
    what: text('Teks tersembunyi', 'Hidden text'),
    todo: text('Hapus teks itu atau tampilkan dan periksa isinya.', 'Delete the text, or unhide it and check it.'),
  },
  hidden_layer: {
    what: text('Lapisan (layer) PDF yang disembunyikan', 'A PDF layer that is hidden'),
    todo: text('Ratakan (flatten) PDF atau hapus lapisan itu, lalu periksa lagi.', 'Flatten the PDF or delete the layer, then check again.'),
  },
  text_under_box: {
    what: text('Teks yang masih ada di bawah kotak hitam', 'Text still present under a black box'),
    todo: text(
      'Kotak itu hanya menutupi tampilan; teksnya masih bisa disalin. Gunakan fitur redaksi yang sebenarnya atau cetak ke gambar.',
      'The box only covers the view; the text can still be copied. Use a real redaction tool or print to an image.',
    ),
  },
  unapplied_redaction: {
    what: text('Tanda redaksi yang belum diterapkan', 'A redaction mark that was not applied'),
    todo: text('Terapkan redaksi (Apply) lalu simpan ulang.', 'Apply the redaction, then save again.'),
  },
  unreadable: {
    what: text('Berkas tidak dapat dibaca oleh pemeriksa', 'The checker could not read the file'),
    todo: text('Periksa sendiri isinya sebelum dikirim, atau simpan ulang dan unggah lagi.', 'Check its content yourself before sending, or save it again and re-upload.'),
  },
  incomplete: {
    what: text('Pemeriksaan berhenti pada batasnya', 'The check stopped at its limit'),
    todo: text('Bagian selebihnya tidak diperiksa; periksa sendiri sebelum dikirim.', 'The rest was not checked; check it yourself before sending.'),
  },
};

export function finding(kind: FindingKind, location: string, excerpt: string): Finding {
  const { what, todo } = WHAT[kind];
  const at = location ? ` (${location})` : '';
  const shown = excerpt ? `: ${excerpt}` : '';
  return { kind, location, excerpt, message: text(`${what.id}${at}${shown}. ${todo.id}`, `${what.en}${at}${shown}. ${todo.en}`) };
}

/**
 * Collects findings up to MAX_FINDINGS, so a file with a million phone numbers gives a short report
 * rather than a huge one. `full` tells a checker it can stop looking.
 */
export class Findings {
  readonly list: Finding[] = [];
  #truncated = false;

  add(kind: FindingKind, location: string, excerpt: string): void {
    if (this.list.length < MAX_FINDINGS) this.list.push(finding(kind, location, excerpt));
    else this.#truncated = true;
  }

  get full(): boolean {
    return this.list.length >= MAX_FINDINGS;
  }

  /** The findings, with an `incomplete` finding at the end when some were left out, and another when `stoppedAt` says where the check stopped. */
  done(stoppedAt?: string): Finding[] {
    if (this.#truncated) this.list.push(finding('incomplete', '', `> ${MAX_FINDINGS}`));
    if (stoppedAt) this.list.push(finding('incomplete', stoppedAt, ''));
    return this.list;
  }
}

/** Shortens a text for an excerpt: staff need a hint of where to look, not the whole paragraph. */
export function shorten(value: string, max = 80): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
