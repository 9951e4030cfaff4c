CREATE TABLE `activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`network_id` text NOT NULL,
	`agency_id` integer NOT NULL,
	`author_person_id` integer NOT NULL,
	`type_id` text NOT NULL,
	`date` text NOT NULL,
	`title` text NOT NULL,
	`link` text,
	`quantity` integer,
	`participants` integer,
	`task_id` integer,
	`attachments` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer,
	`deleted_at` integer,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activities_agency_date` ON `activities` (`agency_id`,`date`);--> statement-breakpoint
CREATE INDEX `activities_network_date` ON `activities` (`network_id`,`date`);--> statement-breakpoint
CREATE TABLE `agencies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`network_id` text NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text,
	`aliases` text NOT NULL,
	`search_key` text NOT NULL,
	`kind` text NOT NULL,
	`successor` text,
	`active` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agencies_network_slug` ON `agencies` (`network_id`,`slug`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_person_id` integer,
	`action` text NOT NULL,
	`detail` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `conversations` (
	`platform` text NOT NULL,
	`chat_id` text NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`version` integer NOT NULL,
	`state` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`platform`, `chat_id`, `user_id`)
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`network_id` text NOT NULL,
	`slug` text NOT NULL,
	`number` text NOT NULL,
	`date` text,
	`issuer` text NOT NULL,
	`subject` text NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_network_slug` ON `documents` (`network_id`,`slug`);--> statement-breakpoint
CREATE TABLE `duties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`network_id` text NOT NULL,
	`slug` text NOT NULL,
	`spec` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `duties_network_slug` ON `duties` (`network_id`,`slug`);--> statement-breakpoint
CREATE TABLE `file_links` (
	`token` text PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`data` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `groups` (
	`platform` text NOT NULL,
	`chat_id` text NOT NULL,
	`network_id` text NOT NULL,
	`title` text,
	`bound_by` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	PRIMARY KEY(`platform`, `chat_id`),
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `groups_network` ON `groups` (`network_id`);--> statement-breakpoint
CREATE TABLE `identities` (
	`platform` text NOT NULL,
	`user_id` text NOT NULL,
	`person_id` integer NOT NULL,
	`private_chat_id` text,
	`username` text,
	`display_name` text NOT NULL,
	PRIMARY KEY(`platform`, `user_id`),
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `identities_person` ON `identities` (`person_id`);--> statement-breakpoint
CREATE TABLE `inbound_updates` (
	`platform` text NOT NULL,
	`update_key` text NOT NULL,
	`payload` text,
	`status` text NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`platform`, `update_key`)
);
--> statement-breakpoint
CREATE INDEX `inbound_status` ON `inbound_updates` (`status`);--> statement-breakpoint
CREATE TABLE `invites` (
	`code` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`agency_id` integer NOT NULL,
	`created_by` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_by` integer,
	`used_at` integer,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `job_runs` (
	`job` text NOT NULL,
	`slot` text NOT NULL,
	`ran_at` integer NOT NULL,
	PRIMARY KEY(`job`, `slot`)
);
--> statement-breakpoint
CREATE TABLE `link_codes` (
	`code` text PRIMARY KEY NOT NULL,
	`person_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`network_id` text NOT NULL,
	`agency_id` integer NOT NULL,
	`status` text NOT NULL,
	`decided_by` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `memberships_person` ON `memberships` (`person_id`);--> statement-breakpoint
CREATE INDEX `memberships_agency` ON `memberships` (`agency_id`,`status`);--> statement-breakpoint
CREATE TABLE `menus` (
	`platform` text NOT NULL,
	`chat_id` text NOT NULL,
	`user_id` text NOT NULL,
	`choices` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`platform`, `chat_id`, `user_id`)
);
--> statement-breakpoint
CREATE TABLE `networks` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`level` text NOT NULL,
	`parent_id` text,
	`active` integer DEFAULT true NOT NULL,
	`note` text,
	`plan_hash` text,
	`activity_types` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`platform` text NOT NULL,
	`chat_id` text NOT NULL,
	`is_group` integer DEFAULT false NOT NULL,
	`payload` text NOT NULL,
	`idem_key` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_idem` ON `outbox` (`idem_key`);--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`platform`,`status`,`next_at`);--> statement-breakpoint
CREATE TABLE `periods` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`duty_id` integer NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`start` text NOT NULL,
	`end` text NOT NULL,
	`deadline` text NOT NULL,
	FOREIGN KEY (`duty_id`) REFERENCES `duties`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `periods_duty_key` ON `periods` (`duty_id`,`key`);--> statement-breakpoint
CREATE TABLE `persons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`preferred_platform` text,
	`muted_until` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reminder_log` (
	`duty_id` integer NOT NULL,
	`period_key` text NOT NULL,
	`agency_id` integer NOT NULL,
	`recipient` text NOT NULL,
	`step` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`duty_id`, `period_key`, `agency_id`, `recipient`, `step`)
);
--> statement-breakpoint
CREATE TABLE `report_drafts` (
	`period_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	`holder_person_id` integer NOT NULL,
	`answers` text NOT NULL,
	`attachments` text NOT NULL,
	`base_version` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`period_id`, `agency_id`),
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`holder_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `report_issues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`submission_id` integer NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `roles` (
	`person_id` integer NOT NULL,
	`network_id` text NOT NULL,
	`role` text NOT NULL,
	`granted_by` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	PRIMARY KEY(`person_id`, `network_id`, `role`),
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	`version` integer NOT NULL,
	`current` integer NOT NULL,
	`number` text NOT NULL,
	`person_id` integer NOT NULL,
	`answers` text NOT NULL,
	`attachments` text NOT NULL,
	`submitted_at` integer NOT NULL,
	`late` integer NOT NULL,
	`reopened` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_version` ON `submissions` (`period_id`,`agency_id`,`version`);--> statement-breakpoint
CREATE INDEX `submissions_current` ON `submissions` (`period_id`,`current`);--> statement-breakpoint
CREATE TABLE `task_agencies` (
	`task_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	PRIMARY KEY(`task_id`, `agency_id`),
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`network_id` text NOT NULL,
	`slug` text NOT NULL,
	`document_id` integer NOT NULL,
	`section` text NOT NULL,
	`for_all` integer DEFAULT false NOT NULL,
	`role` text NOT NULL,
	`text` text NOT NULL,
	`deadline` text,
	`recurrence` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_network_slug` ON `tasks` (`network_id`,`slug`);--> statement-breakpoint
CREATE TABLE `templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`network_id` text NOT NULL,
	`slug` text NOT NULL,
	`spec` text NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `templates_network_slug` ON `templates` (`network_id`,`slug`);