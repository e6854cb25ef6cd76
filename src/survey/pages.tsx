import type { FastifyReply, FastifyRequest } from 'fastify';
import { invalid, isAppError } from '../kernel/errors.ts';
import { formatDay, formatMoment, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import { todayIn } from '../offices/portal.tsx';
import type { OfficeRow } from '../offices/store.ts';
import { BarChart } from '../reports/chart.tsx';
import { addAboutSheet, bookBytes, newBook, XLSX_TYPE } from '../reports/exports.ts';
import { barChart } from '../reports/rules.ts';
import { PUBLIC, roles } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { currentStaff, sendAttachment, sendHtml, staffOffice } from '../web/context.ts';
import { CsrfField, describedBy, ErrorSummary, fieldId, fieldValue, formBody, HintAndError, str, TextArea, TextField, typed, type FormState } from '../web/forms.tsx';
import { DataTable, Layout, pageContext, say, type PageContext } from '../web/layout.tsx';
import {
  ANSWER_LABELS,
  checkPeriod,
  COMMENT_FIELD,
  ELEMENT_LABELS,
  ELEMENT_QUESTIONS,
  ELEMENTS,
  fieldOf,
  GRADE_LABELS,
  gradeText,
  MAX_COMMENT,
  periodLabel,
  SCORES,
  SHORT_ELEMENT_LABELS,
  twoDecimals,
  type Element,
  type SkmPeriod,
  type SkmResult,
} from './rules.ts';
import { answerSurvey, ClosedInvitation, COMMENT_LIMIT, openInvitation, skmComments, skmResults, type OpenInvitation, type SkmComment } from './service.ts';

/**
 * The survey on the portal (/survei/:token: the questionnaire, the thanks page, the expired or used
 * link) and its results on the desk (/desk/skm and its XLSX): the index and grade of the staff
 * member's own office for a run of months.
 */

const RESULTS_ACCESS = roles('ppid', 'atasan_ppid');

const FORM_LABELS: Readonly<Record<string, Text>> = {
  ...Object.fromEntries(ELEMENTS.map((e) => [fieldOf(e), text(`${e} ${ELEMENT_LABELS[e].id}`, `${e} ${ELEMENT_LABELS[e].en}`)])),
  [COMMENT_FIELD]: text('Saran dan masukan', 'Suggestions'),
};

const PERIOD_LABELS: Readonly<Record<string, Text>> = {
  dari: text('Dari bulan', 'From month'),
  sampai: text('Sampai bulan', 'To month'),
};

const SURVEY_TITLE = text('Survei Kepuasan Masyarakat', 'Satisfaction survey');
const RESULTS_TITLE = text('Survei Kepuasan Masyarakat (SKM)', 'Satisfaction survey (SKM)');

/** A query parameter as one short string; repeated or odd values count as absent. */
function param(request: FastifyRequest, key: string): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value.slice(0, 100) : undefined;
}

// ---------------------------------------------------------------------------------------------------
// The questionnaire (portal)

