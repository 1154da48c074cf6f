import { act } from 'react';
import { BoardApp } from '../../../src/board/components/board-app.js';
import { BoardConfigPage } from '../../../src/board/components/board-config-page.js';
import type { TabConfigurationHost } from '../../../src/board/host/channel-tab-config.js';
import type { ConfigLoadResult, FetchLike } from '../../../src/tab/config/load-tab-config.js';
import type { DisplayPreferences } from '../../../src/tab/host/display-preferences.js';
import type { TabHost } from '../../../src/tab/host/tab-host.js';
import { browserHost, mountedRoot, russianLight, waitUntil } from '../../tab/support/render-tab.js';
import { tabConfig } from '../../tab/support/tab-fixtures.js';
import { orderDetail, orderListResponse } from './board-fixtures.js';

export interface RecordedRequest {
  readonly method: string;
  readonly url: URL;
  readonly body: unknown;
}

export type Route = (request: RecordedRequest) => Response | Promise<Response>;

/**
 * A stand-in for `/api/distributor/*`: one page of orders, the sample order's
 * detail, 200 for status changes and a customer without an MCA by default;
 * each route can be replaced.
 */
export function fakeBoardApi(routes: Partial<Record<'list' | 'detail' | 'status' | 'export' | 'customerAgreement', Route>> = {}) {
  const requests: RecordedRequest[] = [];
  const fetch: FetchLike = async (input, init) => {
    const request: RecordedRequest = {
      method: init?.method ?? 'GET',
      url: new URL(input, 'http://board.test'),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const path = request.url.pathname;
    if (path === '/api/distributor/orders') return (routes.list ?? (() => Response.json(orderListResponse())))(request);
    if (path === '/api/distributor/orders/export') return (routes.export ?? (() => new Response('a;b\n', { headers: { 'content-disposition': 'attachment; filename="orders.csv"' } })))(request);
    if (request.method === 'POST' && path.endsWith('/status')) return (routes.status ?? (() => Response.json(orderDetail().order)))(request);
    if (path.startsWith('/api/distributor/orders/')) return (routes.detail ?? (() => Response.json(orderDetail())))(request);
    if (path.endsWith('/customer-agreement')) {
      return (routes.customerAgreement ?? (() => Response.json({ acceptance: null, partnerCenter: null, handOffEnabled: true, lastHandOff: null })))(request);
    }
    return new Response('not found', { status: 404 });
  };
  return { fetch, requests };
}

export interface RenderedBoard {
  readonly container: HTMLElement;
  text(): string;
  button(name: string | RegExp): HTMLButtonElement | undefined;
  click(name: string | RegExp): Promise<void>;
  input(label: string): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  type(label: string, value: string): Promise<void>;
  waitFor(check: () => boolean, what: string): Promise<void>;
}

/** Call `setUpDom` and `tearDownDom` (tests/tab/support/render-tab.tsx) around each test. */

interface RenderOptions {
  readonly host?: TabHost;
  readonly fetchApi?: FetchLike;
  readonly preferences?: DisplayPreferences;
  readonly loadConfig?: () => Promise<ConfigLoadResult>;
  /** Render the channel tab's configuration page instead of the board. */
  readonly configuration?: TabConfigurationHost;
}

export async function renderBoard(options: RenderOptions = {}): Promise<RenderedBoard> {
  const { root: mounted, container: element } = mountedRoot();
  const host = options.host ?? browserHost(options.preferences ?? russianLight);
  const props = {
    connectHost: async (): Promise<TabHost> => host,
    loadConfig: options.loadConfig ?? (async (): Promise<ConfigLoadResult> => ({ ok: true, config: tabConfig })),
    initialPreferences: options.preferences ?? russianLight,
    fetchApi: options.fetchApi ?? fakeBoardApi().fetch,
  };
  await act(async () => {
    mounted.render(options.configuration ? <BoardConfigPage {...props} configuration={options.configuration} /> : <BoardApp {...props} />);
  });
  const byLabel = (label: string): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement => {
    const labelElement = Array.from(element.querySelectorAll('label')).find((candidate) => candidate.textContent?.replace(/\s*\*$/, '').trim() === label);
    const id = labelElement?.htmlFor;
    const field = id ? element.ownerDocument.getElementById(id) : null;
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement)) {
      throw new Error(`no field labelled "${label}"`);
    }
    return field;
  };
  const rendered: RenderedBoard = {
    container: element,
    text: () => element.textContent ?? '',
    button: (name) =>
      Array.from(element.querySelectorAll('button')).find((candidate) => {
        const accessible = candidate.getAttribute('aria-label') ?? candidate.textContent?.trim() ?? '';
        return typeof name === 'string' ? accessible === name || candidate.textContent?.trim() === name : name.test(accessible);
      }),
    async click(name) {
      const target = rendered.button(name);
      if (!target) throw new Error(`no button "${String(name)}"; page text: ${element.textContent?.slice(0, 400)}`);
      await act(async () => target.click());
    },
    input: byLabel,
    async type(label, value) {
      const field = byLabel(label);
      await act(async () => {
        const prototype = Object.getPrototypeOf(field) as object;
        const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
        setter?.call(field, value);
        field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
      });
    },
    waitFor: (check, what) => waitUntil(element, check, what),
  };
  return rendered;
}
