CREATE TABLE "organization_grades" (
	"organization_id" integer NOT NULL,
	"period" text NOT NULL,
	"grade" text NOT NULL,
	"source" text NOT NULL,
	"scheme" text,
	"scores" jsonb,
	"total" numeric(5, 1),
	"version" integer DEFAULT 1 NOT NULL,
	"graded_by" integer,
	"graded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_grades_organization_id_period_pk" PRIMARY KEY("organization_id","period"),
	CONSTRAINT "organization_grades_grade_check" CHECK (grade in ('good', 'fair', 'average', 'weak')),
	CONSTRAINT "organization_grades_source_check" CHECK (source in ('scored', 'import'))
);
--> statement-breakpoint
CREATE TABLE "grading_schemes" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"cutoffs" jsonb NOT NULL,
	"min_months" integer NOT NULL,
	"note" text,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_rules" (
	"code" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"message" text NOT NULL,
	"message_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reporting_periods" (
	"period" text PRIMARY KEY NOT NULL,
	"opens_on" date NOT NULL,
	"due_on" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "organization_reports_period_grade_index";--> statement-breakpoint
ALTER TABLE "organization_reports" ADD COLUMN "assets_vnd" bigint;--> statement-breakpoint
ALTER TABLE "organization_reports" ADD COLUMN "service_revenue_vnd" bigint;--> statement-breakpoint
ALTER TABLE "organization_reports" ADD COLUMN "difficulties" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "organization_reports" ADD COLUMN "proposals" text;--> statement-breakpoint
ALTER TABLE "organization_reports" ADD COLUMN "comment" text;--> statement-breakpoint
ALTER TABLE "organization_reports" ADD COLUMN "entered_by" integer;--> statement-breakpoint
ALTER TABLE "organization_reports" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organization_reports" ADD COLUMN "submitted_by" integer;--> statement-breakpoint
ALTER TABLE "organization_reports" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organization_reports" ADD COLUMN "reviewed_by" integer;--> statement-breakpoint
ALTER TABLE "organization_reports" ADD COLUMN "return_reason" text;--> statement-breakpoint
ALTER TABLE "organization_grades" ADD CONSTRAINT "organization_grades_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organization_grades_period_grade_index" ON "organization_grades" USING btree ("period","grade");--> statement-breakpoint
CREATE INDEX "organization_reports_period_status_index" ON "organization_reports" USING btree ("period","status");--> statement-breakpoint
ALTER TABLE "organization_reports" ADD CONSTRAINT "organization_reports_status_check" CHECK (status in ('draft', 'submitted', 'returned', 'approved'));--> statement-breakpoint
ALTER TABLE "organization_reports" ADD CONSTRAINT "organization_reports_source_check" CHECK (source in ('officer', 'cooperative'));