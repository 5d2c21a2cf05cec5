-- DESIGN.md invariant 1: no two holding bookings (pending or approved) overlap on a space.
-- A booking claims every leaf space under the space it books (the whole hall claims both
-- halves; a half claims itself) over [starts_at, ends_at + venue buffer). The claims are
-- written by a trigger in the same statement as the booking, and the exclusion constraint
-- refuses an overlap with SQLSTATE 23P01, also under concurrent transactions.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "booking_claims"
  ADD CONSTRAINT "booking_claims_no_overlap"
  EXCLUDE USING gist ("space_id" WITH =, "during" WITH &&);
--> statement-breakpoint
CREATE INDEX "booking_claims_booking_idx" ON "booking_claims" ("booking_id");
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "sync_booking_claims"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  buffer_mins integer;
BEGIN
  DELETE FROM booking_claims WHERE booking_id = NEW.id;
  IF NEW.status IN ('pending', 'approved') THEN
    SELECT buffer_minutes INTO buffer_mins FROM venues WHERE id = NEW.venue_id;
    INSERT INTO booking_claims (booking_id, space_id, municipality_id, during)
    WITH RECURSIVE covered AS (
      SELECT s.id FROM spaces s WHERE s.id = NEW.space_id
      UNION ALL
      SELECT c.id FROM spaces c JOIN covered p ON c.parent_id = p.id
    )
    SELECT NEW.id, covered.id, NEW.municipality_id,
           tstzrange(NEW.starts_at, NEW.ends_at + make_interval(mins => coalesce(buffer_mins, 0)), '[)')
    FROM covered
    WHERE NOT EXISTS (SELECT 1 FROM spaces leaf WHERE leaf.parent_id = covered.id);
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "bookings_sync_claims"
  AFTER INSERT OR UPDATE OF status, starts_at, ends_at, space_id, venue_id ON "bookings"
  FOR EACH ROW EXECUTE FUNCTION "sync_booking_claims"();
