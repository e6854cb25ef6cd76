import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { Client, startTestApp, type TestApp } from '../../test/support/app.ts';
import { checkA11y, launchBrowser, navigateBy, newContext, signIn } from '../../test/support/browser.ts';
import { ENGINE } from '../../test/support/db.ts';
import { outbox, requests, surveyInvitations, surveyResponses } from '../db/schema.ts';
import type { Actor } from '../kernel/audit/store.ts';
import { DEMO_PASSWORD, demoEmail } from '../offices/seed.ts';
import { officeBySlug, staffByEmail, type OfficeRow } from '../offices/store.ts';
import type { DecisionForm, IntakeForm } from '../requests/rules.ts';
import { decide, deliver, explainExempt, handOver, newSubmissionKey, submitRequest } from '../requests/service.ts';
import { ELEMENTS } from './rules.ts';
import { INVITATION_DAYS, inviteOnClose, skmResults } from './service.ts';

/**
 * The survey through the running program: invitations when requests close, the applicant's form and
 * its one answer, the results against counts written here, and who may see them.
 */

let app: TestApp;
let bintan: OfficeRow;
let belitung: OfficeRow;
const actors: Record<string, Actor> = {};
const db = () => app.running.database.db;
const ctx = () => ({ baseUrl: app.url });
const scope = () => ({ officeId: bintan.id });

const FORM: IntakeForm = {
  channel: 'walk_in',
  applicantType: 'individual',
  name: 'Dewi Pemohon',
  nik: '2101014101900002',
  legalNumber: '',
  address: 'Jl. Hang Tuah 3, Bintan',
  phone: '081200000001',
  email: 'dewi@example.id',
  occupation: 'Guru',
  proxyName: '',
  information: 'Rekapitulasi hasil penghitungan suara Pilkada 2024',
  purpose: 'Bahan ajar',
  obtainMethod: 'copy',
  deliveryMethod: 'collect',
  consent: '',
};

const NO_DECISION: DecisionForm = { outcome: '', holder: '', form: '', perPage: '', pages: '', delivery: '', other: '', timeToProvide: '', withheld: '', pasal17: '', otherLaw: '', consequence: '', documentedBy: '', note: '' };

async function submit(form: Partial<IntakeForm> = {}) {
  const actor = form.channel === 'online' ? { staffId: null, label: 'anonymous', ip: '', requestId: 't' } : actors.desk!;
  return (await submitRequest(db(), actor, { officeId: bintan.id, form: { ...FORM, ...form }, submissionKey: newSubmissionKey(), files: [] }, ctx())).request;
}

/** The invitation mail of a request, and the token in its link. */
async function invitationMail(requestId: number): Promise<{ to: unknown; subject: string; text: string; token: string }[]> {
  const rows = await db().select().from(outbox).where(and(eq(outbox.kind, 'mail'), eq(outbox.dedupeKey, `survey:${bintan.id}:${requestId}`)));
  return rows.map((r) => {
    const payload = r.payload as { to: unknown; subject: string; text: string };
    return { ...payload, token: /\/survei\/([A-Za-z0-9_-]{32})/.exec(payload.text)?.[1] ?? '' };
  });
}

/** A walk-in handed over at the desk: closed, invited, and the token from the mail. */
async function invited(): Promise<{ token: string; requestId: number }> {
  const request = await submit();
  await handOver(db(), actors.desk!, scope(), request.id, { items: ['Rekap hasil'], note: '' }, ctx());
  const [mail] = await invitationMail(request.id);
  return { token: mail!.token, requestId: request.id };
}

/** A CSRF token for a client, from the first form the app gives it. */
async function csrfOf(client: Client, path = '/masuk'): Promise<string> {
  return /name="_csrf" value="([^"]+)"/.exec(await (await client.get(path)).text())![1]!;
}

const answers = (score: string, extra: Record<string, string> = {}) => ({ ...Object.fromEntries(ELEMENTS.map((e) => [e.toLowerCase(), score])), ...extra });

async function html(response: Response): Promise<string> {
  return response.text();
}

/** Posts the questionnaire with the CSRF token of its own page, as a browser would. */
async function postSurvey(client: Client, token: string, form: Record<string, string>): Promise<Response> {
  const page = await html(await client.get(`/survei/${token}`));
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  return client.post(`/survei/${token}`, { _csrf: csrf, ...form });
}

async function as(key: string, slug = 'kab-bintan'): Promise<Client> {
  const client = new Client(app.url);
  assert.equal((await client.signIn(demoEmail(key, slug), DEMO_PASSWORD)).status, 303);
  return client;
}

