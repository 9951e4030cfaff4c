CREATE TABLE "inbound_chats" (
	"platform" text NOT NULL,
	"update_key" text NOT NULL,
	"chat_id" text NOT NULL,
	CONSTRAINT "inbound_chats_platform_update_key_pk" PRIMARY KEY("platform","update_key")
);
--> statement-breakpoint
CREATE TABLE "job_leases" (
	"job" text NOT NULL,
	"slot" text NOT NULL,
	"owner" integer NOT NULL,
	"until" timestamp with time zone NOT NULL,
	CONSTRAINT "job_leases_job_slot_pk" PRIMARY KEY("job","slot")
);
--> statement-breakpoint
CREATE TABLE "outbox_leases" (
	"outbox_id" integer PRIMARY KEY NOT NULL,
	"owner" integer NOT NULL,
	"until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inbound_chats" ADD CONSTRAINT "inbound_chats_platform_update_key_inbound_updates_platform_update_key_fk" FOREIGN KEY ("platform","update_key") REFERENCES "public"."inbound_updates"("platform","update_key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_leases" ADD CONSTRAINT "outbox_leases_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbound_chats_chat" ON "inbound_chats" USING btree ("platform","chat_id");