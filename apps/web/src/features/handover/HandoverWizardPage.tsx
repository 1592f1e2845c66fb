import { Alert, Button, Card, Grid, Progress, Space, Steps, Typography } from 'antd';
import type { HandoverGroup, HandoverResult } from '@guanxi/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../platform/api';
import { BackTitle } from '../../platform/ui/BackTitle';
import { HandoverConfirmStep } from './HandoverConfirmStep';
import { HandoverPickStep } from './HandoverPickStep';
import { HandoverResultView } from './HandoverResultView';
import { HandoverTargetsStep } from './HandoverTargetsStep';
import { handoverBody, heldGroups, isChosen, type Choices } from './handoverPlan';
import { useHandoverSummary, useRunHandover } from './handover.queries';

const STEPS = ['pick', 'targets', 'confirm', 'result'] as const;

/**
 * 离职交接: pick the leaving user and see what they hold, choose who takes each group, confirm, and
 * see the result. The run is one request, all or nothing, that ends by deactivating the user.
 */
export default function HandoverWizardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isNarrow = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const userId = params.get('user') ?? undefined;
  const [step, setStep] = useState(0);
  const [choices, setChoices] = useState<Choices>({});
  const [missing, setMissing] = useState<HandoverGroup[]>([]);
  const [result, setResult] = useState<HandoverResult | null>(null);
  const summary = useHandoverSummary(userId);
  const run = useRunHandover();
  const data = summary.data;

  const pick = (id: string | undefined) => {
    setParams(id ? { user: id } : {}, { replace: true });
    setChoices({});
    setMissing([]);
    run.reset();
  };
  const toConfirm = () => {
    const unchosen = heldGroups(data)
      .filter((group) => !isChosen(choices[group.group]))
      .map((g) => g.group);
    setMissing(unchosen);
    if (unchosen.length === 0) setStep(2);
  };
  const submit = () =>
    data &&
    run.mutate(
      { userId: data.user.id, body: handoverBody(data, choices) },
      {
        onSuccess: (answer) => {
          setResult(answer);
          setStep(3);
        },
      },
    );
  const restart = () => {
    setResult(null);
    setStep(0);
    pick(undefined);
  };

  const name = t(`handover.steps.${STEPS[step]!}`);
  return (
    <Card title={<BackTitle onBack={() => void navigate('/settings/users')}>{t('handover.title')}</BackTitle>}>
      {isNarrow ? (
        <div style={{ marginBottom: 16 }}>
          <Typography.Text strong>
            {t('handover.stepOf', { current: step + 1, total: STEPS.length, name })}
          </Typography.Text>
          <Progress percent={Math.round(((step + 1) / STEPS.length) * 100)} showInfo={false} />
        </div>
      ) : (
        <Steps
          size="small"
          current={step}
          status={step === 3 ? 'finish' : 'process'}
          items={STEPS.map((key) => ({ title: t(`handover.steps.${key}`) }))}
          style={{ marginBottom: 24 }}
        />
      )}
      {step === 0 && (
        <>
          <Typography.Paragraph type="secondary">{t('handover.intro')}</Typography.Paragraph>
          <HandoverPickStep userId={userId} onPick={pick} summary={data} loading={summary.isFetching && !data} />
          {summary.error && <Alert type="error" showIcon title={summary.error.message} />}
        </>
      )}
      {step === 1 && data && (
        <HandoverTargetsStep summary={data} choices={choices} onChange={setChoices} missing={missing} />
      )}
      {step === 2 && data && <HandoverConfirmStep summary={data} choices={choices} />}
      {step === 3 && result && data && (
        <HandoverResultView
          result={result}
          userName={data.user.displayName}
          onAnother={restart}
          onBack={() => void navigate('/settings/users')}
        />
      )}
      {run.error && step === 2 && (
        <Alert
          type="error"
          showIcon
          data-testid="handover-error"
          title={t('handover.failed')}
          description={
            <>
              <div>{run.error.message}</div>
              {isApiError(run.error) && run.error.fields?.map((f) => <div key={f.field}>{f.message}</div>)}
            </>
          }
          style={{ marginTop: 16 }}
        />
      )}
      {step < 3 && (
        <Space style={{ marginTop: 24 }} wrap>
          {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('handover.previous')}</Button>}
          {step === 0 && (
            <Button type="primary" disabled={!data} onClick={() => setStep(1)} data-testid="handover-next">
              {t('handover.next')}
            </Button>
          )}
          {step === 1 && (
            <Button type="primary" onClick={toConfirm} data-testid="handover-next">
              {t('handover.next')}
            </Button>
          )}
          {step === 2 && (
            <Button type="primary" danger loading={run.isPending} onClick={submit} data-testid="handover-run">
              {t('handover.run')}
            </Button>
          )}
        </Space>
      )}
    </Card>
  );
}
