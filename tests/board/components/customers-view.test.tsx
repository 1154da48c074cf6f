// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act } from 'react';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CustomersView } from '../../../src/board/components/customers-view.js';
import type { CustomersQuery } from '../../../src/board/api/board-api-client.js';
import type { CustomerList, CustomerListItem } from '../../../src/domain/journey/customer-list.js';
import type { ApiResult } from '../../../src/tab/api/api-failure.js';
import { LocaleContext } from '../../../src/tab/components/locale-context.js';
import { browserHost, mountedRoot, setUpDom, tearDownDom } from '../../tab/support/render-tab.js';

let container: HTMLElement;
let root: Root;
beforeEach(() => {
  setUpDom();
  ({ root, container } = mountedRoot());
});
afterEach(tearDownDom);

function customer(overrides: Partial<CustomerListItem>): CustomerListItem {
  return {
    tenantId: 'tenant-1',
    organizationName: 'ООО «Ромашка»',
    current: 'mcaAccepted',
    stuckSince: '2026-12-01T07:00:00.000Z',
    daysStuck: 6,
    evidenceLevel: 'detected',
    mcaAccepted: false,
    firstContactAt: '2026-12-01T07:00:00.000Z',
    waitingOrders: 1,
    ...overrides,
  };
}

async function render(load: (query: CustomersQuery) => Promise<ApiResult<CustomerList>>): Promise<void> {
  await act(async () => {
    root.render(
      <LocaleContext.Provider value="ru">
        <FluentProvider theme={webLightTheme}>
          <CustomersView api={{ listCustomers: (query) => load(query) }} host={browserHost()} />
        </FluentProvider>
      </LocaleContext.Provider>,
    );
  });
}

const rows = (): string[][] =>
  Array.from(container.querySelectorAll('tbody tr')).map((row) => Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent ?? ''));

describe('CustomersView («Клиенты»)', () => {
  it('lists each customer with its step, days at it, evidence, MCA and waiting orders, and pages on', async () => {
    const queries: CustomersQuery[] = [];
    await render(async (query) => {
      queries.push(query);
      return query.cursor === undefined
        ? { ok: true, value: { customers: [customer({})], nextCursor: 'next' } }
        : { ok: true, value: { customers: [customer({ tenantId: 'tenant-2', organizationName: null, current: null, stuckSince: null, daysStuck: 0, evidenceLevel: 'confirmed', mcaAccepted: true, waitingOrders: 0 })], nextCursor: null } };
    });
    expect(container.querySelector('h2')?.textContent).toBe('Клиенты');
    expect(rows()).toEqual([['ООО «Ромашка»', 'Соглашение с клиентом Майкрософт принято', '6', 'обнаружено', 'не принято', '1']]);

    const more = Array.from(container.querySelectorAll('button')).find((button) => button.textContent === 'Показать ещё');
    await act(async () => more?.click());
    expect(queries).toEqual([{ stuckDays: undefined }, { stuckDays: undefined, cursor: 'next' }]);
    expect(rows()[1]).toEqual(['tenant-2', 'Все шаги пройдены', '—', 'подтверждено', 'принято', '0']);
    expect(Array.from(container.querySelectorAll('button')).some((button) => button.textContent === 'Показать ещё')).toBe(false);
  });

  it('asks for customers stuck more than the chosen days', async () => {
    const queries: CustomersQuery[] = [];
    await render(async (query) => {
      queries.push(query);
      return { ok: true, value: { customers: query.stuckDays === 7 ? [] : [customer({})], nextCursor: null } };
    });
    const select = container.querySelector('select');
    expect(Array.from(select?.options ?? []).map((option) => option.textContent)).toEqual([
      'всех клиентов',
      'застрявших дольше 3 дн.',
      'застрявших дольше 7 дн.',
      'застрявших дольше 14 дн.',
      'застрявших дольше 30 дн.',
    ]);
    await act(async () => {
      if (!select) return;
      select.value = '7';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(queries.at(-1)).toEqual({ stuckDays: 7 });
    expect(container.textContent).toContain('Таких клиентов нет.');
  });
});
