import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, notFound } from '../kernel/errors.ts';
import { formatMoment, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import type { OfficeRow } from '../offices/store.ts';
import { officeById } from '../offices/store.ts';
import { TIME_ZONES } from '../offices/rules.ts';
import { PUBLIC, roles } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { actorOf, redirectWithNotice, scopeFor, sendAttachment, sendHtml } from '../web/context.ts';
import { CsrfField, describedBy, EMPTY_FORM, ErrorSummary, fieldId, formBody, HintAndError, RemoveButton, SelectField, str, TextArea, TextField, type FormState } from '../web/forms.tsx';
import { DataTable, Layout, pageContext, say, type PageContext } from '../web/layout.tsx';
import {
  addDocument,
  documentOf,
  documentsOf,
  DOCUMENT_KINDS,
  MAX_PAGE_CHARS,
  PAGE_KINDS,
  pageOf,
  pagesOf,
  removeDocument,
  savePages,
  type DocumentKind,
  type PageKind,
} from './office-pages-service.ts';
import { idOr404, officeOr404, SiteNav } from './portal.tsx';

/**
 * The office's own public pages (PPID profile with the SK PPID, maklumat pelayanan, service hours and
 * costs, procedures and regulations with their PDFs) and the office admin's desk page that writes them. Page text is
 * plain text: it is escaped whole and split into paragraphs at blank lines, never read as markup.
 */

const PAGE_LABELS: Readonly<Record<PageKind, Text>> = {
  profile: text('Profil PPID', 'PPID profile'),
  charter: text('Maklumat pelayanan', 'Service charter'),
  service: text('Jam dan biaya layanan', 'Service hours and costs'),
  procedures_intro: text('Prosedur (SOP): pengantar', 'Procedures (SOP): introduction'),
  regulations_intro: text('Regulasi: pengantar', 'Regulations: introduction'),
};

const PAGE_HINTS: Readonly<Record<PageKind, Text>> = {
  profile: text('Dasar hukum, struktur PPID, tugas dan kontak.', 'Legal basis, the PPID structure, duties and contacts.'),
  charter: text('Janji layanan yang ditandatangani pimpinan.', 'The service promise signed by the head of office.'),
  service: text('Hari dan jam layanan, serta biaya salinan (mis. per lembar) atau pernyataan bahwa layanan tidak dipungut biaya.', 'Days and hours of service, and the cost of copies (e.g. per page) or that the service is free.'),
  procedures_intro: text('Tampil di atas daftar dokumen SOP.', 'Shown above the list of SOP documents.'),
  regulations_intro: text('Tampil di atas daftar regulasi.', 'Shown above the list of regulations.'),
};

/** Public path of each page. */
const PAGE_PATHS: Readonly<Record<PageKind, string>> = {
  profile: 'profil',
  charter: 'maklumat',
  service: 'layanan',
  procedures_intro: 'prosedur',
  regulations_intro: 'regulasi',
};

const DOCUMENT_LABELS: Readonly<Record<DocumentKind, Text>> = {
  procedure: text('Prosedur (SOP)', 'Procedure (SOP)'),
  regulation: text('Regulasi', 'Regulation'),
  decree: text('SK PPID', 'PPID decree (SK PPID)'),
};

/** The SK PPID is listed on the profile page, so it is downloaded under that page's path. */
const DOCUMENT_PATHS: Readonly<Record<DocumentKind, string>> = { procedure: 'prosedur', regulation: 'regulasi', decree: 'profil' };

const DOCUMENT_FORM_LABELS: Readonly<Record<string, Text>> = {
  kind: text('Jenis dokumen', 'Kind of document'),
  title: text('Judul dokumen', 'Title'),
  file: text('Berkas PDF', 'PDF file'),
  overrideReason: text('Alasan tetap menerbitkan', 'Why publish it anyway'),
};

const NOTICES: Record<string, Text> = {
  pages_saved: text('Halaman publik disimpan.', 'Public pages saved.'),
  pages_unchanged: text('Tidak ada perubahan untuk disimpan.', 'Nothing changed.'),
  document_added: text('Dokumen diterbitkan.', 'Document published.'),
  document_removed: text('Dokumen dihapus dari situs.', 'Document removed from the site.'),
};

const ADMIN = roles('office_admin');
const page = { hide: true };

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Plain text as paragraphs: split at blank lines, each escaped; single line breaks are kept. */
export function PlainText(props: { body: string }): JSX.Element {
  return (
    <div class="page-text">
      {props.body
        .split(/\n[ \t]*\n+/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p class="prewrap" safe>
            {p}
          </p>
        ))}
    </div>
  );
}

