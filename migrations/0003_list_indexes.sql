DROP INDEX "organizations_name_key_id_index";--> statement-breakpoint
DROP INDEX "organizations_province_code_name_key_index";--> statement-breakpoint
DROP INDEX "organizations_commune_code_name_key_index";--> statement-breakpoint
DROP INDEX "organizations_old_province_code_name_key_index";--> statement-breakpoint
DROP INDEX "organizations_old_district_code_name_key_index";--> statement-breakpoint
DROP INDEX "organizations_old_commune_code_name_key_index";--> statement-breakpoint
CREATE INDEX "organizations_list_name" ON "organizations" USING btree ("name_key","id","kind","sector","status");--> statement-breakpoint
CREATE INDEX "organizations_list_province" ON "organizations" USING btree ("province_code","name_key","id","kind","sector","status");--> statement-breakpoint
CREATE INDEX "organizations_list_commune" ON "organizations" USING btree ("commune_code","name_key","id","kind","sector","status");--> statement-breakpoint
CREATE INDEX "organizations_list_old_province" ON "organizations" USING btree ("old_province_code","name_key","id","kind","sector","status");--> statement-breakpoint
CREATE INDEX "organizations_list_old_district" ON "organizations" USING btree ("old_district_code","name_key","id","kind","sector","status");--> statement-breakpoint
CREATE INDEX "organizations_list_old_commune" ON "organizations" USING btree ("old_commune_code","name_key","id","kind","sector","status");