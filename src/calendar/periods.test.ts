import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { Client, startTestApp, type TestApp } from '../../test/support/app.ts';
import { auditEvents } from '../db/schema.ts';
import { cliActor } from '../kernel/audit/store.ts';
import { AppError } from '../kernel/errors.ts';
import { DEMO_PASSWORD, demoEmail } from '../offices/seed.ts';
import { officeBySlug } from '../offices/store.ts';
import { addRulePeriod, periodsOfOffice, removeRulePeriod, rulePeriodProblems } from './periods.ts';
import { computeDeadlineForOffice } from './service.ts';

let app: TestApp;
before(async () => {
  app = await startTestApp({ demo: true });
});
after(async () => app?.close());
const db = () => app.running.database.db;

test('a period needs a special profile, real dates in order, and a short note', () => {
  assert.deepEqual(rulePeriodProblems({ profile: 'election', startsOn: '2026-06-01', endsOn: '2026-12-31', note: '' }), {});
  assert.deepEqual(Object.keys(rulePeriodProblems({ profile: 'normal', startsOn: '2026-02-30', endsOn: '2026-01-01', note: 'x'.repeat(301) })).sort(), ['note', 'profile', 'starts_on']);
  assert.ok(rulePeriodProblems({ profile: 'election', startsOn: '2026-06-01', endsOn: '2026-05-01', note: '' }).ends_on);
  assert.ok(rulePeriodProblems({ profile: 'election', startsOn: '2026-01-01', endsOn: '2036-01-01', note: '' }).ends_on);
});

test('requests received inside an election stage get the election period; outside it, the normal one', async () => {
  const bintan = (await officeBySlug(db(), 'kab-bintan'))!;
  const scope = { officeId: bintan.id };
  const received = new Date('2026-09-01T09:00:00+07:00');
  assert.equal((await computeDeadlineForOffice(db(), 'kab-bintan', received)).result.workingDays, 10);
  const period = await addRulePeriod(db(), cliActor('test'), scope, { profile: 'election', startsOn: '2026-08-01', endsOn: '2026-10-31', note: 'Tahapan pilkada' });
  const during = await computeDeadlineForOffice(db(), 'kab-bintan', received);
  assert.equal(during.profile?.name, 'election');
  assert.equal(during.result.workingDays, 3);
  assert.equal(during.result.due, '2026-09-04');
  assert.equal((await computeDeadlineForOffice(db(), 'kab-bintan', new Date('2026-11-02T09:00:00+07:00'))).result.workingDays, 10);
  assert.equal((await computeDeadlineForOffice(db(), 'kab-belitung-timur', received)).result.workingDays, 10, 'another office is not affected');

  const beltim = (await officeBySlug(db(), 'kab-belitung-timur'))!;
  await assert.rejects(removeRulePeriod(db(), cliActor('test'), { officeId: beltim.id }, period.id), AppError);
  await removeRulePeriod(db(), cliActor('test'), scope, period.id);
  assert.deepEqual(await periodsOfOffice(db(), scope), []);
  const events = await db().select().from(auditEvents).where(eq(auditEvents.subjectType, 'rule_period'));
  assert.deepEqual(events.map((e) => e.action), ['rule_period.added', 'rule_period.removed']);
});

test('the PPID records a period in the desk; a desk officer may not', async () => {
  const desk = new Client(app.url);
  await desk.signIn(demoEmail('desk', 'prov-kepri'), DEMO_PASSWORD);
  const deskToken = await desk.csrfFrom('/desk/holidays');
  assert.equal((await desk.post('/desk/rule-periods', { _csrf: deskToken, profile: 'election', starts_on: '2026-08-01', ends_on: '2026-10-31' })).status, 403);

  const ppid = new Client(app.url);
  await ppid.signIn(demoEmail('ppid', 'prov-kepri'), DEMO_PASSWORD);
  const token = await ppid.csrfFrom('/desk/holidays');
  const bad = await ppid.post('/desk/rule-periods', { _csrf: token, profile: 'election', starts_on: '2026-10-31', ends_on: '2026-08-01', note: 'terbalik' });
  assert.equal(bad.status, 422);
  const html = await bad.text();
  assert.match(html, /Tanggal selesai tidak boleh sebelum tanggal mulai/);
  assert.match(html, /value="terbalik"/);
  const ok = await ppid.post('/desk/rule-periods', { _csrf: token, profile: 'election', starts_on: '2026-08-01', ends_on: '2026-10-31', note: 'Tahapan pemilihan' });
  assert.equal(ok.status, 303);
  assert.match(await (await ppid.get('/desk/holidays?year=2026')).text(), /Tahapan pemilihan/);
});
