import { addWorkingDays, explainDeadline, instantAt, isIsoDay, workingDaysBetween, type DeadlineResult, type OfficeCalendar } from '../calendar/rules.ts';
import { formatDay, text, type Lang, type Text } from '../kernel/i18n.ts';
import { checkStep, type LifecycleStep, type StepCheck } from '../kernel/lifecycle.ts';

/**
 * Objections (keberatan, UU 14/2008 Pasal 35–36, DOMAIN.md §6) as data and pure functions: the
 * grounds, which of them a request's record supports, and the objection's lifecycle. The windows
 * themselves are counted by the working-day engine (src/calendar/rules.ts) with the profiles'
 * `objection_filing` and `objection_answer` periods.
 */

/** Pasal 35 ayat (1), letters a–g. */
export const GROUNDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'] as const;
export type Ground = (typeof GROUNDS)[number];
export const GROUND_LABELS: Readonly<Record<Ground, Text>> = {
  a: text('a. permohonan ditolak berdasarkan alasan pengecualian Pasal 17', 'a. the request was refused on an exemption of article 17'),
  b: text('b. informasi berkala tidak disediakan', 'b. periodic information was not made available'),
  c: text('c. permohonan tidak ditanggapi', 'c. the request was not answered'),
  d: text('d. permohonan ditanggapi tidak sebagaimana yang diminta', 'd. the request was answered other than asked'),
  e: text('e. permohonan tidak dipenuhi', 'e. the request was not fulfilled'),
  f: text('f. pengenaan biaya yang tidak wajar', 'f. unreasonable costs were charged'),
  g: text('g. penyampaian informasi melebihi waktu yang diatur', 'g. the information came later than the law allows'),
};

export function isGround(value: unknown): value is Ground {
  return typeof value === 'string' && (GROUNDS as readonly string[]).includes(value);
}

/** Grounds b–g may be settled by agreement (Pasal 36 and the Perki's mediation); a refusal (a) may not. */
export function mayBeSettled(grounds: readonly Ground[]): boolean {
  return grounds.length > 0 && grounds.every((g) => g !== 'a');
}

/** What the record of a request says, for suggesting grounds. */
export interface RequestRecord {
  readonly outcome: string | null;
  /** The day the request's current deadline fell, in the office's calendar. */
  readonly due: string | null;
  /** The day the written notice was issued (local), or null when none was. */
  readonly decidedDay: string | null;
  /** The notice's total cost, 0 when nothing was charged. */
  readonly cost: number;
}

export interface SuggestedGround {
  readonly ground: Ground;
  /** The event the 30-working-day window counts from: the notice's day, or the missed due date. */
  readonly since: string;
}

/**
 * The grounds the record supports on `today`, each with the day its window counts from. A request
 * past its deadline without a notice offers c and g; a refusal offers a; a notice with costs offers f.
 * The applicant may still choose any ground: these are suggestions, not limits.
 */
