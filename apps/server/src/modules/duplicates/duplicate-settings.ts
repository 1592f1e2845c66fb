import type { Executor } from '../../platform/db/client.js';
import { duplicateSettingsRepository } from './duplicate-settings.repository.js';
import { DEFAULT_NAME_SIMILARITY_PERCENT } from './name-similarity.js';

/** The organization's name-similarity threshold in percent, or the domain default (§4). */
export async function getNameSimilarityPercent(db: Executor, orgId: string): Promise<number> {
  return (await duplicateSettingsRepository.findNameSimilarityPercent(db, orgId)) ?? DEFAULT_NAME_SIMILARITY_PERCENT;
}

/** Saves the threshold; the caller validates it (30–100) and audits the change with its screen. */
export async function saveNameSimilarityPercent(db: Executor, orgId: string, percent: number): Promise<void> {
  await duplicateSettingsRepository.saveNameSimilarityPercent(db, orgId, percent);
}
