import { Breadcrumb } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useRecordTitleOf } from '../../platform/recordTitles';
import { entryFor, groupFor } from './navigation';

const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Where a record's page sits (客户 / 客户 / 详情): shown on the pages of one record or a new one,
 * whose way back is otherwise only the browser's back button.
 */
export function PageBreadcrumb() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const entry = entryFor(pathname);
  const group = groupFor(pathname);
  const rest = entry ? pathname.slice(entry.path.length).split('/').filter(Boolean) : [];
  const [first, second] = rest;
  const isRecord = first !== undefined && RECORD_ID.test(first);
  // The record's own name once its page has loaded it; "详情" until then.
  const recordName = useRecordTitleOf(isRecord ? first : undefined) ?? t('nav.detail');
  if (!entry || !group || entry.path === '/' || first === undefined) return null;
  if (!isRecord && first !== 'new') return null;
  const action = second === 'edit' ? t('nav.edit') : second === 'print' ? t('nav.print') : null;
  const here = !isRecord ? t('nav.create') : (action ?? recordName);
  // 客户 › 客户 says nothing twice: a group named like its page is left out.
  const items = [
    ...(group.label(t) === entry.label(t) ? [] : [{ key: 'group', title: group.label(t) }]),
    { key: 'list', title: <Link to={entry.path}>{entry.label(t)}</Link> },
    ...(isRecord && action ? [{ key: 'record', title: <Link to={`${entry.path}/${first}`}>{recordName}</Link> }] : []),
    { key: 'here', title: here },
  ];
  return <Breadcrumb items={items} style={{ marginBottom: 12 }} data-testid="breadcrumb" />;
}
