import { createHash } from 'node:crypto';

/** The genesis "previous hash" of every chain. */
export const GENESIS = '0'.repeat(64);

export interface ChainedFields {
  readonly chain: number;
  readonly seq: number;
  readonly at: string;
  readonly officeId: number | null;
  readonly actorId: number | null;
  readonly actorLabel: string;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly ip: string;
  readonly requestId: string;
  readonly prevHash: string;
}

/** JSON with object keys sorted at every depth, so jsonb's own key order never changes a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Plain JSON data: Dates become ISO strings, undefined disappears — exactly what jsonb will give back. */
export function toJsonData(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

export function eventHash(fields: ChainedFields): string {
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}
