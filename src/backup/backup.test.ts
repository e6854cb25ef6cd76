import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, before, describe, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { loadMigrations, migrate } from '../db/migrate.ts';
import { offices } from '../db/schema.ts';
import { recordEvent, SYSTEM_ACTOR, verifyAuditLog } from '../kernel/audit/store.ts';
import { AppError } from '../kernel/errors.ts';
import { freshDatabase, type TestDatabase } from '../../test/support/db.ts';
import { createBackup, type BackupReport } from './backup.ts';
import { readAppliedMigrations, readCatalog } from './catalog.ts';
import { restoreBackup } from './restore.ts';
import { appView, fillEveryTable, fillLaterTables, LATER_MIGRATION, laterProgram, snapshot, tempDir } from './test-fixtures.ts';

const program = laterProgram();
const dir = tempDir('backup-files');
const opened: TestDatabase[] = [];
let source: Database;
let backup: BackupReport;

async function fresh(options: { migrated?: boolean } = {}): Promise<Database> {
  const test = await freshDatabase(options);
  opened.push(test);
  return test.database;
}

/** One sentence a person reads: an AppError, both languages, no line break, no stack. */
function oneSentence(code: string, pattern: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.match(`${error.text.id} / ${error.text.en}`, pattern);
    assert.doesNotMatch(error.text.id + error.text.en, /\n/);
    return true;
  };
}

/** A copy of the backup with its decompressed lines passed through `edit`. */
function editedCopy(name: string, edit: (lines: string[]) => string[]): string {
  const lines = gunzipSync(readFileSync(backup.path)).toString('utf8').split('\n');
  const path = join(dir, name);
  writeFileSync(path, gzipSync(edit(lines).join('\n')));
  return path;
}

/** Without Drizzle, which wraps the database's own message in a "Failed query" error. */
const raw = (database: Database, text: string) => database.withSession((s) => s.query(text));

const fileSha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

before(async () => {
  source = await fresh();
  await migrate(source, program);
  await fillEveryTable(source);
  await fillLaterTables(source);
  // A deleted last row: its id must not be handed out again after a restore.
  await source.db.execute(sql`DELETE FROM sign_in_attempts WHERE id = 1200`);
});

after(async () => {
  for (const test of opened) await test.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup', () => {
  test('writes the whole database to a verified file under DATA_DIR/backups', async (t) => {
    const started = performance.now();
    backup = await createBackup(source, { dataDir: dir });
    t.diagnostic(`backup of ${backup.header.tables.reduce((n, x) => n + x.rows, 0)} rows: ${(performance.now() - started).toFixed(0)} ms, ${backup.bytes} bytes`);
    assert.match(backup.path, /\/backups\/lentera-\d{8}-\d{6}\.lentera-backup\.gz$/);
    assert.deepEqual(readdirSync(join(dir, 'backups')), [backup.path.split('/').pop()], 'no .partial file is left');
    assert.equal(backup.bytes, readFileSync(backup.path).length);
    assert.equal(statSync(backup.path).mode & 0o777, 0o600, 'only the owner may read it');
    assert.equal(backup.sha256, fileSha256(backup.path));
  });

  test('the header names the engine, the migrations and every table with its row count', async () => {
    const { header } = backup;
    assert.equal(header.engine, source.engine);
    assert.deepEqual(header.migrations, program.map(({ name, hash }) => ({ name, hash })));
    const expected = await snapshot(source);
    assert.deepEqual(
      Object.fromEntries(header.tables.map((t) => [t.name, t.rows])),
      Object.fromEntries(Object.entries(expected.tables).map(([name, rows]) => [name, rows.length])),
    );
    assert.ok(!header.tables.some((t) => t.name === 'lentera_migrations'));
    const position = (name: string) => header.tables.findIndex((t) => t.name === name);
    assert.ok(position('offices') < position('units') && position('units') < position('staff') && position('staff') < position('sessions'));
  });

  test('never overwrites a file', async () => {
    await assert.rejects(createBackup(source, { dataDir: dir, out: backup.path }), oneSentence('backup_refused', /sudah ada.* already exists/));
    assert.equal(fileSha256(backup.path), backup.sha256);
  });
});

