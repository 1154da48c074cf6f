import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { TabApp } from '../../../src/tab/components/tab-app.js';
import type { ConfigLoadResult, FetchLike } from '../../../src/tab/config/load-tab-config.js';
import type { TabConfig } from '../../../src/tab/config/tab-config.js';
import type { DisplayPreferences } from '../../../src/tab/host/display-preferences.js';
import type { HostApp } from '../../../src/tab/host/host-app.js';
import type { HostTheme } from '../../../src/tab/host/host-theme.js';
import type { TabHost } from '../../../src/tab/host/tab-host.js';
import { tabConfig, tenantResponse } from './tab-fixtures.js';
import { orderView } from '../../support/order-fixtures.js';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

export const russianLight: DisplayPreferences = { locale: 'ru', theme: 'default' };

export function browserHost(preferences: DisplayPreferences = russianLight): TabHost {
  return { kind: 'browser', preferences, watchTheme: () => () => undefined };
}

/** A Teams host whose theme the test can switch and whose opened links and token requests it records. */
export function teamsHost(preferences: DisplayPreferences = russianLight, token = 'sso-token', app: HostApp = 'teams') {
  const opened: string[] = [];
  let tokenRequests = 0;
  let emitTheme: (theme: HostTheme) => void = () => undefined;
  const host: TabHost = {
    kind: 'teams',
    app,
    preferences,
    openLink: async (url) => {
      opened.push(url);
    },
    getAuthToken: async () => {
      tokenRequests++;
      return token;
    },
    watchTheme: (onChange) => {
      emitTheme = onChange;
      return () => undefined;
    },
  };
  return { host, opened, tokenRequests: () => tokenRequests, switchTheme: (theme: HostTheme) => emitTheme(theme) };
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Headers;
  readonly body: unknown;
}

export type Route = (request: RecordedRequest) => Response | Promise<Response>;

/**
 * A stand-in for the server's `/api/*`: the demo tenant, an order list and
 * order creation by default; each route can be replaced. The checklist
 * (`journey`) answers 404 unless given.
 */
export function fakeApi(routes: Partial<Record<'tenant' | 'journey' | 'listOrders' | 'submitOrder' | 'acceptCustomerAgreement', Route>> = {}) {
  const requests: RecordedRequest[] = [];
  const created: unknown[] = [];
  const fetch: FetchLike = async (input, init) => {
    const request: RecordedRequest = {
      method: init?.method ?? 'GET',
      path: input,
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    if (request.path === '/api/tenant') return (routes.tenant ?? (() => Response.json(tenantResponse())))(request);
    if (request.path === '/api/tenant/journey' && routes.journey) return routes.journey(request);
    if (request.path === '/api/orders' && request.method === 'GET') {
      return (routes.listOrders ?? (() => Response.json({ orders: [] })))(request);
    }
    if (request.path === '/api/orders' && request.method === 'POST') {
      created.push(request.body);
      return (routes.submitOrder ?? (() => Response.json(orderView(), { status: 201 })))(request);
    }
    if (request.path === '/api/tenant/customer-agreement' && request.method === 'PUT') {
      return (routes.acceptCustomerAgreement ?? (() => new Response('not found', { status: 404 })))(request);
    }
    return new Response('not found', { status: 404 });
  };
  return { fetch, requests, created };
}

export interface RenderedTab {
  readonly container: HTMLElement;
  text(): string;
  tabs(): HTMLElement[];
  button(name: string | RegExp): HTMLButtonElement | undefined;
  /** Clicks a wizard step by its title. */
  openStep(title: string): Promise<void>;
  /** Waits (under act) until the check passes. */
  waitFor(check: () => boolean, what: string): Promise<void>;
}

let container: HTMLElement | undefined;
let root: Root | undefined;

export function setUpDom(): void {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
}

export function tearDownDom(): void {
  act(() => root?.unmount());
  container?.remove();
}

/** The React root and its element that setUpDom() made, for other pages' render helpers. */
export function mountedRoot(): { readonly root: Root; readonly container: HTMLElement } {
  if (!root || !container) throw new Error('call setUpDom() in beforeEach');
  return { root, container };
}

/** Waits (under act) until the check passes; fails with the page's text. */
export async function waitUntil(element: HTMLElement, check: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (check()) return;
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
  }
  throw new Error(`timed out waiting for ${what}; page text: ${element.textContent?.slice(0, 500)}`);
}

export async function renderTab(
  options: {
    readonly host?: TabHost;
    readonly config?: TabConfig;
    readonly loadConfig?: () => Promise<ConfigLoadResult>;
    readonly fetchApi?: FetchLike;
    readonly initialPreferences?: DisplayPreferences;
  } = {},
): Promise<RenderedTab> {
  if (!root || !container) throw new Error('call setUpDom() in beforeEach');
  const host = options.host ?? browserHost();
  const config = options.config ?? tabConfig;
  const loadConfig = options.loadConfig ?? (async (): Promise<ConfigLoadResult> => ({ ok: true, config }));
  const fetchApi = options.fetchApi ?? fakeApi().fetch;
  const connect = async (): Promise<TabHost> => host;
  const mounted = root;
  await act(async () => {
    mounted.render(
      <TabApp connectHost={connect} loadConfig={loadConfig} initialPreferences={options.initialPreferences ?? russianLight} fetchApi={fetchApi} />,
    );
  });
  const element = container;
  const rendered: RenderedTab = {
    container: element,
    text: () => element.textContent ?? '',
    tabs: () => Array.from(element.querySelectorAll<HTMLElement>('[role="tab"]')),
    button: (name) =>
      Array.from(element.querySelectorAll('button')).find((candidate) =>
        typeof name === 'string' ? candidate.textContent?.trim() === name : name.test(candidate.textContent ?? ''),
      ),
    async openStep(title) {
      const tab = rendered.tabs().find((candidate) => candidate.textContent?.includes(title));
      if (!tab) throw new Error(`no step "${title}"`);
      await act(async () => tab.click());
    },
    waitFor: (check, what) => waitUntil(element, check, what),
  };
  return rendered;
}
