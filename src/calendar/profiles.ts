import { text, type Text } from '../kernel/i18n.ts';

/**
 * Rule profiles: how many working days each legal clock runs. Data, not code, so that a figure found
 * wrong is corrected here once (DOMAIN.md §1, §5, §6; DESIGN.md "Rules are data").
 */

export const PURPOSES = ['request_notice', 'request_extension', 'objection_filing', 'objection_answer', 'objection_reopen', 'dispute_filing', 'dispute_start', 'dispute_finish'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const PROFILE_NAMES = ['normal', 'election'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

export interface RuleProfile {
  readonly name: ProfileName;
  readonly label: Text;
  readonly basis: Text;
  readonly workingDays: Readonly<Record<Purpose, number>>;
  /** Figures not read from the primary legal text: screens show them as unverified. */
  readonly unverified: readonly Purpose[];
}

export const PROFILES: Readonly<Record<ProfileName, RuleProfile>> = {
  normal: {
    name: 'normal',
    label: text('Layanan biasa', 'Normal service'),
    basis: text('UU 14/2008 Pasal 22, 35–37', 'Law 14/2008 arts. 22, 35–37'),
    workingDays: {
      request_notice: 10,
      request_extension: 7,
      objection_filing: 30,
      objection_answer: 30,
      // The law says the PPID carries out an overturning decision, not in how many days: the request's own
      // notice period is used, and shown as unverified until a rule is found.
      objection_reopen: 10,
      dispute_filing: 14,
      // UU 14/2008 Pasal 38: the commission starts within 14 and finishes within 100 working days.
      dispute_start: 14,
      dispute_finish: 100,
    },
    unverified: ['objection_reopen'],
  },
  election: {
    name: 'election',
    label: text('Masa tahapan pemilu', 'Election stage'),
    basis: text('Perki 1/2019 Pasal 12 dan 14', 'Information Commission Regulation 1/2019 arts. 12 and 14'),
    workingDays: {
      request_notice: 3,
      request_extension: 2,
      // The filing windows during election stages were not read from Perki 1/2019 (DOMAIN.md §1 "verify").
      // Until they are, the normal windows apply: an unchecked figure must not shorten an applicant's right.
      objection_filing: 30,
      objection_answer: 3,
      // The election stage's own notice period (Perki 1/2019), as the normal profile uses its own.
      objection_reopen: 3,
      dispute_filing: 14,
      dispute_start: 14,
      dispute_finish: 100,
    },
    unverified: ['objection_filing', 'dispute_filing', 'dispute_start', 'dispute_finish'],
  },
};

export function isProfileName(value: unknown): value is ProfileName {
  return typeof value === 'string' && (PROFILE_NAMES as readonly string[]).includes(value);
}

/** A rule_periods row: the office serves under `profile` from `startsOn` to `endsOn`, both inclusive. */
export interface RulePeriod {
  readonly profile: string;
  readonly startsOn: string;
  readonly endsOn: string;
}

/**
 * The profile in force on `day` ('YYYY-MM-DD'): the period covering it, else 'normal'. Where periods
 * overlap the one that started last wins, as the more specific decision.
 */
export function profileFor(periods: readonly RulePeriod[], day: string): RuleProfile {
  let chosen: RulePeriod | undefined;
  for (const period of periods) {
    if (period.startsOn <= day && day <= period.endsOn && (!chosen || period.startsOn > chosen.startsOn)) chosen = period;
  }
  if (!chosen) return PROFILES.normal;
  // rule_periods is written only through validated input, so an unknown name is a bug, not a user mistake.
  if (!isProfileName(chosen.profile)) throw new Error(`rule period ${chosen.startsOn}..${chosen.endsOn} names unknown profile "${chosen.profile}"`);
  return PROFILES[chosen.profile];
}
