import { Badge } from '@fluentui/react-components';
import type { BadgeProps } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { orderStatusLabels } from '../../domain/cards/card-texts.js';
import type { OrderStatus } from '../../domain/order/order.js';
import { useText } from './locale-context.js';

/** The same colour per status as on the cards (`statusColor`), so the tab and the chat agree. */
export function statusBadgeColor(status: OrderStatus): NonNullable<BadgeProps['color']> {
  switch (status) {
    case 'submitted':
      return 'brand';
    case 'accepted':
    case 'completed':
      return 'success';
    case 'changesRequested':
      return 'warning';
  }
}

export function OrderStatusBadge({ status }: { readonly status: OrderStatus }): ReactElement {
  const t = useText();
  return (
    <Badge appearance="filled" color={statusBadgeColor(status)}>
      {t(orderStatusLabels[status])}
    </Badge>
  );
}
