import type { OrderStatus } from '../order/order.js';
import type { TextColor } from './adaptive-card.js';

/** One colour per status, the same on every card, so a glance tells where an order stands. */
export function statusColor(status: OrderStatus): TextColor {
  switch (status) {
    case 'submitted':
      return 'accent';
    case 'accepted':
      return 'good';
    case 'changesRequested':
      return 'warning';
    case 'completed':
      return 'good';
  }
}
