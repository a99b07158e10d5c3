CREATE TABLE "customer_merges" (
	"tenant_id" uuid NOT NULL,
	"from_id" uuid NOT NULL,
	"into_id" uuid NOT NULL,
	"snapshot" jsonb NOT NULL,
	"merged_by_user_id" uuid,
	"merged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_merges_tenant_id_from_id_pk" PRIMARY KEY("tenant_id","from_id")
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"person_id" uuid,
	"user_id" uuid,
	"channel" text NOT NULL,
	"note" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "follow_ups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "account_members" (
	"tenant_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"department" text DEFAULT 'other' NOT NULL,
	"stance" text DEFAULT 'neutral' NOT NULL,
	"influence" integer DEFAULT 3 NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "account_members_tenant_id_customer_id_person_id_pk" PRIMARY KEY("tenant_id","customer_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"phone" text,
	"email" text,
	"wechat_id" text,
	"external_id" text,
	"notes" text,
	"phone_key" text,
	"email_key" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "people_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_pool_moves" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_user_id" uuid,
	"to_user_id" uuid,
	"from_pool_id" uuid,
	"to_pool_id" uuid,
	"actor_user_id" uuid,
	"cause" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_pool_moves_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_pools" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"region" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_pools_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_tier_changes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"from_tier" text,
	"to_tier" text,
	"source" text NOT NULL,
	"reason" text NOT NULL,
	"changed_by_user_id" uuid,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_tier_changes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"filters" jsonb NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "saved_views_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
DROP INDEX "customers_team_idx";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "wechat_id" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "size" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "procurement_mode" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "motive" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "intent_tier" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "satisfaction_tier" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "value_tier" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "persona" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "budget" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "need" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "objection" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "refused" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "pool_id" uuid;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "received_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "last_follow_up_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "recall_warned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "locked" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "deal_state" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "phone_key" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "email_key" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "name_key" text;--> statement-breakpoint
CREATE INDEX "customer_merges_into_idx" ON "customer_merges" USING btree ("tenant_id","into_id");--> statement-breakpoint
CREATE INDEX "follow_ups_customer_idx" ON "follow_ups" USING btree ("tenant_id","customer_id","at");--> statement-breakpoint
CREATE INDEX "account_members_person_idx" ON "account_members" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "account_members_primary_key" ON "account_members" USING btree ("tenant_id","customer_id") WHERE "account_members"."is_primary";--> statement-breakpoint
CREATE INDEX "people_phone_key_idx" ON "people" USING btree ("tenant_id","phone_key");--> statement-breakpoint
CREATE INDEX "people_email_key_idx" ON "people" USING btree ("tenant_id","email_key");--> statement-breakpoint
CREATE UNIQUE INDEX "people_external_id_key" ON "people" USING btree ("tenant_id","external_id");--> statement-breakpoint
CREATE INDEX "customer_pool_moves_customer_idx" ON "customer_pool_moves" USING btree ("tenant_id","customer_id","at");--> statement-breakpoint
CREATE INDEX "customer_pool_moves_to_user_idx" ON "customer_pool_moves" USING btree ("tenant_id","to_user_id","action","at");--> statement-breakpoint
CREATE INDEX "customer_pool_moves_from_user_idx" ON "customer_pool_moves" USING btree ("tenant_id","from_user_id","customer_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_pools_name_key" ON "customer_pools" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "customer_tier_changes_customer_idx" ON "customer_tier_changes" USING btree ("tenant_id","customer_id","changed_at");--> statement-breakpoint
CREATE INDEX "saved_views_user_idx" ON "saved_views" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "customers_owner_follow_up_idx" ON "customers" USING btree ("tenant_id","owner_user_id","intent_tier","last_follow_up_at" DESC NULLS LAST,"id" DESC NULLS FIRST,"kind");--> statement-breakpoint
CREATE INDEX "customers_tier_follow_up_idx" ON "customers" USING btree ("tenant_id","intent_tier","last_follow_up_at" DESC NULLS LAST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "customers_follow_up_idx" ON "customers" USING btree ("tenant_id","last_follow_up_at" DESC NULLS LAST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "customers_pool_idx" ON "customers" USING btree ("tenant_id","pool_id","id") WHERE "customers"."pool_id" is not null;--> statement-breakpoint
CREATE INDEX "customers_phone_key_idx" ON "customers" USING btree ("tenant_id","phone_key") WHERE "customers"."phone_key" is not null;--> statement-breakpoint
CREATE INDEX "customers_email_key_idx" ON "customers" USING btree ("tenant_id","email_key") WHERE "customers"."email_key" is not null;--> statement-breakpoint
CREATE INDEX "customers_name_key_idx" ON "customers" USING btree ("tenant_id","name_key") WHERE "customers"."name_key" is not null;--> statement-breakpoint
CREATE INDEX "customers_uscc_idx" ON "customers" USING btree ("tenant_id","uscc") WHERE "customers"."uscc" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "customers_external_id_key" ON "customers" USING btree ("tenant_id","external_id");--> statement-breakpoint
CREATE INDEX "customers_team_idx" ON "customers" USING btree ("tenant_id","team_id","id") WHERE "customers"."team_id" is not null;