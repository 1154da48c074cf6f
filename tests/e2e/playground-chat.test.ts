import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack } from '../support/local-stack.js';
import type { TestStack } from '../support/local-stack.js';
import { PLAYGROUND_TENANT_ID } from '../../bot/config.js';
import { launchChromium, PLAYGROUND_CONVERSATIONS, PlaygroundUi, sendMockActivity } from '../support/playground.js';
import { orderInput } from '../support/order-fixtures.js';

// The button the customer presses on Microsoft's invitation page; the welcome card quotes it in every locale.
const AUTHORIZE_BUTTON = 'Авторизация торгового посредника';

describe('the Agents Playground, personal chat', () => {
  let stack: TestStack | undefined;
  let browser: Browser | undefined;
  let ui: PlaygroundUi | undefined;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestStack(), launchChromium()]);
  }, 180_000);

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && stack) console.error(stack.recentOutput());
    await ui?.finish(task);
    ui = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  function open(): Promise<PlaygroundUi> {
    if (!stack || !browser) throw new Error('the stack did not start');
    return PlaygroundUi.open(browser, stack.urls.playground).then((opened) => (ui = opened));
  }

  it('shows the welcome card when the app is installed in the personal chat', async () => {
    const playground = await open();

    // Opening the page installs the app (installationUpdate + conversationUpdate with the bot added).
    const card = await playground.waitForCard(AUTHORIZE_BUTTON);

    expect(await playground.readCard(card)).toContain(AUTHORIZE_BUTTON);
  }, 90_000);

  it('answers an unknown message with the help card', async () => {
    const playground = await open();

    await playground.sendMessage('what is the weather in Moscow');
    const card = await playground.waitForCard('What this bot does');

    expect(await playground.readCard(card)).toContain('status');
  }, 90_000);

  it('welcomes a Russian-locale admin in Russian', async () => {
    if (!stack) throw new Error('the stack did not start');
    const playground = await open();

    // The Playground's own UI always says en-US; Teams clients send the user's locale.
    await sendMockActivity(stack.urls.playground, PLAYGROUND_CONVERSATIONS.personalChat, {
      type: 'message',
      text: 'помощь',
      locale: 'ru-RU',
    });
    const card = await playground.waitForCard('Что умеет этот бот');

    expect(await playground.readCard(card)).toContain('заявка');
  }, 90_000);

  it('understands free text in Russian: an order for a head count, the technical domain, a greeting', async () => {
    if (!stack) throw new Error('the stack did not start');
    const playground = await open();
    const say = (text: string) =>
      sendMockActivity(stack?.urls.playground ?? '', PLAYGROUND_CONVERSATIONS.personalChat, { type: 'message', text, locale: 'ru-RU' });

    await say('Добрый день!');
    await playground.saveCardScreenshot(await playground.waitForCard('С чего начнём?'), 'chat-greeting-ru');

    await say('какой у нас технический домен?');
    const domain = await playground.waitForCard('Зачем он нужен');
    expect(await playground.readCard(domain)).toContain('пробной версии');
    await playground.saveCardScreenshot(domain, 'chat-technical-domain-ru');

    await say('нужны лицензии на 20 человек');
    const form = await playground.waitForCard('Заявка на подписки Microsoft 365');
    expect(await playground.readCard(form)).toContain('Показать все подписки');
    await playground.saveCardScreenshot(form, 'chat-order-form-ru');
  }, 120_000);

  it('takes an order in the personal chat, shows a wrong INN, delivers the fixed order to General, and reports the accept back', async () => {
    const playground = await open();

    // Opening General installs the app in the team: the demo distributor's inbox.
    await playground.openChannel();
    // The distributor's side speaks DELIVERY_LOCALE (ru by default); the Playground's user is en-US.
    await playground.waitForBotText('заявки клиентов теперь приходят');
    // "@bot inbox" in a channel: the bot's @mention is taken out, the command stays.
    await playground.sendMessage('inbox');
    await playground.waitForBotText('Этот канал уже получает заявки клиентов.');
    await playground.openPersonalChat();

    await playground.sendMessage('order');
    const form = await playground.waitForCard('Microsoft 365 subscription order');
    await playground.saveCardScreenshot(form, 'chat-order-form-en');
    await playground.chooseCardOption(form, 'Have you accepted the CSP invitation?', 'Yes, it is accepted');
    await playground.fillCardInput(form, 'Technical domain', 'romashka.onmicrosoft.com');
    await playground.fillCardInput(form, 'Microsoft 365 Business Standard', '25');
    await playground.fillCardInput(form, 'License activation date', tomorrow());
    await playground.fillCardInput(form, 'Organization name', 'ООО «Ромашка»');
    await playground.fillCardInput(form, 'INN', '0012345674');
    await playground.fillCardInput(form, 'Postal code', '101000');
    await playground.fillCardInput(form, 'City', 'Москва');
    await playground.fillCardInput(form, 'Street', 'ул. Мясницкая, д. 1');
    await playground.fillCardInput(form, 'Full name', 'Иванов Иван Иванович');
    await playground.fillCardInput(form, 'Phone', '+7 495 123-45-67');
    // A Cyrillic domain: the browser's e-mail input hands it over in punycode; staff must read it as typed.
    await playground.fillCardInput(form, 'E-mail', 'it@ромашка.рф');
    await playground.chooseCardOption(form, 'New subscription or conversion from a trial', 'New subscription');
    await playground.clickCardButton(form, 'Send order');

    // The same card comes back in place with the INN error and every value kept.
    const rejected = await playground.waitForCard('check digits');
    expect(await playground.readCard(rejected)).toContain('Correct the marked fields');
    await playground.saveScreenshot('chat-order-inn-error');
    await playground.fillCardInput(rejected, 'INN', '0012345673');
    await playground.clickCardButton(rejected, 'Send order');

    const receipt = await playground.waitForCard('CSP-');
    const orderNumber = /CSP-[0-9A-Z]{8}/.exec(await playground.readCard(receipt))?.[0];
    expect(orderNumber).toBeDefined();

    await playground.openChannel();
    const inboxCard = await playground.waitForCard(orderNumber ?? 'CSP-', { timeoutMs: 45_000 });
    const inboxText = await playground.readCard(inboxCard);
    expect(inboxText).toContain('ООО «Ромашка», ИНН 0012345673 — 25 × Microsoft 365 Business Standard');
    expect(inboxText).toContain('it@ромашка.рф');
    expect(inboxText).toContain('(Europe/Moscow)');
    await playground.clickCardButton(inboxCard, 'Принять в работу');
    await playground.waitForCard('Принята в работу');
    await playground.saveScreenshot('channel-order-accepted');

    await playground.openPersonalChat();
    const status = await playground.waitForCard('Accepted', { timeoutMs: 30_000 });
    expect(await playground.readCard(status)).toContain(orderNumber ?? 'CSP-');
    await playground.saveScreenshot('chat-order-accepted');
  }, 150_000);

  // GDAP per customer on the whole stack: staff request it for the customer's order (the board's
  // «Запросить GDAP» calls this route; the button is tested in tests/board/gdap), the approval card
  // reaches the admin's personal chat, the tab's answer carries the link (its rendering is tested in
  // tests/tab/components/confirmation-step), the demo approval makes the relationship confirmed.
  it('GDAP: request → the chat card → the link in the tab → demo approval → confirmed', async () => {
    if (!stack) throw new Error('the stack did not start');
    const server = stack.urls.server;
    const playground = await open();
    await playground.waitForCard(AUTHORIZE_BUTTON);
    // The admin speaks Russian: the card follows the locale of the admin's latest activity.
    await sendMockActivity(stack.urls.playground, PLAYGROUND_CONVERSATIONS.personalChat, { type: 'message', text: 'привет', locale: 'ru-RU' });
    await playground.waitForCard('С чего начнём?');

    const order = await fetch(`${server}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(orderInput({ activationDate: tomorrow() })) });
    expect(order.status).toBe(201);
    const { id: orderId } = (await order.json()) as { id: string };
    const gdapUrl = `${server}/api/distributor/customers/${PLAYGROUND_TENANT_ID}/gdap`;
    const requested = await fetch(gdapUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ orderId }) });
    expect(requested.status).toBe(201);
    const gdap = (await requested.json()) as { invitationUrl: string; status: string };
    expect(gdap.status).toBe('approvalPending');

    const card = await playground.waitForCard('Одобрите доступ администратора (GDAP)');
    expect(await playground.readCard(card)).toContain('Администратор лицензий');
    await playground.saveCardScreenshot(card, 'chat-gdap-request-ru');

    const tenant = (await (await fetch(`${server}/api/tenant`)).json()) as { gdap: { status: string; invitationUrl: string } };
    expect(tenant.gdap).toMatchObject({ status: 'approvalPending', invitationUrl: gdap.invitationUrl });

    expect((await fetch(`${gdapUrl}/demo-approve`, { method: 'POST' })).status).toBe(200);
    const approved = (await (await fetch(`${server}/api/tenant`)).json()) as { gdap: { status: string }; relationship: { level: string } };
    expect(approved.gdap.status).toBe('active');
    expect(approved.relationship.level).toBe('confirmed');
  }, 120_000);
});

function tomorrow(): string {
  return new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
}
