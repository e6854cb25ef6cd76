import Html, { type Children } from '@kitajs/html';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { t, text, type Lang, type Text } from '../kernel/i18n.ts';
import type { StaffRow } from '../offices/store.ts';
import { ROLE_LABELS, type Role } from '../offices/roles.ts';

/** What every page needs to draw the frame around its content. */
export interface PageContext {
  readonly lang: Lang;
  readonly path: string;
  /** The current URL with its query, for the language switch. */
  readonly url: string;
  readonly staff: StaffRow | undefined;
  readonly csrfToken: string;
  /** A one-line confirmation after a redirect. */
  readonly notice?: Text | undefined;
}

export function pageContext(request: FastifyRequest, reply: FastifyReply, notices: Record<string, Text> = {}): PageContext {
  const query = request.query as Record<string, unknown> | undefined;
  const noticeKey = typeof query?.notice === 'string' ? query.notice : undefined;
  return {
    lang: request.lang,
    path: request.url.split('?')[0] ?? '/',
    url: request.url,
    staff: request.session && !request.session.secondFactorPending ? request.session.staff : undefined,
    csrfToken: reply.generateCsrf(),
    // Own keys only: ?notice=__proto__ (or constructor, toString) must not find Object.prototype's members.
    notice: noticeKey && Object.hasOwn(notices, noticeKey) ? notices[noticeKey] : undefined,
  };
}

/** The same URL in the other language; the choice is remembered in a cookie by the app. */
function switchLanguageUrl(url: string, to: Lang): string {
  const [path, query = ''] = url.split('?');
  const params = new URLSearchParams(query);
  params.delete('lang');
  params.delete('notice');
  params.set('lang', to);
  return `${path}?${params.toString()}`;
}

interface NavLink {
  readonly href: string;
  readonly label: Text;
  readonly roles?: readonly Role[];
}

const DESK_NAV: readonly NavLink[] = [
  { href: '/desk', label: text('Beranda', 'Home') },
  { href: '/desk/permohonan', label: text('Permohonan', 'Requests'), roles: ['desk_officer', 'ppid', 'atasan_ppid'] },
  { href: '/desk/disposisi', label: text('Disposisi', 'Assignments'), roles: ['information_provider', 'ppid'] },
  { href: '/desk/register', label: text('Register', 'Register'), roles: ['desk_officer', 'ppid', 'atasan_ppid'] },
  { href: '/desk/keberatan', label: text('Keberatan', 'Objections'), roles: ['desk_officer', 'ppid', 'atasan_ppid'] },
  { href: '/desk/sengketa', label: text('Sengketa', 'Disputes'), roles: ['desk_officer', 'ppid', 'atasan_ppid'] },
  { href: '/desk/supervisi', label: text('Supervisi harian', 'Daily supervision'), roles: ['ppid'] },
  { href: '/desk/laporan-bulanan', label: text('Laporan bulanan', 'Monthly report'), roles: ['ppid', 'atasan_ppid'] },
  { href: '/desk/laporan-tahunan', label: text('Laporan tahunan', 'Annual report'), roles: ['ppid', 'atasan_ppid'] },
  { href: '/desk/pengawasan', label: text('Pengawasan', 'Oversight'), roles: ['ppid', 'atasan_ppid', 'office_admin'] },
  { href: '/desk/monev', label: text('Kesiapan monev', 'Monev readiness'), roles: ['ppid', 'atasan_ppid', 'office_admin'] },
  { href: '/desk/skm', label: text('Survei kepuasan', 'Satisfaction survey'), roles: ['ppid', 'atasan_ppid'] },
  { href: '/desk/dip', label: text('DIP', 'DIP'), roles: ['ppid', 'information_provider'] },
  { href: '/desk/dip/edisi', label: text('Edisi DIP', 'DIP editions'), roles: ['ppid', 'atasan_ppid'] },
  { href: '/desk/dik', label: text('DIK', 'Exempt list (DIK)'), roles: ['ppid', 'atasan_ppid', 'information_provider'] },
  { href: '/desk/dip/rekap', label: text('Buku rekap', 'Recap book'), roles: ['ppid', 'atasan_ppid'] },
  { href: '/desk/dip/impor', label: text('Impor DIP', 'DIP import'), roles: ['ppid'] },
  { href: '/desk/halaman-publik', label: text('Halaman publik', 'Public pages'), roles: ['office_admin'] },
  { href: '/desk/holidays', label: text('Hari libur', 'Holidays') },
  { href: '/desk/staff', label: text('Staf', 'Staff'), roles: ['office_admin'] },
  { href: '/desk/units', label: text('Unit', 'Units'), roles: ['office_admin'] },
  { href: '/desk/audit', label: text('Log audit', 'Audit log'), roles: ['ppid', 'atasan_ppid', 'office_admin'] },
  { href: '/desk/account', label: text('Akun saya', 'My account') },
];

