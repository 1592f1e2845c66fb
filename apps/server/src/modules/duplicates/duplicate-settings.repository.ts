import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { duplicateSettings } from '../../platform/db/schema/index.js';

/** The organization's duplicate-check settings (admin data, not owned records). */
export const duplicateSettingsRepository = {
  async findNameSimilarityPercent(db: Executor, orgId: string): Promise<number | null> {
    const rows = await db
      .select({ nameSimilarityPercent: duplicateSettings.nameSimilarityPercent })
      .from(duplicateSettings)
      .where(eq(duplicateSettings.orgId, orgId));
    return rows[0]?.nameSimilarityPercent ?? null;
  },

  async saveNameSimilarityPercent(db: Executor, orgId: string, nameSimilarityPercent: number): Promise<void> {
    await db
      .insert(duplicateSettings)
      .values({ orgId, nameSimilarityPercent })
      .onConflictDoUpdate({ target: duplicateSettings.orgId, set: { nameSimilarityPercent, updatedAt: sql`now()` } });
  },
};
