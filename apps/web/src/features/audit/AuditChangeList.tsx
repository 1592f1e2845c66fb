import type { AuditEntry } from '@guanxi/contract';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeRowsOf, listDifference, type ChangeRow } from './auditChanges';
import { useAuditText } from './useAuditText';

/** Rows shown before "show more": enough for an ordinary edit, short enough for a list. */
const SHOWN = 6;

/** An entry's fields as labelled rows: "城市：苏州 → 杭州", or "电话：138…" for a new record. */
export function AuditChangeList({ entry, names }: { entry: AuditEntry; names: Record<string, string> }) {
  const { t } = useTranslation();
  const { fieldLabel, labelled, formatValue } = useAuditText();
  const [isExpanded, setExpanded] = useState(false);
  const rows = changeRowsOf(entry);
  // Sign-ins and the like carry no snapshot at all: nothing to say about fields.
  if (entry.before === null && entry.after === null) return null;
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noDetails')}</Typography.Text>;
  const shown = isExpanded ? rows : rows.slice(0, SHOWN);
  const show = (field: string, value: unknown) => formatValue(entry.entity, field, value, names);

  return (
    <div data-testid="audit-changes">
      {shown.map((row) => (
        <div key={row.field} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="audit-change">
          <Typography.Text type="secondary">{labelled(fieldLabel(entry.entity, row.field))}</Typography.Text>
          {row.kind === 'change' && listDifference(row.before, row.after) ? (
            <ListChange row={row} show={show} />
          ) : row.kind === 'change' ? (
            <>
              <Typography.Text delete type="secondary" data-testid="audit-before">
                {show(row.field, row.before)}
              </Typography.Text>
              <Typography.Text type="secondary"> {t('audit.arrow')} </Typography.Text>
              <Typography.Text data-testid="audit-after">{show(row.field, row.after)}</Typography.Text>
            </>
          ) : (
            <Typography.Text>{show(row.field, row.after)}</Typography.Text>
          )}
        </div>
      ))}
      {rows.length > SHOWN && (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setExpanded(!isExpanded)}>
          {isExpanded ? t('audit.less') : t('audit.more', { count: rows.length - SHOWN })}
        </Button>
      )}
    </div>
  );
}

/** "新增：客户 · 导出；移除：订单 · 新建" for lists of plain values. */
function ListChange({ row, show }: { row: ChangeRow; show: (field: string, value: unknown) => string }) {
  const { t } = useTranslation();
  const { added, removed } = listDifference(row.before, row.after)!;
  return (
    <>
      {added.length > 0 && (
        <Typography.Text data-testid="audit-added">
          {t('audit.added', { items: show(row.field, added) })}
        </Typography.Text>
      )}
      {added.length > 0 && removed.length > 0 && (
        <Typography.Text type="secondary">{t('audit.listSeparator')}</Typography.Text>
      )}
      {removed.length > 0 && (
        <Typography.Text type="secondary" data-testid="audit-removed">
          {t('audit.removed', { items: show(row.field, removed) })}
        </Typography.Text>
      )}
    </>
  );
}
