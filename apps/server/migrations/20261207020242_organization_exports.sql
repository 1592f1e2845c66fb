CREATE TABLE "organization_exports" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"state" varchar(12) NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"requested_by" uuid,
	"tables_total" integer DEFAULT 0 NOT NULL,
	"rows" bigint DEFAULT 0 NOT NULL,
	"bytes" bigint,
	"file_name" varchar(200) NOT NULL,
	CONSTRAINT "organization_exports_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "organization_exports" ADD CONSTRAINT "organization_exports_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organization_exports_started_idx" ON "organization_exports" USING btree ("org_id","started_at");