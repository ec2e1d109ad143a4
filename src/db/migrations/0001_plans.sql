CREATE TABLE "plan_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"label" text,
	"title" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"check_status" text DEFAULT 'pending' NOT NULL,
	"due_date" date NOT NULL,
	"completed_on" date,
	"last_report_at" timestamp with time zone,
	"returned_count" integer DEFAULT 0 NOT NULL,
	"accepted_at" timestamp with time zone,
	"last_reminder" text
);
--> statement-breakpoint
CREATE TABLE "plan_check_summaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"comment" text,
	"new_due_date" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_circulars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"sections" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"as_of" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "plan_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"measure_id" uuid,
	"unit_id" uuid,
	"kind" text NOT NULL,
	"message" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_measure_leads" (
	"measure_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "plan_measure_leads_measure_id_unit_id_pk" PRIMARY KEY("measure_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "plan_measure_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "plan_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"subtask_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"text" text NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lead_written" text[] DEFAULT '{}'::text[] NOT NULL,
	"responsible" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deadlines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"disclosure_paths" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"other_channels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"column_instructions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"from_measure_id" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"status" text NOT NULL,
	"summary" text NOT NULL,
	"completed_on" date,
	"reason" text,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_subtasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"label" text,
	"title" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text DEFAULT 'notice' NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"issuer" text,
	"issue_date" date,
	"doc_number" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"cover_text" text,
	"source_name" text,
	"source_hash" text,
	"from_plan_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_areas" ADD CONSTRAINT "plan_areas_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_assignments" ADD CONSTRAINT "plan_assignments_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_assignments" ADD CONSTRAINT "plan_assignments_measure_id_plan_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."plan_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_assignments" ADD CONSTRAINT "plan_assignments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_check_summaries" ADD CONSTRAINT "plan_check_summaries_measure_id_plan_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."plan_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_check_summaries" ADD CONSTRAINT "plan_check_summaries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_check_summaries" ADD CONSTRAINT "plan_check_summaries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_checks" ADD CONSTRAINT "plan_checks_assignment_id_plan_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."plan_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_checks" ADD CONSTRAINT "plan_checks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_circulars" ADD CONSTRAINT "plan_circulars_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_circulars" ADD CONSTRAINT "plan_circulars_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_events" ADD CONSTRAINT "plan_events_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_events" ADD CONSTRAINT "plan_events_measure_id_plan_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."plan_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_events" ADD CONSTRAINT "plan_events_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_events" ADD CONSTRAINT "plan_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measure_leads" ADD CONSTRAINT "plan_measure_leads_measure_id_plan_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."plan_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measure_leads" ADD CONSTRAINT "plan_measure_leads_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measure_versions" ADD CONSTRAINT "plan_measure_versions_measure_id_plan_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."plan_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measure_versions" ADD CONSTRAINT "plan_measure_versions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measures" ADD CONSTRAINT "plan_measures_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measures" ADD CONSTRAINT "plan_measures_subtask_id_plan_subtasks_id_fk" FOREIGN KEY ("subtask_id") REFERENCES "public"."plan_subtasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measures" ADD CONSTRAINT "plan_measures_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_reports" ADD CONSTRAINT "plan_reports_assignment_id_plan_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."plan_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_reports" ADD CONSTRAINT "plan_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_subtasks" ADD CONSTRAINT "plan_subtasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_subtasks" ADD CONSTRAINT "plan_subtasks_area_id_plan_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."plan_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_areas_seq_uq" ON "plan_areas" USING btree ("plan_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_assignments_measure_unit_uq" ON "plan_assignments" USING btree ("measure_id","unit_id");--> statement-breakpoint
CREATE INDEX "plan_assignments_unit_idx" ON "plan_assignments" USING btree ("unit_id","plan_id");--> statement-breakpoint
CREATE INDEX "plan_assignments_plan_idx" ON "plan_assignments" USING btree ("plan_id","status");--> statement-breakpoint
CREATE INDEX "plan_checks_assignment_idx" ON "plan_checks" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "plan_events_plan_idx" ON "plan_events" USING btree ("plan_id","kind");--> statement-breakpoint
CREATE INDEX "plan_measure_leads_unit_idx" ON "plan_measure_leads" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_measures_seq_uq" ON "plan_measures" USING btree ("plan_id","seq");--> statement-breakpoint
CREATE INDEX "plan_measures_subtask_idx" ON "plan_measures" USING btree ("subtask_id");--> statement-breakpoint
CREATE INDEX "plan_reports_assignment_idx" ON "plan_reports" USING btree ("assignment_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_subtasks_seq_uq" ON "plan_subtasks" USING btree ("area_id","seq");--> statement-breakpoint
CREATE INDEX "plans_year_idx" ON "plans" USING btree ("year");