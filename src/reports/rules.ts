import { addDays, isIsoDay, workingDaysBetween, type OfficeCalendar } from '../calendar/rules.ts';
import { maskNik } from '../kernel/checker/personal.ts';
import { formatDay, formatMoment, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  CHANNEL_LABELS,
  CHANNELS,
  costTotal,
  isPaymentMethod,
  missingItems,
  missingText,
  NOTICE_OUTCOMES,
  OUTCOME_LABELS,
  OUTCOMES,
  PASAL17,
  PASAL17_LABELS,
  PAYMENT_LABELS,
  registerDecision,
  rupiah,
  STATUS_LABELS,
  STATUSES,
  type ApplicantType,
  type Channel,
  type MissingItem,
  type ObtainMethod,
  type Outcome,
  type Pasal17,
  type PaymentMethod,
  type Status,
} from '../requests/rules.ts';
import type { RequestRow } from '../requests/store.ts';

/**
 * The register of information service (SOP step 6), the PPID's daily supervision (step 7) and the
 * monthly report to the Secretary (step 8), as pure functions. Every figure is computed from register
 * rows, so a report always equals the register it summarises. No storage, no HTTP.
 */

// ---------------------------------------------------------------------------------------------------
// Days and periods

export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: `${month}-01`, to: addDays(next, -1) };
}

export function previousMonth(today: string): string {
  return addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
}

export function nextMonth(month: string): string {
  return addDays(monthBounds(month).to, 1).slice(0, 7);
}

/** "Oktober 2026" / "October 2026". */
export function monthLabel(lang: Lang, month: string): string {
  return formatDay(lang, `${month}-01`, false).replace(/^1 /, '');
}

export interface MonthPeriod {
  readonly month: string;
  readonly from: string;
  readonly to: string;
  /** The month is this month: its figures run to today, not to its end. */
  readonly inProgress: boolean;
}

export type MonthCheck = { readonly ok: true; readonly period: MonthPeriod } | { readonly ok: false; readonly problem: Text };

/** The report month from `?bulan=`; empty means the month before `today` (the month just closed). */
export function checkMonth(raw: string, today: string): MonthCheck {
  const value = raw.trim() || previousMonth(today);
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  const month = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12) {
    return { ok: false, problem: text('Tulis bulan dengan format TTTT-BB, misalnya 2026-10.', 'Write the month as YYYY-MM, for example 2026-10.') };
  }
  if (Number(match[1]) < 2000) return { ok: false, problem: text('Laporan tersedia untuk bulan sejak tahun 2000.', 'Reports exist for months from the year 2000.') };
  if (value > today.slice(0, 7)) {
    return {
      ok: false,
      problem: text(
        `${monthLabel('id', value)} belum tiba: laporan hanya dapat dibuat untuk bulan yang sudah berjalan atau sudah selesai.`,
        `${monthLabel('en', value)} has not come yet: a report can only be made for a month that has begun or ended.`,
      ),
    };
  }
  return { ok: true, period: { month: value, ...monthBounds(value), inProgress: value === today.slice(0, 7) } };
}

/** Supervision day from `?tanggal=`; empty means today. */
export function checkDay(raw: string, today: string): { ok: true; day: string } | { ok: false; problem: Text } {
  const value = raw.trim() || today;
  if (!isIsoDay(value) || value < '2000-01-01') return { ok: false, problem: text('Tulis tanggal dengan format TTTT-BB-HH, misalnya 2026-11-20.', 'Write the date as YYYY-MM-DD, for example 2026-11-20.') };
  if (value > today) return { ok: false, problem: text('Tanggal supervisi tidak boleh setelah hari ini.', 'The supervision date cannot be after today.') };
  return { ok: true, day: value };
}

// ---------------------------------------------------------------------------------------------------
// Register columns that are derived

export const REGISTER_DECISIONS = ['full', 'part', 'refused', 'none', 'pending'] as const;
export type RegisterDecision = (typeof REGISTER_DECISIONS)[number];
export const REGISTER_DECISION_LABELS: Readonly<Record<RegisterDecision, Text>> = {
  full: text('Diberikan seluruhnya', 'Given in full'),
  part: text('Diberikan sebagian', 'Given in part'),
  refused: text('Ditolak', 'Refused'),
  none: text('Tidak diberikan (tidak dikuasai / belum didokumentasikan)', 'Not given (not held / not yet documented)'),
  pending: text('Belum diputus', 'Not decided yet'),
};

/** The stored outcomes behind a register decision (null: not decided), read off registerDecision itself. */
export function outcomesOf(decision: RegisterDecision): (Outcome | null)[] {
  return [...OUTCOMES, null].filter((o) => registerDecision(o) === decision);
}

