CREATE TABLE "list_export_jobs" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"list_key" varchar(80) NOT NULL,
	"format" varchar(8) NOT NULL,
	"query" jsonb NOT NULL,
	"status" varchar(12) NOT NULL,
	"rows_total" bigint NOT NULL,
	"rows_done" bigint DEFAULT 0 NOT NULL,
	"file_name" varchar(200) NOT NULL,
	"bytes" bigint,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "list_export_jobs_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "list_export_jobs" ADD CONSTRAINT "list_export_jobs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "list_export_jobs_requester_idx" ON "list_export_jobs" USING btree ("org_id","requested_by","created_at");--> statement-breakpoint
CREATE INDEX "list_export_jobs_status_idx" ON "list_export_jobs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "list_export_jobs_expiry_idx" ON "list_export_jobs" USING btree ("expires_at");