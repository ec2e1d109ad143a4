CREATE TABLE "request_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_unit_id" uuid NOT NULL,
	"code" text NOT NULL,
	"applicant_kind" text NOT NULL,
	"received_on" date,
	"closed_on" date,
	"outcome" text,
	"imported" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_unit_id" uuid NOT NULL,
	"case_id" uuid,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"filed_on" date NOT NULL,
	"organ" text,
	"result" text,
	"result_on" date,
	"lessons" text,
	"imported" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "request_cases" ADD CONSTRAINT "request_cases_agency_unit_id_units_id_fk" FOREIGN KEY ("agency_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_cases" ADD CONSTRAINT "request_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_reviews" ADD CONSTRAINT "request_reviews_agency_unit_id_units_id_fk" FOREIGN KEY ("agency_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_reviews" ADD CONSTRAINT "request_reviews_case_id_request_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."request_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "request_cases_code_uq" ON "request_cases" USING btree ("code");--> statement-breakpoint
CREATE INDEX "request_cases_agency_received_idx" ON "request_cases" USING btree ("agency_unit_id","received_on");--> statement-breakpoint
CREATE INDEX "request_cases_agency_closed_idx" ON "request_cases" USING btree ("agency_unit_id","closed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "request_reviews_code_uq" ON "request_reviews" USING btree ("agency_unit_id","code");--> statement-breakpoint
CREATE INDEX "request_reviews_filed_idx" ON "request_reviews" USING btree ("agency_unit_id","filed_on");