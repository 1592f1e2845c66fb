import type { Locale } from '@guanxi/contract';
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { organizations } from '../db/schema/index.js';

/** The organization's default language: texts a rule writes into records (task titles) use it. */
export async function orgLocale(db: Executor, orgId: string): Promise<Locale> {
  const rows = await db
    .select({ locale: organizations.defaultLocale })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return rows[0]?.locale === 'en' ? 'en' : 'zh-CN';
}
