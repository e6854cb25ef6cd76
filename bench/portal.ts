/**
 * Portal and API read path against a minimal Fastify route measured in the same run, on the same machine.
 * Prints requests per second, p50 and p99 latency, and each route's throughput as a ratio to the baseline.
 *
 *   npm run bench:portal                    # embedded database in a temp folder
 *   DATABASE_URL=postgres://… npm run bench:portal
 *
 * Traffic goes to 127.0.0.1 only; each measurement is bounded by BENCH_SECONDS (default 5).
 */
import Fastify from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.ts';
import { cliActor } from '../src/kernel/audit/store.ts';
import { start } from '../src/main.ts';
import { seedDemo } from '../src/offices/seed.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

interface Figures {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

async function measure(url: string): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      try {
        const response = await fetch(url);
        await response.arrayBuffer();
        if (!response.ok) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { rps: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), errors };
}

const dataDir = mkdtempSync(join(tmpdir(), 'lentera-bench-'));
// The per-client rate limit would answer 429 to a benchmark from one address: lift it for the run.
const config = loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', JOBS: 'off', RATE_LIMIT_PER_MINUTE: '1000000' });
const running = await start(config, { logger: false });
await seedDemo(running.database.db, cliActor('bench'), running.url).catch(() => undefined);

const baseline = Fastify();
baseline.get('/', async () => 'ok');
await baseline.listen({ port: 0, host: '127.0.0.1' });
const baselineUrl = `http://127.0.0.1:${(baseline.server.address() as { port: number }).port}/`;

const targets: [string, string][] = [
  ['minimal Fastify route (baseline)', baselineUrl],
  ['GET /healthz', `${running.url}/healthz`],
  ['GET / (national portal)', `${running.url}/`],
  ['GET /kab-bintan (office portal)', `${running.url}/kab-bintan`],
  ['GET /api/v1/offices', `${running.url}/api/v1/offices`],
  ['GET /api/v1/deadline', `${running.url}/api/v1/deadline?office=kab-bintan&received=2026-03-17T09:30:00%2B07:00`],
];

console.log(`engine: ${running.database.engine}; ${SECONDS}s per route, ${CONCURRENCY} concurrent clients, node ${process.version}`);
let base: Figures | undefined;
for (const [name, url] of targets) {
  for (let i = 0; i < 50; i++) await (await fetch(url)).arrayBuffer(); // warm-up: JIT and caches
  const figures = await measure(url);
  base ??= figures;
  console.log(
    `${name.padEnd(36)} ${figures.rps.toFixed(0).padStart(7)} req/s  p50 ${figures.p50.toFixed(1).padStart(6)} ms  p99 ${figures.p99.toFixed(1).padStart(6)} ms  ratio ${(figures.rps / base.rps).toFixed(3)}${figures.errors ? `  errors ${figures.errors}` : ''}`,
  );
}

await baseline.close();
await running.stop();
rmSync(dataDir, { recursive: true, force: true });
