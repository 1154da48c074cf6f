import { Badge, Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { licenseCount, orderFactTexts } from '../../domain/cards/card-texts.js';
import { pick } from '../../domain/i18n/locale.js';
import { formatDateTime } from '../../tab/components/format-date.js';
import { useLocale, useText } from '../../tab/components/locale-context.js';
import { OrderStatusBadge } from '../../tab/components/order-status-badge.js';
import { useTimeZone } from '../../tab/components/time-zone-context.js';
import type { OrderKey } from '../api/board-api-client.js';
import type { OrderSummary } from '../api/board-response.js';
import { boardTexts } from '../board-texts.js';

const useStyles = makeStyles({
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  caption: { textAlign: 'start', paddingBlock: tokens.spacingVerticalS, color: tokens.colorNeutralForeground3 },
  secondary: { display: 'block', color: tokens.colorNeutralForeground3 },
  lines: { margin: 0, paddingInlineStart: 0, listStyleType: 'none' },
  status: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

export interface OrderTableProps {
  readonly orders: readonly OrderSummary[];
  readonly onOpen: (key: OrderKey) => void;
}

/** Row ids, so focus can return to the row of the order the staff came back from. */
export function orderRowLinkId(key: OrderKey): string {
  return `board-order-${key.tenantId}-${key.id}`;
}

export function OrderTable({ orders, onOpen }: OrderTableProps): ReactElement {
  const t = useText();
  const locale = useLocale();
  const timeZone = useTimeZone();
  const styles = useStyles();
  return (
    <Table className={styles.table} aria-label={t(boardTexts.list.caption)}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t(boardTexts.list.number)}</TableHeaderCell>
          <TableHeaderCell>{t(boardTexts.list.received)}</TableHeaderCell>
          <TableHeaderCell>{t(boardTexts.list.organization)}</TableHeaderCell>
          <TableHeaderCell>{t(boardTexts.list.subscriptions)}</TableHeaderCell>
          <TableHeaderCell>{t(boardTexts.list.status)}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {orders.map((order) => (
          <TableRow key={`${order.tenantId}/${order.id}`}>
            <TableCell>
              <Link
                as="button"
                id={orderRowLinkId(order)}
                aria-label={t(boardTexts.list.open(order.id))}
                onClick={() => onOpen({ tenantId: order.tenantId, id: order.id })}
              >
                {order.id}
              </Link>
            </TableCell>
            <TableCell>{formatDateTime(order.createdAt, locale, timeZone)}</TableCell>
            <TableCell>
              <span>{order.organizationName}</span>
              <span className={styles.secondary}>
                {t(orderFactTexts.inn)} {order.inn} · {order.technicalDomain}
              </span>
            </TableCell>
            <TableCell>
              <ul className={styles.lines}>
                {order.lines.map((line) => (
                  <li key={line.sku}>
                    {line.productName}: {pick(licenseCount(line.quantity), locale)}
                  </li>
                ))}
              </ul>
            </TableCell>
            <TableCell>
              <span className={styles.status}>
                <OrderStatusBadge status={order.status} />
                {order.needsAction && (
                  <Badge appearance="outline" color="danger">
                    {t(boardTexts.list.needsAction)}
                  </Badge>
                )}
              </span>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
