import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

/**
 * Drives the Microsoft 365 Agents Playground's web UI (version 0.2.x) with
 * Debian's Chromium. Selectors follow what that UI renders: the sidebar is a
 * tree of `treeitem`s ("Personal Chat", "My Team - General"), the composers
 * are Lexical `[role=textbox]` editors, bot messages are `.fai-OutputCard`s,
 * cards are rendered by the `adaptivecards` library (`.ac-adaptiveCard`),
 * and a channel lists its posts newest first, each a `[role=group]` card
 * with its thread below the first message.
 *
 * The UI shows only what arrives while the page is open: open it before
 * the bot sends anything a test wants to see.
 */

export const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const RESULTS_DIR = fileURLToPath(new URL('../../test-results', import.meta.url));

/** Generous: a 2-core CI machine runs the server, the Playground and Chromium at once. */
export const UI_TIMEOUT_MS = 20_000;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export type PlaygroundView = 'chat' | 'channel';

export interface WaitForCardOptions {
  /** Wait until more than this many cards contain the text (see `cardCount`): tells a new card from an old one. */
  readonly moreThan?: number;
  readonly timeoutMs?: number;
}

export class PlaygroundUi {
  private view: PlaygroundView = 'chat';

  private constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
    /** The bot's display name from the Playground's config: the @mention to pick. */
    private readonly botName: string,
  ) {}

  /**
   * Opens the Playground in a new browser context, on the personal chat.
   * Resolves once the bot has answered the install events the page sends
   * on load (`installationUpdate` and `conversationUpdate` for the personal
   * chat), so whatever it replied to them is already shown.
   */
  static async open(browser: Browser, playgroundUrl: string): Promise<PlaygroundUi> {
    // Wide enough that the Log Panel, which `open` watches, is shown.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    try {
      const configLoaded = page.waitForResponse((response) => response.url().endsWith('/_internal/v1/config'), {
        timeout: 45_000,
      });
      await page.goto(playgroundUrl);
      const config = (await (await configLoaded).json()) as { config?: { bot?: { name?: string } } };
      const ui = new PlaygroundUi(page, context, config.config?.bot?.name ?? '');
      // The page first waits (up to 15 s) for the bot endpoint to answer at all.
      await page.getByText(/^conversationUpdate \d{3}$/).first().waitFor({ timeout: 45_000 });
      await ui.chatComposer().waitFor();
      return ui;
    } catch (error) {
      await saveScreenshot(page, 'playground-open-failed');
      await context.close();
      throw error;
    }
  }

  get currentView(): PlaygroundView {
    return this.view;
  }

  async openPersonalChat(): Promise<void> {
    await this.page.getByRole('treeitem', { name: 'Personal Chat', exact: true }).click();
    await this.chatComposer().waitFor();
    this.view = 'chat';
  }

  /**
   * Switches to a channel. The first visit installs the bot in the team:
   * the page sends `installationUpdate` and `conversationUpdate` for it.
   */
  async openChannel(channel = 'General', team = 'My Team'): Promise<void> {
    await this.page.getByRole('treeitem', { name: `${team} - ${channel}`, exact: true }).click();
    await this.newPostComposer().waitFor();
    this.view = 'channel';
  }

  /**
   * Sends a message as the current user. In the personal chat every message
   * reaches the bot; in a channel this starts a new post, and the bot gets it
   * only when it is @mentioned (`mentionBot`, default true there).
   */
  async sendMessage(text: string, options: { readonly mentionBot?: boolean } = {}): Promise<void> {
    if (this.view === 'chat') {
      await this.typeAndSend(this.chatComposer(), text, false, () => this.page.keyboard.press('Enter'));
      return;
    }
    const composer = this.newPostComposer();
    await this.typeAndSend(editorIn(composer), text, options.mentionBot ?? true, () =>
      composer.getByRole('button', { name: 'Post', exact: true }).click(),
    );
  }

  /** Replies in the thread of the newest channel post containing `postText`. */
  async replyInThread(postText: string, text: string, options: { readonly mentionBot?: boolean } = {}): Promise<void> {
    const post = this.posts().filter({ hasText: postText }).first();
    await this.typeAndSend(editorIn(post), text, options.mentionBot ?? true, () =>
      post.getByRole('button', { name: 'Send Message', exact: true }).click(),
    );
  }

  /** How many cards in the current view contain `text` now. */
  cardCount(text: string): Promise<number> {
    return this.cards().filter({ hasText: text }).count();
  }

  /**
   * Waits for a card containing `text` and returns it: the newest such card
   * (in a channel: in the newest post that has one).
   */
  async waitForCard(text: string, options: WaitForCardOptions = {}): Promise<Locator> {
    const matching = this.cards().filter({ hasText: text });
    const index = options.moreThan ?? 0;
    // The (moreThan+1)-th match exists once enough have arrived, wherever they are.
    await matching.nth(index).waitFor({ timeout: options.timeoutMs ?? UI_TIMEOUT_MS });
    return this.view === 'chat' ? matching.last() : matching.first();
  }

  /** Waits for a plain-text bot message containing `text`. */
  async waitForBotText(text: string, timeoutMs = UI_TIMEOUT_MS): Promise<Locator> {
    const message = this.page.locator('.fai-OutputCard, [role=group].fui-Card').filter({ hasText: text });
    await message.first().waitFor({ timeout: timeoutMs });
    return this.view === 'chat' ? message.last() : message.first();
  }

  /**
   * The newest card in the current view: in the personal chat the last one;
   * in a channel the (last) card of the newest post that has one.
   */
  lastCard(): Locator {
    if (this.view === 'chat') return this.cards().last();
    return this.posts().filter({ has: this.page.locator('.ac-adaptiveCard') }).first().locator('.ac-adaptiveCard').last();
  }

  /** The card's visible text (line breaks between blocks), e.g. for `toContain`. */
  async readCard(card: Locator = this.lastCard()): Promise<string> {
    return card.innerText();
  }

  /**
   * Types into a card's text, number, date or time input, found by its label
   * (dates as `YYYY-MM-DD`). Replaces what was there.
   */
  async fillCardInput(card: Locator, label: string, value: string, options: { readonly exact?: boolean } = {}): Promise<void> {
    const input = card.getByLabel(label, { exact: options.exact ?? false }).and(card.locator('input, textarea'));
    await input.first().fill(value);
  }

  /** Picks an option of a card's choice set by their visible titles (compact drop-down or expanded radios). */
  async chooseCardOption(card: Locator, label: string, optionTitle: string): Promise<void> {
    const dropDown = card.getByRole('combobox', { name: label });
    if ((await dropDown.count()) > 0) {
      await dropDown.first().click();
      await this.page.getByRole('option', { name: optionTitle, exact: true }).click();
      return;
    }
    await card.getByRole('radiogroup', { name: label }).getByRole('radio', { name: optionTitle, exact: true }).check();
  }

  /** Sets a card's `Input.Toggle`, found by its title. */
  async setCardToggle(card: Locator, title: string, on: boolean): Promise<void> {
    await card.getByRole('checkbox', { name: title }).setChecked(on);
  }

  /**
   * Clicks a card's action button by its title. `Action.Submit` posts a
   * message with `value` (then the Playground clears the card's inputs);
   * `Action.Execute` invokes `adaptiveCard/action` and shows the returned card.
   */
  async clickCardButton(card: Locator, title: string): Promise<void> {
    await card.getByRole('button', { name: title, exact: true }).click();
  }

  /** Saves a full-page screenshot and the page's HTML under test-results/; returns the PNG's path. */
  saveScreenshot(name: string): Promise<string> {
    return saveScreenshot(this.page, name);
  }

  /** Saves one card, whole even when it is taller than the chat, under test-results/; returns the PNG's path. */
  async saveCardScreenshot(card: Locator, name: string): Promise<string> {
    await mkdir(RESULTS_DIR, { recursive: true });
    const path = `${join(RESULTS_DIR, safeFileName(name))}.png`;
    // The chat scrolls inside the page: a window as tall as the card shows it whole.
    const viewport = this.page.viewportSize();
    const height = (await card.boundingBox().catch(() => null))?.height ?? 0;
    if (viewport) await this.page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.ceil(height) + 400) });
    await card.screenshot({ path }).catch(() => undefined);
    if (viewport) await this.page.setViewportSize(viewport);
    return path;
  }

  /**
   * For `afterEach(({ task }) => ui.finish(task))`: saves a screenshot named
   * after the test when it failed, then closes the page. (`onTestFailed`
   * would run only after `afterEach` has closed the page.)
   */
  async finish(task: { readonly name: string; readonly result?: { readonly state?: string } }): Promise<void> {
    if (task.result?.state === 'fail') {
      console.error(`Playground screenshot: ${await this.saveScreenshot(`${task.name}-failed`)}`);
    }
    await this.close();
  }

  close(): Promise<void> {
    return this.context.close();
  }

  private cards(): Locator {
    return this.page.locator('.ac-adaptiveCard');
  }

  /** Channel posts, newest first (the composer for new posts is not one). */
  private posts(): Locator {
    return this.page
      .locator('[role=group].fui-Card')
      .filter({ hasNot: this.page.getByRole('button', { name: 'Post', exact: true }) });
  }

  private chatComposer(): Locator {
    return editorIn(this.page.locator('body'));
  }

  private newPostComposer(): Locator {
    return this.page
      .locator('[role=group].fui-Card')
      .filter({ has: this.page.getByRole('button', { name: 'Post', exact: true }) })
      .first();
  }

  /** Types into `editor`, optionally starting with an @mention of the bot, and sends. */
  private async typeAndSend(editor: Locator, text: string, mentionBot: boolean, send: () => Promise<void>): Promise<void> {
    await editor.click();
    if (mentionBot) {
      // The typeahead filters on what follows the @.
      await this.page.keyboard.type(`@${this.botName.split(' ')[0] ?? ''}`);
      // Its accessible name repeats the avatar's label, so no exact match.
      await this.page.locator('#typeahead-menu').getByRole('menuitem', { name: this.botName }).first().click();
      await this.page.keyboard.type(' ');
    }
    await this.page.keyboard.type(text);
    const accepted = this.page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' && /\/_conversation\/v1\/conversations\/[^/]+\/messages$/.test(response.url()),
    );
    await send();
    const response = await accepted;
    if (!response.ok()) throw new Error(`the Playground refused the message: HTTP ${response.status()}`);
  }
}

