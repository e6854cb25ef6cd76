import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Configuration read once from the environment; every problem is one sentence a person can act on. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly baseUrl: string;
  readonly jobs: boolean;
  readonly logLevel: string;
  readonly secureCookies: boolean;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  readonly trustProxy: boolean;
  /** Requests per minute one client address may make before it gets 429 (protects a small office server). */
  readonly rateLimitPerMinute: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: { needDataDir?: boolean } = {}): Config {
  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT "${portText}" bukan nomor port yang sah (0–65535) / PORT must be a number from 0 to 65535.`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl !== undefined) checkDatabaseUrl(databaseUrl);
  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^/]+/.test(smtpUrl)) {
    throw new ConfigError(`SMTP_URL harus berbentuk smtp://host:port atau smtps://user:pass@host:port / SMTP_URL must look like smtp://host:port.`);
  }
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL harus salah satu dari ${LOG_LEVELS.join(', ')} / LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}.`);
  }
  const baseUrl = (env.BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(baseUrl)) {
    throw new ConfigError(`BASE_URL harus alamat http(s) lengkap, mis. https://ppid.kpu.go.id / BASE_URL must be a full http(s) address.`);
  }
  const trustProxyText = env.TRUST_PROXY ?? 'false';
  if (trustProxyText !== 'true' && trustProxyText !== 'false') {
    throw new ConfigError(`TRUST_PROXY harus true atau false / TRUST_PROXY must be true or false.`);
  }
  const rateText = env.RATE_LIMIT_PER_MINUTE ?? '600';
  if (!/^\d{1,9}$/.test(rateText) || Number(rateText) < 1) {
    throw new ConfigError(`RATE_LIMIT_PER_MINUTE harus bilangan bulat positif / RATE_LIMIT_PER_MINUTE must be a positive whole number.`);
  }
  const dataDir = resolve(env.DATA_DIR ?? './data');
  if (options.needDataDir !== false) ensureWritableDir(dataDir, 'DATA_DIR');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl,
    smtpUrl,
    mailFrom: env.MAIL_FROM ?? 'Lentera <no-reply@lentera.local>',
    baseUrl,
    jobs: (env.JOBS ?? 'on') !== 'off',
    logLevel,
    secureCookies: baseUrl.startsWith('https://'),
    trustProxy: trustProxyText === 'true',
    rateLimitPerMinute: Number(rateText),
  };
}

function checkDatabaseUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(`DATABASE_URL bukan URL yang sah; contoh: postgres://user:sandi@127.0.0.1:5432/lentera / DATABASE_URL is not a valid URL.`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL harus diawali postgres:// atau postgresql:// (sekarang "${parsed.protocol}") / DATABASE_URL must start with postgres://.`);
  }
}

/** mkdir -p one level at a time: Node's recursive mkdir never returns on some paths (e.g. under /proc). */
function makeDirs(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeDirs(parent);
  mkdirSync(dir);
}

export function ensureWritableDir(dir: string, name: string): void {
  try {
    makeDirs(dir);
    accessSync(dir, constants.W_OK | constants.R_OK);
  } catch {
    throw new ConfigError(`${name} "${dir}" tidak dapat dibuat atau ditulisi; pilih folder lain atau perbaiki izinnya / ${name} is not writable: choose another folder or fix its permissions.`);
  }
}
