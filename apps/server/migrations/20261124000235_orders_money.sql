CREATE TABLE "approval_decisions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"step_index" integer NOT NULL,
	"approver_id" uuid NOT NULL,
	"decision" varchar(10) NOT NULL,
	"comment" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_decisions_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "approval_decisions_decision" CHECK (decision in ('approved', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "approval_flows" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"business_type" varchar(32) NOT NULL,
	"name" varchar(64) NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"steps" jsonb NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "approval_flows_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "approval_flows_business_type" CHECK (business_type in ('stage_transition', 'price_below_authority', 'credit_override', 'expense', 'contract'))
);
--> statement-breakpoint
CREATE TABLE "approval_requests" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"flow_id" uuid,
	"business_type" varchar(32) NOT NULL,
	"entity_type" varchar(32) NOT NULL,
	"entity_id" uuid NOT NULL,
	"customer_id" uuid,
	"title" varchar(200) NOT NULL,
	"reason" text,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"steps" jsonb NOT NULL,
	"current_step" integer DEFAULT 0 NOT NULL,
	"current_approver_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" varchar(12) DEFAULT 'pending' NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "approval_requests_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "approval_requests_status" CHECK (status in ('pending', 'approved', 'rejected', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "price_authorities" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"role_id" uuid NOT NULL,
	"stage" varchar(20),
	"basis" varchar(8) NOT NULL,
	"percent_bp" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "price_authorities_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "price_authorities_basis" CHECK (basis in ('list', 'cost')),
	CONSTRAINT "price_authorities_percent" CHECK (percent_bp between 0 and 100000)
);
--> statement-breakpoint
CREATE TABLE "product_categories" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" varchar(64) NOT NULL,
	"parent_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "product_categories_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" varchar(40) NOT NULL,
	"name" varchar(100) NOT NULL,
	"category_id" uuid,
	"unit" varchar(16) NOT NULL,
	"specification" varchar(200),
	"list_price_fen" bigint NOT NULL,
	"cost_price_fen" bigint NOT NULL,
	"currency" varchar(3) DEFAULT 'CNY' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "products_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "products_prices_non_negative" CHECK (list_price_fen >= 0 and cost_price_fen >= 0),
	CONSTRAINT "products_currency" CHECK (currency ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "stock_levels" (
	"org_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"on_hand" integer DEFAULT 0 NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_levels_org_id_warehouse_id_product_id_pk" PRIMARY KEY("org_id","warehouse_id","product_id"),
	CONSTRAINT "stock_levels_non_negative" CHECK (reserved >= 0 and on_hand >= reserved)
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" varchar(12) NOT NULL,
	"status" varchar(10) DEFAULT 'done' NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"to_warehouse_id" uuid,
	"product_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"reason" text,
	"order_id" uuid,
	"order_line_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "stock_movements_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "stock_movements_kind" CHECK (kind in ('receipt', 'issue', 'transfer', 'adjustment')),
	CONSTRAINT "stock_movements_status" CHECK (status in ('pending', 'done', 'cancelled')),
	CONSTRAINT "stock_movements_quantity" CHECK ((kind = 'adjustment' and quantity <> 0) or quantity > 0)
);
--> statement-breakpoint
CREATE TABLE "warehouses" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" varchar(32) NOT NULL,
	"name" varchar(64) NOT NULL,
	"address" varchar(200),
	"is_default" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "warehouses_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_credit" (
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"limit_fen" bigint NOT NULL,
	"term_days" integer NOT NULL,
	"currency" varchar(3) DEFAULT 'CNY' NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "customer_credit_org_id_customer_id_pk" PRIMARY KEY("org_id","customer_id"),
	CONSTRAINT "customer_credit_limit" CHECK (limit_fen >= 0 and term_days between 0 and 3650)
);
--> statement-breakpoint
CREATE TABLE "finance_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"credit_mode" varchar(8) DEFAULT 'block' NOT NULL,
	"default_term_days" integer DEFAULT 30 NOT NULL,
	"pyramid_platinum_pct" integer DEFAULT 5 NOT NULL,
	"pyramid_gold_pct" integer DEFAULT 20 NOT NULL,
	"abc_a_pct" integer DEFAULT 80 NOT NULL,
	"abc_b_pct" integer DEFAULT 95 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "finance_settings_credit_mode" CHECK (credit_mode in ('warn', 'block'))
);
--> statement-breakpoint
CREATE TABLE "order_lines" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"product_code" varchar(40) NOT NULL,
	"product_name" varchar(100) NOT NULL,
	"unit" varchar(16) NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_fen" bigint NOT NULL,
	"discount_bp" integer DEFAULT 0 NOT NULL,
	"line_total_fen" bigint NOT NULL,
	"list_price_fen" bigint NOT NULL,
	"unit_cost_fen" bigint NOT NULL,
	CONSTRAINT "order_lines_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "order_lines_quantity_positive" CHECK (quantity > 0),
	CONSTRAINT "order_lines_discount" CHECK (discount_bp between 0 and 10000),
	CONSTRAINT "order_lines_amounts" CHECK (unit_price_fen >= 0 and line_total_fen >= 0 and unit_cost_fen >= 0 and list_price_fen >= 0)
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"order_no" varchar(32) NOT NULL,
	"customer_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"status" varchar(20) DEFAULT 'draft' NOT NULL,
	"currency" varchar(3) DEFAULT 'CNY' NOT NULL,
	"order_date" date NOT NULL,
	"warehouse_id" uuid,
	"total_fen" bigint DEFAULT 0 NOT NULL,
	"cost_fen" bigint DEFAULT 0 NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"notes" text,
	"submitted_at" timestamp with time zone,
	"credit_override_reason" text,
	"credit_override_by" uuid,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"shipped_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "orders_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "orders_status" CHECK (status in ('draft', 'pending_approval', 'submitted', 'confirmed', 'shipped', 'completed', 'cancelled')),
	CONSTRAINT "orders_amounts_non_negative" CHECK (total_fen >= 0 and cost_fen >= 0 and paid_fen >= 0),
	CONSTRAINT "orders_currency" CHECK (currency ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "payment_plans" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"installment_no" integer NOT NULL,
	"due_date" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"status" varchar(12) DEFAULT 'pending' NOT NULL,
	"notes" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "payment_plans_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "payment_plans_status" CHECK (status in ('pending', 'partly_paid', 'paid', 'overdue')),
	CONSTRAINT "payment_plans_amounts" CHECK (amount_fen > 0 and paid_fen >= 0)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"plan_id" uuid,
	"amount_fen" bigint NOT NULL,
	"currency" varchar(3) DEFAULT 'CNY' NOT NULL,
	"method" varchar(16) NOT NULL,
	"received_on" date NOT NULL,
	"reference" varchar(100),
	"notes" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"void_reason" text,
	CONSTRAINT "payments_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "payments_amount_positive" CHECK (amount_fen > 0),
	CONSTRAINT "payments_method" CHECK (method in ('bank_transfer', 'cash', 'cheque', 'wechat', 'alipay', 'card', 'acceptance_bill', 'other'))
);
--> statement-breakpoint
CREATE TABLE "customer_values" (
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"revenue_fen" bigint NOT NULL,
	"cost_fen" bigint NOT NULL,
	"expenses_fen" bigint NOT NULL,
	"profit_fen" bigint NOT NULL,
	"profit_rank" integer NOT NULL,
	"pyramid_tier" varchar(10) NOT NULL,
	"abc_class" varchar(1) NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_values_org_id_customer_id_pk" PRIMARY KEY("org_id","customer_id"),
	CONSTRAINT "customer_values_tier" CHECK (pyramid_tier in ('platinum', 'gold', 'iron', 'lead')),
	CONSTRAINT "customer_values_abc" CHECK (abc_class in ('A', 'B', 'C'))
);
--> statement-breakpoint
CREATE TABLE "expenses" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"category" varchar(12) NOT NULL,
	"amount_fen" bigint NOT NULL,
	"currency" varchar(3) DEFAULT 'CNY' NOT NULL,
	"spent_on" date NOT NULL,
	"customer_id" uuid,
	"description" text NOT NULL,
	"status" varchar(10) DEFAULT 'draft' NOT NULL,
	"approval_request_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "expenses_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "expenses_category" CHECK (category in ('travel', 'meals', 'gifts', 'samples', 'other')),
	CONSTRAINT "expenses_status" CHECK (status in ('draft', 'pending', 'approved', 'rejected')),
	CONSTRAINT "expenses_amount_positive" CHECK (amount_fen > 0)
);
--> statement-breakpoint
ALTER TABLE "approval_decisions" ADD CONSTRAINT "approval_decisions_org_id_request_id_approval_requests_org_id_id_fk" FOREIGN KEY ("org_id","request_id") REFERENCES "public"."approval_requests"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_decisions" ADD CONSTRAINT "approval_decisions_org_id_approver_id_users_org_id_id_fk" FOREIGN KEY ("org_id","approver_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_flows" ADD CONSTRAINT "approval_flows_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_org_id_submitted_by_users_org_id_id_fk" FOREIGN KEY ("org_id","submitted_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_authorities" ADD CONSTRAINT "price_authorities_org_id_role_id_roles_org_id_id_fk" FOREIGN KEY ("org_id","role_id") REFERENCES "public"."roles"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_categories" ADD CONSTRAINT "product_categories_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_categories" ADD CONSTRAINT "product_categories_org_id_parent_id_product_categories_org_id_id_fk" FOREIGN KEY ("org_id","parent_id") REFERENCES "public"."product_categories"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_org_id_category_id_product_categories_org_id_id_fk" FOREIGN KEY ("org_id","category_id") REFERENCES "public"."product_categories"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_org_id_warehouse_id_warehouses_org_id_id_fk" FOREIGN KEY ("org_id","warehouse_id") REFERENCES "public"."warehouses"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_org_id_product_id_products_org_id_id_fk" FOREIGN KEY ("org_id","product_id") REFERENCES "public"."products"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_org_id_warehouse_id_warehouses_org_id_id_fk" FOREIGN KEY ("org_id","warehouse_id") REFERENCES "public"."warehouses"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_org_id_to_warehouse_id_warehouses_org_id_id_fk" FOREIGN KEY ("org_id","to_warehouse_id") REFERENCES "public"."warehouses"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_org_id_product_id_products_org_id_id_fk" FOREIGN KEY ("org_id","product_id") REFERENCES "public"."products"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_org_id_created_by_users_org_id_id_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warehouses" ADD CONSTRAINT "warehouses_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_credit" ADD CONSTRAINT "customer_credit_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_settings" ADD CONSTRAINT "finance_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_org_id_order_id_orders_org_id_id_fk" FOREIGN KEY ("org_id","order_id") REFERENCES "public"."orders"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_org_id_product_id_products_org_id_id_fk" FOREIGN KEY ("org_id","product_id") REFERENCES "public"."products"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_org_id_owner_id_users_org_id_id_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_org_id_warehouse_id_warehouses_org_id_id_fk" FOREIGN KEY ("org_id","warehouse_id") REFERENCES "public"."warehouses"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_org_id_order_id_orders_org_id_id_fk" FOREIGN KEY ("org_id","order_id") REFERENCES "public"."orders"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_org_id_order_id_orders_org_id_id_fk" FOREIGN KEY ("org_id","order_id") REFERENCES "public"."orders"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_org_id_plan_id_payment_plans_org_id_id_fk" FOREIGN KEY ("org_id","plan_id") REFERENCES "public"."payment_plans"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_org_id_recorded_by_users_org_id_id_fk" FOREIGN KEY ("org_id","recorded_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_values" ADD CONSTRAINT "customer_values_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_org_id_employee_id_users_org_id_id_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "approval_decisions_once_key" ON "approval_decisions" USING btree ("org_id","request_id","step_index","approver_id");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_flows_type_key" ON "approval_flows" USING btree ("org_id","business_type");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_requests_pending_key" ON "approval_requests" USING btree ("org_id","entity_type","entity_id","business_type") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "approval_requests_submitter_idx" ON "approval_requests" USING btree ("org_id","submitted_by","submitted_at");--> statement-breakpoint
CREATE INDEX "approval_requests_entity_idx" ON "approval_requests" USING btree ("org_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "approval_requests_approvers_idx" ON "approval_requests" USING gin ("current_approver_ids") WHERE status = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "price_authorities_role_stage_key" ON "price_authorities" USING btree ("org_id","role_id",coalesce("stage", ''));--> statement-breakpoint
CREATE UNIQUE INDEX "products_code_key" ON "products" USING btree ("org_id","code") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "products_name_idx" ON "products" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "stock_levels_product_idx" ON "stock_levels" USING btree ("org_id","product_id");--> statement-breakpoint
CREATE INDEX "stock_movements_created_idx" ON "stock_movements" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "stock_movements_order_idx" ON "stock_movements" USING btree ("org_id","order_id");--> statement-breakpoint
CREATE INDEX "stock_movements_pending_idx" ON "stock_movements" USING btree ("org_id","warehouse_id","created_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "stock_movements_product_idx" ON "stock_movements" USING btree ("org_id","product_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "warehouses_code_key" ON "warehouses" USING btree ("org_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "warehouses_default_key" ON "warehouses" USING btree ("org_id") WHERE is_default;--> statement-breakpoint
CREATE UNIQUE INDEX "order_lines_no_key" ON "order_lines" USING btree ("org_id","order_id","line_no");--> statement-breakpoint
CREATE INDEX "order_lines_product_idx" ON "order_lines" USING btree ("org_id","product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_no_key" ON "orders" USING btree ("org_id","order_no");--> statement-breakpoint
CREATE INDEX "orders_customer_idx" ON "orders" USING btree ("org_id","customer_id","created_at") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "orders_created_idx" ON "orders" USING btree ("org_id","created_at","id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "orders_owner_status_idx" ON "orders" USING btree ("org_id","owner_id","status") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "orders_status_idx" ON "orders" USING btree ("org_id","status","created_at") WHERE deleted_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_plans_installment_key" ON "payment_plans" USING btree ("org_id","order_id","installment_no");--> statement-breakpoint
CREATE INDEX "payment_plans_due_idx" ON "payment_plans" USING btree ("org_id","status","due_date");--> statement-breakpoint
CREATE INDEX "payments_order_idx" ON "payments" USING btree ("org_id","order_id");--> statement-breakpoint
CREATE INDEX "payments_received_idx" ON "payments" USING btree ("org_id","received_on","id");--> statement-breakpoint
CREATE INDEX "payments_customer_idx" ON "payments" USING btree ("org_id","customer_id","received_on");--> statement-breakpoint
CREATE INDEX "customer_values_rank_idx" ON "customer_values" USING btree ("org_id","profit_rank");--> statement-breakpoint
CREATE INDEX "expenses_employee_idx" ON "expenses" USING btree ("org_id","employee_id","spent_on") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "expenses_customer_idx" ON "expenses" USING btree ("org_id","customer_id","spent_on") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "expenses_spent_idx" ON "expenses" USING btree ("org_id","spent_on","id") WHERE deleted_at is null;