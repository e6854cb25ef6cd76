import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../kernel/errors.ts';
import { formatMoment, text, type Text } from '../kernel/i18n.ts';
import { roles } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { actorOf, pathId, redirectWithNotice, scopeFor, sendHtml } from '../web/context.ts';
import { CheckboxGroup, CsrfField, ErrorSummary, formBody, list, str, TextArea, TextField, type FormState } from '../web/forms.tsx';
import { Layout, pageContext, say, type PageContext } from '../web/layout.tsx';
import { promotable, promoteRequestFile, promotionPrefill, type Promotable } from './promote.ts';
import { ITEM_LABELS, type ItemForm } from './rules.ts';

/**
 * The PPID's one step from a released request file to a DIP item: GET shows the item form filled from
 * the request for the PPID to check, POST makes the item and goes to its page.
 */

const PPID = roles('ppid');
const page = { hide: true };

const TEXT_FIELDS = ['title', 'summary', 'holder', 'responsible', 'producedWhen', 'producedWhere', 'onlineLink', 'archiveLocation', 'retention'] as const;
/** Softcopy and hardcopy are one group of checkboxes; checkItem names its problem after the first. */
const COPIES = 'copies';

const LABELS: Readonly<Record<string, Text>> = {
  ...ITEM_LABELS,
  [COPIES]: text('Bentuk yang tersedia', 'Forms available'),
  files: text('Berkas', 'File'),
};

function formValues(form: ItemForm): FormState['values'] {
  const { hasSoftcopy, hasHardcopy, ...texts } = form;
  return { ...texts, [COPIES]: [...(hasSoftcopy ? ['soft'] : []), ...(hasHardcopy ? ['hard'] : [])] };
}

