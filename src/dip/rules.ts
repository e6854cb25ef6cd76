import { isIsoDay } from '../calendar/rules.ts';
import { text, type Text } from '../kernel/i18n.ts';
import { checkStep, type LifecycleStep, type StepCheck } from '../kernel/lifecycle.ts';
import { PASAL17, type Pasal17 } from '../requests/rules.ts';

/**
 * The DIP SOP (seed 000, DOMAIN.md §3–4) as data and pure functions: categories, the fields every
 * item must have, the edition lifecycle, the consequence test's record, and the difference between
 * two editions. No storage, no HTTP.
 */

export const CATEGORIES = ['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Readonly<Record<Category, Text>> = {
  berkala: text('Informasi berkala (Pasal 9)', 'Periodic information (art. 9)'),
  serta_merta: text('Informasi serta merta (Pasal 10)', 'Immediate information (art. 10)'),
  setiap_saat: text('Informasi tersedia setiap saat (Pasal 11)', 'Information available at any time (art. 11)'),
  dikecualikan: text('Informasi dikecualikan (Pasal 17)', 'Exempt information (art. 17)'),
};
/** Categories that belong in the DIP; exempt items go to the DIK instead. */
export const PUBLIC_CATEGORIES: readonly Category[] = ['berkala', 'serta_merta', 'setiap_saat'];

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

/** Berkala information is announced at least every six months (DOMAIN.md §3). */
export const MAX_UPDATE_MONTHS = 6;
/** SOP 000 step 1: units hand their information to the PPID within five days. */
export const DEFAULT_CALL_WORKING_DAYS = 5;

// ---------------------------------------------------------------------------------------------------
// Items

/** Every field DOMAIN.md §4 requires of a DIP entry, as a unit submits it. */
export interface ItemValues {
  readonly title: string;
  readonly summary: string;
  readonly holder: string;
  readonly responsible: string;
  readonly producedWhen: string;
  readonly producedWhere: string;
  readonly hasSoftcopy: boolean;
  readonly hasHardcopy: boolean;
  readonly onlineLink: string;
  readonly archiveLocation: string;
  readonly retention: string;
}

export type ItemForm = Readonly<Record<Exclude<keyof ItemValues, 'hasSoftcopy' | 'hasHardcopy'>, string>> & { readonly hasSoftcopy: boolean; readonly hasHardcopy: boolean };

export const ITEM_LABELS: Readonly<Record<keyof ItemValues, Text>> = {
  title: text('Judul informasi', 'Title'),
  summary: text('Ringkasan isi informasi', 'Summary of content'),
  holder: text('Pejabat/unit yang menguasai informasi', 'Official or unit holding it'),
  responsible: text('Penanggung jawab pembuatan informasi', 'Person responsible for producing it'),
  producedWhen: text('Waktu pembuatan', 'When it was produced'),
  producedWhere: text('Tempat pembuatan', 'Where it was produced'),
  hasSoftcopy: text('Tersedia softcopy', 'Softcopy available'),
  hasHardcopy: text('Tersedia hardcopy', 'Hardcopy available'),
  onlineLink: text('Tautan daring', 'Online link'),
  archiveLocation: text('Lokasi arsip hardcopy', 'Where the hardcopy is kept'),
  retention: text('Jangka waktu penyimpanan', 'Retention period'),
};

const ITEM_LIMITS: Readonly<Record<Exclude<keyof ItemValues, 'hasSoftcopy' | 'hasHardcopy'>, number>> = {
  title: 300,
  summary: 2000,
  holder: 200,
  responsible: 200,
  producedWhen: 100,
  producedWhere: 200,
  onlineLink: 500,
  archiveLocation: 300,
  retention: 200,
};

export type ItemCheck = { readonly ok: true; readonly values: ItemValues } | { readonly ok: false; readonly problems: Record<string, Text> };

/**
 * Names each missing or wrong field of one item, so a unit (or an import row) learns exactly what to
 * add. A softcopy needs a link or an uploaded file (`filesCount`), a hardcopy its archive location.
 */
