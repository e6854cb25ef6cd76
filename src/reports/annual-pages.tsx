import Html, { type Children } from '@kitajs/html';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Executor } from '../db/client.ts';
import { invalid, isAppError, notFound } from '../kernel/errors.ts';
import { formatDay, formatMoment, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import { officeOr404, SiteNav } from '../dip/portal.tsx';
import { todayIn } from '../offices/portal.tsx';
import type { OfficeRow } from '../offices/store.ts';
import { PUBLIC, roles } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { actorOf, currentStaff, hasRole, redirectWithNotice, scopeFor, sendAttachment, sendHtml, staffOffice } from '../web/context.ts';
import { CsrfField, ErrorSummary, formBody, str, TextArea, TextField, typed, type FormState } from '../web/forms.tsx';
import { DataTable, Layout, pageContext, say, type PageContext } from '../web/layout.tsx';
import {
  annualCharts,
  CHAPTERS,
  chapterTables,
  changeText,
  checkYear,
  deadlineState,
  deadlineText,
  lineText,
  NARRATIVE_HINTS,
  NARRATIVE_KEYS,
  NARRATIVE_LABELS,
  reportTitle,
  skmChart,
  sourceText,
  storedChanges,
  submissionDue,
  submitProblem,
  versionLabel,
  type AnnualChart,
  type Chapter,
  type ReportChanges,
} from './annual.ts';
import { annualFileName, annualPdf, annualXlsx } from './annual-exports.ts';
import { deskReport, dueReport, newVersion, publicReport, reportYears, saveNarrative, submitReport, type DeskReport, type ReportView, type VersionRow, type YearSummary } from './annual-service.ts';
import { BarChart } from './chart.tsx';
import { XLSX_TYPE } from './exports.ts';
import { localDay } from './rules.ts';

/**
 * The annual report on the desk (/desk/laporan-tahunan: the years, one year's draft with its live
 * figures and the PPID's written sections, submission, new versions, PDF and XLSX) and on the portal
 * (/:slug/laporan-tahunan: submitted versions only, with their history and what changed). Desk pages
 * read the staff member's own office only.
 */

const VIEW_ACCESS = roles('ppid', 'atasan_ppid');
const EDIT_ACCESS = roles('ppid');
const page = { hide: true };

const NOTICES: Record<string, Text> = {
  saved: text('Draf disimpan. Angka draf tetap mengikuti register sampai laporan disampaikan.', 'Draft saved. Its figures keep following the registers until the report is submitted.'),
  submitted: text('Laporan disampaikan: angkanya dibekukan dan laporan terbit di portal.', 'Report submitted: its figures are frozen and it is published on the portal.'),
  version: text('Versi baru dibuat sebagai draf. Perbaiki lalu sampaikan; perubahannya akan dicatat.', 'A new version was made as a draft. Correct it and submit; what changed will be recorded.'),
};

const FIELD_LABELS: Readonly<Record<string, Text>> = { ...NARRATIVE_LABELS, tahun: text('Tahun', 'Year'), reason: text('Alasan versi baru', 'Reason for the new version') };

/** A URL's year with an optional file ending: "2025", "2025.pdf", "2025.xlsx". */
function fileParam(value: string): { raw: string; ext: 'pdf' | 'xlsx' | null } {
  const match = /^(.*?)\.(pdf|xlsx)$/.exec(value);
  return match ? { raw: match[1]!, ext: match[2] as 'pdf' | 'xlsx' } : { raw: value, ext: null };
}

/** ?versi=n: a version number, absent, or a 404 for junk. */
function versionParam(request: FastifyRequest): number | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.versi;
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !/^[1-9]\d{0,3}$/.test(value)) throw notFound(text('Versi laporan tidak ditemukan.', 'Report version not found.'));
  return Number(value);
}

function yearOr422(raw: string, today: string): number {
  const checked = checkYear(raw, today);
  if (!checked.ok) throw invalid({ tahun: checked.problem }, checked.problem);
  return checked.year;
}

// ---------------------------------------------------------------------------------------------------
// Pieces shared by the desk and the portal

function Chart(props: { lang: Lang; chart: AnnualChart }): JSX.Element {
  return <BarChart lang={props.lang} id={props.chart.id} title={props.chart.title} geometry={props.chart.geometry} />;
}

