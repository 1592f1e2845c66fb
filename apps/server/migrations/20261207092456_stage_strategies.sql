CREATE TABLE "lifecycle_stage_strategies" (
	"org_id" uuid NOT NULL,
	"stage" varchar(20) NOT NULL,
	"follow_up_every_days" integer,
	"default_tasks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"first_order_care" boolean DEFAULT false NOT NULL,
	"return_visit_days" integer DEFAULT 7 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lifecycle_stage_strategies_org_id_stage_pk" PRIMARY KEY("org_id","stage"),
	CONSTRAINT "lifecycle_stage_strategies_days" CHECK ((follow_up_every_days is null or follow_up_every_days between 1 and 365) and return_visit_days between 0 and 365)
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "is_first_order" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "lifecycle_stage_strategies" ADD CONSTRAINT "lifecycle_stage_strategies_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customers_stage_last_follow_up_idx" ON "customers" USING btree ("org_id","stage","last_follow_up_at") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "orders_first_order_idx" ON "orders" USING btree ("org_id","created_at","id") WHERE is_first_order and deleted_at is null;--> statement-breakpoint
-- Default stage strategies (issue 13) for organizations created before them. New organizations get
-- the same rows from seedStageStrategyDefaults (lifecycle module); keep both in step. The default
-- task's title is in the organization's default language.
INSERT INTO "lifecycle_stage_strategies" ("org_id", "stage", "follow_up_every_days", "default_tasks", "first_order_care", "return_visit_days")
SELECT o."id", d."stage", d."every",
  CASE WHEN d."stage" = 'first_purchase' THEN jsonb_build_array(jsonb_build_object(
    'title', CASE WHEN o."default_locale" = 'en' THEN 'Confirm first-order delivery' ELSE '首单回访确认交付' END,
    'kind', 'call', 'dueAfterDays', 3))
  ELSE '[]'::jsonb END,
  d."care", 7
FROM "organizations" o
CROSS JOIN (VALUES
  ('prospect', 15, false),
  ('interested', 7, false),
  ('first_purchase', 14, true),
  ('repeat', 30, false),
  ('lost', NULL::integer, false)
) AS d("stage", "every", "care")
WHERE NOT EXISTS (SELECT 1 FROM "lifecycle_stage_strategies" s WHERE s."org_id" = o."id");
