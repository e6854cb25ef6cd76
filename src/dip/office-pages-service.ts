import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../db/client.ts';
import { officeDocuments, officePages } from '../db/schema.ts';
import { recordEvent, type Actor } from '../kernel/audit/store.ts';
import { checkFile, fileTypeProblem, type Finding } from '../kernel/checker/index.ts';
import { forbidden, invalid, notFound } from '../kernel/errors.ts';
import { t, text, type Text } from '../kernel/i18n.ts';
import { MAX_FILE_BYTES, type UploadedFile } from '../kernel/uploads.ts';
import { staffById, type OfficeScope } from '../offices/store.ts';

/**
 * The office's public pages that its admin writes (PPID profile, maklumat pelayanan, service hours
 * and costs, the introductions to procedures and regulations) and the PDF documents beside them.
 * Each change is one transaction with its audit event.
 */

export const PAGE_KINDS = ['profile', 'charter', 'service', 'procedures_intro', 'regulations_intro'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];
export const isPageKind = (value: unknown): value is PageKind => typeof value === 'string' && (PAGE_KINDS as readonly string[]).includes(value);

/** A decree is the SK appointing the PPID: the Komisi Informasi's monev asks for it (src/monev/rules.ts). */
export const DOCUMENT_KINDS = ['procedure', 'regulation', 'decree'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const isDocumentKind = (value: unknown): value is DocumentKind => typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);

/** A page is plain text; 20 000 characters is several printed pages, more than a charter needs. */
export const MAX_PAGE_CHARS = 20_000;
const MAX_TITLE_CHARS = 300;

/** Findings that stop a document until the admin gives a reason: personal numbers, or a file the checker could not read through. */
const BLOCKING_FINDINGS: ReadonlySet<Finding['kind']> = new Set(['nik', 'unreadable', 'incomplete']);

// ---------------------------------------------------------------------------------------------------
// Reads

export interface PageRow {
  readonly kind: PageKind;
  readonly body: string;
  readonly updatedAt: Date;
}

export async function pagesOf(exec: Executor, officeId: number): Promise<Map<PageKind, PageRow>> {
  const rows = await exec.select({ kind: officePages.kind, body: officePages.body, updatedAt: officePages.updatedAt }).from(officePages).where(eq(officePages.officeId, officeId));
  return new Map(rows.filter((r) => isPageKind(r.kind)).map((r) => [r.kind as PageKind, { ...r, kind: r.kind as PageKind }]));
}

export async function pageOf(exec: Executor, officeId: number, kind: PageKind): Promise<PageRow | undefined> {
  const [row] = await exec
    .select({ body: officePages.body, updatedAt: officePages.updatedAt })
    .from(officePages)
    .where(and(eq(officePages.officeId, officeId), eq(officePages.kind, kind)));
  return row && row.body ? { kind, ...row } : undefined;
}

/** A document's facts without its bytes. */
const DOCUMENT_FACTS = {
  id: officeDocuments.id,
  kind: officeDocuments.kind,
  title: officeDocuments.title,
  name: officeDocuments.name,
  size: officeDocuments.size,
  sha256: officeDocuments.sha256,
  createdAt: officeDocuments.createdAt,
};

export function documentsOf(exec: Executor, officeId: number, kind?: DocumentKind) {
  return exec
    .select(DOCUMENT_FACTS)
    .from(officeDocuments)
    .where(and(eq(officeDocuments.officeId, officeId), kind ? eq(officeDocuments.kind, kind) : undefined))
    .orderBy(asc(officeDocuments.kind), asc(officeDocuments.title), asc(officeDocuments.id));
}

/** One document of an office and kind, with its bytes, or undefined. */
export async function documentOf(exec: Executor, officeId: number, kind: DocumentKind, id: number) {
  const [row] = await exec
    .select({ name: officeDocuments.name, mediaType: officeDocuments.mediaType, content: officeDocuments.content })
    .from(officeDocuments)
    .where(and(eq(officeDocuments.id, id), eq(officeDocuments.officeId, officeId), eq(officeDocuments.kind, kind)));
  return row;
}

