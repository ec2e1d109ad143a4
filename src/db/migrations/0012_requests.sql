CREATE TABLE "request_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text,
	"voided" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_files" (
	"case_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"description" text NOT NULL,
	"outcome" text,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "request_letter_seq" (
	"agency_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_secrets" (
	"id" integer PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"note" text,
	"from_unit_id" uuid,
	"to_unit_id" uuid,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "ledger_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"title" text NOT NULL,
	"link" text,
	"unit_id" uuid,
	"status" text NOT NULL,
	"received_on" date NOT NULL,
	"working_days" integer NOT NULL,
	"extended_days" integer DEFAULT 0 NOT NULL,
	"due_date" date NOT NULL,
	"extension" text DEFAULT 'none' NOT NULL,
	"extension_days" integer,
	"extension_reason" text,
	"return_reason" text,
	"replied_on" date,
	"last_reminder" text,
	"dispatched_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_challenge_uses" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_rate_counters" (
	"bucket" text NOT NULL,
	"address" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL,
	CONSTRAINT "public_rate_counters_bucket_address_window_start_pk" PRIMARY KEY("bucket","address","window_start")
);
--> statement-breakpoint
CREATE TABLE "public_submissions" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "public_submissions_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "query_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "status" text DEFAULT '待确认收到' NOT NULL;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "channel" text DEFAULT '网上' NOT NULL;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "applicant_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "applicant_id_kind" text;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "applicant_id_number" text;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "applicant_phone" text;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "applicant_email" text;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "applicant_address" text;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "applicant_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "doc_number" text;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "purpose" text;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "preferred_form" text;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "delivery_method" text;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "route" text DEFAULT '申请' NOT NULL;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "due_on" date;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "count_from" date;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "paused_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "extended_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "correction_window_ends" date;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "clock_note" text;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "applicant_due_on" date;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "fee_basis" text;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "fee_yuan" integer;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "fee_paid_on" date;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "last_reminder" text;--> statement-breakpoint
ALTER TABLE "request_cases" ADD COLUMN "demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_case_id_request_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."request_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_files" ADD CONSTRAINT "request_files_case_id_request_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."request_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_files" ADD CONSTRAINT "request_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_items" ADD CONSTRAINT "request_items_case_id_request_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."request_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_items" ADD CONSTRAINT "request_items_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_letter_seq" ADD CONSTRAINT "request_letter_seq_agency_unit_id_units_id_fk" FOREIGN KEY ("agency_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_events" ADD CONSTRAINT "ledger_events_item_id_ledger_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."ledger_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_items" ADD CONSTRAINT "ledger_items_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_items" ADD CONSTRAINT "ledger_items_dispatched_by_users_id_fk" FOREIGN KEY ("dispatched_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "request_events_case_idx" ON "request_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "request_files_uq" ON "request_files" USING btree ("case_id","file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "request_items_case_seq_uq" ON "request_items" USING btree ("case_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "request_letter_seq_uq" ON "request_letter_seq" USING btree ("agency_unit_id","year");--> statement-breakpoint
CREATE INDEX "ledger_events_item_idx" ON "ledger_events" USING btree ("item_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_items_subject_uq" ON "ledger_items" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "ledger_items_unit_status_due_idx" ON "ledger_items" USING btree ("unit_id","status","due_date");--> statement-breakpoint
CREATE INDEX "ledger_items_status_due_idx" ON "ledger_items" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "public_challenge_uses_expires_idx" ON "public_challenge_uses" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "public_rate_counters_window_idx" ON "public_rate_counters" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "public_submissions_created_idx" ON "public_submissions" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "request_cases_agency_status_due_idx" ON "request_cases" USING btree ("agency_unit_id","status","due_on");--> statement-breakpoint
CREATE INDEX "request_cases_status_due_idx" ON "request_cases" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "request_cases_applicant_idx" ON "request_cases" USING btree ("applicant_key","received_on");--> statement-breakpoint
CREATE INDEX "request_cases_created_idx" ON "request_cases" USING btree ("created_at");