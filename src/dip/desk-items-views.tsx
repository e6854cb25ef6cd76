import Html from '@kitajs/html';
import type { CheckReport } from '../kernel/checker/index.ts';
import { formatDay, formatMoment, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import type { OfficeRow, UnitRow } from '../offices/store.ts';
import { PASAL17_LABELS } from '../requests/rules.ts';
import { CsrfField, describedBy, EMPTY_FORM, ErrorSummary, fieldId, fieldValue, HintAndError, RemoveButton, SelectField, TextArea, TextField, type FormState } from '../web/forms.tsx';
import { DataTable, Layout, say, type PageContext } from '../web/layout.tsx';
import { CATEGORIES, CATEGORY_LABELS, DEFAULT_CALL_WORKING_DAYS, isCategory, ITEM_LABELS, MAX_UPDATE_MONTHS } from './rules.ts';
import type { callUnits, DikEntryRow, DipCallRow, DipItemRow, filesOfItems, itemEvents } from './store.ts';
import { FindingsTable } from '../web/findings.tsx';

/**
 * The desk's pages for SOP 000 steps 1–2 (call for information, a unit's submissions, the PPID's
 * classification and documentation check, the checker's findings on each file). Pure views:
 * src/dip/desk-items.tsx loads the data and runs the use cases.
 */

export type ItemListRow = { readonly item: DipItemRow; readonly unitName: string | null };
export type ItemFile = Awaited<ReturnType<typeof filesOfItems>>[number];
export type CallUnit = Awaited<ReturnType<typeof callUnits>>[number];
export type ItemEvent = Awaited<ReturnType<typeof itemEvents>>[number];

/** A form that came back: which one on the page (its key) and what it carried. */
export interface ActionState {
  readonly key: string;
  readonly form: FormState;
}

// ---------------------------------------------------------------------------------------------------
// Labels and small pieces

const lookup = (table: Readonly<Record<string, Text>>, key: string | null | undefined): Text | undefined => (key && Object.hasOwn(table, key) ? table[key] : undefined);

export const ITEM_STATUS_LABELS: Readonly<Record<string, Text>> = {
  submitted: text('Diserahkan unit, menunggu klasifikasi PPID', "Submitted by the unit, awaiting the PPID's classification"),
  classified: text('Sudah diklasifikasi PPID', 'Classified by the PPID'),
  withdrawn: text('Ditarik', 'Withdrawn'),
};

const REVIEW_LABELS: Readonly<Record<string, Text>> = {
  pending: text('Ada temuan; menunggu keputusan PPID', 'Has findings; awaiting the PPID'),
  clear: text('Tanpa temuan', 'No findings'),
  overridden: text('Temuan diterima PPID dengan alasan', 'Findings accepted by the PPID with a reason'),
};

function statusText(lang: Lang, status: string): string {
  const found = lookup(ITEM_STATUS_LABELS, status);
  return found ? t(lang, found) : status;
}

function categoryText(lang: Lang, category: string | null): string {
  return isCategory(category) ? t(lang, CATEGORY_LABELS[category]) : t(lang, text('Belum diklasifikasi', 'Not classified yet'));
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const yesNo = (lang: Lang, value: boolean, yes: Text, no: Text) => t(lang, value ? yes : no);

/** The errors in the order of `labels`, so the summary reads down the form. */
function ordered(form: FormState, labels: Readonly<Record<string, Text>>): FormState {
  const keys = Object.keys(labels);
  const rank = (key: string) => (keys.includes(key) ? keys.indexOf(key) : keys.length);
  return { ...form, errors: Object.fromEntries(Object.entries(form.errors).sort(([a], [b]) => rank(a) - rank(b))) };
}

/** Whether a unit that has not answered is late: the due day has passed on the office's clock. */
export const isLate = (answeredAt: Date | null, dueOn: string, today: string) => answeredAt === null && today > dueOn;

/** A call's answers in words (colour alone would not reach everyone). */
function answersInWords(lang: Lang, units: readonly CallUnit[], dueOn: string, today: string): string {
  const answered = units.filter((u) => u.answeredAt !== null).length;
  const late = units.filter((u) => isLate(u.answeredAt, dueOn, today)).length;
  const waiting = units.length - answered - late;
  return t(
    lang,
    text(
      `${answered} dari ${units.length} unit sudah menyerahkan semua; ${waiting} belum (masih dalam batas waktu); ${late} terlambat`,
      `${answered} of ${units.length} units have handed over everything; ${waiting} not yet (still in time); ${late} late`,
    ),
  );
}

function unitAnswerText(lang: Lang, unit: CallUnit, dueOn: string, today: string, timeZone: string): string {
  if (unit.answeredAt) return `${t(lang, text('Sudah menyerahkan semua', 'Handed over everything'))} (${formatMoment(lang, unit.answeredAt, timeZone)})`;
  return t(lang, isLate(unit.answeredAt, dueOn, today) ? text('Terlambat: belum menjawab dan batas waktu sudah lewat', 'Late: not answered and past the due date') : text('Belum menjawab', 'Not answered yet'));
}

/** A file input with the same label, hint, error and ids as the fields in src/web/forms.tsx. */
function FileField(props: { lang: Lang; form: FormState; name: string; label: Text; hint: Text }): JSX.Element {
  const { lang, form, name } = props;
  const error = form.errors[name];
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={fieldId(name)}>
        {say(lang, props.label)}
        <span class="optional">{say(lang, text(' (opsional)', ' (optional)'))}</span>
      </label>
      <HintAndError lang={lang} form={form} name={name} hint={props.hint} />
      <input
        type="file"
        id={fieldId(name)}
        name={name}
        multiple
        accept=".pdf,.docx,.xlsx,.txt,.csv,.png,.jpg,.jpeg"
        aria-describedby={describedBy({ form, name, hint: props.hint })}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

/** One step's form in its own section, with its error summary when it came back. */
function StepForm(props: {
  ctx: PageContext;
  formKey: string;
  title: Text;
  intro?: Text;
  action: string;
  state: ActionState | undefined;
  defaults?: FormState;
  labels: Readonly<Record<string, Text>>;
  multipart?: boolean;
  submit: Text;
  secondary?: boolean;
  /** Inside a file's own section (its h3), the step is one level down. */
  nested?: boolean;
  fields: (form: FormState) => JSX.Element;
}): JSX.Element {
  const { ctx } = props;
  const form = props.state?.key === props.formKey ? ordered(props.state.form, props.labels) : (props.defaults ?? EMPTY_FORM);
  const titleId = `act-${props.formKey}-title`;
  return (
    <section class="action" id={`act-${props.formKey}`} aria-labelledby={titleId}>
      {props.nested ? <h4 id={titleId}>{say(ctx.lang, props.title)}</h4> : <h3 id={titleId}>{say(ctx.lang, props.title)}</h3>}
      {props.intro ? <p class="hint">{say(ctx.lang, props.intro)}</p> : ''}
      <ErrorSummary lang={ctx.lang} form={form} labels={props.labels} />
      <form method="post" action={props.action} enctype={props.multipart ? 'multipart/form-data' : undefined} class="narrow" novalidate>
        <CsrfField token={ctx.csrfToken} />
        {props.fields(form)}
        <button type="submit" class={props.secondary ? 'secondary' : undefined}>
          {say(ctx.lang, props.submit)}
        </button>
      </form>
    </section>
  );
}

/** A refusal of a step whose form is not on the page (403/409 on a step this person does not see). */
function Refusal(props: { lang: Lang; state: ActionState | undefined; shown: readonly string[] }): JSX.Element {
  const { state } = props;
  if (!state || props.shown.includes(state.key)) return '';
  return <ErrorSummary lang={props.lang} form={state.form} labels={{}} />;
}

// ---------------------------------------------------------------------------------------------------
// The item form (every DIP field, softcopy files and hardcopy location)

export const ITEM_FORM_LABELS: Readonly<Record<string, Text>> = {
  unitId: text('Unit yang menguasai informasi', 'Unit holding the information'),
  title: ITEM_LABELS.title,
  summary: ITEM_LABELS.summary,
  holder: ITEM_LABELS.holder,
  responsible: ITEM_LABELS.responsible,
  producedWhen: ITEM_LABELS.producedWhen,
  producedWhere: ITEM_LABELS.producedWhere,
  hasSoftcopy: text('Bentuk yang tersedia', 'Forms available'),
  onlineLink: ITEM_LABELS.onlineLink,
  archiveLocation: ITEM_LABELS.archiveLocation,
  retention: ITEM_LABELS.retention,
  files: text('Berkas softcopy', 'Softcopy files'),
};

/** An item's stored values as form values, for the edit form. */
export function itemFormValues(item: DipItemRow): FormState {
  return {
    values: {
      title: item.title,
      summary: item.summary,
      holder: item.holder,
      responsible: item.responsible,
      producedWhen: item.producedWhen,
      producedWhere: item.producedWhere,
      hasSoftcopy: item.hasSoftcopy ? 'yes' : '',
      hasHardcopy: item.hasHardcopy ? 'yes' : '',
      onlineLink: item.onlineLink,
      archiveLocation: item.archiveLocation,
      retention: item.retention,
    },
    errors: {},
  };
}

function FormsAvailable(props: { lang: Lang; form: FormState }): JSX.Element {
  const { lang, form } = props;
  const hint = text('Centang satu atau keduanya. Softcopy: unggah berkasnya atau isi tautan daring. Hardcopy: isi lokasi arsipnya.', 'Tick one or both. Softcopy: upload the file or give the online link. Hardcopy: say where it is kept.');
  const error = form.errors.hasSoftcopy;
  return (
    <fieldset class={error ? 'field has-error' : 'field'} aria-describedby={describedBy({ form, name: 'hasSoftcopy', hint })}>
      <legend>{say(lang, text('Bentuk informasi yang tersedia', 'Forms the information exists in'))}</legend>
      <HintAndError lang={lang} form={form} name="hasSoftcopy" hint={hint} />
      {(['hasSoftcopy', 'hasHardcopy'] as const).map((name) => (
        <div class="check">
          <input type="checkbox" id={fieldId(name)} name={name} value="yes" checked={fieldValue(form, name) === 'yes'} aria-invalid={name === 'hasSoftcopy' && error ? 'true' : undefined} />
          <label for={fieldId(name)}>{say(lang, ITEM_LABELS[name])}</label>
        </div>
      ))}
    </fieldset>
  );
}

const FILES_HINT = text(
  'PDF, DOCX, XLSX, teks/CSV, PNG atau JPEG; paling banyak 10 berkas, masing-masing 20 MB. Jenis berkas dinilai dari isinya. Setiap berkas diperiksa (data pribadi, lembar atau baris tersembunyi, komentar); temuan diputuskan PPID sebelum terbit. Bila formulir dikembalikan karena ada isian yang salah, pilih berkasnya lagi.',
  'PDF, DOCX, XLSX, text/CSV, PNG or JPEG; at most 10 files of 20 MB each. The type is judged by content. Every file is checked (personal data, hidden sheets or rows, comments); the PPID decides on findings before publication. If the form comes back with a problem, choose the files again.',
);

function ItemFields(props: { lang: Lang; form: FormState; units?: readonly UnitRow[] | undefined; filesLabel?: Text }): JSX.Element {
  const { lang, form } = props;
  return (
    <>
      {props.units ? (
        <SelectField
          lang={lang}
          form={form}
          name="unitId"
          label={ITEM_FORM_LABELS.unitId!}
          required
          options={[{ value: '', label: text('— pilih unit —', '— choose a unit —') }, ...props.units.map((u) => ({ value: String(u.id), label: u.name }))]}
        />
      ) : (
        ''
      )}
      <TextField lang={lang} form={form} name="title" label={ITEM_LABELS.title} required />
      <TextArea lang={lang} form={form} name="summary" label={ITEM_LABELS.summary} rows={4} required hint={text('Isi pokok informasi dalam beberapa kalimat, paling panjang 2000 karakter.', 'What it contains in a few sentences, at most 2000 characters.')} />
      <TextField lang={lang} form={form} name="holder" label={ITEM_LABELS.holder} required hint={text('Misalnya Subbagian Teknis Penyelenggaraan Pemilu dan Hubungan Masyarakat.', 'For example the technical subdivision.')} />
      <TextField lang={lang} form={form} name="responsible" label={ITEM_LABELS.responsible} required hint={text('Jabatan, misalnya Kepala Subbagian Teknis.', 'A position, e.g. head of the technical subdivision.')} />
      <TextField lang={lang} form={form} name="producedWhen" label={ITEM_LABELS.producedWhen} required hint={text('Misalnya "Juni 2024" atau "2019–2024".', 'For example "June 2024" or "2019–2024".')} />
      <TextField lang={lang} form={form} name="producedWhere" label={ITEM_LABELS.producedWhere} required />
      <FormsAvailable lang={lang} form={form} />
      <TextField lang={lang} form={form} name="onlineLink" label={ITEM_LABELS.onlineLink} inputmode="url" hint={text('Diawali https://; wajib untuk softcopy tanpa berkas unggahan.', 'Starting with https://; required for a softcopy with no uploaded file.')} />
      <TextField lang={lang} form={form} name="archiveLocation" label={ITEM_LABELS.archiveLocation} hint={text('Wajib untuk hardcopy: gedung, ruang, lemari atau boks arsip.', 'Required for a hardcopy: building, room, cabinet or archive box.')} />
      <TextField lang={lang} form={form} name="retention" label={ITEM_LABELS.retention} required hint={text('Menurut jadwal retensi arsip (JRA, PKPU 17/2023), misalnya "10 tahun".', 'From the archive retention schedule (PKPU 17/2023), e.g. "10 years".')} />
      <FileField lang={lang} form={form} name="files" label={props.filesLabel ?? ITEM_FORM_LABELS.files!} hint={FILES_HINT} />
    </>
  );
}

// ---------------------------------------------------------------------------------------------------
// Tables shared by the overview

function pendingCount(files: readonly ItemFile[], itemId: number): number {
  return files.filter((f) => f.itemId === itemId && f.review === 'pending').length;
}

function ItemsTable(props: { lang: Lang; id: string; caption: Text; rows: readonly ItemListRow[]; files: readonly ItemFile[] }): JSX.Element {
  const { lang } = props;
  if (props.rows.length === 0) return <p>{say(lang, text(`${props.caption.id}: tidak ada.`, `${props.caption.en}: none.`))}</p>;
  return (
    <DataTable lang={lang} id={props.id} caption={text(`${props.caption.id} (${props.rows.length})`, `${props.caption.en} (${props.rows.length})`)} captionVisible>
      <thead>
        <tr>
          <th scope="col">{say(lang, text('Judul informasi', 'Title'))}</th>
          <th scope="col">{say(lang, text('Unit', 'Unit'))}</th>
          <th scope="col">{say(lang, text('Klasifikasi', 'Category'))}</th>
          <th scope="col">{say(lang, text('Dokumentasi diperiksa', 'Documentation checked'))}</th>
          <th scope="col">{say(lang, text('Berkas', 'Files'))}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map(({ item, unitName }) => {
          const all = props.files.filter((f) => f.itemId === item.id).length;
          const pending = pendingCount(props.files, item.id);
          return (
            <tr>
              <th scope="row">
                <a href={`/desk/dip/informasi/${item.id}`} safe>
                  {item.title}
                </a>
              </th>
              <td safe>{unitName ?? '—'}</td>
              <td safe>{categoryText(lang, item.category)}</td>
              <td safe>{yesNo(lang, item.documentationChecked, text('Sudah', 'Yes'), text('Belum', 'Not yet'))}</td>
              <td safe>{t(lang, text(`${all} berkas${pending ? `, ${pending} menunggu keputusan atas temuan` : ''}`, `${all} file(s)${pending ? `, ${pending} awaiting a decision on findings` : ''}`))}</td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}

function ItemsByStatus(props: { lang: Lang; rows: readonly ItemListRow[]; files: readonly ItemFile[] }): JSX.Element {
  const groups = [
    ['submitted', text('Menunggu klasifikasi', 'Awaiting classification')],
    ['classified', text('Sudah diklasifikasi', 'Classified')],
    ['withdrawn', text('Ditarik', 'Withdrawn')],
  ] as const;
  return (
    <>
      {groups.map(([status, caption]) => (
        <ItemsTable lang={props.lang} id={`items-${status}`} caption={caption} rows={props.rows.filter((r) => r.item.status === status)} files={props.files} />
      ))}
    </>
  );
}

// ---------------------------------------------------------------------------------------------------
// GET /desk/dip

export interface OverviewData {
  readonly office: OfficeRow;
  readonly today: string;
  readonly items: readonly ItemListRow[];
  readonly files: readonly ItemFile[];
  /** The PPID's view: every open call with its units. */
  readonly calls?: readonly { readonly call: DipCallRow; readonly units: readonly CallUnit[] }[];
  /** A provider's view: their unit and its calls not answered yet; no unit when the account has none. */
  readonly unit?: { readonly name: string; readonly openCalls: readonly DipCallRow[] } | null;
}

export function OverviewPage(props: { ctx: PageContext; data: OverviewData }): JSX.Element {
  const { ctx, data } = props;
  const lang = ctx.lang;
  const pendingFiles = data.files.filter((f) => f.review === 'pending' && data.items.some((r) => r.item.id === f.itemId && r.item.status !== 'withdrawn'));
  const titleOf = (itemId: number) => data.items.find((r) => r.item.id === itemId)?.item.title ?? '';
  return (
    <Layout ctx={ctx} title={text('Daftar Informasi Publik: pengumpulan dan klasifikasi', 'Public information list: collection and classification')} officeName={data.office.name}>
      <p class="lead">
        {say(
          lang,
          text(
            `SOP penetapan DIP langkah 1–2: PPID meminta unit menyerahkan informasi yang dikuasainya (standar ${DEFAULT_CALL_WORKING_DAYS} hari kerja), lalu mengklasifikasi dan memeriksa dokumentasi softcopy dan hardcopy-nya.`,
            `DIP SOP steps 1–2: the PPID asks units for the information they hold (standard ${DEFAULT_CALL_WORKING_DAYS} working days), then classifies it and checks its softcopy and hardcopy documentation.`,
          ),
        )}
      </p>
      {data.calls ? (
        <>
          <ul class="actions">
            <li>
              <a href="/desk/dip/permintaan/baru">{say(lang, text('Buat permintaan informasi ke unit', 'Ask units for information'))}</a>
            </li>
            <li>
              <a href="/desk/dip/informasi/baru">{say(lang, text('Catat informasi untuk sebuah unit', 'Record an item for a unit'))}</a>
            </li>
          </ul>
          <h2>{say(lang, text('Permintaan informasi yang terbuka', 'Open calls for information'))}</h2>
          {data.calls.length === 0 ? (
            <p>{say(lang, text('Belum ada permintaan informasi.', 'No calls for information yet.'))}</p>
          ) : (
            <DataTable lang={lang} id="calls" caption={text(`Permintaan terbuka (${data.calls.length})`, `Open calls (${data.calls.length})`)} captionVisible>
              <thead>
                <tr>
                  <th scope="col">{say(lang, text('Permintaan', 'Call'))}</th>
                  <th scope="col">{say(lang, text('Batas waktu', 'Due'))}</th>
                  <th scope="col">{say(lang, text('Jawaban unit', "Units' answers"))}</th>
                </tr>
              </thead>
              <tbody>
                {data.calls.map(({ call, units }) => (
                  <tr>
                    <th scope="row">
                      <a href={`/desk/dip/permintaan/${call.id}`} safe>
                        {call.title}
                      </a>
                    </th>
                    <td safe>{formatDay(lang, call.dueOn)}</td>
                    <td safe>{answersInWords(lang, units, call.dueOn, data.today)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
        </>
      ) : data.unit ? (
        <>
          <h2 safe>{`${t(lang, text('Permintaan yang belum dijawab unit', 'Calls your unit has not answered'))}: ${data.unit.name}`}</h2>
          {data.unit.openCalls.length === 0 ? (
            <p>{say(lang, text('Tidak ada permintaan informasi yang menunggu unit Anda.', 'No call is waiting for your unit.'))}</p>
          ) : (
            <ul>
              {data.unit.openCalls.map((call) => (
                <li>
                  <a href={`/desk/dip/permintaan/${call.id}`} safe>
                    {call.title}
                  </a>
                  <span safe>{` — ${t(lang, text('batas waktu', 'due'))} ${formatDay(lang, call.dueOn)}`}</span>
                  {data.today > call.dueOn ? (
                    <>
                      {' '}
                      <strong class="flag">{say(lang, text('Terlambat', 'Late'))}</strong>
                    </>
                  ) : (
                    ''
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p class="warning">{say(lang, text('Akun Anda belum terhubung ke unit; minta Admin Kantor menghubungkannya.', 'Your account is not linked to a unit yet; ask the office admin.'))}</p>
      )}

      <h2>{say(lang, data.calls ? text('Informasi yang diserahkan', 'Items submitted') : text('Informasi unit Anda', "Your unit's items"))}</h2>
      <ItemsByStatus lang={lang} rows={data.items} files={data.files} />

      <h2>{say(lang, text('Berkas dengan temuan yang belum diputuskan', 'Files with findings not yet decided'))}</h2>
      {pendingFiles.length === 0 ? (
        <p>{say(lang, text('Tidak ada.', 'None.'))}</p>
      ) : (
        <ul>
          {pendingFiles.map((f) => (
            <li>
              <a href={`/desk/dip/informasi/${f.itemId}#file-${f.id}`} safe>
                {`${f.name} — ${titleOf(f.itemId)} (${t(lang, text(`${(f.check as CheckReport | null)?.findings.length ?? 0} temuan`, `${(f.check as CheckReport | null)?.findings.length ?? 0} finding(s)`))})`}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------------
// GET /desk/dip/permintaan/baru

export const CALL_LABELS: Readonly<Record<string, Text>> = {
  title: text('Judul permintaan', 'Title of the call'),
  instruction: text('Arahan untuk unit', 'Instruction to the units'),
  unitIds: text('Unit yang diminta', 'Units asked'),
  dueOn: text('Batas waktu', 'Due date'),
};

export function NewCallPage(props: { ctx: PageContext; office: OfficeRow; units: readonly UnitRow[]; form: FormState }): JSX.Element {
  const { ctx } = props;
  const lang = ctx.lang;
  const form = ordered(props.form, CALL_LABELS);
  const chosen = new Set(Array.isArray(form.values.unitIds) ? form.values.unitIds : typeof form.values.unitIds === 'string' ? [form.values.unitIds] : []);
  const unitError = form.errors.unitIds;
  const unitHint = text('Setiap unit yang dipilih menerima e-mail berisi permintaan ini.', 'Each chosen unit gets this call by e-mail.');
  return (
    <Layout ctx={ctx} title={text('Permintaan informasi untuk DIP', 'Call for DIP information')} officeName={props.office.name}>
      <p>
        <a href="/desk/dip">{say(lang, text('Kembali ke DIP', 'Back to the DIP'))}</a>
      </p>
      <ErrorSummary lang={lang} form={form} labels={CALL_LABELS} />
      <form method="post" action="/desk/dip/permintaan/baru" class="narrow" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField lang={lang} form={form} name="title" label={CALL_LABELS.title!} required hint={text('Misalnya "Pemutakhiran DIP semester II 2026".', 'For example "DIP update, second half of 2026".')} />
        <TextArea lang={lang} form={form} name="instruction" label={CALL_LABELS.instruction!} rows={4} hint={text('Informasi apa yang diminta dan dalam bentuk apa.', 'Which information is asked for and in which form.')} />
        <fieldset class={unitError ? 'field has-error' : 'field'} id={fieldId('unitIds')} aria-describedby={describedBy({ form, name: 'unitIds', hint: unitHint })}>
          <legend>{say(lang, CALL_LABELS.unitIds!)}</legend>
          <HintAndError lang={lang} form={form} name="unitIds" hint={unitHint} />
          {props.units.length === 0 ? <p>{say(lang, text('Kantor ini belum punya unit aktif; Admin Kantor menambahkannya di halaman Unit.', 'This office has no active unit yet; the office admin adds them on the Units page.'))}</p> : ''}
          {props.units.map((u, i) => (
            <div class="check">
              <input type="checkbox" id={`${fieldId('unitIds')}-${i}`} name="unitIds" value={String(u.id)} checked={chosen.has(String(u.id))} />
              <label for={`${fieldId('unitIds')}-${i}`} safe>
                {u.name}
              </label>
            </div>
          ))}
        </fieldset>
        <TextField
          lang={lang}
          form={form}
          name="dueOn"
          type="date"
          label={CALL_LABELS.dueOn!}
          hint={text(`Kosongkan untuk ${DEFAULT_CALL_WORKING_DAYS} hari kerja sejak hari ini (standar SOP), dihitung dengan hari libur kantor.`, `Leave empty for ${DEFAULT_CALL_WORKING_DAYS} working days from today (the SOP's standard), counted with the office's holidays.`)}
        />
        <button type="submit">{say(lang, text('Kirim permintaan ke unit', 'Send the call to the units'))}</button>
      </form>
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------------
// GET /desk/dip/permintaan/:id

export interface CallPageData {
  readonly office: OfficeRow;
  readonly call: DipCallRow;
  readonly units: readonly CallUnit[];
  readonly items: readonly ItemListRow[];
  readonly today: string;
  /** For an information provider: their unit's row in this call (undefined when it was not asked). */
  readonly provider?: { readonly unit: CallUnit | undefined };
}

export function CallPage(props: { ctx: PageContext; data: CallPageData; state?: ActionState | undefined }): JSX.Element {
  const { ctx, data, state } = props;
  const lang = ctx.lang;
  const { call, office } = data;
  const late = data.today > call.dueOn;
  const mine = data.provider?.unit;
  const shown = mine ? ['submit', ...(mine.answeredAt ? [] : ['answer'])] : [];
  return (
    <Layout ctx={ctx} title={call.title} officeName={office.name}>
      <p>
        <a href="/desk/dip">{say(lang, text('Kembali ke DIP', 'Back to the DIP'))}</a>
      </p>
      <Refusal lang={lang} state={state} shown={shown} />
      <dl class="facts">
        <dt>{say(lang, CALL_LABELS.instruction!)}</dt>
        <dd class="prewrap" safe>
          {call.instruction || '—'}
        </dd>
        <dt>{say(lang, CALL_LABELS.dueOn!)}</dt>
        <dd>
          {Html.escapeHtml(formatDay(lang, call.dueOn))}
          {late ? (
            <>
              {' '}
              <strong class="flag">{say(lang, text('Batas waktu sudah lewat', 'Past the due date'))}</strong>
            </>
          ) : (
            ''
          )}
        </dd>
        <dt>{say(lang, text('Dibuat', 'Created'))}</dt>
        <dd safe>{formatMoment(lang, call.createdAt, office.timeZone)}</dd>
        <dt>{say(lang, text('Jawaban unit', "Units' answers"))}</dt>
        <dd safe>{answersInWords(lang, data.units, call.dueOn, data.today)}</dd>
      </dl>

      <h2>{say(lang, text('Jawaban per unit', 'Answers per unit'))}</h2>
      <DataTable lang={lang} id="call-units" caption={text('Unit yang diminta, jawabannya dan informasi yang diserahkan', 'Units asked, their answers and the items they submitted')}>
        <thead>
          <tr>
            <th scope="col">{say(lang, text('Unit', 'Unit'))}</th>
            <th scope="col">{say(lang, text('Jawaban', 'Answer'))}</th>
            <th scope="col">{say(lang, text('Informasi yang diserahkan', 'Items submitted'))}</th>
          </tr>
        </thead>
        <tbody>
          {data.units.map((u) => {
            const items = data.items.filter((r) => r.item.unitId === u.unitId);
            return (
              <tr>
                <th scope="row" safe>
                  {u.unitName}
                </th>
                <td safe>{unitAnswerText(lang, u, call.dueOn, data.today, office.timeZone)}</td>
                <td>
                  {items.length === 0 ? (
                    say(lang, text('Belum ada', 'None yet'))
                  ) : (
                    <ul>
                      {items.map(({ item }) => (
                        <li>
                          <a href={`/desk/dip/informasi/${item.id}`} safe>
                            {`${item.title} (${statusText(lang, item.status)})`}
                          </a>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>

      {data.provider ? (
        mine ? (
          <>
            <h2>{say(lang, text('Serahkan informasi unit Anda', "Submit your unit's information"))}</h2>
            <StepForm
              ctx={ctx}
              formKey="submit"
              title={text('Satu informasi untuk Daftar Informasi Publik', 'One item for the public information list')}
              intro={text('Isi semua kolom DIP. Serahkan satu per satu; setelah semuanya, tekan "Unit kami sudah menyerahkan semua".', 'Fill in every DIP column. Submit one item at a time; when all are in, press "Our unit has handed over everything".')}
              action={`/desk/dip/permintaan/${call.id}/informasi`}
              state={state}
              labels={ITEM_FORM_LABELS}
              multipart
              submit={text('Serahkan informasi ini', 'Submit this item')}
              fields={(form) => <ItemFields lang={lang} form={form} />}
            />
            {mine.answeredAt ? (
              <p safe>{`${t(lang, text('Unit Anda menyatakan sudah menyerahkan semua pada', 'Your unit said it had handed over everything on'))} ${formatMoment(lang, mine.answeredAt, office.timeZone)}.`}</p>
            ) : (
              <StepForm
                ctx={ctx}
                formKey="answer"
                title={text('Selesai', 'Done')}
                intro={text('Tandai setelah unit Anda menyerahkan semua informasi yang dikuasainya untuk permintaan ini; PPID melihat unit Anda sudah menjawab.', 'Mark this once your unit has submitted all it holds for this call; the PPID then sees your unit has answered.')}
                action={`/desk/dip/permintaan/${call.id}/selesai`}
                state={state}
                labels={{}}
                submit={text('Unit kami sudah menyerahkan semua', 'Our unit has handed over everything')}
                fields={() => ''}
              />
            )}
          </>
        ) : (
          <p>{say(lang, text('Permintaan ini tidak ditujukan kepada unit Anda.', 'This call was not sent to your unit.'))}</p>
        )
      ) : (
        ''
      )}
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------------
// GET /desk/dip/informasi/baru (the PPID records an item for a unit, outside any call)

export function NewItemPage(props: { ctx: PageContext; office: OfficeRow; units: readonly UnitRow[]; form: FormState }): JSX.Element {
  const { ctx } = props;
  const lang = ctx.lang;
  const form = ordered(props.form, ITEM_FORM_LABELS);
  return (
    <Layout ctx={ctx} title={text('Catat informasi untuk DIP', 'Record an item for the DIP')} officeName={props.office.name}>
      <p>
        <a href="/desk/dip">{say(lang, text('Kembali ke DIP', 'Back to the DIP'))}</a>
      </p>
      <p>{say(lang, text('Untuk informasi yang diserahkan unit di luar permintaan informasi, misalnya lewat surat atau rapat.', 'For information a unit handed over outside a call, e.g. by letter or in a meeting.'))}</p>
      <ErrorSummary lang={lang} form={form} labels={ITEM_FORM_LABELS} />
      <form method="post" action="/desk/dip/informasi" enctype="multipart/form-data" class="narrow" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <ItemFields lang={lang} form={form} units={props.units} />
        <button type="submit">{say(lang, text('Catat informasi', 'Record the item'))}</button>
      </form>
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------------
// GET /desk/dip/informasi/:id

export interface ItemPageData {
  readonly office: OfficeRow;
  readonly item: DipItemRow;
  readonly unitName: string | null;
  readonly call: DipCallRow | undefined;
  readonly files: readonly ItemFile[];
  readonly events: readonly ItemEvent[];
  /** DIK entries in force for this office (its own and those above it), for classifying as exempt. */
  readonly dikOptions: readonly DikEntryRow[];
  readonly dikEntry: DikEntryRow | undefined;
  /** Why the item cannot be established yet (empty: ready). */
  readonly readiness: readonly Text[];
  readonly isPpid: boolean;
  readonly canEdit: boolean;
  readonly canRemoveFiles: boolean;
}

export const CLASSIFY_LABELS: Readonly<Record<string, Text>> = {
  category: text('Klasifikasi', 'Category'),
  updateMonths: text('Diperbarui setiap (bulan)', 'Updated every (months)'),
  dikEntryId: text('Entri DIK', 'DIK entry'),
  documentationChecked: text('Dokumentasi', 'Documentation'),
};

export const WITHDRAW_LABELS: Readonly<Record<string, Text>> = { withdraw_reason: text('Alasan penarikan', 'Reason for withdrawing') };

export const overrideField = (fileId: number) => `reason_${fileId}`;

const EVENT_LABELS: Readonly<Record<string, Text>> = {
  'dip.item_submitted': text('Diserahkan', 'Submitted'),
  'dip.item_updated': text('Diubah', 'Changed'),
  'dip.item_classified': text('Diklasifikasi', 'Classified'),
  'dip.file_overridden': text('Temuan berkas diterima PPID', 'File findings accepted by the PPID'),
  'dip.file_removed': text('Berkas dihapus', 'File removed'),
  'dip.item_withdrawn': text('Ditarik', 'Withdrawn'),
};

/** The part of an event worth reading in the history: what was classified, why, which file. */
function eventDetail(lang: Lang, event: ItemEvent): string {
  const after = (event.after && typeof event.after === 'object' ? event.after : {}) as Record<string, unknown>;
  const before = (event.before && typeof event.before === 'object' ? event.before : {}) as Record<string, unknown>;
  const count = (value: unknown) => (typeof value === 'number' ? value : 0);
  switch (event.action) {
    case 'dip.item_submitted':
      return t(lang, text(`${count(after.files)} berkas, ${count(after.findings)} temuan pemeriksa`, `${count(after.files)} file(s), ${count(after.findings)} checker finding(s)`));
    case 'dip.item_updated':
      return count(after.files) > 0 ? t(lang, text(`${count(after.files)} berkas ditambahkan`, `${count(after.files)} file(s) added`)) : '';
    case 'dip.item_classified': {
      const parts = [categoryText(lang, typeof after.category === 'string' ? after.category : null)];
      if (typeof after.updateMonths === 'number') parts.push(t(lang, text(`diperbarui setiap ${after.updateMonths} bulan`, `updated every ${after.updateMonths} months`)));
      parts.push(yesNo(lang, after.documentationChecked === true, text('dokumentasi diperiksa', 'documentation checked'), text('dokumentasi belum diperiksa', 'documentation not checked')));
      return parts.join(', ');
    }
    case 'dip.file_overridden':
    case 'dip.item_withdrawn':
      return typeof after.reason === 'string' ? after.reason : '';
    case 'dip.file_removed':
      return typeof before.name === 'string' ? before.name : '';
    default:
      return '';
  }
}

function FileSection(props: { ctx: PageContext; data: ItemPageData; file: ItemFile; state: ActionState | undefined }): JSX.Element {
  const { ctx, data, file, state } = props;
  const lang = ctx.lang;
  const report = file.check as CheckReport | null;
  const findings = report?.findings.length ?? 0;
  const field = overrideField(file.id);
  const removeKey = `remove-${file.id}`;
  const live = data.item.status !== 'withdrawn';
  return (
    <section class="answer-file" id={`file-${file.id}`} aria-labelledby={`file-${file.id}-title`}>
      <h3 id={`file-${file.id}-title`} safe>
        {file.name}
      </h3>
      <p>
        <a href={`/desk/dip/berkas/${file.id}`} safe>
          {`${t(lang, text('Unduh', 'Download'))} ${file.name} (${formatSize(file.size)})`}
        </a>
      </p>
      <p safe>{`${t(lang, text('Pemeriksaan', 'Check'))}: ${t(lang, lookup(REVIEW_LABELS, file.review) ?? text(file.review, file.review))}${file.review === 'overridden' && file.overrideReason ? ` — ${file.overrideReason}` : ''}`}</p>
      {report === null ? (
        <p>{say(lang, text('Berkas ini belum diperiksa pemeriksa berkas.', 'The file checker has not looked at this file.'))}</p>
      ) : findings === 0 ? (
        <p>{say(lang, text('Pemeriksa berkas tidak menemukan data pribadi atau isi tersembunyi.', 'The file checker found no personal data or hidden content.'))}</p>
      ) : (
        <FindingsTable lang={lang} file={file} report={report} />
      )}
      {data.isPpid && live && file.review === 'pending' ? (
        <StepForm
          ctx={ctx}
          formKey={`override-${file.id}`}
          title={text(`Putuskan temuan pada ${file.name}`, `Decide on the findings in ${file.name}`)}
          intro={text(
            'Sebaiknya perbaiki berkasnya (hapus atau hitamkan bagian itu), unggah ulang lewat formulir ubah, lalu hapus berkas ini. Bila temuan itu memang boleh terbit, terima dengan alasan tertulis; alasan dicatat di riwayat.',
            'Better fix the file (remove or black out those parts), upload it again through the edit form and remove this one. If the findings may be published, accept them with a written reason; the reason is kept in the history.',
          )}
          action={`/desk/dip/berkas/${file.id}/terima`}
          state={state}
          nested
          labels={{ [field]: text('Alasan', 'Reason') }}
          submit={text('Terima temuan; berkas boleh terbit', 'Accept the findings; the file may be published')}
          fields={(form) => (
            <TextArea lang={lang} form={form} name={field} label={text(`Alasan temuan pada ${file.name} dapat diterima`, `Why the findings in ${file.name} are acceptable`)} rows={2} required hint={text('10–2000 karakter.', '10–2000 characters.')} />
          )}
        />
      ) : (
        ''
      )}
      {data.canRemoveFiles ? (
        <>
          {state?.key === removeKey ? <ErrorSummary lang={lang} form={state.form} labels={{}} /> : ''}
          <RemoveButton lang={lang} action={`/desk/dip/berkas/${file.id}/hapus`} csrfToken={ctx.csrfToken} what={file.name} />
        </>
      ) : (
        ''
      )}
    </section>
  );
}

export function ItemPage(props: { ctx: PageContext; data: ItemPageData; state?: ActionState | undefined }): JSX.Element {
  const { ctx, data, state } = props;
  const lang = ctx.lang;
  const { item, office } = data;
  const live = item.status !== 'withdrawn';
  const shown = [
    ...(data.canEdit ? ['edit'] : []),
    ...(data.isPpid && live ? ['classify', 'withdraw'] : []),
    ...data.files.flatMap((f) => [...(data.isPpid && live && f.review === 'pending' ? [`override-${f.id}`] : []), ...(data.canRemoveFiles ? [`remove-${f.id}`] : [])]),
  ];
  const link = /^https?:\/\//i.test(item.onlineLink) ? item.onlineLink : '';
  const forms = [item.hasSoftcopy ? t(lang, text('softcopy', 'softcopy')) : '', item.hasHardcopy ? t(lang, text('hardcopy', 'hardcopy')) : ''].filter(Boolean).join(', ');
  const dik = data.dikEntry;
  const classifyDefaults: FormState = {
    values: {
      category: item.category ?? '',
      updateMonths: item.updateMonths === null ? '' : String(item.updateMonths),
      dikEntryId: item.dikEntryId === null ? '' : String(item.dikEntryId),
      documentationChecked: item.documentationChecked ? 'yes' : '',
    },
    errors: {},
  };
  return (
    <Layout ctx={ctx} title={item.title} officeName={office.name}>
      <p>
        <a href="/desk/dip">{say(lang, text('Kembali ke DIP', 'Back to the DIP'))}</a>
        {data.call ? (
          <>
            {' · '}
            <a href={`/desk/dip/permintaan/${data.call.id}`} safe>
              {`${t(lang, text('Permintaan', 'Call'))}: ${data.call.title}`}
            </a>
          </>
        ) : (
          ''
        )}
      </p>
      <Refusal lang={lang} state={state} shown={shown} />
      <p safe>{`${t(lang, text('Status', 'Status'))}: ${statusText(lang, item.status)}`}</p>

      <h2>{say(lang, text('Kolom DIP', 'DIP columns'))}</h2>
      <dl class="facts">
        <dt>{say(lang, text('Unit', 'Unit'))}</dt>
        <dd safe>{data.unitName ?? '—'}</dd>
        <dt>{say(lang, ITEM_LABELS.title)}</dt>
        <dd safe>{item.title}</dd>
        <dt>{say(lang, ITEM_LABELS.summary)}</dt>
        <dd class="prewrap" safe>
          {item.summary}
        </dd>
        <dt>{say(lang, ITEM_LABELS.holder)}</dt>
        <dd safe>{item.holder}</dd>
        <dt>{say(lang, ITEM_LABELS.responsible)}</dt>
        <dd safe>{item.responsible}</dd>
        <dt>{say(lang, ITEM_LABELS.producedWhen)}</dt>
        <dd safe>{item.producedWhen}</dd>
        <dt>{say(lang, ITEM_LABELS.producedWhere)}</dt>
        <dd safe>{item.producedWhere}</dd>
        <dt>{say(lang, text('Bentuk yang tersedia', 'Forms available'))}</dt>
        <dd safe>{forms || '—'}</dd>
        <dt>{say(lang, ITEM_LABELS.onlineLink)}</dt>
        <dd>
          {link ? (
            <a href={link} rel="noopener noreferrer" safe>
              {link}
            </a>
          ) : (
            '—'
          )}
        </dd>
        <dt>{say(lang, ITEM_LABELS.archiveLocation)}</dt>
        <dd safe>{item.archiveLocation || '—'}</dd>
        <dt>{say(lang, ITEM_LABELS.retention)}</dt>
        <dd safe>{item.retention}</dd>
        <dt>{say(lang, text('Diserahkan', 'Submitted'))}</dt>
        <dd safe>{formatMoment(lang, item.createdAt, office.timeZone)}</dd>
      </dl>

      <h2>{say(lang, text('Klasifikasi dan dokumentasi', 'Classification and documentation'))}</h2>
      <dl class="facts">
        <dt>{say(lang, CLASSIFY_LABELS.category!)}</dt>
        <dd safe>{categoryText(lang, item.category)}</dd>
        {item.category === 'berkala' && item.updateMonths !== null ? (
          <>
            <dt>{say(lang, CLASSIFY_LABELS.updateMonths!)}</dt>
            <dd safe>{`${item.updateMonths}${item.nextUpdateOn ? ` — ${t(lang, text('berikutnya', 'next'))} ${formatDay(lang, item.nextUpdateOn)}` : ''}`}</dd>
          </>
        ) : (
          ''
        )}
        {dik ? (
          <>
            <dt>{say(lang, CLASSIFY_LABELS.dikEntryId!)}</dt>
            <dd safe>{`${dik.title} — ${t(lang, text('Pasal 17 huruf', 'article 17 letter'))} ${dik.pasal17}; ${dik.harm} (${dik.periodText})`}</dd>
          </>
        ) : (
          ''
        )}
        <dt>{say(lang, text('Dokumentasi softcopy dan hardcopy', 'Softcopy and hardcopy documentation'))}</dt>
        <dd safe>{yesNo(lang, item.documentationChecked, text('Sudah diperiksa PPID', 'Checked by the PPID'), text('Belum diperiksa PPID', 'Not checked by the PPID yet'))}</dd>
      </dl>
      {item.status === 'classified' ? (
        data.readiness.length === 0 ? (
          <p>{say(lang, text('Siap ditetapkan dalam DIP.', 'Ready to be established in the DIP.'))}</p>
        ) : (
          <p class="warning" safe>{`${t(lang, text('Belum siap ditetapkan', 'Not ready to establish'))}: ${data.readiness.map((r) => t(lang, r)).join('; ')}.`}</p>
        )
      ) : (
        ''
      )}

      <h2>{say(lang, text('Berkas softcopy', 'Softcopy files'))}</h2>
      {data.files.length === 0 ? <p>{say(lang, text('Belum ada berkas.', 'No files yet.'))}</p> : ''}
      {data.files.map((file) => (
        <FileSection ctx={ctx} data={data} file={file} state={state} />
      ))}

      {shown.some((k) => k === 'edit' || k === 'classify') ? <h2>{say(lang, text('Langkah berikutnya', 'Next steps'))}</h2> : ''}
      {data.isPpid && live ? (
        <StepForm
          ctx={ctx}
          formKey="classify"
          title={text('Klasifikasi dan pemeriksaan dokumentasi (SOP langkah 2)', 'Classify and check the documentation (SOP step 2)')}
          intro={text(
            'Informasi berkala diperbarui paling lama setiap 6 bulan. Informasi dikecualikan tidak masuk DIP: ia harus merujuk entri DIK yang berlaku beserta uji konsekuensinya.',
            'Periodic information is updated at least every 6 months. Exempt information stays out of the DIP: it must cite a DIK entry in force with its consequence test.',
          )}
          action={`/desk/dip/informasi/${item.id}/klasifikasi`}
          state={state}
          defaults={classifyDefaults}
          labels={CLASSIFY_LABELS}
          submit={text('Simpan klasifikasi', 'Save the classification')}
          fields={(form) => (
            <>
              <SelectField
                lang={lang}
                form={form}
                name="category"
                label={CLASSIFY_LABELS.category!}
                required
                options={[{ value: '', label: text('— pilih —', '— choose —') }, ...CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))]}
              />
              <TextField
                lang={lang}
                form={form}
                name="updateMonths"
                label={CLASSIFY_LABELS.updateMonths!}
                inputmode="numeric"
                hint={text(`Wajib untuk informasi berkala: 1–${MAX_UPDATE_MONTHS}.`, `Required for periodic information: 1–${MAX_UPDATE_MONTHS}.`)}
              />
              <SelectField
                lang={lang}
                form={form}
                name="dikEntryId"
                label={CLASSIFY_LABELS.dikEntryId!}
                hint={text('Wajib untuk informasi dikecualikan: entri DIK yang berlaku untuk kantor ini, termasuk yang ditetapkan kantor di atasnya.', 'Required for exempt information: a DIK entry in force for this office, including those set by the offices above it.')}
                options={[
                  { value: '', label: text('— tidak ada —', '— none —') },
                  ...data.dikOptions.map((e) => ({ value: String(e.id), label: `${e.title} (${t(lang, PASAL17_LABELS[e.pasal17 as keyof typeof PASAL17_LABELS] ?? text(e.pasal17, e.pasal17))})` })),
                ]}
              />
              {data.dikOptions.length === 0 ? (
                <p class="hint">
                  {say(lang, text('Belum ada entri DIK yang berlaku untuk kantor ini.', 'No DIK entry is in force for this office yet.'))} <a href="/desk/dik">{say(lang, text('Buka DIK', 'Open the DIK'))}</a>
                </p>
              ) : (
                ''
              )}
              <div class="check">
                <input type="checkbox" id={fieldId('documentationChecked')} name="documentationChecked" value="yes" checked={fieldValue(form, 'documentationChecked') === 'yes'} />
                <label for={fieldId('documentationChecked')}>{say(lang, text('Dokumentasi softcopy dan hardcopy sudah diperiksa', 'The softcopy and hardcopy documentation has been checked'))}</label>
              </div>
            </>
          )}
        />
      ) : (
        ''
      )}
      {data.canEdit ? (
        <StepForm
          ctx={ctx}
          formKey="edit"
          title={text('Ubah kolom DIP dan tambah berkas', 'Change the DIP columns and add files')}
          intro={data.isPpid ? undefined : text('Unit dapat mengubah informasinya sampai PPID mengklasifikasinya.', 'A unit may change its items until the PPID classifies them.')}
          action={`/desk/dip/informasi/${item.id}/ubah`}
          state={state}
          defaults={itemFormValues(item)}
          labels={ITEM_FORM_LABELS}
          multipart
          submit={text('Simpan perubahan', 'Save the changes')}
          fields={(form) => <ItemFields lang={lang} form={form} filesLabel={text('Tambah berkas softcopy', 'Add softcopy files')} />}
        />
      ) : (
        ''
      )}
      {data.isPpid && live ? (
        <StepForm
          ctx={ctx}
          formKey="withdraw"
          title={text('Tarik informasi ini', 'Withdraw this item')}
          intro={text('Informasi yang ditarik tidak masuk edisi DIP berikutnya; edisi yang sudah terbit tetap tercatat.', 'A withdrawn item is left out of the next DIP edition; editions already published stay on record.')}
          action={`/desk/dip/informasi/${item.id}/tarik`}
          state={state}
          labels={WITHDRAW_LABELS}
          secondary
          submit={text('Tarik informasi', 'Withdraw the item')}
          fields={(form) => <TextArea lang={lang} form={form} name="withdraw_reason" label={WITHDRAW_LABELS.withdraw_reason!} rows={2} required />}
        />
      ) : (
        ''
      )}

      <h2>{say(lang, text('Riwayat', 'History'))}</h2>
      <ol class="timeline">
        {data.events.map((e) => {
          const detail = eventDetail(lang, e);
          return <li safe>{`${formatMoment(lang, e.at, office.timeZone)} — ${t(lang, lookup(EVENT_LABELS, e.action) ?? text(e.action, e.action))}${detail ? `: ${detail}` : ''} (${e.actorLabel})`}</li>;
        })}
      </ol>
    </Layout>
  );
}
