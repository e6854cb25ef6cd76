import type { CatalogTable, ForeignKey, Sequence, Trigger } from './catalog.ts';
import type { ColumnRef } from './format.ts';

/**
 * The SQL text backup and restore run, built from the catalog. Values never pass through JavaScript
 * types: PostgreSQL writes each row as JSON (row_to_json) and reads it back (jsonb_to_recordset) with the
 * column's own type, so timestamps, dates, jsonb, arrays, numerics and bigints come back exactly and
 * both engines produce the same bytes.
 */

/** Rows per page when reading a table, and per INSERT when restoring one. */
export const PAGE_ROWS = 1000;

export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const tableRef = (name: string) => `public.${ident(name)}`;

/** A column that travels as a JSON string: restore reads it as text and converts it with `read`. */
interface Codec {
  /** SQL turning the column into the string stored in the file. */
  readonly write: (column: string) => string;
  readonly read: (value: string) => string;
}

/** base64 instead of PostgreSQL's \x hex: a third the size. encode() wraps every 76 characters. */
const BASE64: Codec = { write: (c) => `translate(encode(${c}, 'base64'), E'\\n', '')`, read: (v) => `decode(${v}, 'base64')` };

/** The column's own text form, read back with the type's input function. */
const asText = (type: string): Codec => ({ write: (c) => `${c}::text`, read: (v) => `${v}::${type}` });

/**
 * Types whose plain row_to_json form would not come back exactly. Restore reads JSON numbers as jsonb
 * numeric, which has no -0 for floats; json is kept as written (row_to_json would embed it verbatim,
 * line breaks included, splitting the row's line).
 */
function codecOf(type: string): Codec | undefined {
  if (type === 'bytea') return BASE64;
  if (/^(json|real|double precision)(\[\])*$/.test(type)) return asText(type);
  return undefined;
}

/** The key pages follow: the primary key, or the physical row address for a table without one. */
function keyOf(table: CatalogTable): { expr: string; type: string }[] {
  if (table.primaryKey.length === 0) return [{ expr: 't.ctid', type: 'tid' }];
  return table.primaryKey.map((c) => ({ expr: `t.${ident(c.name)}`, type: c.type }));
}

/**
 * One page of a table in key order: `k0…kn` (the key as text, for the next page's $1…$n) and `line`
 * (the row as JSON). With `afterKey` the page starts after the key passed as parameters.
 */
export function pageQuery(table: CatalogTable, afterKey: boolean): string {
  const key = keyOf(table);
  const columns = table.columns.map((c) => `${codecOf(c.type)?.write(`t.${ident(c.name)}`) ?? `t.${ident(c.name)}`} AS ${ident(c.name)}`);
  const keyText = key.map((k, i) => `${k.expr}::text AS k${i}`);
  const after = afterKey ? `WHERE (${key.map((k) => k.expr).join(', ')}) > (${key.map((k, i) => `$${i + 1}::${k.type}`).join(', ')})` : '';
  return `SELECT ${keyText.join(', ')}, row_to_json(r)::text AS line
    FROM ${tableRef(table.name)} AS t CROSS JOIN LATERAL (SELECT ${columns.join(', ')}) AS r
    ${after} ORDER BY ${key.map((k) => k.expr).join(', ')} LIMIT ${PAGE_ROWS}`;
}

/** The JSON key names of a page row holding the key, in key order. */
export const keyFields = (table: CatalogTable) => keyOf(table).map((_, i) => `k${i}`);

/**
 * Inserts the rows of $1, a JSON array of file lines ({"table","row"}). jsonb_to_recordset over the
 * whole batch is the fastest form on PGlite; every value stays exact (see codecOf). OVERRIDING SYSTEM
 * VALUE keeps the ids of identity columns and is a no-op on other tables.
 */
export function insertQuery(table: CatalogTable): string {
  const recordType = (c: ColumnRef) => (codecOf(c.type) ? 'text' : c.type);
  const value = (c: ColumnRef) => codecOf(c.type)?.read(`r.${ident(c.name)}`) ?? `r.${ident(c.name)}`;
  return `INSERT INTO ${tableRef(table.name)} (${table.columns.map((c) => ident(c.name)).join(', ')}) OVERRIDING SYSTEM VALUE
    SELECT ${table.columns.map(value).join(', ')}
    FROM jsonb_to_recordset(jsonb_path_query_array($1::jsonb, '$[*].row'))
      AS r(${table.columns.map((c) => `${ident(c.name)} ${recordType(c)}`).join(', ')})`;
}

/** One statement, so the foreign keys between the tables never object to the order. */
export const truncateQuery = (tables: readonly CatalogTable[]) => `TRUNCATE ${tables.map((t) => tableRef(t.name)).join(', ')}`;

export const dropForeignKeyQuery = (fk: ForeignKey) => `ALTER TABLE ${tableRef(fk.table)} DROP CONSTRAINT ${ident(fk.name)}`;
export const addForeignKeyQuery = (fk: ForeignKey) => `ALTER TABLE ${tableRef(fk.table)} ADD CONSTRAINT ${ident(fk.name)} ${fk.definition}`;

export const triggerQuery = (trigger: Trigger, enable: boolean) =>
  `ALTER TABLE ${tableRef(trigger.table)} ${enable ? 'ENABLE' : 'DISABLE'} TRIGGER ${ident(trigger.name)}`;

/**
 * Sets a sequence from the backup ($1 name, $2 last value, $3 is_called) but never below the largest
 * id restored into its column: the next insert gets max(id)+1 or more, and no id is handed out twice.
 */
export function sequenceQuery(sequence: Sequence): string {
  if (!sequence.owner) return `SELECT setval($1::regclass, $2::bigint, $3::boolean)`;
  return `SELECT CASE WHEN m.top >= $2::bigint THEN setval($1::regclass, m.top) ELSE setval($1::regclass, $2::bigint, $3::boolean) END
    FROM (SELECT max(${ident(sequence.owner.column)})::bigint AS top FROM ${tableRef(sequence.owner.table)}) AS m`;
}
