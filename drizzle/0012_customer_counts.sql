CREATE TABLE "customer_count_deltas" (
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"intent_tier" text NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"pool_id" uuid NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_counts" (
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"intent_tier" text NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"pool_id" uuid NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "customer_counts_pkey" PRIMARY KEY("tenant_id","kind","intent_tier","owner_user_id","team_id","pool_id")
);
--> statement-breakpoint
CREATE INDEX "customer_count_deltas_tenant_idx" ON "customer_count_deltas" USING btree ("tenant_id");