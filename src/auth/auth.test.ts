import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import { auditEvents, outbox, sessions, staff } from '../db/schema.ts';
import { DEMO_PASSWORD, demoEmail } from '../offices/seed.ts';
import { Client, startTestApp, type TestApp } from '../../test/support/app.ts';
import { totpCode } from './totp.ts';
import { LOCKOUT } from './rules.ts';

let app: TestApp;
before(async () => {
  app = await startTestApp({ demo: true });
});
after(async () => {
  await app?.close();
});

const db = () => app.running.database.db;

async function lastMailTo(address: string): Promise<string> {
  const rows = await db().select().from(outbox).where(eq(outbox.kind, 'mail')).orderBy(desc(outbox.id));
  const mail = rows.find((r) => JSON.stringify((r.payload as { to: unknown }).to).includes(address));
  assert.ok(mail, `no mail to ${address}`);
  return (mail.payload as { text: string }).text;
}

describe('sign-in', () => {
  test('the right password opens the desk; the session is stored hashed and the event audited', async () => {
    const client = new Client(app.url);
    const response = await client.signIn(demoEmail('ppid', 'kab-bintan'), DEMO_PASSWORD);
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/desk');
    const home = await client.get('/desk');
    assert.equal(home.status, 200);
    assert.match(await home.text(), /Budi Santoso/);
    const [row] = await db().select().from(sessions).orderBy(desc(sessions.id)).limit(1);
    assert.match(row!.tokenHash, /^[0-9a-f]{64}$/);
    const [event] = await db().select().from(auditEvents).where(eq(auditEvents.action, 'auth.signed_in')).orderBy(desc(auditEvents.id)).limit(1);
    assert.equal(event!.actorLabel, demoEmail('ppid', 'kab-bintan'));
  });

  test('a wrong password re-renders the form with the message and the e-mail kept', async () => {
    const client = new Client(app.url);
    const response = await client.signIn(demoEmail('desk', 'kab-bintan'), 'wrong-password');
    assert.equal(response.status, 401);
    const html = await response.text();
    assert.match(html, /Surel atau kata sandi salah/);
    assert.match(html, new RegExp(`value="${demoEmail('desk', 'kab-bintan').replace('.', '\\.')}"`));
  });

  test('a form without its CSRF token is refused with a sentence, not a stack trace', async () => {
    const client = new Client(app.url);
    await client.get('/masuk');
    const response = await client.post('/masuk', { email: demoEmail('desk', 'kab-bintan'), password: DEMO_PASSWORD });
    assert.equal(response.status, 403);
    const html = await response.text();
    assert.match(html, /Muat ulang halaman/);
    assert.doesNotMatch(html, /at .*\.ts:\d+/);
  });

  test('five failures lock the account for a while, even for the right password', async () => {
    const email = demoEmail('unit', 'prov-babel');
    const client = new Client(app.url);
    for (let i = 0; i < LOCKOUT.perAccount; i++) assert.equal((await client.signIn(email, `wrong-${i}`)).status, 401);
    const locked = await client.signIn(email, DEMO_PASSWORD);
    assert.equal(locked.status, 429);
    assert.match(await locked.text(), /Terlalu banyak percobaan/);
    const events = await db().select().from(auditEvents).where(eq(auditEvents.action, 'auth.locked_out'));
    assert.equal(events.length, 1);
  });

  test('signing out revokes the session: the old cookie no longer opens the desk', async () => {
    const client = new Client(app.url);
    await client.signIn(demoEmail('atasan', 'kab-bintan'), DEMO_PASSWORD);
    const token = await client.csrfFrom('/desk');
    assert.equal((await client.post('/keluar', { _csrf: token })).status, 303);
    const again = await client.get('/desk');
    assert.equal(again.status, 303);
    assert.match(again.headers.get('location')!, /^\/masuk/);
  });

  test('pages refuse roles they do not serve', async () => {
    const client = new Client(app.url);
    await client.signIn(demoEmail('desk', 'kab-bintan'), DEMO_PASSWORD);
    assert.equal((await client.get('/desk/staff')).status, 403);
    assert.equal((await client.get('/desk/audit')).status, 403);
    assert.equal((await client.get('/desk/holidays')).status, 200);
  });
});

