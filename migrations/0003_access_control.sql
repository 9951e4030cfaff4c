CREATE TABLE `blocks` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`blocked_by` integer,
	`at` integer NOT NULL,
	`noticed_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `invites` ADD `cancelled_at` integer;--> statement-breakpoint
ALTER TABLE `invites` ADD `cancelled_by` integer;--> statement-breakpoint
ALTER TABLE `memberships` ADD `ended_at` integer;--> statement-breakpoint
ALTER TABLE `memberships` ADD `ended_by` integer;--> statement-breakpoint
CREATE INDEX `audit_action_at` ON `audit_log` (`action`,`at`);