import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { outbox } from '../../db/schema.ts';
import { freshDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { claimDue, enqueue, markDone, markFailed, outboxStats, retryDelayMs } from './store.ts';

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

const rowsOf = () => database.db.select().from(outbox).orderBy(outbox.id);
const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);

describe('enqueue', () => {
  test('a rolled-back change queues nothing', async () => {
    await assert.rejects(
      database.db.transaction(async (tx) => {
        await enqueue(tx, { kind: 'mail', officeId: null, payload: { to: 'a@example.org' } });
        throw new Error('change refused');
      }),
      /change refused/,
    );
    assert.deepEqual(await rowsOf(), []);
  });

  test('a committed change queues its message as pending and due now', async () => {
    const before = new Date(Date.now() - 1000);
    const id = await database.db.transaction((tx) => enqueue(tx, { kind: 'mail', officeId: null, payload: { n: 1 } }));
    const [row] = await rowsOf();
    assert.equal(row?.id, id);
    assert.equal(row?.status, 'pending');
    assert.equal(row?.attempts, 0);
    assert.deepEqual(row?.payload, { n: 1 });
    assert.ok(row!.runAfter >= before);
  });

  test('a second message with the same dedupe key is a no-op, even after the first was sent', async () => {
    const msg = { kind: 'mail', officeId: null, payload: { n: 1 }, dedupeKey: 'notice:1:REQ-1' };
    const first = await database.db.transaction((tx) => enqueue(tx, msg));
    assert.equal(typeof first, 'number');
    assert.equal(await database.db.transaction((tx) => enqueue(tx, { ...msg, payload: { n: 2 } })), null);
    const [claimed] = await claimDue(database.db, { now: new Date(), limit: 10, leaseMs: 60_000 });
    assert.ok(await markDone(database.db, claimed!, new Date()));
    assert.equal(await enqueue(database.db, msg), null);
    const rows = await rowsOf();
    assert.equal(rows.length, 1);
    assert.deepEqual(rows[0]?.payload, { n: 1 });
  });

  test('messages without a dedupe key never collide', async () => {
    await enqueue(database.db, { kind: 'mail', officeId: null, payload: {} });
    await enqueue(database.db, { kind: 'mail', officeId: null, payload: {} });
    assert.equal((await rowsOf()).length, 2);
  });
});

