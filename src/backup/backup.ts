import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Database, RawSession } from '../db/client.ts';
import { AppError } from '../kernel/errors.ts';
import { text, type Text } from '../kernel/i18n.ts';
import { countRows, readAppliedMigrations, readCatalog, readSequenceStates, type CatalogTable } from './catalog.ts';
import { hashingTap, scanBackupFile } from './file.ts';
import { defaultBackupPath, FORMAT, FORMAT_VERSION, type BackupHeader } from './format.ts';
import { keyFields, PAGE_ROWS, pageQuery } from './sql.ts';

export interface BackupOptions {
  /** Where to write; by default `${dataDir}/backups/lentera-YYYYMMDD-HHMMSS.lentera-backup.gz`. */
  readonly out?: string | undefined;
  readonly dataDir: string;
  readonly now?: Date;
}

export interface BackupReport {
  readonly path: string;
  readonly bytes: number;
  /** Of the file's bytes, checked by reading the file back. */
  readonly sha256: string;
  readonly header: BackupHeader;
}

const backupRefused = (why: Text) => new AppError(409, 'backup_refused', why);

/**
 * Writes every table of the database, as one consistent snapshot, to a gzip file; then reads the
 * file back and checks its checksum, every row and every table's count before giving it its name.
 * Until then it is `<name>.partial`, so a backup that fails never leaves a file that looks complete.
 * The database is not migrated first: a backup taken just before an upgrade must be the old state.
 */
export async function createBackup(database: Database, options: BackupOptions): Promise<BackupReport> {
  const now = options.now ?? new Date();
  const path = resolve(options.out ?? defaultBackupPath(options.dataDir, now));
  refuseExisting(path);
  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  try {
    const written = await database.withSession((session) => writeSnapshot(session, database.engine, now, partial));
    await verifyWritten(partial, written.sha256);
    refuseExisting(path);
    await rename(partial, path);
    return { path, bytes: (await stat(path)).size, sha256: written.sha256, header: written.header };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/** Reads the file back as a restore would (every row, every table's count) and compares its SHA-256. */
async function verifyWritten(partial: string, sha256: string): Promise<void> {
  let problem: Text;
  try {
    const readBack = await scanBackupFile(partial);
    if (readBack.sha256 === sha256) return;
    problem = text(`SHA-256 ${readBack.sha256} ≠ ${sha256}`, `SHA-256 ${readBack.sha256} ≠ ${sha256}`);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = error.text;
  }
  throw new AppError(
    500,
    'backup_unverified',
    text(
      `Cadangan yang dibaca ulang tidak sama dengan yang ditulis, jadi tidak disimpan (${problem.id}); periksa diska lalu ulangi.`,
      `The backup read back is not what was written, so it was not kept (${problem.en}); check the disk and try again.`,
    ),
  );
}

function refuseExisting(path: string): void {
  if (!existsSync(path)) return;
  throw backupRefused(
    text(`Berkas ${path} sudah ada; cadangan tidak menimpa berkas, pilih nama lain dengan --out.`, `${path} already exists; a backup never overwrites a file, choose another name with --out.`),
  );
}

/**
 * One REPEATABLE READ transaction: the counts in the header and the rows after it are the same
 * snapshot even while the application keeps writing. UTC makes both engines write the same text.
 */
async function writeSnapshot(session: RawSession, engine: Database['engine'], now: Date, partial: string) {
  await session.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await session.query(`SET LOCAL TimeZone = 'UTC'`);
    const migrations = await readAppliedMigrations(session);
    if (migrations.length === 0) {
      throw backupRefused(text('Basis data ini belum dimigrasi; belum ada yang dapat dicadangkan.', 'This database has not been migrated; there is nothing to back up yet.'));
    }
    const catalog = await readCatalog(session);
    const tables = [];
    for (const table of catalog.tables) tables.push({ name: table.name, rows: await countRows(session, table.name), columns: table.columns });
    const header: BackupHeader = {
      format: FORMAT,
      version: FORMAT_VERSION,
      createdAt: now.toISOString(),
      engine,
      migrations,
      tables,
      sequences: await readSequenceStates(session, catalog.sequences),
    };
    const hash = createHash('sha256');
    await pipeline(
      Readable.from(fileLines(session, header, catalog.tables)),
      createGzip(),
      hashingTap(hash),
      // flush: the bytes are on disk before the file is read back and renamed. 0600: the file holds
      // password hashes, TOTP secrets and personal data, readable by the owner only.
      createWriteStream(partial, { flush: true, mode: 0o600 }),
    );
    return { header, sha256: hash.digest('hex') };
  } finally {
    await session.query('ROLLBACK');
  }
}

/** The header, then each table a page at a time: memory stays flat however large a table is. */
async function* fileLines(session: RawSession, header: BackupHeader, tables: readonly CatalogTable[]): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  for (const table of tables) {
    const prefix = `{"table":${JSON.stringify(table.name)},"row":`;
    for await (const page of tablePages(session, table)) yield page.map((line) => `${prefix}${line}}\n`).join('');
  }
}

async function* tablePages(session: RawSession, table: CatalogTable): AsyncGenerator<string[]> {
  const keys = keyFields(table);
  let after: string[] | undefined;
  for (;;) {
    const rows = await session.query<Record<string, string>>(pageQuery(table, after !== undefined), after);
    if (rows.length > 0) yield rows.map((r) => r.line!);
    if (rows.length < PAGE_ROWS) return;
    const last = rows[rows.length - 1]!;
    after = keys.map((k) => last[k]!);
  }
}
