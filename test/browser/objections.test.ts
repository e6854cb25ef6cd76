import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { cliActor } from '../../src/kernel/audit/store.ts';
import { objectionsOfRequest } from '../../src/objections/store.ts';
import { DEMO_PASSWORD, demoEmail } from '../../src/offices/seed.ts';
import { officeBySlug, staffByEmail } from '../../src/offices/store.ts';
import type { DecisionForm, IntakeForm } from '../../src/requests/rules.ts';
import { decide, newSubmissionKey, submitRequest } from '../../src/requests/service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { checkA11y, launchBrowser, navigateBy, newContext, signIn } from '../support/browser.ts';

/**
 * The objection's three outcomes end to end in Chromium, each actor through their own pages: the
 * applicant objects from the tracking page (or the desk records it), the Atasan PPID decides in the
 * desk, the applicant reads the decision and says whether they accept it, and an overturned request
 * goes back to the PPID with its new clock.
 */

const OFFICE = 'kab-belitung-timur';
let app: TestApp;
let browser: Browser;
let officeId: number;

const REQUEST: IntakeForm = {
  channel: 'online',
  applicantType: 'individual',
  name: 'Dewi Keberatan',
  nik: '1906014101900003',
  legalNumber: '',
  address: 'Jl. Kenanga 3, Manggar',
  phone: '081234567892',
  email: 'dewi@contoh.id',
  occupation: 'Jurnalis',
  proxyName: '',
  information: 'Salinan berita acara rekapitulasi kecamatan Manggar',
  purpose: 'Liputan',
  obtainMethod: 'copy',
  deliveryMethod: 'email',
  consent: 'yes',
};
const REFUSAL: DecisionForm = { outcome: 'refused', form: '', perPage: '', pages: '', delivery: '', other: '', timeToProvide: '', withheld: '', pasal17: 'h', otherLaw: '', consequence: 'Memuat data pribadi saksi.', holder: '', documentedBy: '', note: '' };

before(async () => {
  [app, browser] = await Promise.all([startTestApp({ demo: true }), launchBrowser()]);
  officeId = (await officeBySlug(app.running.database.db, OFFICE))!.id;
});
after(async () => {
  await browser?.close();
  await app?.close();
});

/** A request the PPID refused, or (`refused: false`) one left past its deadline without a notice. */
async function request(refused: boolean): Promise<{ id: number; number: string; code: string }> {
  const db = app.running.database.db;
  const ppid = (await staffByEmail(db, demoEmail('ppid', OFFICE)))!;
  const receivedAt = refused ? new Date() : new Date(Date.now() - 30 * 24 * 3600_000);
  const submitted = await submitRequest(db, { staffId: null, label: 'anonymous', ip: '', requestId: 'b' }, { officeId, form: REQUEST, submissionKey: newSubmissionKey(), files: [] }, { baseUrl: app.url, now: receivedAt });
  if (refused) await decide(db, { ...cliActor('test'), staffId: ppid.id }, { officeId }, submitted.request.id, REFUSAL, { baseUrl: app.url });
  return { id: submitted.request.id, number: submitted.request.number, code: submitted.code };
}

async function objectionId(requestId: number): Promise<number> {
  const [objection] = await objectionsOfRequest(app.running.database.db, requestId);
  assert.ok(objection, 'the objection was filed');
  return objection.id;
}

async function asStaff<T>(key: string, fn: (page: Page) => Promise<T>): Promise<T> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await signIn(page, app.url, demoEmail(key, OFFICE), DEMO_PASSWORD);
    return await fn(page);
  } finally {
    await context.close();
  }
}

async function track(page: Page, r: { number: string; code: string }): Promise<void> {
  await page.goto(`${app.url}/${OFFICE}/lacak`);
  const form = page.locator(`main form[action="/${OFFICE}/lacak"]`);
  await form.locator('[name=number]').fill(r.number);
  await form.locator('[name=code]').fill(r.code);
  await navigateBy(page, form.locator('button[type=submit]'));
}

/** The applicant objects from the tracking page on the grounds Lentera ticked for them. */
async function applicantObjects(page: Page, r: { number: string; code: string }, expectedGrounds: string[]): Promise<void> {
  await track(page, r);
  await navigateBy(page, page.locator(`form[action="/${OFFICE}/lacak/keberatan"] button[type=submit]`).first());
  const form = page.locator(`form[action="/${OFFICE}/lacak/keberatan/kirim"]`);
  const ticked = await form.locator('[name=grounds]:checked').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  assert.deepEqual(ticked, expectedGrounds, 'the grounds the record supports are suggested');
  await checkA11y(page, 'objection form');
  await navigateBy(page, form.locator('button[type=submit]'));
  assert.match(await page.locator('main').innerText(), /Uraikan keberatan Anda/, 'an empty description is named');
  await checkA11y(page, 'objection form with errors');
  await form.locator('[name=description]').fill('Saya keberatan: informasi ini seharusnya terbuka menurut DIP kantor.');
  await form.locator('[name=consent]').check();
  await navigateBy(page, form.locator('button[type=submit]'));
  assert.match(await page.locator('main').innerText(), /KEB-PPID/, 'the objection number is shown');
}

