CREATE TABLE "customer_relationship_phases" (
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"phase" varchar(12) NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_relationship_phases_org_id_customer_id_pk" PRIMARY KEY("org_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "lifecycle_approval_rules" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"from_stage" varchar(20),
	"to_stage" varchar(20) NOT NULL,
	CONSTRAINT "lifecycle_approval_rules_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "lifecycle_orders" (
	"org_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "lifecycle_orders_org_id_order_id_pk" PRIMARY KEY("org_id","order_id")
);
--> statement-breakpoint
CREATE TABLE "lifecycle_stages" (
	"org_id" uuid NOT NULL,
	"code" varchar(20) NOT NULL,
	"name_zh" varchar(32) NOT NULL,
	"name_en" varchar(32) NOT NULL,
	"sort_order" integer NOT NULL,
	"expected_dwell_days" integer,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lifecycle_stages_org_id_code_pk" PRIMARY KEY("org_id","code")
);
--> statement-breakpoint
CREATE TABLE "stage_transition_requests" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"from_stage" varchar(20) NOT NULL,
	"to_stage" varchar(20) NOT NULL,
	"reason" text NOT NULL,
	"status" varchar(12) DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approver_ids" uuid[] NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"comment" text,
	CONSTRAINT "stage_transition_requests_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "stage_transitions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"from_stage" varchar(20),
	"to_stage" varchar(20) NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"rule_id" varchar(40),
	"reason" text,
	"approver_id" uuid,
	"triggering_event" varchar(40),
	"triggering_entity_id" varchar(64),
	"request_id" uuid,
	CONSTRAINT "stage_transitions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" varchar(40) NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"entity" varchar(40) NOT NULL,
	"entity_id" varchar(64) NOT NULL,
	"dedupe_key" varchar(200),
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "todos" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" varchar(40) NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"entity" varchar(40) NOT NULL,
	"entity_id" varchar(64) NOT NULL,
	"due_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"dedupe_key" varchar(200) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "todos_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "customer_relationship_phases" ADD CONSTRAINT "customer_relationship_phases_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycle_approval_rules" ADD CONSTRAINT "lifecycle_approval_rules_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycle_orders" ADD CONSTRAINT "lifecycle_orders_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycle_stages" ADD CONSTRAINT "lifecycle_stages_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_transition_requests" ADD CONSTRAINT "stage_transition_requests_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_transition_requests" ADD CONSTRAINT "stage_transition_requests_org_id_requested_by_users_org_id_id_fk" FOREIGN KEY ("org_id","requested_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_transitions" ADD CONSTRAINT "stage_transitions_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_transitions" ADD CONSTRAINT "stage_transitions_org_id_actor_id_users_org_id_id_fk" FOREIGN KEY ("org_id","actor_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_transitions" ADD CONSTRAINT "stage_transitions_org_id_approver_id_users_org_id_id_fk" FOREIGN KEY ("org_id","approver_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "todos" ADD CONSTRAINT "todos_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lifecycle_orders_customer_idx" ON "lifecycle_orders" USING btree ("org_id","customer_id","confirmed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "stage_transition_requests_pending_key" ON "stage_transition_requests" USING btree ("org_id","customer_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "stage_transition_requests_status_idx" ON "stage_transition_requests" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "stage_transitions_customer_idx" ON "stage_transitions" USING btree ("org_id","customer_id","at","id");--> statement-breakpoint
CREATE INDEX "stage_transitions_at_idx" ON "stage_transitions" USING btree ("org_id","at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("org_id","user_id","id");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("org_id","user_id","id") WHERE read_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_key" ON "notifications" USING btree ("org_id","user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "todos_user_idx" ON "todos" USING btree ("org_id","user_id","id");--> statement-breakpoint
CREATE INDEX "todos_entity_idx" ON "todos" USING btree ("org_id","entity","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "todos_dedupe_key" ON "todos" USING btree ("org_id","user_id","dedupe_key");