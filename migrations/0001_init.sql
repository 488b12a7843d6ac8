CREATE TABLE "admin_unit_successors" (
	"old_code" text NOT NULL,
	"new_code" text NOT NULL,
	"level" text NOT NULL,
	"coverage" text NOT NULL,
	CONSTRAINT "admin_unit_successors_old_code_new_code_pk" PRIMARY KEY("old_code","new_code"),
	CONSTRAINT "admin_unit_successors_coverage_check" CHECK (coverage in ('full', 'partial'))
);
--> statement-breakpoint
CREATE TABLE "admin_units" (
	"map" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"name_en" text,
	"level" text NOT NULL,
	"type" text NOT NULL,
	"parent_code" text,
	"province_code" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admin_units_map_code_pk" PRIMARY KEY("map","code"),
	CONSTRAINT "admin_units_map_check" CHECK (map in ('current', 'pre-2025')),
	CONSTRAINT "admin_units_level_check" CHECK (level in ('province', 'district', 'commune'))
);
--> statement-breakpoint
CREATE TABLE "organization_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organization_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organization_id" integer NOT NULL,
	"period" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"members" integer,
	"workers" integer,
	"charter_capital_vnd" bigint,
	"revenue_vnd" bigint,
	"profit_vnd" bigint,
	"income_per_worker_month_vnd" bigint,
	"grade" text,
	"status" text DEFAULT 'approved' NOT NULL,
	"source" text DEFAULT 'officer' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_reports_grade_check" CHECK (grade is null or grade in ('good', 'fair', 'average', 'weak', 'unrated')),
	CONSTRAINT "organization_reports_counts_check" CHECK (coalesce(members, 0) >= 0 and coalesce(workers, 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "organization_status_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organization_status_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organization_id" integer NOT NULL,
	"status" text NOT NULL,
	"effective_on" date NOT NULL,
	"note" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organizations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"registration_no" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"sector" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"status_since" date,
	"founded_on" date,
	"province_code" text NOT NULL,
	"commune_code" text,
	"old_province_code" text,
	"old_district_code" text,
	"old_commune_code" text,
	"recorded_map" text DEFAULT 'current' NOT NULL,
	"address" text,
	"representative" text,
	"phone" text,
	"email" text,
	"name_key" text GENERATED ALWAYS AS (lower(f_unaccent(name))) STORED,
	"search_text" text GENERATED ALWAYS AS (lower(f_unaccent(name || ' ' || registration_no))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_kind_check" CHECK (kind in ('HTX', 'THT', 'LHHTX')),
	CONSTRAINT "organizations_sector_check" CHECK (sector in ('agriculture', 'industry_handicraft', 'construction', 'trade_services', 'transport', 'credit_fund', 'environment', 'other')),
	CONSTRAINT "organizations_status_check" CHECK (status in ('active', 'suspended', 'dissolving', 'dissolved', 'bankrupt', 'revoked', 'reorganized')),
	CONSTRAINT "organizations_recorded_map_check" CHECK (recorded_map in ('current', 'pre-2025'))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"area_code" text,
	"organization_id" integer,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "organization_reports" ADD CONSTRAINT "organization_reports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_status_events" ADD CONSTRAINT "organization_status_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_unit_successors_new_code_index" ON "admin_unit_successors" USING btree ("new_code");--> statement-breakpoint
CREATE INDEX "admin_units_map_parent_code_index" ON "admin_units" USING btree ("map","parent_code");--> statement-breakpoint
CREATE UNIQUE INDEX "organization_reports_organization_id_period_index" ON "organization_reports" USING btree ("organization_id","period");--> statement-breakpoint
CREATE INDEX "organization_reports_period_grade_index" ON "organization_reports" USING btree ("period","grade");--> statement-breakpoint
CREATE INDEX "organization_status_events_organization_id_effective_on_index" ON "organization_status_events" USING btree ("organization_id","effective_on");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_registration_no_index" ON "organizations" USING btree ("registration_no");--> statement-breakpoint
CREATE INDEX "organizations_name_key_id_index" ON "organizations" USING btree ("name_key","id");--> statement-breakpoint
CREATE INDEX "organizations_province_code_name_key_index" ON "organizations" USING btree ("province_code","name_key");--> statement-breakpoint
CREATE INDEX "organizations_commune_code_name_key_index" ON "organizations" USING btree ("commune_code","name_key");--> statement-breakpoint
CREATE INDEX "organizations_old_province_code_name_key_index" ON "organizations" USING btree ("old_province_code","name_key");--> statement-breakpoint
CREATE INDEX "organizations_old_district_code_name_key_index" ON "organizations" USING btree ("old_district_code","name_key");--> statement-breakpoint
CREATE INDEX "organizations_old_commune_code_name_key_index" ON "organizations" USING btree ("old_commune_code","name_key");--> statement-breakpoint
CREATE INDEX "organizations_search_trgm" ON "organizations" USING gin ("search_text" gin_trgm_ops);