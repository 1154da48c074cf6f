import { buildGdapActiveNotice, buildGdapRequestCard } from '../../src/domain/cards/gdap-request-card.js';
import { invitationUrlOf } from '../../src/domain/gdap/gdap-relationship.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import type { CardMessenger } from '../delivery/card-messenger.js';
import type { Logger } from '../logger.js';
import type { ConversationStore } from '../storage/conversation-store.js';
import type { GdapEffects } from './gdap-service.js';

/** Admins of one customer the approval card goes to, most recently seen first. */
const CARD_RECIPIENTS = 5;

export interface GdapEffectsOptions {
  readonly store: ConversationStore;
  readonly messenger: CardMessenger;
  readonly distributorName: string;
  readonly distributorTenantId: string;
  /** The language of the distributor's channel (`DELIVERY_LOCALE`). */
  readonly distributorLocale: Locale;
  readonly logger: Logger;
}

/**
 * The GDAP loop's messages in Teams: the approval card into the chats of the
 * customer's admins who talked to the bot (the conversations the bot keeps,
 * bot/distributor/customer-conversations.ts), and the short "approved"
 * notice in the distributor's inbox channel.
 */
export function createGdapEffects(options: GdapEffectsOptions): GdapEffects {
  return {
    async sendCustomerCard(record) {
      const invitationUrl = invitationUrlOf(record);
      if (invitationUrl === null) return 0;
      const recipients = await options.store.listPersonal(record.tenantId, CARD_RECIPIENTS);
      let sent = 0;
      for (const recipient of recipients) {
        const card = buildGdapRequestCard({
          locale: recipient.locale,
          distributorName: options.distributorName,
          invitationUrl,
          roles: record.roles,
          duration: record.duration,
          autoExtendDuration: record.autoExtendDuration,
        });
        try {
          await options.messenger.sendCard(recipient.conversation, card);
          sent += 1;
        } catch (error) {
          options.logger.warn({ err: error, tenantId: record.tenantId }, 'GDAP card not delivered to one admin');
        }
      }
      if (recipients.length === 0) options.logger.info({ tenantId: record.tenantId }, 'no chat of the customer is known yet; the GDAP link is in the tab');
      return sent;
    },
    async announceActive(record) {
      const inbox = await options.store.getInbox(options.distributorTenantId);
      if (inbox === undefined) {
        options.logger.warn({ tenantId: record.tenantId }, 'no inbox channel: the GDAP approval is shown on the board only');
        return;
      }
      await options.messenger.postToChannel(
        inbox.conversation,
        buildGdapActiveNotice({ locale: options.distributorLocale, organization: record.displayName, tenantId: record.tenantId }),
      );
    },
  };
}
