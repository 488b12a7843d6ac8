-- A period's dates are changed with the version read (0: never saved, the defaults), so that two
-- administrators' edits meet a 409 instead of the later one silently replacing the other's.
ALTER TABLE "reporting_periods" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;