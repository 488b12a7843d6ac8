-- Reports with a workflow (ADR 0009), in the statistics summary of 0004:
--  - figures count once their report is approved; grades come from organization_grades;
--  - each fact and cell also says where the organisation's report stands (none, draft,
--    submitted, returned, approved) and whether it was submitted after the period's deadline,
--    so completeness is read from the same cells as the statistics;
--  - a period's deadline is reporting_periods.due_on, or by default 15 December for a year,
--    15 July for a first half, 15 January of the next year for a second half.
-- Then the grading scheme of Circular 01/2020/TT-BKHĐT and the validation rules, as data.

ALTER TABLE stats_periods ADD COLUMN due_on date NOT NULL;
--> statement-breakpoint
ALTER TABLE stats_facts ADD COLUMN report_status text NOT NULL DEFAULT 'none';
--> statement-breakpoint
ALTER TABLE stats_facts ADD COLUMN late boolean NOT NULL DEFAULT false;
--> statement-breakpoint
ALTER TABLE stats_cells ADD COLUMN report_status text NOT NULL DEFAULT 'none';
--> statement-breakpoint
ALTER TABLE stats_cells ADD COLUMN late boolean NOT NULL DEFAULT false;
--> statement-breakpoint

-- The deadline of a period: as set, or the default of its kind.
CREATE FUNCTION period_due_on(p text) RETURNS date
LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT due_on FROM reporting_periods WHERE period = p),
    CASE
      WHEN p LIKE '%-H1' THEN make_date(left(p, 4)::int, 7, 15)
      WHEN p LIKE '%-H2' THEN make_date(left(p, 4)::int + 1, 1, 15)
      ELSE make_date(left(p, 4)::int, 12, 15)
    END)
$$;
--> statement-breakpoint

CREATE VIEW stats_facts_now AS
SELECT
  o.id AS organization_id,
  p.period,
  o.kind,
  o.sector,
  CASE s.status WHEN 'suspended' THEN 'suspended' ELSE 'active' END AS status,
  coalesce(g.grade, 'unrated') AS grade,
  a.members,
  a.workers,
  a.charter_capital_vnd,
  a.revenue_vnd,
  a.profit_vnd,
  a.income_per_worker_month_vnd AS income_vnd,
  CASE WHEN a.workers > 0 AND a.income_per_worker_month_vnd IS NOT NULL THEN a.workers END AS income_workers,
  o.province_code,
  o.commune_code,
  o.old_province_code,
  o.old_district_code,
  o.old_commune_code,
  coalesce(r.status, 'none') AS report_status,
  coalesce(r.submitted_at >= (p.due_on + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh', false) AS late
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
-- the figures of an approved report only
LEFT JOIN organization_reports a ON a.id = r.id AND r.status = 'approved'
LEFT JOIN organization_grades g ON g.organization_id = o.id AND g.period = p.period
WHERE s.status IN ('active', 'suspended', 'dissolving');
--> statement-breakpoint

CREATE OR REPLACE FUNCTION stats_refresh(ids integer[], only_period text DEFAULT NULL) RETURNS void
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
SET work_mem = '32MB'
AS $$
BEGIN
  IF cardinality(ids) IS NOT DISTINCT FROM 0 THEN RETURN; END IF;
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
      old_district_code = excluded.old_district_code, old_commune_code = excluded.old_commune_code,
      report_status = excluded.report_status, late = excluded.late
  ),
  change AS (
    SELECT 1 AS sign, * FROM added
    UNION ALL
    SELECT -1, * FROM removed
  )
  INSERT INTO stats_cells (period, map, code, kind, sector, status, grade, report_status, late, organizations,
    members, members_reported, workers, workers_reported, charter_capital_vnd, charter_capital_reported,
    revenue_vnd, revenue_reported, profit_vnd, profit_reported, income_vnd, income_reported,
    income_weighted, income_workers)
  SELECT c.period, a.map, a.code, c.kind, c.sector, c.status, c.grade, c.report_status, c.late,
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
  GROUP BY c.period, a.map, a.code, c.kind, c.sector, c.status, c.grade, c.report_status, c.late;
END
$$;
--> statement-breakpoint

-- as in 0004, with the period's deadline kept beside its end
CREATE OR REPLACE FUNCTION stats_build_period(p text, ends date, keep integer DEFAULT 12) RETURNS boolean
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
  INSERT INTO stats_periods (period, ends_on, due_on) VALUES (p, ends, period_due_on(p));
  PERFORM stats_refresh(array(SELECT id FROM organizations ORDER BY id), p);
  UPDATE stats_cells SET pending = false WHERE period = p AND pending;
  RETURN true;
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION stats_compact(only_period text DEFAULT NULL) RETURNS integer
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
    INSERT INTO stats_cells (period, map, code, kind, sector, status, grade, report_status, late, organizations,
      members, members_reported, workers, workers_reported, charter_capital_vnd, charter_capital_reported,
      revenue_vnd, revenue_reported, profit_vnd, profit_reported, income_vnd, income_reported,
      income_weighted, income_workers, pending)
    SELECT period, map, code, kind, sector, status, grade, report_status, late, sum(organizations),
      sum(members), sum(members_reported), sum(workers), sum(workers_reported),
      sum(charter_capital_vnd), sum(charter_capital_reported), sum(revenue_vnd), sum(revenue_reported),
      sum(profit_vnd), sum(profit_reported), sum(income_vnd), sum(income_reported),
      sum(income_weighted), sum(income_workers), false
    FROM merged
    GROUP BY period, map, code, kind, sector, status, grade, report_status, late
    HAVING sum(organizations) <> 0
    RETURNING 1
  )
  SELECT count(*)::integer FROM merged
