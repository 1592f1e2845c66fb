-- Money as integer minor units with a currency code (design §3): numeric yuan → bigint fen.
-- Written by hand so existing rows keep their amounts (drizzle-kit would drop and re-add).
ALTER TABLE "opportunities" ADD COLUMN "amount_fen" bigint;--> statement-breakpoint
UPDATE "opportunities" SET "amount_fen" = round("amount" * 100)::bigint;--> statement-breakpoint
ALTER TABLE "opportunities" ALTER COLUMN "amount_fen" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "currency" varchar(3) DEFAULT 'CNY' NOT NULL;--> statement-breakpoint
ALTER TABLE "opportunities" DROP CONSTRAINT "opportunities_amount_non_negative";--> statement-breakpoint
ALTER TABLE "opportunities" DROP COLUMN "amount";--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_amount_fen_non_negative" CHECK (amount_fen >= 0);--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_currency" CHECK (currency ~ '^[A-Z]{3}$');
