CREATE TABLE "tasks" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" varchar(200) NOT NULL,
	"description" text,
	"due_at" timestamp with time zone,
	"remind_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"assignee_id" uuid NOT NULL,
	"related_type" varchar(20),
	"related_id" uuid,
	"status" varchar(12) DEFAULT 'open' NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	CONSTRAINT "tasks_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "tasks_related_pair" CHECK ((related_type is null) = (related_id is null))
);
--> statement-breakpoint
CREATE TABLE "work_plan_items" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" varchar(10) NOT NULL,
	"purpose" varchar(500) DEFAULT '' NOT NULL,
	"planned_at" timestamp with time zone,
	"sort_order" integer NOT NULL,
	CONSTRAINT "work_plan_items_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "work_plans" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"kind" varchar(10) NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"status" varchar(12) DEFAULT 'draft' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewer_id" uuid,
	"reviewed_at" timestamp with time zone,
	"review_decision" varchar(10),
	"review_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "work_plans_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "work_report_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"daily_due_time" varchar(5) NOT NULL,
	"weekly_due_time" varchar(5) NOT NULL,
	"monthly_due_day" integer NOT NULL,
	"monthly_due_time" varchar(5) NOT NULL,
	"workdays" integer[] NOT NULL,
	"required_role_codes" text[] NOT NULL,
	"required_department_ids" uuid[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_reports" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"kind" varchar(10) NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"status" varchar(12) DEFAULT 'draft' NOT NULL,
	"work" text DEFAULT '' NOT NULL,
	"plan" text DEFAULT '' NOT NULL,
	"problems" text DEFAULT '' NOT NULL,
	"recipient_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"counts" jsonb,
	"due_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"is_late" boolean DEFAULT false NOT NULL,
	"reviewer_id" uuid,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	"score" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "work_reports_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "work_reports_score_range" CHECK (score is null or score between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_org_id_assignee_id_users_org_id_id_fk" FOREIGN KEY ("org_id","assignee_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_org_id_created_by_users_org_id_id_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plan_items" ADD CONSTRAINT "work_plan_items_org_id_plan_id_work_plans_org_id_id_fk" FOREIGN KEY ("org_id","plan_id") REFERENCES "public"."work_plans"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plan_items" ADD CONSTRAINT "work_plan_items_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plans" ADD CONSTRAINT "work_plans_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plans" ADD CONSTRAINT "work_plans_org_id_author_id_users_org_id_id_fk" FOREIGN KEY ("org_id","author_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plans" ADD CONSTRAINT "work_plans_org_id_reviewer_id_users_org_id_id_fk" FOREIGN KEY ("org_id","reviewer_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_report_settings" ADD CONSTRAINT "work_report_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_reports" ADD CONSTRAINT "work_reports_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_reports" ADD CONSTRAINT "work_reports_org_id_author_id_users_org_id_id_fk" FOREIGN KEY ("org_id","author_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_reports" ADD CONSTRAINT "work_reports_org_id_reviewer_id_users_org_id_id_fk" FOREIGN KEY ("org_id","reviewer_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tasks_assignee_due_idx" ON "tasks" USING btree ("org_id","assignee_id","status","due_at") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "tasks_creator_idx" ON "tasks" USING btree ("org_id","created_by","id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "tasks_related_idx" ON "tasks" USING btree ("org_id","related_type","related_id") WHERE deleted_at is null and related_id is not null;--> statement-breakpoint
CREATE INDEX "tasks_remind_idx" ON "tasks" USING btree ("remind_at") WHERE reminded_at is null and status = 'open' and deleted_at is null and remind_at is not null;--> statement-breakpoint
CREATE INDEX "work_plan_items_plan_idx" ON "work_plan_items" USING btree ("org_id","plan_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "work_plans_period_key" ON "work_plans" USING btree ("org_id","author_id","kind","period_start");--> statement-breakpoint
CREATE INDEX "work_plans_status_idx" ON "work_plans" USING btree ("org_id","status","period_start");--> statement-breakpoint
CREATE UNIQUE INDEX "work_reports_period_key" ON "work_reports" USING btree ("org_id","author_id","kind","period_start");--> statement-breakpoint
CREATE INDEX "work_reports_period_idx" ON "work_reports" USING btree ("org_id","kind","period_start");--> statement-breakpoint
CREATE INDEX "work_reports_recipients_idx" ON "work_reports" USING gin ("recipient_ids");