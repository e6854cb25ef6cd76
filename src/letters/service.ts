import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../db/client.ts';
import { letters, offices } from '../db/schema.ts';
import { recordEvent, type Actor } from '../kernel/audit/store.ts';
import { invalid, notFound } from '../kernel/errors.ts';
import { text, type Text } from '../kernel/i18n.ts';
import { formatNumber, patternProblem } from '../kernel/numbering/rules.ts';
import { nextValue } from '../kernel/numbering/store.ts';
import { todayIn } from '../offices/portal.tsx';
import { officeById, type OfficeRow } from '../offices/store.ts';
import { unprintableCharacter } from './charset.ts';
import { renderLetterPdf, type LetterBlock } from './render.ts';

export type LetterRow = typeof letters.$inferSelect;

export interface IssueLetterInput {
  readonly officeId: number;
  /** What the letter is, e.g. "pemberitahuan_tertulis". */
  readonly kind: string;
  /** The counter the number comes from; letters of one series share one sequence per year. */
  readonly series: string;
  /** The office's number pattern for this series (src/kernel/numbering/rules.ts). */
  readonly pattern: string;
  readonly subject: string;
  readonly addressee: readonly string[];
  readonly blocks: readonly LetterBlock[];
  readonly signer: { readonly name: string; readonly position: string };
  /** What the letter answers, e.g. ("request", 42). */
  readonly subjectType: string;
  readonly subjectId: string | number;
  /** The public address of this installation, for the QR code's verification link. */
  readonly baseUrl: string;
  /** The moment of issue (tests); the date printed is that day in the office's time zone. */
  readonly now?: Date;
}

/** Crockford's base32: no I, L, O or U, so a code read off paper is typed back correctly. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 16;

/** 80 random bits: a letter's page cannot be found by trying codes, so its subject stays unlisted. */
function newVerifyCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[Number((bits >> BigInt(5 * (CODE_LENGTH - 1 - i))) & 31n)];
  return code;
}

/** A code as a person typed it ("abcd-efgh-…", O for 0, I or L for 1) in its stored form, or undefined. */
export function normaliseVerifyCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : undefined;
}

