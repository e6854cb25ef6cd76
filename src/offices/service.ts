import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { offices, staff, units } from '../db/schema.ts';
import { recordEvent, type Actor } from '../kernel/audit/store.ts';
import { parseCsvTable } from '../kernel/csv.ts';
import { AppError, conflict, invalid, notFound } from '../kernel/errors.ts';
import { text, type Text } from '../kernel/i18n.ts';
import { isAfterHoursRule } from '../calendar/rules.ts';
import { enqueueMail } from '../mail/mail.ts';
import { hashPassword, passwordProblem, randomPassword } from '../auth/passwords.ts';
import { revokeAllSessions } from '../auth/service.ts';
import { officeProblems, staffProblems, unitNameProblem, parentLevelFor, type Level, type OfficeInput, type StaffInput } from './rules.ts';
import { officeBySlug, staffByEmail, staffInScope, unitInScope, unitsOfOffice, type OfficeRow, type OfficeScope, type StaffRow } from './store.ts';
import { patternProblem } from '../kernel/numbering/rules.ts';

/** Staff as the audit log sees it: never the password hash or the TOTP secret. */
function staffForAudit(row: StaffRow) {
  return { name: row.name, email: row.email, position: row.position, roles: row.roles, unitId: row.unitId, active: row.active, totpEnabled: row.totpEnabled };
}

