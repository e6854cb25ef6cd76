import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { UsageError, type Command } from './cli/command.ts';
import { commands } from './cli/registry.ts';

function findCommand(words: string[]): { command: Command; rest: string[] } | undefined {
  // Longest match first, so "holidays import" wins over a hypothetical "holidays".
  const sorted = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const command of sorted) {
    const parts = command.name.split(' ');
    if (parts.every((p, i) => words[i] === p)) return { command, rest: words.slice(parts.length) };
  }
  return undefined;
}

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Lentera — baris perintah / command line',
    '',
    'Penggunaan / usage: npm run cli -- <command> [options]   (setiap perintah punya --help / every command has --help)',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

export async function runCli(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    out(overview());
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    err(`Perintah tidak dikenal: "${argv.join(' ')}". Lihat daftar perintah dengan --help / Unknown command: see --help.`);
    return 2;
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    out(`${command.summary}\n\n${command.help}`);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    err(`${(error as Error).message}. Lihat / see: npm run cli -- ${command.name} --help`);
    return 2;
  }
  let database;
  try {
    const config = loadConfig();
    if (command.needsDatabase !== false) {
      database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, maxConnections: 3 });
      if (command.name !== 'migrate') await migrate(database);
    }
    const code = await command.run(parsed.values, parsed.positionals, { config, database: database!, out });
    return typeof code === 'number' ? code : 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError) {
      err(error.message + (error instanceof UsageError ? ` Lihat / see: npm run cli -- ${command.name} --help` : ''));
      return 2;
    }
    if ((error as { name?: string }).name === 'AppError') {
      const e = error as unknown as { text: { id: string; en: string }; fields: Record<string, { id: string; en: string }> };
      err(`${e.text.id} / ${e.text.en}`);
      for (const [field, message] of Object.entries(e.fields)) err(`  ${field}: ${message.id} / ${message.en}`);
      return 1;
    }
    err(`Gagal / failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await database?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runCli(process.argv.slice(2));
}
