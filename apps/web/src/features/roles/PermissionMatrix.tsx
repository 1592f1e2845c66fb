import { Checkbox, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { PERMISSION_CATALOG, type Permission, type PermissionModule } from '@guanxi/contract';
import { ListTable } from '../../platform/ui/ListTable';

type Action = (typeof PERMISSION_CATALOG)[PermissionModule][number];

const MODULES = Object.keys(PERMISSION_CATALOG) as PermissionModule[];
const ACTIONS = [...new Set(Object.values(PERMISSION_CATALOG).flat())] as Action[];

interface PermissionMatrixProps {
  value?: Permission[];
  onChange?: (value: Permission[]) => void;
  disabled?: boolean;
}

/** Module × action checkboxes for a role's permissions; a form control (value/onChange). */
export function PermissionMatrix({ value = [], onChange, disabled }: PermissionMatrixProps) {
  const { t } = useTranslation();
  const granted = new Set<string>(value);

  const toggle = (permission: string, checked: boolean) => {
    const next = new Set(granted);
    if (checked) next.add(permission);
    else next.delete(permission);
    onChange?.([...next] as Permission[]);
  };

  const columns: TableColumnsType<PermissionModule> = [
    { key: 'module', title: t('role.module'), render: (_, module) => t(`permissionModule.${module}`), fixed: 'start' },
    ...ACTIONS.map((action) => ({
      key: action,
      title: t(`permissionAction.${action}`),
      align: 'center' as const,
      render: (_: unknown, module: PermissionModule) => {
        const actions: readonly string[] = PERMISSION_CATALOG[module];
        if (!actions.includes(action)) return null;
        const permission = `${module}.${action}`;
        return (
          <Checkbox
            checked={granted.has(permission)}
            disabled={disabled}
            onChange={(event) => toggle(permission, event.target.checked)}
            aria-label={`${t(`permissionModule.${module}`)} ${t(`permissionAction.${action}`)}`}
            data-testid={`permission-${permission}`}
          />
        );
      },
    })),
  ];

  return (
    <ListTable<PermissionModule>
      rowKey={(module) => module}
      size="small"
      bordered
      columns={columns}
      rows={MODULES}
      scroll={{ x: 'max-content' }}
    />
  );
}
