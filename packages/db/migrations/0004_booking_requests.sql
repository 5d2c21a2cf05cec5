CREATE TABLE "booking_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"venue_id" uuid NOT NULL,
	"space_id" uuid NOT NULL,
	"association_id" uuid,
	"city_use" boolean DEFAULT false NOT NULL,
	"requested_by" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"rrule" text,
	"except_dates" date[] DEFAULT '{}' NOT NULL,
	"purpose" text NOT NULL,
	"expected_attendance" integer,
	"public_event" boolean DEFAULT false NOT NULL,
	"terms_accepted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_requests_range_check" CHECK ("booking_requests"."ends_at" > "booking_requests"."starts_at"),
	CONSTRAINT "booking_requests_owner_check" CHECK (("booking_requests"."city_use" and "booking_requests"."association_id" is null) or (not "booking_requests"."city_use" and "booking_requests"."association_id" is not null))
);
--> statement-breakpoint
DROP INDEX "bookings_series_idx";--> statement-breakpoint
ALTER TABLE "bookings" ALTER COLUMN "association_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "request_id" uuid;--> statement-breakpoint
-- Bookings made before requests existed become requests: one per series (the old
-- series_id, which keeps its id) or per lone booking, holding its first date's slot.
INSERT INTO "booking_requests" ("id", "municipality_id", "venue_id", "space_id", "association_id",
  "requested_by", "starts_at", "ends_at", "purpose", "expected_attendance", "terms_accepted_at",
  "created_at", "updated_at")
SELECT DISTINCT ON (coalesce(b."series_id", b."id")) coalesce(b."series_id", b."id"),
  b."municipality_id", b."venue_id", b."space_id", b."association_id", b."requested_by",
  b."starts_at", b."ends_at", b."purpose", b."expected_attendance", b."created_at",
  b."created_at", b."updated_at"
FROM "bookings" b
ORDER BY coalesce(b."series_id", b."id"), b."starts_at";--> statement-breakpoint
UPDATE "bookings" SET "request_id" = coalesce("series_id", "id");--> statement-breakpoint
ALTER TABLE "bookings" ALTER COLUMN "request_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "booking_requests" ADD CONSTRAINT "booking_requests_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_requests" ADD CONSTRAINT "booking_requests_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_requests" ADD CONSTRAINT "booking_requests_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_requests" ADD CONSTRAINT "booking_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_requests" ADD CONSTRAINT "booking_requests_space_id_venue_id_spaces_id_venue_id_fk" FOREIGN KEY ("space_id","venue_id") REFERENCES "public"."spaces"("id","venue_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "booking_requests_venue_idx" ON "booking_requests" USING btree ("venue_id","created_at");--> statement-breakpoint
CREATE INDEX "booking_requests_association_idx" ON "booking_requests" USING btree ("association_id");--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_request_id_booking_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."booking_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bookings_request_idx" ON "bookings" USING btree ("request_id");--> statement-breakpoint
ALTER TABLE "bookings" DROP COLUMN "series_id";