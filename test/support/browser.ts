import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';

/**
 * Browser tests drive Debian's Chromium (apt package `chromium`, installed by scripts/ensure-system.sh);
 * no browser is ever downloaded. CHROMIUM_PATH points elsewhere when needed.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A fresh browser profile (own cookies). Indonesian by default, as most visitors are; bypassCSP lets the
 * accessibility check inject axe-core as an inline script under the app's strict CSP (the app itself ships no script).
 */
export function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: 'id-ID', bypassCSP: true, ...options });
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.1 A and AA rules: what Indonesian public bodies are asked to meet. */
const AXE_RUN = `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })`;

export interface AxeViolation {
  readonly id: string;
  readonly impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: readonly { readonly target: readonly unknown[]; readonly failureSummary?: string }[];
}

function describe(v: AxeViolation): string {
  const targets = v.nodes.map((n) => `      ${n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' ')}${n.failureSummary ? `\n        ${n.failureSummary.replace(/\n\s*/g, ' / ')}` : ''}`);
  return `  [${v.impact}] ${v.id}: ${v.help}\n${targets.join('\n')}`;
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A+AA) on the page as it is now and fails listing every serious or critical
 * violation with its rule, help text and the selectors of the offending elements. Returns the minor and
 * moderate ones, for the caller to report without failing.
 */
export async function checkA11y(page: Page, label: string): Promise<AxeViolation[]> {
  if (!(await page.evaluate<boolean>(`typeof window.axe === 'object'`))) {
    await page.addScriptTag({ content: AXE_SOURCE });
  }
  const result = await page.evaluate<{ violations: AxeViolation[] }>(AXE_RUN);
  const blocking = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.ok(blocking.length === 0, `axe found ${blocking.length} serious/critical violation(s) on ${label} (${page.url()}):\n${blocking.map(describe).join('\n')}`);
  return result.violations.filter((v) => !blocking.includes(v));
}

/** Clicks something that submits a form or follows a link, and waits for the next page to load. */
export async function navigateBy(page: Page, target: Locator): Promise<void> {
  const navigation = page.waitForNavigation({ waitUntil: 'load' });
  await target.click();
  await navigation;
}

/** Fills and sends the real sign-in form at /masuk, in either language; does not judge the outcome. */
export async function submitSignIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/masuk`);
  await page.getByLabel(/^(Surel|E-mail)$/).fill(email);
  await page.getByLabel(/^(Kata sandi|Password)$/).fill(password);
  await navigateBy(page, page.locator('main form[action="/masuk"]').getByRole('button', { name: /^(Masuk|Sign in)$/ }));
}

/** Signs in through the form and checks the desk (or `next`) is where the browser ended up. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await submitSignIn(page, baseUrl, email, password);
  if (new URL(page.url()).pathname !== '/desk') {
    assert.fail(`signing in as ${email} should land on /desk, got ${page.url()}: ${await page.locator('main').innerText()}`);
  }
}

/** Signs out with the header button and checks the sign-in page says so. */
export async function signOut(page: Page): Promise<void> {
  await navigateBy(page, page.locator('header.site').getByRole('button', { name: /^(Keluar|Sign out)$/ }));
  assert.equal(new URL(page.url()).pathname, '/masuk');
}
