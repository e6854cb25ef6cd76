import { and, asc, gte, isNull, or, eq } from 'drizzle-orm';
import Html from '@kitajs/html';
import { holidays } from '../db/schema.ts';
import type { Executor } from '../db/client.ts';
import { formatDay, t, text, type Lang } from '../kernel/i18n.ts';
import { notFound } from '../kernel/errors.ts';
import { PUBLIC } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { sendHtml } from '../web/context.ts';
import { Layout, pageContext, say } from '../web/layout.tsx';
import { LEVEL_LABELS, TIME_ZONES, type Level } from './rules.ts';
import { allOffices, officeById, officeBySlug, childOffices, type OfficeRow } from './store.ts';

/** Today's calendar date in an office's zone, e.g. "2026-11-21". */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function zoneLabel(zone: string): string {
  return TIME_ZONES.find((z) => z.zone === zone)?.label ?? zone;
}

/** The next non-working days (national and the office's own) that a visitor planning a visit needs. */
function upcomingClosures(exec: Executor, office: OfficeRow, limit = 5) {
  return exec
    .select({ day: holidays.day, name: holidays.name, kind: holidays.kind })
    .from(holidays)
    .where(and(gte(holidays.day, todayIn(office.timeZone)), or(isNull(holidays.officeId), eq(holidays.officeId, office.id))))
    .orderBy(asc(holidays.day))
    .limit(limit);
}

function OfficeList(props: { lang: Lang; offices: readonly OfficeRow[] }): JSX.Element {
  return (
    <ul class="offices">
      {props.offices.map((o) => (
        <li>
          <a href={`/${o.slug}`} safe>
            {o.name}
          </a>
        </li>
      ))}
    </ul>
  );
}

