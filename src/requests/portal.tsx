import { createHash } from 'node:crypto';
import Html, { type Children } from '@kitajs/html';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { profileFor } from '../calendar/profiles.ts';
import { explainDeadline, type DeadlineResult } from '../calendar/rules.ts';
import { rulePeriodsOf } from '../calendar/store.ts';
import type { Db } from '../db/client.ts';
import { isAppError, invalid, notFound, type AppError } from '../kernel/errors.ts';
import { formatDay, formatMoment, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import { formatNumber } from '../kernel/numbering/rules.ts';
import { todayIn } from '../offices/portal.tsx';
import { officeById, officeBySlug, type OfficeRow } from '../offices/store.ts';
import { PUBLIC } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { actorOf, pathId, sendAttachment, sendHtml } from '../web/context.ts';
import { TrackedObjections, trackedObjections, type ObjectionsOnTracking, type ReactionAttempt } from '../objections/portal-views.tsx';
import { CsrfField, describedBy, EMPTY_FORM, ErrorSummary, fieldId, fieldValue, formBody, HintAndError, list, str, TextArea, TextField, type FormState, StagedList, type StagedView } from '../web/forms.tsx';
import { DataTable, Layout, pageContext, say, type PageContext } from '../web/layout.tsx';
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  checkIntake,
  DELIVERY_LABELS,
  DELIVERY_METHODS,
  FILE_ROLE_LABELS,
  OBTAIN_LABELS,
  OBTAIN_METHODS,
  OUTCOME_LABELS,
  REOPEN_STARTED_BY,
  STATUS_LABELS,
  type IntakeFileRole,
  type IntakeForm,
  type Outcome,
  type Status,
} from './rules.ts';
import {
  applicantFile,
  checkUploads,
  currentDeadline,
  downloadViaLink,
  findTracked,
  INTAKE_TYPES,
  newSubmissionKey,
  normaliseCode,
  openDownloadLink,
  receiptFor,
  stagedFiles,
  stageUploads,
  submitRequest,
  type OpenedLink,
} from './service.ts';
import { deadlineRows, downloadLinkByHash, eventsOf, letterPdfOf, lettersOf, releasedFiles, type FileFacts, type RequestRow } from './store.ts';
import { timelineSteps } from './timeline.ts';

/**
 * The applicant's side of a request on the public portal: the online form, the confirmation with the
 * tracking code, the tracking page (registration number + code, no account) and the download page
 * behind the e-mailed link. Everything here is public; the code is what proves a person may see a request.
 */

/** Files the applicant attaches online; `scanned_letter` is the desk's (a letter that came by post). */
const PORTAL_FILE_ROLES = ['identity', 'proxy_letter', 'member_ids', 'legal_deed'] as const satisfies readonly IntakeFileRole[];
type PortalFileRole = (typeof PORTAL_FILE_ROLES)[number];
const isPortalFileRole = (role: string): role is PortalFileRole => (PORTAL_FILE_ROLES as readonly string[]).includes(role);

const FORM_FIELDS = ['channel', 'applicantType', 'name', 'nik', 'legalNumber', 'address', 'phone', 'email', 'occupation', 'proxyName', 'information', 'purpose', 'obtainMethod', 'deliveryMethod', 'consent'] as const;

const LABELS: Readonly<Record<string, Text>> = {
  channel: text('Saluran', 'Channel'),
  applicantType: text('Jenis pemohon', 'Type of applicant'),
  name: text('Nama lengkap', 'Full name'),
  nik: text('NIK', 'NIK (national identity number)'),
  legalNumber: text('Nomor akta notaris / SK pengesahan badan hukum', "Number of the legal entity's deed or SK pengesahan"),
  address: text('Alamat', 'Address'),
  phone: text('Nomor telepon', 'Phone number'),
  email: text('E-mail', 'E-mail'),
  occupation: text('Pekerjaan', 'Occupation'),
  proxyName: text('Nama penerima kuasa', "Proxy's name"),
  information: text('Informasi yang diminta', 'Information requested'),
  purpose: text('Tujuan penggunaan informasi', 'What the information is for'),
  obtainMethod: text('Cara memperoleh informasi', 'How to obtain the information'),
  deliveryMethod: text('Cara mendapatkan salinan', 'How to receive it'),
  consent: text('Persetujuan', 'Consent'),
  submissionKey: text('Formulir', 'Form'),
  receivedAt: text('Waktu diterima', 'Time received'),
  identity: FILE_ROLE_LABELS.identity,
  proxy_letter: FILE_ROLE_LABELS.proxy_letter,
  member_ids: FILE_ROLE_LABELS.member_ids,
  legal_deed: FILE_ROLE_LABELS.legal_deed,
};

const FILE_HINTS: Readonly<Record<PortalFileRole, Text>> = {
  identity: text('Pindaian atau foto KTP yang terbaca jelas. Dianjurkan untuk perorangan dan penerima kuasa.', 'A legible scan or photo of the identity card (KTP). Recommended for individuals and proxies.'),
  proxy_letter: text('Wajib untuk kelompok orang, dan untuk setiap permohonan yang diajukan melalui kuasa.', 'Required for a group, and for any request filed through a proxy.'),
  member_ids: text('Wajib untuk kelompok orang: KTP setiap anggota. Boleh lebih dari satu berkas.', "Required for a group: each member's identity card. You may choose several files."),
  legal_deed: text('Wajib untuk badan hukum: akta notaris atau SK pengesahan dari Kementerian Hukum.', "Required for a legal entity: the notary deed or the SK pengesahan from the Ministry of Law."),
};