// ---------------------------------------------------------------------------------------------------
// Changes

/** The signed-in office admin of this office (or a system admin), or a refusal. */
async function officeAdmin(tx: Tx, actor: Actor, scope: OfficeScope): Promise<void> {
  if (actor.staffId === null) throw forbidden();
  const person = await staffById(tx, actor.staffId);
  if (!person?.active) throw forbidden();
  if (person.roles.includes('system_admin')) return;
  if (person.officeId !== scope.officeId || !person.roles.includes('office_admin')) throw forbidden(text('Hanya Admin Kantor yang mengubah halaman publik.', 'Only the office admin edits the public pages.'));
}

/** Line ends as LF, no trailing spaces on lines, no blank lines at either end. */
export function normaliseBody(body: string): string {
  return body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/u, ''))
    .join('\n')
    .trim();
}

/**
 * Saves the page texts given (an empty text empties the page). Only pages whose text changed are
 * written, each with an 'office.page_updated' event holding the old and new text.
 */
export async function savePages(db: Db, actor: Actor, scope: OfficeScope, bodies: Partial<Record<PageKind, string>>): Promise<PageKind[]> {
  const problems: Record<string, Text> = {};
  const wanted = new Map<PageKind, string>();
  for (const [kind, raw] of Object.entries(bodies)) {
    if (!isPageKind(kind) || raw === undefined) continue;
    const body = normaliseBody(raw);
    if (body.length > MAX_PAGE_CHARS) {
      problems[kind] = text(`Paling panjang ${MAX_PAGE_CHARS.toLocaleString('id-ID')} karakter; kini ${body.length.toLocaleString('id-ID')}.`, `At most ${MAX_PAGE_CHARS.toLocaleString('en')} characters; now ${body.length.toLocaleString('en')}.`);
    } else wanted.set(kind, body);
  }
  if (Object.keys(problems).length > 0) throw invalid(problems);
  return db.transaction(async (tx) => {
    await officeAdmin(tx, actor, scope);
    const current = await pagesOf(tx, scope.officeId);
    const changed: PageKind[] = [];
    for (const [kind, body] of wanted) {
      const before = current.get(kind)?.body ?? '';
      if (before === body) continue;
      await tx
        .insert(officePages)
        .values({ officeId: scope.officeId, kind, body, updatedBy: actor.staffId, updatedAt: new Date() })
        .onConflictDoUpdate({ target: [officePages.officeId, officePages.kind], set: { body, updatedBy: actor.staffId, updatedAt: new Date() } });
      await recordEvent(tx, actor, { officeId: scope.officeId, action: 'office.page_updated', subjectType: 'office_page', subjectId: kind, before: { body: before }, after: { body } });
      changed.push(kind);
    }
    return changed;
  });
}

export interface DocumentInput {
  readonly kind: string;
  readonly title: string;
  readonly file: UploadedFile | undefined;
  /** Why a document with blocking findings may still be published; empty when there is none. */
  readonly overrideReason: string;
}

const findingsList = (findings: readonly Finding[], lang: 'id' | 'en') =>
  findings
    .slice(0, 5)
    .map((f) => t(lang, f.message))
    .join(' ');

/**
 * Publishes a PDF beside the procedures, regulations or profile (SK PPID) page. The file is judged by its content, and
 * the shared checker reads it: a NIK-like number (or a part it could not read) refuses it unless the
 * admin states why it may be published anyway; the reason goes on the audit record.
 */
