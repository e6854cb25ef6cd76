import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest, type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault } from 'fastify';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveSession } from '../auth/service.ts';
import { SESSION } from '../auth/rules.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../kernel/errors.ts';
import { isLang, pickLang, text } from '../kernel/i18n.ts';
import { installationSecret } from '../kernel/settings.ts';
import { decideAccess, PUBLIC, type Access } from './access.ts';
import { ErrorPage, isApiRequest, problemJson, toAppError } from './errors.tsx';
import type { PageContext } from './layout.tsx';
import { MAX_FILE_BYTES, type UploadedFile } from '../kernel/uploads.ts';
import { registerCapabilities } from './routes.ts';
import './context.ts';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

export interface AppDeps {
  readonly config: Config;
  readonly database: Database;
}

/** One registered route with the access it declares, as the onRoute hook saw it (test/fuzz walks these). */
export interface RouteEntry {
  readonly methods: readonly string[];
  readonly url: string;
  readonly access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered on the app, in registration order. */
    readonly routeList: readonly RouteEntry[];
  }
}

const STATIC_DIR = join(dirname(fileURLToPath(import.meta.url)), 'static');

/** Upload limits, shared by every multipart form. */
export const UPLOAD_LIMITS = { fileSize: MAX_FILE_BYTES, files: 10, fields: 200, parts: 220 } as const;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Rejects strings PostgreSQL cannot store (NUL) anywhere in the input, before any handler sees them.
 * Each object is visited once: multipart parts point back at the whole body (`part.fields`), and
 * walking that graph as a tree took exponential time (a 6-field form held the process for minutes).
 */
function containsNul(value: unknown, depth = 0, seen = new WeakSet<object>()): boolean {
  if (depth > 20) return false;
  if (typeof value === 'string') return value.includes('\u0000');
  if (!value || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1, seen));
  if ('file' in value && 'filename' in value) return false;
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1, seen));
}

/** The token from the form field (url-encoded, or a multipart part) or, for API calls, the x-csrf-token header. */
function csrfTokenOf(request: FastifyRequest): string | undefined {
  const field = (request.body as Record<string, unknown> | undefined)?._csrf;
  if (typeof field === 'string') return field;
  if (field && typeof field === 'object' && 'value' in field && typeof field.value === 'string') return field.value;
  const header = request.headers['x-csrf-token'];
  return typeof header === 'string' ? header : undefined;
}

