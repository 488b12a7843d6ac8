-- TRUNCATE fires no row or statement trigger of 0004's, so a table emptied from psql left the
-- statistics summary counting what it held. Emptying any table the summary reads forgets every
-- kept period: each is built again on its next read (seconds at national scale), as after a
-- deadline's change (stats_forget_period).
CREATE FUNCTION stats_forget_all() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE stats_periods IN EXCLUSIVE MODE;
  DELETE FROM stats_facts;
  DELETE FROM stats_cells;
  DELETE FROM stats_periods;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER stats_forget_all AFTER TRUNCATE ON organizations
  FOR EACH STATEMENT EXECUTE FUNCTION stats_forget_all();
--> statement-breakpoint
CREATE TRIGGER stats_forget_all AFTER TRUNCATE ON organization_status_events
  FOR EACH STATEMENT EXECUTE FUNCTION stats_forget_all();
--> statement-breakpoint
CREATE TRIGGER stats_forget_all AFTER TRUNCATE ON organization_reports
  FOR EACH STATEMENT EXECUTE FUNCTION stats_forget_all();
--> statement-breakpoint
CREATE TRIGGER stats_forget_all AFTER TRUNCATE ON organization_grades
  FOR EACH STATEMENT EXECUTE FUNCTION stats_forget_all();