export async function addDocument(db: Db, actor: Actor, scope: OfficeScope, input: DocumentInput): Promise<number> {
  const problems: Record<string, Text> = {};
  if (!isDocumentKind(input.kind)) problems.kind = text('Pilih jenis dokumen.', 'Choose the kind of document.');
  const title = input.title.trim();
  if (!title) problems.title = text('Judul dokumen wajib diisi.', 'The title is required.');
  else if (title.length > MAX_TITLE_CHARS) problems.title = text(`Paling panjang ${MAX_TITLE_CHARS} karakter.`, `At most ${MAX_TITLE_CHARS} characters.`);
  const reason = input.overrideReason.trim();
  if (reason.length > 2000) problems.overrideReason = text('Paling panjang 2000 karakter.', 'At most 2000 characters.');
  const file = input.file;
  if (!file) problems.file = text('Pilih berkas PDF dokumennya.', 'Choose the PDF file.');
  else if (file.truncated) problems.file = text(`Berkas "${file.name}" melebihi batas ${MAX_FILE_BYTES / (1024 * 1024)} MB.`, `The file "${file.name}" is over the ${MAX_FILE_BYTES / (1024 * 1024)} MB limit.`);
  else {
    const problem = fileTypeProblem(file.bytes, file.name, MAX_FILE_BYTES, ['pdf']);
    if (problem) problems.file = problem;
  }
  if (Object.keys(problems).length > 0 || !file) throw invalid(problems);
  const report = await checkFile(file.bytes, file.name);
  const blocking = report.findings.filter((f) => BLOCKING_FINDINGS.has(f.kind));
  if (blocking.length > 0 && reason.length < 10) {
    throw invalid({
      file: text(
        `Pemeriksa menemukan hal yang tidak boleh terbit tanpa pertimbangan: ${findingsList(blocking, 'id')} Perbaiki berkasnya, atau tuliskan alasan tetap menerbitkannya lalu pilih berkasnya lagi.`,
        `The checker found what may not be published without a decision: ${findingsList(blocking, 'en')} Fix the file, or write why it may be published anyway and choose the file again.`,
      ),
      overrideReason: text('Tuliskan alasan tetap menerbitkan dokumen ini (paling sedikit 10 karakter).', 'Write why this document may be published anyway (at least 10 characters).'),
    });
  }
  const name = file.name.split(/[\\/]/).pop()!.slice(-150) || 'dokumen.pdf';
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  return db.transaction(async (tx) => {
    await officeAdmin(tx, actor, scope);
    const [row] = await tx
      .insert(officeDocuments)
      .values({ officeId: scope.officeId, kind: input.kind, title, name, mediaType: 'application/pdf', size: file.bytes.length, sha256, content: file.bytes, uploadedBy: actor.staffId })
      .returning({ id: officeDocuments.id });
    await recordEvent(tx, actor, {
      officeId: scope.officeId,
      action: 'office.document_added',
      subjectType: 'office_document',
      subjectId: row!.id,
      after: {
        kind: input.kind,
        title,
        name,
        size: file.bytes.length,
        sha256,
        findings: report.findings.map((f) => ({ kind: f.kind, location: f.location, excerpt: f.excerpt })),
        overrideReason: blocking.length > 0 ? reason : '',
      },
    });
    return row!.id;
  });
}

export async function removeDocument(db: Db, actor: Actor, scope: OfficeScope, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    await officeAdmin(tx, actor, scope);
    const [row] = await tx
      .select({ id: officeDocuments.id, kind: officeDocuments.kind, title: officeDocuments.title, name: officeDocuments.name, sha256: officeDocuments.sha256 })
      .from(officeDocuments)
      .where(and(eq(officeDocuments.id, id), eq(officeDocuments.officeId, scope.officeId)))
      .for('update');
    if (!row) throw notFound(text('Dokumen tidak ditemukan.', 'Document not found.'));
    await tx.delete(officeDocuments).where(eq(officeDocuments.id, id));
    await recordEvent(tx, actor, { officeId: scope.officeId, action: 'office.document_removed', subjectType: 'office_document', subjectId: id, before: { kind: row.kind, title: row.title, name: row.name, sha256: row.sha256 } });
  });
}
