import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../kernel/audit/store.ts';
import { isAppError, invalid, notFound, type AppError } from '../kernel/errors.ts';
import { text, type Text } from '../kernel/i18n.ts';
import { officeBySlug, type OfficeRow } from '../offices/store.ts';
import { TrackedPage, trackedView } from '../requests/portal.tsx';
import { checkUploads, findTracked, INTAKE_TYPES, newSubmissionKey, normaliseCode, stagedFiles, stageUploads } from '../requests/service.ts';
import { deadlineRows, type RequestRow } from '../requests/store.ts';
import { PUBLIC } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { actorOf, pathId, sendAttachment, sendHtml } from '../web/context.ts';
import { formBody, list, str, typed, type FormState, type StagedView } from '../web/forms.tsx';
import { pageContext } from '../web/layout.tsx';
import { ObjectionFiledPage, ObjectionFormPage, type ReactionAttempt } from './portal-views.tsx';
import { checkObjectionForm, OBJECTION_FILE_ROLES, type ObjectionFileRole, type ObjectionForm } from './rules.ts';
import { decisionLetterOf, DuplicateObjection, fileObjection, objectionReceipt, recordResponse, requestRecord, suggestedGrounds } from './service.ts';
import { objectionInScope, type ObjectionRow } from './store.ts';

/**
 * The applicant's side of objections on the public portal. There is no account: every route finds the
 * request again from the number and tracking code its form carries, as the tracking page's own
 * buttons do, and reaches only that request's objections.
 */

const isFileRole = (role: string): role is ObjectionFileRole => (OBJECTION_FILE_ROLES as readonly string[]).includes(role);

const pdfName = (prefix: string, number: string) => `${prefix}${number.replace(/[^A-Za-z0-9.-]+/g, '-')}.pdf`;

function objectionFormOf(body: Record<string, string | string[]>): ObjectionForm {
  const groundList = list(body, 'grounds');
  return {
    grounds: groundList.join(' '),
    groundList,
    description: str(body, 'description'),
    proxyName: str(body, 'proxyName'),
    proxyAddress: str(body, 'proxyAddress'),
    proxyPhone: str(body, 'proxyPhone'),
    lateReason: str(body, 'lateReason'),
  };
}

/**
 * The portal acts for the applicant, even in a browser where a staff member is signed in: filing and
 * the reaction are the applicant's, and the services tell the two apart by the actor's staff id.
 */
function applicantActor(request: FastifyRequest): Actor {
  return { ...actorOf(request), staffId: null, label: 'anonymous' };
}