before(async () => {
  app = await startTestApp({ demo: true });
  bintan = (await officeBySlug(db(), 'kab-bintan'))!;
  belitung = (await officeBySlug(db(), 'kab-belitung-timur'))!;
  for (const key of ['desk', 'ppid']) {
    const member = (await staffByEmail(db(), demoEmail(key, 'kab-bintan')))!;
    actors[key] = { staffId: member.id, label: member.email, ip: '', requestId: 't' };
  }
});
after(async () => app?.close());

describe(`invitations when a request closes (${ENGINE})`, () => {
  test('handing over, explaining an exemption and delivering each invite once, by mail with the link', async () => {
    const handed = await submit();
    await handOver(db(), actors.desk!, scope(), handed.id, { items: ['Rekap hasil'], note: '' }, ctx());
    const exempt = await submit({ email: 'eko@example.id' });
    await explainExempt(db(), actors.desk!, scope(), exempt.id, { pasal17: 'h', dikReference: 'DIK No. 3', explanation: 'Memuat data pribadi.' }, ctx());
    const online = await submit({ channel: 'online', consent: 'yes', deliveryMethod: 'email', email: 'fajar@example.id' });
    await decide(db(), actors.ppid!, scope(), online.id, { ...NO_DECISION, outcome: 'granted_full', form: 'soft', timeToProvide: 'Saat pemberitahuan ini diterima' }, ctx());
    assert.equal((await invitationMail(online.id)).length, 0, 'a written notice alone does not close the request');
    await deliver(db(), actors.desk!, scope(), online.id, { mode: 'desk', note: '' }, ctx());

    for (const [request, email] of [
      [handed, 'dewi@example.id'],
      [exempt, 'eko@example.id'],
      [online, 'fajar@example.id'],
    ] as const) {
      const mails = await invitationMail(request.id);
      assert.equal(mails.length, 1, `one mail for ${request.number}`);
      assert.equal(mails[0]!.to, email);
      assert.ok(mails[0]!.subject.includes(request.number));
      assert.ok(mails[0]!.text.includes(`${app.url}/survei/${mails[0]!.token}`), 'the link to the survey');
      const invitations = await db().select().from(surveyInvitations).where(eq(surveyInvitations.requestId, request.id));
      assert.equal(invitations.length, 1);
      assert.equal(invitations[0]!.officeId, bintan.id);
      assert.notEqual(invitations[0]!.tokenHash, mails[0]!.token, 'only the hash is stored');
      const days = (invitations[0]!.expiresAt.getTime() - invitations[0]!.createdAt.getTime()) / 86_400_000;
      assert.ok(Math.abs(days - INVITATION_DAYS) < 0.01, `expires in ${INVITATION_DAYS} days`);
    }
  });

  test('closing again (after an objection reopened it) does not invite twice; no e-mail, no invitation', async () => {
    const request = await submit({ email: 'gita@example.id' });
    await handOver(db(), actors.desk!, scope(), request.id, { items: ['Rekap hasil'], note: '' }, ctx());
    const [row] = await db().select().from(requests).where(eq(requests.id, request.id));
    await db().transaction((tx) => inviteOnClose(tx, bintan, row!, app.url));
    assert.equal((await invitationMail(request.id)).length, 1);
    assert.equal((await db().select().from(surveyInvitations).where(eq(surveyInvitations.requestId, request.id))).length, 1);

    const silent = await submit({ email: '' });
    await handOver(db(), actors.desk!, scope(), silent.id, { items: ['Rekap hasil'], note: '' }, ctx());
    assert.equal((await db().select().from(surveyInvitations).where(eq(surveyInvitations.requestId, silent.id))).length, 0);
    assert.equal((await invitationMail(silent.id)).length, 0);
  });
});

