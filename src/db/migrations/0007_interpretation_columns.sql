-- 政策解读 columns were guessed to be 政策文件 columns (their names hold “政策”): they are not a
-- normative-document library, and their documents are not policies. Only the guess is corrected.
UPDATE "catalog_columns" SET "category" = 'other' WHERE "category" = 'policy' AND "name" LIKE '%解读%';
