-- Typo-tolerant DIP search (word_similarity on titles). pg_trgm is a trusted extension: any owner of
-- the database may create it; PGlite loads it in src/db/client.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "dip_edition_entries_title_trgm_idx" ON "dip_edition_entries" USING gin ((snapshot->>'title') gin_trgm_ops);
