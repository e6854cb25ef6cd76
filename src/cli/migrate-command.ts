import { migrate } from '../db/migrate.ts';
import { defineCommand } from './command.ts';

export const migrateCommand = defineCommand({
  name: 'migrate',
  summary: 'Jalankan migrasi basis data / apply database migrations',
  help: 'npm run cli -- migrate\n\nApplies every migration not yet applied. Safe to run twice and from two processes at once.',
  options: {},
  needsDatabase: true,
  async run(_values, _positionals, { database, out }) {
    const result = await migrate(database);
    out(result.applied.length ? `Diterapkan / applied: ${result.applied.join(', ')}` : 'Basis data sudah mutakhir / database is up to date.');
  },
});
