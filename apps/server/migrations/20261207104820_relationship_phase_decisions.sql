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
ALTER TABLE "customers" ADD COLUMN "relationship_phase" varchar(12);--> statement-breakpoint
ALTER TABLE "customer_relationship_phases" ADD COLUMN "since" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_relationship_phases" ADD COLUMN "reason" jsonb;--> statement-breakpoint
ALTER TABLE "customer_relationship_phases" ADD COLUMN "expected_repurchase_days" integer;--> statement-breakpoint
ALTER TABLE "product_categories" ADD COLUMN "repurchase_days" integer;--> statement-breakpoint
ALTER TABLE "customer_values" ADD COLUMN "previous_tier" varchar(10);--> statement-breakpoint
ALTER TABLE "decline_decisions" ADD CONSTRAINT "decline_decisions_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decline_decisions" ADD CONSTRAINT "decline_decisions_org_id_decided_by_users_org_id_id_fk" FOREIGN KEY ("org_id","decided_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "decline_decisions_stay_key" ON "decline_decisions" USING btree ("org_id","customer_id","decline_since");--> statement-breakpoint
CREATE INDEX "decline_decisions_decided_idx" ON "decline_decisions" USING btree ("org_id","decided_at");--> statement-breakpoint
CREATE INDEX "customer_relationship_phases_phase_idx" ON "customer_relationship_phases" USING btree ("org_id","phase","since");--> statement-breakpoint
-- Phases computed before this migration: their stay starts at the last computation, and the list's copy is filled.
UPDATE "customer_relationship_phases" SET "since" = "computed_at";--> statement-breakpoint
UPDATE "customers" c SET "relationship_phase" = p."phase" FROM "customer_relationship_phases" p WHERE p."org_id" = c."org_id" AND p."customer_id" = c."id";
