import { buildCustomerStatusCard } from '../../src/domain/cards/customer-status-card.js';
import type { Catalog } from '../../src/domain/catalog/catalog.js';
import type { StoredOrder } from '../../src/domain/order/order.js';
import type { ConversationStore } from '../storage/conversation-store.js';
import type { CardMessenger } from '../delivery/card-messenger.js';
import type { Logger } from '../logger.js';

export interface CustomerNotifierOptions {
  readonly store: ConversationStore;
  readonly messenger: CardMessenger;
  readonly catalog: Catalog;
  readonly distributorName: string;
  readonly logger: Logger;
  /** At most this many of the tenant's most recent 1:1 chats get the card (default 10). */
  readonly maxRecipients?: number;
}

export interface NotifyOutcome {
  readonly sent: number;
  readonly failed: number;
}

/**
 * Tells the customer's admins about a status change: the status card, in
 * each admin's own language, into every recently used 1:1 chat of the
 * order's tenant. Best effort: failures are logged, never thrown, because
 * the status change itself already happened.
 */
export class CustomerNotifier {
  private readonly maxRecipients: number;

  constructor(private readonly options: CustomerNotifierOptions) {
    this.maxRecipients = options.maxRecipients ?? 10;
  }

  async notify(order: StoredOrder): Promise<NotifyOutcome> {
    const context = { tenantId: order.tenantId, orderId: order.id, status: order.status };
    let recipients;
    try {
      recipients = await this.options.store.listPersonal(order.tenantId, this.maxRecipients);
    } catch (error) {
      this.options.logger.error({ ...context, err: error }, 'could not read whom to tell about a status change');
      return { sent: 0, failed: 1 };
    }
    if (recipients.length === 0) {
      this.options.logger.warn(context, 'no 1:1 chat of the customer is known; the status change is shown in the tab only');
      return { sent: 0, failed: 0 };
    }

    const results = await Promise.allSettled(
      recipients.map((recipient) =>
        this.options.messenger.sendCard(
          recipient.conversation,
          buildCustomerStatusCard({
            locale: recipient.locale,
            order,
            catalog: this.options.catalog,
            distributorName: this.options.distributorName,
          }),
        ),
      ),
    );
    let failed = 0;
    results.forEach((result, index) => {
      if (result.status === 'fulfilled') return;
      failed += 1;
      this.options.logger.warn(
        { ...context, teamsUserId: recipients[index]?.teamsUserId, err: result.reason },
        'could not send the status card to a customer chat',
      );
    });
    return { sent: results.length - failed, failed };
  }
}
