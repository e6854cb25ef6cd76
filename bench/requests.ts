/**
 * The request write path and the tracking page, each against a baseline measured in the same run:
 *
 * 1. Submissions through submitRequest (the row, its number, deadline, audit event and outbox messages,
 *    plus the receipt job when the applicant gives an e-mail) against a single INSERT of the same
 *    requests row: same number of rows, same concurrency. Printed as req/s and the ratio.
 * 2. POST /{slug}/lacak (number + code) against a minimal Fastify route taking the same POST, with
 *    the same HTTP client, concurrency and duration. Printed as req/s, p50 and p99 and their ratios.
 *    Where the tracking page is not registered, POST /api/v1/offices/{slug}/requests/track is used.
 *
 *   npm run bench:requests                                  # a fresh database on the local PostgreSQL, dropped after
 *   DATABASE_URL=postgres://…/empty_db npm run bench:requests
 *
 * Knobs: BENCH_SUBMISSIONS (rows per variant, default 300), BENCH_SUBMIT_CONCURRENCY (default 8),
 * BENCH_SECONDS (per HTTP route, default 5), BENCH_CONCURRENCY (HTTP clients, default 16),
 * BENCH_PG_URL (server the fresh database is made on, default postgres://postgres@127.0.0.1:5432/postgres).
 * Figures only: a bench asserts no timings. Traffic goes to 127.0.0.1 only.
 */
import Fastify from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.ts';
import { requests } from '../src/db/schema.ts';
import { cliActor, type Actor } from '../src/kernel/audit/store.ts';
import { start } from '../src/main.ts';
import { seedDemo } from '../src/offices/seed.ts';
import { officeBySlug } from '../src/offices/store.ts';
import { checkIntake, type IntakeForm } from '../src/requests/rules.ts';
import { newSubmissionKey, submitRequest } from '../src/requests/service.ts';
import { benchDatabase } from './database.ts';

const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 300);
const SUBMIT_CONCURRENCY = Number(process.env.BENCH_SUBMIT_CONCURRENCY ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SLUG = 'kab-bintan';

interface Figures {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

function figures(latencies: number[], seconds: number, errors: number): Figures {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), errors };
}

/** Runs `task(0..count-1)` with `concurrency` at a time. */
async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const t0 = performance.now();
      try {
        await task(i);
      } catch (error) {
        if (errors++ === 0) console.error(error);
      }
      latencies.push(performance.now() - t0);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return figures(latencies, (performance.now() - started) / 1000, errors);
}

/** As many requests as `concurrency` clients send in SECONDS; `ok` judges each answer. */
async function measure(send: () => Promise<Response>, ok: (r: Response, body: string) => boolean): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      try {
        const response = await send();
        if (!ok(response, await response.text())) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return figures(latencies, (performance.now() - started) / 1000, errors);
}

const line = (name: string, f: Figures, extra = '') =>
  `${name.padEnd(58)} ${f.rps.toFixed(0).padStart(7)} req/s  p50 ${f.p50.toFixed(1).padStart(6)} ms  p99 ${f.p99.toFixed(1).padStart(6)} ms${extra}${f.errors ? `  errors ${f.errors}` : ''}`;

// ---------------------------------------------------------------------------------------------------
// The database: the one given, or a fresh one made for this run and dropped after it

const database = await benchDatabase('lentera_bench');
const freshDb = database.fresh;
const databaseUrl = database.url;

