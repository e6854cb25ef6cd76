import { Type, type Static, type TSchema } from 'typebox';
import { Problem } from '../api/schemas.ts';
import type { Db } from '../db/client.ts';
import { explainDeadline, type DeadlineResult } from '../calendar/rules.ts';
import { maskNik } from '../kernel/checker/personal.ts';
import type { CheckReport } from '../kernel/checker/finding.ts';
import { AppError, invalid, notFound } from '../kernel/errors.ts';
import { text, type Text } from '../kernel/i18n.ts';
import { verificationUrl, type LetterRow } from '../letters/service.ts';
import { officeBySlug } from '../offices/store.ts';
import { PUBLIC, roles } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { actorOf, currentStaff, scopeFor } from '../web/context.ts';
import {
  APPLICANT_TYPES,
  availableActions,
  DELIVERY_METHODS,
  isPaymentMethod,
  missingItems,
  NOTICE_OUTCOMES,
  OBTAIN_METHODS,
  MISSING_ITEMS,
  OUTCOME_LABELS,
  OPEN_CATEGORIES,
  PASAL17,
  PAYMENT_METHODS,
  STATUS_LABELS,
  STATUSES,
  type Outcome,
  type Status,
} from './rules.ts';
import { currentDeadline, decide, deliver, DELIVERY_MODES, dispose, escalate, explainExempt, extend, findTracked, handOver, submitRequest } from './service.ts';
import { dispositionsOf, eventsOf, filesOf, lettersOf, listRequests, requestInScope, deadlineRows, type RequestRow } from './store.ts';
import { timelineSteps } from './timeline.ts';

/**
 * /api/v1 for requests: the portal's online submission and tracking for anyone, and the desk's list,
 * file and steps for staff. The same services as the pages: their permission and state checks (the
 * transition table) answer 403/409/422 here as problem JSON.
 */

const literals = <T extends string>(values: readonly T[], options?: { description: string }) => Type.Enum<T[]>(values, options);
const Bilingual = Type.Object({ id: Type.String(), en: Type.String() });
const bilingual = (value: Text) => ({ id: value.id, en: value.en });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const Explanation = Type.Object({ id: Type.Array(Type.String()), en: Type.Array(Type.String()) }, { description: 'how the due date was counted, one line per fact' });

const LetterRef = Type.Object({
  number: Type.String(),
  date: Type.String({ format: 'date' }),
  subject: Type.String(),
  verifyUrl: Type.String({ description: 'public page that confirms the letter is genuine' }),
});

const StaffLetter = Type.Object({ id: Type.Integer(), kind: Type.String(), number: Type.String(), date: Type.String({ format: 'date' }), subject: Type.String(), verifyUrl: Type.String() });

const Submitted = Type.Object({
  id: Type.Integer(),
  number: Type.String({ description: 'registration number (nomor pendaftaran)' }),
  trackingCode: Type.String({ description: 'with the number, follows the request on the portal or at .../requests/track' }),
  due: Type.String({ format: 'date', description: 'the written notice is due by this day' }),
});

const SubmitBody = Type.Object(
  {
    applicantType: literals(APPLICANT_TYPES),
    name: Type.String({ maxLength: 400 }),
    nik: Type.Optional(Type.String({ maxLength: 40, description: '16 digits; required unless applicantType is legal_entity' })),
    legalNumber: Type.Optional(Type.String({ maxLength: 240 })),
    address: Type.String({ maxLength: 1000 }),
    phone: Type.Optional(Type.String({ maxLength: 80 })),
    email: Type.Optional(Type.String({ maxLength: 500, description: 'e-mail or phone is required; e-mail is required for delivery by e-mail' })),
    occupation: Type.Optional(Type.String({ maxLength: 240 })),
    proxyName: Type.Optional(Type.String({ maxLength: 400 })),
    information: Type.String({ maxLength: 8000 }),
    purpose: Type.String({ maxLength: 4000 }),
    obtainMethod: literals(OBTAIN_METHODS),
    deliveryMethod: literals(DELIVERY_METHODS),
    consent: Type.Boolean({ description: 'the applicant agrees to the personal-data notice; must be true' }),
  },
  { additionalProperties: false },
);

