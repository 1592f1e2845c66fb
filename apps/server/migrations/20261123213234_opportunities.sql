CREATE TABLE "opportunities" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"amount" numeric(14, 2) DEFAULT '0' NOT NULL,
	"expected_close_date" date,
	"process_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"status" varchar(10) DEFAULT 'open' NOT NULL,
	"close_reason" text,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	CONSTRAINT "opportunities_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "opportunities_amount_non_negative" CHECK (amount >= 0),
	CONSTRAINT "opportunities_status" CHECK (status in ('open', 'won', 'lost', 'invalid'))
);
--> statement-breakpoint
CREATE TABLE "opportunity_contacts" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"role" varchar(20) NOT NULL,
	"attitude" varchar(10) NOT NULL,
	"remarks" varchar(200),
	CONSTRAINT "opportunity_contacts_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_stage_changes" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"from_stage_id" uuid,
	"to_stage_id" uuid NOT NULL,
	"from_status" varchar(10),
	"to_status" varchar(10) NOT NULL,
	"reason" text,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_stage_changes_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "sales_process_stages" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"name" varchar(32) NOT NULL,
	"name_en" varchar(32),
	"probability" integer NOT NULL,
	"sort_order" integer NOT NULL,
	CONSTRAINT "sales_process_stages_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "sales_process_stages_probability" CHECK (probability between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "sales_processes" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" varchar(64) NOT NULL,
	"department_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "sales_processes_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_org_id_process_id_sales_processes_org_id_id_fk" FOREIGN KEY ("org_id","process_id") REFERENCES "public"."sales_processes"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_org_id_stage_id_sales_process_stages_org_id_id_fk" FOREIGN KEY ("org_id","stage_id") REFERENCES "public"."sales_process_stages"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_org_id_owner_id_users_org_id_id_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_contacts" ADD CONSTRAINT "opportunity_contacts_org_id_opportunity_id_opportunities_org_id_id_fk" FOREIGN KEY ("org_id","opportunity_id") REFERENCES "public"."opportunities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_contacts" ADD CONSTRAINT "opportunity_contacts_org_id_contact_id_contacts_org_id_id_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_stage_changes" ADD CONSTRAINT "opportunity_stage_changes_org_id_opportunity_id_opportunities_org_id_id_fk" FOREIGN KEY ("org_id","opportunity_id") REFERENCES "public"."opportunities"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_stage_changes" ADD CONSTRAINT "opportunity_stage_changes_org_id_from_stage_id_sales_process_stages_org_id_id_fk" FOREIGN KEY ("org_id","from_stage_id") REFERENCES "public"."sales_process_stages"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_stage_changes" ADD CONSTRAINT "opportunity_stage_changes_org_id_to_stage_id_sales_process_stages_org_id_id_fk" FOREIGN KEY ("org_id","to_stage_id") REFERENCES "public"."sales_process_stages"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_stage_changes" ADD CONSTRAINT "opportunity_stage_changes_org_id_actor_id_users_org_id_id_fk" FOREIGN KEY ("org_id","actor_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_process_stages" ADD CONSTRAINT "sales_process_stages_org_id_process_id_sales_processes_org_id_id_fk" FOREIGN KEY ("org_id","process_id") REFERENCES "public"."sales_processes"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_processes" ADD CONSTRAINT "sales_processes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_processes" ADD CONSTRAINT "sales_processes_org_id_department_id_departments_org_id_id_fk" FOREIGN KEY ("org_id","department_id") REFERENCES "public"."departments"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "opportunities_customer_idx" ON "opportunities" USING btree ("org_id","customer_id","created_at") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "opportunities_created_idx" ON "opportunities" USING btree ("org_id","created_at","id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "opportunities_owner_status_idx" ON "opportunities" USING btree ("org_id","owner_id","status") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "opportunities_process_stage_idx" ON "opportunities" USING btree ("org_id","process_id","stage_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "opportunity_contacts_key" ON "opportunity_contacts" USING btree ("org_id","opportunity_id","contact_id");--> statement-breakpoint
CREATE INDEX "opportunity_stage_changes_opportunity_idx" ON "opportunity_stage_changes" USING btree ("org_id","opportunity_id","at");--> statement-breakpoint
CREATE INDEX "sales_process_stages_process_idx" ON "sales_process_stages" USING btree ("org_id","process_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_processes_department_key" ON "sales_processes" USING btree ("org_id",coalesce("department_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE deleted_at is null;