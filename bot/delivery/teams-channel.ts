import { buildDistributorOrderCard } from '../../src/domain/cards/distributor-order-card.js';
import type { Catalog } from '../../src/domain/catalog/catalog.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import type { StoredOrder } from '../../src/domain/order/order.js';
import type { DeliveryChannel } from './delivery-channel.js';
import type { ConversationStore } from '../storage/conversation-store.js';
import { ConversationGoneError } from './card-messenger.js';
import type { CardMessenger } from './card-messenger.js';
import type { Logger } from '../logger.js';
import { readCustomerAgreementFact } from '../customer-agreement/customer-agreement-lookup.js';
import type { CustomerAgreementLookup } from '../customer-agreement/customer-agreement-lookup.js';

export interface TeamsChannelOptions {
  readonly store: ConversationStore;
  readonly messenger: CardMessenger;
  readonly distributorTenantId: string;
  /** Language of the distributor's staff. */
  readonly locale: Locale;
  readonly catalog: Catalog;
  readonly logger: Logger;
  /** The tenants' MCA, shown as a fact on the order card; absent: no such line. */
  readonly customerAgreements?: CustomerAgreementLookup;
  readonly clock?: () => Date;
}

export const NO_INBOX_MESSAGE =
  'no inbox channel yet: install the app in a team of the distributor tenant or type `inbox` in a channel';

/**
 * Delivers an order as a card with Universal Actions into the distributor's
 * inbox channel (a channel of a team in the distributor's tenant). Every failure is retryable: the outbox
 * keeps the order waiting until an inbox is claimed or Teams answers again.
 *
 * Idempotent per revision once the card row is stored: a repeated delivery
 * (a crash between posting and "delivered") updates that message instead of
 * posting a second one. A crash between posting and storing the row can
 * still post twice; that window is one storage write wide.
 */
export function createTeamsChannel(options: TeamsChannelOptions): DeliveryChannel {
  const clock = options.clock ?? (() => new Date());
  return {
    name: 'teams',
    async deliver(order: StoredOrder, signal: AbortSignal): Promise<void> {
      const customerAgreement = await readCustomerAgreementFact(options.customerAgreements, order.tenantId);
      const card = buildDistributorOrderCard({ locale: options.locale, order, catalog: options.catalog, actions: 'universal', customerAgreement });

      const posted = await options.store.getPostedCard(order.tenantId, order.id);
      signal.throwIfAborted();
      if (posted && posted.revision === order.revision) {
        try {
          await options.messenger.updateCard(posted, card, signal);
          return;
        } catch (error) {
          if (!(error instanceof ConversationGoneError)) throw error;
          options.logger.warn(
            { tenantId: order.tenantId, orderId: order.id, revision: order.revision, err: error },
            'the posted order card is gone; posting it again',
          );
        }
      }

      const inbox = await options.store.getInbox(options.distributorTenantId);
      if (!inbox) throw new Error(NO_INBOX_MESSAGE);
      signal.throwIfAborted();
      let message;
      try {
        message = await options.messenger.postToChannel(inbox.conversation, card, signal);
      } catch (error) {
        if (!(error instanceof ConversationGoneError)) throw error;
        // Retryable on purpose: claiming a new inbox fixes it without touching the order.
        throw new Error(
          `the inbox channel does not accept the bot's messages (was the app removed from the team?): ` +
            `add the app to a team of the distributor tenant again or type \`inbox\` in a channel. Cause: ${error.message}`,
          { cause: error },
        );
      }
      // Stored even when the attempt was aborted meanwhile: the message exists, and the row makes a retry update it.
      await options.store.savePostedCard({
        tenantId: order.tenantId,
        orderId: order.id,
        revision: order.revision,
        conversation: message.conversation,
        activityId: message.activityId,
        postedAt: clock(),
      });
    },
  };
}