export function checkItem(form: ItemForm, filesCount = 0): ItemCheck {
  const problems: Record<string, Text> = {};
  const required = ['title', 'summary', 'holder', 'responsible', 'producedWhen', 'producedWhere', 'retention'] as const;
  for (const field of required) {
    if (!form[field].trim()) problems[field] = text(`${ITEM_LABELS[field].id} wajib diisi.`, `${ITEM_LABELS[field].en} is required.`);
  }
  for (const field of Object.keys(ITEM_LIMITS) as (keyof typeof ITEM_LIMITS)[]) {
    if (!problems[field] && form[field].trim().length > ITEM_LIMITS[field]) {
      problems[field] = text(`${ITEM_LABELS[field].id}: paling panjang ${ITEM_LIMITS[field]} karakter.`, `${ITEM_LABELS[field].en}: at most ${ITEM_LIMITS[field]} characters.`);
    }
  }
  if (!form.hasSoftcopy && !form.hasHardcopy) {
    problems.hasSoftcopy = text('Sebutkan bentuk yang tersedia: softcopy, hardcopy, atau keduanya.', 'Say which form exists: softcopy, hardcopy or both.');
  }
  const link = form.onlineLink.trim();
  if (link && !/^https?:\/\/[^\s]+$/i.test(link)) problems.onlineLink = text('Tautan harus diawali http:// atau https://.', 'The link must start with http:// or https://.');
  if (form.hasSoftcopy && !link && filesCount === 0) problems.onlineLink = text('Softcopy: isi tautan daring atau unggah berkasnya.', 'Softcopy: give the online link or upload the file.');
  if (form.hasHardcopy && !form.archiveLocation.trim()) problems.archiveLocation = text('Hardcopy: sebutkan lokasi arsipnya.', 'Hardcopy: say where it is kept.');
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    values: {
      title: form.title.trim(),
      summary: form.summary.trim(),
      holder: form.holder.trim(),
      responsible: form.responsible.trim(),
      producedWhen: form.producedWhen.trim(),
      producedWhere: form.producedWhere.trim(),
      hasSoftcopy: form.hasSoftcopy,
      hasHardcopy: form.hasHardcopy,
      onlineLink: link,
      archiveLocation: form.archiveLocation.trim(),
      retention: form.retention.trim(),
    },
  };
}

export interface Classification {
  readonly category: Category;
  /** Berkala: months between updates (1–6). */
  readonly updateMonths: number | null;
  /** Dikecualikan: the DIK entry that covers it. */
  readonly dikEntryId: number | null;
}

export function checkClassification(form: { category: string; updateMonths: string; dikEntryId: string }): { ok: true; value: Classification } | { ok: false; problems: Record<string, Text> } {
  const problems: Record<string, Text> = {};
  const category = isCategory(form.category) ? form.category : undefined;
  if (!category) problems.category = text('Pilih klasifikasi informasi.', 'Choose the category.');
  let updateMonths: number | null = null;
  if (category === 'berkala') {
    const months = /^\d{1,2}$/.test(form.updateMonths.trim()) ? Number(form.updateMonths.trim()) : Number.NaN;
    if (!(months >= 1 && months <= MAX_UPDATE_MONTHS)) problems.updateMonths = text('Informasi berkala diperbarui paling lama setiap 6 bulan: isi 1–6.', 'Periodic information is updated at least every 6 months: give 1–6.');
    else updateMonths = months;
  }
  let dikEntryId: number | null = null;
  if (category === 'dikecualikan') {
    const id = /^[1-9]\d{0,8}$/.test(form.dikEntryId.trim()) ? Number(form.dikEntryId.trim()) : undefined;
    if (id === undefined) problems.dikEntryId = text('Informasi dikecualikan harus merujuk entri DIK beserta uji konsekuensinya.', 'Exempt information must cite a DIK entry with its consequence test.');
    else dikEntryId = id;
  }
  if (Object.keys(problems).length > 0 || !category) return { ok: false, problems };
  return { ok: true, value: { category, updateMonths, dikEntryId } };
}

