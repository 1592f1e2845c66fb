import type { FollowUp } from '@guanxi/contract';
import type { ExportColumn } from '../../platform/export/index.js';

/** The follow-up list's columns in a file. */
export const FOLLOW_UP_EXPORT_COLUMNS: readonly ExportColumn<FollowUp>[] = [
  { header: 'field.occurredAt', value: (u, f) => f.dateTime(u.occurredAt), width: 17 },
  { header: 'column.customer', value: (u) => u.customerName, width: 30 },
  { header: 'field.leadId', value: (u) => u.leadName, width: 14 },
  { header: 'field.type', value: (u, f) => f.label('followUpType', u.type), width: 12 },
  { header: 'field.content', value: (u) => u.content, width: 50 },
  { header: 'field.contactIds', value: (u) => u.contacts.map((c) => c.name).join(', '), width: 16 },
  { header: 'field.nextContactAt', value: (u, f) => f.dateTime(u.nextContactAt), width: 17 },
  { header: 'field.authorId', value: (u) => u.authorName, width: 12 },
];
