CREATE TABLE "tenant_removals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"requested_by" uuid,
	"due_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone,
	"final_export" text
);
--> statement-breakpoint
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
CREATE TABLE "deal_win_models" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"model" jsonb NOT NULL,
	"closed_deals" integer NOT NULL,
	"examples" integer NOT NULL,
	"last_closed_at" timestamp with time zone,
	"trained_at" timestamp with time zone NOT NULL,
	"training_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_form_versions" (
	"tenant_id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"fields" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lead_form_versions_tenant_id_form_id_version_pk" PRIMARY KEY("tenant_id","form_id","version")
);
--> statement-breakpoint
CREATE TABLE "lead_forms" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"product_id" uuid,
	"current_version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lead_forms_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "lead_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"rotation" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"contact_name" text,
	"phone" text,
	"email" text,
	"region" text,
	"source" text NOT NULL,
	"source_ref" text,
	"product_id" uuid,
	"form_id" uuid,
	"form_version" integer,
	"answers" jsonb NOT NULL,
	"people" jsonb NOT NULL,
	"language" text NOT NULL,
	"status" text NOT NULL,
	"disqualify_reason" text,
	"note" text,
	"owner_user_id" uuid,
	"team_id" uuid,
	"assigned_at" timestamp with time zone,
	"customer_id" uuid,
	"deal_id" uuid,
	"share_token_hash" text,
	"share_expires_at" timestamp with time zone,
	"qualified_at" timestamp with time zone,
	"converted_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "leads_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
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
CREATE TABLE "calendar_feeds" (
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calendar_feeds_tenant_id_user_id_pk" PRIMARY KEY("tenant_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"assignee_user_id" uuid NOT NULL,
	"created_by_user_id" uuid,
	"customer_id" uuid,
	"deal_id" uuid,
	"note" text,
	"status" text NOT NULL,
	"outcome" text,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tasks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	CONSTRAINT "consents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "source_changes" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suppressions" (
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value_hash" text NOT NULL,
	"person_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"dropped_count" integer DEFAULT 0 NOT NULL,
	"last_dropped_at" timestamp with time zone,
	CONSTRAINT "suppressions_tenant_id_kind_value_hash_pk" PRIMARY KEY("tenant_id","kind","value_hash")
);
--> statement-breakpoint
CREATE INDEX "products_sku_idx" ON "products" USING btree ("tenant_id","sku");--> statement-breakpoint
CREATE INDEX "deal_stage_changes_deal_idx" ON "deal_stage_changes" USING btree ("tenant_id","deal_id","at");--> statement-breakpoint
CREATE INDEX "deals_customer_idx" ON "deals" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "deals_owner_idx" ON "deals" USING btree ("tenant_id","owner_user_id","id");--> statement-breakpoint
CREATE INDEX "lead_forms_product_idx" ON "lead_forms" USING btree ("tenant_id","product_id");--> statement-breakpoint
CREATE INDEX "leads_owner_idx" ON "leads" USING btree ("tenant_id","owner_user_id","assigned_at");--> statement-breakpoint
CREATE INDEX "leads_status_idx" ON "leads" USING btree ("tenant_id","status","id");--> statement-breakpoint
CREATE INDEX "leads_form_idx" ON "leads" USING btree ("tenant_id","form_id");--> statement-breakpoint
CREATE INDEX "leads_share_token_idx" ON "leads" USING btree ("share_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "pipeline_stages_key_key" ON "pipeline_stages" USING btree ("tenant_id","pipeline_id","key");--> statement-breakpoint
CREATE INDEX "pipelines_kind_idx" ON "pipelines" USING btree ("tenant_id","customer_kind");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_key" ON "calendar_feeds" USING btree ("tenant_id","token");--> statement-breakpoint
CREATE INDEX "tasks_assignee_idx" ON "tasks" USING btree ("tenant_id","assignee_user_id","status","due_at");--> statement-breakpoint
CREATE INDEX "tasks_customer_idx" ON "tasks" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "consents_subject_idx" ON "consents" USING btree ("tenant_id","subject_id","purpose","at");