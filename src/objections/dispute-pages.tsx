import type { FastifyReply, FastifyRequest } from 'fastify';
import { isProfileName, PROFILES } from '../calendar/profiles.ts';
import { localDateTime, type OfficeCalendar } from '../calendar/rules.ts';
import { calendarOf } from '../calendar/store.ts';
import { recordEvent } from '../kernel/audit/store.ts';
import { isAppError, notFound } from '../kernel/errors.ts';
import { text, type Text } from '../kernel/i18n.ts';
import { todayIn } from '../offices/portal.tsx';
import { officeById, staffOfOffice } from '../offices/store.ts';
import { checkUploads, INTAKE_TYPES } from '../requests/service.ts';
import { deadlineRows, requestInScope, type RequestRow } from '../requests/store.ts';
import { roles } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { actorOf, currentStaff, hasRole, pathId, redirectWithNotice, scopeFor, sendAttachment, sendHtml, staffOffice } from '../web/context.ts';
import { EMPTY_FORM, formBody, str, typed, type FormState } from '../web/forms.tsx';
import { pageContext } from '../web/layout.tsx';
import { assembleDisputeFile } from './dispute-file.ts';
import { defaultCommission, DisputePage, RecordDisputePage, type FilingWindow } from './dispute-views.tsx';
import { disputeWindowStart, windowFrom } from './rules.ts';
import { advanceDispute, DuplicateDispute, recordDispute } from './service.ts';
import { caseFileInScope, disputeInScope, disputeOfObjection, filesOfDispute, objectionInScope, stagesOf, type DisputeRow, type ObjectionRow } from './store.ts';

/**
 * The desk's dispute pages (sengketa, UU 14/2008 Pasal 37–39, DOMAIN.md §6): recording that the
 * applicant took an objection to the Komisi Informasi, following the dispute through its stages, and
 * the file the commission asks for. The PPID and the Atasan PPID act; the desk may look.
 */

const VIEW = roles('desk_officer', 'ppid', 'atasan_ppid');
const ACT = roles('ppid', 'atasan_ppid');
const page = { hide: true };

const NOTICES: Record<string, Text> = {
  dispute_recorded: text(
    'Sengketa dicatat; jangka waktu Komisi Informasi (14 dan 100 hari kerja) mulai dihitung dan PPID serta Atasan PPID diberi tahu.',
    "The dispute is recorded; the commission's periods (14 and 100 working days) are running, and the PPID and the Atasan PPID are told.",
  ),
  stage_recorded: text('Tahap sengketa dicatat.', 'The stage is recorded.'),
};

type Body = Record<string, string | string[]>;

const RECORD_FIELDS = ['commission', 'registerNumber', 'filedOn', 'note'] as const;
const STAGE_FIELDS = ['stage', 'on', 'note', 'outcome', 'outcomeNote', 'registerNumber'] as const;

/** The filing window as it stands for an objection, or why it has not opened. */
function filingWindow(objection: ObjectionRow, request: RequestRow, answerDue: string | undefined, today: string, calendar: OfficeCalendar): FilingWindow | { problem: Text } {
  const decidedDay = objection.decidedAt ? localDateTime(objection.decidedAt, calendar.timeZone).day : null;
  const start = disputeWindowStart({ decidedDay, answerDue: answerDue ?? null }, today);
  if (!start.ok) return { problem: start.problem };
  const days = (isProfileName(request.profile) ? PROFILES[request.profile] : PROFILES.normal).workingDays.dispute_filing;
  return { since: start.since, event: decidedDay ? 'decision' : 'lapsed', count: windowFrom(start.since, days, calendar) };
}

/** The dispute's uploaded documents, judged by content; problems are keyed by the form's field. */
function documentsOf(request: FastifyRequest) {
  return checkUploads(
    request.uploads.filter((u) => u.role === 'documents'),
    INTAKE_TYPES,
  );
}

