-- The statistics summary (contracts §4 at national scale, docs/decisions/0007-stats-summary.md).
-- For each tracked period, what every organisation counted at its end contributes
-- (stats_facts, indexed by the small areas: communes and former districts), and the sums of
-- those contributions for the large areas — the country and the provinces of both maps — by
-- kind, sector, status and grade (stats_cells). Triggers on the three tables the figures come
-- from keep both current in the writing transaction, so a figure read from the summary is the
-- figure of the live definition (the view stats_facts_now).
--
-- stats_cells is additive: a change appends signed rows (pending) rather than updating a
-- shared row, so concurrent writers never wait for each other on the country's cells;
-- stats_compact() merges them. Readers sum whatever rows an area has.

CREATE TABLE stats_periods (
  period text PRIMARY KEY,
  ends_on date NOT NULL,
  built_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE stats_facts (
  organization_id integer NOT NULL,
  period text NOT NULL,
  kind text NOT NULL,
  sector text NOT NULL,
  -- at the period's end: 'active' (also while being dissolved) or 'suspended'
  status text NOT NULL,
  grade text NOT NULL,
  members integer,
  workers integer,
  charter_capital_vnd bigint,
  revenue_vnd bigint,
  profit_vnd bigint,
  income_vnd bigint,
  -- workers that weigh the income (workers > 0 and an income reported)
  income_workers integer,
  province_code text NOT NULL,
  commune_code text,
  old_province_code text,
  old_district_code text,
  old_commune_code text,
  PRIMARY KEY (organization_id, period)
);
--> statement-breakpoint
CREATE INDEX stats_facts_commune ON stats_facts (period, commune_code);
--> statement-breakpoint
CREATE INDEX stats_facts_old_district ON stats_facts (period, old_district_code);
--> statement-breakpoint
CREATE INDEX stats_facts_old_commune ON stats_facts (period, old_commune_code);
--> statement-breakpoint
CREATE TABLE stats_cells (
  period text NOT NULL,
  map text NOT NULL,
  -- 'VN' (map 'current') or a province code on the map
  code text NOT NULL,
  kind text NOT NULL,
  sector text NOT NULL,
  status text NOT NULL,
  grade text NOT NULL,
  organizations integer NOT NULL,
  -- each figure: its sum, and how many organisations reported it (null stays null)
  members bigint NOT NULL,
  members_reported integer NOT NULL,
  workers bigint NOT NULL,
  workers_reported integer NOT NULL,
  charter_capital_vnd numeric NOT NULL,
  charter_capital_reported integer NOT NULL,
  revenue_vnd numeric NOT NULL,
  revenue_reported integer NOT NULL,
  profit_vnd numeric NOT NULL,
  profit_reported integer NOT NULL,
  income_vnd numeric NOT NULL,
  income_reported integer NOT NULL,
  -- Σ income × workers and Σ workers, over those that reported both
  income_weighted numeric NOT NULL,
  income_workers bigint NOT NULL,
  -- a change appended by a writer, not yet merged by stats_compact()
  pending boolean NOT NULL DEFAULT true
);
--> statement-breakpoint
CREATE INDEX stats_cells_area ON stats_cells (period, map, code);
--> statement-breakpoint
CREATE INDEX stats_cells_pending ON stats_cells (period, map, code) WHERE pending;
--> statement-breakpoint

-- What each organisation contributes to each tracked period, computed from the live tables:
-- founded by the period's end, its legal status then (the recorded one when it already held,
-- else the latest dated event up to the end), existing (active, suspended, being dissolved),
-- with the period's report.
CREATE VIEW stats_facts_now AS
SELECT
  o.id AS organization_id,
  p.period,
  o.kind,
  o.sector,
  CASE s.status WHEN 'suspended' THEN 'suspended' ELSE 'active' END AS status,
  coalesce(r.grade, 'unrated') AS grade,
  r.members,
  r.workers,
  r.charter_capital_vnd,
  r.revenue_vnd,
  r.profit_vnd,
  r.income_per_worker_month_vnd AS income_vnd,
  CASE WHEN r.workers > 0 AND r.income_per_worker_month_vnd IS NOT NULL THEN r.workers END AS income_workers,
  o.province_code,
  o.commune_code,
  o.old_province_code,
  o.old_district_code,
  o.old_commune_code
FROM stats_periods p
JOIN organizations o ON o.founded_on IS NULL OR o.founded_on <= p.ends_on
CROSS JOIN LATERAL (
  SELECT CASE
    WHEN o.status_since IS NULL OR o.status_since <= p.ends_on THEN o.status
    ELSE (
      SELECT e.status FROM organization_status_events e
      WHERE e.organization_id = o.id AND e.effective_on <= p.ends_on
      ORDER BY e.effective_on DESC, e.id DESC
      LIMIT 1)
  END AS status
) s
LEFT JOIN organization_reports r ON r.organization_id = o.id AND r.period = p.period
WHERE s.status IN ('active', 'suspended', 'dissolving');
--> statement-breakpoint

