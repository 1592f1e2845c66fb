import type { InboxSection, InboxSectionKey, Permission } from '@guanxi/contract';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { inboxSectionPath } from './inboxLinks';
import { useMe } from '../../platform/session.queries';
import { useInbox } from './inbox.queries';
import { useSectionTitle } from './useInboxItemText';

/**
 * The sections of a role's own work: the server sends each only to a user with the permission for
 * it (reviews for managers, confirmations and receivables for finance, issues and stock for the
 * warehouse), so they are counted even when nothing waits.
 */
const ROLE_SECTIONS: readonly InboxSectionKey[] = [
  'ordersToConfirm',
  'paymentsOverdue',
  'paymentsDueSoon',
  'issuesToConfirm',
  'lowStock',
  'returnVisitsDue',
  'reportsToReview',
  'plansToReview',
];

/** Counts shown in red while anything is in them. */
const ALARMING: readonly InboxSectionKey[] = ['paymentsOverdue', 'lowStock'];

/** Rights of those who decide approvals by default: managers (stage moves …) and finance (credit overrides). */
const APPROVER_PERMISSIONS: readonly Permission[] = ['lifecycle.approve', 'credit.override', 'approvals.manage'];

/** Which counts to show: the role's sections, and approvals waiting for me when there are any or I decide some. */
export function countedSections(sections: readonly InboxSection[], permissions: readonly Permission[]): InboxSection[] {
  const role = sections.filter((s) => ROLE_SECTIONS.includes(s.key));
  const approvals = sections.find((s) => s.key === 'approvals');
  const decides = APPROVER_PERMISSIONS.some((p) => permissions.includes(p));
  const withApprovals = approvals && (approvals.count > 0 || decides) ? [approvals] : [];
  return [...withApprovals, ...role];
}

/**
 * The home page's counts of the work waiting for the signed-in user, one tile per section of their
 * role; a tile with work in it opens the inbox at that section.
 */
export function InboxCounts() {
  const { t } = useTranslation();
  const sectionTitle = useSectionTitle();
  const inbox = useInbox(5);
  const permissions = useMe().data?.permissions ?? [];
  const sections = countedSections(inbox.data?.sections ?? [], permissions);
  if (sections.length === 0) return null;
  return (
    <Card title={t('inbox.counts')} size="small" data-testid="inbox-counts">
      <Row gutter={[12, 12]}>
        {sections.map((section) => {
          const stat = (
            <Statistic
              title={sectionTitle(section.key)}
              value={section.count}
              styles={{
                content: {
                  color: section.count > 0 && ALARMING.includes(section.key) ? '#cf1322' : undefined,
                },
              }}
            />
          );
          return (
            <Col key={section.key} xs={12} md={8} xl={6} data-testid={`count-${section.key}`}>
              {section.count > 0 ? <Link to={inboxSectionPath(section.key)}>{stat}</Link> : stat}
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}
