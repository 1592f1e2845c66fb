import { Input } from 'antd';
import { useState } from 'react';

/**
 * A free-text list filter applied on Enter, when the input loses focus or when it is cleared — not
 * on every keystroke, which would query the list once per character. Give it `key={value}` so a
 * filter changed elsewhere (a saved view, "clear filters") resets what is typed.
 */
export function AppliedTextFilter(props: {
  value?: string;
  onApply: (value?: string) => void;
  placeholder: string;
  maxLength: number;
  testId: string;
}) {
  const { value, onApply, placeholder, maxLength, testId } = props;
  const [text, setText] = useState(value ?? '');
  const apply = (next: string) => {
    const trimmed = next.trim() || undefined;
    if (trimmed !== value) onApply(trimmed);
  };
  return (
    <Input
      value={text}
      allowClear
      maxLength={maxLength}
      placeholder={placeholder}
      onChange={(event) => {
        setText(event.target.value);
        if (event.type === 'click') apply(''); // the clear icon
      }}
      onPressEnter={() => apply(text)}
      onBlur={() => apply(text)}
      data-testid={testId}
    />
  );
}
