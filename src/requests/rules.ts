import type { Category } from '../dip/rules.ts';
import { isNikLike, normalisePhone } from '../kernel/checker/personal.ts';
import { t, text, type Lang, type Text } from '../kernel/i18n.ts';
import { unprintableCharacter } from '../letters/charset.ts';
import { checkStep, type LifecycleStep, type StepCheck } from '../kernel/lifecycle.ts';

/**
 * The request lifecycle (SOP 004, DOMAIN.md §5) as data: the values a request takes, what each step
 * may follow, who may take it, and what a person is told when it is refused. Pure: no storage, no HTTP.
 */

export const CHANNELS = ['online', 'walk_in', 'letter', 'email', 'phone', 'fax'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Readonly<Record<Channel, Text>> = {
  online: text('Daring (portal)', 'Online (portal)'),
  walk_in: text('Datang langsung', 'Walk-in'),
  letter: text('Surat', 'Letter'),
  email: text('E-mail', 'E-mail'),
  phone: text('Telepon', 'Phone'),
  fax: text('Faksimili', 'Fax'),
};
/** Channels the desk enters on the applicant's behalf (SOP step 1: "formulir diisi staf"). */
export const DESK_CHANNELS: readonly Channel[] = ['walk_in', 'letter', 'email', 'phone', 'fax'];

export const APPLICANT_TYPES = ['individual', 'group', 'legal_entity'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];
export const APPLICANT_TYPE_LABELS: Readonly<Record<ApplicantType, Text>> = {
  individual: text('Perorangan', 'Individual'),
  group: text('Kelompok orang', 'Group of people'),
  legal_entity: text('Badan hukum', 'Legal entity'),
};

export const OBTAIN_METHODS = ['view', 'copy'] as const;
export type ObtainMethod = (typeof OBTAIN_METHODS)[number];
export const OBTAIN_LABELS: Readonly<Record<ObtainMethod, Text>> = {
  view: text('Melihat / membaca / mendengarkan / mencatat', 'See / read / listen / take notes'),
  copy: text('Mendapatkan salinan (softcopy/hardcopy)', 'Get a copy (soft or hard)'),
};

export const DELIVERY_METHODS = ['collect', 'post', 'fax', 'email'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_LABELS: Readonly<Record<DeliveryMethod, Text>> = {
  collect: text('Mengambil langsung', 'Collect in person'),
  post: text('Pos / kurir', 'Post / courier'),
  fax: text('Faksimili', 'Fax'),
  email: text('E-mail', 'E-mail'),
};

/** Files an applicant or the desk attaches at intake. Identity files are private: never released. */
export const INTAKE_FILE_ROLES = ['identity', 'proxy_letter', 'member_ids', 'legal_deed', 'scanned_letter'] as const;
export type IntakeFileRole = (typeof INTAKE_FILE_ROLES)[number];
export const FILE_ROLE_LABELS: Readonly<Record<IntakeFileRole | 'answer', Text>> = {
  identity: text('KTP / kartu identitas', 'Identity card (KTP)'),
  proxy_letter: text('Surat kuasa', 'Power of attorney'),
  member_ids: text('KTP anggota kelompok', "Group members' identity cards"),
  legal_deed: text('Akta notaris / SK pengesahan badan hukum', "Legal entity's deed or SK pengesahan"),
  scanned_letter: text('Pindaian surat / e-mail permohonan', 'Scan of the request letter or e-mail'),
  answer: text('Berkas jawaban', 'Answer file'),
};

export const STATUSES = ['received', 'escalated', 'decided', 'closed'] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_LABELS: Readonly<Record<Status, Text>> = {
  received: text('Diterima', 'Received'),
  escalated: text('Diproses PPID', 'With the PPID'),
  decided: text('Pemberitahuan tertulis terbit', 'Written notice issued'),
  closed: text('Selesai', 'Closed'),
};

/**
 * How a request ended. The first two are the desk's quick paths (SOP steps 2–3); the rest are the
 * decisions of a written notice (DOMAIN.md §5).
 */
export const OUTCOMES = ['handed_over', 'exempt_explained', 'granted_full', 'granted_part', 'refused', 'not_held', 'not_documented'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Readonly<Record<Outcome, Text>> = {
  handed_over: text('Diberikan langsung di desk', 'Handed over at the desk'),
  exempt_explained: text('Dijelaskan sebagai informasi dikecualikan', 'Explained as exempt information'),
  granted_full: text('Dikabulkan seluruhnya', 'Granted in full'),
  granted_part: text('Dikabulkan sebagian', 'Granted in part'),
  refused: text('Ditolak', 'Refused'),
  not_held: text('Informasi tidak dikuasai', 'Information not held'),
  not_documented: text('Informasi belum didokumentasikan', 'Information not yet documented'),
};
export const NOTICE_OUTCOMES = ['granted_full', 'granted_part', 'refused', 'not_held', 'not_documented'] as const;
export type NoticeOutcome = (typeof NOTICE_OUTCOMES)[number];

/** Register column "decision": full, part, refused; the other outcomes say why nothing was given. */
export function registerDecision(outcome: Outcome | null): 'full' | 'part' | 'refused' | 'none' | 'pending' {
  if (outcome === null) return 'pending';
  if (outcome === 'handed_over' || outcome === 'granted_full') return 'full';
  if (outcome === 'granted_part') return 'part';
  if (outcome === 'refused' || outcome === 'exempt_explained') return 'refused';
  return 'none';
}

/** Pasal 17 UU KIP, letters a–j (DOMAIN.md §3). */
export const PASAL17 = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const;
export type Pasal17 = (typeof PASAL17)[number];
export const PASAL17_LABELS: Readonly<Record<Pasal17, Text>> = {
  a: text('a. menghambat proses penegakan hukum', 'a. obstructs law enforcement'),
  b: text('b. mengganggu hak kekayaan intelektual / persaingan usaha', 'b. intellectual property / fair competition'),
  c: text('c. membahayakan pertahanan dan keamanan negara', 'c. defence and security'),
  d: text('d. mengungkap kekayaan alam Indonesia', "d. reveals Indonesia's natural wealth"),
  e: text('e. merugikan ketahanan ekonomi nasional', 'e. national economic resilience'),
  f: text('f. merugikan kepentingan hubungan luar negeri', 'f. foreign relations'),
  g: text('g. isi akta otentik yang bersifat pribadi / wasiat', 'g. private authentic deeds and wills'),
  h: text('h. mengungkap rahasia pribadi', 'h. personal secrets'),
  i: text('i. memorandum yang menurut sifatnya dirahasiakan', 'i. confidential memoranda'),
  j: text('j. dikecualikan berdasarkan undang-undang lain', 'j. exempt under another law'),
};

/** SOP 004's standard times (Mutu Baku, "Waktu") for the desk's steps, in minutes. */
export const SOP_MINUTES = { intake: 10, hand_over: 15, exempt_explained: 5 } as const;

// ---------------------------------------------------------------------------------------------------
// Transitions

export const ACTIONS = ['hand_over', 'explain_exempt', 'escalate', 'complete', 'dispose', 'answer_disposition', 'extend', 'decide', 'deliver', 'reopen'] as const;
export type Action = (typeof ACTIONS)[number];

export interface Transition extends LifecycleStep<Status> {
  readonly action: Action;
  /** Only for requests that came by these channels; every channel when absent. */
  readonly channels?: readonly Channel[];
}

const OPEN: readonly Status[] = ['received', 'escalated'];
const notOpen = text('Permohonan ini sudah diputus; langkah ini tidak dapat dilakukan lagi.', 'This request has been decided; this step can no longer be taken.');

export const TRANSITIONS: Readonly<Record<Action, Transition>> = {
  hand_over: {
    action: 'hand_over',
    from: ['received'],
    to: 'closed',
    roles: ['desk_officer', 'ppid'],
    refused: text('Penyerahan langsung hanya untuk permohonan yang baru diterima di desk.', 'Handing over at the desk is only for a request just received.'),
    // SOP steps 2–3 happen with the applicant at the desk; a request by post or online is answered in writing.
    channels: ['walk_in'],
  },
  explain_exempt: {
    action: 'explain_exempt',
    from: ['received'],
    to: 'closed',
    roles: ['desk_officer', 'ppid'],
    refused: text('Penjelasan di desk hanya untuk permohonan yang baru diterima; setelah diteruskan, PPID memutus dengan pemberitahuan tertulis.', 'The desk explains only a request just received; once escalated, the PPID decides by written notice.'),
    channels: ['walk_in'],
  },
  escalate: {
    action: 'escalate',
    from: ['received'],
    to: 'escalated',
    roles: ['desk_officer', 'ppid'],
    refused: text('Permohonan ini sudah diteruskan ke PPID atau sudah diputus.', 'This request was already escalated to the PPID or decided.'),
  },
  complete: {
    action: 'complete',
    from: OPEN,
    // Completing documents never touches the status or the clock: the law has no pause (DOMAIN.md §5).
    to: undefined,
    roles: ['desk_officer', 'ppid'],
    refused: text('Kelengkapan hanya dapat dicatat selama permohonan belum diputus.', 'Missing documents can be recorded only while the request is not yet decided.'),
  },
  dispose: {
    action: 'dispose',
    from: OPEN,
    to: 'escalated',
    roles: ['ppid'],
    refused: notOpen,
  },
  answer_disposition: {
    action: 'answer_disposition',
    from: OPEN,
    to: undefined,
    roles: ['information_provider', 'ppid'],
    refused: notOpen,
  },
  extend: {
    action: 'extend',
    from: OPEN,
    to: undefined,
    roles: ['ppid'],
    refused: text('Perpanjangan hanya untuk permohonan yang belum diputus.', 'Only a request not yet decided can be extended.'),
  },
  decide: {
    action: 'decide',
    from: OPEN,
    to: 'decided',
    roles: ['ppid'],
    refused: text('Pemberitahuan tertulis sudah terbit untuk permohonan ini.', 'A written notice was already issued for this request.'),
  },
  deliver: {
    action: 'deliver',
    from: ['decided'],
    to: 'closed',
    roles: ['desk_officer', 'ppid'],
    refused: text('Hanya permohonan yang pemberitahuan tertulisnya sudah terbit dan belum diserahkan yang dapat diserahkan.', 'Only a request with a written notice not yet delivered can be delivered.'),
  },
  // Taken only by the Atasan PPID's decision on an objection (src/objections/service.ts), never as a button.
  reopen: {
    action: 'reopen',
    from: ['received', 'escalated', 'decided', 'closed'],
    to: 'escalated',
    roles: ['atasan_ppid'],
    refused: text('Permohonan ini tidak dapat dibuka kembali.', 'This request cannot be reopened.'),
  },
};

export type TransitionCheck = StepCheck<Status>;

/** How a reopened request's clock is told (src/calendar/rules.ts explainDeadline's `startedBy`). */
export const REOPEN_STARTED_BY = text('Putusan keberatan yang membuka kembali permohonan ini diberikan', 'The objection decision that reopened this request was given');

/** Whether `roles` may take `action` on a request in `status` that came by `channel`: the one place that says so. */
export function checkTransition(action: Action, status: Status, roles: readonly string[], channel: string): TransitionCheck {
  const transition = TRANSITIONS[action];
  const check = checkStep(transition, status, roles);
  if (!check.ok) return check;
  if (transition.channels && !(transition.channels as readonly string[]).includes(channel)) {
    return {
      ok: false,
      status: 409,
      reason: text(
        'Jalur cepat desk hanya untuk pemohon yang datang langsung; permohonan lewat saluran lain dijawab dengan pemberitahuan tertulis.',
        'The desk quick paths are for applicants at the desk; a request by another channel is answered with a written notice.',
      ),
    };
  }
  return check;
}

/** The actions a person with `roles` can take now, for the buttons a page shows; completing only while something is missing. */
export function availableActions(status: Status, roles: readonly string[], channel: string, missing: readonly string[] = []): Action[] {
  return ACTIONS.filter((a) => a !== 'reopen' && (a !== 'complete' || missing.length > 0) && checkTransition(a, status, roles, channel).ok);
}

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------------
// Intake

export interface IntakeValues {
  readonly channel: Channel;
  readonly applicantType: ApplicantType;
  readonly name: string;
  readonly nik: string;
  readonly legalNumber: string;
  readonly address: string;
  readonly phone: string;
  readonly email: string;
  readonly occupation: string;
  readonly proxyName: string;
  readonly information: string;
  readonly purpose: string;
  readonly obtainMethod: ObtainMethod;
  readonly deliveryMethod: DeliveryMethod;
}

/** What the intake form posts, before checking: strings as typed. */
export type IntakeForm = Readonly<Record<keyof IntakeValues | 'consent', string>>;

const LIMITS = { name: 200, address: 500, occupation: 120, legalNumber: 120, proxyName: 200, information: 4000, purpose: 2000, email: 254, phone: 40 } as const;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

function oneOf<T extends string>(values: readonly T[], value: string): T | undefined {
  return (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function tooLong(field: keyof typeof LIMITS): Text {
  return text(`Paling panjang ${LIMITS[field]} karakter.`, `At most ${LIMITS[field]} characters.`);
}

/** Text that goes on a letter and holds a character the letters' fonts cannot print: what to tell the person. */
export function unprintableProblem(value: string): Text | undefined {
  const character = unprintableCharacter(value);
  return character
    ? text(`Karakter "${character}" tidak dapat dicetak pada surat resmi; tulis dengan huruf Latin.`, `The character "${character}" cannot be printed on official letters; write it in Latin letters.`)
    : undefined;
}

/** A NIK typed with spaces or dots between digits, as people do, reduced to its 16 digits. */
export function normaliseNik(raw: string): string {
  return raw.replace(/[\s.\u00a0-]/g, '');
}

/**
 * Identity requirements the desk may register a request without (DOMAIN.md §5: an incomplete request is
 * not refused). Each key is also the intake form's field for it, and is stored in requests.missing.
 */
export const MISSING_ITEMS = ['nik', 'legalNumber', 'legal_deed', 'proxy_letter', 'member_ids'] as const;
export type MissingItem = (typeof MISSING_ITEMS)[number];
export const MISSING_LABELS: Readonly<Record<MissingItem, Text>> = {
  nik: text('NIK (16 angka pada KTP)', 'NIK (16 digits on the identity card)'),
  legalNumber: text('Nomor akta notaris / SK pengesahan badan hukum', "The legal entity's deed or SK pengesahan number"),
  legal_deed: FILE_ROLE_LABELS.legal_deed,
  proxy_letter: FILE_ROLE_LABELS.proxy_letter,
  member_ids: FILE_ROLE_LABELS.member_ids,
};
/** The items that are files, completed by uploading them. */
export const MISSING_FILE_ROLES: readonly (MissingItem & IntakeFileRole)[] = ['legal_deed', 'proxy_letter', 'member_ids'];

export function isMissingItem(value: unknown): value is MissingItem {
  return typeof value === 'string' && (MISSING_ITEMS as readonly string[]).includes(value);
}

/** What a stored list says is missing, in the order of MISSING_ITEMS, unknown keys dropped. */
export function missingItems(stored: readonly unknown[]): MissingItem[] {
  return MISSING_ITEMS.filter((item) => stored.includes(item));
}

/** "NIK (16 angka pada KTP); Surat kuasa": what is missing, in words. */
export function missingText(lang: Lang, stored: readonly unknown[]): string {
  return missingItems(stored)
    .map((item) => t(lang, MISSING_LABELS[item]))
    .join('; ');
}

/** What is wrong with a NIK that was typed (normalised first), or undefined when it reads as a NIK. */
export function nikProblem(nik: string): Text | undefined {
  if (!/^\d{16}$/.test(nik)) return text('NIK terdiri atas 16 angka.', 'A NIK has 16 digits.');
  if (!isNikLike(nik)) return text('NIK ini tidak sesuai susunan NIK (kode wilayah dan tanggal lahir); periksa kembali.', 'This NIK does not have the structure of a NIK (region code and birth date); please check it.');
  return undefined;
}

export type IntakeCheck =
  | { readonly ok: true; readonly values: IntakeValues; readonly missing: readonly MissingItem[] }
  | { readonly ok: false; readonly problems: Record<string, Text> };

export interface IntakeOptions {
  /**
   * Desk intake only: requirements that are merely absent (no NIK, no deed, no power of attorney) are
   * listed as missing instead of refused. Values that are present but wrong are refused all the same.
   */
  readonly allowMissing?: boolean;
}

/**
 * Checks an intake form (portal or desk) and returns the values to store and what is still missing, or
 * a message per field. Remote channels are typed by staff from a letter or call, so consent is asked
 * only online, where the applicant reads the personal-data notice themselves. The portal is always
 * strict: an applicant online can attach what is asked there and then.
 */
export function checkIntake(form: IntakeForm, files: Readonly<Partial<Record<IntakeFileRole, number>>>, options: IntakeOptions = {}): IntakeCheck {
  const problems: Record<string, Text> = {};
  const missing: MissingItem[] = [];
  const channel = oneOf(CHANNELS, form.channel);
  if (!channel) problems.channel = text('Pilih saluran permohonan.', 'Choose the channel the request came by.');
  const applicantType = oneOf(APPLICANT_TYPES, form.applicantType);
  if (!applicantType) problems.applicantType = text('Pilih jenis pemohon.', 'Choose the type of applicant.');
  const obtainMethod = oneOf(OBTAIN_METHODS, form.obtainMethod);
  if (!obtainMethod) problems.obtainMethod = text('Pilih cara memperoleh informasi.', 'Choose how to obtain the information.');
  const deliveryMethod = oneOf(DELIVERY_METHODS, form.deliveryMethod);
  if (!deliveryMethod) problems.deliveryMethod = text('Pilih cara mendapatkan salinan.', 'Choose how to receive it.');

  const required: [keyof IntakeValues, Text][] = [
    ['name', text('Nama lengkap wajib diisi.', 'Full name is required.')],
    ['address', text('Alamat wajib diisi.', 'Address is required.')],
    ['information', text('Tuliskan informasi yang diminta.', 'Describe the information you request.')],
    ['purpose', text('Tuliskan tujuan penggunaan informasi.', 'State what the information is for.')],
  ];
  for (const [field, message] of required) if (!form[field].trim()) problems[field] = message;
  for (const field of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
    if (!problems[field] && form[field].trim().length > LIMITS[field]) problems[field] = tooLong(field);
  }

  // Names, addresses and the request are printed on the letters, whose fonts hold Latin script only:
  // a character they cannot print is caught here, where the applicant can still change it.
  for (const field of ['name', 'address', 'occupation', 'proxyName', 'legalNumber', 'information', 'purpose'] as const) {
    const problem = problems[field] ? undefined : unprintableProblem(form[field]);
    if (problem) problems[field] = problem;
  }

  const lenient = options.allowMissing === true && channel !== undefined && DESK_CHANNELS.includes(channel);
  const absent = (item: MissingItem, message: Text) => {
    if (lenient) missing.push(item);
    else problems[item] = message;
  };
  const nik = normaliseNik(form.nik);
  if (applicantType === 'legal_entity') {
    if (!form.legalNumber.trim()) absent('legalNumber', text('Nomor akta notaris atau SK pengesahan badan hukum wajib diisi.', "The legal entity's deed or SK pengesahan number is required."));
    if (!files.legal_deed) absent('legal_deed', text('Lampirkan akta notaris atau SK pengesahan dari Kemenkumham.', 'Attach the deed or the SK pengesahan from the Ministry of Law.'));
  } else if (applicantType) {
    if (!nik) absent('nik', text('NIK wajib diisi (16 angka pada KTP).', 'The NIK is required (16 digits on the identity card).'));
    else {
      const problem = nikProblem(nik);
      if (problem) problems.nik = problem;
    }
  }
  if (applicantType === 'group') {
    if (!form.proxyName.trim()) problems.proxyName = text('Permohonan kelompok diajukan oleh kuasa: isi nama penerima kuasa.', 'A group files through a proxy: give the proxy\'s name.');
    if (!files.proxy_letter) absent('proxy_letter', text('Lampirkan surat kuasa dari anggota kelompok.', "Attach the group members' power of attorney."));
    if (!files.member_ids) absent('member_ids', text('Lampirkan KTP anggota kelompok.', "Attach the group members' identity cards."));
  } else if (form.proxyName.trim() && !files.proxy_letter) {
    absent('proxy_letter', text('Permohonan melalui kuasa memerlukan surat kuasa.', 'A request through a proxy needs the power of attorney.'));
  }

  const email = form.email.trim();
  const phoneRaw = form.phone.trim();
  if (email && !EMAIL.test(email)) problems.email = text('Alamat e-mail tidak valid, contoh: nama@contoh.id.', 'Not a valid e-mail address, e.g. name@example.id.');
  if (phoneRaw && !normalisePhone(phoneRaw)) problems.phone = text('Nomor telepon tidak valid, contoh: 0812 3456 7890.', 'Not a valid phone number, e.g. 0812 3456 7890.');
  if (!email && !phoneRaw) problems.email = text('Isi e-mail atau nomor telepon agar kami dapat menghubungi Anda.', 'Give an e-mail address or a phone number so that we can reach you.');
  if (deliveryMethod === 'email' && !email) problems.email = text('Pengiriman lewat e-mail memerlukan alamat e-mail.', 'Delivery by e-mail needs an e-mail address.');
  if (channel === 'online' && form.consent !== 'yes') {
    problems.consent = text('Setujui pemberitahuan data pribadi agar permohonan dapat diproses.', 'Agree to the personal-data notice so that the request can be processed.');
  }

  if (Object.keys(problems).length > 0 || !channel || !applicantType || !obtainMethod || !deliveryMethod) return { ok: false, problems };
  return {
    ok: true,
    missing: missingItems(missing),
    values: {
      channel,
      applicantType,
      name: form.name.trim(),
      nik: applicantType === 'legal_entity' ? '' : nik,
      legalNumber: applicantType === 'legal_entity' ? form.legalNumber.trim() : '',
      address: form.address.trim(),
      phone: phoneRaw ? (normalisePhone(phoneRaw) ?? phoneRaw) : '',
      email: email.toLowerCase(),
      occupation: form.occupation.trim(),
      proxyName: form.proxyName.trim(),
      information: form.information.trim(),
      purpose: form.purpose.trim(),
      obtainMethod,
      deliveryMethod,
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Decision (pemberitahuan tertulis)

export interface Costs {
  /** Rupiah per page copied. */
  readonly perPage: number;
  readonly pages: number;
  readonly delivery: number;
  readonly other: number;
}

export function costTotal(costs: Costs): number {
  return costs.perPage * costs.pages + costs.delivery + costs.other;
}

/** How the applicant paid the costs of a notice (register column "cost and payment method", DOMAIN.md §5). */
export const PAYMENT_METHODS = ['cash', 'transfer'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_LABELS: Readonly<Record<PaymentMethod, Text>> = {
  cash: text('Tunai', 'Cash'),
  transfer: text('Transfer', 'Transfer'),
};

export function isPaymentMethod(value: unknown): value is PaymentMethod {
  return typeof value === 'string' && (PAYMENT_METHODS as readonly string[]).includes(value);
}

/** "Rp 12.500": Indonesian grouping, no decimals (rupiah have none in practice). */
export function rupiah(amount: number): string {
  return `Rp ${amount.toLocaleString('id-ID', { maximumFractionDigits: 0 })}`;
}

/** What the written notice states (DOMAIN.md §5). Stored as requests.decision. */
export interface Decision {
  readonly outcome: NoticeOutcome;
  /** not_held: the body that holds it, when known. */
  readonly holder: string;
  /** granted_*: the form the information is given in. */
  readonly form: 'soft' | 'hard' | 'both' | '';
  readonly costs: Costs;
  /** granted_*: when it will be provided, e.g. "saat pemberitahuan ini diterima". */
  readonly timeToProvide: string;
  /** granted_part: what is withheld and why (blacked-out parts). */
  readonly withheld: string;
  /** refused: the Pasal 17 letter, or 'other' law named in `otherLaw`. */
  readonly pasal17: Pasal17 | '';
  readonly otherLaw: string;
  /** refused: the consequence of disclosure found by the consequence test (uji konsekuensi). */
  readonly consequence: string;
  /** not_documented: when it will be. */
  readonly documentedBy: string;
  readonly note: string;
  /** The information's category; '' when the PPID gave none (older notices have no such field). */
  readonly category?: Category | '';
}

export type DecisionForm = Readonly<Record<'outcome' | 'holder' | 'form' | 'perPage' | 'pages' | 'delivery' | 'other' | 'timeToProvide' | 'withheld' | 'pasal17' | 'otherLaw' | 'consequence' | 'documentedBy' | 'note', string>> & {
  /** The information's category (src/dip/rules.ts CATEGORIES), for the annual report; optional. */
  readonly category?: string;
};

/** The categories the PPID may give a request's information; a refusal's is always 'dikecualikan'. */
export const OPEN_CATEGORIES: readonly Exclude<Category, 'dikecualikan'>[] = ['berkala', 'serta_merta', 'setiap_saat'];

export type DecisionCheck = { readonly ok: true; readonly decision: Decision } | { readonly ok: false; readonly problems: Record<string, Text> };

const MAX_RUPIAH = 100_000_000;

function amount(raw: string, field: string, problems: Record<string, Text>): number {
  const cleaned = raw.trim().replace(/[.\s]/g, '');
  if (cleaned === '') return 0;
  if (!/^\d{1,9}$/.test(cleaned) || Number(cleaned) > MAX_RUPIAH) {
    problems[field] = text('Isi angka bulat tanpa desimal, misalnya 500 atau 12.500.', 'Enter a whole number, e.g. 500 or 12.500.');
    return 0;
  }
  return Number(cleaned);
}

export function checkDecision(form: DecisionForm): DecisionCheck {
  const problems: Record<string, Text> = {};
  const outcome = oneOf(NOTICE_OUTCOMES, form.outcome);
  if (!outcome) problems.outcome = text('Pilih keputusan.', 'Choose the decision.');
  const costs: Costs = {
    perPage: amount(form.perPage, 'perPage', problems),
    pages: amount(form.pages, 'pages', problems),
    delivery: amount(form.delivery, 'delivery', problems),
    other: amount(form.other, 'other', problems),
  };
  const granted = outcome === 'granted_full' || outcome === 'granted_part';
  const formValue = oneOf(['soft', 'hard', 'both'] as const, form.form);
  if (granted && !formValue) problems.form = text('Pilih bentuk informasi yang diberikan.', 'Choose the form the information is given in.');
  if (granted && !form.timeToProvide.trim()) problems.timeToProvide = text('Sebutkan kapan informasi diberikan.', 'State when the information will be provided.');
  if (outcome === 'granted_part' && !form.withheld.trim()) problems.withheld = text('Sebutkan bagian yang tidak diberikan (dihitamkan) dan alasannya.', 'State which parts are withheld (blacked out) and why.');
  const pasal17 = oneOf(PASAL17, form.pasal17);
  if (outcome === 'refused') {
    if (!pasal17) problems.pasal17 = text('Pilih huruf Pasal 17 UU KIP yang menjadi dasar penolakan.', 'Choose the letter of Article 17 the refusal rests on.');
    if (pasal17 === 'j' && !form.otherLaw.trim()) problems.otherLaw = text('Sebutkan undang-undang lain yang mengecualikan informasi ini.', 'Name the other law that exempts this information.');
    if (!form.consequence.trim()) problems.consequence = text('Tuliskan konsekuensi yang timbul bila informasi dibuka (hasil uji konsekuensi).', 'State the consequence of disclosure found by the consequence test.');
  }
  const categoryRaw = (form.category ?? '').trim();
  const category = oneOf(OPEN_CATEGORIES, categoryRaw);
  if (categoryRaw && !category && outcome !== 'refused') problems.category = text('Pilih kategori informasi: berkala, serta merta, atau setiap saat.', 'Choose the category: periodic, immediate, or on request.');
  if (outcome === 'not_documented' && !form.documentedBy.trim()) problems.documentedBy = text('Sebutkan kapan informasi akan didokumentasikan.', 'State when the information will be documented.');
  if (!granted && costTotal(costs) > 0) problems.perPage = text('Biaya hanya dikenakan bila informasi diberikan.', 'Costs apply only when information is given.');
  for (const field of ['holder', 'timeToProvide', 'withheld', 'otherLaw', 'consequence', 'documentedBy', 'note'] as const) {
    if (!problems[field] && form[field].length > 2000) problems[field] = text('Paling panjang 2000 karakter.', 'At most 2000 characters.');
    const unprintable = problems[field] ? undefined : unprintableProblem(form[field]);
    if (unprintable) problems[field] = unprintable;
  }
  if (Object.keys(problems).length > 0 || !outcome) return { ok: false, problems };
  return {
    ok: true,
    decision: {
      outcome,
      holder: outcome === 'not_held' ? form.holder.trim() : '',
      form: granted ? (formValue ?? '') : '',
      costs,
      timeToProvide: granted ? form.timeToProvide.trim() : '',
      withheld: outcome === 'granted_part' ? form.withheld.trim() : '',
      pasal17: outcome === 'refused' ? (pasal17 ?? '') : '',
      otherLaw: outcome === 'refused' && pasal17 === 'j' ? form.otherLaw.trim() : '',
      consequence: outcome === 'refused' ? form.consequence.trim() : '',
      documentedBy: outcome === 'not_documented' ? form.documentedBy.trim() : '',
      note: form.note.trim(),
      // Refused under Pasal 17 means exempt: the category follows from the decision itself.
      category: outcome === 'refused' ? 'dikecualikan' : (category ?? ''),
    },
  };
}

/** Units answer a disposition with the files, or by saying they do not hold it, or have not documented it. */
export const DISPOSITION_ANSWERS = ['provided', 'not_held', 'not_documented'] as const;
export type DispositionAnswer = (typeof DISPOSITION_ANSWERS)[number];
export const DISPOSITION_ANSWER_LABELS: Readonly<Record<DispositionAnswer, Text>> = {
  provided: text('Informasi dilampirkan', 'Information attached'),
  not_held: text('Tidak dikuasai unit ini', 'Not held by this unit'),
  not_documented: text('Belum didokumentasikan', 'Not yet documented'),
};

/** Minutes between two moments, rounded up: a step of 10 min 1 s took longer than 10 minutes. */
export function minutesBetween(from: Date, to: Date): number {
  return Math.max(0, Math.ceil((to.getTime() - from.getTime()) / 60000));
}