const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({
    minLength: 16,
    maxLength: 64,
    pattern: '^[A-Za-z0-9_-]{16,64}$',
    description: 'one key per request the applicant means to make: the same key again answers 200 with the request it made',
  }),
});

const TrackBody = Type.Object(
  { number: Type.String({ minLength: 1, maxLength: 100 }), code: Type.String({ minLength: 1, maxLength: 40, description: 'the tracking code on the receipt; case, spaces and dashes do not matter' }) },
  { additionalProperties: false },
);

const Tracked = Type.Object({
  number: Type.String(),
  status: literals(STATUSES),
  statusLabel: Bilingual,
  outcome: Nullable(Type.String()),
  outcomeLabel: Nullable(Bilingual),
  received: Type.String({ format: 'date-time' }),
  due: Nullable(Type.String({ format: 'date' })),
  explanation: Explanation,
  steps: Type.Array(Type.Object({ at: Type.String({ format: 'date-time' }), label: Bilingual })),
  letters: Type.Array(LetterRef),
});

const Deadline = Type.Object({
  purpose: Type.String(),
  due: Type.String({ format: 'date' }),
  workingDays: Type.Integer(),
  closedAt: Nullable(Type.String({ format: 'date-time' })),
  explanation: Explanation,
});

const ListItem = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  name: Type.String(),
  channel: Type.String(),
  information: Type.String(),
  status: Type.String(),
  outcome: Nullable(Type.String()),
  receivedAt: Type.String({ format: 'date-time' }),
  due: Nullable(Type.String({ format: 'date' })),
  missing: Type.Array(literals(MISSING_ITEMS), { description: 'identity requirements the desk registered the request without' }),
});

const StaffView = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  channel: Type.String(),
  applicantType: Type.String(),
  name: Type.String(),
  nik: Type.String({ description: 'masked: first and last four digits' }),
  legalNumber: Type.String(),
  address: Type.String(),
  phone: Type.String(),
  email: Type.String(),
  occupation: Type.String(),
  proxyName: Type.String(),
  information: Type.String(),
  purpose: Type.String(),
  obtainMethod: Type.String(),
  deliveryMethod: Type.String(),
  status: Type.String(),
  outcome: Nullable(Type.String()),
  profile: Type.String(),
  receivedAt: Type.String({ format: 'date-time' }),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
  deliveredAt: Nullable(Type.String({ format: 'date-time' })),
  deliveryMode: Nullable(Type.String()),
  paymentMethod: Nullable(literals(PAYMENT_METHODS)),
  missing: Type.Array(literals(MISSING_ITEMS), { description: 'identity requirements the desk registered the request without; completed at the desk' }),
  closedAt: Nullable(Type.String({ format: 'date-time' })),
  decision: Type.Unknown({ description: 'the written notice or quick path as recorded; null while open' }),
  extensionReason: Nullable(Type.String()),
  deadline: Nullable(Deadline),
  extension: Nullable(Deadline),
  /** The clock an overturning objection decision started (purpose objection_reopen). */
  reopened: Nullable(Deadline),
  files: Type.Array(
    Type.Object({
      id: Type.Integer(),
      role: Type.String(),
      name: Type.String(),
      mediaType: Type.String(),
      size: Type.Integer(),
      release: Type.String(),
      findings: Nullable(Type.Integer({ description: "the file checker's findings; null for intake files" })),
    }),
  ),
  dispositions: Type.Array(
    Type.Object({
      id: Type.Integer(),
      target: Type.String(),
      unitId: Nullable(Type.Integer()),
      unitName: Nullable(Type.String()),
      instruction: Type.String(),
      dueOn: Type.String({ format: 'date' }),
      status: Type.String(),
      answer: Nullable(Type.String()),
      answerNote: Type.String(),
    }),
  ),
  letters: Type.Array(StaffLetter),
  steps: Type.Array(Type.Object({ at: Type.String({ format: 'date-time' }), label: Bilingual, actor: Type.String() })),
  actions: Type.Array(Type.String({ description: 'steps the caller may take now (service names)' })),
});

const ActionResult = Type.Object({
  request: StaffView,
  letters: Type.Array(StaffLetter, { description: 'letters this step issued' }),
  dispositionIds: Type.Array(Type.Integer(), { description: 'dispose: one per unit' }),
  downloadUrl: Nullable(Type.String({ description: 'deliver by e-mail with files: the link mailed to the applicant' })),
});

