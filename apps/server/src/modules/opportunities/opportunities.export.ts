import type { Opportunity } from '@guanxi/contract';
import type { ExportColumn } from '../../platform/export/index.js';

/** The opportunity list's columns in a file: the amount as a yuan number, the stage and the loss reason by their names. */
export const OPPORTUNITY_EXPORT_COLUMNS: readonly ExportColumn<Opportunity>[] = [
  { header: 'field.name', value: (o) => o.name, width: 30 },
  { header: 'column.customer', value: (o) => o.customerName, width: 30 },
  { header: 'column.amountYuan', value: (o, f) => f.money(o.amountFen), kind: 'money' },
  { header: 'field.currency', value: (o) => o.currency, width: 8 },
  { header: 'field.stageId', value: (o, f) => (f.locale === 'en' ? (o.stageNameEn ?? o.stageName) : o.stageName) },
  { header: 'field.probability', value: (o) => o.probability, kind: 'number' },
  { header: 'field.expectedCloseDate', value: (o) => o.expectedCloseDate, width: 12 },
  { header: 'field.status', value: (o, f) => f.label('opportunityStatus', o.status), width: 10 },
  { header: 'column.owner', value: (o) => o.ownerName, width: 12 },
  {
    header: 'field.lossReasonId',
    value: (o, f) =>
      o.status !== 'lost'
        ? null
        : o.lossReasonName === null
          ? f.label('lossReason', 'none')
          : f.locale === 'en'
            ? (o.lossReasonNameEn ?? o.lossReasonName)
            : o.lossReasonName,
    width: 14,
  },
  { header: 'field.lostToCompetitorId', value: (o) => o.lostToCompetitorName, width: 16 },
  { header: 'field.reason', value: (o) => o.closeReason, width: 24 },
  { header: 'column.closedAt', value: (o, f) => f.dateTime(o.closedAt), width: 17 },
  { header: 'column.createdAt', value: (o, f) => f.dateTime(o.createdAt), width: 17 },
];