describe(`the questionnaire (${ENGINE})`, () => {
  test('missing answers come back as a 422 with a message per element and the answers kept', async () => {
    const { token } = await invited();
    const client = new Client(app.url);
    const page = await client.get(`/survei/${token}`);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('x-robots-tag'), 'noindex');
    const form = await html(page);
    assert.equal(form.match(/type="radio"/g)?.length, 36, 'nine questions of four answers');
    assert.ok(form.includes('Dikelola dengan baik') && form.includes('Sangat sopan dan ramah'));

    const { u4: _, u8: __, ...partial } = answers('3', { saran: 'Ruang tunggu <panas>' });
    const response = await postSurvey(client, token, partial);
    assert.equal(response.status, 422);
    const body = await html(response);
    assert.ok(body.includes('class="error-summary"'));
    assert.ok(body.includes('Pilih satu jawaban untuk unsur U4 (Biaya/tarif).'));
    assert.ok(body.includes('Pilih satu jawaban untuk unsur U8 (Penanganan pengaduan, saran dan masukan).'));
    assert.ok(body.includes('href="#f-u4"') && body.includes('id="f-u4"'));
    assert.match(body, /id="f-u1-3" name="u1" value="3" checked/, 'the answers given are kept');
    assert.ok(body.includes('Ruang tunggu &lt;panas>') && !body.includes('<panas>'));
    assert.equal((await db().select().from(surveyResponses).where(eq(surveyResponses.officeId, bintan.id))).length, 0, 'nothing stored');
  });

  test('a complete answer is stored once, without the invitation; the link then says it was answered', async () => {
    const { token } = await invited();
    const client = new Client(app.url);
    const before = await db().select().from(surveyResponses).where(eq(surveyResponses.officeId, bintan.id));
    const sent = await postSurvey(client, token, answers('4', { u3: '2', saran: 'Petugas ramah.' }));
    assert.equal(sent.status, 303);
    assert.equal(sent.headers.get('location'), '/survei/terima-kasih');
    assert.match(await html(await client.get('/survei/terima-kasih')), /Jawaban survei Anda sudah kami terima/);

    const after = await db().select().from(surveyResponses).where(eq(surveyResponses.officeId, bintan.id));
    assert.equal(after.length, before.length + 1);
    const stored = after.find((r) => !before.some((b) => b.id === r.id))!;
    assert.deepEqual(stored.scores, [4, 4, 2, 4, 4, 4, 4, 4, 4]);
    assert.equal(stored.comment, 'Petugas ramah.');
    assert.ok(!Object.keys(stored).some((k) => /invitation|request/i.test(k)), 'no column leads back to the request');
    assert.ok(!JSON.stringify(stored).includes('dewi'), 'no identity in the row');
    const [used] = await db().select().from(surveyInvitations).where(eq(surveyInvitations.tokenHash, createHash('sha256').update(token).digest('hex')));
    assert.equal(used!.respondedAt?.getTime(), used!.createdAt.getTime(), 'the invitation is marked used with its own time, not the answer\'s');

    const again = await client.get(`/survei/${token}`);
    assert.equal(again.status, 409);
    assert.match(await html(again), /sudah dijawab/);
    const twice = await client.post(`/survei/${token}`, { _csrf: await csrfOf(client), ...answers('1') });
    assert.equal(twice.status, 409, 'a second answer is refused');
    assert.equal((await db().select().from(surveyResponses).where(eq(surveyResponses.officeId, bintan.id))).length, after.length);
  });

  test('two answers sent at once record one', async () => {
    const { token } = await invited();
    const a = new Client(app.url);
    const b = new Client(app.url);
    const [ta, tb] = [await csrfOf(a, `/survei/${token}`), await csrfOf(b, `/survei/${token}`)];
    const before = (await db().select().from(surveyResponses)).length;
    const results = await Promise.all([a.post(`/survei/${token}`, { _csrf: ta, ...answers('2') }), b.post(`/survei/${token}`, { _csrf: tb, ...answers('3') })]);
    assert.deepEqual(results.map((r) => r.status).sort(), [303, 409]);
    assert.equal((await db().select().from(surveyResponses)).length, before + 1);
  });

  test('an expired link is refused with 410; an unknown one with 404', async () => {
    const { token, requestId } = await invited();
    await db().update(surveyInvitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(surveyInvitations.requestId, requestId));
    const client = new Client(app.url);
    const page = await client.get(`/survei/${token}`);
    assert.equal(page.status, 410);
    assert.match(await html(page), /Masa berlaku tautan survei ini sudah habis/);
    assert.equal((await client.post(`/survei/${token}`, { _csrf: await csrfOf(client), ...answers('4') })).status, 410);
    assert.equal((await client.get(`/survei/${'A'.repeat(32)}`)).status, 404);
    assert.equal((await client.get('/survei/pendek')).status, 404);
  });
});

/** Score vectors summing to `total` over `n` answers, uneven across elements, within 1–4. */
function generated(n: number, total: number): number[][] {
  return Array.from({ length: n }, (_, r) => {
    const sum = Math.floor(total / n) + (r < total % n ? 1 : 0);
    const scores = ELEMENTS.map(() => Math.floor(sum / 9));
    for (let k = 0; k < sum % 9; k++) scores[(r + k) % 9]!++;
    return scores;
  });
}

