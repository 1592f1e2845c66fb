CREATE TABLE "attachments" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"entity" varchar(30) NOT NULL,
	"entity_id" uuid NOT NULL,
	"file_name" varchar(200) NOT NULL,
	"content_type" varchar(100) NOT NULL,
	"size_bytes" bigint NOT NULL,
	"storage_key" varchar(200) NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "attachments_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "follow_up_types" (
	"org_id" uuid NOT NULL,
	"code" varchar(20) NOT NULL,
	"name_zh" varchar(32) NOT NULL,
	"name_en" varchar(32) NOT NULL,
	"sort_order" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_up_types_org_id_code_pk" PRIMARY KEY("org_id","code")
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid,
	"lead_id" uuid,
	"opportunity_id" uuid,
	"type" varchar(20) NOT NULL,
	"content" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"next_contact_at" timestamp with time zone,
	"contact_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	CONSTRAINT "follow_ups_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "follow_ups_one_parent" CHECK ((customer_id is null) <> (lead_id is null))
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"checked_in_at" timestamp with time zone NOT NULL,
	"latitude" numeric(9, 6),
	"longitude" numeric(9, 6),
	"accuracy_m" integer,
	"address" varchar(200),
	"note" text,
	"follow_up_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visits_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "visits_position_or_address" CHECK ((latitude is not null and longitude is not null) or address is not null)
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "next_contact_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "last_follow_up_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "next_contact_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_org_id_created_by_users_org_id_id_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_types" ADD CONSTRAINT "follow_up_types_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_org_id_lead_id_leads_org_id_id_fk" FOREIGN KEY ("org_id","lead_id") REFERENCES "public"."leads"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_org_id_author_id_users_org_id_id_fk" FOREIGN KEY ("org_id","author_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_org_id_follow_up_id_follow_ups_org_id_id_fk" FOREIGN KEY ("org_id","follow_up_id") REFERENCES "public"."follow_ups"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_entity_idx" ON "attachments" USING btree ("org_id","entity","entity_id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "follow_ups_customer_idx" ON "follow_ups" USING btree ("org_id","customer_id","occurred_at","id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "follow_ups_lead_idx" ON "follow_ups" USING btree ("org_id","lead_id","occurred_at","id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "follow_ups_opportunity_idx" ON "follow_ups" USING btree ("org_id","opportunity_id","occurred_at","id") WHERE deleted_at is null and opportunity_id is not null;--> statement-breakpoint
CREATE INDEX "follow_ups_author_idx" ON "follow_ups" USING btree ("org_id","author_id","occurred_at");--> statement-breakpoint
CREATE INDEX "visits_user_idx" ON "visits" USING btree ("org_id","user_id","checked_in_at");--> statement-breakpoint
CREATE INDEX "visits_customer_idx" ON "visits" USING btree ("org_id","customer_id","checked_in_at");--> statement-breakpoint
CREATE INDEX "customers_owner_next_contact_idx" ON "customers" USING btree ("org_id","owner_id","next_contact_at") WHERE deleted_at is null and next_contact_at is not null;--> statement-breakpoint
CREATE INDEX "customers_owner_last_follow_up_idx" ON "customers" USING btree ("org_id","owner_id","last_follow_up_at") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "leads_owner_next_contact_idx" ON "leads" USING btree ("org_id","owner_id","next_contact_at") WHERE deleted_at is null and next_contact_at is not null;