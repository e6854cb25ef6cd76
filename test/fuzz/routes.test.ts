/**
 * Route fuzzing: every route of the running app (its own route list, src/web/app.ts routeList), as
 * anonymous, as each kab-bintan role, as a kab-bintan account whose TOTP step is pending and as a
 * kab-belitung-timur admin aiming at kab-bintan's ids, gets generated junk (wrong types, huge and
 * broken strings, bad encodings, wrong content types, over-size bodies, with and without CSRF).
 * A change that succeeds is sent a second time, so duplicates are tried too.
 *
 * Checked for every answer: no 5xx; API errors are RFC 9457 problem JSON; HTML error pages carry no
 * stack trace; a route refuses actors its access declaration does not admit; another office's ids
 * answer 403/404 and its data never appears.
 *
 * Deterministic: FUZZ_SEED=<n> (default fixed; FUZZ_SEED=random explores) and every route's cases
 * come from (seed, actor, method, url), so a failure reproduces with the seed it prints.
 * FUZZ_ROUTE=<substring> limits the run to matching routes while debugging; FUZZ_CASES=<n> digs deeper.
 */
import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { after, before, describe, test, type TestContext } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { auditEvents, holidays, signInAttempts, staff, units } from '../../src/db/schema.ts';
import { ROLES, type Role } from '../../src/offices/roles.ts';
import { DEMO_OFFICE_SLUGS, DEMO_PASSWORD, demoEmail } from '../../src/offices/seed.ts';
import { officeBySlug, staffOfOffice, unitsOfOffice } from '../../src/offices/store.ts';
import { decideAccess } from '../../src/web/access.ts';
import type { RouteEntry } from '../../src/web/app.ts';
import { Client, startTestApp, type TestApp } from '../support/app.ts';
import { RESERVED_SLUGS } from '../../src/offices/rules.ts';

const SEED = ((): number => {
  const given = process.env.FUZZ_SEED;
  if (given === 'random') return Math.floor(Math.random() * 2 ** 31);
  if (given && /^\d{1,10}$/.test(given)) return Number(given);
  return 20_260_317;
})();
const ROUTE_FILTER = process.env.FUZZ_ROUTE ?? '';

/**
 * Cases per (actor, method, route). Anonymous, the cross-office admin and kab-bintan's admin reach the
 * most handlers and get the full count; the other kab-bintan roles, which mostly meet the access check,
 * get the six pinned kinds (valid, 3 MB, no CSRF, junk CSRF, URL over 16 KB, one random). HEAD runs the
 * GET handler, so it gets three.
 */
const CASES = /^\d{1,4}$/.test(process.env.FUZZ_CASES ?? '') ? Number(process.env.FUZZ_CASES) : 25;
const ROLE_CASES = 6;
const HEAD_CASES = 3;
const REQUEST_TIMEOUT_MS = 10_000;
const HUGE_BODY = 3 * 1024 * 1024;
const MAX_URL = 14_000;

// ---------------------------------------------------------------- deterministic randomness

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32 */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }
}

