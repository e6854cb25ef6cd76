import { performance } from 'node:perf_hooks';
import { defineCommand, UsageError } from '../cli/command.ts';
import type { Config } from '../config.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { createBackup } from './backup.ts';
import { restoreBackup } from './restore.ts';

/**
 * Both commands open the database themselves (needsDatabase: false) because the CLI would first
 * migrate it to the latest level: a backup must capture the database as it is, and a restore must
 * bring the target to the backup's level, not beyond.
 */
async function withDatabase<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, maxConnections: 2 });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

function tableLines(tables: readonly { name: string; rows: number }[]): string[] {
  const width = Math.max(0, ...tables.map((t) => t.name.length));
  return tables.map((t) => `  ${t.name.padEnd(width)}  ${String(t.rows).padStart(9)}`);
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(2)} s`;
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);

export const backupCommand = defineCommand({
  name: 'backup',
  summary: 'Buat berkas cadangan basis data / back up the database to a file',
  help: `npm run cli -- backup [--out <file>]

Writes every table to one gzip file, by default DATA_DIR/backups/lentera-YYYYMMDD-HHMMSS.lentera-backup.gz
(local time), from one consistent snapshot. On a PostgreSQL server the application may keep running; the
embedded database opens in one process only, so stop Lentera first. The file is read back and
checked (every row, every table's count, its SHA-256) before it gets its name, so a failed backup leaves
no file that looks complete. The database is not migrated first: a backup taken just before an upgrade
holds the old state. The file restores onto either engine (embedded or PostgreSQL server).

  --out, -o <file>   write to this file instead; an existing file is never overwritten`,
  options: { out: { type: 'string', short: 'o' } },
  needsDatabase: false,
  async run(values, positionals, { config, out }) {
    if (positionals.length > 0) throw new UsageError(`Argumen tidak dikenal: ${positionals.join(' ')} / Unexpected argument.`);
    const started = performance.now();
    const report = await withDatabase(config, (database) => createBackup(database, { out: values.out, dataDir: config.dataDir }));
    const rows = report.header.tables.reduce((sum, t) => sum + t.rows, 0);
    out(`Cadangan tersimpan / backup written: ${report.path}`);
    out(`Ukuran / size: ${size(report.bytes)} (${report.bytes} bytes)   SHA-256: ${report.sha256}`);
    out(`Diperiksa ulang / verified: ${report.header.tables.length} tabel/tables, ${rows} baris/rows, ${report.header.migrations.length} migrasi/migrations`);
    for (const line of tableLines(report.header.tables)) out(line);
    out(`Waktu / time: ${seconds(started)}`);
  },
});

export const restoreCommand = defineCommand({
  name: 'restore',
  summary: 'Pulihkan basis data dari berkas cadangan / restore the database from a backup file',
  help: `npm run cli -- restore <file> [--force]

Replaces all data of the configured database (DATA_DIR, or DATABASE_URL) with the backup's, whichever
engine made it: this is how an office moves from the embedded database to a PostgreSQL server. Stop the
application first. The whole file is checked before anything is touched; the data is then replaced in one
transaction, so a failure leaves no half-restored database. Prints the rows restored per table.

Refused when:
  - the target already holds data, unless --force (a database that has been migrated already holds the
    national holidays shipped with the migrations, so it counts as holding data);
  - the backup was made at migrations this program does not have, or whose files differ;
  - the target is migrated past the backup's level: restore into an empty database instead.
Migrations: the target is brought to the backup's level, the data loaded, then the migrations newer than
the backup are applied, as they would have been to the original database.

  --force   replace the data of a target that already holds some`,
  options: { force: { type: 'boolean' } },
  needsDatabase: false,
  async run(values, positionals, { config, out }) {
    if (positionals.length !== 1) throw new UsageError('Sebutkan satu berkas cadangan / Name exactly one backup file.');
    const started = performance.now();
    const report = await withDatabase(config, (database) => restoreBackup(database, positionals[0]!, { force: values.force === true }));
    out(`Dipulihkan dari / restored from: ${positionals[0]} (SHA-256 ${report.sha256})`);
    out(`Cadangan dibuat / backup made: ${report.header.createdAt} (${report.header.engine})`);
    for (const line of tableLines(report.tables)) out(line);
    const migrated = report.migratedAfter.length > 0 ? report.migratedAfter.join(', ') : 'tidak ada / none';
    out(`Migrasi sesudah pemulihan / migrations applied after restore: ${migrated}`);
    out(`Waktu / time: ${seconds(started)}`);
  },
});
