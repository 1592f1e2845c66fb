ALTER TABLE "customers" ADD COLUMN "rfm_segment" varchar(20);--> statement-breakpoint
ALTER TABLE "customer_values" ADD COLUMN "orders_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_values" ADD COLUMN "last_order_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customer_values" ADD COLUMN "rfm_recency_days" integer;--> statement-breakpoint
ALTER TABLE "customer_values" ADD COLUMN "rfm_r" smallint;--> statement-breakpoint
ALTER TABLE "customer_values" ADD COLUMN "rfm_f" smallint;--> statement-breakpoint
ALTER TABLE "customer_values" ADD COLUMN "rfm_m" smallint;--> statement-breakpoint
ALTER TABLE "customer_values" ADD COLUMN "rfm_segment" varchar(20);--> statement-breakpoint
CREATE INDEX "customers_rfm_updated_idx" ON "customers" USING btree ("org_id","rfm_segment","updated_at","id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "customers_owner_rfm_idx" ON "customers" USING btree ("org_id","owner_id","rfm_segment") WHERE deleted_at is null;--> statement-breakpoint
ALTER TABLE "customer_values" ADD CONSTRAINT "customer_values_rfm_scores" CHECK (rfm_r between 1 and 5 and rfm_f between 1 and 5 and rfm_m between 1 and 5);