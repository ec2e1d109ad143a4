CREATE INDEX "document_interpretations_interpretation_idx" ON "document_interpretations" USING btree ("interpretation_id");--> statement-breakpoint
-- Public search reads the planner's statistics of the search terms (term-stats.ts) to choose a plan
-- and to estimate totals: the default target keeps ~1,000 lexemes, too few for a catalog of 100k
-- documents (a common two-character word then looks rare and is read row by row). 1,000 keeps ~10,000.
ALTER TABLE "documents" ALTER COLUMN "search_vector" SET STATISTICS 1000;--> statement-breakpoint
ANALYZE "documents";
