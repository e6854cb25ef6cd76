import type { FastifyReply, FastifyRequest } from 'fastify';
import { invalid, notFound } from '../kernel/errors.ts';
import { formatMoment, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import {
  DISPUTE_OUTCOME_LABELS,
  DISPUTE_OUTCOMES,
  DISPUTE_STAGE_LABELS,
  DISPUTE_STAGES,
  GROUND_LABELS,
  GROUNDS,
  OBJECTION_STATUS_LABELS,
  OBJECTION_STATUSES,
  type DisputeOutcome,
  type DisputeStage,
  type ObjectionStatus,
} from '../objections/rules.ts';
import { todayIn } from '../offices/portal.tsx';
import { ANSWER_BUCKETS, answerBuckets, decidedCount, medianAnswerDays, overdueRate, type OfficeFigures, BUCKET_LABELS } from '../reports/figures.ts';
import { BarChart } from '../reports/chart.tsx';
import { ResultsTable } from '../survey/pages.tsx';
import { XLSX_TYPE } from '../reports/exports.ts';
import { barChart, decimal, type ChartBar } from '../reports/rules.ts';
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES, CHANNEL_LABELS, CHANNELS, OUTCOME_LABELS, OUTCOMES, PASAL17, PASAL17_LABELS, type Outcome } from '../requests/rules.ts';
import { roles } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { pathId, sendAttachment, sendHtml, staffOffice } from '../web/context.ts';
import { CsrfField, ErrorSummary, formBody, str, TextField, type FormState } from '../web/forms.tsx';
import { DataTable, Layout, pageContext, say, type PageContext } from '../web/layout.tsx';
import { overviewCsv, overviewXlsx } from './exports.ts';
import { snapshotById, startSnapshot, todaysSnapshot, type Snapshot } from './jobs.ts';
import {
  annualWords,
  asOfficeFigures,
  checkPeriod,
  checkSort,
  columnLabel,
  COLUMNS,
  DEFAULT_SORT,
  dipWords,
  nextSort,
  percentOf,
  PERIOD_FIELDS,
  PERIOD_LABELS,
  periodForm,
  periodKey,
  periodLabel,
  periodQuery,
  periodSentence,
  provinceTotals,
  sortQuery,
  sortRows,
  totalOf,
  type Column,
  type OfficeNode,
  type OversightPeriod,
  type OverviewFigures,
  type PeriodForm,
  type Sort,
} from './rules.ts';
import { officeDetail, officeNodes, overseenOffice, overseer, overview, type OfficeDetail, type Overview } from './service.ts';

/**
 * The oversight pages (issue 6 item 3): /desk/pengawasan puts the overseen offices side by side,
 * sortable by any column through plain links, with charts and CSV/XLSX; /desk/pengawasan/:slug drills
 * down to one office's aggregates. A province counts its offices while the page loads; KPU RI's national
 * count runs as a job (src/oversight/jobs.ts) whose progress the page shows.
 */

const ACCESS = roles('ppid', 'atasan_ppid', 'office_admin');
const page = { hide: true };

const TITLE = text('Pengawasan layanan informasi', 'Oversight of information service');

/** A query parameter as one short string; repeated or odd values count as absent. */
function param(request: FastifyRequest, key: string): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value.slice(0, 100) : undefined;
}

function periodFormOf(source: (key: string) => string | undefined): PeriodForm {
  return Object.fromEntries(PERIOD_FIELDS.map((f) => [f, (source(f) ?? '').trim()])) as PeriodForm;
}

/** "Kab. Bintan": the long official name shortened to fit beside a bar. */
function shortName(name: string): string {
  return name
    .replace(/^Komisi Pemilihan Umum\s+/i, '')
    .replace(/^Provinsi\s+/i, 'Prov. ')
    .replace(/^Kabupaten\s+/i, 'Kab. ');
}

/** A median or share; "—" when there is nothing to take it of (no decided request). */
function number(lang: Lang, value: number | null): string {
  return value === null ? '—' : decimal(lang, value);
}

function percent(lang: Lang, share: number | null): string {
  const value = percentOf(share);
  return value === null ? '—' : `${decimal(lang, value)}%`;
}

// ---------------------------------------------------------------------------------------------------
// Pieces

/** A bar chart of the table beside it (labels of at most about 30 characters fit). */
function Chart(props: { lang: Lang; id: string; title: Text; bars: readonly ChartBar[] }): JSX.Element {
  return <BarChart lang={props.lang} id={props.id} title={props.title} geometry={barChart(props.bars)} caption={text(`${props.title.id} (angka yang sama ada pada tabel)`, `${props.title.en} (the same numbers are in the table)`)} />;
}