const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 60 }) });
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });

const requestNotFound = () => notFound(text('Permohonan tidak ditemukan.', 'Request not found.'));

/** The schema's coercion lets "Infinity" through as an integer (ids here and unitIds below); no row has such an id. */
function requestIdOf(id: number): number {
  if (!Number.isSafeInteger(id)) throw requestNotFound();
  return id;
}

const Note = Type.String({ maxLength: 2000 });
const Amount = Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'rupiah' });

/** One body per step, mirroring the service's input. */
const ACTION_BODIES = {
  escalate: Type.Object({ note: Type.String({ maxLength: 2000, description: 'the memo (nota dinas) to the PPID' }) }, { additionalProperties: false }),
  dispose: Type.Object(
    {
      unitIds: Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), { minItems: 1, maxItems: 50 }),
      instruction: Note,
      dueOn: Type.String({ maxLength: 10, description: "the units' answer date, YYYY-MM-DD, not after the notice is due" }),
    },
    { additionalProperties: false },
  ),
  extend: Type.Object({ reason: Type.String({ maxLength: 2000, description: 'the written reason (10–2000 characters); once per request' }) }, { additionalProperties: false }),
  decide: Type.Object(
    {
      outcome: literals(NOTICE_OUTCOMES),
      holder: Type.Optional(Note),
      form: Type.Optional(literals(['soft', 'hard', 'both'] as const)),
      perPage: Type.Optional(Amount),
      pages: Type.Optional(Amount),
      delivery: Type.Optional(Amount),
      other: Type.Optional(Amount),
      timeToProvide: Type.Optional(Note),
      withheld: Type.Optional(Note),
      pasal17: Type.Optional(literals(PASAL17)),
      category: Type.Optional(literals(OPEN_CATEGORIES)),
      otherLaw: Type.Optional(Note),
      consequence: Type.Optional(Note),
      documentedBy: Type.Optional(Note),
      note: Type.Optional(Note),
    },
    { additionalProperties: false },
  ),
  deliver: Type.Object(
    {
      mode: literals(DELIVERY_MODES),
      note: Type.Optional(Note),
      payment: Type.Optional(literals(PAYMENT_METHODS, { description: 'how the applicant paid: required when the written notice charges costs, absent when it charges none' })),
    },
    { additionalProperties: false },
  ),
  'hand-over': Type.Object({ items: Type.Array(Type.String({ maxLength: 500 }), { minItems: 1, maxItems: 100, description: 'what was handed over' }), note: Type.Optional(Note) }, { additionalProperties: false }),
  'explain-exempt': Type.Object(
    { pasal17: literals(PASAL17), dikReference: Type.String({ maxLength: 500, description: 'the DIK entry cited' }), explanation: Note },
    { additionalProperties: false },
  ),
} as const;

type ActionName = keyof typeof ACTION_BODIES;

const ACTION_SUMMARIES: Readonly<Record<ActionName, string>> = {
  escalate: 'Escalate to the PPID with a memo (desk officer, PPID)',
  dispose: 'Assign to units with an answer date (PPID)',
  extend: 'Extend the deadline once, with a letter (PPID)',
  decide: 'Issue the written notice, and the SK Penolakan for a refusal (PPID)',
  deliver: 'Deliver after the notice: desk, e-mail, post or fax, with the payment method when it charges costs (desk officer, PPID)',
  'hand-over': 'Quick path: hand the information over at the desk against a receipt (desk officer, PPID)',
  'explain-exempt': 'Quick path: explain at the desk that the information is exempt (desk officer, PPID)',
};

const iso = (at: Date | null) => (at ? at.toISOString() : null);
const explanationOf = (result: DeadlineResult) => ({ id: explainDeadline(result, 'id'), en: explainDeadline(result, 'en') });

type LetterFacts = Pick<LetterRow, 'id' | 'kind' | 'number' | 'issuedOn' | 'subject' | 'verifyCode'>;
const staffLetter = (baseUrl: string, l: LetterFacts) => ({ id: l.id, kind: l.kind, number: l.number, date: l.issuedOn, subject: l.subject, verifyUrl: verificationUrl(baseUrl, l.verifyCode) });