-- Brings the facts of these organisations for the tracked periods (or only `only_period`) up
-- to date, and appends the difference to stats_cells: +1 for a fact that appeared or changed,
-- -1 for one that changed or vanished, in the country and its province on both maps.
-- The caller holds the organisations (stats_track locks them; a build holds stats_periods
-- EXCLUSIVE). The statement is planned once per session (writes are many and small) and
-- sorts in memory at national scale.
CREATE FUNCTION stats_refresh(ids integer[], only_period text DEFAULT NULL) RETURNS void
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
SET work_mem = '32MB'
AS $$
BEGIN
  IF cardinality(ids) IS NOT DISTINCT FROM 0 THEN RETURN; END IF;
  -- a period being built (stats_build_period) holds EXCLUSIVE: wait for it, then see it
  LOCK TABLE stats_periods IN ROW SHARE MODE;
  IF NOT EXISTS (SELECT FROM stats_periods) THEN RETURN; END IF;
  WITH fresh AS (
    SELECT * FROM stats_facts_now
    WHERE organization_id = ANY (ids) AND (only_period IS NULL OR period = only_period)
  ),
  stored AS (
    SELECT * FROM stats_facts
    WHERE organization_id = ANY (ids) AND (only_period IS NULL OR period = only_period)
  ),
  added AS (SELECT * FROM fresh EXCEPT ALL SELECT * FROM stored),
  removed AS (SELECT * FROM stored EXCEPT ALL SELECT * FROM fresh),
  vanished AS (
    DELETE FROM stats_facts f USING removed r
    WHERE f.organization_id = r.organization_id AND f.period = r.period
      AND NOT EXISTS (SELECT FROM added a WHERE a.organization_id = r.organization_id AND a.period = r.period)
  ),
  written AS (
    INSERT INTO stats_facts SELECT * FROM added
    ON CONFLICT (organization_id, period) DO UPDATE SET
      kind = excluded.kind, sector = excluded.sector, status = excluded.status, grade = excluded.grade,
      members = excluded.members, workers = excluded.workers,
      charter_capital_vnd = excluded.charter_capital_vnd, revenue_vnd = excluded.revenue_vnd,
      profit_vnd = excluded.profit_vnd, income_vnd = excluded.income_vnd,
      income_workers = excluded.income_workers, province_code = excluded.province_code,
      commune_code = excluded.commune_code, old_province_code = excluded.old_province_code,
      old_district_code = excluded.old_district_code, old_commune_code = excluded.old_commune_code
  ),
  change AS (
    SELECT 1 AS sign, * FROM added
    UNION ALL
    SELECT -1, * FROM removed
  )
  INSERT INTO stats_cells (period, map, code, kind, sector, status, grade, organizations,
    members, members_reported, workers, workers_reported, charter_capital_vnd, charter_capital_reported,
    revenue_vnd, revenue_reported, profit_vnd, profit_reported, income_vnd, income_reported,
    income_weighted, income_workers)
  SELECT c.period, a.map, a.code, c.kind, c.sector, c.status, c.grade,
    sum(sign),
    coalesce(sum(sign * c.members), 0), sum(sign * (c.members IS NOT NULL)::int),
    coalesce(sum(sign * c.workers), 0), sum(sign * (c.workers IS NOT NULL)::int),
    coalesce(sum(sign * c.charter_capital_vnd), 0), sum(sign * (c.charter_capital_vnd IS NOT NULL)::int),
    coalesce(sum(sign * c.revenue_vnd), 0), sum(sign * (c.revenue_vnd IS NOT NULL)::int),
    coalesce(sum(sign * c.profit_vnd), 0), sum(sign * (c.profit_vnd IS NOT NULL)::int),
    coalesce(sum(sign * c.income_vnd), 0), sum(sign * (c.income_vnd IS NOT NULL)::int),
    coalesce(sum(sign * c.income_vnd::numeric * c.income_workers), 0),
    coalesce(sum(sign * c.income_workers), 0)
  FROM change c
  CROSS JOIN LATERAL (VALUES ('current', 'VN'), ('current', c.province_code), ('pre-2025', c.old_province_code)) a (map, code)
  WHERE a.code IS NOT NULL
  GROUP BY c.period, a.map, a.code, c.kind, c.sector, c.status, c.grade;
END
$$;
--> statement-breakpoint

