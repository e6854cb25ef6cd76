import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isIsoDay } from '../calendar/rules.ts';
import type { Db } from '../db/client.ts';
import { dipEditions, offices } from '../db/schema.ts';
import { recordEvent } from '../kernel/audit/store.ts';
import { AppError, invalid, isAppError, notFound } from '../kernel/errors.ts';
import { text, type Text } from '../kernel/i18n.ts';
import { todayIn } from '../offices/portal.tsx';
import { officeById } from '../offices/store.ts';
import { roles } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { actorOf, currentStaff, hasRole, pathId, redirectWithNotice, scopeFor, sendAttachment, sendHtml, staffOffice } from '../web/context.ts';
import { formBody, type FormState, str, typed } from '../web/forms.tsx';
import { pageContext } from '../web/layout.tsx';
import {
  DIK_NOTICES,
  DikFormPage,
  DikPage,
  EDITION_NOTICES,
  EditionListPage,
  EditionPage,
  RecapPage,
  type DikData,
  type EditionData,
  type EditionFacts,
  type StepState,
} from './desk-editions-views.tsx';
import { checkRecapMonth, recapBook, recapPdf, recapXlsx, XLSX_TYPE } from './recap.ts';
import { checkEditionTransition, diffEditions, dikInForce, DIK_LABELS, EDITION_ACTIONS, isCategory, isEditionStatus, PUBLIC_CATEGORIES, type DikForm, type EditionAction, type Snapshot } from './rules.ts';
import { addDikEntry, createEdition, decideDikProposal, establishEdition, itemReadiness, orderEdition, returnEdition, submitEdition } from './service.ts';
import { dikEntriesFor, editionSnapshots, filesOfItems, itemsOf, officeAndAncestors, type DikEntryRow } from './store.ts';

/**
 * The desk's routes for SOP 000 steps 3–5 and the buku rekap informasi: the DIK (/desk/dik), the DIP
 * editions with their SK, review and order (/desk/dip/edisi), and the recap book with its XLSX and
 * PDF (/desk/dip/rekap). Every read and step is in the staff member's own office; who may take which
 * edition step is the transition table's business (rules.ts EDITION_TRANSITIONS), so a refused step
 * comes back to its page with the table's reason.
 */

const DIK_VIEW = roles('ppid', 'atasan_ppid', 'information_provider');
const DIK_EDIT = roles('ppid');
const EDITIONS = roles('ppid', 'atasan_ppid');
const page = { hide: true };

const NOTICES: Record<string, Text> = { ...DIK_NOTICES, ...EDITION_NOTICES };

type Body = Record<string, string | string[]>;

function param(request: FastifyRequest, key: string): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value.slice(0, 100) : undefined;
}

/** A refusal the page can show (a step not allowed, a conflict, a form to fix); anything else is not ours to show. */
function stateOf(error: unknown, key: string, body: Body): { state: StepState; status: number } {
  if (!isAppError(error) || ![403, 409, 422].includes(error.status)) throw error;
  return { state: { key, form: { values: typed(body), errors: error.fields, summary: error.text } }, status: error.status };
}

// ---------------------------------------------------------------------------------------------------
// Edition reads without the SK's bytes (the list would otherwise load every signed PDF)

const EDITION_FACTS = {
  id: dipEditions.id,
  number: dipEditions.number,
  status: dipEditions.status,
  skNumber: dipEditions.skNumber,
  skDate: dipEditions.skDate,
  hasSkPdf: sql<boolean>`${dipEditions.skPdf} IS NOT NULL`,
  reviewNote: dipEditions.reviewNote,
  submittedAt: dipEditions.submittedAt,
  reviewedAt: dipEditions.reviewedAt,
  orderedAt: dipEditions.orderedAt,
  createdAt: dipEditions.createdAt,
};

async function editionFacts(db: Db, officeId: number, id: number): Promise<EditionFacts | undefined> {
  const [row] = await db.select(EDITION_FACTS).from(dipEditions).where(and(eq(dipEditions.id, id), eq(dipEditions.officeId, officeId)));
  return row && { ...row, hasSkPdf: Boolean(row.hasSkPdf) };
}

