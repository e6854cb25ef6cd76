import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { outbox } from '../db/schema.ts';
import { jobHandlers } from '../kernel/outbox/handlers.ts';
import { createJobRunner, type JobLog } from '../kernel/outbox/runner.ts';
import { freshDatabase, type TestDatabase } from '../../test/support/db.ts';
import { createMailer, emlFileName, enqueueMail, mailHandler, type MailPayload } from './mail.ts';

let testDb: TestDatabase;
let database: Database;
const scratch: string[] = [];

before(async () => {
  testDb = await freshDatabase();
  database = testDb.database;
});
after(async () => {
  await testDb.cleanup();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await database.db.delete(outbox);
});

const quiet: JobLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
const rowsOf = () => database.db.select().from(outbox).orderBy(outbox.id);

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lentera-mail-'));
  scratch.push(dir);
  return dir;
}

function configFor(env: Record<string, string>) {
  return loadConfig({ DATA_DIR: tempDir(), MAIL_FROM: 'PPID KPU Kota Contoh <ppid@kpu-contoh.go.id>', ...env });
}

/** Headers (unfolded, by lower-case name) and the body of a raw RFC 5322 message. */
function parseMessage(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(split + 4) };
}

const notice: MailPayload = {
  to: ['pemohon@example.org', 'kuasa@example.org'],
  subject: 'Permohonan REQ-2026-0001 diterima',
  text: 'Permohonan informasi Anda telah kami terima dengan nomor REQ-2026-0001.',
};