function PeriodFilter(props: { lang: Lang; form: FormState; action: string }): JSX.Element {
  const { lang, form } = props;
  return (
    <form method="get" action={props.action} class="filters" novalidate>
      <ErrorSummary lang={lang} form={form} labels={PERIOD_LABELS} />
      <fieldset>
        <legend>{say(lang, text('Periode', 'Period'))}</legend>
        <p class="hint">
          {say(lang, text('Isi satu tahun, atau bulan awal dan akhir (TTTT-BB). Kosongkan semuanya untuk tahun ini sampai hari ini.', 'Fill in a year, or a first and last month (YYYY-MM). Leave all empty for this year so far.'))}
        </p>
        <div class="filter-fields">
          <TextField lang={lang} form={form} name="tahun" label={PERIOD_LABELS.tahun} inputmode="numeric" autocomplete="off" />
          <TextField lang={lang} form={form} name="dari" label={PERIOD_LABELS.dari} inputmode="numeric" autocomplete="off" />
          <TextField lang={lang} form={form} name="sampai" label={PERIOD_LABELS.sampai} inputmode="numeric" autocomplete="off" />
        </div>
      </fieldset>
      <button type="submit">{say(lang, text('Tampilkan', 'Show'))}</button>
    </form>
  );
}

/** The period as hidden fields, for the forms that start KPU RI's count. */
function PeriodFields(props: { period: OversightPeriod }): JSX.Element {
  return (
    <>
      {Object.entries(periodForm(props.period)).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

function Totals(props: { lang: Lang; figures: OverviewFigures }): JSX.Element {
  const { lang } = props;
  const f = asOfficeFigures(props.figures);
  const items: [Text, string][] = [
    [text('Permohonan', 'Requests'), String(f.requests)],
    [text('Terlambat', 'Late'), percent(lang, overdueRate(f))],
    [text('Median hari kerja sampai jawaban', 'Median working days to answer'), number(lang, medianAnswerDays(f))],
    [text('Keberatan', 'Objections'), String(f.objections)],
    [text('Sengketa', 'Disputes'), String(f.disputes)],
  ];
  return (
    <ul class="counts" id="totals">
      {items.map(([label, value]) => (
        <li>
          <span class="count" safe>
            {value}
          </span>{' '}
          {say(lang, label)}
        </li>
      ))}
    </ul>
  );
}

function cellOf(lang: Lang, column: Exclude<Column, 'office' | 'dip' | 'annual'>, f: OverviewFigures): string {
  const full = asOfficeFigures(f);
  switch (column) {
    case 'requests':
      return String(f.requests);
    case 'overdueRate':
      return percent(lang, overdueRate(full));
    case 'medianDays':
      return number(lang, medianAnswerDays(full));
    case 'objections':
      return String(f.objections);
    case 'disputes':
      return String(f.disputes);
  }
}

const FIGURE_COLUMNS = ['requests', 'overdueRate', 'medianDays', 'objections', 'disputes'] as const;

function OfficesTable(props: { lang: Lang; overview: Overview; sort: Sort; links: { page: string; query: string; detailQuery: string } }): JSX.Element {
  const { lang, overview, sort } = props;
  const rows = sortRows(overview.rows, sort);
  const heading = (column: Column) => {
    const sorted = sort.column === column;
    const label = t(lang, columnLabel(column, overview.annualYear));
    return (
      <th scope="col" aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
        <a href={`${props.links.page}?${props.links.query}&${sortQuery(nextSort(sort, column))}`} safe>
          {label}
        </a>
        {sorted ? <span aria-hidden="true">{sort.direction === 'asc' ? ' ▲' : ' ▼'}</span> : ''}
      </th>
    );
  };
  return (
    <DataTable lang={lang} id="offices" caption={text('Angka setiap kantor; judul kolom mengurutkan tabel', "Each office's figures; the column headings sort the table")} captionVisible>
      <thead>
        <tr>{COLUMNS.map(heading)}</tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr>
            <th scope="row">
              <a href={`/desk/pengawasan/${row.office.slug}?${props.links.detailQuery}`} safe>
                {row.office.name}
              </a>
              {row.office.id === overview.viewer.id ? <span class="hint">{say(lang, text(' (kantor sendiri)', ' (own office)'))}</span> : ''}
            </th>
            {row.figures ? (
              FIGURE_COLUMNS.map((c) => (
                <td class="num" safe>
                  {cellOf(lang, c, row.figures!)}
                </td>
              ))
            ) : (
              <td colspan={String(FIGURE_COLUMNS.length)}>{say(lang, text('Tidak ada data pada periode ini', 'No data in this period'))}</td>
            )}
            <td safe>{dipWords(lang, row.dip)}</td>
            <td safe>{annualWords(lang, row.annual, overview.today)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function ProvinceTable(props: { lang: Lang; overview: Overview }): JSX.Element {
  const { lang, overview } = props;
  return (
    <DataTable lang={lang} id="provinces" caption={text('Jumlah per provinsi (kantor provinsi dengan kabupaten/kota di bawahnya)', 'Totals per province (the provincial office with the regencies and cities under it)')} captionVisible>
      <thead>
        <tr>
          <th scope="col">{say(lang, text('Provinsi', 'Province'))}</th>
          <th scope="col">{say(lang, text('Kantor (dengan data)', 'Offices (with data)'))}</th>
          {FIGURE_COLUMNS.map((c) => (
            <th scope="col">{say(lang, columnLabel(c, overview.annualYear))}</th>
          ))}
          <th scope="col">{say(lang, text('Kantor dengan DIP', 'Offices with a DIP'))}</th>
          <th scope="col">{say(lang, text(`Laporan tahunan ${overview.annualYear} disampaikan`, `Annual reports ${overview.annualYear} submitted`))}</th>
        </tr>
      </thead>
      <tbody>
        {provinceTotals(overview.rows).map((g) => (
          <tr>
            <th scope="row" safe>
              {g.province ? g.province.name : t(lang, text('KPU RI (dan kantor di luar provinsi)', 'KPU RI (and offices under no province)'))}
            </th>
            <td class="num" safe>{`${g.offices} (${g.withData})`}</td>
            {g.figures ? (
              FIGURE_COLUMNS.map((c) => (
                <td class="num" safe>
                  {cellOf(lang, c, g.figures!)}
                </td>
              ))
            ) : (
              <td colspan={String(FIGURE_COLUMNS.length)}>{say(lang, text('Tidak ada data pada periode ini', 'No data in this period'))}</td>
            )}
            <td class="num">{g.dipPublished}</td>
            <td class="num">{g.annualSubmitted}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/** Requests and lateness as bars: per office for a province, per province for KPU RI (553 bars would say nothing). */
function OverviewCharts(props: { lang: Lang; overview: Overview }): JSX.Element {
  const { lang, overview } = props;
  const items =
    overview.level === 'ri'
      ? provinceTotals(overview.rows).map((g) => ({ label: g.province ? shortName(g.province.name) : 'KPU RI', figures: g.figures }))
      : overview.rows.map((r) => ({ label: shortName(r.office.name), figures: r.figures }));
  const measured = items.filter((i) => i.figures && i.figures.requests > 0);
  if (measured.length === 0) return '';
  const per = overview.level === 'ri' ? text('per provinsi', 'per province') : text('per kantor', 'per office');
  return (
    <section aria-labelledby="charts-h">
      <h2 id="charts-h">{say(lang, text('Grafik', 'Charts'))}</h2>
      <p class="hint">{say(lang, text('Kantor tanpa permohonan pada periode ini tidak digambar.', 'Offices with no request in this period are not drawn.'))}</p>
      <Chart lang={lang} id="chart-requests" title={text(`Permohonan ${per.id}`, `Requests ${per.en}`)} bars={measured.map((i) => ({ label: i.label, value: i.figures!.requests }))} />
      <Chart
        lang={lang}
        id="chart-late"
        title={text(`Permohonan terlambat (%) ${per.id}`, `Late requests (%) ${per.en}`)}
        bars={measured.map((i) => ({ label: i.label, value: percentOf(overdueRate(asOfficeFigures(i.figures!))) ?? 0 }))}
      />
    </section>
  );
}

function OverviewResult(props: { lang: Lang; overview: Overview; computedAt: Date; sort: Sort; snapshotId?: number | undefined }): JSX.Element {
  const { lang, overview } = props;
  const query = periodQuery(overview.period) + (props.snapshotId ? `&hasil=${props.snapshotId}` : '');
  const total = totalOf(overview.rows);
  return (
    <>
      <p role="status" safe>
        {periodSentence(lang, overview.period, overview.today)}
      </p>
      <p class="hint" safe>
        {t(lang, text(`Dihitung ${formatMoment('id', props.computedAt, overview.viewer.timeZone)} dari register setiap kantor.`, `Counted ${formatMoment('en', props.computedAt, overview.viewer.timeZone)} from each office's registers.`))}
      </p>
      <p>
        <a href={`/desk/pengawasan.xlsx?${query}`}>{say(lang, text('Unduh XLSX', 'Download XLSX'))}</a> · <a href={`/desk/pengawasan.csv?${query}`}>{say(lang, text('Unduh CSV', 'Download CSV'))}</a>
      </p>
      {total ? (
        <>
          <h2>{say(lang, overview.level === 'ri' ? text('Nasional', 'National') : text('Seluruh kantor yang diawasi', 'All overseen offices'))}</h2>
          <Totals lang={lang} figures={total} />
          <OverviewCharts lang={lang} overview={overview} />
        </>
      ) : (
        <p class="notice" id="no-data">
          {say(
            lang,
            text(
              'Tidak ada permohonan, keberatan, atau sengketa pada periode ini di kantor mana pun yang diawasi, jadi tidak ada angka yang dapat diukur. Kolom DIP dan laporan tahunan di bawah tetap berlaku.',
              'No request, objection or dispute in this period at any overseen office, so there are no figures to measure. The DIP and annual report columns below still apply.',
            ),
          )}
        </p>
      )}
      {overview.level === 'ri' ? (
        <section aria-labelledby="provinces-h">
          <h2 id="provinces-h">{say(lang, text('Per provinsi', 'Per province'))}</h2>
          <ProvinceTable lang={lang} overview={overview} />
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="offices-h">
        <h2 id="offices-h">{say(lang, text('Per kantor', 'Per office'))}</h2>
        <OfficesTable lang={lang} overview={overview} sort={props.sort} links={{ page: '/desk/pengawasan', query, detailQuery: periodQuery(overview.period) }} />
      </section>
    </>
  );
}

/** KPU RI's count before it has a result: a button to start it, or how far it has come. */
function SnapshotState(props: { ctx: PageContext; period: OversightPeriod; offices: number; snapshot?: Snapshot | undefined }): JSX.Element {
  const { ctx, period, snapshot } = props;
  const lang = ctx.lang;
  if (!snapshot) {
    return (
      <section aria-labelledby="count-h">
        <h2 id="count-h">{say(lang, text('Angka nasional belum dihitung hari ini', 'The national figures are not counted yet today'))}</h2>
        <p>
          {say(
            lang,
            text(
              `Angka nasional mencakup ${props.offices} kantor, jadi dihitung di latar belakang; halaman ini menunjukkan kemajuannya lalu hasilnya.`,
              `The national figures cover ${props.offices} offices, so they are counted in the background; this page shows the progress, then the result.`,
            ),
          )}
        </p>
        <form method="post" action="/desk/pengawasan/hitung">
          <CsrfField token={ctx.csrfToken} />
          <PeriodFields period={period} />
          <button type="submit">{say(lang, text(`Hitung angka nasional: ${periodLabel('id', period)}`, `Count the national figures: ${periodLabel('en', period)}`))}</button>
        </form>
      </section>
    );
  }
  const url = `/desk/pengawasan?${periodQuery(period)}&hasil=${snapshot.id}`;
  return (
    <section aria-labelledby="count-h">
      <h2 id="count-h">{say(lang, text('Angka nasional sedang dihitung', 'The national figures are being counted'))}</h2>
      <p>
        <label for="count-progress">{say(lang, text('Langkah selesai', 'Steps done'))}</label>
      </p>
      <progress id="count-progress" max={String(snapshot.total)} value={String(snapshot.done)} safe>
        {`${snapshot.done}/${snapshot.total}`}
      </progress>
      <p>
        <span data-done safe>
          {String(snapshot.done)}
        </span>
        {say(lang, text(' dari ', ' of '))}
        <span data-total safe>
          {String(snapshot.total)}
        </span>
        {say(lang, text(' langkah (', ' steps ('))}
        <span data-percent safe>
          {String(Math.floor((snapshot.done / Math.max(1, snapshot.total)) * 100))}
        </span>
        {'%).'}
      </p>
      {snapshot.failures > 0 ? (
        <p class="warning">
          {say(lang, text(`Percobaan sebelumnya gagal (${snapshot.failures} kali); penghitungan diulang otomatis.`, `The earlier attempt failed (${snapshot.failures} times); the count is retried automatically.`))}
        </p>
      ) : (
        ''
      )}
      <p class="hint" data-progress-url={`/desk/pengawasan/hasil/${snapshot.id}/kemajuan.json`} data-done-url={url}>
        {say(lang, text('Penghitungan berjalan di latar belakang; Anda boleh meninggalkan halaman ini.', 'The count runs in the background; you may leave this page.'))}{' '}
        <a href={url}>{say(lang, text('Perbarui kemajuan', 'Update the progress'))}</a>
      </p>
      <script src="/static/progress.js" defer></script>
    </section>
  );
}

type OverviewState =
  | { readonly kind: 'invalid' }
  | { readonly kind: 'result'; readonly overview: Overview; readonly computedAt: Date; readonly snapshotId?: number | undefined }
  | { readonly kind: 'waiting'; readonly period: OversightPeriod; readonly offices: number; readonly snapshot?: Snapshot | undefined };

function OverviewPage(props: { ctx: PageContext; viewer: OfficeNode; form: FormState; state: OverviewState; sort: Sort }): JSX.Element {
  const { ctx, viewer, state } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={TITLE} officeName={viewer.name}>
      <p class="lead">
        {say(
          lang,
          viewer.level === 'ri'
            ? text('KPU RI melihat setiap kantor berdampingan. Hanya angka agregat yang ditampilkan; data pribadi pemohon tetap di kantor masing-masing.', "KPU RI sees every office side by side. Only aggregate figures are shown; applicants' personal data stays with each office.")
            : text('KPU Provinsi melihat kabupaten/kota di wilayahnya berdampingan. Hanya angka agregat yang ditampilkan; data pribadi pemohon tetap di kantor masing-masing.', "The provincial KPU sees the regencies and cities in it side by side. Only aggregate figures are shown; applicants' personal data stays with each office."),
        )}
      </p>
      <PeriodFilter lang={lang} form={props.form} action="/desk/pengawasan" />
      {state.kind === 'result' ? <OverviewResult lang={lang} overview={state.overview} computedAt={state.computedAt} sort={props.sort} snapshotId={state.snapshotId} /> : ''}
      {state.kind === 'result' && state.overview.level === 'ri' ? (
        <form method="post" action="/desk/pengawasan/hitung">
          <CsrfField token={ctx.csrfToken} />
          <PeriodFields period={state.overview.period} />
          <input type="hidden" name="ulang" value="1" />
          <button type="submit" class="secondary">
            {say(lang, text('Hitung ulang dengan data terbaru', 'Count again with the latest data'))}
          </button>
        </form>
      ) : (
        ''
      )}
      {state.kind === 'waiting' ? <SnapshotState ctx={ctx} period={state.period} offices={state.offices} snapshot={state.snapshot} /> : ''}
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------------
// Drill-down

interface DetailSection {
  readonly id: string;
  readonly title: Text;
  /** Said instead of a table when every count is zero. */
  readonly none: Text;
  readonly lines: readonly { readonly label: Text; readonly short?: Text; readonly value: number }[];
}

// Labels short enough to stand beside a bar; the tables keep the full ones.
const SHORT_OUTCOMES: Readonly<Record<Outcome, Text>> = {
  handed_over: text('Diberikan langsung', 'Handed over'),
  exempt_explained: text('Dijelaskan dikecualikan', 'Explained as exempt'),
  granted_full: text('Dikabulkan seluruhnya', 'Granted in full'),
  granted_part: text('Dikabulkan sebagian', 'Granted in part'),
  refused: text('Ditolak', 'Refused'),
  not_held: text('Tidak dikuasai', 'Not held'),
  not_documented: text('Belum didokumentasikan', 'Not yet documented'),
};
const SHORT_OBJECTION_STATUSES: Readonly<Record<ObjectionStatus, Text>> = {
  filed: text('Menunggu tanggapan', 'Awaiting the answer'),
  upheld: text('Keputusan PPID dikuatkan', "PPID's decision stands"),
  overturned: text('Keberatan diterima', 'Objection upheld'),
  settled: text('Kesepakatan', 'Settled'),
  withdrawn: text('Dicabut', 'Withdrawn'),
};
const SHORT_DISPUTE_STAGES: Readonly<Record<DisputeStage, Text>> = {
  filed: text('Didaftarkan', 'Registered'),
  mediation: text('Mediasi', 'Mediation'),
  adjudication: text('Ajudikasi', 'Adjudication'),
  decided: text('Putusan Komisi Informasi', "Commission's ruling"),
  court: text('Pengadilan', 'Court'),
  closed: text('Selesai', 'Closed'),
};
const SHORT_DISPUTE_OUTCOMES: Readonly<Record<DisputeOutcome, Text>> = {
  mediation_agreement: text('Kesepakatan mediasi', 'Mediation agreement'),
  granted: text('Dikabulkan seluruhnya', 'Granted in full'),
  granted_part: text('Dikabulkan sebagian', 'Granted in part'),
  rejected: text('Ditolak', 'Rejected'),
  withdrawn: text('Dicabut', 'Withdrawn'),
  dismissed: text('Tidak dapat diterima', 'Not admissible'),
  court_ruling: text('Putusan pengadilan', 'Court ruling'),
};

/** The annual report's tables (DOMAIN.md §7), each from the office's figures. */
function detailSections(f: OfficeFigures): DetailSection[] {
  const buckets = answerBuckets(f);
  return [
    { id: 'channel', title: text('Permohonan menurut saluran', 'Requests by channel'), none: text('Tidak ada permohonan.', 'No requests.'), lines: CHANNELS.map((c) => ({ label: CHANNEL_LABELS[c], value: f.byChannel[c] })) },
    {
      id: 'applicant',
      title: text('Permohonan menurut jenis pemohon', 'Requests by type of applicant'),
      none: text('Tidak ada permohonan.', 'No requests.'),
      lines: APPLICANT_TYPES.map((a) => ({ label: APPLICANT_TYPE_LABELS[a], value: f.byApplicantType[a] })),
    },
    {
      id: 'outcome',
      title: text('Penyelesaian permohonan', 'How the requests ended'),
      none: text('Tidak ada permohonan.', 'No requests.'),
      lines: [...OUTCOMES.map((o) => ({ label: OUTCOME_LABELS[o], short: SHORT_OUTCOMES[o], value: f.byOutcome[o] })), { label: text('Belum diputus', 'Not decided yet'), value: f.byOutcome.pending }],
    },
    {
      id: 'pasal17',
      title: text('Penolakan dan penjelasan pengecualian menurut Pasal 17 UU KIP', 'Refusals and exemption explanations by Article 17'),
      none: text('Tidak ada permohonan yang ditolak atau dijelaskan dikecualikan.', 'No request was refused or explained as exempt.'),
      lines: [
        ...PASAL17.map((p) => ({ label: PASAL17_LABELS[p], short: text(`Pasal 17 huruf ${p}`, `Article 17(${p})`), value: f.refusedByPasal17[p] })),
        { label: text('Huruf tidak dicatat', 'Letter not recorded'), value: f.refusedByPasal17.unknown },
      ],
    },
    {
      id: 'time',
      title: text('Waktu sampai jawaban (permohonan yang sudah diputus)', 'Time to answer (decided requests)'),
      none: text('Belum ada permohonan yang diputus.', 'No request has been decided yet.'),
      lines: ANSWER_BUCKETS.map((b) => ({ label: BUCKET_LABELS[b.key], short: b.key === 'd11_17' ? text('11–17 hari kerja', '11–17 working days') : BUCKET_LABELS[b.key], value: buckets[b.key] })),
    },
    {
      id: 'ground',
      title: text('Keberatan menurut alasan (Pasal 35 UU KIP)', 'Objections by ground (Article 35)'),
      none: text('Tidak ada keberatan yang diterima.', 'No objection was received.'),
      lines: GROUNDS.map((g) => ({ label: GROUND_LABELS[g], short: text(`Alasan ${g}`, `Ground ${g}`), value: f.objectionsByGround[g] })),
    },
    {
      id: 'objection-status',
      title: text('Hasil keberatan', 'Outcomes of objections'),
      none: text('Tidak ada keberatan yang diterima.', 'No objection was received.'),
      lines: OBJECTION_STATUSES.map((s) => ({ label: OBJECTION_STATUS_LABELS[s], short: SHORT_OBJECTION_STATUSES[s], value: f.objectionsByStatus[s] })),
    },
    {
      id: 'dispute-stage',
      title: text('Sengketa menurut tahap', 'Disputes by stage'),
      none: text('Tidak ada sengketa yang diajukan.', 'No dispute was filed.'),
      lines: DISPUTE_STAGES.map((s) => ({ label: DISPUTE_STAGE_LABELS[s], short: SHORT_DISPUTE_STAGES[s], value: f.disputesByStage[s] })),
    },
    {
      id: 'dispute-outcome',
      title: text('Hasil sengketa yang selesai', 'Outcomes of closed disputes'),
      none: text('Tidak ada sengketa yang selesai.', 'No dispute has closed.'),
      lines: DISPUTE_OUTCOMES.map((o) => ({ label: DISPUTE_OUTCOME_LABELS[o], short: SHORT_DISPUTE_OUTCOMES[o], value: f.disputesByOutcome[o] })),
    },
  ];
}

function DetailSectionView(props: { lang: Lang; section: DetailSection }): JSX.Element {
  const { lang, section } = props;
  const total = section.lines.reduce((a, l) => a + l.value, 0);
  return (
    <section aria-labelledby={`sec-${section.id}-h`}>
      <h2 id={`sec-${section.id}-h`}>{say(lang, section.title)}</h2>
      {total === 0 ? (
        <p>{say(lang, section.none)}</p>
      ) : (
        <>
          <DataTable lang={lang} id={`fig-${section.id}`} caption={section.title}>
            <thead>
              <tr>
                <th scope="col">{say(lang, text('Uraian', 'Item'))}</th>
                <th scope="col">{say(lang, text('Jumlah', 'Count'))}</th>
              </tr>
            </thead>
            <tbody>
              {section.lines.map((line) => (
                <tr>
                  <th scope="row">{say(lang, line.label)}</th>
                  <td class="num">{line.value}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <Chart lang={lang} id={`chart-${section.id}`} title={section.title} bars={section.lines.map((l) => ({ label: t(lang, l.short ?? l.label), value: l.value }))} />
        </>
      )}
    </section>
  );
}

function DetailPage(props: { ctx: PageContext; viewer: OfficeNode; slug: string; form: FormState; detail?: OfficeDetail }): JSX.Element {
  const { ctx, detail } = props;
  const lang = ctx.lang;
  const f = detail?.figures ?? null;
  return (
    <Layout ctx={ctx} title={detail ? text(`Pengawasan: ${detail.office.name}`, `Oversight: ${detail.office.name}`) : TITLE} officeName={props.viewer.name}>
      <p>
        <a href={`/desk/pengawasan${detail ? `?${periodQuery(detail.period)}` : ''}`}>{say(lang, text('‹ Kembali ke semua kantor', '‹ Back to every office'))}</a>
      </p>
      <PeriodFilter lang={lang} form={props.form} action={`/desk/pengawasan/${encodeURIComponent(props.slug)}`} />
      {detail ? (
        <>
          <p role="status" safe>
            {periodSentence(lang, detail.period, detail.today)}
          </p>
          <dl class="facts" id="summary">
            <dt>{say(lang, text('DIP terakhir ditetapkan', 'Latest DIP edition'))}</dt>
            <dd safe>{dipWords(lang, detail.dip)}</dd>
            <dt>{say(lang, text(`Laporan tahunan ${detail.annual.year}`, `Annual report ${detail.annual.year}`))}</dt>
            <dd safe>{annualWords(lang, detail.annual, detail.today)}</dd>
            {f ? (
              <>
                <dt>{say(lang, text('Permohonan diterima', 'Requests received'))}</dt>
                <dd id="sum-requests">{f.requests}</dd>
                <dt>{say(lang, text('Sudah diputus', 'Decided'))}</dt>
                <dd id="sum-decided">{decidedCount(f)}</dd>
                <dt>{say(lang, text('Median hari kerja sampai jawaban', 'Median working days to answer'))}</dt>
                <dd id="sum-median" safe>
                  {number(lang, medianAnswerDays(f))}
                </dd>
                <dt>{say(lang, text('Terlambat (diputus lewat batas atau masih lewat batas)', 'Late (decided after, or still open past, the deadline)'))}</dt>
                <dd id="sum-late" safe>{`${f.late} (${percent(lang, overdueRate(f))})`}</dd>
                <dt>{say(lang, text('Belum diputus dan lewat batas hari ini', 'Open and past the deadline today'))}</dt>
                <dd id="sum-overdue">{f.overdueOpen}</dd>
                <dt>{say(lang, text('Keberatan (terlambat dijawab)', 'Objections (answered late)'))}</dt>
                <dd id="sum-objections" safe>{`${f.objections} (${f.objectionsLate})`}</dd>
                <dt>{say(lang, text('Sengketa', 'Disputes'))}</dt>
                <dd id="sum-disputes">{f.disputes}</dd>
              </>
            ) : (
              ''
            )}
          </dl>
          {f ? (
            detailSections(f).map((section) => <DetailSectionView lang={lang} section={section} />)
          ) : (
            <p class="notice" id="no-data">
              {say(
                lang,
                text(
                  'Kantor ini tidak menerima permohonan atau keberatan dan tidak menghadapi sengketa pada periode ini, jadi tidak ada angka yang dapat diukur.',
                  'This office received no request or objection and faced no dispute in this period, so there are no figures to measure.',
                ),
              )}
            </p>
          )}
          <section aria-labelledby="skm-h">
            <h2 id="skm-h">{say(lang, text('Survei kepuasan masyarakat', 'Satisfaction survey'))}</h2>
            {detail.skm ? (
              <ResultsTable lang={lang} result={detail.skm} caption={text(`Nilai per unsur, ${periodSentence('id', detail.period, detail.today)}`, `Scores per element, ${periodSentence('en', detail.period, detail.today)}`)} />
            ) : (
              <p id="no-skm">{say(lang, text('Tidak ada jawaban survei kepuasan pada periode ini.', 'No satisfaction survey answers in this period.'))}</p>
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
// Routes

export async function oversightRoutes(app: App, { database }: AppDeps): Promise<void> {
  const db = database.db;

  /** The viewer (403 with the reason for a regency), its today, and the period asked for. */
  async function input(request: FastifyRequest, form: PeriodForm) {
    const office = await staffOffice(db, request);
    const viewer: OfficeNode = office;
    const level = overseer(viewer);
    const today = todayIn(viewer.timeZone);
    return { viewer, level, today, form, checked: checkPeriod(form, today) };
  }

  const fromQuery = (request: FastifyRequest) => periodFormOf((key) => param(request, key));
  const errorsOf = (problems: Partial<Record<string, Text>>) => problems as Record<string, Text>;

  /** KPU RI's snapshot for the period: the one named by ?hasil= (404 when not the viewer's or not this period), else today's. */
  async function snapshotFor(request: FastifyRequest, viewer: OfficeNode, period: OversightPeriod, today: string): Promise<Snapshot | undefined> {
    const id = param(request, 'hasil');
    if (id === undefined) return todaysSnapshot(db, viewer, period, today);
    const snapshot = await snapshotById(db, viewer, pathId(id));
    if (!snapshot || periodKey(snapshot.period) !== periodKey(period)) throw notFound(text('Hasil penghitungan ini tidak ditemukan untuk periode ini.', 'This count was not found for this period.'));
    return snapshot;
  }

  app.get('/desk/pengawasan', { config: { access: ACCESS }, schema: page }, async (request, reply) => {
    const ctx = pageContext(request, reply);
    const { viewer, level, today, form, checked } = await input(request, fromQuery(request));
    const sort = checkSort(param(request, 'urut'), param(request, 'arah'));
    if (!checked.ok) return sendHtml(reply, <OverviewPage ctx={ctx} viewer={viewer} form={{ values: form, errors: errorsOf(checked.problems) }} state={{ kind: 'invalid' }} sort={sort} />, 422);
    const shown = { values: periodForm(checked.period), errors: {} };
    if (level === 'province') {
      const result = await overview(db, viewer, checked.period, today);
      return sendHtml(reply, <OverviewPage ctx={ctx} viewer={viewer} form={shown} state={{ kind: 'result', overview: result, computedAt: new Date() }} sort={sort} />);
    }
    const snapshot = await snapshotFor(request, viewer, checked.period, today);
    reply.header('cache-control', 'no-store');
    const state: OverviewState = snapshot?.result
      ? { kind: 'result', overview: snapshot.result.overview, computedAt: snapshot.result.computedAt, snapshotId: param(request, 'hasil') ? snapshot.id : undefined }
      : { kind: 'waiting', period: checked.period, offices: (await officeNodes(db)).length, snapshot };
    return sendHtml(reply, <OverviewPage ctx={ctx} viewer={viewer} form={shown} state={state} sort={sort} />);
  });

  app.post('/desk/pengawasan/hitung', { config: { access: ACCESS }, schema: page }, async (request, reply: FastifyReply) => {
    const body = formBody(request.body);
    const { viewer, level, today, form, checked } = await input(request, periodFormOf((key) => str(body, key)));
    const ctx = pageContext(request, reply);
    if (!checked.ok) return sendHtml(reply, <OverviewPage ctx={ctx} viewer={viewer} form={{ values: form, errors: errorsOf(checked.problems) }} state={{ kind: 'invalid' }} sort={DEFAULT_SORT} />, 422);
    // A province's figures are counted as its page loads; there is nothing to start.
    if (level === 'province') return reply.redirect(`/desk/pengawasan?${periodQuery(checked.period)}`, 303);
    const id = await startSnapshot(db, viewer, checked.period, today, { fresh: str(body, 'ulang') === '1' });
    return reply.redirect(`/desk/pengawasan?${periodQuery(checked.period)}&hasil=${id}`, 303);
  });

  // What src/web/static/progress.js polls; 'running' until the result is there, waiting included.
  app.get<{ Params: { id: string } }>('/desk/pengawasan/hasil/:id/kemajuan.json', { config: { access: ACCESS }, schema: page }, async (request, reply) => {
    const viewer: OfficeNode = await staffOffice(db, request);
    overseer(viewer);
    const snapshot = await snapshotById(db, viewer, pathId(request.params.id));
    if (!snapshot) throw notFound();
    reply.header('cache-control', 'no-store');
    return { status: snapshot.result ? 'done' : 'running', done: snapshot.done, total: snapshot.total };
  });

  const formats = [
    { ext: 'xlsx', type: XLSX_TYPE, render: overviewXlsx },
    { ext: 'csv', type: 'text/csv; charset=utf-8; header=present', render: overviewCsv },
  ] as const;
  for (const format of formats) {
    app.get(`/desk/pengawasan.${format.ext}`, { config: { access: ACCESS }, schema: page }, async (request, reply) => {
      const { viewer, level, today, checked } = await input(request, fromQuery(request));
      if (!checked.ok) throw invalid(errorsOf(checked.problems));
      const name = `pengawasan_${viewer.slug}_${periodKey(checked.period)}.${format.ext}`;
      if (level === 'province') {
        const now = new Date();
        const result = await overview(db, viewer, checked.period, today);
        return sendAttachment(reply, name, format.type, await format.render({ overview: result, lang: request.lang, generatedAt: now, computedAt: now }));
      }
      // KPU RI's file is the count's result; before there is one, the page starts the count or shows how far it is.
      const snapshot = await snapshotFor(request, viewer, checked.period, today);
      if (!snapshot?.result) return reply.redirect(`/desk/pengawasan?${periodQuery(checked.period)}${snapshot ? `&hasil=${snapshot.id}` : ''}`, 303);
      return sendAttachment(reply, name, format.type, await format.render({ overview: snapshot.result.overview, lang: request.lang, generatedAt: new Date(), computedAt: snapshot.result.computedAt }));
    });
  }

  app.get<{ Params: { slug: string } }>('/desk/pengawasan/:slug', { config: { access: ACCESS }, schema: page }, async (request, reply) => {
    const ctx = pageContext(request, reply);
    const { viewer, today, form, checked } = await input(request, fromQuery(request));
    const slug = request.params.slug;
    if (!checked.ok) {
      // The office must be overseen before anything about it, even an error page, is shown.
      await overseenOffice(db, viewer, slug);
      return sendHtml(reply, <DetailPage ctx={ctx} viewer={viewer} slug={slug} form={{ values: form, errors: errorsOf(checked.problems) }} />, 422);
    }
    const detail = await officeDetail(db, viewer, slug, checked.period, today);
    return sendHtml(reply, <DetailPage ctx={ctx} viewer={viewer} slug={slug} form={{ values: periodForm(checked.period), errors: {} }} detail={detail} />);
  });
}
