import { BarChart } from './chart.tsx';
import type { FastifyRequest } from 'fastify';
import { workingDaysBetween } from '../calendar/rules.ts';
import { invalid } from '../kernel/errors.ts';
import { formatDay, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import { todayIn } from '../offices/portal.tsx';
import { type OfficeRow } from '../offices/store.ts';
import { CHANNEL_LABELS, CHANNELS, STATUS_LABELS, STATUSES } from '../requests/rules.ts';
import { roles } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { actorOf, currentStaff, sendAttachment, sendHtml, staffOffice } from '../web/context.ts';
import { recordEvent } from '../kernel/audit/store.ts';
import { ErrorSummary, SelectField, TextField, type FormState } from '../web/forms.tsx';
import { DataTable, Layout, pageContext, say, type PageContext } from '../web/layout.tsx';
import { caseSections, hasCases, noCasesText } from '../objections/register.ts';
import { emptyMonthText, monthlyPdf, monthlyXlsx, registerPdf, registerXlsx, XLSX_TYPE } from './exports.ts';
import { EXPORT_LIMIT, monthlyReport, registerCount, registerRows, supervision, type MonthlyReport, type Supervision } from './register.ts';
import {
  checkDay,
  checkMonth,
  checkRegisterFilter,
  COLUMN_LABELS,
  defaultFilter,
  describeFilter,
  figureValue,
  FILTER_KEYS,
  filterQuery,
  monthLabel,
  monthlyCharts,
  monthlySections,
  nextMonth,
  openAt,
  overSop,
  previousMonth,
  REGISTER_COLUMNS,
  REGISTER_DECISION_LABELS,
  REGISTER_DECISIONS,
  registerCells,
  STEP_NAMES,
  type RegisterFilter,
  type RegisterFilterForm,
  type RegisterRow,
  type TimedStep,
} from './rules.ts';

/**
 * SOP steps 6–8 on the desk: the register (/desk/register and its XLSX and PDF), the PPID's daily
 * supervision (/desk/supervisi) and the monthly report to the Secretary (/desk/laporan-bulanan and
 * its PDF and XLSX). Every page reads the staff member's own office only.
 */

const REGISTER_ACCESS = roles('desk_officer', 'ppid', 'atasan_ppid');
const SUPERVISION_ACCESS = roles('ppid');
const REPORT_ACCESS = roles('ppid', 'atasan_ppid');
const PAGE_SIZE = 100;

const FILTER_LABELS: Readonly<Record<string, Text>> = {
  from: text('Diterima sejak', 'Received from'),
  to: text('Diterima sampai', 'Received until'),
  status: text('Tahap', 'Stage'),
  channel: text('Saluran', 'Channel'),
  decision: text('Keputusan', 'Decision'),
  tanggal: text('Tanggal', 'Date'),
  bulan: text('Bulan', 'Month'),
};

/** A query parameter as one short string; repeated or odd values count as absent. */
function param(request: FastifyRequest, key: string): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value.slice(0, 100) : undefined;
}

/** The filter as asked for; a first visit (no filter at all) shows this month so far. */
function filterForm(request: FastifyRequest, today: string): RegisterFilterForm {
  if (FILTER_KEYS.every((key) => param(request, key) === undefined)) return defaultFilter(today);
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, (param(request, key) ?? '').trim()])) as RegisterFilterForm;
}

function exportName(filter: RegisterFilter, today: string): string {
  return `register-pelayanan-informasi_${filter.from || 'awal'}_${filter.to || today}`;
}

// ---------------------------------------------------------------------------------------------------
// Register

function FilterForm(props: { lang: Lang; form: FormState }): JSX.Element {
  const { lang, form } = props;
  const all = { value: '', label: text('Semua', 'All') };
  return (
    <form method="get" action="/desk/register" class="filters" novalidate>
      <ErrorSummary lang={lang} form={form} labels={FILTER_LABELS} />
      <div class="filter-fields">
        <TextField lang={lang} form={form} name="from" type="date" label={FILTER_LABELS.from!} />
        <TextField lang={lang} form={form} name="to" type="date" label={FILTER_LABELS.to!} />
        <SelectField lang={lang} form={form} name="status" label={FILTER_LABELS.status!} options={[all, ...STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))]} />
        <SelectField lang={lang} form={form} name="channel" label={FILTER_LABELS.channel!} options={[all, ...CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))]} />
        <SelectField lang={lang} form={form} name="decision" label={FILTER_LABELS.decision!} options={[all, ...REGISTER_DECISIONS.map((d) => ({ value: d, label: REGISTER_DECISION_LABELS[d] }))]} />
      </div>
      <button type="submit">{say(lang, text('Tampilkan', 'Show'))}</button>
    </form>
  );
}

