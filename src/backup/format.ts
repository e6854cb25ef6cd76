import { join } from 'node:path';
import { AppError } from '../kernel/errors.ts';
import { text, type Text } from '../kernel/i18n.ts';

/**
 * The backup file: gzip of UTF-8 lines. Line 1 is the header (JSON); every other line is one row,
 * `{"table":"offices","row":{...}}`, grouped by table in the header's order (parents before children).
 * Row objects are PostgreSQL's own row_to_json text, so values keep every digit; bytea is base64 and
 * json is its exact text (see sql.ts).
 */
export const FORMAT = 'lentera-backup';
export const FORMAT_VERSION = 1;

export interface MigrationRef {
  readonly name: string;
  readonly hash: string;
}

export interface ColumnRef {
  readonly name: string;
  /** PostgreSQL's format_type(), e.g. "timestamp(3) with time zone", "text[]". */
  readonly type: string;
}

export interface TableEntry {
  readonly name: string;
  readonly rows: number;
  readonly columns: readonly ColumnRef[];
}

export interface SequenceState {
  readonly name: string;
  /** Text, because a bigint does not fit a JavaScript number. */
  readonly lastValue: string;
  readonly isCalled: boolean;
}

export interface BackupHeader {
  readonly format: typeof FORMAT;
  readonly version: typeof FORMAT_VERSION;
  readonly createdAt: string;
  readonly engine: 'pglite' | 'postgres';
  /** Rows of lentera_migrations; that table is not in `tables`, the target rebuilds it by migrating. */
  readonly migrations: readonly MigrationRef[];
  readonly tables: readonly TableEntry[];
  readonly sequences: readonly SequenceState[];
}

export const backupFileError = (why: Text) => new AppError(422, 'backup_file_invalid', why);
export const restoreRefused = (why: Text) => new AppError(409, 'restore_refused', why);

const notABackup = () =>
  backupFileError(text('Berkas ini bukan cadangan Lentera.', 'This file is not a Lentera backup.'));

const corruptAt = (lineNumber: number) =>
  backupFileError(
    text(
      `Berkas cadangan rusak pada baris ${lineNumber}; gunakan salinan lain.`,
      `The backup file is corrupt at line ${lineNumber}; use another copy.`,
    ),
  );

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const arrayOf = (v: unknown, item: (x: Json) => boolean) => Array.isArray(v) && v.every((x) => isRecord(x) && item(x));

const isMigration = (m: Json) => isString(m.name) && isString(m.hash);
const isColumn = (c: Json) => isString(c.name) && isString(c.type);
const isTable = (t: Json) => isString(t.name) && Number.isSafeInteger(t.rows) && (t.rows as number) >= 0 && arrayOf(t.columns, isColumn);
const isSequence = (s: Json) => isString(s.name) && isString(s.lastValue) && /^-?\d+$/.test(s.lastValue) && typeof s.isCalled === 'boolean';

/** Reads line 1. Refuses anything that is not our format, or a version this program cannot read. */
export function parseHeader(line: string): BackupHeader {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw notABackup();
  }
  if (!isRecord(value) || value.format !== FORMAT) throw notABackup();
  if (value.version !== FORMAT_VERSION) {
    throw backupFileError(
      text(
        `Versi format cadangan ${String(value.version)} tidak dikenal program ini (mendukung versi ${FORMAT_VERSION}); gunakan Lentera yang membuatnya.`,
        `Backup format version ${String(value.version)} is not supported (this program reads version ${FORMAT_VERSION}); use the Lentera that made it.`,
      ),
    );
  }
  const valid =
    isString(value.createdAt) &&
    (value.engine === 'pglite' || value.engine === 'postgres') &&
    arrayOf(value.migrations, isMigration) &&
    arrayOf(value.tables, isTable) &&
    arrayOf(value.sequences, isSequence);
  if (!valid) throw corruptAt(1);
  return value as unknown as BackupHeader;
}

/**
 * Checks the row lines against the header while they stream past: each row belongs to the table whose
 * turn it is, carries exactly that table's columns, and every table ends with the count the header gave.
 */