/** Register column "status": whether the body holds the information (DOMAIN.md §5). */
export const HELD = ['yes', 'no', 'not_documented', 'unknown'] as const;
export type Held = (typeof HELD)[number];
export const HELD_LABELS: Readonly<Record<Held, Text>> = {
  yes: text('Dikuasai', 'Held'),
  no: text('Tidak dikuasai', 'Not held'),
  not_documented: text('Belum didokumentasikan', 'Not yet documented'),
  unknown: text('Belum diketahui', 'Not known yet'),
};

export const FORM_LABELS: Readonly<Record<'soft' | 'hard' | 'both', Text>> = {
  soft: text('Softcopy', 'Soft copy'),
  hard: text('Hardcopy', 'Hard copy'),
  both: text('Softcopy dan hardcopy', 'Soft and hard copy'),
};

/** What a disposition to a unit says about who holds the information. */
export interface DispositionFacts {
  readonly target: string;
  readonly unitName: string | null;
  readonly status: string;
  readonly answer: string | null;
  readonly holder: string;
  readonly expectedOn: string | null;
}

/** The request columns the register reads. The NIK is read only to be masked here. */
export type RegisterSourceRequest = Pick<
  RequestRow,
  | 'id'
  | 'number'
  | 'receivedAt'
  | 'channel'
  | 'applicantType'
  | 'name'
  | 'proxyName'
  | 'address'
  | 'phone'
  | 'email'
  | 'occupation'
  | 'nik'
  | 'legalNumber'
  | 'information'
  | 'purpose'
  | 'obtainMethod'
  | 'status'
  | 'outcome'
  | 'decision'
  | 'decidedAt'
  | 'decidedBy'
  | 'deliveredAt'
  | 'paymentMethod'
  | 'missing'
  | 'createdBy'
  | 'extensionDeadlineId'
  | 'extensionReason'
>;

export interface RegisterSource {
  readonly request: RegisterSourceRequest;
  readonly dispositions: readonly DispositionFacts[];
  /** The first deadline (10 working days): its day zero is where working days are counted from. */
  readonly notice: { readonly due: string; readonly dayZero: string | null } | undefined;
  readonly extension: { readonly due: string } | undefined;
  /** The clock an overturning objection decision started; it runs instead of the others. */
  readonly reopened?: { readonly due: string } | undefined;
}

/** One line of the register: derived from a request, never typed in. */
export interface RegisterRow {
  readonly no: number;
  readonly id: number;
  readonly number: string;
  readonly receivedAt: Date;
  /** The day of receipt in the office's zone: the day the register and the reports file it under. */
  readonly receivedDay: string;
  readonly dayZero: string | null;
  readonly channel: Channel;
  readonly applicantType: ApplicantType;
  readonly name: string;
  readonly proxyName: string;
  readonly address: string;
  readonly phone: string;
  readonly email: string;
  readonly occupation: string;
  /** Masked with maskNik: the unmasked NIK never leaves the requests table through the register. */
  readonly nikMasked: string;
  readonly legalNumber: string;
  readonly information: string;
  readonly purpose: string;
  readonly status: Status;
  readonly held: Held;
  /** Who holds it: the other body when not held, the units that supplied it when held. */
  readonly holder: string;
  /** Not yet documented: when it will be. */
  readonly documentedBy: string;
  readonly form: 'soft' | 'hard' | 'both' | '';
  readonly obtainMethod: ObtainMethod;
  readonly outcome: Outcome | null;
  readonly decision: RegisterDecision;
  readonly refusalReason: Text | null;
  readonly decidedAt: Date | null;
  readonly decidedDay: string | null;
  readonly deliveredAt: Date | null;
  readonly deliveredDay: string | null;
  /** Rupiah; 0 when nothing is charged. */
  readonly cost: number;
  /** How the cost was paid, recorded at delivery; null when nothing was charged or not delivered yet. */
  readonly paymentMethod: PaymentMethod | null;
  /** Identity requirements the request was registered without and that are still missing. */
  readonly missing: readonly MissingItem[];
  readonly units: readonly string[];
  /** The due date now running: the extension's when there is one. */
  readonly due: string | null;
  readonly extended: boolean;
  readonly extensionReason: string;
  readonly createdBy: number | null;
  readonly decidedBy: number | null;
}

function field(record: Record<string, unknown>, key: string): string {
  const value = record[key];
  return typeof value === 'string' ? value : '';
}

function oneOf<T extends string>(values: readonly T[], value: unknown, fallback: T): T {
  return (values as readonly unknown[]).includes(value) ? (value as T) : fallback;
}

function costOf(decision: Record<string, unknown>): number {
  const costs = decision.costs as Record<string, unknown> | undefined;
  if (!costs || typeof costs !== 'object') return 0;
  const n = (key: string) => (typeof costs[key] === 'number' && Number.isFinite(costs[key]) ? (costs[key] as number) : 0);
  return costTotal({ perPage: n('perPage'), pages: n('pages'), delivery: n('delivery'), other: n('other') });
}

