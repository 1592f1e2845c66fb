-- Keeps customer_stage_counts in step with customers, in the same transaction as each change.
CREATE OR REPLACE FUNCTION guanxi_customer_stage_counts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN
    UPDATE customer_stage_counts SET count = count - 1
     WHERE org_id = OLD.org_id
       AND owner_key = coalesce(OLD.owner_id, '00000000-0000-0000-0000-000000000000'::uuid)
       AND stage = OLD.stage;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL THEN
    INSERT INTO customer_stage_counts AS c (org_id, owner_key, stage, count)
    VALUES (NEW.org_id, coalesce(NEW.owner_id, '00000000-0000-0000-0000-000000000000'::uuid), NEW.stage, 1)
    ON CONFLICT (org_id, owner_key, stage) DO UPDATE SET count = c.count + 1;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER customers_stage_counts_insert_delete
  AFTER INSERT OR DELETE ON customers
  FOR EACH ROW EXECUTE FUNCTION guanxi_customer_stage_counts();
--> statement-breakpoint
CREATE TRIGGER customers_stage_counts_update
  AFTER UPDATE OF stage, owner_id, deleted_at ON customers
  FOR EACH ROW
  WHEN (OLD.stage IS DISTINCT FROM NEW.stage
        OR OLD.owner_id IS DISTINCT FROM NEW.owner_id
        OR (OLD.deleted_at IS NULL) IS DISTINCT FROM (NEW.deleted_at IS NULL))
  EXECUTE FUNCTION guanxi_customer_stage_counts();
--> statement-breakpoint
INSERT INTO customer_stage_counts (org_id, owner_key, stage, count)
SELECT org_id, coalesce(owner_id, '00000000-0000-0000-0000-000000000000'::uuid), stage, count(*)::int
  FROM customers WHERE deleted_at IS NULL
 GROUP BY 1, 2, 3;
