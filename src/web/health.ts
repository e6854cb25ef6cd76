import { sql } from 'drizzle-orm';
import { queryRows } from '../db/client.ts';
import { loadMigrations } from '../db/migrate.ts';
import { outboxStats } from '../kernel/outbox/store.ts';
import { PUBLIC } from './access.ts';
import type { App, AppDeps } from './app.ts';

/** Liveness (the process answers) and readiness (database reachable and fully migrated). */
export async function healthRoutes(app: App, { database }: AppDeps): Promise<void> {
  const expected = loadMigrations().map((m) => m.name);
  app.get('/healthz', { config: { access: PUBLIC }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: PUBLIC }, schema: { hide: true } }, async (_request, reply) => {
    try {
      const rows = await queryRows<{ name: string }>(database.db, sql`SELECT name FROM lentera_migrations`);
      const applied = new Set(rows.map((r) => r.name));
      const pending = expected.filter((m) => !applied.has(m));
      const outbox = await outboxStats(database.db);
      const ready = pending.length === 0;
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'migrations_pending', engine: database.engine, pendingMigrations: pending, outbox });
    } catch {
      return reply.status(503).send({ status: 'database_unavailable', engine: database.engine });
    }
  });
}
