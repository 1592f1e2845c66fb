CREATE TABLE "complaint_categories" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"parent_id" uuid,
	"name_zh" varchar(40) NOT NULL,
	"name_en" varchar(40) NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "complaint_categories_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "complaint_comments" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"complaint_id" uuid NOT NULL,
	"kind" varchar(8) NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_comments_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "complaint_comments_kind" CHECK (kind in ('reply', 'note'))
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"subject" varchar(200) NOT NULL,
	"customer_id" uuid NOT NULL,
	"contact_id" uuid,
	"product_id" uuid,
	"order_id" uuid,
	"category_id" uuid,
	"severity" varchar(10) NOT NULL,
	"channel" varchar(12) NOT NULL,
	"source" varchar(32) DEFAULT 'manual' NOT NULL,
	"description" text NOT NULL,
	"state" varchar(12) NOT NULL,
	"handler_id" uuid,
	"created_by" uuid NOT NULL,
	"first_response_due_at" timestamp with time zone NOT NULL,
	"first_response_warn_at" timestamp with time zone NOT NULL,
	"first_responded_at" timestamp with time zone,
	"resolution_due_at" timestamp with time zone NOT NULL,
	"resolution_warn_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"root_cause" text,
	"solution" text,
	"is_repeat" boolean DEFAULT false NOT NULL,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"first_response_warned" boolean DEFAULT false NOT NULL,
	"first_response_breached" boolean DEFAULT false NOT NULL,
	"resolution_warned" boolean DEFAULT false NOT NULL,
	"resolution_breached" boolean DEFAULT false NOT NULL,
	"sla_check_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "complaints_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "complaints_state" CHECK (state in ('new', 'assigned', 'in_progress', 'resolved', 'closed')),
	CONSTRAINT "complaints_severity" CHECK (severity in ('low', 'normal', 'high', 'urgent'))
);
--> statement-breakpoint
CREATE TABLE "service_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"calendar" jsonb NOT NULL,
	"sla" jsonb NOT NULL,
	"assignment_rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "complaint_categories" ADD CONSTRAINT "complaint_categories_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_categories" ADD CONSTRAINT "complaint_categories_org_id_parent_id_complaint_categories_org_id_id_fk" FOREIGN KEY ("org_id","parent_id") REFERENCES "public"."complaint_categories"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_comments" ADD CONSTRAINT "complaint_comments_org_id_complaint_id_complaints_org_id_id_fk" FOREIGN KEY ("org_id","complaint_id") REFERENCES "public"."complaints"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_comments" ADD CONSTRAINT "complaint_comments_org_id_author_id_users_org_id_id_fk" FOREIGN KEY ("org_id","author_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_org_id_handler_id_users_org_id_id_fk" FOREIGN KEY ("org_id","handler_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_org_id_created_by_users_org_id_id_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_org_id_category_id_complaint_categories_org_id_id_fk" FOREIGN KEY ("org_id","category_id") REFERENCES "public"."complaint_categories"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_settings" ADD CONSTRAINT "service_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_comments_complaint_idx" ON "complaint_comments" USING btree ("org_id","complaint_id","created_at");--> statement-breakpoint
CREATE INDEX "complaints_queue_idx" ON "complaints" USING btree ("org_id","resolution_due_at","id");--> statement-breakpoint
CREATE INDEX "complaints_handler_idx" ON "complaints" USING btree ("org_id","handler_id","resolution_due_at","id");--> statement-breakpoint
CREATE INDEX "complaints_customer_idx" ON "complaints" USING btree ("org_id","customer_id","created_at");--> statement-breakpoint
CREATE INDEX "complaints_sla_check_idx" ON "complaints" USING btree ("sla_check_at") WHERE sla_check_at is not null;--> statement-breakpoint
-- Organizations that exist before complaints start with the default categories, as new ones do.
INSERT INTO "complaint_categories" ("org_id", "id", "name_zh", "name_en", "sort_order")
SELECT o."id", gen_random_uuid(), d.name_zh, d.name_en, d.sort_order
  FROM "organizations" o
  CROSS JOIN (VALUES ('产品质量', 'Product quality', 10), ('物流配送', 'Delivery', 20), ('服务态度', 'Service attitude', 30),
                     ('价格', 'Price', 40), ('其他', 'Other', 50)) AS d(name_zh, name_en, sort_order);