function pasalReason(pasal: Pasal17, otherLaw: string): Text {
  if (pasal === 'j') return text(`Pasal 17 huruf j UU 14/2008 jo. ${otherLaw || 'undang-undang lain'}`, `Article 17(j) of Law 14/2008 with ${otherLaw || 'another law'}`);
  const strip = (label: string) => label.replace(/^[a-j]\. /, '');
  return text(`Pasal 17 huruf ${pasal} UU 14/2008 (${strip(PASAL17_LABELS[pasal].id)})`, `Article 17(${pasal}) of Law 14/2008 (${strip(PASAL17_LABELS[pasal].en)})`);
}

/** Register column "refusal reason": the Pasal 17 letter (or other law), or the DIK entry the desk cited. */
export function refusalReason(outcome: Outcome | null, decision: Record<string, unknown>): Text | null {
  const pasal = (PASAL17 as readonly unknown[]).includes(decision.pasal17) ? (decision.pasal17 as Pasal17) : undefined;
  if (outcome === 'refused' && pasal) return pasalReason(pasal, field(decision, 'otherLaw'));
  if (outcome === 'exempt_explained') {
    const dik = field(decision, 'dikReference');
    const base = pasal ? pasalReason(pasal, '') : text('', '');
    const sep = pasal && dik ? '; ' : '';
    return text(`${base.id}${sep}${dik ? `DIK: ${dik}` : ''}`, `${base.en}${sep}${dik ? `DIK: ${dik}` : ''}`);
  }
  return null;
}

const unique = (values: readonly string[]) => [...new Set(values.filter(Boolean))];

/** Held or not, and by whom: the written notice when there is one, else what the units answered so far. */
function heldOf(outcome: Outcome | null, decision: Record<string, unknown>, dispositions: readonly DispositionFacts[]): { held: Held; holder: string; documentedBy: string } {
  const answered = dispositions.filter((d) => d.target === 'unit' && d.answer);
  const supplying = unique(answered.filter((d) => d.answer === 'provided').map((d) => d.unitName ?? ''));
  const elsewhere = unique(answered.filter((d) => d.answer === 'not_held').map((d) => d.holder));
  const expected = unique(answered.filter((d) => d.answer === 'not_documented').map((d) => d.expectedOn ?? ''));
  switch (outcome) {
    case 'not_held':
      return { held: 'no', holder: field(decision, 'holder') || elsewhere.join('; '), documentedBy: '' };
    case 'not_documented':
      return { held: 'not_documented', holder: '', documentedBy: field(decision, 'documentedBy') };
    case null:
      if (supplying.length > 0) return { held: 'yes', holder: supplying.join('; '), documentedBy: '' };
      if (expected.length > 0) return { held: 'not_documented', holder: '', documentedBy: expected.join('; ') };
      if (answered.length > 0 && answered.length === dispositions.filter((d) => d.target === 'unit').length) return { held: 'no', holder: elsewhere.join('; '), documentedBy: '' };
      return { held: 'unknown', holder: '', documentedBy: '' };
    default:
      return { held: 'yes', holder: supplying.join('; '), documentedBy: '' };
  }
}

/** The register row of one request, in the office's zone. */
export function registerRow(source: RegisterSource, no: number, timeZone: string): RegisterRow {
  const r = source.request;
  const outcome = oneOf<Outcome | 'none'>([...OUTCOMES, 'none'], r.outcome, 'none');
  const decided: Outcome | null = outcome === 'none' ? null : outcome;
  const decision = r.decision && typeof r.decision === 'object' ? (r.decision as Record<string, unknown>) : {};
  const held = heldOf(decided, decision, source.dispositions);
  const form = decision.form;
  return {
    no,
    id: r.id,
    number: r.number,
    receivedAt: r.receivedAt,
    receivedDay: localDay(r.receivedAt, timeZone),
    dayZero: source.notice?.dayZero ?? null,
    channel: oneOf(CHANNELS, r.channel, 'online'),
    applicantType: oneOf(APPLICANT_TYPES, r.applicantType, 'individual'),
    name: r.name,
    proxyName: r.proxyName,
    address: r.address,
    phone: r.phone,
    email: r.email,
    occupation: r.occupation,
    nikMasked: r.nik ? maskNik(r.nik) : '',
    legalNumber: r.legalNumber,
    information: r.information,
    purpose: r.purpose,
    status: oneOf(STATUSES, r.status, 'received'),
    ...held,
    form: form === 'soft' || form === 'hard' || form === 'both' ? form : '',
    obtainMethod: r.obtainMethod === 'view' ? 'view' : 'copy',
    outcome: decided,
    decision: registerDecision(decided),
    refusalReason: refusalReason(decided, decision),
    decidedAt: r.decidedAt,
    decidedDay: r.decidedAt ? localDay(r.decidedAt, timeZone) : null,
    deliveredAt: r.deliveredAt,
    deliveredDay: r.deliveredAt ? localDay(r.deliveredAt, timeZone) : null,
    cost: costOf(decision),
    paymentMethod: isPaymentMethod(r.paymentMethod) ? r.paymentMethod : null,
    missing: missingItems(r.missing),
    units: unique(source.dispositions.filter((d) => d.target === 'unit').map((d) => d.unitName ?? '')),
    due: source.reopened?.due ?? source.extension?.due ?? source.notice?.due ?? null,
    extended: r.extensionDeadlineId !== null,
    extensionReason: r.extensionReason ?? '',
    createdBy: r.createdBy,
    decidedBy: r.decidedBy,
  };
}

