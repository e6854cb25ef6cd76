import { Cron } from 'croner';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../../db/client.ts';
import { claimDue, markDone, markFailed, type ClaimedMessage } from './store.ts';

/** The logging the job machinery needs; Fastify's (pino) logger fits it as it is. */
export interface JobLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface JobContext {
  readonly id: number;
  readonly kind: string;
  readonly officeId: number | null;
  /** Failed attempts before this one. */
  readonly attempts: number;
  /** For handlers that read or write rows: they open their own short transactions. */
  readonly database: Database;
  readonly log: JobLog;
}

/**
 * Does the work of one outbox message. It runs outside any transaction and must finish well within the
 * lease (default 5 minutes), or another worker takes the message over and runs it a second time.
 */
export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;

export type JobHandlers = Readonly<Record<string, JobHandler>>;

export interface JobRunnerOptions {
  readonly database: Database;
  readonly handlers: JobHandlers;
  /** Pause between polls when nothing was due. */
  readonly pollMs?: number;
  /** Messages claimed, and run concurrently, per poll. */
  readonly batchSize?: number;
  readonly leaseMs?: number;
  readonly log: JobLog;
}

export interface RunResult {
  readonly done: number;
  readonly failed: number;
}

export interface JobRunner {
  /** Polls the outbox until stop(). */
  start(): void;
  /** Stops polling and resolves once every handler already started has finished and been recorded. */
  stop(): Promise<void>;
  /** Claims and runs one batch of due messages. `now` stands in for the clock (tests, replays). */
  runOnce(options?: { now?: Date }): Promise<RunResult>;
}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { database, handlers, log } = options;
  const pollMs = options.pollMs ?? 1000;
  const batchSize = options.batchSize ?? 10;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const inFlight = new Set<Promise<unknown>>();
  let loop: Promise<void> | undefined;
  let stopping: AbortController | undefined;

  function track<T>(work: Promise<T>): Promise<T> {
    inFlight.add(work);
    const forget = () => inFlight.delete(work);
    work.then(forget, forget);
    return work;
  }

  async function runMessage(msg: ClaimedMessage, clock: () => Date): Promise<'done' | 'failed'> {
    const fields = { jobId: msg.id, kind: msg.kind, attempts: msg.attempts };
    const handler = Object.hasOwn(handlers, msg.kind) ? handlers[msg.kind] : undefined;
    try {
      if (!handler) {
        // Kept, not dropped: a newer release running beside this one (or after it) may know the kind.
        throw new Error(`No handler for job kind "${msg.kind}" in this process; it stays queued and is retried later.`);
      }
      await handler(msg.payload, { id: msg.id, kind: msg.kind, officeId: msg.officeId, attempts: msg.attempts, database, log });
    } catch (error) {
      const reason = describeError(error);
      const kept = await markFailed(database.db, msg, reason, clock());
      log.warn({ ...fields, error: reason, leaseLost: !kept }, 'Job failed; it will be retried');
      return 'failed';
    }
    if (!(await markDone(database.db, msg, clock()))) {
      log.warn(fields, 'Job finished after its lease ran out; another worker may have run it as well');
    } else {
      log.info(fields, 'Job done');
    }
    return 'done';
  }

  async function runBatch(now: Date | undefined): Promise<RunResult> {
    const clock = now ? () => now : () => new Date();
    const claimed = await claimDue(database.db, { now: clock(), limit: batchSize, leaseMs });
    // allSettled: even when recording one outcome fails, wait for every handler before answering.
    const outcomes = await Promise.allSettled(claimed.map((msg) => runMessage(msg, clock)));
    const rejected = outcomes.find((o) => o.status === 'rejected');
    if (rejected) throw rejected.reason;
    const done = outcomes.filter((o) => o.status === 'fulfilled' && o.value === 'done').length;
    return { done, failed: outcomes.length - done };
  }

  async function poll(controller: AbortController): Promise<void> {
    while (!controller.signal.aborted) {
      let busy = false;
      try {
        const result = await runOnce();
        // A full batch means more is probably due: go again without waiting.
        busy = result.done + result.failed >= batchSize;
      } catch (error) {
        log.error({ error: describeError(error) }, 'Outbox poll failed; trying again after the poll interval');
      }
      if (!busy) await sleep(pollMs, undefined, { signal: controller.signal }).catch(() => undefined);
    }
  }

  function runOnce(runOptions: { now?: Date } = {}): Promise<RunResult> {
    return track(runBatch(runOptions.now));
  }

  return {
    runOnce,
    start() {
      if (loop) return;
      stopping = new AbortController();
      loop = poll(stopping);
    },
    async stop() {
      stopping?.abort();
      await loop;
      loop = undefined;
      await Promise.allSettled([...inFlight]);
    },
  };
}

/** One line for last_error and the log: the message plus what an SMTP server answered, if anything. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const response = (error as { response?: unknown }).response;
  const text = `${error.name}: ${error.message}`;
  return typeof response === 'string' && !error.message.includes(response) ? `${text} (${response})` : text;
}

export interface Scheduler {
  /**
   * Runs `fn` on a cron pattern (seconds optional: "0 3 * * *" is 03:00 daily). A run still going when
   * the next is due makes that next one skip instead of overlapping. Every app process runs its own
   * scheduler, so `fn` must be safe to run from several processes (or just enqueue with a dedupe key
   * naming the period, which the outbox then runs once).
   */
  every(name: string, pattern: string, fn: () => Promise<void>): void;
  /** Cancels future runs and waits for the ones under way. */
  stop(): Promise<void>;
}

export function createScheduler(log: JobLog): Scheduler {
  const jobs = new Map<string, Cron>();
  const running = new Set<Promise<void>>();
  return {
    every(name, pattern, fn) {
      if (jobs.has(name)) throw new Error(`Scheduled job "${name}" is already registered.`);
      const run = async () => {
        const work = Promise.resolve().then(fn);
        running.add(work);
        try {
          await work;
        } catch (error) {
          log.error({ job: name, error: describeError(error) }, 'Scheduled job failed');
        } finally {
          running.delete(work);
        }
      };
      // Not croner's `name`: that registry is process-wide and would refuse a second scheduler's job.
      jobs.set(name, new Cron(pattern, { protect: true }, run));
    },
    async stop() {
      for (const job of jobs.values()) job.stop();
      jobs.clear();
      await Promise.allSettled([...running]);
    },
  };
}