/** FNV-1a over the parts: a route's cases do not shift when other routes are added. */
function seedFor(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0001')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// ---------------------------------------------------------------- junk

/** Percent-encodes the UTF-8 bytes (lone surrogates become U+FFFD instead of throwing). */
function pct(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** [value, raw]: raw values go into the URL as they are (broken encodings, traversal, latin-1 bytes). */
const PATH_TOKENS: readonly (readonly [string, boolean])[] = [
  ['-1', false],
  ['0', false],
  ['1.5', false],
  ['1e3', false],
  ['0x1F', false],
  ['2147483648', false],
  ['9007199254740993', false],
  ['99999999999999999999999999', false],
  ['NaN', false],
  ['Infinity', false],
  ['null', false],
  ['__proto__', false],
  ['constructor', false],
  ['toString', false],
  ['abc', false],
  ['new', false],
  [' ', false],
  ['😀', false],
  ['\u202Eevil\u202C', false],
  ['مرحبا بالعالم', false],
  ['עברית', false],
  ['e\u0301\u0301\u0301', false],
  ['\u200B\uFEFF', false],
  ['\uD800', false],
  ['<script>alert(1)</script>', false],
  ["' OR '1'='1", false],
  ['${7*7}{{7*7}}', false],
  ['a'.repeat(201), false],
  ['x'.repeat(10_000), false],
  ['😀'.repeat(1000), false],
  ['../', true],
  ['..', true],
  ['.', true],
  ['../../package.json', true],
  ['..%2F..%2Fpackage.json', true],
  ['%2e%2e%2f%2e%2e%2fpackage.json', true],
  ['..\\..\\package.json', true],
  ['%00', true],
  ['a%00b', true],
  ['%E0%A4%A', true],
  ['%', true],
  ['%ZZ', true],
  ['%C0%AF', true],
  ['%FF%FE%FD', true],
  ['\xff\xfe\xc3\x28', true],
  ['%u0041', true],
  ['//', true],
  [';x=1', true],
  ['%20', true],
];

const VALUE_TOKENS: readonly string[] = [
  '',
  ' ',
  '\t\n',
  'true',
  'false',
  'null',
  'undefined',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '-1',
  '0',
  '1.5',
  '1e308',
  '2147483648',
  '9007199254740993',
  'NaN',
  '%00',
  '%E0%A4%A',
  '\uFFFD',
  '\uD800',
  '\uDFFF\uD800',
  '😀🇮🇩',
  '\u202Etxt.exe',
  'مرحبا',
  'e\u0301',
  '<b>bold</b>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE staff; --",
  '../../etc/passwd',
  '//evil.example/x',
  '/\\evil.example',
  'javascript:alert(1)',
  '\r\nSet-Cookie: x=1',
];

function plausibleValues(ids: readonly number[]): string[] {
  return [
    'fuzz.tester@example.test',
    'not-an-email',
    'a@b',
    '@',
    'x@y.zz',
    'Nama Uji Fuzz',
    'A',
    ...ROLES,
    'root',
    ...ids.slice(0, 6).map(String),
    '2026-08-17',
    '2026-02-30',
    '2026-13-01',
    '0000-00-00',
    '9999-12-31',
    '2026-03-17T09:30',
    '2026-03-17T09:30:00+07:00',
    '2026-03-17T25:99',
    '9999-12-31T23:59',
    '0001-01-01T00:00',
    '9999-12-31T23:59:59+07:00',
    '2026-03-17T09:30:00Z',
    '08:00',
    '24:00',
    '7:5',
    'Asia/Jakarta',
    'Asia/Makassar',
    'Europe/Berlin',
    'lokal',
    'libur_nasional',
    'cuti_bersama',
    'pemilu',
    '2026',
    '1999',
    '2101',
    '10',
    '60',
    '1000',
    'active',
    'inactive',
    'office',
    'national',
    'setup',
    'en',
    'id',
    'xx',
    '/desk',
    '/desk/staff',
    ...DEMO_OFFICE_SLUGS,
    'KPU',
    '123456',
    '000000',
    'ABCDEFGHIJKLMNOP',
  ];
}

const ALPHABETS = [
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  '!"#$%&\'()*+,-.:;<=>?@[\\]^_`{|}~ ',
  '\u0000\u0001\u0007\u001b\u007f\u0085\u00a0',
  'äöüßéñçøåÆ',
  '\u0627\u0644\u0639\u0631\u0628\u064A\u0629\u05E2\u05D1\u05E8\u202E\u202D\u200F',
  '😀🎉🇮🇩👨‍👩‍👧',
  '\uD800\uDBFF\uDC00\uDFFF\uFFFE\uFFFF',
  '中文字符日本語한국어',
];

function randomString(rng: Rng, maxLength: number): string {
  const alphabet = [...rng.pick(ALPHABETS)];
  let out = '';
  const length = rng.int(maxLength + 1);
  for (let i = 0; i < length; i++) out += rng.pick(alphabet);
  return out;
}

function junkValue(rng: Rng, plausible: readonly string[]): string {
  const roll = rng.next();
  if (roll < 0.35) return rng.pick(plausible);
  if (roll < 0.7) return rng.pick(VALUE_TOKENS);
  if (roll < 0.74) return `x\u0000y`;
  if (roll < 0.96) return randomString(rng, 40);
  return rng.pick(['a', 'ü', '😀', '9']).repeat(2000 + rng.int(8000));
}

const FIELD_NAMES = [
  'email',
  'password',
  'password_confirm',
  'current_password',
  'next',
  'code',
  'secret',
  'token',
  'name',
  'position',
  'roles',
  'unit',
  'unitId',
  'active',
  'address',
  'city',
  'phone',
  'website',
  'time_zone',
  'hours_start',
  'hours_end',
  'letterhead',
  'day',
  'kind',
  'decree',
  'scope',
  'year',
  'received',
  'days',
  'workingDays',
  'office',
];

const JUNK_KEYS = ['__proto__', 'constructor', 'prototype', '__proto__[x]', 'constructor[prototype][x]', 'a[b][c]', 'roles[]', 'roles[0]', '', ' ', '\u0000', '😀', 'x'.repeat(300)];

const QUERY_KEYS = ['year', 'office', 'received', 'workingDays', 'next', 'notice', 'lang', 'token', 'before', 'totp', 'calc', 'days', 'id', 'page'];

function junkJson(rng: Rng, plausible: readonly string[], depth = 0): unknown {
  const roll = rng.next();
  if (depth > 3 || roll < 0.15) return rng.pick([null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, '']);
  if (roll < 0.55) return junkValue(rng, plausible);
  if (roll < 0.7) return Array.from({ length: rng.int(5) }, () => junkJson(rng, plausible, depth + 1));
  const out: Record<string, unknown> = {};
  for (let i = rng.int(6); i > 0; i--) out[rng.chance(0.8) ? rng.pick(FIELD_NAMES) : rng.pick(JUNK_KEYS)] = junkJson(rng, plausible, depth + 1);
  return out;
}

function multipartBody(parts: readonly { name: string; value: string | Buffer; filename?: string; type?: string }[], boundary: string): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`));
    chunks.push(typeof part.value === 'string' ? Buffer.from(part.value) : part.value);
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

// ---------------------------------------------------------------- HTTP

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

let port = 0;

/** A raw request to 127.0.0.1: no URL normalisation, so broken paths reach the server as sent. */
function send(method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method, path, agent: false, headers: { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) }, timeout: REQUEST_TIMEOUT_MS },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size < 4 * 1024 * 1024) chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    if (body) req.end(body);
    else req.end();
  });
}

// ---------------------------------------------------------------- actors and cases

interface Actor {
  readonly label: string;
  /** Demo account; undefined for the anonymous visitor. */
  readonly email: string | undefined;
  /** kab-belitung-timur staff aiming at kab-bintan: their ids and data must stay invisible. */
  readonly crossOffice: boolean;
  /** Cases per non-HEAD route. */
  readonly cases: number;
  /** Signed in, but the TOTP step is not done: only the verification form and sign-out are open to it. */
  readonly pending: boolean;
  cookie: string;
  csrf: string;
  snapshot?: typeof staff.$inferSelect;
}

type IdKind = 'staff' | 'units' | 'holidays';
type IdSets = Record<IdKind, number[]>;

interface Case {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer | undefined;
  readonly note: string;
  /** The path reaches the route's own handler shape (no raw traversal or broken encodings). */
  readonly clean: boolean;
  readonly methodMutated: boolean;
  /** The path holds one of kab-bintan's ids (only set for cross-office actors). */
  readonly foreignId: boolean;
}

interface RouteTarget {
  readonly method: string;
  readonly route: RouteEntry;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function idKind(url: string, param: string): IdKind | undefined {
  if (!/id$/i.test(param)) return undefined;
  const segment = url.split('/').at(url.split('/').indexOf(`:${param}`) - 1);
  return segment === 'staff' || segment === 'units' || segment === 'holidays' ? segment : undefined;
}

interface CaseContext {
  readonly actor: Actor;
  /** Ids a path param may take: kab-bintan's own (for cross-office actors these are foreign). */
  readonly ids: IdSets;
  readonly plausible: readonly string[];
}

function fillPath(rng: Rng, url: string, ctx: CaseContext): { path: string; clean: boolean; foreignId: boolean } {
  let clean = true;
  let foreignId = false;
  const path = url.replace(/:(\w+)|\*/g, (match, param: string | undefined) => {
    if (match === '*') {
      const roll = rng.next();
      if (roll < 0.3) return rng.pick(['lentera.css', 'favicon.svg', 'nope.css', '.hidden', 'lentera.css/']);
      const [value, raw] = rng.pick(PATH_TOKENS);
      clean &&= !raw;
      return raw ? value : pct(value);
    }
    const kind = idKind(url, param!);
    const all = [...ctx.ids.staff, ...ctx.ids.units, ...ctx.ids.holidays];
    if (kind && rng.chance(0.45)) {
      foreignId = ctx.actor.crossOffice && ctx.ids[kind].length > 0;
      return String(ctx.ids[kind].length ? rng.pick(ctx.ids[kind]) : rng.pick(all));
    }
    if (param === 'slug' && rng.chance(0.4)) return rng.pick(DEMO_OFFICE_SLUGS);
    const [value, raw] = rng.pick(PATH_TOKENS);
    clean &&= !raw;
    return raw ? value : pct(value);
  });
  return { path, clean, foreignId };
}

function junkQuery(rng: Rng, ctx: CaseContext): string {
  if (rng.chance(0.45)) return '';
  const pairs: string[] = [];
  for (let i = 1 + rng.int(5); i > 0; i--) {
    let key = rng.chance(0.85) ? rng.pick(QUERY_KEYS) : rng.pick(JUNK_KEYS);
    if (rng.chance(0.12)) key += rng.pick(['[]', '[0]', '[a][b]', '.x']);
    const value = key.startsWith('notice') && rng.chance(0.5) ? rng.pick(['__proto__', 'constructor', 'toString', 'staff_saved', 'valueOf']) : junkValue(rng, ctx.plausible);
    pairs.push(`${pct(key)}=${pct(value)}`);
    if (rng.chance(0.15)) pairs.push(`${pct(key)}=${pct(junkValue(rng, ctx.plausible))}`);
  }
  if (rng.chance(0.1)) pairs.push(rng.pick(['&&=&', '%E0%A4%A=1', 'x=%E0%A4%A', '=', '==x', 'a=%00', '%FF%FE=\xff', 'year=2026&year=2027', 'lang=en&lang=id', `q=${'z'.repeat(6000)}`]));
  return `?${pairs.join('&')}`;
}

type BodyKind = 'none' | 'form' | 'form-bad-utf8' | 'json' | 'json-broken' | 'multipart' | 'multipart-broken' | 'wrong-type' | 'empty' | 'huge';

const BODY_KINDS: readonly (readonly [BodyKind, number])[] = [
  ['none', 6],
  ['form', 30],
  ['form-bad-utf8', 5],
  ['json', 22],
  ['json-broken', 7],
  ['multipart', 10],
  ['multipart-broken', 6],
  ['wrong-type', 9],
  ['empty', 5],
];

function pickBodyKind(rng: Rng): BodyKind {
  let roll = rng.int(BODY_KINDS.reduce((s, [, w]) => s + w, 0));
  for (const [kind, weight] of BODY_KINDS) {
    if (roll < weight) return kind;
    roll -= weight;
  }
  return 'form';
}

function formFields(rng: Rng, ctx: CaseContext): [string, string][] {
  const fields: [string, string][] = [];
  for (let i = rng.int(9); i > 0; i--) {
    const key = rng.chance(0.88) ? rng.pick(FIELD_NAMES) : rng.pick(JUNK_KEYS);
    fields.push([key, junkValue(rng, ctx.plausible)]);
    if (rng.chance(0.12)) fields.push([key, junkValue(rng, ctx.plausible)]);
  }
  return fields;
}

/** A body a form would really send, so validation and the database are reached, not just parsing. */
function plausibleForm(rng: Rng, ctx: CaseContext): [string, string][] {
  const tag = rng.int(1_000_000);
  return [
    ['name', rng.pick(['Nama Uji Fuzz', `Unit Uji ${tag}`, `İzmir ΟΔΟΣ ${tag}`, 'A'])],
    ['email', rng.pick([`fuzz.${tag}@example.test`, `ΟΔΟΣ.İ${tag}@example.test`, 'not-an-email'])],
    ['position', 'Penguji'],
    ['roles', rng.pick(['desk_officer', 'ppid', 'information_provider', 'system_admin', 'nope'])],
    ['unit', rng.chance(0.5) && ctx.ids.units.length ? String(rng.pick(ctx.ids.units)) : ''],
    ['active', rng.pick(['active', 'inactive'])],
    ['day', rng.pick(['2026-08-18', '2026-02-30', '2027-01-02'])],
    ['kind', rng.pick(['lokal', 'libur_nasional', 'x'])],
    ['decree', 'SK Uji'],
    ['time_zone', rng.pick(['Asia/Jakarta', 'Europe/Berlin'])],
    ['hours_start', rng.pick(['08:00', '25:00'])],
    ['hours_end', rng.pick(['16:00', '07:00'])],
    ['code', rng.pick(['123456', 'abc'])],
    ['next', rng.pick(['/desk', '//evil.example'])],
  ];
}

function buildCase(rng: Rng, target: RouteTarget, index: number, ctx: CaseContext): Case {
  const notes: string[] = [];
  let method = target.method;
  let methodMutated = false;
  if (index > 3 && rng.chance(0.08)) {
    method = rng.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'POST', 'GET']);
    methodMutated = method !== target.method;
  }
  const filled = fillPath(rng, target.route.url, ctx);
  let path = filled.path + junkQuery(rng, ctx);
  // Node answers 431 itself above 16 KB of headers; stay below it, except once per route on purpose.
  // HEAD cannot take Node's 431 either: its answer has a body a HEAD reader does not expect.
  if (path.length > (method === 'HEAD' ? 8_000 : MAX_URL)) path = path.slice(0, method === 'HEAD' ? 8_000 : MAX_URL);
  if (index === 4 && method !== 'HEAD') {
    path += `${path.includes('?') ? '&' : '?'}pad=${'p'.repeat(20_000)}`;
    notes.push('url>16KB');
  }
  // Raw latin-1 bytes in the request line: Node's parser answers (with a body, even to HEAD) before Fastify.
  if (method === 'HEAD') path = path.replace(/[^\x21-\x7e]/g, '');

  const headers: Record<string, string> = {};
  let cookie = ctx.actor.cookie;
  if (rng.chance(0.06)) {
    const bad = rng.pick(['lentera_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'lentera_session=%E0%A4%A', 'lentera_csrf=s:junk.sig', 'lang=xx', '=;;; ;=', `big=${'c'.repeat(3000)}`, 'lentera_csrf=']);
    cookie = cookie ? `${cookie}; ${bad}` : bad;
    notes.push(`cookie+=${bad.slice(0, 40)}`);
  }
  if (cookie) headers.cookie = cookie;
  if (rng.chance(0.15)) headers.accept = rng.pick(['application/problem+json', 'application/json', 'text/html', '*/*', 'image/png', '']);
  if (rng.chance(0.1)) headers['accept-language'] = rng.pick(['en', 'id', 'xx', 'en;q=0.1,id;q=0.9', '*', 'l'.repeat(300)]);
  if (rng.chance(0.05)) headers['x-request-id'] = rng.pick(['../../x', 'a'.repeat(100), 'ok-id-1', '\xff\xfe']);

  // CSRF: the first cases pin the three situations, the rest are random.
  const csrf = index === 0 || index === 1 ? 'valid' : index === 2 ? 'none' : index === 3 ? 'junk' : rng.pick(['valid', 'valid', 'none', 'junk'] as const);
  const token = csrf === 'valid' ? ctx.actor.csrf : csrf === 'junk' ? rng.pick(['junk', '', ctx.actor.csrf.slice(0, -2) + 'zz', 'a'.repeat(5000)]) : undefined;
  const tokenInHeader = token !== undefined && (target.route.url.startsWith('/api/') ? rng.chance(0.8) : rng.chance(0.2));
  if (token !== undefined && tokenInHeader) headers['x-csrf-token'] = token;
  notes.push(`csrf=${csrf}${token !== undefined ? (tokenInHeader ? '(header)' : '(body)') : ''}`);

  const bodyToken = token !== undefined && !tokenInHeader ? token : undefined;
  const wantsBody = !SAFE.has(method) || rng.chance(0.1);
  const kind: BodyKind = !wantsBody ? 'none' : index === 0 ? (target.route.url.startsWith('/api/') ? 'json' : 'form') : index === 1 ? 'huge' : pickBodyKind(rng);
  notes.push(`body=${kind}`);
  let body: Buffer | undefined;
  const withToken = (fields: [string, string][]) => (bodyToken === undefined ? fields : [['_csrf', bodyToken] as [string, string], ...fields]);
  const urlencoded = (fields: [string, string][]) => fields.map(([k, v]) => `${pct(k)}=${pct(v)}`).join('&');
  switch (kind) {
    case 'none':
      break;
    case 'form': {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = Buffer.from(urlencoded(withToken(index === 0 || rng.chance(0.3) ? plausibleForm(rng, ctx) : formFields(rng, ctx))));
      break;
    }
    case 'form-bad-utf8': {
      headers['content-type'] = rng.pick(['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded; charset=utf-8']);
      body = Buffer.concat([Buffer.from(urlencoded(withToken([['name', 'x']]))), Buffer.from('&email=%FF%FE&position='), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc]), Buffer.from('&roles=%C0%AF&code=%E0%A4%A')]);
      break;
    }
    case 'json': {
      headers['content-type'] = rng.pick(['application/json', 'application/json; charset=utf-8', 'application/json;charset=UTF-8']);
      let value: unknown;
      if (index === 0 || rng.chance(0.25)) {
        const tag = rng.int(1_000_000);
        value = {
          name: rng.pick(['Nama Uji Fuzz', `Unit Uji ${tag}`, `İzmir ΟΔΟΣ ${tag}`, 1, null]),
          email: rng.pick([`fuzz.${tag}@example.test`, `ΟΔΟΣ.İ${tag}@example.test`, 'not-an-email', ['a@b.cc']]),
          position: 'Penguji',
          roles: rng.pick([['desk_officer'], ['information_provider'], ['system_admin'], 'ppid', [], [1]]),
          unitId: rng.pick([null, ...ctx.ids.units.slice(0, 2), '1', -1, 1.5, 2 ** 31]),
        };
      } else value = junkJson(rng, ctx.plausible);
      if (bodyToken !== undefined && value && typeof value === 'object' && !Array.isArray(value)) (value as Record<string, unknown>)._csrf = bodyToken;
      body = Buffer.from(JSON.stringify(value) ?? 'null');
      break;
    }
    case 'json-broken': {
      headers['content-type'] = 'application/json';
      body = Buffer.from(
        rng.pick([
          '{"name": "x",',
          '{"name": "x"} trailing',
          '\uFEFF{"name":"x"}',
          '{"__proto__": {"polluted": true}}',
          '{"constructor": {"prototype": {"polluted": true}}}',
          '['.repeat(20_000) + ']'.repeat(20_000),
          '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000),
          '{"n": 1e999999}',
          '{"s": "\\ud800"}',
          "{'single': 'quotes'}",
          'null',
          '"just a string"',
          '12345',
          'NaN',
        ]),
      );
      break;
    }
    case 'multipart': {
      const boundary = `----fuzz${rng.int(1e9)}`;
      headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
      const fields = (rng.chance(0.4) ? plausibleForm(rng, ctx) : formFields(rng, ctx)).map(([name, value]) => ({ name: name.replace(/["\r\n]/g, ''), value }));
      const parts: { name: string; value: string | Buffer; filename?: string; type?: string }[] = [...(bodyToken === undefined ? [] : [{ name: '_csrf', value: bodyToken }]), ...fields];
      if (rng.chance(0.5)) parts.push({ name: rng.pick(['file', 'name', '_csrf', 'upload']), value: Buffer.from([0, 1, 2, 0xff, 0xfe]), filename: rng.pick(['a.txt', '../../etc/passwd', '😀.pdf', '', 'x'.repeat(300)]), type: rng.pick(['application/pdf', 'text/plain', 'application/x-msdownload']) });
      body = multipartBody(parts, boundary);
      break;
    }
    case 'multipart-broken': {
      const variant = rng.int(5);
      const boundary = 'fuzzboundary';
      const good = multipartBody([{ name: 'name', value: 'x' }, ...(bodyToken === undefined ? [] : [{ name: '_csrf', value: bodyToken }])], boundary);
      if (variant === 0) {
        headers['content-type'] = 'multipart/form-data';
        body = good;
      } else if (variant === 1) {
        headers['content-type'] = 'multipart/form-data; boundary=other';
        body = good;
      } else if (variant === 2) {
        headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
        body = good.subarray(0, good.length - 12);
      } else if (variant === 3) {
        headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
        body = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--${boundary}--\r\n`);
      } else {
        headers['content-type'] = `multipart/form-data; boundary=${'b'.repeat(80)}`;
        body = Buffer.from(randomString(rng, 200));
      }
      notes.push(`multipart-variant=${variant}`);
      break;
    }
    case 'wrong-type': {
      const type = rng.pick(['text/xml', 'application/xml', 'application/octet-stream', 'text/plain', 'application/x-www-form-urlencoded; charset=utf-16', 'application/json; charset=utf-32', 'multipart/mixed; boundary=x', 'image/png', 'text/html', 'application/vnd.api+json', 'x/y; a=b; a=c', ';;;']);
      headers['content-type'] = type;
      body = type.includes('xml') ? Buffer.from('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>') : Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00, 0x7b, 0xc3, 0x28]);
      notes.push(`type=${type}`);
      break;
    }
    case 'empty': {
      headers['content-type'] = rng.pick(['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain']);
      body = Buffer.alloc(0);
      notes.push(`type=${headers['content-type']}`);
      break;
    }
    case 'huge': {
      const shape = rng.int(3);
      if (shape === 0) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        body = Buffer.from(`${bodyToken === undefined ? '' : `_csrf=${pct(bodyToken)}&`}name=${'a'.repeat(HUGE_BODY)}`);
      } else if (shape === 1) {
        headers['content-type'] = 'application/json';
        body = Buffer.from(JSON.stringify({ name: 'b'.repeat(HUGE_BODY), ...(bodyToken === undefined ? {} : { _csrf: bodyToken }) }));
      } else {
        const boundary = 'hugeboundary';
        headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
        body = multipartBody([...(bodyToken === undefined ? [] : [{ name: '_csrf', value: bodyToken }]), { name: 'name', value: 'c'.repeat(HUGE_BODY) }], boundary);
      }
      notes.push(`huge-shape=${shape}`);
      break;
    }
  }
  return { method, path, headers, body, note: notes.join(' '), clean: filled.clean, methodMutated, foreignId: filled.foreignId };
}