/** The calendar day of an instant in a zone (as src/offices/portal.tsx todayIn). */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

// ---------------------------------------------------------------------------------------------------
// Register filter

export interface RegisterFilter {
  /** Received on or after this day (office zone); '' = no lower bound. */
  readonly from: string;
  /** Received on or before this day; '' = no upper bound. */
  readonly to: string;
  readonly status: Status | '';
  readonly channel: Channel | '';
  readonly decision: RegisterDecision | '';
}

export const FILTER_KEYS = ['from', 'to', 'status', 'channel', 'decision'] as const;
export type RegisterFilterForm = Readonly<Record<(typeof FILTER_KEYS)[number], string>>;

export type FilterCheck = { readonly ok: true; readonly filter: RegisterFilter } | { readonly ok: false; readonly problems: Record<string, Text> };

/** The filter as the page first opens: this month's requests so far. */
export function defaultFilter(today: string): RegisterFilterForm {
  return { from: `${today.slice(0, 7)}-01`, to: today, status: '', channel: '', decision: '' };
}

export function checkRegisterFilter(form: RegisterFilterForm): FilterCheck {
  const problems: Record<string, Text> = {};
  const day = (key: 'from' | 'to') => {
    const value = form[key].trim();
    if (value && (!isIsoDay(value) || value < '2000-01-01' || value > '2099-12-31')) problems[key] = text('Tulis tanggal dengan format TTTT-BB-HH, antara tahun 2000 dan 2099.', 'Write the date as YYYY-MM-DD, between the years 2000 and 2099.');
    return value;
  };
  const from = day('from');
  const to = day('to');
  if (!problems.from && !problems.to && from && to && from > to) problems.to = text('Tanggal akhir tidak boleh sebelum tanggal awal.', 'The end date cannot be before the start date.');
  const pick = <T extends string>(key: 'status' | 'channel' | 'decision', values: readonly T[]): T | '' => {
    const value = form[key].trim();
    if (!value) return '';
    if ((values as readonly string[]).includes(value)) return value as T;
    problems[key] = text('Pilih salah satu pilihan yang tersedia.', 'Choose one of the options offered.');
    return '';
  };
  const status = pick('status', STATUSES);
  const channel = pick('channel', CHANNELS);
  const decision = pick('decision', REGISTER_DECISIONS);
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, filter: { from, to, status, channel, decision } };
}

/** The filter in words, as the PDF and the spreadsheet state it. */
export function describeFilter(filter: RegisterFilter, lang: Lang): string {
  const all = t(lang, text('semua', 'all'));
  const period =
    filter.from && filter.to
      ? `${formatDay(lang, filter.from, false)} – ${formatDay(lang, filter.to, false)}`
      : filter.from
        ? t(lang, text(`sejak ${formatDay('id', filter.from, false)}`, `from ${formatDay('en', filter.from, false)}`))
        : filter.to
          ? t(lang, text(`sampai ${formatDay('id', filter.to, false)}`, `until ${formatDay('en', filter.to, false)}`))
          : t(lang, text('semua tanggal', 'all dates'));
  return [
    `${t(lang, text('Tanggal diterima', 'Received'))}: ${period}`,
    `${t(lang, text('Tahap', 'Stage'))}: ${filter.status ? t(lang, STATUS_LABELS[filter.status]) : all}`,
    `${t(lang, text('Saluran', 'Channel'))}: ${filter.channel ? t(lang, CHANNEL_LABELS[filter.channel]) : all}`,
    `${t(lang, text('Keputusan', 'Decision'))}: ${filter.decision ? t(lang, REGISTER_DECISION_LABELS[filter.decision]) : all}`,
  ].join('; ');
}

/** The filter as a query string, for links to the exports and to other pages of the register. */
export function filterQuery(filter: RegisterFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) params.set(key, filter[key]);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

// ---------------------------------------------------------------------------------------------------
// Register cells: the same words on the page, in the spreadsheet and in the PDF

export const REGISTER_COLUMNS = [
  'no',
  'number',
  'received',
  'channel',
  'name',
  'applicantType',
  'address',
  'contact',
  'occupation',
  'nik',
  'missing',
  'information',
  'purpose',
  'held',
  'form',
  'type',
  'stage',
  'decision',
  'refusal',
  'noticeDate',
  'deliveryDate',
  'cost',
  'payment',
  'units',
  'due',
  'extension',
] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

