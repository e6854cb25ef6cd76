import { parseLocalDateTime } from '../calendar/rules.ts';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { loadOfficeCalendar } from '../calendar/store.ts';
import type { Executor } from '../db/client.ts';
import { auditEvents } from '../db/schema.ts';
import { recordEvent } from '../kernel/audit/store.ts';
import { AppError, isAppError, notFound } from '../kernel/errors.ts';
import { text, type Text } from '../kernel/i18n.ts';
import { todayIn } from '../offices/portal.tsx';
import { staffById } from '../offices/store.ts';
import { checkUploads, fileSafe, INTAKE_TYPES, newSubmissionKey, stagedFiles, stageUploads } from '../requests/service.ts';
import { deadlineRows, requestInScope } from '../requests/store.ts';
import { roles } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { actorOf, currentStaff, pathId, redirectWithNotice, scopeFor, sendAttachment, sendHtml, staffOffice } from '../web/context.ts';
import { formBody, list, renameFields, str, typed, type FormState, type StagedView } from '../web/forms.tsx';
import { pageContext } from '../web/layout.tsx';
import { FilingPage, ObjectionPage, objectionSteps, type ObjectionActionState } from './desk-views.tsx';
import { checkObjectionForm, checkObjectionTransition, isDecisionAction, isGround, OBJECTION_FILE_ROLES, type ObjectionAction, type ObjectionFileRole, type ObjectionForm, type ObjectionStatus } from './rules.ts';
import { decideObjection, decisionLetterOf, DuplicateObjection, fileObjection, objectionReceipt, recordResponse, requestOfObjection, suggestedGrounds, withdrawObjection } from './service.ts';
import { caseFileInScope, disputeOfObjection, filesOfObjection, objectionInScope, objectionsOfRequest, type ObjectionRow } from './store.ts';

/**
 * The desk's routes for objections (keberatan, DOMAIN.md §6): filing one for an applicant at the desk,
 * one objection with the Atasan PPID's decision, a withdrawal and the applicant's reaction, and its
 * receipt, letter and files. Who may take each step is the transition table's business (rules.ts); the
 * page shows only the steps it allows and, when the service still refuses one, shows why.
 */

const OBJECTION_PAGES = roles('desk_officer', 'ppid', 'atasan_ppid');
const page = { hide: true };

const NOTICES: Record<string, Text> = {
  objection_filed: text(
    'Keberatan dicatat dan diberi nomor. Cetak tanda bukti dan serahkan kepada pemohon; bila pemohon memberikan e-mail, tanda bukti juga dikirim ke sana.',
    'The objection is recorded and numbered. Print the receipt and give it to the applicant; if the applicant gave an e-mail address, the receipt was sent there too.',
  ),
  objection_duplicate: text('Formulir ini sudah pernah dikirim; inilah keberatan yang dibuatnya.', 'This form was sent before; this is the objection it made.'),
  decided: text(
    'Tanggapan Atasan PPID terbit. Suratnya dikirim ke e-mail pemohon bila ada; bila tidak, cetak dan sampaikan suratnya.',
    "The Atasan PPID's decision is issued. Its letter went to the applicant's e-mail if there is one; if not, print and send the letter.",
  ),
  overturned: text(
    'Tanggapan Atasan PPID terbit; permohonan dibuka kembali dengan batas waktu baru dan PPID diberi tahu.',
    "The Atasan PPID's decision is issued; the request reopens with a new deadline and the PPID is told.",
  ),
  withdrawn: text('Pencabutan keberatan dicatat; jam tanggapan dihentikan.', 'The withdrawal is recorded; the answer clock stopped.'),
  responded: text('Sikap pemohon atas tanggapan dicatat.', "The applicant's reaction is recorded."),
};

type Body = Record<string, string | string[]>;

const FORM_FIELDS = ['description', 'proxyName', 'proxyAddress', 'proxyPhone', 'lateReason'] as const;
const SUBMISSION_KEY = /^[A-Za-z0-9_-]{16,64}$/;

function isFileRole(role: string): role is ObjectionFileRole {
  return (OBJECTION_FILE_ROLES as readonly string[]).includes(role);
}

