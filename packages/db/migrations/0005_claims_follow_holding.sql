-- A decision that keeps a booking holding (pending -> approved) leaves its claims as they are.
-- Rewriting them (delete, then insert the same ranges) made an approval an exclusion-constraint
-- insert of its own, which can wait on, and deadlock with, a concurrent request for the same
-- room (PostgreSQL: two backends that insert conflicting tuples at once may wait on each
-- other; see execIndexing.c). Claims are rewritten only when what they cover changes: the
-- time, the space, the venue, or whether the booking holds at all. Decision 013.
CREATE OR REPLACE FUNCTION "sync_booking_claims"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  buffer_mins integer;
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.status IN ('pending', 'approved') AND NEW.status IN ('pending', 'approved')
     AND OLD.starts_at = NEW.starts_at AND OLD.ends_at = NEW.ends_at
     AND OLD.space_id = NEW.space_id AND OLD.venue_id = NEW.venue_id THEN
    RETURN NEW;
  END IF;
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
