import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { freshDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { offices } from '../../db/schema.ts';
import { canonicalJson } from './chain.ts';
import { cliActor, recordEvent, verifyAuditLog } from './store.ts';

let t: TestDatabase;
let officeId: number;
before(async () => {
  t = await freshDatabase();
  const [office] = await t.database.db.insert(offices).values({ level: 'ri', code: '00', slug: 'ri', name: 'KPU RI' }).returning();
  officeId = office!.id;
});
after(async () => t?.cleanup());

async function record(count: number, office: number | null = officeId) {
  for (let i = 0; i < count; i++) {
    await t.database.db.transaction((tx) =>
      recordEvent(tx, cliActor('test'), { officeId: office, action: 'test.event', subjectType: 'thing', subjectId: i, before: { n: i }, after: { n: i + 1, nested: { z: 1, a: [1, 'b'] } } }),
    );
  }
}

/** Tampering needs the append-only trigger out of the way, as an attacker with database access would do. */
async function tamper(statement: ReturnType<typeof sql>) {
  await t.database.db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`);
    await tx.execute(statement);
    await tx.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`);
  });
}

test('canonical JSON ignores key order', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } }), '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
});

test('an untouched log verifies, chain by chain', async () => {
  await record(5);
  await record(2, null);
  const result = await verifyAuditLog(t.database.db, 2);
  assert.deepEqual(result.problems, []);
  assert.equal(result.events, 7);
  assert.equal(result.chains, 2);
});

test('the database refuses to change or delete an event', async () => {
  await assert.rejects(t.database.db.execute(sql`UPDATE audit_events SET action = 'x'`));
  await assert.rejects(t.database.db.execute(sql`DELETE FROM audit_events`));
  await assert.rejects(t.database.db.execute(sql`TRUNCATE audit_events`));
});

test('an edited event is found', async () => {
  await tamper(sql`UPDATE audit_events SET after = '{"n": 99}'::jsonb WHERE chain = ${officeId} AND seq = 2`);
  const result = await verifyAuditLog(t.database.db);
  assert.deepEqual(result.problems, [{ chain: officeId, seq: 2, problem: 'edited' }]);
  await tamper(sql`UPDATE audit_events SET after = '{"n": 2, "nested": {"a": [1, "b"], "z": 1}}'::jsonb WHERE chain = ${officeId} AND seq = 2`);
  assert.deepEqual((await verifyAuditLog(t.database.db)).problems, [], 'restoring the exact content verifies again');
});

test('a deleted event in the middle is found', async () => {
  await tamper(sql`DELETE FROM audit_events WHERE chain = ${officeId} AND seq = 3`);
  const problems = (await verifyAuditLog(t.database.db)).problems;
  assert.deepEqual(problems, [{ chain: officeId, seq: 3, problem: 'missing' }]);
});

test('a deleted last event is found through the chain head', async () => {
  await tamper(sql`DELETE FROM audit_events WHERE chain = 0 AND seq = 2`);
  const problems = (await verifyAuditLog(t.database.db)).problems;
  assert.ok(problems.some((p) => p.chain === 0 && p.problem === 'head_mismatch'));
});
