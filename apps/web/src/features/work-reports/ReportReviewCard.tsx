import type { WorkReport } from '@guanxi/contract';
import { Button, Form, Input, Rate, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { ReviewCard } from '../../platform/ui/ReviewCard';
import { useReviewReport } from './reports.queries';

/** The manager's score (1–5) and comment: shown to everyone who reads the report, editable by reviewers. */
export function ReportReviewCard({ report }: { report: WorkReport }) {
  const { t, message, form, showServerErrors: showErrors } = useEditForm<{ score: number; comment?: string }>();
  const review = useReviewReport();

  const current = report.score !== null && (
    <Space orientation="vertical" size={4}>
      <Space>
        <Rate disabled value={report.score} data-testid="report-score-stars" />
        <Typography.Text strong data-testid="report-score">
          {report.score}
        </Typography.Text>
      </Space>
      {report.reviewComment && (
        <Typography.Paragraph data-testid="report-review-comment">{report.reviewComment}</Typography.Paragraph>
      )}
      <Typography.Text type="secondary">
        {report.reviewer?.name} · {report.reviewedAt ? dayjs(report.reviewedAt).format('YYYY-MM-DD HH:mm') : ''}
      </Typography.Text>
    </Space>
  );

  return (
    <ReviewCard
      title={t('report.review')}
      decided={current}
      testId="report-review"
      form={
        report.canReview && (
          <Form
            form={form}
            layout="vertical"
            initialValues={{ score: report.score ?? undefined, comment: report.reviewComment ?? '' }}
            onFinish={(values) =>
              review.mutate(
                { id: report.id, body: { score: values.score, comment: values.comment ?? '' } },
                { onSuccess: () => void message.success(t('report.reviewed')), onError: showErrors },
              )
            }
            style={{ marginTop: current ? 16 : 0 }}
          >
            <Form.Item
              name="score"
              label={t('report.score')}
              rules={[{ required: true, message: t('report.scoreRequired') }]}
            >
              <Rate data-testid="review-score" />
            </Form.Item>
            <Form.Item name="comment" label={t('report.comment')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="review-comment" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={review.isPending} data-testid="review-submit">
              {t('report.reviewSubmit')}
            </Button>
          </Form>
        )
      }
    />
  );
}
