import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInTimeZone } from '../../src/domain/calendar.js';
import { startTestStack } from '../support/local-stack.js';
import type { TestStack } from '../support/local-stack.js';
import { orderInput } from '../support/order-fixtures.js';
import { launchChromium, PlaygroundUi } from '../support/playground.js';

const DEMO_TENANT = '00000000-0000-0000-0000-0000000000001';

/**
 * The GDAP loop on the whole local stack (`npm start`'s orchestration, demo
 * mode): staff request GDAP for the customer's order, the approval card
 * reaches the customer admin's personal chat in the Agents Playground, the
 * tab's answer (`GET /api/tenant`, which the confirmation step renders)
 * carries the link, the demo approval makes it active and the relationship
 * `confirmed`. The board's button and the tab's rendering of this answer are
 * tested in jsdom (tests/board/gdap, tests/tab/components/confirmation-step).
 */
describe('GDAP per customer, end to end (demo mode)', () => {
  let stack: TestStack | undefined;
  let browser: Browser | undefined;
  let ui: PlaygroundUi | undefined;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestStack(), launchChromium()]);
  }, 180_000);

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && stack) console.error(stack.recentOutput());
    await ui?.finish(task);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  it('request → the chat card → the link in the tab → demo approval → confirmed', async () => {
    if (!stack || !browser) throw new Error('the stack did not start');
    const server = stack.urls.server;
    // Opening the Playground installs the app in the personal chat, so the bot knows the admin's chat.
    ui = await PlaygroundUi.open(browser, stack.urls.playground);
    await ui.waitForCard('Авторизация торгового посредника');

    const activationDate = addDays(todayInTimeZone(new Date(), 'Europe/Moscow'), 1);
    const order = await fetch(`${server}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(orderInput({ activationDate })),
    });
    expect(order.status).toBe(201);
    const { id: orderId } = (await order.json()) as { id: string };

    const requested = await fetch(`${server}/api/distributor/customers/${DEMO_TENANT}/gdap`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orderId }),
    });
    expect(requested.status).toBe(201);
    const gdap = (await requested.json()) as { invitationUrl: string; status: string };
    expect(gdap.status).toBe('approvalPending');

    // The Playground's own client says en-US, so the admin's card is in English.
    const card = await ui.waitForCard('Approve admin access (GDAP)');
    expect(await ui.readCard(card)).toContain('License Administrator');
    await ui.saveCardScreenshot(card, 'chat-gdap-request-en');

    const tenant = (await (await fetch(`${server}/api/tenant`)).json()) as { gdap: { status: string; invitationUrl: string } };
    expect(tenant.gdap).toMatchObject({ status: 'approvalPending', invitationUrl: gdap.invitationUrl });

    const approved = await fetch(`${server}/api/distributor/customers/${DEMO_TENANT}/gdap/demo-approve`, { method: 'POST' });
    expect(approved.status).toBe(200);
    const after = (await (await fetch(`${server}/api/tenant`)).json()) as { gdap: { status: string }; relationship: { level: string } };
    expect(after.gdap.status).toBe('active');
    expect(after.relationship.level).toBe('confirmed');
  }, 180_000);
});
