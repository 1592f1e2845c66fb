CREATE TABLE "lead_pool_members" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pool_id" uuid NOT NULL,
	"role" varchar(10) NOT NULL,
	"user_id" uuid,
	"department_id" uuid,
	CONSTRAINT "lead_pool_members_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "lead_pool_members_one_principal" CHECK ((user_id is null) <> (department_id is null))
);
--> statement-breakpoint
CREATE TABLE "lead_pools" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" varchar(64) NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "lead_pools_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pool_id" uuid,
	"name" varchar(50) NOT NULL,
	"company_name" varchar(100),
	"title" varchar(50),
	"mobile" varchar(20),
	"phone" varchar(20),
	"email" varchar(254),
	"wechat" varchar(50),
	"source" varchar(20),
	"owner_id" uuid,
	"status" varchar(12) DEFAULT 'new' NOT NULL,
	"remarks" text,
	"converted_customer_id" uuid,
	"converted_contact_id" uuid,
	"converted_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"company_normalized" varchar(200),
	"mobile_digits" varchar(20),
	"phone_digits" varchar(20),
	"email_normalized" varchar(254),
	"search_tokens" "tsvector" DEFAULT ''::tsvector NOT NULL,
	CONSTRAINT "leads_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "leads_status_check" CHECK (status in ('new', 'assigned', 'converted', 'invalid'))
);
--> statement-breakpoint
ALTER TABLE "lead_pool_members" ADD CONSTRAINT "lead_pool_members_org_id_pool_id_lead_pools_org_id_id_fk" FOREIGN KEY ("org_id","pool_id") REFERENCES "public"."lead_pools"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_pool_members" ADD CONSTRAINT "lead_pool_members_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_pool_members" ADD CONSTRAINT "lead_pool_members_org_id_department_id_departments_org_id_id_fk" FOREIGN KEY ("org_id","department_id") REFERENCES "public"."departments"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_pools" ADD CONSTRAINT "lead_pools_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_org_id_pool_id_lead_pools_org_id_id_fk" FOREIGN KEY ("org_id","pool_id") REFERENCES "public"."lead_pools"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_org_id_owner_id_users_org_id_id_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_org_id_converted_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","converted_customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_org_id_converted_contact_id_contacts_org_id_id_fk" FOREIGN KEY ("org_id","converted_contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_pool_members_pool_idx" ON "lead_pool_members" USING btree ("org_id","pool_id");--> statement-breakpoint
CREATE INDEX "lead_pool_members_user_idx" ON "lead_pool_members" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE INDEX "lead_pool_members_department_idx" ON "lead_pool_members" USING btree ("org_id","department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_pools_name_key" ON "lead_pools" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "leads_owner_updated_idx" ON "leads" USING btree ("org_id","owner_id","updated_at","id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "leads_updated_idx" ON "leads" USING btree ("org_id","updated_at","id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "leads_pool_idx" ON "leads" USING btree ("org_id","pool_id","updated_at","id") WHERE owner_id is null and deleted_at is null;--> statement-breakpoint
CREATE INDEX "leads_deleted_idx" ON "leads" USING btree ("org_id","deleted_at","id") WHERE deleted_at is not null;--> statement-breakpoint
CREATE INDEX "leads_search_idx" ON "leads" USING gin ("search_tokens");--> statement-breakpoint
CREATE INDEX "leads_mobile_digits_idx" ON "leads" USING btree ("org_id","mobile_digits") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "leads_phone_digits_idx" ON "leads" USING btree ("org_id","phone_digits") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "leads_email_normalized_idx" ON "leads" USING btree ("org_id","email_normalized") WHERE deleted_at is null;