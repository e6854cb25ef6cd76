import assert from 'node:assert/strict';
import { after, before, describe, test, type TestContext } from 'node:test';
import type { Browser } from 'playwright-core';
import { ROLE_LABELS, type Role } from '../../src/offices/roles.ts';
import { DEMO_PASSWORD, DEMO_SYSTEM_ADMIN, demoEmail } from '../../src/offices/seed.ts';
import { officeById, staffByEmail } from '../../src/offices/store.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { checkA11y, launchBrowser, navigateBy, newContext, signIn, signOut, submitSignIn } from '../support/browser.ts';

const OFFICE = 'kab-bintan';

const ACCOUNTS: readonly { role: Role; email: string }[] = [
  { role: 'desk_officer', email: demoEmail('desk', OFFICE) },
  { role: 'ppid', email: demoEmail('ppid', OFFICE) },
  { role: 'atasan_ppid', email: demoEmail('atasan', OFFICE) },
  { role: 'information_provider', email: demoEmail('unit', OFFICE) },
  { role: 'office_admin', email: demoEmail('admin', OFFICE) },
  { role: 'system_admin', email: DEMO_SYSTEM_ADMIN },
];

let app: TestApp;
let browser: Browser;

before(async () => {
  [app, browser] = await Promise.all([startTestApp({ demo: true }), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await app?.close();
});

// Every test has its own browser context (own cookies), so they may overlap: the server and the
// browser work on different cores. Lockout is per e-mail and per IP; only one test fails a sign-in.
const CONCURRENT = { concurrency: 3 };

describe('each demo role signs in through the form', CONCURRENT, () => {
  for (const account of ACCOUNTS) {
    test(`${account.role} lands on a desk home showing the role and the office, then signs out`, async () => {
      const db = app.running.database.db;
      const me = (await staffByEmail(db, account.email))!;
      const office = (await officeById(db, me.officeId))!;
      const context = await newContext(browser);
      try {
        const page = await context.newPage();
        await signIn(page, app.url, account.email, DEMO_PASSWORD);
        assert.equal(await page.locator('h1').innerText(), `Selamat datang, ${me.name}`);
        assert.equal((await page.locator('header.site .office').innerText()).trim(), office.name);
        const rolesCard = page.locator('section.card').filter({ has: page.getByRole('heading', { name: 'Peran Anda' }) });
        assert.deepEqual(await rolesCard.locator('li strong').allInnerTexts(), [ROLE_LABELS[account.role].id]);
        // What only some roles see: the admin card and the audit link follow the role.
        const adminCard = page.getByRole('heading', { name: 'Kantor Anda' });
        assert.equal(await adminCard.count(), account.role === 'office_admin' || account.role === 'system_admin' ? 1 : 0);
        const auditLink = page.locator('header.site nav').getByRole('link', { name: 'Log audit' });
        assert.equal(await auditLink.count(), ['ppid', 'atasan_ppid', 'office_admin', 'system_admin'].includes(account.role) ? 1 : 0);
        await checkA11y(page, `desk home (${account.role})`);

        await signOut(page);
        assert.equal(await page.getByRole('status').innerText(), 'Anda sudah keluar.');
        await page.goto(`${app.url}/desk`);
        assert.equal(new URL(page.url()).pathname, '/masuk', 'after signing out the desk asks to sign in again');
      } finally {
        await context.close();
      }
    });
  }
});

describe('forms and language', CONCURRENT, () => {
  test('a wrong password shows the error summary and keeps the e-mail typed', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      const email = demoEmail('admin', OFFICE);
      await submitSignIn(page, app.url, email, 'not-the-password');
      assert.equal(new URL(page.url()).pathname, '/masuk');
      const summary = page.getByRole('alert');
      assert.equal(await summary.count(), 1);
      assert.match(await summary.innerText(), /Surel atau kata sandi salah\./);
      assert.equal(await page.getByRole('textbox', { name: 'Surel', exact: true }).inputValue(), email);
      assert.equal(await page.getByLabel('Kata sandi', { exact: true }).inputValue(), '', 'a password is never sent back');
      await checkA11y(page, 'sign-in with an error');
    } finally {
      await context.close();
    }
  });

  test('with JavaScript disabled: sign-in and a desk form with a validation error work', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await signIn(page, app.url, demoEmail('admin', OFFICE), DEMO_PASSWORD);
      await page.goto(`${app.url}/desk/units`);
      const addForm = page.locator('main form[action="/desk/units"]');
      const existing = 'subbagian keuangan, umum dan logistik';
      await addForm.getByLabel('Nama unit').fill(existing);
      await navigateBy(page, addForm.getByRole('button', { name: 'Tambah' }));
      assert.equal(new URL(page.url()).pathname, '/desk/units');
      assert.match(await page.locator('.error-summary').innerText(), /Unit dengan nama ini sudah ada\./);
      assert.equal(await page.locator('main form[action="/desk/units"]').getByLabel('Nama unit').inputValue(), existing);
      assert.equal(await page.locator('#f-name').getAttribute('aria-invalid'), 'true');

      // and a valid one goes through, back to the list with a notice (POST-redirect-GET without script)
      await page.locator('main form[action="/desk/units"]').getByLabel('Nama unit').fill('Subbagian Uji Tanpa Skrip');
      await navigateBy(page, page.locator('main form[action="/desk/units"]').getByRole('button', { name: 'Tambah' }));
      assert.equal(await page.getByRole('status').innerText(), 'Unit ditambahkan.');
      assert.ok((await page.locator('main table').innerText()).includes('Subbagian Uji Tanpa Skrip'));
      await signOut(page);
    } finally {
      await context.close();
    }
  });

  test('renaming a unit to nothing marks that row, not the "add a unit" field', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await signIn(page, app.url, demoEmail('admin', OFFICE), DEMO_PASSWORD);
      await page.goto(`${app.url}/desk/units`);
      const row = page.locator('main table tbody tr').first();
      const unitName = await row.locator('td').first().innerText();
      const rename = row.getByRole('textbox', { name: `Nama unit ${unitName}`, exact: true });
      const id = await rename.getAttribute('id');
      assert.match(id ?? '', /^f-unit-\d+$/);
      await rename.fill('');
      await navigateBy(page, row.getByRole('button', { name: `Simpan ${unitName}`, exact: true }));
      assert.equal(await page.locator('.error-summary a').getAttribute('href'), `#${id}`);
      const summary = await page.locator('.error-summary').innerText();
      assert.ok(summary.includes(`Nama unit ${unitName}: Nama unit 2–150 karakter.`), summary);
      const again = page.locator(`#${id}`);
      assert.equal(await again.getAttribute('aria-invalid'), 'true');
      assert.equal(await again.inputValue(), '', 'what was typed (nothing) is shown, not the old name');
      assert.equal(await page.locator('#f-name').getAttribute('aria-invalid'), null, 'the add field is not blamed');
      await checkA11y(page, 'units with a row error');
    } finally {
      await context.close();
    }
  });

  test('the language link switches to English and the choice is remembered', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(`${app.url}/masuk`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'id');
      assert.equal(await page.locator('h1').innerText(), 'Masuk untuk staf');
      await navigateBy(page, page.getByRole('link', { name: 'English' }));
      assert.equal(new URL(page.url()).searchParams.get('lang'), 'en');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(await page.locator('h1').innerText(), 'Staff sign-in');

      // the next page, with no ?lang, is still English (the browser sends Accept-Language: id)
      await navigateBy(page, page.getByRole('link', { name: 'Forgot your password?' }));
      assert.equal(new URL(page.url()).search, '');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(await page.locator('h1').innerText(), 'Forgotten password');
      assert.equal(await page.getByRole('link', { name: 'Bahasa Indonesia' }).count(), 1);

      // and after signing in too
      await signIn(page, app.url, demoEmail('ppid', OFFICE), DEMO_PASSWORD);
      assert.match(await page.locator('h1').innerText(), /^Welcome, /);
      assert.equal(await page.locator('section.card li strong').first().innerText(), ROLE_LABELS.ppid.en);
      await navigateBy(page, page.getByRole('link', { name: 'Bahasa Indonesia' }));
      assert.match(await page.locator('h1').innerText(), /^Selamat datang, /);
      await page.goto(`${app.url}/desk/account`);
      assert.equal(await page.locator('h1').innerText(), 'Akun saya');
    } finally {
      await context.close();
    }
  });
});

