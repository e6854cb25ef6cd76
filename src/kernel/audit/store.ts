import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { auditEvents, auditHeads } from '../../db/schema.ts';
import { eventHash, GENESIS, toJsonData } from './chain.ts';

/** Who did it and from where; every service takes this from the request (or the CLI). */
export interface Actor {
  readonly staffId: number | null;
  readonly label: string;
  readonly ip: string;
  readonly requestId: string;
}

export const SYSTEM_ACTOR: Actor = { staffId: null, label: 'system', ip: '', requestId: '' };

export function cliActor(command: string): Actor {
  return { staffId: null, label: `cli:${command}`, ip: '', requestId: '' };
}

export interface EventInput {
  readonly officeId: number | null;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string | number;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Chain key: one chain per office, chain 0 for installation-wide events. */
export function chainOf(officeId: number | null): number {
  return officeId ?? 0;
}

/**
 * Appends an event to its office's chain. Call it inside the transaction of the change it records:
 * the transaction-scoped advisory lock orders concurrent writers of one chain.
 */
export async function recordEvent(tx: Executor, actor: Actor, event: EventInput): Promise<void> {
  const chain = chainOf(event.officeId);
  await tx.execute(sql`SELECT pg_advisory_xact_lock(7242014, ${chain})`);
  const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.chain, chain));
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS;
  const at = new Date().toISOString();
  const fields = {
    chain,
    seq,
    at,
    officeId: event.officeId,
    actorId: actor.staffId,
    actorLabel: actor.label,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: String(event.subjectId),
    before: toJsonData(event.before),
    after: toJsonData(event.after),
    ip: actor.ip,
    requestId: actor.requestId,
    prevHash,
  };
  const hash = eventHash(fields);
  await tx.insert(auditEvents).values({ ...fields, at: new Date(at), hash });
  await tx
    .insert(auditHeads)
    .values({ chain, seq, hash })
    .onConflictDoUpdate({ target: auditHeads.chain, set: { seq, hash } });
}

export interface ChainProblem {
  readonly chain: number;
  readonly seq: number;
  readonly problem: 'edited' | 'missing' | 'broken_link' | 'head_mismatch';
}

export interface VerifyResult {
  readonly events: number;
  readonly chains: number;
  readonly problems: ChainProblem[];
}

/** Recomputes every chain from the first event; finds edited rows, deleted rows and a cut-off tail. */
export async function verifyAuditLog(db: Executor, pageSize = 5000): Promise<VerifyResult> {
  const heads = new Map((await db.select().from(auditHeads)).map((h) => [h.chain, h]));
  const chains = (await db.selectDistinct({ chain: auditEvents.chain }).from(auditEvents)).map((r) => r.chain);
  for (const chain of heads.keys()) if (!chains.includes(chain)) chains.push(chain);
  const problems: ChainProblem[] = [];
  let events = 0;
  for (const chain of chains.sort((a, b) => a - b)) {
    let expectedSeq = 1;
    let prevHash = GENESIS;
    let lastSeq = 0;
    let lastHash = GENESIS;
    for (let fromSeq = 0; ; ) {
      const rows = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.chain, chain), sql`${auditEvents.seq} > ${fromSeq}`))
        .orderBy(asc(auditEvents.seq))
        .limit(pageSize);
      if (rows.length === 0) break;
      for (const row of rows) {
        events++;
        if (row.seq !== expectedSeq) problems.push({ chain, seq: expectedSeq, problem: 'missing' });
        if (row.prevHash !== prevHash && row.seq === expectedSeq) problems.push({ chain, seq: row.seq, problem: 'broken_link' });
        const recomputed = eventHash({
          chain: row.chain,
          seq: row.seq,
          at: row.at.toISOString(),
          officeId: row.officeId,
          actorId: row.actorId,
          actorLabel: row.actorLabel,
          action: row.action,
          subjectType: row.subjectType,
          subjectId: row.subjectId,
          before: row.before,
          after: row.after,
          ip: row.ip,
          requestId: row.requestId,
          prevHash: row.prevHash,
        });
        if (recomputed !== row.hash) problems.push({ chain, seq: row.seq, problem: 'edited' });
        expectedSeq = row.seq + 1;
        prevHash = row.hash;
        lastSeq = row.seq;
        lastHash = row.hash;
      }
      fromSeq = lastSeq;
    }
    const head = heads.get(chain);
    if (!head || head.seq !== lastSeq || head.hash !== lastHash) problems.push({ chain, seq: head?.seq ?? lastSeq, problem: 'head_mismatch' });
  }
  return { events, chains: chains.length, problems };
}
