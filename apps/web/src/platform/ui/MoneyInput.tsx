import { MAX_AMOUNT_FEN } from '@guanxi/contract';
import { InputNumber, type InputNumberProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { fenToYuan } from '@guanxi/contract';
import { currencySymbol } from '../money';

type MoneyInputProps = Omit<InputNumberProps<string>, 'stringMode' | 'min' | 'max' | 'precision' | 'prefix'> & {
  /** The currency whose symbol leads the input. */
  currency: string;
  /** The largest amount allowed, in fen. */
  maxFen?: number;
  'data-testid'?: string;
};

/**
 * An amount typed in yuan with two decimals, kept as a string so no float drift reaches
 * `yuanToFen`. Form.Item hands it value and onChange like any input.
 */
export function MoneyInput({ currency, maxFen = MAX_AMOUNT_FEN, ...rest }: MoneyInputProps) {
  const { i18n } = useTranslation();
  return (
    <InputNumber<string>
      inputMode="decimal"
      style={{ width: '100%' }}
      {...rest}
      stringMode
      min="0"
      max={fenToYuan(maxFen)}
      precision={2}
      prefix={currencySymbol(currency, i18n.language)}
    />
  );
}
