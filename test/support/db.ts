import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';

/** Which engine this test run uses: TEST_ENGINE=pglite (default) or postgres. */
export const ENGINE: 'pglite' | 'postgres' = process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

/** The PostgreSQL server tests create their throw-away databases on. */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  readonly database: Database;
  readonly dataDir: string;
  /** For PostgreSQL runs: the URL of this test's own database (to start a second process on it). */
  readonly url: string | undefined;
  cleanup(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh, migrated database on the engine of this run: a PGlite directory in a temp folder, or a new
 * database on the PostgreSQL server. Each test file gets its own; nothing is shared between files.
 */
export async function freshDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lentera-test-'));
  let url: string | undefined;
  let dbName: string | undefined;
  if (ENGINE === 'postgres') {
    dbName = `lentera_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    url = withDatabase(TEST_PG_URL, dbName);
  }
  const database = await openDatabase({ databaseUrl: url, dataDir, maxConnections: 5 });
  if (options.migrated !== false) await migrate(database);
  return {
    database,
    dataDir,
    url,
    async cleanup() {
      await database.close().catch(() => undefined);
      if (dbName) {
        const admin = new pg.Client({ connectionString: TEST_PG_URL });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await admin.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
