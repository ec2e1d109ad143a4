CREATE TABLE "mailbox_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"called_at" timestamp with time zone NOT NULL,
	"number_called" text NOT NULL,
	"caller_name" text,
	"caller_phone" text,
	"question" text NOT NULL,
	"answer" text,
	"answered_on_spot" boolean NOT NULL,
	"callback_due" date,
	"callback_on" date,
	"callback_note" text,
	"created_by" uuid,
	"sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mailbox_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "mailbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"type" text NOT NULL,
	"addressed_unit_id" uuid,
	"unit_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"email" text,
	"consent" boolean DEFAULT false NOT NULL,
	"attachment_ids" uuid[] DEFAULT '{}' NOT NULL,
	"petition" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"reject_kind" text,
	"reject_reason" text,
	"triage" text,
	"leader_instruction" text,
	"received_at" timestamp with time zone NOT NULL,
	"received_on" date NOT NULL,
	"accepted_on" date,
	"working_days" integer NOT NULL,
	"extended_days" integer DEFAULT 0 NOT NULL,
	"due_date" date NOT NULL,
	"reply_html" text,
	"reply_text" text,
	"reply_unit_id" uuid,
	"replied_on" date,
	"replied_by" uuid,
	"rating" text,
	"rated_at" timestamp with time zone,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"published_summary" text,
	"published_reply" text,
	"sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phone_spot_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"number_dialled" text NOT NULL,
	"answered" boolean NOT NULL,
	"within_hours" boolean NOT NULL,
	"result" text NOT NULL,
	"checked_by" uuid,
	"sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_phones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"phone" text NOT NULL,
	"label" text NOT NULL,
	"hours" text DEFAULT '工作日 9:00-12:00，14:00-17:30' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mailbox_calls" ADD CONSTRAINT "mailbox_calls_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailbox_calls" ADD CONSTRAINT "mailbox_calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailbox_events" ADD CONSTRAINT "mailbox_events_message_id_mailbox_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."mailbox_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailbox_messages" ADD CONSTRAINT "mailbox_messages_addressed_unit_id_units_id_fk" FOREIGN KEY ("addressed_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailbox_messages" ADD CONSTRAINT "mailbox_messages_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailbox_messages" ADD CONSTRAINT "mailbox_messages_reply_unit_id_units_id_fk" FOREIGN KEY ("reply_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailbox_messages" ADD CONSTRAINT "mailbox_messages_replied_by_users_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_spot_checks" ADD CONSTRAINT "phone_spot_checks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_spot_checks" ADD CONSTRAINT "phone_spot_checks_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_phones" ADD CONSTRAINT "unit_phones_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mailbox_calls_code_uq" ON "mailbox_calls" USING btree ("code");--> statement-breakpoint
CREATE INDEX "mailbox_calls_unit_idx" ON "mailbox_calls" USING btree ("unit_id","called_at");--> statement-breakpoint
CREATE INDEX "mailbox_events_message_idx" ON "mailbox_events" USING btree ("message_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "mailbox_messages_code_uq" ON "mailbox_messages" USING btree ("code");--> statement-breakpoint
CREATE INDEX "mailbox_messages_unit_status_idx" ON "mailbox_messages" USING btree ("unit_id","status","received_at");--> statement-breakpoint
CREATE INDEX "mailbox_messages_status_idx" ON "mailbox_messages" USING btree ("status","received_at");--> statement-breakpoint
CREATE INDEX "mailbox_messages_received_on_idx" ON "mailbox_messages" USING btree ("received_on");--> statement-breakpoint
CREATE INDEX "mailbox_messages_published_idx" ON "mailbox_messages" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "phone_spot_checks_unit_idx" ON "phone_spot_checks" USING btree ("unit_id","checked_at");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_phones_uq" ON "unit_phones" USING btree ("unit_id","phone");