CREATE TABLE "competitors" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" varchar(64) NOT NULL,
	"website" varchar(200),
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "competitors_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "loss_reasons" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" varchar(32),
	"name" varchar(32) NOT NULL,
	"name_en" varchar(48),
	"requires_competitor" boolean DEFAULT false NOT NULL,
	"sort_order" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "loss_reasons_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_competitors" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"competitor_id" uuid NOT NULL,
	"strengths" varchar(500),
	"weaknesses" varchar(500),
	"quoted_price_fen" bigint,
	"currency" varchar(3) DEFAULT 'CNY' NOT NULL,
	"threat_level" varchar(10),
	CONSTRAINT "opportunity_competitors_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "opportunity_competitors_price_non_negative" CHECK (quoted_price_fen >= 0),
	CONSTRAINT "opportunity_competitors_currency" CHECK (currency ~ '^[A-Z]{3}$'),
	CONSTRAINT "opportunity_competitors_threat" CHECK (threat_level in ('low', 'medium', 'high'))
);
--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "loss_reason_id" uuid;--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "lost_to_competitor_id" uuid;--> statement-breakpoint
ALTER TABLE "competitors" ADD CONSTRAINT "competitors_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loss_reasons" ADD CONSTRAINT "loss_reasons_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_competitors" ADD CONSTRAINT "opportunity_competitors_org_id_opportunity_id_opportunities_org_id_id_fk" FOREIGN KEY ("org_id","opportunity_id") REFERENCES "public"."opportunities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_competitors" ADD CONSTRAINT "opportunity_competitors_org_id_competitor_id_competitors_org_id_id_fk" FOREIGN KEY ("org_id","competitor_id") REFERENCES "public"."competitors"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "competitors_name_key" ON "competitors" USING btree ("org_id",lower("name")) WHERE deleted_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "loss_reasons_code_key" ON "loss_reasons" USING btree ("org_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "loss_reasons_name_key" ON "loss_reasons" USING btree ("org_id","name") WHERE deleted_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "opportunity_competitors_key" ON "opportunity_competitors" USING btree ("org_id","opportunity_id","competitor_id");--> statement-breakpoint
CREATE INDEX "opportunity_competitors_competitor_idx" ON "opportunity_competitors" USING btree ("org_id","competitor_id");--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_org_id_loss_reason_id_loss_reasons_org_id_id_fk" FOREIGN KEY ("org_id","loss_reason_id") REFERENCES "public"."loss_reasons"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_org_id_lost_to_competitor_id_competitors_org_id_id_fk" FOREIGN KEY ("org_id","lost_to_competitor_id") REFERENCES "public"."competitors"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "opportunities_closed_idx" ON "opportunities" USING btree ("org_id","status","closed_at");