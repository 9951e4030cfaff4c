ALTER TABLE `outbox` ADD `about` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `valid_until` integer;