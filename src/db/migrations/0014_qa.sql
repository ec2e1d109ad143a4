CREATE TABLE "qa_consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"question" text NOT NULL,
	"asker_name" text,
	"asker_contact" text,
	"asker_email" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_on_spot" boolean DEFAULT false NOT NULL,
	"matched_entry_id" uuid,
	"candidates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"score" integer,
	"feedback" text,
	"status" text NOT NULL,
	"query_code" text,
	"suggested_unit_id" uuid,
	"unit_id" uuid,
	"accepted_at" timestamp with time zone,
	"received_on" date,
	"due_on" date,
	"reply_html" text,
	"reply_text" text,
	"replied_at" timestamp with time zone,
	"replied_by" uuid,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_reminder" text,
	"proposal_status" text DEFAULT 'none' NOT NULL,
	"proposal_kind" text,
	"proposal_entry_id" uuid,
	"recorded_by" uuid,
	"ip" text,
	"is_sample" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"question" text NOT NULL,
	"answer_html" text NOT NULL,
	"answer_text" text NOT NULL,
	"topic" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"owner_unit_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"review_on" date,
	"needs_review" boolean DEFAULT false NOT NULL,
	"review_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_entry_policies" (
	"entry_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	CONSTRAINT "qa_entry_policies_entry_id_document_id_pk" PRIMARY KEY("entry_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "qa_entry_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_library_version" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_synonyms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"terms" text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_variants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"text" text NOT NULL,
	"seq" integer DEFAULT 0 NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "qa_consultations" ADD CONSTRAINT "qa_consultations_matched_entry_id_qa_entries_id_fk" FOREIGN KEY ("matched_entry_id") REFERENCES "public"."qa_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_consultations" ADD CONSTRAINT "qa_consultations_suggested_unit_id_units_id_fk" FOREIGN KEY ("suggested_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_consultations" ADD CONSTRAINT "qa_consultations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_consultations" ADD CONSTRAINT "qa_consultations_replied_by_users_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_consultations" ADD CONSTRAINT "qa_consultations_proposal_entry_id_qa_entries_id_fk" FOREIGN KEY ("proposal_entry_id") REFERENCES "public"."qa_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_consultations" ADD CONSTRAINT "qa_consultations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_entries" ADD CONSTRAINT "qa_entries_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_entries" ADD CONSTRAINT "qa_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_entry_policies" ADD CONSTRAINT "qa_entry_policies_entry_id_qa_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."qa_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_entry_policies" ADD CONSTRAINT "qa_entry_policies_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_entry_versions" ADD CONSTRAINT "qa_entry_versions_entry_id_qa_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."qa_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_entry_versions" ADD CONSTRAINT "qa_entry_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_variants" ADD CONSTRAINT "qa_variants_entry_id_qa_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."qa_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "qa_consultations_code_uq" ON "qa_consultations" USING btree ("query_code");--> statement-breakpoint
CREATE INDEX "qa_consultations_received_idx" ON "qa_consultations" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "qa_consultations_status_due_idx" ON "qa_consultations" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "qa_consultations_unit_idx" ON "qa_consultations" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "qa_entries_external_id_uq" ON "qa_entries" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "qa_entries_status_idx" ON "qa_entries" USING btree ("status");--> statement-breakpoint
CREATE INDEX "qa_entries_owner_idx" ON "qa_entries" USING btree ("owner_unit_id");--> statement-breakpoint
CREATE INDEX "qa_entry_policies_document_idx" ON "qa_entry_policies" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "qa_entry_versions_uq" ON "qa_entry_versions" USING btree ("entry_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "qa_variants_entry_text_uq" ON "qa_variants" USING btree ("entry_id","text");