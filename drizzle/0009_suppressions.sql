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
