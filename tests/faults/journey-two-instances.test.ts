import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite } from '../support/azurite.js';
import type { AzuriteTables } from '../support/azurite.js';
import { startConnectorStandIn } from '../support/connector-stand-in.js';
import type { ConnectorStandIn, SentActivity } from '../support/connector-stand-in.js';
import { createTabDirectory, demoEnv, startApp } from '../support/running-app.js';
import type { RunningApp, TabDirectory } from '../support/running-app.js';
import { personalMessage, postActivity } from '../support/teams-activities.js';

/**
 * Two whole apps (`createApp`) on one Azurite and one controlled clock, as
 * two App Service instances: a customer who said hello in the chat and then
 * did nothing for a week gets exactly one reminder, and an instance started
 * afterwards (a restart) sends it again to nobody.
 */

let azurite: AzuriteTables;
let connector: ConnectorStandIn;
let tab: TabDirectory;
const apps: RunningApp[] = [];
let now = new Date('2026-12-01T07:00:00.000Z'); // Tuesday, 10:00 in Moscow
const clock = (): Date => now;

beforeAll(async () => {
  [azurite, connector, tab] = await Promise.all([startAzurite(), startConnectorStandIn(), createTabDirectory()]);
});

afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await Promise.all([azurite?.stop(), connector?.stop(), tab?.remove()]);
});

async function instance(): Promise<RunningApp> {
  const app = await startApp(demoEnv(azurite.connectionString), { tabDirectory: tab.path, clock, journey: { intervalMs: 100 } });
  apps.push(app);
  return app;
}

const isReminder = (sent: SentActivity): boolean => JSON.stringify(sent.activity.attachments ?? []).includes('Небольшое напоминание');

describe('journey reminders with two instances', () => {
  it('sends one reminder per step, whatever the number of instances and restarts', async () => {
    const first = await instance();
    const hello = await postActivity(first.url, personalMessage({ serviceUrl: connector.url, locale: 'ru-RU' }, 'привет'));
    expect(hello.status).toBe(200);
    const second = await instance();

    // A week later, at 11:00 in Moscow: both instances' passes find the same due reminder.
    now = new Date('2026-12-08T08:00:00.000Z');
    const reminder = await connector.waitForActivity(isReminder, { timeoutMs: 15_000, description: 'the reminder' });
    expect(JSON.stringify(reminder.activity.attachments)).toContain('Принять приглашение');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(connector.sentActivities().filter(isReminder)).toHaveLength(1);

    await first.close();
    await instance();
    now = new Date('2026-12-09T08:00:00.000Z');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(connector.sentActivities().filter(isReminder)).toHaveLength(1);
    await second.close();
  }, 60_000);
});
