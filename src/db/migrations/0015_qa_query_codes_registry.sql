-- 一网答's query codes join the shared registry (src/platform/public-intake/query-code.ts).
-- Codes already handed out (the earlier format, `Q` + 9 characters) stay as they are on their
-- consultations and are still found by look-up (lookup-consultation.ts, LEGACY_QA_CODE); they are
-- recorded here too, so the registry holds every code ever given to the public.
INSERT INTO "query_codes" ("code", "prefix", "created_at")
SELECT "query_code", 'ZX', "received_at" FROM "qa_consultations" WHERE "query_code" IS NOT NULL
ON CONFLICT ("code") DO NOTHING;
