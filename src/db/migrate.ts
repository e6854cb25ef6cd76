import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, RawSession } from './client.ts';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations');

/** Arbitrary constant naming Lentera's migration lock among PostgreSQL advisory locks. */
const MIGRATION_LOCK_KEY = 7_242_008;

export interface Migration {
  readonly name: string;
  readonly hash: string;
  readonly statements: string[];
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.map(({ tag }) => {
    const text = readFileSync(join(dir, `${tag}.sql`), 'utf8');
    return {
      name: tag,
      hash: createHash('sha256').update(text).digest('hex'),
      statements: text
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    };
  });
}

export interface MigrateResult {
  readonly applied: string[];
  readonly alreadyApplied: number;
}

/**
 * Applies every migration not yet applied, each in its own transaction. On PostgreSQL a session
 * advisory lock makes a second process wait and then find nothing left to do; PGlite has one
 * process by construction (the data directory lock).
 */
export async function migrate(database: Database, migrations = loadMigrations()): Promise<MigrateResult> {
  return database.withSession(async (session) => {
    if (database.engine === 'postgres') await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await applyPending(session, migrations);
    } finally {
      if (database.engine === 'postgres') await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}

async function applyPending(session: RawSession, migrations: Migration[]): Promise<MigrateResult> {
  await session.query(
    `CREATE TABLE IF NOT EXISTS lentera_migrations (name text PRIMARY KEY, hash text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const done = new Map(
    (await session.query<{ name: string; hash: string }>('SELECT name, hash FROM lentera_migrations')).map((r) => [r.name, r.hash]),
  );
  const applied: string[] = [];
  for (const migration of migrations) {
    const previous = done.get(migration.name);
    if (previous !== undefined) {
      if (previous !== migration.hash) {
        throw new Error(
          `Migrasi ${migration.name} sudah dijalankan tetapi berkasnya berubah; buat migrasi baru, jangan ubah yang lama / Migration ${migration.name} was edited after it ran.`,
        );
      }
      continue;
    }
    await session.query('BEGIN');
    try {
      for (const statement of migration.statements) await session.query(statement);
      await session.query('INSERT INTO lentera_migrations (name, hash) VALUES ($1, $2)', [migration.name, migration.hash]);
      await session.query('COMMIT');
    } catch (error) {
      await session.query('ROLLBACK');
      throw new Error(`Migrasi ${migration.name} gagal: ${(error as Error).message}`, { cause: error });
    }
    applied.push(migration.name);
  }
  return { applied, alreadyApplied: done.size };
}
