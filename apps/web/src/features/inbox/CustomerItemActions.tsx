import { EditOutlined, PhoneOutlined } from '@ant-design/icons';
import type { InboxItem } from '@guanxi/contract';
import { Button } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../platform/session.queries';
import { FollowUpFormModal } from '../follow-ups';

/** The customer an item is about: the customer itself, or the customer a task is on. */
export function customerIdOf(item: InboxItem): string | null {
  if (item.entity === 'customer') return item.entityId;
  if (item.entity === 'task' && typeof item.params.customerId === 'string') return item.params.customerId;
  return null;
}

/** The number to dial and whom it reaches, when the server sent one (never for a hidden phone field). */
export function phoneOf(item: InboxItem): { tel: string; phone: string; contactName: string | null } | null {
  const { tel, phone, contactName } = item.params;
  if (typeof tel !== 'string' || tel === '') return null;
  return {
    tel,
    phone: typeof phone === 'string' ? phone : tel,
    contactName: typeof contactName === 'string' ? contactName : null,
  };
}

/**
 * One-thumb actions on an item about a customer: call (a tel: link) and write a follow-up (the form,
 * full-screen on a phone, with the next contact). Saving reloads the inbox, so a customer whose next
 * contact moved on leaves "to contact" at once. `large`: phone-sized targets (44 px), side by side.
 */
export function CustomerItemActions({ item, large }: { item: InboxItem; large: boolean }) {
  const { t } = useTranslation();
  const canLog = useHasPermission('followups.create');
  const [isFollowUpOpen, setFollowUpOpen] = useState(false);
  const customerId = customerIdOf(item);
  const phone = phoneOf(item);
  if (!customerId) return null;
  const style: CSSProperties | undefined = large ? { flex: 1, minHeight: 44 } : undefined;
  const size = large ? 'large' : 'small';
  return (
    <>
      {phone && (
        <Button
          href={`tel:${phone.tel}`}
          icon={<PhoneOutlined />}
          size={size}
          style={style}
          title={t('inbox.callWho', { name: phone.contactName ?? phone.phone })}
          data-testid="inbox-call"
        >
          {t('inbox.call')}
        </Button>
      )}
      {canLog && (
        <Button
          icon={<EditOutlined />}
          size={size}
          style={style}
          onClick={() => setFollowUpOpen(true)}
          data-testid="inbox-follow-up"
        >
          {t('inbox.writeFollowUp')}
        </Button>
      )}
      {isFollowUpOpen && (
        <FollowUpFormModal
          parent={{ customerId }}
          {...(item.entity === 'customer' && item.title ? { targetName: item.title } : {})}
          open
          onClose={() => setFollowUpOpen(false)}
        />
      )}
    </>
  );
}
