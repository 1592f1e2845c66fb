CREATE TABLE "dictionary_entries" (
	"org_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"code" varchar(32) NOT NULL,
	"name_zh" varchar(32) NOT NULL,
	"name_en" varchar(48) NOT NULL,
	"sort_order" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "dictionary_entries_org_id_kind_code_pk" PRIMARY KEY("org_id","kind","code")
);
--> statement-breakpoint
ALTER TABLE "customers" ALTER COLUMN "tier" SET DATA TYPE varchar(32);--> statement-breakpoint
ALTER TABLE "customers" ALTER COLUMN "source" SET DATA TYPE varchar(32);--> statement-breakpoint
ALTER TABLE "leads" ALTER COLUMN "source" SET DATA TYPE varchar(32);--> statement-breakpoint
ALTER TABLE "dictionary_entries" ADD CONSTRAINT "dictionary_entries_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
-- Dictionaries (issue 14) for organizations created before them, with the codes records already
-- carry. New organizations get the same rows from seedDefaultDictionaries (dictionaries module):
-- keep both in step.
INSERT INTO "dictionary_entries" ("org_id", "kind", "code", "name_zh", "name_en", "sort_order", "built_in")
SELECT o."id", d."kind", d."code", d."name_zh", d."name_en", d."sort_order", true
FROM "organizations" o
CROSS JOIN (VALUES
  ('source', 'trade_fair', '展会', 'Trade fair', 10),
  ('source', 'referral', '转介绍', 'Referral', 20),
  ('source', 'search_engine', '搜索引擎', 'Search engine', 30),
  ('source', 'advertising', '广告', 'Advertising', 40),
  ('source', 'online_inquiry', '网络咨询', 'Online inquiry', 50),
  ('source', 'phone_inquiry', '电话咨询', 'Phone inquiry', 60),
  ('source', 'cold_visit', '陌拜', 'Cold visit', 70),
  ('source', 'walk_in', '上门', 'Walk-in', 80),
  ('source', 'other', '其他', 'Other', 90),
  ('industry', 'it', '信息技术', 'Information technology', 10),
  ('industry', 'wholesale_retail', '批发零售', 'Wholesale and retail', 20),
  ('industry', 'manufacturing', '制造业', 'Manufacturing', 30),
  ('industry', 'automotive', '汽车', 'Automotive', 40),
  ('industry', 'healthcare', '医药健康', 'Pharma and health', 50),
  ('industry', 'electronics', '电子元器件', 'Electronic components', 60),
  ('industry', 'construction', '建筑建材', 'Construction and materials', 70),
  ('industry', 'food_beverage', '食品饮料', 'Food and beverage', 80),
  ('industry', 'chemicals', '化工', 'Chemicals', 90),
  ('industry', 'logistics', '交通物流', 'Transport and logistics', 100),
  ('industry', 'consulting', '咨询服务', 'Consulting', 110),
  ('industry', 'textiles', '纺织服装', 'Textiles and apparel', 120),
  ('industry', 'home_furnishing', '家居', 'Home furnishing', 130),
  ('industry', 'packaging_printing', '包装印刷', 'Packaging and printing', 140),
  ('industry', 'environmental', '环保', 'Environmental protection', 150),
  ('industry', 'finance', '金融', 'Finance', 160),
  ('industry', 'education', '教育', 'Education', 170),
  ('industry', 'agriculture', '农业', 'Agriculture', 180),
  ('industry', 'other', '其他', 'Other', 190),
  ('tier', 'A', 'A 重点', 'A Key', 10),
  ('tier', 'B', 'B 普通', 'B Regular', 20),
  ('tier', 'C', 'C 非优先', 'C Low priority', 30)
) AS d("kind", "code", "name_zh", "name_en", "sort_order")
ON CONFLICT DO NOTHING;--> statement-breakpoint
-- Industries were free text: a text that is a built-in industry's Chinese name becomes its code, so
-- filters and reports count it with the entry. Other texts stay as typed and are shown as typed.
UPDATE "customers" SET "industry" = d."code"
FROM (VALUES
  ('it', '信息技术'),
  ('wholesale_retail', '批发零售'),
  ('manufacturing', '制造业'),
  ('automotive', '汽车'),
  ('healthcare', '医药健康'),
  ('electronics', '电子元器件'),
  ('construction', '建筑建材'),
  ('food_beverage', '食品饮料'),
  ('chemicals', '化工'),
  ('logistics', '交通物流'),
  ('consulting', '咨询服务'),
  ('textiles', '纺织服装'),
  ('home_furnishing', '家居'),
  ('packaging_printing', '包装印刷'),
  ('environmental', '环保'),
  ('finance', '金融'),
  ('education', '教育'),
  ('agriculture', '农业'),
  ('other', '其他')
) AS d("code", "name_zh")
WHERE "customers"."industry" = d."name_zh";
