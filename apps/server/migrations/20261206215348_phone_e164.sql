ALTER TABLE "customers" ALTER COLUMN "phone" SET DATA TYPE varchar(40);--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "mobile" SET DATA TYPE varchar(40);--> statement-breakpoint
ALTER TABLE "leads" ALTER COLUMN "mobile" SET DATA TYPE varchar(40);--> statement-breakpoint
ALTER TABLE "leads" ALTER COLUMN "phone" SET DATA TYPE varchar(40);--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "phone_e164" varchar(16);--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "phone_ext" varchar(10);--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "mobile_e164" varchar(16);--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "mobile_e164" varchar(16);--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "phone_e164" varchar(16);--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "phone_ext" varchar(10);--> statement-breakpoint
-- Backfill (issue 12): the E.164 key of the numbers stored so far, as the contract's parsePhone reads
-- them. The old patterns allowed only 11-digit mobiles and 0-prefixed landlines (021-66668888); the
-- rule for those and for +86 / 0086 / 86 prefixes: digits, the country code and a trunk 0 dropped,
-- +86 in front; another +country code is kept as written. No extensions were allowed.
UPDATE "customers" AS t SET "phone_e164" = CASE
    WHEN k.international AND k.d !~ '^86' THEN '+' || k.d
    WHEN k.n ~ '^1[3-9][0-9]{9}$' THEN '+86' || k.n
    WHEN k.n ~ '^0[1-9][0-9]{8,10}$' THEN '+86' || substr(k.n, 2)
    WHEN k.n ~ '^[2-9][0-9]{8,10}$' THEN '+86' || k.n
  END
FROM (
  SELECT "org_id", "id", international, d,
    CASE WHEN international THEN substr(d, 3)
      ELSE regexp_replace(regexp_replace(d, '^0086', ''), '^86(1[3-9][0-9]{9})$', '\1') END AS n
  FROM (SELECT "org_id", "id", btrim(translate("phone", '０１２３４５６７８９＋', '0123456789+')) LIKE '+%' AS international,
      regexp_replace(translate("phone", '０１２３４５６７８９＋', '0123456789+'), '[^0-9]', '', 'g') AS d
    FROM "customers" WHERE "phone" IS NOT NULL) AS typed
) AS k
WHERE t."org_id" = k."org_id" AND t."id" = k."id";--> statement-breakpoint
UPDATE "contacts" AS t SET "mobile_e164" = CASE
    WHEN k.international AND k.d !~ '^86' THEN '+' || k.d
    WHEN k.n ~ '^1[3-9][0-9]{9}$' THEN '+86' || k.n
    WHEN k.n ~ '^0[1-9][0-9]{8,10}$' THEN '+86' || substr(k.n, 2)
    WHEN k.n ~ '^[2-9][0-9]{8,10}$' THEN '+86' || k.n
  END
FROM (
  SELECT "org_id", "id", international, d,
    CASE WHEN international THEN substr(d, 3)
      ELSE regexp_replace(regexp_replace(d, '^0086', ''), '^86(1[3-9][0-9]{9})$', '\1') END AS n
  FROM (SELECT "org_id", "id", btrim(translate("mobile", '０１２３４５６７８９＋', '0123456789+')) LIKE '+%' AS international,
      regexp_replace(translate("mobile", '０１２３４５６７８９＋', '0123456789+'), '[^0-9]', '', 'g') AS d
    FROM "contacts" WHERE "mobile" IS NOT NULL) AS typed
) AS k
WHERE t."org_id" = k."org_id" AND t."id" = k."id";--> statement-breakpoint
UPDATE "leads" AS t SET "mobile_e164" = CASE
    WHEN k.international AND k.d !~ '^86' THEN '+' || k.d
    WHEN k.n ~ '^1[3-9][0-9]{9}$' THEN '+86' || k.n
    WHEN k.n ~ '^0[1-9][0-9]{8,10}$' THEN '+86' || substr(k.n, 2)
    WHEN k.n ~ '^[2-9][0-9]{8,10}$' THEN '+86' || k.n
  END