describe('claim, done and failure', () => {
  test('claims only what is due, oldest first, and leases it', async () => {
    const first = await enqueue(database.db, { kind: 'k', officeId: 3, payload: { a: 1 } });
    const now = new Date();
    const later = await enqueue(database.db, { kind: 'k', officeId: 3, payload: {}, runAfter: minutes(now, 10) });
    const claimed = await claimDue(database.db, { now, limit: 10, leaseMs: 60_000 });
    assert.deepEqual(
      claimed.map((c) => c.id),
      [first],
    );
    assert.deepEqual(claimed[0], { id: first, kind: 'k', officeId: 3, payload: { a: 1 }, attempts: 0, lockedUntil: minutes(now, 1) });
    const [running] = await database.db.select().from(outbox).where(eq(outbox.id, first!));
    assert.equal(running?.status, 'running');
    assert.deepEqual(running?.lockedUntil, minutes(now, 1));
    assert.deepEqual(await claimDue(database.db, { now, limit: 10, leaseMs: 60_000 }), [], 'a leased row is not claimed twice');
    assert.deepEqual(
      (await claimDue(database.db, { now: minutes(now, 10), limit: 10, leaseMs: 60_000 })).map((c) => c.id),
      [first, later],
      'the future message becomes due and the expired lease is claimed again',
    );
  });

  test('an expired lease is reclaimed as a failed attempt, and the old lease can no longer settle the row', async () => {
    const now = new Date();
    await enqueue(database.db, { kind: 'k', officeId: null, payload: {}, runAfter: now });
    const [crashed] = await claimDue(database.db, { now, limit: 1, leaseMs: 60_000 });
    const [again] = await claimDue(database.db, { now: minutes(now, 2), limit: 1, leaseMs: 60_000 });
    assert.equal(again?.id, crashed?.id);
    assert.equal(again?.attempts, 1);
    const [row] = await rowsOf();
    assert.match(row?.lastError ?? '', /Lease expired/);
    assert.equal(await markDone(database.db, crashed!, minutes(now, 2)), false);
    assert.equal(await markFailed(database.db, crashed!, 'late', minutes(now, 2)), false);
    assert.equal(await markDone(database.db, again!, minutes(now, 2)), true);
    const [done] = await rowsOf();
    assert.equal(done?.status, 'done');
    assert.deepEqual(done?.doneAt, minutes(now, 2));
    assert.equal(done?.lockedUntil, null);
  });

  test('a failure goes back to pending with the error and a backoff, and keeps being retried', async () => {
    const now = new Date();
    await enqueue(database.db, { kind: 'k', officeId: null, payload: {}, runAfter: now });
    let at = now;
    for (let failures = 1; failures <= 12; failures++) {
      const [claimed] = await claimDue(database.db, { now: at, limit: 1, leaseMs: 60_000 });
      assert.ok(claimed, `attempt ${failures} is claimable once due`);
      assert.ok(await markFailed(database.db, claimed, `boom ${failures}`, at));
      const [row] = await rowsOf();
      assert.equal(row?.status, 'pending');
      assert.equal(row?.attempts, failures);
      assert.equal(row?.lastError, `boom ${failures}`);
      assert.equal(row?.lockedUntil, null);
      const wait = row!.runAfter.getTime() - at.getTime();
      const ceiling = Math.min(3_600_000, 30_000 * 2 ** (failures - 1));
      assert.ok(wait >= ceiling / 2 && wait <= ceiling, `wait ${wait} after ${failures} failures`);
      assert.deepEqual(await claimDue(database.db, { now: new Date(row!.runAfter.getTime() - 1), limit: 1, leaseMs: 60_000 }), []);
      at = row!.runAfter;
    }
  });

  test('a very long error is cut to a readable length', async () => {
    await enqueue(database.db, { kind: 'k', officeId: null, payload: {} });
    const [claimed] = await claimDue(database.db, { now: new Date(), limit: 1, leaseMs: 60_000 });
    await markFailed(database.db, claimed!, 'x'.repeat(10_000), new Date());
    assert.equal((await rowsOf())[0]?.lastError?.length, 2000);
  });
});

describe('retryDelayMs', () => {
  test('starts at 30 s, doubles, stops at one hour, and jitters down by at most half', () => {
    assert.equal(retryDelayMs(1, () => 1), 30_000);
    assert.equal(retryDelayMs(1, () => 0), 15_000);
    assert.equal(retryDelayMs(2, () => 1), 60_000);
    assert.equal(retryDelayMs(3, () => 1), 120_000);
    assert.equal(retryDelayMs(8, () => 1), 3_600_000);
    assert.equal(retryDelayMs(8, () => 0), 1_800_000);
    assert.equal(retryDelayMs(100_000, () => 1), 3_600_000);
    const sample = retryDelayMs(4);
    assert.ok(sample >= 120_000 && sample <= 240_000);
  });
});

describe('outboxStats', () => {
  test('an empty outbox', async () => {
    assert.deepEqual(await outboxStats(database.db), { pending: 0, running: 0, failing: 0, oldestPendingAgeSeconds: null });
  });

  test('counts pending, running and failing, and ages the oldest pending message', async () => {
    for (let i = 0; i < 4; i++) await enqueue(database.db, { kind: 'k', officeId: null, payload: { i } });
    const now = new Date();
    const [failed, running, done] = await claimDue(database.db, { now, limit: 3, leaseMs: 60_000 });
    await markFailed(database.db, failed!, 'smtp down', now);
    await markDone(database.db, done!, now);
    assert.ok(running);
    const stats = await outboxStats(database.db, minutes(now, 10));
    assert.equal(stats.pending, 2);
    assert.equal(stats.running, 1);
    assert.equal(stats.failing, 1);
    assert.ok(stats.oldestPendingAgeSeconds! >= 599 && stats.oldestPendingAgeSeconds! <= 700, String(stats.oldestPendingAgeSeconds));
  });
});
