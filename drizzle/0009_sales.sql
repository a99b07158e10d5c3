CREATE TABLE "product_prices" (
	"tenant_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"customer_kind" text NOT NULL,
	"value_tier" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "product_prices_tenant_id_product_id_customer_kind_value_tier_pk" PRIMARY KEY("tenant_id","product_id","customer_kind","value_tier")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"sku" text,
	"price_amount" bigint,
	"currency" text NOT NULL,
	"tax_rate" double precision DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "products_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "deal_lines" (
	"tenant_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" double precision NOT NULL,
	"unit_price" bigint NOT NULL,
	"discount_percent" double precision NOT NULL,
	"tax_rate" double precision NOT NULL,
	"net" bigint NOT NULL,
	"tax" bigint NOT NULL,
	CONSTRAINT "deal_lines_tenant_id_deal_id_line_no_pk" PRIMARY KEY("tenant_id","deal_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "deal_participants" (
	"tenant_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"roles" jsonb NOT NULL,
	"department" text,
	"stance" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deal_participants_tenant_id_deal_id_person_id_pk" PRIMARY KEY("tenant_id","deal_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "deal_stage_changes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"from_stage_id" uuid,
	"to_stage_id" uuid NOT NULL,
	"from_outcome" text,
	"to_outcome" text NOT NULL,
	"user_id" uuid,
	"note" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "deal_stage_changes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "deals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"expected_close_date" date,
	"owner_user_id" uuid,
	"team_id" uuid,
	"lost_reason" text,
	"closed_at" timestamp with time zone,
	"lead_id" uuid,
	"source" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "lost_reasons" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"label" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lost_reasons_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "pipeline_stages" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"probability" double precision NOT NULL,
	"won" boolean DEFAULT false NOT NULL,
	"lost" boolean DEFAULT false NOT NULL,
	"guidance" text DEFAULT '' NOT NULL,
	CONSTRAINT "pipeline_stages_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "pipelines" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"customer_kind" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pipelines_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "products_sku_idx" ON "products" USING btree ("tenant_id","sku");--> statement-breakpoint
CREATE INDEX "deal_stage_changes_deal_idx" ON "deal_stage_changes" USING btree ("tenant_id","deal_id","at");--> statement-breakpoint
CREATE INDEX "deals_customer_idx" ON "deals" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "deals_owner_idx" ON "deals" USING btree ("tenant_id","owner_user_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "pipeline_stages_key_key" ON "pipeline_stages" USING btree ("tenant_id","pipeline_id","key");--> statement-breakpoint
CREATE INDEX "pipelines_kind_idx" ON "pipelines" USING btree ("tenant_id","customer_kind");