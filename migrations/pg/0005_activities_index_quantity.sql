DROP INDEX "activities_network_date";--> statement-breakpoint
CREATE INDEX "activities_network_date" ON "activities" USING btree ("network_id","date","type_id","agency_id","deleted_at","quantity");