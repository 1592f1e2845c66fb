import type { FollowUpType, PaymentMethod } from '@guanxi/contract';

/** "Bank Transfer", "bank-transfer" and full-width "ＢＡＮＫ＿ＴＲＡＮＳＦＥＲ" are one key. */
export const valueKey = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-./]+/g, '');

/** A user's map (file value → target) looked up by the same key as the defaults. */
function fromUserMap(key: string, userMap: Readonly<Record<string, string>>): string | undefined {
  for (const [from, to] of Object.entries(userMap)) if (valueKey(from) === key) return to;
  return undefined;
}

/** Default value map for payment methods (回款方式); the wizard shows it and the user may change it. */
export const DEFAULT_PAYMENT_METHOD_MAP: Readonly<Record<string, PaymentMethod>> = {
  banktransfer: 'bank_transfer',
  transfer: 'bank_transfer',
  wire: 'bank_transfer',
  wiretransfer: 'bank_transfer',
  tt: 'bank_transfer',
  银行转账: 'bank_transfer',
  转账: 'bank_transfer',
  电汇: 'bank_transfer',
  对公转账: 'bank_transfer',
  cash: 'cash',
  现金: 'cash',
  cheque: 'cheque',
  check: 'cheque',
  支票: 'cheque',
  wechat: 'wechat',
  wechatpay: 'wechat',
  微信: 'wechat',
  微信支付: 'wechat',
  alipay: 'alipay',
  支付宝: 'alipay',
  card: 'card',
  creditcard: 'card',
  debitcard: 'card',
  pos: 'card',
  刷卡: 'card',
  银行卡: 'card',
  acceptancebill: 'acceptance_bill',
  bankacceptance: 'acceptance_bill',
  承兑: 'acceptance_bill',
  承兑汇票: 'acceptance_bill',
  银行承兑汇票: 'acceptance_bill',
  商业承兑汇票: 'acceptance_bill',
  other: 'other',
  其他: 'other',
};

/** The method for a cell: the user's map, the method's own code, the defaults; empty → `other`; unknown → null. */
export function mapPaymentMethod(
  text: string | null | undefined,
  methods: readonly string[],
  userMap: Readonly<Record<string, string>> = {},
): PaymentMethod | null {
  const key = valueKey(text ?? '');
  if (key === '') return 'other';
  const chosen =
    fromUserMap(key, userMap) ?? methods.find((m) => valueKey(m) === key) ?? DEFAULT_PAYMENT_METHOD_MAP[key];
  return chosen !== undefined && methods.includes(chosen) ? (chosen as PaymentMethod) : null;
}

/** Words other systems use for the built-in follow-up types (by code). */
const FOLLOW_UP_TYPE_SYNONYMS: Readonly<Record<string, string>> = {
  phone: 'call',
  phonecall: 'call',
  telephone: 'call',
  tel: 'call',
  打电话: 'call',
  电话沟通: 'call',
  来电: 'call',
  去电: 'call',
  上门: 'visit',
  上门拜访: 'visit',
  面谈: 'visit',
  拜访客户: 'visit',
  mail: 'email',
  邮箱: 'email',
  电子邮件: 'email',
  text: 'sms',
  textmessage: 'sms',
  wx: 'wechat',
  weixin: 'wechat',
  微信沟通: 'wechat',
  meet: 'meeting',
  会面: 'meeting',
  开会: 'meeting',
};

/**
 * The follow-up type for a cell, among the organization's active types: the user's map, a type's
 * code or name in either language, then common synonyms; empty → `other` when active; unknown → null.
 */
export function mapFollowUpType(
  text: string | null | undefined,
  types: readonly FollowUpType[],
  userMap: Readonly<Record<string, string>> = {},
): string | null {
  const active = types.filter((t) => t.active);
  const key = valueKey(text ?? '');
  const byCode = (code: string | undefined) => (code === undefined ? undefined : active.find((t) => t.code === code));
  if (key === '') return byCode('other')?.code ?? null;
  const found =
    byCode(fromUserMap(key, userMap)) ??
    active.find((t) => [t.code, t.nameZh, t.nameEn].some((name) => valueKey(name) === key)) ??
    byCode(FOLLOW_UP_TYPE_SYNONYMS[key]);
  return found?.code ?? null;
}
