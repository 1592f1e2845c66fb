import { Input } from 'antd';

/**
 * A list's search box: searches on Enter or the button, clears with the "x", and hands the filter
 * `undefined` for an empty box so the query drops the parameter.
 */
export function SearchFilter({
  placeholder,
  onSearch,
  width = 220,
  testId,
}: {
  placeholder: string;
  onSearch: (q: string | undefined) => void;
  width?: number;
  testId?: string;
}) {
  return (
    <Input.Search
      allowClear
      placeholder={placeholder}
      onSearch={(q) => onSearch(q || undefined)}
      style={{ width }}
      data-testid={testId}
    />
  );
}
