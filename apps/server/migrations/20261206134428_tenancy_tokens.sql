-- Issue 10: login names unique per organization (sign-in names the organization by its code),
-- system operators for installation-wide jobs, and API tokens that expire.
DROP INDEX "users_username_key";--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "code" varchar(32);--> statement-breakpoint
-- Existing organizations get a code from the random tail of their id; the demo organization gets
-- `demo`. Administrators can change it later.
UPDATE "organizations" SET "code" = 'org-' || right(replace("id"::text, '-', ''), 12);--> statement-breakpoint
UPDATE "organizations" SET "code" = 'demo'
WHERE "id" = (SELECT "id" FROM "organizations" WHERE "name" = '示例科技有限公司' ORDER BY "created_at", "id" LIMIT 1);--> statement-breakpoint
ALTER TABLE "organizations" ALTER COLUMN "code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "system_operator" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- The installation's first organization is the one that runs it: its administrators operate it.
UPDATE "users" u SET "system_operator" = true
WHERE u."org_id" = (SELECT "id" FROM "organizations" ORDER BY "created_at", "id" LIMIT 1)
  AND EXISTS (
    SELECT 1 FROM "user_roles" ur JOIN "roles" r ON r."org_id" = ur."org_id" AND r."id" = ur."role_id"
    WHERE ur."org_id" = u."org_id" AND ur."user_id" = u."id" AND r."code" = 'admin'
  );--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
-- Tokens issued before expiry existed get the default lifetime from their creation (at least a week from now).
UPDATE "api_tokens" SET "expires_at" = greatest("created_at" + interval '90 days', now() + interval '7 days');--> statement-breakpoint
ALTER TABLE "api_tokens" ALTER COLUMN "expires_at" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_code_key" ON "organizations" USING btree (lower("code"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_key" ON "users" USING btree ("org_id",lower("username"));
