CREATE TABLE "stage_move_daily" (
	"org_id" uuid NOT NULL,
	"owner_key" uuid NOT NULL,
	"day" date NOT NULL,
	"from_stage" varchar(20),
	"to_stage" varchar(20) NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stage_move_daily_key" UNIQUE NULLS NOT DISTINCT("org_id","owner_key","day","from_stage","to_stage")
);
--> statement-breakpoint
ALTER TABLE "stage_transitions" ADD COLUMN "owner_key" uuid DEFAULT '00000000-0000-0000-0000-000000000000'::uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "stage_transitions" ADD COLUMN "previous_stay_seconds" integer;--> statement-breakpoint
CREATE INDEX "stage_move_daily_day_idx" ON "stage_move_daily" USING btree ("org_id","day");--> statement-breakpoint
CREATE INDEX "customers_stage_entered_idx" ON "customers" USING btree ("org_id","stage","stage_entered_at","owner_id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "stage_transitions_owner_at_idx" ON "stage_transitions" USING btree ("org_id","owner_key","at");