function ElementQuestion(props: { lang: Lang; form: FormState; element: Element }): JSX.Element {
  const { lang, form, element } = props;
  const name = fieldOf(element);
  const current = fieldValue(form, name);
  const hint = ELEMENT_QUESTIONS[element];
  return (
    <fieldset class={form.errors[name] ? 'field has-error' : 'field'} id={fieldId(name)} aria-describedby={describedBy({ form, name, hint })}>
      <legend>{say(lang, text(`${element}. ${ELEMENT_LABELS[element].id}`, `${element}. ${ELEMENT_LABELS[element].en}`))}</legend>
      <HintAndError lang={lang} form={form} name={name} hint={hint} />
      {SCORES.map((score) => {
        const id = `${fieldId(name)}-${score}`;
        return (
          <div class="check">
            <input type="radio" id={id} name={name} value={String(score)} checked={current === String(score)} />
            <label for={id}>{say(lang, ANSWER_LABELS[element][score - 1]!)}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

function SurveyPage(props: { ctx: PageContext; token: string; invitation: OpenInvitation; form: FormState }): JSX.Element {
  const { ctx, invitation, form } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={SURVEY_TITLE} officeName={invitation.office.name}>
      <p>
        {say(
          lang,
          text(
            `Terima kasih telah menggunakan layanan informasi publik ${invitation.office.name} (permohonan ${invitation.requestNumber}). Nilailah sembilan unsur layanan di bawah ini; survei ini mengikuti PermenPANRB 14/2017.`,
            `Thank you for using the public information service of ${invitation.office.name} (request ${invitation.requestNumber}). Rate the nine elements of the service below; the survey follows PermenPANRB 14/2017.`,
          ),
        )}
      </p>
      <p>
        {say(
          lang,
          text(
            'Jawaban Anda disimpan tanpa nama, alamat e-mail, atau nomor permohonan, dan hanya dihitung bersama jawaban lain.',
            'Your answer is kept without your name, e-mail address or request number, and is only counted together with other answers.',
          ),
        )}{' '}
        {say(lang, text(`Tautan ini berlaku sampai ${formatMoment('id', invitation.expiresAt, invitation.office.timeZone)}.`, `This link is valid until ${formatMoment('en', invitation.expiresAt, invitation.office.timeZone)}.`))}
      </p>
      <form method="post" action={`/survei/${props.token}`} novalidate>
        <ErrorSummary lang={lang} form={form} labels={FORM_LABELS} />
        <CsrfField token={ctx.csrfToken} />
        {ELEMENTS.map((element) => (
          <ElementQuestion lang={lang} form={form} element={element} />
        ))}
        <TextArea
          lang={lang}
          form={form}
          name={COMMENT_FIELD}
          label={FORM_LABELS[COMMENT_FIELD]!}
          hint={text(`Tidak wajib; paling panjang ${MAX_COMMENT} karakter. Jangan menuliskan data pribadi.`, `Not required; at most ${MAX_COMMENT} characters. Do not write personal data.`)}
        />
        <button type="submit">{say(lang, text('Kirim jawaban', 'Send my answers'))}</button>
      </form>
    </Layout>
  );
}

function ThanksPage(props: { ctx: PageContext }): JSX.Element {
  return (
    <Layout ctx={props.ctx} title={text('Terima kasih', 'Thank you')}>
      <p role="status">
        {say(
          props.ctx.lang,
          text(
            'Jawaban survei Anda sudah kami terima. Penilaian Anda membantu kami memperbaiki layanan informasi publik.',
            'We have received your survey answers. Your rating helps us improve the public information service.',
          ),
        )}
      </p>
      <p>
        <a href="/">{say(props.ctx.lang, text('Ke halaman utama portal', 'To the portal home page'))}</a>
      </p>
    </Layout>
  );
}

function ClosedPage(props: { ctx: PageContext; error: ClosedInvitation }): JSX.Element {
  const { ctx, error } = props;
  return (
    <Layout ctx={ctx} title={error.status === 410 ? text('Tautan survei sudah tidak berlaku', 'This survey link has expired') : text('Survei sudah dijawab', 'Survey already answered')} officeName={error.office.name}>
      <p>{say(ctx.lang, error.text)}</p>
      <p>
        <a href={`/${error.office.slug}`}>{say(ctx.lang, text(`Ke halaman ${error.office.name}`, `To the page of ${error.office.name}`))}</a>
      </p>
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------------
// Results (desk)


/** The index and grade per element; also on an overseeing office's drill-down (src/oversight/pages.tsx). */
export function ResultsTable(props: { lang: Lang; result: SkmResult; caption: Text }): JSX.Element {
  const { lang, result } = props;
  return (
    <DataTable lang={lang} id="skm" caption={props.caption} captionVisible>
      <thead>
        <tr>
          <th scope="col">{say(lang, text('Unsur', 'Element'))}</th>
          <th scope="col">{say(lang, text('Jawaban', 'Answers'))}</th>
          <th scope="col">{say(lang, text('Nilai rata-rata (1–4)', 'Mean score (1–4)'))}</th>
          <th scope="col">{say(lang, text('Indeks (× 25)', 'Index (× 25)'))}</th>
          <th scope="col">{say(lang, text('Mutu pelayanan', 'Grade'))}</th>
        </tr>
      </thead>
      <tbody>
        {result.elements.map((e) => (
          <tr>
            <th scope="row">{say(lang, text(`${e.element} ${ELEMENT_LABELS[e.element].id}`, `${e.element} ${ELEMENT_LABELS[e.element].en}`))}</th>
            <td class="num">{result.responses}</td>
            <td class="num" safe>
              {twoDecimals(lang, e.mean)}
            </td>
            <td class="num" safe>
              {twoDecimals(lang, e.index)}
            </td>
            <td safe>{gradeText(lang, e.grade)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{say(lang, text('Indeks Kepuasan Masyarakat (IKM)', 'Satisfaction index (IKM)'))}</th>
          <td class="num">{result.responses}</td>
          <td class="num" safe>
            {twoDecimals(lang, result.mean)}
          </td>
          <td class="num" safe>
            {twoDecimals(lang, result.index)}
          </td>
          <td safe>{gradeText(lang, result.grade)}</td>
        </tr>
      </tfoot>
    </DataTable>
  );
}

function noResponsesText(period: SkmPeriod): Text {
  return text(
    `Belum ada jawaban survei pada ${periodLabel('id', period)}: tidak ada indeks yang dapat diukur untuk periode ini.`,
    `No survey answers in ${periodLabel('en', period)}: there is no index to measure for this period.`,
  );
}

interface Results {
  readonly period: SkmPeriod;
  readonly result: SkmResult | undefined;
  readonly comments: readonly SkmComment[];
}

function ResultsPage(props: { ctx: PageContext; office: OfficeRow; form: FormState; results?: Results }): JSX.Element {
  const { ctx, office, results } = props;
  const lang = ctx.lang;
  const query = results ? `dari=${results.period.fromMonth}&sampai=${results.period.toMonth}` : '';
  return (
    <Layout ctx={ctx} title={RESULTS_TITLE} officeName={office.name}>
      <p>
        {say(
          lang,
          text(
            'Pemohon yang memberi alamat e-mail diundang mengisi survei saat permohonannya selesai. Indeks dihitung menurut PermenPANRB 14/2017: rata-rata nilai sembilan unsur dikali 25. Jawaban disimpan tanpa identitas pemohon.',
            'Applicants who gave an e-mail address are invited to the survey when their request closes. The index follows PermenPANRB 14/2017: the mean of the nine elements’ mean scores times 25. Answers are kept without the applicant’s identity.',
          ),
        )}
      </p>
      <form method="get" action="/desk/skm" class="filters" novalidate>
        <ErrorSummary lang={lang} form={props.form} labels={PERIOD_LABELS} />
        <div class="filter-fields">
          <TextField lang={lang} form={props.form} name="dari" label={PERIOD_LABELS.dari!} inputmode="numeric" autocomplete="off" hint={text('Format TTTT-BB, misalnya 2026-01.', 'Format YYYY-MM, for example 2026-01.')} />
          <TextField lang={lang} form={props.form} name="sampai" label={PERIOD_LABELS.sampai!} inputmode="numeric" autocomplete="off" hint={text('Format TTTT-BB; kosongkan untuk bulan ini.', 'Format YYYY-MM; leave empty for this month.')} />
        </div>
        <button type="submit">{say(lang, text('Tampilkan', 'Show'))}</button>
      </form>
      {results ? (
        <section aria-labelledby="skm-result-h">
          <h2 id="skm-result-h" safe>
            {periodLabel(lang, results.period)}
          </h2>
          {results.period.inProgress ? (
            <p class="warning" role="note">
              {say(lang, text('Bulan terakhir masih berjalan: angka di bawah dihitung sampai hari ini.', 'The last month is still running: the figures below run to today.'))}
            </p>
          ) : (
            ''
          )}
          {results.result ? (
            <>
              <dl class="facts">
                <dt>{say(lang, text('Jumlah jawaban', 'Answers'))}</dt>
                <dd>{results.result.responses}</dd>
                <dt>{say(lang, text('Indeks Kepuasan Masyarakat', 'Satisfaction index'))}</dt>
                <dd safe>{twoDecimals(lang, results.result.index)}</dd>
                <dt>{say(lang, text('Mutu pelayanan', 'Grade'))}</dt>
                <dd safe>{gradeText(lang, results.result.grade)}</dd>
              </dl>
              <p>
                <a href={`/desk/skm.xlsx?${query}`}>{say(lang, text('Unduh XLSX', 'Download XLSX'))}</a>
              </p>
              <ResultsTable lang={lang} result={results.result} caption={text(`Nilai per unsur, ${periodLabel('id', results.period)}`, `Scores per element, ${periodLabel('en', results.period)}`)} />
              <Chart lang={lang} result={results.result} />
              <section aria-labelledby="skm-comments-h">
                <h3 id="skm-comments-h">{say(lang, text('Saran dan masukan', 'Suggestions'))}</h3>
                {results.comments.length >= COMMENT_LIMIT ? (
                  <p>{say(lang, text(`Ditampilkan ${COMMENT_LIMIT} saran terbaru; persempit periode untuk yang lebih lama.`, `The newest ${COMMENT_LIMIT} suggestions are shown; narrow the period for older ones.`))}</p>
                ) : (
                  ''
                )}
                {results.comments.length === 0 ? (
                  <p>{say(lang, text('Tidak ada saran tertulis pada periode ini.', 'No written suggestions in this period.'))}</p>
                ) : (
                  <ul>
                    {results.comments.map((c) => (
                      <li>
                        <span class="hint" safe>{`${formatDay(lang, c.day, false)}: `}</span>
                        <span safe>{c.comment}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </>
          ) : (
            <p class="notice" role="status">
              {say(lang, noResponsesText(results.period))}
            </p>
          )}
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

function Chart(props: { lang: Lang; result: SkmResult }): JSX.Element {
  const { lang, result } = props;
  const geometry = barChart(result.elements.map((e) => ({ label: `${e.element} ${t(lang, SHORT_ELEMENT_LABELS[e.element])}`, value: e.index })));
  return <BarChart lang={lang} id="skm-chart" title={text('Indeks per unsur (nilai rata-rata × 25)', 'Index per element (mean score × 25)')} geometry={geometry} />;
}

// ---------------------------------------------------------------------------------------------------
// XLSX

async function resultsXlsx(office: OfficeRow, lang: Lang, results: Results, generatedAt: Date, generatedBy: string): Promise<Buffer> {
  const book = newBook(generatedAt);
  const sheet = book.addWorksheet('SKM');
  sheet.columns = [{ width: 8 }, { width: 44 }, { width: 12 }, { width: 16 }, { width: 14 }, { width: 20 }];
  sheet.addRow([`${t(lang, RESULTS_TITLE)} — ${periodLabel(lang, results.period)}`]).font = { bold: true, size: 13 };
  sheet.addRow([office.name]);
  sheet.addRow([]);
  const { result } = results;
  if (!result) sheet.addRow([t(lang, noResponsesText(results.period))]);
  else {
    sheet.addRow([t(lang, text('Unsur', 'Element')), t(lang, text('Uraian', 'Description')), t(lang, text('Jawaban', 'Answers')), t(lang, text('Nilai rata-rata', 'Mean score')), t(lang, text('Indeks', 'Index')), t(lang, text('Mutu', 'Grade'))]).font = { bold: true };
    for (const e of result.elements) sheet.addRow([e.element, t(lang, ELEMENT_LABELS[e.element]), result.responses, e.mean, e.index, gradeText(lang, e.grade)]);
    sheet.addRow(['IKM', t(lang, text('Indeks Kepuasan Masyarakat', 'Satisfaction index')), result.responses, result.mean, result.index, gradeText(lang, result.grade)]).font = { bold: true };
    sheet.getColumn(4).numFmt = '0.000';
    sheet.getColumn(5).numFmt = '0.00';
  }
  const comments = book.addWorksheet(t(lang, text('Saran', 'Suggestions')));
  comments.columns = [
    { header: t(lang, text('Tanggal', 'Date')), key: 'day', width: 12 },
    { header: t(lang, text('Saran dan masukan', 'Suggestion')), key: 'comment', width: 100 },
  ];
  comments.getRow(1).font = { bold: true };
  for (const c of results.comments) comments.addRow(c);
  addAboutSheet(book, lang, [
    [t(lang, text('Judul', 'Title')), t(lang, RESULTS_TITLE)],
    [t(lang, text('Kantor', 'Office')), office.name],
    [t(lang, text('Periode', 'Period')), `${formatDay(lang, results.period.from, false)} – ${formatDay(lang, results.period.to, false)}`],
    [t(lang, text('Cara hitung', 'Method')), t(lang, text('PermenPANRB 14/2017: indeks = rata-rata nilai rata-rata sembilan unsur × 25.', 'PermenPANRB 14/2017: index = mean of the nine elements’ mean scores × 25.'))],
    [t(lang, text('Mutu', 'Grades')), (['A', 'B', 'C', 'D'] as const).map((g, i) => `${g} ${t(lang, GRADE_LABELS[g])} ${['88,31–100', '76,61–88,30', '65,00–76,60', '25,00–64,99'][i]}`).join('; ')],
    [t(lang, text('Dibuat', 'Made')), `${formatMoment(lang, generatedAt, office.timeZone)} · ${generatedBy}`],
  ]);
  return bookBytes(book);
}

// ---------------------------------------------------------------------------------------------------
// Routes

export async function surveyRoutes(app: App, { database }: AppDeps): Promise<void> {
  const db = database.db;

  /** An expired or used link as a page of its own; anything else goes to the app's error pages. */
  function closed(request: FastifyRequest, reply: FastifyReply, error: unknown): Promise<FastifyReply> {
    if (!(error instanceof ClosedInvitation)) throw error;
    return sendHtml(reply, <ClosedPage ctx={pageContext(request, reply)} error={error} />, error.status);
  }

  const noIndex = (reply: FastifyReply) => reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');

  app.get('/survei/terima-kasih', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => sendHtml(reply, <ThanksPage ctx={pageContext(request, reply)} />));

  app.get<{ Params: { token: string } }>('/survei/:token', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const { token } = request.params;
    noIndex(reply);
    let invitation: OpenInvitation;
    try {
      invitation = await openInvitation(db, token);
    } catch (error) {
      return closed(request, reply, error);
    }
    return sendHtml(reply, <SurveyPage ctx={pageContext(request, reply)} token={token} invitation={invitation} form={{ values: {}, errors: {} }} />);
  });

  app.post<{ Params: { token: string } }>('/survei/:token', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const { token } = request.params;
    noIndex(reply);
    let invitation: OpenInvitation;
    try {
      invitation = await openInvitation(db, token);
    } catch (error) {
      return closed(request, reply, error);
    }
    const body = formBody(request.body);
    const form = Object.fromEntries([...ELEMENTS.map(fieldOf), COMMENT_FIELD].map((k) => [k, str(body, k)]));
    try {
      await answerSurvey(db, token, form);
    } catch (error) {
      if (!(isAppError(error) && error.status === 422)) return closed(request, reply, error);
      return sendHtml(reply, <SurveyPage ctx={pageContext(request, reply)} token={token} invitation={invitation} form={{ values: typed(body), errors: error.fields, summary: error.text }} />, 422);
    }
    return reply.redirect('/survei/terima-kasih', 303);
  });

  async function periodInput(request: FastifyRequest) {
    const office = await staffOffice(db, request);
    const today = todayIn(office.timeZone);
    const values = { dari: (param(request, 'dari') ?? '').trim(), sampai: (param(request, 'sampai') ?? '').trim() };
    return { office, values, checked: checkPeriod(values, today) };
  }

  async function resultsOf(office: OfficeRow, period: SkmPeriod): Promise<Results> {
    const [byOffice, comments] = await Promise.all([skmResults(db, [office.id], period), skmComments(db, office.id, period)]);
    return { period, result: byOffice.get(office.id), comments };
  }

  app.get('/desk/skm', { config: { access: RESULTS_ACCESS }, schema: { hide: true } }, async (request, reply) => {
    const ctx = pageContext(request, reply);
    const { office, values, checked } = await periodInput(request);
    if (!checked.ok) return sendHtml(reply, <ResultsPage ctx={ctx} office={office} form={{ values, errors: checked.problems }} />, 422);
    const results = await resultsOf(office, checked.period);
    return sendHtml(reply, <ResultsPage ctx={ctx} office={office} form={{ values: { dari: checked.period.fromMonth, sampai: checked.period.toMonth }, errors: {} }} results={results} />);
  });

  app.get('/desk/skm.xlsx', { config: { access: RESULTS_ACCESS }, schema: { hide: true } }, async (request, reply) => {
    const { office, checked } = await periodInput(request);
    if (!checked.ok) throw invalid(checked.problems);
    const results = await resultsOf(office, checked.period);
    const bytes = await resultsXlsx(office, request.lang, results, new Date(), currentStaff(request).name);
    return sendAttachment(reply, `skm_${checked.period.fromMonth}_${checked.period.toMonth}.xlsx`, XLSX_TYPE, bytes);
  });
}