export async function buildApp(deps: AppDeps, options: { logger?: boolean } = {}): Promise<App> {
  const { config, database } = deps;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    return503OnClosing: true,
    // The router refuses some paths before any hook runs (broken percent-encoding, an over-long segment):
    // those get the same error page or problem JSON as everything else, not Fastify's own JSON.
    // No hook or plugin has run for them (no session, no CSRF secret), so their page has no form to sign.
    frameworkErrors: (error, request, reply) => {
      request.lang = pickLang(request.server.parseCookie(request.headers.cookie ?? '').lang, request.headers['accept-language']);
      const ctx: PageContext = { lang: request.lang, path: request.url.split('?')[0] ?? '/', url: request.url, staff: undefined, csrfToken: '' };
      void sendError(request, reply, toAppError(error), ctx);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Every route states who may use it; a route without a declaration is a programming error.
  const routeList: RouteEntry[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/static')) route.config = { ...(route.config ?? {}), access: PUBLIC };
    if (!route.config?.access) throw new Error(`Route ${route.method} ${route.url} declares no access`);
    routeList.push({ methods: [route.method].flat(), url: route.url, access: route.config.access });
  });

  app.decorateRequest('lang', 'id');
  app.decorateRequest('session', undefined);
  app.decorateRequest('uploads', null as unknown as UploadedFile[]);
  app.addHook('onRequest', async (request) => {
    request.uploads = [];
  });

  const cookieSecret = await installationSecret(database.db, 'cookie_secret');
  await app.register(cookie, { secret: cookieSecret, hook: 'onRequest' });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'lentera_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, signed: true },
    getToken: csrfTokenOf,
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.secureCookies,
  });
  await app.register(rateLimit, { max: config.rateLimitPerMinute, timeWindow: '1 minute' });
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
  // An over-size file is cut at the limit and flagged rather than failing the whole form, so the form
  // comes back with its other fields and a message naming the file.
  await app.register(multipart, { limits: UPLOAD_LIMITS, throwFileSizeLimit: false });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', String(request.id));
  });

  // Multipart bodies are read into request.body here (as attachFieldsToBody would), so that a malformed
  // one (no boundary, cut short) is the sender's 400: busboy reports those as bare Errors, i.e. a 500.
  app.addHook('preValidation', async (request) => {
    if (!request.isMultipart()) return;
    try {
      for await (const part of request.parts()) {
        request.body = part.fields;
        if (part.type !== 'file') continue;
        const bytes = await part.toBuffer();
        // A file input left empty still sends a part, with no name and no bytes.
        if (!part.filename && bytes.length === 0) continue;
        request.uploads.push({ role: part.fieldname, name: part.filename, bytes, truncated: part.file.truncated });
      }
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status !== undefined && status < 500) throw error;
      throw new AppError(400, 'malformed_multipart', text('Formulir tidak terkirim utuh atau rusak; kirim ulang formulirnya.', 'The form arrived incomplete or malformed; submit it again.'));
    }
  });
  await app.register(fastifyStatic, { root: STATIC_DIR, prefix: '/static/', decorateReply: false, maxAge: '1h' });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lentera API',
        version: '1',
        description:
          'Layanan informasi publik (UU 14/2008) untuk badan publik. Semua tanggal dalam ISO 8601; kesalahan dijawab sebagai RFC 9457 problem JSON. / Public information service API; errors are RFC 9457 problem JSON.',
      },
      servers: [{ url: config.baseUrl }],
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION.cookie } },
      },
    },
  });

  app.addHook('onRequest', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const cookieLang = request.cookies.lang;
    if (isLang(query?.lang)) {
      reply.setCookie('lang', query.lang, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true, secure: config.secureCookies });
    }
    request.lang = pickLang(isLang(query?.lang) ? query.lang : cookieLang, request.headers['accept-language']);
    const token = request.cookies[SESSION.cookie];
    if (token) request.session = await resolveSession(database.db, token);
  });

  app.addHook('preValidation', async (request) => {
    if (containsNul(request.body) || containsNul(request.query) || containsNul(request.params)) {
      throw new AppError(400, 'bad_request', text('Kiriman memuat karakter yang tidak diizinkan.', 'The request contains characters that are not allowed.'));
    }
  });

  // Access is decided as soon as the session is known, before any body (uploads included) is read.
  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    const access = config.access ?? PUBLIC;
    if (request.session?.secondFactorPending && access.kind !== 'public' && !config.allowPendingSecondFactor) {
      if (isApiRequest(request)) throw new AppError(401, 'second_factor_required', text('Selesaikan verifikasi dua langkah terlebih dahulu.', 'Complete the second sign-in step first.'));
      return reply.redirect('/masuk/verifikasi', 303);
    }
    const principal = request.session && !request.session.secondFactorPending ? { roles: request.session.staff.roles as never[] } : undefined;
    const decision = decideAccess(access, principal);
    if (decision === 'unauthenticated') {
      if (!isApiRequest(request) && SAFE_METHODS.has(request.method)) {
        // The sign-in page drops a next of 500 characters or more anyway; a huge one would only bloat the header.
        return reply.redirect(request.url.length < 500 ? `/masuk?next=${encodeURIComponent(request.url)}` : '/masuk', 303);
      }
      throw new AppError(401, 'unauthenticated', text('Silakan masuk terlebih dahulu.', 'Please sign in first.'));
    }
    if (decision === 'forbidden') throw new AppError(403, 'forbidden', text('Peran Anda tidak mengizinkan halaman ini.', 'Your role does not allow this page.'));
    return undefined;
  });

  // Every state-changing request carries the CSRF token (form field _csrf or header x-csrf-token).
  app.addHook('preHandler', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method)) return done();
    app.csrfProtection(request, reply, done);
  });

  app.setErrorHandler(async (error, request, reply) => {
    const appError = toAppError(error as Error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code, status: appError.status }, 'request refused');
    return sendError(request, reply, appError);
  });

  app.setNotFoundHandler(
    { preHandler: [] },
    async (request, reply) => sendError(request, reply, new AppError(404, 'not_found', text('Halaman atau data tidak ditemukan.', 'Page or record not found.'))),
  );

  await registerCapabilities(app, deps);
  return app;
}

function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError, ctx?: PageContext) {
  if (error.status === 429) reply.header('retry-after', '60');
  if (isApiRequest(request) || request.headers.accept?.includes('application/problem+json')) {
    return reply.status(error.status).type('application/problem+json; charset=utf-8').send(problemJson(request, error));
  }
  return reply
    .status(error.status)
    .type('text/html; charset=utf-8')
    .send(ErrorPage({ request, reply, error, ctx }));
}
