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
CREATE INDEX "lead_forms_product_idx" ON "lead_forms" USING btree ("tenant_id","product_id");--> statement-breakpoint
CREATE INDEX "leads_owner_idx" ON "leads" USING btree ("tenant_id","owner_user_id","assigned_at");--> statement-breakpoint
CREATE INDEX "leads_status_idx" ON "leads" USING btree ("tenant_id","status","id");--> statement-breakpoint
CREATE INDEX "leads_form_idx" ON "leads" USING btree ("tenant_id","form_id");--> statement-breakpoint
CREATE INDEX "leads_share_token_idx" ON "leads" USING btree ("share_token_hash");