import { defineCommand } from '../../cli/command.ts';
import { jobHandlers } from './handlers.ts';
import { registerSchedules } from '../../schedules.ts';
import { createJobRunner, createScheduler, type JobLog, type JobRunner } from './runner.ts';

export const workerCommand = defineCommand({
  name: 'worker',
  summary: 'Jalankan pekerjaan latar (surel dll.) tanpa server web / run background jobs (mail etc.) without the web server',
  help: [
    'npm run cli -- worker [--once]',
    '',
    'Sends queued mail, runs the other queued jobs and the periodic tasks until stopped with Ctrl+C (SIGINT) or SIGTERM;',
    'jobs already started are finished and recorded before it exits.',
    'Start as many workers as you like on a PostgreSQL server (DATABASE_URL): each job runs once.',
    'With the embedded database only one process can open DATA_DIR, and the web server runs the jobs',
    'itself unless JOBS=off.',
    '',
    '  --once   run what is due now, then exit (for cron or a quick check); the exit code is 1 when a job',
    '           failed (it stays queued and is retried later)',
  ].join('\n'),
  options: { once: { type: 'boolean' } },
  needsDatabase: true,
  async run(values, _positionals, { config, database, out }) {
    const runner = createJobRunner({ database, handlers: jobHandlers(config), log: lineLog(out) });
    if (values.once) {
      const { done, failed } = await drain(runner);
      out(`Selesai / done: ${done}, gagal dan dijadwalkan ulang / failed and rescheduled: ${failed}`);
      return failed > 0 ? 1 : 0;
    }
    runner.start();
    const scheduler = createScheduler(lineLog(out));
    registerSchedules(scheduler, database, config.baseUrl);
    out('Pekerja berjalan; hentikan dengan Ctrl+C / worker running; stop with Ctrl+C.');
    const signal = await nextStopSignal();
    out(`${signal}: menyelesaikan pekerjaan yang sedang berjalan / finishing jobs under way…`);
    await scheduler.stop();
    await runner.stop();
    out('Pekerja berhenti / worker stopped.');
    return 0;
  },
});

/** Batches until nothing is due; a failed job is rescheduled for later, so this always ends. */
async function drain(runner: JobRunner): Promise<{ done: number; failed: number }> {
  let done = 0;
  let failed = 0;
  for (;;) {
    const batch = await runner.runOnce();
    if (batch.done + batch.failed === 0) return { done, failed };
    done += batch.done;
    failed += batch.failed;
  }
}

function nextStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** The CLI has no pino: one readable line per event, fields as JSON. */
function lineLog(out: (line: string) => void): JobLog {
  const line = (level: string) => (fields: object, message: string) =>
    out(`${new Date().toISOString()} ${level} ${message} ${JSON.stringify(fields)}`);
  return { info: line('info'), warn: line('warn'), error: line('error') };
}