/** The day a berkala item is next due for an update: `months` after `fromDay`, clamped to the month's end. */
export function nextUpdateOn(fromDay: string, months: number): string {
  const [y, m, d] = fromDay.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------------
// The DIK and its consequence test

export interface DikValues {
  readonly title: string;
  readonly pasal17: Pasal17;
  readonly otherLaw: string;
  readonly harm: string;
  readonly publicInterest: string;
  readonly periodText: string;
  readonly periodEndsOn: string | null;
  readonly decidedBy: string;
  readonly decidedOn: string;
}

export type DikForm = Readonly<Record<'title' | 'pasal17' | 'otherLaw' | 'harm' | 'publicInterest' | 'periodText' | 'periodEndsOn' | 'decidedBy' | 'decidedOn', string>>;

export const DIK_LABELS: Readonly<Record<keyof DikForm, Text>> = {
  title: text('Informasi yang dikecualikan', 'Exempt information'),
  pasal17: text('Dasar: huruf Pasal 17 UU KIP', 'Ground: letter of article 17'),
  otherLaw: text('Undang-undang lain (huruf j)', 'Other law (letter j)'),
  harm: text('Konsekuensi bila dibuka', 'Consequence of disclosure'),
  publicInterest: text('Pertimbangan kepentingan publik', 'Public-interest weighing'),
  periodText: text('Jangka waktu pengecualian', 'Exemption period'),
  periodEndsOn: text('Berakhir pada (bila bertanggal)', 'Ends on (when dated)'),
  decidedBy: text('Diputuskan oleh (nama dan jabatan)', 'Decided by (name and position)'),
  decidedOn: text('Tanggal uji konsekuensi', 'Date of the consequence test'),
};

export function checkDik(form: DikForm, today: string): { ok: true; values: DikValues } | { ok: false; problems: Record<string, Text> } {
  const problems: Record<string, Text> = {};
  for (const field of ['title', 'harm', 'publicInterest', 'periodText', 'decidedBy'] as const) {
    if (!form[field].trim()) problems[field] = text(`${DIK_LABELS[field].id} wajib diisi.`, `${DIK_LABELS[field].en} is required.`);
    else if (form[field].length > 2000) problems[field] = text('Paling panjang 2000 karakter.', 'At most 2000 characters.');
  }
  const pasal17 = (PASAL17 as readonly string[]).includes(form.pasal17) ? (form.pasal17 as Pasal17) : undefined;
  if (!pasal17) problems.pasal17 = text('Pilih huruf Pasal 17.', 'Choose the letter of article 17.');
  if (pasal17 === 'j' && !form.otherLaw.trim()) problems.otherLaw = text('Sebutkan undang-undang lain yang mengecualikannya.', 'Name the other law that exempts it.');
  const ends = form.periodEndsOn.trim();
  if (ends && !isIsoDay(ends)) problems.periodEndsOn = text('Tanggal tidak sah (TTTT-BB-HH).', 'Not a valid date (YYYY-MM-DD).');
  if (!isIsoDay(form.decidedOn.trim())) problems.decidedOn = text('Isi tanggal uji konsekuensi (TTTT-BB-HH).', 'Give the date of the test (YYYY-MM-DD).');
  else if (form.decidedOn.trim() > today) problems.decidedOn = text('Tanggal uji konsekuensi tidak boleh di masa depan.', 'The test cannot be dated in the future.');
  if (Object.keys(problems).length > 0 || !pasal17) return { ok: false, problems };
  return {
    ok: true,
    values: {
      title: form.title.trim(),
      pasal17,
      otherLaw: pasal17 === 'j' ? form.otherLaw.trim() : '',
      harm: form.harm.trim(),
      publicInterest: form.publicInterest.trim(),
      periodText: form.periodText.trim(),
      periodEndsOn: ends || null,
      decidedBy: form.decidedBy.trim(),
      decidedOn: form.decidedOn.trim(),
    },
  };
}

/**
 * The DIK in force for an office: its own entries and those of every office above it (KPU RI sets
 * the DIK for all levels, DOMAIN.md §1), except those whose dated period has ended.
 */
export function dikInForce<T extends { officeId: number; status: string; periodEndsOn: string | null }>(entries: readonly T[], officeAndAncestors: readonly number[], today: string): T[] {
  return entries.filter((e) => officeAndAncestors.includes(e.officeId) && e.status === 'in_force' && (e.periodEndsOn === null || e.periodEndsOn >= today));
}

// ---------------------------------------------------------------------------------------------------
// Editions: establish (PPID) → submit → order (Secretary) or return → publish on the order

export const EDITION_STATUSES = ['draft', 'submitted', 'returned', 'ordered'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];
export const EDITION_STATUS_LABELS: Readonly<Record<EditionStatus, Text>> = {
  draft: text('Konsep penetapan', 'Draft'),
  submitted: text('Diajukan kepada Sekretaris', 'Submitted to the Secretary'),
  returned: text('Dikembalikan dengan catatan', 'Returned with comments'),
  ordered: text('Diperintahkan unggah; terbit di portal', 'Upload ordered; published'),
};

export const EDITION_ACTIONS = ['establish', 'submit', 'order', 'return'] as const;
export type EditionAction = (typeof EDITION_ACTIONS)[number];

export interface EditionTransition extends LifecycleStep<EditionStatus> {
  readonly to: EditionStatus;
}

export const EDITION_TRANSITIONS: Readonly<Record<EditionAction, EditionTransition>> = {
  // The PPID's decision (SK) fixes the list; a returned edition is established again after changes.
  establish: { from: ['draft', 'returned'], to: 'draft', roles: ['ppid'], refused: text('Edisi yang sudah diajukan atau terbit tidak dapat diubah; buat pemutakhiran baru.', 'An edition submitted or published cannot change; make a new update.') },
  submit: { from: ['draft'], to: 'submitted', roles: ['ppid'], refused: text('Hanya konsep yang dapat diajukan kepada Sekretaris.', 'Only a draft can be submitted to the Secretary.') },
  order: {
    from: ['submitted'],
    to: 'ordered',
    roles: ['atasan_ppid'],
    refused: text('DIP hanya terbit atas perintah Sekretaris terhadap edisi yang diajukan PPID.', "The DIP is published only on the Secretary's order for an edition the PPID submitted."),
  },
  return: { from: ['submitted'], to: 'returned', roles: ['atasan_ppid'], refused: text('Hanya edisi yang diajukan yang dapat dikembalikan.', 'Only a submitted edition can be returned.') },
};

export type EditionCheck = StepCheck<EditionStatus>;

export function checkEditionTransition(action: EditionAction, status: EditionStatus, roles: readonly string[]): EditionCheck {
  return checkStep(EDITION_TRANSITIONS[action], status, roles);
}

export function isEditionStatus(value: unknown): value is EditionStatus {
  return typeof value === 'string' && (EDITION_STATUSES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------------
// Snapshots and the difference between editions

/** What an edition keeps of an item: the public fields, as they were when it was established. */
export interface Snapshot extends ItemValues {
  readonly category: Category;
  readonly unit: string;
  readonly updateMonths: number | null;
  readonly files: readonly { readonly id: number; readonly name: string; readonly sha256: string }[];
}

export interface EditionDiff {
  readonly added: readonly number[];
  readonly withdrawn: readonly number[];
  /** Item id → the fields whose value changed. */
  readonly changed: ReadonlyMap<number, readonly (keyof Snapshot)[]>;
}

/** What changed from `before` (the previous published edition) to `after`, by item id. Pure. */
export function diffEditions(before: ReadonlyMap<number, Snapshot>, after: ReadonlyMap<number, Snapshot>): EditionDiff {
  const added: number[] = [];
  const withdrawn: number[] = [];
  const changed = new Map<number, (keyof Snapshot)[]>();
  for (const [id, snapshot] of after) {
    const old = before.get(id);
    if (!old) {
      added.push(id);
      continue;
    }
    const fields = (Object.keys(snapshot) as (keyof Snapshot)[]).filter((k) => JSON.stringify(snapshot[k]) !== JSON.stringify(old[k]));
    if (fields.length > 0) changed.set(id, fields);
  }
  for (const id of before.keys()) if (!after.has(id)) withdrawn.push(id);
  return { added: added.sort((a, b) => a - b), withdrawn: withdrawn.sort((a, b) => a - b), changed };
}

// ---------------------------------------------------------------------------------------------------
// Search

/**
 * The words of a search as PostgreSQL's websearch syntax reads them, minus anything that is not a
 * letter, digit, quote or minus: a query is never an error, whatever a visitor types.
 */
export function searchTerms(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}"\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}