export interface ImportResult {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

const OFFICE_COLUMNS = ['slug', 'code', 'name', 'level', 'parent'] as const;

/**
 * Loads the office hierarchy from CSV (columns slug, code, name, level, parent, address, city, phone,
 * email, website, time_zone, hours_start, hours_end, letterhead). All or nothing: any bad row and
 * nothing is written; the error names every row and field. Re-importing updates offices by slug.
 */
export async function importOffices(db: Db, actor: Actor, csv: string): Promise<ImportResult> {
  const table = parseCsvTable(csv);
  const missing = OFFICE_COLUMNS.filter((c) => !table.header.includes(c));
  if (missing.length) {
    throw new AppError(422, 'invalid', text(`Kolom wajib tidak ada: ${missing.join(', ')}.`, `Required columns are missing: ${missing.join(', ')}.`));
  }
  if (table.rows.length === 0) throw new AppError(422, 'invalid', text('Berkas CSV tidak berisi baris data.', 'The CSV file has no data rows.'));
  const inputs = table.rows.map(({ line, cells }) => ({
    line,
    input: {
      slug: cells.slug ?? '',
      code: cells.code ?? '',
      name: cells.name ?? '',
      level: cells.level ?? '',
      parentSlug: cells.parent ?? '',
      address: cells.address ?? '',
      city: cells.city ?? '',
      phone: cells.phone ?? '',
      email: cells.email ?? '',
      website: cells.website ?? '',
      timeZone: cells.time_zone || 'Asia/Jakarta',
      hoursStart: cells.hours_start || '08:00',
      hoursEnd: cells.hours_end || '16:00',
      letterheadLines: (cells.letterhead ?? '').split('|').map((l) => l.trim()).filter(Boolean),
    } satisfies OfficeInput,
  }));
  return db.transaction(async (tx) => {
    const existing = new Map((await tx.select().from(offices)).map((o) => [o.slug, o]));
    const inFile = new Map(inputs.map((i) => [i.input.slug, i.input]));
    const errors: Record<string, Text> = {};
    const seen = new Set<string>();
    for (const { line, input } of inputs) {
      for (const [field, problem] of Object.entries(officeProblems(input))) errors[`baris ${line} / row ${line}: ${field}`] = problem;
      if (seen.has(input.slug)) errors[`baris ${line} / row ${line}: slug`] = text('Slug muncul dua kali dalam berkas.', 'The slug appears twice in the file.');
      seen.add(input.slug);
      if (input.parentSlug) {
        const parentLevel = inFile.get(input.parentSlug)?.level ?? existing.get(input.parentSlug)?.level;
        if (!parentLevel) {
          errors[`baris ${line} / row ${line}: parent`] = text(`Kantor induk "${input.parentSlug}" tidak ditemukan.`, `Parent office "${input.parentSlug}" not found.`);
        } else if (parentLevel !== parentLevelFor(input.level as Level)) {
          errors[`baris ${line} / row ${line}: parent`] = text('Tingkat kantor induk tidak sesuai.', 'The parent office is at the wrong level.');
        }
      }
    }
    if (Object.keys(errors).length) {
      throw invalid(errors, text('Impor dibatalkan; tidak ada yang disimpan. Perbaiki baris berikut:', 'Import cancelled; nothing was saved. Fix these rows:'));
    }
    // Parents before children, so a parent created in this file has its id when the child needs it.
    const order: Record<string, number> = { ri: 0, province: 1, regency: 2 };
    const sorted = [...inputs].sort((a, b) => order[a.input.level]! - order[b.input.level]!);
    const result = { created: 0, updated: 0, unchanged: 0 };
    for (const { input } of sorted) {
      const parentId = input.parentSlug ? existing.get(input.parentSlug)!.id : null;
      const values = {
        slug: input.slug,
        code: input.code,
        name: input.name,
        level: input.level,
        parentId,
        address: input.address,
        city: input.city,
        phone: input.phone,
        email: input.email,
        website: input.website,
        timeZone: input.timeZone,
        hoursStart: input.hoursStart,
        hoursEnd: input.hoursEnd,
        letterheadLines: [...input.letterheadLines],
      };
      const before = existing.get(input.slug);
      if (!before) {
        const [row] = await tx.insert(offices).values(values).returning();
        existing.set(row!.slug, row!);
        await recordEvent(tx, actor, { officeId: row!.id, action: 'office.created', subjectType: 'office', subjectId: row!.id, after: values });
        result.created++;
        continue;
      }
      const changed = (Object.keys(values) as (keyof typeof values)[]).some((k) => JSON.stringify(values[k]) !== JSON.stringify(before[k]));
      if (!changed) {
        result.unchanged++;
        continue;
      }
      const [row] = await tx.update(offices).set(values).where(eq(offices.id, before.id)).returning();
      existing.set(row!.slug, row!);
      await recordEvent(tx, actor, { officeId: row!.id, action: 'office.updated', subjectType: 'office', subjectId: row!.id, before, after: values });
      result.updated++;
    }
    return result;
  }).catch((error: unknown) => {
    if ((error as { code?: string }).code === '23505' || String((error as Error).message).includes('offices_code_key')) {
      throw conflict(text('Kode kantor sudah dipakai kantor lain.', 'An office code is already used by another office.'));
    }
    throw error;
  });
}

/** Office details an office admin keeps current: address, letterhead, hours, deadline reminders, the days to complete a request. */
export async function updateOfficeDetails(
  db: Db,
  actor: Actor,
  scope: OfficeScope,
  input: Pick<OfficeInput, 'address' | 'city' | 'phone' | 'email' | 'website' | 'timeZone' | 'hoursStart' | 'hoursEnd' | 'letterheadLines'> & { afterHoursRule: string; reminderDays: readonly number[]; requestNumberPattern: string; letterNumberPattern: string; downloadLinkDays: number; completionDays: number },
): Promise<OfficeRow> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(offices).where(eq(offices.id, scope.officeId));
    if (!before) throw notFound();
    const problems = officeProblems({ ...input, slug: before.slug, code: before.code, name: before.name, level: before.level, parentSlug: before.parentId ? 'parent' : '' });
    if (!isAfterHoursRule(input.afterHoursRule)) problems.after_hours_rule = text('Pilih aturan yang tersedia.', 'Choose one of the rules offered.');
    const days = input.reminderDays;
    if (days.length > 3 || new Set(days).size !== days.length || !days.every((d) => Number.isInteger(d) && d >= 1 && d <= 10)) {
      problems.reminder_days = text('Isi sampai tiga angka berbeda dari 1 sampai 10, mis. 3, 1.', 'Give up to three different numbers from 1 to 10, e.g. 3, 1.');
    }
    for (const [field, pattern] of [['request_number_pattern', input.requestNumberPattern], ['letter_number_pattern', input.letterNumberPattern]] as const) {
      const problem = patternProblem(pattern);
      if (problem) problems[field] = problem;
    }
    if (!Number.isInteger(input.downloadLinkDays) || input.downloadLinkDays < 1 || input.downloadLinkDays > 90) {
      problems.download_link_days = text('Isi angka 1 sampai 90.', 'Give a number from 1 to 90.');
    }
    if (!Number.isInteger(input.completionDays) || input.completionDays < 1 || input.completionDays > 10) {
      problems.completion_days = text('Isi angka 1 sampai 10.', 'Give a number from 1 to 10.');
    }
    if (Object.keys(problems).length) throw invalid(problems);
    const values = { ...input, letterheadLines: [...input.letterheadLines], reminderDays: [...days].sort((a, b) => b - a) };
    const [after] = await tx.update(offices).set(values).where(eq(offices.id, scope.officeId)).returning();
    await recordEvent(tx, actor, { officeId: scope.officeId, action: 'office.updated', subjectType: 'office', subjectId: scope.officeId, before, after: values });
    return after!;
  });
}

