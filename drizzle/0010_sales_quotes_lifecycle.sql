CREATE TABLE "customer_lifecycle_changes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"source" text NOT NULL,
	"deal_id" uuid,
	"actor_user_id" uuid,
	"note" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_lifecycle_changes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_lifecycles" (
	"tenant_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_lifecycles_tenant_id_customer_id_pk" PRIMARY KEY("tenant_id","customer_id")
);
--> statement-breakpoint
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
CREATE INDEX "customer_lifecycle_changes_customer_idx" ON "customer_lifecycle_changes" USING btree ("tenant_id","customer_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "deal_quotes_version_key" ON "deal_quotes" USING btree ("tenant_id","deal_id","version");--> statement-breakpoint
CREATE INDEX "deals_stage_idx" ON "deals" USING btree ("tenant_id","stage_id","id");