import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, demoEmail } from '../../src/offices/seed.ts';
import { todayIn } from '../../src/offices/portal.tsx';
import { startTestApp, type TestApp } from '../support/app.ts';
import { checkA11y, launchBrowser, navigateBy, newContext, signIn } from '../support/browser.ts';

/**
 * SOP 004 end to end in Chromium, every actor through their own pages: the applicant on the portal,
 * the desk, the PPID and a unit in the desk, and the applicant again to collect the answer.
 */

const OFFICE = 'kab-belitung-timur';
let app: TestApp;
let browser: Browser;

before(async () => {
  [app, browser] = await Promise.all([startTestApp({ demo: true }), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

/** A 1×1 PNG: what a phone photo of a KTP is, as far as the type check goes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function recapXlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Rekap').addRows([['Kecamatan', 'Pemilih'], ['Manggar', 28315], ['Gantung', 18107]]);
  return Buffer.from(await book.xlsx.writeBuffer());
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

async function submitIn(page: Page, formSelector: string): Promise<void> {
  await navigateBy(page, page.locator(`${formSelector} button[type=submit]`).first());
}

async function notice(page: Page): Promise<string> {
  return page.getByRole('status').first().innerText();
}

/** The applicant sends the online form and reads the number and tracking code off the confirmation. */
async function applicantSubmits(page: Page, information: string): Promise<{ number: string; code: string }> {
  await page.goto(`${app.url}/${OFFICE}/permohonan`);
  const form = page.locator(`form[action="/${OFFICE}/permohonan"]`);
  await form.locator('[name=applicantType][value=individual]').check();
  await form.locator('[name=name]').fill('Nur Aisyah');
  await form.locator('[name=nik]').fill('1906 0141 0190 0001');
  await form.locator('[name=address]').fill('Jl. Lipat Kajang 5, Manggar');
  await form.locator('[name=email]').fill('nur.aisyah@contoh.id');
  await form.locator('[name=occupation]').fill('Guru');
  await form.locator('[name=information]').fill(information);
  await form.locator('[name=purpose]').fill('Bahan ajar pendidikan pemilih');
  await form.locator('[name=obtainMethod][value=copy]').check();
  await form.locator('[name=deliveryMethod][value=email]').check();
  await form.locator('input[type=file][name=identity]').setInputFiles({ name: 'ktp.png', mimeType: 'image/png', buffer: PNG });
  await form.locator('[name=consent]').check();
  await navigateBy(page, form.locator('button[type=submit]'));
  const receipt = page.locator(`form[action="/${OFFICE}/lacak/tanda-bukti"]`).first();
  const number = await receipt.locator('[name=number]').inputValue();
  const code = await receipt.locator('[name=code]').inputValue();
  assert.match(number, /REG-PPID/);
  assert.match(code, /^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  assert.ok((await page.locator('main').innerText()).includes(code), 'the code is shown to be written down');
  return { number, code };
}

async function openRequest(page: Page, number: string): Promise<void> {
  await page.goto(`${app.url}/desk/permohonan`);
  await navigateBy(page, page.getByRole('link', { name: number, exact: true }));
  assert.match(new URL(page.url()).pathname, /^\/desk\/permohonan\/\d+$/);
}

async function track(page: Page, number: string, code: string): Promise<string> {
  await page.goto(`${app.url}/${OFFICE}/lacak`);
  const form = page.locator(`main form[action="/${OFFICE}/lacak"]`);
  await form.locator('[name=number]').fill(number);
  await form.locator('[name=code]').fill(code.toLowerCase());
  await navigateBy(page, form.locator('button[type=submit]'));
  return page.locator('main').innerText();
}

describe('the information-service SOP in Chromium', () => {
  test('online request → desk escalates → unit answers → PPID decides → applicant downloads → register and monthly report', async () => {
    const applicant = await newContext(browser, { acceptDownloads: true });
    const page = await applicant.newPage();
    const { number, code } = await applicantSubmits(page, 'Rekapitulasi pemilih per kecamatan Pemilu 2024');

    await asStaff('desk', async (desk) => {
      await openRequest(desk, number);
      await checkA11y(desk, 'request page (desk)');
      await desk.locator('form[action$="/teruskan"] [name=escalate_note]').fill('Informasi dikuasai Subbagian Teknis; mohon disposisi.');
      await submitIn(desk, 'form[action$="/teruskan"]');
      assert.match(await notice(desk), /PPID/);
    });

    await asStaff('ppid', async (ppid) => {
      await openRequest(ppid, number);
      const dispose = ppid.locator('form[action$="/disposisi"]');
      // The demo unit account belongs to the Subbagian Teknis.
      await dispose.getByLabel(/Subbagian Teknis/).check();
      await dispose.locator('[name=dispose_instruction]').fill('Kirim rekap pemilih per kecamatan.');
      await dispose.locator('[name=dispose_due]').fill(todayIn('Asia/Jakarta'));
      await submitIn(ppid, 'form[action$="/disposisi"]');
    });

    await asStaff('unit', async (unit) => {
      await unit.goto(`${app.url}/desk/disposisi`);
      await navigateBy(unit, unit.locator('main a[href^="/desk/disposisi/"]').first());
      const answer = unit.locator('form[action^="/desk/disposisi/"]');
      await answer.locator('[name=answer]').selectOption('provided');
      await answer.locator('input[type=file][name=files]').setInputFiles({ name: 'rekap-pemilih.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await recapXlsx() });
      await navigateBy(unit, answer.locator('button[type=submit]'));
      await checkA11y(unit, 'assignments after answering');
    });

    await asStaff('ppid', async (ppid) => {
      await openRequest(ppid, number);
      const release = ppid.locator('form[action$="/rilis"]').first();
      await navigateBy(ppid, release.locator('button[name=release][value=yes]'));
      const decide = ppid.locator('form[action$="/putuskan"]');
      await decide.locator('[name=outcome]').selectOption('granted_full');
      await decide.locator('[name=form]').selectOption('soft');
      await decide.locator('[name=timeToProvide]').fill('Saat pemberitahuan ini diterima');
      await submitIn(ppid, 'form[action$="/putuskan"]');
      assert.ok((await ppid.locator('main').innerText()).includes('Pemberitahuan tertulis'));
      const deliver = ppid.locator('form[action$="/kirim"]');
      await deliver.locator('[name=deliver_mode]').selectOption('email');
      await submitIn(ppid, 'form[action$="/kirim"]');
      assert.match(await ppid.locator('main').innerText(), /Selesai/);
    });

    const tracked = await track(page, number, code);
    assert.match(tracked, /Pemberitahuan tertulis terbit/);
    assert.match(tracked, /rekap-pemilih\.xlsx/);
    assert.doesNotMatch(tracked, /1906014101900001|Lipat Kajang|nur\.aisyah/, 'no personal data on the tracking page');
    await checkA11y(page, 'tracking result');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`form[action^="/${OFFICE}/lacak/berkas/"] button`).first().click()]);
    const bytes = readFileSync((await download.path())!);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    assert.equal(book.getWorksheet('Rekap')?.getCell('B2').value, 28315, 'the applicant gets the file the unit sent');
    await applicant.close();

    await asStaff('ppid', async (ppid) => {
      await ppid.goto(`${app.url}/desk/register`);
      const register = await ppid.locator('main').innerText();
      assert.ok(register.includes(number), 'the register lists the request');
      assert.doesNotMatch(register, /1906014101900001/, 'the register masks the NIK');
      const month = todayIn('Asia/Jakarta').slice(0, 7);
      await ppid.goto(`${app.url}/desk/laporan-bulanan?bulan=${month}`);
      assert.ok(await ppid.locator('main svg[role=img]').count() > 0, 'the monthly report has a chart');
      await checkA11y(ppid, 'monthly report');
    });
  });

  test('walk-in quick path: the desk records the request and hands the information over at once', async () => {
    await asStaff('desk', async (desk) => {
      await desk.goto(`${app.url}/desk/permohonan/baru`);
      const form = desk.locator('form[action="/desk/permohonan/baru"]');
      await form.locator('[name=channel]').selectOption('walk_in');
      await form.locator('[name=applicantType]').selectOption('individual');
      await form.locator('[name=name]').fill('Hendra Gunawan');
      await form.locator('[name=nik]').fill('1906010202800003');
      await form.locator('[name=address]').fill('Desa Lalang, Manggar');
      await form.locator('[name=phone]').fill('0819 1234 5678');
      await form.locator('[name=information]').fill('Jadwal tahapan Pilkada 2024');
      await form.locator('[name=purpose]').fill('Informasi pribadi');
      await form.locator('[name=obtainMethod]').selectOption('copy');
      await form.locator('[name=deliveryMethod]').selectOption('collect');
      await navigateBy(desk, form.locator('button[type=submit]'));
      assert.match(new URL(desk.url()).pathname, /^\/desk\/permohonan\/\d+$/);
      await desk.locator('form[action$="/serahkan"] [name=handover_items]').fill('Salinan jadwal tahapan Pilkada 2024 (2 halaman)');
      await submitIn(desk, 'form[action$="/serahkan"]');
      const page = await desk.locator('main').innerText();
      assert.match(page, /Diberikan langsung di desk/);
      assert.match(page, /Tanda terima/i);
      assert.equal(await desk.locator('form[action$="/putuskan"]').count(), 0, 'a closed request offers no decision');
    });
  });

  test('refusal path: the PPID refuses on Pasal 17 and the applicant sees the notice and the SK Penolakan', async () => {
    const applicant = await newContext(browser);
    const page = await applicant.newPage();
    const { number, code } = await applicantSubmits(page, 'Salinan KTP seluruh anggota KPPS Kecamatan Manggar');
    await asStaff('desk', async (desk) => {
      await openRequest(desk, number);
      await desk.locator('form[action$="/teruskan"] [name=escalate_note]').fill('Memuat data pribadi; mohon diputus PPID.');
      await submitIn(desk, 'form[action$="/teruskan"]');
    });
    await asStaff('ppid', async (ppid) => {
      await openRequest(ppid, number);
      const decide = ppid.locator('form[action$="/putuskan"]');
      await decide.locator('[name=outcome]').selectOption('refused');
      await submitIn(ppid, 'form[action$="/putuskan"]');
      assert.match(await ppid.locator('main').innerText(), /Pasal 17/, 'a refusal without its ground comes back with the reason');
      const again = ppid.locator('form[action$="/putuskan"]');
      await again.locator('[name=outcome]').selectOption('refused');
      await again.locator('[name=pasal17]').selectOption('h');
      await again.locator('[name=consequence]').fill('Membuka NIK dan alamat anggota KPPS yang dilindungi UU 27/2022.');
      await submitIn(ppid, 'form[action$="/putuskan"]');
      assert.match(await notice(ppid), /.+/);
    });
    const tracked = await track(page, number, code);
    assert.match(tracked, /Ditolak/);
    assert.equal(await page.locator(`form[action^="/${OFFICE}/lacak/surat/"]`).count(), 2, 'the notice and the SK Penolakan');
    await applicant.close();
  });
});
