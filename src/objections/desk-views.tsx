import Html from '@kitajs/html';
import { explainDeadline, localDateTime, type DeadlineResult, type OfficeCalendar } from '../calendar/rules.ts';
import type { DeadlineRow } from '../calendar/store.ts';
import { formatDay, formatMoment, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import type { LetterRow } from '../letters/service.ts';
import type { OfficeRow, StaffRow } from '../offices/store.ts';
import { DueDate, dueFlag, FileField, statusText } from '../requests/desk-views.tsx';
import type { RequestRow } from '../requests/store.ts';
import type { TimelineEvent } from '../requests/timeline.ts';
import { CsrfField, describedBy, EMPTY_FORM, ErrorSummary, fieldId, fieldValue, fieldValues, HintAndError, TextArea, TextField, type FormState, StagedList, type StagedView } from '../web/forms.tsx';
import { DataTable, Layout, say, type PageContext } from '../web/layout.tsx';
import {
  checkObjectionTransition,
  DISPUTE_STAGE_LABELS,
  disputeWindowStart,
  explainWindow,
  GROUND_LABELS,
  GROUNDS,
  isDisputeStage,
  isGround,
  isResponse,
  OBJECTION_FILE_LABELS,
  OBJECTION_STATUS_LABELS,
  OBJECTION_STATUSES,
  RESPONSE_LABELS,
  RESPONSES,
  type Ground,
  type GroundWindow,
  type ObjectionDecision,
  type ObjectionStatus,
} from './rules.ts';
import type { CaseFileFacts, DisputeRow, ObjectionRow } from './store.ts';

/**
 * The desk's pages for objections (keberatan, DOMAIN.md §6): the filing form staff fill in for an
 * applicant, and one objection with its windows, its answer clock, its files and letter, and the
 * Atasan PPID's steps. Pure views: src/objections/desk-pages.tsx loads the data and runs the use cases.
 */

// ---------------------------------------------------------------------------------------------------
// Shared pieces

export function objectionStatusText(lang: Lang, status: string): string {
  return (OBJECTION_STATUSES as readonly string[]).includes(status) ? t(lang, OBJECTION_STATUS_LABELS[status as ObjectionStatus]) : status;
}

export function groundsText(lang: Lang, grounds: readonly string[]): string {
  return grounds.map((g) => (isGround(g) ? t(lang, GROUND_LABELS[g]) : g)).join('; ');
}

const CHANNEL_LABELS: Readonly<Record<string, Text>> = {
  online: text('Daring, melalui halaman pelacakan', 'Online, through the tracking page'),
  desk: text('Di desk, dicatat petugas', 'At the desk, recorded by staff'),
};

const DECIDED: readonly string[] = ['upheld', 'overturned', 'settled'];

/** Every field of the objection's forms, unique on a page so each label finds its own control. */
export const OBJECTION_LABELS: Readonly<Record<string, Text>> = {
  grounds: text('Alasan keberatan (Pasal 35 ayat 1)', 'Grounds of objection (article 35(1))'),
  description: text('Uraian keberatan', 'Description of the objection'),
  proxyName: text('Nama kuasa', "Proxy's name"),
  proxyAddress: text('Alamat kuasa', "Proxy's address"),
  proxyPhone: text('Telepon kuasa', "Proxy's phone"),
  ...OBJECTION_FILE_LABELS,
  lateReason: text('Alasan keterlambatan', 'Why the objection is late'),
  submissionKey: text('Formulir', 'Form'),
  action: text('Tanggapan', 'Decision'),
  reasons: text('Pertimbangan', 'Reasons'),
  order: text('Informasi yang wajib diberikan PPID', 'What the PPID is to give'),
  terms: text('Isi kesepakatan', 'What was agreed'),
  withdraw_note: text('Catatan pencabutan', 'How it was withdrawn'),
  response: text('Sikap pemohon', "The applicant's reaction"),
  response_note: text('Catatan', 'Note'),
};

const FILE_ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';
const FILE_HINT = text(
  'PDF, PNG atau JPEG, paling besar 20 MB per berkas. Bila formulir dikembalikan untuk diperbaiki, berkas yang sudah diterima tetap terlampir.',
  'PDF, PNG or JPEG, at most 20 MB per file. If the form comes back to be corrected, the files already received stay attached.',
);

/** One radio per option, each with its own hint, inside a fieldset that carries the field's error. */
function Radios(props: { lang: Lang; form: FormState; name: string; options: readonly { value: string; label: Text; hint?: Text }[]; hint?: Text }): JSX.Element {
  const { lang, form, name } = props;
  const current = fieldValue(form, name);
  return (
    <fieldset class={form.errors[name] ? 'field has-error' : 'field'} id={fieldId(name)} aria-describedby={describedBy({ form, name, hint: props.hint })}>
      <legend>{say(lang, OBJECTION_LABELS[name]!)}</legend>
      <HintAndError lang={lang} form={form} name={name} hint={props.hint} />
      {props.options.map((o) => {
        const id = `${fieldId(name)}-${o.value}`;
        return (
          <div class="option">
            <div class="check">
              <input type="radio" id={id} name={name} value={o.value} checked={current === o.value} aria-describedby={o.hint ? `${id}-hint` : undefined} />
              <label for={id}>{say(lang, o.label)}</label>
            </div>
            {o.hint ? (
              <p class="hint" id={`${id}-hint`}>
                {say(lang, o.hint)}
              </p>
            ) : (
              ''
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

// ---------------------------------------------------------------------------------------------------
// Filing at the desk

/** A ground the request's record supports, with its window as counted today (service suggestedGrounds). */
export interface Suggestion {
  readonly ground: Ground;
  readonly since: string;
  readonly due: string;
  readonly open: boolean;
}

function suggestionText(lang: Lang, s: Suggestion): string {
  const state = s.open ? text('masih terbuka', 'still open') : text('sudah lewat; tulis alasan keterlambatan', 'closed; write why it is late');
  return t(
    lang,
    text(
      `Disarankan menurut catatan permohonan: muncul ${formatDay('id', s.since)}, jangka waktu keberatan sampai ${formatDay('id', s.due)} — ${state.id}.`,
      `Suggested by the request's record: arose ${formatDay('en', s.since)}, objection window until ${formatDay('en', s.due)} — ${state.en}.`,
    ),
  );
}

/**
 * The grounds a–g as checkboxes, the suggested ones saying why and until when. The field's error may
 * point at the objection that already holds a ground, so it is drawn here rather than by CheckboxGroup.
 */
function GroundsField(props: { lang: Lang; form: FormState; suggestions: readonly Suggestion[]; duplicate: Pick<ObjectionRow, 'id' | 'number'> | undefined }): JSX.Element {
  const { lang, form } = props;
  const name = 'grounds';
  const chosen = fieldValues(form, name);
  const error = form.errors[name];
  const hint = text(
    'Pilih satu atau lebih. Alasan yang didukung catatan permohonan sudah dicentang; pemohon tetap boleh memilih alasan lain.',
    "Choose one or more. The grounds the request's record supports are ticked; the applicant may still choose others.",
  );
  return (
    <fieldset class={error ? 'field has-error' : 'field'} id={fieldId(name)} aria-describedby={describedBy({ form, name, hint })}>
      <legend>{say(lang, OBJECTION_LABELS.grounds!)}</legend>
      <p class="hint" id={`${fieldId(name)}-hint`}>
        {say(lang, hint)}
      </p>
      {error ? (
        <p class="error" id={`${fieldId(name)}-error`}>
          {say(lang, error)}
          {props.duplicate ? (
            <>
              {' '}
              {say(lang, text('Keberatan yang sudah ada:', 'The objection already filed:'))}{' '}
              <a href={`/desk/keberatan/${props.duplicate.id}`} safe>
                {props.duplicate.number}
              </a>
            </>
          ) : (
            ''
          )}
        </p>
      ) : (
        ''
      )}
      {GROUNDS.map((g) => {
        const id = `${fieldId(name)}-${g}`;
        const suggestion = props.suggestions.find((s) => s.ground === g);
        return (
          <div class="option">
            <div class="check">
              <input type="checkbox" id={id} name={name} value={g} checked={chosen.includes(g)} aria-describedby={suggestion ? `${id}-hint` : undefined} />
              <label for={id}>{say(lang, GROUND_LABELS[g])}</label>
            </div>
            {suggestion ? (
              <p class="hint" id={`${id}-hint`} safe>
                {suggestionText(lang, suggestion)}
              </p>
            ) : (
              ''
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

export function FilingPage(props: {
  ctx: PageContext;
  office: OfficeRow;
  request: RequestRow;
  suggestions: readonly Suggestion[];
  existing: readonly ObjectionRow[];
  form: FormState;
  /** Files kept from the form's last sending. */
  staged?: readonly StagedView[];
  duplicate?: Pick<ObjectionRow, 'id' | 'number'> | undefined;
}): JSX.Element {
  const { ctx, request: r, form } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={text(`Catat keberatan atas permohonan ${r.number}`, `Record an objection to request ${r.number}`)} officeName={props.office.name}>
      <p class="lead">
        {say(
          lang,
          text(
            'Pemohon yang datang ke desk menyampaikan keberatannya kepada atasan PPID; petugas mengisi formulir ini atas namanya. Keberatan diajukan dalam 30 hari kerja sejak alasannya muncul; bila lewat, keberatan tetap dicatat dengan alasan keterlambatannya.',
            'An applicant at the desk objects to the Atasan PPID; staff fill in this form for them. An objection is filed within 30 working days after its ground arises; a late one is still recorded, with the reason it is late.',
          ),
        )}
      </p>
      <h2>{say(lang, text('Permohonan', 'Request'))}</h2>
      <dl class="facts">
        <dt>{say(lang, text('Nomor pendaftaran', 'Registration number'))}</dt>
        <dd>
          <a href={`/desk/permohonan/${r.id}`} safe>
            {r.number}
          </a>
        </dd>
        <dt>{say(lang, text('Pemohon', 'Applicant'))}</dt>
        <dd safe>{r.name}</dd>
        <dt>{say(lang, text('Informasi yang diminta', 'Information requested'))}</dt>
        <dd class="prewrap" safe>
          {r.information}
        </dd>
        <dt>{say(lang, text('Status', 'Status'))}</dt>
        <dd safe>{statusText(lang, r.status, r.outcome)}</dd>
        <dt>{say(lang, text('Pemberitahuan tertulis', 'Written notice'))}</dt>
        <dd safe>{r.decidedAt ? formatMoment(lang, r.decidedAt, props.office.timeZone) : t(lang, text('Belum terbit', 'Not issued yet'))}</dd>
      </dl>
      {props.existing.length > 0 ? (
        <>
          <h2>{say(lang, text('Keberatan yang sudah ada', 'Objections already filed'))}</h2>
          <p class="hint">{say(lang, text('Setiap alasan diajukan sekali untuk satu permohonan.', 'Each ground is filed once per request.'))}</p>
          <ObjectionList lang={lang} rows={props.existing} id="existing-objections" />
        </>
      ) : (
        ''
      )}
      <h2>{say(lang, text('Formulir keberatan', 'Objection form'))}</h2>
      <ErrorSummary lang={lang} form={form} labels={OBJECTION_LABELS} />
      <form method="post" action={`/desk/keberatan/baru?permohonan=${r.id}`} enctype="multipart/form-data" class="narrow" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="submissionKey" value={fieldValue(form, 'submissionKey')} />
        <TextField
          lang={lang}
          form={form}
          name="receivedAt"
          type="datetime-local"
          label={text('Waktu diterima', 'Time received')}
          hint={text(
            'Isi bila surat keberatan sudah tiba lebih dahulu (waktu kantor); kosongkan bila diterima sekarang. Jangka waktu dinilai dan dihitung dari waktu ini.',
            'Fill in when the objection letter arrived earlier (office time); leave empty when received now. The windows are judged and the clock counted from this time.',
          )}
        />
        <GroundsField lang={lang} form={form} suggestions={props.suggestions} duplicate={props.duplicate} />
        <TextArea
          lang={lang}
          form={form}
          name="description"
          label={OBJECTION_LABELS.description!}
          rows={5}
          required
          hint={text('Apa yang dikeberatkan pemohon dan apa yang dimintanya, dengan kata-katanya sendiri.', "What the applicant objects to and what they ask for, in their own words.")}
        />
        <fieldset class="field">
          <legend>{say(lang, text('Bila diajukan melalui kuasa', 'If filed through a proxy'))}</legend>
          <p class="hint">{say(lang, text('Kosongkan bila pemohon mengajukan sendiri. Keberatan melalui kuasa wajib melampirkan surat kuasa.', 'Leave empty when the applicant files in person. An objection through a proxy needs the power of attorney.'))}</p>
          <TextField lang={lang} form={form} name="proxyName" label={OBJECTION_LABELS.proxyName!} autocomplete="off" />
          <TextArea lang={lang} form={form} name="proxyAddress" label={OBJECTION_LABELS.proxyAddress!} rows={2} />
          <TextField lang={lang} form={form} name="proxyPhone" type="tel" label={OBJECTION_LABELS.proxyPhone!} autocomplete="off" />
          <StagedList lang={lang} role="proxy_letter" staged={props.staged ?? []} />
          <FileField lang={lang} form={form} name="proxy_letter" label={OBJECTION_LABELS.proxy_letter!} hint={FILE_HINT} accept={FILE_ACCEPT} />
          <StagedList lang={lang} role="proxy_identity" staged={props.staged ?? []} />
          <FileField lang={lang} form={form} name="proxy_identity" label={OBJECTION_LABELS.proxy_identity!} hint={FILE_HINT} accept={FILE_ACCEPT} />
        </fieldset>
        <StagedList lang={lang} role="supporting" staged={props.staged ?? []} />
        <FileField lang={lang} form={form} name="supporting" label={OBJECTION_LABELS.supporting!} hint={FILE_HINT} multiple accept={FILE_ACCEPT} />
        <TextArea
          lang={lang}
          form={form}
          name="lateReason"
          label={OBJECTION_LABELS.lateReason!}
          rows={3}
          hint={text(
            'Hanya bila jangka waktu 30 hari kerja sudah lewat. Lentera memeriksa jangka waktunya; bila sudah lewat, formulir kembali dengan penjelasan perhitungannya dan alasan ini wajib diisi. Atasan PPID yang menilai alasannya.',
            'Only when the 30-working-day window has closed. Lentera checks the window; if it has closed, the form comes back with how it was counted and this reason becomes required. The Atasan PPID weighs it.',
          )}
        />
        <button type="submit">{say(lang, text('Simpan dan beri nomor keberatan', 'Save and give an objection number'))}</button>
      </form>
    </Layout>
  );
}

/** An office's or a request's objections as a table: number (linked), grounds, status. */
export function ObjectionList(props: { lang: Lang; rows: readonly ObjectionRow[]; id: string }): JSX.Element {
  const { lang } = props;
  return (
    <DataTable lang={lang} id={props.id} caption={text('Keberatan atas permohonan ini', 'Objections to this request')}>
      <thead>
        <tr>
          <th scope="col">{say(lang, text('Nomor keberatan', 'Objection number'))}</th>
          <th scope="col">{say(lang, text('Alasan', 'Grounds'))}</th>
          <th scope="col">{say(lang, text('Status', 'Status'))}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((o) => (
          <tr>
            <td>
              <a href={`/desk/keberatan/${o.id}`} safe>
                {o.number}
              </a>
            </td>
            <td safe>{groundsText(lang, o.grounds)}</td>
            <td safe>{objectionStatusText(lang, o.status)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

// ---------------------------------------------------------------------------------------------------
// One objection

export interface ObjectionPageData {
  readonly office: OfficeRow;
  readonly objection: ObjectionRow;
  readonly request: RequestRow;
  /** The Atasan PPID's answer clock (deadlines purpose 'objection_answer'). */
  readonly answer: DeadlineRow | undefined;
  readonly files: readonly CaseFileFacts[];
  readonly letter: Pick<LetterRow, 'number' | 'issuedOn' | 'verifyCode'> | undefined;
  readonly events: readonly TimelineEvent[];
  readonly dispute: DisputeRow | undefined;
  readonly decidedBy: Pick<StaffRow, 'name' | 'position'> | undefined;
  readonly today: string;
  readonly calendar: OfficeCalendar;
  readonly steps: ObjectionSteps;
}

/** The steps the signed-in person may take on the objection now: the forms and links the page shows. */
export interface ObjectionSteps {
  readonly decide: boolean;
  readonly settle: boolean;
  readonly withdraw: boolean;
  readonly respond: boolean;
  readonly recordDispute: boolean;
}

const RESPONDERS: readonly string[] = ['desk_officer', 'ppid', 'atasan_ppid'];
const DISPUTE_RECORDERS: readonly string[] = ['ppid', 'atasan_ppid'];

/** The transition table decides the Atasan's and the withdrawal's forms; the rest follow the service's own rules. */
export function objectionSteps(objection: ObjectionRow, roles: readonly string[], today: string, answerDue: string | undefined, hasDispute: boolean): ObjectionSteps {
  const status = objection.status as ObjectionStatus;
  const grounds = objection.grounds.filter(isGround);
  const decided = DECIDED.includes(objection.status);
  return {
    decide: checkObjectionTransition('uphold', status, roles, grounds).ok,
    settle: checkObjectionTransition('settle', status, roles, grounds).ok,
    withdraw: checkObjectionTransition('withdraw', status, roles, grounds).ok,
    respond: decided && !objection.response && roles.some((r) => RESPONDERS.includes(r)),
    recordDispute:
      !hasDispute && objection.status !== 'withdrawn' && roles.some((r) => DISPUTE_RECORDERS.includes(r)) && (decided || (answerDue !== undefined && today > answerDue)),
  };
}

/** A form on the objection page that came back: which one, and what was typed and wrong. */
export interface ObjectionActionState {
  readonly key: 'decide' | 'withdraw' | 'respond';
  readonly form: FormState;
}

const STEP_TITLES: Readonly<Record<ObjectionActionState['key'], Text>> = {
  decide: text('Tanggapan Atasan PPID', "The Atasan PPID's decision"),
  withdraw: text('Catat pencabutan keberatan', 'Record a withdrawal'),
  respond: text('Catat sikap pemohon atas tanggapan', "Record the applicant's reaction to the decision"),
};

const EVENT_LABELS: Readonly<Record<string, Text>> = {
  'objection.filed': text('Keberatan diterima dan diberi nomor', 'Objection received and numbered'),
  'objection.decided': text('Atasan PPID memberikan tanggapan tertulis', 'The Atasan PPID gave the written decision'),
  'objection.withdrawn': text('Keberatan dicabut pemohon', 'Objection withdrawn by the applicant'),
  'objection.responded': text('Sikap pemohon atas tanggapan dicatat', "The applicant's reaction recorded"),
  'objection.file_opened': text('Berkas keberatan dibuka petugas', 'An objection file opened by staff'),
};

function eventText(lang: Lang, e: TimelineEvent): string | undefined {
  const label = EVENT_LABELS[e.action];
  if (!label) return undefined;
  const after = (e.after ?? {}) as Record<string, unknown>;
  if (e.action === 'objection.decided' && typeof after.status === 'string') return `${t(lang, label)}: ${objectionStatusText(lang, after.status)}`;
  if (e.action === 'objection.responded' && isResponse(after.response)) return `${t(lang, label)}: ${t(lang, RESPONSE_LABELS[after.response])}`;
  return t(lang, label);
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function Windows(props: { lang: Lang; data: ObjectionPageData }): JSX.Element {
  const { lang, data } = props;
  const windows = (data.objection.windows as GroundWindow[]).filter((w) => isGround(w.ground));
  // The windows were counted on the day the objection came in; "today" in their sentences is that day.
  const filedDay = localDateTime(data.objection.receivedAt, data.office.timeZone).day;
  if (windows.length === 0) return <p>{say(lang, text('Tidak ada jangka waktu tercatat.', 'No window recorded.'))}</p>;
  return (
    <>
      <p class="hint">{say(lang, text(`Dihitung pada hari keberatan diterima, ${formatDay('id', filedDay)}; perubahan hari libur sesudahnya tidak menggesernya.`, `Counted on the day the objection was received, ${formatDay('en', filedDay)}; later holiday changes do not move it.`))}</p>
      {windows.map((w) => (
        <section aria-labelledby={`window-${w.ground}`}>
          <h3 id={`window-${w.ground}`}>{say(lang, GROUND_LABELS[w.ground])}</h3>
          <p>
            <strong safe>
              {t(
                lang,
                w.open
                  ? text(`Diajukan dalam jangka waktu (sampai ${formatDay('id', w.due)}).`, `Filed within the window (until ${formatDay('en', w.due)}).`)
                  : text(`Diajukan setelah jangka waktu lewat (sampai ${formatDay('id', w.due)}).`, `Filed after the window closed (until ${formatDay('en', w.due)}).`),
              )}
            </strong>
          </p>
          <ol class="explain">
            {explainWindow(w, filedDay, data.calendar, lang).map((line) => (
              <li safe>{line}</li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}

function AnswerClock(props: { lang: Lang; data: ObjectionPageData }): JSX.Element {
  const { lang, data } = props;
  const deadline = data.answer;
  if (!deadline) return <p>{say(lang, text('Tidak ada batas waktu tercatat.', 'No deadline recorded.'))}</p>;
  const running = data.objection.status === 'filed' && !deadline.closedAt;
  return (
    <>
      <p>
        {say(lang, text('Atasan PPID menanggapi paling lambat: ', 'The Atasan PPID answers by: '))}
        <DueDate lang={lang} due={deadline.due} flag={running ? dueFlag(deadline.due, data.today, data.calendar) : undefined} />
      </p>
      {deadline.closedAt ? <p safe>{`${t(lang, text('Jam dihentikan', 'Clock stopped'))}: ${formatMoment(lang, deadline.closedAt, data.office.timeZone)}`}</p> : ''}
      <details open={running}>
        <summary>{say(lang, text(`Cara menghitung batas ${deadline.workingDays} hari kerja`, `How the ${deadline.workingDays}-working-day due date was counted`))}</summary>
        <ol class="explain">
          {explainDeadline(deadline.explanation as DeadlineResult, lang).map((line) => (
            <li safe>{line}</li>
          ))}
        </ol>
      </details>
    </>
  );
}

function Decision(props: { lang: Lang; data: ObjectionPageData }): JSX.Element {
  const { lang, data } = props;
  const o = data.objection;
  if (!DECIDED.includes(o.status) || !o.decision) {
    return <p>{say(lang, o.status === 'withdrawn' ? text('Keberatan dicabut sebelum ditanggapi.', 'The objection was withdrawn before a decision.') : text('Belum ada tanggapan.', 'No decision yet.'))}</p>;
  }
  const d = o.decision as ObjectionDecision & { disputeDue?: string; reopenDue?: string | null };
  return (
    <>
      <dl class="facts">
        <dt>{say(lang, text('Tanggapan', 'Decision'))}</dt>
        <dd safe>{objectionStatusText(lang, o.status)}</dd>
        <dt>{say(lang, text('Tanggal tanggapan', 'Date of the decision'))}</dt>
        <dd>{Html.escapeHtml(o.decidedAt ? formatMoment(lang, o.decidedAt, data.office.timeZone) : '—')}</dd>
        <dt>{say(lang, text('Atasan PPID', 'Atasan PPID'))}</dt>
        <dd>{Html.escapeHtml(data.decidedBy ? [data.decidedBy.name, data.decidedBy.position].filter(Boolean).join(', ') : '—')}</dd>
        <dt>{say(lang, OBJECTION_LABELS.reasons!)}</dt>
        <dd class="prewrap" safe>
          {d.reasons}
        </dd>
        {d.order ? (
          <>
            <dt>{say(lang, OBJECTION_LABELS.order!)}</dt>
            <dd class="prewrap" safe>
              {d.order}
            </dd>
          </>
        ) : (
          ''
        )}
        {d.reopenDue ? (
          <>
            <dt>{say(lang, text('Permohonan dibuka kembali sampai', 'The request reopened until'))}</dt>
            <dd>
              <a href={`/desk/permohonan/${data.request.id}`} safe>
                {`${formatDay(lang, d.reopenDue)} (${data.request.number})`}
              </a>
            </dd>
          </>
        ) : (
          ''
        )}
        {d.terms ? (
          <>
            <dt>{say(lang, OBJECTION_LABELS.terms!)}</dt>
            <dd class="prewrap" safe>
              {d.terms}
            </dd>
          </>
        ) : (
          ''
        )}
        {d.disputeDue ? (
          <>
            <dt>{say(lang, text('Batas pengajuan sengketa ke Komisi Informasi', 'Last day to take it to the Information Commission'))}</dt>
            <dd safe>{formatDay(lang, d.disputeDue)}</dd>
          </>
        ) : (
          ''
        )}
        <dt>{say(lang, text('Sikap pemohon', "The applicant's reaction"))}</dt>
        <dd safe>
          {isResponse(o.response)
            ? [t(lang, RESPONSE_LABELS[o.response]), o.responseNote, o.respondedAt ? formatMoment(lang, o.respondedAt, data.office.timeZone) : ''].filter(Boolean).join(' — ')
            : t(lang, text('Belum dicatat', 'Not recorded yet'))}
        </dd>
      </dl>
      {data.letter ? (
        <p>
          <a href={`/desk/keberatan/${o.id}/surat.pdf`} safe>
            {t(lang, text(`Unduh surat tanggapan ${data.letter.number} (${formatDay('id', data.letter.issuedOn, false)}), PDF`, `Download the decision letter ${data.letter.number} (${formatDay('en', data.letter.issuedOn, false)}), PDF`))}
          </a>
          {' · '}
          <a href={`/verifikasi/${data.letter.verifyCode}`} safe>
            {`${t(lang, text('halaman verifikasi', 'verification page'))} ${data.letter.number}`}
          </a>
        </p>
      ) : (
        ''
      )}
    </>
  );
}

function Dispute(props: { lang: Lang; data: ObjectionPageData }): JSX.Element {
  const { lang, data } = props;
  const o = data.objection;
  if (data.dispute) {
    const stage = isDisputeStage(data.dispute.stage) ? t(lang, DISPUTE_STAGE_LABELS[data.dispute.stage]) : data.dispute.stage;
    return (
      <p>
        <a href={`/desk/sengketa/${data.dispute.id}`} safe>
          {`${t(lang, text('Sengketa di', 'Dispute at'))} ${data.dispute.commission} — ${stage}`}
        </a>
      </p>
    );
  }
  if (o.status === 'withdrawn') return <p>{say(lang, text('Keberatan dicabut; tidak ada sengketa atasnya.', 'The objection was withdrawn; there is no dispute on it.'))}</p>;
  if (data.steps.recordDispute) {
    return (
      <p>
        <a class="button" href={`/desk/keberatan/${o.id}/sengketa`}>
          {say(lang, text('Catat sengketa', 'Record a dispute'))}
        </a>{' '}
        {say(lang, text('bila pemohon mengajukan sengketa informasi ke Komisi Informasi.', 'when the applicant takes it to the Information Commission.'))}
      </p>
    );
  }
  const decidedDay = o.decidedAt ? localDateTime(o.decidedAt, data.office.timeZone).day : null;
  const start = disputeWindowStart({ decidedDay, answerDue: data.answer?.due ?? null }, data.today);
  return (
    <p>
      {start.ok
        ? say(lang, text('Belum ada sengketa tercatat. Sengketa dicatat oleh PPID atau Atasan PPID.', 'No dispute recorded. The PPID or the Atasan PPID records a dispute.'))
        : say(lang, start.problem)}
    </p>
  );
}

/** One step's form: its heading, its error summary when it came back, and its fields. */
function StepForm(props: { ctx: PageContext; formKey: ObjectionActionState['key']; action: string; state: ObjectionActionState | undefined; intro?: Text; submit: Text; fields: (form: FormState) => JSX.Element }): JSX.Element {
  const { ctx } = props;
  const form = props.state?.key === props.formKey ? props.state.form : EMPTY_FORM;
  return (
    <section class="action" id={`act-${props.formKey}`} aria-labelledby={`act-${props.formKey}-title`}>
      <h3 id={`act-${props.formKey}-title`}>{say(ctx.lang, STEP_TITLES[props.formKey])}</h3>
      {props.intro ? <p class="hint">{say(ctx.lang, props.intro)}</p> : ''}
      <ErrorSummary lang={ctx.lang} form={form} labels={OBJECTION_LABELS} />
      <form method="post" action={props.action} class="narrow" novalidate>
        <CsrfField token={ctx.csrfToken} />
        {props.fields(form)}
        <button type="submit">{say(ctx.lang, props.submit)}</button>
      </form>
    </section>
  );
}

function StepForms(props: { ctx: PageContext; data: ObjectionPageData; state: ObjectionActionState | undefined }): JSX.Element {
  const { ctx, data, state } = props;
  const lang = ctx.lang;
  const id = data.objection.id;
  const forms: JSX.Element[] = [];
  if (data.steps.decide) {
    const options = [
      { value: 'uphold', label: text('Menolak keberatan: keputusan PPID dikuatkan', "Dismiss the objection: the PPID's decision stands"), hint: text('Tuliskan pertimbangannya.', 'Write the reasons.') },
      {
        value: 'overturn',
        label: text('Menerima keberatan: keputusan PPID dibatalkan', "Uphold the objection: the PPID's decision is overturned"),
        hint: text('Permohonan dibuka kembali dengan batas waktu baru; tuliskan informasi yang wajib diberikan PPID.', 'The request reopens with a new deadline; write what the PPID is to give.'),
      },
      ...(data.steps.settle
        ? [{ value: 'settle', label: text('Diselesaikan dengan kesepakatan', 'Settled by agreement'), hint: text('Untuk alasan b–g; tuliskan isi kesepakatan.', 'For grounds b–g; write what was agreed.') }]
        : []),
    ];
    forms.push(
      <StepForm
        ctx={ctx}
        formKey="decide"
        action={`/desk/keberatan/${id}/tanggapan`}
        state={state}
        submit={text('Terbitkan surat tanggapan', 'Issue the decision letter')}
        intro={text(
          'Tanggapan tertulis Atasan PPID diterbitkan sebagai surat bernomor dengan kode QR verifikasi dan dikirim kepada pemohon. Tanggapan tidak dapat diubah setelah terbit.',
          "The Atasan PPID's written decision is issued as a numbered letter with a verification QR code and sent to the applicant. It cannot be changed once issued.",
        )}
        fields={(form) => (
          <>
            <Radios
              lang={lang}
              form={form}
              name="action"
              options={options}
              hint={
                data.steps.settle
                  ? undefined
                  : text('Penyelesaian dengan kesepakatan tidak tersedia: keberatan atas penolakan Pasal 17 (alasan a) diputus Atasan PPID.', 'Settlement is not offered: an objection to a refusal under article 17 (ground a) is decided by the Atasan PPID.')
              }
            />
            <TextArea lang={lang} form={form} name="reasons" label={OBJECTION_LABELS.reasons!} rows={5} required hint={text('Dicetak pada surat tanggapan.', 'Printed on the decision letter.')} />
            <TextArea lang={lang} form={form} name="order" label={OBJECTION_LABELS.order!} rows={3} hint={text('Wajib bila keberatan diterima (keputusan PPID dibatalkan).', "Required when the objection is upheld (the PPID's decision is overturned).")} />
            <TextArea lang={lang} form={form} name="terms" label={OBJECTION_LABELS.terms!} rows={3} hint={text('Wajib bila diselesaikan dengan kesepakatan.', 'Required when settled by agreement.')} />
          </>
        )}
      />,
    );
  }
  if (data.steps.withdraw) {
    forms.push(
      <StepForm
        ctx={ctx}
        formKey="withdraw"
        action={`/desk/keberatan/${id}/cabut`}
        state={state}
        submit={text('Catat pencabutan', 'Record the withdrawal')}
        intro={text('Bila pemohon mencabut keberatannya; jam tanggapan dihentikan.', 'When the applicant takes the objection back; the answer clock stops.')}
        fields={(form) => (
          <TextArea lang={lang} form={form} name="withdraw_note" label={OBJECTION_LABELS.withdraw_note!} rows={2} required hint={text('Misalnya "Surat pencabutan pemohon tanggal …" atau "Disampaikan langsung di desk".', 'E.g. "The applicant\'s letter of …" or "Said in person at the desk".')} />
        )}
      />,
    );
  }
  if (data.steps.respond) {
    forms.push(
      <StepForm
        ctx={ctx}
        formKey="respond"
        action={`/desk/keberatan/${id}/sikap`}
        state={state}
        submit={text('Catat sikap pemohon', "Record the applicant's reaction")}
        intro={text('Apa yang disampaikan pemohon atas tanggapan Atasan PPID; dicatat sekali dan masuk register keberatan.', "What the applicant said of the Atasan PPID's decision; recorded once, and it goes into the objection register.")}
        fields={(form) => (
          <>
            <Radios lang={lang} form={form} name="response" options={RESPONSES.map((r) => ({ value: r, label: RESPONSE_LABELS[r] }))} />
            <TextArea lang={lang} form={form} name="response_note" label={OBJECTION_LABELS.response_note!} rows={2} />
          </>
        )}
      />,
    );
  }
  if (forms.length === 0) return <p>{say(lang, text('Tidak ada langkah yang dapat Anda ambil pada keberatan ini sekarang.', 'There is no step you can take on this objection now.'))}</p>;
  return <>{forms}</>;
}

/** The forms the page shows, so a refusal for a form not shown is told at the top of the page. */
function shownForms(steps: ObjectionSteps): Set<string> {
  return new Set([...(steps.decide ? ['decide'] : []), ...(steps.withdraw ? ['withdraw'] : []), ...(steps.respond ? ['respond'] : [])]);
}

export function ObjectionPage(props: { ctx: PageContext; data: ObjectionPageData; state?: ObjectionActionState | undefined }): JSX.Element {
  const { ctx, data, state } = props;
  const lang = ctx.lang;
  const { objection: o, request: r, office } = data;
  const stateShown = state !== undefined && shownForms(data.steps).has(state.key);
  const steps = data.events.map((e) => ({ e, label: eventText(lang, e) })).filter((s): s is { e: TimelineEvent; label: string } => s.label !== undefined);
  return (
    <Layout ctx={ctx} title={text(`Keberatan ${o.number}`, `Objection ${o.number}`)} officeName={office.name}>
      {state && !stateShown ? (
        <ErrorSummary lang={lang} form={{ ...state.form, summary: state.form.summary ?? STEP_TITLES[state.key] }} labels={OBJECTION_LABELS} />
      ) : state ? (
        <p class="error">
          <a href={`#act-${state.key}`}>
            {say(lang, text(`Langkah "${t('id', STEP_TITLES[state.key])}" belum berhasil; lihat formulirnya.`, `The step "${t('en', STEP_TITLES[state.key])}" did not go through; see its form.`))}
          </a>
        </p>
      ) : (
        ''
      )}
      <dl class="facts">
        <dt>{say(lang, text('Nomor keberatan', 'Objection number'))}</dt>
        <dd safe>{o.number}</dd>
        <dt>{say(lang, text('Status', 'Status'))}</dt>
        <dd safe>{objectionStatusText(lang, o.status)}</dd>
        <dt>{say(lang, text('Diterima', 'Received'))}</dt>
        <dd safe>{formatMoment(lang, o.receivedAt, office.timeZone)}</dd>
        <dt>{say(lang, text('Saluran', 'Channel'))}</dt>
        <dd safe>{CHANNEL_LABELS[o.channel] ? t(lang, CHANNEL_LABELS[o.channel]!) : o.channel}</dd>
      </dl>
      <p>
        <a href={`/desk/keberatan/${o.id}/tanda-bukti.pdf`}>
          {say(lang, text('Unduh tanda bukti keberatan (PDF) untuk dicetak bagi pemohon', 'Download the objection receipt (PDF) to print for the applicant'))}
        </a>
      </p>

      <h2>{say(lang, text('Pemohon', 'Applicant'))}</h2>
      <dl class="facts">
        <dt>{say(lang, text('Nama', 'Name'))}</dt>
        <dd safe>{r.name}</dd>
        <dt>{say(lang, text('Alamat', 'Address'))}</dt>
        <dd class="prewrap" safe>
          {r.address || '—'}
        </dd>
        <dt>{say(lang, text('Telepon / e-mail', 'Phone / e-mail'))}</dt>
        <dd safe>{[r.phone, r.email].filter(Boolean).join(' · ') || '—'}</dd>
        {o.proxyName ? (
          <>
            <dt>{say(lang, OBJECTION_LABELS.proxyName!)}</dt>
            <dd safe>{o.proxyName}</dd>
            <dt>{say(lang, OBJECTION_LABELS.proxyAddress!)}</dt>
            <dd class="prewrap" safe>
              {o.proxyAddress || '—'}
            </dd>
            <dt>{say(lang, OBJECTION_LABELS.proxyPhone!)}</dt>
            <dd safe>{o.proxyPhone || '—'}</dd>
          </>
        ) : (
          <>
            <dt>{say(lang, text('Kuasa', 'Proxy'))}</dt>
            <dd>{say(lang, text('Tidak ada; diajukan sendiri', 'None; filed in person'))}</dd>
          </>
        )}
      </dl>

      <h2>{say(lang, text('Keberatan', 'Objection'))}</h2>
      <dl class="facts">
        <dt>{say(lang, text('Nomor pendaftaran permohonan', 'Request registration number'))}</dt>
        <dd>
          <a href={`/desk/permohonan/${r.id}`} safe>
            {r.number}
          </a>
        </dd>
        <dt>{say(lang, text('Informasi yang diminta', 'Information requested'))}</dt>
        <dd class="prewrap" safe>
          {r.information}
        </dd>
        <dt>{say(lang, text('Tujuan penggunaan informasi', 'What the information is for'))}</dt>
        <dd class="prewrap" safe>
          {r.purpose}
        </dd>
        <dt>{say(lang, text('Alasan keberatan', 'Grounds'))}</dt>
        <dd>
          <ul class="plain">
            {o.grounds.map((g) => (
              <li safe>{isGround(g) ? t(lang, GROUND_LABELS[g]) : g}</li>
            ))}
          </ul>
        </dd>
        <dt>{say(lang, OBJECTION_LABELS.description!)}</dt>
        <dd class="prewrap" safe>
          {o.description}
        </dd>
        <dt>{say(lang, text('Diajukan tepat waktu', 'Filed in time'))}</dt>
        <dd>
          {o.late ? <strong class="flag">{say(lang, text('Tidak: diajukan setelah jangka waktu lewat', 'No: filed after the window closed'))}</strong> : say(lang, text('Ya', 'Yes'))}
        </dd>
        {o.late ? (
          <>
            <dt>{say(lang, OBJECTION_LABELS.lateReason!)}</dt>
            <dd class="prewrap" safe>
              {o.lateReason}
            </dd>
          </>
        ) : (
          ''
        )}
      </dl>

      <h2>{say(lang, text('Jangka waktu pengajuan keberatan', 'The objection window'))}</h2>
      <Windows lang={lang} data={data} />

      <h2>{say(lang, text('Batas waktu tanggapan', 'Decision deadline'))}</h2>
      <AnswerClock lang={lang} data={data} />

      <h2>{say(lang, text('Berkas keberatan', 'Objection files'))}</h2>
      {data.files.length === 0 ? (
        <p>{say(lang, text('Tidak ada berkas yang dilampirkan.', 'No files were attached.'))}</p>
      ) : (
        <>
          <p class="hint">{say(lang, text('Surat kuasa dan identitas kuasa memuat data pribadi. Setiap kali berkas dibuka, nama Anda dan waktunya dicatat di log audit.', "The power of attorney and the proxy's identity hold personal data. Each time a file is opened, your name and the time are recorded in the audit log."))}</p>
          <ul>
            {data.files.map((f) => (
              <li>
                <a href={`/desk/keberatan/berkas/${f.id}`} safe>
                  {`${f.role in OBJECTION_FILE_LABELS ? t(lang, OBJECTION_FILE_LABELS[f.role as keyof typeof OBJECTION_FILE_LABELS]) : f.role}: ${f.name} (${formatSize(f.size)})`}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{say(lang, text('Tanggapan Atasan PPID', "The Atasan PPID's decision"))}</h2>
      <Decision lang={lang} data={data} />

      <h2>{say(lang, text('Sengketa informasi', 'Information dispute'))}</h2>
      <Dispute lang={lang} data={data} />

      <h2>{say(lang, text('Langkah berikutnya', 'Next steps'))}</h2>
      <StepForms ctx={ctx} data={data} state={state} />

      <h2>{say(lang, text('Riwayat', 'History'))}</h2>
      {steps.length === 0 ? (
        <p>{say(lang, text('Belum ada riwayat.', 'No history yet.'))}</p>
      ) : (
        <ol class="timeline">
          {steps.map((s) => (
            <li safe>{`${formatMoment(lang, s.e.at, office.timeZone)} — ${s.label} (${s.e.actorLabel})`}</li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
