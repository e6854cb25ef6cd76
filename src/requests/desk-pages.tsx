import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseInstant, parseLocalDateTime } from '../calendar/rules.ts';
import { calendarOf } from '../calendar/store.ts';
import { AppError, forbidden, isAppError, notFound } from '../kernel/errors.ts';
import { text, type Text } from '../kernel/i18n.ts';
import { todayIn } from '../offices/portal.tsx';
import { objectionsOfRequest } from '../objections/store.ts';
import { unitsOfOffice } from '../offices/store.ts';
import { roles } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { actorOf, currentStaff, hasRole, pathId, redirectWithNotice, scopeFor, sendAttachment, sendHtml, staffOffice } from '../web/context.ts';
import { EMPTY_FORM, formBody, type FormState, list, renameFields, str, typed } from '../web/forms.tsx';
import { pageContext } from '../web/layout.tsx';
import { DispositionListPage, DispositionPage, IntakePage, RequestListPage, RequestPage, releaseReasonField, type ActionState, type OpenDisposition, type StagedView } from './desk-views.tsx';
import {
  availableActions,
  checkIntake,
  checkTransition,
  DESK_CHANNELS,
  INTAKE_FILE_ROLES,
  isMissingItem,
  isStatus,
  MISSING_FILE_ROLES,
  type Action,
  type Channel,
  type IntakeFileRole,
  type IntakeForm,
  type Status,
} from './rules.ts';
import {
  answerDisposition,
  attachAnswerFiles,
  checkUploads,
  completeRequest,
  decide,
  deliver,
  dispose,
  escalate,
  explainExempt,
  extend,
  handOver,
  INTAKE_TYPES,
  newSubmissionKey,
  receiptForStaff,
  setFileRelease,
  stagedFiles,
  stageUploads,
  staffFile,
  submitRequest,
} from './service.ts';
import {
  completionDueOf,
  deadlineRows,
  dispositionInScope,
  dispositionsOf,
  eventsOf,
  fileInScope,
  filesOf,
  letterPdfOf,
  lettersOf,
  listRequests,
  openDispositionsOfUnit,
  requestInScope,
} from './store.ts';

/**
 * The desk's routes for the information-service SOP (SOP 004, DOMAIN.md §5): the request list and
 * intake, one request with its steps, the files and letters, and the units' dispositions. Who may take
 * each step is the transition table's business (rules.ts); the pages show only the steps it allows
 * and, when the service still refuses one, show why next to that step's form.
 */

const REQUEST_PAGES = roles('desk_officer', 'ppid', 'atasan_ppid');
const DISPOSITION_PAGES = roles('information_provider', 'ppid');
const page = { hide: true };

const NOTICES: Record<string, Text> = {
  request_created: text(
    'Permohonan dicatat dan diberi nomor. Cetak tanda bukti (dengan kode pelacakan) dan serahkan kepada pemohon.',
    'The request is recorded and numbered. Print the receipt (with the tracking code) and give it to the applicant.',
  ),
  request_duplicate: text('Formulir ini sudah pernah dikirim; inilah permohonan yang dibuatnya.', 'This form was sent before; this is the request it made.'),
  handed_over: text('Informasi diserahkan; tanda terima dibuat dan permohonan selesai.', 'Information handed over; the receipt is made and the request is closed.'),
  exempt_explained: text('Penjelasan dicatat dan suratnya dibuat; permohonan selesai.', 'The explanation is recorded and its letter made; the request is closed.'),
  completed: text('Kelengkapan dicatat.', 'The documents are recorded.'),
  escalated: text('Permohonan diteruskan ke PPID dengan nota dinas.', 'The request is escalated to the PPID with the memo.'),
  disposed: text('Disposisi dikirim ke unit.', 'The assignment was sent to the units.'),
  files_attached: text('Berkas dilampirkan dan diperiksa; putuskan setiap berkas sebelum menerbitkan pemberitahuan.', 'Files attached and checked; settle each file before issuing the notice.'),
  file_released: text('Berkas akan diberikan kepada pemohon.', 'The file will be released to the applicant.'),
  file_withheld: text('Berkas ditahan dan tidak diberikan.', 'The file is withheld.'),
  extended: text('Jangka waktu diperpanjang; surat pemberitahuan perpanjangan dibuat.', 'The deadline is extended; the extension notice is made.'),
  decided: text('Pemberitahuan tertulis terbit.', 'The written notice is issued.'),
  delivered: text('Penyerahan dicatat; permohonan selesai.', 'The delivery is recorded; the request is closed.'),
  disposition_answered: text('Jawaban dikirim ke PPID.', 'The answer was sent to the PPID.'),
};

