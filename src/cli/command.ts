import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';

/** What every command gets: configuration, an open and migrated database, and where to write. */
export interface CommandContext {
  readonly config: Config;
  readonly database: Database;
  readonly out: (line: string) => void;
}

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>['values'];

export interface Command<O extends Options = Options> {
  /** Words after `npm run cli --`, e.g. "holidays import". */
  readonly name: string;
  readonly summary: string;
  /** Usage line and option descriptions printed by --help. */
  readonly help: string;
  readonly options: O;
  /** Commands such as `migrate` and `restore` manage the database themselves. */
  readonly needsDatabase?: boolean;
  run(values: Values<O>, positionals: string[], ctx: CommandContext): Promise<number | void>;
}

export function defineCommand<O extends Options>(command: Command<O>): Command {
  return command as unknown as Command;
}

/** A mistake in the command line: printed as one sentence with a pointer to --help. */
export class UsageError extends Error {
  override name = 'UsageError';
}