function visibleNav(staff: StaffRow): NavLink[] {
  const isSystem = staff.roles.includes('system_admin');
  return DESK_NAV.filter((link) => !link.roles || isSystem || link.roles.some((r) => staff.roles.includes(r)));
}

export function Layout(props: { ctx: PageContext; title: Text | string; children?: Children; officeName?: string | undefined }): JSX.Element {
  const { ctx } = props;
  const title = typeof props.title === 'string' ? props.title : t(ctx.lang, props.title);
  const other: Lang = ctx.lang === 'id' ? 'en' : 'id';
  return (
    <>
      {'<!doctype html>'}
      <html lang={ctx.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{Html.escapeHtml(`${title} · Lentera`)}</title>
          <link rel="stylesheet" href="/static/lentera.css" />
          <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        </head>
        <body>
          <a class="skip" href="#main">
            {say(ctx.lang, text('Lompat ke isi', 'Skip to content'))}
          </a>
          <header class="site">
            <div class="bar">
              <a class="brand" href={ctx.staff ? '/desk' : '/'}>
                Lentera
              </a>
              {props.officeName ? <span class="office" safe>{props.officeName}</span> : ''}
              <a class="lang" href={switchLanguageUrl(ctx.url, other)} hreflang={other} lang={other}>
                {other === 'en' ? 'English' : 'Bahasa Indonesia'}
              </a>
            </div>
            {ctx.staff ? (
              <nav aria-label={t(ctx.lang, text('Menu meja kerja', 'Desk menu'))}>
                <ul>
                  {visibleNav(ctx.staff).map((link) => (
                    <li>
                      <a href={link.href} aria-current={ctx.path === link.href ? 'page' : undefined}>
                        {say(ctx.lang, link.label)}
                      </a>
                    </li>
                  ))}
                  <li>
                    <form method="post" action="/keluar" class="inline">
                      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                      <button type="submit" class="link">
                        {say(ctx.lang, text('Keluar', 'Sign out'))}
                      </button>
                    </form>
                  </li>
                </ul>
              </nav>
            ) : (
              ''
            )}
          </header>
          <main id="main" tabindex="-1">
            <h1 safe>{title}</h1>
            {ctx.notice ? (
              <p class="notice" role="status">
                {Html.escapeHtml(t(ctx.lang, ctx.notice))}
              </p>
            ) : (
              ''
            )}
            {props.children}
          </main>
          <footer class="site">
            <p>
              {say(ctx.lang, text('Lentera — layanan informasi publik menurut UU 14/2008.', 'Lentera — public information service under Law 14/2008.'))}{' '}
              {ctx.staff ? (
                <span safe>{`${ctx.staff.name} · ${ctx.staff.roles.map((r) => t(ctx.lang, ROLE_LABELS[r as Role] ?? text(r, r))).join(', ')}`}</span>
              ) : (
                <a href="/masuk">{say(ctx.lang, text('Masuk untuk staf', 'Staff sign-in'))}</a>
              )}
            </p>
          </footer>
        </body>
      </html>
    </>
  );
}

/** A translated text as page content, escaped; use it for every text between tags. */
export function say(lang: Lang, value: Text): JSX.Element {
  return Html.escapeHtml(t(lang, value));
}

/**
 * A data table that may be wider than a phone. It scrolls sideways inside its own region instead of
 * widening the page, and that region is named by the caption and reachable by keyboard (WCAG 2.1.1),
 * so a keyboard user can scroll it too.
 */
export function DataTable(props: { lang: Lang; id: string; caption: Text; captionVisible?: boolean; children?: Children }): JSX.Element {
  const captionId = `${props.id}-caption`;
  return (
    <div class="table-scroll" role="region" aria-labelledby={captionId} tabindex="0">
      <table id={props.id}>
        <caption id={captionId} class={props.captionVisible ? undefined : 'visually-hidden'}>
          {say(props.lang, props.caption)}
        </caption>
        {props.children}
      </table>
    </div>
  );
}