// ---------------------------------------------------------------- checks

const STACK_TRACE = [
  /^\s*at .+:\d+:\d+\)?$/m,
  /\bat (?:async )?\S+ \((?:file:|node:|\/)/,
  /\bError: /,
  /\b[A-Z][A-Za-z]+Error\b/,
  /\/src\//,
  /node_modules/,
  /\.tsx?:\d+/,
  /\bFST_[A-Z_]{3,}/,
];

/** Text that would only be there if a static path escaped its folder. */
const SOURCE_LEAKS = ['"@electric-sql/pglite"', DEMO_PASSWORD];

interface Stats {
  sent: number;
  byStatus: Map<number, number>;
  nodeLevel: number;
}

function check(answer: Answer, c: Case, route: RouteTarget, actor: Actor, roles: readonly Role[], markers: readonly string[]): string[] {
  const problems: string[] = [];
  const status = answer.status;
  const type = String(answer.headers['content-type'] ?? '');
  const isApi = c.path.startsWith('/api/');
  if (status >= 500) problems.push(`answered ${status}`);
  if (status >= 400 && !nodeLevel(answer, c)) {
    const acceptsProblem = String(c.headers.accept ?? '').includes('application/problem+json');
    const isProblem = type.startsWith('application/problem+json');
    if (isApi && !isProblem) problems.push(`${status} with content-type "${type}", not application/problem+json`);
    if (!isApi && !type.startsWith('text/html') && !(acceptsProblem && isProblem)) problems.push(`${status} page with content-type "${type}", not text/html`);
    if (isProblem && c.method !== 'HEAD') {
      try {
        const problem = JSON.parse(answer.body) as Record<string, unknown>;
        if (typeof problem.title !== 'string' || !problem.title) problems.push('problem JSON without title');
        if (typeof problem.detail !== 'string' || !problem.detail) problems.push('problem JSON without detail');
        if (problem.status !== status) problems.push(`problem JSON status ${String(problem.status)} ≠ ${status}`);
      } catch {
        problems.push('problem JSON does not parse');
      }
    }
  }
  if (status >= 400) {
    for (const pattern of STACK_TRACE) if (pattern.test(answer.body)) problems.push(`stack-trace text ${pattern} in the ${status} body`);
  }
  for (const leak of SOURCE_LEAKS) if (answer.body.includes(leak)) problems.push(`source file content in the body (${leak})`);
  const location = String(answer.headers.location ?? '');
  for (const marker of markers) if (answer.body.includes(marker) || location.includes(marker)) problems.push(`another office's data in the answer: "${marker}"`);

  if (c.clean && !c.methodMutated) {
    const decision = decideAccess(route.route.access, actor.email && !actor.pending ? { roles } : undefined);
    if (decision !== 'allow') {
      if (status >= 200 && status < 300) problems.push(`${status} for an actor the route does not admit (${JSON.stringify(route.route.access)})`);
      if (status >= 300 && status < 400 && !location.startsWith('/masuk')) problems.push(`${status} → ${location} for an actor the route does not admit`);
    }
    if (c.foreignId && status < 400) problems.push(`${status} for another office's id`);
  }
  return problems;
}

