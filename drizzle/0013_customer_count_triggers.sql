-- Kept customer counts (customer_counts, customer_count_deltas): a row trigger on customers appends a
-- delta for every change to the counted columns, and the existing customers are counted once here.
-- Written by hand: drizzle cannot express functions and triggers. A missing tier is '' and a missing
-- owner, team or pool the nil uuid, as in the tables' primary key.
CREATE FUNCTION "customer_count_delta"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.tenant_id = OLD.tenant_id AND NEW.kind = OLD.kind
     AND NEW.intent_tier IS NOT DISTINCT FROM OLD.intent_tier
     AND NEW.owner_user_id IS NOT DISTINCT FROM OLD.owner_user_id
     AND NEW.team_id IS NOT DISTINCT FROM OLD.team_id
     AND NEW.pool_id IS NOT DISTINCT FROM OLD.pool_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO customer_count_deltas (tenant_id, kind, intent_tier, owner_user_id, team_id, pool_id, n)
    VALUES (OLD.tenant_id, OLD.kind, coalesce(OLD.intent_tier, ''),
            coalesce(OLD.owner_user_id, '00000000-0000-0000-0000-000000000000'),
            coalesce(OLD.team_id, '00000000-0000-0000-0000-000000000000'),
            coalesce(OLD.pool_id, '00000000-0000-0000-0000-000000000000'), -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO customer_count_deltas (tenant_id, kind, intent_tier, owner_user_id, team_id, pool_id, n)
    VALUES (NEW.tenant_id, NEW.kind, coalesce(NEW.intent_tier, ''),
            coalesce(NEW.owner_user_id, '00000000-0000-0000-0000-000000000000'),
            coalesce(NEW.team_id, '00000000-0000-0000-0000-000000000000'),
            coalesce(NEW.pool_id, '00000000-0000-0000-0000-000000000000'), 1);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "customers_count_delta" AFTER INSERT OR UPDATE OR DELETE ON "customers"
  FOR EACH ROW EXECUTE FUNCTION "customer_count_delta"();
--> statement-breakpoint
INSERT INTO "customer_counts" ("tenant_id", "kind", "intent_tier", "owner_user_id", "team_id", "pool_id", "n")
SELECT "tenant_id", "kind", coalesce("intent_tier", ''),
       coalesce("owner_user_id", '00000000-0000-0000-0000-000000000000'),
       coalesce("team_id", '00000000-0000-0000-0000-000000000000'),
       coalesce("pool_id", '00000000-0000-0000-0000-000000000000'), count(*)::int
  FROM "customers"
 GROUP BY 1, 2, 3, 4, 5, 6;
