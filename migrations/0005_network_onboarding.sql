CREATE TABLE `group_hints` (
	`platform` text NOT NULL,
	`user_id` text NOT NULL,
	`chat_id` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`platform`, `user_id`)
);
--> statement-breakpoint
CREATE TABLE `handovers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`network_id` text NOT NULL,
	`agency_id` integer NOT NULL,
	`from_person_id` integer,
	`to_person_id` integer NOT NULL,
	`started_by` integer NOT NULL,
	`status` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`decided_at` integer,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `handovers_agency` ON `handovers` (`agency_id`,`status`);--> statement-breakpoint
ALTER TABLE `agencies` ADD `contact` text;--> statement-breakpoint
ALTER TABLE `groups` ADD `active` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `groups` ADD `left_at` integer;--> statement-breakpoint
ALTER TABLE `invites` ADD `created_at` integer;--> statement-breakpoint
-- Invites made before the column: all were 7-day codes.
UPDATE `invites` SET `created_at` = `expires_at` - 604800000;