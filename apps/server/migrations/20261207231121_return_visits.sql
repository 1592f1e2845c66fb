CREATE TABLE "return_visit_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"after_order_days" integer DEFAULT 7 NOT NULL,
	"after_complaint_days" integer DEFAULT 3 NOT NULL,
	"low_score" integer DEFAULT 2 NOT NULL,
	"default_handler_id" uuid,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "return_visits" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"order_id" uuid,
	"complaint_id" uuid,
	"source" varchar(20) NOT NULL,
	"due_date" date NOT NULL,
	"handler_id" uuid,
	"status" varchar(12) DEFAULT 'open' NOT NULL,
	"outcome" varchar(12),
	"satisfaction" smallint,
	"notes" text,
	"cancel_reason" varchar(500),
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "return_visits_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "return_visits_status" CHECK (status in ('open', 'done', 'cancelled')),
	CONSTRAINT "return_visits_source" CHECK (source in ('order_completed', 'complaint_closed', 'manual')),
	CONSTRAINT "return_visits_outcome" CHECK (outcome is null or outcome in ('reached', 'unreachable', 'declined')),
	CONSTRAINT "return_visits_satisfaction" CHECK (satisfaction is null or satisfaction between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "return_visit_settings" ADD CONSTRAINT "return_visit_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_visit_settings" ADD CONSTRAINT "return_visit_settings_org_id_default_handler_id_users_org_id_id_fk" FOREIGN KEY ("org_id","default_handler_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_visits" ADD CONSTRAINT "return_visits_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_visits" ADD CONSTRAINT "return_visits_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_visits" ADD CONSTRAINT "return_visits_org_id_order_id_orders_org_id_id_fk" FOREIGN KEY ("org_id","order_id") REFERENCES "public"."orders"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_visits" ADD CONSTRAINT "return_visits_org_id_handler_id_users_org_id_id_fk" FOREIGN KEY ("org_id","handler_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_visits" ADD CONSTRAINT "return_visits_org_id_done_by_users_org_id_id_fk" FOREIGN KEY ("org_id","done_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "return_visits_order_uq" ON "return_visits" USING btree ("org_id","order_id") WHERE source = 'order_completed';--> statement-breakpoint
CREATE INDEX "return_visits_due_idx" ON "return_visits" USING btree ("org_id","status","due_date","id");--> statement-breakpoint
CREATE INDEX "return_visits_customer_idx" ON "return_visits" USING btree ("org_id","customer_id","due_date");