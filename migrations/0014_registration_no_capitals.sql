-- A registration number (mã số) has one spelling: the key re-imports match on is stored in
-- capitals, so "k2" typed in a file updates "K2" instead of creating a second organisation.
-- Every write path upper-cases it; the check makes sure none forgets. Numbers that already
-- differ only in case are two records a person must merge: the migration stops and names them.
DO $$
DECLARE clashes text;
BEGIN
  SELECT string_agg(spellings, '; ') INTO clashes FROM (
    SELECT string_agg(registration_no, ', ' ORDER BY registration_no) AS spellings
    FROM organizations GROUP BY upper(registration_no) HAVING count(*) > 1
  ) c;
  IF clashes IS NOT NULL THEN
    RAISE EXCEPTION 'Mã số chỉ khác nhau chữ hoa/thường, cần gộp trước khi nâng cấp / registration numbers differ only in case, merge them before upgrading: %', clashes;
  END IF;
END
$$;
--> statement-breakpoint
UPDATE "organizations" SET "registration_no" = upper("registration_no"), "version" = "version" + 1, "updated_at" = now()
WHERE "registration_no" <> upper("registration_no");
--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_registration_no_check" CHECK (registration_no = upper(registration_no));
