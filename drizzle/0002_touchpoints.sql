CREATE TABLE "domain_event_cursors" (
	"consumer" text PRIMARY KEY NOT NULL,
	"position" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "domain_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"customer_id" uuid,
	"crm_person_id" uuid,
	"actor_user_id" uuid,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "domain_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "event_message_ids" (
	"tenant_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"message_id" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "event_message_ids_tenant_id_source_id_message_id_pk" PRIMARY KEY("tenant_id","source_id","message_id")
);
--> statement-breakpoint
CREATE TABLE "person_accounts" (
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"group_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "person_accounts_tenant_id_person_id_customer_id_pk" PRIMARY KEY("tenant_id","person_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "person_identities" (
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "person_identities_tenant_id_kind_value_pk" PRIMARY KEY("tenant_id","kind","value")
);
--> statement-breakpoint
CREATE TABLE "person_trait_changes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"trait" text NOT NULL,
	"old_value" jsonb,
	"new_value" jsonb,
	"message_id" text,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "person_trait_changes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"merged_into" uuid,
	"user_id" text,
	"traits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"email_key" text,
	"phone_key" text,
	"crm_person_id" uuid,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "persons_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "source_write_keys" (
	"write_key" text PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"rate_limit_per_second" integer DEFAULT 2000 NOT NULL,
	"retention_days" integer,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sources_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "domain_events_created_idx" ON "domain_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "event_message_ids_received_idx" ON "event_message_ids" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "person_accounts_customer_idx" ON "person_accounts" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "person_identities_person_idx" ON "person_identities" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "person_trait_changes_person_idx" ON "person_trait_changes" USING btree ("tenant_id","person_id","changed_at");--> statement-breakpoint
CREATE INDEX "persons_merged_into_idx" ON "persons" USING btree ("tenant_id","merged_into") WHERE "persons"."merged_into" is not null;--> statement-breakpoint
CREATE INDEX "persons_crm_person_idx" ON "persons" USING btree ("tenant_id","crm_person_id") WHERE "persons"."crm_person_id" is not null;--> statement-breakpoint
CREATE INDEX "persons_last_seen_idx" ON "persons" USING btree ("tenant_id","last_seen_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "sources_name_key" ON "sources" USING btree ("tenant_id","name");--> statement-breakpoint
-- Touchpoints, range-partitioned by month of "timestamp" (drizzle-kit cannot declare partitioned
-- tables; see src/modules/insights/event/event.store.ts). Monthly partitions are created on demand.
CREATE TABLE "events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"person_id" uuid,
	"customer_id" uuid,
	"type" text NOT NULL,
	"event" text,
	"channel" text NOT NULL,
	"message_id" text NOT NULL,
	"user_id" text,
	"anonymous_id" text,
	"group_id" text,
	"timestamp" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"original_timestamp" timestamp with time zone,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"traits" jsonb,
	"context" jsonb,
	CONSTRAINT "events_pkey" PRIMARY KEY("tenant_id","timestamp","id")
) PARTITION BY RANGE ("timestamp");
--> statement-breakpoint
CREATE INDEX "events_person_idx" ON "events" USING btree ("tenant_id","person_id","timestamp" DESC,"id" DESC);--> statement-breakpoint
CREATE INDEX "events_customer_idx" ON "events" USING btree ("tenant_id","customer_id","timestamp" DESC,"id" DESC) WHERE "customer_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "events_name_idx" ON "events" USING btree ("tenant_id","event","timestamp");--> statement-breakpoint
CREATE INDEX "events_source_idx" ON "events" USING btree ("tenant_id","source_id","timestamp");
