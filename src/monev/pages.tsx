import type { FastifyRequest } from 'fastify';
import { invalid } from '../kernel/errors.ts';
import { t, text, type Lang, type Text } from '../kernel/i18n.ts';
import { LEVEL_LABELS } from '../offices/rules.ts';
import { todayIn } from '../offices/portal.tsx';
import type { StaffRow } from '../offices/store.ts';
import { oversightLevel, type OfficeNode } from '../oversight/rules.ts';
import { XLSX_TYPE } from '../reports/exports.ts';
import { roles } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { sendAttachment, sendHtml, staffOffice } from '../web/context.ts';
import { ErrorSummary, TextField, type FormState } from '../web/forms.tsx';
import { DataTable, Layout, pageContext, say, type PageContext } from '../web/layout.tsx';
import { officeXlsx, overviewXlsx } from './exports.ts';
import { ASPECT_LABELS, ASPECTS, checkYear, NOT_A_GRADE, percentText, readinessSentence, STATE_NOTE, STATUS_LABELS, type ItemResult, type Readiness, type Status } from './rules.ts';
import { monevOverseer, overseenOffice, readiness, readinessOverview, type OfficeReadiness, type ReadinessOverview } from './service.ts';

/**
 * Monev readiness (issue 6 item 6): /desk/monev shows the office which items of the Komisi
 * Informasi's questionnaire its records in Lentera already evidence and what is missing; a province
 * and KPU RI see the offices they oversee side by side (/desk/monev/kantor) and drill down to one.
 */

const ACCESS = roles('ppid', 'atasan_ppid', 'office_admin');
const page = { hide: true };

const TITLE = text('Kesiapan monev keterbukaan informasi', 'Readiness for the openness monev');
const OVERVIEW_TITLE = text('Kesiapan monev kantor yang diawasi', 'Monev readiness of overseen offices');
const YEAR_LABELS: Readonly<Record<string, Text>> = { tahun: text('Tahun monev', 'Monev year') };

