CREATE TABLE "decline_decisions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"decline_since" timestamp with time zone NOT NULL,
	"decision" varchar(12) NOT NULL,
	"reason" text NOT NULL,
	"let_go_to" varchar(8),
	"check_on" date,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"outcome" varchar(12),
	"outcome_at" timestamp with time zone,
	CONSTRAINT "decline_decisions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
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
ALTER TABLE "customers" ADD COLUMN "relationship_phase" varchar(12);--> statement-breakpoint
ALTER TABLE "customer_relationship_phases" ADD COLUMN "since" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_relationship_phases" ADD COLUMN "reason" jsonb;--> statement-breakpoint
ALTER TABLE "customer_relationship_phases" ADD COLUMN "expected_repurchase_days" integer;--> statement-breakpoint
ALTER TABLE "product_categories" ADD COLUMN "repurchase_days" integer;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "is_first_order" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_values" ADD COLUMN "previous_tier" varchar(10);--> statement-breakpoint
ALTER TABLE "decline_decisions" ADD CONSTRAINT "decline_decisions_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decline_decisions" ADD CONSTRAINT "decline_decisions_org_id_decided_by_users_org_id_id_fk" FOREIGN KEY ("org_id","decided_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycle_stage_strategies" ADD CONSTRAINT "lifecycle_stage_strategies_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "decline_decisions_stay_key" ON "decline_decisions" USING btree ("org_id","customer_id","decline_since");--> statement-breakpoint
CREATE INDEX "decline_decisions_decided_idx" ON "decline_decisions" USING btree ("org_id","decided_at");--> statement-breakpoint
CREATE INDEX "customers_stage_last_follow_up_idx" ON "customers" USING btree ("org_id","stage","last_follow_up_at") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "customer_relationship_phases_phase_idx" ON "customer_relationship_phases" USING btree ("org_id","phase","since");--> statement-breakpoint
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
--> statement-breakpoint
-- Phases computed before this migration: their stay starts at the last computation, and the list's copy is filled.
UPDATE "customer_relationship_phases" SET "since" = "computed_at";--> statement-breakpoint
UPDATE "customers" c SET "relationship_phase" = p."phase" FROM "customer_relationship_phases" p WHERE p."org_id" = c."org_id" AND p."customer_id" = c."id";