const FILE_QUALIFIERS: Readonly<Record<PortalFileRole, Text>> = {
  identity: text(' (dianjurkan)', ' (recommended)'),
  proxy_letter: text(' (kelompok, atau bila melalui kuasa)', ' (groups, or when filed through a proxy)'),
  member_ids: text(' (kelompok)', ' (groups)'),
  legal_deed: text(' (badan hukum)', ' (legal entities)'),
};

const APPLICANT_HINTS: Readonly<Record<(typeof APPLICANT_TYPES)[number], Text>> = {
  individual: text('Isi NIK Anda (16 angka pada KTP); lampirkan pindaian KTP bila ada.', 'Give your NIK (16 digits on the identity card); attach a scan of it if you can.'),
  group: text(
    'Diajukan melalui kuasa: isi NIK dan nama penerima kuasa, lalu lampirkan surat kuasa dan KTP anggota kelompok.',
    "Filed through a proxy: give the proxy's NIK and name, and attach the power of attorney and the members' identity cards.",
  ),
  legal_entity: text(
    'Isi nomor akta notaris atau SK pengesahan badan hukum, lalu lampirkan akta atau SK tersebut. NIK tidak diperlukan.',
    "Give the number of the notary deed or the SK pengesahan, and attach it. No NIK is needed.",
  ),
};

const TRACK_LABELS: Readonly<Record<string, Text>> = {
  number: text('Nomor pendaftaran', 'Registration number'),
  code: text('Kode pelacakan', 'Tracking code'),
};

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * A field required only for some applicants: its label says for whom, where forms.tsx would say
 * "optional", which is not true for those who need it.
 */
function Frame(props: { lang: Lang; form: FormState; name: string; label: Text; qualifier: Text; hint?: Text | undefined; children?: Children }): JSX.Element {
  return (
    <div class={props.form.errors[props.name] ? 'field has-error' : 'field'}>
      <label for={fieldId(props.name)}>
        {say(props.lang, props.label)}
        <span class="optional">{say(props.lang, props.qualifier)}</span>
      </label>
      <HintAndError lang={props.lang} form={props.form} name={props.name} hint={props.hint} />
      {props.children}
    </div>
  );
}

function ConditionalInput(props: { lang: Lang; form: FormState; name: string; qualifier: Text; hint: Text; type?: 'text' | 'email' | 'tel'; autocomplete?: string; inputmode?: string }): JSX.Element {
  return (
    <Frame lang={props.lang} form={props.form} name={props.name} label={LABELS[props.name]!} qualifier={props.qualifier} hint={props.hint}>
      <input
        id={fieldId(props.name)}
        name={props.name}
        type={props.type ?? 'text'}
        value={fieldValue(props.form, props.name)}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        aria-describedby={describedBy({ form: props.form, name: props.name, hint: props.hint })}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
      />
    </Frame>
  );
}