export async function objectionPortalRoutes(app: App, { database, config }: AppDeps): Promise<void> {
  const db = database.db;
  const baseUrl = config.baseUrl;

  async function officeOf(slug: string): Promise<OfficeRow> {
    const office = await officeBySlug(db, slug);
    if (!office) throw notFound(text('Kantor tidak ditemukan.', 'Office not found.'));
    return office;
  }

  /** The request the form's hidden number and code prove; a wrong pair is the tracking page's 404. */
  async function tracked(office: OfficeRow, body: Record<string, string | string[]>): Promise<{ request: RequestRow; code: string }> {
    const code = str(body, 'code');
    const request = await findTracked(db, office.id, str(body, 'number'), code);
    return { request, code: normaliseCode(code) };
  }

  /** An objection of the tracked request only: any other id is not found, whoever's it is. */
  async function objectionOf(office: OfficeRow, request: RequestRow, id: number): Promise<ObjectionRow> {
    const objection = await objectionInScope(db, { officeId: office.id }, id);
    if (!objection || objection.requestId !== request.id) throw notFound(text('Keberatan tidak ditemukan.', 'Objection not found.'));
    return objection;
  }

  async function formPage(
    request: FastifyRequest,
    reply: FastifyReply,
    office: OfficeRow,
    found: { request: RequestRow; code: string },
    form: FormState,
    extra: { staged?: readonly StagedView[]; submissionKey?: string; duplicate?: { id: number; number: string } },
    status = 200,
  ): Promise<FastifyReply> {
    const [record, suggestions] = await Promise.all([requestRecord(db, found.request, office.timeZone), suggestedGrounds(db, office, found.request)]);
    // The form carries the proxy's details and the tracking code: no cache may keep a copy.
    reply.header('cache-control', 'no-store');
    return sendHtml(
      reply,
      <ObjectionFormPage
        ctx={pageContext(request, reply)}
        office={office}
        request={found.request}
        code={found.code}
        form={form}
        record={record}
        suggestions={suggestions}
        staged={extra.staged ?? []}
        submissionKey={extra.submissionKey ?? newSubmissionKey()}
        duplicate={extra.duplicate}
      />,
      status,
    );
  }

  app.post<{ Params: { slug: string } }>('/:slug/lacak/keberatan', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const office = await officeOf(request.params.slug);
    const found = await tracked(office, formBody(request.body));
    const suggested = (await suggestedGrounds(db, office, found.request)).map((s) => s.ground);
    return formPage(request, reply, office, found, { values: { grounds: suggested }, errors: {} }, {});
  });

  app.post<{ Params: { slug: string } }>('/:slug/lacak/keberatan/kirim', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const office = await officeOf(request.params.slug);
    const body = formBody(request.body);
    const found = await tracked(office, body);
    const form = objectionFormOf(body);
    const submissionKey = str(body, 'submissionKey');
    const dropped = new Set(list(body, 'drop_staged'));
    const kept = await stagedFiles(db, office.id, list(body, 'staged').filter((token) => !dropped.has(token)));
    const { good, problems: fileProblems } = checkUploads(
      request.uploads.filter((u) => isFileRole(u.role)),
      INTAKE_TYPES,
    );
    const files = [...good, ...kept.map((k) => k.file)];
    try {
      const consent: Record<string, Text> = str(body, 'consent') === 'yes' ? {} : { consent: text('Centang pernyataan ini untuk mengirim keberatan.', 'Tick this declaration to send the objection.') };
      if (Object.keys(fileProblems).length > 0 || consent.consent) {
        // A refused file or a missing declaration brings the whole form back, with every other problem too.
        const counts: Partial<Record<ObjectionFileRole, number>> = {};
        for (const f of files) if (isFileRole(f.role)) counts[f.role] = (counts[f.role] ?? 0) + 1;
        const checked = checkObjectionForm(form, counts);
        throw invalid({ ...(checked.ok ? {} : checked.problems), ...fileProblems, ...consent });
      }
      const filed = await fileObjection(db, applicantActor(request), { officeId: office.id, requestId: found.request.id, form, submissionKey, files, stagedTokens: kept.map((k) => k.token) }, { baseUrl });
      const [due] = await deadlineRows(db, [filed.objection.deadlineId]);
      reply.header('cache-control', 'no-store');
      return sendHtml(reply, <ObjectionFiledPage ctx={pageContext(request, reply)} office={office} request={found.request} code={found.code} objection={filed.objection} due={due?.due} />);
    } catch (error) {
      const duplicate = error instanceof DuplicateObjection;
      if (!duplicate && !(isAppError(error) && error.status === 422)) throw error;
      const refused = error as AppError;
      const staged: StagedView[] = [...kept.map((k) => ({ token: k.token, role: k.file.role, name: k.file.name })), ...(await stageUploads(db, office.id, good))];
      const state: FormState = duplicate
        ? { values: typed(body), errors: { grounds: text(`Sudah diajukan dalam keberatan ${error.existing.number}.`, `Already filed in objection ${error.existing.number}.`) }, summary: refused.text }
        : { values: typed(body), errors: refused.fields, summary: refused.text };
      // A key the service refused cannot be used again; any other key is kept so that sending twice stays one objection.
      const key = refused.fields.submissionKey ? newSubmissionKey() : submissionKey;
      return formPage(request, reply, office, found, state, { staged, submissionKey: key, ...(duplicate ? { duplicate: { id: error.existing.id, number: error.existing.number } } : {}) }, refused.status);
    }
  });

  app.post<{ Params: { slug: string; id: string } }>('/:slug/lacak/keberatan/:id/tanda-bukti', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const office = await officeOf(request.params.slug);
    const id = pathId(request.params.id);
    const found = await tracked(office, formBody(request.body));
    const objection = await objectionOf(office, found.request, id);
    const pdf = await objectionReceipt(db, office, found.request, objection, baseUrl);
    return sendAttachment(reply, pdfName('tanda-bukti-keberatan-', objection.number), 'application/pdf', pdf);
  });

  app.post<{ Params: { slug: string; id: string } }>('/:slug/lacak/keberatan/:id/surat', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const office = await officeOf(request.params.slug);
    const id = pathId(request.params.id);
    const found = await tracked(office, formBody(request.body));
    const letter = await decisionLetterOf(db, await objectionOf(office, found.request, id));
    if (!letter) throw notFound(text('Surat tanggapan belum terbit.', 'The answer letter has not been issued yet.'));
    return sendAttachment(reply, pdfName('', letter.number), 'application/pdf', letter.pdf);
  });

  app.post<{ Params: { slug: string; id: string } }>('/:slug/lacak/keberatan/:id/sikap', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const office = await officeOf(request.params.slug);
    const id = pathId(request.params.id);
    const body = formBody(request.body);
    const found = await tracked(office, body);
    const objection = await objectionOf(office, found.request, id);
    let notice: Text | undefined;
    let reaction: ReactionAttempt | undefined;
    let status = 200;
    try {
      await recordResponse(db, applicantActor(request), { officeId: office.id }, objection.id, { response: str(body, 'response'), note: str(body, 'note'), requestId: found.request.id });
      notice = text(`Sikap Anda atas tanggapan keberatan ${objection.number} sudah dicatat.`, `Your reaction to the answer on objection ${objection.number} is recorded.`);
    } catch (error) {
      // Already recorded, not yet decided, or a form problem: told on the tracking page, at the objection.
      if (!(isAppError(error) && (error.status === 422 || error.status === 409))) throw error;
      status = error.status;
      reaction = { objectionId: objection.id, form: { values: { response: str(body, 'response'), note: str(body, 'note') }, errors: error.fields, summary: error.text } };
    }
    // The tracking page is a POST answer (the code never goes into a URL), so it is drawn here rather than redirected to.
    const view = await trackedView(db, found.request, found.code);
    reply.header('cache-control', 'no-store');
    return sendHtml(reply, <TrackedPage ctx={{ ...pageContext(request, reply), notice }} office={office} view={view} reaction={reaction} />, status);
  });
}
