import type { ImportJob } from '@guanxi/contract';
import { Alert, App, Button, Card, Grid, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useRecordTitle } from '../../platform/recordTitles';
import { isApiError } from '../../platform/api';
import { BackTitle } from '../../platform/ui/BackTitle';
import { PageSpin } from '../../platform/ui/QueryResult';
import { CheckStep } from './CheckStep';
import { DetectStep } from './DetectStep';
import { stepToShow, type WizardStep } from './importSteps';
import { useDiscardImport, useImportJob, useImportKinds } from './imports.queries';
import { MapStep } from './MapStep';
import { ProgressPanel } from './ProgressPanel';
import { ResultStep } from './ResultStep';
import { UploadStep } from './UploadStep';
import { WizardSteps } from './WizardSteps';

/** One job's steps after the upload; the step shown follows the job's status and the user's moves. */
function JobWizard({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const [requested, setRequested] = useState<WizardStep | undefined>();
  const kinds = useImportKinds();
  const fields = kinds.data?.items.find((info) => info.kind === job.kind)?.fields ?? [];
  const step = stepToShow(job.status, requested);

  return (
    <>
      <WizardSteps step={step} failed={job.status === 'failed'} />
      {step === 'detect' && <DetectStep job={job} onNext={() => setRequested('map')} />}
      {step === 'map' &&
        (kinds.isPending ? (
          <PageSpin />
        ) : (
          <MapStep
            job={job}
            fields={fields}
            onBack={() => setRequested('detect')}
            onChecked={() => setRequested('check')}
          />
        ))}
      {step === 'check' && <CheckStep job={job} fields={fields} onBack={() => setRequested('map')} />}
      {step === 'run' && (
        <ProgressPanel job={job} title={job.status === 'queued' ? t('imports.run.queued') : t('imports.run.running')} />
      )}
      {step === 'result' && <ResultStep job={job} fields={fields} />}
    </>
  );
}

/** Throws the job away (and its staged file) while it has not run; back to the history. */
function DiscardButton({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const discard = useDiscardImport();
  if (job.status !== 'uploaded' && job.status !== 'checked') return null;
  return (
    <Popconfirm
      title={t('imports.discardConfirm')}
      okButtonProps={{ danger: true }}
      onConfirm={() =>
        discard.mutateAsync(job.id).then(
          () => {
            void message.success(t('imports.discarded'));
            void navigate('/imports');
          },
          (error: Error) => void message.error(error.message),
        )
      }
    >
      <Button type="text" danger data-testid="import-discard">
        {t('imports.discard')}
      </Button>
    </Popconfirm>
  );
}

/** 导入数据: the wizard, at /imports/new (upload, `?kind=` preselected) and /imports/:id (the job's steps). */
export default function ImportWizardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const [search] = useSearchParams();
  const job = useImportJob(id);
  useRecordTitle(job.data?.id, job.data?.fileName);
  // On a phone the file name would squeeze the title; the detect step names the file.
  const isNarrow = !Grid.useBreakpoint().md;

  const title = (
    <BackTitle onBack={() => void navigate('/imports')}>
      <span>{t('imports.wizardTitle')}</span>
      {job.data && !isNarrow && (
        <Typography.Text type="secondary" ellipsis style={{ maxWidth: 480 }}>
          {job.data.fileName}
        </Typography.Text>
      )}
    </BackTitle>
  );

  let body;
  if (id === undefined)
    body = (
      <>
        <WizardSteps step="upload" />
        <UploadStep initialKind={search.get('kind')} />
      </>
    );
  else if (job.isPending) body = <PageSpin />;
  else if (job.isError)
    body = (
      <Alert
        type="error"
        showIcon
        title={isApiError(job.error) && job.error.status === 404 ? t('imports.notFound') : job.error.message}
      />
    );
  else body = <JobWizard key={job.data.id} job={job.data} />;

  return (
    <Card title={title} extra={job.data && <DiscardButton job={job.data} />} data-testid="import-wizard">
      {body}
    </Card>
  );
}