export function suggestGrounds(record: RequestRecord, today: string): SuggestedGround[] {
  const out: SuggestedGround[] = [];
  if (record.decidedDay === null && record.due !== null && today > record.due) {
    out.push({ ground: 'c', since: record.due }, { ground: 'g', since: record.due });
  }
  if (record.decidedDay !== null) {
    if (record.outcome === 'refused' || record.outcome === 'exempt_explained') out.push({ ground: 'a', since: record.decidedDay });
    if (record.cost > 0) out.push({ ground: 'f', since: record.decidedDay });
    if (record.due !== null && record.decidedDay > record.due) out.push({ ground: 'g', since: record.decidedDay });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The filing window (Pasal 35 ayat 1 jo. Perki 1/2010: 30 working days after the ground arises)

/** When a ground arose on a request's record, or why it has not (yet). */
export type GroundEvent =
  | { readonly ok: true; readonly since: string; readonly event: 'notice' | 'missed_deadline' }
  | { readonly ok: false; readonly problem: Text };

/**
 * The event that gave `ground`: the written notice (or the desk's quick answer) for every ground, and
 * for grounds b, c and g of a request still unanswered, the deadline it missed. Nothing has arisen
 * while the request is within its deadline; ground c needs the request to be unanswered.
 */
export function groundEvent(ground: Ground, record: RequestRecord, today: string): GroundEvent {
  if (record.decidedDay !== null) {
    if (ground === 'c') {
      return {
        ok: false,
        problem: text(
          `Permohonan ini sudah ditanggapi (${formatDay('id', record.decidedDay)}). Bila tanggapannya tidak sesuai yang diminta, pilih alasan d; bila tidak dipenuhi, alasan e.`,
          `This request was answered (${formatDay('en', record.decidedDay)}). If the answer is not what was asked, choose ground d; if it was not fulfilled, ground e.`,
        ),
      };
    }
    return { ok: true, since: record.decidedDay, event: 'notice' };
  }
  if (record.due !== null && today > record.due && (ground === 'b' || ground === 'c' || ground === 'g')) return { ok: true, since: record.due, event: 'missed_deadline' };
  if (record.due !== null && today <= record.due) {
    return {
      ok: false,
      problem: text(
        `Permohonan masih dalam jangka waktu sampai ${formatDay('id', record.due)} dan belum ada pemberitahuan tertulis, sehingga alasan ini belum muncul. Keberatan dapat diajukan setelah pemberitahuan tertulis terbit atau batas waktu itu terlewati.`,
        `The request is still within its period until ${formatDay('en', record.due)} and no written notice has been issued, so this ground has not arisen yet. An objection can be filed once the notice is issued or that deadline passes.`,
      ),
    };
  }
  return {
    ok: false,
    problem: text(
      'Belum ada pemberitahuan tertulis atas permohonan ini, sehingga alasan ini belum muncul. Alasan yang dapat dipilih sekarang: c (tidak ditanggapi) atau g (melebihi waktu).',
      'No written notice has been issued on this request, so this ground has not arisen. The grounds open now are c (not answered) or g (later than allowed).',
    ),
  };
}

/** One ground's window as counted at filing: stored with the objection so a later holiday change does not move it. */
export interface GroundWindow {
  readonly ground: Ground;
  readonly since: string;
  readonly event: 'notice' | 'missed_deadline';
  readonly due: string;
  readonly open: boolean;
  readonly count: DeadlineResult;
}

/** Counts `workingDays` from the day a ground arose, as the engine counts any clock from an event in office hours. */
export function windowFrom(since: string, workingDays: number, calendar: OfficeCalendar): DeadlineResult {
  return addWorkingDays({ receivedAt: instantAt(since, calendar.hoursStart, calendar.timeZone), workingDays, calendar });
}

export function groundWindow(ground: Ground, event: { since: string; event: 'notice' | 'missed_deadline' }, today: string, workingDays: number, calendar: OfficeCalendar): GroundWindow {
  const count = windowFrom(event.since, workingDays, calendar);
  return { ground, since: event.since, event: event.event, due: count.due, open: today <= count.due, count };
}

/** The window told as sentences: what started it, how it was counted, and where `today` stands. */
export function explainWindow(window: GroundWindow, today: string, calendar: OfficeCalendar, lang: Lang): string[] {
  const say = (id: string, en: string) => (lang === 'id' ? id : en);
  const day = (d: string) => formatDay(lang, d);
  const started =
    window.event === 'notice'
      ? say(`Alasan ${window.ground} muncul dengan pemberitahuan tertulis / tanggapan tanggal ${day(window.since)}.`, `Ground ${window.ground} arose with the written notice or answer of ${day(window.since)}.`)
      : say(
          `Alasan ${window.ground} muncul karena batas waktu pemberitahuan tertulis, ${day(window.since)}, terlewati tanpa tanggapan.`,
          `Ground ${window.ground} arose when the deadline for the written notice, ${day(window.since)}, passed without an answer.`,
        );
  const zero =
    window.count.dayZero === window.since
      ? say(`Hari itu menjadi hari ke-0.`, `That day is day zero.`)
      : say(`Hari itu bukan hari kerja, sehingga hari ke-0 adalah ${day(window.count.dayZero)}.`, `That day is not a working day, so day zero is ${day(window.count.dayZero)}.`);
  // explainDeadline's first two sentences speak of a request's receipt; the rest (count, days passed over, due) apply as they are.
  const counted = explainDeadline(window.count, lang).slice(2);
  const late = workingDaysBetween(window.due, today, calendar);
  const standing = window.open
    ? say(`Hari ini ${day(today)}: jangka waktu keberatan masih terbuka.`, `Today is ${day(today)}: the objection window is still open.`)
    : say(
        `Hari ini ${day(today)}: jangka waktu keberatan sudah lewat ${late} hari kerja.`,
        `Today is ${day(today)}: the objection window closed ${late} working day${late === 1 ? '' : 's'} ago.`,
      );
  return [started, zero, ...counted, standing];
}

// ---------------------------------------------------------------------------------------------------
// The filing form

export const OBJECTION_FILE_ROLES = ['proxy_letter', 'proxy_identity', 'supporting'] as const;
export type ObjectionFileRole = (typeof OBJECTION_FILE_ROLES)[number];
export const OBJECTION_FILE_LABELS: Readonly<Record<ObjectionFileRole, Text>> = {
  proxy_letter: text('Surat kuasa', 'Power of attorney'),
  proxy_identity: text('Identitas kuasa', "The proxy's identity document"),
  supporting: text('Dokumen pendukung', 'Supporting document'),
};

export type ObjectionForm = Readonly<Record<'grounds' | 'description' | 'proxyName' | 'proxyAddress' | 'proxyPhone' | 'lateReason', string>> & { readonly groundList: readonly string[] };

export interface ObjectionValues {
  readonly grounds: Ground[];
  readonly description: string;
  readonly proxyName: string;
  readonly proxyAddress: string;
  readonly proxyPhone: string;
  readonly lateReason: string;
}

export type ObjectionFormCheck = { readonly ok: true; readonly values: ObjectionValues } | { readonly ok: false; readonly problems: Record<string, Text> };

const MAX_DESCRIPTION = 5000;

/** The form's own rules (the record's rules are in groundEvent and the service). */
export function checkObjectionForm(form: ObjectionForm, files: Readonly<Partial<Record<ObjectionFileRole, number>>>): ObjectionFormCheck {
  const problems: Record<string, Text> = {};
  const grounds = [...new Set(form.groundList)];
  if (grounds.length === 0) problems.grounds = text('Pilih sekurang-kurangnya satu alasan keberatan (Pasal 35).', 'Choose at least one ground of objection (article 35).');
  else if (!grounds.every(isGround)) problems.grounds = text('Alasan keberatan tidak dikenal; pilih dari huruf a–g.', 'Unknown ground; choose from letters a–g.');
  const description = form.description.trim();
  if (description.length < 10) problems.description = text('Uraikan keberatan Anda (sekurang-kurangnya 10 karakter).', 'Describe your objection (at least 10 characters).');
  else if (description.length > MAX_DESCRIPTION) problems.description = text(`Uraian paling panjang ${MAX_DESCRIPTION} karakter.`, `The description has at most ${MAX_DESCRIPTION} characters.`);
  const proxyName = form.proxyName.trim();
  const proxyAddress = form.proxyAddress.trim();
  const proxyPhone = form.proxyPhone.trim();
  if (proxyName.length > 200) problems.proxyName = text('Nama kuasa paling panjang 200 karakter.', "The proxy's name has at most 200 characters.");
  if (proxyAddress.length > 500) problems.proxyAddress = text('Alamat kuasa paling panjang 500 karakter.', "The proxy's address has at most 500 characters.");
  if (proxyPhone && !/^[0-9+()\s-]{6,30}$/.test(proxyPhone)) problems.proxyPhone = text('Nomor telepon hanya berisi angka, spasi, +, -, dan tanda kurung.', 'A phone number holds only digits, spaces, +, - and brackets.');
  if (proxyName && !proxyAddress) problems.proxyAddress = text('Isi alamat kuasa.', "Enter the proxy's address.");
  if (!proxyName && (proxyAddress || proxyPhone)) problems.proxyName = text('Isi nama kuasa, atau kosongkan data kuasa bila Anda mengajukan sendiri.', "Enter the proxy's name, or leave the proxy fields empty if you file yourself.");
  if (proxyName && !files.proxy_letter) problems.proxy_letter = text('Keberatan melalui kuasa wajib melampirkan surat kuasa.', 'An objection through a proxy needs the power of attorney.');
  if (!proxyName && files.proxy_letter) problems.proxyName = text('Surat kuasa dilampirkan: isi nama kuasa.', 'A power of attorney is attached: enter the proxy\'s name.');
  const lateReason = form.lateReason.trim();
  if (lateReason.length > 2000) problems.lateReason = text('Alasan paling panjang 2000 karakter.', 'The reason has at most 2000 characters.');
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, values: { grounds: GROUNDS.filter((g) => grounds.includes(g)), description, proxyName, proxyAddress, proxyPhone, lateReason } };
}

// ---------------------------------------------------------------------------------------------------
// The objection's lifecycle

export const OBJECTION_STATUSES = ['filed', 'upheld', 'overturned', 'settled', 'withdrawn'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];
export const OBJECTION_STATUS_LABELS: Readonly<Record<ObjectionStatus, Text>> = {
  filed: text('Diajukan, menunggu tanggapan Atasan PPID', 'Filed, awaiting the Atasan PPID'),
  upheld: text('Keberatan ditolak; keputusan PPID dikuatkan', "Objection dismissed; the PPID's decision stands"),
  overturned: text('Keberatan diterima; permohonan dibuka kembali', 'Objection upheld; the request reopens'),
  settled: text('Diselesaikan dengan kesepakatan', 'Settled by agreement'),
  withdrawn: text('Dicabut pemohon', 'Withdrawn by the applicant'),
};

export const OBJECTION_ACTIONS = ['uphold', 'overturn', 'settle', 'withdraw'] as const;
export type ObjectionAction = (typeof OBJECTION_ACTIONS)[number];

export interface ObjectionTransition extends LifecycleStep<ObjectionStatus> {
  readonly to: ObjectionStatus;
}

const decided = text('Keberatan ini sudah diputus; keputusan tidak dapat diubah.', 'This objection has been decided; the decision cannot change.');

export const OBJECTION_TRANSITIONS: Readonly<Record<ObjectionAction, ObjectionTransition>> = {
  uphold: { from: ['filed'], to: 'upheld', roles: ['atasan_ppid'], refused: decided },
  overturn: { from: ['filed'], to: 'overturned', roles: ['atasan_ppid'], refused: decided },
  settle: { from: ['filed'], to: 'settled', roles: ['atasan_ppid'], refused: decided },
  withdraw: { from: ['filed'], to: 'withdrawn', roles: ['desk_officer', 'atasan_ppid'], refused: decided },
};

export type ObjectionCheck = StepCheck<ObjectionStatus>;

/** Whether `roles` may take `action` on an objection in `status` on `grounds`: the one place that says so. */
export function checkObjectionTransition(action: ObjectionAction, status: ObjectionStatus, roles: readonly string[], grounds: readonly Ground[]): ObjectionCheck {
  const check = checkStep(OBJECTION_TRANSITIONS[action], status, roles);
  if (!check.ok) return check;
  if (action === 'settle' && !mayBeSettled(grounds)) {
    return {
      ok: false,
      status: 409,
      reason: text(
        'Keberatan atas penolakan berdasarkan Pasal 17 (alasan a) tidak dapat diselesaikan dengan kesepakatan; Atasan PPID memutusnya.',
        'An objection to a refusal under article 17 (ground a) cannot be settled by agreement; the Atasan PPID decides it.',
      ),
    };
  }
  return check;
}

// ---------------------------------------------------------------------------------------------------
// The decision (tanggapan atasan PPID)

export interface ObjectionDecision {
  readonly action: 'uphold' | 'overturn' | 'settle';
  /** Why: the Atasan's consideration, printed on the letter. */
  readonly reasons: string;
  /** Settlement: what was agreed. */
  readonly terms: string;
  /** Overturn: what the PPID is to give, printed on the letter and the request's reopened clock. */
  readonly order: string;
}

export type DecisionForm = Readonly<Record<'action' | 'reasons' | 'terms' | 'order', string>>;

export function isDecisionAction(value: unknown): value is ObjectionDecision['action'] {
  return value === 'uphold' || value === 'overturn' || value === 'settle';
}

export function checkObjectionDecision(form: DecisionForm): { ok: true; decision: ObjectionDecision } | { ok: false; problems: Record<string, Text> } {
  const problems: Record<string, Text> = {};
  const action = form.action.trim();
  if (!isDecisionAction(action)) problems.action = text('Pilih tanggapan: menguatkan, membatalkan, atau kesepakatan.', 'Choose the decision: uphold, overturn or settle.');
  const reasons = form.reasons.trim();
  if (reasons.length < 10) problems.reasons = text('Tuliskan pertimbangan keputusan (sekurang-kurangnya 10 karakter).', 'Write the reasons for the decision (at least 10 characters).');
  else if (reasons.length > 5000) problems.reasons = text('Pertimbangan paling panjang 5000 karakter.', 'The reasons have at most 5000 characters.');
  const terms = form.terms.trim();
  const order = form.order.trim();
  if (action === 'settle' && terms.length < 5) problems.terms = text('Tuliskan isi kesepakatan.', 'Write what was agreed.');
  if (action === 'overturn' && order.length < 5) problems.order = text('Tuliskan informasi yang wajib diberikan PPID.', 'Write what information the PPID is to give.');
  if (terms.length > 3000) problems.terms = text('Isi kesepakatan paling panjang 3000 karakter.', 'The terms have at most 3000 characters.');
  if (order.length > 3000) problems.order = text('Perintah paling panjang 3000 karakter.', 'The order has at most 3000 characters.');
  if (Object.keys(problems).length > 0 || !isDecisionAction(action)) return { ok: false, problems };
  return { ok: true, decision: { action, reasons, terms: action === 'settle' ? terms : '', order: action === 'overturn' ? order : '' } };
}

export const RESPONSES = ['accepted', 'not_accepted'] as const;
export type ObjectionResponse = (typeof RESPONSES)[number];
export const RESPONSE_LABELS: Readonly<Record<ObjectionResponse, Text>> = {
  accepted: text('Menerima tanggapan atasan PPID', "Accepts the Atasan PPID's decision"),
  not_accepted: text('Tidak menerima; dapat mengajukan sengketa ke Komisi Informasi', 'Does not accept; may take it to the Information Commission'),
};

export function isResponse(value: unknown): value is ObjectionResponse {
  return typeof value === 'string' && (RESPONSES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------------
// Disputes (sengketa informasi, UU 14/2008 Pasal 37–39)

export const DISPUTE_STAGES = ['filed', 'mediation', 'adjudication', 'decided', 'court', 'closed'] as const;
export type DisputeStage = (typeof DISPUTE_STAGES)[number];
export const DISPUTE_STAGE_LABELS: Readonly<Record<DisputeStage, Text>> = {
  filed: text('Didaftarkan di Komisi Informasi', 'Registered at the Information Commission'),
  mediation: text('Mediasi', 'Mediation'),
  adjudication: text('Ajudikasi nonlitigasi', 'Adjudication'),
  decided: text('Putusan Komisi Informasi', "The commission's ruling"),
  court: text('Keberatan ke pengadilan (PTUN/PN) atau kasasi', 'Appeal to court (administrative/district court) or cassation'),
  closed: text('Selesai', 'Closed'),
};

/** Stages go forward only; mediation may be skipped (a refusal under Pasal 17 goes straight to adjudication). */
export const DISPUTE_NEXT: Readonly<Record<DisputeStage, readonly DisputeStage[]>> = {
  filed: ['mediation', 'adjudication', 'closed'],
  mediation: ['adjudication', 'closed'],
  adjudication: ['decided', 'closed'],
  decided: ['court', 'closed'],
  court: ['closed'],
  closed: [],
};

export const DISPUTE_OUTCOMES = ['mediation_agreement', 'granted', 'granted_part', 'rejected', 'withdrawn', 'dismissed', 'court_ruling'] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];
export const DISPUTE_OUTCOME_LABELS: Readonly<Record<DisputeOutcome, Text>> = {
  mediation_agreement: text('Kesepakatan mediasi', 'Mediation agreement'),
  granted: text('Permohonan pemohon dikabulkan seluruhnya', "The applicant's claim granted in full"),
  granted_part: text('Dikabulkan sebagian', 'Granted in part'),
  rejected: text('Permohonan pemohon ditolak', "The applicant's claim rejected"),
  withdrawn: text('Dicabut pemohon', 'Withdrawn by the applicant'),
  dismissed: text('Tidak dapat diterima (tidak memenuhi syarat)', 'Not admissible'),
  court_ruling: text('Putusan pengadilan berkekuatan hukum tetap', 'Final court ruling'),
};

export function isDisputeStage(value: unknown): value is DisputeStage {
  return typeof value === 'string' && (DISPUTE_STAGES as readonly string[]).includes(value);
}
export function isDisputeOutcome(value: unknown): value is DisputeOutcome {
  return typeof value === 'string' && (DISPUTE_OUTCOMES as readonly string[]).includes(value);
}

/** Whether a dispute may move from `from` to `to`, closing needs an outcome. */
export function checkDisputeStage(from: DisputeStage, to: string, outcome: string): { ok: true; to: DisputeStage } | { ok: false; problems: Record<string, Text> } {
  if (!isDisputeStage(to)) return { ok: false, problems: { stage: text('Pilih tahap sengketa.', 'Choose the stage.') } };
  if (from === 'closed') return { ok: false, problems: { stage: text('Sengketa ini sudah selesai; tahapnya tidak dapat diubah.', 'This dispute is closed; its stage cannot change.') } };
  if (!DISPUTE_NEXT[from].includes(to)) {
    return {
      ok: false,
      problems: { stage: text(`Dari tahap "${DISPUTE_STAGE_LABELS[from].id}" sengketa hanya dapat lanjut ke: ${DISPUTE_NEXT[from].map((s) => DISPUTE_STAGE_LABELS[s].id).join(', ')}.`, `From "${DISPUTE_STAGE_LABELS[from].en}" a dispute can only go on to: ${DISPUTE_NEXT[from].map((s) => DISPUTE_STAGE_LABELS[s].en).join(', ')}.`) },
    };
  }
  if (to === 'closed' && !isDisputeOutcome(outcome)) return { ok: false, problems: { outcome: text('Sengketa yang selesai perlu hasilnya.', 'A closed dispute needs its outcome.') } };
  if (to !== 'closed' && outcome) return { ok: false, problems: { outcome: text('Hasil dicatat saat sengketa selesai.', 'The outcome is recorded when the dispute closes.') } };
  return { ok: true, to };
}

/**
 * When the applicant's 14-working-day window to go to the commission starts: the day the Atasan's
 * decision was given, or, unanswered, the day after the objection's answer deadline lapsed (its due day
 * counts as day zero, as a missed request deadline does).
 */
export function disputeWindowStart(objection: { decidedDay: string | null; answerDue: string | null }, today: string): { ok: true; since: string } | { ok: false; problem: Text } {
  if (objection.decidedDay && today < objection.decidedDay) {
    return {
      ok: false,
      problem: text(
        `Tanggal ini sebelum tanggapan Atasan PPID (${formatDay('id', objection.decidedDay)}); sengketa diajukan setelah tanggapan itu.`,
        `This date is before the Atasan PPID's decision (${formatDay('en', objection.decidedDay)}); a dispute is filed after it.`,
      ),
    };
  }
  if (objection.decidedDay) return { ok: true, since: objection.decidedDay };
  if (objection.answerDue && today > objection.answerDue) return { ok: true, since: objection.answerDue };
  return {
    ok: false,
    problem: text(
      `Keberatan ini belum ditanggapi dan jangka waktu tanggapannya belum lewat${objection.answerDue ? ` (sampai ${formatDay('id', objection.answerDue)})` : ''}; sengketa baru dapat diajukan setelah tanggapan atau setelah jangka waktu itu lewat.`,
      `This objection has no decision yet and its answer period has not lapsed${objection.answerDue ? ` (until ${formatDay('en', objection.answerDue)})` : ''}; a dispute can be filed only after the decision or once that period lapses.`,
    ),
  };
}

/** A day typed into a form: real, not in the future. */
export function pastDayProblem(value: string, today: string): Text | undefined {
  if (!isIsoDay(value)) return text('Tanggal tidak valid; gunakan format TTTT-BB-HH.', 'Invalid date; use YYYY-MM-DD.');
  if (value > today) return text('Tanggal tidak boleh di masa depan.', 'The date cannot be in the future.');
  return undefined;
}
