// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCustomerAgreementBoardApi } from '../../../src/board/customer-agreement/customer-agreement-board-api.js';
import { CustomerAgreementSection } from '../../../src/board/customer-agreement/customer-agreement-section.js';
import type { SendJson } from '../../../src/board/gdap/gdap-board-api.js';
import type { Locale } from '../../../src/domain/i18n/locale.js';
import { LocaleContext } from '../../../src/tab/components/locale-context.js';
import { TimeZoneContext } from '../../../src/tab/components/time-zone-context.js';
import { mountedRoot, setUpDom, tearDownDom } from '../../tab/support/render-tab.js';

const TENANT = '4b827261-d21f-4aa9-b7db-7fa1f56fb163';
const PATH = `/api/distributor/customers/${TENANT}/customer-agreement`;
const TEMPLATE = '117a77b0-9360-443b-8795-c6dedc750cf9';
const ACCEPTED_AT = '2026-12-04T09:30:00.000Z';

const notAccepted = { acceptance: null, partnerCenter: null, handOffEnabled: true, lastHandOff: null };
const accepted = {
  acceptance: {
    tenantId: TENANT,
    signatory: { lastName: 'Иванова', firstName: 'Мария', middleName: 'Петровна', email: 'm.ivanova@contoso.ru', phone: '+74951234567' },
    acceptedAt: ACCEPTED_AT,
    templateId: TEMPLATE,
    evidence: { channel: 'tab', tenantId: TENANT, userId: 'u1' },
  },
  partnerCenter: {
    primaryContact: { firstName: 'Мария', lastName: 'Иванова', email: 'm.ivanova@contoso.ru', phoneNumber: '+74951234567' },
    templateId: TEMPLATE,
    dateAgreed: ACCEPTED_AT,
    type: 'MicrosoftCustomerAgreement',
  },
  handOffEnabled: true,
  lastHandOff: null,
};

beforeEach(setUpDom);
afterEach(tearDownDom);

/** The server as the board sees it: the GET answer, and what the hand-off answers. */
function server(view: unknown, handOff: () => Response = () => Response.json({ errors: [{ message: 'unexpected' }] }, { status: 500 })) {
  const calls: string[] = [];
  const send: SendJson = async (method, path) => {
    calls.push(`${method} ${path}`);
    return method === 'GET' ? Response.json(view) : handOff();
  };
  return { send, calls };
}

let container: HTMLElement;

async function render(send: SendJson, locale: Locale = 'ru'): Promise<void> {
  const mounted = mountedRoot();
  container = mounted.container;
  const api = createCustomerAgreementBoardApi(send);
  await act(async () => {
    mounted.root.render(
      <FluentProvider theme={webLightTheme}>
        <LocaleContext.Provider value={locale}>
          <TimeZoneContext.Provider value="Asia/Yekaterinburg">
            <CustomerAgreementSection tenantId={TENANT} api={api} />
          </TimeZoneContext.Provider>
        </LocaleContext.Provider>
      </FluentProvider>,
    );
  });
}

const text = () => container.textContent ?? '';
const button = (name: string) => Array.from(container.querySelectorAll('button')).find((candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent) === name);
async function click(name: string): Promise<void> {
  const target = button(name);
  if (!target) throw new Error(`no button ${name}; text: ${text()}`);
  await act(async () => target.click());
}

