CREATE TABLE "customer_pool_members" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pool_id" uuid NOT NULL,
	"role" varchar(10) NOT NULL,
	"user_id" uuid,
	"department_id" uuid,
	CONSTRAINT "customer_pool_members_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "customer_pool_members_one_principal" CHECK ((user_id is null) <> (department_id is null))
);
--> statement-breakpoint
CREATE TABLE "customer_pools" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" varchar(64) NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"open_to_all" boolean DEFAULT false NOT NULL,
	"rules" jsonb NOT NULL,
	"visible_fields" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "customer_pools_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_team_members" (
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"access" varchar(10) DEFAULT 'read' NOT NULL,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_team_members_org_id_customer_id_user_id_pk" PRIMARY KEY("org_id","customer_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "ownership_events" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" varchar(12) NOT NULL,
	"actor_id" uuid,
	"rule" varchar(64),
	"from_user_id" uuid,
	"to_user_id" uuid,
	"pool_id" uuid,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ownership_events_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"job_id" uuid NOT NULL,
	"org_id" uuid,
	"name" varchar(64) NOT NULL,
	"trigger" varchar(12) NOT NULL,
	"triggered_by" uuid,
	"status" varchar(12) NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"error" text,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid,
	"name" varchar(64) NOT NULL,
	"schedule" jsonb NOT NULL,
	"time_zone" varchar(64) NOT NULL,
	"next_run_at" timestamp with time zone NOT NULL,
	"last_run_at" timestamp with time zone,
	"last_status" varchar(12),
	"last_error" text,
	"last_duration_ms" integer,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "pool_id" uuid;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "previous_owner_id" uuid;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "owned_since" timestamp with time zone DEFAULT now();--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "locked" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_pool_members" ADD CONSTRAINT "customer_pool_members_org_id_pool_id_customer_pools_org_id_id_fk" FOREIGN KEY ("org_id","pool_id") REFERENCES "public"."customer_pools"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_pool_members" ADD CONSTRAINT "customer_pool_members_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_pool_members" ADD CONSTRAINT "customer_pool_members_org_id_department_id_departments_org_id_id_fk" FOREIGN KEY ("org_id","department_id") REFERENCES "public"."departments"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_pools" ADD CONSTRAINT "customer_pools_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_team_members" ADD CONSTRAINT "customer_team_members_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_team_members" ADD CONSTRAINT "customer_team_members_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ownership_events" ADD CONSTRAINT "ownership_events_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_pool_members_pool_idx" ON "customer_pool_members" USING btree ("org_id","pool_id");--> statement-breakpoint
CREATE INDEX "customer_pool_members_user_idx" ON "customer_pool_members" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_pools_name_key" ON "customer_pools" USING btree ("org_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_pools_default_key" ON "customer_pools" USING btree ("org_id") WHERE is_default;--> statement-breakpoint
CREATE INDEX "customer_team_members_user_idx" ON "customer_team_members" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE INDEX "ownership_events_customer_idx" ON "ownership_events" USING btree ("org_id","customer_id","at");--> statement-breakpoint
CREATE INDEX "ownership_events_actor_idx" ON "ownership_events" USING btree ("org_id","actor_id","kind","at");--> statement-breakpoint
CREATE INDEX "job_runs_job_idx" ON "job_runs" USING btree ("job_id","started_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_org_name_key" ON "jobs" USING btree ("org_id","name") WHERE org_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_global_name_key" ON "jobs" USING btree ("name") WHERE org_id is null;--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("next_run_at");--> statement-breakpoint
CREATE INDEX "customers_pool_idx" ON "customers" USING btree ("org_id","pool_id","id") WHERE owner_id is null and deleted_at is null;