$$;
--> statement-breakpoint

-- grades count in the statistics like reports do
CREATE TRIGGER stats_on_insert AFTER INSERT ON organization_grades
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_track();
--> statement-breakpoint
CREATE TRIGGER stats_on_update AFTER UPDATE ON organization_grades
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_track();
--> statement-breakpoint
CREATE TRIGGER stats_on_delete AFTER DELETE ON organization_grades
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_track();
--> statement-breakpoint

-- a new deadline changes who was late: the period's summary is built again on its next read
CREATE FUNCTION stats_forget_period() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE stats_periods IN EXCLUSIVE MODE;
  DELETE FROM stats_facts WHERE period IN (coalesce(NEW.period, ''), coalesce(OLD.period, ''));
  DELETE FROM stats_cells WHERE period IN (coalesce(NEW.period, ''), coalesce(OLD.period, ''));
  DELETE FROM stats_periods WHERE period IN (coalesce(NEW.period, ''), coalesce(OLD.period, ''));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER stats_forget_period AFTER INSERT OR UPDATE OR DELETE ON reporting_periods
  FOR EACH ROW EXECUTE FUNCTION stats_forget_period();
--> statement-breakpoint

-- Circular 01/2020/TT-BKHĐT: 15 criteria, 100 points (docs: ../shared/design/domain.md §2).
INSERT INTO grading_schemes (code, name, name_en, criteria, cutoffs, min_months, note) VALUES (
  'TT01-2020',
  'Thông tư 01/2020/TT-BKHĐT (15 tiêu chí, 100 điểm)',
  'Circular 01/2020/TT-BKHĐT (15 criteria, 100 points)',
  '[
    {"code": "I.1", "group": "I", "maxPoints": 7, "name": "Vốn hoạt động", "nameEn": "Operating capital"},
    {"code": "I.2", "group": "I", "maxPoints": 6, "name": "Tài sản", "nameEn": "Assets"},
    {"code": "I.3", "group": "I", "maxPoints": 11, "name": "Kết quả hoạt động sản xuất, kinh doanh", "nameEn": "Business results"},
    {"code": "I.4", "group": "I", "maxPoints": 6, "name": "Trích lập các quỹ", "nameEn": "Fund allocations"},
    {"code": "II.1", "group": "II", "maxPoints": 8, "name": "Chấp hành quy định của pháp luật", "nameEn": "Legal compliance"},
    {"code": "II.2", "group": "II", "maxPoints": 6, "name": "Tranh chấp, khiếu nại", "nameEn": "Disputes and complaints"},
    {"code": "II.3", "group": "II", "maxPoints": 6, "name": "Trình độ cán bộ quản lý", "nameEn": "Managers'' qualifications"},
    {"code": "II.4", "group": "II", "maxPoints": 6, "name": "Chính sách với thành viên, người lao động", "nameEn": "Member and worker policies"},
    {"code": "II.5", "group": "II", "maxPoints": 4, "name": "Ứng dụng công nghệ, thương hiệu, chuỗi giá trị", "nameEn": "Technology, brand, value chain"},
    {"code": "III.1", "group": "III", "maxPoints": 8, "name": "Sự tham gia của thành viên", "nameEn": "Member participation"},
    {"code": "III.2", "group": "III", "maxPoints": 8, "name": "Lợi ích của thành viên", "nameEn": "Member benefits"},
    {"code": "III.3", "group": "III", "maxPoints": 8, "name": "Sản phẩm, dịch vụ cung ứng cho thành viên", "nameEn": "Products and services for members"},
    {"code": "III.4", "group": "III", "maxPoints": 6, "name": "Thông tin, đào tạo, bồi dưỡng", "nameEn": "Information and training"},
    {"code": "III.5", "group": "III", "maxPoints": 6, "name": "Tác động đến cộng đồng", "nameEn": "Community impact"},
    {"code": "III.6", "group": "III", "maxPoints": 4, "name": "Khen thưởng", "nameEn": "Awards"}
  ]'::jsonb,
  '{"good": 80, "fair": 65, "average": 50}'::jsonb,
  12,
  'Nhóm I và II theo thông tư; điểm từng tiêu chí nhóm III (tổng 40) chưa được xác nhận với văn bản gốc. / Groups I and II per the circular; the points of each group III criterion (40 in all) are not confirmed against the official text.'
);
--> statement-breakpoint

