import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ActiveSession } from '../auth/service.ts';
import type { Actor } from '../kernel/audit/store.ts';
import { forbidden, notFound, unauthenticated } from '../kernel/errors.ts';
import type { Lang } from '../kernel/i18n.ts';
import { officeById, type OfficeRow, type OfficeScope, type StaffRow } from '../offices/store.ts';
import type { Executor } from '../db/client.ts';
import type { Role } from '../offices/roles.ts';
import type { UploadedFile } from '../kernel/uploads.ts';
import type { Access } from './access.ts';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    session: ActiveSession | undefined;
    /** Files of a multipart form, read before the handler (src/web/app.ts); empty otherwise. */
    uploads: UploadedFile[];
  }
  interface FastifyContextConfig {
    /** Who may use the route: required on every route (see src/web/access.ts). */
    access?: Access;
    /** A route that answers before the second factor is done (the TOTP form, sign-out). */
    allowPendingSecondFactor?: boolean;
  }
}

/** The signed-in staff member; routes behind an access check can rely on it. */
export function currentStaff(request: FastifyRequest): StaffRow {
  if (!request.session) throw unauthenticated();
  return request.session.staff;
}

export function hasRole(staff: StaffRow, role: Role): boolean {
  return staff.roles.includes(role) || staff.roles.includes('system_admin');
}

/**
 * The office scope for staff work: always the staff member's own office. The one place a scope is
 * built from a request, so a route cannot pick another office by changing an id in the URL.
 */
export function scopeFor(request: FastifyRequest): OfficeScope {
  return { officeId: currentStaff(request).officeId };
}

export function actorOf(request: FastifyRequest): Actor {
  const staff = request.session?.staff;
  return { staffId: staff?.id ?? null, label: staff?.email ?? 'anonymous', ip: request.ip, requestId: String(request.id) };
}

export function requireRole(request: FastifyRequest, ...roles: Role[]): StaffRow {
  const staff = currentStaff(request);
  if (!roles.some((r) => hasRole(staff, r))) throw forbidden();
  return staff;
}

/** Sends a rendered page. */
export function sendHtml(reply: FastifyReply, html: string | Promise<string>, status = 200): Promise<FastifyReply> {
  return Promise.resolve(html).then((body) => reply.status(status).type('text/html; charset=utf-8').send(body));
}

/** After a POST: back to a page with a one-line notice (PRG), so reloading does not repeat the action. */
export function redirectWithNotice(reply: FastifyReply, path: string, notice: string): FastifyReply {
  const sep = path.includes('?') ? '&' : '?';
  return reply.redirect(`${path}${sep}notice=${encodeURIComponent(notice)}`, 303);
}

/** RFC 5987 percent-encoding of a file name's UTF-8 bytes, for filename*. */
function encodeFilename(name: string): string {
  let out = '';
  for (const byte of Buffer.from(name, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9!#$&+\-.^_`|~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * Sends a file to be saved, never rendered in our origin: attachment with an ASCII fallback name and
 * the UTF-8 one, nosniff, and no shared cache (the files of requests and registers hold personal data).
 */
export function sendAttachment(reply: FastifyReply, name: string, mediaType: string, content: Buffer): FastifyReply {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;%]/g, '_') || 'berkas';
  return reply
    .header('content-disposition', `attachment; filename="${fallback}"; filename*=UTF-8''${encodeFilename(name)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .type(mediaType)
    .send(content);
}

/**
 * An id from a URL path: digits only, within the range of an int4 id, else the page is not found.
 * A junk id never reaches the database (where an out-of-range number is an error, not a miss).
 */
export function pathId(value: string): number {
  if (!/^\d{1,10}$/.test(value)) throw notFound();
  const id = Number(value);
  if (id <= 0 || id > 2_147_483_647) throw notFound();
  return id;
}

/** The signed-in staff member's own office (the one scopeFor gives). */
export async function staffOffice(db: Executor, request: FastifyRequest): Promise<OfficeRow> {
  const office = await officeById(db, scopeFor(request).officeId);
  if (!office) throw notFound();
  return office;
}
