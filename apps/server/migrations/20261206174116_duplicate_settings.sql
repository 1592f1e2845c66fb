CREATE TABLE "duplicate_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"name_similarity_percent" integer DEFAULT 60 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "duplicate_settings" ADD CONSTRAINT "duplicate_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The similarity threshold moves from the lifecycle's rule settings to the duplicate check that uses it.
INSERT INTO "duplicate_settings" ("org_id", "name_similarity_percent", "updated_at")
SELECT "org_id", "name_similarity_percent", "updated_at" FROM "lifecycle_rule_settings";--> statement-breakpoint
ALTER TABLE "lifecycle_rule_settings" DROP COLUMN "name_similarity_percent";