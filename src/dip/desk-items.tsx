import type { FastifyReply, FastifyRequest } from 'fastify';
import { forbidden, invalid, isAppError, notFound, type AppError } from '../kernel/errors.ts';
import { text, type Text } from '../kernel/i18n.ts';
import { todayIn } from '../offices/portal.tsx';
import { unitsOfOffice } from '../offices/store.ts';
import { roles, type Access } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { actorOf, currentStaff, hasRole, pathId, redirectWithNotice, scopeFor, sendAttachment, sendHtml, staffOffice } from '../web/context.ts';
import { EMPTY_FORM, formBody, type FormState, list, renameFields, str, typed } from '../web/forms.tsx';
import { pageContext } from '../web/layout.tsx';
import { CallPage, ItemPage, NewCallPage, NewItemPage, OverviewPage, overrideField, type ActionState } from './desk-items-views.tsx';
import { checkItem, dikInForce, type ItemForm } from './rules.ts';
import { answerCall, classifyItem, createCall, itemReadiness, overrideFileFindings, removeItemFile, submitItem, updateItem, withdrawItem } from './service.ts';
import {
  callInScope,
  callsOf,
  callUnits,
  dikEntriesFor,
  dikEntryById,
  filesOfItems,
  itemEvents,
  itemFileFactsInScope,
  itemFileInScope,
  itemInScope,
  itemsOf,
  officeAndAncestors,
  openCallsOfUnit,
} from './store.ts';

/**
 * The desk's routes for SOP 000 steps 1–2 (seed 000, DOMAIN.md §4): the PPID's calls for information,
 * the units' submissions with every DIP column and their files, the PPID's classification and
 * documentation check, and the decisions on the file checker's findings. Editions (step 3 onwards)
 * and the DIK have their own pages.
 */

const ITEM_PAGES = roles('ppid', 'information_provider');
const PPID_PAGES = roles('ppid');
/** The Secretary reviews editions and may need to open the files behind them. */
const FILE_DOWNLOAD = roles('ppid', 'information_provider', 'atasan_ppid');
const page = { hide: true };

const NOTICES: Record<string, Text> = {
  call_created: text('Permintaan informasi dikirim; unit yang dipilih menerima e-mail.', 'The call was sent; the chosen units get an e-mail.'),
  call_answered: text('Dicatat: unit Anda sudah menyerahkan semua informasinya untuk permintaan ini.', 'Recorded: your unit has handed over everything for this call.'),
  item_submitted: text('Informasi diserahkan kepada PPID. Periksa temuan pemeriksa pada berkasnya, bila ada.', "The item was handed to the PPID. Look at the checker's findings on its files, if any."),
  item_promoted: text('Berkas permohonan dijadikan informasi DIP. Klasifikasikan dan periksa temuan pemeriksa pada berkasnya.', "The request's file became a DIP item. Classify it and look at the checker's findings on its file."),
  item_updated: text('Perubahan disimpan.', 'The changes are saved.'),
  item_classified: text('Klasifikasi disimpan.', 'The classification is saved.'),
  file_overridden: text('Temuan diterima; alasannya dicatat dan berkas boleh terbit.', 'The findings are accepted; the reason is recorded and the file may be published.'),
  file_removed: text('Berkas dihapus.', 'The file was removed.'),
  item_withdrawn: text('Informasi ditarik.', 'The item was withdrawn.'),
};

type Body = Record<string, string | string[]>;

function readItemForm(body: Body): ItemForm {
  return {
    title: str(body, 'title'),
    summary: str(body, 'summary'),
    holder: str(body, 'holder'),
    responsible: str(body, 'responsible'),
    producedWhen: str(body, 'producedWhen'),
    producedWhere: str(body, 'producedWhere'),
    hasSoftcopy: str(body, 'hasSoftcopy') === 'yes',
    hasHardcopy: str(body, 'hasHardcopy') === 'yes',
    onlineLink: str(body, 'onlineLink'),
    archiveLocation: str(body, 'archiveLocation'),
    retention: str(body, 'retention'),
  };
}

/** A positive id from a form field, or undefined. */
function formId(value: string): number | undefined {
  return /^[1-9]\d{0,8}$/.test(value) ? Number(value) : undefined;
}

/** The refusals a page shows next to the form that was sent; anything else is the error page's. */
const isShownRefusal = (error: unknown): error is AppError => isAppError(error) && [403, 409, 422].includes(error.status);

