import type { WorkPlan } from '@guanxi/contract';
import { App, Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReviewCard } from '../../platform/ui/ReviewCard';
import { useReviewPlan } from './plans.queries';

/** The manager's decision on a plan, and the review form for those who may review it. */
export function PlanReviewCard({ plan }: { plan: WorkPlan }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  const review = useReviewPlan();
  const decide = (decision: 'approve' | 'comment') => {
    if (decision === 'comment' && !comment.trim()) return void message.warning(t('plan.commentRequired'));
    review.mutate(
      { id: plan.id, body: { decision, comment } },
      { onSuccess: () => void message.success(t('plan.reviewed')), onError: (e) => void message.error(e.message) },
    );
  };
  const decided = plan.reviewDecision && (
    <Typography.Paragraph>
      <Typography.Text strong>
        {plan.reviewDecision === 'approve' ? t('plan.approve') : t('plan.commentOnly')} · {plan.reviewer?.name}
      </Typography.Text>
      {plan.reviewComment && <div style={{ whiteSpace: 'pre-wrap' }}>{plan.reviewComment}</div>}
    </Typography.Paragraph>
  );
  return (
    <ReviewCard
      title={t('plan.review')}
      decided={decided}
      testId="plan-review"
      form={
        plan.canReview &&
        plan.status === 'submitted' && (
          <>
            <Input.TextArea
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              placeholder={t('plan.comment')}
              autoSize={{ minRows: 2 }}
              maxLength={2000}
            />
            <Space style={{ marginTop: 8 }}>
              <Button
                type="primary"
                loading={review.isPending}
                onClick={() => decide('approve')}
                data-testid="plan-approve"
              >
                {t('plan.approve')}
              </Button>
              <Button loading={review.isPending} onClick={() => decide('comment')} data-testid="plan-comment">
                {t('plan.commentOnly')}
              </Button>
            </Space>
          </>
        )
      }
    />
  );
}