/** A query parameter as one short string; repeated or odd values count as absent. */
function param(request: FastifyRequest, key: string): string {
  const value = (request.query as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value.slice(0, 100) : '';
}

function YearFilter(props: { lang: Lang; form: FormState; action: string }): JSX.Element {
  const { lang, form } = props;
  return (
    <form method="get" action={props.action} class="filters" novalidate>
      <ErrorSummary lang={lang} form={form} labels={YEAR_LABELS} />
      <TextField
        lang={lang}
        form={form}
        name="tahun"
        label={YEAR_LABELS.tahun!}
        hint={text('Empat angka, misalnya 2026. Kosongkan untuk tahun ini.', 'Four digits, for example 2026. Leave empty for this year.')}
        inputmode="numeric"
        autocomplete="off"
      />
      <button type="submit">{say(lang, text('Tampilkan', 'Show'))}</button>
    </form>
  );
}

function StatusText(props: { lang: Lang; status: Status }): JSX.Element {
  return props.status === 'present' ? say(props.lang, STATUS_LABELS.present) : <span class="flag">{say(props.lang, STATUS_LABELS[props.status])}</span>;
}

function Summary(props: { lang: Lang; readiness: Readiness }): JSX.Element {
  const { lang, readiness: r } = props;
  return (
    <section aria-labelledby="readiness-h">
      <h2 id="readiness-h">{say(lang, text('Kesiapan bukti', 'Evidence readiness'))}</h2>
      <ul class="counts" id="readiness">
        <li>
          <span class="count" safe>
            {percentText(lang, r.percent)}
          </span>{' '}
          {say(lang, text('butir ada buktinya', 'of items have evidence'))}
        </li>
        {(['present', 'partial', 'missing'] as const).map((s) => (
          <li>
            <span class="count">{r[s]}</span> {say(lang, STATUS_LABELS[s])}
          </li>
        ))}
      </ul>
      <p role="status" safe>
        {readinessSentence(lang, r)}
      </p>
      <p class="hint">{say(lang, NOT_A_GRADE)}</p>
      <p class="hint">{say(lang, STATE_NOTE)}</p>
    </section>
  );
}

/** Where an item's evidence lives: the desk page (own office, when the viewer's roles open it) and the public page. */
function Places(props: { lang: Lang; result: ItemResult; slug: string; staff: StaffRow | null }): JSX.Element {
  const { lang, result, staff } = props;
  const { deskPath, deskRoles, publicPath } = result.item;
  const opens = staff !== null && deskPath !== null && (staff.roles.includes('system_admin') || deskRoles.some((r) => staff.roles.includes(r)));
  // Every row has the same link words; the hidden item name tells them apart out of the table's context.
  const which = <span class="visually-hidden" safe>{`: ${t(lang, result.item.label)}`}</span>;
  const links = [
    opens ? (
      <a href={deskPath!}>
        {say(lang, text('Halaman kerja', 'Desk page'))}
        {which}
      </a>
    ) : (
      ''
    ),
    publicPath ? (
      <a href={`/${props.slug}${publicPath}`}>
        {say(lang, text('Halaman publik', 'Public page'))}
        {which}
      </a>
    ) : (
      ''
    ),
  ].filter((l) => l !== '');
  return links.length === 0 ? '—' : <>{links.map((link, i) => (i > 0 ? <> · {link}</> : link))}</>;
}

function ItemTables(props: { lang: Lang; result: OfficeReadiness; staff: StaffRow | null }): JSX.Element {
  const { lang, result } = props;
  return (
    <>
      {ASPECTS.map((aspect) => {
        const rows = result.items.filter((r) => r.item.aspect === aspect);
        return (
          <section aria-labelledby={`aspect-${aspect}-h`}>
            <h2 id={`aspect-${aspect}-h`}>{say(lang, ASPECT_LABELS[aspect])}</h2>
            <DataTable lang={lang} id={`aspect-${aspect}`} caption={ASPECT_LABELS[aspect]}>
              <thead>
                <tr>
                  <th scope="col">{say(lang, text('Butir', 'Item'))}</th>
                  <th scope="col">{say(lang, text('Status', 'Status'))}</th>
                  <th scope="col">{say(lang, text('Bukti yang ada', 'Evidence found'))}</th>
                  <th scope="col">{say(lang, text('Yang kurang', 'What is missing'))}</th>
                  <th scope="col">{say(lang, text('Tempat', 'Where'))}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr id={`item-${r.item.id}`} data-status={r.status}>
                    <th scope="row">
                      {say(lang, r.item.label)}
                      <span class="hint">
                        <br />
                        {say(lang, r.item.judged)}
                      </span>
                    </th>
                    <td>
                      <StatusText lang={lang} status={r.status} />
                    </td>
                    <td>{say(lang, r.found)}</td>
                    <td>{r.missing ? say(lang, r.missing) : '—'}</td>
                    <td>
                      <Places lang={lang} result={r} slug={result.office.slug} staff={props.staff} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </section>
        );
      })}
    </>
  );
}

function OfficePage(props: { ctx: PageContext; office: OfficeNode; form: FormState; result?: OfficeReadiness }): JSX.Element {
  const { ctx, result } = props;
  const lang = ctx.lang;
  const oversees = oversightLevel(props.office) !== null;
  const query = result ? `?tahun=${result.year}` : '';
  return (
    <Layout ctx={ctx} title={TITLE} officeName={props.office.name}>
      <p class="lead">
        {say(
          lang,
          text(
            'Butir kuesioner penilaian mandiri monev Komisi Informasi (Perki 1/2022) yang buktinya dapat ditunjukkan dari catatan di Lentera: apa yang sudah ada, apa yang sebagian, dan apa yang masih kurang.',
            "The items of the Komisi Informasi's monev self-assessment questionnaire (Perki 1/2022) that records in Lentera can evidence: what is present, what is partial, and what is still missing.",
          ),
        )}
      </p>
      <YearFilter lang={lang} form={props.form} action="/desk/monev" />
      {oversees ? (
        <p>
          <a href={`/desk/monev/kantor${query}`}>{say(lang, text('Kesiapan kantor yang diawasi', 'Readiness of the offices you oversee'))}</a>
        </p>
      ) : (
        ''
      )}
      {result ? (
        <>
          <p>
            <a href={`/desk/monev.xlsx${query}`}>
              {say(lang, text(`Unduh XLSX (tahun ${result.year})`, `Download XLSX (year ${result.year})`))}
            </a>
          </p>
          <Summary lang={lang} readiness={result.readiness} />
          <ItemTables lang={lang} result={result} staff={ctx.staff ?? null} />
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

function OverviewPage(props: { ctx: PageContext; viewer: OfficeNode; form: FormState; overview?: ReadinessOverview }): JSX.Element {
  const { ctx, overview } = props;
  const lang = ctx.lang;
  const query = overview ? `?tahun=${overview.year}` : '';
  const complete = overview ? overview.rows.filter((r) => r.readiness.present === r.readiness.total).length : 0;
  return (
    <Layout ctx={ctx} title={OVERVIEW_TITLE} officeName={props.viewer.name}>
      <p>
        <a href={`/desk/monev${query}`}>{say(lang, text('‹ Kesiapan kantor sendiri', '‹ Your own office'))}</a>
      </p>
      <YearFilter lang={lang} form={props.form} action="/desk/monev/kantor" />
      {overview ? (
        <>
          <p role="status" safe>
            {t(
              lang,
              text(
                `${overview.rows.length} kantor, tahun monev ${overview.year}; ${complete} kantor memiliki bukti untuk semua butir.`,
                `${overview.rows.length} offices, monev year ${overview.year}; ${complete} have evidence for every item.`,
              ),
            )}
          </p>
          <p class="hint">{say(lang, NOT_A_GRADE)}</p>
          <p>
            <a href={`/desk/monev/kantor.xlsx${query}`}>
              {say(lang, text('Unduh XLSX (semua butir per kantor)', 'Download XLSX (every item per office)'))}
            </a>
          </p>
          <DataTable lang={lang} id="offices" caption={OVERVIEW_TITLE}>
            <thead>
              <tr>
                <th scope="col">{say(lang, text('Kantor', 'Office'))}</th>
                <th scope="col">{say(lang, text('Tingkat', 'Level'))}</th>
                <th scope="col">{say(lang, STATUS_LABELS.present)}</th>
                <th scope="col">{say(lang, STATUS_LABELS.partial)}</th>
                <th scope="col">{say(lang, STATUS_LABELS.missing)}</th>
                <th scope="col">{say(lang, text('Kesiapan bukti', 'Evidence readiness'))}</th>
                <th scope="col">{say(lang, text('Butir yang belum ada', 'Items missing'))}</th>
              </tr>
            </thead>
            <tbody>
              {overview.rows.map((row) => (
                <tr id={`office-${row.office.slug}`}>
                  <th scope="row">
                    <a href={`/desk/monev/kantor/${encodeURIComponent(row.office.slug)}${query}`} safe>
                      {row.office.name}
                    </a>
                  </th>
                  <td>{say(lang, LEVEL_LABELS[row.office.level as keyof typeof LEVEL_LABELS] ?? text(row.office.level, row.office.level))}</td>
                  <td class="num">{row.readiness.present}</td>
                  <td class="num">{row.readiness.partial}</td>
                  <td class="num">{row.readiness.missing}</td>
                  <td class="num" safe>
                    {percentText(lang, row.readiness.percent)}
                  </td>
                  <td safe>
                    {row.items
                      .filter((r) => r.status === 'missing')
                      .map((r) => t(lang, r.item.label))
                      .join('; ') || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

function DetailPage(props: { ctx: PageContext; viewer: OfficeNode; slug: string; form: FormState; result?: OfficeReadiness }): JSX.Element {
  const { ctx, result } = props;
  const lang = ctx.lang;
  const query = result ? `?tahun=${result.year}` : '';
  return (
    <Layout ctx={ctx} title={result ? text(`Kesiapan monev: ${result.office.name}`, `Monev readiness: ${result.office.name}`) : OVERVIEW_TITLE} officeName={props.viewer.name}>
      <p>
        <a href={`/desk/monev/kantor${query}`}>{say(lang, text('‹ Kembali ke semua kantor', '‹ Back to every office'))}</a>
      </p>
      <YearFilter lang={lang} form={props.form} action={`/desk/monev/kantor/${encodeURIComponent(props.slug)}`} />
      {result ? (
        <>
          <Summary lang={lang} readiness={result.readiness} />
          {/* The desk pages named in the tables are that office's own; from here only its public pages are linked. */}
          <ItemTables lang={lang} result={result} staff={null} />
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------------
// Routes

export async function monevRoutes(app: App, { database }: AppDeps): Promise<void> {
  const db = database.db;

  /** The viewer's office, its today, and the year asked for. */
  async function input(request: FastifyRequest) {
    const office: OfficeNode = await staffOffice(db, request);
    const today = todayIn(office.timeZone);
    const raw = param(request, 'tahun');
    return { office, today, form: { tahun: raw }, checked: checkYear(raw, today) };
  }

  const shown = (year: number): FormState => ({ values: { tahun: String(year) }, errors: {} });

  app.get('/desk/monev', { config: { access: ACCESS }, schema: page }, async (request, reply) => {
    const ctx = pageContext(request, reply);
    const { office, today, form, checked } = await input(request);
    if (!checked.ok) return sendHtml(reply, <OfficePage ctx={ctx} office={office} form={{ values: form, errors: { tahun: checked.problem } }} />, 422);
    const result = await readiness(db, office, checked.year, today);
    return sendHtml(reply, <OfficePage ctx={ctx} office={office} form={shown(checked.year)} result={result} />);
  });

  app.get('/desk/monev.xlsx', { config: { access: ACCESS }, schema: page }, async (request, reply) => {
    const { office, today, checked } = await input(request);
    if (!checked.ok) throw invalid({ tahun: checked.problem });
    const result = await readiness(db, office, checked.year, today);
    return sendAttachment(reply, `monev_${office.slug}_${checked.year}.xlsx`, XLSX_TYPE, await officeXlsx(result, request.lang, new Date()));
  });

  app.get('/desk/monev/kantor', { config: { access: ACCESS }, schema: page }, async (request, reply) => {
    const ctx = pageContext(request, reply);
    const { office, today, form, checked } = await input(request);
    monevOverseer(office);
    if (!checked.ok) return sendHtml(reply, <OverviewPage ctx={ctx} viewer={office} form={{ values: form, errors: { tahun: checked.problem } }} />, 422);
    const overview = await readinessOverview(db, office, checked.year, today);
    return sendHtml(reply, <OverviewPage ctx={ctx} viewer={office} form={shown(checked.year)} overview={overview} />);
  });

  app.get('/desk/monev/kantor.xlsx', { config: { access: ACCESS }, schema: page }, async (request, reply) => {
    const { office, today, checked } = await input(request);
    monevOverseer(office);
    if (!checked.ok) throw invalid({ tahun: checked.problem });
    const overview = await readinessOverview(db, office, checked.year, today);
    return sendAttachment(reply, `monev_${office.slug}_kantor_${checked.year}.xlsx`, XLSX_TYPE, await overviewXlsx(overview, request.lang, new Date()));
  });

  app.get<{ Params: { slug: string } }>('/desk/monev/kantor/:slug', { config: { access: ACCESS }, schema: page }, async (request, reply) => {
    const ctx = pageContext(request, reply);
    const { office, today, form, checked } = await input(request);
    const slug = request.params.slug;
    if (!checked.ok) {
      // The office must be overseen before anything about it, even an error page, is shown.
      await overseenOffice(db, office, slug);
      return sendHtml(reply, <DetailPage ctx={ctx} viewer={office} slug={slug} form={{ values: form, errors: { tahun: checked.problem } }} />, 422);
    }
    const result = await readiness(db, await overseenOffice(db, office, slug), checked.year, today);
    return sendHtml(reply, <DetailPage ctx={ctx} viewer={office} slug={slug} form={shown(checked.year)} result={result} />);
  });
}
