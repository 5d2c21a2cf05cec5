-- Issue 8: the organizer is asked for the number of participants once, the morning after a date.
ALTER TABLE "event_occurrences" ADD COLUMN "attendance_reminded_at" timestamp with time zone;