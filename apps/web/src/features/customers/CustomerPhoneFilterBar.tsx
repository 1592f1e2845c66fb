import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Flex } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The customer filters on a phone: the search box and one 筛选 button, the filters themselves in a
 * drawer — a stack of ten full-width selects would push the list off the first screen.
 */
export function CustomerPhoneFilterBar({
  search,
  activeCount,
  action,
  children,
}: {
  search: ReactNode;
  /** How many filters are set (the button's badge). */
  activeCount: number;
  /** The button beside 筛选 (new customer). */
  action: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <div style={{ flex: 1, minWidth: 0 }}>{search}</div>
        <Badge count={activeCount} size="small">
          <Button icon={<FilterOutlined />} onClick={() => setOpen(true)} data-testid="customer-filter-open">
            {t('nav.filter')}
          </Button>
        </Badge>
        {action}
      </Flex>
      <Drawer
        placement="bottom"
        size="85%"
        open={isOpen}
        onClose={() => setOpen(false)}
        title={t('nav.filterTitle')}
        data-testid="customer-filter-drawer"
      >
        <Flex vertical gap={12}>
          {children}
        </Flex>
      </Drawer>
    </>
  );
}
