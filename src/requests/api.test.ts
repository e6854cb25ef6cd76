import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { Client, startTestApp, type TestApp } from '../../test/support/app.ts';
import { ENGINE } from '../../test/support/db.ts';
import { requests } from '../db/schema.ts';
import { DEMO_PASSWORD, demoEmail } from '../offices/seed.ts';
import { staffByEmail } from '../offices/store.ts';
import type { IntakeForm } from './rules.ts';
import { newSubmissionKey, submitRequest } from './service.ts';

const SLUG = 'kab-belitung-timur';

let app: TestApp;
before(async () => {
  app = await startTestApp({ demo: true });
});
after(async () => app?.close());

interface Caller {
  readonly client: Client;
  readonly token: string;
}

/** A client with a CSRF token from the API, signed in as a demo account of `slug` when a key is given. */
async function caller(key?: string, slug = SLUG): Promise<Caller> {
  const client = new Client(app.url);
  if (key) assert.equal((await client.signIn(demoEmail(key, slug), DEMO_PASSWORD)).status, 303);
  const response = await client.json('GET', '/api/v1/csrf-token');
  const { token } = (await response.json()) as { token: string };
  return { client, token };
}

function post(who: Caller, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return who.client.json('POST', path, body, { 'x-csrf-token': who.token, ...headers });
}

const APPLICATION = {
  applicantType: 'individual',
  name: 'Budi Pemohon',
  nik: '1906014101900001',
  address: 'Jl. Merdeka 1, Manggar',
  phone: '081234567890',
  email: 'budi@example.id',
  occupation: 'Wartawan',
  information: 'Salinan SK penetapan DPT Pemilu 2024 Kabupaten Belitung Timur',
  purpose: 'Bahan liputan',
  obtainMethod: 'copy',
  deliveryMethod: 'email',
  consent: true,
};

interface SubmittedJson {
  id: number;
  number: string;
  trackingCode: string;
  due: string;
}

interface ProblemJson {
  status: number;
  detail_id: string;
  detail_en: string;
  errors: { field: string; message_id: string; message_en: string }[];
}

async function submit(body: unknown = APPLICATION, key = newSubmissionKey()): Promise<SubmittedJson> {
  const response = await post(await caller(), `/api/v1/offices/${SLUG}/requests`, body, { 'idempotency-key': key });
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()) as SubmittedJson;
}

/** The API takes online requests only; a walk-in is recorded at the desk, here through the service. */
async function walkIn(): Promise<{ id: number }> {
  const deskStaff = (await staffByEmail(app.running.database.db, demoEmail('desk', SLUG)))!;
  const actor = { staffId: deskStaff.id, label: deskStaff.email, ip: '', requestId: 't' };
  const form = { ...APPLICATION, channel: 'walk_in', legalNumber: '', proxyName: '', consent: '' } as unknown as IntakeForm;
  const { request } = await submitRequest(app.running.database.db, actor, { officeId: deskStaff.officeId, form, submissionKey: newSubmissionKey(), files: [] }, { baseUrl: app.url });
  return { id: request.id };
}

async function problem(response: Response, status: number): Promise<ProblemJson> {
  assert.equal(response.status, status, await response.clone().text());
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  return (await response.json()) as ProblemJson;
}

const fieldsOf = (p: ProblemJson) => p.errors.map((e) => e.field).sort();