export class RowChecker {
  private index = 0;
  private seen = 0;
  private readonly columns: ReadonlyMap<string, ReadonlySet<string>>;

  constructor(private readonly header: BackupHeader) {
    this.columns = new Map(header.tables.map((t) => [t.name, new Set(t.columns.map((c) => c.name))]));
  }

  /** Returns the row's table; `lineNumber` counts the header as line 1. */
  check(line: string, lineNumber: number): string {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw corruptAt(lineNumber);
    }
    if (!isRecord(value) || !isString(value.table) || !isRecord(value.row)) throw corruptAt(lineNumber);
    this.skipFinishedTables();
    const table = this.header.tables[this.index];
    if (table?.name !== value.table || !sameKeys(value.row, this.columns.get(table.name)!)) throw corruptAt(lineNumber);
    this.seen++;
    return table.name;
  }

  /** Call after the last line: a table short of rows means the file was cut or edited. */
  finish(): void {
    this.skipFinishedTables();
    const table = this.header.tables[this.index];
    if (table) {
      throw backupFileError(
        text(
          `Berkas cadangan tidak lengkap: tabel ${table.name} berisi ${this.seen} dari ${table.rows} baris; gunakan salinan lain.`,
          `The backup file is incomplete: table ${table.name} has ${this.seen} of ${table.rows} rows; use another copy.`,
        ),
      );
    }
  }

  private skipFinishedTables(): void {
    while (this.index < this.header.tables.length && this.seen === this.header.tables[this.index]!.rows) {
      this.index++;
      this.seen = 0;
    }
  }
}

function sameKeys(row: Json, columns: ReadonlySet<string>): boolean {
  const keys = Object.keys(row);
  return keys.length === columns.size && keys.every((k) => columns.has(k));
}

export type LevelCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: 'unknown' | 'changed' | 'gap'; readonly name: string };

/**
 * Whether the migrations in `applied` are exactly the first ones of `reference`, same names and same
 * file hashes. Compared as a set: lentera_migrations has no order of its own.
 */
export function checkLevel(applied: readonly MigrationRef[], reference: readonly MigrationRef[]): LevelCheck {
  const byName = new Map(reference.map((m) => [m.name, m.hash]));
  for (const m of applied) {
    const hash = byName.get(m.name);
    if (hash === undefined) return { ok: false, problem: 'unknown', name: m.name };
    if (hash !== m.hash) return { ok: false, problem: 'changed', name: m.name };
  }
  const names = new Set(applied.map((m) => m.name));
  const missing = reference.slice(0, applied.length).find((m) => !names.has(m.name));
  return missing ? { ok: false, problem: 'gap', name: missing.name } : { ok: true };
}

/** The backup must have been made at a migration level this program has (or had) itself. */
export function assertBackupLevel(backup: readonly MigrationRef[], program: readonly MigrationRef[]): void {
  const check = checkLevel(backup, program);
  if (check.ok) return;
  if (check.problem === 'changed') {
    throw restoreRefused(
      text(
        `Migrasi ${check.name} di cadangan berbeda dengan milik program ini, jadi skemanya tidak dapat dijamin sama.`,
        `Migration ${check.name} in the backup differs from this program's, so the schema cannot be trusted to match.`,
      ),
    );
  }
  throw restoreRefused(
    text(
      `Cadangan dibuat dengan migrasi yang tidak dimiliki program ini (${check.name}); pulihkan dengan versi Lentera yang sama atau lebih baru.`,
      `The backup was made at a migration this program does not have (${check.name}); restore with the same or a newer Lentera.`,
    ),
  );
}

/** The target can be brought up to the backup's level, never down: migrations only go forward. */
export function assertTargetLevel(target: readonly MigrationRef[], backup: readonly MigrationRef[]): void {
  const check = checkLevel(target, backup);
  if (check.ok) return;
  throw restoreRefused(
    text(
      `Basis data tujuan sudah dimigrasi melewati atau menyimpang dari tingkat cadangan (${check.name}); pulihkan ke basis data kosong (DATA_DIR baru atau basis data PostgreSQL baru).`,
      `The target database is migrated beyond or apart from the backup's level (${check.name}); restore into an empty database (a new DATA_DIR or a new PostgreSQL database).`,
    ),
  );
}