async function editionList(db: Db, officeId: number): Promise<EditionFacts[]> {
  const rows = await db.select(EDITION_FACTS).from(dipEditions).where(eq(dipEditions.officeId, officeId)).orderBy(desc(dipEditions.number));
  return rows.map((r) => ({ ...r, hasSkPdf: Boolean(r.hasSkPdf) }));
}

/** The edition an edition is compared with: the last one ordered uploaded before it. */
async function previousOrdered(db: Db, officeId: number, number: number): Promise<{ id: number; number: number } | undefined> {
  const [row] = await db
    .select({ id: dipEditions.id, number: dipEditions.number })
    .from(dipEditions)
    .where(and(eq(dipEditions.officeId, officeId), eq(dipEditions.status, 'ordered'), lt(dipEditions.number, number)))
    .orderBy(desc(dipEditions.number))
    .limit(1);
  return row;
}

/** An edition's snapshots without their table position: renumbering after a withdrawal is not a change of the item. */
async function snapshotsOf(db: Db, editionId: number): Promise<{ rows: EditionData['entries']; byItem: Map<number, Snapshot> }> {
  const map = await editionSnapshots(db, editionId);
  const rows = [...map].map(([itemId, { position, ...snapshot }]) => ({ itemId, position, snapshot }));
  return { rows, byItem: new Map(rows.map((r) => [r.itemId, r.snapshot])) };
}

