import { Grid, Progress, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { stepIndex, WIZARD_STEPS, type WizardStep } from './importSteps';

/**
 * Where the wizard is: the six steps across the card on a desktop; on a phone, where six titles do
 * not fit, one line naming the current step over a bar.
 */
export function WizardSteps({ step, failed }: { step: WizardStep; failed?: boolean }) {
  const { t } = useTranslation();
  const isNarrow = !Grid.useBreakpoint().md;
  const current = stepIndex(step);
  if (isNarrow)
    return (
      <div style={{ marginBottom: 16 }} data-testid="import-steps">
        <Typography.Text strong>
          {t('imports.stepOf', { current: current + 1, total: WIZARD_STEPS.length, name: t(`imports.steps.${step}`) })}
        </Typography.Text>
        <Progress
          percent={Math.round(((current + 1) / WIZARD_STEPS.length) * 100)}
          showInfo={false}
          status={failed ? 'exception' : 'normal'}
        />
      </div>
    );
  return (
    <Steps
      size="small"
      current={current}
      status={failed ? 'error' : step === 'result' ? 'finish' : 'process'}
      items={WIZARD_STEPS.map((name) => ({ title: t(`imports.steps.${name}`) }))}
      style={{ marginBottom: 24 }}
      data-testid="import-steps"
    />
  );
}