type Body = Record<string, string | string[]>;

const fileSafe = (value: string) => value.replace(/[^A-Za-z0-9.-]+/g, '-');

/** A `datetime-local` value read on the office's clock; undefined when empty, 'invalid' when not a time. */

const INTAKE_FIELDS = ['channel', 'applicantType', 'name', 'nik', 'legalNumber', 'address', 'phone', 'email', 'occupation', 'proxyName', 'information', 'purpose', 'obtainMethod', 'deliveryMethod'] as const;

function isIntakeRole(role: string): role is IntakeFileRole {
  return (INTAKE_FILE_ROLES as readonly string[]).includes(role);
}

/** Service field → form field, per action: the forms on one page need names of their own. */
const FIELD_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  hand_over: { items: 'handover_items', note: 'handover_note' },
  explain_exempt: { pasal17: 'exempt_pasal17', dikReference: 'exempt_dik', explanation: 'exempt_explanation' },
  escalate: { note: 'escalate_note' },
  dispose: { unitIds: 'dispose_units', instruction: 'dispose_instruction', dueOn: 'dispose_due' },
  extend: { reason: 'extend_reason' },
  deliver: { mode: 'deliver_mode', note: 'deliver_note', payment: 'deliver_payment' },
  complete: { nik: 'complete_nik', legalNumber: 'complete_legalNumber', legal_deed: 'complete_legal_deed', proxy_letter: 'complete_proxy_letter', member_ids: 'complete_member_ids' },
};

/** The completion form's file fields, each carrying one missing document's role. */
const COMPLETION_FILE_FIELDS: Readonly<Record<string, string>> = Object.fromEntries(MISSING_FILE_ROLES.map((role) => [FIELD_NAMES.complete![role]!, role]));

