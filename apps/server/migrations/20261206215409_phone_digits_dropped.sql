DROP INDEX "customers_phone_digits_idx";--> statement-breakpoint
DROP INDEX "contacts_mobile_digits_idx";--> statement-breakpoint
DROP INDEX "leads_mobile_digits_idx";--> statement-breakpoint
DROP INDEX "leads_phone_digits_idx";--> statement-breakpoint
ALTER TABLE "customers" DROP COLUMN "phone_digits";--> statement-breakpoint
ALTER TABLE "contacts" DROP COLUMN "mobile_digits";--> statement-breakpoint
ALTER TABLE "leads" DROP COLUMN "mobile_digits";--> statement-breakpoint
ALTER TABLE "leads" DROP COLUMN "phone_digits";