CREATE TABLE "items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"unit" text DEFAULT 'pcs' NOT NULL,
	"weight_kg" numeric(14, 3),
	"barcode" text,
	"catch_weight" boolean DEFAULT false NOT NULL,
	"allocation_strategy" text,
	"supplier_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "lots" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"lot_number" text NOT NULL,
	"production_date" date,
	"expiry_date" date,
	"supplier_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lots_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "suppliers" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "suppliers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "weight_checks" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"item_id" uuid NOT NULL,
	"lot_id" uuid,
	"stock_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"weighed_in_kg" numeric(14, 3) NOT NULL,
	"weighed_out_kg" numeric(14, 3) NOT NULL,
	"days" numeric(10, 3) NOT NULL,
	"loss_ratio" numeric(10, 6) NOT NULL,
	"allowed_ratio" numeric(10, 6) NOT NULL,
	"over_tolerance" boolean NOT NULL,
	"weighed_in_by_user_id" uuid,
	"weighed_out_by_user_id" uuid,
	"weighed_in_at" timestamp with time zone NOT NULL,
	"weighed_out_at" timestamp with time zone NOT NULL,
	CONSTRAINT "weight_checks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"zone_id" uuid,
	"code" text NOT NULL,
	"kind" text DEFAULT 'storage' NOT NULL,
	"aisle" integer,
	"block" integer,
	"slot" integer,
	"level" integer,
	"path_rank" integer,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "locations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "warehouses" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"layout" jsonb NOT NULL,
	"allocation_strategy" text DEFAULT 'fifo' NOT NULL,
	"allocation_policy" text DEFAULT 'partial' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "warehouses_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "zones" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "zones_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "allocation_runs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"result" jsonb NOT NULL,
	"actor_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "allocation_runs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_lot_rules" (
	"tenant_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"single_lot_per_line" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_lot_rules_tenant_id_customer_id_pk" PRIMARY KEY("tenant_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "outbound_order_lines" (
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"item_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"lot_id" uuid,
	"short_quantity" integer DEFAULT 0 NOT NULL,
	"short_reason" text,
	CONSTRAINT "outbound_order_lines_tenant_id_order_id_line_no_pk" PRIMARY KEY("tenant_id","order_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "outbound_orders" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"source" text NOT NULL,
	"external_ref" text NOT NULL,
	"type" text NOT NULL,
	"origin" text DEFAULT 'upstream' NOT NULL,
	"priority" text NOT NULL,
	"priority_rank" smallint NOT NULL,
	"pushed_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"carrier" text,
	"destination" jsonb NOT NULL,
	"customer_id" uuid,
	"return_reason" text,
	"supplier_id" uuid,
	"target_warehouse_id" uuid,
	"allocation_policy" text,
	"single_lot_per_line" boolean,
	"note" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"shipped_at" timestamp with time zone,
	CONSTRAINT "outbound_orders_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "reservations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"stock_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "reservations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "warehouse_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "receipts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"supplier_id" uuid,
	"reference" text,
	"received_at" timestamp with time zone NOT NULL,
	"created_by_user_id" uuid,
	CONSTRAINT "receipts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "stock" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"lot_id" uuid,
	"on_hand" integer NOT NULL,
	"weight_kg" numeric(14, 3),
	"putaway_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stock_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "stock_key" UNIQUE NULLS NOT DISTINCT("tenant_id","location_id","item_id","lot_id")
);
--> statement-breakpoint
CREATE TABLE "stock_moves" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"item_id" uuid NOT NULL,
	"lot_id" uuid,
	"from_location_id" uuid,
	"to_location_id" uuid,
	"quantity" integer NOT NULL,
	"weight_kg" numeric(14, 3),
	"receipt_id" uuid,
	"order_id" uuid,
	"order_line_no" integer,
	"reason" text,
	"note" text,
	"actor_user_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stock_moves_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "items_sku_key" ON "items" USING btree ("tenant_id","sku");--> statement-breakpoint
CREATE INDEX "items_barcode_idx" ON "items" USING btree ("tenant_id","barcode");--> statement-breakpoint
CREATE UNIQUE INDEX "lots_number_key" ON "lots" USING btree ("tenant_id","item_id","lot_number");--> statement-breakpoint
CREATE UNIQUE INDEX "suppliers_code_key" ON "suppliers" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "weight_checks_flagged_idx" ON "weight_checks" USING btree ("tenant_id","over_tolerance","weighed_out_at");--> statement-breakpoint
CREATE INDEX "weight_checks_order_idx" ON "weight_checks" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "locations_code_key" ON "locations" USING btree ("tenant_id","warehouse_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "warehouses_code_key" ON "warehouses" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "zones_code_key" ON "zones" USING btree ("tenant_id","warehouse_id","code");--> statement-breakpoint
CREATE INDEX "allocation_runs_order_idx" ON "allocation_runs" USING btree ("tenant_id","order_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "outbound_orders_external_ref_key" ON "outbound_orders" USING btree ("tenant_id","source","external_ref");--> statement-breakpoint
CREATE INDEX "outbound_orders_pool_idx" ON "outbound_orders" USING btree ("tenant_id","status","priority_rank","pushed_at","id");--> statement-breakpoint
CREATE INDEX "outbound_orders_supplier_idx" ON "outbound_orders" USING btree ("tenant_id","supplier_id","pushed_at");--> statement-breakpoint
CREATE INDEX "reservations_stock_idx" ON "reservations" USING btree ("tenant_id","stock_id","status");--> statement-breakpoint
CREATE INDEX "reservations_order_idx" ON "reservations" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE INDEX "receipts_supplier_idx" ON "receipts" USING btree ("tenant_id","supplier_id","received_at");--> statement-breakpoint
CREATE INDEX "stock_item_idx" ON "stock" USING btree ("tenant_id","warehouse_id","item_id");--> statement-breakpoint
CREATE INDEX "stock_moves_warehouse_idx" ON "stock_moves" USING btree ("tenant_id","warehouse_id","occurred_at");--> statement-breakpoint
CREATE INDEX "stock_moves_item_idx" ON "stock_moves" USING btree ("tenant_id","item_id","occurred_at");--> statement-breakpoint
CREATE INDEX "stock_moves_order_idx" ON "stock_moves" USING btree ("tenant_id","order_id");