import Html from '@kitajs/html';
import { explainDeadline, workingDaysBetween, type DeadlineResult, type OfficeCalendar } from '../calendar/rules.ts';
import type { DeadlineRow } from '../calendar/store.ts';
import { formatDay, formatMoment, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import type { OfficeRow } from '../offices/store.ts';
import { DueDate, dueFlag, FileField } from '../requests/desk-views.tsx';
import type { RequestRow } from '../requests/store.ts';
import { CsrfField, ErrorSummary, SelectField, TextArea, TextField, type FormState } from '../web/forms.tsx';
import { DataTable, Layout, say, type PageContext } from '../web/layout.tsx';
import {
  DISPUTE_NEXT,
  DISPUTE_OUTCOME_LABELS,
  DISPUTE_OUTCOMES,
  DISPUTE_STAGE_LABELS,
  isDisputeOutcome,
  isDisputeStage,
  OBJECTION_STATUS_LABELS,
} from './rules.ts';
import type { CaseFileFacts, DisputeRow, DisputeStageRow, ObjectionRow } from './store.ts';

/**
 * The desk's dispute (sengketa) pages: recording that the applicant went to the Komisi Informasi, and
 * one dispute with its clocks, stages, documents and the file for the commission. Pure views:
 * src/objections/dispute-pages.tsx loads the data and runs the use cases.
 */

// ---------------------------------------------------------------------------------------------------
// Shared pieces

const lookup = (table: Readonly<Record<string, Text>>, key: string | null | undefined): Text | undefined => (key && Object.hasOwn(table, key) ? table[key] : undefined);

function labelOf(lang: Lang, table: Readonly<Record<string, Text>>, key: string | null | undefined): string {
  const found = lookup(table, key);
  return found ? t(lang, found) : (key ?? '');
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

/** The labels of every field on these pages, for the error summaries. */
const LABELS: Readonly<Record<string, Text>> = {
  commission: text('Komisi Informasi', 'Information Commission'),
  registerNumber: text('Nomor register sengketa', "The commission's register number"),
  filedOn: text('Tanggal diterima Komisi Informasi', 'Day the commission received it'),
  stage: text('Tahap berikutnya', 'Next stage'),
  on: text('Tanggal tahap', 'Date of the stage'),
  outcome: text('Hasil', 'Outcome'),
  outcomeNote: text('Keterangan hasil', 'About the outcome'),
  note: text('Catatan', 'Note'),
  documents: text('Dokumen', 'Documents'),
};

const DOCUMENTS_HINT = text(
  'Surat panggilan, berita acara, putusan, dan dokumen lain dari Komisi Informasi: PDF, PNG atau JPEG, paling besar 20 MB per berkas. Dapat memilih beberapa berkas.',
  "The commission's summons, minutes, rulings and other documents: PDF, PNG or JPEG, at most 20 MB per file. Several files may be chosen.",
);


/**
 * The Komisi Informasi the applicant would most often go to: the province's for regency and province
 * offices, the central commission for KPU RI. Only a suggestion: staff correct it (a regency may have
 * its own commission).
 */
export function defaultCommission(office: OfficeRow, parent: OfficeRow | undefined): string {
  if (office.level === 'ri') return 'Komisi Informasi Pusat';
  const province = office.level === 'province' ? office : parent;
  const name = province?.name.match(/Provinsi\s+(.+)$/i)?.[1]?.trim();
  return name ? `Komisi Informasi Provinsi ${name}` : 'Komisi Informasi Provinsi ';
}

// ---------------------------------------------------------------------------------------------------
// The 14-working-day filing window

/** The window as counted: from the Atasan's decision, or from the day the answer period lapsed. */
export interface FilingWindow {
  readonly since: string;
  readonly event: 'decision' | 'lapsed';
  readonly count: DeadlineResult;
}

/** The window told as sentences, and where `day` (today, or the day the commission received it) stands. */
export function explainFilingWindow(window: FilingWindow, day: string, calendar: OfficeCalendar, lang: Lang, standing: 'today' | 'filed'): string[] {
  const words = (id: string, en: string) => (lang === 'id' ? id : en);
  const d = (x: string) => formatDay(lang, x);
  const { count } = window;
  const started =
    window.event === 'decision'
      ? words(`Atasan PPID menanggapi keberatan pada ${d(window.since)}.`, `The Atasan PPID answered the objection on ${d(window.since)}.`)
      : words(
          `Keberatan tidak ditanggapi; jangka waktu tanggapan Atasan PPID berakhir ${d(window.since)}.`,
          `The objection was not answered; the Atasan PPID's answer period ended on ${d(window.since)}.`,
        );
  const zero =
    count.dayZero === window.since
      ? words('Hari itu menjadi hari ke-0.', 'That day is day zero.')
      : words(`Hari itu bukan hari kerja, sehingga hari ke-0 adalah ${d(count.dayZero)}.`, `That day is not a working day, so day zero is ${d(count.dayZero)}.`);
  // explainDeadline's first two sentences speak of a receipt; the count, the days passed over and the due date apply as they are.
  const counted = explainDeadline(count, lang).slice(2);
  const late = workingDaysBetween(count.due, day, calendar);
  const where =
    standing === 'today'
      ? day <= count.due
        ? words(`Hari ini ${d(day)}: jangka waktu pengajuan sengketa masih terbuka.`, `Today is ${d(day)}: the window to go to the commission is still open.`)
        : words(
            `Hari ini ${d(day)}: jangka waktu pengajuan sengketa sudah lewat ${late} hari kerja. Sengketa tetap dicatat bila pemohon mengajukannya; Komisi Informasi yang menilai keterlambatannya.`,
            `Today is ${d(day)}: the window closed ${late} working day${late === 1 ? '' : 's'} ago. A dispute the applicant files is still recorded; the commission judges the delay.`,
          )
      : day <= count.due
        ? words(`Komisi menerima permohonan sengketa ${d(day)}: dalam jangka waktu.`, `The commission received the dispute on ${d(day)}: within the window.`)
        : words(`Komisi menerima permohonan sengketa ${d(day)}: ${late} hari kerja setelah jangka waktu berakhir.`, `The commission received the dispute on ${d(day)}: ${late} working day${late === 1 ? '' : 's'} after the window closed.`);
  return [started, zero, ...counted, where];
}

function WindowExplained(props: { lang: Lang; lines: readonly string[]; open?: boolean }): JSX.Element {
  return (
    <details open={props.open}>
      <summary>{say(props.lang, text('Cara menghitung 14 hari kerja', 'How the 14 working days were counted'))}</summary>
      <ol class="explain">
        {props.lines.map((line) => (
          <li safe>{line}</li>
        ))}
      </ol>
    </details>
  );
}

// ---------------------------------------------------------------------------------------------------
// Recording a dispute

export interface RecordPageData {
  readonly office: OfficeRow;
  readonly objection: ObjectionRow;
  readonly request: RequestRow;
  /** The dispute already recorded for this objection, if any. */
  readonly existing: DisputeRow | undefined;
  readonly answerDue: string | undefined;
  readonly window: FilingWindow | { readonly problem: Text };
  readonly today: string;
  readonly calendar: OfficeCalendar;
}

export function RecordDisputePage(props: { ctx: PageContext; data: RecordPageData; form: FormState }): JSX.Element {
  const { ctx, data, form } = props;
  const lang = ctx.lang;
  const { objection: o, request: r, office } = data;
  const decidedDay = o.decidedAt ? formatMoment(lang, o.decidedAt, office.timeZone) : undefined;
  return (
    <Layout ctx={ctx} title={text(`Catat sengketa atas keberatan ${o.number}`, `Record a dispute on objection ${o.number}`)} officeName={office.name}>
      <ErrorSummary lang={lang} form={form} labels={LABELS} />
      <dl class="facts">
        <dt>{say(lang, text('Keberatan', 'Objection'))}</dt>
        <dd>
          <a href={`/desk/keberatan/${o.id}`} safe>
            {o.number}
          </a>
        </dd>
        <dt>{say(lang, text('Permohonan', 'Request'))}</dt>
        <dd>
          <a href={`/desk/permohonan/${r.id}`} safe>
            {r.number}
          </a>
        </dd>
        <dt>{say(lang, text('Pemohon', 'Applicant'))}</dt>
        <dd safe>{o.proxyName ? `${r.name} (${t(lang, text('melalui kuasa', 'through a proxy'))}: ${o.proxyName})` : r.name}</dd>
        <dt>{say(lang, text('Status keberatan', 'Objection status'))}</dt>
        <dd safe>{labelOf(lang, OBJECTION_STATUS_LABELS, o.status)}</dd>
        <dt>{say(lang, text('Tanggapan Atasan PPID', "The Atasan PPID's answer"))}</dt>
        <dd safe>
          {decidedDay ??
            t(lang, data.answerDue ? text(`Belum ada; batas waktunya ${formatDay('id', data.answerDue)}`, `None; it was due ${formatDay('en', data.answerDue)}`) : text('Belum ada', 'None'))}
        </dd>
      </dl>

      <h2>{say(lang, text('Jangka waktu pengajuan sengketa', 'Window to go to the commission'))}</h2>
      {'problem' in data.window ? (
        <p class="warning">{say(lang, data.window.problem)}</p>
      ) : (
        <>
          <p>
            {say(lang, text('Pemohon dapat mengajukan sengketa ke Komisi Informasi paling lambat 14 hari kerja sejak tanggapan Atasan PPID, atau sejak jangka waktu tanggapan lewat (Pasal 37 UU 14/2008), yaitu sampai ', 'The applicant may go to the Information Commission within 14 working days of the Atasan PPID\'s answer, or of the lapse of the answer period (article 37 of Law 14/2008), that is until '))}
            <DueDate lang={lang} due={data.window.count.due} flag={data.today > data.window.count.due ? text('Sudah lewat', 'Closed') : undefined} />.
          </p>
          <WindowExplained lang={lang} lines={explainFilingWindow(data.window, data.today, data.calendar, lang, 'today')} open />
        </>
      )}

      {data.existing ? (
        <p class="notice" id="existing">
          {say(lang, text('Sengketa atas keberatan ini sudah dicatat. ', 'A dispute on this objection is already recorded. '))}
          <a href={`/desk/sengketa/${data.existing.id}`}>{say(lang, text('Buka sengketa itu', 'Open that dispute'))}</a>
        </p>
      ) : o.status === 'withdrawn' ? (
        <p class="warning">{say(lang, text('Keberatan ini dicabut; sengketa tidak dapat dicatat atasnya.', 'This objection was withdrawn; no dispute can be recorded on it.'))}</p>
      ) : (
        <>
          <h2>{say(lang, text('Data sengketa', 'The dispute'))}</h2>
          <form method="post" action={`/desk/keberatan/${o.id}/sengketa`} enctype="multipart/form-data" class="narrow" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextField lang={lang} form={form} name="commission" label={LABELS.commission!} required hint={text('Diisi otomatis menurut wilayah kantor; ubah bila pemohon mengajukan ke komisi lain.', "Filled in from the office's region; change it if the applicant went to another commission.")} />
            <TextField lang={lang} form={form} name="registerNumber" label={LABELS.registerNumber!} hint={text('Bila komisi sudah memberi nomor register.', 'If the commission has given one.')} />
            <TextField lang={lang} form={form} name="filedOn" type="date" label={LABELS.filedOn!} required hint={text('Tanggal permohonan sengketa diterima komisi, menurut surat atau panggilan komisi. Jangka waktu komisi (14 dan 100 hari kerja) dihitung dari tanggal ini.', "The day the commission received the application, as its letter or summons says. The commission's periods (14 and 100 working days) count from it.")} />
            <TextArea lang={lang} form={form} name="note" label={LABELS.note!} rows={3} />
            <FileField lang={lang} form={form} name="documents" label={LABELS.documents!} hint={DOCUMENTS_HINT} multiple accept={ACCEPT} />
            <button type="submit">{say(lang, text('Catat sengketa', 'Record the dispute'))}</button>
          </form>
        </>
      )}
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------------
// One dispute

export interface DisputePageData {
  readonly office: OfficeRow;
  readonly dispute: DisputeRow;
  readonly objection: ObjectionRow;
  readonly request: RequestRow;
  readonly start: DeadlineRow | undefined;
  readonly finish: DeadlineRow | undefined;
  readonly stages: readonly DisputeStageRow[];
  readonly files: readonly CaseFileFacts[];
  /** Staff names by id, for who recorded each stage. */
  readonly staffNames: ReadonlyMap<number, string>;
  readonly window: FilingWindow | undefined;
  readonly today: string;
  readonly calendar: OfficeCalendar;
  /** The signed-in person may record stages (PPID, Atasan PPID). */
  readonly canAct: boolean;
}

function Clock(props: { lang: Lang; id: string; title: Text; intro: Text; deadline: DeadlineRow | undefined; data: DisputePageData }): JSX.Element {
  const { lang, deadline, data } = props;
  return (
    <section aria-labelledby={props.id}>
      <h3 id={props.id}>{say(lang, props.title)}</h3>
      {deadline ? (
        <>
          <p>
            {say(lang, props.intro)} <DueDate lang={lang} due={deadline.due} flag={deadline.closedAt ? undefined : dueFlag(deadline.due, data.today, data.calendar)} />
          </p>
          <p safe>
            {deadline.closedAt
              ? `${t(lang, text('Selesai: jam dihentikan', 'Done: clock stopped'))} ${formatMoment(lang, deadline.closedAt, data.office.timeZone)}`
              : t(lang, text('Masih berjalan.', 'Still running.'))}
          </p>
          <details>
            <summary>{say(lang, text(`Cara menghitung ${deadline.workingDays} hari kerja`, `How the ${deadline.workingDays} working days were counted`))}</summary>
            <ol class="explain">
              {explainDeadline(deadline.explanation as DeadlineResult, lang).map((line) => (
                <li safe>{line}</li>
              ))}
            </ol>
          </details>
        </>
      ) : (
        <p>{say(lang, text('Tidak ada batas waktu tercatat.', 'No deadline recorded.'))}</p>
      )}
    </section>
  );
}

function StageForm(props: { ctx: PageContext; dispute: DisputeRow; form: FormState }): JSX.Element {
  const { ctx, dispute, form } = props;
  const lang = ctx.lang;
  const next = isDisputeStage(dispute.stage) ? DISPUTE_NEXT[dispute.stage] : [];
  return (
    <section class="action" id="act-stage" aria-labelledby="act-stage-title">
      <h3 id="act-stage-title">{say(lang, text('Catat tahap berikutnya', 'Record the next stage'))}</h3>
      <ErrorSummary lang={lang} form={form} labels={LABELS} />
      <form method="post" action={`/desk/sengketa/${dispute.id}/tahap`} enctype="multipart/form-data" class="narrow" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <SelectField
          lang={lang}
          form={form}
          name="stage"
          label={LABELS.stage!}
          required
          hint={text('Tahap hanya maju; mediasi dapat dilewati (penolakan berdasarkan Pasal 17 langsung ke ajudikasi).', 'Stages only go forward; mediation may be skipped (a refusal under article 17 goes straight to adjudication).')}
          options={[{ value: '', label: text('Pilih tahap', 'Choose the stage') }, ...next.map((s) => ({ value: s, label: DISPUTE_STAGE_LABELS[s] }))]}
        />
        <TextField lang={lang} form={form} name="on" type="date" label={LABELS.on!} required hint={text('Tanggal sidang, putusan, atau surat komisi/pengadilan.', "The day of the hearing, the ruling, or the commission's or court's letter.")} />
        <TextField lang={lang} form={form} name="registerNumber" label={LABELS.registerNumber!} hint={text('Isi bila komisi memberi atau mengubah nomor register; kosongkan bila tetap.', 'Fill in if the commission gives or changes the number; leave empty if unchanged.')} />
        <TextArea lang={lang} form={form} name="note" label={LABELS.note!} rows={3} />
        {next.includes('closed') ? (
          <fieldset class="field">
            <legend>{say(lang, text('Bila sengketa selesai', 'If the dispute is closed'))}</legend>
            <p class="hint">{say(lang, text('Diisi hanya bila tahap yang dipilih "Selesai".', 'Only when the stage chosen is "Closed".'))}</p>
            <SelectField
              lang={lang}
              form={form}
              name="outcome"
              label={LABELS.outcome!}
              options={[{ value: '', label: text('Pilih hasil', 'Choose the outcome') }, ...DISPUTE_OUTCOMES.map((o) => ({ value: o, label: DISPUTE_OUTCOME_LABELS[o] }))]}
            />
            <TextArea lang={lang} form={form} name="outcomeNote" label={LABELS.outcomeNote!} rows={3} />
          </fieldset>
        ) : (
          ''
        )}
        <FileField lang={lang} form={form} name="documents" label={LABELS.documents!} hint={DOCUMENTS_HINT} multiple accept={ACCEPT} />
        <button type="submit">{say(lang, text('Catat tahap', 'Record the stage'))}</button>
      </form>
    </section>
  );
}

export function DisputePage(props: { ctx: PageContext; data: DisputePageData; form: FormState }): JSX.Element {
  const { ctx, data, form } = props;
  const lang = ctx.lang;
  const { dispute: d, objection: o, request: r, office } = data;
  const stage = isDisputeStage(d.stage) ? d.stage : undefined;
  const failed = Object.keys(form.errors).length > 0 || form.summary !== undefined;
  const formShown = stage !== 'closed' && data.canAct;
  const lateBy = data.window && d.late ? workingDaysBetween(data.window.count.due, d.filedOn, data.calendar) : 0;
  return (
    <Layout ctx={ctx} title={text(`Sengketa atas keberatan ${o.number}`, `Dispute on objection ${o.number}`)} officeName={office.name}>
      {failed && formShown ? (
        <p class="error">
          <a href="#act-stage">{say(lang, text('Tahap belum tercatat; lihat formulirnya.', 'The stage was not recorded; see its form.'))}</a>
        </p>
      ) : failed ? (
        <ErrorSummary lang={lang} form={form} labels={LABELS} />
      ) : (
        ''
      )}
      <dl class="facts">
        <dt>{say(lang, LABELS.commission!)}</dt>
        <dd safe>{d.commission}</dd>
        <dt>{say(lang, LABELS.registerNumber!)}</dt>
        <dd safe>{d.registerNumber || t(lang, text('Belum diberikan', 'Not given yet'))}</dd>
        <dt>{say(lang, text('Keberatan', 'Objection'))}</dt>
        <dd>
          <a href={`/desk/keberatan/${o.id}`} safe>
            {o.number}
          </a>
        </dd>
        <dt>{say(lang, text('Permohonan', 'Request'))}</dt>
        <dd>
          <a href={`/desk/permohonan/${r.id}`} safe>
            {r.number}
          </a>
          {Html.escapeHtml(` — ${r.name}`)}
        </dd>
        <dt>{say(lang, LABELS.filedOn!)}</dt>
        <dd safe>{formatDay(lang, d.filedOn)}</dd>
        <dt>{say(lang, text('Jangka waktu pengajuan', 'Filing window'))}</dt>
        <dd>
          {data.window ? (
            <>
              {Html.escapeHtml(
                t(lang, text(`${formatDay('id', data.window.since)} sampai ${formatDay('id', data.window.count.due)}`, `${formatDay('en', data.window.since)} to ${formatDay('en', data.window.count.due)}`)),
              )}{' '}
              {d.late ? (
                <strong class="flag">{say(lang, text(`Diajukan terlambat ${lateBy} hari kerja`, `Filed ${lateBy} working day${lateBy === 1 ? '' : 's'} late`))}</strong>
              ) : (
                say(lang, text('(diajukan dalam jangka waktu)', '(filed within the window)'))
              )}
            </>
          ) : (
            say(lang, text('Tidak tercatat', 'Not recorded'))
          )}
        </dd>
        <dt>{say(lang, text('Tahap', 'Stage'))}</dt>
        <dd safe>{stage ? t(lang, DISPUTE_STAGE_LABELS[stage]) : d.stage}</dd>
        {d.outcome ? (
          <>
            <dt>{say(lang, LABELS.outcome!)}</dt>
            <dd class="prewrap" safe>{`${isDisputeOutcome(d.outcome) ? t(lang, DISPUTE_OUTCOME_LABELS[d.outcome]) : d.outcome}${d.outcomeNote ? `\n${d.outcomeNote}` : ''}`}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {data.window ? <WindowExplained lang={lang} lines={explainFilingWindow(data.window, d.filedOn, data.calendar, lang, 'filed')} /> : ''}

      <h2>{say(lang, text('Berkas untuk Komisi Informasi', 'The file for the commission'))}</h2>
      <p>
        {say(
          lang,
          text(
            'Satu PDF berisi permohonan, tanda bukti, pemberitahuan tertulis dan surat lain, keberatan, tanggapan Atasan PPID, dan dokumen identitas pemohon, dengan daftar isi dan nomor halaman.',
            "One PDF with the request, its receipt, the written notice and other letters, the objection, the Atasan PPID's answer and the applicant's identity documents, with contents and page numbers.",
          ),
        )}
      </p>
      <p class="hint">{say(lang, text('Berkas ini memuat dokumen identitas pemohon: setiap unduhan dicatat di log audit.', "It holds the applicant's identity documents: every download is recorded in the audit log."))}</p>
      <p>
        <a class="button" href={`/desk/sengketa/${d.id}/berkas.pdf`}>
          {say(lang, text('Unduh berkas sengketa (PDF)', 'Download the dispute file (PDF)'))}
        </a>
      </p>

      <h2>{say(lang, text('Jangka waktu Komisi Informasi', "The commission's periods"))}</h2>
      <Clock
        lang={lang}
        id="clock-start"
        title={text('Mulai menyelesaikan sengketa (14 hari kerja)', 'Start on the dispute (14 working days)')}
        intro={text('Komisi mulai mengupayakan penyelesaian (mediasi atau ajudikasi) paling lambat', 'The commission starts (mediation or adjudication) by')}
        deadline={data.start}
        data={data}
      />
      <Clock
        lang={lang}
        id="clock-finish"
        title={text('Menyelesaikan sengketa (100 hari kerja)', 'Finish the dispute (100 working days)')}
        intro={text('Komisi menyelesaikan sengketa paling lambat', 'The commission finishes by')}
        deadline={data.finish}
        data={data}
      />

      <h2>{say(lang, text('Riwayat tahap', 'Stages so far'))}</h2>
      <DataTable lang={lang} id="stages" caption={text('Tahap sengketa, terlama lebih dahulu', 'Stages of the dispute, oldest first')}>
        <thead>
          <tr>
            <th scope="col">{say(lang, text('Tanggal', 'Date'))}</th>
            <th scope="col">{say(lang, text('Tahap', 'Stage'))}</th>
            <th scope="col">{say(lang, LABELS.note!)}</th>
            <th scope="col">{say(lang, text('Dicatat oleh', 'Recorded by'))}</th>
          </tr>
        </thead>
        <tbody>
          {data.stages.map((s) => (
            <tr>
              <td safe>{formatDay(lang, s.on)}</td>
              <td safe>{labelOf(lang, DISPUTE_STAGE_LABELS, s.stage)}</td>
              <td class="prewrap" safe>{s.note || '—'}</td>
              <td safe>{(s.recordedBy !== null ? data.staffNames.get(s.recordedBy) : undefined) ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>

      <h2>{say(lang, text('Dokumen sengketa', 'Dispute documents'))}</h2>
      {data.files.length === 0 ? (
        <p>{say(lang, text('Belum ada dokumen.', 'No documents yet.'))}</p>
      ) : (
        <ul>
          {data.files.map((f) => (
            <li>
              <a href={`/desk/sengketa/berkas/${f.id}`} safe>
                {`${f.name} (${formatSize(f.size)})`}
              </a>
              {Html.escapeHtml(` — ${formatMoment(lang, f.createdAt, office.timeZone)}`)}
            </li>
          ))}
        </ul>
      )}

      <h2>{say(lang, text('Tahap berikutnya', 'Next stage'))}</h2>
      {formShown ? (
        <StageForm ctx={ctx} dispute={d} form={form} />
      ) : stage === 'closed' ? (
        <p>{say(lang, text('Sengketa ini sudah selesai; tahapnya tidak dapat diubah.', 'This dispute is closed; its stage cannot change.'))}</p>
      ) : (
        <p>{say(lang, text('Tahap sengketa dicatat oleh PPID atau Atasan PPID.', 'The PPID or the Atasan PPID records the stages.'))}</p>
      )}
    </Layout>
  );
}