export async function disputeDeskRoutes(app: App, { database, config }: AppDeps): Promise<void> {
  const db = database.db;

  // ------------------------------------------------------------------------------------ recording a dispute

  async function recordPage(request: FastifyRequest, reply: FastifyReply, objectionId: number, form: FormState, status = 200) {
    const scope = scopeFor(request);
    const objection = await objectionInScope(db, scope, objectionId);
    if (!objection) throw notFound(text('Keberatan tidak ditemukan.', 'Objection not found.'));
    const office = await staffOffice(db, request);
    const [row, existing, [answer], calendar, parent] = await Promise.all([
      requestInScope(db, scope, objection.requestId),
      disputeOfObjection(db, objection.id),
      deadlineRows(db, [objection.deadlineId]),
      calendarOf(db, office),
      office.parentId === null ? undefined : officeById(db, office.parentId),
    ]);
    if (!row) throw notFound();
    const today = todayIn(office.timeZone);
    const shown: FormState = Object.keys(form.values).length > 0 ? form : { ...form, values: { commission: defaultCommission(office, parent) } };
    const data = { office, objection, request: row, existing, answerDue: answer?.due, window: filingWindow(objection, row, answer?.due, today, calendar), today, calendar };
    return sendHtml(reply, <RecordDisputePage ctx={pageContext(request, reply, NOTICES)} data={data} form={shown} />, status);
  }

  app.get<{ Params: { id: string } }>('/desk/keberatan/:id/sengketa', { config: { access: ACT }, schema: page }, async (request, reply) =>
    recordPage(request, reply, pathId(request.params.id), EMPTY_FORM),
  );

  app.post<{ Params: { id: string } }>('/desk/keberatan/:id/sengketa', { config: { access: ACT }, schema: page }, async (request, reply) => {
    const id = pathId(request.params.id);
    const body: Body = formBody(request.body);
    const input = Object.fromEntries(RECORD_FIELDS.map((f) => [f, str(body, f)])) as Record<(typeof RECORD_FIELDS)[number], string>;
    const { good, problems } = documentsOf(request);
    let form: FormState = { values: typed(body), errors: problems };
    let status = 422;
    if (Object.keys(problems).length === 0) {
      try {
        const dispute = await recordDispute(db, actorOf(request), scopeFor(request), id, input, good);
        return redirectWithNotice(reply, `/desk/sengketa/${dispute.id}`, 'dispute_recorded');
      } catch (error) {
        if (!isAppError(error) || ![403, 409, 422].includes(error.status)) throw error;
        // A second record of one dispute: the page shows the first, with its link, instead of the form.
        form = { values: typed(body), errors: error instanceof DuplicateDispute ? {} : error.fields, summary: error.text };
        status = error.status;
      }
    }
    return recordPage(request, reply, id, form, status);
  });

  // ------------------------------------------------------------------------------------ one dispute

  async function disputeFor(request: FastifyRequest, id: number): Promise<DisputeRow> {
    const dispute = await disputeInScope(db, scopeFor(request), id);
    if (!dispute) throw notFound(text('Sengketa tidak ditemukan.', 'Dispute not found.'));
    return dispute;
  }

  async function disputePage(request: FastifyRequest, reply: FastifyReply, id: number, form: FormState, status = 200) {
    const scope = scopeFor(request);
    const dispute = await disputeFor(request, id);
    const office = await staffOffice(db, request);
    const [objection, row, clocks, stages, files, people, calendar] = await Promise.all([
      objectionInScope(db, scope, dispute.objectionId),
      requestInScope(db, scope, dispute.requestId),
      deadlineRows(db, [dispute.startDeadlineId, dispute.finishDeadlineId]),
      stagesOf(db, dispute.id),
      filesOfDispute(db, dispute.id),
      staffOfOffice(db, scope),
      calendarOf(db, office),
    ]);
    if (!objection || !row) throw notFound();
    const stored = dispute.window as Partial<Omit<FilingWindow, 'event'>>;
    const decidedDay = objection.decidedAt ? localDateTime(objection.decidedAt, office.timeZone).day : undefined;
    const me = currentStaff(request);
    const data = {
      office,
      dispute,
      objection,
      request: row,
      start: clocks.find((c) => c.id === dispute.startDeadlineId),
      finish: clocks.find((c) => c.id === dispute.finishDeadlineId),
      stages,
      files,
      staffNames: new Map(people.map((p) => [p.id, p.name])),
      window: stored.since && stored.count ? { since: stored.since, count: stored.count, event: stored.since === decidedDay ? ('decision' as const) : ('lapsed' as const) } : undefined,
      today: todayIn(office.timeZone),
      calendar,
      canAct: hasRole(me, 'ppid') || hasRole(me, 'atasan_ppid'),
    };
    return sendHtml(reply, <DisputePage ctx={pageContext(request, reply, NOTICES)} data={data} form={form} />, status);
  }

  app.get<{ Params: { id: string } }>('/desk/sengketa/:id', { config: { access: VIEW }, schema: page }, async (request, reply) =>
    disputePage(request, reply, pathId(request.params.id), EMPTY_FORM),
  );

  app.post<{ Params: { id: string } }>('/desk/sengketa/:id/tahap', { config: { access: ACT }, schema: page }, async (request, reply) => {
    const id = pathId(request.params.id);
    await disputeFor(request, id);
    const body: Body = formBody(request.body);
    const input = Object.fromEntries(STAGE_FIELDS.map((f) => [f, str(body, f)])) as Record<(typeof STAGE_FIELDS)[number], string>;
    const { good, problems } = documentsOf(request);
    if (Object.keys(problems).length > 0) return disputePage(request, reply, id, { values: typed(body), errors: problems }, 422);
    try {
      await advanceDispute(db, actorOf(request), scopeFor(request), id, input, good);
      return redirectWithNotice(reply, `/desk/sengketa/${id}`, 'stage_recorded');
    } catch (error) {
      if (!isAppError(error) || ![403, 409, 422].includes(error.status)) throw error;
      return disputePage(request, reply, id, { values: typed(body), errors: error.fields, summary: error.text }, error.status);
    }
  });

  app.get<{ Params: { id: string } }>('/desk/sengketa/:id/berkas.pdf', { config: { access: VIEW }, schema: page }, async (request, reply) => {
    const file = await assembleDisputeFile(db, actorOf(request), scopeFor(request), pathId(request.params.id), config.baseUrl);
    return sendAttachment(reply, file.filename, 'application/pdf', file.pdf);
  });

  app.get<{ Params: { fileId: string } }>('/desk/sengketa/berkas/:fileId', { config: { access: VIEW }, schema: page }, async (request, reply) => {
    const file = await caseFileInScope(db, scopeFor(request), pathId(request.params.fileId));
    // Only a dispute's own documents here: an objection's files (a proxy's identity card) have their own page.
    if (!file || file.disputeId === null) throw notFound(text('Dokumen tidak ditemukan.', 'Document not found.'));
    // The commission's papers name the applicant: each opening is logged like an identity document's.
    await recordEvent(db, actorOf(request), { officeId: file.officeId, action: 'dispute.file_opened', subjectType: 'dispute', subjectId: file.disputeId, after: { file: file.id, name: file.name } });
    return sendAttachment(reply, file.name, file.mediaType, file.content);
  });
}