/**
 * Answers of Node's HTTP parser, which refuses a request before Fastify routes it: 431 for headers over
 * 16 KB, 400 "Client Error" for bytes a request line may not hold. Only "no 5xx" applies to those.
 */
function nodeLevel(answer: Answer, c: Case): boolean {
  if (answer.status === 431) return true;
  return answer.status === 400 && /[^\x21-\x7e]/.test(c.path) && answer.body.includes('"Client Error"');
}

function describeCase(c: Case): string {
  const path = c.path.length > 160 ? `${c.path.slice(0, 160)}…(${c.path.length} chars)` : c.path;
  const body = c.body ? ` body[${c.body.length}]=${JSON.stringify(c.body.subarray(0, 120).toString('latin1'))}` : '';
  return `${c.method} ${JSON.stringify(path)} ${c.note} ct=${c.headers['content-type'] ?? '-'}${body}`;
}

// ---------------------------------------------------------------- the run

let app: TestApp;
const actors = new Map<string, Actor>();
let bintanIds: IdSets;
let belitungIds: IdSets;
let bintanOfficeId = 0;
let belitungOfficeId = 0;
const MARKER = { staffName: 'Penanda Rahasia Bintan', staffEmail: 'penanda.rahasia@bintan-fuzz.example', position: 'Jabatan Penanda Rahasia', unitName: 'Unit Penanda Rahasia Bintan' };
const totals: { label: string; sent: number; ms: number }[] = [];

