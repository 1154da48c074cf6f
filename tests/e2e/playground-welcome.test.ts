import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack } from '../support/local-stack.js';
import type { TestStack } from '../support/local-stack.js';
import { launchChromium, PLAYGROUND_CONVERSATIONS, PlaygroundUi, sendMockActivity } from '../support/playground.js';

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

  it('answers "привет" with the welcome card', async () => {
    const playground = await open();
    const before = await playground.cardCount(AUTHORIZE_BUTTON);

    await playground.sendMessage('привет');
    const card = await playground.waitForCard(AUTHORIZE_BUTTON, { moreThan: before });

    expect(await playground.readCard(card)).toContain(AUTHORIZE_BUTTON);
  }, 90_000);

  it('welcomes a Russian-locale admin in Russian', async () => {
    if (!stack) throw new Error('the stack did not start');
    const playground = await open();

    // The Playground's own UI always says en-US; Teams clients send the user's locale.
    await sendMockActivity(stack.urls.playground, PLAYGROUND_CONVERSATIONS.personalChat, {
      type: 'message',
      text: 'привет',
      locale: 'ru-RU',
    });
    const card = await playground.waitForCard('Шаг 1. Примите приглашение CSP');

    expect(await playground.readCard(card)).toContain('нажмите кнопку «Авторизация торгового посредника»');
  }, 90_000);
});
