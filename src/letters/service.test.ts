import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { ENGINE, freshDatabase, type TestDatabase } from '../../test/support/db.ts';
import { auditEvents, counters, letters, offices } from '../db/schema.ts';
import { cliActor, verifyAuditLog } from '../kernel/audit/store.ts';
import { AppError } from '../kernel/errors.ts';
import { issueLetter, letterByVerifyCode, normaliseVerifyCode, type IssueLetterInput } from './service.ts';
import { readPdf } from './test-pdf.ts';

let t: TestDatabase;
let officeId: number;
before(async () => {
  t = await freshDatabase();
  const [office] = await t.database.db
    .insert(offices)
    .values({
      level: 'regency',
      code: '21.01',
      slug: 'kab-bintan',
      name: 'KPU Kabupaten Bintan',
      city: 'Bintan',
      letterheadLines: ['KOMISI PEMILIHAN UMUM', 'KABUPATEN BINTAN'],
      timeZone: 'Asia/Jakarta',
    })
    .returning({ id: offices.id });
  officeId = office!.id;
});
after(async () => t?.cleanup());
const actor = cliActor('test');
/** Drizzle wraps the driver's error: the PostgreSQL code is on the error or on its cause. */
const pgCode = (error: unknown) => (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;

function input(overrides: Partial<IssueLetterInput> = {}): IssueLetterInput {
  return {
    officeId,
    kind: 'pemberitahuan_tertulis',
    series: 'letter',
    pattern: '{seq:3}/PPID/{code}/{romanMonth}/{year}',
    subject: 'Pemberitahuan Tertulis',
    addressee: ['Sdr. Budi Santoso'],
    blocks: [{ kind: 'paragraph', text: 'Dengan hormat.' }],
    signer: { name: 'Siti Aminah', position: 'PPID KPU Kabupaten Bintan' },
    subjectType: 'request',
    subjectId: 42,
    baseUrl: 'https://lentera.example/',
    // 23:30 UTC on 30 November is 1 December in Bintan (WIB): the office's day decides.
    now: new Date('2026-11-30T23:30:00Z'),
    ...overrides,
  };
}

describe('issuing letters', () => {
  test('the stored PDF carries the number, and its hash and code are stored with it', async (c) => {
    const started = performance.now();
    const row = await issueLetter(t.database.db, actor, input());
    c.diagnostic(`issue (first, cold renderer): ${(performance.now() - started).toFixed(0)} ms`);
    assert.equal(row.number, '001/PPID/21.01/XII/2026');
    assert.equal(row.issuedOn, '2026-12-01');
    assert.equal(row.sha256, createHash('sha256').update(row.pdf).digest('hex'));
    assert.match(row.verifyCode, /^[0-9A-HJKMNP-TV-Z]{16}$/);
    assert.equal(normaliseVerifyCode(row.verifyCode), row.verifyCode);
    const [stored] = await t.database.db.select().from(letters).where(eq(letters.id, row.id));
    assert.ok(stored && Buffer.isBuffer(stored.pdf) && stored.pdf.equals(row.pdf), 'the bytes read back are the bytes hashed');
    const read = await readPdf(stored.pdf);
    for (const expected of ['001/PPID/21.01/XII/2026', 'Bintan, 1 Desember 2026', 'KABUPATEN BINTAN', `https://lentera.example/verifikasi/${row.verifyCode}`]) {
      assert.ok(read.text.includes(expected), `missing ${expected}`);
    }
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'letter.issued'), eq(auditEvents.subjectId, String(row.id))));
    assert.equal((event?.after as { number?: string } | null)?.number, row.number);
    assert.equal((event?.after as { sha256?: string } | null)?.sha256, row.sha256);
    assert.deepEqual((await verifyAuditLog(t.database.db)).problems, []);

    const facts = await letterByVerifyCode(t.database.db, row.verifyCode.toLowerCase().replace(/(.{4})(?!$)/g, '$1-'));
    assert.equal(facts?.number, row.number);
    assert.equal(facts?.officeName, 'KPU Kabupaten Bintan');
    assert.equal(await letterByVerifyCode(t.database.db, '0000000000000000'), undefined);
    assert.equal(await letterByVerifyCode(t.database.db, 'not a code'), undefined);
  });

  test('numbers follow on', async (c) => {
    const started = performance.now();
    const second = await issueLetter(t.database.db, actor, input());
    c.diagnostic(`issue (warm): ${(performance.now() - started).toFixed(0)} ms`);
    assert.equal(second.number, '002/PPID/21.01/XII/2026');
  });

  test('bad input is refused before a number is taken', async () => {
    const before = await t.database.db.select().from(counters);
    await assert.rejects(issueLetter(t.database.db, actor, input({ pattern: '{seq}/{bulan}/{year}', signer: { name: ' ', position: 'PPID' } })), (error: unknown) => {
      assert.ok(error instanceof AppError && error.status === 422);
      assert.deepEqual(Object.keys(error.fields).sort(), ['pattern', 'signer_name']);
      return true;
    });
    assert.deepEqual(await t.database.db.select().from(counters), before);
  });

  test('a text the letter fonts cannot print is refused, naming the part, before a number is taken', async () => {
    const before = await t.database.db.select().from(counters);
    await assert.rejects(issueLetter(t.database.db, actor, input({ addressee: ['Sdr. Nguyễn Văn A'], blocks: [{ kind: 'list', items: ['ok', '日本'] }] })), (error: unknown) => {
      assert.ok(error instanceof AppError && error.status === 422);
      assert.deepEqual(Object.keys(error.fields).sort(), ['addressee', 'blocks']);
      assert.match(error.fields.addressee!.en, /"ễ" cannot be printed/);
      return true;
    });
    assert.deepEqual(await t.database.db.select().from(counters), before);
  });

  test('a failed issue leaves no gap in the series', async () => {
    // A pattern without {series} shared by two series: the second issue collides on (office, number)
    // and rolls back, its counter increment with it.
    const shared = input({ series: 'shared-a', pattern: '{seq}/X/{year}' });
    assert.equal((await issueLetter(t.database.db, actor, shared)).number, '1/X/2026');
    await assert.rejects(issueLetter(t.database.db, actor, { ...shared, series: 'shared-b' }), (error: unknown) => pgCode(error) === '23505');
    const [counter] = await t.database.db.select().from(counters).where(eq(counters.series, 'shared-b'));
    assert.equal(counter, undefined, 'the rolled-back transaction took no number');
  });

  test('20 concurrent issues on PostgreSQL get 20 distinct consecutive numbers', { skip: ENGINE !== 'postgres' && 'PGlite runs one transaction at a time' }, async (c) => {
    const started = performance.now();
    const rows = await Promise.all(Array.from({ length: 20 }, (_, i) => issueLetter(t.database.db, actor, input({ series: 'race', pattern: '{seq}/R/{year}', subjectId: i }))));
    c.diagnostic(`20 concurrent issues: ${(performance.now() - started).toFixed(0)} ms`);
    const seqs = rows.map((r) => Number(r.number.split('/')[0])).sort((a, b) => a - b);
    assert.deepEqual(seqs, Array.from({ length: 20 }, (_, i) => i + 1));
    assert.equal(new Set(rows.map((r) => r.verifyCode)).size, 20);
    assert.deepEqual((await verifyAuditLog(t.database.db)).problems, []);
  });
});
