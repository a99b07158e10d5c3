CREATE TABLE "deal_win_models" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"model" jsonb NOT NULL,
	"closed_deals" integer NOT NULL,
	"examples" integer NOT NULL,
	"last_closed_at" timestamp with time zone,
	"trained_at" timestamp with time zone NOT NULL,
	"training_ms" integer NOT NULL
);
