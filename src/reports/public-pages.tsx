import type { FastifyReply, FastifyRequest } from 'fastify';
import { invalid } from '../kernel/errors.ts';
import { formatDay, formatMoment, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import { officeOr404, SiteNav } from '../dip/portal.tsx';
import { todayIn } from '../offices/portal.tsx';
import type { OfficeRow } from '../offices/store.ts';
import { PUBLIC } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { sendAttachment, sendHtml } from '../web/context.ts';
import { ErrorSummary, TextField, type FormState } from '../web/forms.tsx';
import { DataTable, Layout, pageContext, say, type PageContext } from '../web/layout.tsx';
import { BarChart } from './chart.tsx';
import { medianAnswerDays, type OfficeFigures } from './figures.ts';
import {
  accessSummary,
  checkYear,
  FIRST_YEAR,
  nationalStats,
  noDataText,
  officeStats,
  periodText,
  oneAtATime,
  within,
  sharedResults,
  statsCsv,
  statSections,
  statsJson,
  summarySections,
  type NationalStats,
  type OfficeStats,
  type StatLine,
  type StatRow,
  type StatSection,
  type StatYear,
  type SummaryYear,
} from './public-stats.ts';
import { barChart, decimal } from './rules.ts';

/**
 * The portal's statistics (issue 6 item 4): /statistik for the nation and /:slug/statistik for an
 * office, each a year at a time with charts, a table under every chart and the same figures as CSV
 * and JSON, shared between visitors for a few minutes (the nation's count is a scan of every
 * register); and the berkala "Ringkasan akses informasi publik" at /:slug/ringkasan-akses (item 2),
 * one office's own rows counted on every visit, so it is always current. Public: aggregates only,
 * no person in them.
 */

const page = { hide: true };
/** The nation has no single zone; its "today" is Jakarta's, as the national calendar's. */
const NATIONAL_ZONE = 'Asia/Jakarta';
/** How long a computed statistic is shared between visitors (public-stats.ts sharedResults). */
const CACHE_MINUTES = 5;
const YEAR_LABELS: Readonly<Record<string, Text>> = { tahun: text('Tahun', 'Year') };

const TITLE = text('Statistik layanan informasi publik', 'Public information service statistics');
const NATIONAL_TITLE = text('Statistik nasional layanan informasi publik KPU', 'National statistics of KPU public information service');
const SUMMARY_TITLE = text('Ringkasan akses informasi publik', 'Summary of access to public information');

/** `?tahun=` as one short string; a repeated or odd value counts as absent. */
function yearParam(request: FastifyRequest): string {
  const value = (request.query as Record<string, unknown> | undefined)?.tahun;
  return typeof value === 'string' ? value.slice(0, 20) : '';
}

/** A figure in words: counts as they are, working days with one decimal, "—" for a median of nothing. */
function valueText(lang: Lang, l: Pick<StatLine, 'value' | 'unit'>): string {
  return l.unit === 'count' ? String(l.value ?? 0) : decimal(lang, l.value);
}

// ---------------------------------------------------------------------------------------------------
// Pieces

function YearForm(props: { lang: Lang; form: FormState; action: string }): JSX.Element {
  const { lang } = props;
  return (
    <form method="get" action={props.action} class="narrow" novalidate>
      <ErrorSummary lang={lang} form={props.form} labels={YEAR_LABELS} />
      <TextField
        lang={lang}
        form={props.form}
        name="tahun"
        label={YEAR_LABELS.tahun!}
        inputmode="numeric"
        autocomplete="off"
        hint={text('Empat angka, misalnya 2025. Kosongkan untuk tahun ini sampai hari ini.', 'Four digits, for example 2025. Leave empty for this year so far.')}
      />
      <button type="submit">{say(lang, text('Tampilkan', 'Show'))}</button>
    </form>
  );
}

function YearNav(props: { lang: Lang; base: string; year: StatYear }): JSX.Element {
  const { lang, base, year } = props;
  const before = year.year - 1;
  const after = year.year + 1;
  return (
    <nav aria-label={t(lang, text('Tahun lain', 'Other years'))}>
      <p>
        {before >= FIRST_YEAR ? <a href={`${base}?tahun=${before}`}>{say(lang, text(`‹ ${before}`, `‹ ${before}`))}</a> : ''}
        {before >= FIRST_YEAR && !year.inProgress ? ' · ' : ''}
        {year.inProgress ? '' : <a href={`${base}?tahun=${after}`}>{say(lang, text(`${after} ›`, `${after} ›`))}</a>}
      </p>
    </nav>
  );
}

/** A section's parts as a bar chart (short labels, to fit); the table under it holds the same numbers. */
function StatChart(props: { lang: Lang; id: string; section: StatSection }): JSX.Element {
  const { lang, section } = props;
  const bars = section.lines.filter((l) => l.role === 'part').map((l) => ({ label: t(lang, l.short), value: l.value ?? 0 }));
  return (
    <BarChart
      lang={lang}
      id={props.id}
      title={section.title}
      geometry={barChart(bars)}
      caption={text(`${section.title.id} (angka yang sama ada pada tabel di bawah)`, `${section.title.en} (the same numbers are in the table below)`)}
    />
  );
}

function SectionTable(props: { lang: Lang; id: string; section: StatSection }): JSX.Element {
  const { lang, section } = props;
  return (
    <DataTable lang={lang} id={props.id} caption={section.title}>
      <thead>
        <tr>
          <th scope="col">{say(lang, text('Uraian', 'Item'))}</th>
          <th scope="col">{say(lang, text('Jumlah', 'Value'))}</th>
        </tr>
      </thead>
      <tbody>
        {section.lines.map((l) => (
          <tr>
            <th scope="row">{say(lang, l.label)}</th>
            <td class="num" safe>
              {valueText(lang, l)}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function FiguresView(props: { lang: Lang; figures: OfficeFigures }): JSX.Element {
  const { lang } = props;
  return (
    <>
      {statSections(props.figures).map((section) => (
        <section aria-labelledby={`sec-${section.id}`}>
          <h2 id={`sec-${section.id}`}>{say(lang, section.title)}</h2>
          {section.chart ? <StatChart lang={lang} id={`chart-${section.id}`} section={section} /> : ''}
          <SectionTable lang={lang} id={`stat-${section.id}`} section={section} />
        </section>
      ))}
    </>
  );
}

const ROW_COLUMNS: readonly { label: Text; value: (f: OfficeFigures, lang: Lang) => string }[] = [
  { label: text('Permohonan', 'Requests'), value: (f) => String(f.requests) },
  { label: text('Dikabulkan seluruhnya', 'Granted in full'), value: (f) => String(f.byOutcome.granted_full) },
  { label: text('Dikabulkan sebagian', 'Granted in part'), value: (f) => String(f.byOutcome.granted_part) },
  { label: text('Ditolak', 'Refused'), value: (f) => String(f.byOutcome.refused) },
  { label: text('Median hari kerja', 'Median working days'), value: (f, lang) => decimal(lang, medianAnswerDays(f)) },
  { label: text('Terlambat', 'Late'), value: (f) => String(f.late) },
  { label: text('Keberatan', 'Objections'), value: (f) => String(f.objections) },
  { label: text('Sengketa', 'Disputes'), value: (f) => String(f.disputes) },
];

/** Offices side by side, each linked to its own statistics for the same year. */
function RowsTable(props: { lang: Lang; id: string; caption: Text; rows: readonly StatRow[]; year: number; total?: { label: Text; figures: OfficeFigures | null } }): JSX.Element {
  const { lang } = props;
  return (
    <DataTable lang={lang} id={props.id} caption={props.caption}>
      <thead>
        <tr>
          <th scope="col">{say(lang, text('Kantor', 'Office'))}</th>
          {ROW_COLUMNS.map((c) => (
            <th scope="col">{say(lang, c.label)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            <th scope="row">
              {row.office ? (
                <a href={`/${row.office.slug}/statistik?tahun=${props.year}`} safe>
                  {t(lang, row.label)}
                </a>
              ) : (
                say(lang, row.label)
              )}
            </th>
            <Cells lang={lang} figures={row.figures} />
          </tr>
        ))}
      </tbody>
      {props.total ? (
        <tfoot>
          <tr>
            <th scope="row">{say(lang, props.total.label)}</th>
            <Cells lang={lang} figures={props.total.figures} />
          </tr>
        </tfoot>
      ) : (
        ''
      )}
    </DataTable>
  );
}

function Cells(props: { lang: Lang; figures: OfficeFigures | null }): JSX.Element {
  const { lang, figures } = props;
  if (!figures) return <td colspan={String(ROW_COLUMNS.length)}>{say(lang, text('Tidak ada data pada periode ini', 'No data in this period'))}</td>;
  return (
    <>
      {ROW_COLUMNS.map((c) => (
        <td class="num" safe>
          {c.value(figures, lang)}
        </td>
      ))}
    </>
  );
}

function About(props: { lang: Lang; year: StatYear; base: string; whose: Text; computedAt: Date; timeZone: string }): JSX.Element {
  const { lang, year } = props;
  const at = (l: Lang) => formatMoment(l, props.computedAt, props.timeZone);
  return (
    <>
      <p>
        {say(
          lang,
          text(
            `Permohonan, keberatan dan sengketa yang diterima ${periodText('id', year)}. ${props.whose.id} Setiap angka dihitung dari register (tanggal diterima menurut zona waktu kantor), terakhir pada ${at('id')}, dan dihitung ulang paling lama setiap ${year.inProgress ? `${CACHE_MINUTES} menit` : 'hari'}; tidak ada angka yang diketik, dan tidak ada data pribadi.`,
            `Requests, objections and disputes received ${periodText('en', year)}. ${props.whose.en} Every figure is counted from the registers (date received in the office's time zone), last at ${at('en')}, and counted again at least every ${year.inProgress ? `${CACHE_MINUTES} minutes` : 'day'}; nothing is typed in, and there is no personal data.`,
          ),
        )}
      </p>
      {year.inProgress ? (
        <p class="warning" role="note">
          {say(lang, text('Tahun ini masih berjalan: angkanya masih dapat berubah.', 'This year is still running: its figures may still change.'))}
        </p>
      ) : (
        ''
      )}
      <p>
        {say(lang, text('Unduh data tahun ini:', "Download this year's data:"))} <a href={`${props.base}.csv?tahun=${year.year}`}>{say(lang, text('CSV (data terbuka)', 'CSV (open data)'))}</a>
        {' · '}
        <a href={`${props.base}.json?tahun=${year.year}`}>JSON</a>
      </p>
    </>
  );
}

function NoData(props: { lang: Lang; year: StatYear }): JSX.Element {
  return (
    <p class="notice" role="status" safe>
      {noDataText(props.lang, props.year)}
    </p>
  );
}

// ---------------------------------------------------------------------------------------------------
// Pages

function OfficeStatsPage(props: { ctx: PageContext; office: OfficeRow; form: FormState; stats?: OfficeStats }): JSX.Element {
  const { ctx, office, stats } = props;
  const lang = ctx.lang;
  const base = `/${office.slug}/statistik`;
  return (
    <Layout ctx={ctx} title={stats ? text(`${TITLE.id} ${stats.year.year}`, `${TITLE.en} ${stats.year.year}`) : TITLE} officeName={office.name}>
      <SiteNav lang={lang} office={office} current={ctx.path} />
      <YearForm lang={lang} form={props.form} action={base} />
      {stats ? (
        <>
          <YearNav lang={lang} base={base} year={stats.year} />
          <About lang={lang} year={stats.year} base={base} computedAt={stats.computedAt} timeZone={office.timeZone} whose={text(`Angka di bawah adalah angka ${office.name} sendiri.`, `The figures below are ${office.name}'s own.`)} />
          {office.level === 'ri' ? (
            <p>
              <a href={`/statistik?tahun=${stats.year.year}`}>{say(lang, text('Statistik nasional (semua kantor KPU)', 'National statistics (every KPU office)'))}</a>
            </p>
          ) : (
            ''
          )}
          {stats.figures ? <FiguresView lang={lang} figures={stats.figures} /> : <NoData lang={lang} year={stats.year} />}
          {stats.below.length > 0 ? (
            <section aria-labelledby="below-h">
              <h2 id="below-h">{say(lang, text('Kantor di bawahnya', 'Offices below it'))}</h2>
              <p>{say(lang, text('Setiap baris memuat kantor itu beserta semua kantor di bawahnya.', 'Each row holds that office with every office below it.'))}</p>
              <RowsTable lang={lang} id="below" caption={text(`Kantor di bawah ${office.name}, ${stats.year.year}`, `Offices below ${office.name}, ${stats.year.year}`)} rows={stats.below} year={stats.year.year} />
            </section>
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

/**
 * A count of many offices can take a minute on a national data set (bench/annual.ts): the page does
 * not hang on it. It goes on in the background, is shared when done, and the visitor is asked back.
 */
const WAIT_MS = 4000;
const COUNTING = text(
  'Statistik ini sedang dihitung dari register semua kantor. Hitungan berjalan terus di server; muat ulang halaman ini sebentar lagi.',
  "These statistics are being counted from every office's registers. The count goes on on the server; reload this page in a moment.",
);

function CountingPage(props: { ctx: PageContext; title: Text; url: string }): JSX.Element {
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <p role="status">{say(props.ctx.lang, COUNTING)}</p>
      <p>
        <a href={props.url} safe>
          {t(props.ctx.lang, text('Muat ulang', 'Reload'))}
        </a>
      </p>
    </Layout>
  );
}

function NationalStatsPage(props: { ctx: PageContext; form: FormState; stats?: NationalStats }): JSX.Element {
  const { ctx, stats } = props;
  const lang = ctx.lang;
  const base = '/statistik';
  return (
    <Layout ctx={ctx} title={stats ? text(`${NATIONAL_TITLE.id} ${stats.year.year}`, `${NATIONAL_TITLE.en} ${stats.year.year}`) : NATIONAL_TITLE}>
      <YearForm lang={lang} form={props.form} action={base} />
      {stats ? (
        <>
          <YearNav lang={lang} base={base} year={stats.year} />
          <About lang={lang} year={stats.year} base={base} computedAt={stats.computedAt} timeZone={NATIONAL_ZONE} whose={text('Angka di bawah adalah jumlah semua kantor KPU: KPU RI, KPU Provinsi dan KPU Kabupaten/Kota.', 'The figures below are the sum of every KPU office: KPU RI, the provinces and the regencies and cities.')} />
          {stats.figures ? <FiguresView lang={lang} figures={stats.figures} /> : <NoData lang={lang} year={stats.year} />}
          {stats.regions.length > 0 ? (
            <section aria-labelledby="regions-h">
              <h2 id="regions-h">{say(lang, text('Menurut provinsi', 'By province'))}</h2>
              <p>{say(lang, text('Setiap provinsi dijumlahkan bersama kabupaten/kota di bawahnya; KPU RI dihitung sendiri.', 'Each province is summed with the regencies and cities below it; KPU RI is counted on its own.'))}</p>
              <RowsTable
                lang={lang}
                id="regions"
                caption={text(`Statistik menurut provinsi, ${stats.year.year}`, `Statistics by province, ${stats.year.year}`)}
                rows={stats.regions}
                year={stats.year.year}
                total={{ label: text('Nasional', 'National'), figures: stats.figures }}
              />
            </section>
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

function SummaryTable(props: { lang: Lang; y: SummaryYear; figures: OfficeFigures }): JSX.Element {
  const { lang, y } = props;
  return (
    <DataTable lang={lang} id={`ringkasan-${y.year}`} caption={text(`${SUMMARY_TITLE.id} ${y.year}`, `${SUMMARY_TITLE.en} ${y.year}`)}>
      <thead>
        <tr>
          <th scope="col">{say(lang, text('Uraian', 'Item'))}</th>
          <th scope="col">{say(lang, text('Jumlah', 'Value'))}</th>
        </tr>
      </thead>
      {summarySections(props.figures).map((section) => (
        <tbody>
          <tr>
            <th scope="rowgroup" colspan="2">
              {say(lang, section.title)}
            </th>
          </tr>
          {section.lines.map((l) => (
            <tr>
              <th scope="row">{say(lang, l.label)}</th>
              <td class="num" safe>
                {valueText(lang, l)}
              </td>
            </tr>
          ))}
        </tbody>
      ))}
    </DataTable>
  );
}

function SummaryPage(props: { ctx: PageContext; office: OfficeRow; years: readonly SummaryYear[]; today: string }): JSX.Element {
  const { ctx, office, years } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={SUMMARY_TITLE} officeName={office.name}>
      <SiteNav lang={lang} office={office} current={ctx.path} />
      <p class="lead">
        {say(
          lang,
          text(
            `Informasi berkala (Pasal 9 UU 14/2008) tentang layanan informasi ${office.name}: permohonan yang diterima, yang dikabulkan dan ditolak beserta alasannya, waktu menjawab, keberatan dan sengketa. Dihitung langsung dari register setiap kali halaman ini dibuka, sehingga selalu mutakhir. Diperbarui per ${formatDay('id', props.today, false)}.`,
            `Periodic information (article 9 of Law 14/2008) about ${office.name}'s information service: requests received, granted and refused with their reasons, time to answer, objections and disputes. Counted from the registers whenever this page is opened, so it is always current. Updated as of ${formatDay('en', props.today, false)}.`,
          ),
        )}
      </p>
      <p class="hint">{say(lang, text('Rincian yang berjumlah nol tidak dicantumkan; jumlah pokoknya selalu ada.', 'Breakdown lines of zero are left out; the totals are always shown.'))}</p>
      {years.map((y) => (
        <section aria-labelledby={`y${y.year}-h`}>
          <h2 id={`y${y.year}-h`} safe>
            {`${y.year}: ${periodText(lang, y)}`}
          </h2>
          {y.figures ? <SummaryTable lang={lang} y={y} figures={y.figures} /> : <NoData lang={lang} year={y} />}
          <p>
            <a href={`/${office.slug}/statistik?tahun=${y.year}`}>{say(lang, text(`Statistik lengkap ${y.year}, dengan grafik dan unduhan data`, `Full statistics for ${y.year}, with charts and data downloads`))}</a>
          </p>
        </section>
      ))}
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------------
// Routes

const CSV_TYPE = 'text/csv; charset=utf-8; header=present';
const JSON_TYPE = 'application/json; charset=utf-8';

export async function publicStatsRoutes(app: App, { database }: AppDeps): Promise<void> {
  const db = database.db;
  const shared = sharedResults(CACHE_MINUTES * 60_000);
  const wide = oneAtATime();
  // A past year changes rarely (a late decision at most): its wide counts are shared for the day.
  const ttl = (year: StatYear) => (year.inProgress ? CACHE_MINUTES * 60_000 : 24 * 3600_000);
  const national = (year: StatYear, today: string) => shared(`national:${year.year}:${today}`, () => wide(() => nationalStats(db, year, today)), Date.now(), ttl(year));
  const ofOffice = (office: OfficeRow, year: StatYear, today: string) =>
    office.level === 'regency'
      ? shared(`${office.id}:${year.year}:${today}`, () => officeStats(db, office, year, today))
      : shared(`${office.id}:${year.year}:${today}`, () => wide(() => officeStats(db, office, year, today)), Date.now(), ttl(year));

  /** The year asked for, or a 422 that names the field (the pages show it; files get the error page). */
  function yearOrThrow(request: FastifyRequest, today: string): StatYear {
    const checked = checkYear(yearParam(request), today);
    if (!checked.ok) throw invalid({ tahun: checked.problem }, checked.problem);
    return checked.value;
  }

  function sendData(reply: FastifyReply, name: string, format: 'csv' | 'json', stats: OfficeStats | NationalStats | undefined) {
    if (!stats) return reply.code(202).header('retry-after', '30').type('text/plain; charset=utf-8').send(`${COUNTING.id}\n${COUNTING.en}\n`);
    return format === 'csv' ? sendAttachment(reply, `${name}.csv`, CSV_TYPE, statsCsv(stats)) : sendAttachment(reply, `${name}.json`, JSON_TYPE, statsJson(stats));
  }

  app.get('/statistik', { config: { access: PUBLIC }, schema: page }, async (request, reply) => {
    const ctx = pageContext(request, reply);
    const today = todayIn(NATIONAL_ZONE);
    const raw = yearParam(request);
    const checked = checkYear(raw, today);
    if (!checked.ok) return sendHtml(reply, NationalStatsPage({ ctx, form: { values: { tahun: raw }, errors: { tahun: checked.problem } } }), 422);
    const stats = await within(national(checked.value, today), WAIT_MS);
    if (!stats) return sendHtml(reply, <CountingPage ctx={ctx} title={NATIONAL_TITLE} url={request.url} />, 202);
    return sendHtml(reply, NationalStatsPage({ ctx, stats, form: { values: { tahun: String(checked.value.year) }, errors: {} } }));
  });

  for (const format of ['csv', 'json'] as const) {
    app.get(`/statistik.${format}`, { config: { access: PUBLIC }, schema: page }, async (request, reply) => {
      const today = todayIn(NATIONAL_ZONE);
      const year = yearOrThrow(request, today);
      return sendData(reply, `statistik-nasional_${year.year}`, format, await within(national(year, today), WAIT_MS));
    });
  }

  app.get<{ Params: { slug: string } }>('/:slug/statistik', { config: { access: PUBLIC }, schema: page }, async (request, reply) => {
    const office = await officeOr404(db, request.params.slug);
    const ctx = pageContext(request, reply);
    const today = todayIn(office.timeZone);
    const raw = yearParam(request);
    const checked = checkYear(raw, today);
    if (!checked.ok) return sendHtml(reply, OfficeStatsPage({ ctx, office, form: { values: { tahun: raw }, errors: { tahun: checked.problem } } }), 422);
    const stats = await within(ofOffice(office, checked.value, today), WAIT_MS);
    if (!stats) return sendHtml(reply, <CountingPage ctx={ctx} title={TITLE} url={request.url} />, 202);
    return sendHtml(reply, OfficeStatsPage({ ctx, office, stats, form: { values: { tahun: String(checked.value.year) }, errors: {} } }));
  });

  for (const format of ['csv', 'json'] as const) {
    app.get<{ Params: { slug: string } }>(`/:slug/statistik.${format}`, { config: { access: PUBLIC }, schema: page }, async (request, reply) => {
      const office = await officeOr404(db, request.params.slug);
      const today = todayIn(office.timeZone);
      const year = yearOrThrow(request, today);
      return sendData(reply, `statistik-${office.slug}_${year.year}`, format, await within(ofOffice(office, year, today), WAIT_MS));
    });
  }

  app.get<{ Params: { slug: string } }>('/:slug/ringkasan-akses', { config: { access: PUBLIC }, schema: page }, async (request, reply) => {
    const office = await officeOr404(db, request.params.slug);
    const ctx = pageContext(request, reply);
    const today = todayIn(office.timeZone);
    return sendHtml(reply, <SummaryPage ctx={ctx} office={office} years={await accessSummary(db, office, today)} today={today} />);
  });
}
