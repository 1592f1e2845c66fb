-- Backfill before any trigger exists. The owner at the time of an old move is not recorded, so
-- existing rows take the customer's current owner; the stay a move ends is measured from the
-- customer's previous transition, as the board's window function did.
UPDATE stage_transitions t
   SET owner_key = s.owner_key, previous_stay_seconds = s.seconds
  FROM (SELECT t.org_id, t.id,
               coalesce(c.owner_id, '00000000-0000-0000-0000-000000000000'::uuid) AS owner_key,
               CASE WHEN t.from_stage IS NOT NULL THEN
                 round(extract(epoch FROM t.at - lag(t.at) OVER (PARTITION BY t.org_id, t.customer_id ORDER BY t.at, t.id)))::int
               END AS seconds
          FROM stage_transitions t
          JOIN customers c ON c.org_id = t.org_id AND c.id = t.customer_id) s
 WHERE t.org_id = s.org_id AND t.id = s.id;
--> statement-breakpoint
-- Every writer of the log (app, imports, loaders) gets the owner and the ended stay filled in.
-- The owner is always taken from the customer: the row states who owned it when it moved.
CREATE OR REPLACE FUNCTION guanxi_stage_transition_fill() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  previous_at timestamptz;
BEGIN
  NEW.owner_key := coalesce(
    (SELECT c.owner_id FROM customers c WHERE c.org_id = NEW.org_id AND c.id = NEW.customer_id),
    '00000000-0000-0000-0000-000000000000'::uuid);
  IF NEW.from_stage IS NOT NULL AND NEW.previous_stay_seconds IS NULL THEN
    SELECT t.at INTO previous_at FROM stage_transitions t
     WHERE t.org_id = NEW.org_id AND t.customer_id = NEW.customer_id AND (t.at, t.id) < (NEW.at, NEW.id)
     ORDER BY t.at DESC, t.id DESC LIMIT 1;
    NEW.previous_stay_seconds := round(extract(epoch FROM NEW.at - previous_at))::int;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER stage_transitions_fill
  BEFORE INSERT ON stage_transitions
  FOR EACH ROW EXECUTE FUNCTION guanxi_stage_transition_fill();
--> statement-breakpoint
-- Keeps stage_move_daily in step with the log, in the same transaction. Statement-level with
-- transition tables so a bulk load costs one grouped upsert, not one per row. `day` is the local
-- date in the organization's time zone (see rollups.ts). The log is append-only; UPDATE and DELETE
-- are handled anyway so that maintenance on it cannot leave the rollup wrong.
CREATE OR REPLACE FUNCTION guanxi_stage_move_daily() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE stage_move_daily d SET count = d.count - o.n
      FROM (SELECT t.org_id, t.owner_key, (t.at AT TIME ZONE g.time_zone)::date AS day, t.from_stage, t.to_stage, count(*)::int AS n
              FROM old_rows t JOIN organizations g ON g.id = t.org_id
             GROUP BY 1, 2, 3, 4, 5) o
     WHERE d.org_id = o.org_id AND d.owner_key = o.owner_key AND d.day = o.day
       AND d.from_stage IS NOT DISTINCT FROM o.from_stage AND d.to_stage = o.to_stage;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO stage_move_daily AS d (org_id, owner_key, day, from_stage, to_stage, count)
    SELECT t.org_id, t.owner_key, (t.at AT TIME ZONE g.time_zone)::date, t.from_stage, t.to_stage, count(*)::int
      FROM new_rows t JOIN organizations g ON g.id = t.org_id
     GROUP BY 1, 2, 3, 4, 5
     -- A fixed order keeps two bulk writers from deadlocking on each other's rollup rows.
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT stage_move_daily_key DO UPDATE SET count = d.count + excluded.count;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER stage_transitions_move_daily_insert
  AFTER INSERT ON stage_transitions
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION guanxi_stage_move_daily();
--> statement-breakpoint
CREATE TRIGGER stage_transitions_move_daily_update
  AFTER UPDATE ON stage_transitions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION guanxi_stage_move_daily();
--> statement-breakpoint
CREATE TRIGGER stage_transitions_move_daily_delete
  AFTER DELETE ON stage_transitions
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION guanxi_stage_move_daily();
--> statement-breakpoint
-- Days are local to the organization: when its zone changes, its moves are bucketed again.
CREATE OR REPLACE FUNCTION guanxi_stage_move_daily_rebucket() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM stage_move_daily WHERE org_id = NEW.id;
  INSERT INTO stage_move_daily (org_id, owner_key, day, from_stage, to_stage, count)
  SELECT t.org_id, t.owner_key, (t.at AT TIME ZONE NEW.time_zone)::date, t.from_stage, t.to_stage, count(*)::int
    FROM stage_transitions t WHERE t.org_id = NEW.id
   GROUP BY 1, 2, 3, 4, 5;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER organizations_stage_move_daily_zone
  AFTER UPDATE OF time_zone ON organizations
  FOR EACH ROW
  WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone)
  EXECUTE FUNCTION guanxi_stage_move_daily_rebucket();
--> statement-breakpoint
INSERT INTO stage_move_daily (org_id, owner_key, day, from_stage, to_stage, count)
SELECT t.org_id, t.owner_key, (t.at AT TIME ZONE g.time_zone)::date, t.from_stage, t.to_stage, count(*)::int
  FROM stage_transitions t JOIN organizations g ON g.id = t.org_id
 GROUP BY 1, 2, 3, 4, 5;
