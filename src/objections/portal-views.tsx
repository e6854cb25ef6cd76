import Html from '@kitajs/html';
import type { Executor } from '../db/client.ts';
import { formatDay, formatMoment, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import { todayIn } from '../offices/portal.tsx';
import { officeById, type OfficeRow } from '../offices/store.ts';
import { STATUS_LABELS, type Status } from '../requests/rules.ts';
import { deadlineRows, type RequestRow } from '../requests/store.ts';
import { CsrfField, describedBy, ErrorSummary, fieldId, fieldValue, fieldValues, HintAndError, TextArea, TextField, type FormState, StagedList, type StagedView } from '../web/forms.tsx';
import { Layout, say, type PageContext } from '../web/layout.tsx';
import {
  GROUND_LABELS,
  GROUNDS,
  isGround,
  OBJECTION_FILE_LABELS,
  OBJECTION_STATUS_LABELS,
  RESPONSE_LABELS,
  type Ground,
  type ObjectionFileRole,
  type ObjectionResponse,
  type ObjectionStatus,
  type RequestRecord,
  type SuggestedGround,
} from './rules.ts';
import { decisionLetterOf, requestRecord } from './service.ts';
import { objectionsOfRequest, type ObjectionRow } from './store.ts';

/**
 * What the applicant sees of objections on the public portal: the section of the tracking page, the
 * filing form and its confirmation. The routes are in portal.tsx; the tracking page itself
 * (src/requests/portal.tsx) calls TrackedObjections with what trackedObjections loaded.
 */

export const FORM_LABELS: Readonly<Record<string, Text>> = {
  grounds: text('Alasan keberatan', 'Grounds of objection'),
  description: text('Uraian keberatan', 'What you object to'),
  proxyName: text('Nama kuasa', "Proxy's name"),
  proxyAddress: text('Alamat kuasa', "Proxy's address"),
  proxyPhone: text('Telepon kuasa', "Proxy's phone"),
  proxy_letter: OBJECTION_FILE_LABELS.proxy_letter,
  proxy_identity: OBJECTION_FILE_LABELS.proxy_identity,
  supporting: OBJECTION_FILE_LABELS.supporting,
  lateReason: text('Alasan keterlambatan', 'Why the objection is late'),
  consent: text('Pernyataan', 'Declaration'),
  submissionKey: text('Formulir', 'Form'),
};

/** The hidden pair that proves, on every button, that the person holds the request's tracking code. */
export function TrackingProof(props: { number: string; code: string; csrfToken: string }): JSX.Element {
  return (
    <>
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="number" value={props.number} />
      <input type="hidden" name="code" value={props.code} />
    </>
  );
}

function ProofButton(props: { ctx: PageContext; action: string; number: string; code: string; label: Text; secondary?: boolean; accessibleName?: string }): JSX.Element {
  return (
    <form method="post" action={props.action} class="inline">
      <TrackingProof number={props.number} code={props.code} csrfToken={props.ctx.csrfToken} />
      <button type="submit" class={props.secondary ? 'secondary' : undefined} aria-label={props.accessibleName}>
        {say(props.ctx.lang, props.label)}
      </button>
    </form>
  );
}

const dayOrDash = (lang: Lang, day: string | undefined): string => (day ? formatDay(lang, day) : '—');

const groundList = (lang: Lang, grounds: readonly string[]): string => {
  const letters = grounds.join(', ').replace(/, ([^,]*)$/, lang === 'id' ? ' dan $1' : ' and $1');
  return lang === 'id' ? `alasan ${letters}` : `${grounds.length === 1 ? 'ground' : 'grounds'} ${letters}`;
};

// ---------------------------------------------------------------------------------------------------
// The tracking page's section

export interface TrackedObjection {
  readonly id: number;
  readonly number: string;
  readonly grounds: readonly Ground[];
  readonly status: ObjectionStatus;
  readonly receivedAt: Date;
  /** The Atasan PPID's answer is due by this day (while the objection waits). */
  readonly answerDue: string | undefined;
  readonly decidedAt: Date | null;
  readonly letter: { readonly number: string; readonly verifyCode: string } | undefined;
  /** Decided: until when the applicant may take it to the Komisi Informasi. */
  readonly disputeDue: string | undefined;
  readonly response: ObjectionResponse | null;
  readonly responseNote: string;
}

export interface ObjectionsOnTracking {
  readonly timeZone: string;
  readonly items: readonly TrackedObjection[];
  /** A ground can have arisen: the request has its written notice, or its deadline has passed. */
  readonly mayObject: boolean;
  /** While no ground can have arisen: the request's due date, after which one can. */
  readonly notBefore: string | undefined;
}

const isDecided = (status: ObjectionStatus) => status === 'upheld' || status === 'overturned' || status === 'settled';

/** The request's objections as the tracking page shows them to whoever holds the code. */
export async function trackedObjections(exec: Executor, request: RequestRow, now = new Date()): Promise<ObjectionsOnTracking> {
  const office = await officeById(exec, request.officeId);
  if (!office) throw new Error(`request ${request.id} has no office`);
  const rows = await objectionsOfRequest(exec, request.id);
  const [record, deadlines, letters] = await Promise.all([
    requestRecord(exec, request, office.timeZone),
    deadlineRows(exec, rows.map((o) => o.deadlineId)),
    Promise.all(rows.map((o) => (isDecided(o.status as ObjectionStatus) ? decisionLetterOf(exec, o) : Promise.resolve(undefined)))),
  ]);
  const today = todayIn(office.timeZone, now);
  const mayObject = record.decidedDay !== null || (record.due !== null && today > record.due);
  return {
    timeZone: office.timeZone,
    mayObject,
    notBefore: mayObject ? undefined : (record.due ?? undefined),
    items: rows.map((o, i) => {
      const decision = o.decision as { disputeDue?: string } | null;
      const letter = letters[i];
      return {
        id: o.id,
        number: o.number,
        grounds: o.grounds.filter(isGround),
        status: o.status as ObjectionStatus,
        receivedAt: o.receivedAt,
        answerDue: deadlines.find((d) => d.id === o.deadlineId)?.due,
        decidedAt: o.decidedAt,
        letter: letter ? { number: letter.number, verifyCode: letter.verifyCode } : undefined,
        disputeDue: decision?.disputeDue,
        response: (o.response as ObjectionResponse | null) ?? null,
        responseNote: o.responseNote,
      };
    }),
  };
}

/** A reaction form sent back: which objection it was for and what was wrong. */
export interface ReactionAttempt {
  readonly objectionId: number;
  readonly form: FormState;
}

const REACTION_CHOICES: readonly { value: ObjectionResponse; label: Text }[] = [
  { value: 'accepted', label: text('Saya menerima tanggapan ini', 'I accept this answer') },
  { value: 'not_accepted', label: text('Saya tidak menerima tanggapan ini', 'I do not accept this answer') },
];

function ReactionForm(props: { ctx: PageContext; office: OfficeRow; number: string; code: string; item: TrackedObjection; attempt: FormState | undefined }): JSX.Element {
  const { ctx, item } = props;
  const lang = ctx.lang;
  const form: FormState = props.attempt ?? { values: {}, errors: {} };
  const id = (name: string) => `${fieldId(name)}-${item.id}`;
  const responseError = form.errors.response;
  const noteError = form.errors.note;
  return (
    <form method="post" action={`/${props.office.slug}/lacak/keberatan/${item.id}/sikap`} novalidate>
      <TrackingProof number={props.number} code={props.code} csrfToken={ctx.csrfToken} />
      <fieldset class={responseError ? 'field has-error' : 'field'} id={id('response')} aria-describedby={responseError ? `${id('response')}-error` : `${id('response')}-hint`}>
        <legend>{say(lang, text(`Sikap Anda atas tanggapan keberatan ${item.number}`, `Your reaction to the answer on objection ${item.number}`))}</legend>
        <p class="hint" id={`${id('response')}-hint`}>
          {say(lang, text('Sikap ini dicatat dalam register keberatan dan tidak dapat diubah setelah dikirim.', 'Your reaction is entered in the register of objections and cannot be changed once sent.'))}
        </p>
        {responseError ? (
          <p class="error" id={`${id('response')}-error`}>
            {say(lang, responseError)}
          </p>
        ) : (
          ''
        )}
        {REACTION_CHOICES.map((c) => (
          <div class="check">
            <input type="radio" id={`${id('response')}-${c.value}`} name="response" value={c.value} checked={fieldValue(form, 'response') === c.value} />
            <label for={`${id('response')}-${c.value}`}>{say(lang, c.label)}</label>
          </div>
        ))}
      </fieldset>
      <div class={noteError ? 'field has-error' : 'field'}>
        <label for={id('note')}>
          {say(lang, text('Catatan', 'Note'))}
          <span class="optional">{say(lang, text(' (opsional)', ' (optional)'))}</span>
        </label>
        {noteError ? (
          <p class="error" id={`${id('note')}-error`}>
            {say(lang, noteError)}
          </p>
        ) : (
          ''
        )}
        <textarea id={id('note')} name="note" rows="3" aria-describedby={noteError ? `${id('note')}-error` : undefined} aria-invalid={noteError ? 'true' : undefined} safe>
          {fieldValue(form, 'note')}
        </textarea>
      </div>
      <button type="submit">{say(lang, text('Kirim sikap', 'Send my reaction'))}</button>
    </form>
  );
}

function ObjectionItem(props: { ctx: PageContext; office: OfficeRow; number: string; code: string; timeZone: string; item: TrackedObjection; attempt: ReactionAttempt | undefined }): JSX.Element {
  const { ctx, office, item, number, code } = props;
  const lang = ctx.lang;
  const attempt = props.attempt?.objectionId === item.id ? props.attempt.form : undefined;
  const decided = isDecided(item.status);
  const base = `/${office.slug}/lacak/keberatan/${item.id}`;
  return (
    <section id={`keberatan-${item.id}`} aria-labelledby={`keberatan-${item.id}-title`}>
      <h3 id={`keberatan-${item.id}-title`}>{say(lang, text(`Keberatan ${item.number}`, `Objection ${item.number}`))}</h3>
      {attempt?.summary ? (
        <div class="error-summary" role="alert">
          <p class="error">{say(lang, attempt.summary)}</p>
        </div>
      ) : (
        ''
      )}
      <dl class="facts">
        <dt>{say(lang, text('Alasan', 'Grounds'))}</dt>
        <dd>
          <ul>
            {item.grounds.map((g) => (
              <li>{say(lang, GROUND_LABELS[g])}</li>
            ))}
          </ul>
        </dd>
        <dt>{say(lang, text('Status', 'Status'))}</dt>
        <dd>
          <strong>{say(lang, OBJECTION_STATUS_LABELS[item.status])}</strong>
        </dd>
        <dt>{say(lang, text('Diterima', 'Received'))}</dt>
        <dd safe>{formatMoment(lang, item.receivedAt, props.timeZone)}</dd>
        {decided && item.decidedAt ? (
          <>
            <dt>{say(lang, text('Ditanggapi', 'Answered'))}</dt>
            <dd safe>{formatMoment(lang, item.decidedAt, props.timeZone)}</dd>
          </>
        ) : item.status === 'filed' ? (
          <>
            <dt>{say(lang, text('Batas waktu tanggapan Atasan PPID', 'The Atasan PPID answers by'))}</dt>
            <dd safe>{dayOrDash(lang, item.answerDue)}</dd>
          </>
        ) : (
          ''
        )}
        {item.letter ? (
          <>
            <dt>{say(lang, text('Surat tanggapan', 'Answer letter'))}</dt>
            <dd>
              <ProofButton
                ctx={ctx}
                action={`${base}/surat`}
                number={number}
                code={code}
                secondary
                label={text('Unduh PDF', 'Download PDF')}
                accessibleName={t(lang, text(`Unduh PDF surat tanggapan ${item.letter.number}`, `Download PDF of the answer letter ${item.letter.number}`))}
              />{' '}
              <a href={`/verifikasi/${item.letter.verifyCode}`} aria-label={t(lang, text(`Periksa keaslian surat ${item.letter.number}`, `Check it is genuine: letter ${item.letter.number}`))}>
                {say(lang, text('Periksa keaslian', 'Check it is genuine'))}
              </a>
            </dd>
          </>
        ) : (
          ''
        )}
        {decided && item.disputeDue ? (
          <>
            <dt>{say(lang, text('Sengketa ke Komisi Informasi', 'Dispute at the Information Commission'))}</dt>
            <dd>
              {say(
                lang,
                text(
                  `Bila tidak puas dengan tanggapan ini, Anda dapat mengajukan sengketa informasi ke Komisi Informasi paling lambat ${formatDay('id', item.disputeDue)}.`,
                  `If you are not satisfied with this answer, you may take it to the Information Commission by ${formatDay('en', item.disputeDue)}.`,
                ),
              )}
            </dd>
          </>
        ) : (
          ''
        )}
        {item.response ? (
          <>
            <dt>{say(lang, text('Sikap Anda', 'Your reaction'))}</dt>
            <dd>
              {say(lang, RESPONSE_LABELS[item.response])}
              {item.responseNote ? (
                <>
                  <br />
                  <span safe>{item.responseNote}</span>
                </>
              ) : (
                ''
              )}
            </dd>
          </>
        ) : (
          ''
        )}
      </dl>
      <ProofButton
        ctx={ctx}
        action={`${base}/tanda-bukti`}
        number={number}
        code={code}
        secondary
        label={text('Unduh tanda bukti keberatan (PDF)', 'Download the objection receipt (PDF)')}
        accessibleName={t(lang, text(`Unduh tanda bukti keberatan (PDF) ${item.number}`, `Download the objection receipt (PDF) ${item.number}`))}
      />
      {decided && !item.response ? <ReactionForm ctx={ctx} office={office} number={number} code={code} item={item} attempt={attempt} /> : ''}
    </section>
  );
}

/** The "Keberatan" section of the tracking page: the request's objections and the way to file one. */
export function TrackedObjections(props: { ctx: PageContext; office: OfficeRow; number: string; code: string; view: ObjectionsOnTracking; reaction?: ReactionAttempt | undefined }): JSX.Element {
  const { ctx, office, view, number, code } = props;
  const lang = ctx.lang;
  return (
    <section id="keberatan" aria-labelledby="keberatan-title">
      <h2 id="keberatan-title">{say(lang, text('Keberatan', 'Objections'))}</h2>
      <p>
        {say(
          lang,
          text(
            'Bila permohonan Anda ditolak, tidak ditanggapi, ditanggapi tidak sesuai permintaan, tidak dipenuhi, dikenai biaya tidak wajar, atau informasinya terlambat, Anda dapat mengajukan keberatan kepada Atasan PPID (UU 14/2008 Pasal 35) dalam 30 hari kerja sejak alasannya muncul.',
            'If your request was refused, not answered, answered other than asked, not fulfilled, charged unreasonably, or answered late, you may object to the Atasan PPID (Law 14/2008 article 35) within 30 working days of the ground arising.',
          ),
        )}
      </p>
      {view.items.length === 0 ? <p>{say(lang, text('Belum ada keberatan atas permohonan ini.', 'No objection has been filed on this request.'))}</p> : ''}
      {view.items.map((item) => (
        <ObjectionItem ctx={ctx} office={office} number={number} code={code} timeZone={view.timeZone} item={item} attempt={props.reaction} />
      ))}
      {view.mayObject ? (
        <ProofButton ctx={ctx} action={`/${office.slug}/lacak/keberatan`} number={number} code={code} label={text('Ajukan keberatan', 'File an objection')} />
      ) : (
        <p>
          {say(
            lang,
            view.notBefore
              ? text(
                  `Keberatan dapat diajukan setelah pemberitahuan tertulis terbit atau setelah batas waktunya (${formatDay('id', view.notBefore)}) terlewati.`,
                  `An objection can be filed once the written notice is issued or its deadline (${formatDay('en', view.notBefore)}) has passed.`,
                )
              : text('Keberatan dapat diajukan setelah pemberitahuan tertulis terbit.', 'An objection can be filed once the written notice is issued.'),
          )}
        </p>
      )}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------------
// The filing form

export type Suggestion = SuggestedGround & { readonly due: string; readonly open: boolean };

type Cause = 'missed' | 'refused' | 'cost' | 'late_notice';

/** Why the record supports a ground, in the applicant's words. */
function causeOf(ground: Ground, record: RequestRecord): Cause {
  if (ground === 'a') return 'refused';
  if (ground === 'f') return 'cost';
  return record.decidedDay === null ? 'missed' : 'late_notice';
}

function causeText(cause: Cause, since: string, grounds: readonly Ground[]): Text {
  const id = groundList('id', grounds);
  const en = groundList('en', grounds);
  switch (cause) {
    case 'missed':
      return text(
        `Batas waktu permohonan Anda (${formatDay('id', since)}) terlewati tanpa pemberitahuan tertulis: ${id}.`,
        `Your request's deadline (${formatDay('en', since)}) passed without a written notice: ${en}.`,
      );
    case 'refused':
      return text(
        `Pemberitahuan tertulis tanggal ${formatDay('id', since)} menolak permohonan Anda karena informasinya dikecualikan: ${id}.`,
        `The written notice of ${formatDay('en', since)} refused your request as exempt information: ${en}.`,
      );
    case 'cost':
      return text(`Pemberitahuan tertulis tanggal ${formatDay('id', since)} mengenakan biaya: ${id}.`, `The written notice of ${formatDay('en', since)} charged costs: ${en}.`);
    case 'late_notice':
      return text(
        `Pemberitahuan tertulis terbit tanggal ${formatDay('id', since)}, setelah batas waktunya: ${id}.`,
        `The written notice came on ${formatDay('en', since)}, after its deadline: ${en}.`,
      );
  }
}

function windowText(s: Suggestion): Text {
  return s.open
    ? text(`Keberatan dapat diajukan sampai ${formatDay('id', s.due)}.`, `You may object until ${formatDay('en', s.due)}.`)
    : text(
        `Jangka waktu keberatan untuk alasan ini berakhir ${formatDay('id', s.due)}; keberatan tetap dapat diajukan dengan menuliskan alasan keterlambatan.`,
        `The objection window for this closed on ${formatDay('en', s.due)}; you can still object if you write why you are late.`,
      );
}

/** The suggestions told as lines, grounds that arose from one event together ("alasan c dan g"). */
export function suggestionLines(suggestions: readonly Suggestion[], record: RequestRecord): Text[] {
  const groups: { cause: Cause; first: Suggestion; grounds: Ground[] }[] = [];
  for (const s of suggestions) {
    const cause = causeOf(s.ground, record);
    const group = groups.find((g) => g.cause === cause && g.first.since === s.since);
    if (group) group.grounds.push(s.ground);
    else groups.push({ cause, first: s, grounds: [s.ground] });
  }
  return groups.map((g) => {
    const cause = causeText(g.cause, g.first.since, g.grounds);
    const window = windowText(g.first);
    return text(`${cause.id} ${window.id}`, `${cause.en} ${window.en}`);
  });
}

const FILE_HINTS: Readonly<Record<ObjectionFileRole, Text>> = {
  proxy_letter: text('Wajib bila keberatan diajukan melalui kuasa.', 'Required when a proxy files the objection.'),
  proxy_identity: text('Pindaian atau foto KTP penerima kuasa.', "A scan or photo of the proxy's identity card."),
  supporting: text('Misalnya surat yang Anda terima atau bukti pembayaran. Boleh lebih dari satu berkas.', 'For example the letter you received or a proof of payment. You may choose several files.'),
};

function FileInput(props: { lang: Lang; form: FormState; role: ObjectionFileRole; staged: readonly StagedView[] }): JSX.Element {
  const { lang, form, role } = props;
  return (
    <div class={form.errors[role] ? 'field has-error' : 'field'}>
      <label for={fieldId(role)}>
        {say(lang, FORM_LABELS[role]!)}
        <span class="optional">{say(lang, role === 'proxy_letter' ? text(' (bila melalui kuasa)', ' (when filed through a proxy)') : text(' (opsional)', ' (optional)'))}</span>
      </label>
      <HintAndError lang={lang} form={form} name={role} hint={FILE_HINTS[role]} />
      <StagedList lang={lang} role={role} staged={props.staged} />
      <input
        type="file"
        id={fieldId(role)}
        name={role}
        accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        multiple={role === 'supporting'}
        aria-describedby={describedBy({ form, name: role, hint: FILE_HINTS[role] })}
        aria-invalid={form.errors[role] ? 'true' : undefined}
      />
    </div>
  );
}

function GroundChoices(props: { lang: Lang; form: FormState; suggestions: readonly Suggestion[] }): JSX.Element {
  const { lang, form } = props;
  const chosen = fieldValues(form, 'grounds');
  const hint = text('Pilih satu atau lebih (Pasal 35 ayat 1 UU 14/2008). Alasan yang didukung catatan permohonan Anda sudah dicentang; Anda tetap bebas memilih.', 'Choose one or more (article 35(1) of Law 14/2008). The grounds your request’s record supports are ticked; you remain free to choose.');
  return (
    <fieldset class={form.errors.grounds ? 'field has-error' : 'field'} id={fieldId('grounds')} aria-describedby={describedBy({ form, name: 'grounds', hint })}>
      <legend>{say(lang, FORM_LABELS.grounds!)}</legend>
      <HintAndError lang={lang} form={form} name="grounds" hint={hint} />
      {GROUNDS.map((g) => {
        const id = `${fieldId('grounds')}-${g}`;
        const suggested = props.suggestions.find((s) => s.ground === g);
        const note = suggested
          ? suggested.open
            ? text(`Disarankan. Dapat diajukan sampai ${formatDay('id', suggested.due)}.`, `Suggested. Open until ${formatDay('en', suggested.due)}.`)
            : text(`Disarankan, tetapi jangka waktunya berakhir ${formatDay('id', suggested.due)}: tuliskan alasan keterlambatan.`, `Suggested, but its window closed on ${formatDay('en', suggested.due)}: write why you are late.`)
          : undefined;
        return (
          <div class="option">
            <div class="check">
              <input type="checkbox" id={id} name="grounds" value={g} checked={chosen.includes(g)} aria-describedby={note ? `${id}-hint` : undefined} />
              <label for={id}>{say(lang, GROUND_LABELS[g])}</label>
            </div>
            {note ? (
              <p class="hint" id={`${id}-hint`}>
                {say(lang, note)}
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

export interface ObjectionFormProps {
  readonly ctx: PageContext;
  readonly office: OfficeRow;
  readonly request: RequestRow;
  readonly code: string;
  readonly form: FormState;
  readonly record: RequestRecord;
  readonly suggestions: readonly Suggestion[];
  readonly staged: readonly StagedView[];
  readonly submissionKey: string;
  /** The objection a chosen ground was already filed in. */
  readonly duplicate?: { readonly id: number; readonly number: string } | undefined;
}

export function ObjectionFormPage(props: ObjectionFormProps): JSX.Element {
  const { ctx, office, request, code, form } = props;
  const lang = ctx.lang;
  const status = STATUS_LABELS[request.status as Status];
  const consentError = form.errors.consent;
  const lines = suggestionLines(props.suggestions, props.record);
  return (
    <Layout ctx={ctx} title={text('Ajukan keberatan', 'File an objection')} officeName={office.name}>
      <ErrorSummary lang={lang} form={form} labels={FORM_LABELS} />
      {props.duplicate ? (
        <p>
          <ProofButton
            ctx={ctx}
            action={`/${office.slug}/lacak#keberatan-${props.duplicate.id}`}
            number={request.number}
            code={code}
            label={text(`Lihat keberatan ${props.duplicate.number}`, `See objection ${props.duplicate.number}`)}
          />
        </p>
      ) : (
        ''
      )}
      <p class="lead">
        {say(
          lang,
          text(
            'Keberatan diajukan kepada Atasan PPID, yang wajib memberikan tanggapan tertulis paling lambat 30 hari kerja sejak keberatan diterima.',
            'The objection goes to the Atasan PPID, who must answer in writing within 30 working days of receiving it.',
          ),
        )}
      </p>
      <h2>{say(lang, text('Permohonan', 'The request'))}</h2>
      <dl class="facts">
        <dt>{say(lang, text('Nomor pendaftaran', 'Registration number'))}</dt>
        <dd safe>{request.number}</dd>
        <dt>{say(lang, text('Pemohon', 'Applicant'))}</dt>
        <dd safe>{request.name}</dd>
        <dt>{say(lang, text('Informasi yang diminta', 'Information requested'))}</dt>
        <dd safe>{request.information}</dd>
        <dt>{say(lang, text('Status', 'Status'))}</dt>
        <dd>{status ? say(lang, status) : Html.escapeHtml(request.status)}</dd>
      </dl>
      <h2>{say(lang, text('Alasan yang didukung catatan permohonan', "Grounds your request's record supports"))}</h2>
      {lines.length > 0 ? (
        <ul>
          {lines.map((line) => (
            <li>{say(lang, line)}</li>
          ))}
        </ul>
      ) : (
        <p>
          {say(
            lang,
            text(
              'Catatan permohonan tidak menunjukkan alasan tertentu. Pilih alasan yang sesuai dengan keadaan Anda, misalnya d (ditanggapi tidak sesuai permintaan) atau e (tidak dipenuhi).',
              'The request’s record points to no particular ground. Choose the ground that fits your case, for example d (answered other than asked) or e (not fulfilled).',
            ),
          )}
        </p>
      )}
      <form method="post" action={`/${office.slug}/lacak/keberatan/kirim`} enctype="multipart/form-data" novalidate>
        <TrackingProof number={request.number} code={code} csrfToken={ctx.csrfToken} />
        <input type="hidden" name="submissionKey" value={props.submissionKey} />

        <h2>{say(lang, text('Isi keberatan', 'The objection'))}</h2>
        <GroundChoices lang={lang} form={form} suggestions={props.suggestions} />
        <TextArea lang={lang} form={form} name="description" label={FORM_LABELS.description!} hint={text('Jelaskan apa yang Anda keberatan dan apa yang Anda minta dari Atasan PPID.', 'Explain what you object to and what you ask the Atasan PPID to do.')} rows={6} required />
        <TextArea
          lang={lang}
          form={form}
          name="lateReason"
          label={FORM_LABELS.lateReason!}
          hint={text(
            'Isi hanya bila jangka waktu keberatan (30 hari kerja) sudah lewat: jelaskan mengapa Anda baru mengajukan sekarang. Keberatan yang terlambat tetap dicatat; Atasan PPID yang menilai alasannya.',
            'Fill in only if the 30-working-day objection window has closed: explain why you object only now. A late objection is still recorded; the Atasan PPID weighs your reason.',
          )}
          rows={3}
        />

        <h2>{say(lang, text('Diajukan melalui kuasa', 'Filed through a proxy'))}</h2>
        <p class="hint">{say(lang, text('Isi bagian ini hanya bila orang lain mengajukan keberatan atas nama Anda; lampirkan surat kuasanya.', 'Fill in this part only if someone else files the objection on your behalf; attach the power of attorney.'))}</p>
        <TextField lang={lang} form={form} name="proxyName" label={FORM_LABELS.proxyName!} autocomplete="off" />
        <TextArea lang={lang} form={form} name="proxyAddress" label={FORM_LABELS.proxyAddress!} rows={2} />
        <TextField lang={lang} form={form} name="proxyPhone" label={FORM_LABELS.proxyPhone!} type="tel" autocomplete="off" />
        <FileInput lang={lang} form={form} role="proxy_letter" staged={props.staged} />
        <FileInput lang={lang} form={form} role="proxy_identity" staged={props.staged} />

        <h2>{say(lang, text('Dokumen pendukung', 'Supporting documents'))}</h2>
        <p class="hint">
          {say(lang, text('PDF, PNG atau JPEG, paling besar 20 MB per berkas. Jenis berkas diperiksa dari isinya.', 'PDF, PNG or JPEG, at most 20 MB per file. The type is checked from the content.'))}
        </p>
        <FileInput lang={lang} form={form} role="supporting" staged={props.staged} />

        <h2>{say(lang, FORM_LABELS.consent!)}</h2>
        <div class={consentError ? 'field has-error' : 'field'}>
          {consentError ? (
            <p class="error" id="f-consent-error">
              {say(lang, consentError)}
            </p>
          ) : (
            ''
          )}
          <div class="check">
            <input type="checkbox" id="f-consent" name="consent" value="yes" checked={fieldValue(form, 'consent') === 'yes'} aria-describedby={consentError ? 'f-consent-error' : undefined} aria-invalid={consentError ? 'true' : undefined} />
            <label for="f-consent">
              {say(
                lang,
                text(
                  'Keterangan ini benar, dan saya setuju data dalam keberatan ini (termasuk data kuasa dan lampiran) diproses oleh PPID dan Atasan PPID kantor ini untuk menangani keberatan.',
                  'What I wrote is true, and I agree that the data in this objection (the proxy’s details and attachments included) is processed by the PPID and the Atasan PPID of this office to handle it.',
                ),
              )}
            </label>
          </div>
        </div>
        <button type="submit">{say(lang, text('Kirim keberatan', 'Send the objection'))}</button>
      </form>
      <p>
        <ProofButton ctx={ctx} action={`/${office.slug}/lacak`} number={request.number} code={code} secondary label={text('Kembali ke halaman pelacakan', 'Back to the tracking page')} />
      </p>
    </Layout>
  );
}

export function ObjectionFiledPage(props: { ctx: PageContext; office: OfficeRow; request: RequestRow; code: string; objection: ObjectionRow; due: string | undefined }): JSX.Element {
  const { ctx, office, request, code, objection } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={text('Keberatan Anda sudah kami terima', 'We have received your objection')} officeName={office.name}>
      <p class="notice" role="status">
        {say(lang, text('Keberatan tercatat. Simpan nomor keberatan dan tanda buktinya.', 'The objection is registered. Keep its number and receipt.'))}
      </p>
      <dl class="facts">
        <dt>{say(lang, text('Nomor keberatan', 'Objection number'))}</dt>
        <dd>
          <strong safe>{objection.number}</strong>
        </dd>
        <dt>{say(lang, text('Nomor pendaftaran permohonan', 'Request registration number'))}</dt>
        <dd safe>{request.number}</dd>
        <dt>{say(lang, text('Alasan', 'Grounds'))}</dt>
        <dd>
          <ul>
            {objection.grounds.filter(isGround).map((g) => (
              <li>{say(lang, GROUND_LABELS[g])}</li>
            ))}
          </ul>
        </dd>
        <dt>{say(lang, text('Diterima', 'Received'))}</dt>
        <dd safe>{formatMoment(lang, objection.receivedAt, office.timeZone)}</dd>
        <dt>{say(lang, text('Batas waktu tanggapan Atasan PPID', 'The Atasan PPID answers by'))}</dt>
        <dd safe>{dayOrDash(lang, props.due)}</dd>
      </dl>
      {objection.late ? (
        <p class="warning">
          {say(lang, text('Keberatan ini diajukan setelah jangka waktunya lewat. Alasan keterlambatan Anda dicatat dan dinilai Atasan PPID.', 'This objection was filed after its window closed. Your reason for the delay is recorded and weighed by the Atasan PPID.'))}
        </p>
      ) : (
        ''
      )}
      <ul>
        {request.email ? <li>{say(lang, text('Tanda bukti juga dikirim ke alamat e-mail permohonan Anda.', "The receipt has also been e-mailed to your request's address."))}</li> : ''}
        <li>
          {say(
            lang,
            text(
              'Tanggapan Atasan PPID dapat dilihat dan diunduh di halaman pelacakan permohonan dengan nomor pendaftaran dan kode pelacakan yang sama.',
              "The Atasan PPID's answer can be read and downloaded on the request's tracking page, with the same registration number and tracking code.",
            ),
          )}
        </li>
      </ul>
      <ProofButton ctx={ctx} action={`/${office.slug}/lacak/keberatan/${objection.id}/tanda-bukti`} number={request.number} code={code} label={text('Unduh tanda bukti keberatan (PDF)', 'Download the objection receipt (PDF)')} />{' '}
      <ProofButton ctx={ctx} action={`/${office.slug}/lacak#keberatan-${objection.id}`} number={request.number} code={code} secondary label={text('Kembali ke halaman pelacakan', 'Back to the tracking page')} />
    </Layout>
  );
}