export const COLUMN_LABELS: Readonly<Record<RegisterColumn, Text>> = {
  no: text('No.', 'No.'),
  number: text('Nomor pendaftaran', 'Registration number'),
  received: text('Tanggal diterima', 'Date received'),
  channel: text('Saluran', 'Channel'),
  name: text('Nama pemohon', "Applicant's name"),
  applicantType: text('Jenis pemohon', 'Applicant type'),
  address: text('Alamat', 'Address'),
  contact: text('Telepon / e-mail', 'Phone / e-mail'),
  occupation: text('Pekerjaan', 'Occupation'),
  nik: text('NIK (disamarkan) / nomor badan hukum', 'NIK (masked) / legal entity number'),
  missing: text('Kelengkapan belum ada', 'Documents still missing'),
  information: text('Informasi yang diminta', 'Information requested'),
  purpose: text('Tujuan penggunaan', 'Purpose'),
  held: text('Status informasi (dikuasai / oleh siapa)', 'Status (held / by whom)'),
  form: text('Bentuk informasi', 'Form held'),
  type: text('Jenis permohonan', 'Type of request'),
  stage: text('Tahap', 'Stage'),
  decision: text('Keputusan', 'Decision'),
  refusal: text('Alasan penolakan', 'Refusal reason'),
  noticeDate: text('Tanggal pemberitahuan tertulis', 'Date of written notice'),
  deliveryDate: text('Tanggal penyerahan', 'Date delivered'),
  cost: text('Biaya', 'Cost'),
  payment: text('Cara pembayaran', 'Payment method'),
  units: text('Unit pengolah', 'Handling unit'),
  due: text('Batas waktu', 'Deadline'),
  extension: text('Perpanjangan', 'Extension'),
};

export const NONE = '—';

/** Outcomes whose label says more than the register decision does (how, or why nothing was given). */
const SAYS_HOW: Readonly<Partial<Record<Outcome, true>>> = { handed_over: true, exempt_explained: true, not_held: true, not_documented: true };

/**
 * A register row as words. `dates: 'long'` reads as people write dates ("5 Oktober 2026"); 'iso' sorts
 * and filters in a spreadsheet ("2026-10-05").
 */
export function registerCells(row: RegisterRow, lang: Lang, timeZone: string, dates: 'long' | 'iso' = 'long'): Record<RegisterColumn, string> {
  const day = (d: string | null) => (d ? (dates === 'iso' ? d : formatDay(lang, d, false)) : NONE);
  const received = dates === 'iso' ? `${row.receivedDay} ${new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(row.receivedAt)}` : formatMoment(lang, row.receivedAt, timeZone);
  const heldWords = [t(lang, HELD_LABELS[row.held])];
  if (row.held === 'no' && row.holder) heldWords.push(t(lang, text(`dikuasai oleh ${row.holder}`, `held by ${row.holder}`)));
  if (row.held === 'yes' && row.holder) heldWords.push(row.holder);
  if (row.held === 'not_documented' && row.documentedBy) heldWords.push(t(lang, text(`didokumentasikan: ${row.documentedBy}`, `to be documented: ${row.documentedBy}`)));
  return {
    no: String(row.no),
    number: row.number,
    received,
    channel: t(lang, CHANNEL_LABELS[row.channel]),
    name: row.proxyName ? `${row.name} (${t(lang, text('kuasa', 'proxy'))}: ${row.proxyName})` : row.name,
    applicantType: t(lang, APPLICANT_TYPE_LABELS[row.applicantType]),
    address: row.address,
    contact: [row.phone, row.email].filter(Boolean).join(' / ') || NONE,
    occupation: row.occupation || NONE,
    nik: row.nikMasked || (row.legalNumber ? `${t(lang, text('Badan hukum', 'Legal entity'))}: ${row.legalNumber}` : NONE),
    missing: missingText(lang, row.missing) || NONE,
    information: row.information,
    purpose: row.purpose,
    held: heldWords.join(' — '),
    form: row.form ? t(lang, FORM_LABELS[row.form]) : NONE,
    type: t(lang, row.obtainMethod === 'view' ? text('Melihat / mengetahui', 'To see / know') : text('Salinan', 'Copy')),
    stage: t(lang, STATUS_LABELS[row.status]),
    decision: row.outcome && SAYS_HOW[row.outcome] ? `${t(lang, REGISTER_DECISION_LABELS[row.decision])} (${t(lang, OUTCOME_LABELS[row.outcome]).toLowerCase()})` : t(lang, REGISTER_DECISION_LABELS[row.decision]),
    refusal: row.refusalReason ? t(lang, row.refusalReason) : NONE,
    noticeDate: day(row.decidedDay),
    deliveryDate: day(row.deliveredDay),
    cost: row.cost > 0 ? rupiah(row.cost) : NONE,
    payment: row.cost === 0 ? NONE : row.paymentMethod ? t(lang, PAYMENT_LABELS[row.paymentMethod]) : t(lang, text('Belum dicatat', 'Not recorded yet')),
    units: row.units.length > 0 ? row.units.join('; ') : NONE,
    due: day(row.due),
    extension: row.extended ? `${t(lang, text('Ya', 'Yes'))}: ${row.extensionReason}` : t(lang, text('Tidak', 'No')),
  };
}