describe('password reset', () => {
  test('the e-mailed link sets a new password once, and ends every session', async () => {
    const email = demoEmail('admin', 'prov-kepri');
    const signedIn = new Client(app.url);
    await signedIn.signIn(email, DEMO_PASSWORD);
    assert.equal((await signedIn.get('/desk')).status, 200);

    const client = new Client(app.url);
    const token = await client.csrfFrom('/lupa-sandi');
    const asked = await client.post('/lupa-sandi', { _csrf: token, email });
    assert.equal(asked.status, 303);
    const link = (await lastMailTo(email)).match(/\/atur-sandi\?token=([A-Za-z0-9_-]+)/);
    assert.ok(link, 'the mail carries the reset link');

    const form = await client.get(`/atur-sandi?token=${link[1]}`);
    assert.equal(form.status, 200);
    const csrf = (await form.text()).match(/name="_csrf" value="([^"]+)"/)![1]!;
    const mismatch = await client.post('/atur-sandi', { _csrf: csrf, token: link[1]!, password: 'a-new-password-1', password_confirm: 'other' });
    assert.equal(mismatch.status, 422);
    const done = await client.post('/atur-sandi', { _csrf: csrf, token: link[1]!, password: 'a-new-password-1', password_confirm: 'a-new-password-1' });
    assert.equal(done.status, 303);

    assert.equal((await signedIn.get('/desk')).status, 303, 'the old session has ended');
    assert.equal((await new Client(app.url).signIn(email, 'a-new-password-1')).status, 303);
    const reused = await client.post('/atur-sandi', { _csrf: csrf, token: link[1]!, password: 'another-password-2', password_confirm: 'another-password-2' });
    assert.equal(reused.status, 422);
  });

  test('an unknown address gets the same answer and no mail', async () => {
    const before = (await db().select().from(outbox)).length;
    const client = new Client(app.url);
    const token = await client.csrfFrom('/lupa-sandi');
    const response = await client.post('/lupa-sandi', { _csrf: token, email: 'nobody@example.org' });
    assert.equal(response.status, 303);
    assert.equal((await db().select().from(outbox)).length, before);
  });
});

describe('two-step verification', () => {
  test('enrolling TOTP makes the next sign-in ask for the code', async () => {
    const email = demoEmail('ppid', 'prov-babel');
    const client = new Client(app.url);
    await client.signIn(email, DEMO_PASSWORD);
    const setup = await (await client.get('/desk/account?totp=setup')).text();
    const secret = setup.match(/name="secret" value="([A-Z2-7]+)"/)![1]!;
    const csrf = setup.match(/name="_csrf" value="([^"]+)"/)![1]!;
    assert.equal((await client.post('/desk/account/totp/enable', { _csrf: csrf, secret, code: '000000' })).status, 422);
    assert.equal((await client.post('/desk/account/totp/enable', { _csrf: csrf, secret, code: totpCode(secret) })).status, 303);
    const [row] = await db().select().from(staff).where(eq(staff.email, email));
    assert.equal(row!.totpEnabled, true);

    const next = new Client(app.url);
    const signIn = await next.signIn(email, DEMO_PASSWORD);
    assert.match(signIn.headers.get('location')!, /^\/masuk\/verifikasi/);
    const blocked = await next.get('/desk');
    assert.equal(blocked.headers.get('location'), '/masuk/verifikasi');
    const verifyCsrf = await next.csrfFrom('/masuk/verifikasi');
    assert.equal((await next.post('/masuk/verifikasi', { _csrf: verifyCsrf, code: '123456', next: '/desk' })).status, 422);
    const ok = await next.post('/masuk/verifikasi', { _csrf: verifyCsrf, code: totpCode(secret), next: '/desk' });
    assert.equal(ok.status, 303);
    assert.equal((await next.get('/desk')).status, 200);
  });
});

describe('API', () => {
  test('unauthenticated and forbidden calls answer RFC 9457 problem JSON in both languages', async () => {
    const anonymous = await fetch(`${app.url}/api/v1/me`);
    assert.equal(anonymous.status, 401);
    assert.match(anonymous.headers.get('content-type')!, /application\/problem\+json/);
    const problem = (await anonymous.json()) as { status: number; detail_id: string; detail_en: string };
    assert.equal(problem.status, 401);
    assert.ok(problem.detail_id && problem.detail_en);

    const client = new Client(app.url);
    await client.signIn(demoEmail('desk', 'kab-belitung-timur'), DEMO_PASSWORD);
    const forbidden = await client.json('GET', '/api/v1/staff');
    assert.equal(forbidden.status, 403);
  });

  test('a state-changing API call needs the CSRF header; with it, validation errors come back per field', async () => {
    const client = new Client(app.url);
    await client.signIn(demoEmail('admin', 'kab-belitung-timur'), DEMO_PASSWORD);
    const withoutToken = await client.json('POST', '/api/v1/units', { name: 'Unit Baru' });
    assert.equal(withoutToken.status, 403);
    const token = await client.csrfFrom('/desk/units');
    const bad = await client.json('POST', '/api/v1/units', { name: 'x' }, { 'x-csrf-token': token });
    assert.equal(bad.status, 422);
    const body = (await bad.json()) as { errors: { field: string }[] };
    assert.deepEqual(body.errors.map((e) => e.field), ['name']);
    const created = await client.json('POST', '/api/v1/units', { name: 'Unit Data Pemilih' }, { 'x-csrf-token': token });
    assert.equal(created.status, 201);
  });

  test('the OpenAPI 3.1 document lists the routes and the docs page renders it', async () => {
    const spec = (await (await fetch(`${app.url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(spec.openapi, '3.1.0');
    for (const path of ['/api/v1/offices', '/api/v1/offices/{slug}', '/api/v1/me', '/api/v1/staff', '/api/v1/units', '/api/v1/holidays', '/api/v1/deadline']) {
      assert.ok(spec.paths[path], `${path} documented`);
    }
    const docs = await (await fetch(`${app.url}/api/docs`)).text();
    assert.match(docs, /GET \/api\/v1\/deadline/);
  });
});
