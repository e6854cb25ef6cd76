import type { Database, RawSession } from '../db/client.ts';
import { loadMigrations, migrate, type Migration } from '../db/migrate.ts';
import { AppError } from '../kernel/errors.ts';
import { text, type Text } from '../kernel/i18n.ts';
import { countRows, readAppliedMigrations, readCatalog, tablesWithRows, type Catalog, type CatalogTable } from './catalog.ts';
import { openBackupFile, scanBackupFile, type BackupRow } from './file.ts';
import { assertBackupLevel, assertEmptyTarget, assertSameSchema, assertTargetLevel, type BackupHeader } from './format.ts';
import {
  addForeignKeyQuery,
  dropForeignKeyQuery,
  insertQuery,
  PAGE_ROWS,
  sequenceQuery,
  tableRef,
  triggerQuery,
  truncateQuery,
} from './sql.ts';

export interface RestoreOptions {
  /** Replace a target that already holds data. */
  readonly force?: boolean;
  /** This program's migrations (src/db/migrate.ts); tests pass a longer list to stand for a later release. */
  readonly migrations?: readonly Migration[];
}

export interface RestoreReport {
  readonly sha256: string;
  readonly header: BackupHeader;
  /** Counted in the target after loading, in the backup's table order. */
  readonly tables: readonly { readonly name: string; readonly rows: number }[];
  /** Migrations newer than the backup, applied to the restored data. */
  readonly migratedAfter: readonly string[];
}

/**
 * Replaces the target's data with a backup's, on either engine from either engine.
 *
 * The migration rule: the backup's migrations must be the first ones of this program's (same names,
 * same hashes), and the target's must be the first ones of the backup's. The target is brought up to
 * the backup's level, loaded, and only then migrated to this program's latest, so an older backup
 * goes through the later migrations exactly as the live database would have. A target already past
 * the backup's level is refused: migrations never run backwards.
 *
 * The whole file is read and checked before the target is touched. The data is replaced in one
 * transaction: if anything fails, every data change is rolled back (the target keeps the migration
 * level it was brought to, which any CLI command would have applied anyway).
 */
export async function restoreBackup(database: Database, path: string, options: RestoreOptions = {}): Promise<RestoreReport> {
  const program = options.migrations ?? loadMigrations();
  const { header, sha256 } = await scanBackupFile(path, (h) => assertBackupLevel(h.migrations, program));
  await database.withSession((session) => checkTarget(session, header, options.force === true));
  await migrate(database, program.slice(0, header.migrations.length));
  const tables = await database.withSession((session) => replaceData(session, path, header, sha256));
  const { applied } = await migrate(database, [...program]);
  return { sha256, header, tables, migratedAfter: applied };
}

async function checkTarget(session: RawSession, header: BackupHeader, force: boolean): Promise<void> {
  assertTargetLevel(await readAppliedMigrations(session), header.migrations);
  if (force) return;
  const { tables } = await readCatalog(session);
  assertEmptyTarget(await tablesWithRows(session, tables.map((t) => t.name)));
}

/**
 * Foreign keys are dropped for the load and created again after it, which checks every row at once
 * and lets rows come in any order (a table that references itself, or two tables referencing each
 * other). User triggers (audit_events_no_update and any added later) are disabled for the load so
 * that rows come back exactly as they were; TRUNCATE would not fire the row trigger anyway. All of it
 * is transactional DDL: on ROLLBACK the keys and triggers are back as they were.
 */
async function replaceData(session: RawSession, path: string, header: BackupHeader, sha256: string) {
  await session.query('BEGIN');
  try {
    const catalog = await readCatalog(session);
    assertSameSchema(header, catalog);
    for (const trigger of catalog.triggers) await session.query(triggerQuery(trigger, false));
    for (const fk of catalog.foreignKeys) await session.query(dropForeignKeyQuery(fk));
    if (catalog.tables.length > 0) await session.query(truncateQuery(catalog.tables));
    await insertRows(session, path, catalog, sha256);
    for (const fk of catalog.foreignKeys) await session.query(addForeignKeyQuery(fk));
    for (const trigger of catalog.triggers) await session.query(triggerQuery(trigger, true));
    await setSequences(session, catalog, header);
    const counts = await checkCounts(session, header);
    await session.query('COMMIT');
    return counts;
  } catch (error) {
    await session.query('ROLLBACK');
    throw restoreAborted(error);
  }
}

interface Batch {
  readonly table: string;
  /** 1-based position of the batch's first row within its table, for the error message. */
  readonly firstRow: number;
  readonly lines: string[];
}

/** Caps a batch's size in characters as well as in rows, so a table of large rows stays in bounds. */
const BATCH_CHARS = 8 * 1024 * 1024;

async function* batches(rows: AsyncIterable<BackupRow>): AsyncGenerator<Batch> {
  let batch: Batch | undefined;
  let chars = 0;
  for await (const row of rows) {
    if (batch && (batch.table !== row.table || batch.lines.length === PAGE_ROWS || chars + row.line.length > BATCH_CHARS)) {
      yield batch;
      batch = batch.table === row.table ? { table: row.table, firstRow: batch.firstRow + batch.lines.length, lines: [] } : undefined;
      chars = 0;
    }
    batch ??= { table: row.table, firstRow: 1, lines: [] };
    batch.lines.push(row.line);
    chars += row.line.length;
  }
  if (batch) yield batch;
}

/** Loads the file a second time; `sha256` from the first reading proves it is still the file that was checked. */
async function insertRows(session: RawSession, path: string, catalog: Catalog, sha256: string): Promise<void> {
  const tables = new Map<string, CatalogTable>(catalog.tables.map((t) => [t.name, t]));
  const file = await openBackupFile(path);
  try {
    for await (const batch of batches(file.rows())) {
      const table = tables.get(batch.table)!;
      try {
        await session.query(insertQuery(table), [`[${batch.lines.join(',')}]`]);
      } catch (error) {
        const rows = `${batch.firstRow}–${batch.firstRow + batch.lines.length - 1}`;
        throw new Error(`table ${table.name}, rows ${rows}: ${(error as Error).message}`, { cause: error });
      }
    }
    if (file.sha256() !== sha256) throw new Error(`${path} changed while it was being restored`);
  } finally {
    file.close();
  }
}

async function setSequences(session: RawSession, catalog: Catalog, header: BackupHeader): Promise<void> {
  const states = new Map(header.sequences.map((s) => [s.name, s]));
  for (const sequence of catalog.sequences) {
    const state = states.get(sequence.name)!;
    await session.query(sequenceQuery(sequence), [tableRef(sequence.name), state.lastValue, state.isCalled]);
  }
}

/** The rows now in the target, table by table, must be the rows the header announced. */
async function checkCounts(session: RawSession, header: BackupHeader) {
  const counts = [];
  for (const table of header.tables) {
    const rows = await countRows(session, table.name);
    if (rows !== table.rows) throw new Error(`table ${table.name} has ${rows} rows after loading, the backup ${table.rows}`);
    counts.push({ name: table.name, rows });
  }
  return counts;
}

/** A refusal stays a refusal; anything else becomes one sentence that says nothing was kept. */
function restoreAborted(error: unknown): AppError {
  if (error instanceof AppError && error.code === 'restore_refused') return error;
  const message = (error as Error).message;
  const detail: Text = error instanceof AppError ? error.text : text(message, message);
  return new AppError(
    500,
    'restore_failed',
    text(
      `Pemulihan dibatalkan dan semua perubahan data ditarik kembali: ${detail.id}`,
      `Restore aborted and every data change rolled back: ${detail.en}`,
    ),
  );
}
