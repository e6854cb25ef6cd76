import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { runCli } from '../../cli.ts';
import { loadConfig, type Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { outbox } from '../../db/schema.ts';
import { enqueueMail } from '../../mail/mail.ts';
import { freshDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { enqueue } from './store.ts';
import { workerCommand } from './worker-command.ts';

let testDb: TestDatabase;
let database: Database;
let config: Config;

before(async () => {
  testDb = await freshDatabase();
  database = testDb.database;
  config = loadConfig({ DATA_DIR: testDb.dataDir });
});
after(() => testDb.cleanup());
beforeEach(async () => {
  await database.db.delete(outbox);
});

const mailFiles = () => (existsSync(join(config.dataDir, 'mail')) ? readdirSync(join(config.dataDir, 'mail')) : []);
const mail = (subject: string) => ({ officeId: null, to: 'pemohon@example.org', subject, text: 'Isi surel.' });

test('--help describes the command and its option', async () => {
  const lines: string[] = [];
  assert.equal(await runCli(['worker', '--help'], (l) => lines.push(l)), 0);
  assert.match(lines.join('\n'), /npm run cli -- worker \[--once\]/);
  assert.match(lines.join('\n'), /--once/);
});

test('--once sends what is due and exits; a failure makes the exit code 1 and stays queued', async () => {
  await database.db.transaction((tx) => enqueueMail(tx, mail('Satu')));
  await database.db.transaction((tx) => enqueueMail(tx, mail('Dua')));
  const lines: string[] = [];
  const run = (values: { once?: boolean }) => workerCommand.run(values, [], { config, database, out: (l) => lines.push(l) });
  assert.equal(await run({ once: true }), 0);
  assert.equal(mailFiles().length, 2);
  assert.match(lines.at(-1) ?? '', /done: 2, .*: 0$/);

  await enqueue(database.db, { kind: 'unknown.kind', officeId: null, payload: {} });
  assert.equal(await run({ once: true }), 1);
  assert.match(lines.at(-1) ?? '', /done: 0, .*: 1$/);
  const [kept] = await database.db.select().from(outbox).where(eq(outbox.kind, 'unknown.kind'));
  assert.equal(kept?.status, 'pending');
});

test('without --once it keeps running until SIGTERM, then finishes and returns', async () => {
  const listenersBefore = process.listenerCount('SIGTERM');
  const lines: string[] = [];
  const running = workerCommand.run({}, [], { config, database, out: (l) => lines.push(l) });
  await database.db.transaction((tx) => enqueueMail(tx, mail('Tiga')));
  const deadline = Date.now() + 5000;
  while (!lines.some((l) => l.includes('Mail sent'))) {
    assert.ok(Date.now() < deadline, 'the worker did not send the mail');
    await sleep(20);
  }
  process.emit('SIGTERM', 'SIGTERM');
  assert.equal(await running, 0);
  assert.match(lines.at(-1) ?? '', /worker stopped/);
  assert.equal(process.listenerCount('SIGTERM'), listenersBefore, 'its signal handlers are removed');
});