function Radios(props: { lang: Lang; form: FormState; name: string; options: readonly { value: string; label: Text; hint?: Text }[]; hint?: Text }): JSX.Element {
  const current = fieldValue(props.form, props.name);
  return (
    <fieldset class={props.form.errors[props.name] ? 'field has-error' : 'field'} id={fieldId(props.name)} aria-describedby={describedBy({ form: props.form, name: props.name, hint: props.hint })}>
      <legend>{say(props.lang, LABELS[props.name]!)}</legend>
      <HintAndError lang={props.lang} form={props.form} name={props.name} hint={props.hint} />
      {props.options.map((o) => {
        const id = `${fieldId(props.name)}-${o.value}`;
        return (
          <div class="option">
            <div class="check">
              <input type="radio" id={id} name={props.name} value={o.value} checked={current === o.value} aria-describedby={o.hint ? `${id}-hint` : undefined} />
              <label for={id}>{say(props.lang, o.label)}</label>
            </div>
            {o.hint ? (
              <p class="hint" id={`${id}-hint`}>
                {say(props.lang, o.hint)}
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

function FileInput(props: { lang: Lang; form: FormState; role: PortalFileRole; staged: readonly StagedView[] }): JSX.Element {
  const { lang, form, role } = props;
  return (
    <Frame lang={lang} form={form} name={role} label={LABELS[role]!} qualifier={FILE_QUALIFIERS[role]} hint={FILE_HINTS[role]}>
      <StagedList lang={lang} role={role} staged={props.staged} />
      <input
        type="file"
        id={fieldId(role)}
        name={role}
        accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        multiple={role === 'member_ids'}
        aria-describedby={describedBy({ form, name: role, hint: FILE_HINTS[role] })}
        aria-invalid={form.errors[role] ? 'true' : undefined}
      />
    </Frame>
  );
}

interface ServiceTerms {
  readonly noticeDays: number;
  readonly extensionDays: number;
}

/** The clock a request sent today runs on: normal, or the shorter one of an election stage. */
async function termsToday(db: Db, office: OfficeRow): Promise<ServiceTerms> {
  const profile = profileFor(await rulePeriodsOf(db, office.id), todayIn(office.timeZone));
  return { noticeDays: profile.workingDays.request_notice, extensionDays: profile.workingDays.request_extension };
}

function ServiceFacts(props: { lang: Lang; terms: ServiceTerms }): JSX.Element {
  const { lang, terms } = props;
  return (
    <ul>
      <li>
        {say(lang, text('Layanan ini gratis. Anda hanya menanggung biaya nyata penyalinan dan pengiriman, bila ada.', 'The service is free. You pay only the real cost of copying and delivery, if any.'))}
      </li>
      <li>
        {say(
          lang,
          text(
            `Pemberitahuan tertulis diberikan paling lambat ${terms.noticeDays} hari kerja sejak permohonan diterima, dan dapat diperpanjang satu kali paling lama ${terms.extensionDays} hari kerja dengan alasan tertulis.`,
            `You receive a written notice within ${terms.noticeDays} working days of receipt; it can be extended once by at most ${terms.extensionDays} working days, with written reasons.`,
          ),
        )}
      </li>
      <li>
        {say(
          lang,
          text(
            'Setelah dikirim, Anda mendapat nomor pendaftaran dan kode pelacakan untuk mengikuti permohonan di portal ini tanpa akun.',
            'Once sent, you get a registration number and a tracking code to follow the request on this portal without an account.',
          ),
        )}
      </li>
    </ul>
  );
}

function PrivacyNotice(props: { lang: Lang }): JSX.Element {
  const { lang } = props;
  return (
    <section aria-labelledby="privacy-title">
      <h2 id="privacy-title">{say(lang, text('Pemberitahuan data pribadi', 'Personal-data notice'))}</h2>
      <ul>
        <li>
          {say(
            lang,
            text(
              'Yang dikumpulkan: nama, NIK atau nomor akta/SK badan hukum, alamat, telepon, e-mail, pekerjaan, nama penerima kuasa, serta dokumen identitas yang Anda lampirkan.',
              'What is collected: your name, NIK or the legal entity’s deed/SK number, address, phone, e-mail, occupation, the proxy’s name, and the identity documents you attach.',
            ),
          )}
        </li>
        <li>
          {say(
            lang,
            text(
              'Untuk apa: mendaftarkan dan menangani permohonan Anda menurut UU 14/2008 dan menghubungi Anda tentang permohonan ini. Data tidak dipakai untuk keperluan lain.',
              'Why: to register and handle your request under Law 14/2008 and to contact you about it. It is not used for anything else.',
            ),
          )}
        </li>
        <li>
          {say(
            lang,
            text(
              'Siapa yang melihat: petugas layanan informasi dan PPID kantor ini. Dokumen identitas hanya dapat dibuka petugas desk dan PPID, dan setiap pembukaan dicatat. Data pribadi Anda tidak diumumkan.',
              'Who sees it: the information service staff and the PPID of this office. Identity documents can be opened only by the desk and the PPID, and every opening is logged. Your personal data is never published.',
            ),
          )}
        </li>
        <li>
          {say(
            lang,
            text(
              'NIK disamarkan (hanya 4 angka awal dan 4 angka akhir) pada tanda bukti. Halaman pelacakan hanya menampilkan nama; tidak menampilkan NIK, alamat, telepon atau e-mail.',
              'The NIK is masked (only its first and last 4 digits) on the receipt. The tracking page shows only the name: never the NIK, address, phone or e-mail.',
            ),
          )}
        </li>
        <li>
          {say(
            lang,
            text(
              'Berapa lama: selama permohonan ditangani dan sesudahnya selama masa retensi arsip layanan informasi kantor ini; setelah itu data dan dokumen identitas dimusnahkan.',
              "How long: while the request is handled, then for the retention period of this office's information-service records; after that the data and identity documents are destroyed.",
            ),
          )}
        </li>
        <li>
          {say(
            lang,
            text(
              'Sesuai UU 27/2022 tentang Pelindungan Data Pribadi, Anda berhak meminta akses, perbaikan atau penghapusan data Anda kepada PPID kantor ini.',
              'Under Law 27/2022 on Personal Data Protection, you may ask the PPID of this office to access, correct or delete your data.',
            ),
          )}
        </li>
      </ul>
    </section>
  );
}

function IntakePage(props: { ctx: PageContext; office: OfficeRow; form: FormState; staged: readonly StagedView[]; submissionKey: string; terms: ServiceTerms }): JSX.Element {
  const { ctx, office, form } = props;
  const lang = ctx.lang;
  const consentError = form.errors.consent;
  return (
    <Layout ctx={ctx} title={text('Permohonan informasi publik', 'Request for public information')} officeName={office.name}>
      <p class="lead">
        {say(
          lang,
          text(
            `Ajukan permohonan informasi kepada ${office.name}. Setiap orang berhak memperoleh informasi publik (UU 14/2008).`,
            `Ask ${office.name} for information. Everyone has the right to public information (Law 14/2008).`,
          ),
        )}
      </p>
      <ServiceFacts lang={lang} terms={props.terms} />
      <form method="post" action={`/${office.slug}/permohonan`} enctype="multipart/form-data" novalidate>
        <ErrorSummary lang={lang} form={form} labels={LABELS} />
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="submissionKey" value={props.submissionKey} />
        <input type="hidden" name="channel" value="online" />

        <h2>{say(lang, text('Pemohon', 'Applicant'))}</h2>
        <Radios
          lang={lang}
          form={form}
          name="applicantType"
          options={APPLICANT_TYPES.map((value) => ({ value, label: APPLICANT_TYPE_LABELS[value], hint: APPLICANT_HINTS[value] }))}
        />
        <TextField lang={lang} form={form} name="name" label={LABELS.name!} hint={text('Untuk kelompok atau badan hukum: nama kelompok atau badan hukumnya.', 'For a group or a legal entity: its name.')} autocomplete="name" required />
        <ConditionalInput lang={lang} form={form} name="nik" qualifier={text(' (perorangan dan kelompok)', ' (individuals and groups)')} hint={text('16 angka pada KTP. Untuk kelompok: NIK penerima kuasa.', "The 16 digits on the identity card. For a group: the proxy's NIK.")} inputmode="numeric" autocomplete="off" />
        <ConditionalInput lang={lang} form={form} name="legalNumber" qualifier={text(' (badan hukum)', ' (legal entities)')} hint={text('Nomor akta notaris atau SK pengesahan dari Kementerian Hukum.', 'The number of the notary deed or of the SK pengesahan from the Ministry of Law.')} autocomplete="off" />
        <ConditionalInput lang={lang} form={form} name="proxyName" qualifier={text(' (kelompok, atau bila melalui kuasa)', ' (groups, or when filed through a proxy)')} hint={text('Isi bila permohonan diajukan oleh orang lain atas nama pemohon; lampirkan surat kuasanya.', 'Fill in when someone files on the applicant’s behalf; attach the power of attorney.')} autocomplete="off" />
        <TextArea lang={lang} form={form} name="address" label={LABELS.address!} rows={3} required />
        <ConditionalInput lang={lang} form={form} name="email" type="email" qualifier={text(' (isi e-mail atau telepon)', ' (give an e-mail or a phone)')} hint={text('Tanda bukti dan pemberitahuan dikirim ke alamat ini. Wajib bila informasi ingin dikirim lewat e-mail.', 'The receipt and notices are sent here. Required if you want the information by e-mail.')} autocomplete="email" />
        <ConditionalInput lang={lang} form={form} name="phone" type="tel" qualifier={text(' (isi e-mail atau telepon)', ' (give an e-mail or a phone)')} hint={text('Contoh: 0812 3456 7890.', 'For example 0812 3456 7890.')} autocomplete="tel" />
        <TextField lang={lang} form={form} name="occupation" label={LABELS.occupation!} autocomplete="organization-title" />

        <h2>{say(lang, text('Lampiran', 'Attachments'))}</h2>
        <p class="hint">
          {say(lang, text('PDF, PNG atau JPEG, paling besar 20 MB per berkas. Jenis berkas diperiksa dari isinya.', 'PDF, PNG or JPEG, at most 20 MB per file. The type is checked from the content.'))}
        </p>
        {PORTAL_FILE_ROLES.map((role) => (
          <FileInput lang={lang} form={form} role={role} staged={props.staged} />
        ))}

        <h2>{say(lang, text('Informasi yang diminta', 'The information you ask for'))}</h2>
        <TextArea lang={lang} form={form} name="information" label={LABELS.information!} hint={text('Sebutkan sejelas mungkin: judul dokumen, periode, wilayah.', 'Be as precise as you can: document title, period, area.')} rows={5} required />
        <div class="dip-suggest" data-dip-suggest-for="f-information" data-endpoint={`/${office.slug}/dip/saran`} data-heading={t(lang, text('Mungkin sudah tersedia di DIP:', 'Perhaps already in the DIP:'))}>
          <p>
            <a href={`/${office.slug}/dip/cari`}>{say(lang, text('Periksa dulu Daftar Informasi Publik', 'Check the list of public information (DIP) first'))}</a>
          </p>
          <div aria-live="polite"></div>
        </div>
        <TextArea lang={lang} form={form} name="purpose" label={LABELS.purpose!} rows={3} required />
        <Radios lang={lang} form={form} name="obtainMethod" options={OBTAIN_METHODS.map((value) => ({ value, label: OBTAIN_LABELS[value] }))} />
        <Radios lang={lang} form={form} name="deliveryMethod" options={DELIVERY_METHODS.map((value) => ({ value, label: DELIVERY_LABELS[value] }))} />

        <PrivacyNotice lang={lang} />
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
              {say(lang, text('Saya telah membaca pemberitahuan data pribadi di atas dan setuju data saya diproses untuk permohonan ini.', 'I have read the personal-data notice above and agree that my data is processed for this request.'))}
            </label>
          </div>
        </div>
        <button type="submit">{say(lang, text('Kirim permohonan', 'Send the request'))}</button>
      </form>
      <script src="/static/dip-suggest.js" defer></script>
    </Layout>
  );
}

/** The hidden pair that proves, on each download button, that the person holds the request's code. */
function TrackingProof(props: { number: string; code: string; csrfToken: string }): JSX.Element {
  return (
    <>
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="number" value={props.number} />
      <input type="hidden" name="code" value={props.code} />
    </>
  );
}

function DownloadButton(props: { action: string; number: string; code: string; ctx: PageContext; label: Text; accessibleName?: string }): JSX.Element {
  return (
    <form method="post" action={props.action} class="inline">
      <TrackingProof number={props.number} code={props.code} csrfToken={props.ctx.csrfToken} />
      <button type="submit" class="secondary" aria-label={props.accessibleName}>
        {say(props.ctx.lang, props.label)}
      </button>
    </form>
  );
}

const dueText = (lang: Lang, due: string | undefined): string => (due ? formatDay(lang, due) : '—');

function ConfirmationPage(props: { ctx: PageContext; office: OfficeRow; request: RequestRow; code: string; due: string | undefined }): JSX.Element {
  const { ctx, office, request, code } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={text('Permohonan Anda sudah kami terima', 'We have received your request')} officeName={office.name}>
      <p class="notice" role="status">
        {say(lang, text('Permohonan tercatat. Simpan nomor pendaftaran dan kode pelacakan di bawah ini.', 'The request is registered. Keep the registration number and the tracking code below.'))}
      </p>
      <dl class="facts">
        <dt>{say(lang, TRACK_LABELS.number!)}</dt>
        <dd>
          <strong safe>{request.number}</strong>
        </dd>
        <dt>{say(lang, TRACK_LABELS.code!)}</dt>
        <dd>
          <span class="tracking-code" safe>
            {code}
          </span>
        </dd>
        <dt>{say(lang, text('Diterima', 'Received'))}</dt>
        <dd safe>{formatMoment(lang, request.receivedAt, office.timeZone)}</dd>
        <dt>{say(lang, text('Batas waktu pemberitahuan tertulis', 'Written notice due by'))}</dt>
        <dd safe>{dueText(lang, props.due)}</dd>
      </dl>
      <h2>{say(lang, text('Langkah berikutnya', 'What happens next'))}</h2>
      <ul>
        <li>
          {say(
            lang,
            text(
              'Catat kode pelacakan sekarang atau unduh tanda bukti. Demi keamanan, kode ini tidak dapat ditampilkan lagi oleh kantor melalui portal.',
              'Write the tracking code down now or download the receipt. For your safety, the portal cannot show this code again.',
            ),
          )}
        </li>
        <li>
          {say(
            lang,
            text(
              'Dengan nomor pendaftaran dan kode pelacakan Anda dapat melihat perkembangan permohonan, surat yang terbit, dan mengunduh informasi yang diberikan.',
              'With the registration number and the tracking code you can follow the request, read the letters issued, and download the information given.',
            ),
          )}
        </li>
        {request.email ? (
          <li>{say(lang, text('Tanda bukti juga dikirim ke alamat e-mail yang Anda isi.', 'The receipt has also been e-mailed to the address you gave.'))}</li>
        ) : (
          ''
        )}
        <li>
          {say(
            lang,
            text(
              'Bila ada kelengkapan yang kurang, petugas akan menghubungi Anda. Simpan tanda bukti sampai permohonan selesai.',
              'If anything is missing, the staff will contact you. Keep the receipt until the request is closed.',
            ),
          )}
        </li>
      </ul>
      <DownloadButton action={`/${office.slug}/lacak/tanda-bukti`} number={request.number} code={code} ctx={ctx} label={text('Unduh tanda bukti (PDF)', 'Download the receipt (PDF)')} />
      <p>
        <a href={`/${office.slug}/lacak`}>{say(lang, text('Lacak permohonan', 'Track a request'))}</a>
      </p>
    </Layout>
  );
}

function TrackPage(props: { ctx: PageContext; office: OfficeRow; form: FormState }): JSX.Element {
  const { ctx, office, form } = props;
  const lang = ctx.lang;
  const year = Number(todayIn(office.timeZone).slice(0, 4));
  const example = formatNumber(office.requestNumberPattern, { seq: 1, year, month: 1, code: office.code, series: 'request' });
  return (
    <Layout ctx={ctx} title={text('Lacak permohonan', 'Track a request')} officeName={office.name}>
      <p class="lead">
        {say(lang, text('Masukkan nomor pendaftaran dan kode pelacakan yang tercetak pada tanda bukti permohonan Anda.', 'Enter the registration number and the tracking code printed on your request receipt.'))}
      </p>
      <form method="post" action={`/${office.slug}/lacak`} novalidate class="narrow">
        <ErrorSummary lang={lang} form={form} labels={TRACK_LABELS} />
        <CsrfField token={ctx.csrfToken} />
        <TextField lang={lang} form={form} name="number" label={TRACK_LABELS.number!} hint={text(`Contoh: ${example}`, `For example: ${example}`)} autocomplete="off" required />
        <TextField lang={lang} form={form} name="code" label={TRACK_LABELS.code!} hint={text('10 huruf dan angka, contoh: ABCDE-12345. Huruf besar/kecil dan tanda hubung tidak berpengaruh.', 'Ten letters and digits, e.g. ABCDE-12345. Case and dashes do not matter.')} autocomplete="off" required />
        <button type="submit">{say(lang, text('Lacak', 'Track'))}</button>
      </form>
      <p>
        <a href={`/${office.slug}/permohonan`}>{say(lang, text('Ajukan permohonan informasi baru', 'Make a new information request'))}</a>
      </p>
    </Layout>
  );
}

function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}

interface TrackedView {
  readonly request: RequestRow;
  readonly code: string;
  /** `reopened`: the clock an overturning objection decision started. */
  readonly due: { readonly due: string; readonly explanation: DeadlineResult; readonly reopened: boolean } | undefined;
  readonly originalDue: string | undefined;
  readonly steps: readonly { at: Date; label: Text }[];
  readonly letters: readonly { id: number; number: string; issuedOn: string; subject: string; verifyCode: string }[];
  readonly files: readonly FileFacts[];
  readonly objections: ObjectionsOnTracking;
}

export async function trackedView(db: Db, request: RequestRow, code: string): Promise<TrackedView> {
  const [current, original, events, letters, files, objections] = await Promise.all([
    currentDeadline(db, request),
    deadlineRows(db, [request.deadlineId]),
    eventsOf(db, request.officeId, request.id),
    lettersOf(db, request.id),
    request.status === 'closed' ? releasedFiles(db, request.id) : Promise.resolve([]),
    trackedObjections(db, request),
  ]);
  return {
    request,
    code,
    due: current ? { due: current.due, explanation: current.explanation as DeadlineResult, reopened: current.purpose === 'objection_reopen' } : undefined,
    originalDue: request.extensionDeadlineId !== null ? original[0]?.due : undefined,
    steps: timelineSteps(events, 'applicant'),
    letters,
    files,
    objections,
  };
}

export function TrackedPage(props: { ctx: PageContext; office: OfficeRow; view: TrackedView; reaction?: ReactionAttempt | undefined }): JSX.Element {
  const { ctx, office, view } = props;
  const { request, code } = view;
  const lang = ctx.lang;
  const status = STATUS_LABELS[request.status as Status];
  const outcome = request.outcome ? OUTCOME_LABELS[request.outcome as Outcome] : undefined;
  const proof = { number: request.number, code, ctx };
  return (
    <Layout ctx={ctx} title={text(`Permohonan ${request.number}`, `Request ${request.number}`)} officeName={office.name}>
      <dl class="facts">
        <dt>{say(lang, text('Pemohon', 'Applicant'))}</dt>
        <dd safe>{request.name}</dd>
        <dt>{say(lang, text('Status', 'Status'))}</dt>
        <dd>
          <strong>{status ? say(lang, status) : Html.escapeHtml(request.status)}</strong>
        </dd>
        {outcome ? (
          <>
            <dt>{say(lang, text('Keputusan', 'Decision'))}</dt>
            <dd>{say(lang, outcome)}</dd>
          </>
        ) : (
          ''
        )}
        <dt>{say(lang, text('Diterima', 'Received'))}</dt>
        <dd safe>{formatMoment(lang, request.receivedAt, office.timeZone)}</dd>
        <dt>{say(lang, text('Batas waktu pemberitahuan tertulis', 'Written notice due by'))}</dt>
        <dd safe>{dueText(lang, view.due?.due)}</dd>
        {view.due?.reopened ? (
          <>
            <dt>{say(lang, text('Dibuka kembali', 'Reopened'))}</dt>
            <dd>{say(lang, text('Atasan PPID menerima keberatan Anda dan membatalkan keputusan semula; PPID menerbitkan pemberitahuan tertulis baru paling lambat tanggal di atas.', "The Atasan PPID upheld your objection and overturned the first decision; the PPID issues a new written notice by the date above."))}</dd>
          </>
        ) : (
          ''
        )}
        <dt>{say(lang, text('Perpanjangan', 'Extension'))}</dt>
        <dd>
          {view.originalDue
            ? say(
                lang,
                text(
                  `Diperpanjang dari ${formatDay('id', view.originalDue)}. Alasan: ${request.extensionReason ?? ''}`,
                  `Extended from ${formatDay('en', view.originalDue)}. Reason: ${request.extensionReason ?? ''}`,
                ),
              )
            : say(lang, text('Tidak diperpanjang', 'Not extended'))}
        </dd>
      </dl>
      {view.due ? (
        <details>
          <summary>{say(lang, text('Bagaimana batas waktu dihitung', 'How the deadline was counted'))}</summary>
          {view.originalDue ? (
            <p>
              {say(lang, text('Perpanjangan dihitung mulai batas waktu semula, sebagai hari ke-0.', 'The extension is counted from the original due date, as day zero.'))}
            </p>
          ) : (
            ''
          )}
          <ol class="explain">
            {explainDeadline(view.due.explanation, lang, view.due.reopened ? REOPEN_STARTED_BY : undefined).map((line) => (
              <li safe>{line}</li>
            ))}
          </ol>
        </details>
      ) : (
        ''
      )}

      <h2>{say(lang, text('Riwayat', 'Steps so far'))}</h2>
      <DataTable lang={lang} id="steps" caption={text('Langkah penanganan permohonan', 'Steps in handling the request')}>
        <thead>
          <tr>
            <th scope="col">{say(lang, text('Waktu', 'When'))}</th>
            <th scope="col">{say(lang, text('Langkah', 'Step'))}</th>
          </tr>
        </thead>
        <tbody>
          {view.steps.map((s) => (
            <tr>
              <td safe>{formatMoment(lang, s.at, office.timeZone)}</td>
              <td>{say(lang, s.label)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>

      <h2>{say(lang, text('Surat', 'Letters'))}</h2>
      {view.letters.length === 0 ? (
        <p>{say(lang, text('Belum ada surat yang terbit.', 'No letter has been issued yet.'))}</p>
      ) : (
        <DataTable lang={lang} id="letters" caption={text('Surat atas permohonan ini', 'Letters on this request')}>
          <thead>
            <tr>
              <th scope="col">{say(lang, text('Nomor', 'Number'))}</th>
              <th scope="col">{say(lang, text('Tanggal', 'Date'))}</th>
              <th scope="col">{say(lang, text('Perihal', 'Subject'))}</th>
              <th scope="col">{say(lang, text('Berkas', 'File'))}</th>
            </tr>
          </thead>
          <tbody>
            {view.letters.map((l) => (
              <tr>
                <td safe>{l.number}</td>
                <td safe>{formatDay(lang, l.issuedOn)}</td>
                <td safe>{l.subject}</td>
                <td>
                  <DownloadButton
                    action={`/${office.slug}/lacak/surat/${l.id}`}
                    {...proof}
                    label={text('Unduh PDF', 'Download PDF')}
                    accessibleName={t(lang, text(`Unduh PDF surat ${l.number}`, `Download PDF of letter ${l.number}`))}
                  />{' '}
                  <a href={`/verifikasi/${l.verifyCode}`} aria-label={t(lang, text(`Periksa keaslian surat ${l.number}`, `Check it is genuine: letter ${l.number}`))}>
                    {say(lang, text('Periksa keaslian', 'Check it is genuine'))}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}

      {request.status === 'closed' ? (
        <>
          <h2>{say(lang, text('Informasi yang diberikan', 'Information given'))}</h2>
          {view.files.length === 0 ? (
            <p>{say(lang, text('Tidak ada berkas untuk diunduh; lihat surat di atas.', 'There are no files to download; see the letters above.'))}</p>
          ) : (
            <DataTable lang={lang} id="files" caption={text('Berkas yang diberikan', 'Files given')}>
              <thead>
                <tr>
                  <th scope="col">{say(lang, text('Berkas', 'File'))}</th>
                  <th scope="col">{say(lang, text('Ukuran', 'Size'))}</th>
                  <th scope="col">{say(lang, text('Unduh', 'Download'))}</th>
                </tr>
              </thead>
              <tbody>
                {view.files.map((f) => (
                  <tr>
                    <td safe>{f.name}</td>
                    <td safe>{fileSize(f.size)}</td>
                    <td>
                      <DownloadButton action={`/${office.slug}/lacak/berkas/${f.id}`} {...proof} label={text('Unduh', 'Download')} accessibleName={t(lang, text(`Unduh ${f.name}`, `Download ${f.name}`))} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
        </>
      ) : (
        ''
      )}

      <TrackedObjections ctx={ctx} office={office} number={request.number} code={code} view={view.objections} reaction={props.reaction} />

      <h2>{say(lang, text('Tanda bukti', 'Receipt'))}</h2>
      <DownloadButton action={`/${office.slug}/lacak/tanda-bukti`} {...proof} label={text('Unduh tanda bukti (PDF)', 'Download the receipt (PDF)')} />
      <p>
        <a href={`/${office.slug}/lacak`}>{say(lang, text('Lacak permohonan lain', 'Track another request'))}</a>
      </p>
    </Layout>
  );
}

function DownloadLinkPage(props: { ctx: PageContext; token: string; opened: OpenedLink }): JSX.Element {
  const { ctx, opened } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={text('Unduh informasi publik', 'Download public information')} officeName={opened.office.name}>
      <dl class="facts">
        <dt>{say(lang, text('Kantor', 'Office'))}</dt>
        <dd>
          <a href={`/${opened.office.slug}`} safe>
            {opened.office.name}
          </a>
        </dd>
        <dt>{say(lang, TRACK_LABELS.number!)}</dt>
        <dd safe>{opened.request.number}</dd>
        <dt>{say(lang, text('Tautan berlaku sampai', 'Link valid until'))}</dt>
        <dd safe>{formatMoment(lang, opened.expiresAt, opened.office.timeZone)}</dd>
      </dl>
      {opened.files.length === 0 ? (
        <p>{say(lang, text('Tidak ada berkas untuk diunduh; lihat pemberitahuan tertulis yang dikirim kepada Anda.', 'There are no files to download; see the written notice sent to you.'))}</p>
      ) : (
        <ul>
          {opened.files.map((f) => (
            <li>
              <a href={`/unduh/${props.token}/${f.id}`} safe>
                {f.name}
              </a>{' '}
              <span class="hint" safe>{`(${fileSize(f.size)})`}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        {say(
          lang,
          text(
            'Setelah tautan ini habis masa berlakunya, berkas tetap dapat diunduh dari halaman pelacakan dengan nomor pendaftaran dan kode pelacakan.',
            'After this link expires, the files can still be downloaded from the tracking page with the registration number and the tracking code.',
          ),
        )}{' '}
        <a href={`/${opened.office.slug}/lacak`}>{say(lang, text('Lacak permohonan', 'Track a request'))}</a>
      </p>
    </Layout>
  );
}

/** An expired link: the service's 410, with the way on that the office's tracking page gives. */
function LinkGonePage(props: { ctx: PageContext; error: AppError; office: OfficeRow | undefined }): JSX.Element {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={text('Tautan unduhan sudah tidak berlaku', 'This download link has expired')} officeName={props.office?.name}>
      <p>{say(ctx.lang, props.error.text)}</p>
      <p>
        <a href={props.office ? `/${props.office.slug}/lacak` : '/'}>{say(ctx.lang, text('Lacak permohonan', 'Track a request'))}</a>
      </p>
    </Layout>
  );
}

const pdfName = (prefix: string, number: string) => `${prefix}${number.replace(/[^A-Za-z0-9.-]+/g, '-')}.pdf`;

function intakeFormOf(body: Record<string, string | string[]>): IntakeForm {
  const values = {} as Record<(typeof FORM_FIELDS)[number], string>;
  for (const field of FORM_FIELDS) values[field] = str(body, field);
  return values;
}

export async function requestPortalRoutes(app: App, { database, config }: AppDeps): Promise<void> {
  const db = database.db;
  const baseUrl = config.baseUrl;

  async function officeOf(slug: string): Promise<OfficeRow> {
    const office = await officeBySlug(db, slug);
    if (!office) throw notFound(text('Kantor tidak ditemukan.', 'Office not found.'));
    return office;
  }

  /** What a tracking page's buttons post back; the code is checked again on every download. */
  const proofOf = (body: unknown) => {
    const fields = formBody(body);
    return { number: str(fields, 'number'), code: str(fields, 'code') };
  };

  app.get<{ Params: { slug: string } }>('/:slug/permohonan', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const office = await officeOf(request.params.slug);
    const ctx = pageContext(request, reply);
    return sendHtml(reply, <IntakePage ctx={ctx} office={office} form={EMPTY_FORM} staged={[]} submissionKey={newSubmissionKey()} terms={await termsToday(db, office)} />);
  });

  app.post<{ Params: { slug: string } }>('/:slug/permohonan', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const office = await officeOf(request.params.slug);
    const body = formBody(request.body);
    const form = intakeFormOf(body);
    const submissionKey = str(body, 'submissionKey');
    const dropped = new Set(list(body, 'drop_staged'));
    const kept = await stagedFiles(db, office.id, list(body, 'staged').filter((token) => !dropped.has(token)));
    const { good, problems: fileProblems } = checkUploads(
      request.uploads.filter((u) => isPortalFileRole(u.role)),
      INTAKE_TYPES,
    );
    try {
      if (Object.keys(fileProblems).length > 0) {
        // A refused file is not dropped silently: the whole form comes back, with every other problem too.
        const counts: Partial<Record<IntakeFileRole, number>> = {};
        for (const f of [...good, ...kept.map((k) => k.file)]) if (isPortalFileRole(f.role)) counts[f.role] = (counts[f.role] ?? 0) + 1;
        const checked = checkIntake(form, counts);
        throw invalid({ ...(checked.ok ? {} : checked.problems), ...fileProblems });
      }
      const submitted = await submitRequest(db, actorOf(request), { officeId: office.id, form, submissionKey, files: good, stagedTokens: kept.map((k) => k.token) }, { baseUrl });
      const due = await currentDeadline(db, submitted.request);
      const ctx = pageContext(request, reply);
      reply.header('cache-control', 'no-store');
      return sendHtml(reply, <ConfirmationPage ctx={ctx} office={office} request={submitted.request} code={submitted.code} due={due?.due} />);
    } catch (error) {
      if (!(isAppError(error) && error.status === 422)) throw error;
      const staged: StagedView[] = [...kept.map((k) => ({ token: k.token, role: k.file.role, name: k.file.name })), ...(await stageUploads(db, office.id, good))];
      const ctx = pageContext(request, reply);
      const state: FormState = { values: body, errors: error.fields, summary: error.text };
      // A key the service refused cannot be used again; any other key is kept so that sending twice stays one request.
      const key = error.fields.submissionKey ? newSubmissionKey() : submissionKey;
      // The form comes back with the NIK and contacts typed into it: no cache may keep a copy.
      reply.header('cache-control', 'no-store');
      return sendHtml(reply, <IntakePage ctx={ctx} office={office} form={state} staged={staged} submissionKey={key} terms={await termsToday(db, office)} />, 422);
    }
  });

  app.get<{ Params: { slug: string } }>('/:slug/lacak', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const office = await officeOf(request.params.slug);
    return sendHtml(reply, <TrackPage ctx={pageContext(request, reply)} office={office} form={EMPTY_FORM} />);
  });

  app.post<{ Params: { slug: string } }>('/:slug/lacak', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const office = await officeOf(request.params.slug);
    const { number, code } = proofOf(request.body);
    const errors: Record<string, Text> = {};
    if (!number) errors.number = text('Isi nomor pendaftaran.', 'Enter the registration number.');
    if (!code) errors.code = text('Isi kode pelacakan.', 'Enter the tracking code.');
    if (Object.keys(errors).length > 0) {
      return sendHtml(reply, <TrackPage ctx={pageContext(request, reply)} office={office} form={{ values: { number }, errors }} />, 422);
    }
    let found: RequestRow;
    try {
      found = await findTracked(db, office.id, number, code);
    } catch (error) {
      if (!(isAppError(error) && error.status === 404)) throw error;
      return sendHtml(reply, <TrackPage ctx={pageContext(request, reply)} office={office} form={{ values: { number }, errors: {}, summary: error.text }} />, 404);
    }
    const view = await trackedView(db, found, normaliseCode(code));
    reply.header('cache-control', 'no-store');
    return sendHtml(reply, <TrackedPage ctx={pageContext(request, reply)} office={office} view={view} />);
  });

  app.post<{ Params: { slug: string } }>('/:slug/lacak/tanda-bukti', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const office = await officeOf(request.params.slug);
    const { number, code } = proofOf(request.body);
    const receipt = await receiptFor(db, office.id, number, code, baseUrl);
    return sendAttachment(reply, pdfName('tanda-bukti-', receipt.number), 'application/pdf', receipt.pdf);
  });

  app.post<{ Params: { slug: string; letterId: string } }>('/:slug/lacak/surat/:letterId', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const office = await officeOf(request.params.slug);
    const letterId = pathId(request.params.letterId);
    const { number, code } = proofOf(request.body);
    const found = await findTracked(db, office.id, number, code);
    const letter = await letterPdfOf(db, found.id, letterId);
    if (!letter) throw notFound(text('Surat tidak ditemukan.', 'Letter not found.'));
    return sendAttachment(reply, pdfName('', letter.number), 'application/pdf', letter.pdf);
  });

  app.post<{ Params: { slug: string; fileId: string } }>('/:slug/lacak/berkas/:fileId', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const office = await officeOf(request.params.slug);
    const fileId = pathId(request.params.fileId);
    const { number, code } = proofOf(request.body);
    const found = await findTracked(db, office.id, number, code);
    const file = await applicantFile(db, found, fileId, 'tracking');
    return sendAttachment(reply, file.name, file.mediaType, file.content);
  });

  /** The 410 of an expired link, as a page that leads to the office's tracking page. */
  async function linkGone(request: FastifyRequest, reply: FastifyReply, token: string, error: unknown): Promise<FastifyReply> {
    if (!(isAppError(error) && error.status === 410)) throw error;
    const link = await downloadLinkByHash(db, sha256(token));
    const office = link ? await officeById(db, link.officeId) : undefined;
    return sendHtml(reply, <LinkGonePage ctx={pageContext(request, reply)} error={error} office={office} />, 410);
  }

  app.get<{ Params: { token: string } }>('/unduh/:token', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const { token } = request.params;
    let opened: OpenedLink;
    try {
      opened = await openDownloadLink(db, token);
    } catch (error) {
      return linkGone(request, reply, token, error);
    }
    reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
    return sendHtml(reply, <DownloadLinkPage ctx={pageContext(request, reply)} token={token} opened={opened} />);
  });

  app.get<{ Params: { token: string; fileId: string } }>('/unduh/:token/:fileId', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const { token } = request.params;
    const fileId = pathId(request.params.fileId);
    let file: { name: string; mediaType: string; content: Buffer };
    try {
      file = await downloadViaLink(db, token, fileId);
    } catch (error) {
      return linkGone(request, reply, token, error);
    }
    return sendAttachment(reply, file.name, file.mediaType, file.content);
  });
}