/** The boundary months: answers written straight into the table, with the index worked out by hand. */
const BOUNDARIES = [
  { month: '2025-01', n: 24, total: 763, index: 88.31, grade: 'A' },
  { month: '2025-02', n: 19, total: 604, index: 88.3, grade: 'B' },
  { month: '2025-03', n: 19, total: 524, index: 76.61, grade: 'B' },
  { month: '2025-04', n: 5, total: 117, index: 65, grade: 'C' },
  { month: '2025-05', n: 38, total: 889, index: 64.99, grade: 'D' },
] as const;

describe(`results (${ENGINE})`, () => {
  before(async () => {
    for (const b of BOUNDARIES) {
      const rows = generated(b.n, b.total).map((scores, i) => ({ officeId: bintan.id, scores, answeredOn: `${b.month}-${String((i % 28) + 1).padStart(2, '0')}`, comment: i === 0 ? `Saran bulan ${b.month}` : '' }));
      await db().insert(surveyResponses).values(rows);
    }
  });

  test('each boundary month: the element means and the index against a count made here', async () => {
    for (const b of BOUNDARIES) {
      const scores = generated(b.n, b.total);
      assert.equal(scores.flat().reduce((s, x) => s + x, 0), b.total);
      assert.ok(scores.flat().every((x) => x >= 1 && x <= 4));
      const last = b.month === '2025-02' ? '2025-02-28' : `${b.month}-${b.month === '2025-04' ? '30' : '31'}`;
      const result = (await skmResults(db(), [bintan.id, belitung.id], { from: `${b.month}-01`, to: last })).get(bintan.id)!;
      assert.equal(result.responses, b.n, b.month);
      const means = ELEMENTS.map((_, i) => scores.reduce((s, a) => s + a[i]!, 0) / b.n);
      assert.deepEqual(
        result.elements.map((e) => e.mean),
        means,
      );
      assert.deepEqual(
        result.elements.map((e) => e.index),
        means.map((m) => Math.round(m * 2500) / 100),
      );
      const byHand = Math.round((means.reduce((s, m) => s + m, 0) / 9) * 25 * 100) / 100;
      assert.equal(byHand, b.index, `${b.month}: the hand computation gives the published index`);
      assert.equal(result.index, b.index, b.month);
      assert.equal(result.grade, b.grade, b.month);
    }
    const none = await skmResults(db(), [belitung.id], { from: '2025-01-01', to: '2025-12-31' });
    assert.equal(none.size, 0, 'an office nobody answered for is absent, not zero');
    const national = await skmResults(db(), null, { from: '2025-01-01', to: '2025-01-31' });
    assert.equal(national.get(bintan.id)!.responses, 24);
  });

  test('the desk page shows the index, the grade, the table and the chart; an empty period says so', async () => {
    const ppid = await as('ppid');
    const response = await ppid.get('/desk/skm?dari=2025-03&sampai=2025-03');
    assert.equal(response.status, 200);
    const page = await html(response);
    assert.equal(page.match(/<h1[\s>]/g)?.length, 1);
    assert.ok(page.includes('<dd>19</dd>'));
    assert.ok(page.includes('76,61') && page.includes('B (Baik)'));
    assert.ok(page.includes('<caption id="skm-caption">'));
    assert.ok(page.includes('<svg') && page.includes('U9 Sarana'));
    assert.ok(page.includes('Saran bulan 2025-03'));
    assert.ok(page.includes('href="/desk/skm.xlsx?dari=2025-03&amp;sampai=2025-03"') || page.includes('href="/desk/skm.xlsx?dari=2025-03&sampai=2025-03"'));
    const empty = await html(await ppid.get('/desk/skm?dari=2024-01&sampai=2024-12'));
    assert.ok(empty.includes('Belum ada jawaban survei pada Januari 2024 – Desember 2024'));
    assert.ok(!empty.includes('<svg'));
    const year = await html(await ppid.get('/desk/skm?dari=2025-01&sampai=2025-05&lang=en'));
    assert.ok(year.includes('<dd>105</dd>'), 'five months together');
    assert.ok(year.includes('Satisfaction index'));
  });

  test('a malformed, future or reversed period is a 422 that keeps what was typed', async () => {
    const atasan = await as('atasan');
    for (const [query, message] of [
      ['dari=2025-13&sampai=', 'Tulis bulan dengan format TTTT-BB'],
      ['dari=2025-01&sampai=2999-01', 'belum tiba'],
      ['dari=2025-05&sampai=2025-01', 'tidak boleh sebelum bulan awal'],
    ] as const) {
      const response = await atasan.get(`/desk/skm?${query}`);
      assert.equal(response.status, 422, query);
      const page = await html(response);
      assert.ok(page.includes(message), query);
      assert.ok(page.includes('class="error-summary"'));
    }
    assert.match(await html(await atasan.get('/desk/skm?dari=abc')), /value="abc"/);
    assert.equal((await atasan.get('/desk/skm.xlsx?dari=abc')).status, 422);
  });

  test('the XLSX reads back with the same figures', async () => {
    const ppid = await as('ppid');
    const response = await ppid.get('/desk/skm.xlsx?dari=2025-01&sampai=2025-01');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(response.headers.get('content-disposition') ?? '', /filename="skm_2025-01_2025-01\.xlsx"/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const sheet = book.getWorksheet('SKM')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const scores = generated(24, 763);
    const u1 = rows.find((r) => r[0] === 'U1')!;
    assert.deepEqual(u1.slice(0, 3), ['U1', 'Persyaratan', 24]);
    assert.equal(u1[3], scores.reduce((s, a) => s + a[0]!, 0) / 24);
    const total = rows.find((r) => r[0] === 'IKM')!;
    assert.equal(total[4], 88.31);
    assert.equal(total[5], 'A (Sangat Baik)');
    const comments: string[] = [];
    book.getWorksheet('Saran')!.eachRow((row) => comments.push(String(row.getCell(2).value)));
    assert.ok(comments.includes('Saran bulan 2025-01'));
  });

  test('who may see the results: PPID and Atasan of the office only; another office sees none of them', async () => {
    for (const key of ['desk', 'unit', 'admin']) {
      const client = await as(key);
      assert.equal((await client.get('/desk/skm')).status, 403, key);
      assert.equal((await client.get('/desk/skm.xlsx')).status, 403, key);
    }
    assert.equal((await new Client(app.url).get('/desk/skm')).status, 303, 'signed out: to the sign-in page');
    const stranger = await as('ppid', 'kab-belitung-timur');
    const page = await html(await stranger.get('/desk/skm?dari=2025-01&sampai=2025-05'));
    assert.ok(page.includes('Belum ada jawaban survei'));
    assert.ok(!page.includes('Saran bulan'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (await stranger.get('/desk/skm.xlsx?dari=2025-01&sampai=2025-05')).arrayBuffer());
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
    assert.ok(cells.some((c) => c.includes('Belum ada jawaban survei')));
    assert.ok(!cells.some((c) => c.includes('Saran bulan')));
    const ppidHome = await html(await (await as('ppid')).get('/desk'));
    assert.ok(ppidHome.includes('href="/desk/skm"'), 'the desk menu leads there');
  });
});

describe(`the survey and its results in a browser are accessible (${ENGINE})`, { skip: ENGINE === 'postgres' ? 'pages are the same on both engines: checked once, on PGlite' : false }, () => {
  async function withPage(fn: (page: Page) => Promise<void>): Promise<void> {
    const browser = await launchBrowser();
    try {
      await fn(await (await newContext(browser)).newPage());
    } finally {
      await browser.close();
    }
  }

  test('the questionnaire, it coming back with errors, the thanks page and the desk results pass axe', async () => {
    const { token } = await invited();
    await withPage(async (page) => {
      await page.goto(`${app.url}/survei/${token}`);
      await checkA11y(page, 'the questionnaire');
      const form = page.locator('main form[method="post"]');
      await form.getByLabel('Sangat sesuai').first().check();
      await navigateBy(page, form.locator('button[type=submit]'));
      assert.match(await page.locator('.error-summary').innerText(), /U2/);
      await checkA11y(page, 'the questionnaire with errors');
      for (const e of ELEMENTS) await page.locator(`#f-${e.toLowerCase()}-3`).check();
      await page.getByLabel('Saran dan masukan').fill('Cepat dan jelas.');
      await navigateBy(page, page.locator('main form[method="post"] button[type=submit]'));
      assert.equal(new URL(page.url()).pathname, '/survei/terima-kasih');
      await checkA11y(page, 'the thanks page');
      await page.goto(`${app.url}/survei/${token}`);
      await checkA11y(page, 'an answered link');
    });
    await withPage(async (page) => {
      await signIn(page, app.url, demoEmail('ppid', 'kab-bintan'), DEMO_PASSWORD);
      await page.goto(`${app.url}/desk/skm?dari=2025-01&sampai=2025-05`);
      await checkA11y(page, 'the desk results');
      await page.goto(`${app.url}/desk/skm?dari=2025-13`);
      await checkA11y(page, 'the desk results with a bad period');
    });
    const stored = await db().select().from(surveyResponses).where(like(surveyResponses.comment, 'Cepat dan jelas.'));
    assert.deepEqual(stored.map((r) => r.scores), [[3, 3, 3, 3, 3, 3, 3, 3, 3]]);
  });
});
