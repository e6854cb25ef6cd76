import { and, asc, eq } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.ts';
import { rulePeriods } from '../db/schema.ts';
import { recordEvent, type Actor } from '../kernel/audit/store.ts';
import { invalid, notFound } from '../kernel/errors.ts';
import { text, type Text } from '../kernel/i18n.ts';
import type { OfficeScope } from '../offices/store.ts';
import { isProfileName } from './profiles.ts';
import { isIsoDay } from './rules.ts';
import { lockCalendar } from './store.ts';

export type RulePeriodRow = typeof rulePeriods.$inferSelect;

export interface RulePeriodInput {
  readonly profile: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly note: string;
}

/** An election stage lasts months, not decades: a longer period is almost surely a typo. */
const MAX_PERIOD_DAYS = 3 * 366;

/** Pure: what is wrong with a period an office declares. */
export function rulePeriodProblems(input: RulePeriodInput): Record<string, Text> {
  const problems: Record<string, Text> = {};
  if (!isProfileName(input.profile) || input.profile === 'normal') {
    problems.profile = text('Pilih profil aturan khusus, mis. masa tahapan pemilu.', 'Choose a special rule profile, e.g. the election stage.');
  }
  if (!isIsoDay(input.startsOn)) problems.starts_on = text('Isi tanggal mulai yang sah.', 'Enter a valid start date.');
  if (!isIsoDay(input.endsOn)) problems.ends_on = text('Isi tanggal selesai yang sah.', 'Enter a valid end date.');
  else if (isIsoDay(input.startsOn)) {
    const days = (Date.parse(input.endsOn) - Date.parse(input.startsOn)) / 86_400_000;
    if (days < 0) problems.ends_on = text('Tanggal selesai tidak boleh sebelum tanggal mulai.', 'The end date cannot be before the start date.');
    else if (days > MAX_PERIOD_DAYS) problems.ends_on = text('Satu masa paling lama 3 tahun.', 'One period lasts at most 3 years.');
  }
  if (input.note.length > 300) problems.note = text('Keterangan paling panjang 300 karakter.', 'The note has at most 300 characters.');
  return problems;
}

export function periodsOfOffice(exec: Executor, scope: OfficeScope): Promise<RulePeriodRow[]> {
  return exec.select().from(rulePeriods).where(eq(rulePeriods.officeId, scope.officeId)).orderBy(asc(rulePeriods.startsOn), asc(rulePeriods.id));
}

/**
 * Declares that the office serves under a special profile for a period (the election regime of
 * Perki 1/2019). It applies to what arrives from then on: a running deadline keeps the number of
 * working days it started with, since the law gave the applicant that period when the request came in.
 */
export async function addRulePeriod(db: Db, actor: Actor, scope: OfficeScope, input: RulePeriodInput): Promise<RulePeriodRow> {
  const problems = rulePeriodProblems(input);
  if (Object.keys(problems).length) throw invalid(problems);
  return db.transaction(async (tx) => {
    // Deadlines read the periods when they start; the calendar lock orders this change with them.
    await lockCalendar(tx, 'exclusive');
    const [row] = await tx
      .insert(rulePeriods)
      .values({ officeId: scope.officeId, profile: input.profile, startsOn: input.startsOn, endsOn: input.endsOn, note: input.note.trim() })
      .returning();
    await recordEvent(tx, actor, { officeId: scope.officeId, action: 'rule_period.added', subjectType: 'rule_period', subjectId: row!.id, after: row });
    return row!;
  });
}

export async function removeRulePeriod(db: Db, actor: Actor, scope: OfficeScope, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    await lockCalendar(tx, 'exclusive');
    const [row] = await tx.delete(rulePeriods).where(and(eq(rulePeriods.id, id), eq(rulePeriods.officeId, scope.officeId))).returning();
    if (!row) throw notFound();
    await recordEvent(tx, actor, { officeId: scope.officeId, action: 'rule_period.removed', subjectType: 'rule_period', subjectId: id, before: row });
  });
}