/** Checks a staff form against this office: its units (a person may stay in a unit since deactivated) and its e-mails. */
async function checkedStaffInput(db: Db, scope: OfficeScope, input: StaffInput, mayGrantSystemAdmin: boolean, editing?: StaffRow) {
  const unitIds = (await unitsOfOffice(db, scope)).filter((u) => u.active || u.id === editing?.unitId).map((u) => u.id);
  const problems = staffProblems(input, { mayGrantSystemAdmin, unitIds });
  const other = await staffByEmail(db, input.email);
  if (other && other.id !== editing?.id) problems.email = text('Alamat surel ini sudah dipakai akun lain.', 'This e-mail address is used by another account.');
  if (Object.keys(problems).length) throw invalid(problems);
}

/**
 * Creates a staff account. With no password given, the account gets a random one and its owner an
 * e-mail to set their own (through the reset link), so no password travels in the clear.
 */
export async function createStaff(
  db: Db,
  actor: Actor,
  scope: OfficeScope,
  input: StaffInput & { password?: string; demo?: boolean },
  options: { mayGrantSystemAdmin: boolean; baseUrl: string },
): Promise<StaffRow> {
  await checkedStaffInput(db, scope, input, options.mayGrantSystemAdmin);
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password, input.email);
    if (problem) throw invalid({ password: problem });
  }
  const passwordHash = await hashPassword(input.password ?? randomPassword());
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(staff)
      .values({
        officeId: scope.officeId,
        unitId: input.unitId,
        email: input.email.trim(),
        name: input.name.trim(),
        position: input.position.trim(),
        roles: [...new Set(input.roles)],
        passwordHash,
        demo: input.demo ?? false,
      })
      .returning();
    await recordEvent(tx, actor, { officeId: scope.officeId, action: 'staff.created', subjectType: 'staff', subjectId: row!.id, after: staffForAudit(row!) });
    if (input.password === undefined) {
      await enqueueMail(tx, {
        officeId: scope.officeId,
        to: row!.email,
        subject: 'Akun Lentera Anda / Your Lentera account',
        text: [
          `Yth. ${row!.name},`,
          '',
          'Akun Lentera telah dibuat untuk Anda. Atur kata sandi Anda melalui:',
          `${options.baseUrl}/lupa-sandi`,
          '',
          '---',
          'A Lentera account was created for you. Set your password at the address above.',
        ].join('\n'),
      });
    }
    return row!;
  });
}

