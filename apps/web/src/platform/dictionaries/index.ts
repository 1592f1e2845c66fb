export { dictionaryKeys, useDictionary, useDictionaryEntries, useEntryName, type Dictionary } from './useDictionary';