/** Service field → form field, per step: the forms on one page need names of their own. */
const FIELD_NAMES: Readonly<Record<ObjectionActionState['key'], Readonly<Record<string, string>>>> = {
  decide: {},
  withdraw: { note: 'withdraw_note' },
  respond: { note: 'response_note' },
};

/** The objection's own audit events, oldest first: its history on the page. */
function eventsOfObjection(db: Executor, objection: ObjectionRow) {
  return db
    .select({ at: auditEvents.at, action: auditEvents.action, actorLabel: auditEvents.actorLabel, after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.officeId, objection.officeId), eq(auditEvents.subjectType, 'objection'), eq(auditEvents.subjectId, String(objection.id))))
    .orderBy(asc(auditEvents.id));
}

export async function objectionDeskRoutes(app: App, { database, config }: AppDeps): Promise<void> {
  const db = database.db;
  const ctxService = { baseUrl: config.baseUrl };

  async function objectionOr404(request: FastifyRequest, id: number): Promise<ObjectionRow> {
    const objection = await objectionInScope(db, scopeFor(request), id);
    if (!objection) throw notFound(text('Keberatan tidak ditemukan.', 'Objection not found.'));
    return objection;
  }

  // ------------------------------------------------------------------------------------ filing

  /** The request the form is for, from ?permohonan=, in the staff member's office only. */
  async function requestOf(request: FastifyRequest<{ Querystring: Record<string, unknown> }>) {
    const raw = request.query.permohonan;
    const row = await requestInScope(db, scopeFor(request), pathId(typeof raw === 'string' ? raw : ''));
    if (!row) throw notFound(text('Permohonan tidak ditemukan.', 'Request not found.'));
    return row;
  }

  async function filingPage(
    request: FastifyRequest<{ Querystring: Record<string, unknown> }>,
    reply: FastifyReply,
    form: FormState | undefined,
    status = 200,
    duplicate?: Pick<ObjectionRow, 'id' | 'number'>,
    staged: readonly StagedView[] = [],
  ) {
    const row = await requestOf(request);
    const office = await staffOffice(db, request);
    const [suggestions, existing] = await Promise.all([suggestedGrounds(db, office, row), objectionsOfRequest(db, row.id)]);
    // A fresh form comes with the grounds the record supports already ticked.
    const shown = form ?? { values: { grounds: suggestions.map((s) => s.ground), submissionKey: newSubmissionKey() }, errors: {} };
    const ctx = pageContext(request, reply, NOTICES);
    if (status !== 200) reply.header('cache-control', 'no-store');
    return sendHtml(reply, <FilingPage ctx={ctx} office={office} request={row} suggestions={suggestions} existing={existing} form={shown} duplicate={duplicate} staged={staged} />, status);
  }

  app.get<{ Querystring: Record<string, unknown> }>('/desk/keberatan/baru', { config: { access: OBJECTION_PAGES }, schema: page }, async (request, reply) =>
    filingPage(request, reply, undefined),
  );

  app.post<{ Querystring: Record<string, unknown> }>('/desk/keberatan/baru', { config: { access: OBJECTION_PAGES }, schema: page }, async (request, reply) => {
    const row = await requestOf(request);
    const body = formBody(request.body);
    const groundList = list(body, 'grounds');
    const form: ObjectionForm = { ...(Object.fromEntries(FORM_FIELDS.map((f) => [f, str(body, f)])) as Record<(typeof FORM_FIELDS)[number], string>), grounds: groundList.join(','), groundList };
    const submissionKey = str(body, 'submissionKey');
    const { good, problems: fileProblems } = checkUploads(
      request.uploads.filter((u) => isFileRole(u.role)),
      INTAKE_TYPES,
    );
    const office = await staffOffice(db, request);
    const received = parseLocalDateTime(str(body, 'receivedAt'), office.timeZone);
    // Files kept from a form that came back (the same staging as the request form's), minus those dropped.
    const dropped = new Set(list(body, 'drop_staged'));
    const kept = await stagedFiles(db, office.id, list(body, 'staged').filter((token) => !dropped.has(token)));
    const files = [...good, ...kept.map((k) => k.file)];
    const keep = async () => [...kept.map((k) => ({ token: k.token, role: k.file.role, name: k.file.name })), ...(await stageUploads(db, office.id, good))];
    const values = {
      ...Object.fromEntries(FORM_FIELDS.map((f) => [f, form[f]])),
      receivedAt: str(body, 'receivedAt'),
      grounds: groundList.filter(isGround),
      submissionKey: SUBMISSION_KEY.test(submissionKey) ? submissionKey : newSubmissionKey(),
    };

    let errors: Record<string, Text>;
    let summary: Text | undefined;
    if (received === 'invalid') fileProblems.receivedAt = text('Isi tanggal dan jam diterima, misalnya 17/03/2026 09.30.', 'Give the date and time received, e.g. 17/03/2026 09:30.');
    if (Object.keys(fileProblems).length === 0) {
      try {
        const filed = await fileObjection(
          db,
          actorOf(request),
          { officeId: scopeFor(request).officeId, requestId: row.id, form, submissionKey, files, stagedTokens: kept.map((k) => k.token), ...(received instanceof Date ? { receivedAt: received } : {}) },
          ctxService,
        );
        return redirectWithNotice(reply, `/desk/keberatan/${filed.objection.id}`, filed.duplicate ? 'objection_duplicate' : 'objection_filed');
      } catch (error) {
        if (error instanceof DuplicateObjection) {
          const summary = text('Keberatan dengan alasan ini sudah ada', 'An objection on this ground already exists');
          return filingPage(request, reply, { values, errors: { grounds: error.text }, summary }, 409, error.existing, await keep());
        }
        if (!isAppError(error) || error.status !== 422) throw error;
        errors = { ...error.fields };
        summary = error.text;
      }
    } else {
      // A bad file is the page's to find; the form's own rules are told with it, so nothing is found one at a time.
      const counts: Partial<Record<ObjectionFileRole, number>> = {};
      for (const f of files) if (isFileRole(f.role)) counts[f.role] = (counts[f.role] ?? 0) + 1;
      const checked = checkObjectionForm(form, counts);
      errors = { ...(checked.ok ? {} : checked.problems), ...fileProblems };
    }
    return filingPage(request, reply, { values, errors, summary }, 422, undefined, await keep());
  });

  // ------------------------------------------------------------------------------------ one objection

  async function objectionPage(request: FastifyRequest, reply: FastifyReply, id: number, state?: ObjectionActionState, status = 200) {
    const objection = await objectionOr404(request, id);
    const office = await staffOffice(db, request);
    const [row, answers, files, letter, events, dispute, calendar, decidedBy] = await Promise.all([
      requestOfObjection(db, objection),
      deadlineRows(db, [objection.deadlineId]),
      filesOfObjection(db, objection.id),
      decisionLetterOf(db, objection),
      eventsOfObjection(db, objection),
      disputeOfObjection(db, objection.id),
      loadOfficeCalendar(db, office.id),
      objection.decidedBy === null ? undefined : staffById(db, objection.decidedBy),
    ]);
    const today = todayIn(office.timeZone);
    const answer = answers[0];
    const data = {
      office,
      objection,
      request: row,
      answer,
      files,
      letter,
      events,
      dispute,
      decidedBy,
      today,
      calendar,
      steps: objectionSteps(objection, currentStaff(request).roles, today, answer?.due, dispute !== undefined),
    };
    const ctx = pageContext(request, reply, NOTICES);
    return sendHtml(reply, <ObjectionPage ctx={ctx} data={data} state={state} />, status);
  }

  app.get<{ Params: { id: string } }>('/desk/keberatan/:id', { config: { access: OBJECTION_PAGES }, schema: page }, async (request, reply) =>
    objectionPage(request, reply, pathId(request.params.id)),
  );

  /**
   * Refuses a step the transition table does not allow before its form is judged, so a person who may
   * not take it hears why rather than which fields are wrong; the service checks again in its transaction.
   */
  async function mayTake(request: FastifyRequest, id: number, action: ObjectionAction): Promise<void> {
    const objection = await objectionOr404(request, id);
    const check = checkObjectionTransition(action, objection.status as ObjectionStatus, currentStaff(request).roles, objection.grounds.filter(isGround));
    if (!check.ok) throw new AppError(check.status, check.status === 403 ? 'forbidden' : 'conflict', check.reason);
  }

  /** One step on an objection: run it, then back to the objection with a notice, or the page with the refusal. */
  function step(path: string, key: ObjectionActionState['key'], run: (request: FastifyRequest, id: number, body: Body) => Promise<string>) {
    app.post<{ Params: { id: string } }>(`/desk/keberatan/:id/${path}`, { config: { access: OBJECTION_PAGES }, schema: page }, async (request, reply) => {
      const id = pathId(request.params.id);
      const body = formBody(request.body);
      try {
        const notice = await run(request, id, body);
        return redirectWithNotice(reply, `/desk/keberatan/${id}`, notice);
      } catch (error) {
        if (!isAppError(error) || ![403, 409, 422].includes(error.status)) throw error;
        const form: FormState = { values: typed(body), errors: renameFields(error.fields, FIELD_NAMES[key]), summary: error.text };
        return objectionPage(request, reply, id, { key, form }, error.status);
      }
    });
  }

  step('tanggapan', 'decide', async (request, id, body) => {
    const action = str(body, 'action');
    await mayTake(request, id, isDecisionAction(action) ? action : 'uphold');
    const decided = await decideObjection(db, actorOf(request), scopeFor(request), id, { action, reasons: str(body, 'reasons'), order: str(body, 'order'), terms: str(body, 'terms') }, ctxService);
    return decided.reopenDue ? 'overturned' : 'decided';
  });

  step('cabut', 'withdraw', async (request, id, body) => {
    await mayTake(request, id, 'withdraw');
    await withdrawObjection(db, actorOf(request), scopeFor(request), id, { note: str(body, 'withdraw_note') });
    return 'withdrawn';
  });

  step('sikap', 'respond', async (request, id, body) => {
    await recordResponse(db, actorOf(request), scopeFor(request), id, { response: str(body, 'response'), note: str(body, 'response_note') });
    return 'responded';
  });

  // ------------------------------------------------------------------------------------ documents

  app.get<{ Params: { id: string } }>('/desk/keberatan/:id/tanda-bukti.pdf', { config: { access: OBJECTION_PAGES }, schema: page }, async (request, reply) => {
    const objection = await objectionOr404(request, pathId(request.params.id));
    const [office, row] = await Promise.all([staffOffice(db, request), requestOfObjection(db, objection)]);
    const pdf = await objectionReceipt(db, office, row, objection, config.baseUrl);
    return sendAttachment(reply, `tanda-bukti-keberatan-${fileSafe(objection.number)}.pdf`, 'application/pdf', pdf);
  });

  app.get<{ Params: { id: string } }>('/desk/keberatan/:id/surat.pdf', { config: { access: OBJECTION_PAGES }, schema: page }, async (request, reply) => {
    const objection = await objectionOr404(request, pathId(request.params.id));
    const letter = await decisionLetterOf(db, objection);
    if (!letter) throw notFound(text('Keberatan ini belum memiliki surat tanggapan.', 'This objection has no decision letter yet.'));
    return sendAttachment(reply, `${fileSafe(letter.number)}.pdf`, 'application/pdf', letter.pdf);
  });

  app.get<{ Params: { fileId: string } }>('/desk/keberatan/berkas/:fileId', { config: { access: OBJECTION_PAGES }, schema: page }, async (request, reply) => {
    const file = await caseFileInScope(db, scopeFor(request), pathId(request.params.fileId));
    // A dispute's documents have their own route (src/objections/dispute-pages.tsx).
    if (!file || file.objectionId === null) throw notFound(text('Berkas tidak ditemukan.', 'File not found.'));
    const objectionId = file.objectionId;
    // A power of attorney and a proxy's identity are personal data: every opening is recorded.
    await db.transaction((tx) =>
      recordEvent(tx, actorOf(request), { officeId: file.officeId, action: 'objection.file_opened', subjectType: 'objection', subjectId: objectionId, after: { file: file.id, role: file.role } }),
    );
    return sendAttachment(reply, file.name, file.mediaType, file.content);
  });
}
