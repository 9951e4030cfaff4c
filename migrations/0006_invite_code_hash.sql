PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_invites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code_hash` text NOT NULL,
	`hint` text NOT NULL,
	`network_id` text NOT NULL,
	`agency_id` integer NOT NULL,
	`created_by` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_by` integer,
	`used_at` integer,
	`cancelled_at` integer,
	`cancelled_by` integer,
	`created_at` integer,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Data step: each code becomes its SHA-256 (sha256_hex is registered on every connection by db/client.ts) and a
-- two-character hint; rows keep their order, so ids follow creation.
INSERT INTO `__new_invites`("code_hash", "hint", "network_id", "agency_id", "created_by", "expires_at", "used_by", "used_at", "cancelled_at", "cancelled_by", "created_at") SELECT sha256_hex("code"), substr("code", -2), "network_id", "agency_id", "created_by", "expires_at", "used_by", "used_at", "cancelled_at", "cancelled_by", "created_at" FROM `invites` ORDER BY rowid;--> statement-breakpoint
DROP TABLE `invites`;--> statement-breakpoint
ALTER TABLE `__new_invites` RENAME TO `invites`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `invites_code_hash_unique` ON `invites` (`code_hash`);--> statement-breakpoint
-- The audit log named the plain code; it now names the invite and its hint, so the log gives no working code either.
UPDATE `audit_log` SET `detail` = json_remove(json_set(`detail`,
	'$.inviteId', (SELECT `id` FROM `invites` WHERE `code_hash` = sha256_hex(json_extract(`audit_log`.`detail`, '$.code'))),
	'$.hint', substr(json_extract(`detail`, '$.code'), -2)), '$.code')
WHERE `action` IN ('invite.create', 'invite.cancel', 'membership.register') AND json_extract(`detail`, '$.code') IS NOT NULL;
