DROP INDEX `activities_network_date`;--> statement-breakpoint
CREATE INDEX `activities_network_date` ON `activities` (`network_id`,`date`,`type_id`,`agency_id`,`deleted_at`,`quantity`);