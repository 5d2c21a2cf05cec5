CREATE TYPE "public"."feed_token_scope" AS ENUM('venue', 'municipality', 'association');--> statement-breakpoint
CREATE TABLE "feed_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"scope" "feed_token_scope" NOT NULL,
	"scope_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "feed_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "feed_tokens" ADD CONSTRAINT "feed_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_tokens" ADD CONSTRAINT "feed_tokens_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "feed_tokens_live_unique" ON "feed_tokens" USING btree ("user_id","scope","scope_id") WHERE "feed_tokens"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "feed_tokens_user_idx" ON "feed_tokens" USING btree ("user_id");--> statement-breakpoint
-- DESIGN.md invariant 5 for the private feeds, by construction: a change a subscriber sees
-- (status, time, purpose) raises the booking's SEQUENCE, and its updated_at (the entry's
-- DTSTAMP) when the writer did not set it, whoever writes it.
CREATE OR REPLACE FUNCTION "raise_booking_sequence"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.starts_at, NEW.ends_at, NEW.status, NEW.purpose)
     IS DISTINCT FROM (OLD.starts_at, OLD.ends_at, OLD.status, OLD.purpose) THEN
    NEW.sequence := greatest(NEW.sequence, OLD.sequence + 1);
    IF NEW.updated_at = OLD.updated_at THEN NEW.updated_at := now(); END IF;
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "bookings_raise_sequence"
  BEFORE UPDATE ON "bookings"
  FOR EACH ROW EXECUTE FUNCTION "raise_booking_sequence"();--> statement-breakpoint
-- A private feed names each booking's space: a renamed or removed space raises the version.
CREATE CONSTRAINT TRIGGER "spaces_raise_feed_version" AFTER INSERT OR UPDATE OR DELETE ON "spaces"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "raise_feed_version"('municipality_id');--> statement-breakpoint
-- Categories are shared by every municipality (they carry no municipality_id): a change to
-- one raises every municipality's version, once per transaction, at commit. Rare (an
-- administrator's edit), so touching every row is cheap enough.
CREATE OR REPLACE FUNCTION "raise_all_feed_versions"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('motesplats.feed_all', true) = txid_current()::text THEN RETURN NULL; END IF;
  PERFORM set_config('motesplats.feed_all', txid_current()::text, true);
  INSERT INTO feed_versions AS f (municipality_id, version, changed_at)
  SELECT id, 1, now() FROM municipalities
  ON CONFLICT (municipality_id)
    DO UPDATE SET version = f.version + 1, changed_at = greatest(f.changed_at, now());
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "categories_raise_feed_versions" AFTER INSERT OR UPDATE OR DELETE ON "categories"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "raise_all_feed_versions"();
