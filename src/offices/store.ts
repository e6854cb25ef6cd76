import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { offices, staff, units } from '../db/schema.ts';

export type OfficeRow = typeof offices.$inferSelect;
export type StaffRow = typeof staff.$inferSelect;
export type UnitRow = typeof units.$inferSelect;

/**
 * The office a piece of work happens in. Every query on office-owned rows takes one; it is built only
 * by `scopeFor` in src/web/context.ts (from the signed-in staff) or by the CLI, never from user input.
 */
export interface OfficeScope {
  readonly officeId: number;
}

export async function officeBySlug(exec: Executor, slug: string): Promise<OfficeRow | undefined> {
  const [row] = await exec.select().from(offices).where(eq(offices.slug, slug));
  return row;
}

export async function officeById(exec: Executor, id: number): Promise<OfficeRow | undefined> {
  const [row] = await exec.select().from(offices).where(eq(offices.id, id));
  return row;
}

export function allOffices(exec: Executor): Promise<OfficeRow[]> {
  return exec.select().from(offices).orderBy(asc(offices.code), asc(offices.id));
}

export function childOffices(exec: Executor, parentId: number): Promise<OfficeRow[]> {
  return exec.select().from(offices).where(eq(offices.parentId, parentId)).orderBy(asc(offices.code), asc(offices.id));
}

/** Compares with the database's lower() on both sides, as the unique index does (JavaScript's differs for İ, Σ). */
export async function staffByEmail(exec: Executor, email: string): Promise<StaffRow | undefined> {
  const [row] = await exec.select().from(staff).where(sql`lower(${staff.email}) = lower(${email.trim()})`);
  return row;
}

export async function staffById(exec: Executor, id: number): Promise<StaffRow | undefined> {
  const [row] = await exec.select().from(staff).where(eq(staff.id, id));
  return row;
}

export async function staffInScope(exec: Executor, scope: OfficeScope, id: number): Promise<StaffRow | undefined> {
  const [row] = await exec.select().from(staff).where(and(eq(staff.id, id), eq(staff.officeId, scope.officeId)));
  return row;
}

export function staffOfOffice(exec: Executor, scope: OfficeScope): Promise<StaffRow[]> {
  return exec.select().from(staff).where(eq(staff.officeId, scope.officeId)).orderBy(asc(staff.name), asc(staff.id));
}

export function unitsOfOffice(exec: Executor, scope: OfficeScope): Promise<UnitRow[]> {
  return exec.select().from(units).where(eq(units.officeId, scope.officeId)).orderBy(asc(units.name), asc(units.id));
}

export async function unitInScope(exec: Executor, scope: OfficeScope, id: number): Promise<UnitRow | undefined> {
  const [row] = await exec.select().from(units).where(and(eq(units.id, id), eq(units.officeId, scope.officeId)));
  return row;
}
