import assert from 'node:assert/strict';
import { after, before, describe, test, type TestContext } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { newToken, tokenHash } from '../../src/auth/tokens.ts';
import { newTotpSecret } from '../../src/auth/totp.ts';
import { passwordResets, staff } from '../../src/db/schema.ts';
import type { Lang } from '../../src/kernel/i18n.ts';
import { DEMO_PASSWORD, demoEmail } from '../../src/offices/seed.ts';
import { staffByEmail } from '../../src/offices/store.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { checkA11y, launchBrowser, newContext, signIn, submitSignIn, type AxeViolation } from '../support/browser.ts';

/**
 * axe-core (WCAG 2.1 A/AA) on every page built so far, in both languages, signed out and as an office
 * admin, and on every form shown again with its errors. Serious and critical findings fail the test;
 * minor and moderate ones are reported as diagnostics.
 */

let app: TestApp;
let browser: Browser;
let resetToken: string;
let staffId: number;

const OFFICE = 'kab-bintan';
const TOTP_ACCOUNT = demoEmail('atasan', 'kab-belitung-timur');

before(async () => {
  [app, browser] = await Promise.all([startTestApp({ demo: true }), launchBrowser()]);
  const db = app.running.database.db;
  // A live reset link (as the e-mail would carry) and an account with two-step verification on.
  const desk = (await staffByEmail(db, demoEmail('desk', OFFICE)))!;
  staffId = desk.id;
  resetToken = newToken();
  await db.insert(passwordResets).values({ staffId: desk.id, tokenHash: tokenHash(resetToken), expiresAt: new Date(Date.now() + 30 * 60_000) });
  await db.update(staff).set({ totpSecret: newTotpSecret(), totpEnabled: true }).where(eq(staff.email, TOTP_ACCOUNT));
});

after(async () => {
  await browser?.close();
  await app?.close();
});

function withLang(path: string, lang: Lang): string {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
}

function report(t: TestContext, minor: readonly AxeViolation[]): void {
  for (const v of minor) t.diagnostic(`axe [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length}×)`);
}

/** What every page must have: the right language, one h1 with words in it, a main landmark. */
async function checkFrame(page: Page, lang: Lang): Promise<void> {
  const frame = await page.evaluate<{ lang: string; h1: string[]; main: number }>(
    `({ lang: document.documentElement.lang, h1: [...document.querySelectorAll('h1')].map((h) => h.textContent.trim()), main: document.querySelectorAll('main').length })`,
  );
  assert.equal(frame.lang, lang, 'the page is in the language asked for');
  assert.equal(frame.h1.length, 1, 'one h1');
  assert.ok(frame.h1[0]!.length > 1, 'the h1 has words');
  assert.equal(frame.main, 1, 'one main landmark');
}

async function visit(t: TestContext, page: Page, path: string, lang: Lang, status: number): Promise<Response> {
  const response = (await page.goto(`${app.url}${withLang(path, lang)}`))!;
  assert.equal(new URL(page.url()).pathname, path.split('?')[0], `${path} was not redirected`);
  if (path === '/desk/holidays' && response.status() === 404) {
    // Being built in src/calendar/pages.tsx; until it is registered, the 404 page is what is checked.
    t.todo('/desk/holidays is not registered yet (404)');
  } else if (response.status() !== status) {
    assert.fail(`${path}: expected ${status}, got ${response.status()}: ${await page.locator('main').innerText()}`);
  }
  await checkFrame(page, lang);
  return response;
}

