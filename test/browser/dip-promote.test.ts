import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, demoEmail } from '../../src/offices/seed.ts';
import { officeBySlug, staffByEmail } from '../../src/offices/store.ts';
import { attachAnswerFiles, newSubmissionKey, setFileRelease, submitRequest } from '../../src/requests/service.ts';
import { filesOf } from '../../src/requests/store.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { checkA11y, launchBrowser, navigateBy, newContext, signIn } from '../support/browser.ts';

/**
 * The PPID's page that makes a DIP item of a file released to an applicant: filled from the request,
 * accessible in both languages, shown again with its errors, and saved in one step.
 */

const OFFICE = 'kab-bintan';
let app: TestApp;
let browser: Browser;
let fileId: number;

before(async () => {
  [app, browser] = await Promise.all([startTestApp({ demo: true }), launchBrowser()]);
  const db = app.running.database.db;
  const scope = { officeId: (await officeBySlug(db, OFFICE))!.id };
  const ppid = (await staffByEmail(db, demoEmail('ppid', OFFICE)))!;
  const actor = { staffId: ppid.id, label: ppid.email, ip: '', requestId: 'dip-promote' };
  const form = { channel: 'online', applicantType: 'individual', name: 'Sari Pemohon', nik: '2101024508920003', legalNumber: '', address: 'Bintan', phone: '', email: 'sari@example.id', occupation: '', proxyName: '', information: 'Rekapitulasi perolehan suara Pemilu 2024 per kecamatan', purpose: 'Penelitian', obtainMethod: 'copy', deliveryMethod: 'email', consent: 'yes' };
  const { request } = await submitRequest(db, { staffId: null, label: 'anonymous', ip: '', requestId: 'dip-promote' }, { ...scope, form, submissionKey: newSubmissionKey(), files: [] }, { baseUrl: app.url });
  await attachAnswerFiles(db, actor, scope, request.id, [{ role: 'files', name: 'rekap-suara.txt', bytes: Buffer.from('Kecamatan;Suara sah\nBintan Timur;30111\n') }]);
  fileId = (await filesOf(db, request.id))[0]!.id;
  await setFileRelease(db, actor, scope, fileId, { release: true, reason: '' });
});

after(async () => {
  await browser?.close();
  await app?.close();
});

describe('making a DIP item of a released file', () => {
  test('the filled form passes axe in both languages, comes back with its errors, and saves', async (t) => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await signIn(page, app.url, demoEmail('ppid', OFFICE), DEMO_PASSWORD);
      const path = `/desk/dip/dari-berkas/${fileId}`;
      for (const lang of ['en', 'id'] as const) {
        const response = (await page.goto(`${app.url}${path}?lang=${lang}`))!;
        assert.equal(response.status(), 200);
        for (const v of await checkA11y(page, `promotion form (${lang})`)) t.diagnostic(`axe [${v.impact}] ${v.id}: ${v.help}`);
      }
      const form = page.locator(`main form[action="${path}"]`);
      assert.equal(await form.getByLabel('Judul informasi').inputValue(), 'Rekapitulasi perolehan suara Pemilu 2024 per kecamatan');
      assert.equal(await form.getByLabel('Tempat pembuatan').inputValue(), 'Bintan');
      assert.ok(await form.getByLabel('Tersedia softcopy').isChecked());

      await form.getByLabel('Judul informasi').fill('');
      await navigateBy(page, form.getByRole('button', { name: 'Simpan sebagai informasi DIP' }));
      const summary = page.locator('.error-summary');
      assert.match(await summary.innerText(), /Judul informasi wajib diisi/);
      assert.match(await summary.innerText(), /Jangka waktu penyimpanan wajib diisi/);
      assert.equal(await page.locator('#f-retention').getAttribute('aria-invalid'), 'true');
      for (const v of await checkA11y(page, 'promotion form with errors')) t.diagnostic(`axe [${v.impact}] ${v.id}: ${v.help}`);

      await form.getByLabel('Judul informasi').fill('Rekapitulasi perolehan suara Pemilu 2024 per kecamatan di Kabupaten Bintan');
      await form.getByLabel(/Jangka waktu penyimpanan/).fill('10 tahun (JRA PKPU 17/2023)');
      await navigateBy(page, form.getByRole('button', { name: 'Simpan sebagai informasi DIP' }));
      assert.match(new URL(page.url()).pathname, /^\/desk\/dip\/informasi\/\d+$/);
    } finally {
      await context.close();
    }
  });
});
