import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { renderPdf } from '../../src/letters/render.ts';
import { DEMO_PASSWORD, demoEmail } from '../../src/offices/seed.ts';
import { todayIn } from '../../src/offices/portal.tsx';
import { startTestApp, type TestApp } from '../support/app.ts';
import { checkA11y, launchBrowser, navigateBy, newContext, signIn } from '../support/browser.ts';

/**
 * SOP 000 end to end in Chromium: the PPID calls for information, a unit submits it, the PPID
 * classifies and establishes an edition, the Secretary orders the upload, and an anonymous visitor
 * finds the item on the office's PPID website; before the order it is not there.
 */

const OFFICE = 'kab-belitung-timur';
const TITLE = 'Rekapitulasi daftar pemilih tetap Pilkada 2024 per kecamatan';
let app: TestApp;
let browser: Browser;

before(async () => {
  [app, browser] = await Promise.all([startTestApp({ demo: true }), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

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

async function send(page: Page, formSelector: string): Promise<void> {
  await navigateBy(page, page.locator(`${formSelector} button[type=submit]`).first());
}

async function anonymousSees(path: string): Promise<string> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const response = await page.goto(`${app.url}${path}`);
    return `${response?.status()} ${await page.locator('main').innerText()}`;
  } finally {
    await context.close();
  }
}

describe('the DIP SOP in Chromium', () => {
  test('call → unit submits → PPID classifies → establishes → Secretary orders → the public sees the edition', async () => {
    const callPath = await asStaff('ppid', async (ppid) => {
      await ppid.goto(`${app.url}/desk/dip/permintaan/baru`);
      const form = ppid.locator('form[action="/desk/dip/permintaan/baru"]');
      await form.locator('[name=title]').fill('Pemutakhiran DIP semester II 2026');
      await form.locator('[name=instruction]').fill('Serahkan informasi publik yang dikuasai unit beserta softcopy atau lokasi arsipnya.');
      await form.getByLabel(/Subbagian Teknis/).check();
      await send(ppid, 'form[action="/desk/dip/permintaan/baru"]');
      assert.match(new URL(ppid.url()).pathname, /^\/desk\/dip\/permintaan\/\d+$/);
      return new URL(ppid.url()).pathname;
    });

    await asStaff('unit', async (unit) => {
      await unit.goto(`${app.url}${callPath}`);
      const form = unit.locator(`form[action="${callPath}/informasi"]`);
      await form.locator('[name=title]').fill(TITLE);
      await form.locator('[name=summary]').fill('Jumlah pemilih tetap laki-laki dan perempuan di setiap kecamatan pada Pilkada 2024.');
      await form.locator('[name=holder]').fill('Subbagian Teknis Penyelenggaraan Pemilu dan Hubungan Masyarakat');
      await form.locator('[name=responsible]').fill('Kepala Subbagian Teknis');
      await form.locator('[name=producedWhen]').fill('September 2024');
      await form.locator('[name=producedWhere]').fill('Manggar');
      await form.locator('[name=hasHardcopy]').check();
      await form.locator('[name=archiveLocation]').fill('Lemari arsip 3, ruang teknis');
      await form.locator('[name=retention]').fill('10 tahun');
      await send(unit, `form[action="${callPath}/informasi"]`);
      assert.match(new URL(unit.url()).pathname, /^\/desk\/dip\/informasi\/\d+$/, 'the submitted item opens');
      await unit.goto(`${app.url}${callPath}`);
      await send(unit, `form[action="${callPath}/selesai"]`);
      await checkA11y(unit, 'a call after the unit answered');
    });

    const itemPath = await asStaff('ppid', async (ppid) => {
      await ppid.goto(`${app.url}/desk/dip`);
      await navigateBy(ppid, ppid.getByRole('link', { name: TITLE }).first());
      const itemPath = new URL(ppid.url()).pathname;
      const classify = ppid.locator(`form[action="${itemPath}/klasifikasi"]`);
      await classify.locator('[name=category]').selectOption('berkala');
      await classify.locator('[name=updateMonths]').fill('6');
      await classify.locator('[name=documentationChecked]').check();
      await send(ppid, `form[action="${itemPath}/klasifikasi"]`);
      await checkA11y(ppid, 'a classified item');

      await ppid.goto(`${app.url}/desk/dip/edisi`);
      await send(ppid, 'form[action="/desk/dip/edisi"]');
      const editionPath = new URL(ppid.url()).pathname;
      const establish = ppid.locator(`form[action="${editionPath}/tetapkan"]`);
      await establish.locator('[name=skNumber]').fill('15/PPID/KPU-Kab/XI/2026');
      await establish.locator('[name=skDate]').fill(todayIn('Asia/Jakarta'));
      await establish.locator('input[type=file][name=skPdf]').setInputFiles({ name: 'sk-dip.pdf', mimeType: 'application/pdf', buffer: await renderPdf({ content: ['Keputusan PPID tentang Daftar Informasi Publik'] }) });
      await send(ppid, `form[action="${editionPath}/tetapkan"]`);
      await send(ppid, `form[action="${editionPath}/ajukan"]`);
      assert.equal(await ppid.locator(`form[action="${editionPath}/perintah"]`).count(), 0, 'only the Secretary may order the upload');
      return itemPath;
    });
    const itemId = itemPath.split('/').pop()!;

    assert.doesNotMatch(await anonymousSees(`/${OFFICE}/dip`), new RegExp(TITLE), 'not public before the order');
    assert.match(await anonymousSees(`/${OFFICE}/dip/${itemId}`), /^404/);

    await asStaff('atasan', async (atasan) => {
      await atasan.goto(`${app.url}/desk/dip/edisi`);
      await navigateBy(atasan, atasan.locator('main a[href^="/desk/dip/edisi/"]').first());
      const editionPath = new URL(atasan.url()).pathname;
      assert.ok((await atasan.locator('main').innerText()).includes(TITLE), 'the Secretary reviews the items');
      await checkA11y(atasan, 'an edition awaiting the order');
      await send(atasan, `form[action="${editionPath}/perintah"]`);
    });

    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${app.url}/${OFFICE}/dip`);
    assert.ok((await page.locator('main').innerText()).includes(TITLE), 'the ordered edition is on the portal');
    await checkA11y(page, 'the published DIP');
    await page.goto(`${app.url}/${OFFICE}/dip/cari?q=${encodeURIComponent('pemilihan kecamatan')}`);
    assert.ok((await page.locator('main mark').count()) > 0, 'the search marks the matches');
    await navigateBy(page, page.getByRole('link', { name: /Rekapitulasi daftar pemilih/ }).first());
    assert.equal(new URL(page.url()).pathname, `/${OFFICE}/dip/${itemId}`);
    assert.match(await page.locator('main').innerText(), /Lemari arsip 3/);
    await context.close();
  });
});