describe(`requests API (${ENGINE})`, () => {
  test('online submission as JSON: 201 with number, code and due date; the same Idempotency-Key again is 200 with the same body', async () => {
    const anonymous = await caller();
    const key = newSubmissionKey();
    const first = await post(anonymous, `/api/v1/offices/${SLUG}/requests`, APPLICATION, { 'idempotency-key': key });
    assert.equal(first.status, 201);
    const made = (await first.json()) as SubmittedJson;
    assert.match(made.number, /^\d{4}\/REG-PPID\/19\.06\/\d{4}$/);
    assert.match(made.trackingCode, /^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    assert.match(made.due, /^\d{4}-\d{2}-\d{2}$/);
    const again = await post(anonymous, `/api/v1/offices/${SLUG}/requests`, { ...APPLICATION, name: 'Someone Else' }, { 'idempotency-key': key });
    assert.equal(again.status, 200);
    assert.deepEqual(await again.json(), made);
    const rows = await app.running.database.db.select({ id: requests.id, channel: requests.channel }).from(requests).where(eq(requests.submissionKey, key));
    assert.deepEqual(rows, [{ id: made.id, channel: 'online' }]);
  });

  test('invalid submissions are problem JSON naming each field; nothing is registered', async () => {
    const anonymous = await caller();
    const url = `/api/v1/offices/${SLUG}/requests`;
    const before = (await app.running.database.db.select({ id: requests.id }).from(requests)).length;

    const service = await problem(await post(anonymous, url, { ...APPLICATION, nik: '1234', email: 'x', consent: false }, { 'idempotency-key': newSubmissionKey() }), 422);
    assert.deepEqual(fieldsOf(service), ['consent', 'email', 'nik']);
    assert.equal(service.errors.find((e) => e.field === 'nik')!.message_en, 'A NIK has 16 digits.');

    // A group files through a proxy with documents, which JSON cannot carry: refused per field.
    const group = await problem(await post(anonymous, url, { ...APPLICATION, applicantType: 'group', proxyName: 'Ketua Kelompok' }, { 'idempotency-key': newSubmissionKey() }), 422);
    assert.deepEqual(fieldsOf(group), ['member_ids', 'proxy_letter']);

    const noKey = await problem(await post(anonymous, url, APPLICATION), 400);
    assert.deepEqual(fieldsOf(noKey), ['idempotency-key']);
    const shortKey = await problem(await post(anonymous, url, APPLICATION, { 'idempotency-key': 'short' }), 400);
    assert.deepEqual(fieldsOf(shortKey), ['idempotency-key']);
    const schema = await problem(await post(anonymous, url, { ...APPLICATION, obtainMethod: 'telepathy' }, { 'idempotency-key': newSubmissionKey() }), 400);
    assert.deepEqual(fieldsOf(schema), ['obtainMethod']);

    await problem(await post(anonymous, '/api/v1/offices/no-such-office/requests', APPLICATION, { 'idempotency-key': newSubmissionKey() }), 404);
    await problem(await anonymous.client.json('POST', url, APPLICATION, { 'idempotency-key': newSubmissionKey() }), 403);
    assert.equal((await app.running.database.db.select({ id: requests.id }).from(requests)).length, before);
  });

  test('tracking with number and code: status, due date explained in both languages, public steps; never personal data', async () => {
    const made = await submit();
    const anonymous = await caller();
    const response = await post(anonymous, `/api/v1/offices/${SLUG}/requests/track`, { number: made.number, code: made.trackingCode.toLowerCase().replace('-', ' ') });
    assert.equal(response.status, 200);
    const raw = await response.text();
    const view = JSON.parse(raw) as { number: string; status: string; statusLabel: { en: string }; due: string; explanation: { id: string[]; en: string[] }; steps: { label: { id: string } }[]; letters: unknown[] };
    assert.equal(view.number, made.number);
    assert.equal(view.status, 'received');
    assert.equal(view.statusLabel.en, 'Received');
    assert.equal(view.due, made.due);
    assert.ok(view.explanation.id.length > 0 && view.explanation.en.length === view.explanation.id.length);
    assert.deepEqual(view.steps.map((s) => s.label.id), ['Permohonan diterima dan didaftarkan']);
    assert.deepEqual(view.letters, []);
    for (const personal of [APPLICATION.name, APPLICATION.nik, '1906', APPLICATION.email, APPLICATION.phone, APPLICATION.address, APPLICATION.information]) {
      assert.ok(!raw.includes(personal), `tracking shows ${personal}`);
    }
    const wrong = await problem(await post(anonymous, `/api/v1/offices/${SLUG}/requests/track`, { number: made.number, code: 'AAAAA-AAAAA' }), 404);
    assert.match(wrong.detail_en, /number or tracking code does not match/);
    await problem(await post(anonymous, `/api/v1/offices/kab-bintan/requests/track`, { number: made.number, code: made.trackingCode }), 404);
  });

  test('staff list and file are scoped to their own office, with the NIK masked', async () => {
    const made = await submit();
    const desk = await caller('desk');
    const list = (await (await desk.client.json('GET', '/api/v1/requests')).json()) as { requests: { id: number; status: string; due: string }[] };
    const listed = list.requests.find((r) => r.id === made.id);
    assert.ok(listed);
    assert.equal(listed.due, made.due);
    const escalatedOnly = (await (await desk.client.json('GET', '/api/v1/requests?status=escalated')).json()) as { requests: { status: string }[] };
    assert.ok(escalatedOnly.requests.every((r) => r.status === 'escalated'));

    const detail = await desk.client.json('GET', `/api/v1/requests/${made.id}`);
    assert.equal(detail.status, 200);
    const raw = await detail.text();
    const view = JSON.parse(raw) as { number: string; nik: string; name: string; deadline: { due: string; explanation: { en: string[] } }; actions: string[]; steps: { actor: string }[] };
    assert.equal(view.number, made.number);
    assert.equal(view.nik, '1906********0001');
    assert.ok(!raw.includes(APPLICATION.nik));
    assert.equal(view.name, APPLICATION.name);
    assert.equal(view.deadline.due, made.due);
    assert.ok(view.deadline.explanation.en.length > 0);
    assert.deepEqual(view.actions, ['escalate'], 'an online request has no desk quick paths');
    assert.equal(view.steps[0]!.actor, 'anonymous');

    const bintan = await caller('desk', 'kab-bintan');
    await problem(await bintan.client.json('GET', `/api/v1/requests/${made.id}`), 404);
    const theirs = (await (await bintan.client.json('GET', '/api/v1/requests')).json()) as { requests: { id: number }[] };
    assert.ok(!theirs.requests.some((r) => r.id === made.id));
    await problem(await post(bintan, `/api/v1/requests/${made.id}/actions/escalate`, { note: 'Bukan kantor kami.' }), 404);

    await problem(await (await caller()).client.json('GET', '/api/v1/requests'), 401);
    await problem(await (await caller('unit')).client.json('GET', `/api/v1/requests/${made.id}`), 403);
  });

  test('steps through the API: refused by role (403) and by state (409) with the service’s words, then escalate, decide and deliver', async () => {
    const made = await submit();
    const desk = await caller('desk');
    const ppid = await caller('ppid');
    const atasan = await caller('atasan');
    const act = (who: Caller, action: string, body: unknown) => post(who, `/api/v1/requests/${made.id}/actions/${action}`, body);

    const byRole = await problem(await act(atasan, 'escalate', { note: 'Mohon ditindaklanjuti.' }), 403);
    assert.equal(byRole.detail_en, 'Your role does not allow this step.');
    const noNote = await problem(await act(desk, 'escalate', { note: ' ' }), 422);
    assert.deepEqual(fieldsOf(noNote), ['note']);

    const escalated = await act(desk, 'escalate', { note: 'Mohon ditindaklanjuti.' });
    assert.equal(escalated.status, 200);
    const afterEscalate = (await escalated.json()) as { request: { status: string; dispositions: { target: string }[]; actions: string[] } };
    assert.equal(afterEscalate.request.status, 'escalated');
    assert.deepEqual(afterEscalate.request.dispositions.map((d) => d.target), ['ppid']);
    assert.deepEqual(afterEscalate.request.actions, []);

    const byState = await problem(await act(desk, 'escalate', { note: 'Sekali lagi.' }), 409);
    assert.equal(byState.detail_en, 'This request was already escalated to the PPID or decided.');
    await problem(await act(desk, 'dispose', { unitIds: [1], instruction: 'Siapkan.', dueOn: '2099-01-01' }), 403);

    const incomplete = await problem(await act(ppid, 'decide', { outcome: 'refused' }), 422);
    assert.deepEqual(fieldsOf(incomplete), ['consequence', 'pasal17']);
    const decided = await act(ppid, 'decide', { outcome: 'granted_full', form: 'soft', perPage: 0, timeToProvide: 'Saat pemberitahuan ini diterima' });
    assert.equal(decided.status, 200, await decided.clone().text());
    const decision = (await decided.json()) as { request: { status: string; outcome: string }; letters: { kind: string; number: string; verifyUrl: string }[] };
    assert.equal(decision.request.status, 'decided');
    assert.equal(decision.request.outcome, 'granted_full');
    assert.deepEqual(decision.letters.map((l) => l.kind), ['pemberitahuan_tertulis']);
    assert.match(decision.letters[0]!.verifyUrl, /\/verifikasi\/[0-9A-Z]+$/);
    await problem(await act(ppid, 'extend', { reason: 'Terlambat diperpanjang setelah diputus.' }), 409);

    const delivered = await act(desk, 'deliver', { mode: 'desk' });
    assert.equal(delivered.status, 200, await delivered.clone().text());
    const handed = (await delivered.json()) as { request: { status: string }; letters: { kind: string }[]; downloadUrl: string | null };
    assert.equal(handed.request.status, 'closed');
    assert.deepEqual(handed.letters.map((l) => l.kind), ['tanda_terima']);
    assert.equal(handed.downloadUrl, null);

    const tracked = (await (await post(await caller(), `/api/v1/offices/${SLUG}/requests/track`, { number: made.number, code: made.trackingCode })).json()) as {
      status: string;
      outcomeLabel: { id: string };
      letters: { number: string; subject: string; date: string; verifyUrl: string }[];
      steps: { label: { en: string } }[];
    };
    assert.equal(tracked.status, 'closed');
    assert.equal(tracked.outcomeLabel.id, 'Dikabulkan seluruhnya');
    assert.equal(tracked.letters.length, 2);
    assert.equal(tracked.letters[0]!.number, decision.letters[0]!.number);
    assert.ok(tracked.letters.every((l) => /^\d{4}-\d{2}-\d{2}$/.test(l.date) && l.verifyUrl.includes('/verifikasi/') && l.subject.includes(made.number)));
    assert.deepEqual(tracked.steps.map((s) => s.label.en), ['Request received and registered', 'Escalated to the PPID (memo)', 'Written notice issued', 'Information delivered']);
  });

  test('the desk quick paths: hand over and explain as exempt', async () => {
    const desk = await caller('desk');
    const online = await submit();
    const refused = await post(desk, `/api/v1/requests/${online.id}/actions/hand-over`, { items: ['Salinan SK DPT'] });
    assert.match((await problem(refused, 409)).detail_en, /applicants at the desk/);
    const first = await walkIn();
    const handed = await post(desk, `/api/v1/requests/${first.id}/actions/hand-over`, { items: ['Salinan SK DPT (3 halaman)'] });
    assert.equal(handed.status, 200, await handed.clone().text());
    assert.equal(((await handed.json()) as { request: { outcome: string } }).request.outcome, 'handed_over');
    const second = await walkIn();
    const exempt = await post(desk, `/api/v1/requests/${second.id}/actions/explain-exempt`, { pasal17: 'h', dikReference: 'DIK No. 12: data pribadi pemilih', explanation: 'Memuat NIK pemilih.' });
    assert.equal(exempt.status, 200, await exempt.clone().text());
    assert.deepEqual(((await exempt.json()) as { letters: { kind: string }[] }).letters.map((l) => l.kind), ['penjelasan_dikecualikan']);
  });

  test('staff views list what an incomplete request lacks; delivery through the API records the payment method when the notice charges costs', async () => {
    const deskStaff = (await staffByEmail(app.running.database.db, demoEmail('desk', SLUG)))!;
    const actor = { staffId: deskStaff.id, label: deskStaff.email, ip: '', requestId: 't' };
    const form = { ...APPLICATION, channel: 'walk_in', nik: '', legalNumber: '', proxyName: '', consent: '' } as unknown as IntakeForm;
    const { request } = await submitRequest(app.running.database.db, actor, { officeId: deskStaff.officeId, form, submissionKey: newSubmissionKey(), files: [], allowMissing: true }, { baseUrl: app.url });
    const desk = await caller('desk');
    const ppid = await caller('ppid');
    const view = (await (await desk.client.json('GET', `/api/v1/requests/${request.id}`)).json()) as { missing: string[]; actions: string[]; paymentMethod: string | null };
    assert.deepEqual(view.missing, ['nik']);
    assert.ok(view.actions.includes('complete'));
    const listed = ((await (await desk.client.json('GET', '/api/v1/requests')).json()) as { requests: { id: number; missing: string[] }[] }).requests.find((r) => r.id === request.id);
    assert.deepEqual(listed?.missing, ['nik']);

    const act = (who: Caller, action: string, body: unknown) => post(who, `/api/v1/requests/${request.id}/actions/${action}`, body);
    assert.equal((await act(ppid, 'decide', { outcome: 'granted_full', form: 'hard', perPage: 500, pages: 2, timeToProvide: 'Saat diambil' })).status, 200);
    const unpaid = await problem(await act(desk, 'deliver', { mode: 'desk' }), 422);
    assert.deepEqual(fieldsOf(unpaid), ['payment']);
    assert.match(unpaid.errors[0]!.message_en, /charges Rp 1\.000.*cash or transfer/);
    await problem(await act(desk, 'deliver', { mode: 'desk', payment: 'card' }), 400);
    const delivered = await act(desk, 'deliver', { mode: 'desk', payment: 'transfer' });
    assert.equal(delivered.status, 200, await delivered.clone().text());
    const closed = (await delivered.json()) as { request: { status: string; paymentMethod: string | null; missing: string[]; actions: string[] } };
    assert.deepEqual([closed.request.status, closed.request.paymentMethod, closed.request.missing, closed.request.actions], ['closed', 'transfer', ['nik'], []]);
  });

  test('the OpenAPI document lists the request paths', async () => {
    const spec = (await (await fetch(`${app.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { tags?: string[] }>> };
    for (const path of [
      '/api/v1/offices/{slug}/requests',
      '/api/v1/offices/{slug}/requests/track',
      '/api/v1/requests',
      '/api/v1/requests/{id}',
      ...['escalate', 'dispose', 'extend', 'decide', 'deliver', 'hand-over', 'explain-exempt'].map((a) => `/api/v1/requests/{id}/actions/${a}`),
    ]) {
      assert.ok(spec.paths[path], `missing ${path}`);
      assert.ok(Object.values(spec.paths[path]).every((op) => op.tags?.includes('requests')));
    }
    const submitOp = spec.paths['/api/v1/offices/{slug}/requests']!.post as { parameters: { name: string; in: string; required: boolean }[] };
    assert.ok(submitOp.parameters.some((p) => p.name === 'idempotency-key' && p.in === 'header' && p.required));
  });
});