export async function portalRoutes(app: App, { database }: AppDeps): Promise<void> {
  const db = database.db;

  app.get('/', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const ctx = pageContext(request, reply);
    const offices = await allOffices(db);
    const ri = offices.filter((o) => o.level === 'ri');
    const provinces = offices.filter((o) => o.level === 'province');
    return sendHtml(
      reply,
      <Layout ctx={ctx} title={text('Layanan Informasi Publik KPU', 'KPU Public Information Service')}>
        <p class="lead">
          {say(
            ctx.lang,
            text(
              'Setiap orang berhak memperoleh informasi publik (UU 14/2008). Pilih kantor KPU untuk melihat layanan informasinya.',
              'Everyone has the right to public information (Law 14/2008). Choose a KPU office to see its information service.',
            ),
          )}
        </p>
        {offices.length === 0 ? (
          <p>
            {say(
              ctx.lang,
              text('Belum ada kantor terdaftar. Admin sistem mengimpor kantor dengan perintah "offices import".', 'No office registered yet. A system administrator imports offices with "offices import".'),
            )}
          </p>
        ) : (
          <>
            {ri.length ? (
              <section>
                <h2>{say(ctx.lang, LEVEL_LABELS.ri)}</h2>
                <OfficeList lang={ctx.lang} offices={ri} />
              </section>
            ) : (
              ''
            )}
            <p>
              <a href="/statistik">{say(ctx.lang, text('Statistik nasional layanan informasi publik', 'National public information statistics'))}</a>
            </p>
            <section>
              <h2>{say(ctx.lang, text('Provinsi dan kabupaten/kota', 'Provinces and regencies/cities'))}</h2>
              {provinces.map((p) => (
                <details>
                  <summary safe>{p.name}</summary>
                  <p>
                    <a href={`/${p.slug}`}>{say(ctx.lang, text('Portal kantor provinsi', 'Provincial office portal'))}</a>
                  </p>
                  <OfficeList lang={ctx.lang} offices={offices.filter((o) => o.parentId === p.id)} />
                </details>
              ))}
            </section>
          </>
        )}
      </Layout>,
    );
  });

  app.get<{ Params: { slug: string } }>('/:slug', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const office = await officeBySlug(db, request.params.slug);
    if (!office) throw notFound(text('Kantor tidak ditemukan.', 'Office not found.'));
    const ctx = pageContext(request, reply);
    const [parent, children, closures] = await Promise.all([
      office.parentId ? officeById(db, office.parentId) : Promise.resolve(undefined),
      childOffices(db, office.id),
      upcomingClosures(db, office),
    ]);
    return sendHtml(
      reply,
      <Layout ctx={ctx} title={office.name} officeName={t(ctx.lang, LEVEL_LABELS[office.level as Level])}>
        <p class="lead">
          {say(
            ctx.lang,
            text(
              'Pejabat Pengelola Informasi dan Dokumentasi (PPID) kantor ini melayani permohonan informasi publik secara langsung, melalui surat, surel, telepon, faksimile dan daring.',
              "This office's information officer (PPID) serves public information requests in person, by letter, e-mail, phone, fax and online.",
            ),
          )}
        </p>
        <ul class="actions">
          <li>
            <a href={`/${office.slug}/permohonan`}>{say(ctx.lang, text('Ajukan permohonan informasi', 'Request information'))}</a>
          </li>
          <li>
            <a href={`/${office.slug}/lacak`}>{say(ctx.lang, text('Lacak permohonan', 'Track a request'))}</a>
          </li>
        </ul>
        <section>
          <h2>{say(ctx.lang, text('Informasi publik', 'Public information'))}</h2>
          <ul>
            <li>
              <a href={`/${office.slug}/dip`}>{say(ctx.lang, text('Daftar Informasi Publik (DIP)', 'Public information list (DIP)'))}</a>
            </li>
            <li>
              <a href={`/${office.slug}/dip/cari`}>{say(ctx.lang, text('Cari informasi publik', 'Search public information'))}</a>
            </li>
            <li>
              <a href={`/${office.slug}/dik`}>{say(ctx.lang, text('Daftar Informasi yang Dikecualikan (DIK)', 'List of exempt information (DIK)'))}</a>
            </li>
            <li>
              <a href={`/${office.slug}/profil`}>{say(ctx.lang, text('Profil PPID', 'PPID profile'))}</a>
            </li>
            <li>
              <a href={`/${office.slug}/maklumat`}>{say(ctx.lang, text('Maklumat pelayanan', 'Service charter'))}</a>
            </li>
            <li>
              <a href={`/${office.slug}/layanan`}>{say(ctx.lang, text('Jam dan biaya layanan', 'Service hours and costs'))}</a>
            </li>
            <li>
              <a href={`/${office.slug}/prosedur`}>{say(ctx.lang, text('Prosedur layanan (SOP)', 'Service procedures (SOP)'))}</a>
            </li>
            <li>
              <a href={`/${office.slug}/regulasi`}>{say(ctx.lang, text('Regulasi', 'Regulations'))}</a>
            </li>
            <li>
              <a href={`/${office.slug}/ringkasan-akses`}>{say(ctx.lang, text('Ringkasan akses informasi publik', 'Summary of access to public information'))}</a>
            </li>
            <li>
              <a href={`/${office.slug}/statistik`}>{say(ctx.lang, text('Statistik layanan informasi', 'Information service statistics'))}</a>
            </li>
          </ul>
        </section>
        <section>
          <h2>{say(ctx.lang, text('Alamat dan kontak', 'Address and contact'))}</h2>
          <dl class="facts">
            <dt>{say(ctx.lang, text('Alamat', 'Address'))}</dt>
            <dd safe>{[office.address, office.city].filter(Boolean).join(', ') || '—'}</dd>
            <dt>{say(ctx.lang, text('Telepon', 'Phone'))}</dt>
            <dd safe>{office.phone || '—'}</dd>
            <dt>{say(ctx.lang, text('Surel', 'E-mail'))}</dt>
            <dd>{office.email ? <a href={`mailto:${office.email}`} safe>{office.email}</a> : '—'}</dd>
            {office.website ? (
              <>
                <dt>{say(ctx.lang, text('Situs PPID', 'PPID website'))}</dt>
                <dd>
                  <a href={office.website} rel="noopener" safe>
                    {office.website}
                  </a>
                </dd>
              </>
            ) : (
              ''
            )}
          </dl>
        </section>
        <section>
          <h2>{say(ctx.lang, text('Jam layanan', 'Service hours'))}</h2>
          <p safe>
            {`${t(ctx.lang, text('Senin–Jumat', 'Monday–Friday'))}, ${office.hoursStart}–${office.hoursEnd} ${zoneLabel(office.timeZone)}. ${t(
              ctx.lang,
              office.afterHoursRule === 'same_day'
                ? text('Permohonan yang diterima pada hari libur dihitung mulai hari kerja berikutnya.', 'Requests received on a day off count from the next working day.')
                : text(
                    'Permohonan yang diterima setelah jam tutup atau pada hari libur dihitung mulai hari kerja berikutnya.',
                    'Requests received after closing time or on a day off count from the next working day.',
                  ),
            )}`}
          </p>
          {closures.length ? (
            <>
              <h3>{say(ctx.lang, text('Hari libur berikutnya', 'Upcoming closures'))}</h3>
              <ul>
                {closures.map((c) => (
                  <li safe>{`${formatDay(ctx.lang, c.day)} — ${c.name}`}</li>
                ))}
              </ul>
            </>
          ) : (
            ''
          )}
        </section>
        {parent || children.length ? (
          <section>
            <h2>{say(ctx.lang, text('Kantor terkait', 'Related offices'))}</h2>
            {parent ? (
              <p>
                {say(ctx.lang, text('Kantor induk:', 'Parent office:'))}{' '}
                <a href={`/${parent.slug}`} safe>
                  {parent.name}
                </a>
              </p>
            ) : (
              ''
            )}
            {children.length ? <OfficeList lang={ctx.lang} offices={children} /> : ''}
          </section>
        ) : (
          ''
        )}
        <p class="hint">{Html.escapeHtml(t(ctx.lang, text(`Kode kantor: ${office.code}`, `Office code: ${office.code}`)))}</p>
      </Layout>,
    );
  });
}
