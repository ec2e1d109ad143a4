ALTER TABLE "mailbox_messages" ADD COLUMN "earlier_ratings" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
-- Messages reopened before the column existed: each rating that reopened one, read from its timeline.
UPDATE "mailbox_messages" m SET "earlier_ratings" = r.ratings
FROM (
  SELECT e.message_id, array_agg(e.note ORDER BY e.at, e.id) AS ratings
  FROM "mailbox_events" e
  WHERE e.action = 'rated' AND e.note IS NOT NULL
    AND EXISTS (SELECT 1 FROM "mailbox_events" x WHERE x.message_id = e.message_id AND x.action = 'reopened' AND x.at >= e.at)
  GROUP BY e.message_id
) r
WHERE r.message_id = m.id;
