import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, ArrowRightRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { OrderView } from '../api/order-response.js';
import { tabTexts } from '../tab-texts.js';
import { useText } from './locale-context.js';
import { OrderStatusBadge } from './order-status-badge.js';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { display: 'block', ':focus': { outlineStyle: 'none' } },
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, marginBlockStart: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

export const ORDER_SUCCESS_TITLE_ID = 'order-success-title';

export interface OrderSuccessProps {
  readonly order: OrderView;
  /** False when the server had this submission already. */
  readonly created: boolean;
  readonly distributorName: string;
  readonly onShowOrders: () => void;
  readonly onNewOrder: () => void;
}

/** What the admin sees once the order is stored: its number and status, and where to follow it. */
export function OrderSuccess({ order, created, distributorName, onShowOrders, onNewOrder }: OrderSuccessProps): ReactElement {
  const t = useText();
  const styles = useStyles();
  const texts = tabTexts.order;
  return (
    <div className={styles.stack}>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id={ORDER_SUCCESS_TITLE_ID} tabIndex={-1} className={styles.title}>
            {t(created ? texts.successTitle(order.id) : texts.alreadyReceivedTitle(order.id))}
          </MessageBarTitle>
          {!created && <Text as="p">{t(texts.alreadyReceived)}</Text>}
          <Text as="p">{t(texts.success(distributorName))}</Text>
          <span className={styles.status}>
            <Text>{t(texts.statusLabel)}:</Text>
            <OrderStatusBadge status={order.status} />
          </span>
        </MessageBarBody>
      </MessageBar>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<ArrowRightRegular />} iconPosition="after" onClick={onShowOrders}>
          {t(texts.toOrders)}
        </Button>
        <Button icon={<AddRegular />} onClick={onNewOrder}>
          {t(texts.anotherOrder)}
        </Button>
      </div>
    </div>
  );
}
