import { boardDeepLink } from '../../src/domain/distributor/board-deep-link.js';
import type { BoardLinks } from '../delivery/distributor-reading.js';
import type { ConversationStore } from '../storage/conversation-store.js';
import { channelConversationId } from './channel-reference.js';

export interface BoardLinkOptions {
  /** `TEAMS_APP_ID`; without it no link can be made. */
  readonly teamsAppId?: string | undefined;
  readonly distributorTenantId: string;
  readonly store: Pick<ConversationStore, 'getInbox'>;
}

/**
 * Links to the board tab in the inbox channel (staff add it there, in the
 * inbox team); before an inbox is claimed, to the board as a personal tab.
 * A storage failure propagates, so the delivery is retried rather than sent
 * without its link.
 */
export function createBoardLinks(options: BoardLinkOptions): BoardLinks {
  const appId = options.teamsAppId;
  if (appId === undefined) return () => Promise.resolve(undefined);
  return async (order) => {
    const inbox = await options.store.getInbox(options.distributorTenantId);
    const channelId = inbox === undefined ? undefined : channelConversationId(inbox.conversation);
    return boardDeepLink({ appId, channelId, tenantId: order.tenantId, orderId: order.id, label: order.id });
  };
}