const dataDir = mkdtempSync(join(tmpdir(), 'lentera-bench-'));
// The per-client rate limit would answer 429 to a benchmark from one address: lift it for the run.
const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', JOBS: 'off', RATE_LIMIT_PER_MINUTE: '100000000' });
const running = await start(config, { logger: false });
const baseline = Fastify();
try {
  await seedDemo(running.database.db, cliActor('bench'), running.url).catch(() => undefined);
  const db = running.database.db;
  const office = await officeBySlug(db, SLUG);
  if (!office) throw new Error(`office ${SLUG} not found: give an empty database (the demo data is loaded into it)`);
  console.log(
    `engine: ${running.database.engine}${freshDb ? ` (fresh database ${freshDb}, dropped after)` : ''}; node ${process.version}; office ${SLUG}`,
  );

  // ---- 1. submissions --------------------------------------------------------------------------
  const anonymous: Actor = { staffId: null, label: 'anonymous', ip: '127.0.0.1', requestId: 'bench' };
  const ctx = { baseUrl: running.url };
  const form = (i: number, email: boolean): IntakeForm => ({
    channel: 'online',
    applicantType: 'individual',
    name: `Pemohon Uji ${i}`,
    nik: '2102014101900001',
    legalNumber: '',
    address: 'Jl. Uji Beban 1, Bintan',
    phone: '081234567890',
    email: email ? `pemohon${i}@example.id` : '',
    occupation: 'Peneliti',
    proxyName: '',
    information: 'Salinan keputusan penetapan daftar pemilih tetap Pemilu 2024 per kecamatan',
    purpose: 'Penelitian',
    obtainMethod: 'copy',
    deliveryMethod: email ? 'email' : 'collect',
    consent: 'yes',
  });
  const tracked: { number: string; code: string }[] = [];
  const submit = (email: boolean) => async (i: number) => {
    const { request, code } = await submitRequest(db, anonymous, { officeId: office.id, form: form(i, email), submissionKey: newSubmissionKey(), files: [] }, ctx);
    if (tracked.length < 200) tracked.push({ number: request.number, code });
  };
  const checked = checkIntake(form(0, true), {});
  if (!checked.ok) throw new Error('bench form does not pass intake');
  const rawInsert = async (i: number) => {
    await db.insert(requests).values({
      officeId: office.id,
      number: `BENCH-RAW-${i}-${newSubmissionKey()}`,
      submissionKey: newSubmissionKey(),
      ...checked.values,
      name: `Pemohon Uji ${i}`,
      status: 'received',
      profile: 'normal',
      receivedAt: new Date(),
      intakeSeconds: null,
      createdBy: null,
    });
  };
  // Warm-up: JIT, the PDF fonts, the pool's connections.
  await pool(20, SUBMIT_CONCURRENCY, submit(true));
  await pool(20, SUBMIT_CONCURRENCY, rawInsert);

  console.log(`\nsubmissions: ${SUBMISSIONS} rows per variant, ${SUBMIT_CONCURRENCY} concurrent`);
  const raw = await pool(SUBMISSIONS, SUBMIT_CONCURRENCY, (i) => rawInsert(i + 1000));
  const withMail = await pool(SUBMISSIONS, SUBMIT_CONCURRENCY, submit(true));
  const withoutMail = await pool(SUBMISSIONS, SUBMIT_CONCURRENCY, submit(false));
  console.log(line('raw INSERT of the same requests row (baseline)', raw));
  console.log(line('submitRequest, applicant e-mail (+ receipt job queued)', withMail, `  ratio ${(withMail.rps / raw.rps).toFixed(3)}`));
  console.log(line('submitRequest, phone only (staff notice mail)', withoutMail, `  ratio ${(withoutMail.rps / raw.rps).toFixed(3)}`));

  // ---- 2. tracking -----------------------------------------------------------------------------
  // The page when it is registered (its form carries a CSRF token); the API endpoint otherwise.
  const page = await fetch(`${running.url}/${SLUG}/lacak`);
  const pageHtml = await page.text();
  const pageToken = page.ok ? /name="_csrf" value="([^"]+)"/.exec(pageHtml)?.[1] : undefined;
  const cookie = (r: Response) => r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  let target: string;
  let trackingName: string;
  let sendTrack: (i: number) => Promise<Response>;
  if (pageToken) {
    const headers = { cookie: cookie(page), 'content-type': 'application/x-www-form-urlencoded' };
    target = `${running.url}/${SLUG}/lacak`;
    trackingName = `POST /${SLUG}/lacak (tracking page)`;
    sendTrack = (i) => {
      const { number, code } = tracked[i % tracked.length]!;
      return fetch(target, { method: 'POST', headers, body: new URLSearchParams({ _csrf: pageToken, number, code }) });
    };
  } else {
    const tokenResponse = await fetch(`${running.url}/api/v1/csrf-token`);
    const { token } = (await tokenResponse.json()) as { token: string };
    const headers = { cookie: cookie(tokenResponse), 'content-type': 'application/json', 'x-csrf-token': token };
    target = `${running.url}/api/v1/offices/${SLUG}/requests/track`;
    trackingName = `POST /api/v1/offices/${SLUG}/requests/track (page not registered)`;
    sendTrack = (i) => {
      const { number, code } = tracked[i % tracked.length]!;
      return fetch(target, { method: 'POST', headers, body: JSON.stringify({ number, code }) });
    };
  }

  // The same POST to a route that does nothing: the baseline takes the body and answers "ok".
  baseline.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  baseline.post('/', async () => 'ok');
  await baseline.listen({ port: 0, host: '127.0.0.1' });
  const baselineUrl = `http://127.0.0.1:${(baseline.server.address() as { port: number }).port}/`;

  let counter = 0;
  const trackOk = (r: Response, body: string) => r.status === 200 && body.includes('/REG-PPID/');
  const first = await sendTrack(0);
  const firstBody = await first.text();
  if (first.status !== 200 || !firstBody.includes(tracked[0]!.number)) throw new Error(`tracking answered ${first.status}; expected the request ${tracked[0]!.number}`);
  const sendBaseline = () => {
    const { number, code } = tracked[counter++ % tracked.length]!;
    return fetch(baselineUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: 'x'.repeat(52), number, code }) });
  };
  for (let i = 0; i < 50; i++) {
    await (await sendBaseline()).arrayBuffer();
    await (await sendTrack(i)).arrayBuffer();
  }

  console.log(`\ntracking: ${SECONDS}s per route, ${CONCURRENCY} concurrent clients, ${tracked.length} different requests`);
  const base = await measure(sendBaseline, (r) => r.ok);
  const track = await measure(() => sendTrack(counter++), trackOk);
  console.log(line('minimal Fastify POST route (baseline)', base));
  console.log(line(trackingName, track));
  console.log(
    `ratios to the baseline: throughput ${(track.rps / base.rps).toFixed(3)}, p50 latency ${(track.p50 / base.p50).toFixed(1)}x, p99 latency ${(track.p99 / base.p99).toFixed(1)}x`,
  );
} finally {
  await baseline.close();
  await running.stop();
  rmSync(dataDir, { recursive: true, force: true });
  await database.drop();
}
