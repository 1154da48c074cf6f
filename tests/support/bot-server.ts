import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { AppOverrides } from '../../bot/app.js';
import { startAzurite } from './azurite.js';
import type { AzuriteTables } from './azurite.js';
import { startConnectorStandIn } from './connector-stand-in.js';
import type { ConnectorStandIn, ConnectorStandInOptions } from './connector-stand-in.js';
import { createTabDirectory, demoEnv, startApp } from './running-app.js';
import type { RunningApp, TabDirectory } from './running-app.js';

/** A demo-mode server, its Azurite and the connector stand-in it answers to, for one test file. */
export interface BotServer {
  readonly server: RunningApp;
  readonly connector: ConnectorStandIn;
  /** Azurite's connection string, to look at the tables directly. */
  readonly connectionString: string;
}

export interface BotServerOptions extends ConnectorStandInOptions {
  /** Extra environment variables on top of demo mode. */
  readonly env?: Readonly<Record<string, string>>;
  readonly clock?: AppOverrides['clock'];
}

/**
 * Started before the file's tests and stopped after them; the stand-in's
 * recordings and overrides are reset before each test. Read the fields in a test.
 */
export function botServerForFile(options: BotServerOptions = {}): BotServer {
  let azurite: AzuriteTables | undefined;
  let tab: TabDirectory | undefined;
  let connector: ConnectorStandIn | undefined;
  let server: RunningApp | undefined;
  beforeAll(async () => {
    [azurite, tab, connector] = await Promise.all([startAzurite(), createTabDirectory(), startConnectorStandIn(options)]);
    server = await startApp(demoEnv(azurite.connectionString, options.env), {
      tabDirectory: tab.path,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    });
  });
  afterAll(async () => {
    await server?.close();
    await Promise.all([azurite?.stop(), tab?.remove(), connector?.stop()]);
  });
  beforeEach(() => {
    connector?.clear();
    connector?.respondWith(undefined);
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the bot server starts in beforeAll');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get connector() {
      return started(connector);
    },
    get connectionString() {
      return started(azurite).connectionString;
    },
  };
}
