import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { queryRows } from '../db/client.ts';
import { dipEditionEntries, dipEditions, offices } from '../db/schema.ts';
import { searchTerms, type Snapshot } from './rules.ts';

/**
 * What the public may read of the DIP: only entries of editions the Secretary ordered uploaded, and of
 * each office only its latest such edition. Every portal read goes through here, so nothing
 * unpublished is reachable, whatever URL is tried.
 */

/** The published edition of each office given, as one SQL condition on dip_edition_entries. */
const latestOrdered = (officeIds: readonly number[], editionColumn: SQL = sql`${dipEditionEntries.editionId}`) => sql`${editionColumn} IN (
  SELECT DISTINCT ON (e.office_id) e.id FROM dip_editions e
  WHERE e.status = 'ordered' AND e.office_id IN (${sql.join(officeIds.map((id) => sql`${id}`), sql`, `)})
  ORDER BY e.office_id, e.number DESC)`;

export interface PublicEntry {
  readonly officeId: number;
  readonly editionId: number;
  readonly itemId: number;
  readonly position: number;
  readonly snapshot: Snapshot;
}

export async function publishedEntries(exec: Executor, officeId: number, filter: { category?: string; unit?: string } = {}): Promise<PublicEntry[]> {
  const rows = await exec
    .select({ officeId: dipEditionEntries.officeId, editionId: dipEditionEntries.editionId, itemId: dipEditionEntries.itemId, position: dipEditionEntries.position, snapshot: dipEditionEntries.snapshot })
    .from(dipEditionEntries)
    .where(
      and(
        eq(dipEditionEntries.officeId, officeId),
        latestOrdered([officeId]),
        filter.category ? sql`${dipEditionEntries.snapshot}->>'category' = ${filter.category}` : undefined,
        filter.unit ? sql`${dipEditionEntries.snapshot}->>'unit' = ${filter.unit}` : undefined,
      ),
    )
    .orderBy(asc(dipEditionEntries.position));
  return rows.map((r) => ({ ...r, snapshot: r.snapshot as Snapshot }));
}

/** One published entry, or undefined when it is not in the office's published edition. */
export async function publishedEntry(exec: Executor, officeId: number, itemId: number): Promise<PublicEntry | undefined> {
  const [row] = await exec
    .select({ officeId: dipEditionEntries.officeId, editionId: dipEditionEntries.editionId, itemId: dipEditionEntries.itemId, position: dipEditionEntries.position, snapshot: dipEditionEntries.snapshot })
    .from(dipEditionEntries)
    .where(and(eq(dipEditionEntries.officeId, officeId), eq(dipEditionEntries.itemId, itemId), latestOrdered([officeId])));
  return row ? { ...row, snapshot: row.snapshot as Snapshot } : undefined;
}

/** Published editions of an office, newest first: the edition history the portal shows. */
export function publishedEditions(exec: Executor, officeId: number) {
  return exec
    .select({ id: dipEditions.id, number: dipEditions.number, skNumber: dipEditions.skNumber, skDate: dipEditions.skDate, orderedAt: dipEditions.orderedAt })
    .from(dipEditions)
    .where(and(eq(dipEditions.officeId, officeId), eq(dipEditions.status, 'ordered')))
    .orderBy(sql`${dipEditions.number} DESC`);
}

export interface SearchHit {
  readonly officeId: number;
  readonly officeName: string;
  readonly officeSlug: string;
  readonly itemId: number;
  readonly snapshot: Snapshot;
  /** Title and summary with matches between MARK_START and MARK_END; escape, then replace the marks. */
  readonly titleMarked: string;
  readonly summaryMarked: string;
  readonly rank: number;
}

/** Control characters no title contains: a page escapes the text, then turns these into <mark>. */
export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

/**
 * Indonesian full-text search over the published DIP of the offices given (an office and, for a higher
 * office, the offices below it). Stemming finds derived forms (pemilih, pemilihan, memilih → pilih);
 * when the words match nothing exactly, trigram similarity on the title forgives typos.
 */
export async function searchPublished(exec: Executor, officeIds: readonly number[], raw: string, limit = 50): Promise<SearchHit[]> {
  const terms = searchTerms(raw);
  if (!terms || officeIds.length === 0) return [];
  const query = sql`websearch_to_tsquery('indonesian', ${terms})`;
  const marks = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
  const exact = await queryRows<RawHit>(
    exec,
    sql`SELECT de.office_id AS "officeId", o.name AS "officeName", o.slug AS "officeSlug", de.item_id AS "itemId", de.snapshot,
          ts_headline('indonesian', de.snapshot->>'title', ${query}, ${marks}) AS "titleMarked",
          ts_headline('indonesian', de.snapshot->>'summary', ${query}, ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=40, MinWords=15`}) AS "summaryMarked",
          ts_rank(de.search, ${query}) AS rank
        FROM dip_edition_entries de JOIN offices o ON o.id = de.office_id
        WHERE ${latestOrdered(officeIds, sql`de.edition_id`)} AND de.search @@ ${query}
        ORDER BY rank DESC, de.office_id, de.position
        LIMIT ${limit}`,
  );
  if (exact.length > 0) return exact.map(hit);
  // No word matched: the visitor may have mistyped. Compare each title with the words as typed.
  const fuzzy = await queryRows<RawHit>(
    exec,
    sql`SELECT de.office_id AS "officeId", o.name AS "officeName", o.slug AS "officeSlug", de.item_id AS "itemId", de.snapshot,
          de.snapshot->>'title' AS "titleMarked", left(de.snapshot->>'summary', 300) AS "summaryMarked",
          word_similarity(${terms}, de.snapshot->>'title') AS rank
        FROM dip_edition_entries de JOIN offices o ON o.id = de.office_id
        WHERE ${latestOrdered(officeIds, sql`de.edition_id`)} AND ${terms} <% (de.snapshot->>'title')
        ORDER BY rank DESC, de.office_id, de.position
        LIMIT ${limit}`,
  );
  return fuzzy.map(hit);
}

interface RawHit {
  officeId: number;
  officeName: string;
  officeSlug: string;
  itemId: number;
  snapshot: Snapshot;
  titleMarked: string;
  summaryMarked: string;
  rank: number | string;
}

function hit(r: RawHit): SearchHit {
  return { ...r, officeId: Number(r.officeId), itemId: Number(r.itemId), rank: Number(r.rank) };
}

/** An office and every office below it: whose DIP a higher office's portal searches. */
export async function officeAndDescendants(exec: Executor, officeId: number): Promise<number[]> {
  const all = await exec.select({ id: offices.id, parentId: offices.parentId }).from(offices);
  const out = [officeId];
  for (let i = 0; i < out.length; i++) for (const o of all) if (o.parentId === out[i]) out.push(o.id);
  return out;
}

