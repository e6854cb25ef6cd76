import Html from '@kitajs/html';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { columnLetters } from '../kernel/checker/xlsx.ts';
import { isAppError, notFound } from '../kernel/errors.ts';
import { formatMoment, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import { type OfficeRow } from '../offices/store.ts';
import { roles } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { actorOf, pathId, redirectWithNotice, scopeFor, sendHtml, staffOffice } from '../web/context.ts';
import { CsrfField, describedBy, EMPTY_FORM, ErrorSummary, fieldId, fieldValue, formBody, HintAndError, str, type FormState } from '../web/forms.tsx';
import { DataTable, Layout, pageContext, say, type PageContext } from '../web/layout.tsx';
import {
  cancelImport,
  filesByImportKey,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  importInScope,
  importsOf,
  isBroken,
  judgeRows,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  readMapping,
  reportOf,
  REQUIRED_FIELDS,
  saveMapping,
  stageImport,
  startImport,
  unmappedRequired,
  type DipImportRow,
  type ImportField,
  type ImportReport,
  type Mapping,
  type RowOutcome,
} from './import.ts';
import { CATEGORY_LABELS } from './rules.ts';

/**
 * The PPID's pages for importing an existing DIP spreadsheet: upload, preview (column mapping, the
 * first rows as they map, every broken row with what is wrong), the choice (import all, skip the broken
 * rows, or cancel) and the progress of the import job: updated in place by a small script, or by a link without one.
 */

const IMPORT_PAGES = roles('ppid');
const page = { hide: true };
const PREVIEW_ROWS = 20;

const NOTICES: Record<string, Text> = {
  staged: text('Berkas terbaca. Periksa pemetaan kolom dan baris yang rusak; belum ada yang diimpor.', 'The file was read. Check the column mapping and the broken rows; nothing is imported yet.'),
  mapped: text('Pemetaan kolom disimpan; baris diperiksa ulang.', 'The column mapping is saved; the rows were checked again.'),
  started: text('Impor dimulai.', 'The import has started.'),
  cancelled: text('Impor dibatalkan; tidak ada yang diimpor.', 'The import is cancelled; nothing was imported.'),
};

const STATUS_LABELS: Readonly<Record<string, Text>> = {
  staged: text('Menunggu keputusan', 'Waiting for a decision'),
  running: text('Sedang diimpor', 'Importing'),
  done: text('Selesai', 'Finished'),
  cancelled: text('Dibatalkan', 'Cancelled'),
  failed: text('Gagal', 'Failed'),
};

/** Short column heads for the preview table. */
const SHORT_LABELS: Readonly<Record<ImportField, Text>> = {
  key: text('No', 'No'),
  title: text('Judul', 'Title'),
  summary: text('Ringkasan', 'Summary'),
  holder: text('Pejabat/unit', 'Holder'),
  responsible: text('Penanggung jawab', 'Responsible'),
  producedWhen: text('Waktu', 'When'),
  producedWhere: text('Tempat', 'Where'),
  form: text('Bentuk', 'Form'),
  softcopy: text('Softcopy', 'Softcopy'),
  hardcopy: text('Hardcopy', 'Hardcopy'),
  onlineLink: text('Tautan', 'Link'),
  archiveLocation: text('Lokasi arsip', 'Archive'),
  retention: text('Retensi', 'Retention'),
  category: text('Klasifikasi', 'Category'),
};

const FIELD_HINTS: Partial<Record<ImportField, Text>> = {
  key: text('Dipakai untuk mengenali baris saat berkas diimpor ulang (yang sudah ada diperbarui). Tanpa nomor, judul yang dipakai.', 'Recognises a row when the file is imported again (existing items are updated). Without a number, the title is used.'),
  form: text('Isinya softcopy, hardcopy, atau keduanya. Atau pilih kolom softcopy dan hardcopy tersendiri di bawah.', 'Holding softcopy, hardcopy or both. Or choose separate softcopy and hardcopy columns below.'),
  softcopy: text('Isian apa pun selain kosong, "-" atau "tidak" berarti tersedia.', 'Anything but empty, "-" or "no" means it exists.'),
  hardcopy: text('Isian apa pun selain kosong, "-" atau "tidak" berarti tersedia.', 'Anything but empty, "-" or "no" means it exists.'),
  category: text('Berkala (mis. "berkala 6 bulan"), serta merta, atau setiap saat diterapkan; dikecualikan dan kosong diklasifikasi PPID kemudian.', 'Berkala (e.g. "berkala 6 bulan"), serta merta or setiap saat are applied; exempt or empty ones are classified by the PPID later.'),
};

const MAP_LABELS: Readonly<Record<string, Text>> = Object.fromEntries(IMPORT_FIELDS.map((f) => [`map_${f}`, IMPORT_FIELD_LABELS[f]]));
const FILE_LABEL = text('Berkas DIP (XLSX atau CSV)', 'DIP file (XLSX or CSV)');

const shorten = (value: string, max = 120) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

function columnName(lang: Lang, headers: readonly string[], column: number): string {
  const header = headers[column] ?? '';
  return `${lang === 'id' ? 'Kolom' : 'Column'} ${columnLetters(column + 1)}: ${header || (lang === 'id' ? '(tanpa judul)' : '(no name)')}`;
}

function formLabel(o: RowOutcome): string {
  const parts = [o.form.hasSoftcopy ? 'softcopy' : '', o.form.hasHardcopy ? 'hardcopy' : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : '—';
}

function categoryLabel(lang: Lang, o: RowOutcome): string {
  if (o.classification) {
    const months = o.classification.updateMonths;
    return `${t(lang, CATEGORY_LABELS[o.classification.category])}${months ? (lang === 'id' ? `, setiap ${months} bulan` : `, every ${months} months`) : ''}`;
  }
  if (o.problems.category) return '—';
  return t(lang, o.classificationNote ?? text('Diklasifikasi PPID kemudian', 'To be classified by the PPID'));
}

// ---------------------------------------------------------------------------------------------------
// Views

interface PastImport {
  readonly id: number;
  readonly fileName: string;
  readonly status: string;
  readonly done: number;
  readonly total: number;
  readonly createdAt: Date;
}

function UploadPage(props: { ctx: PageContext; office: OfficeRow; form: FormState; imports: readonly PastImport[] }): JSX.Element {
  const { ctx, form } = props;
  const lang = ctx.lang;
  const error = form.errors.file;
  const hint = text(
    `XLSX dari Excel atau CSV (UTF-8, pemisah koma atau titik koma), paling besar ${MAX_IMPORT_BYTES / (1024 * 1024)} MB dan ${MAX_IMPORT_ROWS} baris. Baris judul kolom memuat nama kolom seperti No, Judul Informasi, Ringkasan, Pejabat/Unit yang Menguasai, Penanggung Jawab, Waktu Pembuatan, Tempat Pembuatan, Bentuk, Tautan, Lokasi Arsip, Jangka Waktu Penyimpanan, Kategori.`,
    `XLSX from Excel or CSV (UTF-8, comma or semicolon separated), at most ${MAX_IMPORT_BYTES / (1024 * 1024)} MB and ${MAX_IMPORT_ROWS} rows. The header row names the columns, e.g. No, Title, Summary, Holder, Responsible, When produced, Where produced, Form, Link, Archive location, Retention, Category.`,
  );
  return (
    <Layout ctx={ctx} title={text('Impor DIP dari lembar kerja', 'Import the DIP from a spreadsheet')} officeName={props.office.name}>
      <ErrorSummary lang={lang} form={form} labels={{ file: FILE_LABEL }} />
      <p class="lead">
        {say(
          lang,
          text(
            'Unggah daftar informasi publik yang sudah ada. Anda akan melihat pratinjau, pemetaan kolom, dan setiap baris yang rusak sebelum ada yang diimpor. Impor ulang berkas yang sama memperbarui informasinya, tidak menggandakannya.',
            'Upload the existing list of public information. You see a preview, the column mapping and every broken row before anything is imported. Importing the same file again updates the items instead of duplicating them.',
          ),
        )}
      </p>
      <form method="post" action="/desk/dip/impor" enctype="multipart/form-data" class="narrow">
        <CsrfField token={ctx.csrfToken} />
        <div class={error ? 'field has-error' : 'field'}>
          <label for={fieldId('file')}>{say(lang, FILE_LABEL)}</label>
          <HintAndError lang={lang} form={form} name="file" hint={hint} />
          <input
            type="file"
            id={fieldId('file')}
            name="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            aria-describedby={describedBy({ form, name: 'file', hint })}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        <button type="submit">{say(lang, text('Unggah dan lihat pratinjau', 'Upload and preview'))}</button>
      </form>
      <h2>{say(lang, text('Impor sebelumnya', 'Earlier imports'))}</h2>
      {props.imports.length === 0 ? (
        <p>{say(lang, text('Belum ada impor.', 'No imports yet.'))}</p>
      ) : (
        <DataTable lang={lang} id="imports" caption={text('Impor DIP kantor ini, terbaru di atas', "This office's DIP imports, newest first")}>
          <thead>
            <tr>
              <th scope="col">{say(lang, text('Berkas', 'File'))}</th>
              <th scope="col">{say(lang, text('Diunggah', 'Uploaded'))}</th>
              <th scope="col">{say(lang, text('Baris', 'Rows'))}</th>
              <th scope="col">{say(lang, text('Keadaan', 'Status'))}</th>
            </tr>
          </thead>
          <tbody>
            {props.imports.map((i) => (
              <tr>
                <td>
                  <a href={i.status === 'staged' || i.status === 'cancelled' ? `/desk/dip/impor/${i.id}` : `/desk/dip/impor/${i.id}/kemajuan`} safe>
                    {i.fileName}
                  </a>
                </td>
                <td safe>{formatMoment(lang, i.createdAt, props.office.timeZone)}</td>
                <td class="num" safe>{i.status === 'running' ? `${i.done}/${i.total}` : String(i.total)}</td>
                <td>{say(lang, STATUS_LABELS[i.status] ?? text(i.status, i.status))}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </Layout>
  );
}

/** One select per target field, listing the sheet's columns. */
function ColumnSelect(props: { lang: Lang; form: FormState; field: ImportField; headers: readonly string[] }): JSX.Element {
  const { lang, form, field } = props;
  const name = `map_${field}`;
  const hint = FIELD_HINTS[field];
  const error = form.errors[name];
  const current = fieldValue(form, name);
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={fieldId(name)}>
        {say(lang, IMPORT_FIELD_LABELS[field])}
        {REQUIRED_FIELDS.includes(field) ? '' : <span class="optional">{say(lang, text(' (opsional)', ' (optional)'))}</span>}
      </label>
      <HintAndError lang={lang} form={form} name={name} hint={hint} />
      <select id={fieldId(name)} name={name} aria-describedby={describedBy({ form, name, hint })} aria-invalid={error ? 'true' : undefined}>
        <option value="" selected={current === ''}>
          {say(lang, text('— tidak dipakai —', '— not used —'))}
        </option>
        {props.headers.map((_, column) => (
          <option value={String(column)} selected={current === String(column)}>
            {Html.escapeHtml(columnName(lang, props.headers, column))}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Where in the sheet a problem is: the mapped column, or the field when no column is chosen for it. */
function problemPlace(lang: Lang, field: ImportField, mapping: Mapping, headers: readonly string[]): string {
  const column = mapping[field];
  if (column !== undefined) return columnName(lang, headers, column);
  return `${t(lang, IMPORT_FIELD_LABELS[field])} (${lang === 'id' ? 'kolom belum dipilih' : 'no column chosen'})`;
}

interface PreviewData {
  readonly office: OfficeRow;
  readonly row: DipImportRow;
  readonly mapping: Mapping;
  readonly outcomes: readonly RowOutcome[];
}

function PreviewPage(props: { ctx: PageContext; data: PreviewData; mappingForm: FormState; startForm: FormState }): JSX.Element {
  const { ctx, data } = props;
  const { lang } = ctx;
  const { row, mapping, outcomes } = data;
  const broken = outcomes.filter(isBroken);
  const good = outcomes.length - broken.length;
  const missing = unmappedRequired(mapping);
  const title = text(`Pratinjau impor: ${row.fileName}`, `Import preview: ${row.fileName}`);
  if (row.status === 'cancelled') {
    return (
      <Layout ctx={ctx} title={title} officeName={data.office.name}>
        <p>{say(lang, text('Impor ini dibatalkan; tidak ada yang diimpor darinya.', 'This import was cancelled; nothing was imported from it.'))}</p>
        <p>
          <a href="/desk/dip/impor">{say(lang, text('Unggah berkas lain', 'Upload another file'))}</a>
        </p>
      </Layout>
    );
  }
  const action = `/desk/dip/impor/${row.id}`;
  const summaryForm = Object.keys(props.startForm.errors).length > 0 || props.startForm.summary ? props.startForm : props.mappingForm;
  return (
    <Layout ctx={ctx} title={title} officeName={data.office.name}>
      <ErrorSummary lang={lang} form={summaryForm} labels={MAP_LABELS} />
      <dl class="facts">
        <dt>{say(lang, text('Berkas', 'File'))}</dt>
        <dd safe>{row.fileName}</dd>
        <dt>{say(lang, text('Diunggah', 'Uploaded'))}</dt>
        <dd safe>{formatMoment(lang, row.createdAt, data.office.timeZone)}</dd>
        <dt>{say(lang, text('Baris informasi', 'Rows of information'))}</dt>
        <dd id="count-rows" safe>{String(outcomes.length)}</dd>
        <dt>{say(lang, text('Baris baik', 'Good rows'))}</dt>
        <dd id="count-good" safe>{String(good)}</dd>
        <dt>{say(lang, text('Baris rusak', 'Broken rows'))}</dt>
        <dd id="count-broken" safe>{String(broken.length)}</dd>
      </dl>
      {missing.length > 0 ? (
        <div class="warning">
          <p>
            {say(
              lang,
              text(
                `Belum ada kolom untuk: ${missing.map((f) => IMPORT_FIELD_LABELS[f].id).join(', ')}. Setiap baris ditandai rusak sampai kolomnya dipilih pada pemetaan di bawah, atau ditambahkan ke berkas.`,
                `No column is chosen for: ${missing.map((f) => IMPORT_FIELD_LABELS[f].en).join(', ')}. Every row is marked broken until a column is chosen in the mapping below, or added to the file.`,
              ),
            )}
          </p>
        </div>
      ) : (
        ''
      )}

      <section aria-labelledby="choice-title">
        <h2 id="choice-title">{say(lang, text('Lanjutkan', 'What next'))}</h2>
        {broken.length === 0 ? (
          <>
            <p>{say(lang, text(`Semua ${outcomes.length} baris baik.`, `All ${outcomes.length} rows are good.`))}</p>
            <form method="post" action={`${action}/mulai`} class="inline">
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="choice" value="all" />
              <button type="submit">{say(lang, text(`Impor ${outcomes.length} baris`, `Import ${outcomes.length} rows`))}</button>
            </form>{' '}
            <form method="post" action={`${action}/batal`} class="inline">
              <CsrfField token={ctx.csrfToken} />
              <button type="submit" class="secondary">
                {say(lang, text('Batalkan impor', 'Cancel the import'))}
              </button>
            </form>
          </>
        ) : (
          <>
            <p class="warning">
              {say(
                lang,
                text(
                  `${broken.length} baris rusak (daftarnya di bawah). Tidak ada yang diimpor sampai Anda memilih salah satu:`,
                  `${broken.length} row(s) are broken (listed below). Nothing is imported until you choose one of these:`,
                ),
              )}
            </p>
            <ol>
              <li>
                {say(lang, text('Perbaiki berkasnya, lalu ', 'Fix the file, then '))}
                <a href="/desk/dip/impor">{say(lang, text('unggah lagi', 'upload it again'))}</a>
                {say(lang, text(' (batalkan impor ini).', ' (and cancel this import).'))}
              </li>
              {good > 0 ? (
                <li>
                  <form method="post" action={`${action}/mulai`} class="inline">
                    <CsrfField token={ctx.csrfToken} />
                    <input type="hidden" name="choice" value="skip_broken" />
                    <button type="submit">{say(lang, text(`Lewati baris rusak: impor ${good} baris yang baik`, `Skip broken rows: import the ${good} good rows`))}</button>
                  </form>
                </li>
              ) : (
                ''
              )}
              <li>
                <form method="post" action={`${action}/batal`} class="inline">
                  <CsrfField token={ctx.csrfToken} />
                  <button type="submit" class="secondary">
                    {say(lang, text('Batalkan impor', 'Cancel the import'))}
                  </button>
                </form>
              </li>
            </ol>
          </>
        )}
      </section>

      <section aria-labelledby="mapping-title">
        <h2 id="mapping-title">{say(lang, text('Pemetaan kolom', 'Column mapping'))}</h2>
        <p class="hint">
          {say(lang, text('Kolom dipilih dari nama judul kolom. Ubah bila ada yang keliru, lalu simpan: semua baris diperiksa ulang.', 'Columns were matched by their names. Change any that are wrong and save: every row is checked again.'))}
        </p>
        <form method="post" action={`${action}/pemetaan`} class="narrow">
          <CsrfField token={ctx.csrfToken} />
          {IMPORT_FIELDS.map((field) => (
            <ColumnSelect lang={lang} form={props.mappingForm} field={field} headers={row.headers} />
          ))}
          <button type="submit" class="secondary">
            {say(lang, text('Simpan pemetaan', 'Save the mapping'))}
          </button>
        </form>
      </section>

      <section aria-labelledby="sample-title">
        <h2 id="sample-title">{say(lang, text(`${Math.min(PREVIEW_ROWS, outcomes.length)} baris pertama`, `The first ${Math.min(PREVIEW_ROWS, outcomes.length)} rows`))}</h2>
        <DataTable lang={lang} id="sample-rows" caption={text('Baris pertama berkas sebagaimana akan diimpor', 'The first rows of the file as they will be imported')}>
          <thead>
            <tr>
              <th scope="col">{say(lang, text('Baris', 'Row'))}</th>
              {(['key', 'title', 'summary', 'holder', 'responsible', 'producedWhen', 'producedWhere', 'form', 'onlineLink', 'archiveLocation', 'retention', 'category'] as const).map((f) => (
                <th scope="col">{say(lang, SHORT_LABELS[f])}</th>
              ))}
              <th scope="col">{say(lang, text('Keadaan', 'State'))}</th>
            </tr>
          </thead>
          <tbody>
            {outcomes.slice(0, PREVIEW_ROWS).map((o) => (
              <tr>
                <th scope="row" safe>{String(o.row)}</th>
                <td safe>{mapping.key === undefined ? '' : (row.rows[o.index]?.[mapping.key + 1] ?? '')}</td>
                <td class="wide" safe>{shorten(o.form.title)}</td>
                <td class="wide" safe>{shorten(o.form.summary)}</td>
                <td class="wide" safe>{shorten(o.form.holder)}</td>
                <td class="wide" safe>{shorten(o.form.responsible)}</td>
                <td safe>{shorten(o.form.producedWhen)}</td>
                <td safe>{shorten(o.form.producedWhere)}</td>
                <td safe>{formLabel(o)}</td>
                <td class="wide" safe>{shorten(o.form.onlineLink, 60)}</td>
                <td class="wide" safe>{shorten(o.form.archiveLocation)}</td>
                <td safe>{shorten(o.form.retention)}</td>
                <td class="wide" safe>{categoryLabel(lang, o)}</td>
                <td>{say(lang, isBroken(o) ? text('Rusak', 'Broken') : text('Baik', 'Good'))}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>

      <section aria-labelledby="broken-title">
        <h2 id="broken-title">{say(lang, text(`Baris rusak (${broken.length})`, `Broken rows (${broken.length})`))}</h2>
        {broken.length === 0 ? (
          <p>{say(lang, text('Tidak ada baris yang rusak.', 'No row is broken.'))}</p>
        ) : (
          <BrokenRows lang={lang} id="broken-rows" caption={text('Setiap baris rusak dan yang salah pada setiap kolomnya', 'Every broken row and what is wrong in each column')} rows={broken} mapping={mapping} headers={row.headers} />
        )}
      </section>
    </Layout>
  );
}

function BrokenRows(props: { lang: Lang; id: string; caption: Text; rows: readonly RowOutcome[]; mapping: Mapping; headers: readonly string[]; extra?: ReadonlyMap<number, Text> }): JSX.Element {
  const { lang } = props;
  return (
    <DataTable lang={lang} id={props.id} caption={props.caption}>
      <thead>
        <tr>
          <th scope="col">{say(lang, text('Baris', 'Row'))}</th>
          <th scope="col">{say(lang, text('Yang salah', 'What is wrong'))}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((o) => (
          <tr id={`${props.id}-${o.row}`}>
            <th scope="row" safe>{String(o.row)}</th>
            <td>
              <ul>
                {(Object.entries(o.problems) as [ImportField, Text][]).sort(([a], [b]) => (props.mapping[a] ?? 999) - (props.mapping[b] ?? 999)).map(([field, problem]) => (
                  <li>
                    <strong safe>{problemPlace(lang, field, props.mapping, props.headers)}</strong>
                    <span safe>{`: ${t(lang, problem)}`}</span>
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function ProgressPage(props: { ctx: PageContext; office: OfficeRow; row: DipImportRow; report: ImportReport; skipped: readonly RowOutcome[] }): JSX.Element {
  const { ctx, row, report } = props;
  const { lang } = ctx;
  const total = row.rows.length;
  const done = Math.min(row.done, total);
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
  const running = row.status === 'running';
  const path = `/desk/dip/impor/${row.id}/kemajuan`;
  const withdrawn = new Set(report.withdrawn);
  const skippedWithdrawn = report.skipped.filter((n) => withdrawn.has(n));
  return (
    <Layout ctx={ctx} title={text('Kemajuan impor DIP', 'DIP import progress')} officeName={props.office.name}>
      <dl class="facts">
        <dt>{say(lang, text('Berkas', 'File'))}</dt>
        <dd safe>{row.fileName}</dd>
        <dt>{say(lang, text('Keadaan', 'Status'))}</dt>
        <dd id="import-status">{say(lang, STATUS_LABELS[row.status] ?? text(row.status, row.status))}</dd>
      </dl>
      <p>
        <label for="import-progress">{say(lang, text('Baris diproses', 'Rows processed'))}</label>
      </p>
      <progress id="import-progress" max={String(total)} value={String(done)} safe>
        {`${done}/${total}`}
      </progress>
      <p id="import-counts">
        <span data-done safe>{String(done)}</span>
        {say(lang, text(' dari ', ' of '))}
        <span data-total safe>{String(total)}</span>
        {say(lang, text(' baris diproses (', ' rows processed ('))}
        <span data-percent safe>{String(percent)}</span>
        {'%).'}
      </p>
      {running ? (
        <p class="hint" id="import-refresh" data-progress-url={`${path}.json`} data-done-url={path}>
          {say(lang, text('Impor berjalan di latar belakang; Anda boleh meninggalkan halaman ini.', 'The import runs in the background; you may leave this page.'))}{' '}
          <a href={path}>{say(lang, text('Perbarui kemajuan', 'Update the progress'))}</a>
        </p>
      ) : (
        ''
      )}
      {running ? <script src="/static/progress.js" defer></script> : ''}
      {row.status === 'staged' ? (
        <p>
          {say(lang, text('Impor ini belum dimulai. ', 'This import has not started. '))}
          <a href={`/desk/dip/impor/${row.id}`}>{say(lang, text('Buka pratinjaunya', 'Open its preview'))}</a>
        </p>
      ) : (
        ''
      )}
      {row.status === 'cancelled' ? <p>{say(lang, text('Impor ini dibatalkan; tidak ada yang diimpor.', 'This import was cancelled; nothing was imported.'))}</p> : ''}
      {running || row.status === 'done' ? (
        <section aria-labelledby="report-title">
          <h2 id="report-title">{say(lang, row.status === 'done' ? text('Laporan impor', 'Import report') : text('Sejauh ini', 'So far'))}</h2>
          <dl class="facts" id="import-report">
            <dt>{say(lang, text('Informasi baru', 'New items'))}</dt>
            <dd id="report-created" safe>{String(report.created)}</dd>
            <dt>{say(lang, text('Diperbarui', 'Updated'))}</dt>
            <dd id="report-updated" safe>{String(report.updated)}</dd>
            <dt>{say(lang, text('Tidak berubah', 'Unchanged'))}</dt>
            <dd id="report-unchanged" safe>{String(report.unchanged)}</dd>
            <dt>{say(lang, text('Baris dilewati', 'Rows skipped'))}</dt>
            <dd id="report-skipped" safe>{String(report.skipped.length)}</dd>
          </dl>
          {row.status === 'done' ? (
            <p>
              {say(lang, text('Sebelum masuk edisi DIP, PPID masih memeriksa dokumentasi informasi baru dan mengklasifikasi yang belum berkategori. ', 'Before they go into a DIP edition, the PPID still checks the new items\' documentation and classifies those without a category. '))}
              <a href="/desk/dip/impor">{say(lang, text('Impor berkas lain', 'Import another file'))}</a>
            </p>
          ) : (
            ''
          )}
          {props.skipped.length > 0 ? (
            <BrokenRows
              lang={lang}
              id="skipped-rows"
              caption={text('Baris yang dilewati dan alasannya', 'Rows skipped and why')}
              rows={props.skipped}
              mapping={readMapping(row.mapping, row.headers.length)}
              headers={row.headers}
            />
          ) : (
            ''
          )}
          {skippedWithdrawn.length > 0 ? (
            <p>
              {say(
                lang,
                text(
                  `Baris ${skippedWithdrawn.join(', ')} dilewati karena informasinya sudah ditarik dari DIP; informasi yang ditarik tidak diubah oleh impor.`,
                  `Row(s) ${skippedWithdrawn.join(', ')} were skipped because their item was withdrawn from the DIP; an import does not change withdrawn items.`,
                ),
              )}
            </p>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------------
// Routes

export async function dipImportRoutes(app: App, { database }: AppDeps): Promise<void> {
  const db = database.db;

  async function uploadPage(request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) {
    const ctx = pageContext(request, reply, NOTICES);
    const [office, imports] = await Promise.all([staffOffice(db, request), importsOf(db, scopeFor(request))]);
    return sendHtml(reply, <UploadPage ctx={ctx} office={office} form={form} imports={imports} />, status);
  }

  async function loadImport(request: FastifyRequest, id: string): Promise<DipImportRow> {
    const row = await importInScope(db, scopeFor(request), pathId(id));
    if (!row) throw notFound(text('Impor tidak ditemukan.', 'Import not found.'));
    return row;
  }

  async function previewPage(request: FastifyRequest, reply: FastifyReply, row: DipImportRow, forms: { mapping?: FormState; start?: FormState } = {}, status = 200) {
    const ctx = pageContext(request, reply, NOTICES);
    const mapping = readMapping(row.mapping, row.headers.length);
    const [office, files] = await Promise.all([staffOffice(db, request), filesByImportKey(db, row.officeId)]);
    const outcomes = judgeRows(row.rows, mapping, files);
    const mappingForm = forms.mapping ?? { values: Object.fromEntries(IMPORT_FIELDS.map((f) => [`map_${f}`, mapping[f] === undefined ? '' : String(mapping[f])])), errors: {} };
    return sendHtml(reply, <PreviewPage ctx={ctx} data={{ office, row, mapping, outcomes }} mappingForm={mappingForm} startForm={forms.start ?? EMPTY_FORM} />, status);
  }

  app.get('/desk/dip/impor', { config: { access: IMPORT_PAGES }, schema: page }, async (request, reply) => uploadPage(request, reply, EMPTY_FORM));

  app.post('/desk/dip/impor', { config: { access: IMPORT_PAGES }, schema: page }, async (request, reply) => {
    const file = request.uploads.find((u) => u.role === 'file');
    try {
      const id = await stageImport(db, actorOf(request), scopeFor(request), file);
      return redirectWithNotice(reply, `/desk/dip/impor/${id}`, 'staged');
    } catch (error) {
      if (!isAppError(error) || error.status !== 422) throw error;
      return uploadPage(request, reply, { values: {}, errors: error.fields, summary: error.text }, 422);
    }
  });

  app.get<{ Params: { id: string } }>('/desk/dip/impor/:id', { config: { access: IMPORT_PAGES }, schema: page }, async (request, reply) => {
    const row = await loadImport(request, request.params.id);
    if (row.status !== 'staged' && row.status !== 'cancelled') return reply.redirect(`/desk/dip/impor/${row.id}/kemajuan`, 303);
    return previewPage(request, reply, row);
  });

  app.post<{ Params: { id: string } }>('/desk/dip/impor/:id/pemetaan', { config: { access: IMPORT_PAGES }, schema: page }, async (request, reply) => {
    const row = await loadImport(request, request.params.id);
    const body = formBody(request.body);
    const choices = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, str(body, `map_${f}`)]));
    try {
      await saveMapping(db, actorOf(request), scopeFor(request), row.id, choices);
      return redirectWithNotice(reply, `/desk/dip/impor/${row.id}`, 'mapped');
    } catch (error) {
      if (!isAppError(error) || error.status !== 422) throw error;
      const values = Object.fromEntries(IMPORT_FIELDS.map((f) => [`map_${f}`, choices[f] ?? '']));
      const errors = Object.fromEntries(Object.entries(error.fields).map(([f, message]) => [`map_${f}`, message]));
      return previewPage(request, reply, row, { mapping: { values, errors, summary: error.text } }, 422);
    }
  });

  app.post<{ Params: { id: string } }>('/desk/dip/impor/:id/mulai', { config: { access: IMPORT_PAGES }, schema: page }, async (request, reply) => {
    const row = await loadImport(request, request.params.id);
    const body = formBody(request.body);
    try {
      await startImport(db, actorOf(request), scopeFor(request), row.id, str(body, 'choice'));
      return redirectWithNotice(reply, `/desk/dip/impor/${row.id}/kemajuan`, 'started');
    } catch (error) {
      // Refused while the import is still waiting: the preview again, saying why (the rows stay listed).
      if (!isAppError(error) || ![409, 422].includes(error.status) || row.status !== 'staged') throw error;
      return previewPage(request, reply, row, { start: { values: {}, errors: {}, summary: error.fields.choice ?? error.text } }, error.status);
    }
  });

  app.post<{ Params: { id: string } }>('/desk/dip/impor/:id/batal', { config: { access: IMPORT_PAGES }, schema: page }, async (request, reply) => {
    const row = await loadImport(request, request.params.id);
    await cancelImport(db, actorOf(request), scopeFor(request), row.id);
    return redirectWithNotice(reply, '/desk/dip/impor', 'cancelled');
  });

  app.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>('/desk/dip/impor/:id/kemajuan', { config: { access: IMPORT_PAGES }, schema: page }, async (request, reply) => {
    const row = await loadImport(request, request.params.id);
    const ctx = pageContext(request, reply, NOTICES);
    const report = reportOf(row);
    const office = await staffOffice(db, request);
    // Why each row was skipped is not stored: the rows and the mapping are, so the reasons are read again.
    const skippedRows = new Set(report.skipped.filter((n) => !report.withdrawn.includes(n)));
    const skipped = skippedRows.size === 0 ? [] : judgeRows(row.rows, readMapping(row.mapping, row.headers.length)).filter((o) => skippedRows.has(o.row) && isBroken(o));
    reply.header('cache-control', 'no-store');
    return sendHtml(reply, <ProgressPage ctx={ctx} office={office} row={row} report={report} skipped={skipped} />);
  });

  // What src/web/static/progress.js polls, so the page updates in place instead of reloading itself.
  app.get<{ Params: { id: string } }>('/desk/dip/impor/:id/kemajuan.json', { config: { access: IMPORT_PAGES }, schema: page }, async (request, reply) => {
    const row = await loadImport(request, request.params.id);
    reply.header('cache-control', 'no-store');
    return { status: row.status, done: Math.min(row.done, row.rows.length), total: row.rows.length };
  });
}
