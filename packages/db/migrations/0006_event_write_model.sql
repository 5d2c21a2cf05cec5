-- Events become writable (issue 8): the series anchor, exceptions, reasons, image,
-- accessibility notes, a search column, occurrences' identity (event + original start), and
-- SEQUENCE raised by the database whenever what a subscriber sees changes. Decision 016.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "association_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "event_occurrences" ADD COLUMN "original_starts_at" timestamp with time zone;--> statement-breakpoint
UPDATE "event_occurrences" SET "original_starts_at" = "starts_at";--> statement-breakpoint
ALTER TABLE "event_occurrences" ALTER COLUMN "original_starts_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "event_occurrences" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "accessibility_notes" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "image_id" uuid;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "starts_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "ends_at" timestamp with time zone;--> statement-breakpoint
UPDATE "events" e SET
  "starts_at" = coalesce((SELECT min(o.starts_at) FROM event_occurrences o WHERE o.event_id = e.id), e.created_at),
  "ends_at" = coalesce(
    (SELECT o.ends_at FROM event_occurrences o WHERE o.event_id = e.id ORDER BY o.starts_at LIMIT 1),
    e.created_at + interval '1 hour');--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "starts_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "ends_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "except_dates" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE "events" SET "search_text" = lower(concat_ws(' ',
  (SELECT string_agg(v, ' ') FROM jsonb_each_text("title") AS t(k, v)),
  (SELECT string_agg(v, ' ') FROM jsonb_each_text("summary") AS t(k, v)),
  (SELECT string_agg(v, ' ') FROM jsonb_each_text("description") AS t(k, v))));--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_association_idx" ON "events" USING btree ("association_id");--> statement-breakpoint
CREATE INDEX "events_search_idx" ON "events" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "event_occurrences" ADD CONSTRAINT "event_occurrences_event_original_start_key" UNIQUE("event_id","original_starts_at");--> statement-breakpoint
-- DESIGN.md invariant 5 by construction: a change a subscriber would see raises SEQUENCE
-- (and updated_at, when the writer did not set it) whoever writes it.
CREATE OR REPLACE FUNCTION "raise_occurrence_sequence"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.starts_at, NEW.ends_at, NEW.status, NEW.cancel_reason)
     IS DISTINCT FROM (OLD.starts_at, OLD.ends_at, OLD.status, OLD.cancel_reason) THEN
    NEW.sequence := greatest(NEW.sequence, OLD.sequence + 1);
    IF NEW.updated_at = OLD.updated_at THEN NEW.updated_at := now(); END IF;
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "event_occurrences_raise_sequence"
  BEFORE UPDATE ON "event_occurrences"
  FOR EACH ROW EXECUTE FUNCTION "raise_occurrence_sequence"();--> statement-breakpoint
CREATE OR REPLACE FUNCTION "event_seen_changed"(a events, b events) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT (a.title, a.summary, a.description, a.venue_id, a.location_text, a.category_slug,
          a.status, a.audience, a.languages, a.price_cents, a.price_text,
          a.registration_required, a.registration_url, a.accessibility_notes, a.image_id)
     IS DISTINCT FROM
         (b.title, b.summary, b.description, b.venue_id, b.location_text, b.category_slug,
          b.status, b.audience, b.languages, b.price_cents, b.price_text,
          b.registration_required, b.registration_url, b.accessibility_notes, b.image_id)
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "raise_event_sequence"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF event_seen_changed(OLD, NEW) THEN
    NEW.sequence := greatest(NEW.sequence, OLD.sequence + 1);
    IF NEW.updated_at = OLD.updated_at THEN NEW.updated_at := now(); END IF;
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "events_raise_sequence"
  BEFORE UPDATE ON "events"
  FOR EACH ROW EXECUTE FUNCTION "raise_event_sequence"();--> statement-breakpoint
-- Every VEVENT of the event shows its title, place and status: each occurrence is raised.
CREATE OR REPLACE FUNCTION "raise_event_occurrences"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF event_seen_changed(OLD, NEW) THEN
    UPDATE event_occurrences SET sequence = sequence + 1, updated_at = NEW.updated_at
     WHERE event_id = NEW.id;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "events_raise_occurrences"
  AFTER UPDATE ON "events"
  FOR EACH ROW EXECUTE FUNCTION "raise_event_occurrences"();