// ---------------------------------------------------------------------------------------------------
// Daily supervision (SOP step 7)

export interface SupervisionFigures {
  readonly day: string;
  /** Received on the day. */
  readonly intake: RegisterRow[];
  /** Written notice issued, or closed by a desk quick path, on the day. */
  readonly answered: RegisterRow[];
  /** Not answered by the end of the day and due on it or within the next 2 working days. */
  readonly dueSoon: RegisterRow[];
  /** Not answered by the end of the day, and the due date has passed. */
  readonly overdue: RegisterRow[];
}

/** Working days ahead within which a due date counts as "due soon". */
export const DUE_SOON_WORKING_DAYS = 2;

/** A request is open at the end of `day` when it was received by then and not answered by then. */
export function openAt(row: RegisterRow, day: string): boolean {
  return row.receivedDay <= day && (row.decidedDay === null || row.decidedDay > day);
}

export function supervisionFigures(rows: readonly RegisterRow[], day: string, calendar: OfficeCalendar): SupervisionFigures {
  const open = rows.filter((r) => openAt(r, day) && r.due !== null);
  return {
    day,
    intake: rows.filter((r) => r.receivedDay === day),
    answered: rows.filter((r) => r.decidedDay === day),
    dueSoon: open.filter((r) => r.due! >= day && workingDaysBetween(day, r.due!, calendar) <= DUE_SOON_WORKING_DAYS).sort(byDue),
    overdue: open.filter((r) => r.due! < day).sort(byDue),
  };
}

const byDue = (a: RegisterRow, b: RegisterRow) => (a.due ?? '').localeCompare(b.due ?? '') || a.no - b.no;

/** An audit event of a desk step, with the minutes it took as recorded by the service. */
export interface DeskEvent {
  readonly requestId: number;
  readonly action: string;
  readonly actorId: number | null;
  readonly minutes: number | null;
  readonly sopMinutes: number | null;
}

export const QUICK_PATH_ACTIONS = ['request.handed_over', 'request.exempt_explained'] as const;

/** The desk steps the supervision view times, by their audit action. */
export const STEP_NAMES: Readonly<Record<string, Text>> = {
  'request.received': text('pencatatan', 'intake'),
  'request.handed_over': text('diserahkan langsung', 'handed over'),
  'request.exempt_explained': text('dijelaskan dikecualikan', 'explained as exempt'),
};

export interface TimedStep {
  readonly requestId: number;
  readonly number: string;
  readonly action: string;
  readonly minutes: number | null;
  readonly sopMinutes: number | null;
}

export interface OfficerLine {
  /** null: requests that came through the portal, entered by nobody. */
  readonly staffId: number | null;
  readonly intake: number;
  readonly intakeSteps: TimedStep[];
  readonly notices: number;
  readonly quickPaths: TimedStep[];
}

/** Over the SOP's standard time: a step with no recorded time is not counted as over. */
export function overSop(step: TimedStep): boolean {
  return step.minutes !== null && step.sopMinutes !== null && step.minutes > step.sopMinutes;
}

/**
 * The day's work per officer: requests entered (by who created them), written notices (by who decided
 * them) and quick paths (by who took the step, from its audit event) with their times against the SOP.
 */
export function officerLines(figures: SupervisionFigures, events: readonly DeskEvent[]): OfficerLine[] {
  const lines = new Map<number | null, { intake: number; intakeSteps: TimedStep[]; notices: number; quickPaths: TimedStep[] }>();
  const line = (id: number | null) => {
    let l = lines.get(id);
    if (!l) lines.set(id, (l = { intake: 0, intakeSteps: [], notices: 0, quickPaths: [] }));
    return l;
  };
  const intakeIds = new Map(figures.intake.map((r) => [r.id, r]));
  const answeredIds = new Map(figures.answered.map((r) => [r.id, r]));
  for (const r of figures.intake) line(r.createdBy).intake++;
  for (const r of figures.answered) if (r.outcome && (NOTICE_OUTCOMES as readonly string[]).includes(r.outcome)) line(r.decidedBy).notices++;
  for (const e of events) {
    const intake = intakeIds.get(e.requestId);
    if (e.action === 'request.received' && intake && intake.createdBy !== null && e.minutes !== null) {
      line(intake.createdBy).intakeSteps.push({ requestId: e.requestId, number: intake.number, action: e.action, minutes: e.minutes, sopMinutes: e.sopMinutes });
    }
    const answered = answeredIds.get(e.requestId);
    if ((QUICK_PATH_ACTIONS as readonly string[]).includes(e.action) && answered) {
      line(e.actorId).quickPaths.push({ requestId: e.requestId, number: answered.number, action: e.action, minutes: e.minutes, sopMinutes: e.sopMinutes });
    }
  }
  return [...lines.entries()]
    .map(([staffId, l]) => ({ staffId, ...l }))
    .sort((a, b) => (a.staffId === null ? 1 : b.staffId === null ? -1 : a.staffId - b.staffId));
}

