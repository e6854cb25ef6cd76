import pg from 'pg';

/** The server a fresh benchmark database is made on (BENCH_PG_URL). */
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface BenchDatabase {
  readonly url: string;
  /** The name of the database made for this run, or undefined when DATABASE_URL named one. */
  readonly fresh: string | undefined;
  /** Drops the fresh database (a given one is left as it is). */
  drop(): Promise<void>;
}

/** The empty database in DATABASE_URL, or a fresh one made for this run and dropped after it. */
export async function benchDatabase(prefix: string): Promise<BenchDatabase> {
  const given = process.env.DATABASE_URL?.trim();
  if (given) return { url: given, fresh: undefined, drop: async () => {} };
  const fresh = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await admin(`CREATE DATABASE ${fresh}`);
  const url = new URL(PG_URL);
  url.pathname = `/${fresh}`;
  return { url: url.toString(), fresh, drop: () => admin(`DROP DATABASE IF EXISTS ${fresh} WITH (FORCE)`) };
}
