-- Hand-added: drizzle-kit cannot express extensions. pg_trgm ships with PostgreSQL contrib and PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "customers_search_idx" ON "customers" USING gin (("name" || ' ' || coalesce("phone", '') || ' ' || coalesce("email", '')) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_search_short_idx" ON "customers" USING gin (regexp_replace("name" || ' ' || coalesce("phone", '') || ' ' || coalesce("email", ''), '(.)', '\1\1\1', 'g') gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "person_identities_search_idx" ON "person_identities" USING btree ("tenant_id",lower("value") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_user_id_search_idx" ON "persons" USING btree ("tenant_id",lower("user_id") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_name_search_idx" ON "persons" USING btree ("tenant_id",lower("traits"->>'name') text_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_email_search_idx" ON "persons" USING btree ("tenant_id",lower("traits"->>'email') text_pattern_ops);--> statement-breakpoint
CREATE INDEX "stock_moves_receipt_idx" ON "stock_moves" USING btree ("tenant_id","receipt_id") WHERE "stock_moves"."receipt_id" is not null;