// ---------------------------------------------------------------------------------------------------
// Monthly report (SOP step 8)

export interface MonthlyFigures {
  readonly received: number;
  readonly byChannel: Readonly<Record<Channel, number>>;
  readonly byApplicantType: Readonly<Record<ApplicantType, number>>;
  readonly byDecision: Readonly<Record<RegisterDecision, number>>;
  readonly byOutcome: Readonly<Record<Outcome, number>>;
  readonly decided: number;
  /** Decided on or before the due date (the decision's local day against the due date then running). */
  readonly onTime: number;
  readonly late: number;
  /** Not decided yet and already past the due date as of `asOf`. */
  readonly openOverdue: number;
  /** Working days from day zero to the written notice (or the quick path), decided requests only. */
  readonly workingDays: { readonly count: number; readonly median: number | null; readonly mean: number | null };
  readonly extended: number;
  /** Not decided by the end of the month (or by today, for the month in progress). */
  readonly openAtEnd: number;
  readonly asOf: string;
}

function tally<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) out[v]++;
  return out;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Working days from day zero (or the day of receipt) to the decision; a same-day answer is 0. */
export function workingDaysToDecision(row: RegisterRow, calendar: OfficeCalendar): number | null {
  if (!row.decidedDay) return null;
  return Math.max(0, workingDaysBetween(row.dayZero ?? row.receivedDay, row.decidedDay, calendar));
}

/**
 * The month's figures from its register rows: the rows received in the month, as the register shows
 * them now. `monthEnd` is the month's last day; `today` bounds it for the month in progress.
 */
export function monthlyFigures(rows: readonly RegisterRow[], monthEnd: string, today: string, calendar: OfficeCalendar): MonthlyFigures {
  const asOf = monthEnd < today ? monthEnd : today;
  const decided = rows.filter((r) => r.decidedDay !== null);
  const days = decided.map((r) => workingDaysToDecision(r, calendar)!);
  return {
    received: rows.length,
    byChannel: tally(CHANNELS, rows.map((r) => r.channel)),
    byApplicantType: tally(APPLICANT_TYPES, rows.map((r) => r.applicantType)),
    byDecision: tally(REGISTER_DECISIONS, rows.map((r) => r.decision)),
    byOutcome: tally(OUTCOMES, decided.map((r) => r.outcome).filter((o): o is Outcome => o !== null)),
    decided: decided.length,
    onTime: decided.filter((r) => r.due === null || r.decidedDay! <= r.due).length,
    late: decided.filter((r) => r.due !== null && r.decidedDay! > r.due).length,
    openOverdue: rows.filter((r) => r.decidedDay === null && r.due !== null && r.due < today).length,
    workingDays: { count: days.length, median: median(days), mean: days.length ? days.reduce((a, b) => a + b, 0) / days.length : null },
    extended: rows.filter((r) => r.extended).length,
    openAtEnd: rows.filter((r) => r.decidedDay === null || r.decidedDay > asOf).length,
    asOf,
  };
}

/** "2,5" / "2.5": one decimal, in the reader's convention. */
export function decimal(lang: Lang, value: number | null): string {
  if (value === null) return NONE;
  return value.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 });
}

// ---------------------------------------------------------------------------------------------------
// Chart geometry (horizontal bars; the page draws it as SVG, the PDF as an SVG node)

export interface ChartBar {
  readonly label: string;
  readonly value: number;
}

export interface ChartRow extends ChartBar {
  readonly y: number;
  readonly textY: number;
  readonly barX: number;
  readonly barWidth: number;
  readonly barHeight: number;
  readonly valueX: number;
}

export interface ChartGeometry {
  readonly width: number;
  readonly height: number;
  readonly labelWidth: number;
  readonly rows: readonly ChartRow[];
}

export const CHART = { width: 460, labelWidth: 190, rowHeight: 24, barHeight: 14, valueSpace: 40 } as const;

/** Bars scaled to the largest value; a zero is drawn as no bar, so only its number says it. */
export function barChart(bars: readonly ChartBar[], options: Partial<Record<keyof typeof CHART, number>> = {}): ChartGeometry {
  const o = { ...CHART, ...options };
  const max = Math.max(0, ...bars.map((b) => b.value));
  const plot = o.width - o.labelWidth - o.valueSpace;
  const rows = bars.map((b, i): ChartRow => {
    const y = i * o.rowHeight;
    const barWidth = max > 0 ? Math.round((b.value / max) * plot) : 0;
    return {
      ...b,
      y: y + (o.rowHeight - o.barHeight) / 2,
      textY: y + o.rowHeight / 2 + 4,
      barX: o.labelWidth,
      barWidth,
      barHeight: o.barHeight,
      valueX: o.labelWidth + barWidth + 6,
    };
  });
  return { width: o.width, height: Math.max(o.rowHeight, bars.length * o.rowHeight), labelWidth: o.labelWidth, rows };
}

