import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { classifyItem, createEdition, establishEdition, orderEdition, submitEdition, submitItem } from '../../src/dip/service.ts';
import { todayIn } from '../../src/offices/portal.tsx';
import { demoEmail } from '../../src/offices/seed.ts';
import { officeBySlug, staffByEmail, unitsOfOffice } from '../../src/offices/store.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { checkA11y, launchBrowser, navigateBy, newContext } from '../support/browser.ts';

/**
 * The request form's DIP suggestions in a real browser: typing what one wants shows the published
 * entries that match (under the app's own CSP, which allows only same-origin scripts), and with
 * JavaScript off the form shows its plain link to the DIP search and still sends a request.
 */

const OFFICE = 'kab-bintan';
const TITLE = 'Daftar Pemilih Tetap Pemilu 2024 per kecamatan';
let app: TestApp;
let browser: Browser;
let itemId: number;

/** One published edition of kab-bintan holding one entry, made with the DIP services. */
async function publishOne(): Promise<number> {
  const db = app.running.database.db;
  const office = (await officeBySlug(db, OFFICE))!;
  const scope = { officeId: office.id };
  const as = async (key: string) => {
    const member = (await staffByEmail(db, demoEmail(key, OFFICE)))!;
    return { staffId: member.id, label: member.email, ip: '', requestId: 'dip-suggest' };
  };
  const ppid = await as('ppid');
  const ctx = { baseUrl: app.url };
  const form = {
    title: TITLE,
    summary: 'Rekapitulasi jumlah pemilih tetap laki-laki dan perempuan untuk setiap kecamatan di Kabupaten Bintan.',
    holder: 'Subbagian Perencanaan, Data dan Informasi',
    responsible: 'Kepala Subbagian Perencanaan, Data dan Informasi',
    producedWhen: 'Juni 2023',
    producedWhere: 'Bintan',
    hasSoftcopy: false,
    hasHardcopy: true,
    onlineLink: '',
    archiveLocation: 'Lemari arsip 2',
    retention: '10 tahun',
  };
  const id = await submitItem(db, ppid, scope, { callId: null, unitId: (await unitsOfOffice(db, scope))[0]!.id, form, files: [] });
  await classifyItem(db, ppid, scope, id, { category: 'setiap_saat', updateMonths: '', dikEntryId: '', documentationChecked: true }, ctx);
  const edition = await createEdition(db, ppid, scope);
  await establishEdition(db, ppid, scope, edition, { skNumber: '1/PPID/2026', skDate: todayIn(office.timeZone), skPdf: undefined }, ctx);
  await submitEdition(db, ppid, scope, edition, ctx);
  await orderEdition(db, await as('atasan'), scope, edition);
  return id;
}

before(async () => {
  [app, browser] = await Promise.all([startTestApp({ demo: true }), launchBrowser()]);
  itemId = await publishOne();
});

after(async () => {
  await browser?.close();
  await app?.close();
});

const suggestions = (page: Page) => page.locator('.dip-suggest [aria-live=polite] a');

describe('DIP suggestions on the request form', { concurrency: true }, () => {
  test('typing what one wants lists the matching published entry, under the real CSP, once typing pauses', async () => {
    const context = await newContext(browser, { bypassCSP: false });
    try {
      const page = await context.newPage();
      const blocked: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
      });
      const asked: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/dip/saran')) asked.push(request.url());
      });
      await page.goto(`${app.url}/${OFFICE}/permohonan`);
      const typed = 'daftar pemilih tetap';
      await page.locator('#f-information').pressSequentially(typed, { delay: 25 });
      const link = suggestions(page).first();
      await link.waitFor({ state: 'visible', timeout: 5000 });
      assert.equal(await link.innerText(), TITLE);
      assert.equal(await link.getAttribute('href'), `/${OFFICE}/dip/${itemId}`);
      assert.match(await page.locator('.dip-suggest [aria-live=polite]').innerText(), /^Mungkin sudah tersedia di DIP:/);
      assert.ok(asked.length >= 1 && asked.length < typed.length / 2, `debounced: ${asked.length} requests for ${typed.length} keystrokes`);
      assert.ok(asked.every((url) => new URL(url).origin === app.url), 'asked on our own origin');
      assert.deepEqual(blocked, [], 'nothing was blocked by the CSP');

      // Words that match nothing empty the list again.
      await page.locator('#f-information').fill('anggaran hibah pilkada xyz');
      await page.waitForFunction(() => document.querySelectorAll('.dip-suggest [aria-live=polite] a').length === 0, undefined, { timeout: 5000 });
      assert.equal(await page.locator('.dip-suggest > p a').getAttribute('href'), `/${OFFICE}/dip/cari`, 'the link to the DIP search stays');
    } finally {
      await context.close();
    }
  });

  test('the form with its suggestions passes axe, in both languages', async (t) => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      for (const lang of ['id', 'en'] as const) {
        await page.goto(`${app.url}/${OFFICE}/permohonan?lang=${lang}`);
        await page.locator('#f-information').fill('pemilih tetap');
        await suggestions(page).first().waitFor({ state: 'visible', timeout: 5000 });
        if (lang === 'en') assert.match(await page.locator('.dip-suggest [aria-live=polite] p').innerText(), /^Perhaps already in the DIP:/);
        for (const v of await checkA11y(page, `request form with suggestions (${lang})`)) t.diagnostic(`axe [${v.impact}] ${v.id}: ${v.help}`);
      }
    } finally {
      await context.close();
    }
  });

  test('with JavaScript disabled: the plain link to the DIP search, no suggestions, and the form still sends a request', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${app.url}/${OFFICE}/permohonan`);
      const plain = page.locator('.dip-suggest').getByRole('link', { name: 'Periksa dulu Daftar Informasi Publik' });
      assert.equal(await plain.getAttribute('href'), `/${OFFICE}/dip/cari`);
      const form = page.locator(`form[action="/${OFFICE}/permohonan"]`);
      await form.locator('[name=applicantType][value=individual]').check();
      await form.locator('[name=name]').fill('Nur Aisyah');
      await form.locator('[name=nik]').fill('1906014101900001');
      await form.locator('[name=address]').fill('Jl. Lipat Kajang 5, Bintan');
      await form.locator('[name=email]').fill('nur.aisyah@contoh.id');
      await form.locator('[name=information]').fill('Daftar pemilih tetap per kecamatan');
      await form.locator('[name=purpose]').fill('Bahan ajar pendidikan pemilih');
      await form.locator('[name=obtainMethod][value=copy]').check();
      await form.locator('[name=deliveryMethod][value=email]').check();
      await form.locator('[name=consent]').check();
      assert.equal(await suggestions(page).count(), 0, 'nothing is suggested without the script');
      await navigateBy(page, form.locator('button[type=submit]'));
      assert.equal(await page.locator('h1').innerText(), 'Permohonan Anda sudah kami terima');
    } finally {
      await context.close();
    }
  });
});
