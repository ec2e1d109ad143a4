CREATE TABLE "catalog_column_measures" (
	"column_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	CONSTRAINT "catalog_column_measures_column_id_measure_id_pk" PRIMARY KEY("column_id","measure_id")
);
--> statement-breakpoint
CREATE TABLE "catalog_columns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_unit_id" uuid NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"kind" text DEFAULT 'custom' NOT NULL,
	"category" text DEFAULT 'other' NOT NULL,
	"update_interval_days" integer,
	"note" text,
	"review_steps" jsonb NOT NULL,
	"owner_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_counters" (
	"site_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "catalog_counters_site_unit_id_year_pk" PRIMARY KEY("site_unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "catalog_path_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_prefix" text[] NOT NULL,
	"to_prefix" text[] NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "document_attachments" (
	"document_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"text" text,
	CONSTRAINT "document_attachments_document_id_file_id_pk" PRIMARY KEY("document_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "document_interpretations" (
	"policy_id" uuid NOT NULL,
	"interpretation_id" uuid NOT NULL,
	"form" text DEFAULT 'text' NOT NULL,
	CONSTRAINT "document_interpretations_policy_id_interpretation_id_pk" PRIMARY KEY("policy_id","interpretation_id")
);
--> statement-breakpoint
CREATE TABLE "document_pii_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"type" text NOT NULL,
	"value" text NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"step" integer NOT NULL,
	"step_name" text NOT NULL,
	"decision" text NOT NULL,
	"comment" text,
	"secrecy_confirmed" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body_html" text NOT NULL,
	"meta" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"column_id" uuid NOT NULL,
	"site_unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"index_no" text NOT NULL,
	"publisher" text NOT NULL,
	"written_on" date,
	"doc_number" text,
	"topic" text,
	"validity" text DEFAULT 'valid' NOT NULL,
	"replaced_by_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"review_step" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"working_copy" jsonb,
	"publish_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text,
	"search_vector" "tsvector",
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog_column_measures" ADD CONSTRAINT "catalog_column_measures_column_id_catalog_columns_id_fk" FOREIGN KEY ("column_id") REFERENCES "public"."catalog_columns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_column_measures" ADD CONSTRAINT "catalog_column_measures_measure_id_plan_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."plan_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_columns" ADD CONSTRAINT "catalog_columns_site_unit_id_units_id_fk" FOREIGN KEY ("site_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_counters" ADD CONSTRAINT "catalog_counters_site_unit_id_units_id_fk" FOREIGN KEY ("site_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_attachments" ADD CONSTRAINT "document_attachments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_attachments" ADD CONSTRAINT "document_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_interpretations" ADD CONSTRAINT "document_interpretations_policy_id_documents_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_interpretations" ADD CONSTRAINT "document_interpretations_interpretation_id_documents_id_fk" FOREIGN KEY ("interpretation_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_pii_decisions" ADD CONSTRAINT "document_pii_decisions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_pii_decisions" ADD CONSTRAINT "document_pii_decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_reviews" ADD CONSTRAINT "document_reviews_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_reviews" ADD CONSTRAINT "document_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_revisions" ADD CONSTRAINT "document_revisions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_revisions" ADD CONSTRAINT "document_revisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_column_id_catalog_columns_id_fk" FOREIGN KEY ("column_id") REFERENCES "public"."catalog_columns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_site_unit_id_units_id_fk" FOREIGN KEY ("site_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_column_measures_measure_idx" ON "catalog_column_measures" USING btree ("measure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_columns_slug_uq" ON "catalog_columns" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_columns_name_uq" ON "catalog_columns" USING btree ("site_unit_id","parent_id","name");--> statement-breakpoint
CREATE INDEX "catalog_columns_parent_idx" ON "catalog_columns" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "document_pii_decisions_doc_idx" ON "document_pii_decisions" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "document_reviews_doc_idx" ON "document_reviews" USING btree ("document_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "document_revisions_uq" ON "document_revisions" USING btree ("document_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_index_no_uq" ON "documents" USING btree ("index_no");--> statement-breakpoint
CREATE INDEX "documents_column_published_idx" ON "documents" USING btree ("column_id","status","published_at");--> statement-breakpoint
CREATE INDEX "documents_search_idx" ON "documents" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "documents_published_idx" ON "documents" USING btree ("status","published_at");