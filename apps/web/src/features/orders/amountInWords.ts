const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** One group of four digits (0–9999) in capitals, with 零 for inner gaps ("1005" → 壹仟零伍). */
function groupInWords(group: number): string {
  let text = '';
  let pendingZero = false;
  for (let position = 3; position >= 0; position--) {
    const digit = Math.floor(group / 10 ** position) % 10;
    if (digit === 0) {
      if (text !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) text += '零';
    pendingZero = false;
    text += DIGITS[digit]! + SMALL_UNITS[position]!;
  }
  return text;
}

/**
 * An amount in fen as Chinese financial capitals (人民币大写), as invoices, quotations and contracts
 * print it: 123456 → 壹仟贰佰叁拾肆元伍角陆分, 100000 → 壹仟元整, 0 → 零元整.
 */
export function amountInWords(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount in fen: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let integer = '';
  if (yuan === 0) integer = '零';
  else {
    const groups: number[] = [];
    for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10000)) groups.push(rest % 10000);
    let needZero = false;
    for (let i = groups.length - 1; i >= 0; i--) {
      const group = groups[i]!;
      if (group === 0) {
        needZero = integer !== '';
        continue;
      }
      // A gap before a group (a zero group, or a group under 1000 after a higher one) reads 零.
      if (integer !== '' && (needZero || group < 1000)) integer += '零';
      integer += groupInWords(group) + BIG_UNITS[i]!;
      needZero = false;
    }
  }
  let text = `${integer}元`;
  if (jiao === 0 && cents === 0) return `${text}整`;
  if (jiao === 0) text += yuan > 0 ? '零' : '';
  else text += `${DIGITS[jiao]}角`;
  if (cents !== 0) text += `${DIGITS[cents]}分`;
  return text;
}