/** Conversation ids from `.m365agentsplayground.yml` (General's id is the team's). */
export const PLAYGROUND_CONVERSATIONS = {
  personalChat: 'personal-chat-id',
  general: 'team-id',
  announcements: 'channel-announcements-id',
} as const;

/**
 * Sends the bot an activity the way the Playground's "Mock an Activity" does:
 * its template for `conversationId` (ids, `from`, `recipient`, `serviceUrl`)
 * with `fields` laid over it. The UI's own activities always say `en-US`;
 * this is how a test speaks as a Russian-locale client, e.g.
 * `{ type: 'message', text: 'привет', locale: 'ru-RU' }`. The bot's replies
 * show in the UI as usual. Resolves when the Playground has taken it (it
 * posts to the bot afterwards).
 */
export async function sendMockActivity(
  playgroundUrl: string,
  conversationId: string,
  fields: Readonly<Record<string, unknown>>,
): Promise<void> {
  const templateUrl = new URL('/_internal/v1/customActivities/template', playgroundUrl);
  templateUrl.searchParams.set('conversationId', conversationId);
  const template = await fetch(templateUrl);
  if (!template.ok) throw new Error(`no activity template for ${conversationId}: HTTP ${template.status}`);
  const activity = { ...((await template.json()) as Record<string, unknown>), ...fields };
  const sent = await fetch(new URL('/_internal/v1/customActivities', playgroundUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  if (!sent.ok) throw new Error(`the Playground refused the activity: HTTP ${sent.status}`);
}

/** The Lexical message editor inside `scope`. */
function editorIn(scope: Locator): Locator {
  return scope.locator('[role=textbox][contenteditable=true]').first();
}

async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const base = join(RESULTS_DIR, safeFileName(name));
  // Best effort: a failing test must report its own error, not the screenshot's.
  await page.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => undefined);
  await writeFile(`${base}.html`, await page.content().catch(() => '')).catch(() => undefined);
  return `${base}.png`;
}

function safeFileName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 120);
}