/** Columns of running text, given room so that they do not wrap a word per line. */
const WIDE_COLUMNS: ReadonlySet<string> = new Set(['address', 'missing', 'information', 'purpose', 'held', 'decision', 'refusal', 'units', 'extension']);

function RegisterTable(props: { lang: Lang; rows: readonly RegisterRow[]; timeZone: string; caption: Text }): JSX.Element {
  const { lang } = props;
  return (
    <DataTable lang={lang} id="register" caption={props.caption}>
      <thead>
        <tr>
          {REGISTER_COLUMNS.map((c) => (
            <th scope="col">{say(lang, COLUMN_LABELS[c])}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => {
          const cells = registerCells(row, lang, props.timeZone);
          return (
            <tr>
              {REGISTER_COLUMNS.map((c) =>
                c === 'number' ? (
                  <th scope="row">
                    <a href={`/desk/permohonan/${row.id}`} safe>
                      {cells.number}
                    </a>
                  </th>
                ) : (
                  <td class={WIDE_COLUMNS.has(c) ? 'wide' : undefined} safe>
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

function RegisterPage(props: {
  ctx: PageContext;
  office: OfficeRow;
  form: FormState;
  result?: { filter: RegisterFilter; rows: RegisterRow[]; total: number; page: number };
}): JSX.Element {
  const { ctx, office, result } = props;
  const lang = ctx.lang;
  const lastPage = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  const pageLink = (page: number) => `/desk/register?${filterQuery(result!.filter, { halaman: String(page) })}`;
  return (
    <Layout ctx={ctx} title={text('Register pelayanan informasi', 'Register of information service')} officeName={office.name}>
      <p>
        {say(
          lang,
          text(
            'Register disusun otomatis dari data permohonan: setiap baris adalah satu permohonan, dan tidak ada yang diketik ulang. NIK selalu ditampilkan tersamar.',
            'The register is built from the requests themselves: each row is one request and nothing is typed twice. NIKs are always shown masked.',
          ),
        )}
      </p>
      <FilterForm lang={lang} form={props.form} />
      {result ? (
        <>
          <p role="status">
            {say(
              lang,
              result.total === 0
                ? text('Tidak ada permohonan yang sesuai dengan saringan ini.', 'No request matches this filter.')
                : text(
                    `${result.total} permohonan; baris ${Math.min(result.total, (result.page - 1) * PAGE_SIZE + 1)}–${Math.min(result.total, result.page * PAGE_SIZE)} ditampilkan. ${describeFilter(result.filter, 'id')}.`,
                    `${result.total} requests; rows ${Math.min(result.total, (result.page - 1) * PAGE_SIZE + 1)}–${Math.min(result.total, result.page * PAGE_SIZE)} shown. ${describeFilter(result.filter, 'en')}.`,
                  ),
            )}
          </p>
          {result.total > 0 ? (
            <p>
              <a href={`/desk/register.xlsx?${filterQuery(result.filter)}`}>{say(lang, text('Unduh XLSX', 'Download XLSX'))}</a> ·{' '}
              <a href={`/desk/register.pdf?${filterQuery(result.filter)}`}>{say(lang, text('Unduh PDF (berkop surat)', 'Download PDF (on the letterhead)'))}</a>
              {result.total > EXPORT_LIMIT ? (
                <span>
                  {' '}
                  {say(lang, text(`(unduhan memuat ${EXPORT_LIMIT} baris pertama)`, `(downloads hold the first ${EXPORT_LIMIT} rows)`))}
                </span>
              ) : (
                ''
              )}
            </p>
          ) : (
            ''
          )}
          {result.rows.length > 0 ? <RegisterTable lang={lang} rows={result.rows} timeZone={office.timeZone} caption={text(`Register: ${describeFilter(result.filter, 'id')}`, `Register: ${describeFilter(result.filter, 'en')}`)} /> : ''}
          {result.total > 0 && result.rows.length === 0 ? (
            <p>
              <a href={pageLink(1)}>{say(lang, text('Halaman ini kosong; kembali ke halaman pertama', 'This page is empty; back to the first page'))}</a>
            </p>
          ) : (
            ''
          )}
          {lastPage > 1 ? (
            <nav aria-label={t(lang, text('Halaman register', 'Register pages'))}>
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
      ) : (
        ''
      )}
    </Layout>
  );
}

function pageNumber(raw: string | undefined): number {
  return raw && /^\d{1,6}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : 1;
}

// ---------------------------------------------------------------------------------------------------
// Daily supervision

function RequestList(props: { lang: Lang; id: string; title: Text; rows: readonly RegisterRow[]; show: 'received' | 'answered' | 'due'; day: string; calendar: Supervision['calendar'] }): JSX.Element {
  const { lang } = props;
  return (
    <section aria-labelledby={`${props.id}-h`}>
      <h2 id={`${props.id}-h`}>{say(lang, text(`${props.title.id}: ${props.rows.length}`, `${props.title.en}: ${props.rows.length}`))}</h2>
      {props.rows.length === 0 ? (
        <p>{say(lang, text('Tidak ada.', 'None.'))}</p>
      ) : (
        <DataTable lang={lang} id={props.id} caption={props.title}>
          <thead>
            <tr>
              <th scope="col">{say(lang, COLUMN_LABELS.number)}</th>
              <th scope="col">{say(lang, COLUMN_LABELS.name)}</th>
              <th scope="col">{say(lang, COLUMN_LABELS.information)}</th>
              <th scope="col">{say(lang, props.show === 'answered' ? COLUMN_LABELS.decision : COLUMN_LABELS.stage)}</th>
              <th scope="col">{say(lang, COLUMN_LABELS.due)}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => {
              const cells = registerCells(row, lang, props.calendar.timeZone);
              // A countdown only for a request still open at the end of the day; an answered one has none.
              const left = row.due && openAt(row, props.day) ? workingDaysBetween(props.day, row.due, props.calendar) : null;
              const dueWords =
                left === null
                  ? cells.due
                  : left > 0
                    ? t(lang, text(`${cells.due} (${left} hari kerja lagi)`, `${cells.due} (${left} working days left)`))
                    : left === 0
                      ? t(lang, text(`${cells.due} (hari ini)`, `${cells.due} (today)`))
                      : t(lang, text(`${cells.due} (lewat ${-left} hari kerja)`, `${cells.due} (${-left} working days over)`));
              return (
                <tr>
                  <th scope="row">
                    <a href={`/desk/permohonan/${row.id}`} safe>
                      {row.number}
                    </a>
                  </th>
                  <td safe>{cells.name}</td>
                  <td safe>{row.information.length > 160 ? `${row.information.slice(0, 157)}…` : row.information}</td>
                  <td safe>{props.show === 'answered' ? cells.decision : cells.stage}</td>
                  <td safe>{props.show === 'answered' ? cells.due : dueWords}</td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}

function stepWords(lang: Lang, steps: readonly TimedStep[]): string {
  if (steps.length === 0) return '—';
  return steps
    .map((s) => {
      const name = STEP_NAMES[s.action] ? `${t(lang, STEP_NAMES[s.action]!)} ` : '';
      const time = s.minutes === null ? t(lang, text('waktu tidak tercatat', 'time not recorded')) : `${s.minutes}/${s.sopMinutes ?? '?'} ${t(lang, text('menit', 'min'))}`;
      return `${s.number}: ${name}${time}${overSop(s) ? ` ${t(lang, text('(melebihi SOP)', '(over the SOP)'))}` : ''}`;
    })
    .join('; ');
}

function SupervisionPage(props: { ctx: PageContext; office: OfficeRow; form: FormState; data?: Supervision }): JSX.Element {
  const { ctx, office, data } = props;
  const lang = ctx.lang;
  const day = data?.figures.day;
  const counts: [string, Text, number][] = data
    ? [
        ['sup-intake', text('Permohonan masuk', 'Requests received'), data.figures.intake.length],
        ['sup-answered', text('Dijawab', 'Answered'), data.figures.answered.length],
        ['sup-due', text('Jatuh tempo ≤ 2 hari kerja', 'Due within 2 working days'), data.figures.dueSoon.length],
        ['sup-overdue', text('Lewat batas waktu', 'Overdue'), data.figures.overdue.length],
      ]
    : [];
  const nameOf = (id: number | null) => (id === null ? t(lang, text('Portal (daring, tanpa petugas)', 'Portal (online, no officer)')) : (data?.names.get(id) ?? `#${id}`));
  return (
    <Layout ctx={ctx} title={day ? text(`Supervisi harian: ${formatDay('id', day)}`, `Daily supervision: ${formatDay('en', day)}`) : text('Supervisi harian', 'Daily supervision')} officeName={office.name}>
      <form method="get" action="/desk/supervisi" class="narrow" novalidate>
        <ErrorSummary lang={lang} form={props.form} labels={FILTER_LABELS} />
        <TextField lang={lang} form={props.form} name="tanggal" type="date" label={FILTER_LABELS.tanggal!} hint={text('Kosongkan untuk hari ini.', 'Leave empty for today.')} />
        <button type="submit">{say(lang, text('Tampilkan', 'Show'))}</button>
      </form>
      {data && day ? (
        <>
          <ul class="counts">
            {counts.map(([id, label, n]) => (
              <li>
                <a href={`#${id}-h`}>
                  <span class="count">{n}</span> {say(lang, label)}
                </a>
              </li>
            ))}
          </ul>
          <p class="hint">
            {say(
              lang,
              text(
                'Dihitung dari register: "dijawab" berarti pemberitahuan tertulis terbit atau selesai di desk (diserahkan langsung / dijelaskan dikecualikan) pada tanggal ini; jatuh tempo dan lewat waktu memakai batas waktu yang berlaku sekarang (termasuk perpanjangan) dan kalender hari kerja kantor.',
                'Counted from the register: "answered" means a written notice was issued, or the desk closed the request (handed over / explained as exempt), on this date; due and overdue use the deadline now running (extension included) and the office calendar.',
              ),
            )}
          </p>
          <RequestList lang={lang} id="sup-intake" title={text('Permohonan masuk', 'Requests received')} rows={data.figures.intake} show="received" day={day} calendar={data.calendar} />
          <RequestList lang={lang} id="sup-answered" title={text('Dijawab', 'Answered')} rows={data.figures.answered} show="answered" day={day} calendar={data.calendar} />
          <RequestList lang={lang} id="sup-due" title={text('Jatuh tempo dalam 2 hari kerja', 'Due within 2 working days')} rows={data.figures.dueSoon} show="due" day={day} calendar={data.calendar} />
          <RequestList lang={lang} id="sup-overdue" title={text('Lewat batas waktu', 'Overdue')} rows={data.figures.overdue} show="due" day={day} calendar={data.calendar} />
          <section aria-labelledby="sup-officers-h">
            <h2 id="sup-officers-h">{say(lang, text('Kinerja per petugas', 'Work per officer'))}</h2>
            {data.officers.length === 0 ? (
              <p>{say(lang, text('Tidak ada kegiatan pada tanggal ini.', 'No activity on this date.'))}</p>
            ) : (
              <DataTable lang={lang} id="sup-officers" caption={text('Kinerja per petugas pada tanggal ini', 'Work per officer on this date')}>
                <thead>
                  <tr>
                    <th scope="col">{say(lang, text('Petugas', 'Officer'))}</th>
                    <th scope="col">{say(lang, text('Permohonan dicatat', 'Requests entered'))}</th>
                    <th scope="col">{say(lang, text('Waktu pencatatan (menit / SOP)', 'Intake time (minutes / SOP)'))}</th>
                    <th scope="col">{say(lang, text('Pemberitahuan tertulis', 'Written notices'))}</th>
                    <th scope="col">{say(lang, text('Layanan langsung di desk (menit / SOP)', 'Desk quick paths (minutes / SOP)'))}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.officers.map((o) => (
                    <tr>
                      <th scope="row" safe>
                        {nameOf(o.staffId)}
                      </th>
                      <td>{o.intake}</td>
                      <td safe>{stepWords(lang, o.intakeSteps)}</td>
                      <td>{o.notices}</td>
                      <td safe>{stepWords(lang, o.quickPaths)}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            )}
          </section>
          <section aria-labelledby="sup-dispositions-h">
            <h2 id="sup-dispositions-h">{say(lang, text(`Disposisi unit lewat tanggal jawaban: ${data.lateDispositions.length}`, `Unit assignments past their answer date: ${data.lateDispositions.length}`))}</h2>
            {data.lateDispositions.length === 0 ? (
              <p>{say(lang, text('Tidak ada.', 'None.'))}</p>
            ) : (
              <DataTable lang={lang} id="sup-dispositions" caption={text('Disposisi unit yang belum dijawab melewati tanggalnya', 'Unit assignments not answered by their date')}>
                <thead>
                  <tr>
                    <th scope="col">{say(lang, COLUMN_LABELS.number)}</th>
                    <th scope="col">{say(lang, text('Unit', 'Unit'))}</th>
                    <th scope="col">{say(lang, text('Tanggal jawaban unit', "Unit's answer date"))}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.lateDispositions.map((d) => (
                    <tr>
                      <th scope="row">
                        <a href={`/desk/permohonan/${d.requestId}`} safe>
                          {d.number}
                        </a>
                      </th>
                      <td safe>{d.unitName ?? '—'}</td>
                      <td safe>{formatDay(lang, d.dueOn)}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            )}
          </section>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------------
// Monthly report


/** The month's objections and disputes, counted from /desk/keberatan and /desk/sengketa rows, each count linked to them. */
function CasesSection(props: { lang: Lang; report: MonthlyReport }): JSX.Element {
  const { lang, report } = props;
  const { figures, objections, disputes } = report.cases;
  return (
    <section aria-labelledby="cases-h">
      <h2 id="cases-h">{say(lang, text('Keberatan dan sengketa informasi', 'Objections and information disputes'))}</h2>
      {hasCases(figures) ? (
        <>
          <p>
            {say(
              lang,
              text(
                `Dihitung dari ${objections.length} baris register keberatan yang diterima bulan ini dan ${disputes.length} baris daftar sengketa yang diajukan bulan ini, sebagaimana keduanya menunjukkannya sekarang.`,
                `Counted from the ${objections.length} rows of the register of objections received this month and the ${disputes.length} rows of the list of disputes filed this month, as both show them now.`,
              ),
            )}
          </p>
          {caseSections(figures, report.period).map((section) => (
            <DataTable lang={lang} id={`fig-${section.id}`} caption={section.title} captionVisible>
              <thead>
                <tr>
                  <th scope="col">{say(lang, text('Uraian', 'Item'))}</th>
                  <th scope="col">{say(lang, text('Nilai', 'Value'))}</th>
                </tr>
              </thead>
              <tbody>
                {section.lines.map((line) => (
                  <tr>
                    <th scope="row">{say(lang, line.label)}</th>
                    <td class="num">
                      {line.href && line.value ? (
                        <a href={line.href} safe>
                          {figureValue(lang, line)}
                        </a>
                      ) : (
                        <span safe>{figureValue(lang, line)}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          ))}
        </>
      ) : (
        <p safe>{noCasesText(lang, report.period.month)}</p>
      )}
    </section>
  );
}

function MonthlyPage(props: { ctx: PageContext; office: OfficeRow; form: FormState; report?: MonthlyReport }): JSX.Element {
  const { ctx, office, report } = props;
  const lang = ctx.lang;
  const month = report?.period.month;
  const registerLink = (filter: Partial<RegisterFilterForm>) => `/desk/register?${filterQuery({ ...report!.filter, ...filter } as RegisterFilter)}`;
  return (
    <Layout
      ctx={ctx}
      title={month ? text(`Laporan bulanan ${monthLabel('id', month)}`, `Monthly report ${monthLabel('en', month)}`) : text('Laporan bulanan', 'Monthly report')}
      officeName={office.name}
    >
      <form method="get" action="/desk/laporan-bulanan" class="narrow" novalidate>
        <ErrorSummary lang={lang} form={props.form} labels={FILTER_LABELS} />
        <TextField
          lang={lang}
          form={props.form}
          name="bulan"
          label={FILTER_LABELS.bulan!}
          inputmode="numeric"
          autocomplete="off"
          hint={text('Format TTTT-BB, misalnya 2026-10. Kosongkan untuk bulan lalu.', 'Format YYYY-MM, for example 2026-10. Leave empty for last month.')}
        />
        <button type="submit">{say(lang, text('Tampilkan', 'Show'))}</button>
      </form>
      {report && month ? (
        <>
          <nav aria-label={t(lang, text('Bulan lain', 'Other months'))}>
            <p>
              <a href={`/desk/laporan-bulanan?bulan=${previousMonth(`${month}-01`)}`}>{say(lang, text(`‹ ${monthLabel('id', previousMonth(`${month}-01`))}`, `‹ ${monthLabel('en', previousMonth(`${month}-01`))}`))}</a>
              {report.period.inProgress ? (
                ''
              ) : (
                <>
                  {' · '}
                  <a href={`/desk/laporan-bulanan?bulan=${nextMonth(month)}`}>{say(lang, text(`${monthLabel('id', nextMonth(month))} ›`, `${monthLabel('en', nextMonth(month))} ›`))}</a>
                </>
              )}
            </p>
          </nav>
          {report.period.inProgress ? (
            <p class="warning" role="note">
              {say(lang, text('Bulan ini masih berjalan: angka di bawah dihitung sampai hari ini dan masih dapat berubah.', 'This month is still running: the figures below run to today and may still change.'))}
            </p>
          ) : (
            ''
          )}
          <p>
            <a href={`/desk/laporan-bulanan.pdf?bulan=${month}`}>{say(lang, text('Unduh PDF (berkop surat, untuk Sekretaris)', 'Download PDF (on the letterhead, for the Secretary)'))}</a> ·{' '}
            <a href={`/desk/laporan-bulanan.xlsx?bulan=${month}`}>{say(lang, text('Unduh XLSX (angka dan baris register)', 'Download XLSX (figures and register rows)'))}</a> ·{' '}
            <a href={registerLink({})}>{say(lang, text('Lihat register bulan ini', "See this month's register"))}</a>
          </p>
          {report.rows.length === 0 ? (
            <p class="notice" role="status" safe>
              {emptyMonthText(lang, month)}
            </p>
          ) : (
            <>
              <p>
                {say(
                  lang,
                  text(
                    `Setiap angka dihitung dari ${report.rows.length} baris register permohonan yang diterima bulan ini (tanggal diterima menurut zona waktu kantor), sebagaimana register menunjukkannya sekarang. Angka yang bertaut membuka baris register di baliknya.`,
                    `Every figure is counted from the ${report.rows.length} register rows of requests received this month (date received in the office time zone), as the register shows them now. Linked figures open the register rows behind them.`,
                  ),
                )}
              </p>
              {monthlySections(report.figures).map((section) => (
                <DataTable lang={lang} id={`fig-${section.id}`} caption={section.title} captionVisible>
                  <thead>
                    <tr>
                      <th scope="col">{say(lang, text('Uraian', 'Item'))}</th>
                      <th scope="col">{say(lang, text('Nilai', 'Value'))}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {section.lines.map((line) => (
                      <tr>
                        <th scope="row">{say(lang, line.label)}</th>
                        <td class="num">
                          {line.filter && line.value ? (
                            <a href={registerLink(line.filter)} safe>
                              {figureValue(lang, line)}
                            </a>
                          ) : (
                            <span safe>{figureValue(lang, line)}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </DataTable>
              ))}
              {monthlyCharts(report.figures, lang).map((chart) => (
                <BarChart lang={lang} id={chart.id} title={chart.title} geometry={chart.geometry} />
              ))}
            </>
          )}
          <CasesSection lang={lang} report={report} />
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------------
// Routes

export async function reportRoutes(app: App, { database }: AppDeps): Promise<void> {
  const db = database.db;

  /** The filter of a register request, or a 422 that says which part is wrong. */
  async function registerInput(request: FastifyRequest) {
    const office = await staffOffice(db, request);
    const today = todayIn(office.timeZone);
    const form = filterForm(request, today);
    const checked = checkRegisterFilter(form);
    return { office, today, form, checked };
  }

  app.get('/desk/register', { config: { access: REGISTER_ACCESS }, schema: { hide: true } }, async (request, reply) => {
    const ctx = pageContext(request, reply);
    const { office, form, checked } = await registerInput(request);
    if (!checked.ok) return sendHtml(reply, RegisterPage({ ctx, office, form: { values: form, errors: checked.problems } }), 422);
    const page = pageNumber(param(request, 'halaman'));
    const [total, rows] = await Promise.all([registerCount(db, office, checked.filter), registerRows(db, office, checked.filter, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE })]);
    return sendHtml(reply, RegisterPage({ ctx, office, form: { values: form, errors: {} }, result: { filter: checked.filter, rows, total, page } }));
  });

  for (const format of ['xlsx', 'pdf'] as const) {
    app.get(`/desk/register.${format}`, { config: { access: REGISTER_ACCESS }, schema: { hide: true } }, async (request, reply) => {
      const { office, today, checked } = await registerInput(request);
      if (!checked.ok) throw invalid(checked.problems);
      const [total, rows] = await Promise.all([registerCount(db, office, checked.filter), registerRows(db, office, checked.filter, { offset: 0, limit: EXPORT_LIMIT })]);
      const input = { office, lang: request.lang, filter: checked.filter, rows, total, generatedAt: new Date(), generatedBy: currentStaff(request).name };
      const name = exportName(checked.filter, today);
      // The register carries personal data; who took a copy of which rows is on the record.
      await db.transaction((tx) =>
        recordEvent(tx, actorOf(request), { officeId: office.id, action: 'register.exported', subjectType: 'office', subjectId: office.id, after: { format, filter: checked.filter, rows: rows.length } }),
      );
      return format === 'xlsx' ? sendAttachment(reply, `${name}.xlsx`, XLSX_TYPE, await registerXlsx(input)) : sendAttachment(reply, `${name}.pdf`, 'application/pdf', await registerPdf(input));
    });
  }

  app.get('/desk/supervisi', { config: { access: SUPERVISION_ACCESS }, schema: { hide: true } }, async (request, reply) => {
    const ctx = pageContext(request, reply);
    const office = await staffOffice(db, request);
    const today = todayIn(office.timeZone);
    const raw = param(request, 'tanggal') ?? '';
    const checked = checkDay(raw, today);
    if (!checked.ok) return sendHtml(reply, SupervisionPage({ ctx, office, form: { values: { tanggal: raw }, errors: { tanggal: checked.problem } } }), 422);
    const data = await supervision(db, office, checked.day);
    return sendHtml(reply, SupervisionPage({ ctx, office, data, form: { values: { tanggal: checked.day }, errors: {} } }));
  });

  async function monthInput(request: FastifyRequest) {
    const office = await staffOffice(db, request);
    const today = todayIn(office.timeZone);
    const raw = param(request, 'bulan') ?? '';
    return { office, today, raw, checked: checkMonth(raw, today) };
  }

  app.get('/desk/laporan-bulanan', { config: { access: REPORT_ACCESS }, schema: { hide: true } }, async (request, reply) => {
    const ctx = pageContext(request, reply);
    const { office, today, raw, checked } = await monthInput(request);
    if (!checked.ok) return sendHtml(reply, MonthlyPage({ ctx, office, form: { values: { bulan: raw }, errors: { bulan: checked.problem } } }), 422);
    const report = await monthlyReport(db, office, checked.period, today);
    return sendHtml(reply, MonthlyPage({ ctx, office, report, form: { values: { bulan: checked.period.month }, errors: {} } }));
  });

  for (const format of ['xlsx', 'pdf'] as const) {
    app.get(`/desk/laporan-bulanan.${format}`, { config: { access: REPORT_ACCESS }, schema: { hide: true } }, async (request, reply) => {
      const { office, today, checked } = await monthInput(request);
      if (!checked.ok) throw invalid({ bulan: checked.problem }, checked.problem);
      const report = await monthlyReport(db, office, checked.period, today);
      const input = { office, lang: request.lang, report, generatedAt: new Date(), generatedBy: currentStaff(request).name };
      const name = `laporan-bulanan-ppid_${checked.period.month}`;
      return format === 'xlsx' ? sendAttachment(reply, `${name}.xlsx`, XLSX_TYPE, await monthlyXlsx(input)) : sendAttachment(reply, `${name}.pdf`, 'application/pdf', await monthlyPdf(input));
    });
  }
}
