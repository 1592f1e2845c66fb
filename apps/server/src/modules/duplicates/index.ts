import { defineModule } from '../../platform/module-kit/module-definition.js';
import { duplicatesRoutes } from './duplicates.routes.js';
export { duplicateCheck, DUPLICATE_SOURCES, type DuplicateSource } from './duplicates.service.js';
export { duplicateError, toDuplicateMatch } from './duplicate-matches.js';
export type { CandidateRow, ExactKeys } from './duplicates.repository.js';
export { getNameSimilarityPercent, saveNameSimilarityPercent } from './duplicate-settings.js';
export { findSimilarCustomersOfNames, SimilarNameIndex, type SimilarCustomer } from './similar-names.js';

export const duplicatesModule = defineModule({ name: 'duplicates', routes: duplicatesRoutes });
