CREATE TABLE "member_level_history" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"from_level_id" uuid,
	"to_level_id" uuid NOT NULL,
	"growth_points" bigint NOT NULL,
	"changed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_level_history_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "member_levels" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name_zh" varchar(32) NOT NULL,
	"name_en" varchar(32) NOT NULL,
	"threshold" bigint NOT NULL,
	"discount_bp" integer DEFAULT 0 NOT NULL,
	"birthday_gift" varchar(200),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "member_levels_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "member_levels_values" CHECK (threshold >= 0 and discount_bp between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "member_point_adjustments" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"points" bigint NOT NULL,
	"reason" varchar(200) NOT NULL,
	"status" varchar(10) DEFAULT 'pending' NOT NULL,
	"approval_request_id" uuid,
	"requested_by" uuid NOT NULL,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_point_adjustments_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "member_point_adjustments_status" CHECK (status in ('pending', 'approved', 'rejected', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "member_points_ledger" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" varchar(10) NOT NULL,
	"points" bigint NOT NULL,
	"growth" bigint DEFAULT 0 NOT NULL,
	"balance_after" bigint NOT NULL,
	"reason" varchar(200),
	"order_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_points_ledger_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "member_points_ledger_kind" CHECK (kind in ('earn', 'deduct', 'redeem', 'expire', 'adjust')),
	CONSTRAINT "member_points_ledger_balance" CHECK (balance_after >= 0)
);
--> statement-breakpoint
CREATE TABLE "member_settings" (
	"org_id" uuid NOT NULL,
	"adjust_approval_threshold" integer DEFAULT 1000 NOT NULL,
	"expiry_months" integer DEFAULT 24 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "member_settings_org_id_pk" PRIMARY KEY("org_id"),
	CONSTRAINT "member_settings_values" CHECK (adjust_approval_threshold >= 0 and expiry_months between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "members" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"member_no" varchar(24) NOT NULL,
	"card_no" varchar(40),
	"joined_on" date NOT NULL,
	"store_id" uuid,
	"level_id" uuid NOT NULL,
	"growth_points" bigint DEFAULT 0 NOT NULL,
	"points_balance" bigint DEFAULT 0 NOT NULL,
	"last_purchase_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "members_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "members_points_non_negative" CHECK (points_balance >= 0 and growth_points >= 0)
);
--> statement-breakpoint
ALTER TABLE "approval_flows" DROP CONSTRAINT "approval_flows_business_type";--> statement-breakpoint
ALTER TABLE "member_level_history" ADD CONSTRAINT "member_level_history_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_level_history" ADD CONSTRAINT "member_level_history_org_id_member_id_members_org_id_id_fk" FOREIGN KEY ("org_id","member_id") REFERENCES "public"."members"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_level_history" ADD CONSTRAINT "member_level_history_org_id_from_level_id_member_levels_org_id_id_fk" FOREIGN KEY ("org_id","from_level_id") REFERENCES "public"."member_levels"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_level_history" ADD CONSTRAINT "member_level_history_org_id_to_level_id_member_levels_org_id_id_fk" FOREIGN KEY ("org_id","to_level_id") REFERENCES "public"."member_levels"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_levels" ADD CONSTRAINT "member_levels_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_point_adjustments" ADD CONSTRAINT "member_point_adjustments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_point_adjustments" ADD CONSTRAINT "member_point_adjustments_org_id_member_id_members_org_id_id_fk" FOREIGN KEY ("org_id","member_id") REFERENCES "public"."members"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_point_adjustments" ADD CONSTRAINT "member_point_adjustments_org_id_requested_by_users_org_id_id_fk" FOREIGN KEY ("org_id","requested_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_points_ledger" ADD CONSTRAINT "member_points_ledger_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_points_ledger" ADD CONSTRAINT "member_points_ledger_org_id_member_id_members_org_id_id_fk" FOREIGN KEY ("org_id","member_id") REFERENCES "public"."members"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_points_ledger" ADD CONSTRAINT "member_points_ledger_org_id_order_id_orders_org_id_id_fk" FOREIGN KEY ("org_id","order_id") REFERENCES "public"."orders"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_points_ledger" ADD CONSTRAINT "member_points_ledger_org_id_created_by_users_org_id_id_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_settings" ADD CONSTRAINT "member_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_org_id_store_id_departments_org_id_id_fk" FOREIGN KEY ("org_id","store_id") REFERENCES "public"."departments"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_org_id_level_id_member_levels_org_id_id_fk" FOREIGN KEY ("org_id","level_id") REFERENCES "public"."member_levels"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_org_id_created_by_users_org_id_id_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_level_history_member_idx" ON "member_level_history" USING btree ("org_id","member_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "member_levels_threshold_key" ON "member_levels" USING btree ("org_id","threshold");--> statement-breakpoint
CREATE INDEX "member_point_adjustments_member_idx" ON "member_point_adjustments" USING btree ("org_id","member_id","created_at");--> statement-breakpoint
CREATE INDEX "member_points_ledger_member_idx" ON "member_points_ledger" USING btree ("org_id","member_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "member_points_ledger_order_key" ON "member_points_ledger" USING btree ("org_id","order_id","kind") WHERE order_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "members_customer_key" ON "members" USING btree ("org_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "members_member_no_key" ON "members" USING btree ("org_id","member_no");--> statement-breakpoint
CREATE UNIQUE INDEX "members_card_no_key" ON "members" USING btree ("org_id","card_no") WHERE card_no is not null;--> statement-breakpoint
CREATE INDEX "members_level_idx" ON "members" USING btree ("org_id","level_id","id");--> statement-breakpoint
CREATE INDEX "members_store_idx" ON "members" USING btree ("org_id","store_id","id");--> statement-breakpoint
CREATE INDEX "members_joined_idx" ON "members" USING btree ("org_id","joined_on","id");--> statement-breakpoint
CREATE INDEX "members_last_purchase_idx" ON "members" USING btree ("org_id","last_purchase_at");--> statement-breakpoint
ALTER TABLE "approval_flows" ADD CONSTRAINT "approval_flows_business_type" CHECK (business_type in ('stage_transition', 'price_below_authority', 'credit_override', 'expense', 'contract', 'member_points_adjust'));