async function atasanDecides(id: number, action: string, fields: Record<string, string>): Promise<string> {
  return asStaff('atasan', async (page) => {
    await page.goto(`${app.url}/desk/keberatan/${id}`);
    await checkA11y(page, 'objection page');
    const form = page.locator(`form[action="/desk/keberatan/${id}/tanggapan"]`);
    await form.locator(`[name=action][value=${action}]`).check();
    for (const [name, value] of Object.entries(fields)) await form.locator(`[name=${name}]`).fill(value);
    await navigateBy(page, form.locator('button[type=submit]'));
    const text = await page.locator('main').innerText();
    assert.equal(await page.locator(`form[action="/desk/keberatan/${id}/tanggapan"]`).count(), 0, 'a decided objection offers no second decision');
    const letter = page.locator(`a[href="/desk/keberatan/${id}/surat.pdf"]`);
    assert.equal(await letter.count(), 1, 'the decision letter is listed');
    const response = await page.request.get(`${app.url}/desk/keberatan/${id}/surat.pdf`);
    assert.equal(response.headers()['content-type'], 'application/pdf');
    return text;
  });
}

async function applicantReacts(page: Page, r: { number: string; code: string }, response: 'accepted' | 'not_accepted'): Promise<string> {
  await track(page, r);
  const form = page.locator(`form[action^="/${OFFICE}/lacak/keberatan/"][action$="/sikap"]`).first();
  await form.locator(`[name=response][value=${response}]`).check();
  await navigateBy(page, form.locator('button[type=submit]'));
  const text = await page.locator('#keberatan').innerText();
  assert.equal(await page.locator(`form[action$="/sikap"]`).count(), 0, 'the reaction is recorded once');
  await checkA11y(page, 'tracking page with a decided objection');
  return text;
}

describe('objections in Chromium', () => {
  test('uphold: the applicant objects to a refusal, the Atasan PPID upholds it, the applicant does not accept', async () => {
    const r = await request(true);
    const context = await newContext(browser);
    const page = await context.newPage();
    await applicantObjects(page, r, ['a']);
    const id = await objectionId(r.id);
    const decided = await atasanDecides(id, 'uphold', { reasons: 'Berita acara memuat tanda tangan dan NIK saksi (Pasal 17 huruf h).' });
    assert.match(decided, /Keberatan ditolak; keputusan PPID dikuatkan/);
    const tracked = await applicantReacts(page, r, 'not_accepted');
    assert.match(tracked, /Komisi Informasi/, 'the applicant is told where to go next');
    assert.match(tracked, /Tidak menerima/);
    await context.close();
  });

  test('overturn: the desk records the objection, the Atasan PPID overturns, the request goes back to the PPID with a new clock', async () => {
    const r = await request(true);
    await asStaff('desk', async (page) => {
      await page.goto(`${app.url}/desk/permohonan/${r.id}`);
      await navigateBy(page, page.locator(`a[href="/desk/keberatan/baru?permohonan=${r.id}"]`));
      const form = page.locator(`form[action="/desk/keberatan/baru?permohonan=${r.id}"]`);
      assert.equal(await form.locator('[name=grounds][value=a]').isChecked(), true);
      await form.locator('[name=description]').fill('Pemohon menyampaikan keberatan langsung di desk atas penolakan.');
      await checkA11y(page, 'desk objection form');
      await navigateBy(page, form.locator('button[type=submit]'));
      assert.match(await page.locator('main').innerText(), /KEB-PPID/);
    });
    const id = await objectionId(r.id);
    const decided = await atasanDecides(id, 'overturn', { reasons: 'Identitas saksi dapat dihitamkan; sisanya informasi terbuka.', order: 'Salinan berita acara dengan NIK dan tanda tangan saksi dihitamkan.' });
    assert.match(decided, /Keberatan diterima; permohonan dibuka kembali/);
    await asStaff('ppid', async (page) => {
      await page.goto(`${app.url}/desk/permohonan/${r.id}`);
      const text = await page.locator('main').innerText();
      assert.match(text, /dihitamkan/, 'the request shows what the decision orders');
      const [objection] = await objectionsOfRequest(app.running.database.db, r.id);
      assert.ok(text.includes(objection!.number), 'the reopened clock names the objection');
      assert.ok(await page.locator(`form[action="/desk/permohonan/${r.id}/putuskan"]`).count() > 0, 'the PPID can issue a new notice');
      await checkA11y(page, 'reopened request');
    });
  });

  test('settle: an unanswered request, grounds c and g suggested, settled by agreement and accepted', async () => {
    const r = await request(false);
    const context = await newContext(browser);
    const page = await context.newPage();
    await applicantObjects(page, r, ['c', 'g']);
    const id = await objectionId(r.id);
    const decided = await atasanDecides(id, 'settle', { reasons: 'Para pihak bertemu di kantor dan bersepakat.', terms: 'PPID menyerahkan salinan dalam tiga hari kerja; pemohon menerima.' });
    assert.match(decided, /Diselesaikan dengan kesepakatan/);
    const tracked = await applicantReacts(page, r, 'accepted');
    assert.match(tracked, /Menerima/);
    await context.close();
  });
});
