CREATE TABLE "customer_stage_counts" (
	"org_id" uuid NOT NULL,
	"owner_key" uuid NOT NULL,
	"stage" varchar(20) NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "customer_stage_counts_org_id_owner_key_stage_pk" PRIMARY KEY("org_id","owner_key","stage")
);
