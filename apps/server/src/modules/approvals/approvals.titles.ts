import { formatYuan, type ApprovalBusinessType, type Locale } from '@guanxi/contract';
import { isMessageKey, translate } from '../../platform/i18n/index.js';
import type { MessageKey } from '../../platform/i18n/index.js';

/**
 * A request's title in the reader's language, built from its kind (business type) and the facts
 * its summary keeps, so an approver reading in English does not see the Chinese the submitter
 * wrote in, nor "250.00 CNY" beside "¥250.00". The stored title stays the fallback for requests
 * whose summary lacks a fact (rows older than the summary's fields, types without a template).
 */
const TITLES: Record<ApprovalBusinessType, { key: MessageKey; needs: readonly string[] } | undefined> = {
  price_below_authority: { key: 'approval.titleOf.priceBelowAuthority', needs: ['orderNo'] },
  credit_override: { key: 'approval.titleOf.creditOverride', needs: ['orderNo'] },
  expense: { key: 'approval.titleOf.expense', needs: ['amountFen', 'description'] },
  stage_transition: { key: 'approval.titleOf.stageTransition', needs: ['customerName', 'from', 'to'] },
  contract: undefined,
  // Shown as stored (the submitter's language): member number and signed points read the same in both.
  member_points_adjust: undefined,
};

const money = (fen: number, currency: unknown) =>
  currency === undefined || currency === 'CNY' ? `¥${formatYuan(fen)}` : `${formatYuan(fen)} ${String(currency)}`;

const stageKey = (code: unknown): MessageKey | null => {
  const key = `stage.${String(code)}`;
  return isMessageKey(key) ? key : null;
};

/** A title as a message: a key and its parameters (stage codes as their message keys, money formatted). */
export interface TitleMessage {
  key: MessageKey;
  params: Record<string, string>;
}

/**
 * The message a request's title is made of, or null when its summary lacks a fact (rows older than
 * the summary's fields, types without a template): such titles are shown as stored.
 */
export function approvalTitleMessage(options: {
  businessType: string;
  summary: Record<string, unknown>;
  submitterName: string;
}): TitleMessage | null {
  const { summary } = options;
  const template = TITLES[options.businessType as ApprovalBusinessType];
  if (!template || template.needs.some((name) => summary[name] === undefined || summary[name] === null)) return null;
  const from = stageKey(summary.from);
  const to = stageKey(summary.to);
  if (options.businessType === 'stage_transition' && (from === null || to === null)) return null;
  return {
    key: template.key,
    params: {
      orderNo: String(summary.orderNo ?? ''),
      customerName: String(summary.customerName ?? ''),
      description: String(summary.description ?? '').slice(0, 80),
      submitter: options.submitterName,
      amount: typeof summary.amountFen === 'number' ? money(summary.amountFen, summary.currency) : '',
      // A parameter naming a message is translated with it (platform/i18n translate).
      from: from ?? '',
      to: to ?? '',
    },
  };
}

export function approvalTitle(options: {
  locale: Locale;
  businessType: string;
  storedTitle: string;
  summary: Record<string, unknown>;
  submitterName: string;
}): string {
  const message = approvalTitleMessage(options);
  return message ? translate(options.locale, message.key, message.params) : options.storedTitle;
}
