import { endpoints, type HandoverBody } from '@guanxi/contract';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery } from '../../platform/endpointQueries';

const handoverKey = ['handover'] as const;

/** Whom the caller may hand over (the users of their data scope). */
export const useHandoverCandidates = () =>
  useEndpointQuery(endpoints.handover.candidates, {
    queryKey: [...handoverKey, 'candidates'],
    transform: (list) => list.items,
  });

/** What the leaving user still holds (nothing is fetched until a user is picked). */
export const useHandoverSummary = (userId: string | undefined) =>
  useEndpointQuery(endpoints.handover.summary, {
    queryKey: [...handoverKey, userId],
    params: { id: userId ?? '' },
    enabled: userId !== undefined,
  });

// Everything the hand-over moves shows on other screens: refresh them all after a run.
const useHandoverMutation = invalidatingMutation(
  [handoverKey, ['users'], ['customers'], ['leads'], ['opportunities'], ['orders'], ['tasks'], ['approvals']],
  { waitForRefetch: false },
);

export const useRunHandover = () =>
  useHandoverMutation(({ userId, body }: { userId: string; body: HandoverBody }) =>
    client(endpoints.handover.run, { params: { id: userId }, body }),
  );
