import Html, { type Children } from '@kitajs/html';
import type { FastifyReply } from 'fastify';
import type { Executor } from '../db/client.ts';
import { notFound } from '../kernel/errors.ts';
import { formatDay, formatMoment, t, text, type Lang, type Text } from '../kernel/i18n.ts';
import { todayIn } from '../offices/portal.tsx';
import { officeById, officeBySlug, type OfficeRow } from '../offices/store.ts';
import { PASAL17_LABELS, type Pasal17 } from '../requests/rules.ts';
import { PUBLIC } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { sendAttachment, sendHtml } from '../web/context.ts';
import { DataTable, Layout, pageContext, say, type PageContext } from '../web/layout.tsx';
import { categoryText, dipCsv, dipJson, dipPdf, dipXlsx, exportName, XLSX_TYPE, type DipTable, type PublishedEdition } from './exports.ts';
import { MARK_END, MARK_START, officeAndDescendants, publishedEditions, publishedEntries, publishedEntry, publishedFile, searchPublished, type PublicEntry } from './public.ts';
import { CATEGORY_LABELS, DIK_LABELS, diffEditions, dikInForce, ITEM_LABELS, PUBLIC_CATEGORIES, type Category, type Snapshot } from './rules.ts';
import { dikEntriesFor, editionSnapshots, officeAndAncestors } from './store.ts';

/**
 * The office's PPID website, DIP part: the published DIP by category and unit, search, a stable page
 * per item with its files, the DIK with its reasons, the edition history with what changed, and the
 * DIP as files. Everything here is public and reads the DIP only through public.ts (ordered editions
 * only), so nothing unpublished can be reached by any URL.
 */

const page = { hide: true };

/** The office of a public URL, or a 404 page. */
export async function officeOr404(exec: Executor, slug: string): Promise<OfficeRow> {
  const office = await officeBySlug(exec, slug);
  if (!office) throw notFound(text('Kantor tidak ditemukan.', 'Office not found.'));
  return office;
}

/** A positive 32-bit id from a URL segment, or a 404 (junk must not reach the database as an error). */
export function idOr404(value: string): number {
  if (!/^[1-9]\d{0,9}$/.test(value) || Number(value) > 2_147_483_647) throw notFound();
  return Number(value);
}

// ---------------------------------------------------------------------------------------------------
// The site's own navigation, shared with the office's public pages (office-pages.tsx)

const SITE_LINKS: readonly { path: string; label: Text }[] = [
  { path: '', label: text('Beranda kantor', 'Office home') },
  { path: '/dip', label: text('Daftar Informasi Publik', 'Public information list') },
  { path: '/dip/cari', label: text('Cari informasi', 'Search') },
  { path: '/dik', label: text('Informasi dikecualikan', 'Exempt information') },
  { path: '/dip/riwayat', label: text('Riwayat DIP', 'DIP history') },
  { path: '/profil', label: text('Profil PPID', 'PPID profile') },
  { path: '/maklumat', label: text('Maklumat pelayanan', 'Service charter') },
  { path: '/layanan', label: text('Jam dan biaya layanan', 'Hours and costs') },
  { path: '/prosedur', label: text('Prosedur (SOP)', 'Procedures (SOP)') },
  { path: '/regulasi', label: text('Regulasi', 'Regulations') },
  { path: '/ringkasan-akses', label: text('Ringkasan akses informasi publik', 'Summary of access to public information') },
  { path: '/statistik', label: text('Statistik', 'Statistics') },
  { path: '/laporan-tahunan', label: text('Laporan tahunan', 'Annual reports') },
];