-- The validation rules (shared/rules/check-report.ts): errors block submission, warnings ask
-- for a comment.
INSERT INTO report_rules (code, position, level, kind, params, message, message_en) VALUES
  ('non_negative', 1, 'error', 'non_negative',
    '{"fields": ["members", "workers", "charterCapitalVnd", "assetsVnd", "revenueVnd", "serviceRevenueVnd", "incomePerWorkerMonthVnd"]}',
    '{label} không được âm ({value})', '{label} cannot be negative ({value})'),
  ('profit_not_above_revenue', 2, 'error', 'not_greater', '{"field": "profitVnd", "than": "revenueVnd"}',
    '{label} ({value}) không thể lớn hơn {other} ({limit})', '{label} ({value}) cannot exceed {other} ({limit})'),
  ('service_revenue_not_above_revenue', 3, 'error', 'not_greater', '{"field": "serviceRevenueVnd", "than": "revenueVnd"}',
    '{label} ({value}) không thể lớn hơn {other} ({limit})', '{label} ({value}) cannot exceed {other} ({limit})'),
  ('members_legal_minimum', 4, 'error', 'min_by_kind', '{"field": "members", "min": {"HTX": 5, "THT": 2, "LHHTX": 3}}',
    '{label} ({value}) dưới mức tối thiểu theo luật cho loại hình này ({limit})',
    '{label} ({value}) is below the legal minimum for this kind ({limit})'),
  ('large_change', 5, 'warning', 'change', '{"fields": ["members", "workers", "revenueVnd", "charterCapitalVnd"], "percent": 50}',
    '{label} thay đổi {value}% so với kỳ trước (quá {limit}%): ghi rõ lý do', '{label} changed by {value}% from the last period (over {limit}%): explain why'),
  ('income_plausible', 6, 'warning', 'range', '{"field": "incomePerWorkerMonthVnd", "min": 1000000, "max": 100000000}',
    '{label} {value} đồng ngoài khoảng thường gặp: ghi rõ lý do', '{label} {value} VND is unusual: explain why');
