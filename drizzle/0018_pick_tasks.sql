CREATE TABLE "pick_tasks" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"wave_number" integer NOT NULL,
	"batch_number" integer NOT NULL,
	"number" integer NOT NULL,
	"zone" text,
	"status" text NOT NULL,
	"assignee_user_id" uuid,
	"urgent" boolean NOT NULL,
	"units" integer NOT NULL,
	"route_length" double precision NOT NULL,
	"stops" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"assigned_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pick_tasks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "picker_zones" (
	"tenant_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"zone" text NOT NULL,
	CONSTRAINT "picker_zones_tenant_id_warehouse_id_user_id_zone_pk" PRIMARY KEY("tenant_id","warehouse_id","user_id","zone")
);
--> statement-breakpoint
CREATE TABLE "wave_batches" (
	"tenant_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"order_ids" jsonb NOT NULL,
	"units" integer NOT NULL,
	"oversize" boolean NOT NULL,
	"length" double precision NOT NULL,
	"optimal" boolean NOT NULL,
	"status" text NOT NULL,
	"stops" jsonb NOT NULL,
	"sort_plan" jsonb,
	CONSTRAINT "wave_batches_tenant_id_wave_id_number_pk" PRIMARY KEY("tenant_id","wave_id","number")
);
--> statement-breakpoint
ALTER TABLE "wave_strategies" ADD COLUMN "picking" jsonb;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "picking" jsonb;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "batched_length" double precision;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "single_order_length" double precision;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "saving" double precision;--> statement-breakpoint
CREATE UNIQUE INDEX "pick_tasks_number_key" ON "pick_tasks" USING btree ("tenant_id","wave_id","number");--> statement-breakpoint
CREATE INDEX "pick_tasks_open_idx" ON "pick_tasks" USING btree ("tenant_id","warehouse_id","status","zone");--> statement-breakpoint
CREATE INDEX "pick_tasks_created_idx" ON "pick_tasks" USING btree ("tenant_id","created_at","id");