import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../test/support/app.ts';
import { offices } from '../db/schema.ts';
import { cliActor } from '../kernel/audit/store.ts';
import { issueLetter, type LetterRow } from './service.ts';

let app: TestApp;
let letter: LetterRow;
before(async () => {
  app = await startTestApp();
  const db = app.running.database.db;
  const [office] = await db
    .insert(offices)
    .values({ level: 'regency', code: '21.01', slug: 'kab-bintan', name: 'KPU Kabupaten Bintan', city: 'Bintan', letterheadLines: ['KOMISI PEMILIHAN UMUM'] })
    .returning({ id: offices.id });
  letter = await issueLetter(db, cliActor('test'), {
    officeId: office!.id,
    kind: 'pemberitahuan_tertulis',
    series: 'letter',
    pattern: '{seq:3}/PPID/{code}/{romanMonth}/{year}',
    subject: 'Pemberitahuan Tertulis <Permohonan>',
    addressee: ['Sdr. Budi'],
    blocks: [{ kind: 'paragraph', text: 'Dengan hormat.' }],
    signer: { name: 'Siti Aminah', position: 'PPID' },
    subjectType: 'request',
    subjectId: 1,
    baseUrl: app.url,
    now: new Date('2026-03-23T03:00:00Z'),
  });
});
after(async () => app?.close());

/** The page structure every page keeps: a language on <html> and exactly one h1. */
function assertPageStructure(html: string, lang: 'id' | 'en'): void {
  assert.match(html, new RegExp(`<html lang="${lang}"`));
  assert.equal(html.match(/<h1[\s>]/g)?.length, 1);
}

describe('verification page', () => {
  test('shows the number, date, office, signer and hash of a real letter, in both languages', async () => {
    const response = await fetch(`${app.url}/verifikasi/${letter.verifyCode}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-robots-tag'), 'noindex');
    const html = await response.text();
    assertPageStructure(html, 'id');
    assert.match(html, /<h1>Surat ini asli<\/h1>/);
    for (const expected of [letter.number, 'Senin, 23 Maret 2026', 'KPU Kabupaten Bintan', 'Siti Aminah, PPID', letter.sha256, 'sha256sum surat.pdf', 'Pemberitahuan Tertulis &lt;Permohonan>']) {
      assert.ok(html.includes(expected), `missing ${expected}`);
    }
    assert.ok(!html.includes('<Permohonan>'), 'the subject is escaped');
    const en = await (await fetch(`${app.url}/verifikasi/${letter.verifyCode}?lang=en`)).text();
    assertPageStructure(en, 'en');
    assert.ok(en.includes('This letter is genuine') && en.includes('Monday, 23 March 2026') && en.includes(letter.sha256));
  });

  test('a code typed with dashes, lower case or O for 0 finds the letter', async () => {
    const typed = letter.verifyCode.toLowerCase().replace(/(.{4})(?!$)/g, '$1-').replace(/0/g, 'o');
    const response = await fetch(`${app.url}/verifikasi/${typed}`);
    assert.equal(response.status, 200);
    assert.ok((await response.text()).includes(letter.number));
  });

  test('an unknown or malformed code is a clear 404 page', async () => {
    for (const code of ['0000000000000000', 'bukan-kode', 'x'.repeat(200)]) {
      const response = await fetch(`${app.url}/verifikasi/${code}`);
      assert.equal(response.status, 404, code);
      const html = await response.text();
      assertPageStructure(html, 'id');
      assert.ok(html.includes('Tidak ada surat dengan kode verifikasi ini'));
      assert.ok(!html.includes(letter.sha256));
    }
  });

  test('the form sends a typed code to its page, and says what is wrong with a bad one', async () => {
    const form = await fetch(`${app.url}/verifikasi`);
    assert.equal(form.status, 200);
    const html = await form.text();
    assertPageStructure(html, 'id');
    assert.match(html, /<form method="get" action="\/verifikasi"/);
    const found = await fetch(`${app.url}/verifikasi?kode=${encodeURIComponent(` ${letter.verifyCode.toLowerCase()} `)}`, { redirect: 'manual' });
    assert.equal(found.status, 303);
    assert.equal(found.headers.get('location'), `/verifikasi/${letter.verifyCode}`);
    const bad = await fetch(`${app.url}/verifikasi?kode=123&lang=en`);
    assert.equal(bad.status, 422);
    const badHtml = await bad.text();
    assertPageStructure(badHtml, 'en');
    assert.ok(badHtml.includes('The code has 16 letters and digits.') && badHtml.includes('value="123"'));
  });

  test('the PDF itself is not public', async () => {
    assert.equal((await fetch(`${app.url}/verifikasi/${letter.verifyCode}/pdf`)).status, 404);
  });
});
