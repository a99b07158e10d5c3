CREATE TABLE "wave_orders" (
	"tenant_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"external_ref" text NOT NULL,
	"priority" text NOT NULL,
	"pushed_at" timestamp with time zone NOT NULL,
	"active" boolean NOT NULL,
	CONSTRAINT "wave_orders_tenant_id_wave_id_order_id_pk" PRIMARY KEY("tenant_id","wave_id","order_id")
);
--> statement-breakpoint
CREATE TABLE "wave_strategies" (
	"tenant_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"rules" jsonb NOT NULL,
	"release_partially_allocated" boolean DEFAULT false NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "wave_strategies_tenant_id_warehouse_id_pk" PRIMARY KEY("tenant_id","warehouse_id")
);
--> statement-breakpoint
CREATE TABLE "waves" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"rule" jsonb NOT NULL,
	"status" text NOT NULL,
	"order_count" integer NOT NULL,
	"line_count" integer NOT NULL,
	"unit_count" integer NOT NULL,
	"weight_kg" numeric(14, 3),
	"released_by_user_id" uuid,
	"released_at" timestamp with time zone NOT NULL,
	"cancelled_by_user_id" uuid,
	"cancelled_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "waves_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "wave_orders_active_order_key" ON "wave_orders" USING btree ("tenant_id","order_id") WHERE active;--> statement-breakpoint
CREATE UNIQUE INDEX "waves_number_key" ON "waves" USING btree ("tenant_id","warehouse_id","number");--> statement-breakpoint
CREATE INDEX "waves_released_idx" ON "waves" USING btree ("tenant_id","released_at","id");