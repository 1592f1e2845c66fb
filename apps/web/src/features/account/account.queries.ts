import { endpoints, type CreateApiTokenBody } from '@guanxi/contract';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery } from '../../platform/endpointQueries';

const tokensKey = ['auth', 'tokens'] as const;

export const useApiTokens = () => useEndpointQuery(endpoints.auth.listTokens, { queryKey: tokensKey });

const useTokenMutation = invalidatingMutation([tokensKey]);

export const useCreateApiToken = () =>
  useTokenMutation((body: CreateApiTokenBody) => client(endpoints.auth.createToken, { body }));
export const useRevokeApiToken = () =>
  useTokenMutation((id: string) => client(endpoints.auth.revokeToken, { params: { id } }));
