import type { Command } from './command.ts';
import { migrateCommand } from './migrate-command.ts';
import { backupCommand, restoreCommand } from '../backup/commands.ts';
import { workerCommand } from '../kernel/outbox/worker-command.ts';
import { auditVerifyCommand } from '../kernel/audit/commands.ts';
import { deadlineCommand, holidaysImportCommand, holidaysListCommand } from '../calendar/commands.ts';
import { officesImportCommand, seedCommand, userCreateCommand } from '../offices/commands.ts';

/** Every command of `npm run cli`. Each lives beside the capability it serves. */
export const commands: Command[] = [migrateCommand, backupCommand, restoreCommand, workerCommand, seedCommand, userCreateCommand, officesImportCommand, auditVerifyCommand, holidaysImportCommand, holidaysListCommand, deadlineCommand];
