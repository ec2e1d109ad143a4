CREATE TABLE "opinion_commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid,
	"text" text NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"promised_on" date NOT NULL,
	"fulfilled_on" date,
	"evidence" text,
	"document_id" uuid,
	"public_url" text,
	"last_reminder" text,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_domains" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_event_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"participants" text,
	"content" text NOT NULL,
	"response_kind" text,
	"document_id" uuid,
	"url" text,
	"follow_up" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"source_url" text,
	"source_text" text,
	"first_seen_at" timestamp with time zone NOT NULL,
	"summary" text NOT NULL,
	"domain_id" uuid,
	"category" text NOT NULL,
	"level" text NOT NULL,
	"responsible_unit_id" uuid NOT NULL,
	"status" text DEFAULT 'registered' NOT NULL,
	"reminders_sent" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_press_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"topic" text NOT NULL,
	"organizer_unit_id" uuid NOT NULL,
	"speakers" text NOT NULL,
	"leader_spoke" boolean DEFAULT false NOT NULL,
	"result_document_id" uuid,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_press_policies" (
	"press_event_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	CONSTRAINT "opinion_press_policies_press_event_id_document_id_pk" PRIMARY KEY("press_event_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "opinion_settings" (
	"id" text PRIMARY KEY DEFAULT 'default' NOT NULL,
	"coordinator_unit_id" uuid,
	"authoritative_hours" integer DEFAULT 5 NOT NULL,
	"press_conference_hours" integer DEFAULT 24 NOT NULL,
	"response_hours" integer DEFAULT 48 NOT NULL,
	"remind_before_hours" integer DEFAULT 2 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_supervisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"event_id" uuid,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"held_on" date NOT NULL,
	"withdrawn" boolean DEFAULT false NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "opinion_commitments" ADD CONSTRAINT "opinion_commitments_event_id_opinion_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."opinion_events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_commitments" ADD CONSTRAINT "opinion_commitments_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_commitments" ADD CONSTRAINT "opinion_commitments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_commitments" ADD CONSTRAINT "opinion_commitments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_event_steps" ADD CONSTRAINT "opinion_event_steps_event_id_opinion_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."opinion_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_event_steps" ADD CONSTRAINT "opinion_event_steps_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_event_steps" ADD CONSTRAINT "opinion_event_steps_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_events" ADD CONSTRAINT "opinion_events_domain_id_opinion_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."opinion_domains"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_events" ADD CONSTRAINT "opinion_events_responsible_unit_id_units_id_fk" FOREIGN KEY ("responsible_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_events" ADD CONSTRAINT "opinion_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_press_events" ADD CONSTRAINT "opinion_press_events_organizer_unit_id_units_id_fk" FOREIGN KEY ("organizer_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_press_events" ADD CONSTRAINT "opinion_press_events_result_document_id_documents_id_fk" FOREIGN KEY ("result_document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_press_events" ADD CONSTRAINT "opinion_press_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_press_policies" ADD CONSTRAINT "opinion_press_policies_press_event_id_opinion_press_events_id_fk" FOREIGN KEY ("press_event_id") REFERENCES "public"."opinion_press_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_press_policies" ADD CONSTRAINT "opinion_press_policies_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_settings" ADD CONSTRAINT "opinion_settings_coordinator_unit_id_units_id_fk" FOREIGN KEY ("coordinator_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_supervisions" ADD CONSTRAINT "opinion_supervisions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_supervisions" ADD CONSTRAINT "opinion_supervisions_event_id_opinion_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."opinion_events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_supervisions" ADD CONSTRAINT "opinion_supervisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "opinion_commitments_owner_idx" ON "opinion_commitments" USING btree ("owner_unit_id","promised_on");--> statement-breakpoint
CREATE INDEX "opinion_commitments_promised_idx" ON "opinion_commitments" USING btree ("promised_on");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_domains_name_uq" ON "opinion_domains" USING btree ("name");--> statement-breakpoint
CREATE INDEX "opinion_event_steps_event_idx" ON "opinion_event_steps" USING btree ("event_id","at");--> statement-breakpoint
CREATE INDEX "opinion_events_unit_idx" ON "opinion_events" USING btree ("responsible_unit_id","first_seen_at");--> statement-breakpoint
CREATE INDEX "opinion_events_seen_idx" ON "opinion_events" USING btree ("first_seen_at");--> statement-breakpoint
CREATE INDEX "opinion_events_status_idx" ON "opinion_events" USING btree ("status");--> statement-breakpoint
CREATE INDEX "opinion_press_events_held_idx" ON "opinion_press_events" USING btree ("held_on");--> statement-breakpoint
CREATE INDEX "opinion_supervisions_held_idx" ON "opinion_supervisions" USING btree ("held_on");