function NoContent(props: { lang: Lang }): JSX.Element {
  return <p class="empty">{say(props.lang, text('Halaman ini belum diisi oleh kantor.', 'The office has not written this page yet.'))}</p>;
}

function DocumentList(props: { lang: Lang; office: OfficeRow; kind: DocumentKind; documents: readonly { id: number; title: string; name: string; size: number; createdAt: Date }[] }): JSX.Element {
  if (props.documents.length === 0) {
    return <p class="empty">{say(props.lang, text('Belum ada dokumen yang diterbitkan.', 'No document has been published yet.'))}</p>;
  }
  return (
    <ul class="documents">
      {props.documents.map((d) => (
        <li>
          <a href={`/${props.office.slug}/${DOCUMENT_PATHS[props.kind]}/${d.id}`} safe>
            {d.title}
          </a>
          <span class="hint" safe>{` (PDF, ${formatSize(d.size)}, ${formatMoment(props.lang, d.createdAt, props.office.timeZone)})`}</span>
        </li>
      ))}
    </ul>
  );
}

function FileField(props: { lang: Lang; form: FormState; name: string; label: Text; hint: Text }): JSX.Element {
  const error = props.form.errors[props.name];
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={fieldId(props.name)}>{say(props.lang, props.label)}</label>
      <HintAndError lang={props.lang} form={props.form} name={props.name} hint={props.hint} />
      <input
        type="file"
        id={fieldId(props.name)}
        name={props.name}
        accept="application/pdf,.pdf"
        required
        aria-describedby={describedBy({ form: props.form, name: props.name, hint: props.hint })}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

export async function officePageRoutes(app: App, { database }: AppDeps): Promise<void> {
  const db = database.db;

  // ------------------------------------------------------------------------------------------------
  // Public pages

  function textPage(kind: Exclude<PageKind, 'procedures_intro' | 'regulations_intro'>) {
    app.get<{ Params: { slug: string } }>(`/:slug/${PAGE_PATHS[kind]}`, { config: { access: PUBLIC }, schema: page }, async (request, reply) => {
      const office = await officeOr404(db, request.params.slug);
      const ctx = pageContext(request, reply);
      const [content, decrees] = await Promise.all([pageOf(db, office.id, kind), kind === 'profile' ? documentsOf(db, office.id, 'decree') : []]);
      const zone = TIME_ZONES.find((z) => z.zone === office.timeZone)?.label ?? office.timeZone;
      return sendHtml(
        reply,
        <Layout ctx={ctx} title={PAGE_LABELS[kind]} officeName={office.name}>
          <SiteNav lang={ctx.lang} office={office} current={ctx.path} />
          {content ? <PlainText body={content.body} /> : <NoContent lang={ctx.lang} />}
          {kind === 'service' ? (
            <p class="hint" safe>
              {t(ctx.lang, text(`Jam layanan yang tercatat: Senin–Jumat, ${office.hoursStart}–${office.hoursEnd} ${zone}.`, `Service hours on record: Monday–Friday, ${office.hoursStart}–${office.hoursEnd} ${zone}.`))}
            </p>
          ) : (
            ''
          )}
          {content ? <p class="hint" safe>{`${t(ctx.lang, text('Diperbarui', 'Updated'))} ${formatMoment(ctx.lang, content.updatedAt, office.timeZone)}`}</p> : ''}
          {kind === 'profile' ? (
            <>
              <h2>{say(ctx.lang, text('SK penetapan PPID', 'Decree appointing the PPID'))}</h2>
              <DocumentList lang={ctx.lang} office={office} kind="decree" documents={decrees} />
            </>
          ) : (
            ''
          )}
        </Layout>,
      );
    });
  }
  textPage('profile');
  textPage('charter');
  textPage('service');

  function documentDownload(kind: DocumentKind) {
    app.get<{ Params: { slug: string; docId: string } }>(`/:slug/${DOCUMENT_PATHS[kind]}/:docId`, { config: { access: PUBLIC }, schema: page }, async (request, reply) => {
      const office = await officeOr404(db, request.params.slug);
      const document = await documentOf(db, office.id, kind, idOr404(request.params.docId));
      if (!document) throw notFound(text('Dokumen tidak ditemukan.', 'Document not found.'));
      return sendAttachment(reply, document.name, document.mediaType, document.content);
    });
  }
  for (const kind of DOCUMENT_KINDS) documentDownload(kind);

  function documentPage(kind: DocumentKind, intro: PageKind, title: Text) {
    const path = DOCUMENT_PATHS[kind];
    app.get<{ Params: { slug: string } }>(`/:slug/${path}`, { config: { access: PUBLIC }, schema: page }, async (request, reply) => {
      const office = await officeOr404(db, request.params.slug);
      const ctx = pageContext(request, reply);
      const [content, documents] = await Promise.all([pageOf(db, office.id, intro), documentsOf(db, office.id, kind)]);
      return sendHtml(
        reply,
        <Layout ctx={ctx} title={title} officeName={office.name}>
          <SiteNav lang={ctx.lang} office={office} current={ctx.path} />
          {content ? <PlainText body={content.body} /> : ''}
          <h2>{say(ctx.lang, text('Dokumen', 'Documents'))}</h2>
          <DocumentList lang={ctx.lang} office={office} kind={kind} documents={documents} />
        </Layout>,
      );
    });
  }
  documentPage('procedure', 'procedures_intro', text('Prosedur layanan informasi (SOP)', 'Information service procedures (SOP)'));
  documentPage('regulation', 'regulations_intro', text('Regulasi keterbukaan informasi', 'Freedom of information regulations'));

  // ------------------------------------------------------------------------------------------------
  // The office admin's desk page

  async function DeskPage(props: { request: FastifyRequest; reply: FastifyReply; pagesForm?: FormState; documentForm?: FormState }): Promise<string> {
    const ctx: PageContext = pageContext(props.request, props.reply, NOTICES);
    const scope = scopeFor(props.request);
    const office = (await officeById(db, scope.officeId))!;
    const [pages, documents] = await Promise.all([pagesOf(db, office.id), documentsOf(db, office.id)]);
    const pagesForm: FormState = props.pagesForm ?? { values: Object.fromEntries(PAGE_KINDS.map((k) => [k, pages.get(k)?.body ?? ''])), errors: {} };
    const documentForm = props.documentForm ?? EMPTY_FORM;
    return (
      <Layout ctx={ctx} title={text('Halaman publik kantor', "The office's public pages")}>
        <p class="lead">
          {say(
            ctx.lang,
            text(
              'Teks yang Anda tulis tampil apa adanya di situs PPID kantor ini. Tulis teks biasa; pisahkan paragraf dengan satu baris kosong.',
              "What you write here appears as it is on this office's PPID website. Write plain text; separate paragraphs with a blank line.",
            ),
          )}
        </p>
        <section aria-labelledby="pages-title">
          <h2 id="pages-title">{say(ctx.lang, text('Teks halaman', 'Page texts'))}</h2>
          <ErrorSummary lang={ctx.lang} form={pagesForm} labels={PAGE_LABELS} />
          <form method="post" action="/desk/halaman-publik" class="narrow" novalidate>
            <CsrfField token={ctx.csrfToken} />
            {PAGE_KINDS.map((kind) => (
              <>
                <TextArea
                  lang={ctx.lang}
                  form={pagesForm}
                  name={kind}
                  label={PAGE_LABELS[kind]}
                  hint={text(`${PAGE_HINTS[kind].id} Paling panjang ${MAX_PAGE_CHARS.toLocaleString('id-ID')} karakter.`, `${PAGE_HINTS[kind].en} At most ${MAX_PAGE_CHARS.toLocaleString('en')} characters.`)}
                  rows={8}
                />
                <p class="hint">
                  <a href={`/${office.slug}/${PAGE_PATHS[kind]}`}>{say(ctx.lang, text(`Lihat halaman “${PAGE_LABELS[kind].id}”`, `View the page “${PAGE_LABELS[kind].en}”`))}</a>
                </p>
              </>
            ))}
            <button type="submit">{say(ctx.lang, text('Simpan teks halaman', 'Save page texts'))}</button>
          </form>
        </section>
        <section aria-labelledby="documents-title">
          <h2 id="documents-title">{say(ctx.lang, text('Dokumen prosedur, regulasi dan SK PPID', 'Procedure, regulation and PPID decree documents'))}</h2>
          {documents.length === 0 ? (
            <p>{say(ctx.lang, text('Belum ada dokumen.', 'No documents yet.'))}</p>
          ) : (
            <DataTable lang={ctx.lang} id="office-documents" caption={text('Dokumen yang terbit', 'Published documents')}>
              <thead>
                <tr>
                  <th scope="col">{say(ctx.lang, DOCUMENT_FORM_LABELS.kind!)}</th>
                  <th scope="col">{say(ctx.lang, DOCUMENT_FORM_LABELS.title!)}</th>
                  <th scope="col">{say(ctx.lang, text('Berkas', 'File'))}</th>
                  <th scope="col">{say(ctx.lang, text('Diunggah', 'Uploaded'))}</th>
                  <th scope="col">{say(ctx.lang, text('Tindakan', 'Action'))}</th>
                </tr>
              </thead>
              <tbody>
                {documents.map((d) => {
                  const kind = d.kind as DocumentKind;
                  return (
                    <tr>
                      <td safe>{t(ctx.lang, DOCUMENT_LABELS[kind] ?? text(d.kind, d.kind))}</td>
                      <td>
                        <a href={`/${office.slug}/${DOCUMENT_PATHS[kind] ?? 'prosedur'}/${d.id}`} safe>
                          {d.title}
                        </a>
                      </td>
                      <td safe>{`${d.name} (${formatSize(d.size)})`}</td>
                      <td safe>{formatMoment(ctx.lang, d.createdAt, office.timeZone)}</td>
                      <td>
                        <RemoveButton lang={ctx.lang} action={`/desk/halaman-publik/dokumen/${d.id}/hapus`} csrfToken={ctx.csrfToken} what={d.title} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </DataTable>
          )}
          <h3 id="upload-title">{say(ctx.lang, text('Terbitkan dokumen', 'Publish a document'))}</h3>
          <ErrorSummary lang={ctx.lang} form={documentForm} labels={DOCUMENT_FORM_LABELS} />
          <form method="post" action="/desk/halaman-publik/dokumen" enctype="multipart/form-data" class="narrow" novalidate aria-labelledby="upload-title">
            <CsrfField token={ctx.csrfToken} />
            <SelectField lang={ctx.lang} form={documentForm} name="kind" label={DOCUMENT_FORM_LABELS.kind!} required options={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_LABELS[k] }))} />
            <TextField lang={ctx.lang} form={documentForm} name="title" label={DOCUMENT_FORM_LABELS.title!} required />
            <FileField
              lang={ctx.lang}
              form={documentForm}
              name="file"
              label={DOCUMENT_FORM_LABELS.file!}
              hint={text('Hanya PDF. Pemeriksa membaca isinya: dokumen dengan nomor yang mirip NIK tidak terbit tanpa alasan.', 'PDF only. The checker reads it: a document with NIK-like numbers is not published without a reason.')}
            />
            <TextArea
              lang={ctx.lang}
              form={documentForm}
              name="overrideReason"
              label={DOCUMENT_FORM_LABELS.overrideReason!}
              hint={text('Isi hanya bila pemeriksa menolak dokumen dan Anda yakin dokumen itu boleh terbit (mis. nomor itu bukan NIK). Alasan dicatat di log audit.', 'Only when the checker refused the document and you are sure it may be published (e.g. the number is not a NIK). The reason is kept in the audit log.')}
              rows={3}
            />
            <button type="submit">{say(ctx.lang, text('Terbitkan', 'Publish'))}</button>
          </form>
        </section>
      </Layout>
    );
  }

  app.get('/desk/halaman-publik', { config: { access: ADMIN }, schema: page }, async (request, reply) => sendHtml(reply, DeskPage({ request, reply })));

  app.post('/desk/halaman-publik', { config: { access: ADMIN }, schema: page }, async (request, reply) => {
    const body = formBody(request.body);
    // Not `str`: it trims, and a page's own line breaks and indentation are kept as typed.
    const raw = (key: string) => {
      const v = body[key];
      return Array.isArray(v) ? (v[0] ?? '') : v;
    };
    const bodies = Object.fromEntries(PAGE_KINDS.flatMap((k) => (raw(k) === undefined ? [] : [[k, raw(k)!]])));
    try {
      const changed = await savePages(db, actorOf(request), scopeFor(request), bodies);
      return redirectWithNotice(reply, '/desk/halaman-publik', changed.length > 0 ? 'pages_saved' : 'pages_unchanged');
    } catch (error) {
      if (!isAppError(error) || error.status !== 422) throw error;
      return sendHtml(reply, DeskPage({ request, reply, pagesForm: { values: bodies, errors: error.fields, summary: error.text } }), 422);
    }
  });

  app.post('/desk/halaman-publik/dokumen', { config: { access: ADMIN }, schema: page }, async (request, reply) => {
    const body = formBody(request.body);
    const values = { kind: str(body, 'kind'), title: str(body, 'title'), overrideReason: str(body, 'overrideReason') };
    try {
      await addDocument(db, actorOf(request), scopeFor(request), { ...values, file: request.uploads.find((u) => u.role === 'file') });
      return redirectWithNotice(reply, '/desk/halaman-publik', 'document_added');
    } catch (error) {
      if (!isAppError(error) || error.status !== 422) throw error;
      return sendHtml(reply, DeskPage({ request, reply, documentForm: { values, errors: error.fields, summary: error.text } }), 422);
    }
  });

  app.post<{ Params: { id: string } }>('/desk/halaman-publik/dokumen/:id/hapus', { config: { access: ADMIN }, schema: page }, async (request, reply) => {
    await removeDocument(db, actorOf(request), scopeFor(request), idOr404(request.params.id));
    return redirectWithNotice(reply, '/desk/halaman-publik', 'document_removed');
  });
}
