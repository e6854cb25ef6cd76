import { CATEGORY_LABELS } from '../dip/rules.ts';
import Html from '@kitajs/html';
import { explainDeadline, workingDaysBetween, type DeadlineResult, type OfficeCalendar } from '../calendar/rules.ts';
import type { DeadlineRow } from '../calendar/store.ts';
import { maskNik } from '../kernel/checker/personal.ts';
import type { CheckReport } from '../kernel/checker/index.ts';
import { formatDay, formatMoment, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import { TIME_ZONES } from '../offices/rules.ts';
import type { OfficeRow, UnitRow } from '../offices/store.ts';
import { CheckboxGroup, CsrfField, EMPTY_FORM, ErrorSummary, SelectField, TextArea, TextField, type FormState } from '../web/forms.tsx';
import { DataTable, Layout, say, type PageContext } from '../web/layout.tsx';
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  CHANNEL_LABELS,
  DELIVERY_LABELS,
  DELIVERY_METHODS,
  DESK_CHANNELS,
  DISPOSITION_ANSWER_LABELS,
  DISPOSITION_ANSWERS,
  FILE_ROLE_LABELS,
  INTAKE_FILE_ROLES,
  isStatus,
  MISSING_FILE_ROLES,
  MISSING_LABELS,
  missingItems,
  missingText,
  OBTAIN_LABELS,
  OBTAIN_METHODS,
  NOTICE_OUTCOMES,
  OUTCOME_LABELS,
  PASAL17,
  PASAL17_LABELS,
  PAYMENT_LABELS,
  PAYMENT_METHODS,
  costTotal,
  rupiah,
  SOP_MINUTES,
  OPEN_CATEGORIES,
  REOPEN_STARTED_BY,
  STATUS_LABELS,
  STATUSES,
  type Action,
  type Channel,
  type Decision,
  type IntakeFileRole,
} from './rules.ts';
import type { DispositionRow, DispositionView, FileFacts, RequestRow } from './store.ts';
import { timelineSteps, type TimelineEvent } from './timeline.ts';
import { FindingsTable } from '../web/findings.tsx';
import { GROUND_LABELS, isGround, OBJECTION_STATUS_LABELS } from '../objections/rules.ts';
import type { ObjectionRow } from '../objections/store.ts';

/**
 * The staff side of the information-service SOP, as pages: the request list, desk intake, one request
 * with its action forms, and a unit's dispositions. Pure views: src/requests/desk-pages.tsx loads the
 * data and runs the use cases.
 */

// ---------------------------------------------------------------------------------------------------
// Shared pieces

const lookup = <T,>(table: Readonly<Record<string, T>>, key: string | null | undefined): T | undefined => (key && Object.hasOwn(table, key) ? table[key] : undefined);

function label(lang: Lang, table: Readonly<Record<string, Text>>, key: string | null | undefined): string {
  const found = lookup(table, key);
  return found ? t(lang, found) : (key ?? '');
}

export function statusText(lang: Lang, status: string, outcome: string | null): string {
  const state = isStatus(status) ? t(lang, STATUS_LABELS[status]) : status;
  const how = lookup<Text>(OUTCOME_LABELS, outcome);
  return how ? `${state} — ${t(lang, how)}` : state;
}

function shorten(value: string, max = 90): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * How close a due date is, in words (a colour alone would not reach everyone): past it, or at most two
 * working days left, counted on the office's own calendar.
 */
export function dueFlag(due: string, today: string, calendar: OfficeCalendar): Text | undefined {
  if (due < today) {
    const late = workingDaysBetween(due, today, calendar);
    return late > 0 ? text(`Terlambat ${late} hari kerja`, `Overdue by ${late} working day${late === 1 ? '' : 's'}`) : text('Lewat batas waktu', 'Past the due date');
  }
  const left = workingDaysBetween(today, due, calendar);
  if (left === 0) return text('Jatuh tempo hari ini', 'Due today');
  if (left <= 2) return text(`Jatuh tempo dalam ${left} hari kerja`, `Due within ${left} working day${left === 1 ? '' : 's'}`);
  return undefined;
}

export function DueDate(props: { lang: Lang; due: string; flag: Text | undefined }): JSX.Element {
  return (
    <>
      {Html.escapeHtml(formatDay(props.lang, props.due))}
      {props.flag ? (
        <>
          {' '}
          <strong class="flag">{say(props.lang, props.flag)}</strong>
        </>
      ) : (
        ''
      )}
    </>
  );
}

/** A file input with the same label, hint, error and ids as the fields in src/web/forms.tsx. */
export function FileField(props: { lang: Lang; form: FormState; name: string; label: Text; hint?: Text; multiple?: boolean; accept: string }): JSX.Element {
  const id = `f-${props.name}`;
  const error = props.form.errors[props.name];
  const described = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>
        {say(props.lang, props.label)}
        <span class="optional">{say(props.lang, text(' (opsional)', ' (optional)'))}</span>
      </label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {say(props.lang, props.hint)}
        </p>
      ) : (
        ''
      )}
      {error ? (
        <p class="error" id={`${id}-error`}>
          {say(props.lang, error)}
        </p>
      ) : (
        ''
      )}
      <input type="file" id={id} name={props.name} accept={props.accept} multiple={props.multiple} aria-describedby={described || undefined} aria-invalid={error ? 'true' : undefined} />
    </div>
  );
}

/** The errors in the order their fields appear, so the summary reads down the form. */
function inFieldOrder(form: FormState, order: Readonly<Record<string, Text>>): FormState {
  const rank = (key: string) => {
    const at = Object.keys(order).indexOf(key);
    return at === -1 ? Number.MAX_SAFE_INTEGER : at;
  };
  const errors = Object.fromEntries(Object.entries(form.errors).sort(([a], [b]) => rank(a) - rank(b)));
  return { ...form, errors };
}

const INTAKE_ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';
const ANSWER_ACCEPT = '.pdf,.docx,.xlsx,.txt,.csv,.png,.jpg,.jpeg';

// ---------------------------------------------------------------------------------------------------
// Request list

export interface ListRow {
  readonly id: number;
  readonly number: string;
  readonly name: string;
  readonly channel: string;
  readonly information: string;
  readonly status: string;
  readonly outcome: string | null;
  readonly receivedAt: Date;
  readonly due: string | null;
  /** Identity requirements still missing (requests.missing). */
  readonly missing: readonly string[];
}

