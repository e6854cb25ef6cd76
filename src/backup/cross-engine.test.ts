import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { openDatabase, type Database } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { verifyAuditLog } from '../kernel/audit/store.ts';
import { ENGINE, freshDatabase, type TestDatabase } from '../../test/support/db.ts';
import { createBackup, type BackupReport } from './backup.ts';
import { restoreBackup } from './restore.ts';
import { appView, fillEveryTable, fillLaterTables, laterProgram, snapshot, tempDir } from './test-fixtures.ts';

/** The rows of a backup file, without the header (which names the engine and the time). */
const rowLines = (path: string) => gunzipSync(readFileSync(path)).toString('utf8').split('\n').slice(1);

const skip = ENGINE === 'postgres' ? false : 'needs the PostgreSQL server: run with TEST_ENGINE=postgres';

describe('moving between the embedded database and a PostgreSQL server', { skip }, () => {
  const program = laterProgram();
  const dir = tempDir('cross-engine');
  const pgliteDirs: string[] = [];
  const databases: Database[] = [];
  let server: TestDatabase;
  let embedded: Database;
  let fromEmbedded: BackupReport;

  async function newEmbedded(): Promise<Database> {
    const dataDir = tempDir('cross-pglite');
    pgliteDirs.push(dataDir);
    const database = await openDatabase({ dataDir });
    databases.push(database);
    return database;
  }

  before(async () => {
    embedded = await newEmbedded();
    await migrate(embedded, program);
    await fillEveryTable(embedded);
    await fillLaterTables(embedded);
    server = await freshDatabase({ migrated: false });
  });

  after(async () => {
    for (const database of databases) await database.close();
    await server?.cleanup();
    for (const d of [dir, ...pgliteDirs]) rmSync(d, { recursive: true, force: true });
  });

  test('a backup of the embedded database restores onto the server', async (t) => {
    fromEmbedded = await createBackup(embedded, { dataDir: dir, out: join(dir, 'embedded.lentera-backup.gz') });
    assert.equal(fromEmbedded.header.engine, 'pglite');
    const started = performance.now();
    await restoreBackup(server.database, fromEmbedded.path, { migrations: program });
    t.diagnostic(`PGlite → PostgreSQL restore: ${(performance.now() - started).toFixed(0)} ms`);
    assert.deepEqual(await snapshot(server.database), await snapshot(embedded));
    assert.deepEqual(await appView(server.database), await appView(embedded));
    assert.deepEqual((await verifyAuditLog(server.database.db)).problems, []);
  });

  test('and a backup of the server restores onto a new embedded database', async (t) => {
    const fromServer = await createBackup(server.database, { dataDir: dir, out: join(dir, 'server.lentera-backup.gz') });
    assert.equal(fromServer.header.engine, 'postgres');
    assert.deepEqual(rowLines(fromServer.path), rowLines(fromEmbedded.path), 'both engines write the same rows byte for byte');
    const target = await newEmbedded();
    const started = performance.now();
    await restoreBackup(target, fromServer.path, { migrations: program });
    t.diagnostic(`PostgreSQL → PGlite restore: ${(performance.now() - started).toFixed(0)} ms`);
    assert.deepEqual(await snapshot(target), await snapshot(embedded));
    assert.deepEqual(await appView(target), await appView(embedded));
    assert.deepEqual((await verifyAuditLog(target.db)).problems, []);
  });
});
