-- Issue 12 (import): external ids on every importable record (unique per organization and table, so
-- re-importing a file finds its records instead of creating them twice), and the import jobs, their
-- per-row errors and the saved mapping templates.
CREATE TABLE "import_job_errors" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"phase" varchar(8) NOT NULL,
	"row_number" integer NOT NULL,
	"field" varchar(64),
	"code" varchar(64) NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"values" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "import_job_errors_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" varchar(20) NOT NULL,
	"status" varchar(12) NOT NULL,
	"file_name" varchar(255) NOT NULL,
	"file_size" bigint NOT NULL,
	"file_path" text NOT NULL,
	"source" jsonb NOT NULL,
	"sheets" text[] DEFAULT '{}'::text[] NOT NULL,
	"columns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"mapping" jsonb,
	"phase" varchar(8),
	"rows_done" integer DEFAULT 0 NOT NULL,
	"check_summary" jsonb,
	"run_summary" jsonb,
	"state" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"failure_code" varchar(64),
	"failure_detail" text,
	"cancel_requested" boolean DEFAULT false NOT NULL,
	"locked_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_by" uuid NOT NULL,
	"phase_started_at" timestamp with time zone,
	"phase_start_rows" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_jobs_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "import_templates" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" varchar(20) NOT NULL,
	"name" varchar(100) NOT NULL,
	"headers" text[] DEFAULT '{}'::text[] NOT NULL,
	"mapping" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_templates_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "import_job_errors" ADD CONSTRAINT "import_job_errors_org_id_import_id_import_jobs_org_id_id_fk" FOREIGN KEY ("org_id","import_id") REFERENCES "public"."import_jobs"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_org_id_created_by_users_org_id_id_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_templates" ADD CONSTRAINT "import_templates_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_job_errors_row_idx" ON "import_job_errors" USING btree ("org_id","import_id","phase","row_number","id");--> statement-breakpoint
CREATE INDEX "import_jobs_list_idx" ON "import_jobs" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "import_jobs_pending_idx" ON "import_jobs" USING btree ("locked_until") WHERE status in ('checking', 'queued', 'running');--> statement-breakpoint
CREATE UNIQUE INDEX "import_templates_name_key" ON "import_templates" USING btree ("org_id","kind","name");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_external_id_key" ON "customers" USING btree ("org_id","external_id") WHERE external_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_external_id_key" ON "contacts" USING btree ("org_id","external_id") WHERE external_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "leads_external_id_key" ON "leads" USING btree ("org_id","external_id") WHERE external_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "follow_ups_external_id_key" ON "follow_ups" USING btree ("org_id","external_id") WHERE external_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "products_external_id_key" ON "products" USING btree ("org_id","external_id") WHERE external_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "orders_external_id_key" ON "orders" USING btree ("org_id","external_id") WHERE external_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_external_id_key" ON "payments" USING btree ("org_id","external_id") WHERE external_id is not null;