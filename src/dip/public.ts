import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { queryRows } from '../db/client.ts';
import { dipEditionEntries, dipEditions, dipItemFiles, offices } from '../db/schema.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
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

/**
 * A file of a published entry, with its bytes: only a file the published snapshot lists, and only
 * while its content is still the one the edition established (same SHA-256).
 */
export async function publishedFile(exec: Executor, officeId: number, itemId: number, fileId: number): Promise<{ name: string; mediaType: string; content: Buffer } | undefined> {
  const entry = await publishedEntry(exec, officeId, itemId);
  const listed = entry?.snapshot.files.find((f) => f.id === fileId);
  if (!listed) return undefined;
  const [row] = await exec
    .select({ mediaType: dipItemFiles.mediaType, content: dipItemFiles.content, sha256: dipItemFiles.sha256 })
    .from(dipItemFiles)
    .where(and(eq(dipItemFiles.id, fileId), eq(dipItemFiles.itemId, itemId), eq(dipItemFiles.officeId, officeId)));
  return row && row.sha256 === listed.sha256 ? { name: listed.name, mediaType: row.mediaType, content: row.content } : undefined;
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
const SEARCH_TIMEOUT_MS = 5000;

const tooBroad = () =>
  new AppError(
    422,
    'search_too_broad',
    text(
      'Pencarian ini terlalu luas untuk dijawab cepat. Tambahkan kata yang lebih khusus, atau cari di portal kantor provinsi atau kabupaten/kota.',
      'This search is too broad to answer quickly. Add more specific words, or search on a province or regency portal.',
    ),
  );

export async function searchPublished(exec: Executor, officeIds: readonly number[], raw: string, limit = 50): Promise<SearchHit[]> {
  try {
    return await searchWithin(exec, officeIds, raw, limit);
  } catch (error) {
    // 57014: canceled by statement_timeout.
    const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (code === '57014') throw tooBroad();
    throw error;
  }
}

async function searchWithin(exec: Executor, officeIds: readonly number[], raw: string, limit: number): Promise<SearchHit[]> {
  const terms = searchTerms(raw);
  if (!terms || officeIds.length === 0) return [];
  const query = sql`websearch_to_tsquery('indonesian', ${terms})`;
  const marks = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
  // Implied by latestOrdered, but the planner cannot see through that subquery: without it a province's
  // search fetches every match in the country and keeps its own (ten times slower than with it).
  const inScope = sql`de.office_id IN (${sql.join(officeIds.map((id) => sql`${id}`), sql`, `)})`;
  return exec.transaction(async (tx) => {
    // For this transaction only: over the whole country PostgreSQL would spend seconds compiling these
    // queries (JIT) to save far less, and the typo search's bitmap of candidate titles would outgrow the
    // default 4 MB and turn lossy, rechecking every title of whole pages (bench/dip-search.ts). A public
    // search never holds a pooled connection for long: a national search for a word most titles hold
    // is stopped and the visitor asked to narrow it.
    await tx.execute(sql`SELECT set_config('jit', 'off', true), set_config('work_mem', '32MB', true), set_config('statement_timeout', ${`${SEARCH_TIMEOUT_MS}`}, true)`);
    const exact = await queryRows<RawHit>(
      tx,
      sql`SELECT de.office_id AS "officeId", o.name AS "officeName", o.slug AS "officeSlug", de.item_id AS "itemId", de.snapshot,
            ts_headline('indonesian', de.snapshot->>'title', ${query}, ${marks}) AS "titleMarked",
            ts_headline('indonesian', de.snapshot->>'summary', ${query}, ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=40, MinWords=15`}) AS "summaryMarked",
            ts_rank(de.search, ${query}) AS rank
          FROM dip_edition_entries de JOIN offices o ON o.id = de.office_id
          WHERE ${inScope} AND ${latestOrdered(officeIds, sql`de.edition_id`)} AND de.search @@ ${query}
          ORDER BY rank DESC, de.office_id, de.position
          LIMIT ${limit}`,
    );
    if (exact.length > 0) return exact.map(hit);
    // No word matched: the visitor may have mistyped. A title matches when it resembles the words as
    // typed, or when each word resembles one of its words ("logistk pemilu" in "Logistik … Pemilu").
    // Only the first FUZZY_CANDIDATES matches are ranked: a typo of a word most titles hold ("pemilh")
    // would otherwise compare every title in the country.
    const words = terms.split(' ').filter((w) => !w.startsWith('-')).map((w) => w.replaceAll('"', '')).filter(Boolean);
    const title = sql`(de.snapshot->>'title')`;
    const eachWord = words.length > 1 ? sql` OR (${sql.join(words.map((w) => sql`${w} <% ${title}`), sql` AND `)})` : sql``;
    const fuzzy = await queryRows<RawHit>(
      tx,
      sql`WITH candidates AS (
            SELECT de.office_id, de.item_id, de.position, de.snapshot FROM dip_edition_entries de
            WHERE ${inScope} AND ${latestOrdered(officeIds, sql`de.edition_id`)} AND (${terms} <% ${title}${eachWord})
            LIMIT ${FUZZY_CANDIDATES})
          SELECT c.office_id AS "officeId", o.name AS "officeName", o.slug AS "officeSlug", c.item_id AS "itemId", c.snapshot,
            c.snapshot->>'title' AS "titleMarked", left(c.snapshot->>'summary', 300) AS "summaryMarked",
            word_similarity(${terms}, c.snapshot->>'title') AS rank
          FROM candidates c JOIN offices o ON o.id = c.office_id
          ORDER BY rank DESC, c.office_id, c.position
          LIMIT ${limit}`,
    );
    return fuzzy.map(hit);
  });
}

/** Entries a typo search ranks at most (see searchPublished). */
const FUZZY_CANDIDATES = 1000;

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