export async function updateStaff(db: Db, actor: Actor, scope: OfficeScope, id: number, input: StaffInput & { active: boolean }, options: { mayGrantSystemAdmin: boolean; selfId: number }): Promise<StaffRow> {
  const before = await staffInScope(db, scope, id);
  if (!before) throw notFound();
  if (!options.mayGrantSystemAdmin && before.roles.includes('system_admin')) {
    throw new AppError(403, 'forbidden', text('Akun admin sistem hanya dapat diubah oleh admin sistem.', 'Only a system administrator can change a system administrator account.'));
  }
  if (id === options.selfId && (!input.active || !input.roles.some((r) => r === 'office_admin' || r === 'system_admin'))) {
    throw invalid({ roles: text('Anda tidak dapat mencabut peran admin atau menonaktifkan akun Anda sendiri.', 'You cannot remove your own admin role or deactivate yourself.') });
  }
  await checkedStaffInput(db, scope, input, options.mayGrantSystemAdmin, before);
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(staff)
      .set({ name: input.name.trim(), email: input.email.trim(), position: input.position.trim(), roles: [...new Set(input.roles)], unitId: input.unitId, active: input.active })
      .where(and(eq(staff.id, id), eq(staff.officeId, scope.officeId)))
      .returning();
    if (!input.active || before.email.toLowerCase() !== after!.email.toLowerCase()) await revokeAllSessions(tx, id);
    await recordEvent(tx, actor, { officeId: scope.officeId, action: 'staff.updated', subjectType: 'staff', subjectId: id, before: staffForAudit(before), after: staffForAudit(after!) });
    return after!;
  });
}

export async function revokeStaffSessions(db: Db, actor: Actor, scope: OfficeScope, id: number): Promise<number> {
  const target = await staffInScope(db, scope, id);
  if (!target) throw notFound();
  return db.transaction(async (tx) => {
    const count = await revokeAllSessions(tx, id);
    await recordEvent(tx, actor, { officeId: scope.officeId, action: 'staff.sessions_revoked', subjectType: 'staff', subjectId: id, after: { revoked: count } });
    return count;
  });
}

export async function createUnit(db: Db, actor: Actor, scope: OfficeScope, name: string) {
  const problem = unitNameProblem(name);
  if (problem) throw invalid({ name: problem });
  return db.transaction(async (tx) => {
    // lower() on both sides, in the database: JavaScript lower-cases İ and a final Σ differently, and a
    // duplicate it missed reached the unique index as a 500.
    const [dupe] = await tx.select({ id: units.id }).from(units).where(and(eq(units.officeId, scope.officeId), sql`lower(${units.name}) = lower(${name.trim()})`));
    if (dupe) throw invalid({ name: text('Unit dengan nama ini sudah ada.', 'A unit with this name already exists.') });
    const [row] = await tx.insert(units).values({ officeId: scope.officeId, name: name.trim() }).returning();
    await recordEvent(tx, actor, { officeId: scope.officeId, action: 'unit.created', subjectType: 'unit', subjectId: row!.id, after: row });
    return row!;
  });
}

export async function updateUnit(db: Db, actor: Actor, scope: OfficeScope, id: number, input: { name: string; active: boolean }) {
  const before = await unitInScope(db, scope, id);
  if (!before) throw notFound();
  const problem = unitNameProblem(input.name);
  if (problem) throw invalid({ name: problem });
  return db.transaction(async (tx) => {
    const [dupe] = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.officeId, scope.officeId), sql`lower(${units.name}) = lower(${input.name.trim()})`, sql`${units.id} <> ${id}`));
    if (dupe) throw invalid({ name: text('Unit dengan nama ini sudah ada.', 'A unit with this name already exists.') });
    const [after] = await tx.update(units).set({ name: input.name.trim(), active: input.active }).where(and(eq(units.id, id), eq(units.officeId, scope.officeId))).returning();
    await recordEvent(tx, actor, { officeId: scope.officeId, action: 'unit.updated', subjectType: 'unit', subjectId: id, before, after });
    return after!;
  });
}

export async function requireOffice(db: Db, slug: string): Promise<OfficeRow> {
  const office = await officeBySlug(db, slug);
  if (!office) throw new AppError(404, 'not_found', text(`Kantor dengan slug "${slug}" tidak ditemukan.`, `No office with the slug "${slug}".`));
  return office;
}
