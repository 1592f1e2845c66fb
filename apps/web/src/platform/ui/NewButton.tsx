import { PlusOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';

/** The "+" button that opens a new record's form (or adds a row to a form's list). */
export function NewButton(props: Omit<ButtonProps, 'icon'>) {
  return <Button icon={<PlusOutlined />} {...props} />;
}
