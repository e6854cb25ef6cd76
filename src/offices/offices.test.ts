import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { Client, startTestApp, type TestApp } from '../../test/support/app.ts';
import { auditEvents, offices, sessions, staff } from '../db/schema.ts';
import { cliActor } from '../kernel/audit/store.ts';
import { AppError } from '../kernel/errors.ts';
import { officeProblems, staffProblems } from './rules.ts';
import { DEMO_PASSWORD, demoEmail } from './seed.ts';
import { createStaff, importOffices, updateStaff } from './service.ts';
import { officeBySlug, staffByEmail, staffInScope, unitsOfOffice } from './store.ts';

let app: TestApp;
before(async () => {
  app = await startTestApp({ demo: true });
});
after(async () => app?.close());
const db = () => app.running.database.db;
const actor = cliActor('test');

describe('rules', () => {
  const office = {
    slug: 'kab-karimun',
    code: '21.02',
    name: 'KPU Kabupaten Karimun',
    level: 'regency',
    parentSlug: 'prov-kepri',
    address: '',
    city: '',
    phone: '',
    email: '',
    website: '',
    timeZone: 'Asia/Jakarta',
    hoursStart: '08:00',
    hoursEnd: '16:00',
    letterheadLines: [],
  };
  test('a valid office has no problems; each bad field is named', () => {
    assert.deepEqual(officeProblems(office), {});
    const problems = officeProblems({ ...office, slug: 'desk', timeZone: 'Europe/Paris', hoursEnd: '07:00', level: 'regency', parentSlug: '' });
    assert.deepEqual(Object.keys(problems).sort(), ['hours_end', 'parent', 'slug', 'time_zone']);
  });
  test('staff: providers need a unit; only system admins grant system admin', () => {
    const person = { name: 'Ana', email: 'ana@example.org', position: '', roles: ['information_provider'], unitId: null };
    assert.ok(staffProblems(person, { mayGrantSystemAdmin: false, unitIds: [] }).unit);
    assert.deepEqual(staffProblems({ ...person, unitId: 3 }, { mayGrantSystemAdmin: false, unitIds: [3] }), {});
    assert.ok(staffProblems({ ...person, roles: ['system_admin'] }, { mayGrantSystemAdmin: false, unitIds: [] }).roles);
    assert.ok(staffProblems({ ...person, roles: ['owner'] }, { mayGrantSystemAdmin: true, unitIds: [] }).roles);
  });
});

describe('offices import', () => {
  test('a file with a bad row imports nothing and names the row', async () => {
    const before = (await db().select().from(offices)).length;
    const csv = 'slug,code,name,level,parent\nkab-karimun,21.02,KPU Kabupaten Karimun,regency,prov-kepri\nkab-x,21.99,KPU X,regency,no-such-province\n';
    await assert.rejects(importOffices(db(), actor, csv), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.ok(Object.keys(error.fields).some((k) => k.includes('baris 3')));
      return true;
    });
    assert.equal((await db().select().from(offices)).length, before);
  });

  test('re-importing updates by slug instead of duplicating, and records what changed', async () => {
    const csv = 'slug,code,name,level,parent,time_zone\nkab-karimun,21.02,KPU Kabupaten Karimun,regency,prov-kepri,Asia/Jakarta\n';
    assert.deepEqual(await importOffices(db(), actor, csv), { created: 1, updated: 0, unchanged: 0 });
    assert.deepEqual(await importOffices(db(), actor, csv), { created: 0, updated: 0, unchanged: 1 });
    const changed = csv.replace('Asia/Jakarta', 'Asia/Makassar');
    assert.deepEqual(await importOffices(db(), actor, changed), { created: 0, updated: 1, unchanged: 0 });
    const office = (await officeBySlug(db(), 'kab-karimun'))!;
    assert.equal(office.timeZone, 'Asia/Makassar');
    const events = await db().select().from(auditEvents).where(eq(auditEvents.officeId, office.id));
    assert.deepEqual(events.map((e) => e.action), ['office.created', 'office.updated']);
  });
});