describe('a phone-sized screen (375×740): no sideways scrolling, and still accessible', CONCURRENT, () => {
  const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

  const checkPages = async (t: TestContext, paths: readonly string[], email?: string) => {
    const context = await newContext(browser, PHONE);
    try {
      const page = await context.newPage();
      if (email) await signIn(page, app.url, email, DEMO_PASSWORD);
      for (const path of paths) {
        await t.test(path, async () => {
          await page.goto(`${app.url}${path}`);
          assert.equal(new URL(page.url()).pathname, path);
          // A phone widens its layout viewport to fit content that overflows, so both numbers tell.
          const { scrollWidth, innerWidth } = await page.evaluate<{ scrollWidth: number; innerWidth: number }>(
            '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })',
          );
          assert.ok(scrollWidth <= 375 && innerWidth === 375, `${path}: the page is ${Math.max(scrollWidth, innerWidth)}px wide on a 375px screen`);
          // At this size wide tables scroll inside their own region, which the keyboard must reach.
          await checkA11y(page, `${path} on a phone`);
        });
      }
    } finally {
      await context.close();
    }
  };

  test('portal and sign-in pages', (t) => checkPages(t, ['/', `/${OFFICE}`, '/ri', '/masuk']));
  test('desk pages (office admin)', (t) => checkPages(t, ['/desk', '/desk/staff', '/desk/units', '/desk/office', '/desk/audit', '/desk/account'], demoEmail('admin', OFFICE)));
});
