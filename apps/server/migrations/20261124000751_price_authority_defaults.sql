-- Default price authorities (domain §5) for organizations created before price authority existed.
-- New organizations get the same rows from seedPriceAuthorityDefaults (products module); keep both
-- in step. An organization that already has any row keeps its own matrix.
INSERT INTO "price_authorities" ("org_id", "id", "role_id", "stage", "basis", "percent_bp")
SELECT r."org_id", gen_random_uuid(), r."id", d."stage", d."basis", d."percent_bp"
FROM "roles" r
JOIN (VALUES
  ('salesperson', 'prospect', 'list', 9500),
  ('salesperson', 'interested', 'list', 9500),
  ('salesperson', 'first_purchase', 'cost', 10000),
  ('salesperson', 'repeat', 'list', 9000),
  ('salesperson', 'lost', 'list', 9500),
  ('sales_manager', NULL, 'list', 8500),
  ('sales_director', NULL, 'list', 8000),
  ('admin', NULL, 'cost', 0)
) AS d("role_code", "stage", "basis", "percent_bp") ON d."role_code" = r."code"
WHERE NOT EXISTS (SELECT 1 FROM "price_authorities" p WHERE p."org_id" = r."org_id");
