import { describe, expect, it } from 'vitest';
import { createBoardLinks } from '../../../bot/distributor/board-links.js';
import type { InboxChannel } from '../../../bot/storage/conversation-store.js';
import { storedOrder } from '../../support/order-fixtures.js';
import { channelReference, DISTRIBUTOR_TENANT_ID } from './distributor-fixtures.js';

const APP_ID = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const order = storedOrder();

function storeWith(inbox: InboxChannel | undefined, asked: string[] = []) {
  return {
    getInbox: (tenantId: string) => {
      asked.push(tenantId);
      return Promise.resolve(inbox);
    },
  };
}

function contextOf(link: string | undefined): unknown {
  return JSON.parse(new URL(link ?? '').searchParams.get('context') ?? '');
}

describe('createBoardLinks', () => {
  it("links to the board tab of the inbox channel, the thread's channel id without its message id", async () => {
    const asked: string[] = [];
    const inbox = { tenantId: DISTRIBUTOR_TENANT_ID, conversation: channelReference('19:inbox@thread.tacv2'), claimedAt: new Date() };
    const links = createBoardLinks({ teamsAppId: APP_ID, distributorTenantId: DISTRIBUTOR_TENANT_ID, store: storeWith(inbox, asked) });
    const link = await links(order);
    expect(link).toMatch(new RegExp(`^https://teams\\.microsoft\\.com/l/entity/${APP_ID}/board\\?`));
    expect(contextOf(link)).toEqual({ subEntityId: `order/${order.tenantId}/${order.id}`, channelId: '19:inbox@thread.tacv2' });
    expect(asked).toEqual([DISTRIBUTOR_TENANT_ID]);
  });

  it('links to the personal board tab before an inbox is claimed', async () => {
    const links = createBoardLinks({ teamsAppId: APP_ID, distributorTenantId: DISTRIBUTOR_TENANT_ID, store: storeWith(undefined) });
    expect(contextOf(await links(order))).toEqual({ subEntityId: `order/${order.tenantId}/${order.id}` });
  });

  it('gives no link, and reads nothing, without a Teams app id', async () => {
    const asked: string[] = [];
    const links = createBoardLinks({ teamsAppId: undefined, distributorTenantId: DISTRIBUTOR_TENANT_ID, store: storeWith(undefined, asked) });
    expect(await links(order)).toBeUndefined();
    expect(asked).toEqual([]);
  });
});