const db = () => app.running.database.db;

async function idsOf(officeId: number): Promise<IdSets> {
  const [s, u, h] = await Promise.all([
    db().select({ id: staff.id }).from(staff).where(eq(staff.officeId, officeId)),
    db().select({ id: units.id }).from(units).where(eq(units.officeId, officeId)),
    db().select({ id: holidays.id }).from(holidays).where(eq(holidays.officeId, officeId)),
  ]);
  return { staff: s.map((r) => r.id), units: u.map((r) => r.id), holidays: h.map((r) => r.id) };
}

async function signInActor(actor: Actor): Promise<void> {
  const client = new Client(app.url);
  if (actor.email) {
    const response = await client.signIn(actor.email, DEMO_PASSWORD);
    assert.equal(response.status, 303, `sign-in of ${actor.email} failed with ${response.status}`);
    actor.csrf = await client.csrfFrom(actor.pending ? '/masuk/verifikasi' : '/desk/account');
  } else actor.csrf = await client.csrfFrom('/masuk');
  actor.cookie = client.cookieHeader();
}

/** Junk that succeeds may change or sign out the actor's own account: put it back before each route. */
async function ensureActor(actor: Actor): Promise<readonly Role[]> {
  if (!actor.email || !actor.snapshot) return [];
  const [row] = await db().select().from(staff).where(eq(staff.id, actor.snapshot.id));
  const s = actor.snapshot;
  if (!row || row.email !== s.email || row.active !== s.active || row.passwordHash !== s.passwordHash || row.totpEnabled !== s.totpEnabled || JSON.stringify(row.roles) !== JSON.stringify(s.roles)) {
    await db().update(staff).set({ email: s.email, active: s.active, passwordHash: s.passwordHash, totpEnabled: s.totpEnabled, totpSecret: s.totpSecret, roles: s.roles }).where(eq(staff.id, s.id));
  }
  const me = await send('GET', actor.pending ? '/masuk/verifikasi' : '/api/v1/me', { cookie: actor.cookie, accept: 'application/json' });
  if (me.status !== 200) {
    await db().delete(signInAttempts);
    await signInActor(actor);
  }
  return s.roles as Role[];
}

