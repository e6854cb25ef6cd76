import type { Children } from '@kitajs/html';
import { formatDay, formatMoment, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import type { OfficeRow } from '../offices/store.ts';
import { PASAL17, PASAL17_LABELS, type Pasal17 } from '../requests/rules.ts';
import { CsrfField, ErrorSummary, SelectField, TextArea, TextField, type FormState } from '../web/forms.tsx';
import { DataTable, Layout, say, type PageContext } from '../web/layout.tsx';
import { monthName, RECAP_TITLE, type RecapBook } from './recap.ts';
import { CATEGORY_LABELS, DIK_LABELS, EDITION_STATUS_LABELS, isCategory, isEditionStatus, ITEM_LABELS, type EditionAction, type Snapshot } from './rules.ts';
import type { DikEntryRow } from './store.ts';

/**
 * The desk pages of SOP 000 steps 3–5 and the buku rekap informasi: the DIK (in force, inherited and
 * proposed), the DIP editions with their SK, content and difference from the last published one, the
 * Secretary's review, and the recap book.
 */

// ---------------------------------------------------------------------------------------------------
// Shared bits

/** A step refused (403/409) or a form with errors, shown at the top of the page it came back to. */
export interface StepState {
  readonly key: string;
  readonly form: FormState;
}

const NO_FORM: FormState = { values: {}, errors: {} };
const formOf = (state: StepState | undefined, key: string): FormState => (state?.key === key ? state.form : NO_FORM);

function Refusal(props: { lang: Lang; state: StepState | undefined; labels: Readonly<Record<string, Text>> }): JSX.Element {
  if (!props.state) return '';
  return <ErrorSummary lang={props.lang} form={props.state.form} labels={props.labels} />;
}

const dash = '—';
/** A value that may be missing, as shown in a cell. */
const orDash = (value: string | null | undefined): string => value || dash;

// ---------------------------------------------------------------------------------------------------
// The DIK

export const DIK_STATUS_LABELS: Readonly<Record<string, Text>> = {
  in_force: text('Berlaku', 'In force'),
  proposed: text('Diusulkan; menunggu keputusan kantor atasan', 'Proposed; waiting for the office above'),
  rejected: text('Ditolak', 'Rejected'),
  revoked: text('Dicabut', 'Revoked'),
};

const pasalLabel = (lang: Lang, letter: string) => (Object.hasOwn(PASAL17_LABELS, letter) ? t(lang, PASAL17_LABELS[letter as Pasal17]) : letter);

/** One entry with its consequence test, the record PP 61/2010 asks for. */
function DikEntry(props: { lang: Lang; entry: DikEntryRow; origin: Text; headingId: string; children?: Children }): JSX.Element {
  const { lang, entry } = props;
  return (
    <article class="card dik" id={`dik-${entry.id}`}>
      <h3 id={props.headingId} safe>
        {entry.title}
      </h3>
      <p class="hint">{say(lang, props.origin)}</p>
      <dl class="facts">
        <dt>{say(lang, DIK_LABELS.pasal17)}</dt>
        <dd safe>{pasalLabel(lang, entry.pasal17)}</dd>
        {entry.otherLaw ? (
          <>
            <dt>{say(lang, DIK_LABELS.otherLaw)}</dt>
            <dd safe>{entry.otherLaw}</dd>
          </>
        ) : (
          ''
        )}
        <dt>{say(lang, DIK_LABELS.harm)}</dt>
        <dd class="prewrap" safe>
          {entry.harm}
        </dd>
        <dt>{say(lang, DIK_LABELS.publicInterest)}</dt>
        <dd class="prewrap" safe>
          {entry.publicInterest}
        </dd>
        <dt>{say(lang, DIK_LABELS.periodText)}</dt>
        <dd safe>{entry.periodEndsOn ? `${entry.periodText} (${t(lang, text('berakhir', 'ends'))} ${formatDay(lang, entry.periodEndsOn, false)})` : entry.periodText}</dd>
        <dt>{say(lang, text('Diputuskan oleh, pada', 'Decided by, on'))}</dt>
        <dd safe>{`${entry.decidedBy}, ${formatDay(lang, entry.decidedOn, false)}`}</dd>
      </dl>
      {props.children}
    </article>
  );
}

export interface DikData {
  readonly office: OfficeRow;
  readonly inForce: readonly { readonly entry: DikEntryRow; readonly origin: Text }[];
  /** This office's proposals to the office above (a regency's), with where each went. */
  readonly proposals: readonly { readonly entry: DikEntryRow; readonly to: string }[];
  /** Proposals from offices below waiting for this office; undefined at a regency, which receives none. */
  readonly waiting: readonly { readonly entry: DikEntryRow; readonly from: string }[] | undefined;
  readonly isPpid: boolean;
}

export const DIK_NOTICES: Readonly<Record<string, Text>> = {
  dik_added: text('Entri DIK ditetapkan dan berlaku.', 'The DIK entry is set and in force.'),
  dik_proposed: text('Usulan dikirim kepada kantor atasan; entri berlaku setelah diterima.', 'The proposal was sent to the office above; the entry applies once accepted.'),
  dik_accepted: text('Usulan diterima; entri kini berlaku.', 'Proposal accepted; the entry is now in force.'),
  dik_rejected: text('Usulan ditolak.', 'Proposal rejected.'),
};

export function DikPage(props: { ctx: PageContext; data: DikData; state?: StepState | undefined }): JSX.Element {
  const { ctx, data } = props;
  const lang = ctx.lang;
  const regency = data.office.level === 'regency';
  return (
    <Layout ctx={ctx} title={text('Daftar Informasi yang Dikecualikan (DIK)', 'List of Exempt Information (DIK)')} officeName={data.office.name}>
      <Refusal lang={lang} state={props.state} labels={{}} />
      <p class="lead">
        {say(
          lang,
          text(
            'Informasi yang dikecualikan (Pasal 17 UU 14/2008) tidak masuk DIP. Setiap entri didukung uji konsekuensi: dasar hukumnya, akibat bila dibuka, pertimbangan kepentingan publik, dan jangka waktunya. DIK yang ditetapkan KPU RI (dan kantor provinsi) berlaku juga untuk kantor di bawahnya.',
            'Exempt information (art. 17, Law 14/2008) is not in the DIP. Each entry rests on a consequence test: its legal ground, the harm of disclosure, the public-interest weighing and its period. The DIK set by KPU RI (and a province) also applies to the offices below it.',
          ),
        )}
      </p>
      {data.isPpid ? (
        <p>
          <a class="button" href="/desk/dik/baru">
            {say(lang, regency ? text('Usulkan entri DIK', 'Propose a DIK entry') : text('Tambah entri DIK', 'Add a DIK entry'))}
          </a>
        </p>
      ) : (
        ''
      )}
      <section aria-labelledby="dik-in-force">
        <h2 id="dik-in-force">{say(lang, text(`Berlaku untuk kantor ini (${data.inForce.length})`, `In force for this office (${data.inForce.length})`))}</h2>
        {data.inForce.length === 0 ? <p>{say(lang, text('Belum ada entri DIK yang berlaku.', 'No DIK entry is in force yet.'))}</p> : ''}
        <div class="cards">
          {data.inForce.map(({ entry, origin }) => (
            <DikEntry lang={lang} entry={entry} origin={origin} headingId={`dik-${entry.id}-title`} />
          ))}
        </div>
      </section>
      {regency || data.proposals.length > 0 ? (
        <section aria-labelledby="dik-proposals">
          <h2 id="dik-proposals">{say(lang, text('Usulan kantor ini', "This office's proposals"))}</h2>
          {data.proposals.length === 0 ? (
            <p>{say(lang, text('Kantor ini belum mengusulkan entri DIK.', 'This office has not proposed a DIK entry.'))}</p>
          ) : (
            <DataTable lang={lang} id="dik-proposed" caption={text('Usulan DIK kantor ini', "This office's DIK proposals")}>
              <thead>
                <tr>
                  <th scope="col">{say(lang, DIK_LABELS.title)}</th>
                  <th scope="col">{say(lang, text('Dasar', 'Ground'))}</th>
                  <th scope="col">{say(lang, text('Diusulkan kepada', 'Proposed to'))}</th>
                  <th scope="col">{say(lang, text('Diusulkan pada', 'Proposed on'))}</th>
                  <th scope="col">{say(lang, text('Status', 'Status'))}</th>
                </tr>
              </thead>
              <tbody>
                {data.proposals.map(({ entry, to }) => (
                  <tr id={entry.status === 'in_force' ? undefined : `dik-${entry.id}`}>
                    <th scope="row" safe>
                      {entry.title}
                    </th>
                    <td safe>{pasalLabel(lang, entry.pasal17)}</td>
                    <td safe>{to}</td>
                    <td safe>{formatMoment(lang, entry.createdAt, data.office.timeZone)}</td>
                    <td safe>{t(lang, DIK_STATUS_LABELS[entry.status] ?? text(entry.status, entry.status))}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
        </section>
      ) : (
        ''
      )}
      {data.waiting ? (
        <section aria-labelledby="dik-waiting">
          <h2 id="dik-waiting">{say(lang, text(`Usulan dari kantor di bawah (${data.waiting.length})`, `Proposals from offices below (${data.waiting.length})`))}</h2>
          {data.waiting.length === 0 ? <p>{say(lang, text('Tidak ada usulan yang menunggu keputusan.', 'No proposal is waiting for a decision.'))}</p> : ''}
          <div class="cards">
            {data.waiting.map(({ entry, from }) => (
              <DikEntry lang={lang} entry={entry} origin={text(`Diusulkan oleh ${from}`, `Proposed by ${from}`)} headingId={`dik-${entry.id}-title`}>
                {data.isPpid ? (
                  <form method="post" action={`/desk/dik/usulan/${entry.id}`} class="row">
                    <CsrfField token={ctx.csrfToken} />
                    <button type="submit" name="decision" value="accept" aria-describedby={`dik-${entry.id}-title`}>
                      {say(lang, text('Terima', 'Accept'))}
                    </button>
                    <button type="submit" name="decision" value="reject" class="secondary" aria-describedby={`dik-${entry.id}-title`}>
                      {say(lang, text('Tolak', 'Reject'))}
                    </button>
                  </form>
                ) : (
                  ''
                )}
              </DikEntry>
            ))}
          </div>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

export function DikFormPage(props: { ctx: PageContext; office: OfficeRow; parentName: string | undefined; form: FormState }): JSX.Element {
  const { ctx, office, form } = props;
  const lang = ctx.lang;
  const regency = office.level === 'regency';
  const field = (name: keyof typeof DIK_LABELS, required: boolean, hint?: Text) => (
    <TextField lang={lang} form={form} name={name} label={DIK_LABELS[name]} required={required} {...(hint ? { hint } : {})} />
  );
  return (
    <Layout ctx={ctx} title={regency ? text('Usulkan entri DIK', 'Propose a DIK entry') : text('Tambah entri DIK', 'Add a DIK entry')} officeName={office.name}>
      {regency ? (
        <p class="warning">
          {say(
            lang,
            text(
              `Kantor kabupaten/kota tidak menetapkan DIK sendiri: entri ini dikirim sebagai usulan kepada ${props.parentName ?? 'kantor atasan'} dan baru berlaku setelah diterima di sana.`,
              `A regency or city office does not set its own DIK: this entry goes as a proposal to ${props.parentName ?? 'the office above'} and applies only once accepted there.`,
            ),
          )}
        </p>
      ) : (
        <p>
          {say(
            lang,
            text(
              'Entri ini langsung berlaku untuk kantor ini dan kantor di bawahnya. Isi hasil uji konsekuensi selengkapnya.',
              'This entry applies at once to this office and the offices below it. Give the full result of the consequence test.',
            ),
          )}
        </p>
      )}
      <form method="post" action="/desk/dik/baru" class="narrow" novalidate>
        <ErrorSummary lang={lang} form={form} labels={DIK_LABELS} />
        <CsrfField token={ctx.csrfToken} />
        {field('title', true)}
        <SelectField
          lang={lang}
          form={form}
          name="pasal17"
          label={DIK_LABELS.pasal17}
          required
          options={[{ value: '', label: text('Pilih huruf', 'Choose a letter') }, ...PASAL17.map((p) => ({ value: p, label: PASAL17_LABELS[p] }))]}
        />
        {field('otherLaw', false, text('Wajib bila dasarnya huruf j: sebutkan undang-undang dan pasalnya.', 'Required for letter j: name the law and its article.'))}
        <TextArea lang={lang} form={form} name="harm" label={DIK_LABELS.harm} required />
        <TextArea lang={lang} form={form} name="publicInterest" label={DIK_LABELS.publicInterest} required />
        {field('periodText', true, text('Boleh berupa keadaan, misalnya "sampai penyidikan selesai".', 'May be a condition, e.g. "until the investigation ends".'))}
        <TextField lang={lang} form={form} name="periodEndsOn" type="date" label={DIK_LABELS.periodEndsOn} />
        {field('decidedBy', true)}
        <TextField lang={lang} form={form} name="decidedOn" type="date" label={DIK_LABELS.decidedOn} required />
        <button type="submit">{say(lang, regency ? text('Kirim usulan', 'Send the proposal') : text('Simpan entri', 'Save the entry'))}</button>
      </form>
      <p>
        <a href="/desk/dik">{say(lang, text('Kembali ke DIK', 'Back to the DIK'))}</a>
      </p>
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------------
// Editions

/** An edition without its SK file's bytes. */
export interface EditionFacts {
  readonly id: number;
  readonly number: number;
  readonly status: string;
  readonly skNumber: string;
  readonly skDate: string | null;
  readonly hasSkPdf: boolean;
  readonly reviewNote: string;
  readonly submittedAt: Date | null;
  readonly reviewedAt: Date | null;
  readonly orderedAt: Date | null;
  readonly createdAt: Date;
}

export const EDITION_NOTICES: Readonly<Record<string, Text>> = {
  edition_created: text('Edisi baru dibuat. Periksa isinya, lalu tetapkan dengan SK PPID.', "New edition made. Check its content, then establish it by the PPID's decision."),
  edition_established: text('Edisi ditetapkan; isinya kini tetap. Ajukan kepada Sekretaris bila sudah benar.', 'Edition established; its content is now fixed. Submit it to the Secretary when it is right.'),
  edition_submitted: text('Edisi diajukan kepada Sekretaris.', 'Edition submitted to the Secretary.'),
  edition_returned: text('Edisi dikembalikan kepada PPID dengan catatan.', 'Edition returned to the PPID with comments.'),
  edition_ordered: text('Unggah diperintahkan; edisi ini kini tampil di portal.', 'Upload ordered; this edition is now on the portal.'),
};

/** The status as a person reads it: an established draft is not the same as an empty one. */
export function editionStatusLabel(edition: Pick<EditionFacts, 'status' | 'skNumber'>): Text {
  if (edition.status === 'draft' && edition.skNumber) return text('Ditetapkan PPID; belum diajukan kepada Sekretaris', 'Established by the PPID; not yet submitted to the Secretary');
  return isEditionStatus(edition.status) ? EDITION_STATUS_LABELS[edition.status] : text(edition.status, edition.status);
}

const EDITION_LABELS: Readonly<Record<string, Text>> = {
  skNumber: text('Nomor SK PPID', 'Decision (SK) number'),
  skDate: text('Tanggal SK', 'Decision date'),
  skPdf: text('Berkas SK (PDF)', 'Decision file (PDF)'),
  note: text('Catatan untuk PPID', 'Comments for the PPID'),
};

export function EditionListPage(props: { ctx: PageContext; office: OfficeRow; editions: readonly EditionFacts[]; mayCreate: boolean; state?: StepState | undefined }): JSX.Element {
  const { ctx, office } = props;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={text('Edisi Daftar Informasi Publik', 'Editions of the public information list (DIP)')} officeName={office.name}>
      <Refusal lang={lang} state={props.state} labels={{}} />
      <p class="lead">
        {say(
          lang,
          text(
            'PPID menetapkan DIP dengan SK; setiap pemutakhiran adalah edisi baru. Edisi terbit di portal hanya setelah Sekretaris memerintahkan unggah; sampai saat itu publik tetap melihat edisi terakhir yang terbit.',
            "The PPID establishes the DIP by decision (SK); each update is a new edition. An edition appears on the portal only once the Secretary orders the upload; until then the public keeps seeing the last published edition.",
          ),
        )}
      </p>
      {props.mayCreate ? (
        <form method="post" action="/desk/dip/edisi">
          <CsrfField token={ctx.csrfToken} />
          <button type="submit">{say(lang, text('Mulai edisi baru', 'Start a new edition'))}</button>
        </form>
      ) : (
        ''
      )}
      {props.editions.length === 0 ? (
        <p>{say(lang, text('Belum ada edisi DIP.', 'No DIP edition yet.'))}</p>
      ) : (
        <DataTable lang={lang} id="editions" caption={text('Edisi DIP, terbaru di atas', 'DIP editions, newest first')} captionVisible>
          <thead>
            <tr>
              <th scope="col">{say(lang, text('Edisi', 'Edition'))}</th>
              <th scope="col">{say(lang, text('Status', 'Status'))}</th>
              <th scope="col">{say(lang, EDITION_LABELS.skNumber!)}</th>
              <th scope="col">{say(lang, EDITION_LABELS.skDate!)}</th>
              <th scope="col">{say(lang, text('Terbit', 'Published'))}</th>
            </tr>
          </thead>
          <tbody>
            {props.editions.map((e) => (
              <tr>
                <th scope="row">
                  <a href={`/desk/dip/edisi/${e.id}`}>{say(lang, text(`Edisi ${e.number}`, `Edition ${e.number}`))}</a>
                </th>
                <td safe>{t(lang, editionStatusLabel(e))}</td>
                <td safe>{orDash(e.skNumber)}</td>
                <td safe>{orDash(e.skDate && formatDay(lang, e.skDate, false))}</td>
                <td safe>{orDash(e.orderedAt && formatMoment(lang, e.orderedAt, office.timeZone))}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </Layout>
  );
}

/** What the snapshot keeps beyond the unit's fields, named for the difference table. */
const SNAPSHOT_LABELS: Readonly<Record<keyof Snapshot, Text>> = {
  ...ITEM_LABELS,
  category: text('Klasifikasi', 'Category'),
  unit: text('Unit', 'Unit'),
  updateMonths: text('Diperbarui setiap', 'Updated every'),
  files: text('Berkas', 'Files'),
};

/** A snapshot's value as words, for the difference table. */
export function snapshotValue(lang: Lang, field: keyof Snapshot, value: unknown): string {
  if (value === null || value === undefined || value === '') return dash;
  if (typeof value === 'boolean') return t(lang, value ? text('Ya', 'Yes') : text('Tidak', 'No'));
  if (field === 'category') return isCategory(value) ? t(lang, CATEGORY_LABELS[value]) : String(value);
  if (field === 'updateMonths') return t(lang, text(`${String(value)} bulan`, `${String(value)} months`));
  if (field === 'files' && Array.isArray(value)) return value.length === 0 ? dash : value.map((f: { name?: unknown }) => String(f.name ?? '')).join(', ');
  return String(value);
}

export interface SnapshotRow {
  readonly itemId: number;
  readonly position: number;
  readonly snapshot: Snapshot;
}

export interface EditionDiffView {
  /** The ordered edition compared with; undefined for the first. */
  readonly previous: Pick<EditionFacts, 'id' | 'number'> | undefined;
  readonly added: readonly { readonly itemId: number; readonly title: string }[];
  readonly changed: readonly { readonly itemId: number; readonly title: string; readonly fields: readonly { readonly field: keyof Snapshot; readonly before: unknown; readonly after: unknown }[] }[];
  readonly withdrawn: readonly { readonly itemId: number; readonly title: string }[];
}

export interface PendingItem {
  readonly itemId: number;
  readonly title: string;
  readonly category: string | null;
  readonly unitName: string | null;
  readonly why: readonly Text[];
}

export interface EditionData {
  readonly office: OfficeRow;
  readonly edition: EditionFacts;
  readonly entries: readonly SnapshotRow[];
  /** Undefined until the edition is established (it has no content to compare yet). */
  readonly diff: EditionDiffView | undefined;
  /** Draft or returned: the items establishing it now would take, and why any is not ready. */
  readonly pending: readonly PendingItem[] | undefined;
  /** The steps this person may take now (the edition transition table). */
  readonly actions: readonly EditionAction[];
}

function ItemLink(props: { itemId: number; title: string }): JSX.Element {
  return (
    <a href={`/desk/dip/informasi/${props.itemId}`} safe>
      {props.title}
    </a>
  );
}

function DiffSection(props: { lang: Lang; diff: EditionDiffView }): JSX.Element {
  const { lang, diff } = props;
  const nothing = diff.added.length + diff.changed.length + diff.withdrawn.length === 0;
  return (
    <section aria-labelledby="diff">
      <h2 id="diff">
        {say(
          lang,
          diff.previous
            ? text(`Perbedaan dari edisi ${diff.previous.number} (terbit)`, `Difference from edition ${diff.previous.number} (published)`)
            : text('Perbedaan: penetapan pertama', 'Difference: the first establishment'),
        )}
      </h2>
      {diff.previous ? '' : <p>{say(lang, text('Belum ada edisi yang terbit; semua informasi dalam edisi ini baru.', 'No edition has been published yet; every item of this one is new.'))}</p>}
      {nothing ? <p>{say(lang, text('Tidak ada perbedaan isi.', 'The content does not differ.'))}</p> : ''}
      {diff.added.length > 0 ? (
        <>
          <h3>{say(lang, text(`Ditambahkan (${diff.added.length})`, `Added (${diff.added.length})`))}</h3>
          <ul class="diff-added">
            {diff.added.map((a) => (
              <li>
                <ItemLink itemId={a.itemId} title={a.title} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {diff.changed.length > 0 ? (
        <>
          <h3>{say(lang, text(`Diubah (${diff.changed.length})`, `Changed (${diff.changed.length})`))}</h3>
          <DataTable lang={lang} id="diff-changed" caption={text('Informasi yang diubah: kolom, isi sebelumnya dan sesudahnya', 'Changed items: the field, its value before and after')}>
            <thead>
              <tr>
                <th scope="col">{say(lang, text('Informasi', 'Item'))}</th>
                <th scope="col">{say(lang, text('Kolom', 'Field'))}</th>
                <th scope="col">{say(lang, text('Sebelumnya', 'Before'))}</th>
                <th scope="col">{say(lang, text('Sesudahnya', 'After'))}</th>
              </tr>
            </thead>
            <tbody>
              {diff.changed.flatMap((c) =>
                c.fields.map((f) => (
                  <tr>
                    <th scope="row">
                      <ItemLink itemId={c.itemId} title={c.title} />
                    </th>
                    <td safe>{t(lang, SNAPSHOT_LABELS[f.field] ?? text(f.field, f.field))}</td>
                    <td class="prewrap" safe>
                      {snapshotValue(lang, f.field, f.before)}
                    </td>
                    <td class="prewrap" safe>
                      {snapshotValue(lang, f.field, f.after)}
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </DataTable>
        </>
      ) : (
        ''
      )}
      {diff.withdrawn.length > 0 ? (
        <>
          <h3>{say(lang, text(`Ditarik (${diff.withdrawn.length})`, `Withdrawn (${diff.withdrawn.length})`))}</h3>
          <ul class="diff-withdrawn">
            {diff.withdrawn.map((w) => (
              <li>
                <ItemLink itemId={w.itemId} title={w.title} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
    </section>
  );
}

function SnapshotTable(props: { lang: Lang; entries: readonly SnapshotRow[] }): JSX.Element {
  const { lang } = props;
  const forms = (s: Snapshot) =>
    [s.hasSoftcopy ? t(lang, text('softcopy', 'softcopy')) : '', s.hasHardcopy ? t(lang, text(`hardcopy (${s.archiveLocation})`, `hardcopy (${s.archiveLocation})`)) : ''].filter(Boolean).join(', ');
  return (
    <DataTable lang={lang} id="edition-entries" caption={text('Isi edisi sebagaimana ditetapkan', 'The edition as established')}>
      <thead>
        <tr>
          <th scope="col">{say(lang, text('No.', 'No.'))}</th>
          <th scope="col">{say(lang, ITEM_LABELS.title)}</th>
          <th scope="col">{say(lang, SNAPSHOT_LABELS.category)}</th>
          <th scope="col">{say(lang, ITEM_LABELS.holder)}</th>
          <th scope="col">{say(lang, text('Bentuk tersedia', 'Forms available'))}</th>
          <th scope="col">{say(lang, ITEM_LABELS.retention)}</th>
        </tr>
      </thead>
      <tbody>
        {props.entries.map((e) => (
          <tr>
            <td>{e.position}</td>
            <th scope="row">
              <ItemLink itemId={e.itemId} title={e.snapshot.title} />
            </th>
            <td safe>{snapshotValue(lang, 'category', e.snapshot.category)}</td>
            <td safe>{e.snapshot.holder}</td>
            <td safe>{forms(e.snapshot) || dash}</td>
            <td safe>{e.snapshot.retention}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function PendingTable(props: { lang: Lang; pending: readonly PendingItem[] }): JSX.Element {
  const { lang } = props;
  const notReady = props.pending.filter((p) => p.why.length > 0).length;
  return (
    <section aria-labelledby="pending">
      <h2 id="pending">{say(lang, text('Informasi yang masuk bila ditetapkan sekarang', 'Items establishing it now would take'))}</h2>
      {props.pending.length === 0 ? (
        <p>{say(lang, text('Belum ada informasi publik yang diklasifikasi PPID.', 'No public item has been classified by the PPID yet.'))}</p>
      ) : (
        <>
          <p role="status">
            {say(
              lang,
              notReady === 0
                ? text(`Semua ${props.pending.length} informasi siap ditetapkan.`, `All ${props.pending.length} items are ready to establish.`)
                : text(`${notReady} dari ${props.pending.length} informasi belum siap; perbaiki dulu sebelum menetapkan.`, `${notReady} of ${props.pending.length} items are not ready; fix them before establishing.`),
            )}
          </p>
          <DataTable lang={lang} id="edition-pending" caption={text('Informasi yang akan masuk dan kesiapannya', 'Items that would go in, and whether each is ready')}>
            <thead>
              <tr>
                <th scope="col">{say(lang, ITEM_LABELS.title)}</th>
                <th scope="col">{say(lang, SNAPSHOT_LABELS.category)}</th>
                <th scope="col">{say(lang, SNAPSHOT_LABELS.unit)}</th>
                <th scope="col">{say(lang, text('Kesiapan', 'Ready?'))}</th>
              </tr>
            </thead>
            <tbody>
              {props.pending.map((p) => (
                <tr>
                  <th scope="row">
                    <ItemLink itemId={p.itemId} title={p.title} />
                  </th>
                  <td safe>{snapshotValue(lang, 'category', p.category)}</td>
                  <td safe>{p.unitName ?? dash}</td>
                  <td safe>
                    {p.why.length === 0
                      ? t(lang, text('Siap', 'Ready'))
                      : `${t(lang, text('Belum siap: ', 'Not ready: '))}${p.why.map((w) => t(lang, w)).join('; ')}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </>
      )}
    </section>
  );
}

function EditionForms(props: { ctx: PageContext; data: EditionData; state: StepState | undefined }): JSX.Element {
  const { ctx, data, state } = props;
  const lang = ctx.lang;
  const { edition, actions } = data;
  const base = `/desk/dip/edisi/${edition.id}`;
  const establish = formOf(state, 'establish');
  const establishValues: FormState =
    state?.key === 'establish' ? establish : { values: { skNumber: edition.skNumber, skDate: edition.skDate ?? '' }, errors: {} };
  const canSubmit = actions.includes('submit') && Boolean(edition.skNumber);
  if (!actions.includes('establish') && !canSubmit && !actions.includes('order') && !actions.includes('return')) return '';
  return (
    <section aria-labelledby="steps">
      <h2 id="steps">{say(lang, text('Langkah berikutnya', 'Next steps'))}</h2>
      {actions.includes('establish') ? (
        <form method="post" action={`${base}/tetapkan`} enctype="multipart/form-data" class="narrow action" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <h3>{say(lang, edition.skNumber ? text('Tetapkan ulang dengan SK', 'Establish again by decision') : text('Tetapkan dengan SK PPID', "Establish by the PPID's decision"))}</h3>
          <p class="hint">
            {say(
              lang,
              text(
                'Isi edisi diambil dari informasi yang diklasifikasi saat ini dan menjadi tetap. Semua informasi harus siap (lihat tabel kesiapan).',
                'The edition takes the items as classified now, and they become fixed. Every item must be ready (see the readiness table).',
              ),
            )}
          </p>
          <TextField lang={lang} form={establishValues} name="skNumber" label={EDITION_LABELS.skNumber!} hint={text('Misalnya 12/PPID/2026.', 'For example 12/PPID/2026.')} required />
          <TextField lang={lang} form={establishValues} name="skDate" type="date" label={EDITION_LABELS.skDate!} required />
          <div class={establish.errors.skPdf ? 'field has-error' : 'field'}>
            <label for="f-skPdf">
              {say(lang, EDITION_LABELS.skPdf!)}
              {edition.hasSkPdf ? <span class="optional">{say(lang, text(' (opsional: kosongkan untuk tetap memakai berkas yang ada)', ' (optional: leave empty to keep the current file)'))}</span> : ''}
            </label>
            <p class="hint" id="f-skPdf-hint">
              {say(lang, text('SK yang sudah ditandatangani, berkas PDF.', 'The signed decision, as a PDF file.'))}
            </p>
            {establish.errors.skPdf ? (
              <p class="error" id="f-skPdf-error">
                {say(lang, establish.errors.skPdf)}
              </p>
            ) : (
              ''
            )}
            <input
              id="f-skPdf"
              name="skPdf"
              type="file"
              accept="application/pdf,.pdf"
              required={!edition.hasSkPdf}
              aria-describedby={establish.errors.skPdf ? 'f-skPdf-hint f-skPdf-error' : 'f-skPdf-hint'}
              aria-invalid={establish.errors.skPdf ? 'true' : undefined}
            />
          </div>
          <button type="submit">{say(lang, text('Tetapkan', 'Establish'))}</button>
        </form>
      ) : (
        ''
      )}
      {canSubmit ? (
        <form method="post" action={`${base}/ajukan`} class="action">
          <CsrfField token={ctx.csrfToken} />
          <h3>{say(lang, text('Ajukan kepada Sekretaris', 'Submit to the Secretary'))}</h3>
          <p class="hint">{say(lang, text('Sekretaris memeriksa edisi ini lalu memerintahkan unggah atau mengembalikannya dengan catatan.', 'The Secretary reviews this edition, then orders the upload or returns it with comments.'))}</p>
          <button type="submit">{say(lang, text('Ajukan', 'Submit'))}</button>
        </form>
      ) : (
        ''
      )}
      {actions.includes('order') ? (
        <form method="post" action={`${base}/perintah`} class="action">
          <CsrfField token={ctx.csrfToken} />
          <h3>{say(lang, text('Perintahkan unggah', 'Order the upload'))}</h3>
          <p class="hint">{say(lang, text('Edisi ini langsung tampil di portal dan menggantikan edisi sebelumnya.', 'This edition appears on the portal at once and replaces the previous one.'))}</p>
          <button type="submit">{say(lang, text('Perintahkan unggah', 'Order the upload'))}</button>
        </form>
      ) : (
        ''
      )}
      {actions.includes('return') ? (
        <form method="post" action={`${base}/kembalikan`} class="narrow action" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <h3>{say(lang, text('Kembalikan kepada PPID', 'Return to the PPID'))}</h3>
          <TextArea lang={lang} form={formOf(state, 'return')} name="note" label={EDITION_LABELS.note!} hint={text('Apa yang perlu diperbaiki sebelum edisi ini dapat diunggah.', 'What must be fixed before this edition can be uploaded.')} required />
          <button type="submit" class="secondary">
            {say(lang, text('Kembalikan', 'Return'))}
          </button>
        </form>
      ) : (
        ''
      )}
    </section>
  );
}

export function EditionPage(props: { ctx: PageContext; data: EditionData; state?: StepState | undefined }): JSX.Element {
  const { ctx, data } = props;
  const { edition, office } = data;
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={text(`DIP edisi ${edition.number}`, `DIP edition ${edition.number}`)} officeName={office.name}>
      <Refusal lang={lang} state={props.state} labels={EDITION_LABELS} />
      <dl class="facts">
        <dt>{say(lang, text('Status', 'Status'))}</dt>
        <dd safe>{t(lang, editionStatusLabel(edition))}</dd>
        <dt>{say(lang, EDITION_LABELS.skNumber!)}</dt>
        <dd safe>{edition.skNumber || t(lang, text('belum ditetapkan', 'not established yet'))}</dd>
        <dt>{say(lang, EDITION_LABELS.skDate!)}</dt>
        <dd safe>{orDash(edition.skDate && formatDay(lang, edition.skDate))}</dd>
        <dt>{say(lang, EDITION_LABELS.skPdf!)}</dt>
        <dd>
          {edition.hasSkPdf ? (
            <a href={`/desk/dip/edisi/${edition.id}/sk.pdf`}>{say(lang, text(`Unduh SK edisi ${edition.number} (PDF)`, `Download the decision for edition ${edition.number} (PDF)`))}</a>
          ) : (
            say(lang, text('belum diunggah', 'not uploaded yet'))
          )}
        </dd>
        <dt>{say(lang, text('Diajukan kepada Sekretaris', 'Submitted to the Secretary'))}</dt>
        <dd safe>{orDash(edition.submittedAt && formatMoment(lang, edition.submittedAt, office.timeZone))}</dd>
        <dt>{say(lang, text('Terbit (perintah unggah)', 'Published (upload ordered)'))}</dt>
        <dd safe>{orDash(edition.orderedAt && formatMoment(lang, edition.orderedAt, office.timeZone))}</dd>
      </dl>
      {edition.reviewNote ? (
        <section class="warning" aria-labelledby="review-note">
          <h2 id="review-note">{say(lang, text('Catatan Sekretaris', "The Secretary's comments"))}</h2>
          <p class="prewrap" safe>
            {edition.reviewNote}
          </p>
          {edition.reviewedAt ? <p class="hint" safe>{formatMoment(lang, edition.reviewedAt, office.timeZone)}</p> : ''}
        </section>
      ) : (
        ''
      )}
      {data.diff ? <DiffSection lang={lang} diff={data.diff} /> : <p>{say(lang, text('Perbedaan dari edisi sebelumnya tampil setelah edisi ini ditetapkan.', 'The difference from the previous edition shows once this edition is established.'))}</p>}
      {data.entries.length > 0 ? (
        <section aria-labelledby="content">
          <h2 id="content">{say(lang, text(`Isi edisi (${data.entries.length} informasi)`, `Content (${data.entries.length} items)`))}</h2>
          <SnapshotTable lang={lang} entries={data.entries} />
        </section>
      ) : (
        ''
      )}
      {data.pending ? <PendingTable lang={lang} pending={data.pending} /> : ''}
      <EditionForms ctx={ctx} data={data} state={props.state} />
      <p>
        <a href="/desk/dip/edisi">{say(lang, text('Semua edisi', 'All editions'))}</a> · <a href="/desk/dip/rekap">{say(lang, RECAP_TITLE)}</a>
      </p>
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------------
// The recap book

export function RecapPage(props: { ctx: PageContext; office: OfficeRow; form: FormState; book: RecapBook | undefined }): JSX.Element {
  const { ctx, office, book } = props;
  const lang = ctx.lang;
  const query = book?.month ? `?bulan=${book.month}` : '';
  const labels = { bulan: text('Bulan', 'Month') };
  return (
    <Layout ctx={ctx} title={RECAP_TITLE} officeName={office.name}>
      <p class="lead">
        {say(
          lang,
          text(
            'Setiap langkah penetapan dan pemutakhiran DIP dan DIK tercatat di sini dari log audit kantor, urut waktu: siapa, kapan, apa, dan untuk informasi, permintaan atau edisi mana.',
            "Every step of establishing and updating the DIP and the DIK is listed here from the office's audit log, oldest first: who, when, what, and for which item, call or edition.",
          ),
        )}
      </p>
      <form method="get" action="/desk/dip/rekap" class="narrow" novalidate>
        <ErrorSummary lang={lang} form={props.form} labels={labels} />
        <TextField lang={lang} form={props.form} name="bulan" label={labels.bulan} inputmode="numeric" hint={text('Format TTTT-BB, misalnya 2026-10. Kosongkan untuk semua bulan.', 'Format YYYY-MM, for example 2026-10. Leave empty for all months.')} />
        <button type="submit">{say(lang, text('Tampilkan', 'Show'))}</button>
      </form>
      {book ? (
        <>
          <p role="status">
            {say(
              lang,
              book.month
                ? text(`${book.lines.length} langkah tercatat pada ${monthName('id', book.month)}.`, `${book.lines.length} steps recorded in ${monthName('en', book.month)}.`)
                : text(`${book.lines.length} langkah tercatat.`, `${book.lines.length} steps recorded.`),
            )}
            {book.truncated ? say(lang, text(' Hanya langkah tertua yang ditampilkan; pilih satu bulan untuk sisanya.', ' Only the oldest steps are shown; choose a month for the rest.')) : ''}
          </p>
          <p>
            <a href={`/desk/dip/rekap.xlsx${query}`}>{say(lang, text('Unduh XLSX', 'Download XLSX'))}</a> ·{' '}
            <a href={`/desk/dip/rekap.pdf${query}`}>{say(lang, text('Unduh PDF (berkop surat)', 'Download PDF (on the letterhead)'))}</a>
          </p>
          {book.lines.length > 0 ? (
            <DataTable lang={lang} id="recap" caption={book.month ? text(`Buku rekap informasi, ${monthName('id', book.month)}`, `Information recap book, ${monthName('en', book.month)}`) : RECAP_TITLE}>
              <thead>
                <tr>
                  <th scope="col">{say(lang, text('No.', 'No.'))}</th>
                  <th scope="col">{say(lang, text('Waktu', 'Time'))}</th>
                  <th scope="col">{say(lang, text('Langkah SOP', 'SOP step'))}</th>
                  <th scope="col">{say(lang, text('Pelaku', 'By'))}</th>
                  <th scope="col">{say(lang, text('Kegiatan', 'What'))}</th>
                  <th scope="col">{say(lang, text('Objek', 'Subject'))}</th>
                </tr>
              </thead>
              <tbody>
                {book.lines.map((line) => (
                  <tr>
                    <td>{line.no}</td>
                    <td safe>{formatMoment(lang, line.at, office.timeZone)}</td>
                    <td safe>{t(lang, line.step)}</td>
                    <td safe>{line.who}</td>
                    <td>
                      {say(lang, line.what)}
                      {line.detail ? <span class="hint recap-detail" safe>{t(lang, line.detail)}</span> : ''}
                    </td>
                    <td>
                      {line.subject ? (
                        <a href={line.subject.href} safe>
                          {t(lang, line.subject.label)}
                        </a>
                      ) : (
                        dash
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
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