describe('restore onto an empty database', () => {
  let target: Database;

  before(async () => {
    target = await fresh({ migrated: false });
  });

  test('brings back every row and value exactly', async (t) => {
    const started = performance.now();
    const report = await restoreBackup(target, backup.path, { migrations: program });
    t.diagnostic(`restore: ${(performance.now() - started).toFixed(0)} ms`);
    assert.equal(report.sha256, backup.sha256);
    assert.deepEqual(report.migratedAfter, []);
    assert.deepEqual(report.tables, backup.header.tables.map(({ name, rows }) => ({ name, rows })));
    assert.deepEqual(await snapshot(target), await snapshot(source));
    assert.deepEqual(await appView(target), await appView(source));
  });

  test('the audit chains still verify', async () => {
    const result = await verifyAuditLog(target.db);
    assert.equal(result.events, 5);
    assert.deepEqual(result.problems, []);
  });

  test('new rows continue after the largest restored id, and no id is handed out twice', async () => {
    const [office] = await target.db.insert(offices).values({ level: 'regency', code: '32.01', slug: 'bogor', name: 'KPU Kab. Bogor' }).returning();
    assert.equal(office!.id, 4);
    await target.db.transaction((tx) => recordEvent(tx, SYSTEM_ACTOR, { officeId: office!.id, action: 'office.created', subjectType: 'office', subjectId: office!.id }));
    await target.withSession(async (s) => {
      const [audit] = await s.query<{ id: string }>('SELECT max(id)::text AS id FROM audit_events');
      assert.equal(audit!.id, '6');
      const [probe] = await s.query<{ id: string; code: number }>(`INSERT INTO backup_probe (big) VALUES (1) RETURNING id::text AS id, code`);
      assert.deepEqual({ ...probe }, { id: '2503', code: 2503 });
      const [attempt] = await s.query<{ id: string }>(`INSERT INTO sign_in_attempts (email, ip) VALUES ('a', 'b') RETURNING id::text AS id`);
      assert.equal(attempt!.id, '1201', 'the deleted id 1200 stays unused');
      const [numbers] = await s.query<{ n: string }>(`SELECT nextval('backup_probe_numbers')::text AS n`);
      assert.equal(numbers!.n, '103');
    });
    assert.deepEqual((await verifyAuditLog(target.db)).problems, []);
  });

  test('foreign keys and the append-only trigger are in force again', async () => {
    await assert.rejects(raw(target, `UPDATE audit_events SET action = 'edited'`), /append-only/);
    await assert.rejects(raw(target, `INSERT INTO units (office_id, name) VALUES (999, 'x')`), /foreign key/);
    const catalog = await target.withSession(readCatalog);
    const sourceCatalog = await source.withSession(readCatalog);
    assert.deepEqual(catalog.foreignKeys, sourceCatalog.foreignKeys);
    assert.deepEqual(catalog.triggers, sourceCatalog.triggers);
  });

  test('refuses to replace data without --force, and replaces it with --force', async () => {
    const before = await snapshot(target);
    await assert.rejects(
      restoreBackup(target, backup.path, { migrations: program }),
      oneSentence('restore_refused', /^Basis data tujuan sudah berisi data \(tabel [a-z_, ]*offices.*--force.* \/ The target database already holds data/),
    );
    assert.deepEqual(await snapshot(target), before);
    await restoreBackup(target, backup.path, { migrations: program, force: true });
    assert.deepEqual(await snapshot(target), await snapshot(source));
  });

  test('a failure halfway through leaves the data as it was', async () => {
    await target.db.insert(offices).values({ level: 'regency', code: '99', slug: 'extra', name: 'Extra' });
    const before = await snapshot(target);
    const last = backup.header.tables.filter((t) => t.rows > 0).at(-1)!;
    // The last row of the last table gets a value its column cannot hold: found only by PostgreSQL.
    const broken = editedCopy('broken-last-row.gz', (lines) => {
      const index = lines.findLastIndex((l) => l.startsWith(`{"table":"${last.name}"`));
      const entry = JSON.parse(lines[index]!);
      entry.row.id = 'x';
      lines[index] = JSON.stringify(entry);
      return lines;
    });
    await assert.rejects(
      restoreBackup(target, broken, { migrations: program, force: true }),
      oneSentence('restore_failed', new RegExp(`^Pemulihan dibatalkan.*table ${last.name}, rows 1–${last.rows}: invalid input syntax`)),
    );
    assert.deepEqual(await snapshot(target), before);
    await assert.rejects(raw(target, 'DELETE FROM audit_events'), /append-only/);
    assert.deepEqual((await target.withSession(readCatalog)).foreignKeys, (await source.withSession(readCatalog)).foreignKeys);
  });
});

describe('files and levels that are refused before the target is touched', () => {
  let target: Database;

  before(async () => {
    target = await fresh({ migrated: false });
  });

  const cases: [string, () => string, string, RegExp][] = [
    ['a missing file', () => join(dir, 'nope.gz'), 'backup_file_invalid', /tidak ditemukan.* not found/],
    ['a directory', () => dir, 'backup_file_invalid', /tidak dapat dibaca \(EISDIR\)/],
    ['an empty file', () => write('empty.gz', Buffer.alloc(0)), 'backup_file_invalid', /terpotong.* truncated/],
    ['a file that is not gzip', () => write('plain.gz', Buffer.from('{"format":"lentera-backup"}\n')), 'backup_file_invalid', /bukan cadangan Lentera atau rusak/],
    ['a truncated file', () => write('half.gz', readFileSync(backup.path).subarray(0, Math.floor(backup.bytes / 2))), 'backup_file_invalid', /terpotong.* truncated/],
    ['a gzip of something else', () => write('other.gz', gzipSync('hello\nworld\n')), 'backup_file_invalid', /^Berkas ini bukan cadangan Lentera\. \/ This file is not a Lentera backup\.$/],
    ['a newer format version', () => editedCopy('v99.gz', ([h, ...rest]) => [h!.replace('"version":1', '"version":99'), ...rest]), 'backup_file_invalid', /versi format cadangan 99 .* version 99 is not supported/i],
    ['a damaged row', () => editedCopy('bad-row.gz', (lines) => lines.map((l, i) => (i === 4 ? l.slice(0, 20) : l))), 'backup_file_invalid', /rusak pada baris 5.* corrupt at line 5/],
    ['a row with a missing column', () => editedCopy('short-row.gz', (lines) => lines.map((l, i) => (i === 4 ? l.replace(/"id":\d+,/, '') : l))), 'backup_file_invalid', /baris 5/],
    ['a file missing its last row', () => editedCopy('cut.gz', (lines) => lines.filter((l, i) => l === '' || i !== lines.findLastIndex((x) => x !== ''))), 'backup_file_invalid', /tidak lengkap: tabel \w+ berisi \d+ dari \d+ baris/],
  ];

  function write(name: string, bytes: Buffer): string {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  }

  for (const [what, file, code, message] of cases) {
    test(`${what} is refused in one sentence`, async () => {
      await assert.rejects(restoreBackup(target, file(), { migrations: program }), oneSentence(code, message));
    });
  }

  test('a backup from a newer program is refused', async () => {
    await assert.rejects(
      restoreBackup(target, backup.path, { migrations: loadMigrations() }),
      oneSentence('restore_refused', /migrasi yang tidak dimiliki program ini \(9000_backup_probe\)/),
    );
  });

  test('a backup whose migration file differs from this program is refused', async () => {
    const changed = [...loadMigrations(), { ...LATER_MIGRATION, hash: '0'.repeat(64) }];
    await assert.rejects(restoreBackup(target, backup.path, { migrations: changed }), oneSentence('restore_refused', /9000_backup_probe di cadangan berbeda/));
  });

  test('the target was left exactly as it was: not even migrated', async () => {
    assert.deepEqual(await target.withSession(readAppliedMigrations), []);
    assert.deepEqual((await target.withSession(readCatalog)).tables, []);
  });

  test('an unmigrated database has nothing to back up', async () => {
    const out = join(dir, 'unmigrated', 'x.lentera-backup.gz');
    await assert.rejects(createBackup(target, { dataDir: dir, out }), oneSentence('backup_refused', /belum dimigrasi/));
    assert.deepEqual(readdirSync(join(dir, 'unmigrated')), []);
  });
});

describe('backups of an older release', () => {
  let older: BackupReport;
  let olderSource: Database;

  before(async () => {
    olderSource = await fresh();
    await fillEveryTable(olderSource);
    older = await createBackup(olderSource, { dataDir: dir, out: join(dir, 'older.lentera-backup.gz') });
  });

  test('restore, then go through the migrations made since', async () => {
    const target = await fresh({ migrated: false });
    const report = await restoreBackup(target, older.path, { migrations: program });
    assert.deepEqual(report.migratedAfter, [LATER_MIGRATION.name]);
    const restored = await snapshot(target);
    const expected = await snapshot(olderSource);
    for (const [table, rows] of Object.entries(expected.tables)) assert.deepEqual(restored.tables[table], rows, table);
    assert.deepEqual(restored.tables.backup_probe, []);
  });

  test('are refused by a target already migrated past them, even with --force', async () => {
    const target = await fresh();
    await migrate(target, program);
    await assert.rejects(
      restoreBackup(target, older.path, { migrations: program, force: true }),
      oneSentence('restore_refused', /dimigrasi melewati .*9000_backup_probe.* restore into an empty database/),
    );
  });
});
