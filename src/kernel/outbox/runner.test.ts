import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase, type Database } from '../../db/client.ts';
import { outbox } from '../../db/schema.ts';
import { ENGINE, freshDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { createJobRunner, createScheduler, describeError, type JobContext, type JobLog } from './runner.ts';
import { claimDue, enqueue } from './store.ts';

let testDb: TestDatabase;
let database: Database;

before(async () => {
  testDb = await freshDatabase();
  database = testDb.database;
});
after(() => testDb.cleanup());
beforeEach(async () => {
  await database.db.delete(outbox);
});

interface Logged {
  readonly level: string;
  readonly message: string;
  readonly fields: object;
}

function recordingLog(): JobLog & { lines: Logged[] } {
  const lines: Logged[] = [];
  const at = (level: string) => (fields: object, message: string) => void lines.push({ level, message, fields });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

const rowsOf = () => database.db.select().from(outbox).orderBy(outbox.id);
const later = (base: Date, ms: number) => new Date(base.getTime() + ms);

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(10);
  }
}

describe('job runner', () => {
  test('runs due messages outside a transaction and marks them done', async () => {
    const seen: { payload: unknown; ctx: JobContext }[] = [];
    const id = await enqueue(database.db, { kind: 'note', officeId: 7, payload: { n: 1 } });
    const runner = createJobRunner({
      database,
      log: recordingLog(),
      handlers: {
        async note(payload, ctx) {
          // A handler can use the database handle: on PGlite this would hang inside a transaction.
          await ctx.database.db.select().from(outbox);
          seen.push({ payload, ctx });
        },
      },
    });
    assert.deepEqual(await runner.runOnce(), { done: 1, failed: 0 });
    assert.deepEqual(seen[0]?.payload, { n: 1 });
    assert.equal(seen[0]?.ctx.id, id);
    assert.equal(seen[0]?.ctx.officeId, 7);
    assert.equal(seen[0]?.ctx.attempts, 0);
    const [row] = await rowsOf();
    assert.equal(row?.status, 'done');
    assert.ok(row?.doneAt);
    assert.deepEqual(await runner.runOnce(), { done: 0, failed: 0 });
  });

  test('an unknown kind is recorded as a failure and kept for a process that knows it', async () => {
    const log = recordingLog();
    await enqueue(database.db, { kind: 'letters.render', officeId: null, payload: {} });
    const runner = createJobRunner({ database, handlers: {}, log });
    const now = new Date();
    assert.deepEqual(await runner.runOnce({ now }), { done: 0, failed: 1 });
    let [row] = await rowsOf();
    assert.equal(row?.status, 'pending');
    assert.equal(row?.attempts, 1);
    assert.match(row?.lastError ?? '', /No handler for job kind "letters\.render"/);
    assert.ok(row!.runAfter > now);
    assert.equal(log.lines.find((l) => l.level === 'warn')?.message, 'Job failed; it will be retried');

    assert.deepEqual(await runner.runOnce({ now: row!.runAfter }), { done: 0, failed: 1 });
    [row] = await rowsOf();
    assert.equal(row?.attempts, 2, 'still kept after the second failure');

    const newer = createJobRunner({ database, handlers: { 'letters.render': async () => undefined }, log });
    assert.deepEqual(await newer.runOnce({ now: row!.runAfter }), { done: 1, failed: 0 });
  });

  test('a kind named like an Object property is still unknown', async () => {
    await enqueue(database.db, { kind: 'toString', officeId: null, payload: {} });
    const runner = createJobRunner({ database, handlers: {}, log: recordingLog() });
    assert.deepEqual(await runner.runOnce(), { done: 0, failed: 1 });
  });

  test('a failing handler does not stop the rest of its batch', async () => {
    await enqueue(database.db, { kind: 'flaky', officeId: null, payload: { fail: true } });
    await enqueue(database.db, { kind: 'flaky', officeId: null, payload: { fail: false } });
    const runner = createJobRunner({
      database,
      log: recordingLog(),
      handlers: {
        async flaky(payload) {
          if ((payload as { fail: boolean }).fail) throw new TypeError('bad letter template');
        },
      },
    });
    assert.deepEqual(await runner.runOnce(), { done: 1, failed: 1 });
    const rows = await rowsOf();
    assert.deepEqual(
      rows.map((r) => [r.status, r.lastError]),
      [
        ['pending', 'TypeError: bad letter template'],
        ['done', null],
      ],
    );
  });

  test('a crashed worker’s lease is reclaimed once it expires', async () => {
    await enqueue(database.db, { kind: 'note', officeId: null, payload: {} });
    const now = new Date();
    // A worker claims the message and dies without settling it.
    const [lost] = await claimDue(database.db, { now, limit: 10, leaseMs: 60_000 });
    assert.ok(lost);
    const attempts: number[] = [];
    const runner = createJobRunner({ database, log: recordingLog(), leaseMs: 60_000, handlers: { note: async (_p, ctx) => void attempts.push(ctx.attempts) } });
    assert.deepEqual(await runner.runOnce({ now: later(now, 59_000) }), { done: 0, failed: 0 }, 'the lease still holds');
    assert.deepEqual(await runner.runOnce({ now: later(now, 60_001) }), { done: 1, failed: 0 });
    assert.deepEqual(attempts, [1], 'the lost run counts as an attempt');
    assert.equal((await rowsOf())[0]?.status, 'done');
  });

  test('stop() waits for a handler in flight, and then the runner polls no more', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    await enqueue(database.db, { kind: 'slow', officeId: null, payload: {} });
    const runner = createJobRunner({
      database,
      pollMs: 10,
      log: recordingLog(),
      handlers: {
        async slow() {
          started++;
          await gate;
        },
      },
    });
    runner.start();
    await until(() => started === 1, 'the handler to start');
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await sleep(100);
    assert.equal(stopped, false, 'stop() must not resolve while the handler runs');
    release();
    await stopping;
    assert.equal((await rowsOf())[0]?.status, 'done', 'the outcome is recorded before stop() resolves');
    await enqueue(database.db, { kind: 'slow', officeId: null, payload: {} });
    await sleep(100);
    assert.equal(started, 1, 'no polling after stop()');
    assert.equal((await rowsOf())[1]?.status, 'pending');
  });

  test('a started runner picks up work enqueued later', async () => {
    const done: number[] = [];
    const runner = createJobRunner({ database, pollMs: 10, log: recordingLog(), handlers: { note: async (_p, ctx) => void done.push(ctx.id) } });
    runner.start();
    try {
      const id = await database.db.transaction((tx) => enqueue(tx, { kind: 'note', officeId: null, payload: {} }));
      await until(() => done.includes(id!), 'the message to run');
    } finally {
      await runner.stop();
    }
  });

  test('two runners on two connections never run one message twice', async (t) => {
    if (ENGINE === 'pglite') {
      t.skip('PGlite is one connection in one process; SKIP LOCKED between processes needs PostgreSQL');
      return;
    }
    const second = await openDatabase({ databaseUrl: testDb.url, dataDir: testDb.dataDir, maxConnections: 5 });
    try {
      const total = 120;
      for (let i = 0; i < total; i++) await enqueue(database.db, { kind: 'count', officeId: null, payload: { i } });
      const runs: { id: number; by: string }[] = [];
      const handlerFor = (by: string) => async (_payload: unknown, ctx: JobContext) => {
        runs.push({ id: ctx.id, by });
        await sleep(Math.random() * 5);
      };
      const runners = [
        createJobRunner({ database, pollMs: 5, batchSize: 7, log: recordingLog(), handlers: { count: handlerFor('a') } }),
        createJobRunner({ database: second, pollMs: 5, batchSize: 7, log: recordingLog(), handlers: { count: handlerFor('b') } }),
      ];
      for (const runner of runners) runner.start();
      try {
        await until(() => runs.length >= total, 'every message to run', 20_000);
        await sleep(100); // room for a duplicate to show up, if there were one
      } finally {
        await Promise.all(runners.map((r) => r.stop()));
      }
      const ids = runs.map((r) => r.id);
      assert.equal(new Set(ids).size, ids.length, 'a message ran twice');
      assert.equal(ids.length, total);
      assert.ok((await rowsOf()).every((r) => r.status === 'done'));
      t.diagnostic(`runner a: ${runs.filter((r) => r.by === 'a').length}, runner b: ${runs.filter((r) => r.by === 'b').length}`);
    } finally {
      await second.close();
    }
  });
});