/** Empties every field a person types into, then submits the form: the page must come back with its errors. */
async function submitEmpty(page: Page, formSelector: string, lang: Lang): Promise<Response> {
  const form = page.locator(formSelector);
  assert.equal(await form.count(), 1, `one form ${formSelector}`);
  for (const field of await form.locator('input:not([type=hidden]):not([type=checkbox]), textarea').all()) await field.fill('');
  for (const box of await form.locator('input[type=checkbox]').all()) await box.uncheck();
  const navigation = page.waitForNavigation({ waitUntil: 'load' });
  await form.locator('button[type=submit]').first().click();
  const response = (await navigation)!;
  assert.ok(response.status() >= 400 && response.status() < 500, `${formSelector}: expected a 4xx, got ${response.status()}`);
  await checkFrame(page, lang);
  const summary = page.locator('.error-summary');
  assert.equal(await summary.count(), 1, 'the error summary is shown');
  const said = await summary.innerText();
  assert.ok(said.trim().length > 0);
  assert.doesNotMatch(said, /&(amp|quot|lt|gt|#\d+);/, 'the summary is escaped once, not twice');
  return response;
}

const PUBLIC_PAGES: readonly { path: string; status: number }[] = [
  { path: '/', status: 200 },
  { path: `/${OFFICE}`, status: 200 },
  { path: '/ri', status: 200 },
  { path: '/masuk', status: 200 },
  { path: '/lupa-sandi', status: 200 },
  { path: '/atur-sandi?token=x', status: 400 },
  { path: '/api/docs', status: 200 },
  { path: '/tidak-ada-kantor-ini', status: 404 },
  { path: '/tidak/ada/halaman', status: 404 },
];

const DESK_PAGES = (): readonly { path: string; status: number }[] => [
  { path: '/desk', status: 200 },
  { path: '/desk/staff', status: 200 },
  { path: '/desk/staff/new', status: 200 },
  { path: `/desk/staff/${staffId}`, status: 200 },
  { path: '/desk/units', status: 200 },
  { path: '/desk/office', status: 200 },
  { path: '/desk/account', status: 200 },
  { path: '/desk/account?totp=setup', status: 200 },
  { path: '/desk/audit', status: 200 },
  { path: '/desk/holidays', status: 200 },
];

/** Forms shown again after an empty submission: [page, the form on it]. */
const DESK_FORMS = (): readonly { path: string; form: string }[] => [
  { path: '/desk/staff/new', form: 'main form[action="/desk/staff"]' },
  { path: `/desk/staff/${staffId}`, form: `main form[action="/desk/staff/${staffId}"]` },
  { path: '/desk/units', form: 'main form[action="/desk/units"]' },
  { path: '/desk/office', form: 'main form[action="/desk/office"]' },
  { path: '/desk/account', form: 'main form[action="/desk/account/password"]' },
  { path: '/desk/account?totp=setup', form: 'main form[action="/desk/account/totp/enable"]' },
];

/**
 * Four groups run side by side, each in its own browser context (own cookies, own language) and each
 * in order inside: signed out and signed in, in Indonesian and in English.
 */
describe('every page passes axe', { concurrency: true }, () => {
  for (const lang of ['id', 'en'] as const) {
    describe(`signed out, ${lang}`, { concurrency: 1 }, () => {
      let context: BrowserContext;
      let page: Page;
      before(async () => {
        context = await newContext(browser);
        page = await context.newPage();
      });
      after(() => context?.close());

      for (const { path, status } of PUBLIC_PAGES) {
        test(path, async (t) => {
          await visit(t, page, path, lang, status);
          report(t, await checkA11y(page, `${path} (${lang})`));
        });
      }

      test('/atur-sandi with a live link, then submitted empty', async (t) => {
        await visit(t, page, `/atur-sandi?token=${resetToken}`, lang, 200);
        assert.equal(await page.locator('main form[action="/atur-sandi"]').count(), 1);
        report(t, await checkA11y(page, `reset form (${lang})`));
        await submitEmpty(page, 'main form[action="/atur-sandi"]', lang);
        assert.equal(await page.locator('#f-password').getAttribute('aria-invalid'), 'true');
        report(t, await checkA11y(page, `reset form with errors (${lang})`));
      });

      for (const [path, form] of [
        ['/masuk', 'main form[action="/masuk"]'],
        ['/lupa-sandi', 'main form[action="/lupa-sandi"]'],
      ] as const) {
        test(`${path} submitted empty`, async (t) => {
          await visit(t, page, path, lang, 200);
          await submitEmpty(page, form, lang);
          assert.equal(await page.locator('#f-email').getAttribute('aria-invalid'), 'true');
          report(t, await checkA11y(page, `${path} with errors (${lang})`));
        });
      }

      test('/masuk/verifikasi (two-step code), blank and with an error', async (t) => {
        await submitSignIn(page, app.url, TOTP_ACCOUNT, DEMO_PASSWORD);
        assert.equal(new URL(page.url()).pathname, '/masuk/verifikasi');
        await checkFrame(page, lang);
        report(t, await checkA11y(page, `two-step form (${lang})`));
        await submitEmpty(page, 'main form[action="/masuk/verifikasi"]', lang);
        report(t, await checkA11y(page, `two-step form with errors (${lang})`));
      });
    });

    describe(`office admin, ${lang}`, { concurrency: 1 }, () => {
      let context: BrowserContext;
      let page: Page;
      before(async () => {
        context = await newContext(browser);
        page = await context.newPage();
        await page.goto(`${app.url}/?lang=${lang}`);
        await signIn(page, app.url, demoEmail('admin', OFFICE), DEMO_PASSWORD);
      });
      after(() => context?.close());

      test('pages', async (t) => {
        for (const { path, status } of DESK_PAGES()) {
          await t.test(path, async (t) => {
            await visit(t, page, path, lang, status);
            report(t, await checkA11y(page, `${path} (${lang})`));
          });
        }
      });

      test('forms submitted empty', async (t) => {
        for (const { path, form } of DESK_FORMS()) {
          await t.test(`${path} → ${form}`, async (t) => {
            await visit(t, page, path, lang, 200);
            await submitEmpty(page, form, lang);
            assert.ok((await page.locator('[aria-invalid="true"], fieldset.has-error').count()) > 0, 'the wrong field is marked');
            report(t, await checkA11y(page, `${path} with errors (${lang})`));
          });
        }
      });
    });
  }
});
