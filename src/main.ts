import { pathToFileURL } from 'node:url';
import { registerSchedules } from './schedules.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { jobHandlers } from './kernel/outbox/handlers.ts';
import { createJobRunner, createScheduler, type JobRunner, type Scheduler } from './kernel/outbox/runner.ts';
import { buildApp, type App } from './web/app.ts';
import { cliActor } from './kernel/audit/store.ts';
import { isAppError } from './kernel/errors.ts';
import { seedDemoRequests } from './requests/seed.ts';
import { seedDemoDip } from './dip/seed.ts';
import { DEMO_PASSWORD, demoEmail, seedDemo } from './offices/seed.ts';

const STOP_GRACE_MS = 10_000;

export interface Running {
  readonly app: App;
  readonly database: Database;
  readonly url: string;
  /** Stops taking requests, lets those in flight finish, stops jobs, closes the database. */
  stop(): Promise<void>;
}

/** Start order: configuration → database (+ migrations) → web server → job runner and schedules. */
export async function start(config: Config, options: Parameters<typeof buildApp>[1] = {}): Promise<Running> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let app: App | undefined;
  let runner: JobRunner | undefined;
  let scheduler: Scheduler | undefined;
  try {
    await migrate(database);
    app = await buildApp({ config, database }, options);
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') {
        throw new ConfigError(`Port ${config.port} sudah dipakai program lain; hentikan program itu atau jalankan dengan PORT=<nomor lain> / Port ${config.port} is taken: set PORT to another number.`);
      }
      if (code === 'EACCES') throw new ConfigError(`Tidak diizinkan membuka port ${config.port}; pakai port di atas 1024 / Not allowed to open port ${config.port}: use one above 1024.`);
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new ConfigError(`HOST "${config.host}" bukan alamat mesin ini / HOST is not an address of this machine.`);
      throw error;
    }
    if (config.jobs) {
      runner = createJobRunner({ database, handlers: jobHandlers(config), log: app.log });
      runner.start();
      scheduler = createScheduler(app.log);
      registerSchedules(scheduler, database, config.baseUrl);
    }
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const served = app;
  let stopping: Promise<void> | undefined;
  return {
    app: served,
    database,
    url: `http://localhost:${port}`,
    stop() {
      stopping ??= (async () => {
        // Requests in flight get time to finish; a client that never finishes its request does not hold the stop forever.
        const force = setTimeout(() => served.server.closeAllConnections(), STOP_GRACE_MS);
        await served.close();
        clearTimeout(force);
        await scheduler?.stop();
        await runner?.stop();
        await database.close();
      })();
      return stopping;
    },
  };
}

async function main(): Promise<void> {
  let running: Running;
  try {
    running = await start(loadConfig());
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (process.argv.includes('--demo')) {
    try {
      const seeded = await seedDemo(running.database.db, cliActor('demo'), running.url);
      const requests = await seedDemoRequests(running.database.db, running.url);
      const dipPublished = await seedDemoDip(running.database.db, running.url);
      running.app.log.info({ ...seeded, requests, dipPublished, password: DEMO_PASSWORD, example: demoEmail('ppid', 'kab-bintan') }, 'demo data ready (see README for every sign-in)');
    } catch (error) {
      if (!isAppError(error)) throw error;
      running.app.log.warn(`${error.text.id} / ${error.text.en}`);
    }
  }
  running.app.log.info({ url: running.url, engine: running.database.engine }, `Lentera berjalan di / is running at ${running.url}`);
  const onSignal = (signal: NodeJS.Signals) => {
    running.app.log.info({ signal }, 'stopping: finishing requests in flight');
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        running.app.log.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
