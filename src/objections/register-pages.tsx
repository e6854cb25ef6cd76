import type { FastifyRequest } from 'fastify';
import { recordEvent } from '../kernel/audit/store.ts';
import { invalid } from '../kernel/errors.ts';
import { t, text, type Lang, type Text } from '../kernel/i18n.ts';
import { todayIn } from '../offices/portal.tsx';
import type { OfficeRow } from '../offices/store.ts';
import { XLSX_TYPE } from '../reports/exports.ts';
import { EXPORT_LIMIT } from '../reports/register.ts';
import { roles } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { actorOf, currentStaff, scopeFor, sendAttachment, sendHtml, staffOffice } from '../web/context.ts';
import { ErrorSummary, SelectField, TextField, type FormState } from '../web/forms.tsx';
import { DataTable, Layout, pageContext, say, type PageContext } from '../web/layout.tsx';
import {
  checkDisputeFilter,
  checkObjectionFilter,
  defaultCaseFilter,
  describeDisputeFilter,
  describeObjectionFilter,
  DISPUTE_COLUMN_LABELS,
  DISPUTE_COLUMNS,
  DISPUTE_FILTER_KEYS,
  disputeCells,
  disputeCount,
  disputeFilterQuery,
  disputeRows,
  OBJECTION_COLUMN_LABELS,
  OBJECTION_COLUMNS,
  OBJECTION_FILTER_KEYS,
  objectionCells,
  objectionFilterQuery,
  objectionRegisterCount,
  objectionRegisterRows,
  type DisputeFilter,
  type DisputeListRow,
  type ObjectionRegisterFilter,
  type ObjectionRegisterRow,
} from './register.ts';
import { disputeListPdf, disputeListXlsx, objectionRegisterPdf, objectionRegisterXlsx } from './register-exports.ts';
import { DISPUTE_STAGE_LABELS, DISPUTE_STAGES, GROUND_LABELS, GROUNDS, OBJECTION_STATUS_LABELS, OBJECTION_STATUSES } from './rules.ts';

/**
 * The register keberatan (/desk/keberatan) and the list of disputes (/desk/sengketa), each with its
 * XLSX and PDF, for the staff who see the request register, in their own office only.
 */

const ACCESS = roles('desk_officer', 'ppid', 'atasan_ppid');
const PAGE_SIZE = 100;

const FILTER_LABELS: Readonly<Record<string, Text>> = {
  from: text('Sejak tanggal', 'From'),
  to: text('Sampai tanggal', 'Until'),
  status: text('Status', 'Status'),
  ground: text('Alasan keberatan', 'Ground'),
  stage: text('Tahap', 'Stage'),
};

/** A query parameter as one short string; repeated or odd values count as absent. */
function param(request: FastifyRequest, key: string): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value.slice(0, 100) : undefined;
}

/** The filter as asked for; a first visit (no filter at all) shows the year so far. */
function filterForm<K extends string>(request: FastifyRequest, keys: readonly K[], today: string): Record<K, string> {
  const first = keys.every((key) => param(request, key) === undefined);
  const defaults: Record<string, string> = first ? defaultCaseFilter(today) : {};
  return Object.fromEntries(keys.map((key) => [key, first ? (defaults[key] ?? '') : (param(request, key) ?? '').trim()])) as Record<K, string>;
}

function pageNumber(raw: string | undefined): number {
  return raw && /^\d{1,6}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : 1;
}

const ALL_OPTION = { value: '', label: text('Semua', 'All') };

/** Columns of running text, given room so that they do not wrap a word per line. */
const WIDE: ReadonlySet<string> = new Set(['information', 'purpose', 'grounds', 'decision', 'atasan', 'reaction', 'commission', 'outcome']);

interface Listing<R, F> {
  readonly filter: F;
  readonly rows: readonly R[];
  readonly total: number;
  readonly page: number;
}

