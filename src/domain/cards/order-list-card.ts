import { pick } from '../i18n/locale.js';
import type { Locale, LocalizedText } from '../i18n/locale.js';
import type { StoredOrder } from '../order/order.js';
import { adaptiveCard } from './adaptive-card.js';
import type { AdaptiveCard, CardElement, TextBlock } from './adaptive-card.js';
import { CardVerb, executeAction } from './card-actions.js';
import { escapeCardText } from './card-text.js';
import { formatCardDate } from './card-format.js';
import { licenseCount, orderStatusLabels } from './card-texts.js';
import { orderListTexts } from './chat-card-texts.js';
import { statusColor } from './status-color.js';

export interface OrderListCardInput {
  readonly locale: Locale;
  /** Newest first. */
  readonly orders: readonly StoredOrder[];
  /** How many to show; with more orders given, the card says there are more. */
  readonly limit?: number;
}

/** The card shows this many; a caller reads one more to know whether there are more. */
export const ORDER_LIST_CARD_LIMIT = 10;
const DEFAULT_LIMIT = ORDER_LIST_CARD_LIMIT;

/** The answer to "status": the tenant's orders with their current status. */
export function buildOrderListCard({ locale, orders, limit = DEFAULT_LIMIT }: OrderListCardInput): AdaptiveCard {
  const t = (value: LocalizedText): string => pick(value, locale);
  const text = (value: string, extra: Partial<TextBlock> = {}): TextBlock => ({ type: 'TextBlock', text: value, wrap: true, ...extra });
  const shown = orders.slice(0, limit);

  const body: CardElement[] = [text(t(orderListTexts.title), { size: 'medium', weight: 'bolder', style: 'heading' })];
  if (shown.length === 0) body.push(text(t(orderListTexts.empty)));
  for (const order of shown) {
    const licenses = order.lines.reduce((sum, line) => sum + line.quantity, 0);
    body.push({
      type: 'Container',
      separator: true,
      spacing: 'medium',
      items: [
        {
          type: 'ColumnSet',
          columns: [
            { type: 'Column', width: 'stretch', items: [text(escapeCardText(order.id), { weight: 'bolder' })] },
            {
              type: 'Column',
              width: 'auto',
              items: [text(t(orderStatusLabels[order.status]), { color: statusColor(order.status), weight: 'bolder' })],
            },
          ],
        },
        text(
          [
            escapeCardText(order.organization.name),
            t(licenseCount(licenses)),
            formatCardDate(order.activationDate, locale),
            ...(order.revision > 1 ? [t(orderListTexts.revision(order.revision))] : []),
          ].join(' · '),
          { isSubtle: true, spacing: 'none' },
        ),
      ],
    });
  }
  if (orders.length > shown.length) body.push(text(t(orderListTexts.more(shown.length)), { isSubtle: true, spacing: 'medium' }));

  return adaptiveCard({
    fallbackText: t(orderListTexts.title),
    body,
    actions: [executeAction({ title: t(orderListTexts.startOrder), verb: CardVerb.startOrder, style: 'positive' })],
  });
}