/** What the applicant sees: the course of the request, never the personal data in it. */
async function publicView(db: Db, baseUrl: string, request: RequestRow): Promise<Static<typeof Tracked>> {
  const deadline = await currentDeadline(db, request);
  const status = request.status as Status;
  const outcome = request.outcome as Outcome | null;
  return {
    number: request.number,
    status,
    statusLabel: bilingual(STATUS_LABELS[status]),
    outcome,
    outcomeLabel: outcome ? bilingual(OUTCOME_LABELS[outcome]) : null,
    received: request.receivedAt.toISOString(),
    due: deadline?.due ?? null,
    explanation: deadline ? explanationOf(deadline.explanation as DeadlineResult) : { id: [], en: [] },
    steps: timelineSteps(await eventsOf(db, request.officeId, request.id), 'applicant').map((s) => ({ at: s.at.toISOString(), label: bilingual(s.label) })),
    letters: (await lettersOf(db, request.id)).map((l) => ({ number: l.number, date: l.issuedOn, subject: l.subject, verifyUrl: verificationUrl(baseUrl, l.verifyCode) })),
  };
}

/** What staff see of a request in their office, with the NIK masked and the steps the caller may take. */
async function staffView(db: Db, baseUrl: string, request: RequestRow, callerRoles: readonly string[]): Promise<Static<typeof StaffView>> {
  const [deadlines, files, dispositions, letters, events] = await Promise.all([
    deadlineRows(db, [request.deadlineId, request.extensionDeadlineId, request.reopenDeadlineId]),
    filesOf(db, request.id),
    dispositionsOf(db, request.id),
    lettersOf(db, request.id),
    eventsOf(db, request.officeId, request.id),
  ]);
  const deadlineJson = (id: number | null) => {
    const row = deadlines.find((d) => d.id === id);
    return row ? { purpose: row.purpose, due: row.due, workingDays: row.workingDays, closedAt: iso(row.closedAt), explanation: explanationOf(row.explanation as DeadlineResult) } : null;
  };
  return {
    id: request.id,
    number: request.number,
    channel: request.channel,
    applicantType: request.applicantType,
    name: request.name,
    nik: request.nik ? maskNik(request.nik) : '',
    legalNumber: request.legalNumber,
    address: request.address,
    phone: request.phone,
    email: request.email,
    occupation: request.occupation,
    proxyName: request.proxyName,
    information: request.information,
    purpose: request.purpose,
    obtainMethod: request.obtainMethod,
    deliveryMethod: request.deliveryMethod,
    status: request.status,
    outcome: request.outcome,
    profile: request.profile,
    receivedAt: request.receivedAt.toISOString(),
    decidedAt: iso(request.decidedAt),
    deliveredAt: iso(request.deliveredAt),
    deliveryMode: request.deliveryMode,
    paymentMethod: isPaymentMethod(request.paymentMethod) ? request.paymentMethod : null,
    missing: missingItems(request.missing),
    closedAt: iso(request.closedAt),
    decision: request.decision ?? null,
    extensionReason: request.extensionReason,
    deadline: deadlineJson(request.deadlineId),
    extension: deadlineJson(request.extensionDeadlineId),
    reopened: deadlineJson(request.reopenDeadlineId),
    files: files.map((f) => ({ id: f.id, role: f.role, name: f.name, mediaType: f.mediaType, size: f.size, release: f.release, findings: (f.check as CheckReport | null)?.findings.length ?? null })),
    dispositions: dispositions.map((d) => ({ id: d.id, target: d.target, unitId: d.unitId, unitName: d.unitName, instruction: d.instruction, dueOn: d.dueOn, status: d.status, answer: d.answer, answerNote: d.answerNote })),
    letters: letters.map((l) => staffLetter(baseUrl, l)),
    steps: timelineSteps(events, 'staff').map((s) => ({ at: s.at.toISOString(), label: bilingual(s.label), actor: s.actor })),
    actions: availableActions(request.status as Status, callerRoles, request.channel, request.missing),
  };
}

const publicProblems = { 400: Problem, 403: Problem, 404: Problem, 422: Problem, 429: Problem };
const staffProblems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
/** The desk's roles: the atasan PPID reads, the transition table decides who may take each step. */
const DESK = roles('desk_officer', 'ppid', 'atasan_ppid');