describe('describeError', () => {
  test('adds what an SMTP server answered when the message lacks it', () => {
    const smtp = Object.assign(new Error('Message failed'), { response: '451 4.3.0 Try again later' });
    assert.equal(describeError(smtp), 'Error: Message failed (451 4.3.0 Try again later)');
    assert.equal(describeError(new RangeError('out')), 'RangeError: out');
    assert.equal(describeError('plain'), 'plain');
  });
});

describe('scheduler', () => {
  test('a slow job does not overlap itself, a failing one is logged, and stop() waits for the run under way', async () => {
    const log = recordingLog();
    const scheduler = createScheduler(log);
    let active = 0;
    let most = 0;
    let runs = 0;
    let failures = 0;
    scheduler.every('purge-sessions', '* * * * * *', async () => {
      active++;
      runs++;
      most = Math.max(most, active);
      await sleep(1500);
      active--;
    });
    scheduler.every('broken', '* * * * * *', async () => {
      failures++;
      throw new Error('database gone');
    });
    assert.throws(() => scheduler.every('broken', '* * * * * *', async () => undefined), /already registered/);
    await until(() => runs >= 2, 'two runs of the slow job', 6000);
    await scheduler.stop();
    assert.equal(active, 0, 'stop() resolved while a run was under way');
    assert.equal(most, 1);
    assert.ok(failures >= 1);
    assert.ok(log.lines.some((l) => l.level === 'error' && l.message === 'Scheduled job failed'));
    const runsAtStop = runs;
    await sleep(1200);
    assert.equal(runs, runsAtStop, 'no runs after stop()');
  });
});