/** The office website's menu; the current page is marked for assistive technology, not by colour alone. */
export function SiteNav(props: { lang: Lang; office: OfficeRow; current: string }): JSX.Element {
  return (
    <nav class="site-nav" aria-label={t(props.lang, text('Situs PPID kantor ini', "This office's PPID website"))}>
      <ul>
        {SITE_LINKS.map((link) => {
          const href = `/${props.office.slug}${link.path}`;
          return (
            <li>
              <a href={href} aria-current={props.current === href ? 'page' : undefined}>
                {say(props.lang, link.label)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function Page(props: { ctx: PageContext; office: OfficeRow; title: Text | string; children?: Children }): JSX.Element {
  return (
    <Layout ctx={props.ctx} title={props.title} officeName={props.office.name}>
      <SiteNav lang={props.ctx.lang} office={props.office} current={props.ctx.path} />
      {props.children}
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------------
// Pieces

function editionText(edition: PublishedEdition): Text {
  const skId = `SK PPID Nomor ${edition.skNumber}${edition.skDate ? ` tanggal ${formatDay('id', edition.skDate, false)}` : ''}`;
  const skEn = `PPID decision No. ${edition.skNumber}${edition.skDate ? ` of ${formatDay('en', edition.skDate, false)}` : ''}`;
  return text(`Edisi ke-${edition.number}, ditetapkan dengan ${skId}`, `Edition ${edition.number}, established by ${skEn}`);
}

function categoryLabel(lang: Lang, s: Pick<Snapshot, 'category' | 'updateMonths'>): string {
  if (lang === 'id') return categoryText(s);
  const label = t('en', CATEGORY_LABELS[s.category]);
  return s.category === 'berkala' && s.updateMonths ? `${label}, updated every ${s.updateMonths} month${s.updateMonths === 1 ? '' : 's'}` : label;
}

const isWebLink = (value: string) => /^https?:\/\/\S+$/i.test(value);

/** The form the information exists in: softcopy (link, files on this site) and hardcopy (where it is kept). */
function FormCell(props: { lang: Lang; snapshot: Snapshot; itemHref: string }): JSX.Element {
  const s = props.snapshot;
  return (
    <ul class="plain">
      {s.hasSoftcopy ? (
        <li>
          {say(props.lang, text('Softcopy', 'Softcopy'))}
          {s.onlineLink && isWebLink(s.onlineLink) ? (
            <>
              {': '}
              <a href={s.onlineLink} rel="noopener nofollow" safe>
                {s.onlineLink}
              </a>
            </>
          ) : (
            ''
          )}
          {s.files.length > 0 ? (
            <>
              {' · '}
              <a href={props.itemHref}>{say(props.lang, text(`${s.files.length} berkas`, `${s.files.length} file${s.files.length === 1 ? '' : 's'}`))}</a>
            </>
          ) : (
            ''
          )}
        </li>
      ) : (
        ''
      )}
      {s.hasHardcopy ? <li safe>{`${t(props.lang, text('Hardcopy', 'Hardcopy'))}${s.archiveLocation ? `: ${s.archiveLocation}` : ''}`}</li> : ''}
    </ul>
  );
}

/** Search matches as <mark>: the text is escaped first, then the marker pairs become tags. */
function Marked(props: { value: string }): JSX.Element {
  const pair = new RegExp(`${MARK_START}([^${MARK_START}${MARK_END}]*)${MARK_END}`, 'g');
  const stray = new RegExp(`[${MARK_START}${MARK_END}]`, 'g');
  return Html.escapeHtml(props.value).replace(pair, '<mark>$1</mark>').replace(stray, '');
}

function Downloads(props: { lang: Lang; office: OfficeRow }): JSX.Element {
  const base = `/${props.office.slug}/dip`;
  return (
    <p>
      {say(props.lang, text('Unduh DIP:', 'Download the DIP:'))}{' '}
      <a href={`${base}.pdf`}>{say(props.lang, text('PDF (tabel resmi)', 'PDF (official table)'))}</a>
      {' · '}
      <a href={`${base}.xlsx`}>XLSX</a>
      {' · '}
      <a href={`${base}.csv`}>{say(props.lang, text('CSV (data terbuka)', 'CSV (open data)'))}</a>
      {' · '}
      <a href={`${base}.json`}>JSON</a>
    </p>
  );
}

function SearchForm(props: { lang: Lang; office: OfficeRow; q: string }): JSX.Element {
  return (
    <form method="get" action={`/${props.office.slug}/dip/cari`} class="search" role="search">
      <label for="f-q">{say(props.lang, text('Cari dalam Daftar Informasi Publik', 'Search the public information list'))}</label>
      <div class="search-row">
        <input id="f-q" name="q" type="search" value={props.q} maxlength="200" />
        <button type="submit">{say(props.lang, text('Cari', 'Search'))}</button>
      </div>
    </form>
  );
}

function NothingPublished(props: { lang: Lang; office: OfficeRow }): JSX.Element {
  return (
    <>
      <p>
        {say(
          props.lang,
          text(
            'Kantor ini belum menerbitkan Daftar Informasi Publik. DIP terbit setelah ditetapkan PPID dengan SK dan diperintahkan unggah oleh Sekretaris.',
            'This office has not published its public information list yet. The DIP is published once the PPID establishes it by decision and the Secretary orders the upload.',
          ),
        )}
      </p>
      <p>
        <a href={`/${props.office.slug}/permohonan`}>{say(props.lang, text('Anda tetap dapat mengajukan permohonan informasi.', 'You can still request information.'))}</a>
      </p>
    </>
  );
}

/** The published edition the entries belong to (all entries of an office's DIP share it). */
async function editionOf(exec: Executor, officeId: number, editionId: number | undefined) {
  if (editionId === undefined) return undefined;
  return (await publishedEditions(exec, officeId)).find((e) => e.id === editionId);
}

/** The fields the history names when an item changed. */
const SNAPSHOT_LABELS: Readonly<Record<keyof Snapshot, Text>> = {
  ...ITEM_LABELS,
  category: text('Kategori', 'Category'),
  unit: text('Unit', 'Unit'),
  updateMonths: text('Periode pemutakhiran', 'Update period'),
  files: text('Berkas', 'Files'),
};

/** A snapshot written by an older or newer version may hold a field this one does not name. */
const fieldLabel = (field: string): Text => (SNAPSHOT_LABELS as Readonly<Partial<Record<string, Text>>>)[field] ?? text(field, field);

/** An edition's snapshots without their table position, so renumbering alone is not a change. */
async function snapshotsOf(exec: Executor, editionId: number): Promise<Map<number, Snapshot>> {
  const out = new Map<number, Snapshot>();
  for (const [id, { position, ...snapshot }] of await editionSnapshots(exec, editionId)) out.set(id, snapshot);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Routes

export async function dipPortalRoutes(app: App, { database, config }: AppDeps): Promise<void> {
  const db = database.db;

  app.get<{ Params: { slug: string }; Querystring: { kategori?: unknown; unit?: unknown } }>('/:slug/dip', { config: { access: PUBLIC }, schema: page }, async (request, reply) => {
    const office = await officeOr404(db, request.params.slug);
    const ctx = pageContext(request, reply);
    const all = await publishedEntries(db, office.id);
    const edition = await editionOf(db, office.id, all[0]?.editionId);
    const title = text('Daftar Informasi Publik', 'Public Information List');
    if (!edition || all.length === 0) {
      return sendHtml(
        reply,
        <Page ctx={ctx} office={office} title={title}>
          <NothingPublished lang={ctx.lang} office={office} />
        </Page>,
      );
    }
    const category = PUBLIC_CATEGORIES.find((c) => c === request.query.kategori);
    const unit = typeof request.query.unit === 'string' ? request.query.unit.trim().slice(0, 300) : '';
    const units = [...new Set(all.map((e) => e.snapshot.unit).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'id'));
    const shown = all.filter((e) => (!category || e.snapshot.category === category) && (!unit || e.snapshot.unit === unit));
    const link = (c: Category | undefined) => {
      const query = new URLSearchParams();
      if (c) query.set('kategori', c);
      if (unit) query.set('unit', unit);
      const q = query.toString();
      return `/${office.slug}/dip${q ? `?${q}` : ''}`;
    };
    const filterText = [category ? t(ctx.lang, CATEGORY_LABELS[category]) : '', unit].filter(Boolean).join(' · ');
    return sendHtml(
      reply,
      <Page ctx={ctx} office={office} title={title}>
        <p class="lead" safe>
          {`${t(ctx.lang, editionText(edition))}. ${edition.orderedAt ? t(ctx.lang, text(`Diunggah atas perintah Sekretaris pada ${formatMoment('id', edition.orderedAt, office.timeZone)}.`, `Uploaded on the Secretary's order on ${formatMoment('en', edition.orderedAt, office.timeZone)}.`)) : ''}`}
        </p>
        <Downloads lang={ctx.lang} office={office} />
        <SearchForm lang={ctx.lang} office={office} q="" />
        <nav class="tabs" aria-label={t(ctx.lang, text('Kategori informasi', 'Information category'))}>
          <ul>
            <li>
              <a href={link(undefined)} aria-current={category ? undefined : 'page'}>
                {say(ctx.lang, text(`Semua (${all.length})`, `All (${all.length})`))}
              </a>
            </li>
            {PUBLIC_CATEGORIES.map((c) => (
              <li>
                <a href={link(c)} aria-current={category === c ? 'page' : undefined} safe>
                  {`${t(ctx.lang, CATEGORY_LABELS[c])} (${all.filter((e) => e.snapshot.category === c).length})`}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {units.length > 0 ? (
          <form method="get" action={`/${office.slug}/dip`} class="unit-filter">
            {category ? <input type="hidden" name="kategori" value={category} /> : ''}
            <label for="f-unit">{say(ctx.lang, text('Unit yang menyerahkan', 'Unit that provided it'))}</label>
            <div class="search-row">
              <select id="f-unit" name="unit">
                <option value="">{say(ctx.lang, text('Semua unit', 'All units'))}</option>
                {units.map((u) => (
                  <option value={u} selected={u === unit} safe>
                    {u}
                  </option>
                ))}
              </select>
              <button type="submit" class="secondary">
                {say(ctx.lang, text('Tampilkan', 'Show'))}
              </button>
            </div>
          </form>
        ) : (
          ''
        )}
        {shown.length === 0 ? (
          <p>{say(ctx.lang, text('Tidak ada informasi untuk pilihan ini.', 'No information for this choice.'))}</p>
        ) : (
          <DipTableView lang={ctx.lang} office={office} entries={shown} caption={text(`Daftar Informasi Publik${filterText ? ` — ${filterText}` : ''}`, `Public information list${filterText ? ` — ${filterText}` : ''}`)} />
        )}
      </Page>,
    );
  });

  app.get<{ Params: { slug: string }; Querystring: { q?: unknown } }>('/:slug/dip/cari', { config: { access: PUBLIC }, schema: page }, async (request, reply) => {
    const office = await officeOr404(db, request.params.slug);
    const ctx = pageContext(request, reply);
    const q = typeof request.query.q === 'string' ? request.query.q.slice(0, 200) : '';
    const wide = office.level === 'ri' || office.level === 'province';
    const hits = q.trim() ? await searchPublished(db, wide ? await officeAndDescendants(db, office.id) : [office.id], q) : [];
    return sendHtml(
      reply,
      <Page ctx={ctx} office={office} title={text('Cari informasi publik', 'Search public information')}>
        {wide ? (
          <p class="hint">
            {say(ctx.lang, text('Pencarian mencakup DIP kantor ini dan semua kantor KPU di bawahnya.', 'The search covers the DIP of this office and of every KPU office below it.'))}
          </p>
        ) : (
          ''
        )}
        <SearchForm lang={ctx.lang} office={office} q={q} />
        {!q.trim() ? (
          ''
        ) : (
          <section aria-labelledby="results-title">
            <h2 id="results-title" safe>
              {t(ctx.lang, hits.length === 0 ? text(`Tidak ada hasil untuk “${q.trim()}”`, `No results for “${q.trim()}”`) : text(`${hits.length} hasil untuk “${q.trim()}”`, `${hits.length} result${hits.length === 1 ? '' : 's'} for “${q.trim()}”`))}
            </h2>
            {hits.length === 0 ? (
              <p>
                {say(ctx.lang, text('Coba kata lain, atau ajukan permohonan informasi bila yang Anda cari tidak ada dalam DIP.', 'Try other words, or request the information if what you look for is not in the DIP.'))}{' '}
                <a href={`/${office.slug}/permohonan`}>{say(ctx.lang, text('Ajukan permohonan', 'Request information'))}</a>
              </p>
            ) : (
              <ol class="results">
                {hits.map((hit) => (
                  <li>
                    <h3>
                      <a href={`/${hit.officeSlug}/dip/${hit.itemId}`}>
                        <Marked value={hit.titleMarked} />
                      </a>
                    </h3>
                    <p class="hint" safe>
                      {[hit.officeId === office.id ? '' : hit.officeName, categoryLabel(ctx.lang, hit.snapshot), hit.snapshot.unit].filter(Boolean).join(' · ')}
                    </p>
                    <p>
                      <Marked value={hit.summaryMarked} />
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </section>
        )}
      </Page>,
    );
  });

  app.get<{ Params: { slug: string } }>('/:slug/dip/riwayat', { config: { access: PUBLIC }, schema: page }, async (request, reply) => {
    const office = await officeOr404(db, request.params.slug);
    const ctx = pageContext(request, reply);
    const editions = await publishedEditions(db, office.id);
    const title = text('Riwayat Daftar Informasi Publik', 'Public information list: history');
    if (editions.length === 0) {
      return sendHtml(
        reply,
        <Page ctx={ctx} office={office} title={title}>
          <NothingPublished lang={ctx.lang} office={office} />
        </Page>,
      );
    }
    const snapshots = await Promise.all(editions.map((e) => snapshotsOf(db, e.id)));
    const current = snapshots[0]!;
    const itemLink = (id: number, s: Snapshot) =>
      current.has(id) ? (
        <a href={`/${office.slug}/dip/${id}`} safe>
          {s.title}
        </a>
      ) : (
        <span safe>{s.title}</span>
      );
    return sendHtml(
      reply,
      <Page ctx={ctx} office={office} title={title}>
        <p class="lead">
          {say(
            ctx.lang,
            text(
              'Setiap pemutakhiran DIP adalah edisi baru yang ditetapkan dengan SK PPID. Di bawah ini setiap edisi yang pernah terbit, dengan informasi yang ditambahkan, diubah dan ditarik dibanding edisi sebelumnya.',
              'Each update of the DIP is a new edition established by a PPID decision. Below is every edition published, with the information added, changed and withdrawn compared with the edition before it.',
            ),
          )}
        </p>
        {editions.map((edition, i) => {
          const after = snapshots[i]!;
          const before = snapshots[i + 1];
          const diff = before ? diffEditions(before, after) : undefined;
          return (
            <section class="edition" aria-labelledby={`edition-${edition.number}`}>
              <h2 id={`edition-${edition.number}`}>{say(ctx.lang, text(`Edisi ke-${edition.number}`, `Edition ${edition.number}`))}</h2>
              <p safe>
                {`${t(ctx.lang, editionText(edition))}.${edition.orderedAt ? ` ${t(ctx.lang, text('Diunggah', 'Uploaded'))} ${formatMoment(ctx.lang, edition.orderedAt, office.timeZone)}.` : ''} ${t(ctx.lang, text(`${after.size} informasi.`, `${after.size} item${after.size === 1 ? '' : 's'}.`))}`}
              </p>
              {!diff ? (
                <p>{say(ctx.lang, text('Penetapan pertama DIP kantor ini.', "This office's first established DIP."))}</p>
              ) : diff.added.length + diff.withdrawn.length + diff.changed.size === 0 ? (
                <p>{say(ctx.lang, text('Tidak ada perubahan isi dibanding edisi sebelumnya.', 'Nothing changed from the edition before.'))}</p>
              ) : (
                <>
                  {diff.added.length > 0 ? (
                    <>
                      <h3>{say(ctx.lang, text(`Ditambahkan (${diff.added.length})`, `Added (${diff.added.length})`))}</h3>
                      <ul>
                        {diff.added.map((id) => (
                          <li>{itemLink(id, after.get(id)!)}</li>
                        ))}
                      </ul>
                    </>
                  ) : (
                    ''
                  )}
                  {diff.changed.size > 0 ? (
                    <>
                      <h3>{say(ctx.lang, text(`Diubah (${diff.changed.size})`, `Changed (${diff.changed.size})`))}</h3>
                      <ul>
                        {[...diff.changed].map(([id, fields]) => (
                          <li>
                            {itemLink(id, after.get(id)!)}
                            <span safe>{` — ${t(ctx.lang, text('berubah:', 'changed:'))} ${fields.map((f) => t(ctx.lang, fieldLabel(f)).toLowerCase()).join(', ')}`}</span>
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : (
                    ''
                  )}
                  {diff.withdrawn.length > 0 ? (
                    <>
                      <h3>{say(ctx.lang, text(`Ditarik (${diff.withdrawn.length})`, `Withdrawn (${diff.withdrawn.length})`))}</h3>
                      <ul>
                        {diff.withdrawn.map((id) => (
                          <li>{itemLink(id, before!.get(id)!)}</li>
                        ))}
                      </ul>
                    </>
                  ) : (
                    ''
                  )}
                </>
              )}
            </section>
          );
        })}
      </Page>,
    );
  });

  app.get<{ Params: { slug: string; itemId: string } }>('/:slug/dip/:itemId', { config: { access: PUBLIC }, schema: page }, async (request, reply) => {
    const office = await officeOr404(db, request.params.slug);
    const entry = await publishedEntry(db, office.id, idOr404(request.params.itemId));
    if (!entry) throw notFound(text('Informasi ini tidak ada dalam DIP yang terbit.', 'This item is not in the published DIP.'));
    const edition = await editionOf(db, office.id, entry.editionId);
    const ctx = pageContext(request, reply);
    const s = entry.snapshot;
    const href = `/${office.slug}/dip/${entry.itemId}`;
    const fact = (label: Text, value: string) => (
      <>
        <dt>{say(ctx.lang, label)}</dt>
        <dd class="prewrap" safe>
          {value || '—'}
        </dd>
      </>
    );
    return sendHtml(
      reply,
      <Page ctx={ctx} office={office} title={s.title}>
        <p class="lead" safe>
          {`${t(ctx.lang, text(`Nomor ${entry.position} dalam DIP`, `Number ${entry.position} in the DIP`))} · ${categoryLabel(ctx.lang, s)}`}
        </p>
        <dl class="facts">
          {fact(ITEM_LABELS.summary, s.summary)}
          {fact(ITEM_LABELS.holder, s.holder)}
          {fact(ITEM_LABELS.responsible, s.responsible)}
          {fact(ITEM_LABELS.producedWhen, s.producedWhen)}
          {fact(ITEM_LABELS.producedWhere, s.producedWhere)}
          <dt>{say(ctx.lang, text('Bentuk informasi', 'Form'))}</dt>
          <dd>
            <FormCell lang={ctx.lang} snapshot={s} itemHref={`${href}#berkas`} />
          </dd>
          {fact(ITEM_LABELS.retention, s.retention)}
          {fact(text('Kategori', 'Category'), categoryLabel(ctx.lang, s))}
          {fact(text('Unit', 'Unit'), s.unit)}
          <dt>{say(ctx.lang, text('Edisi DIP', 'DIP edition'))}</dt>
          <dd>
            {edition ? (
              <a href={`/${office.slug}/dip/riwayat#edition-${edition.number}`} safe>
                {t(ctx.lang, editionText(edition))}
              </a>
            ) : (
              '—'
            )}
          </dd>
        </dl>
        {s.files.length > 0 ? (
          <section aria-labelledby="berkas">
            <h2 id="berkas">{say(ctx.lang, text('Berkas', 'Files'))}</h2>
            <ul>
              {s.files.map((f) => (
                <li>
                  <a href={`${href}/berkas/${f.id}`} safe>
                    {f.name}
                  </a>
                  <span class="hint" safe>{` SHA-256 ${f.sha256}`}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : (
          ''
        )}
        <p>
          <a href={`/${office.slug}/dip`}>{say(ctx.lang, text('Kembali ke Daftar Informasi Publik', 'Back to the public information list'))}</a>
          {' · '}
          <a href={`/${office.slug}/permohonan`}>{say(ctx.lang, text('Minta salinan melalui permohonan informasi', 'Ask for a copy through an information request'))}</a>
        </p>
      </Page>,
    );
  });

  app.get<{ Params: { slug: string; itemId: string; fileId: string } }>('/:slug/dip/:itemId/berkas/:fileId', { config: { access: PUBLIC }, schema: page }, async (request, reply) => {
    const office = await officeOr404(db, request.params.slug);
    const file = await publishedFile(db, office.id, idOr404(request.params.itemId), idOr404(request.params.fileId));
    if (!file) throw notFound(text('Berkas ini tidak termasuk DIP yang terbit.', 'This file is not part of the published DIP.'));
    return sendAttachment(reply, file.name, file.mediaType, file.content);
  });

  app.get<{ Params: { slug: string } }>('/:slug/dik', { config: { access: PUBLIC }, schema: page }, async (request, reply) => {
    const office = await officeOr404(db, request.params.slug);
    const ctx = pageContext(request, reply);
    const chain = await officeAndAncestors(db, office.id);
    const entries = dikInForce(await dikEntriesFor(db, chain), chain, todayIn(office.timeZone));
    const setters = new Map<number, string>();
    for (const id of new Set(entries.map((e) => e.officeId))) setters.set(id, (await officeById(db, id))?.name ?? '');
    return sendHtml(
      reply,
      <Page ctx={ctx} office={office} title={text('Daftar Informasi yang Dikecualikan', 'List of Exempt Information')}>
        <p class="lead">
          {say(
            ctx.lang,
            text(
              'Informasi di bawah ini dikecualikan (Pasal 17 UU 14/2008) untuk kantor ini, termasuk yang ditetapkan KPU RI untuk semua tingkatan. Setiap entri disertai uji konsekuensinya: dasar hukum, akibat bila dibuka, pertimbangan kepentingan publik, dan jangka waktunya.',
              'The information below is exempt (article 17 of Law 14/2008) for this office, including what KPU RI set for every level. Each entry comes with its consequence test: the legal ground, the harm of disclosure, the public-interest weighing and the period.',
            ),
          )}
        </p>
        {entries.length === 0 ? (
          <p>{say(ctx.lang, text('Belum ada informasi yang dikecualikan yang berlaku untuk kantor ini.', 'No exempt information is in force for this office.'))}</p>
        ) : (
          entries.map((e) => (
            <section class="dik-entry" aria-labelledby={`dik-${e.id}`}>
              <h2 id={`dik-${e.id}`} safe>
                {e.title}
              </h2>
              <dl class="facts">
                <dt>{say(ctx.lang, DIK_LABELS.pasal17)}</dt>
                <dd safe>{t(ctx.lang, PASAL17_LABELS[e.pasal17 as Pasal17] ?? text(e.pasal17, e.pasal17))}</dd>
                {e.otherLaw ? (
                  <>
                    <dt>{say(ctx.lang, DIK_LABELS.otherLaw)}</dt>
                    <dd safe>{e.otherLaw}</dd>
                  </>
                ) : (
                  ''
                )}
                <dt>{say(ctx.lang, DIK_LABELS.harm)}</dt>
                <dd class="prewrap" safe>
                  {e.harm}
                </dd>
                <dt>{say(ctx.lang, DIK_LABELS.publicInterest)}</dt>
                <dd class="prewrap" safe>
                  {e.publicInterest}
                </dd>
                <dt>{say(ctx.lang, DIK_LABELS.periodText)}</dt>
                <dd safe>{`${e.periodText}${e.periodEndsOn ? ` (${t(ctx.lang, text('sampai', 'until'))} ${formatDay(ctx.lang, e.periodEndsOn, false)})` : ''}`}</dd>
                <dt>{say(ctx.lang, text('Uji konsekuensi', 'Consequence test'))}</dt>
                <dd safe>{`${e.decidedBy}, ${formatDay(ctx.lang, e.decidedOn, false)}`}</dd>
                <dt>{say(ctx.lang, text('Ditetapkan oleh', 'Set by'))}</dt>
                <dd safe>{setters.get(e.officeId) || '—'}</dd>
              </dl>
            </section>
          ))
        )}
      </Page>,
    );
  });

  /** The published edition as a file; 404 when the office has published none. */
  async function table(slug: string): Promise<DipTable> {
    const office = await officeOr404(db, slug);
    const entries = await publishedEntries(db, office.id);
    const edition = await editionOf(db, office.id, entries[0]?.editionId);
    if (!edition) throw notFound(text('Kantor ini belum menerbitkan DIP.', 'This office has not published a DIP yet.'));
    return { office, edition, entries, baseUrl: config.baseUrl, generatedAt: new Date() };
  }

  const formats: readonly { ext: 'pdf' | 'xlsx' | 'csv' | 'json'; type: string; render: (x: DipTable) => Buffer | Promise<Buffer> }[] = [
    { ext: 'pdf', type: 'application/pdf', render: dipPdf },
    { ext: 'xlsx', type: XLSX_TYPE, render: dipXlsx },
    { ext: 'csv', type: 'text/csv; charset=utf-8; header=present', render: dipCsv },
    { ext: 'json', type: 'application/json; charset=utf-8', render: dipJson },
  ];
  for (const format of formats) {
    app.get<{ Params: { slug: string } }>(`/:slug/dip.${format.ext}`, { config: { access: PUBLIC }, schema: page }, async (request, reply: FastifyReply) => {
      const x = await table(request.params.slug);
      return sendAttachment(reply, exportName(x, format.ext), format.type, await format.render(x));
    });
  }
}

/** The DIP as a table on the page: the official columns, each title linking to its item page. */
function DipTableView(props: { lang: Lang; office: OfficeRow; entries: readonly PublicEntry[]; caption: Text }): JSX.Element {
  const { lang } = props;
  const headers: Text[] = [
    text('No.', 'No.'),
    text('Judul dan ringkasan', 'Title and summary'),
    ITEM_LABELS.holder,
    ITEM_LABELS.responsible,
    text('Waktu dan tempat pembuatan', 'When and where produced'),
    text('Bentuk informasi', 'Form'),
    ITEM_LABELS.retention,
    text('Kategori', 'Category'),
  ];
  return (
    <DataTable lang={lang} id="dip" caption={props.caption} captionVisible>
      <thead>
        <tr>
          {headers.map((h) => (
            <th scope="col">{say(lang, h)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.entries.map((e) => {
          const s = e.snapshot;
          const href = `/${props.office.slug}/dip/${e.itemId}`;
          return (
            <tr>
              <td class="num" safe>
                {String(e.position)}
              </td>
              <td class="wide">
                <a href={href} safe>
                  {s.title}
                </a>
                <p class="summary" safe>
                  {s.summary}
                </p>
              </td>
              <td safe>{s.holder}</td>
              <td safe>{s.responsible}</td>
              <td safe>{`${s.producedWhen}, ${s.producedWhere}`}</td>
              <td>
                <FormCell lang={lang} snapshot={s} itemHref={`${href}#berkas`} />
              </td>
              <td safe>{s.retention}</td>
              <td safe>{categoryLabel(lang, s)}</td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
