-- The statistics read an organisation's existence from its status history, whose first event is
-- its founding: dated at the founding date, or at the record's creation when none was known.
-- A founding date set or corrected later (an edit, a re-import) moves that event with it, so an
-- organisation founded in 2020 and recorded in 2024 counts in 2023. It moves earlier always,
-- later only when it was the founding date; never past the next event, so the history keeps
-- its order. The current status's date follows when that event is the only one.
CREATE FUNCTION organizations_founding_moves() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  first_id integer;
  first_on date;
  next_on date;
BEGIN
  SELECT id, effective_on INTO first_id, first_on FROM organization_status_events
    WHERE organization_id = new.id ORDER BY effective_on, id LIMIT 1;
  IF first_id IS NULL OR first_on = new.founded_on THEN
    RETURN new;
  END IF;
  SELECT effective_on INTO next_on FROM organization_status_events
    WHERE organization_id = new.id AND id <> first_id ORDER BY effective_on, id LIMIT 1;
  IF (new.founded_on < first_on OR old.founded_on IS NULL OR first_on = old.founded_on)
     AND (next_on IS NULL OR new.founded_on <= next_on) THEN
    UPDATE organization_status_events SET effective_on = new.founded_on WHERE id = first_id;
    IF next_on IS NULL AND new.status_since = first_on THEN
      new.status_since := new.founded_on;
    END IF;
  END IF;
  RETURN new;
END $$;
--> statement-breakpoint
CREATE TRIGGER organizations_founding_moves BEFORE UPDATE OF founded_on ON organizations
  FOR EACH ROW WHEN (new.founded_on IS NOT NULL AND new.founded_on IS DISTINCT FROM old.founded_on)
  EXECUTE FUNCTION organizations_founding_moves();
