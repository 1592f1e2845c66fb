import { defineModule } from '../../platform/module-kit/module-definition.js';
import { dictionariesMessages } from './dictionaries.messages.js';
import { dictionariesRoutes } from './dictionaries.routes.js';
import { seedDefaultDictionaries } from './dictionaries.defaults.js';
export { DEFAULT_DICTIONARIES, defaultIndustryCode } from './dictionaries.defaults.js';
export {
  activeDictionaryEntries,
  assertDictionaryValues,
  dictionaryLabels,
  unknownDictionaryCodes,
  type DictionaryValues,
} from './dictionaries.values.js';

/** Admin-edited dictionaries (数据字典): customer sources, industries and customer levels. */
export const dictionariesModule = defineModule({
  name: 'dictionaries',
  messages: dictionariesMessages,
  routes: dictionariesRoutes,
  organizationSeed: (tx, { orgId }) => seedDefaultDictionaries(tx, orgId),
});
