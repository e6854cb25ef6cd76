import type { Executor } from '../db/client.ts';
import { notFound } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { officeBySlug, type OfficeRow } from '../offices/store.ts';
import { PUBLIC } from '../web/access.ts';
import type { App, AppDeps } from '../web/app.ts';
import { MARK_END, MARK_START, searchPublished } from './public.ts';
import { searchTerms } from './rules.ts';

/**
 * Suggestions for the request form (issue 4, item 9): while an applicant describes what they want,
 * src/web/static/dip-suggest.js asks here for published DIP entries of that office that match, since
 * the information may already be public. Reads only through public.ts, so only ordered editions.
 */

export interface Suggestion {
  readonly title: string;
  readonly url: string;
  readonly summary: string;
}

/** Fewer letters than this match too much to help. */
export const MIN_LETTERS = 3;
export const MAX_SUGGESTIONS = 5;

const MARKS = new RegExp(`[${MARK_START}${MARK_END}]`, 'g');

export async function dipSuggestions(exec: Executor, office: Pick<OfficeRow, 'id' | 'slug'>, raw: string): Promise<Suggestion[]> {
  const letters = searchTerms(raw).replace(/[^\p{L}\p{N}]/gu, '');
  if (letters.length < MIN_LETTERS) return [];
  const hits = await searchPublished(exec, [office.id], raw, MAX_SUGGESTIONS);
  return hits.map((h) => ({ title: h.titleMarked.replace(MARKS, ''), url: `/${office.slug}/dip/${h.itemId}`, summary: h.summaryMarked.replace(MARKS, '') }));
}

export async function dipSuggestRoutes(app: App, { database }: AppDeps): Promise<void> {
  const db = database.db;
  app.get<{ Params: { slug: string }; Querystring: Record<string, unknown> }>('/:slug/dip/saran', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const office = await officeBySlug(db, request.params.slug);
    if (!office) throw notFound(text('Kantor tidak ditemukan.', 'Office not found.'));
    const q = typeof request.query.q === 'string' ? request.query.q : '';
    // Published editions change only on the Secretary's order; a minute of caching spares the search.
    return reply.header('cache-control', 'public, max-age=60').type('application/json; charset=utf-8').send(await dipSuggestions(db, office, q));
  });
}