export function RequestListPage(props: { ctx: PageContext; office: OfficeRow; rows: readonly ListRow[]; status: string; today: string; calendar: OfficeCalendar }): JSX.Element {
  const { ctx, office } = props;
  const lang = ctx.lang;
  const form: FormState = { values: { status: props.status }, errors: {} };
  return (
    <Layout ctx={ctx} title={text('Permohonan informasi', 'Information requests')} officeName={office.name}>
      <p>
        <a class="button" href="/desk/permohonan/baru">
          {say(lang, text('Catat permohonan baru', 'Record a new request'))}
        </a>
      </p>
      <form method="get" action="/desk/permohonan" class="row">
        <SelectField
          lang={lang}
          form={form}
          name="status"
          label={text('Status', 'Status')}
          options={[{ value: '', label: text('Semua status', 'All statuses') }, ...STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))]}
        />
        <button type="submit" class="secondary">
          {say(lang, text('Tampilkan', 'Show'))}
        </button>
      </form>
      {props.rows.length === 0 ? (
        <p>{say(lang, text('Belum ada permohonan dengan status ini.', 'No requests with this status yet.'))}</p>
      ) : (
        <DataTable lang={lang} id="requests" caption={text(`Permohonan (${props.rows.length}), terbaru lebih dahulu`, `Requests (${props.rows.length}), newest first`)} captionVisible>
          <thead>
            <tr>
              <th scope="col">{say(lang, text('Nomor', 'Number'))}</th>
              <th scope="col">{say(lang, text('Diterima', 'Received'))}</th>
              <th scope="col">{say(lang, text('Pemohon', 'Applicant'))}</th>
              <th scope="col">{say(lang, text('Saluran', 'Channel'))}</th>
              <th scope="col">{say(lang, text('Informasi yang diminta', 'Information requested'))}</th>
              <th scope="col">{say(lang, text('Status / hasil', 'Status / outcome'))}</th>
              <th scope="col">{say(lang, text('Batas waktu', 'Due'))}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => {
              const open = r.status === 'received' || r.status === 'escalated';
              return (
                <tr>
                  <td>
                    <a href={`/desk/permohonan/${r.id}`} safe>
                      {r.number}
                    </a>
                  </td>
                  <td safe>{formatMoment(lang, r.receivedAt, office.timeZone)}</td>
                  <td safe>{r.name}</td>
                  <td safe>{label(lang, CHANNEL_LABELS, r.channel)}</td>
                  <td safe>{shorten(r.information)}</td>
                  <td>
                    {Html.escapeHtml(statusText(lang, r.status, r.outcome))}
                    {r.missing.length > 0 ? (
                      <>
                        <br />
                        <strong class="flag" safe>{`${t(lang, text('Kelengkapan belum ada', 'Documents missing'))}: ${missingText(lang, r.missing)}`}</strong>
                      </>
                    ) : (
                      ''
                    )}
                  </td>
                  <td>{r.due ? <DueDate lang={lang} due={r.due} flag={open ? dueFlag(r.due, props.today, props.calendar) : undefined} /> : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------------
// Desk intake

export const INTAKE_LABELS: Readonly<Record<string, Text>> = {
  channel: text('Saluran permohonan', 'Channel'),
  receivedAt: text('Waktu diterima', 'Time received'),
  applicantType: text('Jenis pemohon', 'Type of applicant'),
  name: text('Nama lengkap pemohon', "Applicant's full name"),
  nik: text('NIK', 'NIK (identity number)'),
  legalNumber: text('Nomor akta notaris / SK pengesahan badan hukum', "Legal entity's deed or SK pengesahan number"),
  address: text('Alamat', 'Address'),
  phone: text('Nomor telepon', 'Phone number'),
  email: text('E-mail', 'E-mail'),
  occupation: text('Pekerjaan', 'Occupation'),
  proxyName: text('Nama penerima kuasa (bila melalui kuasa)', "Proxy's name (if filed through a proxy)"),
  information: text('Informasi yang diminta', 'Information requested'),
  purpose: text('Tujuan penggunaan informasi', 'What the information is for'),
  obtainMethod: text('Cara memperoleh informasi', 'How to obtain the information'),
  deliveryMethod: text('Cara mendapatkan salinan', 'How to receive it'),
  submissionKey: text('Formulir', 'Form'),
  ...FILE_ROLE_LABELS,
};

const FILE_HINTS: Readonly<Record<IntakeFileRole, Text>> = {
  identity: text('Pindaian atau foto KTP pemohon perorangan.', "Scan or photo of an individual applicant's identity card."),
  proxy_letter: text('Wajib bila permohonan diajukan melalui kuasa atau oleh kelompok orang.', 'Required when filed through a proxy or by a group of people.'),
  member_ids: text('Wajib untuk kelompok orang; boleh beberapa berkas.', 'Required for a group of people; several files allowed.'),
  legal_deed: text('Wajib untuk badan hukum (disahkan Kemenkumham).', 'Required for a legal entity (approved by the Ministry of Law).'),
  scanned_letter: text('Untuk permohonan lewat surat, faksimile atau e-mail: pindaian surat atau cetakan e-mailnya.', 'For requests by letter, fax or e-mail: a scan of the letter or a print of the e-mail.'),
};

export interface StagedView {
  readonly token: string;
  readonly role: string;
  readonly name: string;
}

export function IntakePage(props: { ctx: PageContext; office: OfficeRow; form: FormState; staged: readonly StagedView[] }): JSX.Element {
  const { ctx } = props;
  const form = inFieldOrder(props.form, INTAKE_LABELS);
  const lang = ctx.lang;
  const zone = TIME_ZONES.find((z) => z.zone === props.office.timeZone)?.label ?? props.office.timeZone;
  const options = <T extends string>(values: readonly T[], labels: Readonly<Record<T, Text>>) => [{ value: '', label: text('— pilih —', '— choose —') }, ...values.map((v) => ({ value: v, label: labels[v] }))];
  return (
    <Layout ctx={ctx} title={text('Catat permohonan baru', 'Record a new request')} officeName={props.office.name}>
      <p class="lead">
        {say(
          lang,
          text(
            'Untuk permohonan yang datang langsung, lewat surat, e-mail, telepon atau faksimile, petugas mengisi formulir ini atas nama pemohon. Standar SOP: 10 menit sejak formulir dibuka.',
            'For requests made in person, by letter, e-mail, phone or fax, the desk fills in this form for the applicant. SOP standard: 10 minutes from opening the form.',
          ),
        )}
      </p>
      <ErrorSummary lang={lang} form={form} labels={INTAKE_LABELS} />
      <form method="post" action="/desk/permohonan/baru" enctype="multipart/form-data" class="narrow" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="submissionKey" value={String(form.values.submissionKey ?? '')} />
        <input type="hidden" name="startedAt" value={String(form.values.startedAt ?? '')} />
        <SelectField lang={lang} form={form} name="channel" label={INTAKE_LABELS.channel!} required options={options(DESK_CHANNELS as readonly Channel[], CHANNEL_LABELS)} />
        <TextField
          lang={lang}
          form={form}
          name="receivedAt"
          type="datetime-local"
          label={INTAKE_LABELS.receivedAt!}
          hint={text(
            `Isi bila surat, faksimile atau e-mail sudah tiba lebih dahulu (waktu kantor, ${zone}); kosongkan bila diterima sekarang. Batas waktu dihitung dari waktu ini.`,
            `Fill in when a letter, fax or e-mail arrived earlier (office time, ${zone}); leave empty when received now. The deadline counts from this time.`,
          )}
        />
        <SelectField lang={lang} form={form} name="applicantType" label={INTAKE_LABELS.applicantType!} required options={options(APPLICANT_TYPES, APPLICANT_TYPE_LABELS)} />
        <TextField lang={lang} form={form} name="name" label={INTAKE_LABELS.name!} autocomplete="off" required />
        <TextField
          lang={lang}
          form={form}
          name="nik"
          label={INTAKE_LABELS.nik!}
          inputmode="numeric"
          autocomplete="off"
          hint={text('16 angka pada KTP, untuk perorangan dan kelompok. Badan hukum: kosongkan.', '16 digits on the identity card, for individuals and groups. Legal entities: leave empty.')}
        />
        <TextField lang={lang} form={form} name="legalNumber" label={INTAKE_LABELS.legalNumber!} hint={text('Hanya untuk badan hukum.', 'Legal entities only.')} />
        <TextArea lang={lang} form={form} name="address" label={INTAKE_LABELS.address!} rows={3} required />
        <TextField lang={lang} form={form} name="phone" type="tel" label={INTAKE_LABELS.phone!} autocomplete="off" hint={text('Isi telepon atau e-mail, atau keduanya.', 'Give a phone number or an e-mail address, or both.')} />
        <TextField lang={lang} form={form} name="email" type="email" label={INTAKE_LABELS.email!} autocomplete="off" />
        <TextField lang={lang} form={form} name="occupation" label={INTAKE_LABELS.occupation!} />
        <TextField lang={lang} form={form} name="proxyName" label={INTAKE_LABELS.proxyName!} />
        <TextArea lang={lang} form={form} name="information" label={INTAKE_LABELS.information!} rows={4} required />
        <TextArea lang={lang} form={form} name="purpose" label={INTAKE_LABELS.purpose!} rows={3} required />
        <SelectField lang={lang} form={form} name="obtainMethod" label={INTAKE_LABELS.obtainMethod!} required options={options(OBTAIN_METHODS, OBTAIN_LABELS)} />
        <SelectField lang={lang} form={form} name="deliveryMethod" label={INTAKE_LABELS.deliveryMethod!} required options={options(DELIVERY_METHODS, DELIVERY_LABELS)} />
        <fieldset class="field">
          <legend>{say(lang, text('Dokumen persyaratan', 'Supporting documents'))}</legend>
          <p class="hint">{say(lang, text('PDF, PNG atau JPEG, paling besar 20 MB per berkas.', 'PDF, PNG or JPEG, at most 20 MB per file.'))}</p>
          {props.staged.length > 0 ? (
            <div class="staged">
              <p>
                {say(
                  lang,
                  text(
                    'Berkas di bawah ini sudah tersimpan sementara dan tidak perlu dipilih lagi. Centang berkas yang tidak jadi dipakai.',
                    'The files below are already kept and need not be chosen again. Tick any file that should not be used.',
                  ),
                )}
              </p>
              {props.staged.map((s, i) => (
                <div class="check">
                  <input type="hidden" name="staged" value={s.token} />
                  <input type="checkbox" id={`drop-staged-${i}`} name="drop_staged" value={s.token} />
                  <label for={`drop-staged-${i}`} safe>
                    {`${t(lang, text('Jangan pakai', 'Do not use'))}: ${s.name} (${label(lang, FILE_ROLE_LABELS, s.role)})`}
                  </label>
                </div>
              ))}
            </div>
          ) : (
            ''
          )}
          {INTAKE_FILE_ROLES.map((role) => (
            <FileField lang={lang} form={form} name={role} label={FILE_ROLE_LABELS[role]} hint={FILE_HINTS[role]} multiple={role === 'member_ids'} accept={INTAKE_ACCEPT} />
          ))}
        </fieldset>
        <div class="field">
          <div class="check">
            <input type="checkbox" id="f-allowMissing" name="allowMissing" value="yes" checked={form.values.allowMissing === 'yes'} aria-describedby="f-allowMissing-hint" />
            <label for="f-allowMissing">{say(lang, text('Catat walau kelengkapan belum ada', 'Record even though documents are missing'))}</label>
          </div>
          <p class="hint" id="f-allowMissing-hint">
            {say(
              lang,
              text(
                `Permohonan yang belum lengkap tidak ditolak. Bila NIK, nomor akta/SK, akta, surat kuasa atau KTP anggota belum ada, permohonan tetap didaftarkan; pemohon diberi tahu kekurangannya dan diminta melengkapinya dalam ${props.office.completionDays} hari kerja. Isian yang terisi tetapi salah (misalnya NIK yang keliru) tetap harus diperbaiki. Batas waktu pemberitahuan tertulis tetap berjalan.`,
                `An incomplete request is not refused. If the NIK, the deed or SK number, the deed, the power of attorney or the members' cards are missing, the request is still registered; the applicant is told what is missing and asked to bring it within ${props.office.completionDays} working days. A value given but wrong (a mistyped NIK, say) must still be corrected. The written notice's deadline keeps running.`,
              ),
            )}
          </p>
        </div>
        <button type="submit">{say(lang, text('Simpan dan beri nomor pendaftaran', 'Save and give a registration number'))}</button>
      </form>
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------------
// One request

export type LetterFacts = { id: number; kind: string; number: string; issuedOn: string; subject: string; verifyCode: string };

export interface RequestPageData {
  readonly office: OfficeRow;
  readonly request: RequestRow;
  readonly files: readonly FileFacts[];
  readonly dispositions: readonly DispositionView[];
  readonly letters: readonly LetterFacts[];
  readonly events: readonly TimelineEvent[];
  readonly deadline: DeadlineRow | undefined;
  readonly extension: DeadlineRow | undefined;
  /** The clock an overturned objection started (src/requests/service.ts reopenRequest). */
  readonly reopened: DeadlineRow | undefined;
  readonly objections: readonly ObjectionRow[];
  readonly units: readonly UnitRow[];
  readonly actions: readonly Action[];
  readonly today: string;
  readonly calendar: OfficeCalendar;
  /** An incomplete request: the day the applicant was asked to complete it by. */
  readonly completeBy: string | undefined;
}

/** A form on the request page that came back: which one, and what was typed and wrong. */
export interface ActionState {
  readonly key: string;
  readonly form: FormState;
}

/** Every field name of the action forms, unique on the page so each label finds its own input. */
export const ACTION_LABELS: Readonly<Record<string, Text>> = {
  handover_items: text('Informasi yang diserahkan', 'Information handed over'),
  handover_note: text('Catatan', 'Note'),
  exempt_pasal17: text('Dasar pengecualian (Pasal 17 UU KIP)', 'Ground for exemption (Article 17)'),
  exempt_dik: text('Entri Daftar Informasi yang Dikecualikan (DIK)', 'Entry in the list of exempt information (DIK)'),
  exempt_explanation: text('Penjelasan kepada pemohon', 'Explanation to the applicant'),
  escalate_note: text('Nota dinas kepada PPID', 'Memo (nota dinas) to the PPID'),
  dispose_units: text('Unit tujuan', 'Units'),
  dispose_instruction: text('Arahan disposisi', 'Instruction'),
  dispose_due: text('Batas jawaban unit', "Units' answer date"),
  files: text('Berkas jawaban', 'Answer files'),
  extend_reason: text('Alasan perpanjangan', 'Reason for the extension'),
  outcome: text('Keputusan', 'Decision'),
  category: text('Kategori informasi', 'Category of the information'),
  form: text('Bentuk informasi', 'Form of the information'),
  perPage: text('Biaya penggandaan per halaman (Rp)', 'Copying cost per page (Rp)'),
  pages: text('Jumlah halaman', 'Number of pages'),
  delivery: text('Biaya pengiriman (Rp)', 'Delivery cost (Rp)'),
  other: text('Biaya lain (Rp)', 'Other costs (Rp)'),
  timeToProvide: text('Waktu penyediaan informasi', 'When the information is provided'),
  withheld: text('Bagian yang tidak diberikan dan alasannya', 'What is withheld and why'),
  pasal17: text('Dasar penolakan (Pasal 17 UU KIP)', 'Ground for refusal (Article 17)'),
  otherLaw: text('Undang-undang lain (huruf j)', 'Other law (letter j)'),
  consequence: text('Konsekuensi bila informasi dibuka (uji konsekuensi)', 'Consequence of disclosure (consequence test)'),
  holder: text('Badan publik yang menguasai informasi', 'The body that holds the information'),
  documentedBy: text('Kapan informasi akan didokumentasikan', 'When it will be documented'),
  note: text('Catatan pada pemberitahuan', 'Note on the notice'),
  deliver_mode: text('Cara penyerahan', 'How it is delivered'),
  deliver_note: text('Catatan penyerahan', 'Delivery note'),
  deliver_payment: text('Cara pembayaran biaya', 'How the costs were paid'),
  complete_nik: MISSING_LABELS.nik,
  complete_legalNumber: MISSING_LABELS.legalNumber,
  complete_legal_deed: MISSING_LABELS.legal_deed,
  complete_proxy_letter: MISSING_LABELS.proxy_letter,
  complete_member_ids: MISSING_LABELS.member_ids,
};

export const releaseReasonField = (fileId: number) => `reason_${fileId}`;

const ACTION_TITLES: Readonly<Record<string, Text>> = {
  hand_over: text('Serahkan langsung di desk', 'Hand over at the desk'),
  explain_exempt: text('Jelaskan sebagai informasi dikecualikan', 'Explain as exempt information'),
  escalate: text('Teruskan ke PPID (nota dinas)', 'Escalate to the PPID (memo)'),
  complete: text('Catat kelengkapan yang dibawa pemohon', 'Record the documents the applicant brought'),
  dispose: text('Disposisi ke unit', 'Assign to units'),
  attach: text('Lampirkan berkas jawaban', 'Attach answer files'),
  extend: text('Perpanjang jangka waktu', 'Extend the deadline'),
  decide: text('Terbitkan pemberitahuan tertulis', 'Issue the written notice'),
  deliver: text('Serahkan / kirim kepada pemohon', 'Deliver to the applicant'),
  release: text('Putuskan berkas jawaban', 'Settle an answer file'),
};

function actionTitle(key: string): Text {
  return ACTION_TITLES[key.startsWith('release-') ? 'release' : key] ?? text('Langkah', 'Step');
}

function numberIn(after: unknown, key: string): number | undefined {
  if (!after || typeof after !== 'object') return undefined;
  const value = (after as Record<string, unknown>)[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

const TIMED_STEPS: Readonly<Record<string, { label: Text; minutes: string }>> = {
  'request.received': { label: text('Pencatatan permohonan (langkah 1)', 'Recording the request (step 1)'), minutes: 'intakeMinutes' },
  'request.handed_over': { label: text('Penyerahan langsung di desk (langkah 2)', 'Handing over at the desk (step 2)'), minutes: 'minutes' },
  'request.exempt_explained': { label: text('Penjelasan informasi dikecualikan (langkah 3)', 'Explaining exempt information (step 3)'), minutes: 'minutes' },
};

/** The SOP's timed steps as recorded in the audit events: minutes taken against the standard. */
function sopTimes(events: readonly TimelineEvent[]): { label: Text; minutes: number; sop: number }[] {
  const out: { label: Text; minutes: number; sop: number }[] = [];
  for (const e of events) {
    const step = TIMED_STEPS[e.action];
    const minutes = step ? numberIn(e.after, step.minutes) : undefined;
    const sop = numberIn(e.after, 'sopMinutes');
    if (step && minutes !== undefined && sop !== undefined) out.push({ label: step.label, minutes, sop });
  }
  return out;
}

function ApplicantFacts(props: { lang: Lang; request: RequestRow }): JSX.Element {
  const { lang, request: r } = props;
  const row = (term: Text, value: string) => (
    <>
      <dt>{say(lang, term)}</dt>
      <dd safe>{value || '—'}</dd>
    </>
  );
  return (
    <dl class="facts">
      {row(INTAKE_LABELS.applicantType!, label(lang, APPLICANT_TYPE_LABELS, r.applicantType))}
      {row(INTAKE_LABELS.name!, r.name)}
      {r.applicantType === 'legal_entity' ? row(INTAKE_LABELS.legalNumber!, r.legalNumber) : row(text('NIK (disamarkan)', 'NIK (masked)'), r.nik ? maskNik(r.nik) : '')}
      {row(INTAKE_LABELS.address!, r.address)}
      {row(INTAKE_LABELS.phone!, r.phone)}
      {row(INTAKE_LABELS.email!, r.email)}
      {row(INTAKE_LABELS.occupation!, r.occupation)}
      {r.proxyName ? row(text('Penerima kuasa', 'Proxy'), r.proxyName) : ''}
    </dl>
  );
}

function DeadlineSection(props: { lang: Lang; data: RequestPageData }): JSX.Element {
  const { lang, data } = props;
  const { deadline, extension, reopened, request } = data;
  if (!deadline) return <p>{say(lang, text('Tidak ada batas waktu tercatat.', 'No deadline recorded.'))}</p>;
  const current = extension ?? deadline;
  const open = request.status === 'received' || request.status === 'escalated';
  return (
    <>
      {reopened ? <ReopenedDeadline lang={lang} data={data} reopened={reopened} open={open} /> : ''}
      <p>
        {say(lang, extension ? text('Batas waktu pemberitahuan tertulis (sesudah perpanjangan): ', 'Written notice due (after the extension): ') : text('Batas waktu pemberitahuan tertulis: ', 'Written notice due: '))}
        <DueDate lang={lang} due={current.due} flag={open && !reopened ? dueFlag(current.due, data.today, data.calendar) : undefined} />
      </p>
      {current.closedAt ? <p safe>{`${t(lang, text('Jam dihentikan', 'Clock stopped'))}: ${formatMoment(lang, current.closedAt, data.office.timeZone)}`}</p> : ''}
      {extension ? (
        <p safe>
          {t(
            lang,
            text(
              `Diperpanjang ${extension.workingDays} hari kerja sesudah batas semula (${formatDay('id', deadline.due)}), sampai ${formatDay('id', extension.due)}. Alasan: ${request.extensionReason ?? ''}`,
              `Extended by ${extension.workingDays} working days after the first due date (${formatDay('en', deadline.due)}), to ${formatDay('en', extension.due)}. Reason: ${request.extensionReason ?? ''}`,
            ),
          )}
        </p>
      ) : (
        ''
      )}
      <details open={!extension && !reopened}>
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

/** The clock an overturned objection started (deadlines purpose 'objection_reopen'): it runs now, the earlier ones stand closed below it. */
function ReopenedDeadline(props: { lang: Lang; data: RequestPageData; reopened: DeadlineRow; open: boolean }): JSX.Element {
  const { lang, data, reopened } = props;
  const objection = data.objections.filter((o) => o.status === 'overturned').at(-1);
  const order = (objection?.decision as { order?: unknown } | null)?.order;
  return (
    <>
      <p>
        {say(lang, text('Batas waktu memberikan informasi setelah dibuka kembali oleh putusan keberatan: ', 'Due to give the information after the objection decision reopened the request: '))}
        <DueDate lang={lang} due={reopened.due} flag={props.open && !reopened.closedAt ? dueFlag(reopened.due, data.today, data.calendar) : undefined} />
      </p>
      {reopened.closedAt ? <p safe>{`${t(lang, text('Jam dihentikan', 'Clock stopped'))}: ${formatMoment(lang, reopened.closedAt, data.office.timeZone)}`}</p> : ''}
      <p>
        {say(lang, text(`Atasan PPID membatalkan keputusan PPID dan membuka kembali permohonan ini dengan ${reopened.workingDays} hari kerja sejak putusan`, `The Atasan PPID overturned the PPID's decision and reopened this request with ${reopened.workingDays} working days from the decision`))}
        {objection ? (
          <>
            {say(lang, text(' (keberatan ', ' (objection '))}
            <a href={`/desk/keberatan/${objection.id}`} safe>
              {objection.number}
            </a>
            {')'}
          </>
        ) : (
          ''
        )}
        {typeof order === 'string' && order ? <span safe>{`. ${t(lang, text('Yang wajib diberikan', 'To be given'))}: ${order}`}</span> : ''}.
      </p>
      <details open>
        <summary>{say(lang, text(`Cara menghitung batas ${reopened.workingDays} hari kerja sejak putusan keberatan`, `How the ${reopened.workingDays}-working-day due date from the objection decision was counted`))}</summary>
        <ol class="explain">
          {explainDeadline(reopened.explanation as DeadlineResult, lang, REOPEN_STARTED_BY).map((line) => (
            <li safe>{line}</li>
          ))}
        </ol>
      </details>
      <h3>{say(lang, text('Batas waktu sebelum dibuka kembali', 'The deadline before the reopening'))}</h3>
    </>
  );
}

const RELEASE_LABELS: Readonly<Record<string, Text>> = {
  pending: text('Belum diputuskan', 'Not settled yet'),
  released: text('Diberikan kepada pemohon', 'Released to the applicant'),
  withheld: text('Tidak diberikan', 'Withheld'),
};

function AnswerFile(props: { ctx: PageContext; file: FileFacts; canSettle: boolean; canPromote: boolean; state: ActionState | undefined }): JSX.Element {
  const { ctx, file } = props;
  const lang = ctx.lang;
  const report = file.check as CheckReport | null;
  const findings = report?.findings.length ?? 0;
  const key = `release-${file.id}`;
  const form = props.state?.key === key ? props.state.form : EMPTY_FORM;
  const reasonField = releaseReasonField(file.id);
  return (
    <section class="answer-file" id={`act-${key}`} aria-labelledby={`file-${file.id}`}>
      <h3 id={`file-${file.id}`} safe>
        {file.name}
      </h3>
      <p>
        <a href={`/desk/berkas/${file.id}`} safe>
          {`${t(lang, text('Unduh', 'Download'))} ${file.name} (${formatSize(file.size)})`}
        </a>
      </p>
      <p safe>{`${t(lang, text('Status', 'Status'))}: ${label(lang, RELEASE_LABELS, file.release)}${file.releaseNote ? ` — ${file.releaseNote}` : ''}`}</p>
      {props.canPromote && file.release === 'released' ? (
        <p>
          <a href={`/desk/dip/dari-berkas/${file.id}`} safe>
            {t(lang, text(`Jadikan informasi DIP: ${file.name}`, `Make it a DIP item: ${file.name}`))}
          </a>
        </p>
      ) : (
        ''
      )}
      {report === null ? (
        <p>{say(lang, text('Berkas ini belum diperiksa pemeriksa berkas.', 'The file checker has not looked at this file.'))}</p>
      ) : findings === 0 ? (
        <p>{say(lang, text('Pemeriksa berkas tidak menemukan data pribadi atau isi tersembunyi.', 'The file checker found no personal data or hidden content.'))}</p>
      ) : (
        <>
          <p class="warning">
            {say(
              lang,
              text(
                `Pemeriksa berkas menemukan ${findings} temuan. Sebaiknya perbaiki berkasnya (hapus atau hitamkan bagian itu) lalu unggah ulang, dan tahan berkas ini. Bila temuan itu memang boleh dibuka, berkas ini hanya dapat diberikan dengan alasan tertulis (paling sedikit 10 karakter); alasan dan jumlah temuan dicatat di log audit.`,
                `The file checker found ${findings} finding(s). Better fix the file (remove or black out those parts), upload it again and withhold this one. If the findings may be disclosed, this file can be released only with a written reason (at least 10 characters); the reason and the number of findings are recorded in the audit log.`,
              ),
            )}
          </p>
          <FindingsTable lang={lang} file={file} report={report} />
        </>
      )}
      {props.canSettle && file.release === 'pending' ? (
        <form method="post" action={`/desk/berkas/${file.id}/rilis`} novalidate>
          <ErrorSummary lang={lang} form={form} labels={{ [reasonField]: text('Alasan', 'Reason') }} />
          <CsrfField token={ctx.csrfToken} />
          <TextArea
            lang={lang}
            form={form}
            name={reasonField}
            label={text(`Alasan untuk ${file.name}`, `Reason for ${file.name}`)}
            rows={2}
            required={findings > 0}
            hint={
              findings > 0
                ? text('Wajib: mengapa temuan di atas boleh dibuka, atau mengapa berkas ditahan.', 'Required: why the findings above may be disclosed, or why the file is withheld.')
                : text('Wajib bila berkas ditahan.', 'Required when the file is withheld.')
            }
          />
          <button type="submit" name="release" value="yes">
            {say(lang, text('Berikan berkas ini', 'Release this file'))}
          </button>{' '}
          <button type="submit" name="release" value="no" class="secondary">
            {say(lang, text('Tahan (tidak diberikan)', 'Withhold'))}
          </button>
        </form>
      ) : (
        ''
      )}
    </section>
  );
}

/** One action's form: its heading, its error summary when it came back, and its fields. */
function ActionForm(props: { ctx: PageContext; formKey: string; action: string; state: ActionState | undefined; multipart?: boolean; intro?: Text; submit: Text; fields: (form: FormState) => JSX.Element }): JSX.Element {
  const { ctx } = props;
  const form = props.state?.key === props.formKey ? inFieldOrder(props.state.form, ACTION_LABELS) : EMPTY_FORM;
  return (
    <section class="action" id={`act-${props.formKey}`} aria-labelledby={`act-${props.formKey}-title`}>
      <h3 id={`act-${props.formKey}-title`}>{say(ctx.lang, actionTitle(props.formKey))}</h3>
      {props.intro ? <p class="hint">{say(ctx.lang, props.intro)}</p> : ''}
      <ErrorSummary lang={ctx.lang} form={form} labels={ACTION_LABELS} />
      <form method="post" action={props.action} enctype={props.multipart ? 'multipart/form-data' : undefined} class="narrow" novalidate>
        <CsrfField token={ctx.csrfToken} />
        {props.fields(form)}
        <button type="submit">{say(ctx.lang, props.submit)}</button>
      </form>
    </section>
  );
}

const DELIVERY_MODE_LABELS: Readonly<Record<string, Text>> = {
  desk: text('Diserahkan di desk, dengan tanda terima', 'At the desk, against a receipt'),
  email: text('E-mail (berkas lewat tautan unduhan)', 'E-mail (files through a download link)'),
  post: text('Pos / kurir', 'Post / courier'),
  fax: text('Faksimili', 'Fax'),
};
const MODE_FOR_METHOD: Readonly<Record<string, string>> = { collect: 'desk', email: 'email', post: 'post', fax: 'fax' };

/** What the written notice charges the applicant; nothing for a request without one. */
function costDue(request: RequestRow): number {
  const costs = (request.decision as Partial<Decision> | null)?.costs;
  return costs ? costTotal(costs) : 0;
}

function ActionForms(props: { ctx: PageContext; data: RequestPageData; state: ActionState | undefined }): JSX.Element {
  const { ctx, data, state } = props;
  const lang = ctx.lang;
  const id = data.request.id;
  const can = (a: Action) => data.actions.includes(a);
  const due = (data.reopened ?? data.extension ?? data.deadline)?.due;
  const pending = data.files.filter((f) => f.role === 'answer' && f.release === 'pending').length;
  const activeUnits = data.units.filter((u) => u.active);
  const choose = { value: '', label: text('— pilih —', '— choose —') };
  const pasalOptions = [choose, ...PASAL17.map((p) => ({ value: p, label: PASAL17_LABELS[p] }))];
  const forms: JSX.Element[] = [];

  if (can('hand_over')) {
    forms.push(
      <ActionForm
        ctx={ctx}
        formKey="hand_over"
        action={`/desk/permohonan/${id}/serahkan`}
        state={state}
        submit={text('Serahkan dan buat tanda terima', 'Hand over and make the receipt')}
        intro={text(
          `SOP langkah 2: informasi tersedia dan bukan informasi dikecualikan; standar ${SOP_MINUTES.hand_over} menit. Tanda terima bernomor dibuat dan permohonan selesai.`,
          `SOP step 2: the information is at hand and not exempt; standard ${SOP_MINUTES.hand_over} minutes. A numbered receipt is made and the request is closed.`,
        )}
        fields={(form) => (
          <>
            <TextArea
              lang={lang}
              form={form}
              name="handover_items"
              label={ACTION_LABELS.handover_items!}
              rows={3}
              required
              hint={text('Satu baris untuk setiap informasi, misalnya "Salinan SK DPT (3 halaman)".', 'One line per item, e.g. "Copy of the voter list decree (3 pages)".')}
            />
            <TextArea lang={lang} form={form} name="handover_note" label={ACTION_LABELS.handover_note!} rows={2} />
          </>
        )}
      />,
    );
  }

  if (can('explain_exempt')) {
    forms.push(
      <ActionForm
        ctx={ctx}
        formKey="explain_exempt"
        action={`/desk/permohonan/${id}/dikecualikan`}
        state={state}
        submit={text('Catat penjelasan dan buat surat', 'Record the explanation and make the letter')}
        intro={text(
          `SOP langkah 3: informasi yang diminta tercantum dalam DIK; standar ${SOP_MINUTES.exempt_explained} menit. Surat penjelasan memuat hak keberatan pemohon.`,
          `SOP step 3: the information requested is in the DIK; standard ${SOP_MINUTES.exempt_explained} minutes. The letter tells the applicant of the right to object.`,
        )}
        fields={(form) => (
          <>
            <SelectField lang={lang} form={form} name="exempt_pasal17" label={ACTION_LABELS.exempt_pasal17!} required options={pasalOptions} />
            <TextField lang={lang} form={form} name="exempt_dik" label={ACTION_LABELS.exempt_dik!} required hint={text('Nomor dan judul entri DIK yang dirujuk.', 'The number and title of the DIK entry.')} />
            <TextArea lang={lang} form={form} name="exempt_explanation" label={ACTION_LABELS.exempt_explanation!} rows={3} required />
          </>
        )}
      />,
    );
  }

  if (can('complete')) {
    const missing = missingItems(data.request.missing);
    forms.push(
      <ActionForm
        ctx={ctx}
        formKey="complete"
        action={`/desk/permohonan/${id}/lengkapi`}
        state={state}
        multipart
        submit={text('Simpan kelengkapan', 'Save the documents')}
        intro={text(
          'Isi atau lampirkan yang dibawa pemohon; yang belum dibawa tetap tercatat sebagai belum ada. Batas waktu pemberitahuan tertulis tidak berubah.',
          'Fill in or attach what the applicant brought; anything not brought stays listed as missing. The written notice is due on the same day as before.',
        )}
        fields={(form) => (
          <>
            {missing.includes('nik') ? (
              <TextField lang={lang} form={form} name="complete_nik" label={ACTION_LABELS.complete_nik!} inputmode="numeric" autocomplete="off" hint={text('16 angka pada KTP.', '16 digits on the identity card.')} />
            ) : (
              ''
            )}
            {missing.includes('legalNumber') ? <TextField lang={lang} form={form} name="complete_legalNumber" label={ACTION_LABELS.complete_legalNumber!} /> : ''}
            {MISSING_FILE_ROLES.filter((role) => missing.includes(role)).map((role) => (
              <FileField
                lang={lang}
                form={form}
                name={`complete_${role}`}
                label={ACTION_LABELS[`complete_${role}`]!}
                hint={text('PDF, PNG atau JPEG, paling besar 20 MB per berkas.', 'PDF, PNG or JPEG, at most 20 MB per file.')}
                multiple={role === 'member_ids'}
                accept={INTAKE_ACCEPT}
              />
            ))}
          </>
        )}
      />,
    );
  }

  if (can('escalate')) {
    forms.push(
      <ActionForm
        ctx={ctx}
        formKey="escalate"
        action={`/desk/permohonan/${id}/teruskan`}
        state={state}
        submit={text('Teruskan ke PPID', 'Escalate to the PPID')}
        intro={text(
          'SOP langkah 4: informasi tidak dapat diberikan langsung. PPID menerima nota dinas ini lewat e-mail; pemohon diberi tahu.',
          'SOP step 4: the information cannot be given at once. The PPID gets this memo by e-mail; the applicant is told.',
        )}
        fields={(form) => <TextArea lang={lang} form={form} name="escalate_note" label={ACTION_LABELS.escalate_note!} rows={3} required />}
      />,
    );
  }

  if (can('dispose') && activeUnits.length === 0) {
    forms.push(
      <section class="action" id="act-dispose">
        <h3>{say(lang, actionTitle('dispose'))}</h3>
        <p>{say(lang, text('Kantor ini belum memiliki unit aktif. Admin kantor menambahkannya di halaman Unit.', 'This office has no active unit yet. The office admin adds them on the Units page.'))}</p>
      </section>,
    );
  } else if (can('dispose')) {
    forms.push(
      <ActionForm
        ctx={ctx}
        formKey="dispose"
        action={`/desk/permohonan/${id}/disposisi`}
        state={state}
        submit={text('Kirim disposisi', 'Send the assignment')}
        intro={text('Unit menerima disposisi lewat e-mail dan menjawabnya di halaman Disposisi.', 'Units get the assignment by e-mail and answer it on the Assignments page.')}
        fields={(form) => (
          <>
            <CheckboxGroup
              lang={lang}
              form={form}
              name="dispose_units"
              label={ACTION_LABELS.dispose_units!}
              required
              options={activeUnits.map((u) => ({ value: String(u.id), label: text(u.name, u.name) }))}
            />
            <TextArea lang={lang} form={form} name="dispose_instruction" label={ACTION_LABELS.dispose_instruction!} rows={3} required />
            <TextField
              lang={lang}
              form={form}
              name="dispose_due"
              type="date"
              label={ACTION_LABELS.dispose_due!}
              required
              hint={due ? text(`Paling lambat ${formatDay('id', due)}, batas pemberitahuan tertulis.`, `No later than ${formatDay('en', due)}, when the written notice is due.`) : undefined}
            />
          </>
        )}
      />,
    );
  }

  if (can('extend') && data.reopened) {
    forms.push(
      <section class="action" id="act-extend">
        <h3>{say(lang, actionTitle('extend'))}</h3>
        <p>{say(lang, text('Permohonan ini dibuka kembali oleh putusan keberatan; jangka waktunya ditetapkan putusan itu dan tidak dapat diperpanjang.', 'This request was reopened by an objection decision; that decision set its period, which cannot be extended.'))}</p>
      </section>,
    );
  } else if (can('extend') && data.extension) {
    forms.push(
      <section class="action" id="act-extend">
        <h3>{say(lang, actionTitle('extend'))}</h3>
        <p>{say(lang, text('Jangka waktu sudah diperpanjang; undang-undang hanya mengizinkan satu kali perpanjangan.', 'The deadline was already extended; the law allows one extension only.'))}</p>
      </section>,
    );
  } else if (can('extend')) {
    forms.push(
      <ActionForm
        ctx={ctx}
        formKey="extend"
        action={`/desk/permohonan/${id}/perpanjang`}
        state={state}
        submit={text('Perpanjang dan kirim pemberitahuan', 'Extend and send the notice')}
        intro={text(
          'Sekali saja, dengan alasan tertulis: surat pemberitahuan perpanjangan dibuat dan dikirim kepada pemohon.',
          'Once only, with a written reason: the extension notice is made and sent to the applicant.',
        )}
        fields={(form) => <TextArea lang={lang} form={form} name="extend_reason" label={ACTION_LABELS.extend_reason!} rows={3} required />}
      />,
    );
  }

  if (can('decide')) {
    forms.push(
      <ActionForm
        ctx={ctx}
        formKey="decide"
        action={`/desk/permohonan/${id}/putuskan`}
        state={state}
        submit={text('Terbitkan pemberitahuan tertulis', 'Issue the written notice')}
        intro={text(
          'Pilih keputusan, lalu isi hanya kelompok isian untuk keputusan itu; isian tanpa tanda "opsional" wajib bila keputusan itu dipilih. Penolakan juga menerbitkan SK Penolakan.',
          'Choose the decision, then fill in only the group of fields for it; fields not marked "optional" are required for that decision. A refusal also issues the SK Penolakan.',
        )}
        fields={(form) => <DecisionFields lang={lang} form={form} pending={pending} pasalOptions={pasalOptions} />}
      />,
    );
  }

  if (can('deliver')) {
    forms.push(
      <ActionForm
        ctx={ctx}
        formKey="deliver"
        action={`/desk/permohonan/${id}/kirim`}
        state={state}
        submit={text('Catat penyerahan', 'Record the delivery')}
        intro={text(
          'SOP langkah 5: hanya berkas yang diberikan (dirilis) yang sampai kepada pemohon. Di desk dibuat tanda terima; lewat e-mail dikirim tautan unduhan.',
          'SOP step 5: only released files reach the applicant. At the desk a receipt is made; by e-mail a download link is sent.',
        )}
        fields={(form) => {
          // The applicant's own choice of how to receive it is the likely way, so it comes chosen.
          const shown = form === EMPTY_FORM ? { ...form, values: { deliver_mode: MODE_FOR_METHOD[data.request.deliveryMethod] ?? '' } } : form;
          const cost = costDue(data.request);
          return (
            <>
              <SelectField
                lang={lang}
                form={shown}
                name="deliver_mode"
                label={ACTION_LABELS.deliver_mode!}
                required
                options={[choose, ...Object.entries(DELIVERY_MODE_LABELS).map(([value, l]) => ({ value, label: l }))]}
              />
              {cost > 0 ? (
                <>
                  <p>
                    <strong safe>{`${t(lang, text('Biaya yang dibayar pemohon', 'Costs the applicant pays'))}: ${rupiah(cost)}`}</strong>{' '}
                    {say(lang, text('(penyalinan, pengiriman dan lain-lain, menurut pemberitahuan tertulis)', '(copying, delivery and other, as the written notice states)'))}
                  </p>
                  <SelectField
                    lang={lang}
                    form={shown}
                    name="deliver_payment"
                    label={ACTION_LABELS.deliver_payment!}
                    required
                    options={[choose, ...PAYMENT_METHODS.map((p) => ({ value: p, label: PAYMENT_LABELS[p] }))]}
                  />
                </>
              ) : (
                <p class="hint">{say(lang, text('Pemberitahuan tertulis tidak mengenakan biaya; tidak ada pembayaran yang dicatat.', 'The written notice charges nothing; no payment is recorded.'))}</p>
              )}
              <TextArea lang={lang} form={shown} name="deliver_note" label={ACTION_LABELS.deliver_note!} rows={2} hint={text('Pos/kurir: nomor resi. Faksimile: nomor faks tujuan.', 'Post/courier: the tracking number. Fax: the fax number.')} />
            </>
          );
        }}
      />,
    );
  }

  if (forms.length === 0) return <p>{say(lang, text('Tidak ada langkah yang dapat Anda ambil pada status ini.', 'There is no step you can take in this status.'))}</p>;
  return <>{forms}</>;
}

/** The written notice's fields, every one visible (no script), grouped by the outcome that needs it. */
function DecisionFields(props: { lang: Lang; form: FormState; pending: number; pasalOptions: readonly { value: string; label: Text }[] }): JSX.Element {
  const { lang, form } = props;
  const choose = { value: '', label: text('— pilih —', '— choose —') };
  return (
    <>
      {props.pending > 0 ? (
        <p class="warning">
          {say(
            lang,
            text(
              `Masih ada ${props.pending} berkas jawaban yang belum diputuskan. Putuskan setiap berkas (berikan atau tahan) sebelum menerbitkan pemberitahuan.`,
              `${props.pending} answer file(s) are not settled yet. Release or withhold each file before issuing the notice.`,
            ),
          )}
        </p>
      ) : (
        ''
      )}
      <SelectField lang={lang} form={form} name="outcome" label={ACTION_LABELS.outcome!} required options={[choose, ...NOTICE_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))]} />
      <SelectField
        lang={lang}
        form={form}
        name="category"
        label={ACTION_LABELS.category!}
        hint={text('Untuk statistik laporan tahunan. Informasi yang ditolak dicatat sebagai informasi dikecualikan.', 'For the annual report. Refused information is recorded as exempt.')}
        options={[{ value: '', label: text('— tidak ditentukan —', '— not given —') }, ...OPEN_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))]}
      />
      <fieldset class="outcome">
        <legend>{say(lang, text('Bila dikabulkan seluruhnya atau sebagian', 'If granted in full or in part'))}</legend>
        <SelectField
          lang={lang}
          form={form}
          name="form"
          label={ACTION_LABELS.form!}
          required
          options={[
            choose,
            { value: 'soft', label: text('Softcopy', 'Softcopy') },
            { value: 'hard', label: text('Hardcopy', 'Hardcopy') },
            { value: 'both', label: text('Softcopy dan hardcopy', 'Softcopy and hardcopy') },
          ]}
        />
        <p class="hint">
          {say(
            lang,
            text(
              'Layanan gratis; pemohon hanya membayar biaya nyata penggandaan dan pengiriman. Kosongkan biaya bila tidak ada. Jumlahnya dihitung pada surat.',
              'The service is free; the applicant pays only real copying and delivery costs. Leave costs empty when there are none. The total is worked out on the letter.',
            ),
          )}
        </p>
        <TextField lang={lang} form={form} name="perPage" inputmode="numeric" label={ACTION_LABELS.perPage!} />
        <TextField lang={lang} form={form} name="pages" inputmode="numeric" label={ACTION_LABELS.pages!} />
        <TextField lang={lang} form={form} name="delivery" inputmode="numeric" label={ACTION_LABELS.delivery!} />
        <TextField lang={lang} form={form} name="other" inputmode="numeric" label={ACTION_LABELS.other!} />
        <TextField lang={lang} form={form} name="timeToProvide" label={ACTION_LABELS.timeToProvide!} required hint={text('Misalnya "saat pemberitahuan ini diterima".', 'E.g. "when this notice is received".')} />
        <TextArea
          lang={lang}
          form={form}
          name="withheld"
          label={ACTION_LABELS.withheld!}
          rows={2}
          hint={text('Wajib untuk dikabulkan sebagian: bagian yang dihitamkan dan alasannya.', 'Required when granted in part: the blacked-out parts and why.')}
        />
      </fieldset>
      <fieldset class="outcome">
        <legend>{say(lang, text('Bila ditolak', 'If refused'))}</legend>
        <SelectField lang={lang} form={form} name="pasal17" label={ACTION_LABELS.pasal17!} required options={props.pasalOptions} />
        <TextField lang={lang} form={form} name="otherLaw" label={ACTION_LABELS.otherLaw!} hint={text('Hanya untuk huruf j: nama undang-undang yang mengecualikan.', 'Letter j only: the law that exempts it.')} />
        <TextArea
          lang={lang}
          form={form}
          name="consequence"
          label={ACTION_LABELS.consequence!}
          rows={3}
          required
          hint={text('Akibat yang timbul bila informasi dibuka, dari uji konsekuensi.', 'What would follow from disclosure, from the consequence test.')}
        />
      </fieldset>
      <fieldset class="outcome">
        <legend>{say(lang, text('Bila informasi tidak dikuasai', 'If the information is not held'))}</legend>
        <TextField lang={lang} form={form} name="holder" label={ACTION_LABELS.holder!} hint={text('Bila diketahui; pemohon dapat memintanya ke sana.', 'If known; the applicant may ask there.')} />
      </fieldset>
      <fieldset class="outcome">
        <legend>{say(lang, text('Bila informasi belum didokumentasikan', 'If the information is not yet documented'))}</legend>
        <TextField lang={lang} form={form} name="documentedBy" label={ACTION_LABELS.documentedBy!} required hint={text('Misalnya "paling lambat 30 Juni 2026".', 'E.g. "by 30 June 2026".')} />
      </fieldset>
      <TextArea lang={lang} form={form} name="note" label={ACTION_LABELS.note!} rows={2} />
    </>
  );
}

/** The keys of the forms the page shows, so a refusal for a form not shown goes to the top of the page. */
function shownForms(data: RequestPageData): Set<string> {
  const keys = new Set<string>(data.actions.filter((a) => a !== 'answer_disposition' && !(a === 'dispose' && !data.units.some((u) => u.active)) && !(a === 'extend' && (data.extension || data.reopened))));
  if (data.actions.includes('answer_disposition')) keys.add('attach');
  if (data.actions.includes('decide')) for (const f of data.files) if (f.role === 'answer' && f.release === 'pending') keys.add(`release-${f.id}`);
  return keys;
}

const LETTER_KINDS: Readonly<Record<string, Text>> = {
  tanda_terima: text('Tanda terima', 'Receipt'),
  penjelasan_dikecualikan: text('Penjelasan informasi dikecualikan', 'Exempt information explained'),
  pemberitahuan_perpanjangan: text('Pemberitahuan perpanjangan', 'Extension notice'),
  pemberitahuan_tertulis: text('Pemberitahuan tertulis', 'Written notice'),
  sk_penolakan: text('SK Penolakan', 'Refusal decision'),
};

const OBJECTION_FILERS: readonly string[] = ['desk_officer', 'ppid', 'atasan_ppid'];

/** The request's objections (src/objections), each linked to its own page, and the way to record one at the desk. */
function ObjectionsSection(props: { ctx: PageContext; data: RequestPageData }): JSX.Element {
  const { ctx, data } = props;
  const lang = ctx.lang;
  const mayFile = !!ctx.staff && ctx.staff.roles.some((r) => OBJECTION_FILERS.includes(r));
  return (
    <>
      {data.objections.length === 0 ? (
        <p>{say(lang, text('Belum ada keberatan atas permohonan ini.', 'No objection to this request yet.'))}</p>
      ) : (
        <DataTable lang={lang} id="objections" caption={text('Keberatan atas permohonan ini', 'Objections to this request')}>
          <thead>
            <tr>
              <th scope="col">{say(lang, text('Nomor keberatan', 'Objection number'))}</th>
              <th scope="col">{say(lang, text('Alasan', 'Grounds'))}</th>
              <th scope="col">{say(lang, text('Status', 'Status'))}</th>
            </tr>
          </thead>
          <tbody>
            {data.objections.map((o) => (
              <tr>
                <td>
                  <a href={`/desk/keberatan/${o.id}`} safe>
                    {o.number}
                  </a>
                </td>
                <td safe>{o.grounds.map((g) => (isGround(g) ? t(lang, GROUND_LABELS[g]) : g)).join('; ')}</td>
                <td safe>{label(lang, OBJECTION_STATUS_LABELS, o.status)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {mayFile ? (
        <p>
          <a class="button" href={`/desk/keberatan/baru?permohonan=${data.request.id}`}>
            {say(lang, text('Catat keberatan', 'Record an objection'))}
          </a>
        </p>
      ) : (
        ''
      )}
    </>
  );
}

export function RequestPage(props: { ctx: PageContext; data: RequestPageData; state?: ActionState | undefined }): JSX.Element {
  const { ctx, data, state } = props;
  const lang = ctx.lang;
  const { request: r, office } = data;
  const intakeFiles = data.files.filter((f) => f.role !== 'answer');
  const answerFiles = data.files.filter((f) => f.role === 'answer');
  const times = sopTimes(data.events);
  const shown = shownForms(data);
  const stateShown = state !== undefined && shown.has(state.key);
  return (
    <Layout ctx={ctx} title={text(`Permohonan ${r.number}`, `Request ${r.number}`)} officeName={office.name}>
      {state && !stateShown ? (
        <ErrorSummary lang={lang} form={{ ...state.form, summary: state.form.summary ?? actionTitle(state.key) }} labels={ACTION_LABELS} />
      ) : state ? (
        <p class="error">
          <a href={`#act-${state.key}`}>
            {say(lang, text(`Langkah "${t('id', actionTitle(state.key))}" belum berhasil; lihat formulirnya.`, `The step "${t('en', actionTitle(state.key))}" did not go through; see its form.`))}
          </a>
        </p>
      ) : (
        ''
      )}
      {r.missing.length > 0 ? (
        <div class="warning" id="missing">
          <p>
            <strong safe>
              {`${t(lang, text('Kelengkapan belum ada', 'Documents missing'))}: ${missingText(lang, r.missing)}${
                data.completeBy
                  ? `, ${t(lang, text('diminta paling lambat', 'asked for by'))} ${formatDay(lang, data.completeBy)}${data.completeBy < data.today ? t(lang, text(' (tanggal itu sudah lewat)', ' (that day has passed)')) : ''}`
                  : ''
              }.`}
            </strong>
          </p>
          <p>{say(lang, text('Permohonan tetap diproses dan batas waktu pemberitahuan tertulis tetap berjalan.', "The request is still handled and the written notice's deadline keeps running."))}</p>
          {data.actions.includes('complete') ? (
            <p>
              <a href="#act-complete">{say(lang, text('Catat kelengkapan yang dibawa pemohon', 'Record the documents the applicant brought'))}</a>
            </p>
          ) : (
            ''
          )}
        </div>
      ) : (
        ''
      )}
      <dl class="facts">
        <dt>{say(lang, text('Status', 'Status'))}</dt>
        <dd safe>{statusText(lang, r.status, r.outcome)}</dd>
        <dt>{say(lang, text('Saluran', 'Channel'))}</dt>
        <dd safe>{label(lang, CHANNEL_LABELS, r.channel)}</dd>
        <dt>{say(lang, text('Diterima', 'Received'))}</dt>
        <dd safe>{formatMoment(lang, r.receivedAt, office.timeZone)}</dd>
      </dl>
      <p>
        <a href={`/desk/permohonan/${r.id}/tanda-bukti`}>
          {say(lang, text('Unduh tanda bukti permohonan (PDF) untuk dicetak bagi pemohon; memuat nomor pendaftaran dan kode pelacakan', 'Download the request receipt (PDF) to print for the applicant; it carries the registration number and tracking code'))}
        </a>
      </p>

      <h2>{say(lang, text('Pemohon', 'Applicant'))}</h2>
      <ApplicantFacts lang={lang} request={r} />

      <h2>{say(lang, text('Permohonan', 'Request'))}</h2>
      <dl class="facts">
        <dt>{say(lang, INTAKE_LABELS.information!)}</dt>
        <dd class="prewrap" safe>{r.information}</dd>
        <dt>{say(lang, INTAKE_LABELS.purpose!)}</dt>
        <dd class="prewrap" safe>{r.purpose}</dd>
        <dt>{say(lang, INTAKE_LABELS.obtainMethod!)}</dt>
        <dd safe>{label(lang, OBTAIN_LABELS, r.obtainMethod)}</dd>
        <dt>{say(lang, INTAKE_LABELS.deliveryMethod!)}</dt>
        <dd safe>{label(lang, DELIVERY_LABELS, r.deliveryMethod)}</dd>
      </dl>

      <h2>{say(lang, text('Batas waktu', 'Deadline'))}</h2>
      <DeadlineSection lang={lang} data={data} />

      {times.length > 0 ? (
        <>
          <h2>{say(lang, text('Waktu layanan menurut SOP', 'Service times against the SOP'))}</h2>
          <ul>
            {times.map((x) => (
              <li safe>
                {`${t(lang, x.label)}: ${t(lang, text(`${x.minutes} menit, standar ${x.sop} menit`, `${x.minutes} min, standard ${x.sop} min`))} — ${t(lang, x.minutes <= x.sop ? text('sesuai standar', 'within the standard') : text('melebihi standar', 'over the standard'))}`}
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}

      <h2>{say(lang, text('Berkas permohonan', 'Request documents'))}</h2>
      {intakeFiles.length === 0 ? (
        <p>{say(lang, text('Tidak ada berkas yang dilampirkan saat permohonan dicatat.', 'No files were attached when the request was recorded.'))}</p>
      ) : (
        <>
          <p class="hint">{say(lang, text('Dokumen ini memuat data pribadi pemohon. Setiap kali dibuka, nama Anda dan waktunya dicatat di log audit.', "These documents hold the applicant's personal data. Each time one is opened, your name and the time are recorded in the audit log."))}</p>
          <ul>
            {intakeFiles.map((f) => (
              <li>
                <a href={`/desk/berkas/${f.id}`} safe>
                  {`${label(lang, FILE_ROLE_LABELS, f.role)}: ${f.name} (${formatSize(f.size)})`}
                </a>{' '}
                {say(lang, text('(dibuka = dicatat di log audit)', '(opening it is logged)'))}
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{say(lang, text('Berkas jawaban', 'Answer files'))}</h2>
      {answerFiles.length === 0 ? <p>{say(lang, text('Belum ada berkas jawaban.', 'No answer files yet.'))}</p> : ''}
      {answerFiles.map((f) => (
        <AnswerFile ctx={ctx} file={f} canSettle={data.actions.includes('decide')} canPromote={!!ctx.staff && (ctx.staff.roles.includes('ppid') || ctx.staff.roles.includes('system_admin'))} state={state} />
      ))}
      {data.actions.includes('answer_disposition') ? (
        <ActionForm
          ctx={ctx}
          formKey="attach"
          action={`/desk/permohonan/${r.id}/lampiran`}
          state={state}
          multipart
          submit={text('Lampirkan dan periksa', 'Attach and check')}
          intro={text(
            'Setiap berkas diperiksa otomatis untuk data pribadi (NIK, telepon, e-mail) dan isi tersembunyi sebelum dapat diberikan.',
            'Each file is checked for personal data (NIK, phone, e-mail) and hidden content before it can be released.',
          )}
          fields={(form) => (
            <FileField
              lang={lang}
              form={form}
              name="files"
              label={ACTION_LABELS.files!}
              multiple
              accept={ANSWER_ACCEPT}
              hint={text('PDF, DOCX, XLSX, TXT/CSV, PNG atau JPEG, paling besar 20 MB per berkas.', 'PDF, DOCX, XLSX, TXT/CSV, PNG or JPEG, at most 20 MB per file.')}
            />
          )}
        />
      ) : (
        ''
      )}

      <h2>{say(lang, text('Nota dinas dan disposisi', 'Memos and assignments'))}</h2>
      {data.dispositions.length === 0 ? (
        <p>{say(lang, text('Belum ada nota dinas atau disposisi.', 'No memo or assignment yet.'))}</p>
      ) : (
        <DataTable lang={lang} id="dispositions" caption={text('Nota dinas dan disposisi', 'Memos and assignments')}>
          <thead>
            <tr>
              <th scope="col">{say(lang, text('Kepada', 'To'))}</th>
              <th scope="col">{say(lang, text('Arahan', 'Instruction'))}</th>
              <th scope="col">{say(lang, text('Batas', 'Due'))}</th>
              <th scope="col">{say(lang, text('Jawaban', 'Answer'))}</th>
            </tr>
          </thead>
          <tbody>
            {data.dispositions.map((d) => (
              <tr>
                <td safe>{d.target === 'ppid' ? 'PPID' : (d.unitName ?? '—')}</td>
                <td class="prewrap" safe>{d.instruction}</td>
                <td>
                  <DueDate lang={lang} due={d.dueOn} flag={d.status === 'open' ? dueFlag(d.dueOn, data.today, data.calendar) : undefined} />
                </td>
                <td safe>{dispositionAnswerText(lang, d, office.timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}

      <h2>{say(lang, text('Surat', 'Letters'))}</h2>
      {data.letters.length === 0 ? (
        <p>{say(lang, text('Belum ada surat.', 'No letters yet.'))}</p>
      ) : (
        <ul>
          {data.letters.map((l) => (
            <li>
              <a href={`/desk/permohonan/${r.id}/surat/${l.id}`} safe>
                {`${label(lang, LETTER_KINDS, l.kind)} ${l.number} (${formatDay(lang, l.issuedOn, false)}), PDF`}
              </a>
              {' · '}
              <a href={`/verifikasi/${l.verifyCode}`} safe>
                {`${t(lang, text('halaman verifikasi', 'verification page'))} ${l.number}`}
              </a>
            </li>
          ))}
        </ul>
      )}

      <h2>{say(lang, text('Keberatan', 'Objections'))}</h2>
      <ObjectionsSection ctx={ctx} data={data} />

      <h2>{say(lang, text('Langkah berikutnya', 'Next steps'))}</h2>
      <ActionForms ctx={ctx} data={data} state={state} />

      <h2>{say(lang, text('Riwayat', 'History'))}</h2>
      <ol class="timeline">
        {timelineSteps(data.events, 'staff').map((s) => (
          <li safe>{`${formatMoment(lang, s.at, office.timeZone)} — ${t(lang, s.label)} (${s.actor})`}</li>
        ))}
      </ol>
    </Layout>
  );
}

function dispositionAnswerText(lang: Lang, d: DispositionRow, timeZone: string): string {
  if (d.target === 'ppid') return t(lang, d.status === 'open' ? text('Menunggu pemberitahuan tertulis PPID', "Awaiting the PPID's written notice") : text('Pemberitahuan tertulis terbit', 'Written notice issued'));
  if (d.status === 'open') return t(lang, text('Belum dijawab', 'Not answered yet'));
  const parts = [label(lang, DISPOSITION_ANSWER_LABELS, d.answer)];
  if (d.holder) parts.push(`${t(lang, text('dikuasai', 'held by'))}: ${d.holder}`);
  if (d.expectedOn) parts.push(`${t(lang, text('diperkirakan', 'expected'))}: ${formatDay(lang, d.expectedOn, false)}`);
  if (d.answerNote) parts.push(d.answerNote);
  if (d.answeredAt) parts.push(formatMoment(lang, d.answeredAt, timeZone));
  return parts.join(' — ');
}

// ---------------------------------------------------------------------------------------------------
// Dispositions for units

export interface OpenDisposition {
  readonly disposition: DispositionRow;
  readonly number: string;
  readonly information: string;
  readonly unitName: string;
}

export function DispositionListPage(props: { ctx: PageContext; office: OfficeRow; rows: readonly OpenDisposition[] | undefined; allUnits: boolean; today: string; calendar: OfficeCalendar }): JSX.Element {
  const { ctx } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={text('Disposisi permohonan informasi', 'Request assignments')} officeName={props.office.name}>
      <p class="lead">
        {say(
          lang,
          props.allUnits
            ? text('Semua disposisi unit yang belum dijawab di kantor ini, batas terdekat lebih dahulu.', "All of this office's unanswered unit assignments, nearest due date first.")
            : text('Disposisi dari PPID kepada unit Anda yang belum dijawab, batas terdekat lebih dahulu.', "The PPID's unanswered assignments to your unit, nearest due date first."),
        )}
      </p>
      {props.rows === undefined ? (
        <p class="warning">
          {say(lang, text('Akun Anda belum terikat pada unit, sehingga tidak ada disposisi yang dapat ditampilkan. Minta admin kantor memilih unit Anda di halaman Staf.', 'Your account is not linked to a unit, so there are no assignments to show. Ask the office admin to set your unit on the Staff page.'))}
        </p>
      ) : props.rows.length === 0 ? (
        <p>{say(lang, text('Tidak ada disposisi yang menunggu jawaban.', 'No assignment is waiting for an answer.'))}</p>
      ) : (
        <DataTable lang={lang} id="dispositions" caption={text('Disposisi yang belum dijawab', 'Unanswered assignments')}>
          <thead>
            <tr>
              <th scope="col">{say(lang, text('Permohonan', 'Request'))}</th>
              {props.allUnits ? <th scope="col">{say(lang, text('Unit', 'Unit'))}</th> : ''}
              <th scope="col">{say(lang, text('Informasi yang diminta', 'Information requested'))}</th>
              <th scope="col">{say(lang, text('Batas jawaban', 'Answer due'))}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr>
                <td>
                  <a href={`/desk/disposisi/${row.disposition.id}`} safe>
                    {`${t(lang, text('Jawab', 'Answer'))} ${row.number}`}
                  </a>
                </td>
                {props.allUnits ? <td safe>{row.unitName}</td> : ''}
                <td safe>{shorten(row.information)}</td>
                <td>
                  <DueDate lang={lang} due={row.disposition.dueOn} flag={dueFlag(row.disposition.dueOn, props.today, props.calendar)} />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </Layout>
  );
}

export const DISPOSITION_LABELS: Readonly<Record<string, Text>> = {
  answer: text('Jawaban unit', "The unit's answer"),
  note: text('Catatan untuk PPID', 'Note to the PPID'),
  holder: text('Badan publik atau unit yang menguasai', 'The body or unit that holds it'),
  expectedOn: text('Perkiraan tanggal selesai didokumentasikan', 'Date by which it will be documented'),
  files: text('Berkas informasi', 'Information files'),
};

export function DispositionPage(props: { ctx: PageContext; office: OfficeRow; disposition: DispositionRow; request: RequestRow; unitName: string; form: FormState; today: string; calendar: OfficeCalendar }): JSX.Element {
  const { ctx, disposition: d, request: r, form } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={text(`Disposisi permohonan ${r.number}`, `Assignment for request ${r.number}`)} officeName={props.office.name}>
      <dl class="facts">
        <dt>{say(lang, text('Unit', 'Unit'))}</dt>
        <dd safe>{props.unitName}</dd>
        <dt>{say(lang, INTAKE_LABELS.information!)}</dt>
        <dd class="prewrap" safe>{r.information}</dd>
        <dt>{say(lang, INTAKE_LABELS.purpose!)}</dt>
        <dd class="prewrap" safe>{r.purpose}</dd>
        <dt>{say(lang, text('Arahan PPID', "The PPID's instruction"))}</dt>
        <dd class="prewrap" safe>{d.instruction}</dd>
        <dt>{say(lang, text('Batas jawaban', 'Answer due'))}</dt>
        <dd>
          <DueDate lang={lang} due={d.dueOn} flag={d.status === 'open' ? dueFlag(d.dueOn, props.today, props.calendar) : undefined} />
        </dd>
      </dl>
      <p class="hint">{say(lang, text('Data pribadi pemohon tidak ditampilkan kepada unit karena tidak diperlukan untuk menyiapkan informasi.', "The applicant's personal data is not shown to units: it is not needed to prepare the information."))}</p>
      {d.status !== 'open' ? (
        <p class="notice" safe>
          {`${t(lang, text('Disposisi ini sudah dijawab', 'This assignment has been answered'))}: ${dispositionAnswerText(lang, d, props.office.timeZone)}`}
        </p>
      ) : (
        <>
          <h2>{say(lang, text('Jawaban unit', "The unit's answer"))}</h2>
          <ErrorSummary lang={lang} form={form} labels={DISPOSITION_LABELS} />
          <form method="post" action={`/desk/disposisi/${d.id}`} enctype="multipart/form-data" class="narrow" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <SelectField lang={lang} form={form} name="answer" label={DISPOSITION_LABELS.answer!} required options={[{ value: '', label: text('— pilih —', '— choose —') }, ...DISPOSITION_ANSWERS.map((a) => ({ value: a, label: DISPOSITION_ANSWER_LABELS[a] }))]} />
            <FileField
              lang={lang}
              form={form}
              name="files"
              label={DISPOSITION_LABELS.files!}
              multiple
              accept={ANSWER_ACCEPT}
              hint={text(
                'Untuk "Informasi dilampirkan": PDF, DOCX, XLSX, TXT/CSV, PNG atau JPEG, paling besar 20 MB per berkas; setiap berkas diperiksa otomatis. Bila formulir dikembalikan karena ada yang perlu diperbaiki, pilih berkasnya lagi.',
                'For "Information attached": PDF, DOCX, XLSX, TXT/CSV, PNG or JPEG, at most 20 MB per file; each file is checked automatically. If the form comes back to be corrected, choose the files again.',
              )}
            />
            <TextArea lang={lang} form={form} name="note" label={DISPOSITION_LABELS.note!} rows={3} hint={text('Tanpa berkas: jelaskan letak arsip hardcopy-nya.', 'Without files: say where the hardcopy is kept.')} />
            <TextField lang={lang} form={form} name="holder" label={DISPOSITION_LABELS.holder!} hint={text('Untuk "Tidak dikuasai unit ini".', 'For "Not held by this unit".')} />
            <TextField lang={lang} form={form} name="expectedOn" type="date" label={DISPOSITION_LABELS.expectedOn!} hint={text('Untuk "Belum didokumentasikan".', 'For "Not yet documented".')} />
            <button type="submit">{say(lang, text('Kirim jawaban ke PPID', 'Send the answer to the PPID'))}</button>
          </form>
        </>
      )}
    </Layout>
  );
}
