import { purgeExpiredAuthRows } from './auth/service.ts';
import type { Database } from './db/client.ts';
import type { Scheduler } from './kernel/outbox/runner.ts';

/**
 * Every periodic task of the installation. The web process (unless JOBS=off) and `worker` both register
 * them; each task is safe to run from several processes at once.
 */
export function registerSchedules(scheduler: Scheduler, database: Database): void {
  scheduler.every('purge-expired-auth', '17 * * * *', () => purgeExpiredAuthRows(database.db));
}