export async function requestDeskRoutes(app: App, { database, config }: AppDeps): Promise<void> {
  const db = database.db;
  const ctxService = { baseUrl: config.baseUrl };

  // ------------------------------------------------------------------------------------ list

  app.get<{ Querystring: Record<string, unknown> }>('/desk/permohonan', { config: { access: REQUEST_PAGES }, schema: page }, async (request, reply) => {
    const ctx = pageContext(request, reply, NOTICES);
    const office = await staffOffice(db, request);
    const wanted = typeof request.query.status === 'string' && isStatus(request.query.status) ? request.query.status : '';
    const [rows, calendar] = await Promise.all([listRequests(db, scopeFor(request), { status: wanted || undefined }), calendarOf(db, office)]);
    const today = todayIn(office.timeZone);
    return sendHtml(reply, <RequestListPage ctx={ctx} office={office} rows={rows} status={wanted} today={today} calendar={calendar} />);
  });

  // ------------------------------------------------------------------------------------ intake

  async function intakePage(request: FastifyRequest, reply: FastifyReply, form: FormState, staged: readonly StagedView[], status = 200) {
    const ctx = pageContext(request, reply, NOTICES);
    return sendHtml(reply, <IntakePage ctx={ctx} office={await staffOffice(db, request)} form={form} staged={staged} />, status);
  }

  app.get('/desk/permohonan/baru', { config: { access: REQUEST_PAGES }, schema: page }, async (request, reply) =>
    intakePage(request, reply, { values: { applicantType: 'individual', submissionKey: newSubmissionKey(), startedAt: new Date().toISOString() }, errors: {} }, []),
  );

  app.post('/desk/permohonan/baru', { config: { access: REQUEST_PAGES }, schema: page }, async (request, reply) => {
    const body = formBody(request.body);
    const scope = scopeFor(request);
    const office = await staffOffice(db, request);
    const form = { ...Object.fromEntries(INTAKE_FIELDS.map((f) => [f, str(body, f)])), consent: '' } as IntakeForm;
    const submissionKey = str(body, 'submissionKey');
    const startedAtText = str(body, 'startedAt');
    const startedAt = parseInstant(startedAtText);
    const receivedAt = parseLocalDateTime(str(body, 'receivedAt'), office.timeZone);
    const allowMissing = str(body, 'allowMissing') === 'yes';
    const dropped = new Set(list(body, 'drop_staged'));
    const kept = await stagedFiles(db, scope.officeId, [...new Set(list(body, 'staged'))].filter((t) => !dropped.has(t)).slice(0, 20));
    const { good, problems: fileProblems } = checkUploads(
      request.uploads.filter((u) => isIntakeRole(u.role)),
      INTAKE_TYPES,
    );

    // Problems the service cannot see (a bad file, an unreadable time) are shown with its own checks.
    const before: Record<string, Text> = { ...fileProblems };
    if (receivedAt === 'invalid') before.receivedAt = text('Isi tanggal dan jam diterima, misalnya 17/03/2026 09.30.', 'Give the date and time received, e.g. 17/03/2026 09:30.');
    if (form.channel && !DESK_CHANNELS.includes(form.channel as Channel)) before.channel = text('Pilih saluran permohonan dari daftar.', 'Choose the channel from the list.');
    let errors: Record<string, Text>;
    let summary: Text | undefined;
    if (Object.keys(before).length === 0) {
      try {
        const submitted = await submitRequest(
          db,
          actorOf(request),
          {
            officeId: scope.officeId,
            form,
            submissionKey,
            files: good,
            stagedTokens: kept.map((s) => s.token),
            ...(receivedAt instanceof Date ? { receivedAt } : {}),
            ...(startedAt ? { startedAt } : {}),
            allowMissing,
          },
          ctxService,
        );
        return redirectWithNotice(reply, `/desk/permohonan/${submitted.request.id}`, submitted.duplicate ? 'request_duplicate' : 'request_created');
      } catch (error) {
        if (!isAppError(error) || error.status !== 422) throw error;
        errors = { ...error.fields };
        summary = error.text;
      }
    } else {
      const counts: Partial<Record<IntakeFileRole, number>> = {};
      for (const role of [...good.map((f) => f.role), ...kept.map((s) => s.file.role)]) if (isIntakeRole(role)) counts[role] = (counts[role] ?? 0) + 1;
      const checked = checkIntake(form, counts, { allowMissing });
      // Consent is asked only online; a channel outside the desk's already has its own message.
      const { consent: _consent, ...others } = checked.ok ? {} : checked.problems;
      errors = { ...others, ...before };
    }
    // A requirement the applicant did not bring need not stop the desk: say how to register it anyway.
    if (!allowMissing && Object.keys(errors).some(isMissingItem)) {
      summary = text(
        'Ada isian yang perlu diperbaiki. Bila pemohon belum membawa kelengkapan (NIK, surat kuasa, KTP anggota, akta), centang "Catat walau kelengkapan belum ada" agar permohonan tetap didaftarkan.',
        'There is a problem. If the applicant has not brought a requirement (NIK, power of attorney, members\' cards, deed), tick "Record even though documents are missing" to register the request anyway.',
      );
    }
    // Good files of a form that came back are kept, so the desk does not scan the KTP twice.
    const staged = await stageUploads(db, scope.officeId, good);
    const values = {
      ...form,
      allowMissing: allowMissing ? 'yes' : '',
      receivedAt: str(body, 'receivedAt'),
      startedAt: startedAt ? startedAtText : new Date().toISOString(),
      submissionKey: /^[A-Za-z0-9_-]{16,64}$/.test(submissionKey) ? submissionKey : newSubmissionKey(),
    };
    const shownStaged = [...kept.map((s) => ({ token: s.token, role: s.file.role, name: s.file.name })), ...staged];
    reply.header('cache-control', 'no-store');
    return intakePage(request, reply, { values, errors, summary }, shownStaged, 422);
  });

  // ------------------------------------------------------------------------------------ one request

  async function requestPage(request: FastifyRequest, reply: FastifyReply, id: number, state?: ActionState, status = 200) {
    const scope = scopeFor(request);
    const row = await requestInScope(db, scope, id);
    if (!row) throw notFound(text('Permohonan tidak ditemukan.', 'Request not found.'));
    const office = await staffOffice(db, request);
    const me = currentStaff(request);
    const [files, dispositions, letters, events, deadlines, units, calendar, completeBy, objections] = await Promise.all([
      filesOf(db, row.id),
      dispositionsOf(db, row.id),
      lettersOf(db, row.id),
      eventsOf(db, office.id, row.id),
      deadlineRows(db, [row.deadlineId, row.extensionDeadlineId, row.reopenDeadlineId]),
      unitsOfOffice(db, scope),
      calendarOf(db, office),
      completionDueOf(db, row),
      objectionsOfRequest(db, row.id),
    ]);
    const ctx = pageContext(request, reply, NOTICES);
    const data = {
      office,
      request: row,
      files,
      dispositions,
      letters,
      events,
      deadline: deadlines.find((d) => d.id === row.deadlineId),
      extension: deadlines.find((d) => d.id === row.extensionDeadlineId),
      reopened: deadlines.find((d) => d.id === row.reopenDeadlineId),
      objections,
      units,
      actions: isStatus(row.status) ? availableActions(row.status, me.roles, row.channel, row.missing) : [],
      today: todayIn(office.timeZone),
      calendar,
      completeBy,
    };
    return sendHtml(reply, <RequestPage ctx={ctx} data={data} state={state} />, status);
  }

  /** A refused step: the request page again, with what was typed and why, at that step's form. */
  function refused(request: FastifyRequest, reply: FastifyReply, requestId: number, key: string, body: Body, names: Readonly<Record<string, string>>, error: unknown) {
    if (!isAppError(error) || ![403, 409, 422].includes(error.status)) throw error;
    const form: FormState = { values: typed(body), errors: renameFields(error.fields, names), summary: error.text };
    return requestPage(request, reply, requestId, { key, form }, error.status);
  }

  app.get<{ Params: { id: string } }>('/desk/permohonan/:id', { config: { access: REQUEST_PAGES }, schema: page }, async (request, reply) =>
    requestPage(request, reply, pathId(request.params.id)),
  );

  /**
   * Refuses a step the transition table does not allow before its form is judged, so a person who may
   * not take it hears why rather than which fields are wrong; the service checks again in its transaction.
   */
  async function mayTake(request: FastifyRequest, requestId: number, action: Action): Promise<void> {
    const row = await requestInScope(db, scopeFor(request), requestId);
    if (!row) throw notFound(text('Permohonan tidak ditemukan.', 'Request not found.'));
    const check = checkTransition(action, row.status as Status, currentStaff(request).roles, row.channel);
    if (!check.ok) throw new AppError(check.status, check.status === 403 ? 'forbidden' : 'conflict', check.reason);
  }

  /** One step on a request: run it, then back to the request with a notice, or the page with the refusal. */
  function step(path: string, key: string, action: Action, notice: string, run: (request: FastifyRequest, id: number, body: Body) => Promise<unknown>) {
    app.post<{ Params: { id: string } }>(`/desk/permohonan/:id/${path}`, { config: { access: REQUEST_PAGES }, schema: page }, async (request, reply) => {
      const id = pathId(request.params.id);
      const body = formBody(request.body);
      try {
        await mayTake(request, id, action);
        await run(request, id, body);
        return redirectWithNotice(reply, `/desk/permohonan/${id}`, notice);
      } catch (error) {
        return refused(request, reply, id, key, body, FIELD_NAMES[key] ?? {}, error);
      }
    });
  }

  step('serahkan', 'hand_over', 'hand_over', 'handed_over', (request, id, body) =>
    handOver(db, actorOf(request), scopeFor(request), id, { items: str(body, 'handover_items').split(/\r?\n/), note: str(body, 'handover_note') }, ctxService),
  );
  step('dikecualikan', 'explain_exempt', 'explain_exempt', 'exempt_explained', (request, id, body) =>
    explainExempt(db, actorOf(request), scopeFor(request), id, { pasal17: str(body, 'exempt_pasal17'), dikReference: str(body, 'exempt_dik'), explanation: str(body, 'exempt_explanation') }, ctxService),
  );
  step('lengkapi', 'complete', 'complete', 'completed', (request, id, body) =>
    completeRequest(db, actorOf(request), scopeFor(request), id, {
      nik: str(body, FIELD_NAMES.complete!.nik!),
      legalNumber: str(body, FIELD_NAMES.complete!.legalNumber!),
      files: request.uploads.filter((u) => Object.hasOwn(COMPLETION_FILE_FIELDS, u.role)).map((u) => ({ ...u, role: COMPLETION_FILE_FIELDS[u.role]! })),
    }),
  );
  step('teruskan', 'escalate', 'escalate', 'escalated', (request, id, body) => escalate(db, actorOf(request), scopeFor(request), id, { note: str(body, 'escalate_note') }, ctxService));
  step('disposisi', 'dispose', 'dispose', 'disposed', (request, id, body) =>
    dispose(
      db,
      actorOf(request),
      scopeFor(request),
      id,
      {
        unitIds: list(body, 'dispose_units')
          .filter((v) => /^\d{1,9}$/.test(v))
          .map(Number),
        instruction: str(body, 'dispose_instruction'),
        dueOn: str(body, 'dispose_due'),
      },
      ctxService,
    ),
  );
  step('lampiran', 'attach', 'answer_disposition', 'files_attached', (request, id) =>
    attachAnswerFiles(
      db,
      actorOf(request),
      scopeFor(request),
      id,
      request.uploads.filter((u) => u.role === 'files'),
    ),
  );
  step('perpanjang', 'extend', 'extend', 'extended', (request, id, body) => extend(db, actorOf(request), scopeFor(request), id, { reason: str(body, 'extend_reason') }, ctxService));
  step('putuskan', 'decide', 'decide', 'decided', (request, id, body) => {
    const field = (name: string) => str(body, name);
    return decide(
      db,
      actorOf(request),
      scopeFor(request),
      id,
      {
        outcome: field('outcome'),
        holder: field('holder'),
        form: field('form'),
        perPage: field('perPage'),
        pages: field('pages'),
        delivery: field('delivery'),
        other: field('other'),
        timeToProvide: field('timeToProvide'),
        withheld: field('withheld'),
        pasal17: field('pasal17'),
        otherLaw: field('otherLaw'),
        consequence: field('consequence'),
        documentedBy: field('documentedBy'),
        note: field('note'),
        category: field('category'),
      },
      ctxService,
    );
  });
  step('kirim', 'deliver', 'deliver', 'delivered', (request, id, body) =>
    deliver(db, actorOf(request), scopeFor(request), id, { mode: str(body, 'deliver_mode'), note: str(body, 'deliver_note'), payment: str(body, 'deliver_payment') }, ctxService),
  );

  app.post<{ Params: { fileId: string } }>('/desk/berkas/:fileId/rilis', { config: { access: REQUEST_PAGES }, schema: page }, async (request, reply) => {
    const fileId = pathId(request.params.fileId);
    const scope = scopeFor(request);
    const file = await fileInScope(db, scope, fileId);
    if (!file || file.role !== 'answer') throw notFound(text('Berkas tidak ditemukan.', 'File not found.'));
    const body = formBody(request.body);
    const reasonField = releaseReasonField(fileId);
    const release = str(body, 'release') === 'yes';
    try {
      await mayTake(request, file.requestId, 'decide');
      await setFileRelease(db, actorOf(request), scope, fileId, { release, reason: str(body, reasonField) });
      return redirectWithNotice(reply, `/desk/permohonan/${file.requestId}`, release ? 'file_released' : 'file_withheld');
    } catch (error) {
      return refused(request, reply, file.requestId, `release-${fileId}`, body, { reason: reasonField }, error);
    }
  });

  // ------------------------------------------------------------------------------------ files and letters

  app.get<{ Params: { fileId: string } }>('/desk/berkas/:fileId', { config: { access: REQUEST_PAGES }, schema: page }, async (request, reply) => {
    const file = await staffFile(db, actorOf(request), scopeFor(request), pathId(request.params.fileId));
    return sendAttachment(reply, file.name, file.mediaType, file.content);
  });

  app.get<{ Params: { id: string } }>('/desk/permohonan/:id/tanda-bukti', { config: { access: REQUEST_PAGES }, schema: page }, async (request, reply) => {
    const receipt = await receiptForStaff(db, actorOf(request), scopeFor(request), pathId(request.params.id), config.baseUrl);
    return sendAttachment(reply, `tanda-bukti-${fileSafe(receipt.number)}.pdf`, 'application/pdf', receipt.pdf);
  });

  app.get<{ Params: { id: string; letterId: string } }>('/desk/permohonan/:id/surat/:letterId', { config: { access: REQUEST_PAGES }, schema: page }, async (request, reply) => {
    const row = await requestInScope(db, scopeFor(request), pathId(request.params.id));
    const letter = row ? await letterPdfOf(db, row.id, pathId(request.params.letterId)) : undefined;
    if (!letter) throw notFound(text('Surat tidak ditemukan.', 'Letter not found.'));
    return sendAttachment(reply, `${fileSafe(letter.number)}.pdf`, 'application/pdf', letter.pdf);
  });

  // ------------------------------------------------------------------------------------ dispositions

  app.get('/desk/disposisi', { config: { access: DISPOSITION_PAGES }, schema: page }, async (request, reply) => {
    const ctx = pageContext(request, reply, NOTICES);
    const me = currentStaff(request);
    const scope = scopeFor(request);
    const office = await staffOffice(db, request);
    const allUnits = hasRole(me, 'ppid');
    const units = await unitsOfOffice(db, scope);
    const mine = allUnits ? units : units.filter((u) => u.id === me.unitId);
    let rows: OpenDisposition[] | undefined;
    if (allUnits || me.unitId !== null) {
      const perUnit = await Promise.all(mine.map(async (u) => (await openDispositionsOfUnit(db, scope, u.id)).map((r) => ({ ...r, unitName: u.name }))));
      rows = perUnit.flat().sort((a, b) => a.disposition.dueOn.localeCompare(b.disposition.dueOn) || a.disposition.id - b.disposition.id);
    }
    return sendHtml(reply, <DispositionListPage ctx={ctx} office={office} rows={rows} allUnits={allUnits} today={todayIn(office.timeZone)} calendar={await calendarOf(db, office)} />);
  });

  /** The disposition, if it is a unit's and this person may answer for that unit. */
  async function dispositionFor(request: FastifyRequest, id: number) {
    const scope = scopeFor(request);
    const disposition = await dispositionInScope(db, scope, id);
    if (!disposition || disposition.target !== 'unit' || disposition.unitId === null) throw notFound(text('Disposisi tidak ditemukan.', 'Disposition not found.'));
    const me = currentStaff(request);
    if (!hasRole(me, 'ppid') && me.unitId !== disposition.unitId) throw forbidden(text('Disposisi ini ditujukan kepada unit lain.', 'This disposition is addressed to another unit.'));
    const row = await requestInScope(db, scope, disposition.requestId);
    if (!row) throw notFound();
    const unit = (await unitsOfOffice(db, scope)).find((u) => u.id === disposition.unitId);
    return { disposition, request: row, unitName: unit?.name ?? '' };
  }

  async function dispositionPage(request: FastifyRequest, reply: FastifyReply, id: number, form: FormState, status = 200) {
    const found = await dispositionFor(request, id);
    const office = await staffOffice(db, request);
    const ctx = pageContext(request, reply, NOTICES);
    return sendHtml(reply, <DispositionPage ctx={ctx} office={office} {...found} form={form} today={todayIn(office.timeZone)} calendar={await calendarOf(db, office)} />, status);
  }

  app.get<{ Params: { id: string } }>('/desk/disposisi/:id', { config: { access: DISPOSITION_PAGES }, schema: page }, async (request, reply) =>
    dispositionPage(request, reply, pathId(request.params.id), EMPTY_FORM),
  );

  app.post<{ Params: { id: string } }>('/desk/disposisi/:id', { config: { access: DISPOSITION_PAGES }, schema: page }, async (request, reply) => {
    const id = pathId(request.params.id);
    await dispositionFor(request, id);
    const body = formBody(request.body);
    const input = { answer: str(body, 'answer'), note: str(body, 'note'), holder: str(body, 'holder'), expectedOn: str(body, 'expectedOn') };
    try {
      await answerDisposition(db, actorOf(request), scopeFor(request), id, { ...input, files: request.uploads.filter((u) => u.role === 'files') }, ctxService);
      return redirectWithNotice(reply, '/desk/disposisi', 'disposition_answered');
    } catch (error) {
      if (!isAppError(error) || ![403, 409, 422].includes(error.status)) throw error;
      return dispositionPage(request, reply, id, { values: input, errors: error.fields, summary: error.text }, error.status);
    }
  });
}
