import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, count, eq, isNull } from 'drizzle-orm';
import { Client, startTestApp, type TestApp } from '../../test/support/app.ts';
import { ENGINE } from '../../test/support/db.ts';
import { deadlines, disputes, disputeStages, letters, objections, requests } from '../db/schema.ts';
import { DEMO_PASSWORD, demoEmail } from '../offices/seed.ts';
import { officeBySlug } from '../offices/store.ts';
import { seedDemoRequests } from '../requests/seed.ts';
import { seedDemoObjections } from './seed.ts';

let app: TestApp;
const BASE = 'https://lentera.example';

before(async () => {
  app = await startTestApp({ demo: true });
});
after(async () => app?.close());

async function counts() {
  const db = app.running.database.db;
  const n = async (table: typeof objections | typeof disputes | typeof disputeStages | typeof letters | typeof requests | typeof deadlines) => Number((await db.select({ n: count() }).from(table))[0]!.n);
  return { objections: await n(objections), disputes: await n(disputes), stages: await n(disputeStages), letters: await n(letters), requests: await n(requests), deadlines: await n(deadlines) };
}

describe(`demo objections (${ENGINE})`, () => {
  test('the demo request seed brings objections in every state to both offices, and seeding again adds nothing', async () => {
    const db = app.running.database.db;
    await seedDemoRequests(db, BASE);
    const first = await counts();
    assert.equal(first.objections, 8);
    assert.equal(first.disputes, 2);

    assert.equal(await seedDemoRequests(db, BASE), 0);
    assert.equal(await seedDemoObjections(db, BASE), 0);
    assert.deepEqual(await counts(), first);

    for (const slug of ['kab-belitung-timur', 'kab-bintan']) {
      const office = (await officeBySlug(db, slug))!;
      const rows = await db.select({ objection: objections, request: requests }).from(objections).innerJoin(requests, eq(requests.id, objections.requestId)).where(eq(objections.officeId, office.id));
      const byStatus = new Map(rows.map((r) => [r.objection.status, r]));
      assert.deepEqual([...byStatus.keys()].sort(), ['filed', 'overturned', 'settled', 'upheld'], slug);

      const waiting = byStatus.get('filed')!;
      assert.deepEqual(waiting.objection.grounds, ['c'], 'the waiting one is against a request left unanswered');
      const [answerClock] = await db.select().from(deadlines).where(and(eq(deadlines.id, waiting.objection.deadlineId!), isNull(deadlines.closedAt)));
      assert.equal(answerClock?.purpose, 'objection_answer', 'its answer clock runs');

      const upheld = byStatus.get('upheld')!;
      assert.equal(upheld.objection.response, 'not_accepted');
      const [dispute] = await db.select().from(disputes).where(eq(disputes.objectionId, upheld.objection.id));
      assert.equal(dispute?.stage, 'mediation');
      assert.equal(dispute?.late, false);
      assert.deepEqual((await db.select().from(disputeStages).where(eq(disputeStages.disputeId, dispute!.id))).map((s) => s.stage), ['filed', 'mediation']);

      const overturned = byStatus.get('overturned')!;
      assert.equal(overturned.request.status, 'escalated', 'the overturned objection reopened its request');
      const [reopen] = await db.select().from(deadlines).where(eq(deadlines.id, overturned.request.reopenDeadlineId!));
      assert.equal(reopen?.purpose, 'objection_reopen');
      assert.equal(reopen?.closedAt, null);

      assert.equal(byStatus.get('settled')!.objection.response, 'accepted');
      const decisionLetters = await db.select().from(letters).where(and(eq(letters.officeId, office.id), eq(letters.kind, 'tanggapan_keberatan')));
      assert.equal(decisionLetters.length, 3, 'every decided objection has its letter');
    }
  });

  test("the desk home lists the waiting objections and the running disputes for the PPID and the Atasan PPID, not for the desk", async () => {
    const db = app.running.database.db;
    const office = (await officeBySlug(db, 'kab-bintan'))!;
    const [waiting] = await db.select().from(objections).where(and(eq(objections.officeId, office.id), eq(objections.status, 'filed')));
    const [dispute] = await db.select().from(disputes).where(eq(disputes.officeId, office.id));
    for (const key of ['atasan', 'ppid']) {
      const client = new Client(app.url);
      await client.signIn(demoEmail(key, 'kab-bintan'), DEMO_PASSWORD);
      const html = await (await client.get('/desk')).text();
      assert.match(html, /Keberatan menunggu tanggapan/, key);
      assert.match(html, new RegExp(`href="/desk/keberatan/${waiting!.id}"`), key);
      assert.match(html, /hari kerja lagi/, key);
      assert.match(html, /Sengketa berjalan/, key);
      assert.match(html, new RegExp(`href="/desk/sengketa/${dispute!.id}"`), key);
      assert.match(html, /Mediasi/, key);
    }
    const desk = new Client(app.url);
    await desk.signIn(demoEmail('desk', 'kab-bintan'), DEMO_PASSWORD);
    const html = await (await desk.get('/desk')).text();
    assert.doesNotMatch(html, /Keberatan menunggu tanggapan|Sengketa berjalan/);
  });
});
