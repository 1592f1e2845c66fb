import {
  endpoints,
  type CreateCustomFieldBody,
  type CustomFieldEntity,
  type UpdateCustomFieldBody,
} from '@guanxi/contract';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery } from '../../platform/endpointQueries';

export const customFieldKeys = {
  all: ['custom-fields'] as const,
  of: (entity?: CustomFieldEntity) => ['custom-fields', entity ?? 'all'] as const,
};

/** The custom fields the signed-in user may see, live and archived (settings show both, forms the live ones). */
export const useCustomFieldDefinitions = (entity?: CustomFieldEntity) =>
  useEndpointQuery(endpoints.customFields.list, {
    queryKey: customFieldKeys.of(entity),
    query: entity ? { entity } : {},
    staleTime: 60_000,
    transform: (list) => list.items,
  });

/** The live fields of a record type, in their order. */
export function useLiveCustomFields(entity: CustomFieldEntity) {
  const definitions = useCustomFieldDefinitions(entity);
  return { ...definitions, data: (definitions.data ?? []).filter((field) => !field.archived) };
}

const useCustomFieldMutation = invalidatingMutation([customFieldKeys.all]);
export const useSaveCustomField = () =>
  useCustomFieldMutation(({ id, body }: { id?: string; body: CreateCustomFieldBody | UpdateCustomFieldBody }) =>
    id
      ? client(endpoints.customFields.update, { params: { id }, body: body as UpdateCustomFieldBody })
      : client(endpoints.customFields.create, { body: body as CreateCustomFieldBody }),
  );
