ALTER TABLE "customers" ADD COLUMN "name_initials" text;--> statement-breakpoint
CREATE INDEX "customers_initials_idx" ON "customers" USING btree ("tenant_id","name_initials" text_pattern_ops);