import { Select, type SelectProps } from 'antd';
import { useColleagues } from './users.queries';

type ActiveUserSelectProps = Omit<SelectProps<string | string[]>, 'options' | 'loading' | 'showSearch'> & {
  'data-testid'?: string;
  /** Users not to offer (e.g. the colleague who is leaving). */
  excludeIds?: readonly string[];
};

/** A Select of the organization's active users by name (disabled users cannot be given work). */
export function ActiveUserSelect({ excludeIds = [], ...props }: ActiveUserSelectProps) {
  // The directory lists active users only, and anyone signed in may read it (not only users.view).
  const users = useColleagues();
  const options = (users.data ?? [])
    .filter((user) => !excludeIds.includes(user.id))
    .map((user) => ({ value: user.id, label: user.displayName }));
  return <Select {...props} showSearch={{ optionFilterProp: 'label' }} loading={users.isPending} options={options} />;
}
