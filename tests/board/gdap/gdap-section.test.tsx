// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act } from 'react';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGdapBoardApi } from '../../../src/board/gdap/gdap-board-api.js';
import type { SendJson } from '../../../src/board/gdap/gdap-board-api.js';
import { GdapSection } from '../../../src/board/gdap/gdap-section.js';
import { mountedRoot, setUpDom, tearDownDom } from '../../tab/support/render-tab.js';

const TENANT = '4b827261-d21f-4aa9-b7db-7fa1f56fb163';
const LINK = 'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/r1';
const pending = { relationshipId: 'r1', status: 'approvalPending', invitationUrl: LINK, roles: ['4d6ac14f-3453-41d0-bef9-a3e0c569773a'], duration: 'P730D', endDateTime: null };

let container: HTMLElement;
let root: Root;
beforeEach(() => {
  setUpDom();
  ({ root, container } = mountedRoot());
});
afterEach(tearDownDom);

/** The server as the board sees it: a relationship that the test's answers move along. */
function server() {
  const calls: string[] = [];
  let state: Record<string, unknown> | undefined;
  const send: SendJson = async (method, path) => {
    calls.push(`${method} ${path}`);
    if (method === 'GET') return state ? Response.json(state) : Response.json({ errors: [{ field: '', code: 'gdap_not_found', message: 'none' }] }, { status: 404 });
    if (path.endsWith('/demo-approve')) {
      state = { ...pending, status: 'active', endDateTime: '2028-12-04T00:05:00Z' };
      return Response.json(state);
    }
    state = pending;
    return Response.json(state, { status: 201 });
  };
  return { send, calls };
}

async function render(send: SendJson, demo: boolean): Promise<void> {
  const api = createGdapBoardApi(send);
  await act(async () => {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <GdapSection tenantId={TENANT} orderId="CSP-7K2M9QX4" demo={demo} api={api} />
      </FluentProvider>,
    );
  });
}

const button = (name: string) => Array.from(container.querySelectorAll('button')).find((candidate) => candidate.textContent === name);
async function click(name: string): Promise<void> {
  const target = button(name);
  if (!target) throw new Error(`no button ${name}`);
  await act(async () => target.click());
}

describe('the GDAP section of the order view', () => {
  it('requests GDAP, shows the customer link and roles, approves in demo mode and shows until when', async () => {
    const { send, calls } = server();
    await render(send, true);
    expect(container.textContent).toContain('GDAP для этого клиента ещё не запрашивали.');

    await click('Запросить GDAP');
    expect(calls).toContain(`POST /api/distributor/customers/${TENANT}/gdap`);
    expect(container.textContent).toContain('Ждёт вашего одобрения');
    expect(container.querySelector('a')?.getAttribute('href')).toBe(LINK);
    expect(container.textContent).toContain('Администратор лицензий');

    await click('Одобрить (демо)');
    expect(container.textContent).toContain('Одобрен, действует');
    expect(container.textContent).toContain('Действует до 04.12.2028');
    expect(button('Одобрить (демо)')).toBeUndefined();
  });

  it('offers no demo approval outside demo mode', async () => {
    const { send } = server();
    await render(send, false);
    await click('Запросить GDAP');
    expect(button('Одобрить (демо)')).toBeUndefined();
    expect(button('Проверить снова')).toBeDefined();
  });

  it('shows the server’s reason when the request fails, and lets staff try again', async () => {
    const send: SendJson = async (method) =>
      method === 'GET'
        ? Response.json({ errors: [{ field: '', code: 'gdap_not_found', message: 'none' }] }, { status: 404 })
        : Response.json({ errors: [{ field: '', code: 'gdap_permission_missing', message: 'The distributor’s app lacks DelegatedAdminRelationship.ReadWrite.All' }] }, { status: 502 });
    await render(send, false);
    await click('Запросить GDAP');
    expect(container.textContent).toContain('Не получилось');
    expect(container.textContent).toContain('DelegatedAdminRelationship.ReadWrite.All');
    expect(button('Запросить GDAP')).toBeDefined();
  });

  it('shows the relationship a 409 names instead of an error', async () => {
    const send: SendJson = async (method) =>
      method === 'GET'
        ? Response.json({ errors: [{ field: '', code: 'gdap_not_found', message: 'none' }] }, { status: 404 })
        : Response.json({ errors: [{ field: '', code: 'gdap_exists', message: 'exists' }], gdap: pending }, { status: 409 });
    await render(send, false);
    await click('Запросить GDAP');
    expect(container.textContent).toContain('Ждёт вашего одобрения');
  });
});
