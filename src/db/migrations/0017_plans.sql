ALTER TABLE "documents" ALTER COLUMN "index_no" DROP NOT NULL;--> statement-breakpoint
-- Drafts numbered with the old stand-in code (YZ + the unit id's first 8 hex digits) were never public:
-- they lose it and get their agency's real 索引号 at 送审 (index-number.ts). Published ones keep theirs.
UPDATE "documents" SET "index_no" = NULL
WHERE "published_at" IS NULL AND "status" IN ('draft', 'returned', 'in_review', 'rejected')
  AND "index_no" LIKE 'YZ' || upper(left(replace("site_unit_id"::text, '-', ''), 8)) || '/%';
