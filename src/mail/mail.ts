import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { Config } from '../config.ts';
import type { Executor } from '../db/client.ts';
import type { JobContext, JobHandler } from '../kernel/outbox/runner.ts';
import { enqueue, retryDelayMs } from '../kernel/outbox/store.ts';

export const MAIL_KIND = 'mail';

export interface MailAttachment {
  readonly filename: string;
  readonly contentBase64: string;
  readonly contentType: string;
}

/** One message as stored in the outbox (JSON), so everything in it is plain data. */
export interface MailPayload {
  readonly to: string | string[];
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  readonly replyTo?: string;
  readonly attachments?: MailAttachment[];
  /**
   * Deliver to these addresses only, while the headers still name everyone: set by the mail handler
   * when a server refused some recipients of a message it accepted for the others.
   */
  readonly envelopeTo?: string[];
}

export interface MailInput extends MailPayload {
  readonly officeId: number | null;
  readonly dedupeKey?: string;
  readonly runAfter?: Date;
}

/** Queues a mail in the transaction of the change it reports; it is sent after that commits. */
export function enqueueMail(tx: Executor, { officeId, dedupeKey, runAfter, ...payload }: MailInput): Promise<number | null> {
  return enqueue(tx, {
    kind: MAIL_KIND,
    officeId,
    payload,
    ...(dedupeKey === undefined ? {} : { dedupeKey }),
    ...(runAfter === undefined ? {} : { runAfter }),
  });
}

export interface SentMail {
  readonly messageId: string;
  /** Recipients the server refused although it took the message for the others. */
  readonly rejected: string[];
}

export interface Mailer {
  /** Hands one message to the SMTP server (or writes it to a file); throws when nobody got it. */
  send(mail: MailPayload): Promise<SentMail>;
}

export type MailConfig = Pick<Config, 'smtpUrl' | 'mailFrom' | 'dataDir'>;

/**
 * SMTP when SMTP_URL is set. Otherwise every message becomes an .eml file in DATA_DIR/mail, so a new
 * installation loses nothing and its admin can open what would have been sent in any mail program.
 */
export function createMailer(config: MailConfig): Mailer {
  return config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : fileMailer(join(config.dataDir, 'mail'), config.mailFrom);
}

function smtpMailer(url: string, from: string): Mailer {
  // One connection per message (no pool): nothing to close, and a worker that stops leaves nothing open.
  // Short timeouts keep one send well inside the outbox lease (nodemailer waits up to 10 minutes by default).
  const transport = nodemailer.createTransport({ url, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
  return {
    async send(mail) {
      const info = await transport.sendMail(toMessage(mail, from));
      return { messageId: info.messageId, rejected: info.rejected };
    },
  };
}

function fileMailer(dir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    async send(mail) {
      const info = await transport.sendMail(toMessage(mail, from));
      if (!Buffer.isBuffer(info.message)) throw new Error('The mail composer returned a stream where a buffer was asked for.');
      await mkdir(dir, { recursive: true });
      const name = emlFileName(new Date(), info.messageId);
      // Written under a temporary name first, so a reader never sees half a message.
      const partial = join(dir, `.${name}.partial`);
      await writeFile(partial, info.message);
      await rename(partial, join(dir, name));
      return { messageId: info.messageId, rejected: [] };
    },
  };
}

/** "2026-03-23T10-15-30.123Z_1f0c…@lentera.local.eml": sorts by time and is valid on every file system. */
export function emlFileName(at: Date, messageId: string): string {
  const stamp = at.toISOString().replace(/:/g, '-');
  const id = messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._@-]/g, '_');
  return `${stamp}_${id}.eml`;
}

/**
 * Builds nodemailer's options field by field rather than spreading the payload: attachments are only
 * ever inline content, so a stored payload can never make nodemailer read a local file or fetch a URL.
 */
function toMessage(mail: MailPayload, from: string): SendMailOptions {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.html === undefined ? {} : { html: mail.html }),
    ...(mail.replyTo === undefined ? {} : { replyTo: mail.replyTo }),
    ...(mail.envelopeTo === undefined ? {} : { envelope: { from, to: mail.envelopeTo } }),
    attachments: (mail.attachments ?? []).map((a) => ({
      filename: a.filename,
      content: a.contentBase64,
      encoding: 'base64',
      contentType: a.contentType,
    })),
  };
}

/** The outbox handler for kind 'mail'. */
export function mailHandler(mailer: Mailer): JobHandler {
  return async (payload, ctx) => {
    const mail = asMailPayload(payload);
    const sent = await mailer.send(mail);
    ctx.log.info({ jobId: ctx.id, messageId: sent.messageId }, 'Mail sent');
    if (sent.rejected.length > 0) await resendToRefused(mail, sent.rejected, ctx);
  };
}

/**
 * The others already have the message, so failing the job (and sending it all again) would give them
 * a second copy: the refused recipients get a message of their own, retried like any other. The dedupe
 * key keeps a re-run of this job from queueing the resend twice.
 */
async function resendToRefused(mail: MailPayload, rejected: string[], ctx: JobContext): Promise<void> {
  await enqueueMail(ctx.database.db, {
    ...mail,
    envelopeTo: rejected,
    officeId: ctx.officeId,
    dedupeKey: `mail-resend:${ctx.id}`,
    runAfter: new Date(Date.now() + retryDelayMs(1)),
  });
  ctx.log.warn({ jobId: ctx.id, rejected }, 'The mail server refused some recipients; the mail is queued again for them');
}

/** The payload comes back from JSON; a malformed one fails loudly (and stays queued for a fix). */
function asMailPayload(payload: unknown): MailPayload {
  const p = payload as Partial<Record<keyof MailPayload, unknown>> | null;
  const isText = (v: unknown) => typeof v === 'string';
  const ok =
    typeof p === 'object' &&
    p !== null &&
    (isText(p.to) || (Array.isArray(p.to) && p.to.length > 0 && p.to.every(isText))) &&
    isText(p.subject) &&
    isText(p.text) &&
    (p.html === undefined || isText(p.html)) &&
    (p.replyTo === undefined || isText(p.replyTo)) &&
    (p.envelopeTo === undefined || (Array.isArray(p.envelopeTo) && p.envelopeTo.length > 0 && p.envelopeTo.every(isText))) &&
    (p.attachments === undefined || (Array.isArray(p.attachments) && p.attachments.every(isAttachment)));
  if (!ok) throw new Error('Mail payload is malformed: it needs to, subject and text as strings (and well-formed attachments).');
  return p as MailPayload;
}

function isAttachment(value: unknown): value is MailAttachment {
  const a = value as Partial<Record<keyof MailAttachment, unknown>> | null;
  return typeof a === 'object' && a !== null && typeof a.filename === 'string' && typeof a.contentBase64 === 'string' && typeof a.contentType === 'string';
}
