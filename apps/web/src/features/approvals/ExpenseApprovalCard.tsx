import type { ApprovalReceipt } from '@guanxi/contract';
import { PaperClipOutlined } from '@ant-design/icons';
import { Descriptions, Image, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useFormatMoney } from '../../platform/money';
import type { FactsOf } from './ApprovalFactsCard';

/** Receipts inline: pictures as thumbnails that open large, other files as links. */
function Receipts({ receipts }: { receipts: ApprovalReceipt[] }) {
  const { t } = useTranslation();
  if (receipts.length === 0) return <Typography.Text type="warning">{t('approvalCard.noReceipts')}</Typography.Text>;
  const pictures = receipts.filter((r) => r.contentType.startsWith('image/'));
  const files = receipts.filter((r) => !r.contentType.startsWith('image/'));
  return (
    <Space direction="vertical" data-testid="approval-card-receipts">
      {pictures.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap>
            {pictures.map((r) => (
              <Image key={r.id} src={r.url} alt={r.fileName} width={96} height={96} style={{ objectFit: 'cover' }} />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {files.map((r) => (
        <a key={r.id} href={r.url} target="_blank" rel="noreferrer">
          <PaperClipOutlined /> {r.fileName}
        </a>
      ))}
    </Space>
  );
}

/** An expense: category in words, date, amount, customer, description and the receipts. */
export function ExpenseApprovalCard({ facts }: { facts: FactsOf<'expense'> }) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      data-testid="approval-card-expense"
      items={[
        {
          key: 'amount',
          label: t('approvalCard.amount'),
          children: <Typography.Text strong>{money(facts.amountFen, facts.currency)}</Typography.Text>,
        },
        {
          key: 'category',
          label: t('approvalCard.expenseCategory'),
          children: t(`expense.categories.${facts.category}`),
        },
        { key: 'spentOn', label: t('approvalCard.spentOn'), children: dayjs(facts.spentOn).format('YYYY-MM-DD') },
        { key: 'employee', label: t('approvalCard.employee'), children: facts.employeeName },
        ...(facts.customerName
          ? [{ key: 'customer', label: t('approvalInbox.customer'), children: facts.customerName }]
          : []),
        { key: 'description', label: t('approvalCard.description'), children: facts.description },
        { key: 'receipts', label: t('approvalCard.receipts'), children: <Receipts receipts={facts.receipts} /> },
      ]}
    />
  );
}
