ALTER TABLE "booking_requests" ADD COLUMN "outcome" "booking_status" DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "booking_requests" ADD COLUMN "first_decided_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "booking_requests_municipality_created_idx" ON "booking_requests" USING btree ("municipality_id","created_at");--> statement-breakpoint
CREATE INDEX "bookings_municipality_time_idx" ON "bookings" USING btree ("municipality_id","starts_at");--> statement-breakpoint
-- A request's outcome and its first decision, kept from its dates (decision 018), so the
-- yearly report reads one row per request instead of grouping every date by request. The
-- rank is the outcome's order: the first rank any date has wins.
CREATE OR REPLACE FUNCTION "request_outcomes_of"(ids uuid[])
RETURNS TABLE (request_id uuid, outcome booking_status, first_decided_at timestamptz)
LANGUAGE sql STABLE AS $$
  SELECT b.request_id,
         (ARRAY['approved', 'rejected', 'pending', 'withdrawn', 'cancelled']::booking_status[])[
           min(CASE
                 WHEN b.status = 'approved' OR (b.status = 'cancelled' AND b.decided_at IS NOT NULL) THEN 1
                 WHEN b.status = 'rejected' THEN 2
                 WHEN b.status = 'pending' THEN 3
                 WHEN b.status = 'withdrawn' THEN 4
                 ELSE 5
               END)],
         min(b.decided_at)
    FROM bookings b
   WHERE b.request_id = ANY (ids)
   GROUP BY b.request_id
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "sync_request_outcomes"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[] := ARRAY(SELECT DISTINCT request_id FROM changed ORDER BY 1);
BEGIN
  -- Lock the requests first, in a fixed order: a concurrent change to another date of one of
  -- them waits here, and the summary below (a new statement, so a new snapshot under READ
  -- COMMITTED) sees it.
  PERFORM 1 FROM booking_requests WHERE id = ANY (ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE booking_requests r
     SET outcome = s.outcome, first_decided_at = s.first_decided_at
    FROM request_outcomes_of(ids) s
   WHERE r.id = s.request_id
     AND (r.outcome, r.first_decided_at) IS DISTINCT FROM (s.outcome, s.first_decided_at);
  RETURN NULL;
END;
$$;--> statement-breakpoint
-- One trigger per event: a trigger with transition tables fires on one event only.
CREATE TRIGGER "bookings_sync_request_outcomes_insert" AFTER INSERT ON "bookings"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "sync_request_outcomes"();--> statement-breakpoint
CREATE TRIGGER "bookings_sync_request_outcomes_update" AFTER UPDATE ON "bookings"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "sync_request_outcomes"();--> statement-breakpoint
CREATE TRIGGER "bookings_sync_request_outcomes_delete" AFTER DELETE ON "bookings"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "sync_request_outcomes"();--> statement-breakpoint
-- The requests already made.
UPDATE booking_requests r
   SET outcome = s.outcome, first_decided_at = s.first_decided_at
  FROM request_outcomes_of(ARRAY(SELECT id FROM booking_requests)) s
 WHERE r.id = s.request_id;
