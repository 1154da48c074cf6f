import { BOARD_ENTITY_ID } from '../board/board-pages.js';

/**
 * The Teams deep link that opens the distributor's board at one order, for
 * the "Open in board" button of the order card and the link in the e-mail.
 *
 * Format (learn.microsoft.com, "Deep link to an application", section
 * "Configure deep link to a tab manually"):
 * `https://teams.microsoft.com/l/entity/<appId>/<entityId>?label=<label>&context=<context>`,
 * where `appId` is the manifest id for a custom app, `entityId` the tab's
 * entity id, and `context` URI-encoded JSON with `subEntityId` (the tab reads
 * it as `page.subPageId`) and, for a configurable tab in a team,
 * `channelId` (`19:…@thread.tacv2`). Without a channel the link opens the
 * board as the personal tab. Windows cannot open deep links over 1900
 * characters, so the context holds ids only.
 */

const ORDER_PREFIX = 'order/';

export interface BoardDeepLinkInput {
  /** The Teams app id (manifest `id`). */
  readonly appId: string;
  /** The inbox channel the board tab is added to; without it the personal tab opens. */
  readonly channelId?: string | undefined;
  readonly tenantId: string;
  readonly orderId: string;
  /** Shown by Teams while it opens the link, e.g. the order number. */
  readonly label: string;
}

export function boardDeepLink(input: BoardDeepLinkInput): string {
  const context = {
    subEntityId: boardSubEntityId(input.tenantId, input.orderId),
    ...(input.channelId !== undefined && { channelId: input.channelId }),
  };
  const query = new URLSearchParams({ label: input.label, context: JSON.stringify(context) });
  // URLSearchParams writes spaces as '+'; the documented encoding is encodeURIComponent's '%20'.
  const encoded = query.toString().replace(/\+/g, '%20');
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(input.appId)}/${BOARD_ENTITY_ID}?${encoded}`;
}

/** `order/{tenantId}/{orderId}`: the board opens this order. */
export function boardSubEntityId(tenantId: string, orderId: string): string {
  return `${ORDER_PREFIX}${tenantId}/${orderId}`;
}

/** The order a board's sub-entity id (`page.subPageId`) points at, if it is one of ours. */
export function parseBoardSubEntityId(subEntityId: string | undefined): { readonly tenantId: string; readonly orderId: string } | undefined {
  if (subEntityId === undefined || !subEntityId.startsWith(ORDER_PREFIX)) return undefined;
  const [tenantId, orderId, ...rest] = subEntityId.slice(ORDER_PREFIX.length).split('/');
  if (!tenantId || !orderId || rest.length > 0) return undefined;
  return { tenantId, orderId };
}