/** The count, the downloads, the table and the page links: the same frame for both lists. */
function ListResult<R, F>(props: {
  lang: Lang;
  result: Listing<R, F>;
  path: string;
  query: (filter: F, extra?: Record<string, string>) => string;
  count: (total: number) => Text;
  describe: Text;
  table: JSX.Element;
}): JSX.Element {
  const { lang, result } = props;
  const lastPage = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const pageLink = (page: number) => `${props.path}?${props.query(result.filter, { halaman: String(page) })}`;
  const shownFrom = Math.min(result.total, (result.page - 1) * PAGE_SIZE + 1);
  const shownTo = Math.min(result.total, result.page * PAGE_SIZE);
  return (
    <>
      <p role="status">
        {say(
          lang,
          result.total === 0
            ? props.count(0)
            : text(
                `${t('id', props.count(result.total))}; baris ${shownFrom}–${shownTo} ditampilkan. ${props.describe.id}.`,
                `${t('en', props.count(result.total))}; rows ${shownFrom}–${shownTo} shown. ${props.describe.en}.`,
              ),
        )}
      </p>
      {result.total > 0 ? (
        <p>
          <a href={`${props.path}.xlsx?${props.query(result.filter)}`}>{say(lang, text('Unduh XLSX', 'Download XLSX'))}</a> ·{' '}
          <a href={`${props.path}.pdf?${props.query(result.filter)}`}>{say(lang, text('Unduh PDF (berkop surat)', 'Download PDF (on the letterhead)'))}</a>
          {result.total > EXPORT_LIMIT ? <span> {say(lang, text(`(unduhan memuat ${EXPORT_LIMIT} baris pertama)`, `(downloads hold the first ${EXPORT_LIMIT} rows)`))}</span> : ''}
        </p>
      ) : (
        ''
      )}
      {result.rows.length > 0 ? props.table : ''}
      {result.total > 0 && result.rows.length === 0 ? (
        <p>
          <a href={pageLink(1)}>{say(lang, text('Halaman ini kosong; kembali ke halaman pertama', 'This page is empty; back to the first page'))}</a>
        </p>
      ) : (
        ''
      )}
      {lastPage > 1 ? (
        <nav aria-label={t(lang, text('Halaman daftar', 'List pages'))}>
          <p>
            {result.page > 1 ? <a href={pageLink(result.page - 1)}>{say(lang, text('‹ Sebelumnya', '‹ Previous'))}</a> : ''}{' '}
            {say(lang, text(`Halaman ${Math.min(result.page, lastPage)} dari ${lastPage}`, `Page ${Math.min(result.page, lastPage)} of ${lastPage}`))}{' '}
            {result.page < lastPage ? <a href={pageLink(result.page + 1)}>{say(lang, text('Berikutnya ›', 'Next ›'))}</a> : ''}
          </p>
        </nav>
      ) : (
        ''
      )}
    </>
  );
}

// ---------------------------------------------------------------------------------------------------
// Register keberatan