export async function requestApiRoutes(app: App, deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  const baseUrl = deps.config.baseUrl;
  const ctx = { baseUrl };

  async function officeOf(slug: string) {
    const office = await officeBySlug(db, slug);
    if (!office) throw new AppError(404, 'not_found', text(`Kantor "${slug}" tidak ditemukan.`, `Office "${slug}" not found.`));
    return office;
  }

  app.get(
    '/api/v1/csrf-token',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['requests'],
        summary: 'A CSRF token for the x-csrf-token header of POST calls',
        description: 'Sets the signed lentera_csrf cookie; send that cookie back with the token in the x-csrf-token header. Every POST needs both, signed in or not.',
        response: { 200: Type.Object({ token: Type.String() }) },
      },
    },
    async (_request, reply) => ({ token: reply.generateCsrf() }),
  );

  app.post(
    '/api/v1/offices/:slug/requests',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['requests'],
        summary: 'Submit a request for information online (no account needed)',
        description:
          'The portal form as JSON: the request is registered as received online, gets its number and deadline, and the applicant is e-mailed the receipt when an e-mail is given. ' +
          'JSON carries no files: requests that need attachments (a group or legal entity, or one filed through a proxy) are refused per field and must be sent through the portal form or the desk. ' +
          'The Idempotency-Key header is the form’s one-time key: resending with the same key answers 200 with the request already made, not a second request. Needs the x-csrf-token header (GET /api/v1/csrf-token).',
        params: SlugParams,
        headers: IdempotencyHeaders,
        body: SubmitBody,
        response: { 201: Submitted, 200: Submitted, ...publicProblems },
      },
    },
    async (request, reply) => {
      const office = await officeOf(request.params.slug);
      const body = request.body;
      const form = {
        channel: 'online',
        applicantType: body.applicantType,
        name: body.name,
        nik: body.nik ?? '',
        legalNumber: body.legalNumber ?? '',
        address: body.address,
        phone: body.phone ?? '',
        email: body.email ?? '',
        occupation: body.occupation ?? '',
        proxyName: body.proxyName ?? '',
        information: body.information,
        purpose: body.purpose,
        obtainMethod: body.obtainMethod,
        deliveryMethod: body.deliveryMethod,
        consent: body.consent ? 'yes' : '',
      };
      const submitted = await submitRequest(db, actorOf(request), { officeId: office.id, form, submissionKey: request.headers['idempotency-key'], files: [] }, ctx);
      const deadline = await currentDeadline(db, submitted.request);
      return reply
        .status(submitted.duplicate ? 200 : 201)
        .send({ id: submitted.request.id, number: submitted.request.number, trackingCode: submitted.code, due: deadline?.due ?? '' });
    },
  );

  app.post(
    '/api/v1/offices/:slug/requests/track',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['requests'],
        summary: 'Follow a request with its registration number and tracking code',
        description: 'The applicant’s view: status, due date and how it was counted, the public steps and the letters issued. No personal data. A wrong number or code is a 404 that does not say which. Needs the x-csrf-token header.',
        params: SlugParams,
        body: TrackBody,
        response: { 200: Tracked, ...publicProblems },
      },
    },
    async (request) => {
      const office = await officeOf(request.params.slug);
      const found = await findTracked(db, office.id, request.body.number, request.body.code);
      return publicView(db, baseUrl, found);
    },
  );

  app.get(
    '/api/v1/requests',
    {
      config: { access: DESK },
      schema: {
        tags: ['requests'],
        summary: "The office's requests, newest first, with their current due date",
        security: [{ session: [] }],
        querystring: Type.Object({ status: Type.Optional(literals(STATUSES)), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })) }),
        response: { 200: Type.Object({ requests: Type.Array(ListItem) }), ...staffProblems },
      },
    },
    async (request) => {
      const limit = request.query.limit;
      const rows = await listRequests(db, scopeFor(request), { status: request.query.status, limit: limit !== undefined && Number.isSafeInteger(limit) ? limit : 200 });
      return { requests: rows.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString(), missing: missingItems(r.missing) })) };
    },
  );

  app.get(
    '/api/v1/requests/:id',
    {
      config: { access: DESK },
      schema: { tags: ['requests'], summary: 'One request of the office: applicant (NIK masked), deadlines, files, dispositions, letters, steps', security: [{ session: [] }], params: IdParams, response: { 200: StaffView, ...staffProblems } },
    },
    async (request) => {
      const row = await requestInScope(db, scopeFor(request), requestIdOf(request.params.id));
      if (!row) throw requestNotFound();
      return staffView(db, baseUrl, row, currentStaff(request).roles);
    },
  );

  type StepOutcome = { letters?: readonly LetterFacts[]; dispositionIds?: readonly number[]; token?: string | undefined };
  const perform: { [A in ActionName]: (request: { id: number; body: Static<(typeof ACTION_BODIES)[A]> }, actor: ReturnType<typeof actorOf>, scope: { officeId: number }) => Promise<StepOutcome> } = {
    escalate: async ({ id, body }, actor, scope) => {
      await escalate(db, actor, scope, id, body, ctx);
      return {};
    },
    dispose: async ({ id, body }, actor, scope) => {
      if (!body.unitIds.every(Number.isSafeInteger)) throw invalid({ unitIds: text('Unit yang dipilih tidak ada di kantor ini.', 'A chosen unit is not in this office.') });
      return { dispositionIds: await dispose(db, actor, scope, id, body, ctx) };
    },
    extend: async ({ id, body }, actor, scope) => ({ letters: [await extend(db, actor, scope, id, body, ctx)] }),
    decide: async ({ id, body }, actor, scope) => {
      const amount = (n: number | undefined) => (n === undefined ? '' : String(n));
      const { notice, refusal } = await decide(
        db,
        actor,
        scope,
        id,
        {
          outcome: body.outcome,
          holder: body.holder ?? '',
          form: body.form ?? '',
          perPage: amount(body.perPage),
          pages: amount(body.pages),
          delivery: amount(body.delivery),
          other: amount(body.other),
          timeToProvide: body.timeToProvide ?? '',
          withheld: body.withheld ?? '',
          pasal17: body.pasal17 ?? '',
          otherLaw: body.otherLaw ?? '',
          consequence: body.consequence ?? '',
          documentedBy: body.documentedBy ?? '',
          note: body.note ?? '',
          category: body.category ?? '',
        },
        ctx,
      );
      return { letters: refusal ? [notice, refusal] : [notice] };
    },
    deliver: async ({ id, body }, actor, scope) => {
      const { receipt, token } = await deliver(db, actor, scope, id, { mode: body.mode, note: body.note ?? '', payment: body.payment ?? '' }, ctx);
      return { letters: receipt ? [receipt] : [], token };
    },
    'hand-over': async ({ id, body }, actor, scope) => ({ letters: [await handOver(db, actor, scope, id, { items: body.items, note: body.note ?? '' }, ctx)] }),
    'explain-exempt': async ({ id, body }, actor, scope) => ({ letters: [await explainExempt(db, actor, scope, id, body, ctx)] }),
  };

  for (const action of Object.keys(ACTION_BODIES) as ActionName[]) {
    app.post(
      `/api/v1/requests/:id/actions/${action}`,
      {
        config: { access: DESK },
        schema: {
          tags: ['requests'],
          summary: ACTION_SUMMARIES[action],
          description: 'Refused with 403 when the caller’s role may not take this step and 409 when the request’s status does not allow it (the transition table); 422 names each field to fix. Needs the x-csrf-token header.',
          security: [{ session: [] }],
          params: IdParams,
          body: ACTION_BODIES[action],
          response: { 200: ActionResult, ...staffProblems },
        },
      },
      async (request) => {
        const scope = scopeFor(request);
        const id = requestIdOf(request.params.id);
        const run = perform[action] as (r: { id: number; body: unknown }, actor: ReturnType<typeof actorOf>, scope: { officeId: number }) => Promise<StepOutcome>;
        const done = await run({ id, body: request.body }, actorOf(request), scope);
        const row = (await requestInScope(db, scope, id))!;
        return {
          request: await staffView(db, baseUrl, row, currentStaff(request).roles),
          letters: (done.letters ?? []).map((l) => staffLetter(baseUrl, l)),
          dispositionIds: [...(done.dispositionIds ?? [])],
          downloadUrl: done.token ? `${baseUrl.replace(/\/+$/, '')}/unduh/${done.token}` : null,
        };
      },
    );
  }
}
