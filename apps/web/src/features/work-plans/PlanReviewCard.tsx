import type { WorkPlan } from '@guanxi/contract';
import { App, Button, Input, Rate, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReviewCard } from '../../platform/ui/ReviewCard';
import { useReviewPlan } from './plans.queries';

/**
 * The manager's decision on a plan, and the review form for those who may review it: approving
 * is the assessment, so it takes a score (1–5); sending the plan back takes a comment.
 */
export function PlanReviewCard({ plan }: { plan: WorkPlan }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  const [score, setScore] = useState(0);
  const review = useReviewPlan();
  const decide = (decision: 'approve' | 'comment') => {
    if (decision === 'comment' && !comment.trim()) return void message.warning(t('plan.commentRequired'));
    if (decision === 'approve' && score === 0) return void message.warning(t('plan.scoreRequired'));
    review.mutate(
      { id: plan.id, body: decision === 'approve' ? { decision, comment, score } : { decision, comment } },
      { onSuccess: () => void message.success(t('plan.reviewed')), onError: (e) => void message.error(e.message) },
    );
  };
  // Not inside a Typography paragraph: its list styles would space the stars (li) apart.
  const decided = plan.reviewDecision && (
    <Space orientation="vertical" size={4} style={{ display: 'flex', marginBottom: 8 }}>
      <Typography.Text strong>
        {plan.reviewDecision === 'approve' ? t('plan.statuses.approved') : t('plan.statuses.commented')} ·{' '}
        {plan.reviewer?.name}
      </Typography.Text>
      {plan.score !== null && (
        <Space>
          <Rate disabled value={plan.score} />
          <Typography.Text strong data-testid="plan-score">
            {plan.score}
          </Typography.Text>
        </Space>
      )}
      {plan.reviewComment && <div style={{ whiteSpace: 'pre-wrap' }}>{plan.reviewComment}</div>}
    </Space>
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
            <div style={{ marginBottom: 8 }}>
              <Typography.Text>{t('plan.score')}：</Typography.Text>
              <Rate value={score} onChange={setScore} data-testid="plan-score-input" />
              <div>
                <Typography.Text type="secondary">{t('plan.scoreHint')}</Typography.Text>
              </div>
            </div>
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
