import { Breadcrumb } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
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
  if (!entry || !group || entry.path === '/') return null;
  const rest = pathname.slice(entry.path.length).split('/').filter(Boolean);
  const [first, second] = rest;
  if (first === undefined) return null;
  const isRecord = RECORD_ID.test(first);
  if (!isRecord && first !== 'new') return null;
  const here = !isRecord ? t('nav.create') : second === 'edit' ? t('nav.edit') : t('nav.detail');
  // 客户 › 客户 says nothing twice: a group named like its page is left out.
  const items = [
    ...(group.label(t) === entry.label(t) ? [] : [{ key: 'group', title: group.label(t) }]),
    { key: 'list', title: <Link to={entry.path}>{entry.label(t)}</Link> },
    ...(isRecord && second === 'edit'
      ? [{ key: 'record', title: <Link to={`${entry.path}/${first}`}>{t('nav.detail')}</Link> }]
      : []),
    { key: 'here', title: here },
  ];
  return <Breadcrumb items={items} style={{ marginBottom: 12 }} data-testid="breadcrumb" />;
}