-- Starts tracking a period: its facts and cells for every organisation, built under an
-- EXCLUSIVE lock so that no write slips between the build and the triggers. Keeps at most
-- `keep` periods (the least recently built go). Answers false when it was tracked already.
CREATE FUNCTION stats_build_period(p text, ends date, keep integer DEFAULT 12) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  dropped text[];
BEGIN
  LOCK TABLE stats_periods IN EXCLUSIVE MODE;
  IF EXISTS (SELECT FROM stats_periods WHERE period = p) THEN RETURN false; END IF;
  dropped := array(SELECT period FROM stats_periods ORDER BY built_at DESC, period OFFSET greatest(keep - 1, 0));
  DELETE FROM stats_periods WHERE period = ANY (dropped);
  DELETE FROM stats_facts WHERE period = ANY (dropped);
  DELETE FROM stats_cells WHERE period = ANY (dropped);
  INSERT INTO stats_periods (period, ends_on) VALUES (p, ends);
  PERFORM stats_refresh(array(SELECT id FROM organizations ORDER BY id), p);
  -- built from nothing: one row per cell already, nothing to merge
  UPDATE stats_cells SET pending = false WHERE period = p AND pending;
  RETURN true;
END
$$;
--> statement-breakpoint

-- Merges the pending rows of the areas that have some (of one period, or all) into one row
-- per cell, dropping empty cells. Rows appended meanwhile by other transactions are not in
-- this snapshot and stay pending; two compactions at once each merge only what they deleted.
CREATE FUNCTION stats_compact(only_period text DEFAULT NULL) RETURNS integer
LANGUAGE sql AS $$
  WITH areas AS (
    SELECT DISTINCT period, map, code FROM stats_cells
    WHERE pending AND (only_period IS NULL OR period = only_period)
  ),
  merged AS (
    DELETE FROM stats_cells c USING areas a
    WHERE c.period = a.period AND c.map = a.map AND c.code = a.code
    RETURNING c.*
  ),
  kept AS (
    INSERT INTO stats_cells
    SELECT period, map, code, kind, sector, status, grade, sum(organizations),
      sum(members), sum(members_reported), sum(workers), sum(workers_reported),
      sum(charter_capital_vnd), sum(charter_capital_reported), sum(revenue_vnd), sum(revenue_reported),
      sum(profit_vnd), sum(profit_reported), sum(income_vnd), sum(income_reported),
      sum(income_weighted), sum(income_workers), false
    FROM merged
    GROUP BY period, map, code, kind, sector, status, grade
    HAVING sum(organizations) <> 0
    RETURNING 1
  )
  SELECT count(*)::integer FROM merged
$$;
--> statement-breakpoint

-- Every write to the tables the figures come from refreshes the organisations it touched.
-- They are locked first (in id order), so two transactions changing one organisation refresh
-- it in turn, the second seeing the first's committed facts (read committed: each statement
-- of the function takes a new snapshot).
CREATE FUNCTION stats_track() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids integer[];
BEGIN
  IF TG_TABLE_NAME = 'organizations' THEN
    IF TG_OP = 'DELETE' THEN ids := array(SELECT id FROM old_rows);
    ELSE ids := array(SELECT id FROM new_rows);
    END IF;
  ELSIF TG_OP = 'INSERT' THEN ids := array(SELECT DISTINCT organization_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN ids := array(SELECT DISTINCT organization_id FROM old_rows);
  ELSE ids := array(SELECT organization_id FROM new_rows UNION SELECT organization_id FROM old_rows);
  END IF;
  -- taken before looking, so that a period built meanwhile waits for this transaction
  LOCK TABLE stats_periods IN ROW SHARE MODE;
  -- a bulk writer (the import) refreshes everything it wrote once, at its end
  IF current_setting('hoptac.stats_deferred', true) = 'on' THEN RETURN NULL; END IF;
  IF NOT EXISTS (SELECT FROM stats_periods) THEN RETURN NULL; END IF;
  PERFORM FROM organizations WHERE id = ANY (ids) ORDER BY id FOR NO KEY UPDATE;
  PERFORM stats_refresh(ids);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER stats_on_insert AFTER INSERT ON organizations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_track();
--> statement-breakpoint
CREATE TRIGGER stats_on_update AFTER UPDATE ON organizations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_track();
--> statement-breakpoint
CREATE TRIGGER stats_on_delete AFTER DELETE ON organizations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_track();
--> statement-breakpoint
CREATE TRIGGER stats_on_insert AFTER INSERT ON organization_reports
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_track();
--> statement-breakpoint
CREATE TRIGGER stats_on_update AFTER UPDATE ON organization_reports
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_track();
--> statement-breakpoint
CREATE TRIGGER stats_on_delete AFTER DELETE ON organization_reports
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_track();
--> statement-breakpoint
CREATE TRIGGER stats_on_insert AFTER INSERT ON organization_status_events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_track();
--> statement-breakpoint
CREATE TRIGGER stats_on_update AFTER UPDATE ON organization_status_events
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_track();
--> statement-breakpoint
CREATE TRIGGER stats_on_delete AFTER DELETE ON organization_status_events
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_track();
