import { text, type Text } from '../kernel/i18n.ts';
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
