import { App, Button, type TableColumnType } from 'antd';
import { useTranslation } from 'react-i18next';

/** The part of a TanStack mutation claiming one record by id that the column uses. */
export interface ClaimMutation {
  isPending: boolean;
  variables: string | undefined;
  mutate: (id: string, options: { onSuccess: () => void; onError: (error: Error) => void }) => void;
}

/**
 * The Claim button column of a pool's table, for either kind of pool; a refused claim shows the
 * server's localized reason (e.g. the daily limit).
 */
export function usePoolClaimColumn<R extends { id: string }>({
  claim,
  label,
  claimedText,
  testId,
}: {
  claim: ClaimMutation;
  label: string;
  claimedText: string;
  testId: string;
}): TableColumnType<R> {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return {
    key: 'actions',
    title: t('common.actions'),
    width: 100,
    fixed: 'right',
    render: (_, row) => (
      <Button
        size="small"
        type="primary"
        loading={claim.isPending && claim.variables === row.id}
        onClick={() =>
          claim.mutate(row.id, {
            onSuccess: () => void message.success(claimedText),
            onError: (error) => void message.error(error.message),
          })
        }
        data-testid={testId}
      >
        {label}
      </Button>
    ),
  };
}
