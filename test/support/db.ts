import { PGlite } from '@electric-sql/pglite';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';

/** Which engine this test run uses: TEST_ENGINE=pglite (default) or postgres. */
export const ENGINE: 'pglite' | 'postgres' = process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

/** The PostgreSQL server tests create their throw-away databases on. */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Where a test's database lives, before anything opens it. */
export interface TestLocation {
  readonly dataDir: string;
  /** For PostgreSQL runs: the URL of this test's own database. */
  readonly url: string | undefined;
  cleanup(): Promise<void>;
}

export interface TestDatabase extends TestLocation {
  readonly database: Database;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * An initialised, empty PGlite directory made once per machine and PGlite version: creating one costs
 * seconds (initdb), copying it a tenth of a second. Built aside and renamed into place, so test
 * processes starting together never see half a template.
 */
async function pgliteTemplate(): Promise<string> {
  const version = (JSON.parse(readFileSync(join(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;
  const template = join(tmpdir(), `lentera-pglite-template-${version}`);
  if (existsSync(join(template, 'PG_VERSION'))) return template;
  const building = mkdtempSync(join(tmpdir(), 'lentera-pglite-build-'));
  const db = await PGlite.create(building);
  await db.close();
  try {
    renameSync(building, template);
  } catch {
    rmSync(building, { recursive: true, force: true });
  }
  return template;
}

/** A new temp directory (on PGlite runs holding an empty database), and on PostgreSQL runs a new empty database. */
export async function freshLocation(): Promise<TestLocation> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lentera-test-'));
  if (ENGINE === 'pglite') cpSync(await pgliteTemplate(), join(dataDir, 'pgdata'), { recursive: true });
  let url: string | undefined;
  let dbName: string | undefined;
  if (ENGINE === 'postgres') {
    dbName = `lentera_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await adminQuery(`CREATE DATABASE ${dbName}`);
    url = withDatabase(TEST_PG_URL, dbName);
  }
  return {
    dataDir,
    url,
    async cleanup() {
      if (dbName) await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh, migrated database on the engine of this run. */
export async function freshDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const location = await freshLocation();
  const database = await openDatabase({ databaseUrl: location.url, dataDir: location.dataDir, maxConnections: 5 });
  if (options.migrated !== false) await migrate(database);
  return {
    ...location,
    database,
    async cleanup() {
      await database.close().catch(() => undefined);
      await location.cleanup();
    },
  };
}
