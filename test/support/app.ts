import { loadConfig, type Config } from '../../src/config.ts';
import { start, type Running } from '../../src/main.ts';
import { cliActor } from '../../src/kernel/audit/store.ts';
import { seedDemo } from '../../src/offices/seed.ts';
import { freshLocation, type TestLocation } from './db.ts';

export interface TestApp {
  readonly running: Running;
  readonly config: Config;
  readonly location: TestLocation;
  /** http://localhost:<random port> */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The real program (main.ts start) on a random port and a fresh database, optionally with demo data.
 * rateLimitPerMinute raises the global per-IP limit for tests that send thousands of requests from 127.0.0.1.
 */
export async function startTestApp(options: { demo?: boolean; env?: Record<string, string>; rateLimitPerMinute?: number } = {}): Promise<TestApp> {
  const location = await freshLocation();
  const config = loadConfig({
    DATA_DIR: location.dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    JOBS: 'off',
    ...(location.url ? { DATABASE_URL: location.url } : {}),
    ...(options.rateLimitPerMinute ? { RATE_LIMIT_PER_MINUTE: String(options.rateLimitPerMinute) } : {}),
    ...options.env,
  });
  const running = await start(config, { logger: false });
  const url = running.url;
  if (options.demo) await seedDemo(running.database.db, cliActor('test'), url);
  return {
    running,
    config: { ...config, baseUrl: url },
    location,
    url,
    async close() {
      await running.stop();
      await location.cleanup();
    },
  };
}

/** A minimal cookie-keeping HTTP client for form flows without a browser. */
export class Client {
  private readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  /** The Cookie header this client sends (session, CSRF secret, language), for hand-built requests. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(this.base + path, { headers: { cookie: this.cookieHeader(), ...headers }, redirect: 'manual' });
    this.keep(response);
    return response;
  }

  async post(path: string, form: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<Response> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    const response = await fetch(this.base + path, {
      method: 'POST',
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
      redirect: 'manual',
    });
    this.keep(response);
    return response;
  }

  async json(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(this.base + path, {
      method,
      headers: { cookie: this.cookieHeader(), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      redirect: 'manual',
    });
    this.keep(response);
    return response;
  }

  /** The CSRF token of a page's first form (pages render it as a hidden _csrf field). */
  async csrfFrom(path: string): Promise<string> {
    const html = await (await this.get(path)).text();
    const match = html.match(/name="_csrf" value="([^"]+)"/);
    if (!match) throw new Error(`no CSRF field on ${path}`);
    return match[1]!;
  }

  async signIn(email: string, password: string): Promise<Response> {
    const token = await this.csrfFrom('/masuk');
    return this.post('/masuk', { _csrf: token, email, password, next: '/desk' });
  }

  has(cookie: string): boolean {
    return this.cookies.has(cookie);
  }
}
