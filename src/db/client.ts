import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { join } from 'node:path';
import { ConfigError, ensureWritableDir } from '../config.ts';
import { acquireDirLock, type DirLock } from './lock.ts';
import { schema } from './schema.ts';

type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Whatever runs a query: the database or an open transaction. Store functions take this. */
export type Executor = Db | Tx;

/** Rows of a raw SQL query; both drivers answer with `{ rows }`, which Drizzle's shared type leaves unknown. */
export async function queryRows<T>(exec: Executor, query: SQL): Promise<T[]> {
  const result = (await exec.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** The smallest raw interface both engines share: used by migrations, backup and session-bound locks. */
export interface RawSession {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
}

export interface Database {
  readonly engine: 'pglite' | 'postgres';
  readonly db: Db;
  /** Runs `fn` on one connection held for its whole duration (advisory locks, COPY-like work). */
  withSession<T>(fn: (session: RawSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.maxConnections ?? 10) : openPglite(options.dataDir);
}

async function openPglite(dataDir: string): Promise<Database> {
  ensureWritableDir(dataDir, 'DATA_DIR');
  const lock: DirLock = acquireDirLock(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create(join(dataDir, 'pgdata'), { extensions: { pg_trgm } });
  } catch (error) {
    lock.release();
    throw new ConfigError(
      `Basis data tertanam di ${dataDir} tidak dapat dibuka (${(error as Error).message}); pulihkan dari cadangan atau pilih DATA_DIR lain / The embedded database cannot be opened.`,
    );
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  const session: RawSession = {
    async query<R>(text: string, params?: unknown[]) {
      const result = await client.query<R>(text, params);
      return result.rows;
    },
  };
  // PGlite has one connection; serialise raw sessions so they never interleave with each other.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    engine: 'pglite',
    db,
    withSession<T>(fn: (s: RawSession) => Promise<T>): Promise<T> {
      const run = queue.then(() => fn(session));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      try {
        await client.close();
      } finally {
        lock.release();
      }
    },
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000 });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => undefined);
  try {
    const probe = await pool.connect();
    probe.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    const safeUrl = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
    throw new ConfigError(
      `Tidak dapat terhubung ke DATABASE_URL ${safeUrl} (${(error as Error).message}); periksa alamat, port, nama basis data dan sandi / Cannot connect to DATABASE_URL.`,
    );
  }
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    engine: 'postgres',
    db,
    async withSession<T>(fn: (s: RawSession) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        return await fn({
          async query<R>(text: string, params?: unknown[]) {
            const result = await client.query(text, params as unknown[]);
            return result.rows as R[];
          },
        });
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
