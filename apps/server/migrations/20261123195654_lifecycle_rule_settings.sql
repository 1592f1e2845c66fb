CREATE TABLE "lifecycle_rule_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"lost_after_days" integer DEFAULT 365 NOT NULL,
	"stuck_repeat_days" integer DEFAULT 7 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lifecycle_rule_settings" ADD CONSTRAINT "lifecycle_rule_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;