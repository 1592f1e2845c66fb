import {
  endpoints,
  type CreateDictionaryEntryBody,
  type DictionaryKind,
  type UpdateDictionaryEntryBody,
} from '@guanxi/contract';
import { client } from '../../platform/api';
import { dictionaryKeys } from '../../platform/dictionaries';
import { invalidatingMutation } from '../../platform/endpointQueries';

// Every screen reads the one cached list, so each change refreshes it everywhere.
const useDictionaryMutation = invalidatingMutation([dictionaryKeys.all]);

export const useSaveDictionaryEntry = (kind: DictionaryKind) =>
  useDictionaryMutation(
    ({ code, body }: { code?: string; body: CreateDictionaryEntryBody | UpdateDictionaryEntryBody }) =>
      code
        ? client(endpoints.dictionaries.update, { params: { kind, code }, body: body as UpdateDictionaryEntryBody })
        : client(endpoints.dictionaries.create, { params: { kind }, body: body as CreateDictionaryEntryBody }),
    { settled: true },
  );

export const useReorderDictionary = (kind: DictionaryKind) =>
  useDictionaryMutation(
    (codes: string[]) => client(endpoints.dictionaries.reorder, { params: { kind }, body: { codes } }),
    {
      settled: true,
    },
  );
