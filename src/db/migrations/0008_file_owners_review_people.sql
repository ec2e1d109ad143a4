ALTER TABLE "files" ADD COLUMN "owner_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "files" ADD COLUMN "attached_kind" text;--> statement-breakpoint
ALTER TABLE "files" ADD COLUMN "attached_id" uuid;--> statement-breakpoint
ALTER TABLE "catalog_columns" ADD COLUMN "review_distinct_people" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Files belong to the unit that uploaded them, and to the first object they were attached to.
UPDATE "files" f SET "owner_unit_id" = u."unit_id" FROM "users" u WHERE u."id" = f."uploaded_by";--> statement-breakpoint
UPDATE "files" f SET "attached_kind" = 'document', "attached_id" = a."document_id"
  FROM (SELECT DISTINCT ON (da."file_id") da."file_id", da."document_id" FROM "document_attachments" da JOIN "documents" d ON d."id" = da."document_id" ORDER BY da."file_id", d."created_at") a
  WHERE a."file_id" = f."id";--> statement-breakpoint
UPDATE "files" f SET "attached_kind" = 'plan_assignment', "attached_id" = e."assignment_id"
  FROM (SELECT DISTINCT ON (x.file_id) x.file_id, x.assignment_id FROM (
          SELECT (ev->>'fileId')::uuid AS file_id, r."assignment_id", r."created_at" FROM "plan_reports" r, jsonb_array_elements(r."evidence") ev WHERE ev->>'kind' = 'file'
        ) x ORDER BY x.file_id, x.created_at) e
  WHERE e.file_id = f."id" AND f."attached_kind" IS NULL;
