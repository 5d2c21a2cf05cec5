CREATE TABLE "feed_versions" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feed_versions" ADD CONSTRAINT "feed_versions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A feed's version is raised by whoever writes what it shows, at commit (DEFERRABLE INITIALLY
-- DEFERRED): the row of feed_versions is locked for the commit only, so writers of one
-- municipality do not queue behind each other's whole transactions. Once per municipality
-- and transaction (a transaction-local setting remembers it). TG_ARGV[0] names the column
-- holding the municipality (municipalities: its id).
CREATE OR REPLACE FUNCTION "raise_feed_version"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  m uuid;
  marker text;
BEGIN
  m := (to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END) ->> TG_ARGV[0])::uuid;
  IF m IS NULL THEN RETURN NULL; END IF;
  marker := 'motesplats.feed_' || replace(m::text, '-', '');
  IF current_setting(marker, true) = txid_current()::text THEN RETURN NULL; END IF;
  PERFORM set_config(marker, txid_current()::text, true);
  INSERT INTO feed_versions AS f (municipality_id, version, changed_at)
  SELECT m, 1, now() WHERE EXISTS (SELECT 1 FROM municipalities WHERE id = m)
  ON CONFLICT (municipality_id)
    DO UPDATE SET version = f.version + 1, changed_at = greatest(f.changed_at, now());
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "events_raise_feed_version" AFTER INSERT OR UPDATE OR DELETE ON "events"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "raise_feed_version"('municipality_id');--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "event_occurrences_raise_feed_version" AFTER INSERT OR UPDATE OR DELETE ON "event_occurrences"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "raise_feed_version"('municipality_id');--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "bookings_raise_feed_version" AFTER INSERT OR UPDATE OR DELETE ON "bookings"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "raise_feed_version"('municipality_id');--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "venues_raise_feed_version" AFTER INSERT OR UPDATE OR DELETE ON "venues"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "raise_feed_version"('municipality_id');--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "buildings_raise_feed_version" AFTER INSERT OR UPDATE OR DELETE ON "buildings"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "raise_feed_version"('municipality_id');--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "associations_raise_feed_version" AFTER INSERT OR UPDATE OR DELETE ON "associations"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "raise_feed_version"('municipality_id');--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "municipalities_raise_feed_version" AFTER INSERT OR UPDATE ON "municipalities"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "raise_feed_version"('id');