export function assertEmptyTarget(tablesWithRows: readonly string[]): void {
  if (tablesWithRows.length === 0) return;
  const list = tablesWithRows.join(', ');
  throw restoreRefused(
    text(
      `Basis data tujuan sudah berisi data (tabel ${list}); pemulihan akan menggantinya seluruhnya, jadi ulangi dengan --force bila memang itu maksudnya.`,
      `The target database already holds data (tables ${list}); restoring replaces all of it, so repeat with --force if that is what you want.`,
    ),
  );
}

/** What the target's catalog looks like, reduced to what must match the backup. */
export interface SchemaShape {
  readonly tables: readonly { readonly name: string; readonly columns: readonly ColumnRef[] }[];
  readonly sequences: readonly { readonly name: string }[];
}

/**
 * At the same migration level the schemas match unless someone changed one by hand; a row would
 * then silently lose a column, so any difference is named and refused.
 */
export function schemaDifferences(header: BackupHeader, target: SchemaShape): string[] {
  const describe = (tables: SchemaShape['tables']) =>
    new Set(tables.flatMap((t) => [`table ${t.name}`, ...t.columns.map((c) => `column ${t.name}.${c.name} ${c.type}`)]));
  const ours = describe(header.tables);
  const theirs = describe(target.tables);
  const seqOurs = new Set(header.sequences.map((s) => `sequence ${s.name}`));
  const seqTheirs = new Set(target.sequences.map((s) => `sequence ${s.name}`));
  const onlyIn = (a: Set<string>, b: Set<string>, where: string) => [...a].filter((x) => !b.has(x)).map((x) => `${x} (${where})`);
  return [
    ...onlyIn(ours, theirs, 'backup only'),
    ...onlyIn(theirs, ours, 'target only'),
    ...onlyIn(seqOurs, seqTheirs, 'backup only'),
    ...onlyIn(seqTheirs, seqOurs, 'target only'),
  ];
}

export function assertSameSchema(header: BackupHeader, target: SchemaShape): void {
  const differences = schemaDifferences(header, target);
  if (differences.length === 0) return;
  const list = differences.slice(0, 5).join('; ') + (differences.length > 5 ? '; …' : '');
  throw restoreRefused(
    text(
      `Skema basis data tujuan berbeda dengan skema cadangan pada tingkat migrasi yang sama (${list}); skema salah satunya diubah di luar migrasi.`,
      `The target's schema differs from the backup's at the same migration level (${list}); one of them was changed outside migrations.`,
    ),
  );
}

/**
 * Tables ordered so that every table comes after the tables it references (ties by name, so the
 * order is stable). References to itself and cycles cannot be ordered away; restore does not rely
 * on the order (it re-creates foreign keys after loading), the order is for anyone reading the file.
 */
export function dependencyOrder(tables: readonly string[], references: readonly { table: string; references: string }[]): string[] {
  const pending = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const r of references) {
    if (r.table !== r.references && pending.has(r.references)) pending.get(r.table)?.add(r.references);
  }
  const ordered: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter(([, deps]) => [...deps].every((d) => !pending.has(d))).map(([t]) => t);
    // In a cycle nothing is ready: break it at the first name and carry on ordering the rest.
    const next = ready.length > 0 ? ready.sort() : [[...pending.keys()].sort()[0]!];
    for (const t of next) {
      ordered.push(t);
      pending.delete(t);
    }
  }
  return ordered;
}

/** `${dataDir}/backups/lentera-YYYYMMDD-HHMMSS.lentera-backup.gz` in the machine's local time, as the office reads its clock. */
export function defaultBackupPath(dataDir: string, now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}`;
  const time = `${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  return join(dataDir, 'backups', `lentera-${day}-${time}.lentera-backup.gz`);
}
