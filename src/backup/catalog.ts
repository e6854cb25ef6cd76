import type { RawSession } from '../db/client.ts';
import { dependencyOrder, type ColumnRef, type MigrationRef, type SequenceState } from './format.ts';
import { tableRef } from './sql.ts';

/**
 * What backup and restore read from pg_catalog about schema public. Nothing is listed by hand: a table
 * added by a later migration is found here. lentera_migrations is left out; it travels in the header.
 */
export interface CatalogTable {
  readonly name: string;
  /** Stored columns in column order; generated columns are left out, the target computes them. */
  readonly columns: readonly ColumnRef[];
  /** In key order; empty when the table has none (pages then follow ctid). */
  readonly primaryKey: readonly ColumnRef[];
}

export interface ForeignKey {
  readonly name: string;
  readonly table: string;
  readonly references: string;
  /** pg_get_constraintdef(), enough to create it again. */
  readonly definition: string;
}

export interface Trigger {
  readonly table: string;
  readonly name: string;
}

export interface Sequence {
  readonly name: string;
  /** The serial or identity column the sequence feeds, when it belongs to one. */
  readonly owner: { readonly table: string; readonly column: string } | null;
}

export interface Catalog {
  /** Parents before children. */
  readonly tables: readonly CatalogTable[];
  readonly foreignKeys: readonly ForeignKey[];
  /** User triggers that are enabled now. */
  readonly triggers: readonly Trigger[];
  readonly sequences: readonly Sequence[];
}

const USER_TABLES = `n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'lentera_migrations'`;

/** One query after another: a session is one connection, and pg no longer queues concurrent queries on one. */
export async function readCatalog(session: RawSession): Promise<Catalog> {
  const columns = await session.query<{ table: string; name: string; type: string }>(
    `SELECT c.relname AS "table", a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE ${USER_TABLES} ORDER BY c.relname, a.attnum`,
  );
  const keys = await session.query<{ table: string; name: string; type: string }>(
    `SELECT c.relname AS "table", a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
     FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
     WHERE i.indisprimary AND ${USER_TABLES} ORDER BY c.relname, k.ord`,
  );
  // conparentid = 0: a partition's copy of a foreign key goes and comes back with its parent's.
  const foreignKeys = await session.query<ForeignKey>(
    `SELECT con.conname AS name, c.relname AS "table", r.relname AS "references", pg_get_constraintdef(con.oid) AS definition
     FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_class r ON r.oid = con.confrelid
     WHERE con.contype = 'f' AND con.conparentid = 0 AND ${USER_TABLES} ORDER BY c.relname, con.conname`,
  );
  const triggers = await session.query<Trigger>(
    `SELECT c.relname AS "table", t.tgname AS name
     FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND ${USER_TABLES} ORDER BY c.relname, t.tgname`,
  );
  const sequences = await session.query<{ name: string; table: string | null; column: string | null }>(
    `SELECT s.relname AS name, t.relname AS "table", a.attname AS "column"
     FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace
     LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid
       AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
     LEFT JOIN pg_class t ON t.oid = d.refobjid
     LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
     WHERE s.relkind = 'S' AND n.nspname = 'public' ORDER BY s.relname`,
  );
  const byTable = (rows: { table: string; name: string; type: string }[], table: string) =>
    rows.filter((r) => r.table === table).map(({ name, type }) => ({ name, type }));
  const names = [...new Set(columns.map((c) => c.table))];
  const tables = dependencyOrder(names, foreignKeys).map((name) => ({ name, columns: byTable(columns, name), primaryKey: byTable(keys, name) }));
  return {
    tables,
    foreignKeys,
    triggers,
    sequences: sequences.map((s) => ({ name: s.name, owner: s.table && s.column ? { table: s.table, column: s.column } : null })),
  };
}

/** Empty when the database was never migrated. */
export async function readAppliedMigrations(session: RawSession): Promise<MigrationRef[]> {
  const [found] = await session.query<{ present: boolean }>(`SELECT to_regclass('public.lentera_migrations') IS NOT NULL AS present`);
  if (!found?.present) return [];
  return session.query<MigrationRef>('SELECT name, hash FROM lentera_migrations ORDER BY name');
}

/** The text cast keeps bigints whole and makes both engines answer alike (PGlite: number, pg: string). */
export async function countRows(session: RawSession, table: string): Promise<number> {
  const [row] = await session.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${tableRef(table)}`);
  return Number(row!.n);
}

export async function tablesWithRows(session: RawSession, tables: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const table of tables) {
    const [row] = await session.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${tableRef(table)}) AS "any"`);
    if (row?.any) found.push(table);
  }
  return found;
}

export async function readSequenceStates(session: RawSession, sequences: readonly Sequence[]): Promise<SequenceState[]> {
  const states: SequenceState[] = [];
  for (const { name } of sequences) {
    const [row] = await session.query<{ lastValue: string; isCalled: boolean }>(
      `SELECT last_value::text AS "lastValue", is_called AS "isCalled" FROM ${tableRef(name)}`,
    );
    states.push({ name, lastValue: row!.lastValue, isCalled: row!.isCalled });
  }
  return states;
}