describe('mail over SMTP', () => {
  let server: SMTPServer;
  let port: number;
  const received: { envelopeTo: string[]; raw: string }[] = [];
  // Transient refusals the server still has to give, in order: at RCPT (of one address), or after DATA.
  const refusals: ({ rcpt: string } | 'data')[] = [];
  const busy = () => Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 });
  beforeEach(() => {
    received.length = 0;
    refusals.length = 0;
  });

  before(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        const next = refusals[0];
        if (typeof next === 'object' && next.rcpt === address.address) {
          refusals.shift();
          return callback(busy());
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (refusals[0] === 'data') {
            refusals.shift();
            return callback(busy());
          }
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('a server that refuses twice gets the mail on the third try, after backing off, exactly once', async () => {
    refusals.push({ rcpt: 'pemohon@example.org' }, 'data');
    const config = configFor({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    const runner = createJobRunner({ database, handlers: jobHandlers(config), log: quiet });
    await database.db.transaction((tx) =>
      enqueueMail(tx, { officeId: 1, ...notice, to: 'Ibu Pemohon <pemohon@example.org>', replyTo: 'ppid@kpu-contoh.go.id' }),
    );

    const start = new Date();
    assert.deepEqual(await runner.runOnce({ now: start }), { done: 0, failed: 1 });
    let [row] = await rowsOf();
    assert.equal(row?.attempts, 1);
    assert.match(row?.lastError ?? '', /451/);
    const firstWait = row!.runAfter.getTime() - start.getTime();
    assert.ok(firstWait >= 15_000 && firstWait <= 30_000, `first wait ${firstWait} ms`);
    assert.deepEqual(await runner.runOnce({ now: new Date(row!.runAfter.getTime() - 1) }), { done: 0, failed: 0 }, 'held back until its time');

    const second = row!.runAfter;
    assert.deepEqual(await runner.runOnce({ now: second }), { done: 0, failed: 1 });
    [row] = await rowsOf();
    assert.equal(row?.attempts, 2);
    assert.match(row?.lastError ?? '', /451/);
    const secondWait = row!.runAfter.getTime() - second.getTime();
    assert.ok(secondWait >= 30_000 && secondWait <= 60_000, `second wait ${secondWait} ms`);
    assert.equal(received.length, 0);

    assert.deepEqual(await runner.runOnce({ now: row!.runAfter }), { done: 1, failed: 0 });
    assert.deepEqual(await runner.runOnce({ now: new Date(Date.now() + 86_400_000) }), { done: 0, failed: 0 });
    assert.equal(received.length, 1, 'delivered exactly once');
    assert.equal(refusals.length, 0);
    [row] = await rowsOf();
    assert.equal(row?.status, 'done');

    const [mail] = received;
    assert.deepEqual(mail?.envelopeTo, ['pemohon@example.org']);
    const { headers, body } = parseMessage(mail!.raw);
    assert.equal(headers.get('subject'), 'Permohonan REQ-2026-0001 diterima');
    assert.equal(headers.get('to'), 'Ibu Pemohon <pemohon@example.org>');
    assert.equal(headers.get('from'), 'PPID KPU Kota Contoh <ppid@kpu-contoh.go.id>');
    assert.equal(headers.get('reply-to'), 'ppid@kpu-contoh.go.id');
    assert.match(headers.get('message-id') ?? '', /^<.+@.+>$/);
    assert.equal(body.replace(/=\r\n/g, '').trim(), notice.text);
  });

  test('recipients refused while others got the mail are sent it again on their own, nobody twice', async () => {
    refusals.push({ rcpt: 'kuasa@example.org' });
    const config = configFor({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    const runner = createJobRunner({ database, handlers: jobHandlers(config), log: quiet });
    await database.db.transaction((tx) => enqueueMail(tx, { officeId: 4, ...notice }));
    const start = new Date();
    assert.deepEqual(await runner.runOnce({ now: start }), { done: 1, failed: 0 });
    assert.deepEqual(
      received.map((r) => r.envelopeTo),
      [['pemohon@example.org']],
    );
    const [original, resend] = await rowsOf();
    assert.equal(original?.status, 'done');
    assert.equal(resend?.status, 'pending');
    assert.equal(resend?.officeId, 4);
    assert.equal(resend?.dedupeKey, `mail-resend:${original?.id}`);
    assert.ok(resend!.runAfter.getTime() >= start.getTime() + 15_000, 'the resend backs off too');

    assert.deepEqual(await runner.runOnce({ now: resend!.runAfter }), { done: 1, failed: 0 });
    assert.deepEqual(
      received.map((r) => r.envelopeTo),
      [['pemohon@example.org'], ['kuasa@example.org']],
    );
    assert.equal(parseMessage(received[1]!.raw).headers.get('to'), 'pemohon@example.org, kuasa@example.org', 'the headers still name both');
    assert.equal((await rowsOf()).length, 2);
  });
});

describe('mail without SMTP_URL', () => {
  test('each message becomes an .eml file with its headers, body and attachment', async () => {
    const config = configFor({});
    const pdf = Buffer.from('%PDF-1.7 surat pemberitahuan');
    const { messageId, rejected } = await createMailer(config).send({
      ...notice,
      subject: 'Pemberitahuan tertulis — perpanjangan waktu',
      html: '<p>Permohonan <strong>REQ-2026-0001</strong></p>',
      attachments: [{ filename: 'pemberitahuan.pdf', contentBase64: pdf.toString('base64'), contentType: 'application/pdf' }],
    });
    assert.deepEqual(rejected, []);
    const files = readdirSync(join(config.dataDir, 'mail'));
    assert.deepEqual(files, [files[0]], 'one file, no partial leftovers');
    assert.match(files[0]!, /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z_[A-Za-z0-9._@-]+\.eml$/);
    assert.ok(files[0]!.includes(messageId.slice(1, -1)));
    const raw = readFileSync(join(config.dataDir, 'mail', files[0]!), 'utf8');
    const { headers, body } = parseMessage(raw);
    assert.equal(headers.get('from'), 'PPID KPU Kota Contoh <ppid@kpu-contoh.go.id>');
    assert.equal(headers.get('to'), 'pemohon@example.org, kuasa@example.org');
    assert.equal(headers.get('message-id'), messageId);
    assert.match(headers.get('subject') ?? '', /^=\?UTF-8\?/, 'a non-ASCII subject is encoded for mail programs');
    assert.match(headers.get('content-type') ?? '', /^multipart\/mixed/);
    assert.ok(body.includes(notice.text));
    assert.ok(body.includes('<strong>REQ-2026-0001</strong>'));
    assert.ok(body.includes('filename=pemberitahuan.pdf'));
    assert.ok(body.includes(pdf.toString('base64')));
  });

  test('the outbox handler sends queued mail to the file and marks it done', async () => {
    const config = configFor({});
    const runner = createJobRunner({ database, handlers: jobHandlers(config), log: quiet });
    await database.db.transaction((tx) => enqueueMail(tx, { officeId: null, ...notice, to: 'pemohon@example.org', dedupeKey: 'receipt:REQ-2026-0001' }));
    await database.db.transaction((tx) => enqueueMail(tx, { officeId: null, ...notice, to: 'pemohon@example.org', dedupeKey: 'receipt:REQ-2026-0001' }));
    assert.deepEqual(await runner.runOnce(), { done: 1, failed: 0 });
    const [file, ...others] = readdirSync(join(config.dataDir, 'mail'));
    assert.deepEqual(others, [], 'the deduplicated mail is written once');
    assert.ok(readFileSync(join(config.dataDir, 'mail', file!), 'utf8').includes('To: pemohon@example.org'));
    const [row] = await rowsOf();
    assert.equal(row?.kind, 'mail');
    assert.equal(row?.status, 'done');
  });

  test('a rolled-back change sends no mail', async () => {
    await assert.rejects(
      database.db.transaction(async (tx) => {
        await enqueueMail(tx, { officeId: null, ...notice });
        throw new Error('change refused');
      }),
      /change refused/,
    );
    assert.deepEqual(await rowsOf(), []);
  });

  test('a malformed payload fails with a clear error and is kept', async () => {
    const handler = mailHandler(createMailer(configFor({})));
    const ctx = { id: 1, kind: 'mail', officeId: null, attempts: 0, database, log: quiet };
    await assert.rejects(handler({ to: 'a@example.org', subject: 'x' }, ctx), /Mail payload is malformed/);
    await assert.rejects(handler({ ...notice, attachments: [{ path: '/etc/passwd' }] }, ctx), /Mail payload is malformed/);
  });

  test('file names are safe on every file system', () => {
    assert.equal(emlFileName(new Date('2026-03-23T10:15:30.123Z'), '<a1/b2:c3@lentera.local>'), '2026-03-23T10-15-30.123Z_a1_b2_c3@lentera.local.eml');
  });
});