describe('staff', () => {
  test('a duplicate e-mail is refused with a field message and nothing is written', async () => {
    const bintan = (await officeBySlug(db(), 'kab-bintan'))!;
    await assert.rejects(
      createStaff(db(), actor, { officeId: bintan.id }, { name: 'Dup', email: demoEmail('ppid', 'kab-bintan').toUpperCase(), position: '', roles: ['ppid'], unitId: null }, { mayGrantSystemAdmin: false, baseUrl: app.url }),
      (error: unknown) => error instanceof AppError && error.fields.email !== undefined,
    );
  });

  test('a new account without a password gets an e-mail to set one', async () => {
    const bintan = (await officeBySlug(db(), 'kab-bintan'))!;
    const row = await createStaff(db(), actor, { officeId: bintan.id }, { name: 'Yuli', email: 'yuli@bintan.example', position: 'Staf', roles: ['desk_officer'], unitId: null }, { mayGrantSystemAdmin: false, baseUrl: app.url });
    assert.equal(row.officeId, bintan.id);
    const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'staff.created'), eq(auditEvents.subjectId, String(row.id))));
    assert.ok(event);
    assert.doesNotMatch(JSON.stringify(event.after), /argon2/, 'the audit log never holds the password hash');
  });

  test('deactivating an account ends its sessions; an admin cannot deactivate themself', async () => {
    const email = demoEmail('desk', 'prov-babel');
    const client = new Client(app.url);
    await client.signIn(email, DEMO_PASSWORD);
    const person = (await staffByEmail(db(), email))!;
    const admin = (await staffByEmail(db(), demoEmail('admin', 'prov-babel')))!;
    const scope = { officeId: person.officeId };
    await updateStaff(db(), actor, scope, person.id, { name: person.name, email: person.email, position: person.position, roles: person.roles, unitId: null, active: false }, { mayGrantSystemAdmin: false, selfId: admin.id });
    const open = await db().select().from(sessions).where(eq(sessions.staffId, person.id));
    assert.ok(open.every((s) => s.revokedAt !== null));
    assert.equal((await client.get('/desk')).status, 303);
    await assert.rejects(
      updateStaff(db(), actor, scope, admin.id, { name: admin.name, email: admin.email, position: '', roles: ['office_admin'], unitId: null, active: false }, { mayGrantSystemAdmin: false, selfId: admin.id }),
      AppError,
    );
  });
});

describe('tenancy', () => {
  test('one office never reaches another office’s staff, by query or by URL', async () => {
    const bintanPpid = (await staffByEmail(db(), demoEmail('ppid', 'kab-bintan')))!;
    const beltim = (await officeBySlug(db(), 'kab-belitung-timur'))!;
    assert.equal(await staffInScope(db(), { officeId: beltim.id }, bintanPpid.id), undefined);

    const client = new Client(app.url);
    await client.signIn(demoEmail('admin', 'kab-belitung-timur'), DEMO_PASSWORD);
    const page = await client.get(`/desk/staff/${bintanPpid.id}`);
    assert.equal(page.status, 404);
    assert.doesNotMatch(await page.text(), /Budi Santoso/);
    const list = await (await client.get('/desk/staff')).text();
    assert.doesNotMatch(list, /kab-bintan@demo/);
    const token = await client.csrfFrom('/desk/staff');
    const post = await client.post(`/desk/staff/${bintanPpid.id}`, { _csrf: token, name: 'Hijacked', email: 'h@x.org', roles: 'ppid', active: 'active' });
    assert.equal(post.status, 404);
    const [still] = await db().select().from(staff).where(eq(staff.id, bintanPpid.id));
    assert.equal(still!.name, 'Budi Santoso');
  });

  test('a staff member cannot be put in another office’s unit', async () => {
    const beltim = (await officeBySlug(db(), 'kab-belitung-timur'))!;
    const bintanUnit = (await unitsOfOffice(db(), { officeId: (await officeBySlug(db(), 'kab-bintan'))!.id }))[0]!;
    const person = (await staffByEmail(db(), demoEmail('unit', 'kab-belitung-timur')))!;
    const admin = (await staffByEmail(db(), demoEmail('admin', 'kab-belitung-timur')))!;
    for (const unitId of [bintanUnit.id, 2_000_000_000]) {
      await assert.rejects(
        updateStaff(db(), actor, { officeId: beltim.id }, person.id, { name: person.name, email: person.email, position: '', roles: person.roles, unitId, active: true }, { mayGrantSystemAdmin: false, selfId: admin.id }),
        (error: unknown) => error instanceof AppError && error.fields.unit !== undefined,
      );
    }
  });

  test('an office admin manages staff through the desk form, errors re-rendered with what was typed', async () => {
    const client = new Client(app.url);
    await client.signIn(demoEmail('admin', 'kab-belitung-timur'), DEMO_PASSWORD);
    const token = await client.csrfFrom('/desk/staff/new');
    const bad = await client.post('/desk/staff', { _csrf: token, name: 'Wati', email: 'not-an-email', roles: [] });
    assert.equal(bad.status, 422);
    const html = await bad.text();
    assert.match(html, /error-summary/);
    assert.match(html, /value="Wati"/);
    assert.match(html, /Alamat surel tidak sah/);
    const ok = await client.post('/desk/staff', { _csrf: token, name: 'Wati', email: 'wati@beltim.example', roles: ['desk_officer'], unit: '' });
    assert.equal(ok.status, 303);
    assert.match(await (await client.get('/desk/staff')).text(), /wati@beltim\.example/);
  });
});
