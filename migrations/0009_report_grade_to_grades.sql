-- Grades move from the reports to organization_grades (source 'import': they came from files
-- or the demo data), so that a report's workflow and a grade's scoring are separate. The
-- statistics summary reads both: its view goes now and comes back, with the approved-only
-- figures and the report statuses, in 0010; the summary is rebuilt on the next read.
TRUNCATE stats_periods, stats_facts, stats_cells;
--> statement-breakpoint
DROP VIEW stats_facts_now;
--> statement-breakpoint
INSERT INTO organization_grades (organization_id, period, grade, source)
SELECT organization_id, period, grade, 'import' FROM organization_reports WHERE grade IS NOT NULL;
--> statement-breakpoint
ALTER TABLE "organization_reports" DROP CONSTRAINT "organization_reports_grade_check";--> statement-breakpoint
ALTER TABLE "organization_reports" DROP COLUMN "grade";