function routeTargets(): RouteTarget[] {
  const targets: RouteTarget[] = [];
  for (const route of app.running.app.routeList) {
    if (ROUTE_FILTER && !route.url.includes(ROUTE_FILTER)) continue;
    for (const method of route.methods) targets.push({ method, route });
  }
  return targets;
}

async function fuzzAs(t: TestContext, actor: Actor, markers: readonly string[]): Promise<void> {
  const started = performance.now();
  const failures: string[] = [];
  const stats: Stats = { sent: 0, byStatus: new Map(), nodeLevel: 0 };
  const ctx: CaseContext = { actor, ids: bintanIds, plausible: plausibleValues([...bintanIds.staff, ...bintanIds.units]) };
  let roles = await ensureActor(actor);
  for (const target of routeTargets()) {
    const rng = new Rng(seedFor(SEED, actor.label, target.method, target.route.url));
    const count = target.method === 'HEAD' ? HEAD_CASES : actor.cases;
    for (let i = 0; i < count; i++) {
      const c = buildCase(rng, target, i, ctx);
      const where = (attempt: number) => `[seed ${SEED}] ${actor.label} ${target.method} ${target.route.url} #${i}${attempt ? ' (sent again)' : ''}: ${describeCase(c)}`;
      // A change that succeeded is sent once more as it was: the same name or e-mail twice must be a 4xx.
      for (let attempt = 0; attempt < 2; attempt++) {
        let answer: Answer;
        try {
          answer = await send(c.method, c.path, c.headers, c.body);
        } catch (error) {
          // A server may close the connection while an over-size body is still being written.
          const code = (error as NodeJS.ErrnoException).code;
          if (c.body && c.body.length >= HUGE_BODY && (code === 'EPIPE' || code === 'ECONNRESET')) break;
          failures.push(`${where(attempt)}\n    → no answer: ${(error as Error).message}`);
          break;
        }
        stats.sent++;
        stats.byStatus.set(answer.status, (stats.byStatus.get(answer.status) ?? 0) + 1);
        if (nodeLevel(answer, c)) stats.nodeLevel++;
        const problems = check(answer, c, target, actor, roles, markers);
        if (problems.length) failures.push(`${where(attempt)}\n    → ${problems.join('; ')}\n    body: ${JSON.stringify(answer.body.slice(0, 300))}`);
        const changed = !SAFE.has(c.method) && answer.status >= 200 && answer.status < 400;
        // A success may have signed the actor out (sign-out, revoking sessions): recover before going on.
        if (changed) roles = await ensureActor(actor);
        if (!changed || c.path.startsWith('/keluar')) break;
      }
    }
  }
  const ms = Math.round(performance.now() - started);
  totals.push({ label: actor.label, sent: stats.sent, ms });
  const statuses = [...stats.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
  t.diagnostic(`${actor.label}: ${stats.sent} requests in ${ms} ms (seed ${SEED}); statuses ${statuses}; ${stats.nodeLevel} refused by Node's parser`);
  assert.equal(failures.length, 0, `${failures.length} failing answers (FUZZ_SEED=${SEED} reproduces):\n${failures.slice(0, 25).join('\n')}`);
}

const BINTAN_ROLES = ['desk', 'ppid', 'atasan', 'unit', 'admin'] as const;

describe(`fuzz every route (seed ${SEED})`, { timeout: 240_000 }, () => {
  before(async () => {
    app = await startTestApp({ demo: true, rateLimitPerMinute: 1_000_000 });
    port = Number(new URL(app.url).port);
    bintanOfficeId = (await officeBySlug(db(), 'kab-bintan'))!.id;
    belitungOfficeId = (await officeBySlug(db(), 'kab-belitung-timur'))!.id;

    const make = async (label: string, email: string | undefined, cases: number, options: { crossOffice?: boolean; pending?: boolean } = {}) => {
      const actor: Actor = { label, email, cases, crossOffice: options.crossOffice ?? false, pending: options.pending ?? false, cookie: '', csrf: '' };
      await signInActor(actor);
      if (email) [actor.snapshot] = await db().select().from(staff).where(eq(staff.email, email));
      actors.set(label, actor);
      return actor;
    };
    await make('anonymous', undefined, CASES);
    await make('kab-belitung-timur admin', demoEmail('admin', 'kab-belitung-timur'), CASES, { crossOffice: true });
    for (const key of BINTAN_ROLES) await make(`kab-bintan ${key}`, demoEmail(key, 'kab-bintan'), key === 'admin' ? CASES : ROLE_CASES);

    // Data only kab-bintan has, through the real API: what must never reach anyone else.
    const admin = actors.get('kab-bintan admin')!;
    const headers = { cookie: admin.cookie, 'content-type': 'application/json', 'x-csrf-token': admin.csrf };
    const unit = await send('POST', '/api/v1/units', headers, Buffer.from(JSON.stringify({ name: MARKER.unitName })));
    assert.equal(unit.status, 201, unit.body);
    const person = await send('POST', '/api/v1/staff', headers, Buffer.from(JSON.stringify({ name: MARKER.staffName, email: MARKER.staffEmail, position: MARKER.position, roles: ['ppid'] })));
    assert.equal(person.status, 201, person.body);
    await db().insert(holidays).values({ officeId: bintanOfficeId, day: '2026-10-06', kind: 'lokal', name: 'Hari Jadi Bintan (uji)', decree: 'SK Uji' });
    // The marker account signs in with the demo password and has TOTP on: its session waits for the code.
    const { passwordHash } = actors.get('kab-bintan desk')!.snapshot!;
    await db().update(staff).set({ passwordHash, totpEnabled: true, totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DP' }).where(eq(staff.email, MARKER.staffEmail));
    await make('kab-bintan ppid, TOTP step pending', MARKER.staffEmail, ROLE_CASES, { pending: true });
    bintanIds = await idsOf(bintanOfficeId);
    belitungIds = await idsOf(belitungOfficeId);
  });

  after(async () => {
    await app?.close();
    const sent = totals.reduce((s, x) => s + x.sent, 0);
    const ms = totals.reduce((s, x) => s + x.ms, 0);
    console.log(`fuzz: ${sent} requests in ${ms} ms over ${totals.length} actors (seed ${SEED}, engine ${process.env.TEST_ENGINE ?? 'pglite'})`);
  });

  test('the route list is the app’s own and covers the API, the desk and the portal', () => {
    const list = app.running.app.routeList;
    const has = (method: string, url: string) => list.some((r) => r.url === url && r.methods.includes(method));
    for (const [method, url] of [
      ['POST', '/masuk'],
      ['GET', '/desk/staff/:id'],
      ['POST', '/desk/units/:id'],
      ['POST', '/api/v1/staff'],
      ['GET', '/api/v1/deadline'],
      ['GET', '/:slug'],
      ['GET', '/static/*'],
    ] as const) {
      assert.ok(has(method, url), `${method} ${url} missing from the route list`);
    }
    assert.ok(bintanIds.staff.length >= 6 && bintanIds.units.length >= 5 && bintanIds.holidays.length >= 1);
  });

  test('every fixed first path segment is reserved, so no office slug can shadow a route', () => {
    const firsts = new Set(app.running.app.routeList.map((r) => r.url.split('/')[1] ?? '').filter((s) => s && !s.startsWith(':')));
    for (const segment of firsts) assert.ok(RESERVED_SLUGS.has(segment), `"${segment}" is a route's first segment but not in RESERVED_SLUGS`);
  });

  test('kab-bintan itself sees the marker data, so the leak check below can see it too', async () => {
    const admin = actors.get('kab-bintan admin')!;
    const staffPage = await send('GET', '/desk/staff', { cookie: admin.cookie });
    assert.equal(staffPage.status, 200);
    assert.ok(staffPage.body.includes(MARKER.staffName) && staffPage.body.includes(MARKER.staffEmail));
    const unitList = await send('GET', '/api/v1/units', { cookie: admin.cookie });
    assert.ok(unitList.body.includes(MARKER.unitName));
  });

  test('anonymous visitor', async (t) => {
    const bintanEmails = (await staffOfOffice(db(), { officeId: bintanOfficeId })).map((s) => s.email);
    await fuzzAs(t, actors.get('anonymous')!, [MARKER.staffName, MARKER.staffEmail, MARKER.position, MARKER.unitName, ...bintanEmails]);
  });

  test('kab-belitung-timur admin aiming at kab-bintan: 404/403, never its data', async (t) => {
    const actor = actors.get('kab-belitung-timur admin')!;
    const beltimStaff = await staffOfOffice(db(), { officeId: belitungOfficeId });
    const beltimUnits = await unitsOfOffice(db(), { officeId: belitungOfficeId });
    const bintanStaff = await staffOfOffice(db(), { officeId: bintanOfficeId });
    const bintanUnits = await unitsOfOffice(db(), { officeId: bintanOfficeId });
    const markers = [
      MARKER.staffName,
      MARKER.staffEmail,
      MARKER.position,
      MARKER.unitName,
      ...bintanStaff.map((s) => s.email),
      ...bintanStaff.filter((s) => !beltimStaff.some((b) => b.name === s.name)).map((s) => s.name),
      ...bintanUnits.filter((u) => !beltimUnits.some((b) => b.name === u.name)).map((u) => u.name),
    ];
    // None of kab-bintan's ids may be one of kab-belitung-timur's own of the same kind.
    for (const kind of ['staff', 'units', 'holidays'] as const) assert.ok(!bintanIds[kind].some((id) => belitungIds[kind].includes(id)));
    const before = { staff: bintanStaff, units: bintanUnits };

    // Plain, well-formed requests first: each kab-bintan id behind each :id route must be absent.
    const failures: string[] = [];
    let probes = 0;
    for (const route of app.running.app.routeList) {
      const param = /:(\w*id)\b/i.exec(route.url)?.[1];
      if (!param) continue;
      const kind = idKind(route.url, param);
      const ids = kind ? bintanIds[kind] : [...bintanIds.staff, ...bintanIds.units, ...bintanIds.holidays].filter((id) => ![...belitungIds.staff, ...belitungIds.units, ...belitungIds.holidays].includes(id));
      for (const method of route.methods.filter((m) => m !== 'HEAD')) {
        for (const id of ids) {
          const path = route.url.replace(`:${param}`, String(id));
          const body = method === 'GET' ? undefined : Buffer.from(`_csrf=${pct(actor.csrf)}&name=Nama+Baru&email=fuzz.cross%40example.test&roles=desk_officer&active=inactive`);
          const answer = await send(method, path, { cookie: actor.cookie, ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) }, body);
          probes++;
          if (answer.status !== 404 && answer.status !== 403) failures.push(`${method} ${path} → ${answer.status} (expected 404 or 403)`);
          for (const marker of markers) if (answer.body.includes(marker)) failures.push(`${method} ${path} shows "${marker}"`);
        }
      }
    }
    t.diagnostic(`${probes} well-formed cross-office probes`);
    assert.deepEqual(failures, []);

    await fuzzAs(t, actor, markers);

    // Nothing of kab-bintan changed, and its audit chain has no event by a kab-belitung-timur account.
    assert.deepEqual({ staff: await staffOfOffice(db(), { officeId: bintanOfficeId }), units: await unitsOfOffice(db(), { officeId: bintanOfficeId }) }, before);
    const foreign = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.officeId, bintanOfficeId), inArray(auditEvents.actorId, beltimStaff.map((s) => s.id))));
    assert.deepEqual(foreign, []);
  });

  for (const key of BINTAN_ROLES) {
    test(`kab-bintan ${key}`, async (t) => {
      await fuzzAs(t, actors.get(`kab-bintan ${key}`)!, []);
    });
  }

  test('kab-bintan ppid whose TOTP step is pending: the verification form and sign-out, nothing else', async (t) => {
    await fuzzAs(t, actors.get('kab-bintan ppid, TOTP step pending')!, []);
  });
});