FROM (
  SELECT "org_id", "id", international, d,
    CASE WHEN international THEN substr(d, 3)
      ELSE regexp_replace(regexp_replace(d, '^0086', ''), '^86(1[3-9][0-9]{9})$', '\1') END AS n
  FROM (SELECT "org_id", "id", btrim(translate("mobile", '０１２３４５６７８９＋', '0123456789+')) LIKE '+%' AS international,
      regexp_replace(translate("mobile", '０１２３４５６７８９＋', '0123456789+'), '[^0-9]', '', 'g') AS d
    FROM "leads" WHERE "mobile" IS NOT NULL) AS typed
) AS k
WHERE t."org_id" = k."org_id" AND t."id" = k."id";--> statement-breakpoint
UPDATE "leads" AS t SET "phone_e164" = CASE
    WHEN k.international AND k.d !~ '^86' THEN '+' || k.d
    WHEN k.n ~ '^1[3-9][0-9]{9}$' THEN '+86' || k.n
    WHEN k.n ~ '^0[1-9][0-9]{8,10}$' THEN '+86' || substr(k.n, 2)
    WHEN k.n ~ '^[2-9][0-9]{8,10}$' THEN '+86' || k.n
  END
FROM (
  SELECT "org_id", "id", international, d,
    CASE WHEN international THEN substr(d, 3)
      ELSE regexp_replace(regexp_replace(d, '^0086', ''), '^86(1[3-9][0-9]{9})$', '\1') END AS n
  FROM (SELECT "org_id", "id", btrim(translate("phone", '０１２３４５６７８９＋', '0123456789+')) LIKE '+%' AS international,
      regexp_replace(translate("phone", '０１２３４５６７８９＋', '0123456789+'), '[^0-9]', '', 'g') AS d
    FROM "leads" WHERE "phone" IS NOT NULL) AS typed
) AS k
WHERE t."org_id" = k."org_id" AND t."id" = k."id";--> statement-breakpoint
-- Search (issue 12) finds a number by its national digits: a landline stored as 021-66668888 had only
-- 02166668888 as its phone lexemes; 2166668888 is added (for a mobile it is the lexeme it has).
UPDATE "customers" SET "search_tokens" = "search_tokens" || array_to_tsvector(ARRAY['p:' || substr("phone_e164", 4), 'r:' || reverse(substr("phone_e164", 4))])
WHERE "phone_e164" LIKE '+86%' AND "search_tokens" IS NOT NULL;--> statement-breakpoint
UPDATE "contacts" SET "search_tokens" = "search_tokens" || array_to_tsvector(ARRAY['p:' || substr("mobile_e164", 4), 'r:' || reverse(substr("mobile_e164", 4))])
WHERE "mobile_e164" LIKE '+86%' AND "search_tokens" IS NOT NULL;--> statement-breakpoint
UPDATE "leads" SET "search_tokens" = "search_tokens" || array_to_tsvector(ARRAY['p:' || substr("mobile_e164", 4), 'r:' || reverse(substr("mobile_e164", 4))])
WHERE "mobile_e164" LIKE '+86%' AND "search_tokens" IS NOT NULL;--> statement-breakpoint
UPDATE "leads" SET "search_tokens" = "search_tokens" || array_to_tsvector(ARRAY['p:' || substr("phone_e164", 4), 'r:' || reverse(substr("phone_e164", 4))])
WHERE "phone_e164" LIKE '+86%' AND "search_tokens" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "customers_phone_e164_idx" ON "customers" USING btree ("org_id","phone_e164") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "contacts_mobile_e164_idx" ON "contacts" USING btree ("org_id","mobile_e164") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "leads_mobile_e164_idx" ON "leads" USING btree ("org_id","mobile_e164") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "leads_phone_e164_idx" ON "leads" USING btree ("org_id","phone_e164") WHERE deleted_at is null;