describe('the MCA section of the order view', () => {
  it('says the customer has not accepted, where they accept it, and offers nothing to send', async () => {
    const { send } = server(notAccepted);
    await render(send);
    expect(text()).toContain('MCA: не принято');
    expect(text()).toContain('на вкладке или в чате');
    expect(button('Передать в Partner Center')).toBeUndefined();
    expect(container.querySelectorAll('button[aria-label^="Копировать"]')).toHaveLength(0);
  });

  it('shows who accepted and when, and the Partner Center confirmation with a copy button for each value', async () => {
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (value: string) => void written.push(value) } });
    const { send } = server(accepted);
    await render(send);
    expect(text()).toContain('MCA: принято');
    expect(text()).toContain('Иванова Мария Петровна');
    expect(text()).toContain('m.ivanova@contoso.ru');
    // 09:30 UTC in the distributor's time zone (UTC+5).
    expect(text()).toContain('14:30');
    expect(text()).toContain(TEMPLATE);
    const labels = Array.from(container.querySelectorAll('button[aria-label^="Копировать"]')).map((candidate) => candidate.getAttribute('aria-label'));
    expect(labels).toEqual([
      'Копировать: Имя (First name)',
      'Копировать: Фамилия (Last name)',
      'Копировать: Эл. почта (Email)',
      'Копировать: Телефон (Phone number)',
      'Копировать: Дата принятия, UTC (Date agreed)',
      'Копировать: ID шаблона (Template ID)',
    ]);
    await click('Копировать: Имя (First name)');
    await click('Копировать: Дата принятия, UTC (Date agreed)');
    expect(written).toEqual(['Мария', ACCEPTED_AT]);
  });

  it('sends the confirmation to Partner Center and shows the answer it stored', async () => {
    const { send, calls } = server(accepted, () => Response.json({ at: '2026-12-04T10:00:00.000Z', by: 'Петрова Анна', acceptedAt: ACCEPTED_AT, outcome: 'created' }));
    await render(send, 'en');
    await click('Send to Partner Center');
    expect(calls).toContain(`POST ${PATH}/partner-center`);
    expect(text()).toContain('Partner Center accepted the confirmation.');
    expect(text()).toContain('Last sent: ');
    expect(text()).toContain('by Петрова Анна');
    // Announced to screen readers: the answer sits in a live region.
    const announced = Array.from(container.querySelectorAll('[role="status"]')).map((region) => region.textContent ?? '');
    expect(announced.some((region) => region.includes('Partner Center accepted the confirmation.'))).toBe(true);
  });

  it('shows Partner Center’s refusal with its code and description, and the stored answer of an older acceptance', async () => {
    const refusal = { at: '2026-12-04T10:00:00.000Z', by: 'Петрова Анна', acceptedAt: ACCEPTED_AT, outcome: 'refused', code: '600041', description: 'Customer agreement template id is not valid.' };
    const { send } = server({ ...accepted, lastHandOff: { ...refusal, acceptedAt: '2026-11-01T08:00:00.000Z' } }, () => Response.json(refusal));
    await render(send);
    expect(text()).toContain('клиент принял соглашение заново');
    await click('Передать в Partner Center');
    expect(text()).toContain('Partner Center отказал.');
    expect(text()).toContain('Код ошибки: 600041');
    expect(text()).toContain('Customer agreement template id is not valid.');
    expect(text()).not.toContain('клиент принял соглашение заново');
  });

  it.each([
    ['alreadyExists', { code: '600061', description: 'PartnerConfirmedAgreementAlreadyExists' }, 'Partner Center already has this confirmation.'],
    ['unavailable', { description: 'HTTP 503' }, 'Partner Center did not answer. Try again later.'],
  ])('says what Partner Center’s answer %s means', async (outcome, details, title) => {
    const { send } = server(accepted, () => Response.json({ at: '2026-12-04T10:00:00.000Z', by: 'Петрова Анна', acceptedAt: ACCEPTED_AT, outcome, ...details }));
    await render(send, 'en');
    await click('Send to Partner Center');
    expect(text()).toContain(title);
    expect(text()).toContain(details.description);
  });

  it('shows the server’s reason when sending fails, and offers no button without Partner Center access', async () => {
    const { send } = server(accepted, () =>
      Response.json({ errors: [{ field: '', code: 'partner_center_token_failed', message: 'Microsoft Entra ID did not issue a Partner Center token for you.' }] }, { status: 502 }),
    );
    await render(send);
    await click('Передать в Partner Center');
    expect(text()).toContain('Не удалось передать в Partner Center');
    expect(text()).toContain('did not issue a Partner Center token');
    expect(button('Передать в Partner Center')).toBeDefined();

    const { send: noAccess } = server({ ...accepted, handOffEnabled: false });
    await render(noAccess);
    expect(button('Передать в Partner Center')).toBeUndefined();
    expect(text()).toContain('перенесите значения вручную');
  });

  it('shows why the agreement could not be loaded and loads it again on request', async () => {
    let fail = true;
    const send: SendJson = async () => {
      if (fail) throw new Error('network down');
      return Response.json(notAccepted);
    };
    await render(send);
    expect(text()).toContain('Не удалось загрузить данные о соглашении');
    expect(text()).toContain('network down');
    fail = false;
    await click('Повторить');
    expect(text()).toContain('MCA: не принято');
  });
});
