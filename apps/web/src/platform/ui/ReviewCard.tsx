import { Card } from 'antd';
import type { ReactNode } from 'react';

/**
 * A manager's review of a plan or report: what was decided so far, and below it the review form
 * while the reader may review (`form`; its card carries `testId`). Nothing when there is neither.
 */
export function ReviewCard({
  title,
  decided,
  form,
  testId,
}: {
  title: ReactNode;
  decided: ReactNode;
  form: ReactNode;
  testId: string;
}) {
  if (!form) {
    return decided ? (
      <Card size="small" title={title}>
        {decided}
      </Card>
    ) : null;
  }
  return (
    <Card size="small" title={title} data-testid={testId}>
      {decided}
      {form}
    </Card>
  );
}
