ALTER TABLE "mailbox_messages" ADD COLUMN "qa_consultation_id" uuid;--> statement-breakpoint
CREATE INDEX "mailbox_messages_received_idx" ON "mailbox_messages" USING btree ("received_at","id");--> statement-breakpoint
CREATE INDEX "mailbox_messages_open_due_idx" ON "mailbox_messages" USING btree ("due_date") WHERE status in ('received', 'accepted', 'assigned');--> statement-breakpoint
CREATE INDEX "mailbox_messages_unit_open_due_idx" ON "mailbox_messages" USING btree ("unit_id","due_date") WHERE status in ('received', 'accepted', 'assigned');