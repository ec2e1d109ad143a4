CREATE INDEX "documents_updated_idx" ON "documents" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "documents_column_updated_idx" ON "documents" USING btree ("column_id","updated_at");--> statement-breakpoint
CREATE INDEX "documents_review_queue_idx" ON "documents" USING btree ("column_id") WHERE status = 'in_review' or (working_copy is not null and review_step > 0);