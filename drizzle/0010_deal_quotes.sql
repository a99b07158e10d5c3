CREATE TABLE "deal_quotes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"language" text NOT NULL,
	"currency" text NOT NULL,
	"lines" jsonb NOT NULL,
	"totals" jsonb NOT NULL,
	"total" bigint NOT NULL,
	"customer_name" text NOT NULL,
	"seller_name" text NOT NULL,
	"valid_until" date NOT NULL,
	"note" text,
	"status" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deal_quotes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "deal_quotes_version_key" ON "deal_quotes" USING btree ("tenant_id","deal_id","version");