CREATE TABLE "field_review_findings" (
	"review_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"findings" text,
	"difficulties" text[] DEFAULT '{}' NOT NULL,
	"proposals" text,
	CONSTRAINT "field_review_findings_review_id_organization_id_pk" PRIMARY KEY("review_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "field_reviews" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "field_reviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text,
	"delegation" text NOT NULL,
	"notes" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "field_reviews_kind_check" CHECK (kind in ('visit', 'survey'))
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "field_review_findings" ADD CONSTRAINT "field_review_findings_review_id_field_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."field_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_review_findings" ADD CONSTRAINT "field_review_findings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "field_review_findings_organization_id_index" ON "field_review_findings" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "field_reviews_province_code_held_on_index" ON "field_reviews" USING btree ("province_code","held_on");--> statement-breakpoint
CREATE INDEX "field_reviews_commune_code_held_on_index" ON "field_reviews" USING btree ("commune_code","held_on");--> statement-breakpoint
-- "hoạt động hiệu quả": good and fair, until an administrator decides otherwise
INSERT INTO "settings" ("key", "value") VALUES ('effective_grades', '["good", "fair"]');
