CREATE TABLE "contacts" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"name" varchar(50) NOT NULL,
	"gender" varchar(10),
	"title" varchar(50),
	"department" varchar(50),
	"mobile" varchar(20),
	"email" varchar(254),
	"wechat" varchar(50),
	"is_primary" boolean DEFAULT false NOT NULL,
	"is_decision_maker" boolean DEFAULT false NOT NULL,
	"remarks" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"name_normalized" varchar(100),
	"mobile_digits" varchar(20),
	"email_normalized" varchar(254),
	"search_tokens" "tsvector" DEFAULT ''::tsvector NOT NULL,
	CONSTRAINT "contacts_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "credit_code" varchar(18);--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "scale" varchar(10);--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "website" varchar(200);--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "gender" varchar(10);--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "birthday" date;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "province" varchar(50);--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "district" varchar(50);--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "region_code" varchar(6);--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "name_normalized" varchar(200);--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "name_bigrams" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "phone_digits" varchar(20);--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "email_normalized" varchar(254);--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_customer_idx" ON "contacts" USING btree ("org_id","customer_id","id") WHERE deleted_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_primary_key" ON "contacts" USING btree ("org_id","customer_id") WHERE is_primary and deleted_at is null;--> statement-breakpoint
CREATE INDEX "contacts_mobile_digits_idx" ON "contacts" USING btree ("org_id","mobile_digits") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "contacts_email_normalized_idx" ON "contacts" USING btree ("org_id","email_normalized") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "contacts_deleted_idx" ON "contacts" USING btree ("org_id","deleted_at","id") WHERE deleted_at is not null;--> statement-breakpoint
CREATE INDEX "contacts_search_idx" ON "contacts" USING gin ("search_tokens");--> statement-breakpoint
CREATE INDEX "customers_tags_idx" ON "customers" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "customers_name_bigrams_idx" ON "customers" USING gin ("name_bigrams");--> statement-breakpoint
CREATE INDEX "customers_phone_digits_idx" ON "customers" USING btree ("org_id","phone_digits") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "customers_email_normalized_idx" ON "customers" USING btree ("org_id","email_normalized") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "customers_credit_code_idx" ON "customers" USING btree ("org_id","credit_code") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "customers_name_normalized_idx" ON "customers" USING btree ("org_id","name_normalized") WHERE deleted_at is null;