/** Lines break where the author broke them; blank lines make paragraphs. */
function Written(props: { lang: Lang; value: string }): JSX.Element {
  const parts = props.value.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return <p class="hint">{say(props.lang, text('Belum diisi.', 'Not written yet.'))}</p>;
  return (
    <>
      {parts.map((p) => (
        <p class="prewrap" safe>
          {p}
        </p>
      ))}
    </>
  );
}

function FigureChapter(props: { lang: Lang; view: ReportView; kind: 'requests' | 'cases' | 'skm' }): JSX.Element {
  const { lang, view, kind } = props;
  const { tables, empty } = chapterTables(view.figures, kind);
  if (empty) {
    return (
      <p class="notice" role="note">
        {say(lang, empty)}
      </p>
    );
  }
  const charts = kind === 'requests' && view.figures.requests ? annualCharts(view.figures.requests, lang) : kind === 'skm' && view.figures.skm ? [skmChart(view.figures.skm, lang)] : [];
  return (
    <>
      {tables.map((table) => (
        <DataTable lang={lang} id={`fig-${table.id}`} caption={table.title} captionVisible>
          <thead>
            <tr>
              <th scope="col">{say(lang, text('Uraian', 'Item'))}</th>
              <th scope="col">{say(lang, text('Nilai', 'Value'))}</th>
            </tr>
          </thead>
          <tbody>
            {table.lines.map((line) => (
              <tr>
                <th scope="row">{say(lang, line.label)}</th>
                <td class="num" data-key={line.key} safe>
                  {lineText(lang, line.unit, line.value)}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ))}
      {charts.map((chart) => (
        <Chart lang={lang} chart={chart} />
      ))}
    </>
  );
}

/** One chapter, read: its written text, or its figures. */
function ChapterBody(props: { lang: Lang; view: ReportView; chapter: Chapter }): JSX.Element {
  const { lang, view, chapter } = props;
  if (chapter.kind !== 'narrative') return <FigureChapter lang={lang} view={view} kind={chapter.kind} />;
  if (chapter.sections.length === 1) return <Written lang={lang} value={view.narrative[chapter.sections[0]!]} />;
  return (
    <>
      {chapter.sections.map((key, i) => (
        <>
          <h3>{say(lang, text(`${i + 1}. ${NARRATIVE_LABELS[key].id}`, `${i + 1}. ${NARRATIVE_LABELS[key].en}`))}</h3>
          <Written lang={lang} value={view.narrative[key]} />
        </>
      ))}
    </>
  );
}

function ChapterHeading(props: { lang: Lang; chapter: Chapter }): JSX.Element {
  return <h2 id={`bab-${props.chapter.letter.toLowerCase()}`}>{say(props.lang, text(`${props.chapter.letter}. ${props.chapter.title.id}`, `${props.chapter.letter}. ${props.chapter.title.en}`))}</h2>;
}

function Changes(props: { lang: Lang; changes: ReportChanges | null; headingLevel: 2 | 3 }): JSX.Element {
  const { lang, changes } = props;
  if (!changes) return '';
  const heading = say(lang, text(`Perubahan dibanding versi ${changes.previousVersion}`, `Changes from version ${changes.previousVersion}`));
  return (
    <section class="changes">
      {props.headingLevel === 2 ? <h2>{heading}</h2> : <h3>{heading}</h3>}
      {changes.figures.length === 0 ? (
        <p>{say(lang, text('Tidak ada angka yang berubah.', 'No figure changed.'))}</p>
      ) : (
        <ul>
          {changes.figures.map((c) => (
            <li safe>{`${t(lang, c.table)} — ${changeText(lang, c)}`}</li>
          ))}
        </ul>
      )}
      <p safe>
        {changes.sections.length === 0
          ? t(lang, text('Tidak ada bagian tertulis yang berubah.', 'No written section changed.'))
          : `${t(lang, text('Bagian tertulis yang berubah', 'Written sections changed'))}: ${changes.sections.map((k) => t(lang, NARRATIVE_LABELS[k])).join('; ')}.`}
      </p>
    </section>
  );
}

function submittedWords(lang: Lang, office: OfficeRow, view: ReportView): string {
  if (view.status !== 'submitted' || !view.submittedAt) return versionLabel(lang, view.version, view.status);
  const by = view.submittedBy ? ` ${t(lang, text('oleh', 'by'))} ${view.submittedBy}` : '';
  return `${versionLabel(lang, view.version, view.status)}, ${t(lang, text('disampaikan', 'submitted'))} ${formatMoment(lang, view.submittedAt, office.timeZone)}${by}`;
}

// ---------------------------------------------------------------------------------------------------
// Desk

function YearForm(props: { lang: Lang; form: FormState }): JSX.Element {
  return (
    <form method="get" action="/desk/laporan-tahunan" class="narrow" novalidate>
      <ErrorSummary lang={props.lang} form={props.form} labels={FIELD_LABELS} />
      <TextField lang={props.lang} form={props.form} name="tahun" label={FIELD_LABELS.tahun!} inputmode="numeric" autocomplete="off" required hint={text('Empat angka, misalnya 2025.', 'Four digits, for example 2025.')} />
      <button type="submit">{say(props.lang, text('Buka', 'Open'))}</button>
    </form>
  );
}

function DeskListPage(props: { ctx: PageContext; office: OfficeRow; today: string; years: readonly YearSummary[]; form: FormState }): JSX.Element {
  const { ctx, office, today } = props;
  const lang = ctx.lang;
  const current = Number(today.slice(0, 4));
  const known = new Map(props.years.map((y) => [y.year, y]));
  const shown = [...new Set([current, current - 1, ...known.keys()])].sort((a, b) => b - a);
  return (
    <Layout ctx={ctx} title={text('Laporan tahunan layanan informasi publik', 'Annual public information service reports')} officeName={office.name}>
      <p class="lead">
        {say(
          lang,
          text(
            'Laporan tahunan (Perki 1/2021 Pasal 56) disusun dari register dan survei kepuasan, dilengkapi bagian tertulis PPID, dan disampaikan paling lambat 31 Maret tahun berikutnya. Setelah disampaikan, angkanya dibekukan dan laporan terbit di portal.',
            'The annual report (Perki 1/2021 article 56) is built from the registers and the satisfaction survey, completed with the PPID’s written sections, and submitted by 31 March of the next year. Once submitted, its figures are frozen and it is published on the portal.',
          ),
        )}
      </p>
      <DataTable lang={lang} id="annual-years" caption={text('Laporan tahunan kantor ini', "This office's annual reports")} captionVisible>
        <thead>
          <tr>
            <th scope="col">{say(lang, text('Tahun', 'Year'))}</th>
            <th scope="col">{say(lang, text('Keadaan', 'State'))}</th>
            <th scope="col">{say(lang, text('Batas penyampaian', 'Deadline'))}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((year) => {
            const y = known.get(year);
            const state =
              y?.submitted && y.draft
                ? text(`Versi ${y.submitted.version} disampaikan ${formatDay('id', y.submitted.on, false)}; versi ${y.draft} masih draf`, `Version ${y.submitted.version} submitted on ${formatDay('en', y.submitted.on, false)}; version ${y.draft} is a draft`)
                : y?.submitted
                  ? text(`Versi ${y.submitted.version} disampaikan ${formatDay('id', y.submitted.on, false)}`, `Version ${y.submitted.version} submitted on ${formatDay('en', y.submitted.on, false)}`)
                  : y?.draft
                    ? text(`Draf versi ${y.draft}`, `Draft version ${y.draft}`)
                    : text('Belum disusun', 'Not drawn up yet');
            return (
              <tr>
                <th scope="row">
                  <a href={`/desk/laporan-tahunan/${year}`}>{year}</a>
                </th>
                <td>{say(lang, state)}</td>
                <td>{Html.escapeHtml(formatDay(lang, submissionDue(year), false))}</td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
      <h2>{say(lang, text('Tahun lain', 'Another year'))}</h2>
      <YearForm lang={lang} form={props.form} />
    </Layout>
  );
}

function DeskYearPage(props: { ctx: PageContext; office: OfficeRow; today: string; report: DeskReport; canEdit: boolean; form?: FormState | undefined; reasonForm?: FormState | undefined }): JSX.Element {
  const { ctx, office, today, report } = props;
  const { view } = report;
  const lang = ctx.lang;
  const year = view.year;
  const editing = props.canEdit && report.editable;
  const revising = props.canEdit && report.revisable;
  // A refusal whose form is not on the page (the version changed meanwhile) is still said, at the top.
  const stray = (!editing && props.form) || (!revising && props.reasonForm) || undefined;
  const form: FormState = props.form ?? { values: { ...view.narrative }, errors: {} };
  const early = submitProblem(year, today);
  const firstSubmitted = report.versions.find((v) => v.status === 'submitted' && v.submittedAt);
  const state = deadlineState(year, today, firstSubmitted?.submittedAt ? localDay(firstSubmitted.submittedAt, office.timeZone) : null);
  const query = view.version === null ? '' : `?versi=${view.version}`;
  const chapters = CHAPTERS.map((chapter) => (
    <section aria-labelledby={`bab-${chapter.letter.toLowerCase()}`}>
      <ChapterHeading lang={lang} chapter={chapter} />
      {editing && chapter.kind === 'narrative' ? (
        // Required for submission; a draft may be saved with any of them empty (the form is novalidate).
        chapter.sections.map((key) => <TextArea lang={lang} form={form} name={key} label={NARRATIVE_LABELS[key]} hint={NARRATIVE_HINTS[key]} rows={6} required />)
      ) : (
        <ChapterBody lang={lang} view={view} chapter={chapter} />
      )}
    </section>
  ));
  return (
    <Layout ctx={ctx} title={text(`Laporan tahunan ${year}`, `Annual report ${year}`)} officeName={office.name}>
      <p class="lead" safe>
        {submittedWords(lang, office, view)}
      </p>
      {view.status === 'submitted' ? (
        ''
      ) : (
        <p class="warning" role="note">
          {say(
            lang,
            view.status === 'preview'
              ? text('Belum ada draf: angka di bawah dihitung langsung dari register. Menyimpan bagian tertulis membuat draf versi 1.', 'No draft yet: the figures below are counted live from the registers. Saving the written sections makes draft version 1.')
              : text('Draf: angka di bawah dihitung langsung dari register dan masih berubah sampai laporan disampaikan.', 'Draft: the figures below are counted live from the registers and keep changing until the report is submitted.'),
          )}
        </p>
      )}
      <p>{say(lang, deadlineText(year, state))}</p>
      <p>
        <a href={`/desk/laporan-tahunan/${year}.pdf${query}`}>{say(lang, text('Unduh PDF (berkop surat, dengan grafik)', 'Download PDF (on the letterhead, with charts)'))}</a> ·{' '}
        <a href={`/desk/laporan-tahunan/${year}.xlsx${query}`}>{say(lang, text('Unduh XLSX (satu lembar per tabel)', 'Download XLSX (one sheet per table)'))}</a>
        {report.versions.some((v) => v.status === 'submitted') ? (
          <>
            {' · '}
            <a href={`/${office.slug}/laporan-tahunan/${year}`}>{say(lang, text('Lihat di portal', 'See it on the portal'))}</a>
          </>
        ) : (
          ''
        )}
      </p>
      {view.revisionReason ? <p safe>{`${t(lang, text('Alasan versi ini', 'Why this version was made'))}: ${view.revisionReason}`}</p> : ''}
      <p class="hint" safe>
        {sourceText(lang, view.figures, view.status === 'submitted')}
      </p>
      {stray ? <ErrorSummary lang={lang} form={stray} labels={FIELD_LABELS} /> : ''}
      {editing ? (
        <form method="post" action={`/desk/laporan-tahunan/${year}`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <ErrorSummary lang={lang} form={form} labels={FIELD_LABELS} />
          {chapters}
          <p class="hint">
            {say(
              lang,
              early ?? text('Menyampaikan laporan membekukan angkanya dan menerbitkannya di portal; sesudah itu perbaikan dibuat sebagai versi baru.', 'Submitting freezes the figures and publishes the report on the portal; after that a correction is a new version.'),
            )}
          </p>
          <button type="submit" name="action" value="save">
            {say(lang, text('Simpan draf', 'Save draft'))}
          </button>{' '}
          {early ? (
            ''
          ) : (
            <button type="submit" name="action" value="submit" class="secondary">
              {say(lang, text('Simpan dan sampaikan', 'Save and submit'))}
            </button>
          )}
        </form>
      ) : (
        chapters
      )}
      <Changes lang={lang} changes={view.changes} headingLevel={2} />
      {revising ? (
        <section aria-labelledby="new-version-h">
          <h2 id="new-version-h">{say(lang, text('Buat versi baru', 'Make a new version'))}</h2>
          <p>
            {say(
              lang,
              text(
                'Versi yang sudah disampaikan tidak diubah. Bila datanya perlu dibetulkan, buat versi baru: angkanya dihitung ulang saat disampaikan, dan setiap angka atau bagian yang berubah dicatat dan diterbitkan bersama alasannya.',
                'A submitted version is never changed. When its data needs correcting, make a new version: its figures are counted again when it is submitted, and every figure or section that changed is recorded and published with the reason.',
              ),
            )}
          </p>
          <form method="post" action={`/desk/laporan-tahunan/${year}/versi-baru`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <ErrorSummary lang={lang} form={props.reasonForm ?? { values: {}, errors: {} }} labels={FIELD_LABELS} />
            <TextArea lang={lang} form={props.reasonForm ?? { values: {}, errors: {} }} name="reason" label={FIELD_LABELS.reason!} hint={text('Diterbitkan bersama versi baru.', 'Published with the new version.')} rows={3} required />
            <button type="submit">{say(lang, text('Buat versi baru', 'Make a new version'))}</button>
          </form>
        </section>
      ) : (
        ''
      )}
      <VersionTable lang={lang} office={office} versions={report.versions} shown={view.version} href={(v) => `/desk/laporan-tahunan/${year}?versi=${v}`} />
    </Layout>
  );
}

function VersionTable(props: { lang: Lang; office: OfficeRow; versions: readonly VersionRow[]; shown: number | null; href: (version: number) => string }): JSX.Element {
  const { lang } = props;
  if (props.versions.length === 0) return '';
  return (
    <section aria-labelledby="versions-h">
      <h2 id="versions-h">{say(lang, text('Riwayat versi', 'Version history'))}</h2>
      <DataTable lang={lang} id="annual-versions" caption={text('Versi laporan tahun ini', "Versions of this year's report")}>
        <thead>
          <tr>
            <th scope="col">{say(lang, text('Versi', 'Version'))}</th>
            <th scope="col">{say(lang, text('Keadaan', 'State'))}</th>
            <th scope="col">{say(lang, text('Alasan', 'Reason'))}</th>
            <th scope="col">{say(lang, text('Yang berubah', 'What changed'))}</th>
          </tr>
        </thead>
        <tbody>
          {[...props.versions].reverse().map((v) => {
            const changes = storedChanges(v.changes);
            return (
              <tr>
                <th scope="row">
                  {v.version === props.shown ? (
                    <span aria-current="page">{say(lang, text(`Versi ${v.version} (ditampilkan)`, `Version ${v.version} (shown)`))}</span>
                  ) : (
                    <a href={props.href(v.version)}>{say(lang, text(`Versi ${v.version}`, `Version ${v.version}`))}</a>
                  )}
                </th>
                <td safe>
                  {v.status === 'submitted' && v.submittedAt
                    ? `${t(lang, text('Disampaikan', 'Submitted'))} ${formatMoment(lang, v.submittedAt, props.office.timeZone)}`
                    : t(lang, text('Draf', 'Draft'))}
                </td>
                <td safe>{v.revisionReason || '—'}</td>
                <td safe>
                  {changes
                    ? t(lang, text(`${changes.figures.length} angka, ${changes.sections.length} bagian tertulis`, `${changes.figures.length} figures, ${changes.sections.length} written sections`))
                    : v.version === 1
                      ? t(lang, text('Versi pertama', 'First version'))
                      : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
    </section>
  );
}

// ---------------------------------------------------------------------------------------------------
// Portal

function PortalPage(props: { ctx: PageContext; office: OfficeRow; title: Text | string; children?: Children }): JSX.Element {
  return (
    <Layout ctx={props.ctx} title={props.title} officeName={props.office.name}>
      <SiteNav lang={props.ctx.lang} office={props.office} current={props.ctx.path} />
      {props.children}
    </Layout>
  );
}

function PortalListPage(props: { ctx: PageContext; office: OfficeRow; years: readonly YearSummary[] }): JSX.Element {
  const { ctx, office } = props;
  const lang = ctx.lang;
  return (
    <PortalPage ctx={ctx} office={office} title={text('Laporan tahunan layanan informasi publik', 'Annual public information service reports')}>
      <p class="lead">
        {say(
          lang,
          text(
            'Laporan layanan informasi publik tahunan kantor ini (Perki 1/2021 Pasal 56): jumlah permohonan, waktu pelayanan, keputusan, keberatan, sengketa dan survei kepuasan, dengan setiap versi yang pernah disampaikan.',
            "This office's annual public information service reports (Perki 1/2021 article 56): requests, time taken, decisions, objections, disputes and the satisfaction survey, with every version ever submitted.",
          ),
        )}
      </p>
      {props.years.length === 0 ? (
        <p class="notice" role="status">
          {say(lang, text('Belum ada laporan tahunan yang disampaikan.', 'No annual report has been submitted yet.'))}
        </p>
      ) : (
        <ul>
          {props.years.map((y) => (
            <li>
              <a href={`/${office.slug}/laporan-tahunan/${y.year}`}>{Html.escapeHtml(reportTitle(lang, y.year))}</a>
              {y.submitted
                ? Html.escapeHtml(
                    ` — ${t(lang, text(`versi ${y.submitted.version}, disampaikan ${formatDay('id', y.submitted.on, false)}`, `version ${y.submitted.version}, submitted on ${formatDay('en', y.submitted.on, false)}`))}`,
                  )
                : ''}
            </li>
          ))}
        </ul>
      )}
    </PortalPage>
  );
}

function PortalYearPage(props: { ctx: PageContext; office: OfficeRow; versions: readonly VersionRow[]; view: ReportView }): JSX.Element {
  const { ctx, office, view } = props;
  const lang = ctx.lang;
  const latest = props.versions.at(-1)!;
  const query = view.version === latest.version ? '' : `?versi=${view.version}`;
  return (
    <PortalPage ctx={ctx} office={office} title={reportTitle(lang, view.year)}>
      <p class="lead" safe>
        {submittedWords(lang, office, view)}
      </p>
      {view.version !== latest.version ? (
        <p class="warning" role="note">
          {say(lang, text(`Ini bukan versi terakhir. Versi terakhir adalah versi ${latest.version}.`, `This is not the latest version. The latest is version ${latest.version}.`))}{' '}
          <a href={`/${office.slug}/laporan-tahunan/${view.year}`}>{say(lang, text('Buka versi terakhir', 'Open the latest version'))}</a>
        </p>
      ) : (
        ''
      )}
      <p>
        <a href={`/${office.slug}/laporan-tahunan/${view.year}.pdf${query}`}>{say(lang, text('Unduh PDF', 'Download PDF'))}</a> ·{' '}
        <a href={`/${office.slug}/laporan-tahunan/${view.year}.xlsx${query}`}>{say(lang, text('Unduh data (XLSX)', 'Download the data (XLSX)'))}</a> ·{' '}
        <a href={`/${office.slug}/laporan-tahunan`}>{say(lang, text('Semua tahun', 'All years'))}</a>
      </p>
      {view.revisionReason ? <p safe>{`${t(lang, text('Alasan versi ini', 'Why this version was made'))}: ${view.revisionReason}`}</p> : ''}
      <p class="hint" safe>
        {sourceText(lang, view.figures, true)}
      </p>
      {CHAPTERS.map((chapter) => (
        <section aria-labelledby={`bab-${chapter.letter.toLowerCase()}`}>
          <ChapterHeading lang={lang} chapter={chapter} />
          <ChapterBody lang={lang} view={view} chapter={chapter} />
        </section>
      ))}
      <Changes lang={lang} changes={view.changes} headingLevel={2} />
      <section aria-labelledby="history-h">
        <h2 id="history-h">{say(lang, text('Riwayat versi', 'Version history'))}</h2>
        <ul>
          {[...props.versions].reverse().map((v) => {
            const changes = storedChanges(v.changes);
            return (
              <li>
                {v.version === view.version ? (
                  <strong>{say(lang, text(`Versi ${v.version} (ditampilkan)`, `Version ${v.version} (shown)`))}</strong>
                ) : (
                  <a href={`/${office.slug}/laporan-tahunan/${view.year}?versi=${v.version}`}>{say(lang, text(`Versi ${v.version}`, `Version ${v.version}`))}</a>
                )}
                {Html.escapeHtml(` — ${t(lang, text('disampaikan', 'submitted'))} ${formatMoment(lang, v.submittedAt!, office.timeZone)}`)}
                {v.revisionReason ? <span safe>{`. ${t(lang, text('Alasan', 'Reason'))}: ${v.revisionReason}`}</span> : ''}
                {changes && v.version !== view.version ? <Changes lang={lang} changes={changes} headingLevel={3} /> : ''}
              </li>
            );
          })}
        </ul>
      </section>
    </PortalPage>
  );
}

// ---------------------------------------------------------------------------------------------------
// The PPID's dashboard

/** "Laporan tahunan 2025: batas 31 Maret 2026", with days left, overdue, or submitted. */
export async function annualDeadlineCard(exec: Executor, office: OfficeRow, today: string, lang: Lang): Promise<JSX.Element> {
  const due = await dueReport(exec, office, today);
  const deadline = formatDay(lang, submissionDue(due.year), false);
  return (
    <section class="card">
      <h2 safe>{t(lang, text(`Laporan tahunan ${due.year}: batas ${deadline}`, `Annual report ${due.year}: due ${deadline}`))}</h2>
      <p>
        {due.state.kind === 'overdue' ? <strong>{say(lang, deadlineText(due.year, due.state))}</strong> : say(lang, deadlineText(due.year, due.state))}
        {due.draft ? Html.escapeHtml(` ${t(lang, text(`Draf versi ${due.draft} sedang disusun.`, `Draft version ${due.draft} is in progress.`))}`) : ''}
      </p>
      <p>
        <a href={`/desk/laporan-tahunan/${due.year}`}>{say(lang, text(`Buka laporan tahunan ${due.year}`, `Open the ${due.year} annual report`))}</a>
      </p>
    </section>
  );
}

// ---------------------------------------------------------------------------------------------------
// Routes

export async function annualReportRoutes(app: App, { database }: AppDeps): Promise<void> {
  const db = database.db;

  async function deskYearPage(request: FastifyRequest, reply: FastifyReply, year: number, state: { form?: FormState; reasonForm?: FormState; version?: number } = {}, status = 200) {
    const office = await staffOffice(db, request);
    const today = todayIn(office.timeZone);
    const report = await deskReport(db, office, year, today, state.version);
    if (!report) throw notFound(text('Versi laporan tidak ditemukan.', 'Report version not found.'));
    const ctx = pageContext(request, reply, NOTICES);
    return sendHtml(reply, <DeskYearPage ctx={ctx} office={office} today={today} report={report} canEdit={hasRole(currentStaff(request), 'ppid')} form={state.form} reasonForm={state.reasonForm} />, status);
  }

  app.get('/desk/laporan-tahunan', { config: { access: VIEW_ACCESS }, schema: page }, async (request, reply) => {
    const office = await staffOffice(db, request);
    const today = todayIn(office.timeZone);
    const raw = (request.query as Record<string, unknown> | undefined)?.tahun;
    let form: FormState = { values: {}, errors: {} };
    if (typeof raw === 'string') {
      const checked = checkYear(raw.slice(0, 20), today);
      if (checked.ok) return reply.redirect(`/desk/laporan-tahunan/${checked.year}`, 303);
      form = { values: { tahun: raw.slice(0, 20) }, errors: { tahun: checked.problem } };
    }
    const ctx = pageContext(request, reply);
    return sendHtml(reply, <DeskListPage ctx={ctx} office={office} today={today} years={await reportYears(db, office, false)} form={form} />, Object.keys(form.errors).length > 0 ? 422 : 200);
  });

  app.get<{ Params: { file: string } }>('/desk/laporan-tahunan/:file', { config: { access: VIEW_ACCESS }, schema: page }, async (request, reply) => {
    const office = await staffOffice(db, request);
    const today = todayIn(office.timeZone);
    const { raw, ext } = fileParam(request.params.file);
    const checked = checkYear(raw, today);
    if (!checked.ok) {
      const ctx = pageContext(request, reply);
      const form = { values: { tahun: raw.slice(0, 20) }, errors: { tahun: checked.problem } };
      return sendHtml(reply, <DeskListPage ctx={ctx} office={office} today={today} years={await reportYears(db, office, false)} form={form} />, 422);
    }
    const version = versionParam(request);
    if (!ext) return deskYearPage(request, reply, checked.year, version === undefined ? {} : { version });
    const report = await deskReport(db, office, checked.year, today, version);
    if (!report) throw notFound(text('Versi laporan tidak ditemukan.', 'Report version not found.'));
    const input = { office, lang: request.lang, view: report.view, generatedAt: new Date() };
    return ext === 'pdf'
      ? sendAttachment(reply, annualFileName(report.view, 'pdf'), 'application/pdf', await annualPdf(input))
      : sendAttachment(reply, annualFileName(report.view, 'xlsx'), XLSX_TYPE, await annualXlsx(input));
  });

  app.post<{ Params: { year: string } }>('/desk/laporan-tahunan/:year', { config: { access: EDIT_ACCESS }, schema: page }, async (request, reply) => {
    const office = await staffOffice(db, request);
    const year = yearOr422(request.params.year, todayIn(office.timeZone));
    const body = formBody(request.body);
    const narrative = Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, typeof body[k] === 'string' ? body[k] : str(body, k)]));
    try {
      await saveNarrative(db, actorOf(request), scopeFor(request), year, narrative);
      if (str(body, 'action') !== 'submit') return redirectWithNotice(reply, `/desk/laporan-tahunan/${year}`, 'saved');
      await submitReport(db, actorOf(request), scopeFor(request), year);
      return redirectWithNotice(reply, `/desk/laporan-tahunan/${year}`, 'submitted');
    } catch (error) {
      if (!isAppError(error) || ![409, 422].includes(error.status)) throw error;
      return deskYearPage(request, reply, year, { form: { values: typed(body), errors: error.fields, summary: error.text } }, error.status);
    }
  });

  app.post<{ Params: { year: string } }>('/desk/laporan-tahunan/:year/versi-baru', { config: { access: EDIT_ACCESS }, schema: page }, async (request, reply) => {
    const office = await staffOffice(db, request);
    const year = yearOr422(request.params.year, todayIn(office.timeZone));
    const body = formBody(request.body);
    try {
      await newVersion(db, actorOf(request), scopeFor(request), year, str(body, 'reason'));
      return redirectWithNotice(reply, `/desk/laporan-tahunan/${year}`, 'version');
    } catch (error) {
      if (!isAppError(error) || ![409, 422].includes(error.status)) throw error;
      return deskYearPage(request, reply, year, { reasonForm: { values: typed(body), errors: error.fields, summary: error.text } }, error.status);
    }
  });

  app.get<{ Params: { slug: string } }>('/:slug/laporan-tahunan', { config: { access: PUBLIC }, schema: page }, async (request, reply) => {
    const office = await officeOr404(db, request.params.slug);
    const ctx = pageContext(request, reply);
    return sendHtml(reply, <PortalListPage ctx={ctx} office={office} years={await reportYears(db, office, true)} />);
  });

  app.get<{ Params: { slug: string; file: string } }>('/:slug/laporan-tahunan/:file', { config: { access: PUBLIC }, schema: page }, async (request, reply) => {
    const office = await officeOr404(db, request.params.slug);
    const { raw, ext } = fileParam(request.params.file);
    const year = yearOr422(raw, todayIn(office.timeZone));
    const report = await publicReport(db, office, year, versionParam(request));
    if (!report) {
      throw notFound(text(`${office.name} belum menyampaikan laporan tahunan ${year} (atau versi ini tidak ada).`, `${office.name} has not submitted an annual report for ${year} (or this version does not exist).`));
    }
    if (!ext) return sendHtml(reply, <PortalYearPage ctx={pageContext(request, reply)} office={office} versions={report.versions} view={report.view} />);
    const input = { office, lang: request.lang, view: report.view, generatedAt: new Date() };
    return ext === 'pdf'
      ? sendAttachment(reply, annualFileName(report.view, 'pdf'), 'application/pdf', await annualPdf(input))
      : sendAttachment(reply, annualFileName(report.view, 'xlsx'), XLSX_TYPE, await annualXlsx(input));
  });
}