function readForm(body: Record<string, string | string[]>): ItemForm {
  const copies = list(body, COPIES);
  return { ...(Object.fromEntries(TEXT_FIELDS.map((f) => [f, str(body, f)])) as Record<(typeof TEXT_FIELDS)[number], string>), hasSoftcopy: copies.includes('soft'), hasHardcopy: copies.includes('hard') };
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function Source(props: { ctx: PageContext; p: Promotable }): JSX.Element {
  const { ctx, p } = props;
  const lang = ctx.lang;
  const released = p.file.releasedAt ? formatMoment(lang, p.file.releasedAt, p.office.timeZone) : '—';
  return (
    <dl class="facts">
      <dt>{say(lang, text('Permohonan', 'Request'))}</dt>
      <dd>
        <a href={`/desk/permohonan/${p.request.id}`} safe>
          {p.request.number}
        </a>
      </dd>
      <dt>{say(lang, text('Berkas', 'File'))}</dt>
      <dd safe>{`${p.file.name} (${formatSize(p.file.size)})`}</dd>
      <dt>{say(lang, text('Diberikan kepada pemohon', 'Released to the applicant'))}</dt>
      <dd safe>{released}</dd>
    </dl>
  );
}

function PromotePage(props: { ctx: PageContext; p: Promotable; form: FormState }): JSX.Element {
  const { ctx, p, form } = props;
  const lang = ctx.lang;
  if (p.promotedAs !== undefined) {
    return (
      <Layout ctx={ctx} title={text('Jadikan informasi DIP', 'Make it a DIP item')} officeName={p.office.name}>
        <Source ctx={ctx} p={p} />
        <p>
          {say(lang, text('Berkas ini sudah dijadikan informasi DIP: ', 'This file is already a DIP item: '))}
          <a href={`/desk/dip/informasi/${p.promotedAs}`}>{say(lang, text('buka informasinya', 'open the item'))}</a>
        </p>
      </Layout>
    );
  }
  return (
    <Layout ctx={ctx} title={text('Jadikan informasi DIP', 'Make it a DIP item')} officeName={p.office.name}>
      <p class="lead">
        {say(
          lang,
          text(
            'Informasi yang sudah diberikan kepada pemohon adalah informasi publik. Isian di bawah diambil dari permohonan: periksa, lengkapi jangka waktu penyimpanan, lalu simpan. Berkas disalin ke informasi DIP dan diperiksa ulang; setelah itu klasifikasikan informasinya dan masukkan ke edisi DIP berikutnya.',
            'Information given to an applicant is public information. The fields below come from the request: check them, add the retention period, and save. The file is copied to the DIP item and checked again; then classify the item and include it in the next DIP edition.',
          ),
        )}
      </p>
      <Source ctx={ctx} p={p} />
      <form method="post" action={`/desk/dip/dari-berkas/${p.file.id}`} novalidate>
        <ErrorSummary lang={lang} form={form} labels={LABELS} />
        <CsrfField token={ctx.csrfToken} />
        <TextField lang={lang} form={form} name="title" label={ITEM_LABELS.title} required />
        <TextArea lang={lang} form={form} name="summary" label={ITEM_LABELS.summary} rows={5} required />
        <TextField lang={lang} form={form} name="holder" label={ITEM_LABELS.holder} required />
        <TextField lang={lang} form={form} name="responsible" label={ITEM_LABELS.responsible} required />
        <TextField lang={lang} form={form} name="producedWhen" label={ITEM_LABELS.producedWhen} required />
        <TextField lang={lang} form={form} name="producedWhere" label={ITEM_LABELS.producedWhere} required />
        <CheckboxGroup
          lang={lang}
          form={form}
          name={COPIES}
          label={LABELS[COPIES]!}
          hint={text('Softcopy: berkas ini (atau tautan daring). Hardcopy: sebutkan lokasi arsipnya.', 'Softcopy: this file (or an online link). Hardcopy: say where it is kept.')}
          options={[
            { value: 'soft', label: ITEM_LABELS.hasSoftcopy },
            { value: 'hard', label: ITEM_LABELS.hasHardcopy },
          ]}
        />
        <TextField lang={lang} form={form} name="onlineLink" label={ITEM_LABELS.onlineLink} type="text" inputmode="url" />
        <TextField lang={lang} form={form} name="archiveLocation" label={ITEM_LABELS.archiveLocation} />
        <TextField lang={lang} form={form} name="retention" label={ITEM_LABELS.retention} hint={text('Menurut jadwal retensi arsip, misalnya "10 tahun (JRA PKPU 17/2023)".', 'From the records retention schedule, e.g. "10 years (JRA PKPU 17/2023)".')} required />
        <button type="submit">{say(lang, text('Simpan sebagai informasi DIP', 'Save as a DIP item'))}</button>
      </form>
    </Layout>
  );
}

export async function dipPromoteRoutes(app: App, { database }: AppDeps): Promise<void> {
  const db = database.db;

  async function show(request: FastifyRequest, reply: FastifyReply, fileId: number, form?: FormState, status = 200) {
    const p = await promotable(db, scopeFor(request), fileId);
    const shown = form ?? { values: formValues(await promotionPrefill(db, p)), errors: {} };
    return sendHtml(reply, <PromotePage ctx={pageContext(request, reply)} p={p} form={shown} />, status);
  }

  app.get<{ Params: { fileId: string } }>('/desk/dip/dari-berkas/:fileId', { config: { access: PPID }, schema: page }, async (request, reply) => show(request, reply, pathId(request.params.fileId)));

  app.post<{ Params: { fileId: string } }>('/desk/dip/dari-berkas/:fileId', { config: { access: PPID }, schema: page }, async (request, reply) => {
    const fileId = pathId(request.params.fileId);
    const form = readForm(formBody(request.body));
    try {
      const itemId = await promoteRequestFile(db, actorOf(request), scopeFor(request), fileId, form);
      return redirectWithNotice(reply, `/desk/dip/informasi/${itemId}`, 'item_promoted');
    } catch (error) {
      if (!isAppError(error) || (error.status !== 422 && error.status !== 409)) throw error;
      const { hasSoftcopy, ...errors } = error.fields;
      // A 409 (made an item meanwhile) shows the page again, which then links to that item.
      return show(request, reply, fileId, { values: formValues(form), errors: hasSoftcopy ? { ...errors, [COPIES]: hasSoftcopy } : errors, summary: error.text }, error.status);
    }
  });
}
