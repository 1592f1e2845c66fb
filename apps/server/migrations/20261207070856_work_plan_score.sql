ALTER TABLE "work_plans" ADD COLUMN "score" integer;--> statement-breakpoint
ALTER TABLE "work_plans" ADD CONSTRAINT "work_plans_score_range" CHECK (score is null or score between 1 and 5);