export async function dipEditionRoutes(app: App, { database, config }: AppDeps): Promise<void> {
  const db = database.db;
  const ctxService = { baseUrl: config.baseUrl };

  // ------------------------------------------------------------------------------------ the DIK

  async function dikData(request: FastifyRequest): Promise<DikData> {
    const office = await staffOffice(db, request);
    const chain = await officeAndAncestors(db, office.id);
    const entries = await dikEntriesFor(db, chain);
    const proposers = [...new Set(entries.map((e) => e.proposedByOfficeId).filter((id): id is number => id !== null))];
    const named = new Map((await db.select({ id: offices.id, name: offices.name, level: offices.level }).from(offices).where(inArray(offices.id, [...chain, ...proposers]))).map((o) => [o.id, o]));
    const nameOf = (id: number | null) => (id === null ? '' : (named.get(id)?.name ?? ''));
    const origin = (entry: DikEntryRow): Text => {
      if (entry.officeId === office.id) {
        return entry.proposedByOfficeId === null ? text('Ditetapkan kantor ini', 'Set by this office') : text(`Usulan ${nameOf(entry.proposedByOfficeId)}, diterima kantor ini`, `Proposed by ${nameOf(entry.proposedByOfficeId)}, accepted by this office`);
      }
      const owner = named.get(entry.officeId);
      if (entry.proposedByOfficeId === office.id) return text(`Usulan kantor ini, diterima ${nameOf(entry.officeId)}`, `This office's proposal, accepted by ${nameOf(entry.officeId)}`);
      if (owner?.level === 'ri') return text('Ditetapkan KPU RI; berlaku untuk semua tingkat', 'Set by KPU RI; applies at every level');
      return text(`Diwarisi dari ${owner?.name ?? ''}`, `Inherited from ${owner?.name ?? ''}`);
    };
    const me = currentStaff(request);
    return {
      office,
      inForce: dikInForce(entries, chain, todayIn(office.timeZone)).map((entry) => ({ entry, origin: origin(entry) })),
      proposals: entries.filter((e) => e.proposedByOfficeId === office.id).map((entry) => ({ entry, to: nameOf(entry.officeId) })),
      waiting: office.level === 'regency' ? undefined : entries.filter((e) => e.officeId === office.id && e.status === 'proposed').map((entry) => ({ entry, from: nameOf(entry.proposedByOfficeId) })),
      isPpid: hasRole(me, 'ppid'),
    };
  }

  async function dikPage(request: FastifyRequest, reply: FastifyReply, state?: StepState, status = 200) {
    const ctx = pageContext(request, reply, NOTICES);
    return sendHtml(reply, <DikPage ctx={ctx} data={await dikData(request)} state={state} />, status);
  }

  app.get('/desk/dik', { config: { access: DIK_VIEW }, schema: page }, async (request, reply) => dikPage(request, reply));

  async function dikFormPage(request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) {
    const ctx = pageContext(request, reply, NOTICES);
    const office = await staffOffice(db, request);
    const parent = office.parentId === null ? undefined : await officeById(db, office.parentId);
    return sendHtml(reply, <DikFormPage ctx={ctx} office={office} parentName={parent?.name} form={form} />, status);
  }

  app.get('/desk/dik/baru', { config: { access: DIK_EDIT }, schema: page }, async (request, reply) => dikFormPage(request, reply, { values: {}, errors: {} }));

  app.post('/desk/dik/baru', { config: { access: DIK_EDIT }, schema: page }, async (request, reply) => {
    const body = formBody(request.body);
    const form = Object.fromEntries((Object.keys(DIK_LABELS) as (keyof DikForm)[]).map((key) => [key, str(body, key)])) as Record<keyof DikForm, string>;
    try {
      const added = await addDikEntry(db, actorOf(request), scopeFor(request), form, ctxService);
      return redirectWithNotice(reply, '/desk/dik', added.status === 'proposed' ? 'dik_proposed' : 'dik_added');
    } catch (error) {
      const { state, status } = stateOf(error, 'dik', body);
      return dikFormPage(request, reply, state.form, status);
    }
  });

  app.post<{ Params: { id: string } }>('/desk/dik/usulan/:id', { config: { access: DIK_EDIT }, schema: page }, async (request, reply) => {
    const id = pathId(request.params.id);
    const body = formBody(request.body);
    const decision = str(body, 'decision');
    try {
      if (decision !== 'accept' && decision !== 'reject') throw invalid({}, text('Pilih terima atau tolak untuk usulan ini.', 'Choose accept or reject for this proposal.'));
      await decideDikProposal(db, actorOf(request), scopeFor(request), id, decision === 'accept');
      return redirectWithNotice(reply, '/desk/dik', decision === 'accept' ? 'dik_accepted' : 'dik_rejected');
    } catch (error) {
      if (isAppError(error) && error.status === 404) throw error;
      const { state, status } = stateOf(error, 'decide', body);
      return dikPage(request, reply, state, status);
    }
  });

  // ------------------------------------------------------------------------------------ editions

  async function editionListPage(request: FastifyRequest, reply: FastifyReply, state?: StepState, status = 200) {
    const ctx = pageContext(request, reply, NOTICES);
    const office = await staffOffice(db, request);
    const editions = await editionList(db, office.id);
    return sendHtml(reply, <EditionListPage ctx={ctx} office={office} editions={editions} mayCreate={hasRole(currentStaff(request), 'ppid')} state={state} />, status);
  }

  app.get('/desk/dip/edisi', { config: { access: EDITIONS }, schema: page }, async (request, reply) => editionListPage(request, reply));

  app.post('/desk/dip/edisi', { config: { access: EDITIONS }, schema: page }, async (request, reply) => {
    try {
      const id = await createEdition(db, actorOf(request), scopeFor(request));
      return redirectWithNotice(reply, `/desk/dip/edisi/${id}`, 'edition_created');
    } catch (error) {
      const { state, status } = stateOf(error, 'create', {});
      return editionListPage(request, reply, state, status);
    }
  });

  async function editionPage(request: FastifyRequest, reply: FastifyReply, id: number, state?: StepState, httpStatus = 200) {
    const office = await staffOffice(db, request);
    const edition = await editionFacts(db, office.id, id);
    if (!edition) throw notFound(text('Edisi DIP tidak ditemukan.', 'DIP edition not found.'));
    const me = currentStaff(request);
    const current = await snapshotsOf(db, edition.id);
    let diff: EditionData['diff'];
    if (current.rows.length > 0) {
      const previous = await previousOrdered(db, office.id, edition.number);
      const before = previous ? (await snapshotsOf(db, previous.id)).byItem : new Map<number, Snapshot>();
      const d = diffEditions(before, current.byItem);
      const title = (map: ReadonlyMap<number, Snapshot>, itemId: number) => map.get(itemId)?.title ?? '';
      diff = {
        previous,
        added: d.added.map((itemId) => ({ itemId, title: title(current.byItem, itemId) })),
        changed: [...d.changed].map(([itemId, fields]) => ({
          itemId,
          title: title(current.byItem, itemId),
          fields: fields.map((field) => ({ field, before: before.get(itemId)?.[field], after: current.byItem.get(itemId)?.[field] })),
        })),
        withdrawn: d.withdrawn.map((itemId) => ({ itemId, title: title(before, itemId) })),
      };
    }
    let pending: EditionData['pending'];
    if (edition.status === 'draft' || edition.status === 'returned') {
      const items = (await itemsOf(db, { officeId: office.id }, { status: 'classified' })).filter(({ item: { category } }) => isCategory(category) && PUBLIC_CATEGORIES.includes(category));
      const files = await filesOfItems(db, items.map((r) => r.item.id));
      pending = items.map(({ item, unitName }) => ({
        itemId: item.id,
        title: item.title,
        category: item.category,
        unitName,
        why: itemReadiness(item, files.filter((f) => f.itemId === item.id)),
      }));
    }
    const status = edition.status;
    const actions: EditionAction[] = isEditionStatus(status) ? EDITION_ACTIONS.filter((a) => checkEditionTransition(a, status, me.roles).ok) : [];
    const ctx = pageContext(request, reply, NOTICES);
    return sendHtml(reply, <EditionPage ctx={ctx} data={{ office, edition, entries: current.rows, diff, pending, actions }} state={state} />, httpStatus);
  }

  app.get<{ Params: { id: string } }>('/desk/dip/edisi/:id', { config: { access: EDITIONS }, schema: page }, async (request, reply) => editionPage(request, reply, pathId(request.params.id)));

  app.get<{ Params: { id: string } }>('/desk/dip/edisi/:id/sk.pdf', { config: { access: EDITIONS }, schema: page }, async (request, reply) => {
    const [row] = await db
      .select({ number: dipEditions.number, skPdf: dipEditions.skPdf })
      .from(dipEditions)
      .where(and(eq(dipEditions.id, pathId(request.params.id)), eq(dipEditions.officeId, scopeFor(request).officeId)));
    if (!row?.skPdf) throw notFound(text('Berkas SK tidak ditemukan.', 'Decision file not found.'));
    return sendAttachment(reply, `sk-ppid-dip-edisi-${row.number}.pdf`, 'application/pdf', Buffer.from(row.skPdf));
  });

  /**
   * Refuses a step the transition table does not allow before its form is judged, so a person who may
   * not take it hears why rather than which fields are wrong; the service checks again in its transaction.
   */
  async function mayTake(request: FastifyRequest, id: number, action: EditionAction): Promise<EditionFacts> {
    const edition = await editionFacts(db, scopeFor(request).officeId, id);
    if (!edition || !isEditionStatus(edition.status)) throw notFound(text('Edisi DIP tidak ditemukan.', 'DIP edition not found.'));
    const check = checkEditionTransition(action, edition.status, currentStaff(request).roles);
    if (!check.ok) throw new AppError(check.status, check.status === 403 ? 'forbidden' : 'conflict', check.reason);
    return edition;
  }

  function step(path: string, action: EditionAction, notice: string, run: (request: FastifyRequest, id: number, body: Body, edition: EditionFacts) => Promise<unknown>) {
    app.post<{ Params: { id: string } }>(`/desk/dip/edisi/:id/${path}`, { config: { access: EDITIONS }, schema: page }, async (request, reply) => {
      const id = pathId(request.params.id);
      const body = formBody(request.body);
      try {
        const edition = await mayTake(request, id, action);
        await run(request, id, body, edition);
        return redirectWithNotice(reply, `/desk/dip/edisi/${id}`, notice);
      } catch (error) {
        if (isAppError(error) && error.status === 404) throw error;
        const { state, status } = stateOf(error, action, body);
        return editionPage(request, reply, id, state, status);
      }
    });
  }

  step('tetapkan', 'establish', 'edition_established', async (request, id, body, edition) => {
    const skNumber = str(body, 'skNumber');
    const skDate = str(body, 'skDate');
    const skPdf = request.uploads.find((u) => u.role === 'skPdf');
    // The first establishment needs the signed SK itself; a later one may keep the file already given.
    if (!skPdf && !edition.hasSkPdf) {
      throw invalid({
        ...(skNumber ? {} : { skNumber: text('Isi nomor SK PPID penetapan DIP.', 'Give the number of the PPID decision establishing the DIP.') }),
        ...(isIsoDay(skDate) ? {} : { skDate: text('Isi tanggal SK (TTTT-BB-HH).', 'Give the date of the decision (YYYY-MM-DD).') }),
        skPdf: text('Unggah SK yang sudah ditandatangani, berkas PDF.', 'Upload the signed decision as a PDF file.'),
      });
    }
    await establishEdition(db, actorOf(request), scopeFor(request), id, { skNumber, skDate, skPdf }, ctxService);
  });
  step('ajukan', 'submit', 'edition_submitted', (request, id) => submitEdition(db, actorOf(request), scopeFor(request), id, ctxService));
  step('perintah', 'order', 'edition_ordered', (request, id) => orderEdition(db, actorOf(request), scopeFor(request), id));
  step('kembalikan', 'return', 'edition_returned', (request, id, body) => returnEdition(db, actorOf(request), scopeFor(request), id, str(body, 'note')));

  // ------------------------------------------------------------------------------------ the recap book

  app.get('/desk/dip/rekap', { config: { access: EDITIONS }, schema: page }, async (request, reply) => {
    const ctx = pageContext(request, reply);
    const office = await staffOffice(db, request);
    const raw = param(request, 'bulan') ?? '';
    const checked = checkRecapMonth(raw);
    if (!checked.ok) return sendHtml(reply, <RecapPage ctx={ctx} office={office} form={{ values: { bulan: raw }, errors: { bulan: checked.problem } }} book={undefined} />, 422);
    const book = await recapBook(db, office, checked.month);
    return sendHtml(reply, <RecapPage ctx={ctx} office={office} form={{ values: { bulan: checked.month ?? '' }, errors: {} }} book={book} />);
  });

  for (const format of ['xlsx', 'pdf'] as const) {
    app.get(`/desk/dip/rekap.${format}`, { config: { access: EDITIONS }, schema: page }, async (request, reply) => {
      const office = await staffOffice(db, request);
      const checked = checkRecapMonth(param(request, 'bulan') ?? '');
      if (!checked.ok) throw invalid({ bulan: checked.problem }, checked.problem);
      const book = await recapBook(db, office, checked.month);
      // Taking a copy of the book is itself a step of the book.
      await db.transaction((tx) =>
        recordEvent(tx, actorOf(request), { officeId: office.id, action: 'dip.recap_exported', subjectType: 'office', subjectId: office.id, after: { format, month: checked.month, lines: book.lines.length } }),
      );
      const input = { office, lang: request.lang, book, baseUrl: config.baseUrl, generatedAt: new Date(), generatedBy: currentStaff(request).name };
      const name = `buku-rekap-informasi_${checked.month ?? 'semua'}`;
      return format === 'xlsx' ? sendAttachment(reply, `${name}.xlsx`, XLSX_TYPE, await recapXlsx(input)) : sendAttachment(reply, `${name}.pdf`, 'application/pdf', await recapPdf(input));
    });
  }
}