export async function dipItemRoutes(app: App, { database, config }: AppDeps): Promise<void> {
  const db = database.db;
  const ctxService = { baseUrl: config.baseUrl };

  const uploadsOf = (request: FastifyRequest) => request.uploads.filter((u) => u.role === 'files');

  // ------------------------------------------------------------------------------------ overview

  app.get('/desk/dip', { config: { access: ITEM_PAGES }, schema: page }, async (request, reply) => {
    const me = currentStaff(request);
    const scope = scopeFor(request);
    const office = await staffOffice(db, request);
    const today = todayIn(office.timeZone);
    const ctx = pageContext(request, reply, NOTICES);
    if (hasRole(me, 'ppid')) {
      const open = (await callsOf(db, scope)).filter((c) => c.closedAt === null);
      const calls = await Promise.all(open.map(async (call) => ({ call, units: await callUnits(db, call.id) })));
      const items = await itemsOf(db, scope);
      const files = await filesOfItems(db, items.map((r) => r.item.id));
      return sendHtml(reply, <OverviewPage ctx={ctx} data={{ office, today, items, files, calls }} />);
    }
    const unit = me.unitId === null ? undefined : (await unitsOfOffice(db, scope)).find((u) => u.id === me.unitId);
    if (!unit) return sendHtml(reply, <OverviewPage ctx={ctx} data={{ office, today, items: [], files: [], unit: null }} />);
    const [openCalls, items] = await Promise.all([openCallsOfUnit(db, scope, unit.id), itemsOf(db, scope, { unitId: unit.id })]);
    const files = await filesOfItems(db, items.map((r) => r.item.id));
    return sendHtml(reply, <OverviewPage ctx={ctx} data={{ office, today, items, files, unit: { name: unit.name, openCalls: openCalls.map((r) => r.call) } }} />);
  });

  // ------------------------------------------------------------------------------------ calls

  async function newCallPage(request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) {
    const units = (await unitsOfOffice(db, scopeFor(request))).filter((u) => u.active);
    return sendHtml(reply, <NewCallPage ctx={pageContext(request, reply, NOTICES)} office={await staffOffice(db, request)} units={units} form={form} />, status);
  }

  app.get('/desk/dip/permintaan/baru', { config: { access: PPID_PAGES }, schema: page }, async (request, reply) => newCallPage(request, reply, EMPTY_FORM));

  app.post('/desk/dip/permintaan/baru', { config: { access: PPID_PAGES }, schema: page }, async (request, reply) => {
    const body = formBody(request.body);
    const input = {
      title: str(body, 'title'),
      instruction: str(body, 'instruction'),
      unitIds: list(body, 'unitIds')
        .map(formId)
        .filter((id): id is number => id !== undefined),
      dueOn: str(body, 'dueOn'),
    };
    try {
      const id = await createCall(db, actorOf(request), scopeFor(request), input, ctxService);
      return redirectWithNotice(reply, `/desk/dip/permintaan/${id}`, 'call_created');
    } catch (error) {
      if (!isShownRefusal(error)) throw error;
      return newCallPage(request, reply, { values: typed(body), errors: error.fields, summary: error.text }, error.status);
    }
  });

  async function callPage(request: FastifyRequest, reply: FastifyReply, id: number, state?: ActionState, status = 200) {
    const scope = scopeFor(request);
    const call = await callInScope(db, scope, id);
    if (!call) throw notFound(text('Permintaan informasi tidak ditemukan.', 'Call for information not found.'));
    const office = await staffOffice(db, request);
    const me = currentStaff(request);
    const [units, items] = await Promise.all([callUnits(db, call.id), itemsOf(db, scope)]);
    const isProvider = me.roles.includes('information_provider');
    const data = {
      office,
      call,
      units,
      items: items.filter((r) => r.item.callId === call.id),
      today: todayIn(office.timeZone),
      ...(isProvider ? { provider: { unit: units.find((u) => me.unitId !== null && u.unitId === me.unitId) } } : {}),
    };
    return sendHtml(reply, <CallPage ctx={pageContext(request, reply, NOTICES)} data={data} state={state} />, status);
  }

  app.get<{ Params: { id: string } }>('/desk/dip/permintaan/:id', { config: { access: ITEM_PAGES }, schema: page }, async (request, reply) => callPage(request, reply, pathId(request.params.id)));

  app.post<{ Params: { id: string } }>('/desk/dip/permintaan/:id/informasi', { config: { access: ITEM_PAGES }, schema: page }, async (request, reply) => {
    const id = pathId(request.params.id);
    const scope = scopeFor(request);
    if (!(await callInScope(db, scope, id))) throw notFound(text('Permintaan informasi tidak ditemukan.', 'Call for information not found.'));
    const body = formBody(request.body);
    try {
      const me = currentStaff(request);
      // A unit answers the calls sent to it; the PPID records other items from the DIP page.
      if (!hasRole(me, 'ppid') && !(await callUnits(db, id)).some((u) => u.unitId === me.unitId)) {
        throw forbidden(text('Permintaan ini tidak ditujukan kepada unit Anda.', 'This call was not sent to your unit.'));
      }
      const itemId = await submitItem(db, actorOf(request), scope, { callId: id, form: readItemForm(body), files: uploadsOf(request) });
      return redirectWithNotice(reply, `/desk/dip/informasi/${itemId}`, 'item_submitted');
    } catch (error) {
      if (!isShownRefusal(error)) throw error;
      return callPage(request, reply, id, { key: 'submit', form: { values: typed(body), errors: error.fields, summary: error.text } }, error.status);
    }
  });

  app.post<{ Params: { id: string } }>('/desk/dip/permintaan/:id/selesai', { config: { access: ITEM_PAGES }, schema: page }, async (request, reply) => {
    const id = pathId(request.params.id);
    if (!(await callInScope(db, scopeFor(request), id))) throw notFound(text('Permintaan informasi tidak ditemukan.', 'Call for information not found.'));
    try {
      await answerCall(db, actorOf(request), scopeFor(request), id);
      return redirectWithNotice(reply, `/desk/dip/permintaan/${id}`, 'call_answered');
    } catch (error) {
      if (!isShownRefusal(error)) throw error;
      return callPage(request, reply, id, { key: 'answer', form: { values: {}, errors: {}, summary: error.text } }, error.status);
    }
  });

  // ------------------------------------------------------------------------------------ items

  async function newItemPage(request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) {
    const units = (await unitsOfOffice(db, scopeFor(request))).filter((u) => u.active);
    return sendHtml(reply, <NewItemPage ctx={pageContext(request, reply, NOTICES)} office={await staffOffice(db, request)} units={units} form={form} />, status);
  }

  app.get('/desk/dip/informasi/baru', { config: { access: PPID_PAGES }, schema: page }, async (request, reply) => newItemPage(request, reply, EMPTY_FORM));

  app.post('/desk/dip/informasi', { config: { access: PPID_PAGES }, schema: page }, async (request, reply) => {
    const body = formBody(request.body);
    const form = readItemForm(body);
    const files = uploadsOf(request);
    const unitId = formId(str(body, 'unitId'));
    try {
      if (unitId === undefined) {
        const checked = checkItem(form, files.length);
        throw invalid({ unitId: text('Pilih unit yang menguasai informasi.', 'Choose the unit holding the information.'), ...(checked.ok ? {} : checked.problems) });
      }
      const itemId = await submitItem(db, actorOf(request), scopeFor(request), { callId: null, unitId, form, files });
      return redirectWithNotice(reply, `/desk/dip/informasi/${itemId}`, 'item_submitted');
    } catch (error) {
      if (!isShownRefusal(error)) throw error;
      return newItemPage(request, reply, { values: typed(body), errors: error.fields, summary: error.text }, error.status);
    }
  });

  async function itemPage(request: FastifyRequest, reply: FastifyReply, id: number, state?: ActionState, status = 200) {
    const scope = scopeFor(request);
    const item = await itemInScope(db, scope, id);
    if (!item) throw notFound(text('Informasi tidak ditemukan.', 'Item not found.'));
    const office = await staffOffice(db, request);
    const me = currentStaff(request);
    const isPpid = hasRole(me, 'ppid');
    const [files, events, units, call, dikEntry] = await Promise.all([
      filesOfItems(db, [item.id]),
      itemEvents(db, office.id, item.id),
      unitsOfOffice(db, scope),
      item.callId === null ? undefined : callInScope(db, scope, item.callId),
      item.dikEntryId === null ? undefined : dikEntryById(db, item.dikEntryId),
    ]);
    let dikOptions: Awaited<ReturnType<typeof dikEntriesFor>> = [];
    if (isPpid) {
      const chain = await officeAndAncestors(db, office.id);
      dikOptions = dikInForce(await dikEntriesFor(db, chain), chain, todayIn(office.timeZone));
    }
    const sameUnit = item.unitId !== null && item.unitId === me.unitId;
    const live = item.status !== 'withdrawn';
    const data = {
      office,
      item,
      unitName: units.find((u) => u.id === item.unitId)?.name ?? null,
      call,
      files,
      events,
      dikOptions,
      dikEntry,
      readiness: itemReadiness(item, files),
      isPpid,
      canEdit: live && (isPpid || (sameUnit && item.status === 'submitted')),
      canRemoveFiles: live && (isPpid || sameUnit),
    };
    return sendHtml(reply, <ItemPage ctx={pageContext(request, reply, NOTICES)} data={data} state={state} />, status);
  }

  /** A refused step: the item page again, with what was typed and why, at that step's form. */
  function refused(request: FastifyRequest, reply: FastifyReply, itemId: number, key: string, body: Body, names: Readonly<Record<string, string>>, error: unknown) {
    if (!isShownRefusal(error)) throw error;
    return itemPage(request, reply, itemId, { key, form: { values: typed(body), errors: renameFields(error.fields, names), summary: error.text } }, error.status);
  }

  app.get<{ Params: { id: string } }>('/desk/dip/informasi/:id', { config: { access: ITEM_PAGES }, schema: page }, async (request, reply) => itemPage(request, reply, pathId(request.params.id)));

  /** One step on an item: run it, then back to the item with a notice, or the page with the refusal. */
  function itemStep(path: string, access: Access, key: string, names: Readonly<Record<string, string>>, notice: string, run: (request: FastifyRequest, id: number, body: Body) => Promise<unknown>) {
    app.post<{ Params: { id: string } }>(`/desk/dip/informasi/:id/${path}`, { config: { access }, schema: page }, async (request, reply) => {
      const id = pathId(request.params.id);
      // Another office's item is not found, whatever the form says.
      if (!(await itemInScope(db, scopeFor(request), id))) throw notFound(text('Informasi tidak ditemukan.', 'Item not found.'));
      const body = formBody(request.body);
      try {
        await run(request, id, body);
        return redirectWithNotice(reply, `/desk/dip/informasi/${id}`, notice);
      } catch (error) {
        return refused(request, reply, id, key, body, names, error);
      }
    });
  }

  itemStep('ubah', ITEM_PAGES, 'edit', {}, 'item_updated', (request, id, body) => updateItem(db, actorOf(request), scopeFor(request), id, { form: readItemForm(body), files: uploadsOf(request) }));
  itemStep('klasifikasi', PPID_PAGES, 'classify', {}, 'item_classified', (request, id, body) =>
    classifyItem(
      db,
      actorOf(request),
      scopeFor(request),
      id,
      { category: str(body, 'category'), updateMonths: str(body, 'updateMonths'), dikEntryId: str(body, 'dikEntryId'), documentationChecked: str(body, 'documentationChecked') === 'yes' },
      ctxService,
    ),
  );
  itemStep('tarik', PPID_PAGES, 'withdraw', { reason: 'withdraw_reason' }, 'item_withdrawn', (request, id, body) => withdrawItem(db, actorOf(request), scopeFor(request), id, str(body, 'withdraw_reason')));

  // ------------------------------------------------------------------------------------ files

  /** The file's facts in this office, or 404: another office's file ids do not exist here. */
  async function fileFacts(request: FastifyRequest, fileId: number) {
    const file = await itemFileFactsInScope(db, scopeFor(request), fileId);
    if (!file) throw notFound(text('Berkas tidak ditemukan.', 'File not found.'));
    return file;
  }

  app.post<{ Params: { fileId: string } }>('/desk/dip/berkas/:fileId/terima', { config: { access: PPID_PAGES }, schema: page }, async (request, reply) => {
    const file = await fileFacts(request, pathId(request.params.fileId));
    const body = formBody(request.body);
    const field = overrideField(file.id);
    try {
      await overrideFileFindings(db, actorOf(request), scopeFor(request), file.id, str(body, field));
      return redirectWithNotice(reply, `/desk/dip/informasi/${file.itemId}`, 'file_overridden');
    } catch (error) {
      return refused(request, reply, file.itemId, `override-${file.id}`, body, { reason: field }, error);
    }
  });

  app.post<{ Params: { fileId: string } }>('/desk/dip/berkas/:fileId/hapus', { config: { access: ITEM_PAGES }, schema: page }, async (request, reply) => {
    const file = await fileFacts(request, pathId(request.params.fileId));
    try {
      await removeItemFile(db, actorOf(request), scopeFor(request), file.id);
      return redirectWithNotice(reply, `/desk/dip/informasi/${file.itemId}`, 'file_removed');
    } catch (error) {
      return refused(request, reply, file.itemId, `remove-${file.id}`, {}, {}, error);
    }
  });

  app.get<{ Params: { fileId: string } }>('/desk/dip/berkas/:fileId', { config: { access: FILE_DOWNLOAD }, schema: page }, async (request, reply) => {
    const file = await itemFileInScope(db, scopeFor(request), pathId(request.params.fileId));
    if (!file) throw notFound(text('Berkas tidak ditemukan.', 'File not found.'));
    return sendAttachment(reply, file.name, file.mediaType, file.content);
  });
}

