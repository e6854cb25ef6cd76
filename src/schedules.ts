import { purgeExpiredAuthRows } from './auth/service.ts';
import type { Database } from './db/client.ts';
import { sendDipReminders } from './dip/reminders.ts';
import type { Scheduler } from './kernel/outbox/runner.ts';
import { sendObjectionReminders } from './objections/reminders.ts';
import { sendDeadlineReminders } from './requests/reminders.ts';
import { purgeStagedUploads } from './requests/service.ts';

/**
 * Every periodic task of the installation. The web process (unless JOBS=off) and `worker` both register
 * them; each task is safe to run from several processes at once.
 */
export function registerSchedules(scheduler: Scheduler, database: Database, baseUrl: string): void {
  scheduler.every('purge-expired-auth', '17 * * * *', () => purgeExpiredAuthRows(database.db));
  // Hourly, so a reminder goes out early on its day in every zone; the outbox dedupe key sends each once.
  scheduler.every('deadline-reminders', '5 * * * *', () => sendDeadlineReminders(database.db, new Date(), baseUrl));
  scheduler.every('objection-reminders', '6 * * * *', () => sendObjectionReminders(database.db, new Date(), baseUrl));
  scheduler.every('dip-reminders', '8 * * * *', () => sendDipReminders(database.db, new Date(), baseUrl));
  scheduler.every('purge-staged-uploads', '41 3 * * *', () => purgeStagedUploads(database.db));
}
