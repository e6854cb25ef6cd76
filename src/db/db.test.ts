import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { ConfigError } from '../config.ts';
import { ENGINE, freshDatabase, freshLocation, type TestDatabase } from '../../test/support/db.ts';
import { openDatabase, queryRows } from './client.ts';
import { loadMigrations, migrate } from './migrate.ts';

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups) await c();
});
async function fresh(options?: { migrated?: boolean }): Promise<TestDatabase> {
  const t = await freshDatabase(options);
  cleanups.push(t.cleanup);
  return t;
}

test('migrations apply once; running them again changes nothing', async () => {
  const { database } = await fresh({ migrated: false });
  const first = await migrate(database);
  assert.deepEqual(first.applied, loadMigrations().map((m) => m.name));
  const second = await migrate(database);
  assert.deepEqual(second.applied, []);
  const [holidays] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM holidays`);
  assert.equal(Number(holidays!.n), 53, 'the shipped 2025 and 2026 holidays, once');
});

test('a migration edited after it ran is refused with a sentence', async () => {
  const { database } = await fresh();
  const edited = loadMigrations().map((m, i) => (i === 0 ? { ...m, hash: 'different' } : m));
  await assert.rejects(migrate(database, edited), /berkasnya berubah/);
});

test('two processes migrating one PostgreSQL database at once both succeed, and apply each migration once', { skip: ENGINE !== 'postgres' && 'PostgreSQL only' }, async () => {
  const { database, url, dataDir } = await fresh({ migrated: false });
  const second = await openDatabase({ databaseUrl: url, dataDir });
  cleanups.unshift(() => second.close());
  const [a, b] = await Promise.all([migrate(database), migrate(second)]);
  assert.equal(a.applied.length + b.applied.length, loadMigrations().length);
  const rows = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM lentera_migrations`);
  assert.equal(Number(rows[0]!.n), loadMigrations().length);
});

test('the embedded data directory is locked: a second opener gets one clear sentence', { skip: ENGINE !== 'pglite' && 'PGlite only' }, async () => {
  const location = await freshLocation();
  cleanups.push(location.cleanup);
  const first = await openDatabase({ dataDir: location.dataDir });
  try {
    await assert.rejects(openDatabase({ dataDir: location.dataDir }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /sedang dipakai oleh proses Lentera lain/);
      return true;
    });
  } finally {
    await first.close();
  }
  const reopened = await openDatabase({ dataDir: location.dataDir });
  await reopened.close();
});

test('a failed transaction leaves nothing behind', async () => {
  const { database } = await fresh();
  await assert.rejects(
    database.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO settings (key, value) VALUES ('half', 'written')`);
      await tx.execute(sql`SELECT 1/0`);
    }),
  );
  const rows = await queryRows(database.db, sql`SELECT * FROM settings WHERE key = 'half'`);
  assert.equal(rows.length, 0);
});