/** The two charts of the monthly report: requests by channel, and how they were decided. */
export function monthlyCharts(figures: MonthlyFigures, lang: Lang): { id: string; title: Text; geometry: ChartGeometry }[] {
  return [
    {
      id: 'chart-channel',
      title: text('Permohonan diterima menurut saluran', 'Requests received by channel'),
      geometry: barChart(CHANNELS.map((c) => ({ label: t(lang, CHANNEL_LABELS[c]), value: figures.byChannel[c] }))),
    },
    {
      id: 'chart-decision',
      title: text('Keputusan atas permohonan bulan ini', "Decisions on the month's requests"),
      geometry: barChart(REGISTER_DECISIONS.map((d) => ({ label: t(lang, SHORT_DECISION_LABELS[d]), value: figures.byDecision[d] }))),
    },
  ];
}

/** Shorter decision labels that fit beside a bar. */
export const SHORT_DECISION_LABELS: Readonly<Record<RegisterDecision, Text>> = {
  full: text('Diberikan seluruhnya', 'Given in full'),
  part: text('Diberikan sebagian', 'Given in part'),
  refused: text('Ditolak', 'Refused'),
  none: text('Tidak diberikan', 'Not given'),
  pending: text('Belum diputus', 'Not decided yet'),
};

/** One figure of the report: a count or a number of working days, and the register filter that lists it. */
export interface FigureLine {
  readonly label: Text;
  readonly value: number | null;
  readonly unit: 'requests' | 'working_days';
  /** The register rows behind a count, as a filter on the month's register. */
  readonly filter?: Partial<RegisterFilterForm>;
}

export interface FigureSection {
  readonly id: string;
  readonly title: Text;
  readonly lines: readonly FigureLine[];
}

/** The report's tables, in the order the page, the PDF and the spreadsheet show them. */
export function monthlySections(f: MonthlyFigures): FigureSection[] {
  const count = (label: Text, value: number, filter?: Partial<RegisterFilterForm>): FigureLine => ({ label, value, unit: 'requests', ...(filter ? { filter } : {}) });
  return [
    {
      id: 'received',
      title: text('Permohonan diterima menurut saluran', 'Requests received by channel'),
      lines: [...CHANNELS.map((c) => count(CHANNEL_LABELS[c], f.byChannel[c], { channel: c })), count(text('Jumlah', 'Total'), f.received, {})],
    },
    {
      id: 'applicants',
      title: text('Permohonan menurut jenis pemohon', 'Requests by type of applicant'),
      lines: APPLICANT_TYPES.map((a) => count(APPLICANT_TYPE_LABELS[a], f.byApplicantType[a])),
    },
    {
      id: 'decisions',
      title: text('Keputusan (seperti kolom keputusan register)', 'Decisions (as in the register’s decision column)'),
      lines: REGISTER_DECISIONS.map((d) => count(REGISTER_DECISION_LABELS[d], f.byDecision[d], { decision: d })),
    },
    {
      id: 'outcomes',
      title: text('Rincian penyelesaian', 'How the decided requests ended'),
      lines: OUTCOMES.map((o) => count(OUTCOME_LABELS[o], f.byOutcome[o])),
    },
    {
      id: 'timeliness',
      title: text('Ketepatan waktu', 'Timeliness'),
      lines: [
        count(text('Sudah diputus', 'Decided'), f.decided),
        count(text('Diputus tepat waktu (pada atau sebelum batas waktu)', 'Decided on time (on or before the deadline)'), f.onTime),
        count(text('Diputus terlambat', 'Decided late'), f.late),
        count(text('Belum diputus dan sudah lewat batas waktu', 'Not decided and past the deadline'), f.openOverdue),
        { label: text('Median hari kerja sampai pemberitahuan', 'Median working days to the notice'), value: f.workingDays.median, unit: 'working_days' },
        { label: text('Rata-rata hari kerja sampai pemberitahuan', 'Mean working days to the notice'), value: f.workingDays.mean, unit: 'working_days' },
        count(text('Diperpanjang (7 hari kerja)', 'Extended (7 working days)'), f.extended),
        count(text(`Masih terbuka pada ${formatDay('id', f.asOf, false)}`, `Still open on ${formatDay('en', f.asOf, false)}`), f.openAtEnd),
      ],
    },
  ];
}

/** A figure as words: counts as they are, working days with one decimal. */
export function figureValue(lang: Lang, line: FigureLine): string {
  return line.unit === 'requests' ? String(line.value ?? 0) : decimal(lang, line.value);
}
