CREATE TABLE "tenant_removals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"requested_by" uuid,
	"due_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone,
	"final_export" text
);