export function verificationUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/verifikasi/${code}`;
}

function inputProblems(input: IssueLetterInput): Record<string, Text> {
  const problems: Record<string, Text> = {};
  const pattern = patternProblem(input.pattern);
  if (pattern) problems.pattern = pattern;
  if (!input.subject.trim() || input.subject.length > 300) problems.subject = text('Perihal wajib diisi, paling panjang 300 karakter.', 'The subject is required, at most 300 characters.');
  if (!input.signer.name.trim()) problems.signer_name = text('Nama penanda tangan wajib diisi.', "The signer's name is required.");
  if (!input.signer.position.trim()) problems.signer_position = text('Jabatan penanda tangan wajib diisi.', "The signer's position is required.");
  if (input.addressee.length === 0) problems.addressee = text('Tujuan surat wajib diisi.', 'The addressee is required.');
  return problems;
}

/** CRLF (from a browser's textarea or an API client) becomes LF: a carriage return is not printable. */
function withLineFeeds(block: LetterBlock): LetterBlock {
  const lf = (v: string) => v.replace(/\r\n?/g, '\n');
  switch (block.kind) {
    case 'paragraph':
      return { kind: 'paragraph', text: lf(block.text) };
    case 'facts':
      return { kind: 'facts', rows: block.rows.map(([label, value]) => [lf(label), lf(value)] as const) };
    case 'list':
      return { kind: 'list', items: block.items.map(lf) };
  }
}

function blockTexts(block: LetterBlock): string[] {
  switch (block.kind) {
    case 'paragraph':
      return [block.text];
    case 'facts':
      return block.rows.flat();
    case 'list':
      return [...block.items];
  }
}

/** Each part of a letter holding a character its fonts cannot print, named so that it can be fixed. */
function unprintableProblems(office: OfficeRow, input: IssueLetterInput): Record<string, Text> {
  const parts: Record<string, readonly string[]> = {
    office: [...office.letterheadLines, office.name, office.address, office.city, office.phone, office.email],
    subject: [input.subject],
    addressee: input.addressee,
    blocks: input.blocks.flatMap(blockTexts),
    signer_name: [input.signer.name],
    signer_position: [input.signer.position],
  };
  const problems: Record<string, Text> = {};
  for (const [part, values] of Object.entries(parts)) {
    const character = values.map(unprintableCharacter).find((c) => c !== undefined);
    if (character) {
      problems[part] = text(
        `Karakter "${character}" tidak dapat dicetak pada surat; ganti dengan huruf Latin.`,
        `The character "${character}" cannot be printed on a letter; replace it with Latin letters.`,
      );
    }
  }
  return problems;
}

/**
 * Issues a numbered letter: in one transaction it takes the next number, renders the PDF with that
 * number, stores the bytes with their SHA-256 and records `letter.issued`. A failure anywhere rolls
 * the number back with the rest, so the series stays without gaps. The PDF must carry its number, so
 * it is rendered inside the transaction (CPU only, some tens of milliseconds), holding the series'
 * counter row meanwhile: issuers of one series take turns, other series and offices do not wait.
 */
export function issueLetter(db: Db, actor: Actor, input: IssueLetterInput): Promise<LetterRow> {
  return db.transaction((tx) => issueLetterIn(tx, actor, input));
}

/** issueLetter inside a caller's transaction, so a letter and the step it records commit together. */
export async function issueLetterIn(tx: Tx, actor: Actor, given: IssueLetterInput): Promise<LetterRow> {
  const input = { ...given, blocks: given.blocks.map(withLineFeeds) };
  const problems = inputProblems(input);
  if (Object.keys(problems).length > 0) throw invalid(problems);
  const verifyCode = newVerifyCode();
  const office = await officeById(tx, input.officeId);
  if (!office) throw notFound(text('Kantor tidak ditemukan.', 'Office not found.'));
  const unprintable = unprintableProblems(office, input);
  if (Object.keys(unprintable).length > 0) throw invalid(unprintable);
  const issuedOn = todayIn(office.timeZone, input.now);
  const year = Number(issuedOn.slice(0, 4));
  const seq = await nextValue(tx, office.id, input.series, year);
  const number = formatNumber(input.pattern, { seq, year, month: Number(issuedOn.slice(5, 7)), code: office.code, series: input.series });
  const pdf = await renderLetterPdf({
    // An office that has not set its letterhead yet still heads its letters with its name.
    office: { ...office, letterheadLines: office.letterheadLines.length > 0 ? office.letterheadLines : [office.name] },
    number,
    issuedOn,
    subject: input.subject,
    addressee: input.addressee,
    blocks: input.blocks,
    signer: input.signer,
    verification: { url: verificationUrl(input.baseUrl, verifyCode), code: verifyCode },
  });
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const [row] = await tx
    .insert(letters)
    .values({
      officeId: office.id,
      kind: input.kind,
      number,
      issuedOn,
      subject: input.subject,
      signerName: input.signer.name,
      signerPosition: input.signer.position,
      sha256,
      verifyCode,
      pdf,
      subjectType: input.subjectType,
      subjectId: String(input.subjectId),
    })
    .returning();
  if (!row) throw new Error('letter insert returned no row');
  await recordEvent(tx, actor, {
    officeId: office.id,
    action: 'letter.issued',
    subjectType: 'letter',
    subjectId: row.id,
    after: { number, kind: row.kind, issuedOn, subject: row.subject, signer: input.signer, sha256, about: { type: row.subjectType, id: row.subjectId } },
  });
  return row;
}

/** What the public verification page shows: never the PDF, which may hold personal data. */
export interface LetterFacts {
  readonly number: string;
  readonly issuedOn: string;
  readonly subject: string;
  readonly signerName: string;
  readonly signerPosition: string;
  readonly sha256: string;
  readonly officeName: string;
  readonly officeSlug: string;
}

export async function letterByVerifyCode(exec: Executor, code: string): Promise<LetterFacts | undefined> {
  const normalised = normaliseVerifyCode(code);
  if (!normalised) return undefined;
  const [row] = await exec
    .select({
      number: letters.number,
      issuedOn: letters.issuedOn,
      subject: letters.subject,
      signerName: letters.signerName,
      signerPosition: letters.signerPosition,
      sha256: letters.sha256,
      officeName: offices.name,
      officeSlug: offices.slug,
    })
    .from(letters)
    .innerJoin(offices, eq(offices.id, letters.officeId))
    .where(eq(letters.verifyCode, normalised));
  return row;
}