function ObjectionTable(props: { lang: Lang; rows: readonly ObjectionRegisterRow[]; timeZone: string; caption: Text }): JSX.Element {
  const { lang } = props;
  return (
    <DataTable lang={lang} id="objection-register" caption={props.caption}>
      <thead>
        <tr>
          {OBJECTION_COLUMNS.map((c) => (
            <th scope="col">{say(lang, OBJECTION_COLUMN_LABELS[c])}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => {
          const cells = objectionCells(row, lang, props.timeZone);
          return (
            <tr>
              {OBJECTION_COLUMNS.map((c) =>
                c === 'number' ? (
                  <th scope="row">
                    <a href={`/desk/keberatan/${row.id}`} safe>
                      {cells.number}
                    </a>
                  </th>
                ) : c === 'request' ? (
                  <td>
                    <a href={`/desk/permohonan/${row.requestId}`} safe>
                      {cells.request}
                    </a>
                  </td>
                ) : (
                  <td class={WIDE.has(c) ? 'wide' : undefined} safe>
                    {cells[c]}
                  </td>
                ),
              )}
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}

function ObjectionRegisterPage(props: { ctx: PageContext; office: OfficeRow; form: FormState; result?: Listing<ObjectionRegisterRow, ObjectionRegisterFilter> }): JSX.Element {
  const { ctx, office, result } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={text('Register keberatan', 'Register of objections')} officeName={office.name}>
      <p>
        {say(
          lang,
          text(
            'Register disusun otomatis dari berkas keberatan: setiap baris adalah satu keberatan, dengan data permohonannya, tanggapan atasan PPID, dan sikap pemohon atas tanggapan itu.',
            "The register is built from the objections themselves: each row is one objection, with its request, the Atasan PPID's decision and the applicant's reaction to it.",
          ),
        )}
      </p>
      <section aria-labelledby="record-objection-h">
        <h2 id="record-objection-h">{say(lang, text('Catat keberatan', 'Record an objection'))}</h2>
        <p>
          {say(
            lang,
            text(
              'Keberatan selalu diajukan atas satu permohonan, sehingga dicatat dari halaman permohonan itu: buka permohonannya, lalu catat keberatan di sana. Pemohon juga dapat mengajukannya sendiri dari halaman pelacakan permohonan.',
              'An objection is always against one request, so it is recorded from that request: open the request and record the objection there. Applicants can also file it themselves from the request tracking page.',
            ),
          )}{' '}
          <a href="/desk/permohonan">{say(lang, text('Cari permohonan', 'Find the request'))}</a>
        </p>
      </section>
      <form method="get" action="/desk/keberatan" class="filters" novalidate>
        <ErrorSummary lang={lang} form={props.form} labels={FILTER_LABELS} />
        <div class="filter-fields">
          <TextField lang={lang} form={props.form} name="from" type="date" label={FILTER_LABELS.from!} hint={text('Tanggal keberatan diterima', 'Day the objection was received')} />
          <TextField lang={lang} form={props.form} name="to" type="date" label={FILTER_LABELS.to!} />
          <SelectField lang={lang} form={props.form} name="status" label={FILTER_LABELS.status!} options={[ALL_OPTION, ...OBJECTION_STATUSES.map((s) => ({ value: s, label: OBJECTION_STATUS_LABELS[s] }))]} />
          <SelectField lang={lang} form={props.form} name="ground" label={FILTER_LABELS.ground!} options={[ALL_OPTION, ...GROUNDS.map((g) => ({ value: g, label: GROUND_LABELS[g] }))]} />
        </div>
        <button type="submit">{say(lang, text('Tampilkan', 'Show'))}</button>
      </form>
      {result ? (
        <ListResult
          lang={lang}
          result={result}
          path="/desk/keberatan"
          query={objectionFilterQuery}
          count={(n) => (n === 0 ? text('Tidak ada keberatan yang sesuai dengan saringan ini.', 'No objection matches this filter.') : text(`${n} keberatan`, `${n} objections`))}
          describe={text(describeObjectionFilter(result.filter, 'id'), describeObjectionFilter(result.filter, 'en'))}
          table={
            <ObjectionTable
              lang={lang}
              rows={result.rows}
              timeZone={office.timeZone}
              caption={text(`Register keberatan: ${describeObjectionFilter(result.filter, 'id')}`, `Register of objections: ${describeObjectionFilter(result.filter, 'en')}`)}
            />
          }
        />
      ) : (
        ''
      )}
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------------
// Disputes

function DisputeTable(props: { lang: Lang; rows: readonly DisputeListRow[]; caption: Text }): JSX.Element {
  const { lang } = props;
  return (
    <DataTable lang={lang} id="dispute-list" caption={props.caption}>
      <thead>
        <tr>
          {DISPUTE_COLUMNS.map((c) => (
            <th scope="col">{say(lang, DISPUTE_COLUMN_LABELS[c])}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => {
          const cells = disputeCells(row, lang);
          return (
            <tr>
              {DISPUTE_COLUMNS.map((c) =>
                c === 'registerNumber' ? (
                  <th scope="row">
                    <a href={`/desk/sengketa/${row.id}`} safe>
                      {cells.registerNumber}
                    </a>
                  </th>
                ) : c === 'objection' ? (
                  <td>
                    <a href={`/desk/keberatan/${row.objectionId}`} safe>
                      {cells.objection}
                    </a>
                  </td>
                ) : c === 'request' ? (
                  <td>
                    <a href={`/desk/permohonan/${row.requestId}`} safe>
                      {cells.request}
                    </a>
                  </td>
                ) : (
                  <td class={WIDE.has(c) ? 'wide' : undefined} safe>
                    {cells[c]}
                  </td>
                ),
              )}
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}

function DisputeListPage(props: { ctx: PageContext; office: OfficeRow; form: FormState; result?: Listing<DisputeListRow, DisputeFilter> }): JSX.Element {
  const { ctx, office, result } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={text('Daftar sengketa informasi', 'List of information disputes')} officeName={office.name}>
      <p>
        {say(
          lang,
          text(
            'Sengketa yang diajukan pemohon ke Komisi Informasi atas keberatan di kantor ini, dengan tahapnya dan batas waktu komisi (mulai dalam 14 hari kerja, selesai dalam 100 hari kerja). Sengketa dicatat dari halaman keberatannya.',
            "Disputes the applicants took to the Information Commission over this office's objections, with their stage and the commission's deadlines (start within 14 working days, finish within 100). A dispute is recorded from its objection's page.",
          ),
        )}
      </p>
      <form method="get" action="/desk/sengketa" class="filters" novalidate>
        <ErrorSummary lang={lang} form={props.form} labels={FILTER_LABELS} />
        <div class="filter-fields">
          <TextField lang={lang} form={props.form} name="from" type="date" label={FILTER_LABELS.from!} hint={text('Tanggal sengketa diterima komisi', 'Day the commission received the dispute')} />
          <TextField lang={lang} form={props.form} name="to" type="date" label={FILTER_LABELS.to!} />
          <SelectField lang={lang} form={props.form} name="stage" label={FILTER_LABELS.stage!} options={[ALL_OPTION, ...DISPUTE_STAGES.map((s) => ({ value: s, label: DISPUTE_STAGE_LABELS[s] }))]} />
        </div>
        <button type="submit">{say(lang, text('Tampilkan', 'Show'))}</button>
      </form>
      {result ? (
        <ListResult
          lang={lang}
          result={result}
          path="/desk/sengketa"
          query={disputeFilterQuery}
          count={(n) => (n === 0 ? text('Tidak ada sengketa yang sesuai dengan saringan ini.', 'No dispute matches this filter.') : text(`${n} sengketa`, `${n} disputes`))}
          describe={text(describeDisputeFilter(result.filter, 'id'), describeDisputeFilter(result.filter, 'en'))}
          table={<DisputeTable lang={lang} rows={result.rows} caption={text(`Daftar sengketa: ${describeDisputeFilter(result.filter, 'id')}`, `Disputes: ${describeDisputeFilter(result.filter, 'en')}`)} />}
        />
      ) : (
        ''
      )}
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------------
// Routes

function exportName(kind: string, filter: { from: string; to: string }, today: string): string {
  return `${kind}_${filter.from || 'awal'}_${filter.to || today}`;
}

export async function objectionRegisterRoutes(app: App, { database }: AppDeps): Promise<void> {
  const db = database.db;

  async function objectionInput(request: FastifyRequest) {
    const office = await staffOffice(db, request);
    const today = todayIn(office.timeZone);
    const form = filterForm(request, OBJECTION_FILTER_KEYS, today);
    return { office, today, form, checked: checkObjectionFilter(form) };
  }

  async function disputeInput(request: FastifyRequest) {
    const office = await staffOffice(db, request);
    const today = todayIn(office.timeZone);
    const form = filterForm(request, DISPUTE_FILTER_KEYS, today);
    return { office, today, form, checked: checkDisputeFilter(form) };
  }

  /** Registers carry personal data: who took a copy of which rows is on the record. */
  function recordExport(request: FastifyRequest, office: OfficeRow, action: string, after: Record<string, unknown>): Promise<void> {
    return db.transaction((tx) => recordEvent(tx, actorOf(request), { officeId: office.id, action, subjectType: 'office', subjectId: office.id, after }));
  }

  app.get('/desk/keberatan', { config: { access: ACCESS }, schema: { hide: true } }, async (request, reply) => {
    const ctx = pageContext(request, reply);
    const { office, form, checked } = await objectionInput(request);
    if (!checked.ok) return sendHtml(reply, ObjectionRegisterPage({ ctx, office, form: { values: form, errors: checked.problems } }), 422);
    const page = pageNumber(param(request, 'halaman'));
    const scope = scopeFor(request);
    const [total, rows] = await Promise.all([objectionRegisterCount(db, scope, checked.filter), objectionRegisterRows(db, scope, checked.filter, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE })]);
    return sendHtml(reply, ObjectionRegisterPage({ ctx, office, form: { values: form, errors: {} }, result: { filter: checked.filter, rows, total, page } }));
  });

  for (const format of ['xlsx', 'pdf'] as const) {
    app.get(`/desk/keberatan.${format}`, { config: { access: ACCESS }, schema: { hide: true } }, async (request, reply) => {
      const { office, today, checked } = await objectionInput(request);
      if (!checked.ok) throw invalid(checked.problems);
      const scope = scopeFor(request);
      const [total, rows] = await Promise.all([objectionRegisterCount(db, scope, checked.filter), objectionRegisterRows(db, scope, checked.filter, { offset: 0, limit: EXPORT_LIMIT })]);
      const input = { office, lang: request.lang, filter: checked.filter, rows, total, generatedAt: new Date(), generatedBy: currentStaff(request).name };
      await recordExport(request, office, 'objection_register.exported', { format, filter: checked.filter, rows: rows.length });
      const name = exportName('register-keberatan', checked.filter, today);
      return format === 'xlsx'
        ? sendAttachment(reply, `${name}.xlsx`, XLSX_TYPE, await objectionRegisterXlsx(input))
        : sendAttachment(reply, `${name}.pdf`, 'application/pdf', await objectionRegisterPdf(input));
    });
  }

  app.get('/desk/sengketa', { config: { access: ACCESS }, schema: { hide: true } }, async (request, reply) => {
    const ctx = pageContext(request, reply);
    const { office, today, form, checked } = await disputeInput(request);
    if (!checked.ok) return sendHtml(reply, DisputeListPage({ ctx, office, form: { values: form, errors: checked.problems } }), 422);
    const page = pageNumber(param(request, 'halaman'));
    const scope = scopeFor(request);
    const [total, rows] = await Promise.all([disputeCount(db, scope, checked.filter), disputeRows(db, scope, checked.filter, { page: { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }, today })]);
    return sendHtml(reply, DisputeListPage({ ctx, office, form: { values: form, errors: {} }, result: { filter: checked.filter, rows, total, page } }));
  });

  for (const format of ['xlsx', 'pdf'] as const) {
    app.get(`/desk/sengketa.${format}`, { config: { access: ACCESS }, schema: { hide: true } }, async (request, reply) => {
      const { office, today, checked } = await disputeInput(request);
      if (!checked.ok) throw invalid(checked.problems);
      const scope = scopeFor(request);
      const [total, rows] = await Promise.all([disputeCount(db, scope, checked.filter), disputeRows(db, scope, checked.filter, { page: { offset: 0, limit: EXPORT_LIMIT }, today })]);
      const input = { office, lang: request.lang, filter: checked.filter, rows, total, generatedAt: new Date(), generatedBy: currentStaff(request).name };
      await recordExport(request, office, 'dispute_list.exported', { format, filter: checked.filter, rows: rows.length });
      const name = exportName('daftar-sengketa', checked.filter, today);
      return format === 'xlsx'
        ? sendAttachment(reply, `${name}.xlsx`, XLSX_TYPE, await disputeListXlsx(input))
        : sendAttachment(reply, `${name}.pdf`, 'application/pdf', await disputeListPdf(input));
    });
  }
}
